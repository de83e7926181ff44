fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    match tiltak::read_report(&path) {
        Ok(r) => {
            let out = std::io::stdout();
            tiltak::render::csv::toc(&r, out.lock(), Default::default()).unwrap();
            tiltak::render::csv::overview(&r, out.lock(), Default::default()).unwrap();
            tiltak::render::csv::measures(&r, out.lock(), Default::default()).unwrap();
            tiltak::render::csv::departments(&r, out.lock(), Default::default()).unwrap();
            tiltak::render::csv::commitments(&r, out.lock(), Default::default()).unwrap();
            println!("{:?} {:?} {:?} {} {:?}", r.plan_title, r.period, r.as_of, r.final_report, r.summary);
        }
        Err(e) => eprintln!("{e}"),
    }
}

//! Year-over-year diff.
use crate::util;

#[test]
fn diff_probe() {
    let old = util::parse_text(&util::reference_text());
    let new = util::parse_text(
        &std::fs::read_to_string(util::repo(
            "inputs/build/sources/frihet-sluttrapport-2024.txt",
        ))
        .unwrap(),
    );
    let d = tiltak::diff::run(&old, &new);
    for c in &d.changes {
        println!(
            "{} | {} | {} | {} | {}",
            c.measure, c.field, c.change, c.old, c.new
        );
    }
    println!("{:#?}", d.transitions);
    for f in &d.commitments {
        println!(
            "{} {} {:?} {:?}\n  P: {}\n  M: {:?}",
            f.measure, f.due, f.verdict, f.new_status, f.promise, f.mentions
        );
    }
}

//! Speed of `tiltak parse` against `pdftotext -layout`, and of each stage.
//!
//! Run with `cargo bench`. Prints medians over repeated runs; pdftotext
//! (poppler-utils) is the peer: it only extracts text, tiltak also rebuilds
//! the layout, parses, checks and compares.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 15;
const FILES: &[&str] = &[
    "inputs/frihet-status-2023.pdf",
    "tests/fixtures/frihet-status-2023-chromium.pdf",
    "inputs/frihet-sluttrapport-2024.pdf",
];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tiltak = env!("CARGO_BIN_EXE_tiltak");
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    println!("medians of {RUNS} runs\n");
    println!(
        "{:<50} {:>10} {:>10} {:>7}",
        "whole command", "tiltak", "pdftotext", "ratio"
    );
    for file in FILES {
        let path = root.join(file);
        let ours = time(|| {
            let out = Command::new(tiltak)
                .arg("parse")
                .arg(&path)
                .output()
                .unwrap();
            assert!(out.status.success());
        });
        if has_pdftotext {
            let theirs = time(|| {
                let out = Command::new("pdftotext")
                    .arg("-layout")
                    .arg(&path)
                    .arg("/dev/null")
                    .output()
                    .unwrap();
                assert!(out.status.success());
            });
            let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
            println!("{file:<50} {} {} {ratio:7.2}", ms(ours), ms(theirs));
        } else {
            println!("{file:<50} {}   (pdftotext not installed)", ms(ours));
        }
    }

    println!(
        "\n{:<50} {:>10} {:>10} {:>10} {:>10}",
        "stages (in process)", "extract", "clean", "parse", "check"
    );
    let mut reports = Vec::new();
    for file in FILES {
        let path = root.join(file);
        let extract = time(|| drop(tiltak::extract::read(&path).unwrap()));
        let doc = tiltak::extract::read(&path).unwrap();
        let clean = time(|| drop(tiltak::clean::run(doc.clone())));
        let cleaned = tiltak::clean::run(doc);
        let parse = time(|| drop(tiltak::parse_document(&cleaned, &path).unwrap()));
        let report = tiltak::parse_document(&cleaned, &path).unwrap();
        let check = time(|| drop(tiltak::check::run(&report)));
        println!(
            "{file:<50} {} {} {} {}",
            ms(extract),
            ms(clean),
            ms(parse),
            ms(check)
        );
        reports.push(report);
    }
    let diff = time(|| drop(tiltak::diff::run(&reports[0], &reports[2])));
    println!("\ndiff 2023 -> final report: {}", ms(diff));
}

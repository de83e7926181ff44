//! Speed and memory of `tiltak parse` against `pdftotext -layout`, of each
//! stage, and of a batch of 100 reports.
//!
//! Run with `cargo bench --bench pipeline`. Prints medians over repeated
//! runs; pdftotext (poppler-utils) is the peer: it only extracts text,
//! tiltak also rebuilds the layout, parses, checks and compares. The two
//! commands are run alternately, so both see the same machine load. Peak
//! memory of a command is GNU time's maximum resident set size
//! (`/usr/bin/time -f %M`); in-process figures come from `/proc/self/status`.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const RUNS: usize = 21;
const FILES: &[&str] = &[
    "inputs/frihet-status-2023.pdf",
    "tests/fixtures/frihet-status-2023-chromium.pdf",
    "inputs/frihet-sluttrapport-2024.pdf",
];
/// Reports in the scale run.
const BATCH: usize = 100;

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

/// Medians of two commands run alternately.
fn time_pair(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let start = Instant::now();
        a();
        ta.push(start.elapsed());
        let start = Instant::now();
        b();
        tb.push(start.elapsed());
    }
    (median(ta), median(tb))
}

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1000.0)
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Peak resident memory of a command in MB, if GNU time is installed.
fn peak_mb(program: &str, args: &[&str]) -> Option<f64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", program])
        .args(args)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let kb: f64 = err.lines().last()?.trim().parse().ok()?;
    Some(kb / 1024.0)
}

/// A line of `/proc/self/status` in MB (`VmRSS`, `VmHWM`).
fn status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tiltak = env!("CARGO_BIN_EXE_tiltak");
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("medians of {RUNS} runs, {cores} cores\n");

    println!(
        "{:<48} {:>10} {:>10} {:>6} {:>9} {:>9}",
        "whole command", "tiltak", "pdftotext", "ratio", "tiltak MB", "pdftt MB"
    );
    for file in FILES {
        let path = root.join(file);
        let ours = || run(Command::new(tiltak).arg("parse").arg(&path));
        let theirs = || {
            run(Command::new("pdftotext")
                .arg("-layout")
                .arg(&path)
                .arg("/dev/null"))
        };
        let path_str = path.to_str().unwrap();
        let our_mb = peak_mb(tiltak, &["parse", path_str]);
        let mb = |m: Option<f64>| m.map_or("      n/a".into(), |m| format!("{m:9.1}"));
        if has_pdftotext {
            let (ours, theirs) = time_pair(ours, theirs);
            let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
            let their_mb = peak_mb("pdftotext", &["-layout", path_str, "/dev/null"]);
            println!(
                "{file:<48} {} {} {ratio:6.2} {} {}",
                ms(ours),
                ms(theirs),
                mb(our_mb),
                mb(their_mb)
            );
        } else {
            println!(
                "{file:<48} {}   (pdftotext not installed) {}",
                ms(time(ours)),
                mb(our_mb)
            );
        }
    }

    println!(
        "\n{:<48} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "stages (in process)", "pdf", "layout", "clean", "parse", "check"
    );
    let mut reports = Vec::new();
    for file in FILES {
        let path = root.join(file);
        let bytes = std::fs::read(&path).unwrap();
        let cancel = AtomicBool::new(false);
        let glyphs = || tiltak::extract::pdf::read_glyphs(&bytes, &path, 2000, &cancel).unwrap();
        let pdf = time(|| drop(glyphs()));
        let pages = glyphs();
        let layout = time(|| drop(tiltak::extract::layout::run(pages.clone())));
        let doc = tiltak::extract::layout::run(pages);
        let clean = time(|| drop(tiltak::clean::run(doc.clone())));
        let cleaned = tiltak::clean::run(doc);
        let parse = time(|| drop(tiltak::parse_document(&cleaned, &path).unwrap()));
        let report = tiltak::parse_document(&cleaned, &path).unwrap();
        let check = time(|| drop(tiltak::check::run(&report)));
        println!(
            "{file:<48} {} {} {} {} {}",
            ms(pdf),
            ms(layout),
            ms(clean),
            ms(parse),
            ms(check)
        );
        reports.push(report);
    }
    let diff = time(|| drop(tiltak::diff::run(&reports[0], &reports[2])));
    println!("\ndiff 2023 -> final report: {}", ms(diff));
    drop(reports);

    // The scale run: one batch reading the same report again and again,
    // keeping every report (as the main job does before diffing).
    let path = root.join(FILES[0]);
    let rss_before = status_mb("VmRSS");
    let start = Instant::now();
    let mut batch = Vec::with_capacity(BATCH);
    let mut marks = Vec::new();
    for i in 1..=BATCH {
        let report = tiltak::read_report(&path).unwrap();
        batch.push(report);
        if [1, 10, 50, 100].contains(&i) {
            marks.push((i, start.elapsed(), status_mb("VmRSS") - rss_before));
        }
    }
    println!("\nscale run: {BATCH} x {} in one process", FILES[0]);
    println!(
        "{:>8} {:>12} {:>14} {:>14} {:>14}",
        "reports", "total", "per report", "RSS growth", "per report"
    );
    for (n, elapsed, rss) in marks {
        println!(
            "{n:>8} {:>12} {:>14} {:>11.1} MB {:>11.2} MB",
            ms(elapsed),
            ms(elapsed / n as u32),
            rss,
            rss / n as f64
        );
    }
    hostile(root);
    println!(
        "peak resident memory of the whole bench: {:.1} MB",
        status_mb("VmHWM")
    );
}

/// How long the library takes to read, or refuse, each hostile file
/// (`tests/hostile/`; the tests check what it says, this how fast).
fn hostile(root: &Path) {
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/hostile"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    println!(
        "
hostile inputs: time to read or refuse (median of 3)"
    );
    let many = tiltak::Limits {
        max_pages: 20_000,
        ..tiltak::Limits::default()
    };
    let mut slowest = Duration::ZERO;
    for file in &files {
        let limits = if file.ends_with("many-pages.pdf") {
            many.clone()
        } else {
            tiltak::Limits::default()
        };
        let times: Vec<Duration> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let outcome = tiltak::read_report_with_warnings(file, &limits);
                let elapsed = start.elapsed();
                drop(outcome);
                elapsed
            })
            .collect();
        let t = median(times);
        slowest = slowest.max(t);
        let name = file.file_name().unwrap().to_string_lossy();
        println!("  {name:<36} {}", ms(t));
    }
    println!("  slowest: {}", ms(slowest));
}

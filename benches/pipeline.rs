//! Speed and memory of `tiltak parse` against `pdftotext -layout` and
//! `mutool draw -F txt`, of each stage, and of a batch of 1,000 pages.
//!
//! Run with `cargo bench --bench pipeline`. Prints, per PDF (the committed
//! reports, the producer fixtures and the genre corpus: LibreOffice,
//! Chromium, LaTeX, Typst, reportlab), medians over interleaved runs: the
//! three commands take turns, so all see the same machine load. The peers
//! only extract text; `tiltak parse --out DIR` also rebuilds the layout,
//! parses, checks and writes every output file. Peak memory of a command
//! is GNU time's maximum resident set size (`/usr/bin/time -f %M`);
//! in-process figures come from `/proc/self/status`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// Runs per command and file.
const RUNS: usize = 21;
/// Pages in the scale run (at least): the 24-page report read again and
/// again in one process, every report kept.
const SCALE_PAGES: usize = 1000;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
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

/// Runs a command to its end; false when it cannot be started or fails.
fn run(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|out| out.status.success())
}

/// Peak resident memory of a command in MB, if GNU time is installed.
fn peak_mb(program: &str, args: &[&str]) -> Option<f64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", program])
        .args(args)
        .output()
        .ok()?;
    // A program that is not there (or failed) has no peak to show.
    if !out.status.success() {
        return None;
    }
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

/// The PDFs measured: the committed reports, then the fixtures of other
/// producers, then the genre corpus.
fn files(root: &Path) -> Vec<PathBuf> {
    let pdfs_in = |dir: &str| {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        found.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
        found.sort();
        found
    };
    let mut files = pdfs_in("inputs");
    files.push(root.join("tests/fixtures/frihet-status-2023-chromium.pdf"));
    files.extend(pdfs_in("tests/fixtures/producers"));
    files.extend(pdfs_in("tests/genre"));
    files
}

/// One file's whole-command medians: tiltak, pdftotext, mutool.
struct Whole {
    ours: Duration,
    pdftotext: Option<Duration>,
    mutool: Option<Duration>,
}

/// Times the three commands on one file, taking turns.
fn whole_commands(tiltak: &str, path: &Path, out: &Path) -> Whole {
    let mut times: [Vec<Duration>; 3] = Default::default();
    let mut ok = [true; 3];
    for _ in 0..RUNS {
        let commands: [Command; 3] = [
            {
                let mut c = Command::new(tiltak);
                c.arg("-q").arg("parse").arg(path).arg("--out").arg(out);
                c
            },
            {
                let mut c = Command::new("pdftotext");
                c.arg("-layout").arg(path).arg("/dev/null");
                c
            },
            {
                let mut c = Command::new("mutool");
                c.args(["draw", "-q", "-F", "txt", "-o", "/dev/null"])
                    .arg(path);
                c
            },
        ];
        for (i, mut command) in commands.into_iter().enumerate() {
            let start = Instant::now();
            ok[i] &= run(&mut command);
            times[i].push(start.elapsed());
        }
    }
    let [ours, pdftotext, mutool] = times.map(median);
    Whole {
        ours,
        pdftotext: ok[1].then_some(pdftotext),
        mutool: ok[2].then_some(mutool),
    }
}

fn whole_table(root: &Path, files: &[PathBuf]) {
    let tiltak = env!("CARGO_BIN_EXE_tiltak");
    let out = std::env::temp_dir().join(format!("tiltak-bench-{}", std::process::id()));
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>6} {:>7} {:>7} {:>7}",
        "tiltak parse --out (whole command)",
        "tiltak",
        "pdftotext",
        "mutool",
        "ratio",
        "t MB",
        "pt MB",
        "mu MB"
    );
    let (mut worst, mut sums): (Option<f64>, _) = (None, [Duration::ZERO; 3]);
    for path in files {
        let name = shown(root, path);
        let w = whole_commands(tiltak, path, &out);
        let faster = [w.pdftotext, w.mutool].into_iter().flatten().min();
        let ratio = faster.map(|f| w.ours.as_secs_f64() / f.as_secs_f64());
        if let Some(r) = ratio {
            worst = Some(worst.map_or(r, |w| w.max(r)));
        }
        let ratio = ratio.map_or("   n/a".into(), |r| format!("{r:6.2}"));
        sums[0] += w.ours;
        sums[1] += w.pdftotext.unwrap_or_default();
        sums[2] += w.mutool.unwrap_or_default();
        let p = path.to_string_lossy();
        let o = out.to_string_lossy();
        let mb = |m: Option<f64>| m.map_or("    n/a".into(), |m| format!("{m:7.1}"));
        let opt = |d: Option<Duration>| d.map_or("       n/a".into(), ms);
        println!(
            "{name:<44} {} {} {} {ratio} {} {} {}",
            ms(w.ours),
            opt(w.pdftotext),
            opt(w.mutool),
            mb(peak_mb(tiltak, &["-q", "parse", &p, "--out", &o])),
            mb(peak_mb("pdftotext", &["-layout", &p, "/dev/null"])),
            mb(peak_mb(
                "mutool",
                &["draw", "-q", "-F", "txt", "-o", "/dev/null", &p]
            ))
        );
    }
    let _ = std::fs::remove_dir_all(&out);
    // Without the peers there is nothing to compare with: say so rather
    // than print a ratio of zero.
    let worst = worst.map_or(
        "n/a (pdftotext and mutool not found: apt-get install poppler-utils mupdf-tools)".into(),
        |w| format!("{w:.2}"),
    );
    println!(
        "{:<44} {} {} {}   worst ratio to the faster peer: {worst}",
        "sum",
        ms(sums[0]),
        ms(sums[1]),
        ms(sums[2])
    );
}

/// A PDF's path as the tables show it: from the repository's root.
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn stage_table(root: &Path, files: &[PathBuf]) {
    println!(
        "\n{:<44} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "stages (in process)", "pdf", "layout", "clean", "parse", "check"
    );
    for path in files {
        let name = shown(root, path);
        let bytes = std::fs::read(path).unwrap();
        let cancel = AtomicBool::new(false);
        let glyphs = || tiltak::extract::pdf::read_glyphs(&bytes, path, 2000, &cancel).unwrap();
        let pdf = time(RUNS, || drop(glyphs()));
        let pages = glyphs();
        let layout = time(RUNS, || drop(tiltak::extract::layout::run(pages.clone())));
        let doc = tiltak::extract::layout::run(pages);
        let clean = time(RUNS, || drop(tiltak::clean::run(doc.clone())));
        let cleaned = tiltak::clean::run(doc);
        let Ok(report) = tiltak::parse_document(&cleaned, path) else {
            println!(
                "{name:<44} {} {} {}   (not a report)",
                ms(pdf),
                ms(layout),
                ms(clean)
            );
            continue;
        };
        let parse = time(RUNS, || drop(tiltak::parse_document(&cleaned, path)));
        let check = time(RUNS, || drop(tiltak::check::run(&report)));
        println!(
            "{name:<44} {} {} {} {} {}",
            ms(pdf),
            ms(layout),
            ms(clean),
            ms(parse),
            ms(check)
        );
    }
}

/// Reads the 24-page report until `SCALE_PAGES` pages are read, keeping
/// every report, and prints time and memory per page along the way.
fn scale_run(root: &Path) {
    let path = root.join("inputs/frihet-status-2023.pdf");
    let pages = tiltak::extract::read(&path)
        .map_or(1, |d| d.pages.len())
        .max(1);
    let reports = SCALE_PAGES.div_ceil(pages);
    let rss_before = status_mb("VmRSS");
    let start = Instant::now();
    let mut batch = Vec::with_capacity(reports);
    let mut marks = Vec::new();
    let at = [1, reports / 10, reports / 4, reports / 2, reports];
    for i in 1..=reports {
        batch.push(tiltak::read_report(&path).unwrap());
        if at.contains(&i) {
            marks.push((i * pages, start.elapsed(), status_mb("VmRSS") - rss_before));
        }
    }
    println!(
        "\nscale run: {reports} x {} ({pages} pages) in one process",
        path.display()
    );
    println!(
        "{:>8} {:>12} {:>12} {:>14} {:>14}",
        "pages", "total", "per page", "RSS growth", "per page"
    );
    for (n, elapsed, rss) in marks {
        println!(
            "{n:>8} {} {:>9.2} ms {:>11.1} MB {:>11.3} MB",
            ms(elapsed),
            elapsed.as_secs_f64() * 1000.0 / n as f64,
            rss,
            rss / n as f64
        );
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("medians of {RUNS} interleaved runs, {cores} cores\n");
    let files = files(root);
    whole_table(root, &files);
    stage_table(root, &files);
    {
        let a = tiltak::read_report(&root.join("inputs/frihet-status-2023.pdf")).unwrap();
        let b = tiltak::read_report(&root.join("inputs/frihet-sluttrapport-2024.pdf")).unwrap();
        let diff = time(RUNS, || drop(tiltak::diff::run(&a, &b)));
        println!("\ndiff 2023 -> final report: {}", ms(diff));
    }
    scale_run(root);
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

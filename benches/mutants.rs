//! The mutation run: thousands of damaged copies of the committed PDFs
//! ([`mutate`]), each read as `tiltak parse` reads it, and whether every
//! loss of data was said on stderr.
//!
//! Run with `cargo bench --bench mutants [-- COUNT [SEED]]`: COUNT mutants
//! of each of the three PDFs (default 700, so 2 100 in all). Prints the
//! tally, every silent loss and every panic with the seed that replays it,
//! the time and the process's peak memory (an upper bound for each
//! mutant's). Exits 1 when anything was lost silently or broke.

#[path = "../tests/mutate.rs"]
mod mutate;

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(700);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(12);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let originals = mutate::originals(root);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let start = Instant::now();
    let tallies = mutate::run_per_original(&originals, count, seed, dir.path());
    let elapsed = start.elapsed();
    let mut failed = false;
    let mut total = mutate::Tally::default();
    for (name, t) in mutate::ORIGINALS.iter().zip(&tallies) {
        println!(
            "{name}: {} mutants: {} whole, {} lost with a warning, {} refused, {} silent losses, {} broken",
            t.mutants,
            t.whole,
            t.warned,
            t.refused,
            t.silent.len(),
            t.broken.len()
        );
        total.mutants += t.mutants;
        total.whole += t.whole;
        total.warned += t.warned;
        total.refused += t.refused;
        for line in t.silent.iter().chain(&t.broken) {
            println!("  {line}");
            failed = true;
        }
    }
    let silent: usize = tallies.iter().map(|t| t.silent.len()).sum();
    let broken: usize = tallies.iter().map(|t| t.broken.len()).sum();
    println!(
        "total: {} mutants in {:.1} s: {} whole, {} lost with a warning, {} refused, {silent} silent losses, {broken} panics or bad errors; peak memory {} MB",
        total.mutants,
        elapsed.as_secs_f64(),
        total.whole,
        total.warned,
        total.refused,
        peak_mb()
    );
    if failed {
        std::process::exit(1);
    }
}

/// The process's peak resident memory in MB (Linux), 0 when unknown.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

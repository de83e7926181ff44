//! Extraction quality and speed on real-world PDFs, against the peers.
//!
//! Run with `cargo bench --bench corpus`. Reads every PDF in
//! `../shared/realworld/pdfs` (public test-suite files kept outside the
//! repository; without them the bench says so and stops), extracts its text
//! with `tiltak extract`, `pdftotext` (poppler-utils) and `mutool draw -F txt`
//! (mupdf-tools), and scores the words of tiltak and of mutool against
//! pdftotext's: recall (the share of pdftotext's words found) and precision
//! (the share of the words found that pdftotext has), counted as multisets
//! of the text module's terms, and the recall of word pairs (which only
//! agree where the reading order does). Prints a line per file, the
//! aggregates, the files below 0.95 and the time ratios.
//!
//! tiltak is scored with `--running`: the peers keep running headers and
//! footers, and leaving them out of the reading text is cleaning, not
//! reading. The score of the default output (headers and footers left
//! out) is printed beside it, so the cost of that choice stays visible.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Below this recall or precision a file is listed.
const GOOD: f64 = 0.95;

/// One extractor's text of one file and how long it took.
struct Run {
    words: HashMap<String, usize>,
    /// Pairs of consecutive words: they agree only where the reading order
    /// does (two columns read line by line share words, not pairs).
    pairs: HashMap<String, usize>,
    time: Duration,
}

fn run(program: &str, args: &[&str]) -> Option<Run> {
    let start = Instant::now();
    let out = Command::new(program).args(args).output().ok()?;
    let time = start.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    let terms: Vec<String> = tiltak::text::terms(&text).collect();
    let (mut words, mut pairs) = (HashMap::new(), HashMap::new());
    for term in &terms {
        *words.entry(term.clone()).or_insert(0) += 1;
    }
    for pair in terms.windows(2) {
        *pairs.entry(format!("{} {}", pair[0], pair[1])).or_insert(0) += 1;
    }
    Some(Run { words, pairs, time })
}

/// Items of `found` that `truth` has too (multiset intersection), and the
/// totals of each.
fn overlap(
    found: &HashMap<String, usize>,
    truth: &HashMap<String, usize>,
) -> (usize, usize, usize) {
    let common = found
        .iter()
        .map(|(w, n)| (*n).min(truth.get(w).copied().unwrap_or(0)))
        .sum();
    let total = |m: &HashMap<String, usize>| m.values().sum();
    (common, total(found), total(truth))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Running sums of one extractor against pdftotext.
#[derive(Default)]
struct Score {
    common: usize,
    found: usize,
    truth: usize,
    common_pairs: usize,
    truth_pairs: usize,
    time: Duration,
    below: Vec<String>,
}

impl Score {
    fn add(&mut self, name: &str, found: &Run, truth: &Run) -> (f64, f64) {
        let (common, n_found, n_truth) = overlap(&found.words, &truth.words);
        let (common_pairs, _, truth_pairs) = overlap(&found.pairs, &truth.pairs);
        self.common_pairs += common_pairs;
        self.truth_pairs += truth_pairs;
        self.common += common;
        self.found += n_found;
        self.truth += n_truth;
        self.time += found.time;
        let (recall, precision) = (ratio(common, n_truth), ratio(common, n_found));
        if recall < GOOD || precision < GOOD {
            self.below.push(format!(
                "{name} (recall {recall:.3}, precision {precision:.3})"
            ));
        }
        (recall, precision)
    }

    fn print(&self, who: &str, peer_time: Duration) {
        println!(
            "{who:<8} recall {:.4}  precision {:.4}  word-pair recall {:.4}  files below {GOOD}: {:>2}  time {:>8.1} ms ({:.2} x pdftotext)",
            ratio(self.common, self.truth),
            ratio(self.common, self.found),
            ratio(self.common_pairs, self.truth_pairs),
            self.below.len(),
            self.time.as_secs_f64() * 1000.0,
            self.time.as_secs_f64() / peer_time.as_secs_f64().max(1e-9)
        );
    }
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    files.sort();
    files
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realworld/pdfs");
    let files = pdfs(&dir);
    if files.is_empty() {
        println!(
            "no real-world corpus at {}; nothing to measure",
            dir.display()
        );
        return;
    }
    let tiltak = env!("CARGO_BIN_EXE_tiltak");
    let has_mutool = Command::new("mutool").output().is_ok();
    println!(
        "{:<44} {:>8} {:>8} {:>8} {:>8}",
        "file", "t.recall", "t.prec", "m.recall", "m.prec"
    );
    let (mut ours, mut theirs) = (Score::default(), Score::default());
    let mut cleaned = Score::default();
    let mut peer_time = Duration::ZERO;
    for file in &files {
        let path = file.to_string_lossy();
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let Some(truth) = run("pdftotext", &["-q", &path, "-"]) else {
            println!("pdftotext is not installed (poppler-utils); nothing to compare with");
            return;
        };
        peer_time += truth.time;
        let Some(found) = run(tiltak, &["extract", "--running", &path]) else {
            continue;
        };
        let (recall, precision) = ours.add(&name, &found, &truth);
        if let Some(without) = run(tiltak, &["extract", &path]) {
            cleaned.add(&name, &without, &truth);
        }
        let mutool = has_mutool
            .then(|| run("mutool", &["draw", "-q", "-F", "txt", "-o", "-", &path]))
            .flatten();
        let (m_recall, m_precision) = match &mutool {
            Some(m) => theirs.add(&name, m, &truth),
            None => (f64::NAN, f64::NAN),
        };
        println!("{name:<44} {recall:>8.3} {precision:>8.3} {m_recall:>8.3} {m_precision:>8.3}");
    }
    println!(
        "\n{} files, against pdftotext ({:.1} ms in all):",
        files.len(),
        peer_time.as_secs_f64() * 1000.0
    );
    ours.print("tiltak", peer_time);
    cleaned.print("tiltak*", peer_time);
    if has_mutool {
        theirs.print("mutool", peer_time);
    } else {
        println!("mutool is not installed (mupdf-tools); no second peer");
    }
    println!("(tiltak*: the default output, running headers and footers left out)");
    println!("\ntiltak below {GOOD}:");
    for line in &ours.below {
        println!("  {line}");
    }
}

//! Mutants of the committed PDFs, and whether damage that loses data is
//! reported: shared by the mutation test (`tests/mutants.rs`, a few
//! hundred) and the bench (`cargo bench --bench mutants`, thousands).
//!
//! A mutant is the original with one kind of damage ([`Kind`]), made by a
//! seeded generator, so a failure can be replayed from its seed. It is
//! read in-process as the CLI reads it; the truth it is judged by is the
//! undamaged original's records, never the damaged file's. A loss counts
//! as reported when a warning names it, or when `tiltak check` gives a
//! finding the original does not have (a structure break: measures the
//! TOC lists but the body lacks, an overview table that stops early).

#![allow(dead_code)]

use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use pdf_extract::{Document, Object, ObjectId};
use tiltak::{Limits, Report};

/// The committed PDFs the mutants are made from.
pub const ORIGINALS: [&str; 3] = [
    "inputs/frihet-status-2023.pdf",
    "inputs/frihet-sluttrapport-2024.pdf",
    "tests/fixtures/frihet-status-2023-chromium.pdf",
];

/// xorshift64: reproducible without a dependency.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The kinds of damage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One to three bytes of the file overwritten.
    Flip,
    /// A bad token put into a page's unpacked content, packed again.
    BadOperator,
    /// Two font objects swapped.
    SwapFonts,
    /// The file cut short.
    Truncate,
}

/// Every kind, in the order mutants cycle through them.
pub const KINDS: [Kind; 4] = [
    Kind::Flip,
    Kind::BadOperator,
    Kind::SwapFonts,
    Kind::Truncate,
];

/// What a reading keeps that damage can lose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// TOC entries.
    pub toc: usize,
    /// Overview table rows.
    pub overview: usize,
    /// Measures and sub-measures.
    pub measures: usize,
    /// Dated commitments.
    pub commitments: usize,
    /// Characters of every measure's texts.
    pub text: usize,
}

impl Fingerprint {
    /// The records' counts.
    pub fn of(report: &Report) -> Fingerprint {
        let text = report
            .measures
            .iter()
            .map(|m| {
                [&m.title, &m.description, &m.progress]
                    .iter()
                    .map(|s| s.chars().count())
                    .sum::<usize>()
            })
            .sum();
        Fingerprint {
            toc: report.toc.len(),
            overview: report.overview.len(),
            measures: report.measures.len(),
            commitments: report.commitments.len(),
            text,
        }
    }

    /// What `self` lacks against `original`, in words; empty when nothing.
    pub fn losses(&self, original: &Fingerprint) -> Vec<String> {
        let mut out = Vec::new();
        let mut less = |what: &str, now: usize, was: usize| {
            if now < was {
                out.push(format!("{what} {now} < {was}"));
            }
        };
        less("toc", self.toc, original.toc);
        less("overview", self.overview, original.overview);
        less("measures", self.measures, original.measures);
        less("commitments", self.commitments, original.commitments);
        less("text", self.text, original.text);
        out
    }
}

/// How reading one file went.
#[derive(Debug)]
pub struct Outcome {
    /// The exit status the CLI would give reading it (0, or 2 for an error;
    /// findings are not looked at).
    pub exit: u8,
    /// The error, when reading failed.
    pub error: Option<String>,
    /// The warnings.
    pub warnings: Vec<String>,
    /// The records' fingerprint, when read.
    pub fingerprint: Option<Fingerprint>,
    /// `tiltak check`'s findings, as rule and measure.
    pub findings: Findings,
    /// Whether the library panicked (never allowed).
    pub panicked: bool,
}

/// Reads `path` as `tiltak parse` does.
pub fn read(path: &Path) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| {
        tiltak::read_report_with_warnings(path, &Limits::default())
    }));
    match result {
        Err(_) => Outcome {
            exit: 101,
            error: None,
            warnings: Vec::new(),
            fingerprint: None,
            findings: Findings::new(),
            panicked: true,
        },
        Ok(Err(e)) => Outcome {
            exit: 2,
            error: Some(e.to_string()),
            warnings: Vec::new(),
            fingerprint: None,
            findings: Findings::new(),
            panicked: false,
        },
        Ok(Ok((report, warnings))) => Outcome {
            exit: 0,
            error: None,
            warnings,
            fingerprint: Some(Fingerprint::of(&report)),
            findings: tiltak::check::run(&report)
                .iter()
                .map(|f| format!("{:?} {}", f.rule, f.measure))
                .collect(),
            panicked: false,
        },
    }
}

/// A mutant of `original` with damage of `kind`; `None` when this kind
/// cannot be made of it (no fonts to swap).
pub fn mutant(original: &[u8], kind: Kind, rng: &mut Rng) -> Option<Vec<u8>> {
    match kind {
        Kind::Flip => {
            let mut bytes = original.to_vec();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
            Some(bytes)
        }
        Kind::Truncate => {
            let keep = bytes_kept(original.len(), rng);
            Some(original[..keep].to_vec())
        }
        Kind::BadOperator => bad_operator(original, rng),
        Kind::SwapFonts => swap_fonts(original, rng),
    }
}

/// Where to cut: anywhere, but half the time in the last tenth (a
/// download cut near its end is the common case).
fn bytes_kept(len: usize, rng: &mut Rng) -> usize {
    if rng.below(2) == 0 {
        len - 1 - rng.below(len / 10)
    } else {
        rng.below(len)
    }
}

/// Tokens that are no PDF, or instructions with wrong operands, or naming
/// what the page lacks.
const BAD_TOKENS: [&[u8]; 12] = [
    b"}",
    b")",
    b"]",
    b">",
    b"1.2.3",
    b"@@",
    b"<zz>",
    b"/F99 12 Tf",
    b"Tj",
    b"(",
    b"BI",
    b"\xff\xfe",
];

fn bad_operator(original: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut doc = Document::load_mem(original).ok()?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let page = pages[rng.below(pages.len())];
    let stream_id = *doc.get_page_contents(page).first()?;
    let Some(Object::Stream(stream)) = doc.objects.get_mut(&stream_id) else {
        return None;
    };
    let mut content = stream.decompressed_content().ok()?;
    // Between two tokens: after some white space.
    let spaces: Vec<usize> = content
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n' || **b == b' ')
        .map(|(i, _)| i + 1)
        .collect();
    let at = *spaces.get(rng.below(spaces.len()))?;
    let token = BAD_TOKENS[rng.below(BAD_TOKENS.len())];
    let mut inserted = token.to_vec();
    inserted.push(b' ');
    content.splice(at..at, inserted);
    let mut packed = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    packed.write_all(&content).ok()?;
    stream.set_content(packed.finish().ok()?);
    stream
        .dict
        .set("Filter", Object::Name(b"FlateDecode".to_vec()));
    stream.dict.remove(b"DecodeParms");
    save(&mut doc)
}

fn swap_fonts(original: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut doc = Document::load_mem(original).ok()?;
    let fonts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .is_ok_and(|d| matches!(d.get(b"Type").and_then(Object::as_name), Ok(b"Font")))
        })
        .map(|(id, _)| *id)
        .collect();
    if fonts.len() < 2 {
        return None;
    }
    let a = fonts[rng.below(fonts.len())];
    let b = fonts[rng.below(fonts.len())];
    if a == b {
        return None;
    }
    let first = doc.objects.remove(&a)?;
    let second = doc.objects.insert(b, first)?;
    doc.objects.insert(a, second);
    save(&mut doc)
}

fn save(doc: &mut Document) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    doc.save_to(&mut out).ok()?;
    Some(out)
}

/// What a run of mutants gave.
#[derive(Debug, Default)]
pub struct Tally {
    /// Mutants read.
    pub mutants: usize,
    /// Read with nothing lost.
    pub whole: usize,
    /// Lost something, and said so with a warning.
    pub warned: usize,
    /// Refused with an error.
    pub refused: usize,
    /// Lost something without a word: (original, kind, seed, what).
    pub silent: Vec<String>,
    /// Panics, errors of more than one line, exit statuses beyond 0-2.
    pub broken: Vec<String>,
}

impl Tally {
    /// Adds another run's counts and lines to these.
    pub fn merge(&mut self, other: Tally) {
        self.mutants += other.mutants;
        self.whole += other.whole;
        self.warned += other.warned;
        self.refused += other.refused;
        self.silent.extend(other.silent);
        self.broken.extend(other.broken);
    }
}

/// [`run`] with a thread per original (the seeds set apart per original):
/// the machine's cores, and a panic in one stays in its own tally. Gives
/// the tallies in the order of `originals`.
pub fn run_per_original(
    originals: &[(String, Vec<u8>, Fingerprint, Findings)],
    count: usize,
    seed: u64,
    dir: &Path,
) -> Vec<Tally> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..originals.len())
            .map(|o| {
                let originals = &originals[o..o + 1];
                let dir = dir.join(o.to_string());
                std::fs::create_dir_all(&dir).expect("a temporary folder");
                let seed = seed.wrapping_add(o as u64 * 1_000_003);
                scope.spawn(move || run(originals, count, seed, &dir))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a mutant thread"))
            .collect()
    })
}

/// Makes and reads `count` mutants of each original, from `seed`, in
/// `dir`; `originals` are (name, bytes, undamaged fingerprint, findings).
pub fn run(
    originals: &[(String, Vec<u8>, Fingerprint, Findings)],
    count: usize,
    seed: u64,
    dir: &Path,
) -> Tally {
    let mut tally = Tally::default();
    for (o, (name, bytes, truth, findings)) in originals.iter().enumerate() {
        for i in 0..count {
            let mutant_seed = seed.wrapping_add((o * count + i) as u64 * 7919) | 1;
            let mut rng = Rng(mutant_seed);
            let kind = KINDS[i % KINDS.len()];
            let Some(damaged) = mutant(bytes, kind, &mut rng) else {
                continue;
            };
            let path = dir.join(format!("mutant-{o}-{i}.pdf"));
            std::fs::write(&path, &damaged).expect("a temporary file");
            let outcome = read(&path);
            let _ = std::fs::remove_file(&path);
            let label = format!("{name} {kind:?} seed {mutant_seed}");
            judge(&mut tally, &outcome, (truth, findings), &label);
        }
    }
    tally
}

/// Findings as rule and measure.
pub type Findings = std::collections::BTreeSet<String>;

fn judge(tally: &mut Tally, outcome: &Outcome, truth: (&Fingerprint, &Findings), label: &str) {
    let (truth, findings) = truth;
    tally.mutants += 1;
    if outcome.panicked || outcome.exit > 2 {
        tally.broken.push(format!("{label}: panicked"));
        return;
    }
    if let Some(error) = &outcome.error {
        if error.contains('\n') || error.trim().is_empty() {
            tally
                .broken
                .push(format!("{label}: error of more than one line: {error:?}"));
        }
        tally.refused += 1;
        return;
    }
    let losses = outcome
        .fingerprint
        .map(|f| f.losses(truth))
        .unwrap_or_default();
    if losses.is_empty() {
        tally.whole += 1;
    } else if outcome.warnings.is_empty() && outcome.findings.is_subset(findings) {
        tally.silent.push(format!("{label}: {}", losses.join(", ")));
    } else {
        tally.warned += 1;
    }
}

/// The undamaged originals with their fingerprints.
pub fn originals(root: &Path) -> Vec<(String, Vec<u8>, Fingerprint, Findings)> {
    ORIGINALS
        .iter()
        .map(|name| {
            let path = root.join(name);
            let outcome = read(&path);
            let truth = outcome.fingerprint.expect("the originals read");
            assert!(
                outcome.warnings.is_empty(),
                "{name}: {:?}",
                outcome.warnings
            );
            let bytes = std::fs::read(&path).unwrap();
            (name.to_string(), bytes, truth, outcome.findings)
        })
        .collect()
}

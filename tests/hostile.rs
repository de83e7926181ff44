//! Hostile inputs (`tests/hostile/`, made by `make.py`): the real binary
//! must refuse each with exit status 2, in one plain sentence naming the
//! file, without panic text and without writing anything; and the
//! library's limits must hold. How long each refusal takes is measured by
//! `cargo bench`, not here.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use tiltak::extract::Limits;

use crate::util;

fn tiltak(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiltak"))
        .args(args)
        .current_dir(util::repo(""))
        .output()
        .expect("the binary runs")
}

/// Each file and the words its error must contain.
const CASES: &[(&str, &str)] = &[
    ("empty.pdf", "the file is empty"),
    ("whitespace.pdf", "the file is empty"),
    (
        "text-named-pdf.pdf",
        "not a PDF file (it has no %PDF header): it holds plain text; name it .txt",
    ),
    (
        "html-named-pdf.pdf",
        "not a PDF file (it has no %PDF header): it holds a web page (HTML); the download may have failed",
    ),
    ("random.pdf", "not a PDF file"),
    ("nul-bytes.pdf", "not a PDF file"),
    ("random-with-header.pdf", "damaged or truncated"),
    ("header-only.pdf", "damaged or truncated"),
    ("truncated-10pct.pdf", "damaged or truncated"),
    ("nested-arrays.pdf", "it has no pages"),
    (
        "deflate-bomb.pdf",
        "a compressed part unpacks to more than 64 MB",
    ),
    ("unrelated.pdf", "not a status report"),
    ("image-only.pdf", "no text layer"),
    ("page-tree-loop.pdf", "its page tree contains itself"),
    ("form-loop.pdf", "a drawing on it includes itself"),
    (
        "many-pages.pdf",
        "the PDF has 20000 pages, more than the limit of 2000 (raise it with --max-pages)",
    ),
    (
        "font-type0-no-descendants.pdf",
        "page 1: the font F1 (Foo) cannot be loaded; 1 piece of text in it was left out",
    ),
    (
        "font-no-subtype.pdf",
        "page 1: the font F1 cannot be loaded; 1 piece of text in it was left out",
    ),
    (
        "font-not-a-dictionary.pdf",
        "page 1: the font F1 cannot be loaded; 1 piece of text in it was left out",
    ),
    (
        "encrypted-aes256-userpw.pdf",
        "encrypted and needs a password",
    ),
    ("encrypted-rc4-userpw.pdf", "encrypted and needs a password"),
    // Read despite the damage, and then found not to be a report.
    ("parent-loop.pdf", "not a status report"),
    ("xref-loop.pdf", "not a status report"),
    ("cid-w-short.pdf", "not a status report"),
    ("cid-w-backwards.pdf", "not a status report"),
    ("cid-w-not-numbers.pdf", "not a status report"),
    ("cid-w-huge-range.pdf", "not a status report"),
    ("cid-w-many-ranges.pdf", "not a status report"),
    // An empty user password opens the file: the problem is the content.
    ("encrypted-aes256-empty-userpw.pdf", "not a status report"),
    ("encrypted-rc4-empty-userpw.pdf", "not a status report"),
];

fn hostile_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(util::repo("tests/hostile"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    names
}

/// Cut files whose objects survive (all but the index of objects, or the
/// page's first objects): read as far as they go, with a warning that the
/// index was rebuilt, never refused nor read silently.
const MENDED: &[&str] = &[
    "truncated-50pct.pdf",
    "truncated-90pct.pdf",
    "truncated-before-xref.pdf",
    "truncated-before-eof.pdf",
];

#[test]
fn cut_files_are_read_as_far_as_they_go_with_a_warning() {
    for name in MENDED {
        let file = format!("tests/hostile/{name}");
        let out = tiltak(&["extract", &file]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{file}");
        // Words of page 6 of the 2023 report, which the files were cut from.
        assert!(
            text.contains("Utdanningsdirektoratet (Udir)"),
            "{file}: {text}"
        );
        let parsed = tiltak(&["parse", &file]);
        let err = String::from_utf8_lossy(&parsed.stderr);
        assert!(
            err.contains(&format!(
                "tiltak: warning: {file}: the PDF's index of objects was broken and has been rebuilt"
            )),
            "{file}: {err}"
        );
    }
}

#[test]
fn every_hostile_file_has_a_case() {
    let mut listed: Vec<String> = CASES
        .iter()
        .map(|(f, _)| f.to_string())
        .chain(MENDED.iter().map(|f| f.to_string()))
        .chain(std::iter::once(LYING_LENGTH.to_string()))
        .collect();
    listed.sort();
    assert_eq!(hostile_files(), listed);
}

#[test]
fn hostile_files_fail_cleanly() {
    for &(name, problem) in CASES {
        let file = format!("tests/hostile/{name}");
        let out_dir = tempfile::tempdir().unwrap();
        let out = tiltak(&["parse", &file, "--out", out_dir.path().to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert_eq!(err.lines().count(), 1, "{file}: one line: {err}");
        assert!(
            err.starts_with(&format!("tiltak: {file}: ")),
            "{file}: {err}"
        );
        assert!(err.contains(problem), "{file}: expected {problem:?}: {err}");
        for noise in ["panicked", "RUST_BACKTRACE", "thread '", "unwrap", "src/"] {
            assert!(!err.contains(noise), "{file}: {err}");
        }
        let written = std::fs::read_dir(out_dir.path()).unwrap().count();
        assert_eq!(written, 0, "{file}: wrote files");
    }
}

/// A content stream whose /Length claims 2 GB: read up to `endstream`, as
/// pdftotext reads it, and said so.
const LYING_LENGTH: &str = "huge-stream-length.pdf";

#[test]
fn a_lying_stream_length_is_read_with_a_warning() {
    let file = format!("tests/hostile/{LYING_LENGTH}");
    let out = tiltak(&["extract", &file]);
    assert_eq!(out.status.code(), Some(0), "{file}");
    // The text make.py drew.
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Lengden lyver");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "tiltak: warning: {file}: 1 of its streams had a wrong length, mended from where each ends"
        )),
        "{err}"
    );
}

/// Damage that does not hide the text: the text still comes out.
#[test]
fn damaged_but_readable_files_give_their_text() {
    let cases = [
        ("parent-loop.pdf", "Foreldrekjeden gaar i ring"),
        ("xref-loop.pdf", "Kryssreferansen peker paa seg selv"),
        ("cid-w-short.pdf", "Bredder som ikke henger sammen"),
        ("cid-w-backwards.pdf", "Bredder som ikke henger sammen"),
        ("cid-w-not-numbers.pdf", "Bredder som ikke henger sammen"),
        ("cid-w-huge-range.pdf", "Bredder som ikke henger sammen"),
        ("cid-w-many-ranges.pdf", "Bredder som ikke henger sammen"),
        ("encrypted-aes256-empty-userpw.pdf", "Solbakken idrettslag"),
        ("encrypted-rc4-empty-userpw.pdf", "Solbakken idrettslag"),
        ("huge-stream-length.pdf", "Lengden lyver"),
    ];
    for (name, text) in cases {
        let file = format!("tests/hostile/{name}");
        let out = tiltak(&["extract", &file]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains(text), "{file}: {stdout}");
    }
}

fn read(file: &str, limits: &Limits) -> Result<tiltak::model::Document, tiltak::Error> {
    tiltak::extract::read_with_limits(&util::repo(file), limits)
}

#[test]
fn page_limit() {
    let limits = Limits {
        max_pages: 10,
        ..Limits::default()
    };
    let err = read("inputs/frihet-status-2023.pdf", &limits).unwrap_err();
    assert!(
        matches!(
            err,
            tiltak::Error::TooManyPages {
                pages: 24,
                limit: 10,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().ends_with(
        "frihet-status-2023.pdf: the PDF has 24 pages, more than the limit of 10 (raise it with --max-pages)"
    ), "{err}");
    // At the limit is fine.
    let limits = Limits {
        max_pages: 24,
        ..Limits::default()
    };
    assert_eq!(
        read("inputs/frihet-status-2023.pdf", &limits)
            .unwrap()
            .pages
            .len(),
        24
    );
}

#[test]
fn size_limit() {
    let limits = Limits {
        max_bytes: 150 * 1024,
        ..Limits::default()
    };
    let err = read("inputs/frihet-status-2023.pdf", &limits).unwrap_err();
    assert!(
        matches!(err, tiltak::Error::TooLarge { bytes: 218308, .. }),
        "{err}"
    );
    assert!(err.to_string().ends_with(
        "frihet-status-2023.pdf: the file is 0.2 MB, more than the limit of 0.1 MB (raise it with --max-mb)"
    ), "{err}");
}

/// The time budget stops the wait even when reading would take far
/// longer: 20 000 pages allowed, a quarter of a second given.
#[test]
fn time_limit_stops_waiting() {
    let limits = Limits {
        max_pages: 100_000,
        max_bytes: u64::MAX,
        timeout: Duration::from_millis(250),
    };
    let err = read("tests/hostile/many-pages.pdf", &limits).unwrap_err();
    assert!(matches!(err, tiltak::Error::Timeout { .. }), "{err}");
    assert!(
        err.to_string()
            .ends_with("many-pages.pdf: the file took longer than 0.25 s to read (raise the limit with --timeout)"),
        "{err}"
    );
}

/// With the limit raised, the 20 000 pages are read within the default
/// time limit (pdf-extract alone rebuilds the page list for every page,
/// which took about a minute); `cargo bench` prints how long it takes.
#[test]
fn many_pages_read_when_allowed() {
    let limits = Limits {
        max_pages: 20_000,
        ..Limits::default()
    };
    let doc = read("tests/hostile/many-pages.pdf", &limits).unwrap();
    assert_eq!(doc.pages.len(), 20_000);
}

#[test]
fn limits_defaults() {
    let limits = Limits::default();
    assert_eq!(limits.max_pages, 2000);
    assert_eq!(limits.max_bytes, 200 * 1024 * 1024);
    assert_eq!(limits.timeout, Duration::from_secs(60));
    assert!(Path::new(&util::repo("tests/hostile/make.py")).exists());
}

/// A small deterministic fuzz run inside `cargo test`: every small hostile
/// PDF cut at many points and with bytes overwritten must give a document
/// or an error, never a panic (the real fuzzers are in `fuzz/`).
#[test]
fn cut_and_corrupted_pdfs_never_panic() {
    let mut seed: u64 = 6;
    let mut next = move || {
        // xorshift: reproducible without a dependency.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let path = Path::new("mutant.pdf");
    for name in [
        "unrelated.pdf",
        "cid-w-short.pdf",
        "form-loop.pdf",
        "parent-loop.pdf",
        "encrypted-rc4-empty-userpw.pdf",
    ] {
        let bytes = std::fs::read(util::repo(&format!("tests/hostile/{name}"))).unwrap();
        for cut in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
            let _ = tiltak::extract::from_bytes(&bytes[..cut], path);
        }
        for _ in 0..200 {
            let mut mutant = bytes.clone();
            for _ in 0..1 + next() % 8 {
                let at = (next() % mutant.len() as u64) as usize;
                mutant[at] = (next() % 256) as u8;
            }
            let _ = tiltak::extract::from_bytes(&mutant, path);
        }
    }
}

/// A whole report whose `startxref` points nowhere (a careless edit, a
/// damaged download): the index is rebuilt and every record is the
/// original's, with a warning.
#[test]
fn a_wrong_startxref_loses_nothing() {
    let original = util::repo("inputs/frihet-status-2023.pdf");
    let mut bytes = std::fs::read(&original).unwrap();
    let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    let digits = at + 10;
    let end = digits
        + bytes[digits..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    bytes.splice(digits..end, b"17".iter().copied());
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("frihet-status-2023.pdf");
    std::fs::write(&broken, &bytes).unwrap();
    let (mended, warnings) =
        tiltak::read_report_with_warnings(&broken, &Limits::default()).unwrap();
    let whole = tiltak::read_report(&original).unwrap();
    assert_eq!(mended.measures, whole.measures);
    assert_eq!(mended.overview, whole.overview);
    assert_eq!(mended.toc, whole.toc);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("index of objects was broken and has been rebuilt")),
        "{warnings:?}"
    );
}

//! The real binary on real files: outputs, exit statuses, error messages.

use std::path::Path;
use std::process::Output;

use crate::util::{self, tiltak};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Each bad input: exit 2, one sentence naming the file and the problem, no
/// panic text, nothing written.
#[test]
fn bad_inputs_fail_cleanly() {
    let cases = [
        ("tests/fixtures/bad/empty.pdf", "the file is empty"),
        ("tests/fixtures/bad/not-a-pdf.pdf", "not a PDF file"),
        ("tests/fixtures/bad/random.pdf", "not a PDF file"),
        ("tests/fixtures/bad/truncated.pdf", "damaged or truncated"),
        (
            "tests/fixtures/bad/encrypted.pdf",
            "encrypted and needs a password",
        ),
        ("tests/fixtures/bad/image-only.pdf", "no text layer"),
        ("tests/fixtures/bad/not-a-report.pdf", "not a status report"),
        // Encrypted with an empty user password: opened and read normally,
        // so what is wrong is the content, not the encryption.
        (
            "tests/fixtures/bad/encrypted-empty-userpw.pdf",
            "not a status report",
        ),
        (
            "tests/fixtures/bad/does-not-exist.pdf",
            "cannot read the file",
        ),
    ];
    for (file, problem) in cases {
        for command in ["parse", "check"] {
            let out_dir = tempfile::tempdir().unwrap();
            let out = tiltak(&[command, file, "--out", out_dir.path().to_str().unwrap()]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{command} {file}: {err}");
            assert!(
                err.contains(file) && err.contains(problem),
                "{command} {file}: {err}"
            );
            assert_eq!(
                err.trim_end().lines().count(),
                1,
                "{command} {file}: one line: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
            assert!(
                files_in(out_dir.path()).is_empty(),
                "{command} {file} wrote files"
            );
        }
    }
}

#[test]
fn parse_writes_every_table() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "parse",
        "inputs/frihet-status-2023.pdf",
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        files_in(out_dir.path()),
        [
            "commitments.csv",
            "departments.csv",
            "measures.csv",
            "overview.csv",
            "report.json",
            "report.md",
            "toc.csv"
        ]
    );
    let measures = std::fs::read_to_string(out_dir.path().join("measures.csv")).unwrap();
    assert!(measures.starts_with(
        "id,parent,area,title,status,responsible,lead,partners,page,description,progress\n"
    ));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(json["as_of"], "2023-12-31");
}

/// Snapshots of the LibreOffice PDF's tables; read line by line against the
/// PDF when they were accepted.
#[test]
fn libreoffice_pdf_tables() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "parse",
        "inputs/frihet-status-2023.pdf",
        "--out",
        out_dir.path().to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    util::snapshots().bind(|| {
        for name in ["measures", "overview", "toc", "departments", "commitments"] {
            let text = std::fs::read_to_string(out_dir.path().join(format!("{name}.csv"))).unwrap();
            insta::assert_snapshot!(format!("libreoffice-{name}.csv"), text);
        }
    });
}

#[test]
fn extract_prints_pages_separated_by_form_feeds() {
    let out = tiltak(&["extract", "inputs/frihet-status-2023.pdf"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(pages.len(), 24);
    // Running header and page number are gone from the text.
    assert!(!pages[5].contains("Status for tiltak per"), "{}", pages[5]);
    assert!(pages[3].starts_with("Om denne rapporten:"), "{}", pages[3]);
}

/// A format the command cannot write is refused before anything is read,
/// rather than accepted and written as nothing.
#[test]
fn a_format_the_command_cannot_write_is_refused() {
    for command in ["parse", "check"] {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        let out = tiltak(&[
            command,
            "inputs/frihet-status-2023.pdf",
            "--format",
            "csv,html",
            "--out",
            out_dir.to_str().unwrap(),
        ]);
        util::assert_exit(&out, 2);
        assert_eq!(
            stderr(&out),
            format!(
                "tiltak: the {command} command cannot write html; it writes csv, json, md, xlsx\n"
            )
        );
        assert!(!out_dir.exists(), "{command} created {}", out_dir.display());
        let to_stdout = tiltak(&[
            command,
            "inputs/frihet-status-2023.pdf",
            "--format",
            "html",
            "--out",
            "-",
        ]);
        util::assert_exit(&to_stdout, 2);
        assert!(to_stdout.stdout.is_empty());
    }
    // diff writes HTML.
    let dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "diff",
        "inputs/frihet-status-2023.pdf",
        "inputs/frihet-sluttrapport-2024.pdf",
        "--format",
        "html",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    util::assert_exit(&out, 1);
    assert_eq!(files_in(dir.path()), ["diff.html"]);
}

/// A reader who stops reading (`tiltak diff … | head -1`) closes stdout:
/// the command ends with its own exit status, no panic text.
#[test]
fn a_closed_stdout_is_no_crash() {
    for (args, code) in [
        (
            &[
                "diff",
                "inputs/frihet-status-2023.pdf",
                "inputs/frihet-sluttrapport-2024.pdf",
            ][..],
            1,
        ),
        (&["check", "inputs/frihet-status-2023.pdf"][..], 1),
        (&["parse", "inputs/frihet-status-2023.pdf"][..], 0),
    ] {
        let out = util::tiltak_closed_stdout(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// `tiltak diff` says when the comparison may mislead: OLD newer than NEW
/// (the arguments swapped), or two different plans.
#[test]
fn diff_warns_of_swapped_reports_and_other_plans() {
    let swapped = tiltak(&[
        "diff",
        "inputs/build/sources/frihet-sluttrapport-2024.txt",
        "inputs/build/sources/frihet-status-2023.txt",
    ]);
    let stderr = String::from_utf8_lossy(&swapped.stderr);
    assert!(
        stderr.contains("advarsel: GAMMEL (31.12.2024) er nyere enn NY (31.12.2023)"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-plan.txt");
    let text = util::reference_text().replacen(
        "*Frihet fra negativ sosial\nkontroll og æresrelatert vold",
        "*Handlingsplan mot\nsosial dumping",
        1,
    );
    std::fs::write(&other, text).unwrap();
    let out = tiltak(&[
        "--lang",
        "en",
        "diff",
        "inputs/build/sources/frihet-status-2023.txt",
        other.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: the reports are of different action plans"),
        "{stderr}"
    );
    let same = tiltak(&[
        "diff",
        "inputs/build/sources/frihet-status-2023.txt",
        "inputs/build/sources/frihet-sluttrapport-2024.txt",
    ]);
    assert!(
        !String::from_utf8_lossy(&same.stderr).contains("advarsel"),
        "no warning for two years of one plan"
    );
}

/// A report given where a command belongs gets the command to write; the
/// main job without its folder says where it looked and how to point it
/// elsewhere; a subcommand's help shows its own options only.
#[test]
fn mistakes_get_a_way_forward() {
    let out = tiltak(&["inputs/frihet-status-2023.pdf"]);
    util::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("tip: to read one report, write: tiltak parse inputs/frihet-status-2023.pdf"),
        "{stderr}"
    );
    let empty = tempfile::tempdir().unwrap();
    let missing = empty.path().join("nowhere");
    let out = tiltak(&["--inputs", missing.to_str().unwrap()]);
    util::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nowhere") && stderr.contains("--inputs DIR"),
        "{stderr}"
    );
    let help = tiltak(&["parse", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--out"), "{help}");
    assert!(
        !help.contains("--inputs") && !help.contains("--outputs"),
        "the main job's folders are not parse's options: {help}"
    );
}

/// `-v` tells where the time goes, stage by stage, for every command.
#[test]
fn verbose_prints_stage_timings() {
    let text = "inputs/build/sources/frihet-status-2023.txt";
    let other = "inputs/build/sources/frihet-sluttrapport-2024.txt";
    for (args, stages) in [
        (
            vec!["-v", "extract", text],
            vec!["extract", "clean", "write"],
        ),
        (
            vec!["-v", "parse", text],
            vec!["extract", "clean", "parse", "write"],
        ),
        (vec!["-v", "check", text], vec!["parse", "check", "write"]),
        (
            vec!["-v", "diff", text, other],
            vec!["parse", "diff", "write"],
        ),
    ] {
        let out = tiltak(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        for stage in stages {
            assert!(
                stderr
                    .lines()
                    .any(|l| l.contains(&format!("{stage} ")) && l.contains('s')),
                "{args:?}: no {stage} timing in {stderr}"
            );
        }
    }
}

/// What a person reads on the terminal is bokmål by default, counted as
/// the ministry counts ("Av totalt 33 tiltak"; sub-measures 9a, 9b, 10a,
/// 10b apart), with dates as 31.12.2023; `--lang en` gives English.
#[test]
fn summaries_speak_bokmal_unless_asked() {
    let text = "inputs/build/sources/frihet-status-2023.txt";
    let out = tiltak(&["parse", text]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("per 31.12.2023"), "{stdout}");
    assert!(
        stdout.contains("  33 tiltak og 4 deltiltak i 5 innsatsområder"),
        "{stdout}"
    );
    let out = tiltak(&["--lang", "en", "parse", text]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("as of 2023-12-31"), "{stdout}");
    assert!(
        stdout.contains("  33 measures and 4 sub-measures in 5 areas"),
        "{stdout}"
    );
}

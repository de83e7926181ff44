//! Whole runs of the binary: check and diff on the real PDFs, the main job.

use std::path::Path;

use crate::util::{self, tiltak};

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs `tiltak check FILE --out tmp` and returns the findings CSV rows.
fn check(file: &str) -> (Option<i32>, String, Vec<csv::StringRecord>) {
    let dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "check",
        file,
        "--out",
        dir.path().to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let text = read(dir.path(), "findings.csv");
    let rows = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    (out.status.code(), text, rows)
}

fn rule_and_measure(rows: &[csv::StringRecord]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r[0].to_string(), r[2].to_string()))
        .collect()
}

/// A finding without its page (layouts put headings on other pages).
fn without_page(rows: &[csv::StringRecord]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .filter(|&(i, _)| i != 3)
                .map(|(_, f)| f.to_string())
                .collect()
        })
        .collect()
}

#[test]
fn findings_of_the_2023_pdfs() {
    let (code, libreoffice, lo_rows) = check("inputs/frihet-status-2023.pdf");
    assert_eq!(
        code,
        Some(1),
        "findings of severity warning give exit status 1"
    );
    let (_, chromium, chromium_rows) = check("tests/fixtures/frihet-status-2023-chromium.pdf");
    util::snapshots().bind(|| {
        insta::assert_snapshot!("libreoffice-findings.csv", libreoffice);
        insta::assert_snapshot!("chromium-findings.csv", chromium);
    });
    // Same findings from both layouts and from the reference text, pages aside.
    let reference = tiltak::check::run(&util::parse_text(&util::reference_text()));
    let reference_rows: Vec<Vec<String>> = reference
        .iter()
        .map(|f| {
            vec![
                f.rule.to_string(),
                f.severity.as_str().into(),
                f.measure.clone(),
                f.expected.clone(),
                f.found.clone(),
                f.message.clone(),
            ]
        })
        .collect();
    assert_eq!(without_page(&lo_rows), without_page(&chromium_rows));
    assert_eq!(without_page(&lo_rows), reference_rows);
}

/// Inconsistencies planted in a rebuilt LibreOffice PDF by
/// tests/fixtures/mutated/make.py are found; the real PDF has none of them.
#[test]
fn findings_injected_into_a_rebuilt_pdf() {
    let planted = [
        ("table-status-mismatch", "14"),
        ("table-responsible-mismatch", "4"),
        ("unknown-department", "28"),
        ("summary-count-mismatch", ""),
        ("toc-title-mismatch", "31"),
        ("table-title-mismatch", "32"),
    ];
    let (code, _, mutated) = check("tests/fixtures/mutated/frihet-2023-mutated.pdf");
    assert_eq!(code, Some(1));
    let mutated = rule_and_measure(&mutated);
    let (_, _, original) = check("inputs/frihet-status-2023.pdf");
    let original = rule_and_measure(&original);
    for (rule, measure) in planted {
        let pair = (rule.to_string(), measure.to_string());
        assert!(mutated.contains(&pair), "{pair:?} not found in {mutated:?}");
        assert!(
            !original.contains(&pair),
            "{pair:?} found in the real report"
        );
    }
}

#[test]
fn same_report_in_two_layouts_has_no_changes() {
    let dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "diff",
        "inputs/frihet-status-2023.pdf",
        "tests/fixtures/frihet-status-2023-chromium.pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    util::assert_exit(&out, 0);
    assert_eq!(
        read(dir.path(), "changes.csv"),
        "measure,field,change,old,new\n"
    );
}

#[test]
fn diff_2023_to_final_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = tiltak(&[
        "diff",
        "inputs/frihet-status-2023.pdf",
        "inputs/frihet-sluttrapport-2024.pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "changes.csv",
            "commitments.csv",
            "diff.html",
            "diff.json",
            "diff.md"
        ]
    );
    // inputs/README.md: 25 went Pågående → Ikke gjennomført, 12 stayed
    // Pågående in the final report; the headline names both.
    let html = read(dir.path(), "diff.html");
    assert!(
        html.contains(
            "<li class=\"alert\">Ikke gjennomført: <a href=\"#tiltak-25\">Tiltak 25</a></li>"
        ),
        "{html}"
    );
    assert!(html.contains("avsluttet: <a href=\"#tiltak-12\">Tiltak 12</a></li>"));
    // The promises as data: the contract's columns, the verdict as its id.
    let commitments = read(dir.path(), "commitments.csv");
    assert!(
        commitments.starts_with("measure,title,due,promise,new_status,evidence,verdict,reason\n"),
        "{commitments}"
    );
    util::snapshots().bind(|| {
        insta::assert_snapshot!(
            "diff-2023-2024-changes.csv",
            read(dir.path(), "changes.csv")
        );
        insta::assert_snapshot!("diff-2023-2024.md", read(dir.path(), "diff.md"));
    });
}

#[test]
fn main_job_writes_everything_and_refuses_two_reports_of_one_date() {
    let inputs = tempfile::tempdir().unwrap();
    for file in [
        "inputs/frihet-status-2023.pdf",
        "inputs/frihet-sluttrapport-2024.pdf",
    ] {
        let name = Path::new(file).file_name().unwrap();
        std::fs::copy(util::repo(file), inputs.path().join(name)).unwrap();
    }
    let outputs = tempfile::tempdir().unwrap();
    let args = [
        "--inputs",
        inputs.path().to_str().unwrap(),
        "--outputs",
        outputs.path().to_str().unwrap(),
        "-q",
    ];
    let out = tiltak(&args);
    util::assert_exit(&out, 0);
    for path in [
        "2023/measures.csv",
        "2023/findings.csv",
        "2024/report.json",
        "diff-2023-2024/changes.csv",
        "diff-2023-2024/diff.html",
        "timeline.csv",
        "index.html",
    ] {
        assert!(outputs.path().join(path).is_file(), "{path} missing");
    }
    let index = read(outputs.path(), "index.html");
    util::assert_balanced(&index);
    for external in ["http://", "https://", "src=", "<link"] {
        assert!(!index.contains(external), "{external} in index.html");
    }
    // Findings link to the measure's row in the status table.
    assert!(index.contains("id=\"tiltak-30\"") && index.contains("href=\"#tiltak-30\""));
    assert!(index.contains("href=\"diff-2023-2024/diff.html\""));
    let timeline = read(outputs.path(), "timeline.csv");
    assert!(timeline.starts_with("id,title,2023,2024\n"));
    assert!(
        timeline
            .contains("\n21,Gjennomføre en helhetlig juridisk utredning,Pågående,Ferdigstilt\n"),
        "{timeline}"
    );

    // A second rendering of the same report is an error naming both files.
    std::fs::copy(
        util::repo("tests/fixtures/frihet-status-2023-chromium.pdf"),
        inputs.path().join("copy.pdf"),
    )
    .unwrap();
    let out = tiltak(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("copy.pdf") && err.contains("frihet-status-2023.pdf"),
        "{err}"
    );
}

/// The browser's door (bytes in memory, no file system, no threads of its
/// own) reads the report as the main job read the file: the committed
/// `report.json`, byte for byte.
#[test]
fn bytes_read_as_the_file_was() {
    let bytes = std::fs::read(util::repo("inputs/frihet-status-2023.pdf")).unwrap();
    let (report, warnings) =
        ::tiltak::read_report_bytes(&bytes, Path::new("frihet-status-2023.pdf")).unwrap();
    let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
    assert_eq!(json, read(&util::repo("outputs/2023"), "report.json"));
    assert!(warnings.is_empty(), "{warnings:?}");
}

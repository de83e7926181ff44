//! The main job as a library (`tiltak::batch`): reports in any order come
//! out in as-of order, consecutive ones are compared, the timeline spans
//! them all, and every folder of the output contract is written.

use std::path::Path;

use tiltak::Report;
use tiltak::batch::Batch;
use tiltak::model::{ChangeKind, Field, MeasureId, Rule};
use tiltak::render::csv::Dialect;
use tiltak::render::lang::Lang;

use crate::util;

/// The reference report, and the same report a year on with measure 1
/// finished (the only change made to its text).
fn two_years() -> (Report, Report) {
    let text = util::reference_text();
    let old = util::parse_text(&text);
    let next = text.replacen("31.12.2023", "31.12.2024", 1);
    let at = next.find("Status: Pågående").unwrap();
    let next = format!(
        "{}Status: Ferdigstilt{}",
        &next[..at],
        &next[at + "Status: Pågående".len()..]
    );
    (old, util::parse_text(&next))
}

#[test]
fn reports_are_ordered_compared_and_followed_in_a_timeline() {
    let (old, new) = two_years();
    let batch = Batch::build(vec![new, old], Path::new("inputs")).unwrap();

    let order: Vec<(&str, &str)> = batch
        .reports
        .iter()
        .map(|c| (c.report.as_of.as_str(), c.folder.as_str()))
        .collect();
    assert_eq!(order, [("2023-12-31", "2023"), ("2024-12-31", "2024")]);
    // The reference's five known inconsistencies (README); a year on, the
    // overview table still says measure 1 is ongoing.
    assert_eq!(batch.reports[0].findings.len(), 5);
    let new_findings: Vec<(Rule, &str)> = batch.reports[1]
        .findings
        .iter()
        .filter(|f| f.measure == "1")
        .map(|f| (f.rule, f.found.as_str()))
        .collect();
    assert_eq!(new_findings, [(Rule::TableStatusMismatch, "Pågående")]);
    assert_eq!(batch.reports[1].findings.len(), 6);

    assert_eq!(batch.diffs.len(), 1);
    assert_eq!(batch.diffs[0].folder, "diff-2023-2024");
    let changes: Vec<_> = batch.diffs[0]
        .diff
        .changes
        .iter()
        .map(|c| (c.measure.clone(), c.field.clone(), c.change, c.new.as_str()))
        .collect();
    assert_eq!(
        changes,
        [(
            Some(MeasureId::new(1)),
            Field::Status,
            ChangeKind::Status,
            "Ferdigstilt"
        )]
    );

    assert_eq!(batch.timeline.as_of, ["2023-12-31", "2024-12-31"]);
    let first = &batch.timeline.rows[0];
    assert_eq!(first.id, MeasureId::new(1));
    assert_eq!(
        first.statuses,
        [
            Some("Pågående".to_string()),
            Some("Ferdigstilt".to_string())
        ]
    );
    // Sub-measures sit under their parent: 9, 9a, 9b, 10, 10a, 10b, 11.
    let ids: Vec<String> = batch.timeline.rows[8..15]
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(ids, ["9", "9a", "9b", "10", "10a", "10b", "11"]);
}

#[test]
fn two_reports_of_one_date_are_refused() {
    let (old, _) = two_years();
    let mut twin = old.clone();
    twin.source = "copy.txt".into();
    let err = Batch::build(vec![old, twin], Path::new("inputs")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "test.txt and copy.txt both report status as of 2023-12-31; keep one file per report in inputs"
    );
}

#[test]
fn every_folder_of_the_contract_is_written() {
    let (old, new) = two_years();
    let mut batch = Batch::build(vec![old, new], Path::new("inputs")).unwrap();
    batch.skipped.push(tiltak::render::index::Skipped {
        file: "scan.pdf".into(),
        reason: "scan.pdf has no text layer".into(),
        kept: None,
    });
    let outputs = tempfile::tempdir().unwrap();
    let written = batch
        .write(outputs.path(), Dialect::default(), Lang::Nb)
        .unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| {
            p.strip_prefix(outputs.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["2023", "2024", "diff-2023-2024", "index.html"]);
    let list = |dir: &str| {
        let mut files: Vec<String> = std::fs::read_dir(outputs.path().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        files
    };
    assert_eq!(list("2024"), crate::replace::REPORT_FILES);
    assert_eq!(
        list("diff-2023-2024"),
        [
            "changes.csv",
            "changes.xlsx",
            "commitments.csv",
            "diff.html",
            "diff.json",
            "diff.md"
        ]
    );
    // The landing page links every workbook and names what it skipped.
    let index = std::fs::read_to_string(outputs.path().join("index.html")).unwrap();
    for link in [
        "2023/report.xlsx",
        "2024/findings.xlsx",
        "diff-2023-2024/changes.xlsx",
        "diff-2023-2024/commitments.csv",
    ] {
        assert!(index.contains(&format!("href=\"{link}\"")), "{link}");
    }
    assert!(index.contains("<code>scan.pdf</code>: scan.pdf has no text layer"));
    assert!(index.contains("<html lang=\"nb\">"));
    let timeline = std::fs::read_to_string(outputs.path().join("timeline.csv")).unwrap();
    assert!(timeline.starts_with("id,title,2023,2024\n1,"), "{timeline}");
    assert!(
        timeline
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(",Pågående,Ferdigstilt")
    );
}

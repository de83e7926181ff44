//! Cross-checks: the fourth stage.
//!
//! Takes a parsed [`Report`] and gives [`Finding`]s: places where the report
//! contradicts itself (the table of contents against the headings, the
//! overview table against the measure sections, the summary sentence against
//! the table, parents against their sub-measures, Ansvarlig lines against the
//! department list). Every rule of the output contract has a `const` id here
//! and one function in the submodule of its family.
//!
//! Conventions of the findings: `expected` holds what the more detailed
//! source says (the section heading or section lines, or the overview table
//! against the summary sentence) and `found` what the other place says; the
//! message names both sources. Findings come sorted in document order.

// One file per rule family; `compare` holds what they share for comparing
// texts and naming subjects, so that all findings read alike.
mod compare;
mod departments;
mod structure;
mod summary;
mod table;
mod toc;

use crate::model::{Finding, HeadingKind, Report, Severity};
use compare::{heading_label, same, split_id};

pub use compare::subject_label;

/// A heading without a TOC entry, or a TOC entry without a heading.
pub const TOC_MISSING: &str = "toc-missing";
/// A TOC title differs from its heading.
pub const TOC_TITLE_MISMATCH: &str = "toc-title-mismatch";
/// A TOC page differs from the printed page of its heading.
pub const TOC_PAGE_MISMATCH: &str = "toc-page-mismatch";
/// A measure without an overview row, or a row without a section.
pub const TABLE_MISSING: &str = "table-missing";
/// An overview title differs from the section heading.
pub const TABLE_TITLE_MISMATCH: &str = "table-title-mismatch";
/// An overview status differs from the section's status.
pub const TABLE_STATUS_MISMATCH: &str = "table-status-mismatch";
/// An overview responsible cell disagrees with the section's Ansvarlig line.
pub const TABLE_RESPONSIBLE_MISMATCH: &str = "table-responsible-mismatch";
/// An overview row sits under another innsatsområde than its section.
pub const TABLE_AREA_MISMATCH: &str = "table-area-mismatch";
/// A count in the summary sentence differs from the overview table.
pub const SUMMARY_COUNT_MISMATCH: &str = "summary-count-mismatch";
/// A parent's status contradicts its sub-measures.
pub const ROLLUP_STATUS_MISMATCH: &str = "rollup-status-mismatch";
/// Measure numbers skip, repeat or run out of order.
pub const NUMBERING: &str = "numbering";
/// An abbreviation the department list does not define.
pub const UNKNOWN_DEPARTMENT: &str = "unknown-department";
/// A leaf measure without a Status or Ansvarlig line.
pub const MISSING_FIELD: &str = "missing-field";

/// Every rule with its severity, in the order of the output contract.
pub const RULES: [(&str, Severity); 13] = [
    (TOC_MISSING, Severity::Warning),
    (TOC_TITLE_MISMATCH, Severity::Warning),
    (TOC_PAGE_MISMATCH, Severity::Warning),
    (TABLE_MISSING, Severity::Error),
    (TABLE_TITLE_MISMATCH, Severity::Warning),
    (TABLE_STATUS_MISMATCH, Severity::Error),
    (TABLE_RESPONSIBLE_MISMATCH, Severity::Warning),
    (TABLE_AREA_MISMATCH, Severity::Error),
    (SUMMARY_COUNT_MISMATCH, Severity::Error),
    (ROLLUP_STATUS_MISMATCH, Severity::Error),
    (NUMBERING, Severity::Error),
    (UNKNOWN_DEPARTMENT, Severity::Warning),
    (MISSING_FIELD, Severity::Error),
];

/// Runs every check on `report` and returns the findings in document order.
pub fn run(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    toc::toc(report, &mut findings);
    table::table(report, &mut findings);
    summary::summary(report, &mut findings);
    structure::rollup(report, &mut findings);
    structure::numbering(report, &mut findings);
    departments::departments(report, &mut findings);
    structure::missing_fields(report, &mut findings);
    let order = Order::new(report);
    // A stable sort keeps the rule order within one place of the document.
    findings.sort_by_key(|f| order.rank(&f.measure));
    findings
}

/// Whether a status word means the measure is finished.
///
/// The status vocabulary belongs to each report ("Ferdigstilt",
/// "Fullført", "Avsluttet", "Gjennomført", ...), so this does not compare
/// against a list of whole words: a status counts as finished when its
/// lower-case form *starts with* one of the Norwegian stems for completion,
/// `ferdig`, `fullført`, `avsluttet` or `gjennomført`. Qualified statuses
/// therefore stay unfinished: "Ikke gjennomført", "Delvis gjennomført" and
/// "Pågående" do not start with a stem, while "Ferdigstilt i 2023" does.
pub fn is_finished(status: &str) -> bool {
    const STEMS: [&str; 4] = ["ferdig", "fullført", "avsluttet", "gjennomført"];
    let s = status.trim().to_lowercase();
    STEMS.iter().any(|stem| s.starts_with(stem))
}

/// The severity the output contract gives `rule`.
pub fn severity(rule: &str) -> Option<Severity> {
    RULES.iter().find(|(r, _)| *r == rule).map(|(_, s)| *s)
}

/// Builds a finding of `rule`, taking its severity from [`RULES`] so that no
/// rule function can give a severity the output contract does not.
fn finding(
    rule: &str,
    measure: impl Into<String>,
    page: Option<&String>,
    expected: impl Into<String>,
    found: impl Into<String>,
    message: String,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity: severity(rule).expect("every rule is listed in RULES"),
        measure: measure.into(),
        page: page.cloned(),
        expected: expected.into(),
        found: found.into(),
        message,
    }
}

// ---------------------------------------------------------------- document order

/// Ranks findings by where their subject appears in the document.
struct Order<'a> {
    report: &'a Report,
}

impl Order<'_> {
    fn new(report: &Report) -> Order<'_> {
        Order { report }
    }

    /// Twice the heading index (plus one) for a subject with a heading; a
    /// subject without one (a table row or TOC entry only) goes right after
    /// the heading it would follow; the summary goes before the body.
    fn rank(&self, subject: &str) -> usize {
        let headings = &self.report.headings;
        let first_body = headings
            .iter()
            .position(|h| h.kind != HeadingKind::Section)
            .unwrap_or(headings.len());
        if subject.is_empty() {
            return 2 * first_body;
        }
        let found = headings.iter().position(|h| {
            heading_label(h.kind, &h.id, &h.title) == subject
                || h.kind == HeadingKind::Section && same(&h.title, subject)
        });
        if let Some(i) = found {
            return 2 * i + 1;
        }
        if subject.starts_with(|c: char| c.is_ascii_digit()) {
            // A measure known only from the table or the TOC: after the last
            // measure heading numbered before it.
            let key = split_id(subject);
            return headings
                .iter()
                .rposition(|h| h.kind == HeadingKind::Measure && split_id(&h.id) < key)
                .map_or(2 * first_body, |i| 2 * i + 2);
        }
        // An area or section known only from the TOC: after the heading of
        // the TOC entry before it.
        let toc = &self.report.toc;
        let Some(at) = toc
            .iter()
            .position(|e| heading_label(e.kind, &e.id, &e.title) == subject)
        else {
            return 0;
        };
        toc[..at]
            .iter()
            .rev()
            .find_map(|e| {
                let label = heading_label(e.kind, &e.id, &e.title);
                headings
                    .iter()
                    .position(|h| heading_label(h.kind, &h.id, &h.title) == label)
            })
            .map_or(0, |i| 2 * i + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, Heading, Measure, OverviewRow, TocEntry};

    #[test]
    fn finished_statuses() {
        for s in [
            "Ferdigstilt",
            "ferdig",
            "Fullført",
            "Avsluttet",
            "Gjennomført",
            "Ferdigstilt i 2023",
        ] {
            assert!(is_finished(s), "{s}");
        }
        for s in [
            "Pågående",
            "Ikke gjennomført",
            "Delvis gjennomført",
            "Videreført",
            "Ikke igangsatt",
            "",
        ] {
            assert!(!is_finished(s), "{s}");
        }
    }

    // The fixtures are `pub(super)` because the rule families' own tests
    // (e.g. `toc::tests`) build on the same small report.

    /// A measure with every field a consistent report needs.
    pub(super) fn measure(id: &str, parent: Option<&str>, status: &str, page: &str) -> Measure {
        Measure {
            id: id.into(),
            parent: parent.map(String::from),
            area: "1".into(),
            title: format!("Tiltak nummer {id}"),
            status: Some(status.into()),
            responsible: Some("AID".into()),
            lead: Some("AID".into()),
            page: Some(page.into()),
            ..Measure::default()
        }
    }

    /// A small consistent report with printed pages, which text input lacks.
    pub(super) fn paged_report() -> Report {
        let measures = vec![
            measure("1", None, "Pågående", "4"),
            measure("2", None, "Ferdigstilt", "5"),
        ];
        let mut report = Report {
            departments: vec![Department {
                abbreviation: "AID".into(),
                name: "Arbeids- og inkluderingsdepartementet".into(),
            }],
            ..Report::default()
        };
        for m in &measures {
            report.headings.push(Heading {
                kind: HeadingKind::Measure,
                id: m.id.clone(),
                title: m.title.clone(),
                page: m.page.clone(),
                text: format!("Tiltak {}. {}", m.id, m.title),
            });
            report.toc.push(TocEntry {
                kind: HeadingKind::Measure,
                id: m.id.clone(),
                title: m.title.clone(),
                page: m.page.clone().unwrap(),
                text: format!("Tiltak {}. {}", m.id, m.title),
                level: 2,
            });
            report.overview.push(OverviewRow {
                area: "1".into(),
                group: String::new(),
                id: m.id.clone(),
                title: m.title.clone(),
                responsible: "AID".into(),
                status: m.status.clone().unwrap(),
                page: Some("2".into()),
            });
        }
        report.measures = measures;
        report
    }

    /// The findings of `report` as (rule, subject) pairs, in order.
    pub(super) fn rules(report: &Report) -> Vec<(String, String)> {
        run(report)
            .into_iter()
            .map(|f| (f.rule, f.measure))
            .collect()
    }

    #[test]
    fn findings_follow_document_order() {
        let mut report = paged_report();
        report.overview[1].status = "Pågående".into(); // row 2 contradicts its section
        report.toc[0].title = "Tiltak numer 1".into(); // TOC typo for 1
        report.overview.push(OverviewRow {
            id: "3".into(),
            ..report.overview[0].clone()
        }); // row without section
        report.summary.sentence = "Av totalt 3 tiltak er 3 pågående.".into();
        report.summary.total = Some(3);
        report.summary.counts = vec![crate::model::StatusCount {
            status: "pågående".into(),
            count: 2,
        }];
        let got = rules(&report);
        let want = [
            (SUMMARY_COUNT_MISMATCH, ""),
            (TOC_TITLE_MISMATCH, "1"),
            (TABLE_STATUS_MISMATCH, "2"),
            (TABLE_MISSING, "3"),
        ];
        assert_eq!(got, want.map(|(r, m)| (r.to_string(), m.to_string())));
    }
}

//! Cross-checks: the fourth stage.
//!
//! Takes a parsed [`Report`] and gives [`Finding`]s: places where the report
//! contradicts itself (the table of contents against the headings, the
//! overview table against the measure sections, the summary sentence against
//! the table, parents against their sub-measures, Ansvarlig lines against the
//! department list). Every rule of the output contract has a `const` id here
//! and one function in the submodule of its family ([`Rule`] lists them).
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

use crate::model::{Finding, HeadingKind, MeasureId, Report, Rule};
use compare::{heading_label, same};

pub use compare::subject_label;

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

/// Builds a finding of `rule`; its severity is the one the output contract
/// gives the rule.
fn finding(
    rule: Rule,
    measure: impl Into<String>,
    page: Option<&String>,
    expected: impl Into<String>,
    found: impl Into<String>,
    message: String,
) -> Finding {
    Finding {
        rule,
        severity: rule.severity(),
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
            heading_label(self.report, h.kind, &h.id, &h.title) == subject
                || h.kind == HeadingKind::Section && same(&h.title, subject)
        });
        if let Some(i) = found {
            return 2 * i + 1;
        }
        if let Some(key) = MeasureId::parse(subject) {
            // A measure known only from the table or the TOC: after the last
            // measure heading numbered before it.
            return headings
                .iter()
                .rposition(|h| {
                    h.kind == HeadingKind::Measure
                        && MeasureId::parse(&h.id).is_some_and(|id| id < key)
                })
                .map_or(2 * first_body, |i| 2 * i + 2);
        }
        // An area or section known only from the TOC: after the heading of
        // the TOC entry before it.
        let toc = &self.report.toc;
        let Some(at) = toc
            .iter()
            .position(|e| heading_label(self.report, e.kind, &e.id, &e.title) == subject)
        else {
            return 0;
        };
        toc[..at]
            .iter()
            .rev()
            .find_map(|e| {
                let label = heading_label(self.report, e.kind, &e.id, &e.title);
                headings
                    .iter()
                    .position(|h| heading_label(self.report, h.kind, &h.id, &h.title) == label)
            })
            .map_or(0, |i| 2 * i + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, Heading, Measure, OverviewRow, Severity, TocEntry};

    // The fixtures are `pub(super)` because the rule families' own tests
    // (e.g. `toc::tests`) build on the same small report.

    /// A measure with every field a consistent report needs.
    pub(super) fn measure(id: &str, parent: Option<&str>, status: &str, page: &str) -> Measure {
        Measure {
            id: id.parse().unwrap(),
            parent: parent.map(|p| p.parse().unwrap()),
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
                id: m.id.to_string(),
                title: m.title.clone(),
                page: m.page.clone(),
                text: format!("Tiltak {}. {}", m.id, m.title),
            });
            report.toc.push(TocEntry {
                kind: HeadingKind::Measure,
                id: m.id.to_string(),
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
                ministries: vec!["AID".into()],
                extra: Vec::new(),
            });
        }
        report.measures = measures;
        report
    }

    /// The findings of `report` as (rule, subject) pairs, in order.
    pub(super) fn rules(report: &Report) -> Vec<(Rule, String)> {
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
            id: MeasureId::new(3),
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
            (Rule::SummaryCountMismatch, ""),
            (Rule::TocTitleMismatch, "1"),
            (Rule::TableStatusMismatch, "2"),
            (Rule::TableMissing, "3"),
        ];
        assert_eq!(got, want.map(|(r, m)| (r, m.to_string())));
    }

    #[test]
    fn without_a_department_list_one_note_says_so() {
        let mut report = paged_report();
        report.departments.clear();
        let findings = run(&report);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            (f.rule, f.severity),
            (Rule::UnknownDepartment, Severity::Info)
        );
        assert_eq!(f.found, "AID");
    }
}

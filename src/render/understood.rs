//! What `tiltak parse` says it understood of a report: one paragraph for
//! the terminal, so that a reader sees at once whether the parser read the
//! report the way its author built it.
//!
//! Takes a [`Report`], gives text. The report's own words are quoted (its
//! area word, its status words, its table's column names).

use std::fmt::Write as _;

use crate::model::{HeadingKind, Report};
use crate::render::lang::{Lang, Understood};

/// "18 measures (2 sub-measures) in 4 areas called "Kapittel"; statuses
/// Igangsatt 12, Gjennomført 4; overview table of 18 rows with columns Nr |
/// Tiltak | Ansvar | Status | Kommentar; 9 departments; …".
pub fn summary(report: &Report, lang: Lang) -> String {
    let mut s = lang.understood(Understood::Head {
        source: &report.source,
        plan: &report.plan_title,
        as_of: &report.as_of,
        final_report: report.final_report,
    });
    s.push('\n');
    let sub = report
        .measures
        .iter()
        .filter(|m| m.parent.is_some())
        .count();
    let all = report.measures.len();
    let _ = write!(
        s,
        "  {}",
        lang.understood(Understood::Measures { all, sub })
    );
    if !report.areas.is_empty() {
        s.push_str(&lang.understood(Understood::Areas {
            n: report.areas.len(),
        }));
        if let Some(word) = area_word(report) {
            let _ = write!(s, "{} \"{word}\"", lang.understood(Understood::Called));
        }
    }
    let statuses = super::tally(report.measures.iter().filter_map(|m| m.status.as_deref()));
    if !statuses.is_empty() {
        let list: Vec<String> = statuses.iter().map(|(s, n)| format!("{s} {n}")).collect();
        let _ = write!(
            s,
            "{} {}",
            lang.understood(Understood::Statuses),
            list.join(", ")
        );
    }
    s.push('\n');
    if !report.overview.is_empty() {
        let rows = report.overview.len();
        let _ = write!(s, "  {}", lang.understood(Understood::Table { rows }));
        if !report.overview_header.is_empty() {
            let columns = report.overview_header.join(" | ");
            let _ = write!(s, "{} {columns}", lang.understood(Understood::Columns));
        }
        s.push('\n');
    }
    let rest = Understood::Rest {
        toc: report.toc.len(),
        departments: report.departments.len(),
        commitments: report.commitments.len(),
    };
    let _ = writeln!(s, "  {}", lang.understood(rest));
    // What was not found goes to stderr as warnings (`read_report_with_warnings`).
    s
}

/// The word the report's area headings start with ("Kapittel", "Mål").
fn area_word(report: &Report) -> Option<&str> {
    let heading = report
        .headings
        .iter()
        .find(|h| h.kind == HeadingKind::Area)?;
    heading.text.split_whitespace().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Heading, Measure, MeasureId};

    #[test]
    fn says_what_was_read_in_the_reports_words() {
        let measure = |n: u32, status: &str| Measure {
            id: MeasureId::new(n),
            status: Some(status.into()),
            ..Measure::default()
        };
        let report = Report {
            source: "plan.pdf".into(),
            plan_title: "Plan".into(),
            as_of: "2024-12-31".into(),
            measures: vec![
                measure(1, "Igangsatt"),
                measure(2, "Igangsatt"),
                measure(3, "Gjennomført"),
            ],
            areas: vec![Area {
                id: "1".into(),
                title: "Skolen".into(),
                intro: String::new(),
                page: None,
            }],
            headings: vec![Heading {
                kind: HeadingKind::Area,
                id: "1".into(),
                title: "Skolen".into(),
                page: None,
                text: "Kapittel 1 Skolen".into(),
            }],
            notes: vec!["no overview table was found".into()],
            ..Report::default()
        };
        assert_eq!(
            summary(&report, Lang::En),
            "plan.pdf: Plan as of 2024-12-31\n\
             \x20 3 measures in 1 areas called \"Kapittel\"; statuses Igangsatt 2, Gjennomført 1\n\
             \x20 0 TOC entries, 0 departments, 0 dated commitments\n"
        );
    }
}

//! `report.md`: a readable summary of one parsed report.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use crate::model::{Measure, Report};
use crate::render::lang::{Lang, SummaryLabel, Text};
use crate::vocab::{
    AREA_WORD, FINAL_REPORT_NAME, MEASURE_WORD, OVERVIEW_HEADER, RESPONSIBLE_LABEL, STATUS_LABEL,
};

/// Escapes text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Writes the report as Markdown in `lang`: metadata, counts as the
/// ministry counts them, the overview table and every measure with
/// status, responsible and progress.
pub fn report(report: &Report, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}", report.plan_title)?;
    writeln!(out)?;
    if let Some(period) = &report.period {
        writeln!(out, "- {}: {period}", lang.text(Text::Period))?;
    }
    writeln!(
        out,
        "- {}: {}",
        lang.summary_label(SummaryLabel::AsOf),
        lang.date(&report.as_of)
    )?;
    if report.final_report {
        writeln!(
            out,
            "- {} ({FINAL_REPORT_NAME})",
            lang.summary_label(SummaryLabel::FinalReport)
        )?;
    }
    writeln!(out, "- {}: `{}`", lang.text(Text::Source), report.source)?;
    let (top, sub) = report.measure_counts();
    writeln!(out, "- {}", lang.measure_count(top, sub))?;
    if !report.summary.sentence.is_empty() {
        writeln!(out, "\n> {}", report.summary.sentence)?;
    }
    writeln!(out, "\n## {}\n", lang.text(Text::OverviewHeading))?;
    writeln!(out, "| {} |", OVERVIEW_HEADER.join(" | "))?;
    writeln!(out, "|---:|---|---|---|")?;
    for row in &report.overview {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.id,
            cell(&row.title),
            cell(&row.responsible),
            cell(&row.status)
        )?;
    }
    // Each measure once, under the first area of its number: a file that
    // repeats its areas must not repeat every measure under each copy
    // (83 copies of a report gave a 530 MB summary).
    let mut by_area: HashMap<&str, Vec<&Measure>> = HashMap::new();
    for m in &report.measures {
        by_area.entry(m.area.as_str()).or_default().push(m);
    }
    for area in &report.areas {
        writeln!(out, "\n## {AREA_WORD} {}: {}\n", area.id, area.title)?;
        for m in by_area.remove(area.id.as_str()).unwrap_or_default() {
            measure(m, lang, out)?;
        }
    }
    // A measure under no area the report lists (a report without areas, or
    // one before the first) must not vanish from the summary.
    let listed: HashSet<&str> = report.areas.iter().map(|a| a.id.as_str()).collect();
    let outside: Vec<&Measure> = report
        .measures
        .iter()
        .filter(|m| !listed.contains(m.area.as_str()))
        .collect();
    if !outside.is_empty() {
        writeln!(out, "\n## {}\n", lang.text(Text::OtherMeasures))?;
        for m in outside {
            measure(m, lang, out)?;
        }
    }
    Ok(())
}

fn measure(m: &Measure, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "### {MEASURE_WORD} {}: {}\n", m.id, m.title)?;
    if let Some(page) = &m.page {
        writeln!(out, "- {}: {page}", capital(lang.text(Text::Page)))?;
    }
    if let Some(status) = &m.status {
        writeln!(out, "- {STATUS_LABEL}: **{status}**")?;
    }
    if let Some(responsible) = &m.responsible {
        writeln!(out, "- {RESPONSIBLE_LABEL}: {responsible}")?;
    }
    if !m.progress.is_empty() {
        writeln!(out, "\n{}", m.progress)?;
    }
    writeln!(out)
}

/// "Side" from "side".
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, MeasureId};

    #[test]
    fn a_measure_under_no_area_is_kept() {
        let m = |n: u32, area: &str| Measure {
            id: MeasureId::new(n),
            area: area.into(),
            title: format!("Title {n}"),
            ..Measure::default()
        };
        let report = Report {
            areas: vec![Area {
                id: "1".into(),
                title: "First".into(),
                intro: String::new(),
                page: None,
            }],
            measures: vec![m(1, "1"), m(2, ""), m(3, "7")],
            ..Report::default()
        };
        let mut out = Vec::new();
        super::report(&report, Lang::En, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(
            headings[2..],
            [
                "## Innsatsområde 1: First",
                "### Tiltak 1: Title 1",
                "## Other measures",
                "### Tiltak 2: Title 2",
                "### Tiltak 3: Title 3",
            ]
        );
    }
}

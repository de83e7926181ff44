//! Findings for people: `findings.md` and the short summary `tiltak check`
//! prints on stdout.
//!
//! Takes the [`Finding`]s of one report (CSV and JSON are written from
//! [`crate::render::tables::findings`] and by the JSON writer).

use std::io::Write;

use crate::check::subject_label;
use crate::model::{Finding, Report, Rule, Severity};
use crate::render::escape::markdown as escape;
use crate::render::lang::{Lang, Text};

/// Writes `findings.md` in `lang`: a heading naming the report, then the
/// findings grouped by severity (errors first), one bullet each with the
/// measure, the printed page, the message and the rule id.
pub fn markdown(
    report: &Report,
    findings: &[Finding],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let title = if report.plan_title.is_empty() {
        &report.source
    } else {
        &report.plan_title
    };
    writeln!(
        out,
        "# {}: {}",
        lang.text(Text::FindingsTitle),
        escape(title)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Status per {}, {} `{}`.",
        lang.date(&report.as_of),
        lang.text(Text::ReadFrom),
        report.source
    )?;
    writeln!(out)?;
    if findings.is_empty() {
        writeln!(out, "{}", lang.text(Text::NoFindings))?;
        return Ok(());
    }
    writeln!(out, "{}.", counts(findings, lang))?;
    for (severity, heading) in [
        (Severity::Error, Text::ErrorsHeading),
        (Severity::Warning, Text::WarningsHeading),
        (Severity::Info, Text::NotesHeading),
    ] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "## {} ({})", lang.text(heading), group.len())?;
        writeln!(out)?;
        for f in group {
            let subject = subject_label(&f.measure);
            writeln!(
                out,
                "- **{}**{}: {} (`{}`)",
                escape(&subject),
                page(f, lang),
                escape(message(f, &subject)),
                f.rule
            )?;
        }
    }
    Ok(())
}

/// The short summary for stdout: the totals, per rule its count and the
/// measures it names, then each error on a line of its own.
///
/// ```
/// use tiltak::render::lang::Lang;
/// assert_eq!(tiltak::render::findings::summary(&[], Lang::En), "No inconsistencies found.\n");
/// ```
pub fn summary(findings: &[Finding], lang: Lang) -> String {
    if findings.is_empty() {
        return format!("{}\n", lang.text(Text::NoFindings));
    }
    let mut s = format!("{}.\n", counts(findings, lang));
    // Rules in contract order.
    let counted: Vec<(&str, Vec<&Finding>)> = Rule::ALL
        .into_iter()
        .map(|rule| {
            (
                rule.as_str(),
                findings.iter().filter(|f| f.rule == rule).collect(),
            )
        })
        .filter(|(_, found): &(&str, Vec<&Finding>)| !found.is_empty())
        .collect();
    let width = counted.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    for (rule, found) in counted {
        let mut names: Vec<String> = found.iter().map(|f| subject_label(&f.measure)).collect();
        names.dedup();
        s.push_str(&format!(
            "  {rule:<width$}  {}  ({})\n",
            found.len(),
            names.join(", ")
        ));
    }
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        s.push_str(&format!("{}:\n", lang.text(Text::ErrorsHeading)));
        for f in errors {
            let subject = subject_label(&f.measure);
            s.push_str(&format!(
                "  {subject}{}: {}\n",
                page(f, lang),
                message(f, &subject)
            ));
        }
    }
    s
}

/// "3 funn: 1 feil, 2 advarsler" (", 1 merknad" when there are notes).
fn counts(findings: &[Finding], lang: Lang) -> String {
    let n = |severity| findings.iter().filter(|f| f.severity == severity).count();
    lang.findings_total(
        findings.len(),
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info),
    )
}

/// The message without its leading "Tiltak 9 a): ", which the bullet
/// already shows.
fn message<'a>(f: &'a Finding, subject: &str) -> &'a str {
    f.message
        .strip_prefix(subject)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(&f.message)
}

/// " (side 27)" when the printed page is known.
fn page(f: &Finding, lang: Lang) -> String {
    f.page
        .as_deref()
        .map_or_else(String::new, |p| format!(" ({} {p})", lang.text(Text::Page)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: Rule, measure: &str, page: Option<&str>, message: &str) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            measure: measure.into(),
            page: page.map(String::from),
            expected: String::new(),
            found: String::new(),
            message: message.into(),
        }
    }

    fn sample() -> Vec<Finding> {
        vec![
            finding(
                Rule::TocTitleMismatch,
                "18",
                Some("20"),
                "Tiltak 18: the TOC differs.",
            ),
            finding(
                Rule::TableStatusMismatch,
                "9a",
                None,
                "Tiltak 9 a): status differs.",
            ),
            finding(
                Rule::SummaryCountMismatch,
                "",
                None,
                "The summary sentence is off.",
            ),
        ]
    }

    #[test]
    fn markdown_puts_errors_first() {
        let report = Report {
            source: "frihet-status-2023.pdf".into(),
            plan_title: "Frihet fra negativ sosial kontroll".into(),
            as_of: "2023-12-31".into(),
            ..Report::default()
        };
        let mut out = Vec::new();
        markdown(&report, &sample(), Lang::En, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "# Cross-check findings: Frihet fra negativ sosial kontroll\n\n\
             Status per 2023-12-31, read from `frihet-status-2023.pdf`.\n\n\
             3 findings: 2 errors, 1 warning.\n\n\
             ## Errors (2)\n\n\
             - **Tiltak 9 a)**: status differs. (`table-status-mismatch`)\n\
             - **Summary**: The summary sentence is off. (`summary-count-mismatch`)\n\n\
             ## Warnings (1)\n\n\
             - **Tiltak 18** (page 20): the TOC differs. (`toc-title-mismatch`)\n"
        );
    }

    #[test]
    fn in_bokmal_by_default() {
        let s = summary(&sample(), Lang::Nb);
        assert!(s.starts_with("3 funn: 2 feil, 1 advarsel.\n"), "{s}");
        assert!(s.contains("\nFeil:\n"), "{s}");
    }

    #[test]
    fn summary_counts_rules_then_lists_errors() {
        assert_eq!(
            summary(&sample(), Lang::En),
            "3 findings: 2 errors, 1 warning.\n\
             \x20 toc-title-mismatch      1  (Tiltak 18)\n\
             \x20 table-status-mismatch   1  (Tiltak 9 a))\n\
             \x20 summary-count-mismatch  1  (Summary)\n\
             Errors:\n\
             \x20 Tiltak 9 a): status differs.\n\
             \x20 Summary: The summary sentence is off.\n"
        );
    }
}

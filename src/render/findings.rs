//! Findings for people: `findings.md` and the short summary `tiltak check`
//! prints on stdout.
//!
//! Takes the [`Finding`]s of one report (CSV and JSON are written from
//! [`crate::render::tables::findings`] and by the JSON writer).

use std::io::Write;

use crate::check::subject_label;
use crate::model::{Finding, Report, Rule, Severity};
use crate::render::escape::markdown as escape;

/// Writes `findings.md`: a heading naming the report, then the findings
/// grouped by severity (errors first), one bullet each with the measure,
/// the printed page, the message and the rule id.
pub fn markdown(report: &Report, findings: &[Finding], out: &mut dyn Write) -> std::io::Result<()> {
    let title = if report.plan_title.is_empty() {
        &report.source
    } else {
        &report.plan_title
    };
    writeln!(out, "# Cross-check findings: {}", escape(title))?;
    writeln!(out)?;
    writeln!(
        out,
        "Status per {}, read from `{}`.",
        report.as_of, report.source
    )?;
    writeln!(out)?;
    if findings.is_empty() {
        writeln!(out, "No inconsistencies found.")?;
        return Ok(());
    }
    writeln!(out, "{}.", counts(findings))?;
    for (severity, heading) in [
        (Severity::Error, "Errors"),
        (Severity::Warning, "Warnings"),
        (Severity::Info, "Notes"),
    ] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "## {heading} ({})", group.len())?;
        writeln!(out)?;
        for f in group {
            let subject = subject_label(&f.measure);
            writeln!(
                out,
                "- **{}**{}: {} (`{}`)",
                escape(&subject),
                page(f),
                escape(message(f, &subject)),
                f.rule
            )?;
        }
    }
    Ok(())
}

/// The short summary for stdout: the totals, the count per rule, then each
/// error on a line of its own.
///
/// ```
/// assert_eq!(tiltak::render::findings::summary(&[]), "No inconsistencies found.\n");
/// ```
pub fn summary(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "No inconsistencies found.\n".to_string();
    }
    let mut s = format!("{}.\n", counts(findings));
    // Rules in contract order.
    let counted: Vec<(&str, usize)> = Rule::ALL
        .into_iter()
        .map(|rule| {
            let n = findings.iter().filter(|f| f.rule == rule).count();
            (rule.as_str(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let width = counted.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    for (rule, n) in counted {
        s.push_str(&format!("  {rule:<width$}  {n}\n"));
    }
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        s.push_str("Errors:\n");
        for f in errors {
            let subject = subject_label(&f.measure);
            s.push_str(&format!(
                "  {subject}{}: {}\n",
                page(f),
                message(f, &subject)
            ));
        }
    }
    s
}

/// "3 findings: 1 error, 2 warnings" (", 1 note" when there are notes).
fn counts(findings: &[Finding]) -> String {
    let n = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let notes = match n(Severity::Info) {
        0 => String::new(),
        k => format!(", {}", plural(k, "note")),
    };
    format!(
        "{}: {}, {}{notes}",
        plural(findings.len(), "finding"),
        plural(n(Severity::Error), "error"),
        plural(n(Severity::Warning), "warning")
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

/// " (p. 27)" when the printed page is known.
fn page(f: &Finding) -> String {
    f.page
        .as_deref()
        .map_or_else(String::new, |p| format!(" (p. {p})"))
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
        markdown(&report, &sample(), &mut out).unwrap();
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
             - **Tiltak 18** (p. 20): the TOC differs. (`toc-title-mismatch`)\n"
        );
    }

    #[test]
    fn summary_counts_rules_then_lists_errors() {
        assert_eq!(
            summary(&sample()),
            "3 findings: 2 errors, 1 warning.\n\
             \x20 toc-title-mismatch      1\n\
             \x20 table-status-mismatch   1\n\
             \x20 summary-count-mismatch  1\n\
             Errors:\n\
             \x20 Tiltak 9 a): status differs.\n\
             \x20 Summary: The summary sentence is off.\n"
        );
    }
}

//! `diff.md`.

use std::io::{self, Write};

use super::{
    NONE, cell, count, field, follow_up_id, matrix_axes, measure_label, or_none, status_line,
    summary,
};
use crate::diff::{Diff, FieldDiff, SegmentKind};
use crate::model::ChangeKind;
use crate::render::escape::markdown as md;
use crate::render::lang::{Lang, Text};

/// Writes `diff.md` in `lang`: the summary, the promises that fell due,
/// the transition matrix over measures (sub-measures beside it), the
/// summary sentence's counts and each changed measure with its word diffs.
pub fn markdown(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# {} {} → {}: {}\n",
        lang.text(Text::Changes),
        diff.old.year(),
        diff.new.year(),
        md(&diff.new.plan_title)
    )?;
    writeln!(
        out,
        "{}: {} ({} {}). {}: {} ({} {}{}).\n",
        lang.text(Text::Old),
        md(&diff.old.source),
        lang.text(Text::StatusPer),
        lang.date(&diff.old.as_of),
        lang.text(Text::New),
        md(&diff.new.source),
        lang.text(Text::StatusPer),
        lang.date(&diff.new.as_of),
        if diff.new.final_report {
            format!(", {}", lang.text(Text::FinalReport))
        } else {
            String::new()
        }
    )?;
    for line in summary(diff, lang).lines() {
        writeln!(out, "{}", md(line).replace("  ", "- "))?;
    }
    commitments(diff, lang, out)?;
    transitions(diff, lang, out)?;
    summary_counts(diff, lang, out)?;
    measures(diff, lang, out)
}

fn transitions(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (rows, cols) = matrix_axes(diff);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## {}\n", lang.text(Text::Transitions))?;
    write!(out, "| {} \\ {} |", diff.old.year(), diff.new.year())?;
    for c in &cols {
        write!(out, " {} |", md(or_none(c)))?;
    }
    writeln!(out, "\n|---|{}", "---:|".repeat(cols.len()))?;
    for r in &rows {
        write!(out, "| {} |", md(or_none(r)))?;
        for c in &cols {
            write!(out, " {} |", cell(diff, r, c))?;
        }
        writeln!(out)?;
    }
    let subs: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.is_sub() && m.old_id.is_some() && m.new_id.is_some())
        .map(|m| format!("{}: {}", m.id(), status_line(m, lang)))
        .collect();
    if !subs.is_empty() {
        writeln!(
            out,
            "\n{}: {}.",
            lang.text(Text::SubMeasures),
            md(&subs.join("; "))
        )?;
    }
    Ok(())
}

fn summary_counts(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if diff.summary.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## {}\n", lang.text(Text::SummarySentence))?;
    writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---:|",
        lang.text(Text::Count),
        diff.old.year(),
        diff.new.year()
    )?;
    for c in &diff.summary {
        writeln!(
            out,
            "| {} | {} | {} |",
            md(&c.name),
            count(c.old),
            count(c.new)
        )?;
    }
    Ok(())
}

fn measures(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n## {}", lang.text(Text::Measures))?;
    for m in diff.measures.iter().filter(|m| !m.changes.is_empty()) {
        writeln!(
            out,
            "\n### {}. {}\n",
            md(&measure_label(m, lang)),
            md(&m.title)
        )?;
        writeln!(out, "Status: {}\n", md(&status_line(m, lang)))?;
        for c in &m.changes {
            match c.change {
                ChangeKind::Added
                | ChangeKind::Removed
                | ChangeKind::Renumbered
                | ChangeKind::Status => {}
                ChangeKind::Responsible | ChangeKind::Area => writeln!(
                    out,
                    "- {}: {} → {}",
                    lang.field(&c.field),
                    md(&c.old),
                    md(&c.new)
                )?,
                ChangeKind::Title | ChangeKind::Description | ChangeKind::Progress => {
                    if let Some(f) = field(m, c) {
                        writeln!(out, "- {}: {}", lang.field(&f.field), segments(f))?;
                    }
                }
            }
        }
    }
    let unchanged: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.changes.is_empty())
        .map(|m| md(&m.id().to_string()))
        .collect();
    if !unchanged.is_empty() {
        writeln!(
            out,
            "\n{}: {}.",
            lang.text(Text::UnchangedList),
            unchanged.join(", ")
        )?;
    }
    Ok(())
}

/// The promises that fell due, each with its verdict, the sentence that
/// decided it and why; near the top, as the question readers ask first.
fn commitments(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if diff.commitments.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n## {}\n",
        lang.promises_due(diff.commitments.len(), &diff.new.as_of)
    )?;
    writeln!(out, "{}\n", lang.text(Text::VerdictRule))?;
    for f in &diff.commitments {
        writeln!(
            out,
            "- **{}** ({} {}, **{}**): «{}»  \n  {} {}: {}  \n  {}",
            md(&follow_up_id(f, lang)),
            lang.text(Text::Due),
            lang.due(f.due),
            lang.verdict(f.verdict),
            md(&f.promise),
            lang.text(Text::NewText),
            md(f.new_status.as_deref().unwrap_or(NONE)),
            md(f.evidence
                .as_deref()
                .unwrap_or(lang.text(Text::NothingFound))),
            md(lang.reason(f.reason)),
        )?;
    }
    Ok(())
}

fn segments(f: &FieldDiff) -> String {
    let parts: Vec<String> = f
        .segments
        .iter()
        .map(|s| match s.kind {
            SegmentKind::Equal => md(&s.text),
            SegmentKind::Delete => format!("~~{}~~", md(&s.text)),
            SegmentKind::Insert => format!("**{}**", md(&s.text)),
        })
        .collect();
    parts.join(" ")
}

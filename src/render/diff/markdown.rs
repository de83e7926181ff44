//! `diff.md`.

use std::io::{self, Write};

use super::{NONE, cell, count, field, matrix_axes, measure_label, or_none, status_line, summary};
use crate::diff::{Diff, FieldDiff, SegmentKind};
use crate::model::ChangeKind;
use crate::render::escape::markdown as md;
use crate::render::lang::{Lang, Text};

/// Writes `diff.md`: the summary, the transition matrix, the summary
/// sentence's counts, each changed measure with its word diffs, and the
/// promises that fell due.
pub fn markdown(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# Changes {} → {}: {}\n",
        diff.old.year(),
        diff.new.year(),
        md(&diff.new.plan_title)
    )?;
    writeln!(
        out,
        "Old: {} (status per {}). New: {} (status per {}{}).\n",
        md(&diff.old.source),
        diff.old.as_of,
        md(&diff.new.source),
        diff.new.as_of,
        if diff.new.final_report {
            ", final report"
        } else {
            ""
        }
    )?;
    for line in summary(diff).lines() {
        writeln!(out, "{}", md(line).replace("  ", "- "))?;
    }
    commitments(diff, out)?;
    transitions(diff, out)?;
    summary_counts(diff, out)?;
    measures(diff, out)
}

fn transitions(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    let (rows, cols) = matrix_axes(diff);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Status transitions\n")?;
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
    Ok(())
}

fn summary_counts(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    if diff.summary.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Summary sentence\n")?;
    writeln!(
        out,
        "| count | {} | {} |\n|---|---:|---:|",
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

fn measures(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n## Measures")?;
    for m in diff.measures.iter().filter(|m| !m.changes.is_empty()) {
        writeln!(out, "\n### {}. {}\n", md(&measure_label(m)), md(&m.title))?;
        writeln!(out, "Status: {}\n", md(&status_line(m)))?;
        for c in &m.changes {
            match c.change {
                ChangeKind::Added
                | ChangeKind::Removed
                | ChangeKind::Renumbered
                | ChangeKind::Status => {}
                ChangeKind::Responsible | ChangeKind::Area => {
                    writeln!(out, "- {}: {} → {}", c.field, md(&c.old), md(&c.new))?
                }
                ChangeKind::Title | ChangeKind::Description | ChangeKind::Progress => {
                    if let Some(f) = field(m, c) {
                        writeln!(out, "- {}: {}", f.field, segments(f))?;
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
        writeln!(out, "\nUnchanged: {}.", unchanged.join(", "))?;
    }
    Ok(())
}

/// The promises that fell due, each with its verdict, the sentence that
/// decided it and why; near the top, as the question readers ask first.
fn commitments(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    if diff.commitments.is_empty() {
        return Ok(());
    }
    let lang = Lang::En;
    writeln!(out, "\n## Commitments due by {}\n", diff.new.as_of)?;
    writeln!(out, "{}\n", lang.text(Text::VerdictRule))?;
    for f in &diff.commitments {
        writeln!(
            out,
            "- **{}** (due {}, **{}**): «{}»  \n  now {}: {}  \n  {}",
            md(&f.measure.to_string()),
            f.due,
            lang.verdict(f.verdict),
            md(&f.promise),
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

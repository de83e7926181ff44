//! `diff.html`: one self-contained page (inline CSS, a tiny inline filter
//! script; without script every measure shows).

use std::io::{self, Write};

use super::{
    NONE, cell, count, field, follow_up_id, kind_counts, matrix_axes, measure_label, or_none,
    status_line, summary,
};
use crate::diff::{Diff, FieldDiff, MeasureDiff, SegmentKind};
use crate::model::{Change, ChangeKind};
use crate::render::escape::html as esc;
use crate::render::lang::{Lang, Text};

/// Writes `diff.html`.
pub fn html(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "Changes {} → {}: {}",
        diff.old.year(),
        diff.new.year(),
        diff.new.plan_title
    );
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"no\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        esc(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", esc(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">Old: {} (status per {}). New: {} (status per {}{}).</p>",
        esc(&diff.old.source),
        esc(&diff.old.as_of),
        esc(&diff.new.source),
        esc(&diff.new.as_of),
        if diff.new.final_report {
            ", final report"
        } else {
            ""
        }
    )?;
    writeln!(out, "<pre class=\"summary\">{}</pre>", esc(&summary(diff)))?;
    commitments(diff, out)?;
    transitions(diff, out)?;
    summary_counts(diff, out)?;
    filters(diff, out)?;
    measures(diff, out)?;
    writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

fn transitions(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    let (rows, cols) = matrix_axes(diff);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h2>Status transitions</h2>\n<table class=\"matrix\">")?;
    write!(
        out,
        "<tr><th>{} \\ {}</th>",
        esc(diff.old.year()),
        esc(diff.new.year())
    )?;
    for c in &cols {
        write!(out, "<th>{}</th>", esc(or_none(c)))?;
    }
    writeln!(out, "</tr>")?;
    for r in &rows {
        write!(out, "<tr><th>{}</th>", esc(or_none(r)))?;
        for c in &cols {
            let class = if r == c { " class=\"same\"" } else { "" };
            write!(out, "<td{class}>{}</td>", cell(diff, r, c))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")
}

fn summary_counts(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    if diff.summary.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h2>Summary sentence</h2>\n<table>")?;
    writeln!(
        out,
        "<tr><th>count</th><th>{}</th><th>{}</th></tr>",
        esc(diff.old.year()),
        esc(diff.new.year())
    )?;
    for c in &diff.summary {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.name),
            count(c.old),
            count(c.new)
        )?;
    }
    writeln!(out, "</table>")
}

/// A checkbox per change kind that occurs, for the filter script.
fn filters(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<h2>Measures</h2>\n<fieldset class=\"filters\"><legend>Show measures with changes of kind</legend>"
    )?;
    let counts = kind_counts(diff);
    for kind in ChangeKind::ALL {
        if let Some(n) = counts.get(&kind) {
            writeln!(
                out,
                "<label><input type=\"checkbox\" value=\"{kind}\" checked> {kind} ({n})</label>"
            )?;
        }
    }
    writeln!(out, "</fieldset>")
}

fn measures(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    for m in diff.measures.iter().filter(|m| !m.changes.is_empty()) {
        let mut kinds: Vec<&str> = m.changes.iter().map(|c| c.change.as_str()).collect();
        kinds.dedup();
        writeln!(
            out,
            "<article class=\"measure\" data-kinds=\"{}\">",
            esc(&kinds.join(" "))
        )?;
        writeln!(
            out,
            "<h3>{}. {}</h3>",
            esc(&measure_label(m)),
            esc(&m.title)
        )?;
        writeln!(
            out,
            "<p class=\"status\">Status: {}</p>\n<dl>",
            esc(&status_line(m))
        )?;
        for c in &m.changes {
            change(m, c, out)?;
        }
        writeln!(out, "</dl>\n</article>")?;
    }
    let unchanged: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.changes.is_empty())
        .map(|m| esc(&m.id().to_string()))
        .collect();
    if !unchanged.is_empty() {
        writeln!(
            out,
            "<p class=\"unchanged\">Unchanged: {}.</p>",
            unchanged.join(", ")
        )?;
    }
    Ok(())
}

/// The promises that fell due, near the top: verdict, evidence, reason.
fn commitments(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    if diff.commitments.is_empty() {
        return Ok(());
    }
    let lang = Lang::En;
    writeln!(
        out,
        "<h2 id=\"promises\">Commitments due by {}</h2>\n<p>{}</p>\n<table class=\"commitments\">",
        esc(&diff.new.as_of),
        esc(lang.text(Text::VerdictRule))
    )?;
    writeln!(
        out,
        "<tr><th>measure</th><th>due</th><th>promised</th><th>now</th><th>new report says</th><th>verdict</th><th>why</th></tr>"
    )?;
    for f in &diff.commitments {
        writeln!(
            out,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.verdict.as_str(),
            esc(&follow_up_id(f)),
            esc(&f.due.to_string()),
            esc(&f.promise),
            esc(f.new_status.as_deref().unwrap_or(NONE)),
            esc(f
                .evidence
                .as_deref()
                .unwrap_or(lang.text(Text::NothingFound))),
            esc(lang.verdict(f.verdict)),
            esc(lang.reason(f.reason)),
        )?;
    }
    writeln!(out, "</table>")
}

fn change(m: &MeasureDiff, c: &Change, out: &mut dyn Write) -> io::Result<()> {
    match c.change {
        ChangeKind::Added | ChangeKind::Removed | ChangeKind::Status => Ok(()),
        ChangeKind::Renumbered => writeln!(
            out,
            "<dt>number</dt><dd>{} → {}</dd>",
            esc(&c.old),
            esc(&c.new)
        ),
        ChangeKind::Responsible | ChangeKind::Area => writeln!(
            out,
            "<dt>{}</dt><dd><del>{}</del> <ins>{}</ins></dd>",
            esc(&c.field.to_string()),
            esc(&c.old),
            esc(&c.new)
        ),
        ChangeKind::Title | ChangeKind::Description | ChangeKind::Progress => match field(m, c) {
            Some(f) => writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(&f.field.to_string()),
                segments(f)
            ),
            None => Ok(()),
        },
    }
}

fn segments(f: &FieldDiff) -> String {
    let parts: Vec<String> = f
        .segments
        .iter()
        .map(|s| match s.kind {
            SegmentKind::Equal => esc(&s.text),
            SegmentKind::Delete => format!("<del>{}</del>", esc(&s.text)),
            SegmentKind::Insert => format!("<ins>{}</ins>", esc(&s.text)),
        })
        .collect();
    parts.join(" ")
}

const CSS: &str = "
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
.matrix td{text-align:right}.matrix td.same{color:#777}
del{background:#fdd;color:#900;text-decoration:line-through}ins{background:#dfd;color:#060;text-decoration:none}
.measure{border-top:1px solid #ddd;padding:.5rem 0}.measure h3{margin:.25rem 0}
dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}.status,.meta{color:#444}
.filters label{margin-right:1rem;white-space:nowrap}
.summary{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}
tr.kept td:last-child{color:#060}tr.delayed td:last-child{color:#900}
";

/// Hides a measure when none of its change kinds is ticked.
const SCRIPT: &str = "
const boxes=[...document.querySelectorAll('.filters input')];
function apply(){const on=new Set(boxes.filter(b=>b.checked).map(b=>b.value));
document.querySelectorAll('.measure').forEach(m=>{m.hidden=!m.dataset.kinds.split(' ').some(k=>on.has(k));});}
boxes.forEach(b=>b.addEventListener('change',apply));
";

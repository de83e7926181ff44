//! The year-over-year diff for readers: Markdown, one HTML page and the
//! stdout summary.
//!
//! Takes a [`Diff`], gives text. All decisions about what changed were made
//! in `diff`; this module only lays them out. `diff.json` is the `Diff`
//! serialised as is and `changes.csv` is [`crate::render::csv::changes`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diff::{Diff, FieldDiff, FollowUp, MeasureDiff, SegmentKind};
use crate::model::Change;

/// The change kinds in the order filters and counts list them.
const KINDS: &[&str] = &[
    "added",
    "removed",
    "renumbered",
    "status",
    "responsible",
    "title",
    "area",
    "description",
    "progress",
];

/// Shown for a missing status or count.
const NONE: &str = "—";

/// The human summary printed on stdout.
pub fn summary(diff: &Diff) -> String {
    let mut s = String::new();
    let both = diff
        .measures
        .iter()
        .filter(|m| m.old_id.is_some() && m.new_id.is_some())
        .count();
    let counts = kind_counts(diff);
    let n = |kind: &str| counts.get(kind).copied().unwrap_or(0);
    let _ = writeln!(
        s,
        "{} → {}: {both} measures compared, {} added, {} removed, {} renumbered.",
        diff.old.as_of,
        diff.new.as_of,
        n("added"),
        n("removed"),
        n("renumbered")
    );
    if !diff.transitions.is_empty() {
        let _ = writeln!(s, "Status transitions:");
        for t in &diff.transitions {
            let unchanged = if t.old == t.new { " (unchanged)" } else { "" };
            let _ = writeln!(
                s,
                "  {} → {}: {}{unchanged}",
                or_none(&t.old),
                or_none(&t.new),
                t.count
            );
        }
    }
    let text = n("title") + n("description") + n("progress");
    let _ = writeln!(
        s,
        "{text} text changes (title {}, description {}, progress {}), {} responsible, {} area.",
        n("title"),
        n("description"),
        n("progress"),
        n("responsible"),
        n("area")
    );
    if !diff.summary.is_empty() {
        let list: Vec<String> = diff
            .summary
            .iter()
            .map(|c| format!("{} {} → {}", c.name, count(c.old), count(c.new)))
            .collect();
        let _ = writeln!(s, "Summary sentence: {}.", list.join(", "));
    }
    if !diff.commitments.is_empty() {
        let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &diff.commitments {
            *verdicts.entry(f.verdict.as_str()).or_default() += 1;
        }
        let list: Vec<String> = verdicts.iter().map(|(v, n)| format!("{v} {n}")).collect();
        let _ = writeln!(
            s,
            "{} commitments due by {} ({}).",
            diff.commitments.len(),
            diff.new.as_of,
            list.join(", ")
        );
    }
    s
}

/// `diff.md`.
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

    let (rows, cols) = matrix_axes(diff);
    if !rows.is_empty() {
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
    }

    if !diff.summary.is_empty() {
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
    }

    writeln!(out, "\n## Measures")?;
    for m in diff.measures.iter().filter(|m| !m.changes.is_empty()) {
        writeln!(out, "\n### {}. {}\n", md(&measure_label(m)), md(&m.title))?;
        writeln!(out, "Status: {}\n", md(&status_line(m)))?;
        for c in &m.changes {
            match c.change.as_str() {
                "added" | "removed" | "renumbered" | "status" => {}
                "responsible" | "area" => {
                    writeln!(out, "- {}: {} → {}", c.field, md(&c.old), md(&c.new))?
                }
                _ => {
                    if let Some(f) = m.fields.iter().find(|f| f.field == c.field) {
                        writeln!(out, "- {}: {}", f.field, md_segments(f))?;
                    }
                }
            }
        }
    }
    let unchanged: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.changes.is_empty())
        .map(|m| md(m.id()))
        .collect();
    if !unchanged.is_empty() {
        writeln!(out, "\nUnchanged: {}.", unchanged.join(", "))?;
    }

    if !diff.commitments.is_empty() {
        writeln!(out, "\n## Commitments due by {}\n", diff.new.as_of)?;
        for f in &diff.commitments {
            writeln!(
                out,
                "- **{}** (due {}, {}): «{}»  \n  now {}: {}",
                md(&f.measure),
                f.due,
                f.verdict.as_str(),
                md(&f.promise),
                md(f.new_status.as_deref().unwrap_or(NONE)),
                md(&mentions_text(f))
            )?;
        }
    }
    Ok(())
}

/// `diff.html`: one self-contained page (inline CSS, a tiny inline filter
/// script; without script every measure shows).
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

    let (rows, cols) = matrix_axes(diff);
    if !rows.is_empty() {
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
        writeln!(out, "</table>")?;
    }

    if !diff.summary.is_empty() {
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
        writeln!(out, "</table>")?;
    }

    writeln!(
        out,
        "<h2>Measures</h2>\n<fieldset class=\"filters\"><legend>Show measures with changes of kind</legend>"
    )?;
    let counts = kind_counts(diff);
    for kind in KINDS.iter().filter(|k| counts.contains_key(**k)) {
        writeln!(
            out,
            "<label><input type=\"checkbox\" value=\"{kind}\" checked> {kind} ({})</label>",
            counts[*kind]
        )?;
    }
    writeln!(out, "</fieldset>")?;
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
            html_change(m, c, out)?;
        }
        writeln!(out, "</dl>\n</article>")?;
    }
    let unchanged: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.changes.is_empty())
        .map(|m| esc(m.id()))
        .collect();
    if !unchanged.is_empty() {
        writeln!(
            out,
            "<p class=\"unchanged\">Unchanged: {}.</p>",
            unchanged.join(", ")
        )?;
    }

    if !diff.commitments.is_empty() {
        writeln!(
            out,
            "<h2>Commitments due by {}</h2>\n<table class=\"commitments\">",
            esc(&diff.new.as_of)
        )?;
        writeln!(
            out,
            "<tr><th>measure</th><th>due</th><th>promised</th><th>now</th><th>new report says</th><th>verdict</th></tr>"
        )?;
        for f in &diff.commitments {
            writeln!(
                out,
                "<tr class=\"{v}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{v}</td></tr>",
                esc(&follow_up_id(f)),
                esc(&f.due),
                esc(&f.promise),
                esc(f.new_status.as_deref().unwrap_or(NONE)),
                esc(&mentions_text(f)),
                v = f.verdict.as_str()
            )?;
        }
        writeln!(out, "</table>")?;
    }
    writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

fn html_change(m: &MeasureDiff, c: &Change, out: &mut dyn Write) -> io::Result<()> {
    match c.change.as_str() {
        "added" | "removed" | "status" => Ok(()),
        "renumbered" => writeln!(
            out,
            "<dt>number</dt><dd>{} → {}</dd>",
            esc(&c.old),
            esc(&c.new)
        ),
        "responsible" | "area" => writeln!(
            out,
            "<dt>{}</dt><dd><del>{}</del> <ins>{}</ins></dd>",
            esc(&c.field),
            esc(&c.old),
            esc(&c.new)
        ),
        _ => match m.fields.iter().find(|f| f.field == c.field) {
            Some(f) => writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(&f.field),
                html_segments(f)
            ),
            None => Ok(()),
        },
    }
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

/// Old and new statuses in order of first appearance.
fn matrix_axes(diff: &Diff) -> (Vec<String>, Vec<String>) {
    let (mut rows, mut cols): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for m in diff
        .measures
        .iter()
        .filter(|m| m.old_id.is_some() && m.new_id.is_some())
    {
        let (o, n) = (
            m.old_status.clone().unwrap_or_default(),
            m.new_status.clone().unwrap_or_default(),
        );
        if !rows.contains(&o) {
            rows.push(o);
        }
        if !cols.contains(&n) {
            cols.push(n);
        }
    }
    (rows, cols)
}

fn cell(diff: &Diff, old: &str, new: &str) -> String {
    diff.transitions
        .iter()
        .find(|t| t.old == old && t.new == new)
        .map_or_else(String::new, |t| t.count.to_string())
}

fn kind_counts(diff: &Diff) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for c in diff.changes.iter().filter(|c| !c.measure.is_empty()) {
        *counts.entry(c.change.as_str()).or_default() += 1;
    }
    counts
}

fn measure_label(m: &MeasureDiff) -> String {
    match (&m.old_id, &m.new_id) {
        (Some(o), Some(n)) if o != n => format!("Tiltak {o} → {n}"),
        (None, Some(n)) => format!("Tiltak {n} (added)"),
        (Some(o), None) => format!("Tiltak {o} (removed)"),
        _ => format!("Tiltak {}", m.id()),
    }
}

fn status_line(m: &MeasureDiff) -> String {
    let (o, n) = (
        m.old_status.as_deref().unwrap_or(NONE),
        m.new_status.as_deref().unwrap_or(NONE),
    );
    match (&m.old_id, &m.new_id) {
        (None, _) => n.to_string(),
        (_, None) => o.to_string(),
        _ if o == n => format!("{o} (unchanged)"),
        _ => format!("{o} → {n}"),
    }
}

fn follow_up_id(f: &FollowUp) -> String {
    match &f.new_measure {
        Some(n) if *n != f.measure => format!("{} → {n}", f.measure),
        Some(_) => f.measure.clone(),
        None => format!("{} (removed)", f.measure),
    }
}

fn mentions_text(f: &FollowUp) -> String {
    if f.mentions.is_empty() {
        "(nothing found)".into()
    } else {
        f.mentions.join(" ")
    }
}

fn count(c: Option<u32>) -> String {
    c.map_or_else(|| NONE.to_string(), |c| c.to_string())
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { NONE } else { s }
}

fn md_segments(f: &FieldDiff) -> String {
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

fn html_segments(f: &FieldDiff) -> String {
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

/// Escapes text for Markdown so report text cannot turn into markup.
fn md(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '>' | '#'
        ) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            _ => s.push(c),
        }
    }
    s
}

//! `diff.html`: one self-contained page (inline CSS, a small inline filter
//! script; without script every measure shows).
//!
//! The headline first (what changed, what was not done, which promises
//! slipped, each a link), then the promises, the transition matrix whose
//! cells link to the measures they count, and every measure under its own
//! anchor (`#tiltak-25`) with old | new side by side and links to its page
//! in each PDF.

use std::io::{self, Write};

use super::{
    NONE, cell, count, field, follow_up_id, kind_counts, matrix_axes, measure_label, or_none,
    summary,
};
use crate::diff::{Diff, FieldDiff, MeasureDiff, SegmentKind, Verdict};
use crate::model::{Change, ChangeKind, MeasureId, StatusClass};
use crate::render::escape::html as esc;
use crate::render::lang::{Lang, Text};
use crate::render::{HEAD_META, PAGE_CSS, STATUS_CSS, status_badge};
use crate::vocab;

/// Where the two reports' PDFs are, relative to the page, for links to a
/// measure's page (`file.pdf#page=N`); `None` where unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfLinks {
    /// The old report's file.
    pub old: Option<String>,
    /// The new report's file.
    pub new: Option<String>,
}

/// The anchor of a measure: `tiltak-25`, `tiltak-9a` (the tool's name, so
/// links stay stable whatever the report's wording).
pub fn anchor(id: &MeasureId) -> String {
    format!("tiltak-{id}")
}

/// Writes `diff.html` in `lang`.
pub fn html(diff: &Diff, lang: Lang, pdfs: &PdfLinks, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "{} {} → {}: {}",
        lang.text(Text::Changes),
        diff.old.year(),
        diff.new.year(),
        diff.new.plan_title
    );
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n{HEAD_META}\n<title>{}</title>\n\
         <style>{}</style>\n</head>\n<body>",
        lang.code(),
        esc(&title),
        inline_style()
    )?;
    writeln!(out, "<h1>{}</h1>", esc(&title))?;
    writeln!(out, "<p class=\"meta\">{}</p>", esc(&sources(diff, lang)))?;
    headline(diff, lang, out)?;
    commitments(diff, lang, out)?;
    transitions(diff, lang, out)?;
    summary_counts(diff, lang, out)?;
    filters(diff, lang, out)?;
    measures(diff, lang, pdfs, out)?;
    writeln!(
        out,
        "<details><summary>{}</summary><pre class=\"summary\">{}</pre></details>",
        lang.text(Text::Changes),
        esc(&summary(diff, lang))
    )?;
    writeln!(
        out,
        "<script>{}</script>\n</body>\n</html>",
        inline_script()
    )
}

/// The page's one inline style sheet, the same for every diff. A page
/// that frames diff.html (the browser build) allows exactly this sheet
/// and [`inline_script`] by their hashes in its Content-Security-Policy
/// instead of allowing any inline code.
pub fn inline_style() -> String {
    format!("{CSS}{STATUS_CSS}{PAGE_CSS}")
}

/// The page's one inline script (the filters), the same for every diff;
/// see [`inline_style`].
pub fn inline_script() -> &'static str {
    SCRIPT
}

/// "Gammel: a.pdf (status per 31.12.2023). Ny: b.pdf (…, sluttrapport)."
fn sources(diff: &Diff, lang: Lang) -> String {
    format!(
        "{}: {} ({} {}). {}: {} ({} {}{}).",
        lang.text(Text::Old),
        diff.old.source,
        lang.text(Text::StatusPer),
        lang.date(&diff.old.as_of),
        lang.text(Text::New),
        diff.new.source,
        lang.text(Text::StatusPer),
        lang.date(&diff.new.as_of),
        if diff.new.final_report {
            format!(", {}", lang.text(Text::FinalReport))
        } else {
            String::new()
        }
    )
}

/// The headline: counts as the ministry counts, each changed transition,
/// the measures not done and the promises delayed, each a link.
fn headline(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let first = summary(diff, lang);
    writeln!(
        out,
        "<section id=\"headline\" class=\"headline\"><ul>\n<li><strong>{}</strong></li>",
        esc(first.lines().next().unwrap_or_default())
    )?;
    let (rows, cols) = matrix_axes(diff);
    for t in diff.transitions.iter().filter(|t| t.old != t.new) {
        let (Some(r), Some(c)) = (
            rows.iter().position(|r| *r == t.old),
            cols.iter().position(|c| *c == t.new),
        ) else {
            continue;
        };
        writeln!(
            out,
            "<li><a href=\"#overgang-{r}-{c}\">{} → {}: {}</a></li>",
            status_badge(or_none(&t.old)),
            status_badge(or_none(&t.new)),
            t.count
        )?;
    }
    for (class, text) in [
        (StatusClass::NotDone, Text::NotDoneList),
        (StatusClass::Ongoing, Text::StillOngoing),
    ] {
        // "Still ongoing" is news only when the plan has ended.
        if class == StatusClass::Ongoing && !diff.new.final_report {
            continue;
        }
        let ids: Vec<String> = diff
            .measures
            .iter()
            .filter(|m| {
                m.new_status
                    .as_deref()
                    .is_some_and(|s| vocab::status_class(s) == class)
            })
            .map(|m| measure_link(m.id()))
            .collect();
        if !ids.is_empty() {
            writeln!(
                out,
                "<li class=\"alert\">{}: {}</li>",
                lang.text(text),
                ids.join(", ")
            )?;
        }
    }
    promises_headline(diff, lang, out)?;
    writeln!(out, "</ul></section>")
}

fn promises_headline(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if diff.commitments.is_empty() {
        return Ok(());
    }
    let delayed: Vec<String> = diff
        .commitments
        .iter()
        .filter(|f| f.verdict == Verdict::Delayed)
        .map(|f| measure_link(f.new_measure.as_ref().unwrap_or(&f.measure)))
        .collect();
    write!(
        out,
        "<li><a href=\"#promises\">{}</a>",
        esc(&lang.promises_due(diff.commitments.len(), &diff.new.as_of))
    )?;
    if !delayed.is_empty() {
        write!(
            out,
            "; {}: {}",
            lang.text(Text::DelayedList),
            delayed.join(", ")
        )?;
    }
    writeln!(out, "</li>")
}

/// A link to a measure's anchor: "Tiltak 9 a)".
fn measure_link(id: &MeasureId) -> String {
    format!(
        "<a href=\"#{}\">{}</a>",
        anchor(id),
        esc(&vocab::measure_label(id))
    )
}

/// The promises that fell due: verdict, evidence, reason.
fn commitments(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if diff.commitments.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<h2 id=\"promises\">{}</h2>\n<p class=\"rule\">{}</p>\n<div class=\"scroll\"><table class=\"commitments\">",
        esc(&lang.promises_due(diff.commitments.len(), &diff.new.as_of)),
        esc(lang.text(Text::VerdictRule))
    )?;
    write!(out, "<tr>")?;
    for head in [
        Text::Measure,
        Text::Due,
        Text::Promise,
        Text::NewStatus,
        Text::Evidence,
        Text::Verdict,
        Text::Reason,
    ] {
        write!(out, "<th>{}</th>", esc(lang.text(head)))?;
    }
    writeln!(out, "</tr>")?;
    let label = |t: Text| esc(lang.text(t));
    for f in &diff.commitments {
        let id = f.new_measure.as_ref().unwrap_or(&f.measure);
        // data-label: on a phone each row becomes a card with its labels.
        writeln!(
            out,
            "<tr class=\"v-{}\"><td data-label=\"{}\"><a href=\"#{}\">{}</a></td><td data-label=\"{}\">{}</td>\
             <td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td>\
             <td class=\"verdict\" data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td></tr>",
            f.verdict.as_str(),
            label(Text::Measure),
            anchor(id),
            esc(&follow_up_id(f, lang)),
            label(Text::Due),
            esc(&lang.due(f.due)),
            label(Text::Promise),
            esc(&f.promise),
            label(Text::NewStatus),
            f.new_status
                .as_deref()
                .map_or_else(|| NONE.to_string(), status_badge),
            label(Text::Evidence),
            esc(f
                .evidence
                .as_deref()
                .unwrap_or(lang.text(Text::NothingFound))),
            label(Text::Verdict),
            esc(lang.verdict(f.verdict)),
            label(Text::Reason),
            esc(lang.reason(f.reason)),
        )?;
    }
    writeln!(out, "</table></div>")
}

/// The matrix over top-level measures, each cell a link to the list of
/// the measures it counts; sub-measures listed beside it.
fn transitions(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (rows, cols) = matrix_axes(diff);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<h2 id=\"transitions\">{}</h2>\n<div class=\"scroll\"><table class=\"matrix\">",
        lang.text(Text::Transitions)
    )?;
    write!(
        out,
        "<tr><th>{} \\ {}</th>",
        esc(diff.old.year()),
        esc(diff.new.year())
    )?;
    for c in &cols {
        write!(out, "<th>{}</th>", status_badge(or_none(c)))?;
    }
    writeln!(out, "</tr>")?;
    for (i, r) in rows.iter().enumerate() {
        write!(out, "<tr><th>{}</th>", status_badge(or_none(r)))?;
        for (j, c) in cols.iter().enumerate() {
            let n = cell(diff, r, c);
            let class = if r == c { " class=\"same\"" } else { "" };
            if n.is_empty() {
                write!(out, "<td{class}></td>")?;
            } else {
                write!(out, "<td{class}><a href=\"#overgang-{i}-{j}\">{n}</a></td>")?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table></div>\n<ul class=\"cells\">")?;
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in cols.iter().enumerate() {
            let ids: Vec<String> = top_level(diff)
                .filter(|m| m.old_status.as_deref().unwrap_or_default() == r)
                .filter(|m| m.new_status.as_deref().unwrap_or_default() == c)
                .map(|m| format!("<a href=\"#{}\">{}</a>", anchor(m.id()), m.id()))
                .collect();
            if !ids.is_empty() {
                writeln!(
                    out,
                    "<li id=\"overgang-{i}-{j}\">{} → {}: {}</li>",
                    esc(or_none(r)),
                    esc(or_none(c)),
                    ids.join(", ")
                )?;
            }
        }
    }
    writeln!(out, "</ul>")?;
    sub_measures(diff, lang, out)
}

/// Measures in both reports that are not sub-measures.
fn top_level(diff: &Diff) -> impl Iterator<Item = &MeasureDiff> {
    diff.measures
        .iter()
        .filter(|m| !m.is_sub() && m.old_id.is_some() && m.new_id.is_some())
}

fn sub_measures(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let subs: Vec<String> = diff
        .measures
        .iter()
        .filter(|m| m.is_sub() && m.old_id.is_some() && m.new_id.is_some())
        .map(|m| {
            format!(
                "<a href=\"#{}\">{}</a>: {} → {}",
                anchor(m.id()),
                m.id(),
                status_badge(m.old_status.as_deref().unwrap_or(NONE)),
                status_badge(m.new_status.as_deref().unwrap_or(NONE))
            )
        })
        .collect();
    if subs.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<p class=\"subs\">{}: {}</p>",
        lang.text(Text::SubMeasures),
        subs.join("; ")
    )
}

fn summary_counts(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if diff.summary.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        lang.text(Text::SummarySentence),
        lang.text(Text::Count),
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

/// The filter: a text box, the new status, the lead ministry and a checkbox per change kind
/// that occurs (and one for unchanged measures).
fn filters(diff: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<h2 id=\"measures\">{}</h2>\n<div class=\"filters controls\">\
         <label>{} <input type=\"search\" id=\"filter\"></label> \
         <label>Status <select id=\"status\"><option value=\"\">—</option>",
        lang.text(Text::AllMeasures),
        lang.text(Text::Filter)
    )?;
    let mut statuses: Vec<&str> = diff
        .measures
        .iter()
        .filter_map(|m| m.new_status.as_deref())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    for s in statuses {
        writeln!(out, "<option>{}</option>", esc(s))?;
    }
    let mut leads: Vec<&str> = diff
        .measures
        .iter()
        .filter_map(|m| m.lead.as_deref())
        .collect();
    leads.sort_unstable();
    leads.dedup();
    writeln!(
        out,
        "</select></label> <label>{} <select id=\"ministry\"><option value=\"\">—</option>",
        esc(vocab::RESPONSIBLE_LABEL)
    )?;
    for l in leads {
        writeln!(out, "<option>{}</option>", esc(l))?;
    }
    writeln!(
        out,
        "</select></label>\n<fieldset><legend>{}</legend>",
        lang.text(Text::ShowKinds)
    )?;
    let counts = kind_counts(diff);
    for kind in ChangeKind::ALL {
        if let Some(n) = counts.get(&kind) {
            writeln!(
                out,
                "<label><input type=\"checkbox\" value=\"{kind}\" checked> {} ({n})</label>",
                esc(lang.kind(kind))
            )?;
        }
    }
    writeln!(
        out,
        "<label><input type=\"checkbox\" value=\"none\" checked> {}</label></fieldset></div>",
        lang.text(Text::Unchanged)
    )
}

/// Every measure under its anchor, changed or not.
fn measures(diff: &Diff, lang: Lang, pdfs: &PdfLinks, out: &mut dyn Write) -> io::Result<()> {
    for m in &diff.measures {
        let mut kinds: Vec<&str> = m.changes.iter().map(|c| c.change.as_str()).collect();
        kinds.dedup();
        if kinds.is_empty() {
            kinds.push("none");
        }
        writeln!(
            out,
            "<article class=\"measure\" id=\"{}\" data-kinds=\"{}\" data-status=\"{}\" data-lead=\"{}\">",
            anchor(m.id()),
            esc(&kinds.join(" ")),
            esc(m.new_status.as_deref().unwrap_or_default()),
            esc(m.lead.as_deref().unwrap_or_default())
        )?;
        writeln!(
            out,
            "<h3><a href=\"#{}\">{}</a>. {}</h3>",
            anchor(m.id()),
            esc(&measure_label(m, lang)),
            esc(&m.title)
        )?;
        writeln!(out, "<p class=\"status\">{}</p>", status_pair(m, lang))?;
        if let Some(r) = &m.responsible {
            writeln!(
                out,
                "<p class=\"resp\">{}: {}</p>",
                esc(vocab::RESPONSIBLE_LABEL),
                esc(r)
            )?;
        }
        page_links(m, lang, pdfs, out)?;
        for c in &m.changes {
            change(m, c, lang, out)?;
        }
        writeln!(out, "</article>")?;
    }
    Ok(())
}

/// Old → new status as badges, or the one status and "uendret".
fn status_pair(m: &MeasureDiff, lang: Lang) -> String {
    let badge = |s: &Option<String>| s.as_deref().map_or_else(|| NONE.to_string(), status_badge);
    match (&m.old_id, &m.new_id) {
        (None, _) => badge(&m.new_status),
        (_, None) => badge(&m.old_status),
        _ if m.old_status == m.new_status => {
            format!("{} ({})", badge(&m.new_status), lang.text(Text::Unchanged))
        }
        _ => format!("{} → {}", badge(&m.old_status), badge(&m.new_status)),
    }
}

/// "side 12 (2023) · side 14 (2024)", links into the PDFs.
fn page_links(m: &MeasureDiff, lang: Lang, pdfs: &PdfLinks, out: &mut dyn Write) -> io::Result<()> {
    let links: Vec<(&String, u32)> = [(&pdfs.old, m.old_page), (&pdfs.new, m.new_page)]
        .into_iter()
        .filter_map(|(file, page)| Some((file.as_ref()?, page?)))
        .collect();
    if links.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = links
        .iter()
        .map(|(file, page)| {
            format!(
                "<a href=\"{}#page={page}\">{} {page} ({})</a>",
                esc(file),
                lang.text(Text::Page),
                esc(file.rsplit('/').next().unwrap_or(file))
            )
        })
        .collect();
    writeln!(out, "<p class=\"pages\">PDF: {}</p>", shown.join(" · "))
}

fn change(m: &MeasureDiff, c: &Change, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    match c.change {
        ChangeKind::Added | ChangeKind::Removed | ChangeKind::Status => Ok(()),
        ChangeKind::Renumbered => writeln!(
            out,
            "<p><b>{}</b>: {} → {}</p>",
            lang.text(Text::Number),
            esc(&c.old),
            esc(&c.new)
        ),
        ChangeKind::Responsible | ChangeKind::Area => writeln!(
            out,
            "<p><b>{}</b>: <del>{}</del> → <ins>{}</ins></p>",
            esc(&lang.field(&c.field)),
            esc(&c.old),
            esc(&c.new)
        ),
        ChangeKind::Title | ChangeKind::Description | ChangeKind::Progress => match field(m, c) {
            Some(f) => side_by_side(f, lang, out),
            None => Ok(()),
        },
    }
}

/// The old text with its deleted words beside the new text with its
/// inserted words.
fn side_by_side(f: &FieldDiff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<div class=\"field\"><b>{}</b><div class=\"sbs\"><div class=\"old\"><span class=\"side\">{}</span> {}</div>\
         <div class=\"new\"><span class=\"side\">{}</span> {}</div></div></div>",
        esc(&lang.field(&f.field)),
        lang.text(Text::OldText),
        side(f, SegmentKind::Delete),
        lang.text(Text::NewText),
        side(f, SegmentKind::Insert)
    )
}

/// One side of a word diff: the equal words and this side's changed ones.
fn side(f: &FieldDiff, own: SegmentKind) -> String {
    let parts: Vec<String> = f
        .segments
        .iter()
        .filter_map(|s| match s.kind {
            SegmentKind::Equal => Some(esc(&s.text)),
            k if k == own && own == SegmentKind::Delete => {
                Some(format!("<del>{}</del>", esc(&s.text)))
            }
            k if k == own => Some(format!("<ins>{}</ins>", esc(&s.text))),
            _ => None,
        })
        .collect();
    parts.join(" ")
}

const CSS: &str = "
body{font-family:system-ui,sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
.matrix td{text-align:right}.matrix td.same{color:#777}
.headline{background:#f4f7fb;border:1px solid #cfd9e6;border-radius:6px;padding:.5rem 1rem}.headline li{margin:.2rem 0}
.alert{font-weight:bold}
.measure{border-top:1px solid #ddd;padding:.5rem 0}.measure h3{margin:.25rem 0}.measure:target{background:#fffbe6}
.status,.meta,.resp,.pages{color:#444;margin:.2rem 0}
.filters label{margin-right:1rem}.filters fieldset label{white-space:nowrap}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.sbs>div{border:1px solid #e4e4e4;padding:.4rem}
.side{font-size:.8rem;color:#666;text-transform:uppercase}
@media (max-width:40rem){.sbs{grid-template-columns:1fr}
.commitments,.commitments tbody,.commitments tr,.commitments td{display:block;min-width:0!important;white-space:normal!important}
.commitments tr:first-child{display:none}.commitments tr{border:1px solid #ccc;margin:.5rem 0;padding:.25rem}
.commitments td{border:0;padding:.1rem .25rem}.commitments td::before{content:attr(data-label) ': ';font-weight:bold;color:#555}}
.summary{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}
.commitments .verdict{font-weight:bold;white-space:nowrap}.commitments td:nth-child(-n+2),.commitments th{white-space:nowrap}
.commitments td:nth-child(3),.commitments td:nth-child(5){min-width:14rem}
tr.v-kept .verdict::before{content:'\\2713  '}tr.v-delayed .verdict::before{content:'\\23F1  '}
tr.v-dropped .verdict::before{content:'\\2717  '}tr.v-unclear .verdict::before{content:'?  '}
";

/// Hides a measure that fails the text box, the status or ministry
/// choice, or every ticked change kind.
const SCRIPT: &str = "
const q=document.getElementById('filter'),st=document.getElementById('status'),mi=document.getElementById('ministry');
const boxes=[...document.querySelectorAll('.filters input[type=checkbox]')];
function apply(){const t=q.value.toLowerCase().trim(),s=st.value,l=mi.value,on=new Set(boxes.filter(b=>b.checked).map(b=>b.value));
document.querySelectorAll('.measure').forEach(m=>{m.hidden=!(m.dataset.kinds.split(' ').some(k=>on.has(k))
&&(!s||m.dataset.status===s)&&(!l||m.dataset.lead===l)&&(!t||m.textContent.toLowerCase().includes(t)));});}
[q,st,mi,...boxes].forEach(e=>{e.addEventListener('input',apply);e.addEventListener('change',apply);});
";

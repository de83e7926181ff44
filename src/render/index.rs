//! `outputs/index.html`: the main job's landing page.
//!
//! One self-contained page (inline CSS and SVG, no network): a headline
//! per plan (finished, still ongoing, not done, continued, promises
//! delayed, findings, each a link to its list), the inputs that could not
//! be read, per report the as-of date, a bar chart of statuses, the
//! findings by severity and links to every output file (the workbooks
//! first); the diff pages; the status timeline per measure under its
//! anchor (`#tiltak-25`), with a filter.

use std::fmt::Write as _;
use std::io::Write;

use crate::diff::{Diff, Verdict};
use crate::model::{Finding, MeasureId, Report, Severity, StatusClass};
use crate::render::escape::html as escape;
use crate::render::lang::{Lang, Text};
use crate::render::{HEAD_META, PAGE_CSS, STATUS_CSS, status_badge};
use crate::timeline::Timeline;
use crate::vocab;

/// One parsed and checked report, with the folder its files are in.
pub struct ReportEntry<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its findings.
    pub findings: &'a [Finding],
    /// Folder name under outputs/, e.g. "2023".
    pub folder: String,
}

/// One diff page.
pub struct DiffEntry<'a> {
    /// Folder name under outputs/, e.g. "diff-2023-2024".
    pub folder: String,
    /// The comparison.
    pub diff: &'a Diff,
}

/// An input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub file: String,
    /// The error, one sentence.
    pub reason: String,
    /// The folder under outputs/ an earlier run wrote for it, kept as it
    /// was (`None` when there is none).
    pub kept: Option<String>,
}

/// Everything the landing page shows.
pub struct Index<'a> {
    /// The reports, oldest first.
    pub reports: &'a [ReportEntry<'a>],
    /// The diffs between consecutive reports.
    pub diffs: &'a [DiffEntry<'a>],
    /// Every measure's status per report.
    pub timeline: &'a Timeline,
    /// Inputs that could not be read.
    pub skipped: &'a [Skipped],
    /// The language of the page.
    pub lang: Lang,
}

/// The prefix of a measure's anchor in the page: `#tiltak-9a` (the tool's
/// name, so links stay stable whatever the report's wording).
const MEASURE_ANCHOR: &str = "tiltak-";

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:70rem;margin:1.5rem auto;padding:0 1rem;color:#222;line-height:1.45}\
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:.9rem}\
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f4f4f4}\
.card{border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0}.error{color:#a40000}.warning{color:#8a5a00}\
.headline{background:#f4f7fb;border:1px solid #cfd9e6;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}\
.headline .big{font-size:1.15rem}.headline li{margin:.15rem 0}\
.files a{margin-right:.8rem;display:inline-block}svg text{font-size:12px;font-family:system-ui,sans-serif}\
tr:target{background:#fffbe6}.skipped,.kept{border-color:#D55E00}.kept{border-left:4px solid #D55E00;padding-left:.5rem}";

/// Counts of measures per status in the overview table (falling back to
/// the sections when a report has no table), in first-seen order.
pub fn status_counts(report: &Report) -> Vec<(String, usize)> {
    super::tally(statuses(report).into_iter().map(|(_, s)| s))
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect()
}

/// Each measure's id and status as the report's table gives them (the
/// ministry's count), else as its sections do.
fn statuses(report: &Report) -> Vec<(&MeasureId, &str)> {
    if report.overview.is_empty() {
        report
            .measures
            .iter()
            .filter_map(|m| Some((&m.id, m.status.as_deref()?)))
            .collect()
    } else {
        report
            .overview
            .iter()
            .map(|r| (&r.id, r.status.as_str()))
            .collect()
    }
}

fn bar_chart(counts: &[(String, usize)], lang: Lang) -> String {
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1);
    let height = counts.len() * 22 + 4;
    let mut svg = format!(
        "<svg viewBox=\"0 0 460 {height}\" width=\"460\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        lang.text(Text::PerStatus)
    );
    for (i, (status, n)) in counts.iter().enumerate() {
        let y = i * 22 + 2;
        let w = 240 * n / max;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"180\" y=\"{y}\" width=\"{w}\" height=\"16\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{n}</text>",
            y + 13,
            escape(status),
            bar_colour(vocab::status_class(status)),
            185 + w,
            y + 13
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The badge colours of [`super::STATUS_CSS`], for chart bars (the
/// status word is printed beside each bar).
fn bar_colour(class: StatusClass) -> &'static str {
    match class {
        StatusClass::Finished => "#009E73",
        StatusClass::PartlyFinished | StatusClass::Delayed => "#E69F00",
        StatusClass::Ongoing => "#0072B2",
        StatusClass::NotDone => "#D55E00",
        StatusClass::Continued => "#CC79A7",
        StatusClass::Cancelled => "#000000",
        StatusClass::NotStarted | StatusClass::Unknown => "#999999",
    }
}

/// Writes the landing page.
pub fn html(index: &Index, out: &mut dyn Write) -> std::io::Result<()> {
    let lang = index.lang;
    let mut h = String::new();
    let title = index
        .reports
        .last()
        .map_or("tiltak", |r| r.report.plan_title.as_str());
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head>{HEAD_META}<title>{}</title><style>{STYLE}{STATUS_CSS}{PAGE_CSS}</style></head><body>\
         <h1>{}</h1><p>{}</p>",
        lang.code(),
        escape(title),
        escape(title),
        escape(&lang.generated(index.reports.len()))
    );
    headlines(index, &mut h);
    skipped(index, &mut h);
    let _ = write!(h, "<h2>{}</h2>", lang.text(Text::Reports));
    for entry in index.reports {
        report_card(entry, index.skipped, lang, &mut h);
    }
    diff_list(index.diffs, lang, &mut h);
    timeline_table(index.timeline, lang, &mut h);
    let _ = writeln!(h, "<script>{SCRIPT}</script></body></html>");
    out.write_all(h.as_bytes())
}

/// One headline per plan, from its latest report: how many measures are
/// finished, still ongoing, not done, continued; the promises delayed and
/// the findings, each a link to its list.
fn headlines(index: &Index, h: &mut String) {
    let lang = index.lang;
    let mut plans: Vec<&str> = index
        .reports
        .iter()
        .map(|r| r.report.plan_title.as_str())
        .collect();
    plans.dedup();
    for (k, plan) in plans.iter().enumerate() {
        let Some(latest) = index
            .reports
            .iter()
            .rev()
            .find(|r| r.report.plan_title == *plan)
        else {
            continue;
        };
        let r = latest.report;
        let _ = write!(
            h,
            "<section class=\"headline\" id=\"headline-{k}\"><p class=\"big\"><strong>{}</strong> ({} {}{})</p><ul>",
            escape(plan),
            lang.text(Text::StatusPer),
            lang.date(&r.as_of),
            if r.final_report {
                format!(", {}", lang.text(Text::FinalReport))
            } else {
                String::new()
            }
        );
        status_lines(r, k, lang, h);
        promise_line(index, r, lang, h);
        let findings = latest
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .count();
        let _ = write!(
            h,
            "<li><a href=\"#report-{}\">{findings} {}</a></li></ul></section>",
            escape(&latest.folder),
            lang.text(Text::HeadFindings)
        );
    }
}

/// The headline's status lines, each linking to its list of measures.
fn status_lines(r: &Report, k: usize, lang: Lang, h: &mut String) {
    let groups = [
        (Text::HeadFinished, "finished"),
        (Text::HeadOngoing, "ongoing"),
        (Text::HeadNotDone, "not-done"),
        (Text::HeadContinued, "continued"),
        (Text::HeadOther, "other"),
    ];
    let group_of = |status: &str| match vocab::status_class(status) {
        StatusClass::Finished => "finished",
        StatusClass::Ongoing | StatusClass::Delayed | StatusClass::PartlyFinished => "ongoing",
        StatusClass::NotDone | StatusClass::Cancelled => "not-done",
        StatusClass::Continued => "continued",
        StatusClass::NotStarted | StatusClass::Unknown => "other",
    };
    let all = statuses(r);
    let top = all.iter().filter(|(id, _)| id.sub.is_none()).count();
    // The table covers sub-measures by their parent's row; count them
    // from the sections, as the ministry lists them ("4 deltiltak").
    let sub = r.measures.iter().filter(|m| m.id.sub.is_some()).count();
    let _ = write!(
        h,
        "<li><strong>{}</strong></li>",
        escape(&lang.measure_count(top, sub))
    );
    for (text, group) in groups {
        let ids: Vec<String> = all
            .iter()
            .filter(|(_, s)| group_of(s) == group)
            .map(|(id, _)| format!("<a href=\"#{MEASURE_ANCHOR}{id}\">{id}</a>"))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<li><a href=\"#list-{k}-{group}\">{} {}</a><span class=\"ids\" id=\"list-{k}-{group}\">: {}</span></li>",
            ids.len(),
            lang.text(text),
            ids.join(", ")
        );
    }
}

/// "2 løfter forsinket", linking to the promises of the diff ending at `r`.
fn promise_line(index: &Index, r: &Report, lang: Lang, h: &mut String) {
    let Some(d) = index
        .diffs
        .iter()
        .find(|d| d.diff.new.as_of == r.as_of && d.diff.new.plan_title == r.plan_title)
    else {
        return;
    };
    let delayed: Vec<String> = d
        .diff
        .commitments
        .iter()
        .filter(|f| f.verdict == Verdict::Delayed)
        .map(|f| f.measure.to_string())
        .collect();
    let _ = write!(
        h,
        "<li><a href=\"{}/diff.html#promises\">{} {}</a>{}</li>",
        escape(&d.folder),
        delayed.len(),
        escape(lang.text(Text::DelayedList)).to_lowercase(),
        if delayed.is_empty() {
            String::new()
        } else {
            format!(" ({})", delayed.join(", "))
        }
    );
}

/// The inputs that could not be read, with the reason.
fn skipped(index: &Index, h: &mut String) {
    if index.skipped.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<section class=\"card skipped\" id=\"skipped\"><h2>{}</h2><ul>",
        index.lang.text(Text::Skipped)
    );
    for s in index.skipped {
        let _ = write!(h, "<li><code>{}</code>", escape(&s.file));
        if let Some(folder) = &s.kept {
            // The report's card when it could be read back, else the folder.
            let carded = index.reports.iter().any(|r| r.folder == *folder);
            let href = if carded {
                format!("#report-{}", escape(folder))
            } else {
                format!("{}/", escape(folder))
            };
            let _ = write!(
                h,
                " {}: {}. <a href=\"{href}\">{} ({}/)</a>",
                index.lang.text(Text::FailedThisRun),
                escape(s.reason.trim_end_matches('.')),
                capitalised(index.lang.text(Text::KeptOutputs)),
                escape(folder)
            );
        } else {
            let _ = write!(h, ": {}", escape(&s.reason));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul></section>");
}

/// One report: as-of date, status chart, findings (errors first), files;
/// a report kept from an earlier run says so first.
fn report_card(entry: &ReportEntry, skipped: &[Skipped], lang: Lang, h: &mut String) {
    let r = entry.report;
    let count = |sev: Severity| entry.findings.iter().filter(|f| f.severity == sev).count();
    let _ = write!(
        h,
        "<div class=\"card\" id=\"report-{folder}\"><h3>{} {as_of}{final_}</h3>{kept}<p>{}: <code>{source}</code></p>{chart}\
         <p>{}</p><ul>",
        capitalised(lang.text(Text::StatusPer)),
        lang.text(Text::Source),
        escape(&lang.findings_count(
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )),
        folder = escape(&entry.folder),
        as_of = escape(&lang.date(&r.as_of)),
        final_ = if r.final_report {
            format!(" ({})", lang.text(Text::FinalReport))
        } else {
            String::new()
        },
        kept = kept_note(entry, skipped, lang),
        source = escape(&r.source),
        chart = bar_chart(&status_counts(r), lang),
    );
    findings_list(entry, lang, h);
    let _ = write!(h, "</ul><p class=\"files\">{}: ", lang.text(Text::Files));
    for file in [
        "report.xlsx",
        "findings.xlsx",
        "measures.csv",
        "overview.csv",
        "toc.csv",
        "departments.csv",
        "commitments.csv",
        "findings.csv",
        "report.json",
        "findings.json",
        "report.md",
        "findings.md",
    ] {
        let _ = write!(h, "<a href=\"{}/{file}\">{file}</a>", escape(&entry.folder));
    }
    h.push_str("</p></div>");
}

/// For a report kept from an earlier run: that its input could not be
/// read this time, why, and that the card shows the older outputs.
fn kept_note(entry: &ReportEntry, skipped: &[Skipped], lang: Lang) -> String {
    skipped
        .iter()
        .find(|s| s.kept.as_deref() == Some(entry.folder.as_str()))
        .map(|s| {
            format!(
                "<p class=\"kept\"><code>{}</code> {}: {}. {}.</p>",
                escape(&s.file),
                lang.text(Text::FailedThisRun),
                escape(s.reason.trim_end_matches('.')),
                lang.text(Text::KeptCard)
            )
        })
        .unwrap_or_default()
}

/// "Status per", for a heading.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A report's findings, errors first: they are what a reader must act on.
fn findings_list(entry: &ReportEntry, lang: Lang, h: &mut String) {
    let r = entry.report;
    let mut ordered: Vec<&Finding> = entry.findings.iter().collect();
    ordered.sort_by_key(|f| f.severity);
    for (n, f) in ordered.into_iter().enumerate() {
        let measure = if r.measures.iter().any(|m| m.id.to_string() == f.measure) {
            format!(
                "<a href=\"#{MEASURE_ANCHOR}{0}\">{0}</a>",
                escape(&f.measure)
            )
        } else {
            escape(&f.measure)
        };
        let _ = write!(
            h,
            "<li class=\"{sev}\" id=\"finding-{folder}-{n}\"><b>{word}</b> <code>{rule}</code> {measure}{page}: {msg}</li>",
            sev = f.severity.as_str(),
            word = lang.severity(f.severity),
            folder = escape(&entry.folder),
            rule = f.rule.as_str(),
            page = f
                .page
                .as_deref()
                .map(|p| format!(" ({} {})", lang.text(Text::Page), escape(p)))
                .unwrap_or_default(),
            msg = escape(&f.message),
        );
    }
}

fn diff_list(diffs: &[DiffEntry], lang: Lang, h: &mut String) {
    if diffs.is_empty() {
        return;
    }
    let _ = write!(h, "<h2>{}</h2><ul>", lang.text(Text::DiffsHeading));
    for d in diffs {
        let summary = crate::render::diff::summary(d.diff, lang);
        let _ = write!(
            h,
            "<li><a href=\"{f}/diff.html\">{f}</a>: {s}<br><span class=\"files\">",
            f = escape(&d.folder),
            s = escape(summary.lines().next().unwrap_or_default())
        );
        for file in [
            "changes.xlsx",
            "changes.csv",
            "commitments.csv",
            "diff.md",
            "diff.json",
        ] {
            let _ = write!(h, "<a href=\"{}/{file}\">{file}</a>", escape(&d.folder));
        }
        h.push_str("</span></li>");
    }
    h.push_str("</ul>");
}

/// The status of every measure per report, with a filter; rows are the
/// anchors the headline and findings link to.
fn timeline_table(timeline: &Timeline, lang: Lang, h: &mut String) {
    let [number, measure, ..] = vocab::OVERVIEW_HEADER;
    let _ = write!(
        h,
        "<h2 id=\"timeline\">{}</h2><p class=\"controls\"><label>{} <input type=\"search\" id=\"filter\"></label> \
         <a href=\"timeline.csv\">timeline.csv</a></p><div class=\"scroll\"><table id=\"timeline-table\"><tr><th>{number}</th><th>{measure}</th>",
        lang.text(Text::StatusPerMeasure),
        lang.text(Text::Filter)
    );
    for d in &timeline.as_of {
        let _ = write!(h, "<th>{}</th>", escape(&lang.date(d)));
    }
    h.push_str("</tr>");
    for row in &timeline.rows {
        let _ = write!(
            h,
            "<tr id=\"{MEASURE_ANCHOR}{id}\"><td>{id}</td><td>{}</td>",
            escape(&row.title),
            id = escape(&row.id.to_string())
        );
        for s in &row.statuses {
            let cell = s.as_deref().map_or_else(|| "–".to_string(), status_badge);
            let _ = write!(h, "<td>{cell}</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></div>");
}

/// Hides the timeline rows that do not contain the filter text.
const SCRIPT: &str = "const q=document.getElementById('filter');\
q&&q.addEventListener('input',()=>{const t=q.value.toLowerCase().trim();\
document.querySelectorAll('#timeline-table tr[id]').forEach(r=>{r.hidden=!!t&&!r.textContent.toLowerCase().includes(t);});});";

//! The workbooks' sheets: the contract's tables with typed cells, for a
//! person in Excel rather than a script.
//!
//! Takes a report (with its findings) or a diff and a [`Lang`], gives
//! [`Sheet`]s whose cells say what they are: numbers, dates, links into the
//! PDF, long texts, and word diffs to be shown as rich text. The CSV files
//! keep the contract's plain text tables ([`super::tables`]).

use crate::diff::{Diff, MeasureDiff, SegmentKind};
use crate::model::{Finding, MeasureId, Report, Severity};
use crate::render::lang::{Lang, SheetKind, SummaryLabel};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A short text.
    Text(String),
    /// A text long enough to wrap.
    Long(String),
    /// A number (a page, a count, an area number).
    Number(f64),
    /// A date.
    Date {
        /// The year.
        year: u16,
        /// 1 to 12.
        month: u8,
        /// 1 to 31.
        day: u8,
    },
    /// A link and the text shown for it.
    Link {
        /// Where it goes, e.g. `../../inputs/r.pdf#page=12`.
        url: String,
        /// What the cell shows.
        text: String,
    },
    /// A word diff: equal, deleted and inserted stretches.
    Marked(Vec<(SegmentKind, String)>),
}

impl Cell {
    fn text(s: &str) -> Cell {
        match s.chars().count() {
            0 => Cell::Empty,
            n if n > 60 => Cell::Long(s.to_string()),
            _ => Cell::Text(s.to_string()),
        }
    }

    /// A number if the text is one ("12"), else text: printed page labels
    /// are usually numbers but may be "iv".
    fn number_or_text(s: &str) -> Cell {
        s.trim()
            .parse::<f64>()
            .map_or_else(|_| Cell::text(s), Cell::Number)
    }

    fn date(iso: &str) -> Cell {
        let parts: Vec<&str> = iso.split('-').collect();
        match parts.as_slice() {
            [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
                (Ok(year), Ok(month), Ok(day)) => Cell::Date { year, month, day },
                _ => Cell::text(iso),
            },
            _ => Cell::text(iso),
        }
    }

    fn count(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// A sheet: name, column headers, rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in the output language.
    pub name: String,
    /// Column headers; empty for a summary sheet of label/value pairs.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    fn new(kind: SheetKind, lang: Lang) -> Sheet {
        Sheet {
            name: lang.sheet(kind).to_string(),
            header: lang.headers(kind).iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The sheets of `report.xlsx`: a summary first, then measures, the
/// overview table, the contents, departments and commitments. `pdf` is the
/// report's file as a link from the workbook's folder, for page links.
pub fn report(
    report: &Report,
    findings: Option<&[Finding]>,
    pdf: Option<&str>,
    lang: Lang,
) -> Vec<Sheet> {
    vec![
        summary(report, findings, lang),
        measures(report, pdf, lang),
        overview(report, lang),
        toc(report, lang),
        departments(report, lang),
        commitments(report, lang),
    ]
}

/// The first sheet: plan, period, as-of date, counts and findings.
fn summary(report: &Report, findings: Option<&[Finding]>, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Summary, lang);
    s.header.clear();
    let label = |l: SummaryLabel| Cell::Text(lang.summary_label(l).to_string());
    let (top, sub) = report.measure_counts();
    let severity = |sev: Severity| {
        Cell::count(
            findings
                .unwrap_or_default()
                .iter()
                .filter(|f| f.severity == sev)
                .count(),
        )
    };
    let yes_no = if report.final_report {
        SummaryLabel::Yes
    } else {
        SummaryLabel::No
    };
    s.rows = vec![
        vec![label(SummaryLabel::Plan), Cell::text(&report.plan_title)],
        vec![
            label(SummaryLabel::Period),
            Cell::text(report.period.as_deref().unwrap_or_default()),
        ],
        vec![label(SummaryLabel::AsOf), Cell::date(&report.as_of)],
        vec![label(SummaryLabel::FinalReport), label(yes_no)],
        vec![label(SummaryLabel::Source), Cell::text(&report.source)],
        vec![label(SummaryLabel::Measures), Cell::count(top)],
        vec![label(SummaryLabel::SubMeasures), Cell::count(sub)],
    ];
    for (status, n) in super::index::status_counts(report) {
        s.rows.push(vec![Cell::text(&status), Cell::count(n)]);
    }
    // Counts of findings only where the report was checked: "0 feil" of
    // an unchecked report would be a claim.
    if findings.is_some() {
        s.rows.extend([
            vec![label(SummaryLabel::Errors), severity(Severity::Error)],
            vec![label(SummaryLabel::Warnings), severity(Severity::Warning)],
            vec![label(SummaryLabel::Notes), severity(Severity::Info)],
        ]);
    }
    s.rows.push(vec![
        label(SummaryLabel::Sentence),
        Cell::text(&report.summary.sentence),
    ]);
    s
}

/// The title of area `id`, or "".
fn area_title<'a>(report: &'a Report, id: &str) -> &'a str {
    report
        .areas
        .iter()
        .find(|a| a.id == id)
        .map_or("", |a| a.title.as_str())
}

fn measures(report: &Report, pdf: Option<&str>, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Measures, lang);
    let mut measures: Vec<_> = report.measures.iter().collect();
    // Natural order (1, 2, …, 9, 9a, 9b, 10): MeasureId orders by number.
    measures.sort_by(|a, b| a.id.cmp(&b.id));
    for m in measures {
        let link = match (pdf, m.pdf_page) {
            (Some(file), Some(page)) => Cell::Link {
                url: format!("{file}#page={page}"),
                text: format!("{file}#page={page}"),
            },
            _ => Cell::Empty,
        };
        s.rows.push(vec![
            Cell::Text(m.id.to_string()),
            m.parent
                .as_ref()
                .map_or(Cell::Empty, |p| Cell::Text(p.to_string())),
            Cell::number_or_text(&m.area),
            Cell::text(area_title(report, &m.area)),
            Cell::text(&m.title),
            Cell::text(m.status.as_deref().unwrap_or_default()),
            Cell::text(m.responsible.as_deref().unwrap_or_default()),
            Cell::text(m.lead.as_deref().unwrap_or_default()),
            Cell::text(&m.partners.join(", ")),
            m.page.as_deref().map_or(Cell::Empty, Cell::number_or_text),
            link,
            Cell::Long(m.description.clone()),
            Cell::Long(m.progress.clone()),
        ]);
    }
    s
}

fn overview(report: &Report, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Overview, lang);
    for r in &report.overview {
        s.rows.push(vec![
            Cell::number_or_text(&r.area),
            Cell::text(area_title(report, &r.area)),
            Cell::text(&r.group),
            Cell::Text(r.id.to_string()),
            Cell::text(&r.title),
            Cell::text(&r.responsible),
            Cell::text(&r.status),
        ]);
    }
    s
}

fn toc(report: &Report, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Toc, lang);
    for e in &report.toc {
        s.rows.push(vec![
            Cell::Text(e.kind.as_str().to_string()),
            Cell::text(&e.id),
            Cell::text(&e.title),
            Cell::number_or_text(&e.page),
            Cell::count(usize::from(e.level)),
        ]);
    }
    s
}

fn departments(report: &Report, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Departments, lang);
    for d in &report.departments {
        s.rows
            .push(vec![Cell::text(&d.abbreviation), Cell::text(&d.name)]);
    }
    s
}

fn commitments(report: &Report, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Commitments, lang);
    for c in &report.commitments {
        s.rows.push(vec![
            Cell::Text(c.measure.to_string()),
            Cell::Text(lang.due(c.due)),
            Cell::Text(c.due.to_string()),
            Cell::Long(c.text.clone()),
        ]);
    }
    s
}

/// The sheet of `findings.xlsx`.
pub fn findings(findings: &[Finding], lang: Lang) -> Vec<Sheet> {
    let mut s = Sheet::new(SheetKind::Findings, lang);
    for f in findings {
        s.rows.push(vec![
            Cell::Text(f.rule.as_str().to_string()),
            Cell::Text(lang.severity(f.severity).to_string()),
            Cell::text(&f.measure),
            f.page.as_deref().map_or(Cell::Empty, Cell::number_or_text),
            Cell::text(&f.expected),
            Cell::text(&f.found),
            Cell::Long(f.message.clone()),
        ]);
    }
    vec![s]
}

/// The sheets of `changes.xlsx`: a summary, one row per measure (old →
/// new status and responsible, text changes, promise verdicts), the
/// changes with their words marked, and the promises.
pub fn diff(diff: &Diff, lang: Lang) -> Vec<Sheet> {
    vec![
        diff_summary(diff, lang),
        per_measure(diff, lang),
        changes(diff, lang),
        promises(diff, lang),
    ]
}

fn diff_summary(diff: &Diff, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Summary, lang);
    s.header.clear();
    let label = |l: SummaryLabel| Cell::Text(lang.summary_label(l).to_string());
    s.rows = vec![
        vec![label(SummaryLabel::Plan), Cell::text(&diff.new.plan_title)],
        vec![
            label(SummaryLabel::Old),
            Cell::text(&diff.old.source),
            Cell::date(&diff.old.as_of),
        ],
        vec![
            label(SummaryLabel::New),
            Cell::text(&diff.new.source),
            Cell::date(&diff.new.as_of),
        ],
        vec![
            label(SummaryLabel::Promises),
            Cell::count(diff.commitments.len()),
        ],
    ];
    for line in super::diff::summary(diff, lang).lines() {
        s.rows
            .push(vec![Cell::Empty, Cell::Long(line.trim().to_string())]);
    }
    s
}

fn per_measure(diff: &Diff, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::PerMeasure, lang);
    let mut measures: Vec<&MeasureDiff> = diff.measures.iter().collect();
    measures.sort_by(|a, b| a.id().cmp(b.id()));
    for m in measures {
        let responsible = m
            .changes
            .iter()
            .find(|c| c.change == crate::model::ChangeKind::Responsible);
        let (old_resp, new_resp) = match responsible {
            Some(c) => (c.old.clone(), c.new.clone()),
            None => (
                m.responsible.clone().unwrap_or_default(),
                m.responsible.clone().unwrap_or_default(),
            ),
        };
        s.rows.push(vec![
            Cell::Text(m.id().to_string()),
            Cell::text(&m.title),
            Cell::text(m.old_status.as_deref().unwrap_or_default()),
            Cell::text(m.new_status.as_deref().unwrap_or_default()),
            Cell::text(&old_resp),
            Cell::text(&new_resp),
            Cell::count(m.fields.len()),
            Cell::text(&verdicts(diff, m.id(), lang)),
        ]);
    }
    s
}

/// "holdt, forsinket": the verdicts of a measure's promises.
fn verdicts(diff: &Diff, id: &MeasureId, lang: Lang) -> String {
    let list: Vec<&str> = diff
        .commitments
        .iter()
        .filter(|f| f.new_measure.as_ref().unwrap_or(&f.measure) == id)
        .map(|f| lang.verdict(f.verdict))
        .collect();
    list.join(", ")
}

fn changes(diff: &Diff, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Changes, lang);
    let title = |id: &Option<MeasureId>| {
        id.as_ref()
            .and_then(|id| diff.measures.iter().find(|m| m.id() == id))
            .map_or("", |m| m.title.as_str())
    };
    for c in &diff.changes {
        let fields = c.measure.as_ref().and_then(|id| {
            let m = diff.measures.iter().find(|m| m.id() == id)?;
            m.fields.iter().find(|f| f.field == c.field)
        });
        let (old, new) = match fields {
            Some(f) => (
                side(&f.segments, SegmentKind::Delete),
                side(&f.segments, SegmentKind::Insert),
            ),
            None => (Cell::text(&c.old), Cell::text(&c.new)),
        };
        s.rows.push(vec![
            c.measure
                .as_ref()
                .map_or(Cell::Empty, |m| Cell::Text(m.to_string())),
            Cell::text(title(&c.measure)),
            Cell::Text(lang.field(&c.field)),
            old,
            new,
        ]);
    }
    s
}

/// One side of a word diff, the other side's words left out.
fn side(segments: &[crate::diff::Segment], own: SegmentKind) -> Cell {
    Cell::Marked(
        segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Equal || s.kind == own)
            .map(|s| (s.kind, s.text.clone()))
            .collect(),
    )
}

fn promises(diff: &Diff, lang: Lang) -> Sheet {
    let mut s = Sheet::new(SheetKind::Promises, lang);
    for f in &diff.commitments {
        s.rows.push(vec![
            Cell::Text(f.measure.to_string()),
            Cell::text(&f.title),
            Cell::Text(lang.due(f.due)),
            Cell::Long(f.promise.clone()),
            Cell::text(f.new_status.as_deref().unwrap_or_default()),
            Cell::Long(f.evidence.clone().unwrap_or_default()),
            Cell::Text(lang.verdict(f.verdict).to_string()),
            Cell::Long(lang.reason(f.reason).to_string()),
        ]);
    }
    s
}

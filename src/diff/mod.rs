//! Year-over-year comparison: the fifth stage.
//!
//! Takes two [`Report`]s of the same action plan, gives a [`Diff`]: the
//! `changes.csv` rows, per measure the status transition and word-level
//! diffs of its texts, a status transition matrix, summary-count changes
//! and what became of the old report's dated commitments. Display lives in
//! `render::diff`; nothing here formats for a reader beyond the one-line
//! old/new values of [`Change`].
//!
//! Measures are matched by number; where numbering changed, the rest are
//! matched by title similarity and reported as `renumbered`.

mod followup;
pub mod words;

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

pub use followup::{FollowUp, Reason, Verdict};
pub use words::{Segment, SegmentKind};

use crate::model::{Change, ChangeKind, Field, MeasureId, Report};
use crate::text;

/// Title similarity (word Jaccard) at which two differently numbered
/// measures count as the same measure.
const SAME_TITLE: f64 = 0.6;

/// Everything that differs between two reports.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Diff {
    /// The older report.
    pub old: Meta,
    /// The newer report.
    pub new: Meta,
    /// The `changes.csv` rows, measures in new-report order, then summary counts.
    pub changes: Vec<Change>,
    /// Every measure of either report, matched where possible.
    pub measures: Vec<MeasureDiff>,
    /// Old status × new status → count, over top-level measures in both
    /// reports (as the ministry counts: "33 tiltak").
    pub transitions: Vec<Transition>,
    /// The same over sub-measures (9a, 9b), counted apart.
    pub sub_transitions: Vec<Transition>,
    /// Counts of the summary sentence that differ.
    pub summary: Vec<SummaryChange>,
    /// Old commitments due by the new as-of date, with what the new report says.
    pub commitments: Vec<FollowUp>,
    /// Why the comparison may mislead: other plans, or the order swapped.
    pub warnings: Vec<DiffWarning>,
}

/// Something about the two reports that makes their comparison suspect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DiffWarning {
    /// The reports are of different action plans (by title).
    DifferentPlans {
        /// The old report's plan title.
        old: String,
        /// The new report's plan title.
        new: String,
    },
    /// The old report is newer than the new one: the arguments are swapped.
    OldIsNewer {
        /// The old report's as-of date.
        old: String,
        /// The new report's as-of date.
        new: String,
    },
}

/// The warnings for comparing `old` with `new`.
fn warnings(old: &Report, new: &Report) -> Vec<DiffWarning> {
    let mut out = Vec::new();
    let (a, b) = (
        text::label_key(&old.plan_title),
        text::label_key(&new.plan_title),
    );
    if !a.is_empty() && !b.is_empty() && a != b {
        out.push(DiffWarning::DifferentPlans {
            old: old.plan_title.clone(),
            new: new.plan_title.clone(),
        });
    }
    // ISO dates order as text.
    if !old.as_of.is_empty() && !new.as_of.is_empty() && old.as_of > new.as_of {
        out.push(DiffWarning::OldIsNewer {
            old: old.as_of.clone(),
            new: new.as_of.clone(),
        });
    }
    out
}

/// Which report a side of the comparison is.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Meta {
    /// The file the report was read from.
    pub source: String,
    /// The plan title.
    pub plan_title: String,
    /// The ISO as-of date.
    pub as_of: String,
    /// Whether it is a final report.
    pub final_report: bool,
}

impl Meta {
    fn of(report: &Report) -> Meta {
        Meta {
            source: report.source.clone(),
            plan_title: report.plan_title.clone(),
            as_of: report.as_of.clone(),
            final_report: report.final_report,
        }
    }

    /// The as-of year, e.g. "2023".
    pub fn year(&self) -> &str {
        self.as_of.get(..4).unwrap_or(&self.as_of)
    }
}

/// One measure compared across the two reports.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MeasureDiff {
    /// The id in the old report; `None` if added.
    pub old_id: Option<MeasureId>,
    /// The id in the new report; `None` if removed.
    pub new_id: Option<MeasureId>,
    /// The title (the new one where the measure is in the new report).
    pub title: String,
    /// The status in the old report.
    pub old_status: Option<String>,
    /// The status in the new report.
    pub new_status: Option<String>,
    /// Who is responsible, as the new report (else the old) prints it.
    pub responsible: Option<String>,
    /// The lead ministry of the new report (else the old).
    pub lead: Option<String>,
    /// The physical page of its heading in the old file, 1-based.
    pub old_page: Option<u32>,
    /// The physical page of its heading in the new file, 1-based.
    pub new_page: Option<u32>,
    /// This measure's rows of [`Diff::changes`]; empty if unchanged.
    pub changes: Vec<Change>,
    /// The text fields that changed.
    pub fields: Vec<FieldDiff>,
}

impl MeasureDiff {
    /// Whether this is a sub-measure (9a), which the ministry counts apart
    /// from its measures.
    pub fn is_sub(&self) -> bool {
        self.id().sub.is_some()
    }

    /// The id to show: the new one, else the old one.
    pub fn id(&self) -> &MeasureId {
        const NEITHER: &MeasureId = &MeasureId {
            number: 0,
            sub: None,
        };
        self.new_id
            .as_ref()
            .or(self.old_id.as_ref())
            .unwrap_or(NEITHER)
    }
}

/// A changed text field of one measure.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FieldDiff {
    /// `title`, `description` or `progress`.
    pub field: Field,
    /// The whole old text, layout normalised.
    pub old: String,
    /// The whole new text, layout normalised.
    pub new: String,
    /// The changed words in context.
    pub segments: Vec<Segment>,
}

/// How many matched measures went from one status to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Transition {
    /// The old status; empty where the measure has none.
    pub old: String,
    /// The new status; empty where the measure has none.
    pub new: String,
    /// The number of measures.
    pub count: usize,
}

/// A count of the summary sentence that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SummaryChange {
    /// `total` or a status word as the sentence words it.
    pub name: String,
    /// The old count, `None` where the old sentence has none.
    pub old: Option<u32>,
    /// The new count.
    pub new: Option<u32>,
}

/// A measure as compared: its section, or the overview row for a measure
/// that has no section of its own, with the row filling in what the
/// section leaves out (a parent such as 9 states its status only there).
#[derive(Debug, Clone)]
struct Entry<'a> {
    id: &'a MeasureId,
    title: &'a str,
    area: &'a str,
    status: Option<String>,
    responsible: Option<Responsible<'a>>,
    description: &'a str,
    progress: &'a str,
    pdf_page: Option<u32>,
}

/// Who is responsible, as printed and as compared.
#[derive(Debug, Clone)]
struct Responsible<'a> {
    /// The Ansvarlig line or table cell.
    text: &'a str,
    /// The lead, then the others in sorted order: a reordering of the
    /// partners is not a change.
    key: (Option<&'a str>, Vec<&'a str>),
}

impl<'a> Responsible<'a> {
    fn new(text: &'a str, lead: Option<&'a str>, others: &'a [String]) -> Responsible<'a> {
        let mut others: Vec<&str> = others.iter().map(String::as_str).collect();
        others.sort_unstable();
        Responsible {
            text,
            key: (lead, others),
        }
    }
}

fn entries(report: &Report) -> Vec<Entry<'_>> {
    let row_responsible = |id: &MeasureId| {
        report.row(id).map(|r| match r.ministries.split_first() {
            Some((lead, others)) => Responsible::new(&r.responsible, Some(lead), others),
            None => Responsible::new(&r.responsible, None, &[]),
        })
    };
    let mut out: Vec<Entry> = report
        .measures
        .iter()
        .map(|m| Entry {
            id: &m.id,
            title: &m.title,
            area: &m.area,
            status: report.status_of(&m.id),
            responsible: match &m.responsible {
                Some(text) => Some(Responsible::new(text, m.lead.as_deref(), &m.partners)),
                None => row_responsible(&m.id),
            },
            description: &m.description,
            progress: &m.progress,
            pdf_page: m.pdf_page,
        })
        .collect();
    for r in &report.overview {
        if report.measure(&r.id).is_none() {
            out.push(Entry {
                id: &r.id,
                title: &r.title,
                area: &r.area,
                status: Some(r.status.clone()),
                responsible: row_responsible(&r.id),
                description: "",
                progress: "",
                pdf_page: None,
            });
        }
    }
    for e in &mut out {
        e.status = e
            .status
            .as_deref()
            .map(text::normalise)
            .filter(|s| !s.is_empty());
    }
    out
}

/// Compares two reports.
pub fn run(old: &Report, new: &Report) -> Diff {
    let (olds, news) = (entries(old), entries(new));
    let pairs = match_entries(&olds, &news);
    let mut changes = Vec::new();
    let mut measures = Vec::new();
    let mut transitions: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut sub_transitions: BTreeMap<(String, String), usize> = BTreeMap::new();
    for &(o, n) in &pairs {
        let (o, n) = (o.map(|i| &olds[i]), n.map(|i| &news[i]));
        let measure = compare(o, n);
        if let (Some(o), Some(n)) = (o, n) {
            let key = (
                o.status.clone().unwrap_or_default(),
                n.status.clone().unwrap_or_default(),
            );
            let tally = if n.id.sub.is_some() {
                &mut sub_transitions
            } else {
                &mut transitions
            };
            *tally.entry(key).or_default() += 1;
        }
        changes.extend(measure.changes.iter().cloned());
        measures.push(measure);
    }
    let summary = summary_changes(old, new);
    changes.extend(summary.iter().map(|s| Change {
        measure: None,
        field: Field::Summary(s.name.clone()),
        // The contract has no kind of its own for the summary sentence; its
        // counts are status counts, and the field tells them apart.
        change: ChangeKind::Status,
        old: s.old.map(|c| c.to_string()).unwrap_or_default(),
        new: s.new.map(|c| c.to_string()).unwrap_or_default(),
    }));
    let (transitions, sub_transitions) = (ordered(transitions), ordered(sub_transitions));
    let renamed = |old_id: &MeasureId| {
        pairs.iter().find_map(|&(o, n)| match (o, n) {
            (Some(o), Some(n)) if olds[o].id == old_id => {
                Some((news[n].id, news[n].status.as_deref(), news[n].progress))
            }
            _ => None,
        })
    };
    let commitments = followup::run(old, new, renamed);
    Diff {
        old: Meta::of(old),
        new: Meta::of(new),
        changes,
        measures,
        transitions,
        sub_transitions,
        summary,
        commitments,
        warnings: warnings(old, new),
    }
}

/// Transitions, most frequent first, then by status words.
fn ordered(counts: BTreeMap<(String, String), usize>) -> Vec<Transition> {
    let mut out: Vec<Transition> = counts
        .into_iter()
        .map(|((old, new), count)| Transition { old, new, count })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.old, &a.new).cmp(&(&b.old, &b.new)))
    });
    out
}

/// Pairs old and new entries (indices), in new-report order with removed
/// entries after their old predecessor.
///
/// Same number and similar title first; then similar titles across numbers
/// (renumbering, best match first); then same number whatever the title
/// (a measure retitled beyond recognition keeps its number).
fn match_entries(olds: &[Entry], news: &[Entry]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; olds.len()];
    let mut new_taken = vec![false; news.len()];
    fn pair(o: usize, n: usize, old_to_new: &mut [Option<usize>], new_taken: &mut [bool]) {
        old_to_new[o] = Some(n);
        new_taken[n] = true;
    }
    for (o, old) in olds.iter().enumerate() {
        if let Some(n) = news.iter().position(|n| n.id == old.id)
            && similarity(old.title, news[n].title) >= SAME_TITLE
        {
            pair(o, n, &mut old_to_new, &mut new_taken);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (o, old) in olds
        .iter()
        .enumerate()
        .filter(|(o, _)| old_to_new[*o].is_none())
    {
        for (n, new) in news.iter().enumerate().filter(|(n, _)| !new_taken[*n]) {
            let s = similarity(old.title, new.title);
            if s >= SAME_TITLE {
                candidates.push((s, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, o, n) in candidates {
        if old_to_new[o].is_none() && !new_taken[n] {
            pair(o, n, &mut old_to_new, &mut new_taken);
        }
    }
    for (o, old) in olds.iter().enumerate() {
        if old_to_new[o].is_none()
            && let Some(n) = news
                .iter()
                .position(|n| n.id == old.id)
                .filter(|&n| !new_taken[n])
        {
            pair(o, n, &mut old_to_new, &mut new_taken);
        }
    }

    let mut out: Vec<(Option<usize>, Option<usize>)> = (0..news.len())
        .map(|n| (old_to_new.iter().position(|&m| m == Some(n)), Some(n)))
        .collect();
    for o in (0..olds.len()).filter(|&o| old_to_new[o].is_none()) {
        let after = (0..o)
            .rev()
            .find_map(|p| out.iter().position(|&(q, _)| q == Some(p)))
            .map_or(0, |i| i + 1);
        out.insert(after, (Some(o), None));
    }
    out
}

/// Word Jaccard similarity of two titles, case and punctuation ignored.
fn similarity(a: &str, b: &str) -> f64 {
    let set = |t: &str| -> HashSet<String> { text::terms(t).collect() };
    let (a, b) = (set(a), set(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Compares one matched, added or removed entry.
fn compare(old: Option<&Entry>, new: Option<&Entry>) -> MeasureDiff {
    let mut changes = Changes {
        id: new.or(old).map(|e| e.id.clone()),
        rows: Vec::new(),
        fields: Vec::new(),
    };
    match (old, new) {
        (None, Some(n)) => changes.push(Field::Measure, ChangeKind::Added, "", n.title),
        (Some(o), None) => changes.push(Field::Measure, ChangeKind::Removed, o.title, ""),
        (Some(o), Some(n)) => compare_fields(o, n, &mut changes),
        (None, None) => {}
    }
    MeasureDiff {
        old_id: old.map(|e| e.id.clone()),
        new_id: new.map(|e| e.id.clone()),
        title: new
            .or(old)
            .map(|e| text::normalise(e.title))
            .unwrap_or_default(),
        old_status: old.and_then(|e| e.status.clone()),
        new_status: new.and_then(|e| e.status.clone()),
        responsible: new
            .or(old)
            .and_then(|e| e.responsible.as_ref())
            .map(|r| text::normalise(r.text)),
        lead: new
            .or(old)
            .and_then(|e| e.responsible.as_ref())
            .and_then(|r| r.key.0)
            .map(str::to_string),
        old_page: old.and_then(|e| e.pdf_page),
        new_page: new.and_then(|e| e.pdf_page),
        changes: changes.rows,
        fields: changes.fields,
    }
}

/// The changes of one measure as they are found.
struct Changes {
    id: Option<MeasureId>,
    rows: Vec<Change>,
    fields: Vec<FieldDiff>,
}

impl Changes {
    fn push(&mut self, field: Field, change: ChangeKind, old: &str, new: &str) {
        self.rows.push(Change {
            measure: self.id.clone(),
            field,
            change,
            old: old.to_string(),
            new: new.to_string(),
        });
    }
}

/// Compares the fields of a measure that is in both reports.
fn compare_fields(o: &Entry, n: &Entry, changes: &mut Changes) {
    if o.id != n.id {
        let (old_id, new_id) = (o.id.to_string(), n.id.to_string());
        changes.push(Field::Measure, ChangeKind::Renumbered, &old_id, &new_id);
    }
    if o.status != n.status {
        let show = |s: &Option<String>| s.clone().unwrap_or_default();
        changes.push(
            Field::Status,
            ChangeKind::Status,
            &show(&o.status),
            &show(&n.status),
        );
    }
    if o.responsible.as_ref().map(|r| &r.key) != n.responsible.as_ref().map(|r| &r.key) {
        let show = |r: &Option<Responsible>| {
            r.as_ref()
                .map(|r| text::normalise(r.text))
                .unwrap_or_default()
        };
        let (old, new) = (show(&o.responsible), show(&n.responsible));
        changes.push(Field::Responsible, ChangeKind::Responsible, &old, &new);
    }
    if !text::same_words(o.title, n.title) {
        let (old, new) = (text::normalise(o.title), text::normalise(n.title));
        changes.push(Field::Title, ChangeKind::Title, &old, &new);
        changes
            .fields
            .push(field_diff(Field::Title, o.title, n.title));
    }
    if o.area != n.area {
        changes.push(Field::Area, ChangeKind::Area, o.area, n.area);
    }
    for (field, kind, a, b) in [
        (
            Field::Description,
            ChangeKind::Description,
            o.description,
            n.description,
        ),
        (
            Field::Progress,
            ChangeKind::Progress,
            o.progress,
            n.progress,
        ),
    ] {
        if !text::same_words(a, b) {
            let diff = field_diff(field.clone(), a, b);
            let (old, new) = (
                words::old_side(&diff.segments),
                words::new_side(&diff.segments),
            );
            changes.push(field, kind, &old, &new);
            changes.fields.push(diff);
        }
    }
}

fn field_diff(field: Field, old: &str, new: &str) -> FieldDiff {
    FieldDiff {
        field,
        old: text::normalise(old),
        new: text::normalise(new),
        segments: words::diff(old, new),
    }
}

/// The summary sentence's total and per-status counts that differ, status
/// words compared case-insensitively, old order first.
fn summary_changes(old: &Report, new: &Report) -> Vec<SummaryChange> {
    let count = |r: &Report, name: &str| {
        r.summary
            .counts
            .iter()
            .find(|c| text::normalise(&c.status).to_lowercase() == name)
            .map(|c| c.count)
    };
    let mut out = Vec::new();
    if old.summary.total != new.summary.total {
        out.push(SummaryChange {
            name: "total".into(),
            old: old.summary.total,
            new: new.summary.total,
        });
    }
    let mut seen = HashSet::new();
    for c in old.summary.counts.iter().chain(&new.summary.counts) {
        let name = text::normalise(&c.status).to_lowercase();
        if !seen.insert(name.clone()) {
            continue;
        }
        let (a, b) = (count(old, &name), count(new, &name));
        if a != b {
            out.push(SummaryChange {
                name,
                old: a,
                new: b,
            });
        }
    }
    out
}

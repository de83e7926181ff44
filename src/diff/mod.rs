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

pub use followup::{FollowUp, Verdict};
pub use words::{Segment, SegmentKind};

use crate::model::{Change, Report};
use crate::parse::split_responsible;

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
    /// Old status × new status → count, over measures in both reports.
    pub transitions: Vec<Transition>,
    /// Counts of the summary sentence that differ.
    pub summary: Vec<SummaryChange>,
    /// Old commitments due by the new as-of date, with what the new report says.
    pub commitments: Vec<FollowUp>,
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
    pub old_id: Option<String>,
    /// The id in the new report; `None` if removed.
    pub new_id: Option<String>,
    /// The title (the new one where the measure is in the new report).
    pub title: String,
    /// The status in the old report.
    pub old_status: Option<String>,
    /// The status in the new report.
    pub new_status: Option<String>,
    /// This measure's rows of [`Diff::changes`]; empty if unchanged.
    pub changes: Vec<Change>,
    /// The text fields that changed.
    pub fields: Vec<FieldDiff>,
}

impl MeasureDiff {
    /// The id to show: the new one, else the old one.
    pub fn id(&self) -> &str {
        self.new_id
            .as_deref()
            .or(self.old_id.as_deref())
            .unwrap_or("")
    }
}

/// A changed text field of one measure.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FieldDiff {
    /// `title`, `description`, `progress`, ...
    pub field: String,
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
    id: &'a str,
    title: &'a str,
    area: &'a str,
    status: Option<String>,
    responsible: Option<&'a str>,
    description: &'a str,
    progress: &'a str,
}

fn entries(report: &Report) -> Vec<Entry<'_>> {
    let row = |id: &str| report.overview.iter().find(|r| r.id == id);
    let mut out: Vec<Entry> = report
        .measures
        .iter()
        .map(|m| Entry {
            id: &m.id,
            title: &m.title,
            area: &m.area,
            status: report.status_of(&m.id),
            responsible: m
                .responsible
                .as_deref()
                .or_else(|| row(&m.id).map(|r| r.responsible.as_str())),
            description: &m.description,
            progress: &m.progress,
        })
        .collect();
    for r in &report.overview {
        if !report.measures.iter().any(|m| m.id == r.id) {
            out.push(Entry {
                id: &r.id,
                title: &r.title,
                area: &r.area,
                status: Some(r.status.clone()),
                responsible: Some(&r.responsible),
                description: "",
                progress: "",
            });
        }
    }
    for e in &mut out {
        e.status = e
            .status
            .as_deref()
            .map(words::normalise)
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
    for &(o, n) in &pairs {
        let (o, n) = (o.map(|i| &olds[i]), n.map(|i| &news[i]));
        let measure = compare(o, n);
        if let (Some(o), Some(n)) = (o, n) {
            let key = (
                o.status.clone().unwrap_or_default(),
                n.status.clone().unwrap_or_default(),
            );
            *transitions.entry(key).or_default() += 1;
        }
        changes.extend(measure.changes.iter().cloned());
        measures.push(measure);
    }
    let summary = summary_changes(old, new);
    changes.extend(summary.iter().map(|s| Change {
        measure: String::new(),
        field: format!("summary.{}", s.name),
        // The contract has no kind of its own for the summary sentence; its
        // counts are status counts, and the field tells them apart.
        change: "status".into(),
        old: s.old.map(|c| c.to_string()).unwrap_or_default(),
        new: s.new.map(|c| c.to_string()).unwrap_or_default(),
    }));
    let mut transitions: Vec<Transition> = transitions
        .into_iter()
        .map(|((old, new), count)| Transition { old, new, count })
        .collect();
    transitions.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.old, &a.new).cmp(&(&b.old, &b.new)))
    });
    let renamed = |old_id: &str| {
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
        summary,
        commitments,
    }
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
    let set = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (set(a), set(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// The Ansvarlig line as compared: lead, then partners in sorted order.
fn responsible_key(line: &str) -> (Option<String>, Vec<String>) {
    let (lead, mut partners) = split_responsible(&words::normalise(line));
    partners.sort();
    (lead, partners)
}

/// Compares one matched, added or removed entry.
fn compare(old: Option<&Entry>, new: Option<&Entry>) -> MeasureDiff {
    let mut changes = Vec::new();
    let mut fields = Vec::new();
    let id = new.or(old).map(|e| e.id.to_string()).unwrap_or_default();
    let mut change = |field: &str, kind: &str, old: String, new: String| {
        changes.push(Change {
            measure: id.clone(),
            field: field.into(),
            change: kind.into(),
            old,
            new,
        });
    };
    match (old, new) {
        (None, Some(n)) => change("measure", "added", String::new(), n.title.to_string()),
        (Some(o), None) => change("measure", "removed", o.title.to_string(), String::new()),
        (Some(o), Some(n)) => {
            if o.id != n.id {
                change("measure", "renumbered", o.id.to_string(), n.id.to_string());
            }
            if o.status != n.status {
                change(
                    "status",
                    "status",
                    o.status.clone().unwrap_or_default(),
                    n.status.clone().unwrap_or_default(),
                );
            }
            if o.responsible.map(responsible_key) != n.responsible.map(responsible_key) {
                let show = |r: Option<&str>| r.map(words::normalise).unwrap_or_default();
                change(
                    "responsible",
                    "responsible",
                    show(o.responsible),
                    show(n.responsible),
                );
            }
            if !words::same(o.title, n.title) {
                change(
                    "title",
                    "title",
                    words::normalise(o.title),
                    words::normalise(n.title),
                );
                fields.push(field_diff("title", o.title, n.title));
            }
            if o.area != n.area {
                change("area", "area", o.area.to_string(), n.area.to_string());
            }
            for (name, a, b) in [
                ("description", o.description, n.description),
                ("progress", o.progress, n.progress),
            ] {
                if !words::same(a, b) {
                    let diff = field_diff(name, a, b);
                    change(
                        name,
                        name,
                        words::old_side(&diff.segments),
                        words::new_side(&diff.segments),
                    );
                    fields.push(diff);
                }
            }
        }
        (None, None) => {}
    }
    MeasureDiff {
        old_id: old.map(|e| e.id.to_string()),
        new_id: new.map(|e| e.id.to_string()),
        title: new
            .or(old)
            .map(|e| words::normalise(e.title))
            .unwrap_or_default(),
        old_status: old.and_then(|e| e.status.clone()),
        new_status: new.and_then(|e| e.status.clone()),
        changes,
        fields,
    }
}

fn field_diff(field: &str, old: &str, new: &str) -> FieldDiff {
    FieldDiff {
        field: field.into(),
        old: words::normalise(old),
        new: words::normalise(new),
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
            .find(|c| words::normalise(&c.status).to_lowercase() == name)
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
        let name = words::normalise(&c.status).to_lowercase();
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

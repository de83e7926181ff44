//! The year-over-year diff for readers: Markdown, one HTML page and the
//! stdout summary.
//!
//! Takes a [`Diff`], gives text. All decisions about what changed were made
//! in `diff`; this module only lays them out. `diff.json` is the `Diff`
//! serialised as is and `changes.csv` is [`crate::render::tables::changes`].

mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::diff::{Diff, FieldDiff, FollowUp, MeasureDiff};
use crate::model::{Change, ChangeKind};
use crate::vocab::MEASURE_WORD;

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
    let n = |kind: ChangeKind| counts.get(&kind).copied().unwrap_or(0);
    let _ = writeln!(
        s,
        "{} → {}: {both} measures compared, {} added, {} removed, {} renumbered.",
        diff.old.as_of,
        diff.new.as_of,
        n(ChangeKind::Added),
        n(ChangeKind::Removed),
        n(ChangeKind::Renumbered)
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
    let (title, description, progress) = (
        n(ChangeKind::Title),
        n(ChangeKind::Description),
        n(ChangeKind::Progress),
    );
    let _ = writeln!(
        s,
        "{} text changes (title {title}, description {description}, progress {progress}), {} responsible, {} area.",
        title + description + progress,
        n(ChangeKind::Responsible),
        n(ChangeKind::Area)
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

/// The count of one cell of the transition matrix, empty for none.
fn cell(diff: &Diff, old: &str, new: &str) -> String {
    diff.transitions
        .iter()
        .find(|t| t.old == old && t.new == new)
        .map_or_else(String::new, |t| t.count.to_string())
}

/// How many measure changes there are of each kind (summary counts left out).
fn kind_counts(diff: &Diff) -> BTreeMap<ChangeKind, usize> {
    let mut counts = BTreeMap::new();
    for c in diff.changes.iter().filter(|c| c.measure.is_some()) {
        *counts.entry(c.change).or_default() += 1;
    }
    counts
}

/// "Tiltak 5 → 6", "Tiltak 7 (added)", "Tiltak 3".
fn measure_label(m: &MeasureDiff) -> String {
    match (&m.old_id, &m.new_id) {
        (Some(o), Some(n)) if o != n => format!("{MEASURE_WORD} {o} → {n}"),
        (None, Some(n)) => format!("{MEASURE_WORD} {n} (added)"),
        (Some(o), None) => format!("{MEASURE_WORD} {o} (removed)"),
        _ => format!("{MEASURE_WORD} {}", m.id()),
    }
}

/// "Pågående → Ferdigstilt", or "Pågående (unchanged)".
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

/// The measure of a followed-up promise: "5", "5 → 6" or "5 (removed)".
fn follow_up_id(f: &FollowUp) -> String {
    match &f.new_measure {
        Some(n) if *n != f.measure => format!("{} → {n}", f.measure),
        Some(_) => f.measure.to_string(),
        None => format!("{} (removed)", f.measure),
    }
}

/// The word diff of a changed text field.
fn field<'a>(m: &'a MeasureDiff, c: &Change) -> Option<&'a FieldDiff> {
    m.fields.iter().find(|f| f.field == c.field)
}

fn count(c: Option<u32>) -> String {
    c.map_or_else(|| NONE.to_string(), |c| c.to_string())
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { NONE } else { s }
}

//! The year-over-year diff for readers: Markdown, one HTML page and the
//! stdout summary.
//!
//! Takes a [`Diff`], gives text. All decisions about what changed were made
//! in `diff`; this module only lays them out. `diff.json` is the `Diff`
//! serialised as is and `changes.csv` is [`crate::render::tables::changes`].

mod html;
mod markdown;

pub use html::{PdfLinks, anchor, html, inline_script, inline_style};
pub use markdown::markdown;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::diff::{Diff, FieldDiff, FollowUp, MeasureDiff, Verdict};
use crate::model::{Change, ChangeKind, StatusClass};
use crate::render::lang::{Lang, Text};
use crate::vocab;

/// Shown for a missing status or count.
const NONE: &str = "—";

/// The human summary printed on stdout, in `lang`: measures and
/// sub-measures counted apart as the ministry counts them, each status
/// transition with the measures it counts, the measures not done and the
/// delayed promises by number.
pub fn summary(diff: &Diff, lang: Lang) -> String {
    let mut s = String::new();
    for w in &diff.warnings {
        let _ = writeln!(
            s,
            "{}: {}.",
            lang.warning_word().to_uppercase(),
            lang.diff_warning(w)
        );
    }
    let both = |m: &&MeasureDiff| m.old_id.is_some() && m.new_id.is_some();
    let top = diff
        .measures
        .iter()
        .filter(both)
        .filter(|m| !m.is_sub())
        .count();
    let sub = diff
        .measures
        .iter()
        .filter(both)
        .filter(|m| m.is_sub())
        .count();
    let counts = kind_counts(diff);
    let n = |kind: ChangeKind| counts.get(&kind).copied().unwrap_or(0);
    let _ = writeln!(
        s,
        "{} → {}: {}; {}.",
        lang.date(&diff.old.as_of),
        lang.date(&diff.new.as_of),
        lang.compared(top, sub),
        lang.added_removed(
            n(ChangeKind::Added),
            n(ChangeKind::Removed),
            n(ChangeKind::Renumbered)
        )
    );
    transition_lines(diff, lang, false, &mut s);
    transition_lines(diff, lang, true, &mut s);
    let not_done = ids_where(diff, |m| {
        m.new_status
            .as_deref()
            .is_some_and(|st| vocab::status_class(st) == StatusClass::NotDone)
    });
    if !not_done.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}.",
            lang.text(Text::NotDoneList),
            not_done.join(", ")
        );
    }
    let _ = writeln!(
        s,
        "{}.",
        lang.text_changes([
            n(ChangeKind::Title),
            n(ChangeKind::Description),
            n(ChangeKind::Progress),
            n(ChangeKind::Responsible),
            n(ChangeKind::Area),
        ])
    );
    if !diff.summary.is_empty() {
        let list: Vec<String> = diff
            .summary
            .iter()
            .map(|c| format!("{} {} → {}", c.name, count(c.old), count(c.new)))
            .collect();
        let _ = writeln!(
            s,
            "{}: {}.",
            lang.text(Text::SummarySentence),
            list.join(", ")
        );
    }
    promise_lines(diff, lang, &mut s);
    s
}

/// The status transitions of measures (or of sub-measures), each changed
/// one with the measures it counts.
fn transition_lines(diff: &Diff, lang: Lang, sub: bool, s: &mut String) {
    let (transitions, heading) = if sub {
        (&diff.sub_transitions, Text::SubMeasures)
    } else {
        (&diff.transitions, Text::Transitions)
    };
    if transitions.is_empty() {
        return;
    }
    let _ = writeln!(s, "{}:", lang.text(heading));
    for t in transitions {
        let ids = ids_where(diff, |m| {
            m.is_sub() == sub
                && m.old_id.is_some()
                && m.new_id.is_some()
                && m.old_status.as_deref().unwrap_or_default() == t.old
                && m.new_status.as_deref().unwrap_or_default() == t.new
        });
        let tail = if t.old == t.new {
            format!(" ({}: {})", lang.text(Text::Unchanged), ids.join(", "))
        } else {
            format!(" ({})", ids.join(", "))
        };
        let _ = writeln!(
            s,
            "  {} → {}: {}{tail}",
            or_none(&t.old),
            or_none(&t.new),
            t.count
        );
    }
}

/// "14 løfter forfalt innen 31.12.2024 (forsinket 2, holdt 12)", then the
/// delayed ones by measure.
fn promise_lines(diff: &Diff, lang: Lang, s: &mut String) {
    if diff.commitments.is_empty() {
        return;
    }
    let list: Vec<String> = Verdict::ALL
        .iter()
        .filter_map(|v| {
            let n = diff.commitments.iter().filter(|f| f.verdict == *v).count();
            (n > 0).then(|| format!("{} {n}", lang.verdict(*v)))
        })
        .collect();
    let _ = writeln!(
        s,
        "{} ({}).",
        lang.promises_due(diff.commitments.len(), &diff.new.as_of),
        list.join(", ")
    );
    let delayed: Vec<String> = diff
        .commitments
        .iter()
        .filter(|f| f.verdict == Verdict::Delayed)
        .map(|f| format!("{} ({})", follow_up_id(f, lang), lang.due(f.due)))
        .collect();
    if !delayed.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}.",
            lang.text(Text::DelayedList),
            delayed.join(", ")
        );
    }
}

/// The ids of the measures that pass `test`, in diff order.
fn ids_where(diff: &Diff, test: impl Fn(&MeasureDiff) -> bool) -> Vec<String> {
    diff.measures
        .iter()
        .filter(|m| test(m))
        .map(|m| m.id().to_string())
        .collect()
}

/// Old and new statuses of top-level measures in order of first appearance.
fn matrix_axes(diff: &Diff) -> (Vec<String>, Vec<String>) {
    let (mut rows, mut cols): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for m in diff
        .measures
        .iter()
        .filter(|m| m.old_id.is_some() && m.new_id.is_some() && !m.is_sub())
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

/// "Tiltak 5 → 6", "Tiltak 7 (nytt)", "Tiltak 9 a)".
fn measure_label(m: &MeasureDiff, lang: Lang) -> String {
    match (&m.old_id, &m.new_id) {
        (Some(o), Some(n)) if o != n => format!("{} → {n}", vocab::measure_label(o)),
        (None, Some(n)) => format!("{} ({})", vocab::measure_label(n), lang.text(Text::Added)),
        (Some(o), None) => format!("{} ({})", vocab::measure_label(o), lang.text(Text::Removed)),
        _ => vocab::measure_label(m.id()),
    }
}

/// "Pågående → Ferdigstilt", or "Pågående (uendret)".
fn status_line(m: &MeasureDiff, lang: Lang) -> String {
    let (o, n) = (
        m.old_status.as_deref().unwrap_or(NONE),
        m.new_status.as_deref().unwrap_or(NONE),
    );
    match (&m.old_id, &m.new_id) {
        (None, _) => n.to_string(),
        (_, None) => o.to_string(),
        _ if o == n => format!("{o} ({})", lang.text(Text::Unchanged)),
        _ => format!("{o} → {n}"),
    }
}

/// The measure of a followed-up promise: "5", "5 → 6" or "5 (fjernet)".
fn follow_up_id(f: &FollowUp, lang: Lang) -> String {
    match &f.new_measure {
        Some(n) if *n != f.measure => format!("{} → {n}", f.measure),
        Some(_) => f.measure.to_string(),
        None => format!("{} ({})", f.measure, lang.text(Text::Removed)),
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

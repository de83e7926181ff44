//! Structure rules: how the measures hang together, independent of any
//! second source — parents against their sub-measures, the numbering of the
//! measures, and the fields every leaf measure must have.
//!
//! Gives [`Rule::RollupStatusMismatch`], [`Rule::Numbering`] and [`Rule::MissingField`].

use std::collections::HashSet;

use super::compare::measure_label;
use super::finding;
use crate::model::{Finding, Measure, MeasureId, Report, Rule, StatusClass, SubId};
use crate::vocab::{self, RESPONSIBLE_LABEL, STATUS_LABEL};

// ---------------------------------------------------------------- roll-up

/// Reports a parent whose status contradicts its sub-measures: finished
/// while one of them is open, or open although all of them are finished.
/// The parent's own status comes from its section, or failing that from its
/// overview row. What a status means is [`vocab::status_class`]'s reading;
/// a status it does not know contradicts nothing.
pub(super) fn rollup(report: &Report, findings: &mut Vec<Finding>) {
    for parent in report.measures.iter().filter(|m| m.parent.is_none()) {
        let subs: Vec<&Measure> = report.sub_measures(&parent.id).collect();
        if subs.is_empty() {
            continue;
        }
        let row = report.row(&parent.id);
        let (status, source) = match (&parent.status, row) {
            (Some(s), _) if !s.trim().is_empty() => (s.as_str(), "its section"),
            (_, Some(r)) if !r.status.trim().is_empty() => {
                (r.status.as_str(), "the overview table")
            }
            _ => continue,
        };
        let class = vocab::status_class(status);
        if class == StatusClass::Unknown {
            continue;
        }
        let known: Vec<(&Measure, &str, StatusClass)> = subs
            .iter()
            .filter_map(|m| m.status.as_deref().map(|s| (*m, s, vocab::status_class(s))))
            .collect();
        let name = measure_label(&parent.id);
        let listing = known
            .iter()
            .map(|(m, s, _)| format!("{}: {s}", measure_label(&m.id)))
            .collect::<Vec<_>>()
            .join("; ");
        let open = known
            .iter()
            .find(|(_, _, c)| !c.is_finished() && *c != StatusClass::Unknown);
        let message = if class.is_finished() {
            let Some((sub, sub_status, _)) = open else {
                continue;
            };
            format!(
                "{name} is \"{status}\" according to {source} but its sub-measure {} is \"{sub_status}\".",
                measure_label(&sub.id)
            )
        } else if known.len() == subs.len() && known.iter().all(|(_, _, c)| c.is_finished()) {
            format!(
                "{name} is \"{status}\" according to {source} but all its sub-measures are finished ({listing})."
            )
        } else {
            continue;
        };
        findings.push(finding(
            Rule::RollupStatusMismatch,
            parent.id.to_string(),
            parent.page.as_ref(),
            &listing,
            status,
            message,
        ));
    }
}

// ---------------------------------------------------------------- numbering

/// Reports skipped, repeated or out-of-order measure numbers, in the
/// headings and in the overview table separately (either can slip on its
/// own), and sub-measure letters that do not run a, b, c….
pub(super) fn numbering(report: &Report, findings: &mut Vec<Finding>) {
    // Top-level numbers as the sections show them: a sub-measure stands for
    // its number when no heading of the parent came before it.
    let headings: Vec<(&MeasureId, Option<&String>)> = report
        .measures
        .iter()
        .map(|m| (&m.id, m.page.as_ref()))
        .collect();
    let sections = top_level(&headings);
    number_run(&sections, "the measure headings", &HashSet::new(), findings);
    let rows: Vec<(&MeasureId, Option<&String>)> = report
        .overview
        .iter()
        .map(|r| (&r.id, r.page.as_ref()))
        .collect();
    // A number the sections have but the table lacks is a missing row
    // (table-missing), not also a numbering slip.
    let in_sections: HashSet<u32> = sections.iter().map(|(n, _, _)| *n).collect();
    number_run(
        &top_level(&rows),
        "the overview table",
        &in_sections,
        findings,
    );
    sub_parts(report, findings);
}

/// Top-level numbers as a sequence shows them: a sub-measure stands for
/// its number when no item of that number came before it.
fn top_level<'a>(
    items: &[(&'a MeasureId, Option<&'a String>)],
) -> Vec<(u32, &'a MeasureId, Option<&'a String>)> {
    let mut seq: Vec<(u32, &MeasureId, Option<&String>)> = Vec::new();
    for &(id, page) in items {
        if id.is_sub() && seq.last().is_some_and(|(n, _, _)| *n == id.number) {
            continue;
        }
        seq.push((id.number, id, page));
    }
    seq
}

/// Reports sub-measures whose parts do not run a, b, c… (or 1, 2, 3…)
/// under each number.
fn sub_parts(report: &Report, findings: &mut Vec<Finding>) {
    let mut last: Option<(u32, SubId)> = None;
    for m in &report.measures {
        let Some(sub) = m.id.sub.filter(|_| m.parent.is_some()) else {
            last = None;
            continue;
        };
        let expected = match last {
            Some((n, l)) if n == m.id.number => l.next(),
            _ => sub.first(),
        };
        if sub != expected {
            let want = MeasureId {
                number: m.id.number,
                sub: Some(expected),
            };
            findings.push(finding(
                Rule::Numbering,
                m.id.to_string(),
                m.page.as_ref(),
                want.to_string(),
                m.id.to_string(),
                format!(
                    "{}: sub-measure letters should run a, b, c… but the heading here is \"{}\" where \"{}\" was expected.",
                    measure_label(&m.id),
                    measure_label(&m.id),
                    measure_label(&want)
                ),
            ));
        }
        last = Some((m.id.number, sub));
    }
}

/// Reports where a run of top-level numbers is not 1, 2, 3… N.
///
/// One slip should give one finding, so the run is judged as a whole
/// rather than step by step (a "31" typed for "13" would otherwise make
/// every later number look out of order): numbers missing from 1..N are
/// reported at the item standing where they should be, a repeated number
/// at its second occurrence, and only when neither happened is a number
/// lower than its predecessor reported as out of order.
/// `reported` holds numbers whose absence another rule already reports.
fn number_run(
    seq: &[(u32, &MeasureId, Option<&String>)],
    source: &str,
    reported: &HashSet<u32>,
    findings: &mut Vec<Finding>,
) {
    let mut push =
        |id: &MeasureId, page: Option<&String>, expected: String, found: u32, what: String| {
            findings.push(finding(
                Rule::Numbering,
                id.to_string(),
                page,
                expected,
                found.to_string(),
                format!(
                    "{}: the measure numbers in {source} {what}.",
                    measure_label(id)
                ),
            ));
        };
    let skipped = gaps(seq, reported, &mut push);
    let repeated = repeats(seq, &mut push);
    if skipped || repeated {
        return;
    }
    for pair in seq.windows(2) {
        let ((before, _, _), (number, id, page)) = (pair[0], pair[1]);
        if number < before {
            push(
                id,
                page,
                (before + 1).to_string(),
                number,
                format!("are out of order: {number} comes after {before}"),
            );
        }
    }
}

/// What [`number_run`] reports a slip with: the item, its page, the
/// expected and the found number, and what is wrong.
type Push<'a> = dyn FnMut(&MeasureId, Option<&String>, String, u32, String) + 'a;

/// Reports numbers missing from 1..N (other than `reported`) at the item
/// standing where they should be; true if any.
fn gaps(
    seq: &[(u32, &MeasureId, Option<&String>)],
    reported: &HashSet<u32>,
    push: &mut Push,
) -> bool {
    let Some(max) = seq.iter().map(|(n, _, _)| *n).max() else {
        return false;
    };
    let present: HashSet<u32> = seq.iter().map(|(n, _, _)| *n).collect();
    let mut any = false;
    let mut missing = (1..=max)
        .filter(|n| !present.contains(n) && !reported.contains(n))
        .peekable();
    while let Some(first) = missing.next() {
        let mut last = first;
        while missing.next_if_eq(&(last + 1)).is_some() {
            last += 1;
        }
        let gap = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        if let Some(&(number, id, page)) = seq.iter().find(|(n, _, _)| *n > last) {
            push(
                id,
                page,
                gap.clone(),
                number,
                format!("skip {gap} (there is {number} where {first} should be)"),
            );
        }
        any = true;
    }
    any
}

/// Reports a repeated number at its second occurrence; true if any.
fn repeats(seq: &[(u32, &MeasureId, Option<&String>)], push: &mut Push) -> bool {
    let mut seen: HashSet<u32> = HashSet::new();
    let mut any = false;
    for (i, &(number, id, page)) in seq.iter().enumerate() {
        if !seen.insert(number) {
            // No number is right here: the conflict is with the earlier item.
            let first = seq[..i]
                .iter()
                .find(|(n, _, _)| *n == number)
                .map_or_else(String::new, |(_, id, _)| measure_label(id));
            push(
                id,
                page,
                String::new(),
                number,
                format!("repeat {number} (already used by {first})"),
            );
            any = true;
        }
    }
    any
}

// ---------------------------------------------------------------- missing fields

/// Reports a leaf measure without a Status or Ansvarlig line. A parent may
/// leave both to its sub-measures, so only measures without sub-measures
/// are checked.
pub(super) fn missing_fields(report: &Report, findings: &mut Vec<Finding>) {
    for m in &report.measures {
        if report.sub_measures(&m.id).next().is_some() {
            continue;
        }
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        for (missing, field) in [
            (blank(&m.status), STATUS_LABEL),
            (blank(&m.responsible), RESPONSIBLE_LABEL),
        ] {
            if missing {
                findings.push(finding(
                    Rule::MissingField,
                    m.id.to_string(),
                    m.page.as_ref(),
                    format!("{field}:"),
                    "",
                    format!(
                        "{} (\"{}\") has no \"{field}:\" line.",
                        measure_label(&m.id),
                        m.title
                    ),
                ));
            }
        }
    }
}

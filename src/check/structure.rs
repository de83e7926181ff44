//! Structure rules: how the measures hang together, independent of any
//! second source — parents against their sub-measures, the numbering of the
//! measures, and the fields every leaf measure must have.
//!
//! Gives [`ROLLUP_STATUS_MISMATCH`], [`NUMBERING`] and [`MISSING_FIELD`].

use std::collections::HashSet;

use super::compare::{measure_label, split_id};
use super::table::sub_measures;
use super::{MISSING_FIELD, NUMBERING, ROLLUP_STATUS_MISMATCH, finding, is_finished};
use crate::model::{Finding, Measure, Report};

// ---------------------------------------------------------------- roll-up

/// Reports a parent whose status contradicts its sub-measures: finished
/// while one of them is open, or still open although all of them are
/// finished. The parent's own status comes from its section, or failing that
/// from its overview row.
pub(super) fn rollup(report: &Report, findings: &mut Vec<Finding>) {
    for parent in report.measures.iter().filter(|m| m.parent.is_none()) {
        let subs = sub_measures(report, &parent.id);
        if subs.is_empty() {
            continue;
        }
        let row = report.overview.iter().find(|r| r.id == parent.id);
        let (status, source) = match (&parent.status, row) {
            (Some(s), _) if !s.trim().is_empty() => (s.as_str(), "its section"),
            (_, Some(r)) if !r.status.trim().is_empty() => {
                (r.status.as_str(), "the overview table")
            }
            _ => continue,
        };
        let known: Vec<(&Measure, &str)> = subs
            .iter()
            .filter_map(|m| m.status.as_deref().map(|s| (*m, s)))
            .collect();
        let name = measure_label(&parent.id);
        let listing = known
            .iter()
            .map(|(m, s)| format!("{}: {s}", measure_label(&m.id)))
            .collect::<Vec<_>>()
            .join("; ");
        if is_finished(status) {
            let open: Vec<&(&Measure, &str)> =
                known.iter().filter(|(_, s)| !is_finished(s)).collect();
            if let Some((sub, sub_status)) = open.first() {
                findings.push(finding(
                    ROLLUP_STATUS_MISMATCH,
                    &parent.id,
                    parent.page.as_ref(),
                    &listing,
                    status,
                    format!(
                        "{name} is \"{status}\" according to {source} but its sub-measure {} is \"{sub_status}\".",
                        measure_label(&sub.id)
                    ),
                ));
            }
        } else if known.len() == subs.len() && known.iter().all(|(_, s)| is_finished(s)) {
            findings.push(finding(
                ROLLUP_STATUS_MISMATCH,
                &parent.id,
                parent.page.as_ref(),
                &listing,
                status,
                format!(
                    "{name} is \"{status}\" according to {source} but all its sub-measures are finished ({listing})."
                ),
            ));
        }
    }
}

// ---------------------------------------------------------------- numbering

/// Reports skipped, repeated or out-of-order measure numbers, in the
/// headings and in the overview table separately (either can slip on its
/// own), and sub-measure letters that do not run a, b, c….
pub(super) fn numbering(report: &Report, findings: &mut Vec<Finding>) {
    // Top-level numbers as the sections show them: a sub-measure stands for
    // its number when no heading of the parent came before it.
    let mut sections: Vec<(u32, &Measure)> = Vec::new();
    for m in &report.measures {
        let (number, _) = split_id(&m.id);
        if m.parent.is_some() && sections.last().is_some_and(|(n, _)| *n == number) {
            continue;
        }
        sections.push((number, m));
    }
    let seq: Vec<(u32, &str, Option<&String>)> = sections
        .iter()
        .map(|(n, m)| (*n, m.id.as_str(), m.page.as_ref()))
        .collect();
    number_run(&seq, "the measure headings", findings);

    let mut rows: Vec<(u32, &str, Option<&String>)> = Vec::new();
    for r in &report.overview {
        let (number, letter) = split_id(&r.id);
        if letter.is_some() && rows.last().is_some_and(|(n, _, _)| *n == number) {
            continue;
        }
        rows.push((number, r.id.as_str(), r.page.as_ref()));
    }
    number_run(&rows, "the overview table", findings);

    // Sub-measure letters run a, b, c... under each number.
    let mut last: Option<(u32, char)> = None;
    for m in &report.measures {
        let (number, letter) = split_id(&m.id);
        let Some(letter) = letter.filter(|_| m.parent.is_some()) else {
            last = None;
            continue;
        };
        let expected = match last {
            Some((n, l)) if n == number => char::from_u32(l as u32 + 1).unwrap_or('?'),
            _ => 'a',
        };
        if letter != expected {
            findings.push(finding(
                NUMBERING,
                &m.id,
                m.page.as_ref(),
                format!("{number}{expected}"),
                &m.id,
                format!(
                    "{}: sub-measure letters should run a, b, c… but the heading here is \"{}\" where \"{}\" was expected.",
                    measure_label(&m.id),
                    measure_label(&m.id),
                    measure_label(&format!("{number}{expected}"))
                ),
            ));
        }
        last = Some((number, letter));
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
fn number_run(seq: &[(u32, &str, Option<&String>)], source: &str, findings: &mut Vec<Finding>) {
    let Some(max) = seq.iter().map(|(n, _, _)| *n).max() else {
        return;
    };
    let present: HashSet<u32> = seq.iter().map(|(n, _, _)| *n).collect();
    let mut push = |id: &str, page: Option<&String>, expected: String, found: u32, what: String| {
        findings.push(finding(
            NUMBERING,
            id,
            page,
            expected,
            found.to_string(),
            format!(
                "{}: the measure numbers in {source} {what}.",
                measure_label(id)
            ),
        ));
    };
    let mut irregular = false;
    let mut missing = (1..=max).filter(|n| !present.contains(n)).peekable();
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
        irregular = true;
    }
    let mut seen: HashSet<u32> = HashSet::new();
    for (i, &(number, id, page)) in seq.iter().enumerate() {
        if !seen.insert(number) {
            // No number is right here: the conflict is with the earlier item.
            let first = seq[..i]
                .iter()
                .find(|(n, _, _)| *n == number)
                .map_or("", |(_, id, _)| *id);
            push(
                id,
                page,
                String::new(),
                number,
                format!("repeat {number} (already used by {})", measure_label(first)),
            );
            irregular = true;
        }
    }
    if irregular {
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

// ---------------------------------------------------------------- missing fields

/// Reports a leaf measure without a Status or Ansvarlig line. A parent may
/// leave both to its sub-measures, so only measures without sub-measures
/// are checked.
pub(super) fn missing_fields(report: &Report, findings: &mut Vec<Finding>) {
    for m in &report.measures {
        if report
            .measures
            .iter()
            .any(|s| s.parent.as_deref() == Some(m.id.as_str()))
        {
            continue;
        }
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        for (missing, field) in [
            (blank(&m.status), "Status"),
            (blank(&m.responsible), "Ansvarlig"),
        ] {
            if missing {
                findings.push(finding(
                    MISSING_FIELD,
                    &m.id,
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

//! Summary rule: the counts in the summary sentence ("Av totalt 33 tiltak er
//! 7 ferdigstilte …") against the overview table.
//!
//! Gives [`Rule::SummaryCountMismatch`].

use std::collections::{BTreeMap, HashSet};

use super::compare::status_key;
use super::finding;
use crate::model::{Finding, Report, Rule};
use crate::vocab;

/// Compares the stated total with the number of overview rows.
fn total(report: &Report, page: Option<&String>, findings: &mut Vec<Finding>) {
    let summary = &report.summary;
    // A parent's row without a status of its own (its sub-measures have
    // them) is not a measure the total counts.
    let rows = report
        .overview
        .iter()
        .filter(|r| !r.status.trim().is_empty())
        .count();
    let Some(total) = summary.total.filter(|t| *t as usize != rows) else {
        return;
    };
    // Quote the words that state the total where the sentence has the
    // genre's usual ones.
    let (before, after) = vocab::SUMMARY_TOTAL;
    let phrase = format!("{before} {total} {after}");
    let quoted = if summary.sentence.to_lowercase().contains(&phrase) {
        format!(" (\"{phrase}\")")
    } else {
        String::new()
    };
    findings.push(finding(
        Rule::SummaryCountMismatch,
        "",
        page,
        rows.to_string(),
        total.to_string(),
        format!(
            "The summary sentence says there are {total} measures{quoted} but the overview table has {rows} rows."
        ),
    ));
}

/// Compares the total and each status count of the summary sentence with
/// the overview table, and reports table statuses the sentence leaves out.
/// The table is the reference because it lists every measure one by one.
pub(super) fn summary(report: &Report, findings: &mut Vec<Finding>) {
    let summary = &report.summary;
    if summary.sentence.is_empty() || report.overview.is_empty() {
        return;
    }
    let page = report.overview.first().and_then(|r| r.page.as_ref());
    total(report, page, findings);
    if summary.counts.is_empty() {
        return;
    }
    // Table statuses with their counts, keyed case-insensitively but
    // remembering the first spelling for the message.
    let mut table: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for row in &report.overview {
        let key = status_key(&row.status);
        if key.is_empty() {
            continue;
        }
        let entry = table.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (row.status.trim().to_string(), 0)
        });
        entry.1 += 1;
    }
    for stated in &summary.counts {
        let key = status_key(&stated.status);
        let in_table = table.get(&key).map_or(0, |(_, n)| *n);
        if in_table != stated.count as usize {
            findings.push(finding(
                Rule::SummaryCountMismatch,
                "",
                page,
                in_table.to_string(),
                stated.count.to_string(),
                format!(
                    "The summary sentence says {} measures are \"{}\" but the overview table has {in_table} with that status.",
                    stated.count, stated.status
                ),
            ));
        }
    }
    let mentioned: HashSet<String> = summary
        .counts
        .iter()
        .map(|c| status_key(&c.status))
        .collect();
    for key in order.iter().filter(|k| !mentioned.contains(*k)) {
        let (status, n) = &table[key];
        findings.push(finding(
            Rule::SummaryCountMismatch,
            "",
            page,
            n.to_string(),
            "0",
            format!("The overview table has {n} measures with status \"{status}\" but the summary sentence does not mention that status."),
        ));
    }
}

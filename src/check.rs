//! Cross-checks: the fourth stage.
//!
//! Takes a parsed [`Report`] and gives [`Finding`]s: places where the report
//! contradicts itself (the table of contents against the headings, the
//! overview table against the measure sections, the summary sentence against
//! the table, parents against their sub-measures, Ansvarlig lines against the
//! department list). Every rule of the output contract has a `const` id here
//! and one function below.
//!
//! Conventions of the findings: `expected` holds what the more detailed
//! source says (the section heading or section lines, or the overview table
//! against the summary sentence) and `found` what the other place says; the
//! message names both sources. Findings come sorted in document order.

use std::collections::{BTreeMap, HashSet};

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{Finding, Heading, HeadingKind, Measure, OverviewRow, Report, Severity};
use crate::parse::{comparable, split_names};

/// A heading without a TOC entry, or a TOC entry without a heading.
pub const TOC_MISSING: &str = "toc-missing";
/// A TOC title differs from its heading.
pub const TOC_TITLE_MISMATCH: &str = "toc-title-mismatch";
/// A TOC page differs from the printed page of its heading.
pub const TOC_PAGE_MISMATCH: &str = "toc-page-mismatch";
/// A measure without an overview row, or a row without a section.
pub const TABLE_MISSING: &str = "table-missing";
/// An overview title differs from the section heading.
pub const TABLE_TITLE_MISMATCH: &str = "table-title-mismatch";
/// An overview status differs from the section's status.
pub const TABLE_STATUS_MISMATCH: &str = "table-status-mismatch";
/// An overview responsible cell disagrees with the section's Ansvarlig line.
pub const TABLE_RESPONSIBLE_MISMATCH: &str = "table-responsible-mismatch";
/// An overview row sits under another innsatsområde than its section.
pub const TABLE_AREA_MISMATCH: &str = "table-area-mismatch";
/// A count in the summary sentence differs from the overview table.
pub const SUMMARY_COUNT_MISMATCH: &str = "summary-count-mismatch";
/// A parent's status contradicts its sub-measures.
pub const ROLLUP_STATUS_MISMATCH: &str = "rollup-status-mismatch";
/// Measure numbers skip, repeat or run out of order.
pub const NUMBERING: &str = "numbering";
/// An abbreviation the department list does not define.
pub const UNKNOWN_DEPARTMENT: &str = "unknown-department";
/// A leaf measure without a Status or Ansvarlig line.
pub const MISSING_FIELD: &str = "missing-field";

/// Every rule with its severity, in the order of the output contract.
pub const RULES: [(&str, Severity); 13] = [
    (TOC_MISSING, Severity::Warning),
    (TOC_TITLE_MISMATCH, Severity::Warning),
    (TOC_PAGE_MISMATCH, Severity::Warning),
    (TABLE_MISSING, Severity::Error),
    (TABLE_TITLE_MISMATCH, Severity::Warning),
    (TABLE_STATUS_MISMATCH, Severity::Error),
    (TABLE_RESPONSIBLE_MISMATCH, Severity::Warning),
    (TABLE_AREA_MISMATCH, Severity::Error),
    (SUMMARY_COUNT_MISMATCH, Severity::Error),
    (ROLLUP_STATUS_MISMATCH, Severity::Error),
    (NUMBERING, Severity::Error),
    (UNKNOWN_DEPARTMENT, Severity::Warning),
    (MISSING_FIELD, Severity::Error),
];

/// Runs every check on `report` and returns the findings in document order.
pub fn run(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    toc(report, &mut findings);
    table(report, &mut findings);
    summary(report, &mut findings);
    rollup(report, &mut findings);
    numbering(report, &mut findings);
    departments(report, &mut findings);
    missing_fields(report, &mut findings);
    let order = Order::new(report);
    // A stable sort keeps the rule order within one place of the document.
    findings.sort_by_key(|f| order.rank(&f.measure));
    findings
}

/// Whether a status word means the measure is finished.
///
/// The status vocabulary belongs to each report ("Ferdigstilt",
/// "Fullført", "Avsluttet", "Gjennomført", ...), so this does not compare
/// against a list of whole words: a status counts as finished when its
/// lower-case form *starts with* one of the Norwegian stems for completion,
/// `ferdig`, `fullført`, `avsluttet` or `gjennomført`. Qualified statuses
/// therefore stay unfinished: "Ikke gjennomført", "Delvis gjennomført" and
/// "Pågående" do not start with a stem, while "Ferdigstilt i 2023" does.
pub fn is_finished(status: &str) -> bool {
    const STEMS: [&str; 4] = ["ferdig", "fullført", "avsluttet", "gjennomført"];
    let s = status.trim().to_lowercase();
    STEMS.iter().any(|stem| s.starts_with(stem))
}

// ---------------------------------------------------------------- comparison

/// The form of a text that comparisons use.
///
/// Ignores what is not a difference to a reader: whitespace and line wraps,
/// punctuation at the end, dot leaders, the case of the first letter, and a
/// word broken by a hyphen at a line end ("kompetanse- heving"). A hyphen
/// before "og"/"eller"/"samt" is a Norwegian suspended hyphen
/// ("volds- og trusselutsatte") and is kept.
fn normalise(text: &str) -> String {
    let t = text.trim_end_matches(|c: char| {
        c == '.' || c == '…' || c == ':' || c == ',' || c.is_whitespace()
    });
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        match joined.last_mut() {
            Some(prev)
                if prev.ends_with('-')
                    && prev.len() > 1
                    && word.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(word, "og" | "eller" | "samt") =>
            {
                prev.pop();
                prev.push_str(word);
            }
            _ => joined.push(word.to_string()),
        }
    }
    comparable(&joined.join(" "))
}

/// Whether two texts say the same thing (see [`normalise`]).
fn same(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// The differing words from `from` to `to`, compact: `nordisk → nordiske`,
/// `−innvandrere`, `+nye`; several changes separated by "; ".
fn word_diff(from: &str, to: &str) -> String {
    let old_text = normalise(from);
    let new_text = normalise(to);
    let old: Vec<&str> = old_text.split(' ').filter(|w| !w.is_empty()).collect();
    let new: Vec<&str> = new_text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut parts: Vec<String> = Vec::new();
    // Adjacent delete and insert ops are one replacement for the reader.
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let flush = |removed: &mut Vec<&str>, added: &mut Vec<&str>, parts: &mut Vec<String>| {
        match (removed.is_empty(), added.is_empty()) {
            (true, true) => {}
            (false, true) => parts.push(format!("−{}", removed.join(" "))),
            (true, false) => parts.push(format!("+{}", added.join(" "))),
            (false, false) => parts.push(format!("{} → {}", removed.join(" "), added.join(" "))),
        }
        removed.clear();
        added.clear();
    };
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => flush(&mut removed, &mut added, &mut parts),
            _ => {
                removed.extend_from_slice(&old[old_range]);
                added.extend_from_slice(&new[new_range]);
            }
        }
    }
    flush(&mut removed, &mut added, &mut parts);
    parts.join("; ")
}

// ---------------------------------------------------------------- labels

/// How a reader names a finding's subject: "Tiltak 9 a)" for `9a`,
/// "Tiltak 12" for `12`; area and section names as they are; the summary
/// sentence (an empty subject) as "Summary".
pub fn subject_label(measure: &str) -> String {
    if measure.is_empty() {
        "Summary".to_string()
    } else if measure.starts_with(|c: char| c.is_ascii_digit()) {
        measure_label(measure)
    } else {
        measure.to_string()
    }
}

/// How a reader names a measure: "Tiltak 9 a)" for `9a`, "Tiltak 12" for `12`.
fn measure_label(id: &str) -> String {
    let (number, letter) = split_id(id);
    match letter {
        Some(l) => format!("Tiltak {number} {l})"),
        None => format!("Tiltak {number}"),
    }
}

fn area_label(id: &str) -> String {
    format!("Innsatsområde {id}")
}

/// A section's title without trailing punctuation, as the finding's `measure`.
fn section_label(title: &str) -> String {
    title
        .trim()
        .trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace())
        .to_string()
}

/// The `measure` value and the message prefix for a heading.
fn heading_label(kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => id.to_string(),
        HeadingKind::Area => area_label(id),
        HeadingKind::Section => section_label(title),
    }
}

fn heading_name(kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => measure_label(id),
        HeadingKind::Area => area_label(id),
        HeadingKind::Section => format!("The section \"{}\"", section_label(title)),
    }
}

/// Splits `"9a"` into `(9, Some('a'))`; an id without digits gives `(0, None)`.
fn split_id(id: &str) -> (u32, Option<char>) {
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    let letter = id[digits.len()..]
        .trim()
        .chars()
        .next()
        .filter(|c| c.is_alphabetic());
    (digits.parse().unwrap_or(0), letter)
}

/// The severity the output contract gives `rule`.
pub fn severity(rule: &str) -> Option<Severity> {
    RULES.iter().find(|(r, _)| *r == rule).map(|(_, s)| *s)
}

fn finding(
    rule: &str,
    measure: impl Into<String>,
    page: Option<&String>,
    expected: impl Into<String>,
    found: impl Into<String>,
    message: String,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity: severity(rule).expect("every rule is listed in RULES"),
        measure: measure.into(),
        page: page.cloned(),
        expected: expected.into(),
        found: found.into(),
        message,
    }
}

// ---------------------------------------------------------------- document order

/// Ranks findings by where their subject appears in the document.
struct Order<'a> {
    report: &'a Report,
}

impl Order<'_> {
    fn new(report: &Report) -> Order<'_> {
        Order { report }
    }

    /// Twice the heading index (plus one) for a subject with a heading; a
    /// subject without one (a table row or TOC entry only) goes right after
    /// the heading it would follow; the summary goes before the body.
    fn rank(&self, subject: &str) -> usize {
        let headings = &self.report.headings;
        let first_body = headings
            .iter()
            .position(|h| h.kind != HeadingKind::Section)
            .unwrap_or(headings.len());
        if subject.is_empty() {
            return 2 * first_body;
        }
        let found = headings.iter().position(|h| {
            heading_label(h.kind, &h.id, &h.title) == subject
                || h.kind == HeadingKind::Section && same(&h.title, subject)
        });
        if let Some(i) = found {
            return 2 * i + 1;
        }
        if subject.starts_with(|c: char| c.is_ascii_digit()) {
            // A measure known only from the table or the TOC: after the last
            // measure heading numbered before it.
            let key = split_id(subject);
            return headings
                .iter()
                .rposition(|h| h.kind == HeadingKind::Measure && split_id(&h.id) < key)
                .map_or(2 * first_body, |i| 2 * i + 2);
        }
        // An area or section known only from the TOC: after the heading of
        // the TOC entry before it.
        let toc = &self.report.toc;
        let Some(at) = toc
            .iter()
            .position(|e| heading_label(e.kind, &e.id, &e.title) == subject)
        else {
            return 0;
        };
        toc[..at]
            .iter()
            .rev()
            .find_map(|e| {
                let label = heading_label(e.kind, &e.id, &e.title);
                headings
                    .iter()
                    .position(|h| heading_label(h.kind, &h.id, &h.title) == label)
            })
            .map_or(0, |i| 2 * i + 2)
    }
}

// ---------------------------------------------------------------- TOC

/// Whether a TOC entry and a heading are the same item of the document.
fn toc_matches(kind: HeadingKind, id: &str, title: &str, heading: &Heading) -> bool {
    kind == heading.kind
        && match kind {
            HeadingKind::Section => same(title, &heading.title),
            _ => id == heading.id,
        }
}

fn toc(report: &Report, findings: &mut Vec<Finding>) {
    if report.toc.is_empty() {
        // No TOC at all is not a TOC inconsistency; nothing to compare.
        return;
    }
    let mut used = vec![false; report.toc.len()];
    for h in &report.headings {
        let subject = heading_label(h.kind, &h.id, &h.title);
        let name = heading_name(h.kind, &h.id, &h.title);
        let entry = report
            .toc
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && toc_matches(e.kind, &e.id, &e.title, h));
        let Some((i, entry)) = entry else {
            findings.push(finding(
                TOC_MISSING,
                subject,
                h.page.as_ref(),
                &h.text,
                "",
                format!(
                    "{name} has a heading (\"{}\") but no entry in the table of contents.",
                    h.text
                ),
            ));
            continue;
        };
        used[i] = true;
        if !same(&entry.title, &h.title) {
            findings.push(finding(
                TOC_TITLE_MISMATCH,
                &subject,
                h.page.as_ref(),
                &h.title,
                &entry.title,
                format!(
                    "{name}: the table of contents says \"{}\" but the heading says \"{}\" ({}).",
                    entry.title,
                    h.title,
                    word_diff(&h.title, &entry.title)
                ),
            ));
        }
        if let Some(page) = &h.page
            && !entry.page.trim().is_empty()
            && entry.page.trim() != page.trim()
        {
            findings.push(finding(
                TOC_PAGE_MISMATCH,
                subject,
                h.page.as_ref(),
                page,
                &entry.page,
                format!(
                    "{name}: the table of contents gives page {} but the heading is on page {page}.",
                    entry.page
                ),
            ));
        }
    }
    for (entry, _) in report.toc.iter().zip(&used).filter(|(_, used)| !**used) {
        let name = heading_name(entry.kind, &entry.id, &entry.title);
        findings.push(finding(
            TOC_MISSING,
            heading_label(entry.kind, &entry.id, &entry.title),
            None,
            "",
            &entry.text,
            format!(
                "{name}: the table of contents lists \"{}\" on page {} but there is no such heading in the report.",
                entry.text, entry.page
            ),
        ));
    }
}

// ---------------------------------------------------------------- overview table

/// The sub-measures of `parent`, in document order.
fn sub_measures<'a>(report: &'a Report, parent: &str) -> Vec<&'a Measure> {
    report
        .measures
        .iter()
        .filter(|m| m.parent.as_deref() == Some(parent))
        .collect()
}

/// A measure's own status, or the one status all its sub-measures share.
fn effective_status(report: &Report, measure: &Measure) -> Option<String> {
    if let Some(s) = measure.status.as_ref().filter(|s| !s.trim().is_empty()) {
        return Some(s.clone());
    }
    let subs = sub_measures(report, &measure.id);
    let first = subs.first()?.status.clone()?;
    subs.iter()
        .all(|m| m.status.as_deref().is_some_and(|s| same(s, &first)))
        .then_some(first)
}

fn table(report: &Report, findings: &mut Vec<Finding>) {
    let top_level: Vec<&Measure> = report
        .measures
        .iter()
        .filter(|m| m.parent.is_none())
        .collect();
    let mut rows_seen: HashSet<&str> = HashSet::new();
    for measure in &top_level {
        let id = measure.id.as_str();
        let name = measure_label(id);
        let Some(row) = report.overview.iter().find(|r| r.id == id) else {
            // A report without any overview table is another layout, not
            // 33 missing rows.
            if !report.overview.is_empty() {
                findings.push(finding(
                    TABLE_MISSING,
                    id,
                    measure.page.as_ref(),
                    &measure.title,
                    "",
                    format!(
                        "{name} (\"{}\") has a section but no row in the overview table.",
                        measure.title
                    ),
                ));
            }
            continue;
        };
        rows_seen.insert(id);
        table_row(report, measure, row, findings);
    }
    for row in &report.overview {
        let covered = report
            .measures
            .iter()
            .any(|m| m.id == row.id || m.parent.as_deref() == Some(row.id.as_str()));
        if !covered && rows_seen.insert(row.id.as_str()) {
            findings.push(finding(
                TABLE_MISSING,
                &row.id,
                row.page.as_ref(),
                "",
                &row.title,
                format!(
                    "{}: the overview table lists \"{}\" but the report has no section for it.",
                    measure_label(&row.id),
                    row.title
                ),
            ));
        }
    }
}

/// Compares one overview row with its measure section.
fn table_row(report: &Report, measure: &Measure, row: &OverviewRow, findings: &mut Vec<Finding>) {
    let id = measure.id.as_str();
    let name = measure_label(id);
    let page = measure.page.as_ref();
    if !same(&row.title, &measure.title) {
        findings.push(finding(
            TABLE_TITLE_MISMATCH,
            id,
            page,
            &measure.title,
            &row.title,
            format!(
                "{name}: the overview table says \"{}\" but the heading says \"{}\" ({}).",
                row.title,
                measure.title,
                word_diff(&measure.title, &row.title)
            ),
        ));
    }
    if let Some(status) = effective_status(report, measure)
        && !row.status.trim().is_empty()
        && !same(&row.status, &status)
    {
        let source = if measure.status.is_some() {
            "the section says"
        } else {
            "all its sub-measures say"
        };
        findings.push(finding(
            TABLE_STATUS_MISMATCH,
            id,
            page,
            &status,
            &row.status,
            format!(
                "{name}: the overview table gives status \"{}\" but {source} \"Status: {status}\".",
                row.status
            ),
        ));
    }
    responsible(report, measure, row, findings);
    if !row.area.is_empty() && !measure.area.is_empty() && row.area != measure.area {
        findings.push(finding(
            TABLE_AREA_MISMATCH,
            id,
            page,
            &measure.area,
            &row.area,
            format!(
                "{name} is listed under \"{}\" in the overview table but its section is under \"{}\".",
                area_label(&row.area),
                area_label(&measure.area)
            ),
        ));
    }
}

/// Maps a name in an Ansvarlig line or table cell to a comparable key: the
/// abbreviation of a department spelled out in full, else the name itself;
/// case-insensitive, since a case slip is reported as an unknown department.
fn department_key(report: &Report, name: &str) -> String {
    let full = normalise(name).to_lowercase();
    report
        .departments
        .iter()
        .find(|d| normalise(&d.name).to_lowercase() == full)
        .map_or_else(
            || name.trim().to_lowercase(),
            |d| d.abbreviation.to_lowercase(),
        )
}

fn responsible(report: &Report, measure: &Measure, row: &OverviewRow, findings: &mut Vec<Finding>) {
    if row.responsible.trim().is_empty() {
        return;
    }
    // A parent without its own Ansvarlig line answers through its
    // sub-measures: the table must name each of their leads.
    let sections: Vec<&Measure> = if measure.lead.is_some() {
        vec![measure]
    } else {
        sub_measures(report, &measure.id)
            .into_iter()
            .filter(|m| m.lead.is_some())
            .collect()
    };
    if sections.is_empty() {
        return;
    }
    let leads: Vec<&str> = sections.iter().filter_map(|m| m.lead.as_deref()).collect();
    let named: HashSet<String> = sections
        .iter()
        .flat_map(|m| m.lead.iter().chain(&m.partners))
        .map(|n| department_key(report, n))
        .collect();
    let cell: Vec<String> = split_names(&row.responsible);
    let cell_keys: HashSet<String> = cell.iter().map(|n| department_key(report, n)).collect();
    let missing_leads: Vec<&str> = leads
        .iter()
        .copied()
        .filter(|l| !cell_keys.contains(&department_key(report, l)))
        .collect();
    let extra: Vec<&str> = cell
        .iter()
        .map(String::as_str)
        .filter(|n| !named.contains(&department_key(report, n)))
        .collect();
    if missing_leads.is_empty() && extra.is_empty() {
        return;
    }
    let section_text = sections
        .iter()
        .filter_map(|m| m.responsible.as_deref())
        .collect::<Vec<_>>()
        .join("; ");
    let mut problems = Vec::new();
    if !missing_leads.is_empty() {
        problems.push(format!(
            "leaves out the lead {}",
            quoted_list(&missing_leads)
        ));
    }
    if !extra.is_empty() {
        problems.push(format!(
            "names {} which the section does not",
            quoted_list(&extra)
        ));
    }
    findings.push(finding(
        TABLE_RESPONSIBLE_MISMATCH,
        &measure.id,
        measure.page.as_ref(),
        &section_text,
        &row.responsible,
        format!(
            "{}: the overview table gives \"{}\" as responsible but the section says \"Ansvarlig: {section_text}\" (the table {}).",
            measure_label(&measure.id),
            row.responsible,
            problems.join(" and ")
        ),
    ));
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------- summary sentence

/// How a status word is matched between the summary sentence and the table:
/// case-insensitively, and ignoring a final "e", because the sentence may
/// inflect the table's adjective ("7 er ferdigstilte" for "Ferdigstilt").
fn status_key(status: &str) -> String {
    let key = normalise(status).to_lowercase();
    key.strip_suffix('e')
        .map_or_else(|| key.clone(), str::to_string)
}

fn summary(report: &Report, findings: &mut Vec<Finding>) {
    let summary = &report.summary;
    if summary.sentence.is_empty() || report.overview.is_empty() {
        return;
    }
    let page = report.overview.first().and_then(|r| r.page.as_ref());
    let rows = report.overview.len();
    if let Some(total) = summary.total
        && total as usize != rows
    {
        findings.push(finding(
            SUMMARY_COUNT_MISMATCH,
            "",
            page,
            rows.to_string(),
            total.to_string(),
            format!("The summary sentence says there are {total} measures (\"totalt {total} tiltak\") but the overview table has {rows} rows."),
        ));
    }
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
                SUMMARY_COUNT_MISMATCH,
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
            SUMMARY_COUNT_MISMATCH,
            "",
            page,
            n.to_string(),
            "0",
            format!("The overview table has {n} measures with status \"{status}\" but the summary sentence does not mention that status."),
        ));
    }
}

// ---------------------------------------------------------------- roll-up

fn rollup(report: &Report, findings: &mut Vec<Finding>) {
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

fn numbering(report: &Report, findings: &mut Vec<Finding>) {
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

// ---------------------------------------------------------------- departments

fn departments(report: &Report, findings: &mut Vec<Finding>) {
    if report.departments.is_empty() {
        // Without a department list there is nothing to check names against.
        return;
    }
    let mut reported: HashSet<(String, String)> = HashSet::new();
    let mut check = |measure: &str, page: Option<&String>, name: &str, place: &str| {
        let name = name.trim();
        if name.is_empty()
            || report
                .departments
                .iter()
                .any(|d| d.abbreviation == name || same(&d.name, name))
            || !reported.insert((measure.to_string(), name.to_string()))
        {
            return;
        }
        let case_only = report
            .departments
            .iter()
            .find(|d| d.abbreviation.to_lowercase() == name.to_lowercase());
        let (expected, message) = match case_only {
            Some(d) => (
                d.abbreviation.clone(),
                format!(
                    "{}: {place} names \"{name}\", which the department list spells \"{}\" ({}); only the case differs.",
                    measure_label(measure),
                    d.abbreviation,
                    d.name
                ),
            ),
            None => (
                String::new(),
                format!(
                    "{}: {place} names \"{name}\", which the list of responsible departments and directorates does not define.",
                    measure_label(measure)
                ),
            ),
        };
        findings.push(finding(
            UNKNOWN_DEPARTMENT,
            measure,
            page,
            expected,
            name,
            message,
        ));
    };
    for m in &report.measures {
        for name in m.lead.iter().chain(&m.partners) {
            check(&m.id, m.page.as_ref(), name, "the Ansvarlig line");
        }
    }
    for row in &report.overview {
        for name in split_names(&row.responsible) {
            check(&row.id, row.page.as_ref(), &name, "the overview table");
        }
    }
}

// ---------------------------------------------------------------- missing fields

fn missing_fields(report: &Report, findings: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, TocEntry};

    #[test]
    fn normalisation_ignores_only_non_differences() {
        assert!(same("Innsatsområde 2.", "Innsatsområde 2:"));
        assert!(same("Om denne rapporten:", "Om denne rapporten"));
        assert!(same(
            "Styrke  det\nnordiske samarbeidet",
            "styrke det nordiske samarbeidet."
        ));
        assert!(same("Om denne rapporten:.....", "Om denne rapporten"));
        assert!(same("Styrke kompetanse- heving", "Styrke kompetanseheving"));
        // A suspended hyphen is a word of its own, not a broken word.
        assert!(!same("volds- og trusselutsatte", "voldsog trusselutsatte"));
        assert!(same(
            "volds- og trusselutsatte",
            "volds-  og\ntrusselutsatte"
        ));
        // One letter is a difference; so is case after the first letter.
        assert!(!same(
            "Styrke det nordisk samarbeidet",
            "Styrke det nordiske samarbeidet"
        ));
        assert!(!same("Videreføre TryggEst", "Videreføre Tryggest"));
        assert!(!same("Pågående", "Ferdigstilt"));
    }

    #[test]
    fn word_diff_is_compact() {
        assert_eq!(
            word_diff(
                "Styrke det nordisk samarbeidet",
                "Styrke det nordiske samarbeidet"
            ),
            "nordisk → nordiske"
        );
        assert_eq!(
            word_diff(
                "Styrke oppfølgingen av nyankomne innvandrere og flyktninger",
                "Styrke oppfølgingen av nyankomne og flyktninger"
            ),
            "−innvandrere"
        );
        assert_eq!(
            word_diff("Heve kompetansen", "Heve den nye kompetansen"),
            "+den nye"
        );
        assert_eq!(word_diff("a b c d", "a x c y"), "b → x; d → y");
        // Case of the first letter and trailing punctuation are not shown.
        assert_eq!(word_diff("Øke samarbeidet.", "øke det samarbeidet"), "+det");
    }

    #[test]
    fn summary_status_words_may_be_inflected() {
        assert_eq!(status_key("Ferdigstilt"), status_key("ferdigstilte"));
        assert_eq!(status_key("Pågående"), status_key("pågående"));
        assert_ne!(status_key("Ferdigstilt"), status_key("Pågående"));
    }

    #[test]
    fn finished_statuses() {
        for s in [
            "Ferdigstilt",
            "ferdig",
            "Fullført",
            "Avsluttet",
            "Gjennomført",
            "Ferdigstilt i 2023",
        ] {
            assert!(is_finished(s), "{s}");
        }
        for s in [
            "Pågående",
            "Ikke gjennomført",
            "Delvis gjennomført",
            "Videreført",
            "Ikke igangsatt",
            "",
        ] {
            assert!(!is_finished(s), "{s}");
        }
    }

    fn measure(id: &str, parent: Option<&str>, status: &str, page: &str) -> Measure {
        Measure {
            id: id.into(),
            parent: parent.map(String::from),
            area: "1".into(),
            title: format!("Tiltak nummer {id}"),
            status: Some(status.into()),
            responsible: Some("AID".into()),
            lead: Some("AID".into()),
            page: Some(page.into()),
            ..Measure::default()
        }
    }

    /// A small consistent report with printed pages, which text input lacks.
    fn paged_report() -> Report {
        let measures = vec![
            measure("1", None, "Pågående", "4"),
            measure("2", None, "Ferdigstilt", "5"),
        ];
        let mut report = Report {
            departments: vec![Department {
                abbreviation: "AID".into(),
                name: "Arbeids- og inkluderingsdepartementet".into(),
            }],
            ..Report::default()
        };
        for m in &measures {
            report.headings.push(Heading {
                kind: HeadingKind::Measure,
                id: m.id.clone(),
                title: m.title.clone(),
                page: m.page.clone(),
                text: format!("Tiltak {}. {}", m.id, m.title),
            });
            report.toc.push(TocEntry {
                kind: HeadingKind::Measure,
                id: m.id.clone(),
                title: m.title.clone(),
                page: m.page.clone().unwrap(),
                text: format!("Tiltak {}. {}", m.id, m.title),
                level: 2,
            });
            report.overview.push(OverviewRow {
                area: "1".into(),
                group: String::new(),
                id: m.id.clone(),
                title: m.title.clone(),
                responsible: "AID".into(),
                status: m.status.clone().unwrap(),
                page: Some("2".into()),
            });
        }
        report.measures = measures;
        report
    }

    fn rules(report: &Report) -> Vec<(String, String)> {
        run(report)
            .into_iter()
            .map(|f| (f.rule, f.measure))
            .collect()
    }

    #[test]
    fn toc_page_mismatch_uses_printed_pages() {
        let mut report = paged_report();
        assert_eq!(rules(&report), []);
        report.toc[1].page = "6".into();
        let findings = run(&report);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            (f.rule.as_str(), f.measure.as_str(), f.page.as_deref()),
            (TOC_PAGE_MISMATCH, "2", Some("5"))
        );
        assert_eq!((f.expected.as_str(), f.found.as_str()), ("5", "6"));
        // Without a printed page (text input) there is nothing to compare.
        report.headings[1].page = None;
        assert_eq!(rules(&report), []);
    }

    #[test]
    fn findings_follow_document_order() {
        let mut report = paged_report();
        report.overview[1].status = "Pågående".into(); // row 2 contradicts its section
        report.toc[0].title = "Tiltak numer 1".into(); // TOC typo for 1
        report.overview.push(OverviewRow {
            id: "3".into(),
            ..report.overview[0].clone()
        }); // row without section
        report.summary.sentence = "Av totalt 3 tiltak er 3 pågående.".into();
        report.summary.total = Some(3);
        report.summary.counts = vec![crate::model::StatusCount {
            status: "pågående".into(),
            count: 2,
        }];
        let got = rules(&report);
        let want = [
            (SUMMARY_COUNT_MISMATCH, ""),
            (TOC_TITLE_MISMATCH, "1"),
            (TABLE_STATUS_MISMATCH, "2"),
            (TABLE_MISSING, "3"),
        ];
        assert_eq!(got, want.map(|(r, m)| (r.to_string(), m.to_string())));
    }
}

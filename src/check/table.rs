//! Overview-table rules: each row of the overview table against the section
//! of its measure.
//!
//! Gives [`Rule::TableMissing`], [`Rule::TableTitleMismatch`],
//! [`Rule::TableStatusMismatch`], [`Rule::TableResponsibleMismatch`] and
//! [`Rule::TableAreaMismatch`].

use std::collections::HashSet;

use super::compare::{area_label, measure_label, quoted_list, same, word_diff};
use super::finding;
use crate::model::{Finding, Measure, MeasureId, OverviewRow, Report, Rule};
use crate::text;
use crate::vocab::{RESPONSIBLE_LABEL, STATUS_LABEL};

/// A measure's own status, or the one status all its sub-measures share.
fn effective_status(report: &Report, measure: &Measure) -> Option<String> {
    if let Some(s) = measure.status.as_ref().filter(|s| !s.trim().is_empty()) {
        return Some(s.clone());
    }
    let subs: Vec<&Measure> = report.sub_measures(&measure.id).collect();
    let first = subs.first()?.status.clone()?;
    subs.iter()
        .all(|m| m.status.as_deref().is_some_and(|s| same(s, &first)))
        .then_some(first)
}

/// Pairs each top-level measure with its overview row by id and compares
/// them; reports measures without a row and rows that no measure or
/// sub-measure covers. A row of a sub-measure counts as covered but is not
/// compared.
pub(super) fn table(report: &Report, findings: &mut Vec<Finding>) {
    let top_level: Vec<&Measure> = report
        .measures
        .iter()
        .filter(|m| m.parent.is_none())
        .collect();
    let mut rows_seen: HashSet<&MeasureId> = HashSet::new();
    for measure in &top_level {
        let id = &measure.id;
        let name = measure_label(id);
        let Some(row) = report.row(id) else {
            // A report without any overview table is another layout, not
            // 33 missing rows.
            if !report.overview.is_empty() {
                findings.push(finding(
                    Rule::TableMissing,
                    id.to_string(),
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
            .any(|m| m.id == row.id || m.parent.as_ref() == Some(&row.id));
        if !covered && rows_seen.insert(&row.id) {
            findings.push(finding(
                Rule::TableMissing,
                row.id.to_string(),
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
    let id = measure.id.to_string();
    let name = measure_label(&measure.id);
    let page = measure.page.as_ref();
    if !same(&row.title, &measure.title) {
        findings.push(finding(
            Rule::TableTitleMismatch,
            &id,
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
            Rule::TableStatusMismatch,
            &id,
            page,
            &status,
            &row.status,
            format!(
                "{name}: the overview table gives status \"{}\" but {source} \"{STATUS_LABEL}: {status}\".",
                row.status
            ),
        ));
    }
    responsible(report, measure, row, findings);
    if !row.area.is_empty() && !measure.area.is_empty() && row.area != measure.area {
        findings.push(finding(
            Rule::TableAreaMismatch,
            &id,
            page,
            &measure.area,
            &row.area,
            format!(
                "{name} is listed under \"{}\" in the overview table but its section is under \"{}\".",
                area_label(report, &row.area),
                area_label(report, &measure.area)
            ),
        ));
    }
}

/// Maps a name in an Ansvarlig line or table cell to a comparable key: the
/// abbreviation of a department spelled out in full, else the name itself;
/// case-insensitive, since a case slip is reported as an unknown department.
fn department_key(report: &Report, name: &str) -> String {
    let full = text::label_key(name).to_lowercase();
    report
        .departments
        .iter()
        .find(|d| text::label_key(&d.name).to_lowercase() == full)
        .map_or_else(
            || name.trim().to_lowercase(),
            |d| d.abbreviation.to_lowercase(),
        )
}

/// Compares an overview row's responsible cell with the Ansvarlig lines of
/// its section: the cell must name every lead and nothing the section does
/// not name; partners may be left out.
fn responsible(report: &Report, measure: &Measure, row: &OverviewRow, findings: &mut Vec<Finding>) {
    if row.responsible.trim().is_empty() {
        return;
    }
    // A parent without its own Ansvarlig line answers through its
    // sub-measures: the table must name each of their leads.
    let sections: Vec<&Measure> = if measure.lead.is_some() {
        vec![measure]
    } else {
        report
            .sub_measures(&measure.id)
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
    let cell = &row.ministries;
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
        Rule::TableResponsibleMismatch,
        measure.id.to_string(),
        measure.page.as_ref(),
        &section_text,
        &row.responsible,
        format!(
            "{}: the overview table gives \"{}\" as responsible but the section says \"{RESPONSIBLE_LABEL}: {section_text}\" (the table {}).",
            measure_label(&measure.id),
            row.responsible,
            problems.join(" and ")
        ),
    ));
}

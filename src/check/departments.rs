//! Department rule: every name in an Ansvarlig line or an overview
//! responsible cell against the report's list of departments and
//! directorates.
//!
//! Gives [`Rule::UnknownDepartment`].

use std::collections::HashSet;

use super::compare::{measure_label, same};
use super::finding;
use crate::model::{Finding, MeasureId, Report, Rule, Severity};
use crate::vocab::RESPONSIBLE_LABEL;

/// Reports each name that is neither an abbreviation nor a full name from
/// the department list, once per measure and name, noting when only the
/// case differs from a listed abbreviation.
pub(super) fn departments(report: &Report, findings: &mut Vec<Finding>) {
    if report.departments.is_empty() {
        // Without a department list there is nothing to check names
        // against: one note says so instead of a warning per name.
        no_list(report, findings);
        return;
    }
    let mut reported: HashSet<(MeasureId, String)> = HashSet::new();
    let mut check = |measure: &MeasureId, page: Option<&String>, name: &str, place: &str| {
        let name = name.trim();
        if name.is_empty()
            || report
                .departments
                .iter()
                .any(|d| d.abbreviation == name || same(&d.name, name))
            || !reported.insert((measure.clone(), name.to_string()))
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
            Rule::UnknownDepartment,
            measure.to_string(),
            page,
            expected,
            name,
            message,
        ));
    };
    for m in &report.measures {
        for name in m.lead.iter().chain(&m.partners) {
            check(
                &m.id,
                m.page.as_ref(),
                name,
                &format!("the {RESPONSIBLE_LABEL} line"),
            );
        }
    }
    for row in &report.overview {
        for name in &row.ministries {
            check(&row.id, row.page.as_ref(), name, "the overview table");
        }
    }
}

/// The note for a report that names ministries but defines none.
fn no_list(report: &Report, findings: &mut Vec<Finding>) {
    let mut names: Vec<&str> = report
        .measures
        .iter()
        .flat_map(|m| m.lead.iter().chain(&m.partners))
        .chain(report.overview.iter().flat_map(|r| &r.ministries))
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return;
    }
    findings.push(Finding {
        rule: Rule::UnknownDepartment,
        severity: Severity::Info,
        measure: "Departments".to_string(),
        page: None,
        expected: String::new(),
        found: names.join(", "),
        message: format!(
            "The report has no list of departments and directorates, so the {} names it uses ({}) are not checked.",
            names.len(),
            names.join(", ")
        ),
    });
}

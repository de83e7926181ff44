//! Status across years: one row per measure, one status per report.
//!
//! Takes reports ordered by as-of date, gives a [`Timeline`]. A parent
//! measure without a status of its own (its sub-measures carry them) takes
//! the status its overview-table row gives.

use serde::Serialize;

use crate::model::{MeasureId, Report};

/// Statuses of every measure across reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The reports' as-of dates, oldest first.
    pub as_of: Vec<String>,
    /// One row per measure id, in first-seen document order.
    pub rows: Vec<TimelineRow>,
}

/// One measure across reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    /// The measure id.
    pub id: MeasureId,
    /// The title in the newest report that has the measure.
    pub title: String,
    /// Status per report (`None` where the report lacks the measure).
    pub statuses: Vec<Option<String>>,
}

/// Builds the timeline of reports already sorted by as-of date.
pub fn build(reports: &[&Report]) -> Timeline {
    let mut rows: Vec<TimelineRow> = Vec::new();
    for report in reports {
        for m in &report.measures {
            match rows.iter_mut().find(|r| r.id == m.id) {
                Some(row) => row.title = m.title.clone(),
                None => rows.push(row(&m.id, &m.title)),
            }
        }
        // Rows only the overview table has (a parent whose section has no
        // own heading title would already be there).
        for r in &report.overview {
            if !rows.iter().any(|row| row.id == r.id) {
                rows.push(row(&r.id, &r.title));
            }
        }
    }
    for row in &mut rows {
        row.statuses = reports.iter().map(|r| r.status_of(&row.id)).collect();
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Timeline {
        as_of: reports.iter().map(|r| r.as_of.clone()).collect(),
        rows,
    }
}

fn row(id: &MeasureId, title: &str) -> TimelineRow {
    TimelineRow {
        id: id.clone(),
        title: title.to_string(),
        statuses: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, OverviewRow};

    fn report(as_of: &str, statuses: &[(&str, &str)]) -> Report {
        Report {
            as_of: as_of.into(),
            measures: statuses
                .iter()
                .map(|(id, s)| Measure {
                    id: id.parse().unwrap(),
                    title: format!("T{id}"),
                    status: Some(s.to_string()),
                    ..Measure::default()
                })
                .collect(),
            ..Report::default()
        }
    }

    #[test]
    fn rows_follow_ids_and_fill_gaps() {
        let mut old = report("2023-12-31", &[("1", "Pågående"), ("10", "Pågående")]);
        old.overview.push(OverviewRow {
            area: "1".into(),
            group: String::new(),
            id: MeasureId::new(9),
            title: "T9".into(),
            responsible: "KD".into(),
            status: "Ferdigstilt".into(),
            page: None,
            ministries: vec!["KD".into()],
            extra: Vec::new(),
        });
        let new = report("2024-12-31", &[("1", "Ferdigstilt"), ("11", "Avsluttet")]);
        let t = build(&[&old, &new]);
        let got: Vec<_> = t
            .rows
            .iter()
            .map(|r| (r.id.to_string(), r.statuses.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "1".to_string(),
                    vec![Some("Pågående".into()), Some("Ferdigstilt".into())]
                ),
                ("9".to_string(), vec![Some("Ferdigstilt".into()), None]),
                ("10".to_string(), vec![Some("Pågående".into()), None]),
                ("11".to_string(), vec![None, Some("Avsluttet".into())]),
            ]
        );
    }
}

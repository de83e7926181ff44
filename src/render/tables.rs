//! The tables of the output contract as plain rows of text.
//!
//! Every tabular output (CSV files, the sheets of an xlsx workbook,
//! `timeline.csv`) is built here once, so the formats cannot drift apart.
//! Columns are fixed by the contract (`cli-and-outputs.md`); new columns
//! may only be added at the end.

use crate::diff::Diff;
use crate::model::{Change, Finding, Report};
use crate::render::lang::Lang;
use crate::timeline::Timeline;

/// A named table: a header row and data rows of equal length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file stem (`measures` for `measures.csv`).
    pub name: &'static str,
    /// Column names.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(name: &'static str, header: &[&str]) -> Table {
        Table {
            name,
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn push<const N: usize>(&mut self, row: [&str; N]) {
        self.rows.push(row.iter().map(|c| c.to_string()).collect());
    }
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

/// `toc`: `kind,id,title,page`, then `level` (an addition to the contract).
pub fn toc(report: &Report) -> Table {
    let mut t = Table::new("toc", &["kind", "id", "title", "page", "level"]);
    for e in &report.toc {
        t.push([
            e.kind.as_str(),
            &e.id,
            &e.title,
            &e.page,
            &e.level.to_string(),
        ]);
    }
    t
}

/// `overview`: `area,group,id,title,responsible,status`, then a column for
/// each extra column of the report's table (`comment`, …), if any.
pub fn overview(report: &Report) -> Table {
    let mut extra: Vec<&str> = Vec::new();
    for e in report.overview.iter().flat_map(|r| &r.extra) {
        if !extra.contains(&e.column.as_str()) {
            extra.push(&e.column);
        }
    }
    let mut header = vec!["area", "group", "id", "title", "responsible", "status"];
    header.extend(&extra);
    let mut t = Table::new("overview", &header);
    for r in &report.overview {
        let mut row = vec![
            r.area.clone(),
            r.group.clone(),
            r.id.to_string(),
            r.title.clone(),
            r.responsible.clone(),
            r.status.clone(),
        ];
        row.extend(extra.iter().map(|column| {
            r.extra
                .iter()
                .find(|e| e.column == *column)
                .map_or_else(String::new, |e| e.value.clone())
        }));
        t.rows.push(row);
    }
    t
}

/// `measures`: `id,parent,area,title,status,responsible,lead,partners,page,description,progress`.
pub fn measures(report: &Report) -> Table {
    let mut t = Table::new(
        "measures",
        &[
            "id",
            "parent",
            "area",
            "title",
            "status",
            "responsible",
            "lead",
            "partners",
            "page",
            "description",
            "progress",
        ],
    );
    for m in &report.measures {
        let parent = m.parent.as_ref().map(ToString::to_string);
        t.push([
            &m.id.to_string(),
            opt(&parent),
            &m.area,
            &m.title,
            opt(&m.status),
            opt(&m.responsible),
            opt(&m.lead),
            &m.partners.join(";"),
            opt(&m.page),
            &m.description,
            &m.progress,
        ]);
    }
    t
}

/// `departments`: `abbreviation,name`.
pub fn departments(report: &Report) -> Table {
    let mut t = Table::new("departments", &["abbreviation", "name"]);
    for d in &report.departments {
        t.push([&d.abbreviation, &d.name]);
    }
    t
}

/// `commitments`: `measure,due,text`.
pub fn commitments(report: &Report) -> Table {
    let mut t = Table::new("commitments", &["measure", "due", "text"]);
    for c in &report.commitments {
        t.push([&c.measure.to_string(), &c.due.to_string(), &c.text]);
    }
    t
}

/// The five tables of `tiltak parse`, in contract order.
pub fn report_tables(report: &Report) -> Vec<Table> {
    vec![
        toc(report),
        overview(report),
        measures(report),
        departments(report),
        commitments(report),
    ]
}

/// `findings`: `rule,severity,measure,page,expected,found,message`.
pub fn findings(findings: &[Finding]) -> Table {
    let mut t = Table::new(
        "findings",
        &[
            "rule", "severity", "measure", "page", "expected", "found", "message",
        ],
    );
    for f in findings {
        t.push([
            f.rule.as_str(),
            f.severity.as_str(),
            &f.measure,
            opt(&f.page),
            &f.expected,
            &f.found,
            &f.message,
        ]);
    }
    t
}

/// `changes`: `measure,field,change,old,new`.
pub fn changes(changes: &[Change]) -> Table {
    let mut t = Table::new("changes", &["measure", "field", "change", "old", "new"]);
    for c in changes {
        let measure = c.measure.as_ref().map(ToString::to_string);
        t.push([
            opt(&measure),
            &c.field.to_string(),
            c.change.as_str(),
            &c.old,
            &c.new,
        ]);
    }
    t
}

/// `commitments` of a diff folder:
/// `measure,title,due,promise,new_status,evidence,verdict,reason`; the
/// verdict as its stable id, the reason in `lang`.
pub fn follow_ups(diff: &Diff, lang: Lang) -> Table {
    let mut t = Table::new(
        "commitments",
        &[
            "measure",
            "title",
            "due",
            "promise",
            "new_status",
            "evidence",
            "verdict",
            "reason",
        ],
    );
    for f in &diff.commitments {
        t.push([
            &f.measure.to_string(),
            &f.title,
            &f.due.to_string(),
            &f.promise,
            opt(&f.new_status),
            opt(&f.evidence),
            f.verdict.as_str(),
            lang.reason(f.reason),
        ]);
    }
    t
}

/// `timeline`: `id,title`, then one status column per as-of year.
pub fn timeline(timeline: &Timeline) -> Table {
    let mut t = Table::new("timeline", &["id", "title"]);
    t.header.extend(
        timeline
            .as_of
            .iter()
            .map(|d| d.get(..4).unwrap_or(d).to_string()),
    );
    for row in &timeline.rows {
        let mut record = vec![row.id.to_string(), row.title.clone()];
        record.extend(row.statuses.iter().map(|s| s.clone().unwrap_or_default()));
        t.rows.push(record);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Extra, MeasureId, OverviewRow};

    #[test]
    fn extra_columns_follow_the_contracts() {
        let row = |n: u32, comment: Option<&str>| OverviewRow {
            id: MeasureId::new(n),
            title: format!("T{n}"),
            extra: comment
                .map(|c| Extra {
                    column: "comment".into(),
                    value: c.into(),
                })
                .into_iter()
                .collect(),
            ..OverviewRow::default()
        };
        let mut report = Report::default();
        assert_eq!(overview(&report).header.len(), 6);
        report.overview = vec![row(1, Some("I rute")), row(2, None)];
        let t = overview(&report);
        assert_eq!(t.header.last().map(String::as_str), Some("comment"));
        assert_eq!(t.rows[0][6], "I rute");
        assert_eq!(t.rows[1][6], "");
    }
}

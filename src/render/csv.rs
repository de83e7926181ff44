//! CSV tables: one writer per file of the output contract.
//!
//! Columns are fixed by the contract (`../shared/spec/cli-and-outputs.md`);
//! new columns may only be added at the end.

use std::io::Write;

use crate::model::{Change, Finding, Report};

/// CSV dialect: plain RFC 4180 for scripts, or what Norwegian Excel expects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dialect {
    /// Write a UTF-8 byte order mark and use `;` as separator.
    pub excel: bool,
}

fn writer<W: Write>(mut out: W, dialect: Dialect) -> std::io::Result<csv::Writer<W>> {
    if dialect.excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new()
        .delimiter(if dialect.excel { b';' } else { b',' })
        .from_writer(out))
}

fn finish<W: Write>(w: csv::Writer<W>) -> std::io::Result<()> {
    w.into_inner().map_err(|e| e.into_error())?.flush()
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

/// `toc.csv`: `kind,id,title,page`.
pub fn toc<W: Write>(report: &Report, out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record(["kind", "id", "title", "page"])?;
    for e in &report.toc {
        w.write_record([e.kind.as_str(), &e.id, &e.title, &e.page])?;
    }
    finish(w)
}

/// `overview.csv`: `area,group,id,title,responsible,status`.
pub fn overview<W: Write>(report: &Report, out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record(["area", "group", "id", "title", "responsible", "status"])?;
    for r in &report.overview {
        w.write_record([
            &r.area,
            &r.group,
            &r.id,
            &r.title,
            &r.responsible,
            &r.status,
        ])?;
    }
    finish(w)
}

/// `measures.csv`: `id,parent,area,title,status,responsible,lead,partners,page,description,progress`.
pub fn measures<W: Write>(report: &Report, out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record([
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
    ])?;
    for m in &report.measures {
        w.write_record([
            m.id.as_str(),
            opt(&m.parent),
            &m.area,
            &m.title,
            opt(&m.status),
            opt(&m.responsible),
            opt(&m.lead),
            &m.partners.join(";"),
            opt(&m.page),
            &m.description,
            &m.progress,
        ])?;
    }
    finish(w)
}

/// `departments.csv`: `abbreviation,name`.
pub fn departments<W: Write>(report: &Report, out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record(["abbreviation", "name"])?;
    for d in &report.departments {
        w.write_record([&d.abbreviation, &d.name])?;
    }
    finish(w)
}

/// `commitments.csv`: `measure,due,text`.
pub fn commitments<W: Write>(report: &Report, out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record(["measure", "due", "text"])?;
    for c in &report.commitments {
        w.write_record([&c.measure, &c.due, &c.text])?;
    }
    finish(w)
}

/// `findings.csv`: `rule,severity,measure,page,expected,found,message`.
pub fn findings<W: Write>(findings: &[Finding], out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record([
        "rule", "severity", "measure", "page", "expected", "found", "message",
    ])?;
    for f in findings {
        w.write_record([
            f.rule.as_str(),
            f.severity.as_str(),
            &f.measure,
            opt(&f.page),
            &f.expected,
            &f.found,
            &f.message,
        ])?;
    }
    finish(w)
}

/// `changes.csv`: `measure,field,change,old,new`.
pub fn changes<W: Write>(changes: &[Change], out: W, dialect: Dialect) -> std::io::Result<()> {
    let mut w = writer(out, dialect)?;
    w.write_record(["measure", "field", "change", "old", "new"])?;
    for c in changes {
        w.write_record([&c.measure, &c.field, &c.change, &c.old, &c.new])?;
    }
    finish(w)
}

//! The file sets of the output contract, written through an [`OutputSet`].

use crate::error::Result;
use crate::model::{Finding, Report};
use crate::render::csv::{self, Dialect};
use crate::render::lang::Lang;
use crate::render::output::OutputSet;
use crate::render::sheets::{self, Sheet};
use crate::render::tables::{self, Table};

/// Which kinds of file to write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Formats {
    /// CSV tables.
    pub csv: bool,
    /// JSON documents.
    pub json: bool,
    /// Markdown summaries.
    pub md: bool,
    /// HTML pages (diff only).
    pub html: bool,
    /// One Excel workbook, a sheet per table.
    pub xlsx: bool,
    /// The language of what a person reads (CSV and JSON keep the
    /// contract's names whatever it is).
    pub lang: Lang,
}

fn add_tables(
    set: &mut OutputSet,
    tables: &[Table],
    workbook: (&str, &dyn Fn() -> Vec<Sheet>),
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    if formats.csv {
        for table in tables {
            set.add(&format!("{}.csv", table.name), |w| {
                csv::write(table, w, dialect)
            })?;
        }
    }
    if formats.xlsx {
        let (name, sheets) = workbook;
        set.add(name, |w| crate::render::xlsx::write(&sheets(), w))?;
    }
    Ok(())
}

fn add_json<T: serde::Serialize>(set: &mut OutputSet, name: &str, value: &T) -> Result<()> {
    set.add(name, |w| {
        serde_json::to_writer_pretty(&mut *w, value)?;
        writeln!(w)
    })
}

/// Adds the files of `tiltak parse`: `toc.csv`, `overview.csv`,
/// `measures.csv`, `departments.csv`, `commitments.csv`, `report.xlsx`,
/// `report.json`, `report.md`.
///
/// `findings` (when checked) go into the workbook's summary sheet; `pdf`
/// is the report's file as a link from the output folder.
pub fn report(
    set: &mut OutputSet,
    report: &Report,
    findings: Option<&[Finding]>,
    pdf: Option<&str>,
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    let sheets = || sheets::report(report, findings, pdf, formats.lang);
    add_tables(
        set,
        &tables::report_tables(report),
        ("report.xlsx", &sheets),
        formats,
        dialect,
    )?;
    if formats.json {
        add_json(set, "report.json", report)?;
    }
    if formats.md {
        set.add("report.md", |w| {
            crate::render::markdown::report(report, formats.lang, w)
        })?;
    }
    Ok(())
}

/// Adds the files of `tiltak check`: `findings.csv`, `findings.xlsx`,
/// `findings.json`, `findings.md`.
pub fn findings(
    set: &mut OutputSet,
    report: &Report,
    findings: &[Finding],
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    let sheets = || sheets::findings(findings, formats.lang);
    add_tables(
        set,
        &[tables::findings(findings)],
        ("findings.xlsx", &sheets),
        formats,
        dialect,
    )?;
    if formats.json {
        add_json(set, "findings.json", &findings)?;
    }
    if formats.md {
        set.add("findings.md", |w| {
            crate::render::findings::markdown(report, findings, formats.lang, w)
        })?;
    }
    Ok(())
}

/// Adds the files of `tiltak diff`: `changes.csv`, `commitments.csv`,
/// `changes.xlsx`, `diff.json`, `diff.md`, `diff.html`.
///
/// `pdfs` locates the two PDFs from the output folder, for page links.
pub fn diff(
    set: &mut OutputSet,
    diff: &crate::diff::Diff,
    pdfs: &crate::render::diff::PdfLinks,
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    let sheets = || sheets::diff(diff, formats.lang);
    add_tables(
        set,
        &[
            tables::changes(&diff.changes),
            tables::follow_ups(diff, formats.lang),
        ],
        ("changes.xlsx", &sheets),
        formats,
        dialect,
    )?;
    if formats.json {
        add_json(set, "diff.json", diff)?;
    }
    if formats.md {
        set.add("diff.md", |w| {
            crate::render::diff::markdown(diff, formats.lang, w)
        })?;
    }
    if formats.html {
        set.add("diff.html", |w| {
            crate::render::diff::html(diff, formats.lang, pdfs, w)
        })?;
    }
    Ok(())
}

//! The file sets of the output contract: which files `tiltak parse`,
//! `check` and `diff` write, each rendered into a [`Sink`]. The command
//! line's sink is a folder ([`OutputSet`]); a caller without one (the
//! browser) lists the names with [`Names`] or renders one file with
//! [`Pick`], so both always name and render the same files.

use std::io::Write;

use crate::error::Result;
use crate::model::{Finding, Report};
use crate::render::csv::{self, Dialect};
use crate::render::lang::Lang;
use crate::render::output::OutputSet;
use crate::render::sheets::{self, Sheet};
use crate::render::tables::{self, Table};

/// Where the files of a set go.
pub trait Sink {
    /// Takes the file `name`, rendered by `render` (which a sink may
    /// leave uncalled when it does not want the file's bytes).
    fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()>;
}

impl Sink for OutputSet {
    fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        OutputSet::add(self, name, render)
    }
}

/// The names of a set's files, in the order they are written; nothing is
/// rendered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(pub Vec<String>);

impl Sink for Names {
    fn add(
        &mut self,
        name: &str,
        _render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.0.push(name.to_string());
        Ok(())
    }
}

/// One file of a set, rendered into memory; the others are not rendered.
#[derive(Debug, Clone)]
pub struct Pick {
    name: String,
    bytes: Option<Vec<u8>>,
}

impl Pick {
    /// Wants the file called `name`.
    pub fn new(name: &str) -> Pick {
        Pick {
            name: name.to_string(),
            bytes: None,
        }
    }

    /// The file's bytes, or `None` when the set has no file of that name.
    pub fn into_bytes(self) -> Option<Vec<u8>> {
        self.bytes
    }
}

impl Sink for Pick {
    fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        if name == self.name {
            let mut bytes = Vec::new();
            render(&mut bytes).map_err(|source| crate::Error::Write {
                path: name.into(),
                source,
            })?;
            self.bytes = Some(bytes);
        }
        Ok(())
    }
}

impl Formats {
    /// Every kind of file, what a person reads in `lang`: what the main
    /// job writes.
    pub const fn every(lang: Lang) -> Formats {
        Formats {
            csv: true,
            json: true,
            md: true,
            html: true,
            xlsx: true,
            lang,
        }
    }
}

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
    set: &mut impl Sink,
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

fn add_json<T: serde::Serialize>(set: &mut impl Sink, name: &str, value: &T) -> Result<()> {
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
    set: &mut impl Sink,
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
    set: &mut impl Sink,
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
    set: &mut impl Sink,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;

    fn parse_set(sink: &mut impl Sink, report: &Report) -> Result<()> {
        let formats = Formats {
            html: false,
            ..Formats::every(Lang::Nb)
        };
        self::report(sink, report, None, None, formats, Dialect::default())
    }

    #[test]
    fn names_lists_the_contracts_files_without_rendering() {
        let report = Report {
            plan_title: "Handlingsplan".into(),
            ..Report::default()
        };
        let mut names = Names::default();
        parse_set(&mut names, &report).unwrap();
        // The files `tiltak parse --out` writes, as the contract lists them.
        let expected = [
            "toc.csv",
            "overview.csv",
            "measures.csv",
            "departments.csv",
            "commitments.csv",
            "report.xlsx",
            "report.json",
            "report.md",
        ];
        assert_eq!(names.0, expected);
        let mut never = Names::default();
        never
            .add("x.csv", |_| panic!("Names must not render"))
            .unwrap();
    }

    #[test]
    fn pick_renders_the_bytes_a_folder_gets() {
        let report = Report {
            plan_title: "Handlingsplan".into(),
            as_of: "2023-12-31".into(),
            ..Report::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let mut set = OutputSet::new(dir.path()).unwrap();
        parse_set(&mut set, &report).unwrap();
        set.commit().unwrap();
        for name in ["measures.csv", "report.json", "report.md"] {
            let mut pick = Pick::new(name);
            parse_set(&mut pick, &report).unwrap();
            let on_disk = std::fs::read(dir.path().join(name)).unwrap();
            assert_eq!(pick.into_bytes().unwrap(), on_disk, "{name}");
        }
        let mut missing = Pick::new("diff.html");
        parse_set(&mut missing, &report).unwrap();
        assert_eq!(missing.into_bytes(), None);
    }
}

//! The file sets of the output contract, written through an [`OutputSet`].

use crate::error::Result;
use crate::model::{Finding, Report};
use crate::render::csv::{self, Dialect};
use crate::render::output::OutputSet;

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
}

/// Adds the files of `tiltak parse`: `toc.csv`, `overview.csv`,
/// `measures.csv`, `departments.csv`, `commitments.csv`, `report.json`,
/// `report.md`.
pub fn report(
    set: &mut OutputSet,
    report: &Report,
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    if formats.csv {
        set.add("toc.csv", |w| csv::toc(report, w, dialect))?;
        set.add("overview.csv", |w| csv::overview(report, w, dialect))?;
        set.add("measures.csv", |w| csv::measures(report, w, dialect))?;
        set.add("departments.csv", |w| csv::departments(report, w, dialect))?;
        set.add("commitments.csv", |w| csv::commitments(report, w, dialect))?;
    }
    if formats.json {
        set.add("report.json", |w| {
            serde_json::to_writer_pretty(&mut *w, report)?;
            writeln!(w)
        })?;
    }
    if formats.md {
        set.add("report.md", |w| crate::render::markdown::report(report, w))?;
    }
    Ok(())
}

/// Adds the files of `tiltak check`: `findings.csv`, `findings.json`,
/// `findings.md`.
pub fn findings(
    set: &mut OutputSet,
    report: &Report,
    findings: &[Finding],
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    if formats.csv {
        set.add("findings.csv", |w| csv::findings(findings, w, dialect))?;
    }
    if formats.json {
        set.add("findings.json", |w| {
            serde_json::to_writer_pretty(&mut *w, findings)?;
            writeln!(w)
        })?;
    }
    if formats.md {
        set.add("findings.md", |w| {
            crate::render::findings::markdown(report, findings, w)
        })?;
    }
    Ok(())
}

/// Adds the files of `tiltak diff`: `changes.csv`, `diff.json`, `diff.md`,
/// `diff.html`.
pub fn diff(
    set: &mut OutputSet,
    diff: &crate::diff::Diff,
    formats: Formats,
    dialect: Dialect,
) -> Result<()> {
    if formats.csv {
        set.add("changes.csv", |w| csv::changes(&diff.changes, w, dialect))?;
    }
    if formats.json {
        set.add("diff.json", |w| {
            serde_json::to_writer_pretty(&mut *w, diff)?;
            writeln!(w)
        })?;
    }
    if formats.md {
        set.add("diff.md", |w| crate::render::diff::markdown(diff, w))?;
    }
    if formats.html {
        set.add("diff.html", |w| crate::render::diff::html(diff, w))?;
    }
    Ok(())
}

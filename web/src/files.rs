//! The files of the command line, rendered in memory.
//!
//! The command line writes through `render::files` into a folder; the
//! browser has no folder, so this module names the same files and renders
//! each on demand with the same renderers and the same (default) CSV
//! dialect, giving bytes. Errors are one sentence, as strings, because
//! JavaScript shows them as they are.

use std::path::Path;

use serde::Serialize;
use tiltak::batch::Batch;
use tiltak::model::{Finding, Report};
use tiltak::render::csv::{self, Dialect};
use tiltak::render::diff::PdfLinks;
use tiltak::render::lang::Lang;
use tiltak::render::sheets;
use tiltak::render::tables::{self, Table};

/// How the two dropped files are named in the one error about them both
/// (the command line names the folder they came from).
const DROPPED: &str = "the files dropped on the page";

/// One report with its findings and warnings.
#[derive(Debug, Clone)]
pub struct ReadingFiles {
    /// The records.
    pub report: Report,
    /// What `tiltak check` finds in them.
    pub findings: Vec<Finding>,
    /// What reading had to mend, one sentence each, naming the file.
    pub warnings: Vec<String>,
}

impl ReadingFiles {
    /// Reads and checks the report in `bytes`, named `name`.
    pub fn read(name: &str, bytes: &[u8]) -> Result<ReadingFiles, String> {
        let (report, warnings) =
            tiltak::read_report_bytes(bytes, Path::new(name)).map_err(|e| e.to_string())?;
        let findings = tiltak::check::run(&report);
        Ok(ReadingFiles {
            report,
            findings,
            warnings,
        })
    }

    /// The files of `tiltak parse` then `tiltak check`, as they name them.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = tables::report_tables(&self.report)
            .iter()
            .map(|t| format!("{}.csv", t.name))
            .collect();
        names.extend(
            [
                "report.xlsx",
                "report.json",
                "report.md",
                "findings.csv",
                "findings.xlsx",
                "findings.json",
                "findings.md",
            ]
            .map(String::from),
        );
        names
    }

    /// The bytes of the file called `name`, as the command line writes it.
    pub fn file(&self, name: &str) -> Result<Vec<u8>, String> {
        let report_tables = tables::report_tables(&self.report);
        let (report, findings, lang) = (&self.report, &self.findings, Lang::default());
        let bytes = match name {
            // No page links: the browser has the PDF but no file to link to.
            "report.xlsx" => render(|w| {
                tiltak::render::xlsx::write(&sheets::report(report, Some(findings), None, lang), w)
            }),
            "report.json" => json(report),
            "report.md" => render(|w| tiltak::render::markdown::report(report, lang, w)),
            "findings.csv" => csv_table(&tables::findings(findings)),
            "findings.xlsx" => {
                render(|w| tiltak::render::xlsx::write(&sheets::findings(findings, lang), w))
            }
            "findings.json" => json(findings),
            "findings.md" => {
                render(|w| tiltak::render::findings::markdown(report, findings, lang, w))
            }
            _ => match report_tables
                .iter()
                .find(|t| format!("{}.csv", t.name) == name)
            {
                Some(table) => csv_table(table),
                None => return Err(unknown(name)),
            },
        };
        bytes.map_err(|e| format!("{name}: cannot be rendered: {e}"))
    }
}

/// Two reports compared, oldest first, as the main job compares them.
#[derive(Debug, Clone)]
pub struct ComparisonFiles {
    /// The comparison and timeline of the two reports.
    pub batch: Batch,
}

impl ComparisonFiles {
    /// Compares two reports in as-of order; two with the same as-of date
    /// are refused, as the main job refuses them.
    pub fn compare(a: &Report, b: &Report) -> Result<ComparisonFiles, String> {
        let batch = Batch::build(vec![a.clone(), b.clone()], Path::new(DROPPED))
            .map_err(|e| e.to_string())?;
        if batch.diffs.len() != 1 {
            return Err("two reports are needed for a comparison".into());
        }
        Ok(ComparisonFiles { batch })
    }

    /// The comparison.
    pub fn diff(&self) -> &tiltak::diff::Diff {
        &self.batch.diffs[0].diff
    }

    /// The files of `tiltak diff`, then the main job's `timeline.csv`.
    pub fn names(&self) -> Vec<String> {
        [
            "changes.csv",
            "commitments.csv",
            "changes.xlsx",
            "diff.json",
            "diff.md",
            "diff.html",
            "timeline.csv",
        ]
        .map(String::from)
        .to_vec()
    }

    /// The bytes of the file called `name`, as the command line writes it.
    pub fn file(&self, name: &str) -> Result<Vec<u8>, String> {
        let (diff, lang) = (self.diff(), Lang::default());
        let bytes = match name {
            "changes.csv" => csv_table(&tables::changes(&diff.changes)),
            "commitments.csv" => csv_table(&tables::follow_ups(diff, lang)),
            "changes.xlsx" => {
                render(|w| tiltak::render::xlsx::write(&sheets::diff(diff, lang), w))
            }
            "diff.json" => json(diff),
            "diff.md" => render(|w| tiltak::render::diff::markdown(diff, lang, w)),
            "diff.html" => render(|w| {
                tiltak::render::diff::html(diff, lang, &PdfLinks::default(), w)
            }),
            "timeline.csv" => csv_table(&tables::timeline(&self.batch.timeline)),
            _ => return Err(unknown(name)),
        };
        bytes.map_err(|e| format!("{name}: cannot be rendered: {e}"))
    }
}

fn unknown(name: &str) -> String {
    format!("{name}: not a file tiltak writes")
}

/// Runs a renderer into memory.
fn render(
    f: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    f(&mut bytes)?;
    Ok(bytes)
}

fn csv_table(table: &Table) -> std::io::Result<Vec<u8>> {
    render(|w| csv::write(table, w, Dialect::default()))
}

/// Pretty JSON with a final newline, as the command line writes it.
fn json<T: Serialize>(value: &T) -> std::io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

//! The main job as a library: many reports of one plan in, one folder of
//! outputs.
//!
//! Takes the reports already read (one per file), gives a [`Batch`]: the
//! reports in as-of order with their findings and output folders, a diff
//! for each consecutive pair, and the status timeline. [`Batch::write`]
//! writes every file of the output contract; each folder is replaced whole
//! or not at all ([`FolderSet`]), then the files of the outputs folder
//! itself ([`OutputSet`]). Reading files, progress and printing stay
//! with the caller.

use std::path::{Path, PathBuf};

use crate::diff::{self, Diff};
use crate::error::{Error, Result};
use crate::model::{Finding, Report};
use crate::render::csv::Dialect;
use crate::render::diff::PdfLinks;
use crate::render::files::{self, Formats};
use crate::render::index::{self, DiffEntry, Index, ReportEntry, Skipped};
use crate::render::folder::FolderSet;
use crate::render::lang::Lang;
use crate::render::output::OutputSet;
use crate::render::relative_href;
use crate::render::tables;
use crate::timeline::{self, Timeline};

/// Every format: the main job writes them all.
const ALL: Formats = Formats {
    csv: true,
    json: true,
    md: true,
    html: true,
    xlsx: true,
    lang: crate::render::lang::Lang::Nb,
};

/// Reports, their findings, the diffs between consecutive ones and the
/// timeline, ready to be written.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The reports, oldest as-of date first.
    pub reports: Vec<Checked>,
    /// One diff per pair of consecutive reports.
    pub diffs: Vec<Compared>,
    /// The status of every measure in every report.
    pub timeline: Timeline,
    /// The folder the reports were read from, for links to their pages.
    pub inputs: PathBuf,
    /// Inputs that could not be read, for the landing page to name.
    pub skipped: Vec<Skipped>,
}

/// One report with its findings.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The report.
    pub report: Report,
    /// What the checks found in it.
    pub findings: Vec<Finding>,
    /// Its folder under the outputs: the as-of year, e.g. `2023`.
    pub folder: String,
}

/// The diff of two consecutive reports.
#[derive(Debug, Clone)]
pub struct Compared {
    /// The comparison.
    pub diff: Diff,
    /// Its folder under the outputs, e.g. `diff-2023-2024`.
    pub folder: String,
}

impl Batch {
    /// Orders `reports` by as-of date, checks each, compares consecutive
    /// ones and builds the timeline.
    ///
    /// Two reports with the same as-of date are refused: their folders
    /// would overwrite each other and the diff between them says nothing.
    /// `inputs` names the folder they came from in that error.
    pub fn build(mut reports: Vec<Report>, inputs: &Path) -> Result<Batch> {
        reports.sort_by(|a, b| a.as_of.cmp(&b.as_of));
        if let Some(pair) = reports.windows(2).find(|p| p[0].as_of == p[1].as_of) {
            return Err(Error::SameAsOf {
                first: pair[0].source.clone(),
                second: pair[1].source.clone(),
                as_of: pair[0].as_of.clone(),
                dir: inputs.to_path_buf(),
            });
        }
        let diffs = reports
            .windows(2)
            .map(|pair| Compared {
                diff: diff::run(&pair[0], &pair[1]),
                folder: format!("diff-{}-{}", year(&pair[0]), year(&pair[1])),
            })
            .collect();
        let timeline = timeline::build(&reports.iter().collect::<Vec<_>>());
        let reports = reports
            .into_iter()
            .map(|report| Checked {
                findings: crate::check::run(&report),
                folder: year(&report),
                report,
            })
            .collect();
        Ok(Batch {
            reports,
            diffs,
            timeline,
            inputs: inputs.to_path_buf(),
            skipped: Vec::new(),
        })
    }

    /// Writes every output under `outputs`: a folder per report and per
    /// diff, then `timeline.csv` and `index.html`. Returns the folders
    /// written, in that order, and the index page last.
    /// What a person reads is in `lang`.
    pub fn write(&self, outputs: &Path, dialect: Dialect, lang: Lang) -> Result<Vec<PathBuf>> {
        let all = Formats { lang, ..ALL };
        let mut written = Vec::new();
        for checked in &self.reports {
            let dir = outputs.join(&checked.folder);
            let mut folder = FolderSet::new(&dir)?;
            let set = folder.files();
            let pdf = relative_href(&dir, &self.inputs.join(&checked.report.source));
            files::report(
                set,
                &checked.report,
                Some(&checked.findings),
                pdf.as_deref(),
                all,
                dialect,
            )?;
            files::findings(set, &checked.report, &checked.findings, all, dialect)?;
            written.push(folder.commit()?);
        }
        for compared in &self.diffs {
            let dir = outputs.join(&compared.folder);
            let mut folder = FolderSet::new(&dir)?;
            let pdf = |source: &str| relative_href(&dir, &self.inputs.join(source));
            let pdfs = PdfLinks {
                old: pdf(&compared.diff.old.source),
                new: pdf(&compared.diff.new.source),
            };
            files::diff(folder.files(), &compared.diff, &pdfs, all, dialect)?;
            written.push(folder.commit()?);
        }
        let mut set = OutputSet::new(outputs)?;
        set.add("timeline.csv", |w| {
            crate::render::csv::write(&tables::timeline(&self.timeline), w, dialect)
        })?;
        set.add("index.html", |w| self.index(lang, w))?;
        set.commit()?;
        written.push(outputs.join("index.html"));
        Ok(written)
    }

    /// `index.html`: the landing page over every report and diff.
    fn index(&self, lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let reports: Vec<ReportEntry> = self
            .reports
            .iter()
            .map(|c| ReportEntry {
                report: &c.report,
                findings: &c.findings,
                folder: c.folder.clone(),
            })
            .collect();
        let diffs: Vec<DiffEntry> = self
            .diffs
            .iter()
            .map(|c| DiffEntry {
                folder: c.folder.clone(),
                diff: &c.diff,
            })
            .collect();
        let page = Index {
            reports: &reports,
            diffs: &diffs,
            timeline: &self.timeline,
            skipped: &self.skipped,
            lang,
        };
        index::html(&page, out)
    }
}

/// The as-of year, e.g. "2023": a report's folder name.
fn year(report: &Report) -> String {
    report.as_of.get(..4).unwrap_or(&report.as_of).to_string()
}

/// The `*.pdf` files of `dir`, sorted by name.
pub fn pdf_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    Ok(files)
}

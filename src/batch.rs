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
use crate::manifest::{self, Manifest, Restored, Written, WrittenDiff};
use crate::model::{Finding, Report};
use crate::render::csv::Dialect;
use crate::render::diff::PdfLinks;
use crate::render::files::{self, Formats};
use crate::render::folder::FolderSet;
use crate::render::index::{self, DiffEntry, Index, ReportEntry, Skipped};
use crate::render::lang::Lang;
use crate::render::output::OutputSet;
use crate::render::relative_href;
use crate::render::tables;
use crate::timeline::{self, Timeline};

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
    /// What the previous run wrote: its folders for inputs that are gone
    /// are removed, the others left alone.
    pub previous: Manifest,
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
    /// Read this run, or kept from an earlier one.
    pub origin: Origin,
}

/// Where a report of the batch comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from its input this run: its folder is written anew.
    Read,
    /// Its input could not be read this run; the report is the one an
    /// earlier run wrote, read back from its folder, which stays as it is.
    Kept,
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
    pub fn build(reports: Vec<Report>, inputs: &Path) -> Result<Batch> {
        Batch::build_keeping(reports, Vec::new(), inputs)
    }

    /// As [`Batch::build`], with reports `kept` from an earlier run (their
    /// inputs could not be read this time, see [`crate::manifest::restore`]):
    /// they keep their place in the diffs and the timeline, and their
    /// folders are not rewritten. A kept report whose as-of date one read
    /// this run has gives way to it.
    pub fn build_keeping(
        reports: Vec<Report>,
        kept: Vec<Restored>,
        inputs: &Path,
    ) -> Result<Batch> {
        let mut all: Vec<Checked> = reports
            .into_iter()
            .map(|report| Checked {
                findings: crate::check::run(&report),
                folder: year(&report),
                report,
                origin: Origin::Read,
            })
            .collect();
        for restored in kept {
            if !all.iter().any(|c| c.report.as_of == restored.report.as_of) {
                all.push(Checked {
                    report: restored.report,
                    findings: restored.findings,
                    folder: restored.folder,
                    origin: Origin::Kept,
                });
            }
        }
        all.sort_by(|a, b| a.report.as_of.cmp(&b.report.as_of));
        if let Some(pair) = all
            .windows(2)
            .find(|p| p[0].report.as_of == p[1].report.as_of)
        {
            return Err(Error::SameAsOf {
                first: pair[0].report.source.clone(),
                second: pair[1].report.source.clone(),
                as_of: pair[0].report.as_of.clone(),
                dir: inputs.to_path_buf(),
            });
        }
        let diffs = all
            .windows(2)
            .map(|pair| Compared {
                diff: diff::run(&pair[0].report, &pair[1].report),
                folder: format!("diff-{}-{}", pair[0].folder, pair[1].folder),
            })
            .collect();
        let timeline = timeline::build(&all.iter().map(|c| &c.report).collect::<Vec<_>>());
        Ok(Batch {
            reports: all,
            diffs,
            timeline,
            inputs: inputs.to_path_buf(),
            skipped: Vec::new(),
            previous: Manifest::default(),
        })
    }

    /// Writes every output under `outputs`: a folder per report read this
    /// run and per diff, each replaced whole; removes the folders the
    /// previous run wrote for inputs that are gone; then `timeline.csv`,
    /// `index.html` and the record of what was written
    /// ([`crate::manifest`]). Returns the folders written, in that order,
    /// and the index page last. What a person reads is in `lang`.
    pub fn write(&self, outputs: &Path, dialect: Dialect, lang: Lang) -> Result<Vec<PathBuf>> {
        // Every format: the main job writes them all.
        let all = Formats::every(lang);
        let mut written = Vec::new();
        for checked in self.reports.iter().filter(|c| c.origin == Origin::Read) {
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
        let manifest = self.manifest();
        // Before the record that names them no more is written: a run
        // stopped in between removes them next time.
        for gone in self.previous.obsolete(&manifest, outputs) {
            let dir = outputs.join(gone);
            std::fs::remove_dir_all(&dir).map_err(|source| Error::Write { path: dir, source })?;
        }
        let mut set = OutputSet::new(outputs)?;
        set.add("timeline.csv", |w| {
            crate::render::csv::write(&tables::timeline(&self.timeline), w, dialect)
        })?;
        set.add("index.html", |w| self.index(lang, w))?;
        set.add(manifest::FILE, |w| {
            serde_json::to_writer_pretty(&mut *w, &manifest)?;
            writeln!(w)
        })?;
        set.commit()?;
        written.push(outputs.join("index.html"));
        Ok(written)
    }

    /// The record of this run: the folders written, and those kept for
    /// inputs that could not be read (as the previous record has them).
    fn manifest(&self) -> Manifest {
        let mut reports: Vec<Written> = self
            .reports
            .iter()
            .filter(|c| c.origin == Origin::Read)
            .map(|c| Written {
                input: c.report.source.clone(),
                folder: c.folder.clone(),
                as_of: c.report.as_of.clone(),
            })
            .collect();
        for s in self.skipped.iter().filter(|s| s.kept.is_some()) {
            if let Some(w) = self.previous.folder_of(&s.file) {
                reports.push(w.clone());
            }
        }
        reports.sort_by(|a, b| a.as_of.cmp(&b.as_of));
        let diffs = self
            .diffs
            .iter()
            .map(|c| WrittenDiff {
                folder: c.folder.clone(),
                old: c.diff.old.source.clone(),
                new: c.diff.new.source.clone(),
            })
            .collect();
        Manifest::new(reports, diffs)
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
pub fn year(report: &Report) -> String {
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

//! The main job: every report in the inputs folder, parsed, checked and
//! compared year to year ([`tiltak::batch`]); this file reads the files
//! with a progress bar and prints what was written.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use tiltak::Error;
use tiltak::batch::{self, Batch};
use tiltak::model::Report;

use super::{Context, Verbosity};

/// Runs the main job; an unreadable report is reported and the others are
/// still processed (exit status 2 at the end).
pub fn run(inputs: &Path, outputs: &Path, context: &Context) -> Result<u8, Error> {
    let files = batch::pdf_files(inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no PDF files to process",
            inputs.display()
        )));
    }
    let (reports, failed) = read_all(&files, context);
    let mut batch = Batch::build(reports, inputs)?;
    batch.failed = failed.clone();
    batch.write(outputs, context.dialect)?;
    if context.verbosity != Verbosity::Quiet {
        print_written(&batch, outputs)?;
    }
    Ok(if !failed.is_empty() {
        super::FAILURE
    } else {
        super::SUCCESS
    })
}

/// Reads every file, reporting each that cannot be read; returns the
/// reports and the files that failed, each with its error.
fn read_all(files: &[PathBuf], context: &Context) -> (Vec<Report>, Vec<(PathBuf, String)>) {
    let quiet = context.verbosity == Verbosity::Quiet;
    let progress = (files.len() > 1 && !quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("a valid template"),
        );
        bar
    });
    let mut failed = Vec::new();
    let mut reports = Vec::new();
    for file in files {
        if let Some(bar) = &progress {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            bar.set_message(name.into_owned());
        }
        let start = Instant::now();
        match context.read(file) {
            Ok(report) => {
                if context.verbosity == Verbosity::Verbose {
                    super::note(&format!(
                        "tiltak: {}: read in {:.0?}",
                        file.display(),
                        start.elapsed()
                    ));
                }
                reports.push(report);
            }
            Err(err) => {
                let line = format!("tiltak: {err}");
                match &progress {
                    Some(bar) => bar.println(line),
                    None => super::note(&line),
                }
                failed.push((file.clone(), err.to_string()));
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    (reports, failed)
}

fn print_written(batch: &Batch, outputs: &Path) -> Result<(), Error> {
    let mut text = String::new();
    for checked in &batch.reports {
        text.push_str(&format!(
            "{}: {} measures, {} findings -> {}\n",
            checked.report.source,
            checked.report.measures.len(),
            checked.findings.len(),
            outputs.join(&checked.folder).display()
        ));
    }
    for compared in &batch.diffs {
        let summary = tiltak::render::diff::summary(&compared.diff);
        text.push_str(&format!("{}:\n{summary}", compared.folder));
    }
    text.push_str(&format!("{}\n", outputs.join("index.html").display()));
    super::say(&text)
}

//! The main job: every report in the inputs folder, parsed, checked and
//! compared year to year ([`tiltak::batch`]); this file reads the files
//! with a progress bar and prints what was written.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use tiltak::Error;
use tiltak::batch::{self, Batch, Origin};
use tiltak::manifest::{self, Manifest, Restored};
use tiltak::model::Report;
use tiltak::render::index::Skipped;

use super::{Context, Verbosity};

/// Runs the main job; an unreadable report is reported and the others are
/// still processed (exit status 2 at the end).
pub fn run(inputs: &Path, outputs: &Path, context: &Context) -> Result<u8, Error> {
    if !inputs.is_dir() {
        let here = std::env::current_dir().unwrap_or_default();
        return Err(Error::Usage(format!(
            "no folder {} in {} to read reports from; point to the folder of report PDFs with --inputs DIR \
             (tiltak --inputs reports/), or read one report with tiltak parse FILE.pdf",
            inputs.display(),
            here.display()
        )));
    }
    let files = batch::pdf_files(inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no PDF files to process",
            inputs.display()
        )));
    }
    let (reports, mut skipped) = read_all(&files, context);
    let failed = !skipped.is_empty();
    let previous = Manifest::load(outputs);
    let kept = keep(outputs, &previous, &reports, &mut skipped);
    let mut batch = context.timed("check and diff", || {
        Batch::build_keeping(reports, kept, inputs)
    })?;
    batch.skipped = skipped;
    batch.previous = previous;
    context.timed("write", || {
        batch.write(outputs, context.dialect, context.lang)
    })?;
    if context.verbosity != Verbosity::Quiet {
        print_written(&batch, outputs, context)?;
    }
    Ok(if failed {
        super::FAILURE
    } else {
        super::SUCCESS
    })
}

/// The folders an earlier run wrote for the inputs that could not be read
/// this time: kept as they are and named beside the failure, and their
/// reports read back where they can be, so the timeline and the diffs
/// keep them. A folder that a report read this run is about to take over
/// is not kept.
fn keep(
    outputs: &Path,
    previous: &Manifest,
    reports: &[Report],
    skipped: &mut [Skipped],
) -> Vec<Restored> {
    let mut kept = Vec::new();
    for s in skipped.iter_mut() {
        let Some(written) = previous.folder_of(&s.file) else {
            continue;
        };
        let taken = reports.iter().any(|r| batch::year(r) == written.folder);
        if taken || !outputs.join(&written.folder).is_dir() {
            continue;
        }
        s.kept = Some(written.folder.clone());
        kept.extend(manifest::restore(outputs, previous, &s.file));
    }
    kept
}

/// Reads every file, reporting each that cannot be read; returns the
/// reports and the files that could not be read, with why.
fn read_all(files: &[std::path::PathBuf], context: &Context) -> (Vec<Report>, Vec<Skipped>) {
    let quiet = context.verbosity == Verbosity::Quiet;
    let progress = (files.len() > 1 && !quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("a valid template"),
        );
        bar
    });
    let mut skipped = Vec::new();
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
                    eprintln!(
                        "tiltak: {}: read in {:.0?}",
                        file.display(),
                        start.elapsed()
                    );
                }
                reports.push(report);
            }
            Err(err) => {
                let line = format!("tiltak: {err}");
                match &progress {
                    Some(bar) => bar.println(line),
                    None => eprintln!("{line}"),
                }
                skipped.push(Skipped {
                    file: file
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    reason: err.to_string(),
                    kept: None,
                });
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    (reports, skipped)
}

fn print_written(batch: &Batch, outputs: &Path, context: &Context) -> Result<(), Error> {
    let mut text = String::new();
    for checked in batch.reports.iter().filter(|c| c.origin == Origin::Read) {
        let measures = &checked.report.measures;
        let sub = measures.iter().filter(|m| m.id.sub.is_some()).count();
        let line = context.lang.written(
            &checked.report.source,
            measures.len() - sub,
            sub,
            checked.findings.len(),
            &outputs.join(&checked.folder).display().to_string(),
        );
        text.push_str(&line);
        text.push('\n');
    }
    for s in &batch.skipped {
        if let Some(folder) = &s.kept {
            let dir = outputs.join(folder).display().to_string();
            text.push_str(&context.lang.kept(&s.file, &dir));
            text.push('\n');
        }
    }
    for compared in &batch.diffs {
        let summary = tiltak::render::diff::summary(&compared.diff, context.lang);
        text.push_str(&format!("{}:\n{summary}", compared.folder));
    }
    text.push_str(&format!("{}\n", outputs.join("index.html").display()));
    super::say(&text)
}

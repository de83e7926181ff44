//! The main job: every report in the inputs folder, parsed, checked and
//! compared year to year.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use tiltak::model::{Finding, Report};
use tiltak::render::files::Formats;
use tiltak::render::index::{DiffEntry, ReportEntry};
use tiltak::render::output::OutputSet;
use tiltak::{Error, timeline};

use super::{Context, Verbosity};

const ALL: Formats = Formats {
    csv: true,
    json: true,
    md: true,
    html: true,
    xlsx: true,
};

/// Runs the main job; an unreadable report is reported and the others are
/// still processed (exit status 2 at the end).
pub fn run(inputs: &Path, outputs: &Path, context: &Context) -> Result<u8, Error> {
    let files = pdf_files(inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no PDF files to process",
            inputs.display()
        )));
    }
    let quiet = context.verbosity == Verbosity::Quiet;
    let progress = (files.len() > 1 && !quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .expect("a valid template"),
        );
        bar
    });
    let mut failed = false;
    let mut reports: Vec<(Report, Vec<Finding>)> = Vec::new();
    for file in &files {
        if let Some(bar) = &progress {
            bar.set_message(
                file.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        let start = Instant::now();
        match context.read(file) {
            Ok(report) => {
                let findings = tiltak::check::run(&report);
                if context.verbosity == Verbosity::Verbose {
                    eprintln!(
                        "tiltak: {}: read in {:.0?}",
                        file.display(),
                        start.elapsed()
                    );
                }
                reports.push((report, findings));
            }
            Err(err) => {
                let line = format!("tiltak: {err}");
                match &progress {
                    Some(bar) => bar.println(line),
                    None => eprintln!("{line}"),
                }
                failed = true;
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    reports.sort_by(|a, b| a.0.as_of.cmp(&b.0.as_of));
    for pair in reports.windows(2) {
        if pair[0].0.as_of == pair[1].0.as_of {
            return Err(Error::Usage(format!(
                "{} and {} both report status as of {}; keep one file per report in {}",
                pair[0].0.source,
                pair[1].0.source,
                pair[0].0.as_of,
                inputs.display()
            )));
        }
    }

    let mut entries = Vec::new();
    for (report, findings) in &reports {
        let folder = year(report);
        let mut set = OutputSet::new(&outputs.join(&folder))?;
        tiltak::render::files::report(&mut set, report, ALL, context.dialect)?;
        tiltak::render::files::findings(&mut set, report, findings, ALL, context.dialect)?;
        set.commit()?;
        if !quiet {
            println!(
                "{}: {} measures, {} findings -> {}",
                report.source,
                report.measures.len(),
                findings.len(),
                outputs.join(&folder).display()
            );
        }
        entries.push(ReportEntry {
            report,
            findings,
            folder,
        });
    }

    let mut diffs = Vec::new();
    for pair in reports.windows(2) {
        let (old, new) = (&pair[0].0, &pair[1].0);
        let diff = tiltak::diff::run(old, new);
        let folder = format!("diff-{}-{}", year(old), year(new));
        let mut set = OutputSet::new(&outputs.join(&folder))?;
        tiltak::render::files::diff(&mut set, &diff, ALL, context.dialect)?;
        set.commit()?;
        let summary = tiltak::render::diff::summary(&diff);
        if !quiet {
            print!("{folder}:\n{summary}");
        }
        diffs.push(DiffEntry {
            folder,
            summary: summary.lines().next().unwrap_or_default().to_string(),
        });
    }

    let ordered: Vec<&Report> = reports.iter().map(|(r, _)| r).collect();
    let timeline = timeline::build(&ordered);
    let mut set = OutputSet::new(outputs)?;
    set.add("timeline.csv", |w| {
        tiltak::render::csv::write(
            &tiltak::render::tables::timeline(&timeline),
            w,
            context.dialect,
        )
    })?;
    set.add("index.html", |w| {
        tiltak::render::index::html(&entries, &diffs, &timeline, w)
    })?;
    set.commit()?;
    if !quiet {
        println!("{}", outputs.join("index.html").display());
    }
    Ok(if failed {
        super::FAILURE
    } else {
        super::SUCCESS
    })
}

fn year(report: &Report) -> String {
    report.as_of.get(..4).unwrap_or(&report.as_of).to_string()
}

fn pdf_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
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

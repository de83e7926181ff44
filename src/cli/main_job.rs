//! The main job: every report in the inputs folder, parsed, checked and
//! compared year to year.

use std::path::{Path, PathBuf};

use tiltak::model::{Finding, Report};
use tiltak::render::csv::Dialect;
use tiltak::render::files::Formats;
use tiltak::render::index::{DiffEntry, ReportEntry};
use tiltak::render::output::OutputSet;
use tiltak::{Error, timeline};

const ALL: Formats = Formats {
    csv: true,
    json: true,
    md: true,
    html: true,
};

/// Runs the main job; one unreadable report is reported and the others are
/// still processed (exit status 2 at the end).
pub fn run(inputs: &Path, outputs: &Path, dialect: Dialect, quiet: bool) -> Result<u8, Error> {
    let files = pdf_files(inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no PDF files to process",
            inputs.display()
        )));
    }
    let mut failed = false;
    let mut reports: Vec<(Report, Vec<Finding>)> = Vec::new();
    for file in &files {
        match tiltak::read_report(file) {
            Ok(report) => {
                let findings = tiltak::check::run(&report);
                reports.push((report, findings));
            }
            Err(err) => {
                eprintln!("tiltak: {err}");
                failed = true;
            }
        }
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
        tiltak::render::files::report(&mut set, report, ALL, dialect)?;
        tiltak::render::files::findings(&mut set, report, findings, ALL, dialect)?;
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
        tiltak::render::files::diff(&mut set, &diff, ALL, dialect)?;
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
        timeline::write_csv(&timeline, w, dialect)
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

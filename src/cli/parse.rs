//! `tiltak parse`: structured records.

use std::path::Path;

use tiltak::render::csv::Dialect;
use tiltak::render::output::OutputSet;

use super::args::OutputArgs;

/// Parses one report; writes the records to `--out` or prints a summary.
pub fn run(file: &Path, output: &OutputArgs, dialect: Dialect) -> Result<u8, tiltak::Error> {
    let report = tiltak::read_report(file)?;
    if let Some(dir) = &output.out {
        let mut set = OutputSet::new(dir)?;
        tiltak::render::files::report(&mut set, &report, super::formats(output), dialect)?;
        set.commit()?;
    }
    println!(
        "{}: {} as of {}: {} TOC entries, {} overview rows, {} measures, {} departments, {} commitments",
        report.source,
        report.plan_title,
        report.as_of,
        report.toc.len(),
        report.overview.len(),
        report.measures.len(),
        report.departments.len(),
        report.commitments.len()
    );
    Ok(super::SUCCESS)
}

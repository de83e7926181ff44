//! `tiltak diff`: changes between two reports.

use std::path::Path;

use tiltak::render::csv::Dialect;
use tiltak::render::output::OutputSet;

use super::args::OutputArgs;

/// Compares two reports; exit status 1 when anything changed.
pub fn run(
    old: &Path,
    new: &Path,
    output: &OutputArgs,
    dialect: Dialect,
) -> Result<u8, tiltak::Error> {
    let old = tiltak::read_report(old)?;
    let new = tiltak::read_report(new)?;
    let diff = tiltak::diff::run(&old, &new);
    if let Some(dir) = &output.out {
        let formats = super::formats(output);
        let mut set = OutputSet::new(dir)?;
        tiltak::render::files::diff(&mut set, &diff, formats, dialect)?;
        set.commit()?;
    }
    print!("{}", tiltak::render::diff::summary(&diff));
    Ok(if diff.changes.is_empty() {
        super::SUCCESS
    } else {
        super::DIFFERENCES
    })
}

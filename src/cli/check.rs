//! `tiltak check`: cross-check findings.

use std::path::Path;

use tiltak::render::csv::Dialect;
use tiltak::render::output::OutputSet;

use super::args::OutputArgs;

/// Checks one report; exit status 1 when it has findings.
pub fn run(file: &Path, output: &OutputArgs, dialect: Dialect) -> Result<u8, tiltak::Error> {
    let report = tiltak::read_report(file)?;
    let findings = tiltak::check::run(&report);
    if let Some(dir) = &output.out {
        let mut set = OutputSet::new(dir)?;
        tiltak::render::files::findings(
            &mut set,
            &report,
            &findings,
            super::formats(output),
            dialect,
        )?;
        set.commit()?;
    }
    print!("{}", tiltak::render::findings::summary(&findings));
    Ok(if findings.is_empty() {
        super::SUCCESS
    } else {
        super::DIFFERENCES
    })
}

//! `tiltak check`: cross-check findings.

use std::path::Path;

use tiltak::model::Severity;
use tiltak::render::output::OutputSet;
use tiltak::render::{csv, sheets, tables};

use super::args::Format;
use super::{Context, Destination, Verbosity};

/// Checks one report; exit status 1 when it has errors or warnings.
pub fn run(file: &Path, destination: Destination, context: &Context) -> Result<u8, tiltak::Error> {
    let report = context.read(file)?;
    let findings = context.timed("check", || tiltak::check::run(&report));
    let start = std::time::Instant::now();
    match &destination {
        Destination::Stdout(format) => super::to_stdout(|w| match format {
            Format::Json => serde_json::to_writer_pretty(&mut *w, &findings).map_err(Into::into),
            Format::Md => tiltak::render::findings::markdown(&report, &findings, context.lang, w),
            Format::Xlsx => {
                tiltak::render::xlsx::write(&sheets::findings(&findings, context.lang), w)
            }
            Format::Csv | Format::Html => {
                csv::write(&tables::findings(&findings), w, context.dialect)
            }
        })?,
        Destination::Dir(dir, formats) => {
            let mut set = OutputSet::new(dir)?;
            tiltak::render::files::findings(
                &mut set,
                &report,
                &findings,
                *formats,
                context.dialect,
            )?;
            set.commit()?;
        }
        Destination::Summary => {}
    }
    context.took("write", start);
    let data_on_stdout = matches!(destination, Destination::Stdout(_));
    if context.verbosity != Verbosity::Quiet && !data_on_stdout {
        super::say(&tiltak::render::findings::summary(&findings, context.lang))?;
    }
    // A note says what could not be checked; it is no inconsistency.
    let inconsistent = findings.iter().any(|f| f.severity != Severity::Info);
    Ok(if inconsistent {
        super::DIFFERENCES
    } else {
        super::SUCCESS
    })
}

//! `tiltak parse`: structured records.

use std::path::Path;

use tiltak::render::output::OutputSet;
use tiltak::render::{csv, relative_href, sheets, tables};

use super::args::Format;
use super::{Context, Destination, Verbosity};

/// Parses one report; writes the records to `--out` or prints a summary.
pub fn run(file: &Path, destination: Destination, context: &Context) -> Result<u8, tiltak::Error> {
    let report = context.read(file)?;
    let start = std::time::Instant::now();
    match &destination {
        Destination::Stdout(format) => super::to_stdout(|w| match format {
            Format::Json => serde_json::to_writer_pretty(&mut *w, &report).map_err(Into::into),
            Format::Md => tiltak::render::markdown::report(&report, context.lang, w),
            Format::Xlsx => {
                tiltak::render::xlsx::write(&sheets::report(&report, None, None, context.lang), w)
            }
            Format::Csv | Format::Html => {
                csv::write(&tables::measures(&report), w, context.dialect)
            }
        })?,
        Destination::Dir(dir, formats) => {
            let mut set = OutputSet::new(dir)?;
            let pdf = relative_href(dir, file);
            tiltak::render::files::report(
                &mut set,
                &report,
                None,
                pdf.as_deref(),
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
        super::say(&tiltak::render::understood::summary(&report, context.lang))?;
    }
    Ok(super::SUCCESS)
}

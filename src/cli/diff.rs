//! `tiltak diff`: changes between two reports.

use std::path::Path;

use tiltak::render::output::OutputSet;
use tiltak::render::{csv, tables};

use super::args::Format;
use super::{Context, Destination, Verbosity};

/// Compares two reports; exit status 1 when anything changed.
pub fn run(
    old: &Path,
    new: &Path,
    destination: Destination,
    context: &Context,
) -> Result<u8, tiltak::Error> {
    let old = context.read(old)?;
    let new = context.read(new)?;
    let diff = tiltak::diff::run(&old, &new);
    match &destination {
        Destination::Stdout(format) => super::to_stdout(|w| match format {
            Format::Json => serde_json::to_writer_pretty(&mut *w, &diff).map_err(Into::into),
            Format::Md => tiltak::render::diff::markdown(&diff, w),
            Format::Html => tiltak::render::diff::html(&diff, w),
            Format::Xlsx => tiltak::render::xlsx::write(&[tables::changes(&diff.changes)], w),
            Format::Csv => csv::write(&tables::changes(&diff.changes), w, context.dialect),
        })?,
        Destination::Dir(dir, formats) => {
            let mut set = OutputSet::new(dir)?;
            tiltak::render::files::diff(&mut set, &diff, *formats, context.dialect)?;
            set.commit()?;
        }
        Destination::Summary => {}
    }
    let data_on_stdout = matches!(destination, Destination::Stdout(_));
    if context.verbosity != Verbosity::Quiet && !data_on_stdout {
        super::say(&tiltak::render::diff::summary(&diff))?;
    }
    Ok(if diff.changes.is_empty() {
        super::SUCCESS
    } else {
        super::DIFFERENCES
    })
}

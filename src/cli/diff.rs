//! `tiltak diff`: changes between two reports.

use std::path::Path;

use tiltak::render::diff::PdfLinks;
use tiltak::render::output::OutputSet;
use tiltak::render::{csv, relative_href, sheets, tables};

use super::args::Format;
use super::{Context, Destination, Verbosity};

/// Compares two reports; exit status 1 when anything changed.
pub fn run(
    old: &Path,
    new: &Path,
    destination: Destination,
    context: &Context,
) -> Result<u8, tiltak::Error> {
    let old_report = context.read(old)?;
    let new_report = context.read(new)?;
    let diff = context.timed("diff", || tiltak::diff::run(&old_report, &new_report));
    if context.verbosity != Verbosity::Quiet {
        for w in &diff.warnings {
            eprintln!(
                "tiltak: {}: {}",
                context.lang.warning_word(),
                context.lang.diff_warning(w)
            );
        }
    }
    // Page links from the output folder (or the working folder, for a
    // page on stdout) to the two files.
    let pdfs = |dir: Option<&Path>| PdfLinks {
        old: relative_href(dir.unwrap_or(Path::new(".")), old),
        new: relative_href(dir.unwrap_or(Path::new(".")), new),
    };
    let start = std::time::Instant::now();
    match &destination {
        Destination::Stdout(format) => super::to_stdout(|w| match format {
            Format::Json => serde_json::to_writer_pretty(&mut *w, &diff).map_err(Into::into),
            Format::Md => tiltak::render::diff::markdown(&diff, context.lang, w),
            Format::Html => tiltak::render::diff::html(&diff, context.lang, &pdfs(None), w),
            Format::Xlsx => tiltak::render::xlsx::write(&sheets::diff(&diff, context.lang), w),
            Format::Csv => csv::write(&tables::changes(&diff.changes), w, context.dialect),
        })?,
        Destination::Dir(dir, formats) => {
            let mut set = OutputSet::new(dir)?;
            let links = pdfs(Some(dir));
            tiltak::render::files::diff(&mut set, &diff, &links, *formats, context.dialect)?;
            set.commit()?;
        }
        Destination::Summary => {}
    }
    context.took("write", start);
    let data_on_stdout = matches!(destination, Destination::Stdout(_));
    if context.verbosity != Verbosity::Quiet && !data_on_stdout {
        super::say(&tiltak::render::diff::summary(&diff, context.lang))?;
    }
    Ok(if diff.changes.is_empty() {
        super::SUCCESS
    } else {
        super::DIFFERENCES
    })
}

//! tiltak reads Norwegian "Status for tiltak" report PDFs into records,
//! cross-checks each report against itself and compares reports year to
//! year.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! extract → clean → parse → check → diff → render
//!  file     Document  Report  Finding  Change  CSV/JSON/Markdown/HTML
//! ```
//!
//! [`text`] owns words and hyphens for every stage, [`vocab`] the genre's
//! words, [`model`] the data handed between stages, and [`batch`] runs the
//! whole pipeline over a folder of reports (the main job).
//!
//! ```no_run
//! let report = tiltak::read_report(std::path::Path::new("inputs/frihet-status-2023.pdf"))?;
//! println!("{} measures, as of {}", report.measures.len(), report.as_of);
//! # Ok::<(), tiltak::Error>(())
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod check;
pub mod clean;
pub mod diff;
pub mod error;
pub mod extract;
pub mod manifest;
pub mod model;
pub mod parse;
pub mod render;
mod scan;
pub mod text;
pub mod timeline;
pub mod vocab;

pub use error::{Error, Result};
pub use extract::Limits;
pub use model::Report;

use std::path::Path;

/// Reads, cleans and parses one report file.
pub fn read_report(path: &Path) -> Result<Report> {
    read_report_with_warnings(path, &Limits::default()).map(|(report, _)| report)
}

/// Reads, cleans and parses one report file within `limits`; also returns
/// warnings about the file that do not stop it being read (e.g. pages
/// without text), for the user's eyes rather than the data.
pub fn read_report_with_warnings(path: &Path, limits: &Limits) -> Result<(Report, Vec<String>)> {
    read_report_timed(path, limits).map(|(report, warnings, _)| (report, warnings))
}

/// Reads, cleans and parses one report from the bytes of its file, with
/// the warnings of [`read_report_with_warnings`]; `path` names it in
/// errors and in the report's `source`. The work runs on the calling
/// thread without a time budget (see [`extract::from_bytes`]): this is
/// the door for callers without a file system, such as the browser.
pub fn read_report_bytes(bytes: &[u8], path: &Path) -> Result<(Report, Vec<String>)> {
    report_with_warnings(extract::from_bytes(bytes, path)?, path)
        .map(|(report, warnings, _)| (report, warnings))
}

/// One stage of reading a report and how long it took.
pub type StageTime = (&'static str, std::time::Duration);

/// [`read_report_with_warnings`], with the time each stage took
/// (`extract`, `clean`, `parse`), for `-v`.
pub fn read_report_timed(
    path: &Path,
    limits: &Limits,
) -> Result<(Report, Vec<String>, Vec<StageTime>)> {
    let clock = Clock::start();
    let raw = extract::read_with_limits(path, limits)?;
    let extracted = clock.elapsed();
    let (report, warnings, mut times) = report_with_warnings(raw, path)?;
    times.insert(0, ("extract", extracted));
    Ok((report, warnings, times))
}

/// Cleans and parses an extracted document, collecting its warnings and
/// the time of each stage (`clean`, `parse`). On wasm32 there is no clock
/// (`Instant::now` panics there), so the stages take no time.
fn report_with_warnings(
    raw: model::Document,
    path: &Path,
) -> Result<(Report, Vec<String>, Vec<StageTime>)> {
    let clock = Clock::start();
    let doc = clean::run(raw);
    let cleaned = clock.elapsed();
    let mut warnings = document_warnings(&doc, path);
    let report = parse_document(&doc, path)?;
    let parsed = clock.elapsed();
    warnings.extend(
        report
            .notes
            .iter()
            .map(|note| format!("{}: {note}", path.display())),
    );
    Ok((
        report,
        warnings,
        vec![("clean", cleaned), ("parse", parsed - cleaned)],
    ))
}

/// A stopwatch that reads zero where the platform has no clock.
struct Clock(#[cfg(not(target_arch = "wasm32"))] std::time::Instant);

impl Clock {
    fn start() -> Clock {
        Clock(
            #[cfg(not(target_arch = "wasm32"))]
            std::time::Instant::now(),
        )
    }

    fn elapsed(&self) -> std::time::Duration {
        #[cfg(not(target_arch = "wasm32"))]
        return self.0.elapsed();
        #[cfg(target_arch = "wasm32")]
        return std::time::Duration::ZERO;
    }
}

/// What reading the document had to mend or could not read (pages without
/// text among pages with text), one sentence each, naming `path`.
pub fn document_warnings(doc: &model::Document, path: &Path) -> Vec<String> {
    let mut warnings: Vec<String> = doc
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", path.display()))
        .collect();
    if doc.pages.len() > 1 {
        for (i, page) in doc.pages.iter().enumerate() {
            if page.blocks.is_empty() {
                warnings.push(format!("{}: page {} has no text", path.display(), i + 1));
            }
        }
    }
    warnings
}

/// Parses an already cleaned document; `path` names it in errors.
pub fn parse_document(doc: &model::Document, path: &Path) -> Result<Report> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    parse::run(doc, &name).map_err(|e| Error::NotReport {
        path: path.to_path_buf(),
        reason: e.0,
    })
}

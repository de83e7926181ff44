//! Parsing: the third stage.
//!
//! Takes a cleaned [`Document`] and gives a [`Report`]. The parser knows the
//! shape of the report family (title page, "Innhold", an overview table,
//! a department list, "Innsatsområde N" and "Tiltak N." sections with
//! "Status:" and "Ansvarlig:" lines) but nothing about one report: titles,
//! counts, status words and ministries all come from the document, and the
//! genre's words from [`crate::vocab`].

pub mod commitments;
mod fields;
mod heading;
mod overview;
mod sections;
mod table;
mod title;
mod toc;

pub use commitments::find_commitments;
pub use fields::{split_names, split_responsible};
pub use heading::{bare_measure, classify_heading};

use crate::model::{Block, Document, HeadingKind, Report};
use crate::vocab;

/// A block with the printed label of the page it is on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Located<'a> {
    pub page: Option<&'a str>,
    /// The physical page, 1-based: what a `file.pdf#page=N` link needs.
    pub index: u32,
    pub block: &'a Block,
}

impl Located<'_> {
    fn page(&self) -> Option<String> {
        self.page.map(str::to_string)
    }

    /// The text of a single-cell block (a paragraph or heading).
    fn paragraph(&self) -> Option<&str> {
        match self.block.filled_cells().as_slice() {
            [one] if self.block.cells.len() == 1 => Some(one),
            _ => None,
        }
    }
}

/// Why a document is not a status report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReport(pub String);

/// Parses a cleaned document into a report.
///
/// `source` is recorded in the report (the file name).
pub fn run(doc: &Document, source: &str) -> Result<Report, NotReport> {
    let blocks: Vec<Located> = doc
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.blocks.iter().map(move |block| Located {
                page: page.label.as_deref(),
                index: u32::try_from(i + 1).unwrap_or(u32::MAX),
                block,
            })
        })
        .collect();
    if blocks.is_empty() {
        return Err(NotReport("the document contains no text".into()));
    }

    let toc_heading = blocks
        .iter()
        .position(|b| b.paragraph().is_some_and(is_toc_heading));
    let (toc, body_start) = match toc_heading {
        Some(i) => toc::read(&blocks[i + 1..]),
        None => (Vec::new(), 0),
    };
    let title_end = toc_heading.unwrap_or(body_start);
    let body = &blocks[toc_heading.map_or(0, |i| i + 1 + body_start)..];

    let mut report = Report {
        source: source.to_string(),
        ..Report::default()
    };
    title::read(
        &blocks[..title_end.max(1).min(blocks.len())],
        &blocks,
        &mut report,
    )?;
    report.toc = toc;
    sections::read_body(body, &mut report);
    bare_toc_entries(&mut report);
    if report.measures.is_empty() && report.overview.is_empty() {
        return Err(NotReport(format!(
            "found no \"{} N.\" sections and no overview table",
            vocab::MEASURE_WORD
        )));
    }
    report.commitments = find_commitments(&report.measures, &report.as_of);
    report.notes = missing_parts(&report);
    Ok(report)
}

/// Fills in what `report.json` leaves out of a report read back from it
/// (each row's list of ministries, the commitments' seasons), by the same
/// rules [`run`] follows, so the report compares as the one first read.
pub fn complete(report: &mut Report) {
    for row in &mut report.overview {
        row.ministries = fields::split_names(&row.responsible);
    }
    report.commitments = find_commitments(&report.measures, &report.as_of);
}

/// A TOC entry numbered like a measure without the measure word ("1.
/// Title", "6 b) Title") is the measure's entry where the body has that
/// measure; otherwise it stays a section (a numbered chapter).
///
/// A measure entry's level follows the body: 3 for a sub-measure, 2 for a
/// measure ("4.1" numbered within area 4 is a measure).
fn bare_toc_entries(report: &mut Report) {
    for entry in report.toc.iter_mut() {
        let bare = match entry.kind {
            HeadingKind::Section => bare_measure(&entry.text),
            _ => None,
        };
        if let Some((id, title)) = bare
            && report.measures.iter().any(|m| m.id == id)
        {
            entry.kind = HeadingKind::Measure;
            entry.id = id.to_string();
            entry.title = title.to_string();
        }
        if entry.kind == HeadingKind::Measure
            && let Some(m) = report
                .measures
                .iter()
                .find(|m| m.id.to_string() == entry.id)
        {
            entry.level = if m.parent.is_some() { 3 } else { 2 };
        }
    }
}

/// One sentence for each part of the genre the report does not have, so
/// that a check that could not be made is never silently skipped.
fn missing_parts(report: &Report) -> Vec<String> {
    let summary = &report.summary;
    [
        (
            report.toc.is_empty(),
            "no table of contents was found, so headings are not checked against one",
        ),
        (
            report.overview.is_empty(),
            "no overview table was found, so sections are not checked against one",
        ),
        (
            summary.counts.is_empty() && summary.total.is_none(),
            "no summary sentence or count table states how many measures have each status, so no counts are checked",
        ),
        (
            report.departments.is_empty(),
            "no list of departments and directorates was found, so abbreviations are not checked",
        ),
        (
            report.areas.is_empty(),
            "no area or chapter headings were found, so measures belong to no area",
        ),
    ]
    .into_iter()
    .filter(|(missing, _)| *missing)
    .map(|(_, sentence)| sentence.to_string())
    .collect()
}

fn is_toc_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    vocab::TOC_TITLES.contains(&t.as_str())
}

/// Blocks from lines whose cells are separated by tabs, for the parser's
/// unit tests.
#[cfg(test)]
fn tab_blocks(lines: &[&str]) -> Vec<Block> {
    lines
        .iter()
        .map(|l| Block {
            cells: l.split('\t').map(String::from).collect(),
        })
        .collect()
}

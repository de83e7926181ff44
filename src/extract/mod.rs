//! Extraction: the first stage.
//!
//! Takes a file (a PDF, or UTF-8 text with `\f` page breaks) and gives a
//! [`Document`]: pages with their printed page label and blocks of raw
//! text (paragraphs and table rows) in reading order, running headers and
//! footers removed. Characters are as the producer wrote them; `clean`
//! normalises them.

pub mod layout;
pub mod pdf;
pub mod text;

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Document;

/// Reads a PDF or text file into a document.
pub fn read(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    from_bytes(&bytes, path)
}

/// Reads a document from the bytes of a PDF or text file; `path` names it
/// in errors. A file named `.pdf` must be a PDF; anything else that is
/// UTF-8 is read as text.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Document> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    if pdf::has_pdf_header(bytes) {
        let pages = pdf::read_glyphs(bytes, path)?;
        let doc = layout::run(pages);
        if doc.pages.iter().all(|p| p.blocks.is_empty()) {
            return Err(Error::NoText {
                path: path.to_path_buf(),
            });
        }
        return Ok(doc);
    }
    let named_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    match std::str::from_utf8(bytes) {
        Ok(text) if !named_pdf && !text.contains('\0') => Ok(text::read(text)),
        _ => Err(Error::NotPdf {
            path: path.to_path_buf(),
        }),
    }
}

//! `tiltak extract`: the cleaned text.

use std::io::Write;
use std::path::Path;

use tiltak::model::Document;

/// What `extract` prints besides the reading text.
#[derive(Debug, Clone, Copy)]
pub struct Show {
    /// A line naming each page's number and printed label.
    pub pages: bool,
    /// The running headers and footers, where they were printed.
    pub running: bool,
}

/// Prints the cleaned text: blocks separated by blank lines, table cells by
/// tabs, pages by form feeds.
pub fn run(file: &Path, show: Show, context: &super::Context) -> Result<u8, tiltak::Error> {
    let raw = context.timed("extract", || {
        tiltak::extract::read_with_limits(file, &context.limits)
    })?;
    let doc = context.timed("clean", || tiltak::clean::run(raw));
    context.warn(file, &tiltak::document_warnings(&doc, file))?;
    let start = std::time::Instant::now();
    super::to_stdout(|out| write_text(&doc, show, out))?;
    context.took("write", start);
    Ok(super::SUCCESS)
}

fn write_text(doc: &Document, show: Show, out: &mut dyn Write) -> std::io::Result<()> {
    let lines = |lines: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        if show.running && !lines.is_empty() {
            writeln!(out, "{}\n", lines.join("\n"))?;
        }
        Ok(())
    };
    for (i, page) in doc.pages.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\x0c")?;
        }
        if show.pages {
            writeln!(
                out,
                "=== page {} (printed: {}) ===",
                i + 1,
                page.label.as_deref().unwrap_or("-")
            )?;
        }
        lines(&page.header, out)?;
        for block in &page.blocks {
            writeln!(out, "{}\n", block.joined())?;
        }
        lines(&page.footer, out)?;
    }
    Ok(())
}

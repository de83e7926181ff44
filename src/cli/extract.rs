//! `tiltak extract`: the cleaned text.

use std::io::Write;
use std::path::Path;

use tiltak::model::Document;

/// Prints the cleaned text: blocks separated by blank lines, table cells by
/// tabs, pages by form feeds.
pub fn run(file: &Path, pages: bool, context: &super::Context) -> Result<u8, tiltak::Error> {
    let doc = tiltak::clean::run(tiltak::extract::read_with_limits(file, &context.limits)?);
    let warnings: Vec<String> = doc
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", file.display()))
        .collect();
    context.warn(file, &warnings)?;
    super::to_stdout(|out| write_text(&doc, pages, out))?;
    Ok(super::SUCCESS)
}

fn write_text(doc: &Document, pages: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for (i, page) in doc.pages.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\x0c")?;
        }
        if pages {
            writeln!(
                out,
                "=== page {} (printed: {}) ===",
                i + 1,
                page.label.as_deref().unwrap_or("-")
            )?;
        }
        for block in &page.blocks {
            writeln!(out, "{}\n", block.joined())?;
        }
    }
    Ok(())
}

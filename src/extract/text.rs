//! Text input: a UTF-8 file with `\f` between pages, such as the reference
//! text of a report.
//!
//! Takes the file's text, gives a [`Document`]. Paragraphs are separated by
//! blank lines, table rows and TOC lines carry their columns as tabs, and the
//! light Markdown the reference uses (`*italic*`, `[link](#)`, `- ` bullets)
//! is reduced to the text a reader sees.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, Document, Page};

/// Reads text with `\f` page breaks into pages of blocks.
pub fn read(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pages = text
        .split('\u{c}')
        .map(|page| Page {
            label: None,
            blocks: blocks(page),
            header: Vec::new(),
            footer: Vec::new(),
        })
        .collect();
    Document {
        pages,
        warnings: Vec::new(),
    }
}

fn blocks(page: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::text(strip_markup(&paragraph.join("\n"))));
            paragraph.clear();
        }
    };
    for line in page.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if line.contains('\t') {
            flush(&mut paragraph, &mut blocks);
            let cells = line.split('\t').map(strip_markup).collect();
            blocks.push(Block { cells });
        } else if let Some(item) = bullet_item(line) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::text(format!("• {}", strip_markup(item))));
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn bullet_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["- ", "* ", "• "]
        .iter()
        .find_map(|marker| trimmed.strip_prefix(marker))
}

/// Removes Markdown links and emphasis, keeping the visible text.
fn strip_markup(text: &str) -> String {
    static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
    static EMPHASIS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(^|[\s(«\[])\*+([^*\s][^*]*?)\*+").unwrap());
    let text = LINK.replace_all(text, "$1");
    EMPHASIS.replace_all(&text, "$1$2").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_pages_paragraphs_rows_and_bullets() {
        let doc = read("Title\nwraps\n\nNr\tTiltak\n1\tA\n\u{c}Para\n\n- one\n- two\n");
        assert_eq!(doc.pages.len(), 2);
        let first: Vec<String> = doc.pages[0].blocks.iter().map(Block::joined).collect();
        assert_eq!(first, ["Title\nwraps", "Nr\tTiltak", "1\tA"]);
        let second: Vec<String> = doc.pages[1].blocks.iter().map(Block::joined).collect();
        assert_eq!(second, ["Para", "• one", "• two"]);
    }

    #[test]
    fn strips_links_and_emphasis() {
        assert_eq!(
            strip_markup("Rapporten [«Bedre beskyttelse»](#) og *The League* finnes"),
            "Rapporten «Bedre beskyttelse» og The League finnes"
        );
        assert_eq!(strip_markup("*Frihet fra\nvold*"), "Frihet fra\nvold");
        assert_eq!(strip_markup("3 * 4 = 12"), "3 * 4 = 12");
    }
}

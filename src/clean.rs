//! Text normalisation: the second stage.
//!
//! Takes a [`Document`] whose cells still hold the producer's characters and
//! layout line breaks (`\n`), gives the same document with every cell in the
//! canonical form all later stages compare: characters normalised, line
//! breaks joined (a word broken at a line end is mended only when the
//! document itself says it is one word), whitespace collapsed. The rules
//! are the text module's; this stage applies them to a whole document,
//! whose words are the evidence for its hyphens.

use crate::model::Document;
use crate::text::{self, Lexicon};

/// Normalises every cell of the document.
pub fn run(mut doc: Document) -> Document {
    for cell in cells(&mut doc) {
        *cell = text::normalise_characters(cell);
    }
    let lexicon = lexicon(&doc);
    for cell in cells(&mut doc) {
        *cell = text::collapse_whitespace(&text::join_lines(cell, &lexicon));
    }
    mend_words_across_pages(&mut doc, &lexicon);
    doc
}

/// The words of every cell of `doc`.
pub fn lexicon(doc: &Document) -> Lexicon {
    Lexicon::of(
        doc.pages
            .iter()
            .flat_map(|p| &p.blocks)
            .flat_map(|b| &b.cells)
            .map(String::as_str),
    )
}

fn cells(doc: &mut Document) -> impl Iterator<Item = &mut String> {
    doc.pages
        .iter_mut()
        .flat_map(|p| &mut p.blocks)
        .flat_map(|b| &mut b.cells)
}

/// A word hyphenated at the last line of a page continues on the next page;
/// the broken fragment moves to the next page's first paragraph, so the word
/// is whole on one side (the parser joins the paragraphs with a space).
fn mend_words_across_pages(doc: &mut Document, lexicon: &Lexicon) {
    for i in 1..doc.pages.len() {
        let (before, after) = doc.pages.split_at_mut(i);
        let (Some(last), Some(first)) =
            (before[i - 1].blocks.last_mut(), after[0].blocks.first_mut())
        else {
            continue;
        };
        if last.cells.len() != 1 || first.cells.len() != 1 {
            continue;
        }
        if let Some((tail, head)) = text::mend_across(&last.cells[0], &first.cells[0], lexicon) {
            last.cells[0] = tail;
            first.cells[0] = head;
        }
    }
    for page in &mut doc.pages {
        page.blocks
            .retain(|b| b.cells.iter().any(|c| !c.is_empty()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Page};

    fn page(paragraphs: &[&str]) -> Page {
        Page {
            label: None,
            blocks: paragraphs.iter().map(|p| Block::text(*p)).collect(),
            header: Vec::new(),
            footer: Vec::new(),
        }
    }

    #[test]
    fn cells_are_joined_with_the_documents_evidence() {
        let doc = Document {
            pages: vec![page(&[
                "hvordan lhbtqi-\npersoner  med",
                "lhbtqi-personer er nevnt",
            ])],
            ..Document::default()
        };
        let cleaned = run(doc);
        assert_eq!(
            cleaned.pages[0].blocks[0].cells[0],
            "hvordan lhbtqi-personer med"
        );
    }

    #[test]
    fn a_word_broken_over_a_page_is_mended() {
        let doc = Document {
            pages: vec![
                page(&["Første side.", "Det gjelder kompetanse-"]),
                page(&["heving i tjenestene."]),
            ],
            ..Document::default()
        };
        let cleaned = run(doc);
        assert_eq!(cleaned.pages[0].blocks[1].cells[0], "Det gjelder");
        assert_eq!(
            cleaned.pages[1].blocks[0].cells[0],
            "kompetanseheving i tjenestene."
        );
    }
}

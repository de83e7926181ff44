//! Text normalisation: the second stage.
//!
//! Takes a [`Document`] whose cells still hold the producer's characters and
//! layout line breaks (`\n`), gives the same document with every cell in the
//! canonical form all later stages compare: Unicode NFC, ligatures expanded,
//! bullets unified to `•`, soft hyphens dropped, line breaks joined (a word
//! broken at a line end is mended only when the document itself says it is
//! one word), whitespace collapsed.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Block, Document};

/// Words that follow a Norwegian suspended hyphen: "volds- og trusselutsatte".
pub const SUSPENDED_HYPHEN_FOLLOWERS: &[&str] = &["og", "eller", "samt", "enn", "til", "and", "or"];

/// Normalises every cell of the document.
pub fn run(mut doc: Document) -> Document {
    for page in &mut doc.pages {
        for block in &mut page.blocks {
            for cell in &mut block.cells {
                *cell = normalise_characters(cell);
            }
        }
    }
    let vocabulary = Vocabulary::of(&doc);
    for page in &mut doc.pages {
        for block in &mut page.blocks {
            clean_block(block, &vocabulary);
        }
    }
    mend_words_across_pages(&mut doc, &vocabulary);
    doc
}

/// A word hyphenated at the last line of a page continues on the next page;
/// the broken fragment moves to the next page's first paragraph, so the word
/// is whole on one side (the parser joins the paragraphs with a space).
fn mend_words_across_pages(doc: &mut Document, vocabulary: &Vocabulary) {
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
        let (tail, head) = (&last.cells[0], &first.cells[0]);
        let Some(stem) = tail.strip_suffix('-') else {
            continue;
        };
        if !ends_with_word_char(stem) || !head.starts_with(char::is_lowercase) {
            continue;
        }
        let fragment = last_word(stem).to_string();
        let next_word = head.split_whitespace().next().unwrap_or("");
        let joined = match line_end_hyphen(&fragment, next_word, vocabulary) {
            Hyphen::Break => format!("{fragment}{head}"),
            Hyphen::Keep => format!("{fragment}-{head}"),
            Hyphen::Suspended => continue,
        };
        let kept = stem[..stem.len() - fragment.len()].trim_end().to_string();
        last.cells[0] = kept;
        first.cells[0] = joined;
    }
    for page in &mut doc.pages {
        page.blocks
            .retain(|b| b.cells.iter().any(|c| !c.is_empty()));
    }
}

fn clean_block(block: &mut Block, vocabulary: &Vocabulary) {
    for cell in &mut block.cells {
        *cell = collapse_whitespace(&join_lines(cell, vocabulary));
    }
}

/// Character-level rules that need no context.
pub fn normalise_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            // Private-use bullets from Symbol/Wingdings fonts and the usual
            // typographic ones all mean "list item".
            '\u{f0b7}' | '\u{f0a7}' | '\u{2022}' | '\u{25aa}' | '\u{25cf}' | '\u{2023}'
            | '\u{2043}' | '\u{25e6}' => out.push('•'),
            '\u{00ad}' => out.push('\u{00ad}'), // resolved in join_lines, which sees line ends
            '\u{00a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => {
                out.push(' ')
            }
            '\u{200b}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Collapses runs of whitespace to one space and trims; keeps a space after
/// a leading bullet.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if let Some(rest) = out.strip_prefix('•')
        && !rest.starts_with(' ')
        && !rest.is_empty()
    {
        return format!("• {rest}");
    }
    out
}

/// How often each word occurs in the document, to decide hyphenation.
pub struct Vocabulary {
    counts: HashMap<String, usize>,
}

impl Vocabulary {
    /// Counts the words of every cell, leaving out fragments at line ends
    /// (those are what is being decided).
    pub fn of(doc: &Document) -> Vocabulary {
        let mut counts = HashMap::new();
        for page in &doc.pages {
            for block in &page.blocks {
                for cell in &block.cells {
                    for line in cell.split('\n') {
                        let words: Vec<&str> = line.split_whitespace().collect();
                        for (i, word) in words.iter().enumerate() {
                            let last = i + 1 == words.len();
                            if last && (word.ends_with('-') || word.ends_with('\u{00ad}')) {
                                continue;
                            }
                            let key = word_key(word);
                            if !key.is_empty() {
                                *counts.entry(key).or_insert(0) += 1;
                            }
                        }
                    }
                }
            }
        }
        Vocabulary { counts }
    }

    /// Builds a vocabulary from plain text (for tests and small inputs).
    pub fn of_text(text: &str) -> Vocabulary {
        Vocabulary::of(&crate::extract::text::read(text))
    }

    fn contains(&self, word: &str) -> bool {
        self.counts.contains_key(&word_key(word))
    }
}

fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .trim_matches('-')
        .replace('\u{00ad}', "")
        .to_lowercase()
}

/// Joins the layout lines of one cell into running text.
pub fn join_lines(cell: &str, vocabulary: &Vocabulary) -> String {
    let mut lines = cell.split('\n').map(str::trim);
    let mut out = lines.next().unwrap_or("").to_string();
    for next in lines {
        if next.is_empty() {
            continue;
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        let next_word = next.split_whitespace().next().unwrap_or("");
        if let Some(stem) = out.strip_suffix('\u{00ad}') {
            // A soft hyphen at a line end is by definition a word break.
            out = format!("{stem}{next}");
        } else if out.ends_with('-') && ends_with_word_char(&out[..out.len() - 1]) {
            let fragment = last_word(&out[..out.len() - 1]).to_string();
            match line_end_hyphen(&fragment, next_word, vocabulary) {
                Hyphen::Break => {
                    out.pop();
                    out.push_str(next);
                }
                Hyphen::Keep => out.push_str(next),
                Hyphen::Suspended => {
                    out.push(' ');
                    out.push_str(next);
                }
            }
        } else if out.is_empty() {
            out.push_str(next);
        } else {
            out.push(' ');
            out.push_str(next);
        }
    }
    out.replace('\u{00ad}', "")
}

/// What a hyphen at the end of a line is.
#[derive(Debug, PartialEq, Eq)]
pub enum Hyphen {
    /// Inserted by hyphenation: remove it and join the halves.
    Break,
    /// Part of the word ("lhbtqi-personer", "2021-2024"): join, keep it.
    Keep,
    /// A Norwegian suspended hyphen ("volds- og"): keep it and the space.
    Suspended,
}

/// Decides a line-end hyphen between `fragment` (the word before it, without
/// the hyphen) and `next_word` (the first word of the next line).
pub fn line_end_hyphen(fragment: &str, next_word: &str, vocabulary: &Vocabulary) -> Hyphen {
    let next_bare = next_word.trim_matches(|c: char| !c.is_alphanumeric());
    if SUSPENDED_HYPHEN_FOLLOWERS.contains(&next_bare.to_lowercase().as_str()) {
        return Hyphen::Suspended;
    }
    let joined = format!("{fragment}{next_word}");
    let hyphenated = format!("{fragment}-{next_word}");
    match (
        vocabulary.contains(&joined),
        vocabulary.contains(&hyphenated),
    ) {
        (true, false) => return Hyphen::Break,
        (false, true) => return Hyphen::Keep,
        _ => {}
    }
    let starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
    let fragment_is_plain_word = fragment
        .chars()
        .skip(1)
        .all(|c| c.is_alphabetic() && c.is_lowercase());
    if starts_lower && fragment_is_plain_word {
        Hyphen::Break
    } else {
        Hyphen::Keep
    }
}

fn ends_with_word_char(text: &str) -> bool {
    text.chars().last().is_some_and(char::is_alphanumeric)
}

fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"' || c == '/')
        .map_or(0, |i| i + 1);
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(text: &str, context: &str) -> String {
        let vocabulary = Vocabulary::of_text(context);
        collapse_whitespace(&join_lines(&normalise_characters(text), &vocabulary))
    }

    #[test]
    fn suspended_hyphens_survive_line_ends() {
        assert_eq!(
            join("er volds-\nog trusselutsatte", ""),
            "er volds- og trusselutsatte"
        );
        assert_eq!(
            join("i helse-\nog omsorgstjenesten", ""),
            "i helse- og omsorgstjenesten"
        );
        assert_eq!(
            join("lærer-, helse-\neller sosialfag", ""),
            "lærer-, helse- eller sosialfag"
        );
    }

    #[test]
    fn suspended_hyphen_inside_a_line_is_untouched() {
        assert_eq!(
            join("Barne- og familiedepartementet", ""),
            "Barne- og familiedepartementet"
        );
    }

    #[test]
    fn real_hyphens_survive_line_ends() {
        assert_eq!(join("perioden 2021-\n2024", ""), "perioden 2021-2024");
        assert_eq!(
            join("hvordan lhbtqi-\npersoner med", "lhbtqi-personer er nevnt"),
            "hvordan lhbtqi-personer med"
        );
        assert_eq!(join("lokale NAV-\nkontorer", ""), "lokale NAV-kontorer");
    }

    #[test]
    fn hyphenation_breaks_are_mended() {
        assert_eq!(join("kompetanse-\nheving i", ""), "kompetanseheving i");
        assert_eq!(
            join("tverr-\nsektoriell", "en tverrsektoriell innsats"),
            "tverrsektoriell"
        );
    }

    #[test]
    fn document_evidence_decides_ambiguous_breaks() {
        // The hyphenated form occurs elsewhere, so the hyphen is real.
        assert_eq!(
            join("for ikke-\ndiskriminering", "og ikke-diskriminering"),
            "for ikke-diskriminering"
        );
    }

    #[test]
    fn soft_hyphens_are_dropped() {
        assert_eq!(join("kunn\u{ad}skap", ""), "kunnskap");
        assert_eq!(join("kunn\u{ad}\nskap", ""), "kunnskap");
    }

    #[test]
    fn ligatures_and_bullets_are_normalised() {
        assert_eq!(normalise_characters("\u{fb01}nne \u{fb02}yt"), "finne flyt");
        assert_eq!(normalise_characters("\u{fb03}\u{fb04}"), "ffiffl");
        assert_eq!(
            collapse_whitespace(&normalise_characters("\u{f0b7}\tStyrke")),
            "• Styrke"
        );
        assert_eq!(
            collapse_whitespace(&normalise_characters("\u{2022}Styrke")),
            "• Styrke"
        );
    }

    #[test]
    fn nfc_and_whitespace() {
        assert_eq!(normalise_characters("a\u{30a}r"), "år");
        assert_eq!(
            collapse_whitespace("  1\u{a0}137   saker \n"),
            "1\u{a0}137 saker".replace('\u{a0}', " ").as_str()
        );
    }
}

//! The genre's words live in `src/vocab.rs` only: no string literal of the
//! code elsewhere in `src/` holds a word of the vocabulary (or any æ, ø, å),
//! doc comments and unit tests aside. A report worded otherwise must be one
//! edit of the vocabulary away.

use std::path::Path;

use tiltak::vocab;

use crate::util;

/// Vocabulary words that are also English, or the tool's own name, and so
/// may stand in the code's own messages, paths and anchors.
const ALSO_ENGLISH: &[&str] = &[
    "tiltak", "status", "Status", "per", "page", "of", "contents", "side", "and", "or", "under",
    "ref", "prop", "mars", "st", "for",
];

/// Every word of the vocabulary's lists, two letters or more.
fn vocabulary_words() -> Vec<String> {
    let mut phrases: Vec<&str> = vec![
        vocab::MEASURE_WORD,
        vocab::AREA_WORD,
        vocab::STATUS_LABEL,
        vocab::RESPONSIBLE_LABEL,
        vocab::AS_OF_LEAD,
        vocab::AS_OF_OPTIONAL,
        vocab::AS_OF_LINE,
        vocab::STATUS_LINE_START,
        vocab::SUMMARY_TOTAL.0,
        vocab::SUMMARY_TOTAL.1,
        vocab::COLUMN_TITLE,
        vocab::COLUMN_RESPONSIBLE,
        vocab::COLUMN_STATUS,
        vocab::NEGATION,
        vocab::HALF_NOUN_OF,
        vocab::SUMMARY_OF,
        vocab::FINAL_REPORT_NAME,
    ];
    for list in [
        vocab::TOC_TITLES,
        vocab::MEASURE_WORDS,
        vocab::NUMBER_WORDS,
        vocab::STATUS_DATE_WORDS,
        vocab::AS_OF_PREPOSITIONS,
        vocab::COLUMN_NUMBER,
        vocab::SUMMARY_TOTAL_WORDS,
        vocab::COUNT_TABLE_TOTALS,
        vocab::TWO_COLUMN_HEADERS,
        vocab::COUNT_HEADERS,
        vocab::SUMMARY_MEASURE_WORDS,
        vocab::CONTINUED_MARKS,
        vocab::PARTNERS_IN_PARENTHESES,
        vocab::AREA_WORDS,
        vocab::RESPONSIBLE_LABELS,
        vocab::RESPONSIBLE_QUALIFIERS,
        vocab::COOPERATION,
        vocab::NAME_CONJUNCTIONS,
        vocab::FINAL_REPORT_WORDS,
        vocab::SUMMARY_FILLER,
        vocab::SUSPENDED_HYPHEN_FOLLOWERS,
        vocab::ABBREVIATIONS,
        vocab::PAGE_WORDS,
        vocab::PAGE_OF_WORDS,
        &vocab::MONTHS,
        vocab::HALF_NOUNS,
        vocab::YEAR_END,
        vocab::YEAR_PREPOSITIONS,
        vocab::FOLLOW_UP_STOP_WORDS,
        vocab::DELIVERED,
        vocab::FUTURE_MARKERS,
        vocab::DEADLINES_FOR_OTHERS,
        &vocab::OVERVIEW_HEADER,
    ] {
        phrases.extend_from_slice(list);
    }
    phrases.extend(vocab::SEASONS.iter().map(|(w, _)| *w));
    phrases.extend(vocab::COLUMN_NAMES.iter().map(|(w, _)| *w));
    phrases.extend(vocab::HALF_WORDS.iter().map(|(w, _)| *w));
    phrases.extend(vocab::STATUS_WORDS.iter().map(|(w, _)| *w));
    let mut words: Vec<String> = phrases
        .iter()
        .flat_map(|p| words(p))
        .filter(|w| w.chars().count() >= 2 && !ALSO_ENGLISH.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The words of a text; file names ("sluttrapport-2024.pdf" in a help
/// example) are not words of the text.
fn words(text: &str) -> Vec<String> {
    let text: Vec<&str> = text
        .split_whitespace()
        .filter(|t| ![".pdf", ".txt", ".csv"].iter().any(|e| t.ends_with(e)))
        .collect();
    text.join(" ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The string literals of a Rust file's code, without comments and without
/// its unit tests (a `#[cfg(test)]` module, which this codebase puts last).
fn string_literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let chars: Vec<char> = code.chars().collect();
    let mut literals = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => i = skip_char_literal(&chars, i),
            'r' if matches!(chars.get(i + 1), Some('"') | Some('#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|c| c.is_alphanumeric()) =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let start = i + 2 + hashes;
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                let rest: String = chars[start..].iter().collect();
                let end = rest.find(&close).unwrap_or(rest.len());
                literals.push(rest[..end].to_string());
                i = start + rest[..end].chars().count() + close.chars().count();
                continue;
            }
            '"' => {
                let mut literal = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    literal.extend(chars.get(i));
                    i += 1;
                }
                literals.push(literal);
            }
            _ => {}
        }
        i += 1;
    }
    literals
}

/// Past a char literal such as `'"'` or `'\u{ad}'`; a lifetime stays.
fn skip_char_literal(chars: &[char], at: usize) -> usize {
    if chars.get(at + 1) == Some(&'\\') {
        let close = chars[at + 2..].iter().position(|c| *c == '\'');
        return close.map_or(at, |p| at + 2 + p);
    }
    if chars.get(at + 2) == Some(&'\'') {
        return at + 2;
    }
    at
}

#[test]
fn the_literal_scanner_sees_strings_not_comments_chars_or_tests() {
    let source = "// \"innhold\"\nlet a = '\"'; let b = \"x \\\"y\\\"\"; let c = r#\"raw \"q\"\"#;\n\
                  fn f<'a>() {}\n#[cfg(test)]\nmod tests { \"t\" }";
    assert_eq!(string_literals(source), ["x \"y\"", "raw \"q\""]);
}

#[test]
fn the_readers_catalogue_reads_no_report() {
    // render/lang.rs may hold Norwegian only because it is output: no
    // stage before rendering may use it.
    let files = util::files_below(&util::repo("src"), "rs");
    for file in files
        .iter()
        .filter(|f| !f.starts_with(util::repo("src/render")))
    {
        let source = std::fs::read_to_string(file).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap_or("");
        let outside_cli = !file.starts_with(util::repo("src/cli"))
            && !file.ends_with("main.rs")
            && !file.ends_with("batch.rs");
        assert!(
            !(outside_cli && code.contains("lang::")),
            "{} uses the readers' catalogue",
            file.display()
        );
    }
}

#[test]
fn no_genre_word_outside_the_vocabulary() {
    let vocabulary = vocabulary_words();
    assert!(vocabulary.len() > 100, "{}", vocabulary.len());
    let files = util::files_below(&util::repo("src"), "rs");
    let mut found = Vec::new();
    // Two catalogues may hold Norwegian: the genre's words, which the
    // parser reads (`vocab.rs`), and the tool's own words for readers in
    // bokmål beside English (`render/lang.rs`), which nothing reading a
    // report consults.
    let catalogues = [Path::new("src/vocab.rs"), Path::new("src/render/lang.rs")];
    for file in files
        .iter()
        .filter(|f| !catalogues.iter().any(|c| f.ends_with(c)))
    {
        let source = std::fs::read_to_string(file).unwrap();
        for literal in string_literals(&source) {
            let norwegian_letter = literal.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']);
            let word = words(&literal)
                .into_iter()
                .find(|w| vocabulary.binary_search(w).is_ok());
            if norwegian_letter || word.is_some() {
                let name = file
                    .strip_prefix(util::repo(""))
                    .unwrap()
                    .display()
                    .to_string();
                found.push(format!(
                    "{name}: {literal:?} ({})",
                    word.unwrap_or_default()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "genre words outside vocab.rs:\n{}",
        found.join("\n")
    );
}

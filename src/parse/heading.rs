//! Heading numbering: what kind of heading a paragraph is, its id and its
//! title without the numbering.
//!
//! Takes one paragraph, gives its [`HeadingKind`], id and title. A measure
//! heading names the measure word ("Tiltak 3.", "Tiltak nr. 3", "Tiltak 9 a)",
//! "Tiltak 3b", "Tiltak 4.1 –"); an area heading one of the area words
//! ("Innsatsområde 2:", "Kapittel 2", "Mål 2 –"). A bare number ("3.",
//! "3)", "4.1", "3a:") is only a candidate ([`bare_measure`]): the body
//! reader takes it for a measure when label lines follow it.

use crate::model::{HeadingKind, MeasureId, SubId};
use crate::vocab;

/// Classifies a heading by its numbering: an area, a measure, or anything
/// else a section.
///
/// Returns the kind, the id (`"3"`, `"9a"`, `"4.1"`, empty for sections)
/// and the title without the numbering.
///
/// ```
/// use tiltak::model::HeadingKind;
/// use tiltak::parse::classify_heading;
/// assert_eq!(
///     classify_heading("Tiltak 9 a) Utvikle støtteressurser"),
///     (HeadingKind::Measure, "9a".to_string(), "Utvikle støtteressurser".to_string())
/// );
/// assert_eq!(
///     classify_heading("Kapittel 2 Kunnskap"),
///     (HeadingKind::Area, "2".to_string(), "Kunnskap".to_string())
/// );
/// ```
pub fn classify_heading(text: &str) -> (HeadingKind, String, String) {
    let text = text.trim();
    if let Some((id, title)) = measure_heading(text) {
        return (HeadingKind::Measure, id.to_string(), title.to_string());
    }
    if let Some((id, title)) = area_heading(text) {
        return (HeadingKind::Area, id.to_string(), title.to_string());
    }
    (HeadingKind::Section, String::new(), text.to_string())
}

/// "Tiltak 3. Title" and the other measure-word forms.
fn measure_heading(text: &str) -> Option<(MeasureId, &str)> {
    let rest = vocab::MEASURE_WORDS
        .iter()
        .find_map(|w| after_word(text, w))?;
    let numbered = vocab::NUMBER_WORDS.iter().find_map(|w| after_word(rest, w));
    let (id, rest, distinct) = measure_number(numbered.unwrap_or(rest))?;
    let (rest, separated) = separator(rest);
    // Without punctuation after a plain number this is a sentence that
    // starts with a measure's name ("Tiltak 5 i denne planen …").
    (separated || distinct || numbered.is_some()).then_some((id, rest))
}

/// A bare-numbered paragraph that may head a measure: "3. Title", "3)
/// Title", "4.1 Title", "3a: Title". The title must start with a capital.
pub fn bare_measure(text: &str) -> Option<(MeasureId, &str)> {
    let text = text.trim();
    let (id, rest, distinct) = measure_number(text)?;
    let (title, separated) = separator(rest);
    let capital = title.chars().next().is_some_and(char::is_uppercase);
    ((separated || distinct) && capital && title.len() < 300 && !title.ends_with('.'))
        .then_some((id, title))
}

/// "Innsatsområde 2: Title", "Kapittel 2 Title", "Mål 2 – Title".
fn area_heading(text: &str) -> Option<(&str, &str)> {
    let rest = vocab::AREA_WORDS.iter().find_map(|w| after_word(text, w))?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (id, rest) = rest.split_at(digits);
    let (title, separated) = separator(rest);
    // "Del 2 av rapporten" is a sentence, not a heading: without
    // punctuation the title must start with a capital.
    let capital = title.chars().next().is_some_and(char::is_uppercase);
    (separated || capital || title.is_empty()).then_some((id, title))
}

/// The text after `word` and white space, if `text` starts with the word.
fn after_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len()).then_some(trimmed)
}

/// A measure number at the start of `text`: the id, the rest, and whether
/// the number is distinct enough to need no punctuation after it (a
/// letter or a dotted part: "3b", "4.1").
pub(super) fn measure_number(text: &str) -> Option<(MeasureId, &str, bool)> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return None;
    }
    let number: u32 = text[..digits].parse().ok()?;
    let rest = &text[digits..];
    let id = |sub| MeasureId { number, sub };
    // "4.1": a dot followed by digits.
    if let Some(after) = rest.strip_prefix('.') {
        let sub = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if sub > 0 && sub <= 3 {
            let n = after[..sub].parse().ok()?;
            return Some((id(Some(SubId::Number(n))), &after[sub..], true));
        }
    }
    let mut chars = rest.chars();
    // "3b" touching the number, or "9 a)", "9 a.", "9 a:".
    let touching = chars
        .next()
        .filter(|c| c.is_lowercase() && c.is_alphabetic());
    if let Some(letter) = touching
        && !chars.clone().next().is_some_and(char::is_alphanumeric)
    {
        return Some((id(Some(SubId::Letter(letter))), chars.as_str(), true));
    }
    let spaced = rest.trim_start();
    let mut chars = spaced.chars();
    if spaced.len() < rest.len()
        && let (Some(letter), Some(close)) = (chars.next(), chars.next())
        && letter.is_lowercase()
        && matches!(close, ')' | '.' | ':')
    {
        return Some((
            id(Some(SubId::Letter(letter))),
            &spaced[letter.len_utf8()..],
            true,
        ));
    }
    Some((id(None), rest, false))
}

/// Skips the punctuation after a number (")", ".", ":", or a dash between
/// spaces) and the space after it; says whether there was any.
pub(super) fn separator(text: &str) -> (&str, bool) {
    let trimmed = text.trim_start();
    for mark in [")", ".", ":"] {
        if let Some(rest) = trimmed.strip_prefix(mark) {
            return (rest.trim_start(), true);
        }
    }
    for dash in ["–", "-", "—"] {
        if let Some(rest) = trimmed.strip_prefix(dash)
            && (rest.starts_with(char::is_whitespace) && trimmed.len() < text.len())
        {
            return (rest.trim_start(), true);
        }
    }
    (trimmed, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str) -> (HeadingKind, String, String) {
        classify_heading(text)
    }

    fn measure(id: &str, title: &str) -> (HeadingKind, String, String) {
        (HeadingKind::Measure, id.into(), title.into())
    }

    #[test]
    fn measure_numbering_styles() {
        for text in [
            "Tiltak 3. Innhente kunnskap",
            "Tiltak 3: Innhente kunnskap",
            "Tiltak 3 – Innhente kunnskap",
            "Tiltak 3 - Innhente kunnskap",
            "Tiltak nr. 3 Innhente kunnskap",
            "Tiltak nr. 3: Innhente kunnskap",
            "Tiltak 3) Innhente kunnskap",
        ] {
            assert_eq!(heading(text), measure("3", "Innhente kunnskap"), "{text}");
        }
        for (text, id) in [
            ("Tiltak 9 a) Utvikle støtte", "9a"),
            ("Tiltak 9a Utvikle støtte", "9a"),
            ("Tiltak 9 a. Utvikle støtte", "9a"),
            ("Tiltak 3a: Utvikle støtte", "3a"),
            ("Tiltak 3b Utvikle støtte", "3b"),
            ("Tiltak 4.1 – Utvikle støtte", "4.1"),
            ("Tiltak 4.1 Utvikle støtte", "4.1"),
            ("Tiltak 4.1. Utvikle støtte", "4.1"),
        ] {
            assert_eq!(heading(text), measure(id, "Utvikle støtte"), "{text}");
        }
    }

    #[test]
    fn sentences_are_not_measure_headings() {
        assert_eq!(heading("Tiltak 5 i denne planen").0, HeadingKind::Section);
        assert_eq!(heading("Tiltak 12 er ferdig").0, HeadingKind::Section);
        assert_eq!(heading("Tiltakene er mange").0, HeadingKind::Section);
    }

    #[test]
    fn area_words_and_separators() {
        for text in [
            "Innsatsområde 2. Kunnskap",
            "Innsatsområde 2: Kunnskap",
            "Innsatsområde 2 – Kunnskap",
            "Kapittel 2 Kunnskap",
            "Del 2: Kunnskap",
            "Mål 2 – Kunnskap",
            "Tema 2. Kunnskap",
            "Satsingsområde 2: Kunnskap",
        ] {
            assert_eq!(
                heading(text),
                (HeadingKind::Area, "2".into(), "Kunnskap".into()),
                "{text}"
            );
        }
        assert_eq!(heading("Del 2 av rapporten").0, HeadingKind::Section);
        assert_eq!(heading("Målet er klart").0, HeadingKind::Section);
    }

    #[test]
    fn bare_numbers_are_candidates() {
        let bare = |t: &str| bare_measure(t).map(|(id, title)| (id.to_string(), title.to_string()));
        for text in [
            "3. Innhente kunnskap",
            "3) Innhente kunnskap",
            "3: Innhente kunnskap",
        ] {
            assert_eq!(
                bare(text),
                Some(("3".into(), "Innhente kunnskap".into())),
                "{text}"
            );
        }
        assert_eq!(
            bare("4.1 Innhente kunnskap"),
            Some(("4.1".into(), "Innhente kunnskap".into()))
        );
        assert_eq!(
            bare("3a: Innhente kunnskap"),
            Some(("3a".into(), "Innhente kunnskap".into()))
        );
        assert_eq!(bare("3 kommuner deltar"), None);
        assert_eq!(bare("2024 ble et godt år."), None);
        assert_eq!(bare("1. januar trådte loven i kraft"), None);
    }
}

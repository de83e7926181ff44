//! Dated commitments: forward-looking statements with a due date.
//!
//! A commitment is a sentence of a measure's progress text that names a
//! time after the report's as-of date: "Den ferdigstilles i februar 2024",
//! "Evalueringen vil foreligge våren 2024", "andre halvdel av 2024".

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Commitment, Measure};

/// Norwegian month names, January first.
pub const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// A date expression and the due value it gives.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:",
        r"(?P<month>januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\s+(?P<month_year>\d{4})",
        r"|(?P<season>våren|vår|sommeren|høsten|høst|vinteren)\s+(?P<season_year>\d{4})",
        r"|(?P<half>første|andre|siste)\s+(?:halvdel\s+av|halvår\s+(?:av\s+)?|halvår)\s*(?P<half_year>\d{4})",
        r"|(?:utgangen|slutten)\s+av\s+(?P<end_year>\d{4})",
        r"|(?:i\s+løpet\s+av|innen|i)\s+(?P<year>\d{4})\b(?:\s*[-–]\s*\d{4})?",
        r")"
    ))
    .unwrap()
});

/// Finds the commitments in every measure's progress text.
///
/// `as_of` is the report's ISO as-of date; only dates after it count.
pub fn find_commitments(measures: &[Measure], as_of: &str) -> Vec<Commitment> {
    let as_of_month = as_of.get(..7).unwrap_or(as_of).to_string();
    let mut out = Vec::new();
    for measure in measures {
        for sentence in sentences(&measure.progress) {
            if let Some(due) = due_date(sentence, &as_of_month) {
                out.push(Commitment {
                    measure: measure.id.clone(),
                    due,
                    text: sentence.to_string(),
                });
            }
        }
    }
    out
}

/// The first date in the sentence that lies after `as_of_month` (`YYYY-MM`).
fn due_date(sentence: &str, as_of_month: &str) -> Option<String> {
    for c in DATE.captures_iter(sentence) {
        // A span like "2023-2024" names a period, not a due date.
        if c.get(0).unwrap().as_str().contains(['-', '–']) && c.name("year").is_some() {
            continue;
        }
        let (due, last_month) = if let (Some(m), Some(y)) = (c.name("month"), c.name("month_year"))
        {
            let month = MONTHS
                .iter()
                .position(|n| n.eq_ignore_ascii_case(m.as_str()))?
                + 1;
            let due = format!("{}-{month:02}", y.as_str());
            (due.clone(), due)
        } else if let (Some(s), Some(y)) = (c.name("season"), c.name("season_year")) {
            let y = y.as_str();
            match s.as_str().to_lowercase().as_str() {
                "våren" | "vår" => (format!("{y}-H1"), format!("{y}-06")),
                "sommeren" => (format!("{y}-H2"), format!("{y}-08")),
                "vinteren" => (format!("{y}-H1"), format!("{y}-02")),
                _ => (format!("{y}-H2"), format!("{y}-12")),
            }
        } else if let (Some(h), Some(y)) = (c.name("half"), c.name("half_year")) {
            let y = y.as_str();
            if h.as_str().eq_ignore_ascii_case("første") {
                (format!("{y}-H1"), format!("{y}-06"))
            } else {
                (format!("{y}-H2"), format!("{y}-12"))
            }
        } else if let Some(y) = c.name("end_year") {
            (format!("{}-12", y.as_str()), format!("{}-12", y.as_str()))
        } else if let Some(y) = c.name("year") {
            (y.as_str().to_string(), format!("{}-12", y.as_str()))
        } else {
            continue;
        };
        if last_month.as_str() > as_of_month {
            return Some(due);
        }
    }
    None
}

/// Splits running text into sentences, keeping common Norwegian
/// abbreviations ("ca.", "bl.a.", "jf.") and ordinal dates ("1. januar")
/// inside their sentence.
pub fn sentences(text: &str) -> Vec<&str> {
    const ABBREVIATIONS: &[&str] = &[
        "ca", "bl.a", "jf", "f.eks", "nr", "st", "meld", "innst", "o.l", "m.m", "mv", "bla", "dvs",
        "evt", "pkt", "kap", "prop", "ref",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // A closing quote or parenthesis may follow the full stop.
        let mut end = k;
        while bytes
            .get(end + 1)
            .is_some_and(|&(_, c)| matches!(c, '»' | ')' | '"' | '”'))
        {
            end += 1;
        }
        let Some(&(_, next)) = bytes.get(end + 1) else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let Some(&(_, after)) = bytes.get(end + 2) else {
            continue;
        };
        if !(after.is_uppercase() || after == '«' || after == '•' || after.is_ascii_digit()) {
            continue;
        }
        let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let word = text[word_start..i].to_lowercase();
        if ABBREVIATIONS.contains(&word.as_str()) {
            continue;
        }
        let (close, c) = bytes[end];
        let stop = close + c.len_utf8();
        out.push(text[start..stop].trim());
        start = stop;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(s: &str) -> Option<String> {
        due_date(s, "2023-12")
    }

    #[test]
    fn due_dates() {
        assert_eq!(
            due("Den ferdigstilles i februar 2024."),
            Some("2024-02".into())
        );
        assert_eq!(
            due("Evalueringen vil foreligge våren 2024."),
            Some("2024-H1".into())
        );
        assert_eq!(
            due("Planlagt ferdigstilling er andre halvdel av 2024."),
            Some("2024-H2".into())
        );
        assert_eq!(
            due("Rapport vil leveres juni 2025."),
            Some("2025-06".into())
        );
        assert_eq!(
            due("29 nye kommuner vil starte i løpet av 2024."),
            Some("2024".into())
        );
        assert_eq!(
            due("Høsten 2024 starter IMDi opp arbeidet."),
            Some("2024-H2".into())
        );
        assert_eq!(due("Rapporten forelå i februar 2023."), None);
        assert_eq!(
            due("Ved årsskiftet 2023-2024 har 55 kommuner startet."),
            None
        );
        assert_eq!(
            due("Fristen er utsatt fra 30. november 2023 til våren 2024."),
            Some("2024-H1".into())
        );
    }

    #[test]
    fn sentence_split_keeps_abbreviations_and_dates() {
        let s = sentences(
            "Det vil gjennomføres ca. 20 intervjuer. Loven trådte i kraft 1. januar 2021. Ferdig.",
        );
        assert_eq!(
            s,
            [
                "Det vil gjennomføres ca. 20 intervjuer.",
                "Loven trådte i kraft 1. januar 2021.",
                "Ferdig."
            ]
        );
    }
}

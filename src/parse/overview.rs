//! The overview part: summary sentence and department list (the overview
//! table is [`super::table`]'s).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Department, StatusCount, Summary};
use crate::vocab;

static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    let (before, after) = vocab::SUMMARY_TOTAL;
    Regex::new(&format!(
        r"(?i)\b{}\s+(\d+)\s+{}\b",
        vocab::pattern(&[before]),
        vocab::pattern(&[after])
    ))
    .unwrap()
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d+\b").unwrap());
static DEPARTMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\S[^()]{2,120}?)\s*\(([^()\s]{2,12})\)$").unwrap());

/// Whether a paragraph is the summary sentence ("Av totalt 33 tiltak ...").
pub(super) fn is_summary(text: &str) -> bool {
    SUMMARY.is_match(text)
}

/// Reads the total and the count per status from the summary sentence.
///
/// Each number after the total starts a phrase that runs to the next number;
/// the phrase minus filler words ("tiltak", "er") is the status as worded.
pub(super) fn read_summary(sentence: &str) -> Summary {
    let mut summary = Summary {
        sentence: sentence.to_string(),
        ..Summary::default()
    };
    let Some(total) = SUMMARY.captures(sentence) else {
        return summary;
    };
    summary.total = total[1].parse().ok();
    let rest_start = total.get(0).unwrap().end();
    let rest = &sentence[rest_start..];
    let numbers: Vec<_> = NUMBER.find_iter(rest).collect();
    for (i, number) in numbers.iter().enumerate() {
        let end = numbers.get(i + 1).map_or(rest.len(), |n| n.start());
        let phrase = status_phrase(&rest[number.end()..end]);
        if let (Ok(count), false) = (number.as_str().parse(), phrase.is_empty()) {
            summary.counts.push(StatusCount {
                status: phrase,
                count,
            });
        }
    }
    summary
}

fn status_phrase(phrase: &str) -> String {
    const FILLER: &[&str] = vocab::SUMMARY_FILLER;
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.' || c == ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let start = words
        .iter()
        .position(|w| !FILLER.contains(&w.to_lowercase().as_str()));
    let end = words
        .iter()
        .rposition(|w| !FILLER.contains(&w.to_lowercase().as_str()));
    match (start, end) {
        (Some(s), Some(e)) => words[s..=e].join(" "),
        _ => String::new(),
    }
}

/// Department lines: "Arbeids- og inkluderingsdepartementet (AID)".
///
/// A producer without paragraph spacing may run several lines together into
/// one paragraph, so the text is read as a sequence of "Name (ABBR)" items;
/// it is a department paragraph only if such items make up all of it.
pub(super) fn departments(text: &str) -> Option<Vec<Department>> {
    let mut found = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let close = rest.find(')')?;
        let c = DEPARTMENT.captures(&rest[..=close])?;
        if c[1].contains(". ") {
            return None;
        }
        found.push(Department {
            name: c[1].trim().to_string(),
            abbreviation: c[2].to_string(),
        });
        rest = rest[close + 1..].trim_start();
    }
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_use_the_documents_own_words() {
        let s = read_summary(
            "Av totalt 33 tiltak i handlingsplanen er 26 pågående og 7 tiltak er ferdigstilt.",
        );
        assert_eq!(s.total, Some(33));
        let counts: Vec<_> = s
            .counts
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect();
        assert_eq!(counts, [("pågående", 26), ("ferdigstilt", 7)]);

        let s = read_summary(
            "Av totalt 33 tiltak er 24 ferdigstilt, 7 videreført i ny handlingsplan, 1 ikke gjennomført og 1 pågående.",
        );
        let counts: Vec<_> = s
            .counts
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect();
        assert_eq!(
            counts,
            [
                ("ferdigstilt", 24),
                ("videreført i ny handlingsplan", 7),
                ("ikke gjennomført", 1),
                ("pågående", 1)
            ]
        );
    }

    #[test]
    fn department_lines() {
        let d = &departments("Barne-, ungdoms- og familiedirektoratet (Bufdir)").unwrap()[0];
        assert_eq!(
            (d.name.as_str(), d.abbreviation.as_str()),
            ("Barne-, ungdoms- og familiedirektoratet", "Bufdir")
        );
        let run_together = departments(
            "Helsedirektoratet (Hdir) Direktoratet for høyere utdanning og kompetanse (HK-dir)",
        )
        .unwrap();
        let abbreviations: Vec<_> = run_together
            .iter()
            .map(|d| d.abbreviation.as_str())
            .collect();
        assert_eq!(abbreviations, ["Hdir", "HK-dir"]);
        assert!(departments("Det er behov for mer kunnskap. Dette gjelder (NKVTS)").is_none());
        assert!(
            departments("Rapporten fra Proba (2022) viser at funnene (se over) holder").is_none()
        );
    }
}

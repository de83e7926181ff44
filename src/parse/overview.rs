//! The overview part: summary sentence and department list (the overview
//! table is [`super::table`]'s).

use std::sync::LazyLock;

use regex::Regex;

use super::pattern::Pattern;

use crate::model::{Department, StatusCount, Summary};
use crate::vocab;

/// "totalt 33 tiltak", "planens 10 tiltak": the total.
static TOTAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b{}\s+(?P<total>[0-9]+)\s+{}\b",
        vocab::pattern(vocab::SUMMARY_TOTAL_WORDS),
        vocab::pattern(vocab::SUMMARY_MEASURE_WORDS)
    ))
});
/// "4 av planens 9 tiltak gjennomført": a count, then the total, then the
/// status of the count.
static PART_OF_TOTAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?P<count>[0-9]+)\s+{}\s+(?:{}\s+)?(?P<total>[0-9]+)\s+{}\b(?P<status>[^0-9]*)",
        vocab::pattern(&[vocab::SUMMARY_OF]),
        vocab::pattern(vocab::SUMMARY_TOTAL_WORDS),
        vocab::pattern(vocab::SUMMARY_MEASURE_WORDS)
    ))
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[0-9]{1,2}\.\s*[0-9]{1,2}\.\s*[0-9]{2,4}\b").unwrap());
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[0-9]+\b").unwrap());
/// A name and its abbreviation in parentheses. The lengths (a name of 3 to
/// 121 characters, an abbreviation of 2 to 12) are checked in code: as
/// bounded repeats of Unicode classes they made this the costliest regex
/// to build.
static DEPARTMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\S[^()]+?)\s*\(([^()\s]+)\)$").unwrap());

/// Builds the regexes of this module now (see [`super::prepare`]).
pub(super) fn prepare() {
    for re in [&DATE, &NUMBER, &DEPARTMENT] {
        LazyLock::force(re);
    }
    for pattern in [&PART_OF_TOTAL, &TOTAL] {
        LazyLock::force(pattern);
    }
}

/// Reads the total and the count per status from a summary sentence,
/// whatever its wording ("Av totalt 33 tiltak er 26 pågående og 7
/// ferdigstilt", "Av planens 10 tiltak er …", "Per 31.12.2024 er 4 av
/// planens 9 tiltak gjennomført, …"); `None` when the paragraph states no
/// total and no count.
///
/// Each number after the total starts a phrase that runs to the next number;
/// the phrase minus filler words ("tiltak", "er") is the status as worded.
pub(super) fn read_summary(sentence: &str) -> Option<Summary> {
    // Every paragraph of the front matter is tried; one without a number
    // states no total (the regexes below are not cheap to run).
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A date's numbers are not counts.
    let text = DATE.replace_all(sentence, |c: &regex::Captures| " ".repeat(c[0].len()));
    let mut summary = Summary {
        sentence: sentence.to_string(),
        ..Summary::default()
    };
    let rest = if let Some(c) = PART_OF_TOTAL.captures(&text) {
        summary.total = c.name("total")?.parse().ok();
        let status = status_phrase(c.name("status")?);
        if let (Ok(count), false) = (c.name("count")?.parse(), status.is_empty()) {
            summary.counts.push(StatusCount { status, count });
        }
        &text[c.range("status")?.end..]
    } else {
        let c = TOTAL.captures(&text)?;
        summary.total = c.name("total")?.parse().ok();
        &text[c.end()..]
    };
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
    (!summary.counts.is_empty()).then_some(summary)
}

/// A row of a count table ("Igangsatt | 4", "Totalt | 9"): the status (or
/// the total's word) and the number.
pub(super) fn count_row(cells: &[&str]) -> Option<(String, u32)> {
    let [status, count] = cells else {
        return None;
    };
    let count = count.trim().parse().ok()?;
    let status = status.trim();
    (!status.is_empty() && !status.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| (status.to_string(), count))
}

/// Whether a count-table row gives the total ("Totalt", "Sum", "I alt").
pub(super) fn is_total_row(status: &str) -> bool {
    let lower = status.to_lowercase();
    vocab::COUNT_TABLE_TOTALS.contains(&lower.trim_end_matches(':'))
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

/// A row of a two-column department table: "KD | Kunnskapsdepartementet"
/// or "Kunnskapsdepartementet | KD". The abbreviation is one short word
/// with a capital; the name is longer and has a space or ends like a
/// ministry's or directorate's name.
pub(super) fn department_row(cells: &[&str]) -> Option<Department> {
    let [a, b] = cells else {
        return None;
    };
    let abbreviation = |t: &str| {
        let t = t.trim();
        (2..=12).contains(&t.chars().count())
            && !t.contains(char::is_whitespace)
            && t.chars().any(char::is_uppercase)
            && !t.ends_with('.')
    };
    let name = |t: &str| {
        let t = t.trim();
        t.chars().count() > 6 && t.starts_with(char::is_uppercase) && !t.ends_with('.')
    };
    let (abbr, full) = match (abbreviation(a), abbreviation(b)) {
        (true, false) if name(b) => (a, b),
        (false, true) if name(a) => (b, a),
        _ => return None,
    };
    Some(Department {
        abbreviation: abbr.trim().to_string(),
        name: full.trim().to_string(),
    })
}

/// Whether a two-cell row is the header of a department or count table
/// ("Forkortelse | Departement", "Status | Antall").
pub(super) fn is_two_column_header(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let lower = c.trim().to_lowercase();
        vocab::TWO_COLUMN_HEADERS
            .iter()
            .any(|w| lower.starts_with(w))
    })
}

/// Whether a two-column header is a count table's: "Status | Antall".
pub(super) fn is_count_header(cells: &[&str]) -> bool {
    cells.iter().any(|c| {
        let lower = c.trim().to_lowercase();
        vocab::COUNT_HEADERS.iter().any(|w| lower.starts_with(w))
    })
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
        let (name, abbreviation) = (c[1].chars().count(), c[2].chars().count());
        if !(3..=121).contains(&name) || !(2..=12).contains(&abbreviation) {
            return None;
        }
        // "Plan (2022–2026)": a period in parentheses is no abbreviation.
        if c[1].contains(". ") || !c[2].chars().any(char::is_alphabetic) {
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

    fn counts(s: &Summary) -> Vec<(&str, u32)> {
        s.counts
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect()
    }

    #[test]
    fn summaries_in_other_words() {
        let s =
            read_summary("Av planens 10 tiltak er 6 fullført, 3 påbegynt og 1 forsinket.").unwrap();
        assert_eq!(s.total, Some(10));
        assert_eq!(
            counts(&s),
            [("fullført", 6), ("påbegynt", 3), ("forsinket", 1)]
        );
        let s = read_summary(
            "Per 31.12.2024 er 4 av planens 9 tiltak gjennomført, 4 er igangsatt og 1 er ikke startet.",
        )
        .unwrap();
        assert_eq!(s.total, Some(9));
        assert_eq!(
            counts(&s),
            [("gjennomført", 4), ("igangsatt", 4), ("ikke startet", 1)]
        );
        let s = read_summary(
            "Ved utløpet av planperioden er 20 av 24 tiltak gjennomført og 4 videreført.",
        )
        .unwrap();
        assert_eq!(
            (s.total, counts(&s)),
            (Some(24), vec![("gjennomført", 20), ("videreført", 4)])
        );
        assert!(read_summary("Planen ble lagt fram i 2021.").is_none());
        let s = read_summary("Planen omfatter 8 tiltak, hvorav 2 er ferdigstilt og 6 er pågående.")
            .unwrap();
        assert_eq!(
            (s.total, counts(&s)),
            (Some(8), vec![("ferdigstilt", 2), ("pågående", 6)])
        );
        let s =
            read_summary("Planen har 8 tiltak, og per 31.12.2023 er 6 pågående og 2 ferdigstilt.")
                .unwrap();
        assert_eq!(
            (s.total, counts(&s)),
            (Some(8), vec![("pågående", 6), ("ferdigstilt", 2)])
        );
        let d = department_row(&["Kunnskapsdepartementet", "KD"]).unwrap();
        assert_eq!(
            (d.abbreviation.as_str(), d.name.as_str()),
            ("KD", "Kunnskapsdepartementet")
        );
        assert!(department_row(&["Igangsatt", "4"]).is_none());
        assert!(is_two_column_header(&["Forkortelse", "Departement"]));
        assert_eq!(
            count_row(&["Igangsatt", "4"]),
            Some(("Igangsatt".into(), 4))
        );
        assert!(is_total_row("Totalt"));
    }

    #[test]
    fn summary_counts_use_the_documents_own_words() {
        let s = read_summary(
            "Av totalt 33 tiltak i handlingsplanen er 26 pågående og 7 tiltak er ferdigstilt.",
        )
        .unwrap();
        assert_eq!(s.total, Some(33));
        let counts: Vec<_> = s
            .counts
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect();
        assert_eq!(counts, [("pågående", 26), ("ferdigstilt", 7)]);

        let s = read_summary(
            "Av totalt 33 tiltak er 24 ferdigstilt, 7 videreført i ny handlingsplan, 1 ikke gjennomført og 1 pågående.",
        )
        .unwrap();
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
        assert!(departments("Et arbeidsliv for alle (2022–2026)").is_none());
    }
}

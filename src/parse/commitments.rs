//! Dated commitments: forward-looking statements with a due date.
//!
//! A commitment is a sentence of a measure's progress text that names a
//! time after the report's as-of date: "Den ferdigstilles i februar 2024",
//! "Evalueringen vil foreligge våren 2024", "andre halvdel av 2024".

use std::sync::LazyLock;

use super::pattern::{Found, Pattern};

use crate::model::{Commitment, Due, Measure, YearMonth, year_month};
use crate::text::{self, DASHES};
use crate::vocab;

/// A date expression; each alternative's named groups give one kind of [`Due`].
static DATE: LazyLock<Pattern> = LazyLock::new(|| {
    let halves: Vec<&str> = vocab::HALF_WORDS.iter().map(|(w, _)| *w).collect();
    let seasons: Vec<&str> = vocab::SEASONS.iter().map(|(w, _)| *w).collect();
    let nouns = vocab::pattern(vocab::HALF_NOUNS);
    Pattern::new(&format!(
        concat!(
            r"(?i)\b(?:",
            r"(?P<month>{months})\s+(?P<month_year>[0-9]{{4}})",
            r"|(?P<season>{seasons})\s+(?P<season_year>[0-9]{{4}})",
            r"|(?P<half>{halves})\s+{nouns}(?:\s+{of})?\s*(?P<half_year>[0-9]{{4}})",
            r"|{year_end}\s+(?P<end_year>[0-9]{{4}})",
            r"|{prepositions}\s+(?P<year>[0-9]{{4}})\b(?:\s*[{dashes}]\s*[0-9]{{4}})?",
            r")"
        ),
        months = vocab::pattern(&vocab::MONTHS),
        seasons = vocab::pattern(&seasons),
        halves = vocab::pattern(&halves),
        nouns = nouns,
        of = vocab::pattern(&[vocab::HALF_NOUN_OF]),
        year_end = vocab::pattern(vocab::YEAR_END),
        prepositions = vocab::pattern(vocab::YEAR_PREPOSITIONS),
        dashes = DASHES.iter().collect::<String>(),
    ))
});

/// Builds the regex of this module now (see [`super::prepare`]).
pub(super) fn prepare() {
    LazyLock::force(&DATE);
}

/// Finds the commitments in every measure's progress text.
///
/// `as_of` is the report's ISO as-of date; only dates after it count.
pub fn find_commitments(measures: &[Measure], as_of: &str) -> Vec<Commitment> {
    let Some(as_of) = year_month(as_of) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for measure in measures {
        for sentence in text::sentences(&measure.progress) {
            if let Some(due) = due_date(sentence, as_of)
                && !sets_deadline_for_others(sentence)
            {
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

/// Whether the sentence's date is a deadline for others ("svarfristen er
/// 15. januar 2024"): the ministry promises nothing by it.
fn sets_deadline_for_others(sentence: &str) -> bool {
    text::terms(sentence).any(|w| {
        vocab::DEADLINES_FOR_OTHERS
            .iter()
            .any(|stem| w.starts_with(stem))
    })
}

/// The first date in the sentence that lies after `as_of`.
pub(crate) fn due_date(sentence: &str, as_of: YearMonth) -> Option<Due> {
    // Every form of date names a year. Most sentences name none, and the
    // regex's Unicode word boundaries keep it off its fast engines, so a
    // sentence without four digits in a row is not searched.
    let names_a_year = sentence
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !names_a_year {
        return None;
    }
    DATE.captures_iter(sentence)
        // A span like "2023-2024" names a period, not a due date.
        .filter(|c| !(c.whole().contains(DASHES) && c.name("year").is_some()))
        .filter_map(|c| due_of(&c))
        .find(|due| due.last_month() > as_of)
}

/// The due date one match of [`DATE`] names.
fn due_of(c: &Found) -> Option<Due> {
    let year = |name: &str| c.name(name)?.parse::<u16>().ok();
    let word = |name: &str| c.name(name).map(str::to_lowercase);
    if let (Some(month), Some(year)) = (word("month"), year("month_year")) {
        let month = vocab::MONTHS.iter().position(|n| *n == month)? as u8 + 1;
        Some(Due::Month { year, month })
    } else if let (Some(season), Some(year)) = (word("season"), year("season_year")) {
        let (_, season) = vocab::SEASONS.iter().find(|(w, _)| *w == season)?;
        Some(Due::Season {
            year,
            season: *season,
        })
    } else if let (Some(half), Some(year)) = (word("half"), year("half_year")) {
        let (_, first) = vocab::HALF_WORDS.iter().find(|(w, _)| *w == half)?;
        Some(Due::Half {
            year,
            first: *first,
        })
    } else if let Some(year) = year("end_year") {
        Some(Due::Month { year, month: 12 })
    } else {
        year("year").map(Due::Year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(s: &str) -> Option<String> {
        due_date(s, (2023, 12)).map(|d| d.to_string())
    }

    #[test]
    fn a_deadline_for_others_is_no_commitment() {
        let measure = |progress: &str| Measure {
            id: "17".parse().unwrap(),
            progress: progress.into(),
            ..Measure::default()
        };
        let found = find_commitments(
            &[measure(
                "Undersøkelsen omfatter begge tjenestene, og svarfristen er 15. januar 2024. \
                 Rapporten ferdigstilles i mars 2024.",
            )],
            "2023-12-31",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].due.to_string(), "2024-03");
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
        assert_eq!(
            due_date("Rapporten kommer sommeren 2024.", (2024, 9)),
            None,
            "summer is over by September"
        );
    }
}

//! Dated commitments: forward-looking statements with a due date.
//!
//! A commitment is a sentence of a measure's progress text that names a
//! time after the report's as-of date: "Den ferdigstilles i februar 2024",
//! "Evalueringen vil foreligge våren 2024", "andre halvdel av 2024".

use crate::scan::{Case, Scan};

use crate::model::{Commitment, Due, Measure, YearMonth, year_month};
use crate::text::{self, DASHES};
use crate::vocab;

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
    // Every form of date names a year. Most sentences name none, so a
    // sentence without four digits in a row is not searched word by word.
    let names_a_year = sentence
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !names_a_year {
        return None;
    }
    dates(sentence).find(|due| due.last_month() > as_of)
}

/// The due dates a sentence names, left to right; a span of years
/// ("2023-2024") names a period, not a due date, and is passed over.
fn dates(sentence: &str) -> impl Iterator<Item = Due> + '_ {
    Scan::new(sentence)
        .matches(|at| at.starts_word().then(|| date_at(at))?)
        .filter_map(|(_, _, due)| due)
}

/// A date phrase starting at `at`: where it ends, and its due date unless
/// it is a span of years. Tried in this order: "februar 2024", "våren
/// 2024", "andre halvdel av 2024", "utgangen av 2024", "i løpet av 2024".
fn date_at<'a>(at: Scan<'a>) -> Option<(Scan<'a>, Option<Due>)> {
    let year = |at: Scan<'a>| {
        let end = at.digits(4, 4)?;
        Some((end, at.to(end).parse::<u16>().ok()?))
    };
    let after = |phrase: &str| at.phrase(phrase, Case::Fold);
    let month = || {
        vocab::MONTHS.iter().zip(1..).find_map(|(name, month)| {
            let (end, year) = year(after(name)?.spaces1()?)?;
            Some((end, Some(Due::Month { year, month })))
        })
    };
    let season = || {
        vocab::SEASONS.iter().find_map(|(name, season)| {
            let (end, year) = year(after(name)?.spaces1()?)?;
            Some((
                end,
                Some(Due::Season {
                    year,
                    season: *season,
                }),
            ))
        })
    };
    let half = || {
        vocab::HALF_WORDS.iter().find_map(|(name, first)| {
            after(name)?
                .spaces1()?
                .first_phrase(vocab::HALF_NOUNS, Case::Fold, |noun| {
                    let of = || noun.spaces1()?.phrase(vocab::HALF_NOUN_OF, Case::Fold);
                    let (end, year) = of()
                        .and_then(|of| year(of.spaces()))
                        .or_else(|| year(noun.spaces()))?;
                    Some((
                        end,
                        Some(Due::Half {
                            year,
                            first: *first,
                        }),
                    ))
                })
        })
    };
    let year_end = || {
        at.first_phrase(vocab::YEAR_END, Case::Fold, |phrase| {
            let (end, year) = year(phrase.spaces1()?)?;
            Some((end, Some(Due::Month { year, month: 12 })))
        })
    };
    let bare_year = || {
        at.first_phrase(vocab::YEAR_PREPOSITIONS, Case::Fold, |phrase| {
            let (end, year) = year(phrase.spaces1()?).filter(|(end, _)| end.is_boundary())?;
            let span = end.spaces().char_if(|c| DASHES.contains(&c));
            match span.and_then(|dash| dash.spaces().digits(4, 4)) {
                Some(span_end) => Some((span_end, None)),
                None => Some((end, Some(Due::Year(year)))),
            }
        })
    };
    month()
        .or_else(season)
        .or_else(half)
        .or_else(year_end)
        .or_else(bare_year)
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

/// The matcher against the regex it replaced, on sentences put together at
/// random from date phrases and near misses.
#[cfg(test)]
mod same_as_the_regex {
    use super::*;
    use crate::scan::Shuffle;
    use regex::Regex;

    fn oracle() -> Regex {
        let halves: Vec<&str> = vocab::HALF_WORDS.iter().map(|(w, _)| *w).collect();
        let seasons: Vec<&str> = vocab::SEASONS.iter().map(|(w, _)| *w).collect();
        Regex::new(&format!(
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
            nouns = vocab::pattern(vocab::HALF_NOUNS),
            of = vocab::pattern(&[vocab::HALF_NOUN_OF]),
            year_end = vocab::pattern(vocab::YEAR_END),
            prepositions = vocab::pattern(vocab::YEAR_PREPOSITIONS),
            dashes = DASHES.iter().collect::<String>(),
        ))
        .unwrap()
    }

    /// The due dates the regex finds, read as the old code read them.
    fn oracle_dates(re: &Regex, sentence: &str) -> Vec<Due> {
        re.captures_iter(sentence)
            .filter(|c| !(c[0].contains(DASHES) && c.name("year").is_some()))
            .map(|c| {
                let year = |name: &str| c.name(name).map(|m| m.as_str().parse::<u16>().unwrap());
                let word = |name: &str| c.name(name).map(|m| m.as_str().to_lowercase());
                if let Some(month) = word("month") {
                    let month = vocab::MONTHS.iter().position(|n| *n == month).unwrap() as u8 + 1;
                    Due::Month {
                        year: year("month_year").unwrap(),
                        month,
                    }
                } else if let Some(season) = word("season") {
                    let (_, season) = vocab::SEASONS.iter().find(|(w, _)| *w == season).unwrap();
                    Due::Season {
                        year: year("season_year").unwrap(),
                        season: *season,
                    }
                } else if let Some(half) = word("half") {
                    let (_, first) = vocab::HALF_WORDS.iter().find(|(w, _)| *w == half).unwrap();
                    Due::Half {
                        year: year("half_year").unwrap(),
                        first: *first,
                    }
                } else if let Some(year) = year("end_year") {
                    Due::Month { year, month: 12 }
                } else {
                    Due::Year(year("year").unwrap())
                }
            })
            .collect()
    }

    const PIECES: &[&str] = &[
        "februar",
        "FEBRUAR",
        "mai",
        "desember",
        "våren",
        "vår",
        "VÅREN",
        "høst",
        "sommeren",
        "første",
        "andre",
        "siste",
        "halvdel",
        "halvår",
        "av",
        "utgangen av",
        "slutten av",
        "i løpet av",
        "innen",
        "i",
        "I",
        "ski",
        "2024",
        "2025",
        "20245",
        "202",
        "-",
        "–",
        " ",
        " ",
        "  ",
        "\n",
        ".",
        ",",
        "tiltak",
        "_",
        "år",
        // Whole phrases, so that many sentences hold dates.
        "i 2024",
        "mars 2026",
        "høsten 2025",
        "andre halvår 2024",
        "i 2023-2024",
        "utgangen av 2025",
    ];

    #[test]
    fn sentences_read_as_the_regex_read_them() {
        let re = oracle();
        let mut shuffle = Shuffle::new(0x2545_f491_4f6c_dd1d);
        let mut found = 0;
        for _ in 0..40_000 {
            let sentence = shuffle.text(PIECES, 10, Some(2));
            let theirs = oracle_dates(&re, &sentence);
            found += theirs.len();
            assert_eq!(dates(&sentence).collect::<Vec<_>>(), theirs, "{sentence:?}");
        }
        assert!(found > 8_000, "only {found} dates");
    }
}

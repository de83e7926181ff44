//! What became of last year's promises.
//!
//! Takes the old report's [`Commitment`](crate::model::Commitment)s that fell due by the new report's
//! as-of date and gives, for each, the measure's new status and the new
//! progress sentences that speak about it, with a rough verdict.
//!
//! The heuristic, kept small on purpose (a reader checks the sentences):
//! - a new sentence *mentions* a promise when it shares two key words with
//!   it, or one with it and one with the sentence before it (the subject is
//!   often there: "Den ferdigstilles i februar 2024"), key words being words of five letters
//!   or more, not function words, compared on their first six letters so
//!   "rapport"/"rapporten" agree; or when it names the same month or
//!   half-year ("februar 2024", "våren 2024");
//! - `kept`: a mentioning sentence says it was delivered ("forelå",
//!   "levert", "ferdigstilt", "lansert", "startet", ... not after "ikke")
//!   without naming a date after the due date;
//! - `delayed`: otherwise, a mentioning sentence names a date after the due
//!   date (delivered late, or promised anew);
//! - `kept`: otherwise, the new status is finished as
//!   [`vocab::status_class`] reads it ("Ferdigstilt", "Gjennomført"; not
//!   "Delvis gjennomført" nor "Ikke gjennomført");
//! - `unclear`: anything else, including a measure the new report lacks.
//!
//! Known blind spot: a sentence that reports the promised step done and
//! names a later, further step ("startet høsten 2024 …, publiseres i 2025")
//! reads as `delayed`.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Due, MeasureId, Report, year_month};
use crate::parse::commitments::due_date;
use crate::text;
use crate::vocab;

/// A rough reading of whether a promise was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Finished, or the new text says it was delivered.
    Kept,
    /// The new text names a later date for it.
    Delayed,
    /// Neither could be read from the new report.
    Unclear,
}

impl Verdict {
    /// The stable lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Kept => "kept",
            Verdict::Delayed => "delayed",
            Verdict::Unclear => "unclear",
        }
    }
}

/// One old commitment followed up in the new report.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FollowUp {
    /// The measure id in the old report.
    pub measure: MeasureId,
    /// The measure id in the new report, if it is there.
    pub new_measure: Option<MeasureId>,
    /// When it was due (`YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`).
    pub due: Due,
    /// The old sentence that promised it.
    pub promise: String,
    /// The measure's status in the new report.
    pub new_status: Option<String>,
    /// New progress sentences that speak about the promise.
    pub mentions: Vec<String>,
    /// Kept, delayed or unclear.
    pub verdict: Verdict,
}

/// Follows up the old report's commitments due by `new.as_of`.
///
/// `matched` gives, for an old measure id, the new measure's id, status and
/// progress text (following renumbering).
pub(super) fn run<'a>(
    old: &Report,
    new: &Report,
    matched: impl Fn(&MeasureId) -> Option<(&'a MeasureId, Option<&'a str>, &'a str)>,
) -> Vec<FollowUp> {
    let Some(new_month) = year_month(&new.as_of) else {
        return Vec::new();
    };
    old.commitments
        .iter()
        .filter(|c| c.due.last_month() <= new_month)
        .map(|c| {
            let Some((id, status, progress)) = matched(&c.measure) else {
                return FollowUp {
                    measure: c.measure.clone(),
                    new_measure: None,
                    due: c.due,
                    promise: c.text.clone(),
                    new_status: None,
                    mentions: Vec::new(),
                    verdict: Verdict::Unclear,
                };
            };
            let own = key_words(&c.text);
            let context = key_words(sentence_before(old, &c.measure, &c.text));
            let dates = date_phrases(c.due);
            let mentions: Vec<String> = text::sentences(progress)
                .into_iter()
                .filter(|s| {
                    let lower = s.to_lowercase();
                    let words = key_words(s);
                    let shared_own = own.intersection(&words).count();
                    let shared_context = context
                        .difference(&own)
                        .filter(|w| words.contains(*w))
                        .count();
                    (shared_own >= 1 && shared_own + shared_context >= 2)
                        || dates.iter().any(|d| lower.contains(d.as_str()))
                })
                .map(str::to_string)
                .collect();
            FollowUp {
                measure: c.measure.clone(),
                new_measure: Some(id.clone()),
                due: c.due,
                promise: c.text.clone(),
                new_status: status.map(str::to_string),
                verdict: verdict(c.due, status, &mentions),
                mentions,
            }
        })
        .collect()
}

/// The sentence before `sentence` in the old measure's progress text, or "".
fn sentence_before<'a>(old: &'a Report, measure: &MeasureId, sentence: &str) -> &'a str {
    let Some(m) = old.measure(measure) else {
        return "";
    };
    let all = text::sentences(&m.progress);
    all.iter()
        .position(|s| *s == sentence)
        .and_then(|i| i.checked_sub(1))
        .map_or("", |i| all[i])
}

fn verdict(due: Due, status: Option<&str>, mentions: &[String]) -> Verdict {
    // A sentence with a date after the due month is a commitment "as of"
    // the due date: the parser's date reading decides it.
    let later = |s: &String| {
        text::sentences(s)
            .iter()
            .any(|s| due_date(s, due.last_month()).is_some())
    };
    if mentions
        .iter()
        .any(|s| says(&s.to_lowercase(), vocab::DELIVERED) && !later(s))
    {
        Verdict::Kept
    } else if mentions.iter().any(later) {
        Verdict::Delayed
    } else if status.is_some_and(|s| vocab::status_class(s).is_finished()) {
        Verdict::Kept
    } else {
        Verdict::Unclear
    }
}

/// Whether `text` (lower-case) contains one of `stems`, not negated by a
/// preceding "ikke".
fn says(text: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| {
        text.match_indices(stem)
            .any(|(i, _)| !text[..i].trim_end().ends_with(vocab::NEGATION))
    })
}

/// Phrases (lower-case) that name the same month or half-year as `due`.
/// A bare year names too much in a report about that year to count.
fn date_phrases(due: Due) -> Vec<String> {
    let year = due.year().to_string();
    match due {
        Due::Month { month, .. } => vocab::MONTHS
            .get(usize::from(month).wrapping_sub(1))
            .map(|name| vec![format!("{name} {year}")])
            .unwrap_or_default(),
        Due::Half { .. } | Due::Season { .. } => {
            let first = due.first_half() == Some(true);
            vocab::half_year_phrases(first)
                .iter()
                .map(|p| p.replace("{year}", &year))
                .collect()
        }
        Due::Year(_) => Vec::new(),
    }
}

/// Content words of a sentence, as six-letter stems.
fn key_words(sentence: &str) -> HashSet<String> {
    text::terms(sentence)
        .filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
        .filter(|w| {
            !vocab::FOLLOW_UP_STOP_WORDS.contains(&w.as_str())
                && !vocab::MONTHS.contains(&w.as_str())
        })
        .map(|w| w.chars().take(6).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(text: &str) -> Due {
        text.parse().unwrap()
    }

    #[test]
    fn date_phrases_name_months_and_halves() {
        assert_eq!(date_phrases(due("2024-02")), ["februar 2024"]);
        assert_eq!(date_phrases(due("2024-H1"))[0], "våren 2024");
        assert!(date_phrases(due("2024")).is_empty());
    }

    #[test]
    fn verdicts() {
        let kept = ["Rapporten forelå i februar 2024.".to_string()];
        assert_eq!(
            verdict(due("2024-02"), Some("Pågående"), &kept),
            Verdict::Kept
        );
        let late = ["Veilederen er nå ventet første halvdel av 2025.".to_string()];
        assert_eq!(
            verdict(due("2024-H2"), Some("Pågående"), &late),
            Verdict::Delayed
        );
        assert_eq!(
            verdict(due("2024"), Some("Ferdigstilt"), &[]),
            Verdict::Kept
        );
        assert_eq!(
            verdict(due("2024"), Some("Ikke ferdigstilt"), &[]),
            Verdict::Unclear
        );
        let late = ["Strategien ble ferdigstilt i oktober 2024.".to_string()];
        assert_eq!(
            verdict(due("2024-H1"), Some("Ferdigstilt"), &late),
            Verdict::Delayed
        );
    }
}

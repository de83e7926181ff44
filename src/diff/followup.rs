//! What became of last year's promises.
//!
//! Takes the old report's [`Commitment`](crate::model::Commitment)s that fell due by the new report's
//! as-of date and gives, for each, the measure's new status and the new
//! progress sentences that speak about it, with a rough verdict.
//!
//! The rule (README, "What became of the promises"), kept small on purpose
//! since a reader checks the sentences:
//! - a new sentence *mentions* a promise when it shares two key words with
//!   it, or one with it and one with the sentence before it (the subject is
//!   often there: "Den ferdigstilles i februar 2024"), key words being words of five letters
//!   or more, not function words, compared on their first six letters so
//!   "rapport"/"rapporten" agree; or when it names the same month or
//!   half-year ("februar 2024", "våren 2024");
//! - the verdict is read clause by clause (a sentence split at commas and
//!   semicolons), so "Høsten 2024 startet IMDi arbeidet …, og aktørkartet
//!   skal publiseres i 2025" reports the promised start done and a further
//!   step planned, not the start delayed;
//! - `kept`: a mentioning clause says it was delivered ("forelå",
//!   "levert", "ferdigstilt", "lansert", "startet", ... not after "ikke")
//!   and names no date after the due date;
//! - `delayed`: otherwise, a mentioning clause names a date after the due
//!   date (delivered late, or promised anew);
//! - `dropped`: otherwise, the measure is gone from the new report, or its
//!   new status says the plan ended without it or it was cancelled;
//! - `kept`: otherwise, the new status is finished as
//!   [`vocab::status_class`] reads it ("Ferdigstilt", "Gjennomført"; not
//!   "Delvis gjennomført" nor "Ikke gjennomført");
//! - `unclear`: anything else.
//!
//! The sentence that decided is the follow-up's `evidence`, and its
//! [`Reason`] says which rule applied.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Commitment, Due, MeasureId, Report, StatusClass, year_month};
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
    /// The measure is gone, not done or cancelled.
    Dropped,
    /// None of these could be read from the new report.
    Unclear,
}

impl Verdict {
    /// Every verdict, in the order summaries count them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Delayed,
        Verdict::Dropped,
        Verdict::Unclear,
        Verdict::Kept,
    ];
}

/// Which rule of the verdict applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The evidence says it was delivered, with no later date.
    Delivered,
    /// The evidence says it was delivered, at a date after the due date.
    DeliveredLate,
    /// The evidence names a date after the due date for it.
    PromisedAnew,
    /// The measure is not in the new report.
    MeasureGone,
    /// The new status says not done or cancelled.
    NotDone,
    /// No sentence decides, and the new status is finished.
    StatusFinished,
    /// Sentences mention it, but none decides, and the status is not finished.
    MentionedOnly,
    /// No sentence of the new report mentions it.
    NotMentioned,
}

impl Verdict {
    /// The stable lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Kept => "kept",
            Verdict::Delayed => "delayed",
            Verdict::Dropped => "dropped",
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
    /// The measure's title (the old report's).
    pub title: String,
    /// When it was due (`YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`).
    pub due: Due,
    /// The old sentence that promised it.
    pub promise: String,
    /// The measure's status in the new report.
    pub new_status: Option<String>,
    /// New progress sentences that speak about the promise.
    pub mentions: Vec<String>,
    /// Kept, delayed, dropped or unclear.
    pub verdict: Verdict,
    /// The new sentence that decided the verdict, if one did.
    pub evidence: Option<String>,
    /// Which rule decided.
    pub reason: Reason,
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
            let title = old
                .measure(&c.measure)
                .map(|m| m.title.as_str())
                .or_else(|| old.row(&c.measure).map(|r| r.title.as_str()))
                .map(text::normalise)
                .unwrap_or_default();
            let Some((id, status, progress)) = matched(&c.measure) else {
                return FollowUp {
                    measure: c.measure.clone(),
                    new_measure: None,
                    title,
                    due: c.due,
                    promise: c.text.clone(),
                    new_status: None,
                    mentions: Vec::new(),
                    verdict: Verdict::Dropped,
                    evidence: None,
                    reason: Reason::MeasureGone,
                };
            };
            let mentions = mentions(old, c, progress);
            let (verdict, reason, evidence) = decide(c.due, status, &mentions);
            FollowUp {
                measure: c.measure.clone(),
                new_measure: Some(id.clone()),
                title,
                due: c.due,
                promise: c.text.clone(),
                new_status: status.map(str::to_string),
                verdict,
                evidence: evidence.map(str::to_string),
                reason,
                mentions,
            }
        })
        .collect()
}

/// The sentences of the new progress text that speak about a promise.
fn mentions(old: &Report, c: &Commitment, progress: &str) -> Vec<String> {
    let own = key_words(&c.text);
    let context = key_words(sentence_before(old, &c.measure, &c.text));
    let dates = date_phrases(c.due);
    text::sentences(progress)
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

/// The verdict, the rule that gave it and the sentence that decided it.
fn decide<'a>(
    due: Due,
    status: Option<&str>,
    mentions: &'a [String],
) -> (Verdict, Reason, Option<&'a str>) {
    // A clause with a date after the due month moves the promise: the
    // parser's date reading decides it. Clauses, not sentences: a sentence
    // may report the promised step done and plan the next one.
    let later = |clause: &str| due_date(clause, due.last_month()).is_some();
    let delivered = |clause: &str| {
        let lower = clause.to_lowercase();
        says(&lower, vocab::DELIVERED)
            && !text::terms(&lower).any(|w| vocab::FUTURE_MARKERS.contains(&w.as_str()))
    };
    let find = |test: &dyn Fn(&str) -> bool| {
        mentions
            .iter()
            .find(|s| clauses(s).any(test))
            .map(String::as_str)
    };
    if let Some(s) = find(&|c| delivered(c) && !later(c)) {
        return (Verdict::Kept, Reason::Delivered, Some(s));
    }
    if let Some(s) = find(&|c| delivered(c) && later(c)) {
        return (Verdict::Delayed, Reason::DeliveredLate, Some(s));
    }
    if let Some(s) = find(&later) {
        return (Verdict::Delayed, Reason::PromisedAnew, Some(s));
    }
    let class = status.map(vocab::status_class);
    match class {
        Some(StatusClass::NotDone | StatusClass::Cancelled) => {
            (Verdict::Dropped, Reason::NotDone, None)
        }
        Some(StatusClass::Finished) => (Verdict::Kept, Reason::StatusFinished, None),
        _ if mentions.is_empty() => (Verdict::Unclear, Reason::NotMentioned, None),
        _ => (Verdict::Unclear, Reason::MentionedOnly, None),
    }
}

/// The clauses of a sentence: its parts between commas and semicolons.
fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split([',', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
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

    fn verdict(due: Due, status: Option<&str>, mentions: &[String]) -> Verdict {
        decide(due, status, mentions).0
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
            decide(due("2024-H2"), Some("Pågående"), &late),
            (
                Verdict::Delayed,
                Reason::PromisedAnew,
                Some(late[0].as_str())
            )
        );
        assert_eq!(
            decide(due("2024"), Some("Ferdigstilt"), &[]),
            (Verdict::Kept, Reason::StatusFinished, None)
        );
        assert_eq!(
            decide(due("2024"), Some("Pågående"), &[]),
            (Verdict::Unclear, Reason::NotMentioned, None)
        );
        assert_eq!(
            decide(due("2024"), Some("Ikke gjennomført"), &[]),
            (Verdict::Dropped, Reason::NotDone, None)
        );
        let late = ["Strategien ble ferdigstilt i oktober 2024.".to_string()];
        assert_eq!(
            decide(due("2024-H1"), Some("Ferdigstilt"), &late).1,
            Reason::DeliveredLate
        );
        let anew = ["Veilederen ventes nå ferdigstilt i løpet av første halvår 2025.".to_string()];
        assert_eq!(
            decide(due("2024-H2"), Some("Pågående"), &anew).1,
            Reason::PromisedAnew
        );
        let not = ["Veilederen ble ikke ferdigstilt i andre halvdel av 2024.".to_string()];
        assert_eq!(
            decide(due("2024-H2"), Some("Pågående"), &not).1,
            Reason::MentionedOnly
        );
    }

    #[test]
    fn a_step_done_and_the_next_planned_is_kept() {
        // Measure 5 of the 2024 report: the promised start happened; the
        // publication in 2025 is a further step, not a delay of the start.
        let text = [
            "Høsten 2024 startet IMDi arbeidet med å utvikle et aktørkart sammen med \
                     nettverket, og aktørkartet skal etter planen publiseres i løpet av 2025."
                .to_string(),
        ];
        assert_eq!(
            decide(due("2024-H2"), Some("Ferdigstilt"), &text),
            (Verdict::Kept, Reason::Delivered, Some(text[0].as_str()))
        );
    }
}

//! The overview part: summary sentence and department list (the overview
//! table is [`super::table`]'s).

use crate::scan::{Case, Scan};

use crate::model::{Department, StatusCount, Summary};
use crate::vocab;

/// Past a number standing as a word of its own: `\b[0-9]+\b`.
fn number(at: Scan<'_>) -> Option<Scan<'_>> {
    at.is_boundary()
        .then(|| at.digits(1, usize::MAX))?
        .filter(|end| end.is_boundary())
}

/// Past a date such as "31.12.2024" or "1. 1. 24", as a word of its own.
fn date(at: Scan<'_>) -> Option<Scan<'_>> {
    let day = at
        .is_boundary()
        .then(|| at.digits(1, 2))??
        .char('.')?
        .spaces();
    let month = day.digits(1, 2)?.char('.')?.spaces();
    month.digits(2, 4).filter(|end| end.is_boundary())
}

/// `sentence` with each date blanked out by spaces, byte for byte.
fn without_dates(sentence: &str) -> String {
    let mut text = String::with_capacity(sentence.len());
    let mut copied = 0;
    for (start, end, ()) in Scan::new(sentence).matches(|at| Some((date(at)?, ()))) {
        text.push_str(&sentence[copied..start.pos()]);
        text.extend(std::iter::repeat_n(' ', end.pos() - start.pos()));
        copied = end.pos();
    }
    text.push_str(&sentence[copied..]);
    text
}

/// Past "33 tiltak" after a total's word: the total and where it ends.
fn total_after(words: Scan<'_>) -> Option<(u32, Scan<'_>)> {
    let digits = words.spaces1()?;
    let total = digits.digits(1, usize::MAX)?;
    let end = total
        .spaces1()?
        .first_phrase(vocab::SUMMARY_MEASURE_WORDS, Case::Fold, |end| {
            end.is_boundary().then_some(end)
        })?;
    Some((digits.to(total).parse().ok()?, end))
}

/// "totalt 33 tiltak", "planens 10 tiltak": the total and where it ends.
fn total(text: &str) -> Option<(u32, Scan<'_>)> {
    Scan::new(text).positions().find_map(|at| {
        at.is_boundary()
            .then(|| at.first_phrase(vocab::SUMMARY_TOTAL_WORDS, Case::Fold, total_after))?
    })
}

/// "4 av planens 9 tiltak gjennomført": a count, then the total, then the
/// status of the count (the text up to the next digit).
fn part_of_total(text: &str) -> Option<(u32, u32, &str, Scan<'_>)> {
    Scan::new(text).positions().find_map(|at| {
        let count = at.is_boundary().then(|| at.digits(1, usize::MAX))??;
        let of = count.spaces1()?.phrase(vocab::SUMMARY_OF, Case::Fold)?;
        let (total, end) = of
            .spaces1()?
            .first_phrase(vocab::SUMMARY_TOTAL_WORDS, Case::Fold, total_after)
            // The total's word may be left out: "4 av 9 tiltak".
            .or_else(|| total_after(of))?;
        let status_len = end.rest().find(|c: char| c.is_ascii_digit());
        let status_end = Scan::at(text, end.pos() + status_len.unwrap_or(end.rest().len()));
        Some((
            at.to(count).parse().ok()?,
            total,
            end.to(status_end),
            status_end,
        ))
    })
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
    // states no total, and is not searched position by position.
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A date's numbers are not counts.
    let text = without_dates(sentence);
    let mut summary = Summary {
        sentence: sentence.to_string(),
        ..Summary::default()
    };
    let rest = if let Some((count, total, status, end)) = part_of_total(&text) {
        summary.total = Some(total);
        let status = status_phrase(status);
        if !status.is_empty() {
            summary.counts.push(StatusCount { status, count });
        }
        end.rest()
    } else {
        let (total, end) = total(&text)?;
        summary.total = Some(total);
        end.rest()
    };
    let numbers: Vec<(usize, usize)> = Scan::new(rest)
        .matches(|at| Some((number(at)?, ())))
        .map(|(start, end, ())| (start.pos(), end.pos()))
        .collect();
    for (i, &(start, end)) in numbers.iter().enumerate() {
        let next = numbers.get(i + 1).map_or(rest.len(), |n| n.0);
        let phrase = status_phrase(&rest[end..next]);
        if let (Ok(count), false) = (rest[start..end].parse(), phrase.is_empty()) {
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
        let (name, abbreviation) = name_and_abbreviation(&rest[..=close])?;
        let (name_len, abbreviation_len) = (name.chars().count(), abbreviation.chars().count());
        if !(3..=121).contains(&name_len) || !(2..=12).contains(&abbreviation_len) {
            return None;
        }
        // "Plan (2022–2026)": a period in parentheses is no abbreviation.
        if name.contains(". ") || !abbreviation.chars().any(char::is_alphabetic) {
            return None;
        }
        found.push(Department {
            name: name.trim().to_string(),
            abbreviation: abbreviation.to_string(),
        });
        rest = rest[close + 1..].trim_start();
    }
    (!found.is_empty()).then_some(found)
}

/// "Name (ABBR)": the name, without the space before the parenthesis,
/// and the abbreviation, one word. The name opens with a non-space and
/// has at least two characters; neither holds a parenthesis after its
/// first character.
fn name_and_abbreviation(item: &str) -> Option<(&str, &str)> {
    let inner = item.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (before, abbreviation) = (&inner[..open], &inner[open + 1..]);
    let parenthesis = |c: char| c == '(' || c == ')';
    if abbreviation.is_empty()
        || abbreviation.contains(|c: char| parenthesis(c) || c.is_whitespace())
    {
        return None;
    }
    let mut chars = before.chars();
    chars.next().filter(|c| !c.is_whitespace())?;
    if chars.as_str().contains(parenthesis) {
        return None;
    }
    // `\S[^()]+?`: the name has a second character, even a space.
    chars.next()?;
    let shortest = before.len() - chars.as_str().len();
    let trimmed = before.trim_end();
    let name = if trimmed.len() >= shortest {
        trimmed
    } else {
        &before[..shortest]
    };
    Some((name, abbreviation))
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

/// The matchers against the regexes they replaced, on sentences put
/// together at random from summary phrases and near misses.
#[cfg(test)]
mod same_as_the_regexes {
    use super::*;
    use crate::scan::Shuffle;
    use regex::Regex;

    const PIECES: &[&str] = &[
        "Av",
        "totalt",
        "TOTALT",
        "planens",
        "i alt",
        "de",
        "består av",
        "33",
        "9",
        "4",
        "2024",
        "tiltak",
        "tiltakene",
        "Tiltak",
        "tiltaket",
        "av",
        "er",
        "pågående",
        "og",
        "ferdigstilt",
        "31.12.2024",
        "1. 1. 24",
        "31.12.20245",
        "1.2",
        "a1",
        "(",
        ")",
        "KD",
        "(KD)",
        "Barne- og",
        "departementet",
        " ",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "_",
        "ø",
        // Whole phrases, so that many sentences hold a total.
        "totalt 33 tiltak",
        "4 av planens 9 tiltak",
        "4 av 9 tiltakene",
        "i alt 12 TILTAK",
    ];

    fn sentences() -> impl Iterator<Item = String> {
        let mut shuffle = Shuffle::new(0x853c_49e6_748f_ea9b);
        (0..40_000).map(move |_| shuffle.text(PIECES, 10, Some(2)))
    }

    #[test]
    fn summaries_read_as_the_regexes_read_them() {
        let re = |p: String| Regex::new(&p).unwrap();
        let total_re = re(format!(
            r"(?i)\b{}\s+(?P<total>[0-9]+)\s+{}\b",
            vocab::pattern(vocab::SUMMARY_TOTAL_WORDS),
            vocab::pattern(vocab::SUMMARY_MEASURE_WORDS)
        ));
        let part_re = re(format!(
            r"(?i)\b(?P<count>[0-9]+)\s+{}\s+(?:{}\s+)?(?P<total>[0-9]+)\s+{}\b(?P<status>[^0-9]*)",
            vocab::pattern(&[vocab::SUMMARY_OF]),
            vocab::pattern(vocab::SUMMARY_TOTAL_WORDS),
            vocab::pattern(vocab::SUMMARY_MEASURE_WORDS)
        ));
        let date_re = re(r"\b[0-9]{1,2}\.\s*[0-9]{1,2}\.\s*[0-9]{2,4}\b".into());
        let number_re = re(r"\b[0-9]+\b".into());
        let department_re = re(r"^(\S[^()]+?)\s*\(([^()\s]+)\)$".into());
        let (mut totals, mut parts, mut departments) = (0, 0, 0);
        for sentence in sentences() {
            let blanked =
                date_re.replace_all(&sentence, |c: &regex::Captures| " ".repeat(c[0].len()));
            assert_eq!(without_dates(&sentence), blanked, "{sentence:?}");
            let theirs = total_re.captures(&sentence).map(|c| {
                (
                    c["total"].parse().ok(),
                    c[0].len() + c.get(0).unwrap().start(),
                )
            });
            let ours = total(&sentence).map(|(t, end)| (Some(t), end.pos()));
            totals += usize::from(theirs.is_some());
            assert_eq!(
                ours.filter(|o| o.0.is_some()),
                theirs.filter(|t| t.0.is_some()),
                "{sentence:?}"
            );
            let theirs = part_re.captures(&sentence).and_then(|c| {
                Some((
                    c["count"].parse().ok()?,
                    c["total"].parse().ok()?,
                    c.name("status")?.as_str(),
                    c.get(0)?.end(),
                ))
            });
            let ours = part_of_total(&sentence).map(|(n, t, s, end)| (n, t, s, end.pos()));
            parts += usize::from(theirs.is_some());
            assert_eq!(ours, theirs, "{sentence:?}");
            let theirs: Vec<_> = number_re.find_iter(&sentence).map(|m| m.range()).collect();
            let ours: Vec<_> = Scan::new(&sentence)
                .matches(|at| Some((number(at)?, ())))
                .map(|(s, e, ())| s.pos()..e.pos())
                .collect();
            assert_eq!(ours, theirs, "{sentence:?}");
            if let Some(close) = sentence.find(')') {
                let item = &sentence[..=close];
                let theirs = department_re
                    .captures(item)
                    .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
                departments += usize::from(theirs.is_some());
                assert_eq!(name_and_abbreviation(item), theirs, "{item:?}");
            }
        }
        assert!(
            totals > 3_000 && parts > 2_000 && departments > 1_000,
            "{totals} {parts} {departments}"
        );
    }
}

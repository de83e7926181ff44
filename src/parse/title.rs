//! The title page: the plan's title and period, the as-of date and whether
//! this is the final report.
//!
//! Takes the blocks before the table of contents (and, for the date, the
//! whole document, since a running header may carry it), fills those
//! fields of the [`Report`].

use super::{Located, NotReport};
use crate::model::Report;
use crate::scan::{Case, Scan};
use crate::vocab;

/// A date as printed: "31.12.2024", "31.12.24", "31. desember 2024".
struct Printed<'a> {
    day: &'a str,
    /// The month's number, 1 to 12 if the date is a real one.
    month: Month<'a>,
    year: &'a str,
}

enum Month<'a> {
    Number(&'a str),
    /// 1 for "januar".
    Name(u32),
}

/// A date starting at `at`, and where it ends.
fn date(at: Scan<'_>) -> Option<(Printed<'_>, Scan<'_>)> {
    let day_end = at.digits(1, 2)?;
    let dot = day_end.char('.')?.spaces();
    let (month, month_end) = match dot.digits(1, 2).and_then(|end| Some((end, end.char('.')?))) {
        Some((number_end, end)) => (Month::Number(dot.to(number_end)), end),
        None => vocab::MONTHS
            .iter()
            .zip(1..)
            .find_map(|(name, n)| Some((Month::Name(n), dot.phrase(name, Case::Fold)?)))?,
    };
    let year = month_end.spaces();
    // Four digits or two, as a word's end: "2024", "24".
    let year_end = year
        .digits(2, 4)
        .filter(|end| end.pos() - year.pos() != 3 && end.is_boundary())?;
    let printed = Printed {
        day: at.to(day_end),
        month,
        year: year.to(year_end),
    };
    Some((printed, year_end))
}

/// A preposition and a date: "per 31.12.2023", "pr. 31. desember 2024".
fn dated(at: Scan<'_>) -> Option<Printed<'_>> {
    at.first_phrase(vocab::AS_OF_PREPOSITIONS, Case::Fold, |word| {
        Some(date(word.spaces1()?)?.0)
    })
}

/// "Status for tiltak per 31.12.2023" (any case, "for tiltak" optional),
/// anywhere in `text`: the genre's own line.
fn as_of(text: &str) -> Option<Printed<'_>> {
    Scan::new(text).positions().find_map(|at| {
        let lead = at.phrase(vocab::AS_OF_LEAD, Case::Fold)?.spaces1()?;
        lead.phrase(vocab::AS_OF_OPTIONAL, Case::Fold)
            .and_then(|optional| dated(optional.spaces1()?))
            .or_else(|| dated(lead))
    })
}

/// "per 31. desember 2024", "pr. 31.12.2024" opening `text` or after white
/// space: any dated line of the title page.
fn any_dated(text: &str) -> Option<Printed<'_>> {
    Scan::new(text).positions().find_map(|at| {
        let opening = (at.pos() == 0).then(|| dated(at)).flatten();
        opening.or_else(|| dated(at.char_if(char::is_whitespace)?))
    })
}

/// "Handlingsplan mot … (2021–2024)": the title and the years of its
/// period, when the title ends with them.
fn period<'a>(title: &'a str) -> Option<(&'a str, &'a str, &'a str)> {
    let year = |at: Scan<'a>| at.digits(4, 4).map(|end| (at.to(end), end));
    title.match_indices('(').find_map(|(open, _)| {
        let name = title[..open].trim_end();
        let (from, from_end) = year(Scan::at(title, open + 1))?;
        let dash = from_end
            .spaces()
            .char_if(|c| matches!(c, '-' | '–' | '—'))?;
        let (to, to_end) = year(dash.spaces())?;
        let rest = to_end.char(')')?.spaces();
        (rest.is_end() && !name.contains('\n')).then_some((name, from, to))
    })
}

/// Reads plan title, period, as-of date and the final-report flag.
pub(super) fn read(
    title_page: &[Located],
    all: &[Located],
    report: &mut Report,
) -> Result<(), NotReport> {
    // The title page may break "Status for tiltak per" and the date onto
    // separate paragraphs, so it is searched as one text.
    let title_text: Vec<String> = title_page.iter().map(|b| b.block.joined()).collect();
    let title_text = title_text.join(" ");
    let as_of = std::iter::once(title_text.clone())
        .chain(all.iter().map(|b| b.block.joined()))
        .find_map(|text| as_of(&text).and_then(|date| iso_date(&date)))
        .or_else(|| any_dated(&title_text).and_then(|date| iso_date(&date)));
    let Some(as_of) = as_of else {
        return Err(NotReport(format!(
            "no \"{} DD.MM.YYYY\" line was found",
            vocab::AS_OF_LINE
        )));
    };
    report.as_of = as_of;
    report.final_report = title_page.iter().any(|b| names_final(&b.block.joined()));
    if let Some(title) = plan_title(title_page) {
        match period(&title) {
            Some((name, from, to)) => {
                report.plan_title = name.to_string();
                report.period = Some(format!("{from}-{to}"));
            }
            None => report.plan_title = title,
        }
    }
    Ok(())
}

/// The ISO date of a printed date; `None` for an impossible date.
fn iso_date(date: &Printed) -> Option<String> {
    let day: u32 = date.day.parse().ok()?;
    let month: u32 = match date.month {
        Month::Number(m) => m.parse().ok()?,
        Month::Name(n) => n,
    };
    let year: u32 = match date.year.len() {
        2 => 2000 + date.year.parse::<u32>().ok()?,
        _ => date.year.parse().ok()?,
    };
    ((1..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

fn names_final(text: &str) -> bool {
    let lower = text.to_lowercase();
    vocab::FINAL_REPORT_WORDS.iter().any(|w| lower.contains(w))
}

/// The first paragraph of the title page that is not the status line nor
/// the final-report line, with the paragraphs that go on with it: a line
/// that starts in lower case or is the period "(2021–2024)" continues a
/// title set over several lines.
fn plan_title(title_page: &[Located]) -> Option<String> {
    let is_title = |t: &str| {
        let lower = t.to_lowercase();
        !lower.starts_with(vocab::STATUS_LINE_START)
            && !names_final(t)
            && any_dated(t).is_none()
            && t.chars().any(char::is_alphabetic)
    };
    let paragraphs: Vec<&str> = title_page.iter().filter_map(|b| b.paragraph()).collect();
    let start = paragraphs.iter().position(|t| is_title(t))?;
    let mut title = paragraphs[start].to_string();
    for next in &paragraphs[start + 1..] {
        let period = next.starts_with('(') && period(&format!("x {next}")).is_some();
        let continues = period || (next.starts_with(char::is_lowercase) && is_title(next));
        if !continues || title.ends_with('.') {
            break;
        }
        title.push(' ');
        title.push_str(next);
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn title_page(paragraphs: &[&str]) -> Report {
        let blocks: Vec<Block> = paragraphs.iter().map(|p| Block::text(*p)).collect();
        let located: Vec<Located> = blocks
            .iter()
            .map(|block| Located {
                page: None,
                index: 0,
                block,
            })
            .collect();
        let mut report = Report::default();
        read(&located, &located, &mut report).unwrap();
        report
    }

    #[test]
    fn as_of_dates_in_every_wording() {
        for (lines, as_of) in [
            (
                &["Plan", "Status for tiltak per 31.12.2023"][..],
                "2023-12-31",
            ),
            (&["Plan", "Status for tiltak pr. 31.12.2024"], "2024-12-31"),
            (
                &["Plan", "Statusrapport 2024", "per 31. desember 2024"],
                "2024-12-31",
            ),
            (
                &["Plan", "Rapportering per 31. desember 2024"],
                "2024-12-31",
            ),
            (
                &["Plan", "Sluttrapport", "Status per 31.12.25"],
                "2025-12-31",
            ),
        ] {
            assert_eq!(title_page(lines).as_of, as_of, "{lines:?}");
        }
    }

    #[test]
    fn titles_over_several_lines_with_their_period() {
        let r = title_page(&[
            "Handlingsplan mot",
            "ensomhet i eldre år",
            "(2022–2025)",
            "Status for tiltak per 31.12.2024",
        ]);
        assert_eq!(r.plan_title, "Handlingsplan mot ensomhet i eldre år");
        assert_eq!(r.period.as_deref(), Some("2022-2025"));
        let r = title_page(&[
            "Sluttrapport",
            "Plan for lesing (2021-2024)",
            "per 31.12.2024",
        ]);
        assert_eq!(r.plan_title, "Plan for lesing");
        assert!(r.final_report);
    }
}

/// The matchers against the regexes they replaced, on lines put together
/// at random from title-page phrases and near misses.
#[cfg(test)]
mod same_as_the_regexes {
    use super::*;
    use crate::scan::Shuffle;
    use regex::Regex;

    fn date_pattern() -> String {
        format!(
            r"(?P<day>[0-9]{{1,2}})\.\s*(?:(?P<month>[0-9]{{1,2}})\.|(?P<month_name>{}))\s*(?P<year>[0-9]{{4}}|[0-9]{{2}})\b",
            vocab::pattern(&vocab::MONTHS)
        )
    }

    /// A date's parts as the old code read them from the regex.
    fn parts(c: regex::Captures) -> (String, u32, String) {
        let month = match (c.name("month"), c.name("month_name")) {
            (Some(m), _) => m.as_str().parse().unwrap(),
            (None, Some(name)) => {
                let name = name.as_str().to_lowercase();
                vocab::MONTHS.iter().position(|m| *m == name).unwrap() as u32 + 1
            }
            (None, None) => unreachable!(),
        };
        (c["day"].to_string(), month, c["year"].to_string())
    }

    fn ours(date: Printed) -> (String, u32, String) {
        let month = match date.month {
            Month::Number(m) => m.parse().unwrap(),
            Month::Name(n) => n,
        };
        (date.day.to_string(), month, date.year.to_string())
    }

    const PIECES: &[&str] = &[
        "Status",
        "STATUS",
        "status",
        "for tiltak",
        "for",
        "tiltak",
        "per",
        "pr.",
        "pr",
        "Per",
        "31.12.2023",
        "31.12.23",
        "31.12.203",
        "31.12.20235",
        "31. desember 2024",
        "1.DESEMBER24",
        "31.",
        "12.",
        "2024",
        "desember",
        "(",
        ")",
        "(2021–2024)",
        "(2021 - 2024)",
        "(20215-2024)",
        "Handlingsplan",
        " ",
        " ",
        "  ",
        "\n",
        "x",
        "ø",
        ".",
        // Whole phrases, so that many lines hold a date.
        "Status for tiltak per 31.12.2023",
        "status pr. 31. desember 24",
        "per 31.12.2024",
    ];

    #[test]
    fn title_lines_read_as_the_regexes_read_them() {
        let as_of_re = Regex::new(&format!(
            r"(?i){}\s+(?:{}\s+)?{}\s+{}",
            vocab::pattern(&[vocab::AS_OF_LEAD]),
            vocab::pattern(&[vocab::AS_OF_OPTIONAL]),
            vocab::pattern(vocab::AS_OF_PREPOSITIONS),
            date_pattern()
        ))
        .unwrap();
        let dated_re = Regex::new(&format!(
            r"(?i)(?:^|\s){}\s+{}",
            vocab::pattern(vocab::AS_OF_PREPOSITIONS),
            date_pattern()
        ))
        .unwrap();
        let period_re = Regex::new(r"^(.*?)\s*\(([0-9]{4})\s*[-–—]\s*([0-9]{4})\)\s*$").unwrap();
        let mut shuffle = Shuffle::new(0xda94_2042_e4dd_58b5);
        let (mut as_ofs, mut dateds, mut periods) = (0, 0, 0);
        for _ in 0..40_000 {
            let line = shuffle.text(PIECES, 8, Some(2));
            let theirs = as_of_re.captures(&line).map(parts);
            as_ofs += usize::from(theirs.is_some());
            assert_eq!(as_of(&line).map(ours), theirs, "{line:?}");
            let theirs = dated_re.captures(&line).map(parts);
            dateds += usize::from(theirs.is_some());
            assert_eq!(any_dated(&line).map(ours), theirs, "{line:?}");
            let theirs = period_re.captures(&line).map(|c| {
                (
                    c.get(1).unwrap().as_str(),
                    c.get(2).unwrap().as_str(),
                    c.get(3).unwrap().as_str(),
                )
            });
            periods += usize::from(theirs.is_some());
            assert_eq!(period(&line), theirs, "{line:?}");
        }
        assert!(
            as_ofs > 3_000 && dateds > 6_000 && periods > 1_000,
            "{as_ofs} {dateds} {periods}"
        );
    }
}

//! The title page: the plan's title and period, the as-of date and whether
//! this is the final report.
//!
//! Takes the blocks before the table of contents (and, for the date, the
//! whole document, since a running header may carry it), fills those
//! fields of the [`Report`].

use std::sync::LazyLock;

use regex::Regex;

use super::pattern::{Found, Pattern};

use super::{Located, NotReport};
use crate::model::Report;
use crate::vocab;

/// A date: "31.12.2024", "31.12.24", "31. desember 2024".
fn date() -> String {
    format!(
        r"(?P<day>[0-9]{{1,2}})\.\s*(?:(?P<month>[0-9]{{1,2}})\.|(?P<month_name>{}))\s*(?P<year>[0-9]{{4}}|[0-9]{{2}})\b",
        vocab::pattern(&vocab::MONTHS)
    )
}

/// "Status for tiltak per 31.12.2023": the genre's own line.
static AS_OF: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i){}\s+(?:{}\s+)?{}\s+{}",
        vocab::pattern(&[vocab::AS_OF_LEAD]),
        vocab::pattern(&[vocab::AS_OF_OPTIONAL]),
        vocab::pattern(vocab::AS_OF_PREPOSITIONS),
        date()
    ))
});

/// "per 31. desember 2024", "pr. 31.12.2024": any dated line of the title page.
static DATED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)(?:^|\s){}\s+{}",
        vocab::pattern(vocab::AS_OF_PREPOSITIONS),
        date()
    ))
});

static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\(([0-9]{4})\s*[-–—]\s*([0-9]{4})\)\s*$").unwrap());

/// Builds the regexes of this module now (see [`super::prepare`]).
pub(super) fn prepare() {
    for pattern in [&AS_OF, &DATED] {
        LazyLock::force(pattern);
    }
    LazyLock::force(&PERIOD);
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
        .find_map(|text| AS_OF.captures(&text).and_then(|c| iso_date(&c)))
        .or_else(|| DATED.captures(&title_text).and_then(|c| iso_date(&c)));
    let Some(as_of) = as_of else {
        return Err(NotReport(format!(
            "no \"{} DD.MM.YYYY\" line was found",
            vocab::AS_OF_LINE
        )));
    };
    report.as_of = as_of;
    report.final_report = title_page.iter().any(|b| names_final(&b.block.joined()));
    if let Some(title) = plan_title(title_page) {
        match PERIOD.captures(&title) {
            Some(c) => {
                report.plan_title = c[1].to_string();
                report.period = Some(format!("{}-{}", &c[2], &c[3]));
            }
            None => report.plan_title = title,
        }
    }
    Ok(())
}

/// The ISO date of a [`date`] match; `None` for an impossible date.
fn iso_date(c: &Found) -> Option<String> {
    let day: u32 = c.name("day")?.parse().ok()?;
    let month: u32 = match (c.name("month"), c.name("month_name")) {
        (Some(m), _) => m.parse().ok()?,
        (None, Some(name)) => {
            let name = name.to_lowercase();
            vocab::MONTHS.iter().position(|m| *m == name)? as u32 + 1
        }
        (None, None) => return None,
    };
    let year = c.name("year")?;
    let year: u32 = match year.len() {
        2 => 2000 + year.parse::<u32>().ok()?,
        _ => year.parse().ok()?,
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
            && !DATED.is_match(t)
            && t.chars().any(char::is_alphabetic)
    };
    let paragraphs: Vec<&str> = title_page.iter().filter_map(|b| b.paragraph()).collect();
    let start = paragraphs.iter().position(|t| is_title(t))?;
    let mut title = paragraphs[start].to_string();
    for next in &paragraphs[start + 1..] {
        let period = next.starts_with('(') && PERIOD.is_match(&format!("x {next}"));
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

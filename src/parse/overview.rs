//! The overview part: summary sentence, overview table, department list.

use std::sync::LazyLock;

use regex::Regex;

use super::Located;
use crate::model::{Department, HeadingKind, MeasureId, OverviewRow, StatusCount, Summary};
use crate::parse::fields::split_names;
use crate::parse::heading::classify_heading;
use crate::text;
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

/// Reads the overview table from `blocks`, starting at its first row.
///
/// Returns the rows and how many blocks the table took. Group rows
/// ("Innsatsområde N: ..." or an un-numbered sub-group label) set the area
/// and group of the rows below them; a row repeating the header (the
/// table continued on a new page) is skipped; a row whose number cell is
/// empty continues the previous row (a row split by a page break).
pub(super) fn read_table(
    blocks: &[Located],
    section_titles: &[String],
) -> (Vec<OverviewRow>, usize) {
    let mut rows: Vec<OverviewRow> = Vec::new();
    let mut header: Option<Vec<String>> = None;
    let mut area = String::new();
    let mut group = String::new();
    let mut consumed = 0;
    for (i, located) in blocks.iter().enumerate() {
        let cells: Vec<String> = located
            .block
            .cells
            .iter()
            .map(|c| c.trim().to_string())
            .collect();
        let filled = located.block.filled_cells();
        if filled.is_empty() {
            consumed = i + 1;
            continue;
        }
        if let (Some(id), true) = (row_number(&cells[0]), filled.len() >= 2) {
            let columns = Columns::from_header(header.as_deref());
            let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
            rows.push(OverviewRow {
                area: area.clone(),
                group: group.clone(),
                id,
                title: cell(columns.title),
                responsible: cell(columns.responsible),
                status: cell(columns.status),
                page: located.page(),
                ministries: Vec::new(),
            });
        } else if header
            .as_ref()
            .is_some_and(|h| *h == filled.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        {
            // The header row repeated on a new page.
        } else if filled.len() >= 3 && rows.is_empty() && header.is_none() {
            header = Some(filled.iter().map(|s| s.to_string()).collect());
        } else if cells[0].is_empty() && !rows.is_empty() && filled.len() < cells.len() {
            let last = rows.last_mut().unwrap();
            let mut fields = [&mut last.title, &mut last.responsible, &mut last.status];
            for (cell, field) in cells.iter().skip(1).zip(fields.iter_mut()) {
                if !cell.is_empty() {
                    if !field.is_empty() {
                        field.push(' ');
                    }
                    field.push_str(cell);
                }
            }
        } else if filled.len() == 1 && is_group_row(blocks, i, section_titles) {
            let (kind, id, _) = classify_heading(filled[0]);
            if kind == HeadingKind::Area {
                area = id;
                group.clear();
            } else {
                group = filled[0].to_string();
            }
        } else {
            break;
        }
        consumed = i + 1;
    }
    for row in &mut rows {
        row.ministries = split_names(&row.responsible);
    }
    (rows, consumed)
}

/// Where title, responsible and status are in a row: found by the header's
/// words (a table may add or reorder columns), else the usual
/// Nr | Tiltak | Ansvarlig | Status.
struct Columns {
    title: usize,
    responsible: usize,
    status: usize,
}

impl Columns {
    fn from_header(header: Option<&[String]>) -> Columns {
        let usual = Columns {
            title: 1,
            responsible: 2,
            status: 3,
        };
        let Some(header) = header else { return usual };
        let find = |prefix: &str| {
            header
                .iter()
                .position(|h| h.to_lowercase().starts_with(prefix))
        };
        Columns {
            title: find(vocab::COLUMN_TITLE).unwrap_or(usual.title),
            responsible: find(vocab::COLUMN_RESPONSIBLE).unwrap_or(usual.responsible),
            status: find(vocab::COLUMN_STATUS).unwrap_or(usual.status),
        }
    }
}

/// The measure number in a row's first cell: "12" or "12.".
fn row_number(cell: &str) -> Option<MeasureId> {
    let c = cell.trim().trim_end_matches('.');
    let digits = !c.is_empty() && c.len() <= 4 && c.chars().all(|ch| ch.is_ascii_digit());
    digits.then(|| MeasureId::parse(c)).flatten()
}

/// A single-cell block inside the table is a group row only if more
/// numbered rows follow (so the heading after the table is not taken for one).
fn is_group_row(blocks: &[Located], at: usize, section_titles: &[String]) -> bool {
    let text = text::label_key(&blocks[at].block.filled_cells().join(" "));
    if section_titles.contains(&text) {
        return false;
    }
    for next in &blocks[at + 1..] {
        let filled = next.block.filled_cells();
        match filled.first() {
            None => continue,
            Some(first) if row_number(&next.block.cells[0]).is_some() && filled.len() >= 2 => {
                return !first.is_empty();
            }
            Some(_) if filled.len() == 1 => continue,
            Some(_) => return filled.len() >= 3,
        }
    }
    false
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

    fn table(rows: &[&str]) -> Vec<OverviewRow> {
        let blocks = super::super::tab_blocks(rows);
        let located: Vec<Located> = blocks
            .iter()
            .enumerate()
            .map(|(i, block)| Located {
                page: Some(if i < 4 { "5" } else { "6" }),
                block,
            })
            .collect();
        read_table(&located, &["ansvarlige departementer".to_string()]).0
    }

    #[test]
    fn table_groups_repeated_headers_and_page_continuations() {
        let rows = table(&[
            "Nr\tTiltak\tAnsvarlig dep.\tStatus",
            "Innsatsområde 1: Innsats for nyankomne",
            "1\tUtvikle en strategi\tAID\tPågående",
            "2\tStyrke oppfølgingen av\tAID",
            // page 6: the row continues, then the header repeats
            "\tnyankomne\t\tFerdigstilt",
            "Nr\tTiltak\tAnsvarlig dep.\tStatus",
            "Negativ sosial kontroll i tros- og livssynssamfunn",
            "18\tUtvikle kunnskapsgrunnlaget\tBFD og AID\tPågående",
            "Ansvarlige departementer",
            "Arbeids- og inkluderingsdepartementet (AID)",
        ]);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.area.as_str(),
                    r.group.as_str(),
                    r.id.to_string(),
                    r.title.as_str(),
                    r.responsible.as_str(),
                    r.status.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "1",
                    "",
                    "1".into(),
                    "Utvikle en strategi",
                    "AID",
                    "Pågående"
                ),
                (
                    "1",
                    "",
                    "2".into(),
                    "Styrke oppfølgingen av nyankomne",
                    "AID",
                    "Ferdigstilt"
                ),
                (
                    "1",
                    "Negativ sosial kontroll i tros- og livssynssamfunn",
                    "18".into(),
                    "Utvikle kunnskapsgrunnlaget",
                    "BFD og AID",
                    "Pågående"
                ),
            ]
        );
        assert_eq!(rows[2].page.as_deref(), Some("6"));
    }

    #[test]
    fn columns_follow_the_header_words() {
        let rows = table(&[
            "Nr\tTiltak\tStatus\tAnsvarlig departement\tKommentar",
            "1\tUtvikle en strategi\tAvsluttet\tAID\tSe sluttrapporten",
        ]);
        assert_eq!(
            (
                rows[0].title.as_str(),
                rows[0].status.as_str(),
                rows[0].responsible.as_str()
            ),
            ("Utvikle en strategi", "Avsluttet", "AID")
        );
    }
}

//! The overview table: one row per measure with its number, title,
//! responsible ministries and status.
//!
//! Takes the blocks from the table's first row on, gives the rows and how
//! many blocks the table took. Columns are found by what the header says
//! (a table may order them as it likes, leave out the number column and
//! put the number at the start of the title, or add a comment column);
//! group rows set the area and group of the rows below them; a repeated
//! header (the table continued on a new page) is skipped; a row without a
//! number continues the row above (a row split by a page break).

use super::Located;
use super::heading::{classify_heading, measure_number, separator};
use crate::model::{Extra, HeadingKind, MeasureId, OverviewRow};
use crate::parse::fields::split_names;
use crate::text;
use crate::vocab;

/// Reads the overview table from `blocks`, starting at its first row;
/// `section_titles` (label keys) end it.
pub(super) fn read_table(
    blocks: &[Located],
    section_titles: &[String],
) -> (Vec<OverviewRow>, Vec<String>, usize) {
    let mut table = Table::default();
    let mut consumed = 0;
    for (i, located) in blocks.iter().enumerate() {
        let cells: Vec<&str> = located.block.cells.iter().map(|c| c.trim()).collect();
        let filled = located.block.filled_cells();
        let go_on = filled.is_empty()
            || table.row(&cells, located)
            || table.header_row(&filled)
            || table.continuation(&cells, filled.len())
            || table
                .group_text(&cells, &filled)
                .is_some_and(|text| table.group_row(blocks, i, section_titles, &text));
        if !go_on {
            break;
        }
        consumed = i + 1;
    }
    for row in &mut table.rows {
        row.ministries = split_names(&row.responsible);
    }
    (table.rows, table.header.unwrap_or_default(), consumed)
}

/// The table as read so far.
#[derive(Default)]
struct Table {
    rows: Vec<OverviewRow>,
    header: Option<Vec<String>>,
    columns: Columns,
    area: String,
    group: String,
}

impl Table {
    /// A numbered row: a measure of the table.
    fn row(&mut self, cells: &[&str], located: &Located) -> bool {
        let Some((id, title)) = self.columns.id_and_title(cells) else {
            return false;
        };
        if cells.iter().filter(|c| !c.is_empty()).count() < 2 {
            return false;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).unwrap_or(&"").to_string();
        let extra = self
            .columns
            .extra
            .iter()
            .map(|(i, name)| Extra {
                column: name.clone(),
                value: cell(Some(*i)),
            })
            .collect();
        self.rows.push(OverviewRow {
            area: self.area.clone(),
            group: self.group.clone(),
            id,
            title,
            responsible: cell(self.columns.responsible),
            status: cell(self.columns.status),
            page: located.page(),
            ministries: Vec::new(),
            extra,
        });
        true
    }

    /// The header row, or the header repeated on a new page.
    fn header_row(&mut self, filled: &[&str]) -> bool {
        let same = |h: &Vec<String>| h.iter().map(String::as_str).eq(filled.iter().copied());
        if self.header.as_ref().is_some_and(same) {
            return true;
        }
        if filled.len() >= 3 && self.rows.is_empty() && self.header.is_none() {
            self.columns = Columns::from_header(filled);
            self.header = Some(filled.iter().map(|s| s.to_string()).collect());
            return true;
        }
        false
    }

    /// A row whose number cell is empty (or, where the number starts the
    /// title, whose title cell is empty) continues the row above it.
    fn continuation(&mut self, cells: &[&str], filled: usize) -> bool {
        let number = self.columns.number.unwrap_or(self.columns.title);
        let empty_number = cells.get(number).is_some_and(|c| c.is_empty());
        // Where the number starts the title, a title cell that goes on in
        // lower case (or with a number: "70 år") is the wrapped end of one.
        let wrapped_title = self.columns.number.is_none()
            && cells.get(self.columns.title).is_some_and(|c| {
                c.starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit())
            });
        if !(empty_number || (wrapped_title && filled >= 2)) || filled >= cells.len() {
            return false;
        }
        let Some(last) = self.rows.last_mut() else {
            return false;
        };
        for (i, cell) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            let field = if Some(i) == self.columns.responsible {
                &mut last.responsible
            } else if Some(i) == self.columns.status {
                &mut last.status
            } else if i == self.columns.title {
                &mut last.title
            } else if let Some(k) = self.columns.extra.iter().position(|(c, _)| *c == i) {
                &mut last.extra[k].value
            } else {
                continue;
            };
            if !field.is_empty() {
                field.push(' ');
            }
            field.push_str(cell);
        }
        true
    }

    /// The text of a row that may be a group row: a single cell, or a
    /// label that layout spread over the first columns of the table
    /// ("Negativ | sosial kontroll i …", the rest empty).
    fn group_text(&self, cells: &[&str], filled: &[&str]) -> Option<String> {
        match filled {
            [one] => Some(one.to_string()),
            [first, _] if cells.first() == Some(first) => {
                let fields = [self.columns.responsible, self.columns.status];
                let empty =
                    |i: &Option<usize>| i.is_none_or(|i| cells.get(i).is_none_or(|c| c.is_empty()));
                fields.iter().all(empty).then(|| filled.join(" "))
            }
            _ => None,
        }
    }

    /// An area row ("Innsatsområde 1: …") or an un-numbered group label.
    fn group_row(
        &mut self,
        blocks: &[Located],
        at: usize,
        section_titles: &[String],
        text: &str,
    ) -> bool {
        if vocab::CONTINUED_MARKS
            .iter()
            .any(|m| text.to_lowercase() == *m)
        {
            return true;
        }
        // A title cell wrapped onto a line of its own, which layout may have
        // run together with the group row below it: "spaserstokken
        // Satsingsområde 2. Helse".
        let (wrapped, text) = split_wrapped(text);
        if let (Some(wrapped), Some(last)) = (wrapped, self.rows.last_mut()) {
            last.title.push(' ');
            last.title.push_str(wrapped);
            if text.is_empty() {
                return true;
            }
        }
        if !self.is_group_row(blocks, at, section_titles) {
            return false;
        }
        let (kind, id, _) = classify_heading(text);
        if kind == HeadingKind::Area {
            self.area = id;
            self.group.clear();
        } else {
            self.group = text.to_string();
        }
        true
    }

    /// A single-cell block inside the table is a group row only if more
    /// numbered rows follow (so the heading after the table is not taken
    /// for one).
    fn is_group_row(&self, blocks: &[Located], at: usize, section_titles: &[String]) -> bool {
        let text = text::label_key(&blocks[at].block.filled_cells().join(" "));
        if section_titles.contains(&text) {
            return false;
        }
        for next in &blocks[at + 1..] {
            let cells: Vec<&str> = next.block.cells.iter().map(|c| c.trim()).collect();
            let filled = next.block.filled_cells();
            match filled.len() {
                0 | 1 => continue,
                _ if self.columns.id_and_title(&cells).is_some() => return true,
                n => return n >= 3,
            }
        }
        false
    }
}

/// Splits a single-cell row into the wrapped end of the title above (words
/// in lower case) and what follows it (an area row, or nothing).
fn split_wrapped(text: &str) -> (Option<&str>, &str) {
    if !text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
        return (None, text);
    }
    let area = vocab::AREA_WORDS
        .iter()
        .filter_map(|w| text.find(&format!(" {w} ")))
        .min();
    match area {
        Some(at) => (Some(text[..at].trim()), text[at..].trim()),
        None => (Some(text), ""),
    }
}

/// Where each field is in a row: found by the header's words, else the
/// usual Nr | Tiltak | Ansvarlig | Status.
#[derive(Debug)]
struct Columns {
    /// The number column; `None` when the number starts the title cell.
    number: Option<usize>,
    title: usize,
    responsible: Option<usize>,
    status: Option<usize>,
    /// Other columns, with their names for the outputs.
    extra: Vec<(usize, String)>,
}

impl Default for Columns {
    fn default() -> Columns {
        Columns {
            number: Some(0),
            title: 1,
            responsible: Some(2),
            status: Some(3),
            extra: Vec::new(),
        }
    }
}

impl Columns {
    fn from_header(header: &[&str]) -> Columns {
        let usual = Columns::default();
        let find = |words: &[&str]| {
            header.iter().position(|h| {
                let h = h.to_lowercase();
                words.iter().any(|w| h.starts_with(w))
            })
        };
        let number = find(vocab::COLUMN_NUMBER);
        let title = find(&[vocab::COLUMN_TITLE]);
        let responsible = find(&[vocab::COLUMN_RESPONSIBLE]);
        let status = find(&[vocab::COLUMN_STATUS]);
        if title.is_none() && responsible.is_none() && status.is_none() {
            return usual;
        }
        let known = [number, title, responsible, status];
        let extra = (0..header.len())
            .filter(|i| !known.contains(&Some(*i)))
            .map(|i| (i, column_name(header[i])))
            .collect();
        Columns {
            // A header naming its title column but no number column puts
            // the number in the title cell.
            number: number.or(if title.is_some() { None } else { usual.number }),
            title: title.unwrap_or(usual.title),
            responsible: responsible.or(usual.responsible),
            status: status.or(usual.status),
            extra,
        }
    }

    /// The measure number and title of a row, from the number column or
    /// from the start of the title cell ("3. Title").
    fn id_and_title(&self, cells: &[&str]) -> Option<(MeasureId, String)> {
        let title = cells.get(self.title).copied().unwrap_or("");
        match self.number {
            Some(n) => Some((row_number(cells.get(n)?)?, title.to_string())),
            None => {
                let (id, rest, distinct) = measure_number(title)?;
                let (rest, separated) = separator(rest);
                // In a title cell "3 Title" needs no punctuation.
                let spaced = rest.starts_with(char::is_uppercase);
                (separated || distinct || spaced).then(|| (id, rest.to_string()))
            }
        }
    }
}

/// How an extra column is named in the outputs: its header in lower case,
/// or the contract's English name where it has one ("Kommentar" → comment).
fn column_name(header: &str) -> String {
    let lower = header.trim().to_lowercase();
    vocab::COLUMN_NAMES
        .iter()
        .find(|(word, _)| lower.starts_with(word))
        .map_or(lower.clone(), |(_, name)| name.to_string())
}

/// The measure number in a number cell: "12", "12.", "12)", "3a", "6 a)", "4.1".
fn row_number(cell: &str) -> Option<MeasureId> {
    let c = cell.trim().trim_end_matches(['.', ')']);
    let plain = !c.is_empty() && c.len() <= 6 && c.starts_with(|ch: char| ch.is_ascii_digit());
    plain.then(|| MeasureId::parse(c)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&str]) -> Vec<OverviewRow> {
        let blocks = super::super::tab_blocks(rows);
        let located: Vec<Located> = blocks
            .iter()
            .enumerate()
            .map(|(i, block)| Located {
                page: Some(if i < 4 { "5" } else { "6" }),
                index: 0,
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

    #[test]
    fn number_in_the_title_cell_and_extra_columns() {
        let rows = table(&[
            "Tiltak\tStatus\tAnsvar\tKommentar",
            "Mål 1: Tryggere nabolag",
            "1.1 Flere møteplasser\tPåbegynt\tKDD\tI rute",
            "1.2 Bedre belysning\tFullført\tKDD og JD\t",
            "(fortsettes)",
            "3a) Nye lekeplasser\tForsinket\tKDD\tVenter på midler",
        ]);
        let got: Vec<String> = rows
            .iter()
            .map(|r| {
                let extra: Vec<String> = r
                    .extra
                    .iter()
                    .map(|e| format!("{}={}", e.column, e.value))
                    .collect();
                format!(
                    "{} {} {} | {} | {} | {}",
                    r.area,
                    r.id,
                    r.title,
                    r.status,
                    r.responsible,
                    extra.join(",")
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "1 1.1 Flere møteplasser | Påbegynt | KDD | comment=I rute",
                "1 1.2 Bedre belysning | Fullført | KDD og JD | comment=",
                "1 3a Nye lekeplasser | Forsinket | KDD | comment=Venter på midler",
            ]
        );
        assert_eq!(rows[1].ministries, ["KDD", "JD"]);
    }
}

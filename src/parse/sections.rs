//! The body: sections, innsatsområder and measure sections.

use super::{Located, fields, overview, table};
use std::collections::HashSet;

use crate::model::{Area, Heading, HeadingKind, Measure, MeasureId, Report, StatusCount, SubId};
use crate::parse::heading::{bare_measure, classify_heading};
use crate::text;

/// Where a paragraph belongs.
enum Container {
    /// Before the first area: the overview and other sections.
    Front,
    /// An area's intro.
    Area(usize),
    /// A measure's description or progress.
    Measure(usize),
}

/// Walks the body blocks and fills headings, overview, departments,
/// areas and measures of `report`.
pub(super) fn read_body(body: &[Located], report: &mut Report) {
    let mut walk = Walk {
        section_titles: report
            .toc
            .iter()
            .filter(|e| e.kind == HeadingKind::Section)
            .map(|e| text::label_key(&e.title))
            .collect(),
        report,
        container: Container::Front,
        area_id: String::new(),
        in_count_table: false,
    };
    let bare = bare_headings(body);
    let mut i = 0;
    while i < body.len() {
        let located = body[i];
        let is_bare = bare.contains(&i);
        i += 1;
        let filled = located.block.filled_cells();
        if filled.is_empty() {
            continue;
        }
        if let Container::Measure(m) = walk.container {
            if fields::apply(&mut walk.report.measures[m], &filled) {
                continue;
            }
            // A label line that layout ran into the paragraph above it.
            if let Some((text, label)) = located.paragraph().and_then(fields::trailing_label) {
                append_text(walk.report, &walk.container, text);
                fields::apply(&mut walk.report.measures[m], &[label]);
                continue;
            }
        }
        if let Container::Front = walk.container
            && walk.two_column_row(&filled)
        {
            continue;
        }
        if let Container::Front = walk.container
            && filled.len() >= 3
        {
            let (rows, header, used) = table::read_table(&body[i - 1..], &walk.section_titles);
            if !rows.is_empty() {
                if walk.report.overview_header.is_empty() {
                    walk.report.overview_header = header;
                }
                walk.report.overview.extend(rows);
                i += used.saturating_sub(1);
                continue;
            }
        }
        match located.paragraph() {
            Some(text) => walk.paragraph(text, &located, is_bare),
            None => append_text(walk.report, &walk.container, &filled.join(" ")),
        }
    }
    drop_missing_parents(walk.report);
}

/// The paragraphs numbered like a measure without the measure word ("3.
/// Title", "4.1 Title") that head one: a label line follows before the
/// next heading, or the next heading is its first sub-measure ("6)" then
/// "6 a)": a parent may state nothing of its own). A numbered list item in
/// running text has neither.
fn bare_headings(body: &[Located]) -> HashSet<usize> {
    let numbered: Vec<Numbered> = body.iter().map(Numbered::of).collect();
    let mut found = HashSet::new();
    for (i, this) in numbered.iter().enumerate() {
        let Some(id) = &this.bare else {
            continue;
        };
        for (next, located) in numbered[i + 1..].iter().zip(&body[i + 1..]) {
            if next.heading {
                let sub = next.bare.as_ref().or(next.strong.as_ref());
                if sub.and_then(MeasureId::parent).as_ref() == Some(id) {
                    found.insert(i);
                }
                break;
            }
            if fields::is_label(&located.block.filled_cells()) {
                found.insert(i);
                break;
            }
        }
    }
    found
}

/// How a block is numbered, read once for [`bare_headings`].
struct Numbered {
    /// Any heading: a measure, an area or a bare number.
    heading: bool,
    /// The number of a bare-numbered paragraph ("3. Title").
    bare: Option<MeasureId>,
    /// The number of a measure heading with the measure word.
    strong: Option<MeasureId>,
}

impl Numbered {
    fn of(located: &Located) -> Numbered {
        let Some(text) = located.paragraph() else {
            return Numbered {
                heading: false,
                bare: None,
                strong: None,
            };
        };
        let (kind, id, _) = classify_heading(text);
        let bare = match kind {
            HeadingKind::Section => bare_measure(text).map(|(id, _)| id),
            _ => None,
        };
        let strong = match kind {
            HeadingKind::Measure => MeasureId::parse(&id),
            _ => None,
        };
        Numbered {
            heading: kind != HeadingKind::Section || bare.is_some(),
            bare,
            strong,
        }
    }
}

/// "4.1" is a sub-measure of 4 only where the report has a measure 4;
/// numbered within area 4 otherwise ("1.1, 1.2, 2.1").
fn drop_missing_parents(report: &mut Report) {
    let ids: HashSet<MeasureId> = report.measures.iter().map(|m| m.id.clone()).collect();
    for m in &mut report.measures {
        if matches!(m.id.sub, Some(SubId::Number(_)))
            && m.parent.as_ref().is_some_and(|p| !ids.contains(p))
        {
            m.parent = None;
        }
    }
}

/// The body as read so far: where the next paragraph belongs.
struct Walk<'r> {
    report: &'r mut Report,
    /// The TOC's un-numbered sections, as label keys.
    section_titles: Vec<String>,
    container: Container,
    /// The area the next measure is under.
    area_id: String,
    /// Whether the blocks are rows of a count table ("Status | Antall").
    in_count_table: bool,
}

impl Walk<'_> {
    /// A single-cell block: a heading that opens a measure, an area or a
    /// section, the summary sentence, a department list, or running text.
    /// `bare` says the paragraph heads a measure though it has a number
    /// only ([`bare_headings`]).
    fn paragraph(&mut self, text: &str, located: &Located, bare: bool) {
        let (kind, id, title) = classify_heading(text);
        let measure_id = (kind == HeadingKind::Measure)
            .then(|| MeasureId::parse(&id))
            .flatten();
        if let (Some(id), true) = (measure_id, looks_like_heading(&title)) {
            return self.open_measure(id, title, text, located);
        }
        if let Some((id, title)) = bare_measure(text).filter(|(id, _)| bare && self.continues(id)) {
            return self.open_measure(id, title.to_string(), text, located);
        }
        let report = &mut *self.report;
        let summary = (matches!(self.container, Container::Front)
            && report.summary.sentence.is_empty())
        .then(|| overview::read_summary(text))
        .flatten();
        match kind {
            HeadingKind::Area if looks_like_heading(&title) => {
                report
                    .headings
                    .push(heading(kind, &id, &title, text, located));
                self.area_id = id.clone();
                report.areas.push(Area {
                    id,
                    title,
                    intro: String::new(),
                    page: located.page(),
                });
                self.container = Container::Area(report.areas.len() - 1);
            }
            _ if self.section_titles.contains(&text::label_key(text)) => {
                report
                    .headings
                    .push(heading(HeadingKind::Section, "", text, text, located));
                self.container = Container::Front;
            }
            _ if summary.is_some() => report.summary = summary.unwrap_or_default(),
            _ => match (&self.container, overview::departments(text)) {
                (Container::Front, Some(departments)) => report.departments.extend(departments),
                _ => append_text(report, &self.container, text),
            },
        }
    }

    /// A row of a two-column table before the first area: a count table
    /// ("Igangsatt | 4", "Totalt | 9") or a department list ("KD |
    /// Kunnskapsdepartementet", either order); false for anything else.
    fn two_column_row(&mut self, cells: &[&str]) -> bool {
        if cells.len() == 2 && overview::is_two_column_header(cells) {
            self.in_count_table = overview::is_count_header(cells);
            return true;
        }
        let summary = &mut self.report.summary;
        if let (true, Some((status, count))) = (self.in_count_table, overview::count_row(cells)) {
            if overview::is_total_row(&status) {
                summary.total = Some(count);
            } else {
                summary.counts.push(StatusCount { status, count });
            }
            if !summary.sentence.is_empty() {
                summary.sentence.push_str("; ");
            }
            summary
                .sentence
                .push_str(&format!("{}: {count}", cells[0].trim()));
            return true;
        }
        self.in_count_table = false;
        match overview::department_row(cells) {
            Some(department) => {
                self.report.departments.push(department);
                true
            }
            None => false,
        }
    }

    /// Whether `id` follows the measures so far: the next number, or a
    /// sub-measure of the last one.
    fn continues(&self, id: &MeasureId) -> bool {
        match self.report.measures.last() {
            None => true,
            // A skipped number is still a heading (numbering reports the
            // gap); a list restarting at 1 in running text is not.
            Some(last) => {
                (id.number > last.id.number && id.number <= last.id.number + 3)
                    || (id.number == last.id.number && id.is_sub())
            }
        }
    }

    fn open_measure(&mut self, id: MeasureId, title: String, text: &str, located: &Located) {
        let report = &mut *self.report;
        report.headings.push(heading(
            HeadingKind::Measure,
            &id.to_string(),
            &title,
            text,
            located,
        ));
        report.measures.push(Measure {
            parent: id.parent(),
            id,
            area: self.area_id.clone(),
            title,
            page: located.page(),
            pdf_page: Some(located.index),
            ..Measure::default()
        });
        self.container = Container::Measure(report.measures.len() - 1);
    }
}

fn heading(kind: HeadingKind, id: &str, title: &str, text: &str, located: &Located) -> Heading {
    Heading {
        kind,
        id: id.to_string(),
        title: title.to_string(),
        page: located.page(),
        text: text.to_string(),
    }
}

/// A heading title is short and is not a sentence ending in a full stop.
fn looks_like_heading(title: &str) -> bool {
    !title.is_empty() && title.len() < 400 && !title.ends_with('.')
}

fn append_text(report: &mut Report, container: &Container, text: &str) {
    let target = match *container {
        Container::Front => return,
        Container::Area(a) => &mut report.areas[a].intro,
        Container::Measure(m) => {
            let measure = &mut report.measures[m];
            if measure.status.is_some() || measure.responsible.is_some() {
                &mut measure.progress
            } else {
                &mut measure.description
            }
        }
    };
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text);
}

#[cfg(test)]
mod tests {
    use crate::model::{HeadingKind, Report};

    fn parse(text: &str) -> Report {
        let doc = crate::clean::run(crate::extract::text::read(text));
        crate::parse::run(&doc, "test.txt").unwrap()
    }

    #[test]
    fn bare_numbered_measures_under_chapters() {
        let report = parse(
            "Plan for bedre lesing (2023-2026)\n\nStatus for tiltak pr. 31.12.2024\n\n\
             Kapittel 1 Lesing i barnehagen\n\nKapitlet handler om de minste.\n\n\
             1. Kartlegge leseglede\n\nVi vil vite mer.\n\nStatus: Igangsatt\n\nAnsvar: KD\n\n\
             Arbeidet er i gang. Disse trinnene gjenstår:\n\n\
             1. Utvalg av barnehager\n\n2. Intervjuer med ansatte\n\n\
             2. Styrke biblioteket\n\nStatus: Gjennomført\n\nAnsvar: KD (med KUD)\n\n\
             Kapittel 2 Lesing i skolen\n\n\
             2.1 Lesekurs for lærere\n\nStatus: Ikke startet\n\nAnsvar: KD\n",
        );
        let got: Vec<String> = report
            .measures
            .iter()
            .map(|m| {
                let parent = m.parent.as_ref().map(ToString::to_string);
                let status = m.status.as_deref().unwrap_or("-");
                format!("{} {parent:?} {} {} / {status}", m.id, m.area, m.title)
            })
            .collect();
        assert_eq!(
            got,
            [
                "1 None 1 Kartlegge leseglede / Igangsatt",
                "2 None 1 Styrke biblioteket / Gjennomført",
                "2.1 Some(\"2\") 2 Lesekurs for lærere / Ikke startet",
            ]
        );
        // The list inside the progress text stays text.
        assert!(
            report.measures[0]
                .progress
                .ends_with("1. Utvalg av barnehager 2. Intervjuer med ansatte")
        );
        assert_eq!(report.measures[1].partners, ["KUD"]);
        let areas: Vec<&str> = report.areas.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(areas, ["Lesing i barnehagen", "Lesing i skolen"]);
        assert!(
            report
                .headings
                .iter()
                .all(|h| h.kind != HeadingKind::Section)
        );
        assert_eq!(report.as_of, "2024-12-31");
    }

    #[test]
    fn dotted_ids_without_a_parent_are_measures_of_their_area() {
        let report = parse(
            "Plan\n\nStatus for tiltak per 31.12.2024\n\n\
             Mål 1: Tryggere nabolag\n\n\
             Tiltak 1.1 – Flere møteplasser\n\nStatus: Påbegynt\n\nAnsvarlig: KDD\n\n\
             Tiltak 1.2 – Bedre belysning\n\nStatus: Fullført\n\nAnsvarlig: KDD\n",
        );
        let got: Vec<(String, bool, &str)> = report
            .measures
            .iter()
            .map(|m| (m.id.to_string(), m.parent.is_some(), m.area.as_str()))
            .collect();
        assert_eq!(
            got,
            [("1.1".into(), false, "1"), ("1.2".into(), false, "1")]
        );
    }

    #[test]
    fn count_and_department_tables() {
        let report = parse(
            "Plan\n\nStatus for tiltak per 31.12.2024\n\n\
             Status\tAntall\nIgangsatt\t1\nGjennomført\t1\nTotalt\t2\n\n\
             Forkortelse\tDepartement\nKD\tKunnskapsdepartementet\n\
             Helse- og omsorgsdepartementet\tHOD\n\n\
             Del 1: Skolen\n\n\
             Tiltak 1: Mer lesing\n\nStatus: Igangsatt\n\nAnsvarlig: KD\n\n\
             Tiltak 2: Mer mosjon\n\nStatus: Gjennomført\n\nAnsvarlig: HOD\n",
        );
        let counts: Vec<(&str, u32)> = report
            .summary
            .counts
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect();
        assert_eq!(counts, [("Igangsatt", 1), ("Gjennomført", 1)]);
        assert_eq!(report.summary.total, Some(2));
        let departments: Vec<(&str, &str)> = report
            .departments
            .iter()
            .map(|d| (d.abbreviation.as_str(), d.name.as_str()))
            .collect();
        assert_eq!(
            departments,
            [
                ("KD", "Kunnskapsdepartementet"),
                ("HOD", "Helse- og omsorgsdepartementet")
            ]
        );
        assert_eq!(report.measures.len(), 2);
        // No TOC and no overview table: said, not silently skipped.
        assert_eq!(report.notes.len(), 2, "{:?}", report.notes);
    }
}

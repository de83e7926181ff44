//! The body: sections, innsatsområder and measure sections.

use super::{Located, fields, overview};
use crate::model::{Area, Heading, HeadingKind, Measure, MeasureId, Report};
use crate::parse::heading::classify_heading;
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
    };
    let mut i = 0;
    while i < body.len() {
        let located = body[i];
        i += 1;
        let filled = located.block.filled_cells();
        if filled.is_empty() {
            continue;
        }
        if let Container::Measure(m) = walk.container
            && fields::apply(&mut walk.report.measures[m], &filled)
        {
            continue;
        }
        if let Container::Front = walk.container
            && filled.len() >= 3
        {
            let (rows, used) = overview::read_table(&body[i - 1..], &walk.section_titles);
            if !rows.is_empty() {
                walk.report.overview.extend(rows);
                i += used.saturating_sub(1);
                continue;
            }
        }
        match located.paragraph() {
            Some(text) => walk.paragraph(text, &located),
            None => append_text(walk.report, &walk.container, &filled.join(" ")),
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
}

impl Walk<'_> {
    /// A single-cell block: a heading that opens a measure, an area or a
    /// section, the summary sentence, a department list, or running text.
    fn paragraph(&mut self, text: &str, located: &Located) {
        let report = &mut *self.report;
        let (kind, id, title) = classify_heading(text);
        let measure_id = (kind == HeadingKind::Measure)
            .then(|| MeasureId::parse(&id))
            .flatten();
        match kind {
            HeadingKind::Measure if looks_like_heading(&title) && measure_id.is_some() => {
                let id = measure_id.unwrap_or_default();
                report
                    .headings
                    .push(heading(kind, &id.to_string(), &title, text, located));
                report.measures.push(Measure {
                    parent: id.parent(),
                    id,
                    area: self.area_id.clone(),
                    title,
                    page: located.page(),
                    ..Measure::default()
                });
                self.container = Container::Measure(report.measures.len() - 1);
            }
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
            _ if matches!(self.container, Container::Front)
                && overview::is_summary(text)
                && report.summary.sentence.is_empty() =>
            {
                report.summary = overview::read_summary(text);
            }
            _ => match (&self.container, overview::departments(text)) {
                (Container::Front, Some(departments)) => report.departments.extend(departments),
                _ => append_text(report, &self.container, text),
            },
        }
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

//! The plain data handed from stage to stage.
//!
//! `extract` and `clean` produce a [`Document`] (pages of text blocks);
//! `parse` turns it into a [`Report`]; `check` adds [`Finding`]s; `diff`
//! compares two reports into [`Change`]s. Nothing here knows about PDFs,
//! file formats or the command line.

mod due;
mod id;
mod kinds;

pub use due::{Due, Season, YearMonth, year_month};
pub use id::{MeasureId, SubId};
pub use kinds::{ChangeKind, Field, Rule, Severity, StatusClass};

use serde::{Deserialize, Serialize};

/// A text that does not read as the value it should be: "9ab" is not a
/// measure number, "2024-13" not a due date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not {expected}")]
pub struct NotA {
    /// The text as given.
    pub text: String,
    /// What it should have been, e.g. "a measure number".
    pub expected: &'static str,
}

impl NotA {
    pub(crate) fn new(text: &str, expected: &'static str) -> NotA {
        NotA {
            text: text.to_string(),
            expected,
        }
    }
}

/// Serialises a type as the string its `Display` writes and reads it back
/// with `FromStr`; its JSON Schema is a plain string.
macro_rules! string_serde {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl schemars::JsonSchema for $type {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($type).into()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                String::json_schema(generator)
            }
        }
    };
}
pub(crate) use string_serde;

/// A document as text: pages of blocks, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The pages in physical order.
    pub pages: Vec<Page>,
    /// What reading had to mend to read the file at all (a rebuilt index
    /// of objects, …), one sentence each, for the user's eyes.
    pub warnings: Vec<String>,
}

/// One page of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The page number printed on the page (its footer or header), if any.
    pub label: Option<String>,
    /// Paragraphs, headings and table rows in reading order.
    pub blocks: Vec<Block>,
    /// The running header: lines repeated at the top of many pages, or a
    /// page number there, kept apart from the reading text so that nothing
    /// read is lost.
    pub header: Vec<String>,
    /// The running footer, likewise, from the bottom of the page.
    pub footer: Vec<String>,
}

/// A paragraph, heading or table row.
///
/// A paragraph is a single cell. Table rows have one cell per column; a cell
/// the producer left empty is an empty string. Within a cell, line breaks of
/// the layout are kept as `\n` until `clean` decides how to join them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// Cell texts, left to right.
    pub cells: Vec<String>,
}

impl Block {
    /// A block with a single cell.
    pub fn text(text: impl Into<String>) -> Block {
        Block {
            cells: vec![text.into()],
        }
    }

    /// The block's text with cells joined by tabs.
    pub fn joined(&self) -> String {
        self.cells.join("\t")
    }

    /// The non-empty cells.
    pub fn filled_cells(&self) -> Vec<&str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    }
}

/// Everything read from one status report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Report {
    /// The file the report was read from.
    pub source: String,
    /// The action plan's title, e.g. "Frihet fra negativ sosial kontroll og æresrelatert vold".
    pub plan_title: String,
    /// The plan period as printed, e.g. "2021-2024".
    pub period: Option<String>,
    /// The as-of date of the status, ISO formatted (`2023-12-31`).
    pub as_of: String,
    /// Whether the title page calls this a final report (sluttrapport).
    pub final_report: bool,
    /// The table of contents.
    pub toc: Vec<TocEntry>,
    /// Every heading found in the body, in order, with its printed page.
    pub headings: Vec<Heading>,
    /// The summary sentence above the overview table.
    pub summary: Summary,
    /// The overview table's rows.
    pub overview: Vec<OverviewRow>,
    /// The overview table's column names as printed (not in
    /// `report.json`; `tiltak parse` shows them).
    #[serde(skip)]
    #[schemars(skip)]
    pub overview_header: Vec<String>,
    /// The list of ministries and directorates with their abbreviations.
    pub departments: Vec<Department>,
    /// The innsatsområder (areas) with their intro text.
    pub areas: Vec<Area>,
    /// Every measure and sub-measure section, in document order.
    pub measures: Vec<Measure>,
    /// Dated forward-looking statements found in progress texts.
    pub commitments: Vec<Commitment>,
    /// Parts of the genre the report lacks (no summary, no overview table,
    /// …), each one sentence; absent when it has them all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What a heading or TOC entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HeadingKind {
    /// An un-numbered section such as "Om denne rapporten".
    Section,
    /// An innsatsområde.
    Area,
    /// A measure or sub-measure.
    Measure,
}

impl HeadingKind {
    /// The stable lower-case name used in CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            HeadingKind::Section => "section",
            HeadingKind::Area => "area",
            HeadingKind::Measure => "measure",
        }
    }
}

/// One line of the table of contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TocEntry {
    /// Section, area or measure.
    pub kind: HeadingKind,
    /// Area number or measure id; empty for sections.
    pub id: String,
    /// The title without its "Tiltak N." or "Innsatsområde N:" prefix.
    pub title: String,
    /// The page number as printed in the TOC.
    pub page: String,
    /// The entry exactly as printed (prefix included, leader dots removed).
    pub text: String,
    /// Nesting from the numbering: 1 for sections and areas, 2 for
    /// measures, 3 for sub-measures ("Tiltak 9 a)").
    pub level: u8,
}

/// A heading found in the body of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Heading {
    /// Section, area or measure.
    pub kind: HeadingKind,
    /// Area number or measure id; empty for sections.
    pub id: String,
    /// The title without its numbering prefix.
    pub title: String,
    /// The printed page label of the page the heading is on.
    pub page: Option<String>,
    /// The heading exactly as printed.
    pub text: String,
}

/// The summary sentence and the counts it states.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Summary {
    /// The sentence as printed.
    pub sentence: String,
    /// The total number of measures the sentence states.
    pub total: Option<u32>,
    /// Count per status word, in the order the sentence names them.
    pub counts: Vec<StatusCount>,
}

/// "26 pågående": a count of measures with one status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatusCount {
    /// The status as the sentence words it (e.g. "pågående").
    pub status: String,
    /// The number stated.
    pub count: u32,
}

/// One measure row of the overview table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OverviewRow {
    /// The innsatsområde number the row is listed under.
    pub area: String,
    /// The un-numbered sub-group label the row is listed under, if any.
    pub group: String,
    /// The measure number.
    pub id: MeasureId,
    /// The title as printed in the table.
    pub title: String,
    /// The responsible ministries as printed ("BFD og AID").
    pub responsible: String,
    /// The status as printed.
    pub status: String,
    /// The printed page the row starts on.
    pub page: Option<String>,
    /// The names in [`OverviewRow::responsible`], split once by the parser
    /// ("BFD og AID" → BFD, AID). Not in `report.json`, whose `responsible`
    /// carries the text.
    #[serde(skip)]
    #[schemars(skip)]
    pub ministries: Vec<String>,
    /// Columns beyond the contract's (a comment, say), in table order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
}

/// A cell of an overview-table column the contract does not name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Extra {
    /// The column: `comment`, or the header's own word in lower case.
    pub column: String,
    /// The cell's text.
    pub value: String,
}

/// A ministry or directorate from the department list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Department {
    /// The abbreviation in parentheses, e.g. "AID".
    pub abbreviation: String,
    /// The full name, e.g. "Arbeids- og inkluderingsdepartementet".
    pub name: String,
}

/// An innsatsområde (area of effort).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Area {
    /// The area number.
    pub id: String,
    /// The title after "Innsatsområde N:".
    pub title: String,
    /// The introduction paragraph(s).
    pub intro: String,
    /// The printed page of the heading.
    pub page: Option<String>,
}

/// A measure (tiltak) or sub-measure section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Measure {
    /// `9`, or `9a` for "Tiltak 9 a)".
    pub id: MeasureId,
    /// The parent's id for a sub-measure.
    pub parent: Option<MeasureId>,
    /// The innsatsområde number the section is under.
    pub area: String,
    /// The heading title without the "Tiltak N." prefix.
    pub title: String,
    /// The plan's description of the measure (text before Status).
    pub description: String,
    /// The text after "Status:", verbatim.
    pub status: Option<String>,
    /// The text after "Ansvarlig:", verbatim.
    pub responsible: Option<String>,
    /// The lead ministry (first name in the Ansvarlig line).
    pub lead: Option<String>,
    /// Ministries named after "i samarbeid med".
    pub partners: Vec<String>,
    /// The progress narrative for the year (text after Ansvarlig).
    pub progress: String,
    /// The printed page of the heading.
    pub page: Option<String>,
    /// The physical page of the heading in the file, 1-based (what
    /// `file.pdf#page=N` opens); `None` where the source has no pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf_page: Option<u32>,
}

impl Report {
    /// How many measures and sub-measures the report has, counted as the
    /// ministry counts them: top-level measures from the sections or the
    /// overview table, whichever lists more, and sub-measures apart.
    pub fn measure_counts(&self) -> (usize, usize) {
        let sections = self.measures.iter().filter(|m| m.id.sub.is_none()).count();
        let rows = self.overview.iter().filter(|r| r.id.sub.is_none()).count();
        let sub = self.measures.iter().filter(|m| m.id.sub.is_some()).count();
        (sections.max(rows), sub)
    }

    /// The status the report gives a measure: its section's, or, for a
    /// measure whose section states none (a parent such as 9), its
    /// overview-table row's.
    pub fn status_of(&self, id: &MeasureId) -> Option<String> {
        let section = self.measure(id).and_then(|m| m.status.clone());
        section.or_else(|| {
            self.row(id)
                .map(|r| r.status.clone())
                .filter(|s| !s.is_empty())
        })
    }

    /// The measure or sub-measure section numbered `id`.
    pub fn measure(&self, id: &MeasureId) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == *id)
    }

    /// The overview-table row numbered `id`.
    pub fn row(&self, id: &MeasureId) -> Option<&OverviewRow> {
        self.overview.iter().find(|r| r.id == *id)
    }

    /// The sub-measures of `parent`, in document order.
    pub fn sub_measures<'a>(&'a self, parent: &'a MeasureId) -> impl Iterator<Item = &'a Measure> {
        self.measures
            .iter()
            .filter(move |m| m.parent.as_ref() == Some(parent))
    }
}

impl Measure {
    /// Whether this is a sub-measure such as "9a".
    pub fn is_sub_measure(&self) -> bool {
        self.parent.is_some()
    }
}

/// A dated forward-looking statement in a measure's progress text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Commitment {
    /// The measure id.
    pub measure: MeasureId,
    /// When it is due: `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`.
    pub due: Due,
    /// The sentence that states it.
    pub text: String,
}

/// One inconsistency inside a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    /// The rule that found it, e.g. `table-status-mismatch`.
    pub rule: Rule,
    /// Error or warning.
    pub severity: Severity,
    /// The measure (or area/section) the finding is about.
    pub measure: String,
    /// The printed page where the reader can see the problem.
    pub page: Option<String>,
    /// The value one place in the report states.
    pub expected: String,
    /// The conflicting value another place states.
    pub found: String,
    /// One sentence for a reader.
    pub message: String,
}

/// One difference between two reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Change {
    /// The measure id (in the new report where both exist); `None` (an
    /// empty string in the outputs) for summary changes.
    #[serde(with = "optional_id")]
    #[schemars(with = "String")]
    pub measure: Option<MeasureId>,
    /// The field that changed (`status`, `title`, `summary.pågående`, ...).
    pub field: Field,
    /// The kind of change: `added`, `removed`, `renumbered`, `status`, ...
    pub change: ChangeKind,
    /// The old value.
    pub old: String,
    /// The new value.
    pub new: String,
}

/// `Option<MeasureId>` as the contract writes it: the id, or an empty string.
mod optional_id {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::MeasureId;

    pub fn serialize<S: Serializer>(id: &Option<MeasureId>, s: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => s.collect_str(id),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MeasureId>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(serde::de::Error::custom)
    }
}

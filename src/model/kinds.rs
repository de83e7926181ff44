//! The closed sets of the output contract: check rules and their
//! severities, change kinds, changed fields, and what a status means.
//!
//! Each serialises to exactly its contract name (`toc-title-mismatch`,
//! `renumbered`, `summary.pågående`); renderers `match` on them.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::NotA;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The report contradicts itself on a fact.
    Error,
    /// Something an editor should look at.
    Warning,
    /// What the report lacks, so that a check could not be made.
    Info,
}

impl Severity {
    /// The stable lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A cross-check rule of the output contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A heading without a TOC entry, or a TOC entry without a heading.
    TocMissing,
    /// A TOC title differs from its heading.
    TocTitleMismatch,
    /// A TOC page differs from the printed page of its heading.
    TocPageMismatch,
    /// A measure without an overview row, or a row without a section.
    TableMissing,
    /// An overview title differs from the section heading.
    TableTitleMismatch,
    /// An overview status differs from the section's status.
    TableStatusMismatch,
    /// An overview responsible cell disagrees with the section's Ansvarlig line.
    TableResponsibleMismatch,
    /// An overview row sits under another innsatsområde than its section.
    TableAreaMismatch,
    /// A count in the summary sentence differs from the overview table.
    SummaryCountMismatch,
    /// A parent's status contradicts its sub-measures.
    RollupStatusMismatch,
    /// Measure numbers skip, repeat or run out of order.
    Numbering,
    /// An abbreviation the department list does not define.
    UnknownDepartment,
    /// A leaf measure without a Status or Ansvarlig line.
    MissingField,
}

impl Rule {
    /// Every rule, in the order of the output contract.
    pub const ALL: [Rule; 13] = [
        Rule::TocMissing,
        Rule::TocTitleMismatch,
        Rule::TocPageMismatch,
        Rule::TableMissing,
        Rule::TableTitleMismatch,
        Rule::TableStatusMismatch,
        Rule::TableResponsibleMismatch,
        Rule::TableAreaMismatch,
        Rule::SummaryCountMismatch,
        Rule::RollupStatusMismatch,
        Rule::Numbering,
        Rule::UnknownDepartment,
        Rule::MissingField,
    ];

    /// The contract's id, e.g. `table-status-mismatch`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::TocMissing => "toc-missing",
            Rule::TocTitleMismatch => "toc-title-mismatch",
            Rule::TocPageMismatch => "toc-page-mismatch",
            Rule::TableMissing => "table-missing",
            Rule::TableTitleMismatch => "table-title-mismatch",
            Rule::TableStatusMismatch => "table-status-mismatch",
            Rule::TableResponsibleMismatch => "table-responsible-mismatch",
            Rule::TableAreaMismatch => "table-area-mismatch",
            Rule::SummaryCountMismatch => "summary-count-mismatch",
            Rule::RollupStatusMismatch => "rollup-status-mismatch",
            Rule::Numbering => "numbering",
            Rule::UnknownDepartment => "unknown-department",
            Rule::MissingField => "missing-field",
        }
    }

    /// The severity the output contract gives the rule: an error where
    /// the report contradicts itself on a fact, a warning where an editor
    /// should look (wording, pages, names).
    pub fn severity(self) -> Severity {
        match self {
            Rule::TocMissing
            | Rule::TocTitleMismatch
            | Rule::TocPageMismatch
            | Rule::TableTitleMismatch
            | Rule::TableResponsibleMismatch
            | Rule::UnknownDepartment => Severity::Warning,
            Rule::TableMissing
            | Rule::TableStatusMismatch
            | Rule::TableAreaMismatch
            | Rule::SummaryCountMismatch
            | Rule::RollupStatusMismatch
            | Rule::Numbering
            | Rule::MissingField => Severity::Error,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a row of `changes.csv`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// A measure only the new report has.
    Added,
    /// A measure only the old report has.
    Removed,
    /// The same measure (by title) under another number.
    Renumbered,
    /// Another status (also a changed count of the summary sentence).
    Status,
    /// Other responsible ministries.
    Responsible,
    /// Another title.
    Title,
    /// Under another innsatsområde.
    Area,
    /// A changed description text.
    Description,
    /// A changed progress text.
    Progress,
}

impl ChangeKind {
    /// Every kind, in the order filters and counts list them.
    pub const ALL: [ChangeKind; 9] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Renumbered,
        ChangeKind::Status,
        ChangeKind::Responsible,
        ChangeKind::Title,
        ChangeKind::Area,
        ChangeKind::Description,
        ChangeKind::Progress,
    ];

    /// The contract's name, e.g. `renumbered`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::Status => "status",
            ChangeKind::Responsible => "responsible",
            ChangeKind::Title => "title",
            ChangeKind::Area => "area",
            ChangeKind::Description => "description",
            ChangeKind::Progress => "progress",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a change is about: the measure as a whole, one of its fields, or a
/// count of the summary sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The measure itself (added, removed, renumbered).
    Measure,
    /// Its status.
    Status,
    /// Its responsible ministries.
    Responsible,
    /// Its title.
    Title,
    /// Its innsatsområde.
    Area,
    /// Its description text.
    Description,
    /// Its progress text.
    Progress,
    /// A count of the summary sentence: `total` or a status as worded there.
    Summary(String),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Field::Measure => "measure",
            Field::Status => "status",
            Field::Responsible => "responsible",
            Field::Title => "title",
            Field::Area => "area",
            Field::Description => "description",
            Field::Progress => "progress",
            Field::Summary(count) => return write!(f, "summary.{count}"),
        };
        f.write_str(name)
    }
}

impl FromStr for Field {
    type Err = NotA;

    fn from_str(s: &str) -> Result<Field, NotA> {
        Ok(match s {
            "measure" => Field::Measure,
            "status" => Field::Status,
            "responsible" => Field::Responsible,
            "title" => Field::Title,
            "area" => Field::Area,
            "description" => Field::Description,
            "progress" => Field::Progress,
            _ => match s.strip_prefix("summary.") {
                Some(count) => Field::Summary(count.to_string()),
                None => return Err(NotA::new(s, "a field of changes.csv")),
            },
        })
    }
}

super::string_serde!(Field);

/// What a status text means, whatever the report's own wording
/// (see [`crate::vocab::status_class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StatusClass {
    /// Done: "Ferdigstilt", "Fullført", "Gjennomført", "Avsluttet".
    Finished,
    /// Partly done: "Delvis gjennomført".
    PartlyFinished,
    /// Being worked on: "Pågående", "Igangsatt".
    Ongoing,
    /// Not begun: "Ikke igangsatt", "Planlagt".
    NotStarted,
    /// The plan ended without it: "Ikke gjennomført".
    NotDone,
    /// Carried over into another plan: "Videreført i ny handlingsplan".
    Continued,
    /// Dropped: "Avlyst", "Utgår".
    Cancelled,
    /// Behind its schedule: "Forsinket".
    Delayed,
    /// A wording the vocabulary does not know.
    Unknown,
}

impl StatusClass {
    /// Whether the measure is done.
    pub fn is_finished(self) -> bool {
        self == StatusClass::Finished
    }
}

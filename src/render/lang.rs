//! The tool's own words for readers, in bokmål and English.
//!
//! Takes a [`Lang`] and a thing to name (a [`Text`], a verdict, a column of
//! the contract, a date), gives the words a person reads in HTML, Markdown,
//! xlsx and stdout. The genre's words (what the parser reads in a report)
//! stay in `vocab`; this is the catalogue of what the tool says itself, and
//! so it may hold Norwegian. CSV and JSON keep the contract's English names
//! and ISO values and do not come here.

use std::str::FromStr;

use crate::diff::{DiffWarning, Reason, Verdict};
use crate::model::{ChangeKind, Due, Field, NotA, Season, Severity};

/// The language of everything a person reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Norwegian bokmål, the readers' language and the default.
    #[default]
    Nb,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = NotA;

    fn from_str(s: &str) -> Result<Lang, NotA> {
        match s {
            "nb" | "no" => Ok(Lang::Nb),
            "en" => Ok(Lang::En),
            _ => Err(NotA::new(s, "a language (nb or en)")),
        }
    }
}

/// A sheet of the workbooks, named with [`Lang::sheet`] and headed with
/// [`Lang::headers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// The first sheet: what the workbook is about, with counts.
    Summary,
    /// measures.csv.
    Measures,
    /// overview.csv.
    Overview,
    /// toc.csv.
    Toc,
    /// departments.csv.
    Departments,
    /// commitments.csv of a report.
    Commitments,
    /// findings.csv.
    Findings,
    /// changes.csv, with the title and marked words.
    Changes,
    /// One row per measure of a diff.
    PerMeasure,
    /// commitments.csv of a diff.
    Promises,
}

/// A phrase of the tool's own, looked up with [`Lang::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The heading of the promises section.
    Promises,
    /// "due", the column.
    Due,
    /// "promised", the column.
    Promise,
    /// "status now", the column.
    NewStatus,
    /// "the new report says", the column.
    Evidence,
    /// "verdict", the column.
    Verdict,
    /// "why", the column.
    Reason,
    /// "measure", the column.
    Measure,
    /// "title", the column.
    Title,
    /// How verdicts are decided, one paragraph.
    VerdictRule,
    /// "(nothing found)".
    NothingFound,
    /// "removed" (a measure).
    Removed,
    /// "added" (a measure).
    Added,
    /// "unchanged".
    Unchanged,
    /// The heading of the transition matrix.
    Transitions,
    /// The heading of the sub-measures' transitions.
    SubMeasures,
    /// The heading of the summary sentence's counts.
    SummarySentence,
    /// "count", a column.
    Count,
    /// The heading of the changed measures.
    Measures,
    /// The heading of every measure, changed or not.
    AllMeasures,
    /// "Changes", the page title's first word.
    Changes,
    /// "Old", before the old report's file.
    Old,
    /// "New", before the new report's file.
    New,
    /// "status per".
    StatusPer,
    /// "final report".
    FinalReport,
    /// "Not done", before the measures the plan ended without.
    NotDoneList,
    /// "Still ongoing when the plan ended", before those measures.
    StillOngoing,
    /// "Delayed", before the delayed promises.
    DelayedList,
    /// "Unchanged measures".
    UnchangedList,
    /// "number", a renumbering's label.
    Number,
    /// "Filter", the label of the text filter.
    Filter,
    /// "Show measures with changes of kind".
    ShowKinds,
    /// "old" column head of the side-by-side view.
    OldText,
    /// "new" column head of the side-by-side view.
    NewText,
    /// "page", before a PDF page link.
    Page,
    /// The heading of the reports on the landing page.
    Reports,
    /// The heading of the diffs on the landing page.
    DiffsHeading,
    /// The heading of the status table on the landing page.
    StatusPerMeasure,
    /// "Source", before a report's file.
    Source,
    /// The heading of the inputs that could not be read.
    Skipped,
    /// "could not be read this time", of an input an earlier run read.
    FailedThisRun,
    /// "older outputs kept", a link to them.
    KeptOutputs,
    /// What a kept report's card shows: the outputs of an earlier run.
    KeptCard,
    /// "Finished" in a headline.
    HeadFinished,
    /// "Still ongoing" in a headline.
    HeadOngoing,
    /// "Not done" in a headline.
    HeadNotDone,
    /// "Continued in a new plan" in a headline.
    HeadContinued,
    /// "Other statuses" in a headline.
    HeadOther,
    /// "Findings" in a headline.
    HeadFindings,
    /// "Files", before the list of a report's files.
    Files,
    /// "Measures per status", a chart's label.
    PerStatus,
    /// "No inconsistencies found."
    NoFindings,
    /// The heading of findings.md.
    FindingsTitle,
    /// "read from", before the file.
    ReadFrom,
    /// "Errors", a heading.
    ErrorsHeading,
    /// "Warnings", a heading.
    WarningsHeading,
    /// "Notes", a heading.
    NotesHeading,
    /// "Period", a label.
    Period,
    /// "Overview", a heading.
    OverviewHeading,
    /// "Other measures", a heading.
    OtherMeasures,
}

impl Lang {
    /// The `lang` attribute of an HTML page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// A phrase of the tool's own.
    pub fn text(self, text: Text) -> &'static str {
        let (nb, en) = match text {
            Text::Promises => ("Løfter som forfalt", "Promises that fell due"),
            Text::Due => ("frist", "due"),
            Text::Promise => ("lovet", "promised"),
            Text::NewStatus => ("status nå", "status now"),
            Text::Evidence => ("ny rapport sier", "the new report says"),
            Text::Verdict => ("vurdering", "verdict"),
            Text::Reason => ("hvorfor", "why"),
            Text::Measure => ("tiltak", "measure"),
            Text::Title => ("tittel", "title"),
            Text::VerdictRule => (
                "Vurderingen leses fra det den nye rapporten sier om akkurat dette løftet, \
                 ledd for ledd: holdt når et ledd sier at det er levert uten å nevne en senere \
                 dato; forsinket når et ledd nevner en dato etter fristen; falt bort når \
                 tiltaket mangler eller har status ikke gjennomført eller avlyst; ellers holdt \
                 når status er ferdigstilt, og uklart ellers. En frist satt for andre \
                 (svarfrist, høringsfrist) er ikke et løfte.",
                "The verdict is read from what the new report says about this very promise, \
                 clause by clause: kept when a clause says it was delivered without naming a \
                 later date; delayed when a clause names a date after the due date; dropped \
                 when the measure is gone or its status says not done or cancelled; otherwise \
                 kept when the status is finished, and unclear else. A deadline set for others \
                 (a survey's response deadline, a consultation's) is not a promise.",
            ),
            Text::NothingFound => ("(ingenting funnet)", "(nothing found)"),
            Text::Removed => ("fjernet", "removed"),
            Text::Added => ("nytt", "added"),
            Text::Unchanged => ("uendret", "unchanged"),
            Text::Transitions => ("Statusendringer, tiltak", "Status transitions, measures"),
            Text::SubMeasures => ("Deltiltak", "Sub-measures"),
            Text::SummarySentence => ("Oppsummeringssetningen", "Summary sentence"),
            Text::Count => ("antall", "count"),
            Text::Measures => ("Tiltak med endringer", "Measures with changes"),
            Text::AllMeasures => ("Alle tiltak", "All measures"),
            Text::Changes => ("Endringer", "Changes"),
            Text::Old => ("Gammel", "Old"),
            Text::New => ("Ny", "New"),
            Text::StatusPer => ("status per", "status as of"),
            Text::FinalReport => ("sluttrapport", "final report"),
            Text::NotDoneList => ("Ikke gjennomført", "Not done"),
            Text::StillOngoing => (
                "Fortsatt pågående da planen ble avsluttet",
                "Still ongoing when the plan ended",
            ),
            Text::DelayedList => ("Forsinkede løfter", "Delayed promises"),
            Text::UnchangedList => ("Uendret", "Unchanged"),
            Text::Number => ("nummer", "number"),
            Text::Filter => ("Filter", "Filter"),
            Text::ShowKinds => (
                "Vis tiltak med endring i",
                "Show measures with changes of kind",
            ),
            Text::OldText => ("før", "before"),
            Text::NewText => ("nå", "now"),
            Text::Page => ("side", "page"),
            Text::Reports => ("Rapporter", "Reports"),
            Text::DiffsHeading => ("Endringer mellom rapportene", "Changes between reports"),
            Text::StatusPerMeasure => ("Status per tiltak", "Status per measure"),
            Text::Source => ("Kilde", "Source"),
            Text::Skipped => ("Filer som ikke kunne leses", "Files that could not be read"),
            Text::FailedThisRun => (
                "kunne ikke leses denne gangen",
                "could not be read this time",
            ),
            Text::KeptOutputs => ("eldre resultater er beholdt", "older outputs are kept"),
            Text::KeptCard => (
                "Det som vises her, er resultatene fra en tidligere kjøring, som er beholdt uendret",
                "What is shown here are the outputs of an earlier run, kept unchanged",
            ),
            Text::HeadFinished => ("ferdigstilt", "finished"),
            Text::HeadOngoing => ("fortsatt pågående", "still ongoing"),
            Text::HeadNotDone => ("ikke gjennomført", "not done"),
            Text::HeadContinued => ("videreført i ny plan", "continued in a new plan"),
            Text::HeadOther => ("annen status", "other status"),
            Text::HeadFindings => ("funn i kontrollen", "findings of the checks"),
            Text::Files => ("Filer", "Files"),
            Text::PerStatus => ("Tiltak per status", "Measures per status"),
            Text::NoFindings => ("Ingen avvik funnet.", "No inconsistencies found."),
            Text::FindingsTitle => ("Funn i kontrollen", "Cross-check findings"),
            Text::ReadFrom => ("lest fra", "read from"),
            Text::ErrorsHeading => ("Feil", "Errors"),
            Text::WarningsHeading => ("Advarsler", "Warnings"),
            Text::NotesHeading => ("Merknader", "Notes"),
            Text::Period => ("Periode", "Period"),
            Text::OverviewHeading => ("Oversikt", "Overview"),
            Text::OtherMeasures => ("Andre tiltak", "Other measures"),
        };
        self.pick(nb, en)
    }

    /// A sheet's name (at most 31 characters, as Excel allows).
    pub fn sheet(self, sheet: SheetKind) -> &'static str {
        let (nb, en) = match sheet {
            SheetKind::Summary => ("Oversikt", "Summary"),
            SheetKind::Measures => ("Tiltak", "Measures"),
            SheetKind::Overview => ("Statustabell", "Overview table"),
            SheetKind::Toc => ("Innhold", "Contents"),
            SheetKind::Departments => ("Departementer", "Departments"),
            SheetKind::Commitments => ("Løfter", "Commitments"),
            SheetKind::Findings => ("Funn", "Findings"),
            SheetKind::Changes => ("Endringer", "Changes"),
            SheetKind::PerMeasure => ("Per tiltak", "Per measure"),
            SheetKind::Promises => ("Løfter", "Promises"),
        };
        self.pick(nb, en)
    }

    /// A sheet's column headers.
    pub fn headers(self, sheet: SheetKind) -> &'static [&'static str] {
        SHEET_HEADERS
            .iter()
            .find(|(kind, _, _)| *kind == sheet)
            .map_or(&[], |(_, nb, en)| self.pick_headers(nb, en))
    }

    /// A label of the summary sheet.
    pub fn summary_label(self, label: SummaryLabel) -> &'static str {
        let (nb, en) = match label {
            SummaryLabel::Plan => ("Handlingsplan", "Action plan"),
            SummaryLabel::Period => ("Periode", "Period"),
            SummaryLabel::AsOf => ("Status per", "Status as of"),
            SummaryLabel::Source => ("Kilde", "Source"),
            SummaryLabel::FinalReport => ("Sluttrapport", "Final report"),
            SummaryLabel::Measures => ("Tiltak", "Measures"),
            SummaryLabel::SubMeasures => ("Deltiltak", "Sub-measures"),
            SummaryLabel::Errors => ("Funn: feil", "Findings: errors"),
            SummaryLabel::Warnings => ("Funn: advarsler", "Findings: warnings"),
            SummaryLabel::Notes => ("Funn: merknader", "Findings: notes"),
            SummaryLabel::Sentence => ("Oppsummeringssetningen", "Summary sentence"),
            SummaryLabel::Yes => ("ja", "yes"),
            SummaryLabel::No => ("nei", "no"),
            SummaryLabel::Old => ("Gammel rapport", "Old report"),
            SummaryLabel::New => ("Ny rapport", "New report"),
            SummaryLabel::Promises => ("Løfter som forfalt", "Promises due"),
        };
        self.pick(nb, en)
    }

    /// "33 tiltak og 4 deltiltak sammenlignet", counted as the ministry
    /// counts: measures and sub-measures apart.
    pub fn compared(self, top: usize, sub: usize) -> String {
        match (self, sub) {
            (Lang::Nb, 0) => format!("{top} tiltak sammenlignet"),
            (Lang::Nb, _) => format!("{top} tiltak og {sub} deltiltak sammenlignet"),
            (Lang::En, 0) => format!("{top} measures compared"),
            (Lang::En, _) => format!("{top} measures and {sub} sub-measures compared"),
        }
    }

    /// "33 tiltak, 4 deltiltak": how many of each a report has.
    pub fn measure_count(self, top: usize, sub: usize) -> String {
        match (self, sub) {
            (Lang::Nb, 0) => format!("{top} tiltak"),
            (Lang::Nb, _) => format!("{top} tiltak, {sub} deltiltak"),
            (Lang::En, 0) => format!("{top} measures"),
            (Lang::En, _) => format!("{top} measures, {sub} sub-measures"),
        }
    }

    /// "0 nye, 0 fjernet, 0 omnummerert".
    pub fn added_removed(self, added: usize, removed: usize, renumbered: usize) -> String {
        match self {
            Lang::Nb => format!("{added} nye, {removed} fjernet, {renumbered} omnummerert"),
            Lang::En => format!("{added} added, {removed} removed, {renumbered} renumbered"),
        }
    }

    /// "24 tekstendringer (tittel 1, beskrivelse 0, fremdrift 23), 2
    /// ansvarlig, 0 innsatsområde".
    pub fn text_changes(
        self,
        [title, description, progress, responsible, area]: [usize; 5],
    ) -> String {
        let all = title + description + progress;
        match self {
            Lang::Nb => format!(
                "{all} tekstendringer (tittel {title}, beskrivelse {description}, fremdrift {progress}), \
                 {responsible} endret ansvarlig, {area} endret innsatsområde"
            ),
            Lang::En => format!(
                "{all} text changes (title {title}, description {description}, progress {progress}), \
                 {responsible} responsible, {area} area"
            ),
        }
    }

    /// "14 løfter forfalt innen 31.12.2024".
    pub fn promises_due(self, n: usize, by: &str) -> String {
        let by = self.date(by);
        match self {
            Lang::Nb => format!("{n} løfter forfalt innen {by}"),
            Lang::En => format!("{n} commitments due by {by}"),
        }
    }

    /// "2 feil, 5 advarsler, 1 merknad".
    pub fn findings_count(self, errors: usize, warnings: usize, infos: usize) -> String {
        match self {
            Lang::Nb => format!(
                "{errors} feil, {warnings} {}, {infos} {}",
                if warnings == 1 {
                    "advarsel"
                } else {
                    "advarsler"
                },
                if infos == 1 { "merknad" } else { "merknader" }
            ),
            Lang::En => format!(
                "{errors} error{}, {warnings} warning{}, {infos} note{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
                if infos == 1 { "" } else { "s" }
            ),
        }
    }

    /// "5 funn: 0 feil, 5 advarsler" (", 1 merknad" when there are notes).
    pub fn findings_total(
        self,
        all: usize,
        errors: usize,
        warnings: usize,
        infos: usize,
    ) -> String {
        let counts = self.findings_count(errors, warnings, infos);
        let counts = if infos == 0 {
            counts
                .rsplit_once(", ")
                .map_or(counts.clone(), |(head, _)| head.to_string())
        } else {
            counts
        };
        match self {
            Lang::Nb => format!("{all} funn: {counts}"),
            Lang::En => format!("{all} finding{}: {counts}", if all == 1 { "" } else { "s" }),
        }
    }

    /// A severity as a reader says it.
    pub fn severity(self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.pick("feil", "error"),
            Severity::Warning => self.pick("advarsel", "warning"),
            Severity::Info => self.pick("merknad", "note"),
        }
    }

    /// "Laget av tiltak fra 2 rapporter."
    pub fn generated(self, reports: usize) -> String {
        match self {
            Lang::Nb => format!("Laget av tiltak fra {reports} rapporter."),
            Lang::En => format!("Generated by tiltak from {reports} reports."),
        }
    }

    /// The parts of what `tiltak parse` understood, filled in with counts
    /// ("33 tiltak og 4 deltiltak", counted as the ministry counts).
    pub fn understood(self, part: Understood) -> String {
        match (self, part) {
            (
                Lang::Nb,
                Understood::Head {
                    source,
                    plan,
                    as_of,
                    final_report,
                },
            ) => format!(
                "{source}: {plan} per {}{}",
                self.date(as_of),
                if final_report { " (sluttrapport)" } else { "" }
            ),
            (
                Lang::En,
                Understood::Head {
                    source,
                    plan,
                    as_of,
                    final_report,
                },
            ) => format!(
                "{source}: {plan} as of {as_of}{}",
                if final_report { " (final report)" } else { "" }
            ),
            (Lang::Nb, Understood::Measures { all, sub }) if sub > 0 => {
                format!("{} tiltak og {sub} deltiltak", all - sub)
            }
            (Lang::Nb, Understood::Measures { all, .. }) => format!("{all} tiltak"),
            (Lang::En, Understood::Measures { all, sub }) if sub > 0 => {
                format!("{} measures and {sub} sub-measures", all - sub)
            }
            (Lang::En, Understood::Measures { all, .. }) => format!("{all} measures"),
            (Lang::Nb, Understood::Areas { n }) => format!(" i {n} innsatsområder"),
            (Lang::En, Understood::Areas { n }) => format!(" in {n} areas"),
            (Lang::Nb, Understood::Called) => " kalt".to_string(),
            (Lang::En, Understood::Called) => " called".to_string(),
            (Lang::Nb, Understood::Statuses) => "; statuser".to_string(),
            (Lang::En, Understood::Statuses) => "; statuses".to_string(),
            (Lang::Nb, Understood::Table { rows }) => format!("statustabell med {rows} rader"),
            (Lang::En, Understood::Table { rows }) => format!("overview table of {rows} rows"),
            (Lang::Nb, Understood::Columns) => " og kolonnene".to_string(),
            (Lang::En, Understood::Columns) => " with columns".to_string(),
            (
                Lang::Nb,
                Understood::Rest {
                    toc,
                    departments,
                    commitments,
                },
            ) => format!(
                "{toc} innholdslinjer, {departments} departementer, {commitments} daterte løfter"
            ),
            (
                Lang::En,
                Understood::Rest {
                    toc,
                    departments,
                    commitments,
                },
            ) => format!(
                "{toc} TOC entries, {departments} departments, {commitments} dated commitments"
            ),
        }
    }

    /// "r.pdf: 33 tiltak og 4 deltiltak, 5 funn -> outputs/2023", a line of
    /// what the main job wrote.
    pub fn written(
        self,
        source: &str,
        top: usize,
        sub: usize,
        findings: usize,
        dir: &str,
    ) -> String {
        match self {
            Lang::Nb => {
                format!("{source}: {top} tiltak og {sub} deltiltak, {findings} funn -> {dir}")
            }
            Lang::En => format!(
                "{source}: {top} measures and {sub} sub-measures, {findings} findings -> {dir}"
            ),
        }
    }

    /// "x.pdf: kunne ikke leses denne gangen; eldre resultater beholdt i
    /// outputs/2023": the main job's line for an input it kept the older
    /// outputs of.
    pub fn kept(self, source: &str, dir: &str) -> String {
        format!(
            "{source}: {}; {} -> {dir}",
            self.text(Text::FailedThisRun),
            self.text(Text::KeptOutputs)
        )
    }

    /// A change kind as a reader says it.
    pub fn kind(self, kind: ChangeKind) -> &'static str {
        let (nb, en) = match kind {
            ChangeKind::Added => ("nytt tiltak", "added"),
            ChangeKind::Removed => ("fjernet tiltak", "removed"),
            ChangeKind::Renumbered => ("nytt nummer", "renumbered"),
            ChangeKind::Status => ("status", "status"),
            ChangeKind::Responsible => ("ansvarlig", "responsible"),
            ChangeKind::Title => ("tittel", "title"),
            ChangeKind::Area => ("innsatsområde", "area"),
            ChangeKind::Description => ("beskrivelse", "description"),
            ChangeKind::Progress => ("fremdrift", "progress"),
        };
        self.pick(nb, en)
    }

    /// A changed field as a reader says it.
    pub fn field(self, field: &Field) -> String {
        let kind = match field {
            Field::Measure => return self.pick("tiltak", "measure").to_string(),
            Field::Status => ChangeKind::Status,
            Field::Responsible => ChangeKind::Responsible,
            Field::Title => ChangeKind::Title,
            Field::Area => ChangeKind::Area,
            Field::Description => ChangeKind::Description,
            Field::Progress => ChangeKind::Progress,
            Field::Summary(name) => return name.clone(),
        };
        self.kind(kind).to_string()
    }

    /// Why a comparison may mislead, one sentence.
    pub fn diff_warning(self, warning: &DiffWarning) -> String {
        match (self, warning) {
            (Lang::Nb, DiffWarning::DifferentPlans { old, new }) => format!(
                "rapportene gjelder ulike handlingsplaner («{old}» og «{new}»); tiltak med samme nummer er ikke samme tiltak"
            ),
            (Lang::En, DiffWarning::DifferentPlans { old, new }) => format!(
                "the reports are of different action plans (\"{old}\" and \"{new}\"); measures with the same number are not the same measure"
            ),
            (Lang::Nb, DiffWarning::OldIsNewer { old, new }) => format!(
                "GAMMEL ({}) er nyere enn NY ({}); er rekkefølgen byttet om? Skriv: tiltak diff GAMMEL NY",
                self.date(old),
                self.date(new)
            ),
            (Lang::En, DiffWarning::OldIsNewer { old, new }) => format!(
                "OLD ({old}) is newer than NEW ({new}); are they swapped? Write: tiltak diff OLD NEW"
            ),
        }
    }

    /// "advarsel", before a warning on stderr.
    pub fn warning_word(self) -> &'static str {
        self.pick("advarsel", "warning")
    }

    /// A verdict as a reader says it ("holdt", "kept").
    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Kept => self.pick("holdt", "kept"),
            Verdict::Delayed => self.pick("forsinket", "delayed"),
            Verdict::Dropped => self.pick("falt bort", "dropped"),
            Verdict::Unclear => self.pick("uklart", "unclear"),
        }
    }

    /// Why a verdict was given, one sentence.
    pub fn reason(self, reason: Reason) -> &'static str {
        let (nb, en) = match reason {
            Reason::Delivered => (
                "Den nye rapporten sier at det er levert, uten en senere dato.",
                "The new report says it was delivered, with no later date.",
            ),
            Reason::DeliveredLate => (
                "Den nye rapporten sier at det ble levert, men etter fristen.",
                "The new report says it was delivered, but after the due date.",
            ),
            Reason::PromisedAnew => (
                "Den nye rapporten gir en ny dato etter fristen.",
                "The new report names a new date after the due date.",
            ),
            Reason::MeasureGone => (
                "Tiltaket er ikke med i den nye rapporten.",
                "The measure is not in the new report.",
            ),
            Reason::NotDone => (
                "Den nye statusen sier at tiltaket ikke ble gjennomført eller er avlyst.",
                "The new status says the measure was not done or was cancelled.",
            ),
            Reason::StatusFinished => (
                "Ingen setning avgjør det, men tiltaket har status ferdig.",
                "No sentence decides it, but the measure's status is finished.",
            ),
            Reason::MentionedOnly => (
                "Den nye rapporten nevner det, men sier verken at det er levert eller gir en ny dato.",
                "The new report mentions it but says neither that it was delivered nor a new date.",
            ),
            Reason::NotMentioned => (
                "Den nye rapporten sier ingenting om det.",
                "The new report says nothing about it.",
            ),
        };
        self.pick(nb, en)
    }

    /// An ISO date as a reader writes it: 31.12.2023 in bokmål, the ISO
    /// date in English. Anything else passes through.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        match (self, parts.as_slice()) {
            (Lang::Nb, [y, m, d]) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                format!("{d}.{m}.{y}")
            }
            _ => iso.to_string(),
        }
    }

    /// A due date as a reader says it: "februar 2024", "1. halvår 2024",
    /// "våren 2024", "2024".
    pub fn due(self, due: Due) -> String {
        let year = due.year();
        match due {
            Due::Month { month, .. } => {
                let names = self.pick_list(&crate::vocab::MONTHS, &MONTHS_EN);
                let name = names.get(usize::from(month).wrapping_sub(1)).unwrap_or(&"");
                format!("{name} {year}")
            }
            Due::Half { first, .. } => match (self, first) {
                (Lang::Nb, true) => format!("1. halvår {year}"),
                (Lang::Nb, false) => format!("2. halvår {year}"),
                (Lang::En, true) => format!("first half of {year}"),
                (Lang::En, false) => format!("second half of {year}"),
            },
            Due::Season { season, .. } => {
                let name = match season {
                    Season::Spring => self.pick("våren", "spring"),
                    Season::Summer => self.pick("sommeren", "summer"),
                    Season::Autumn => self.pick("høsten", "autumn"),
                    Season::Winter => self.pick("vinteren", "winter"),
                };
                format!("{name} {year}")
            }
            Due::Year(year) => year.to_string(),
        }
    }

    fn pick(self, nb: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    fn pick_headers(
        self,
        nb: &'static [&'static str],
        en: &'static [&'static str],
    ) -> &'static [&'static str] {
        self.pick_list(nb, en)
    }

    fn pick_list(
        self,
        nb: &'static [&'static str],
        en: &'static [&'static str],
    ) -> &'static [&'static str] {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }
}

/// A part of what `tiltak parse` says it understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Understood<'a> {
    /// File, plan, as-of date.
    Head {
        /// The file.
        source: &'a str,
        /// The plan title.
        plan: &'a str,
        /// The ISO as-of date.
        as_of: &'a str,
        /// Whether it is a final report.
        final_report: bool,
    },
    /// Measure counts.
    Measures {
        /// Measures and sub-measures.
        all: usize,
        /// Sub-measures.
        sub: usize,
    },
    /// " in 4 areas".
    Areas {
        /// How many.
        n: usize,
    },
    /// " called".
    Called,
    /// "; statuses".
    Statuses,
    /// The overview table's rows.
    Table {
        /// How many.
        rows: usize,
    },
    /// " with columns".
    Columns,
    /// TOC, departments, commitments.
    Rest {
        /// TOC entries.
        toc: usize,
        /// Departments.
        departments: usize,
        /// Dated commitments.
        commitments: usize,
    },
}

/// The labels of a workbook's first sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryLabel {
    /// The plan's title.
    Plan,
    /// Its period.
    Period,
    /// The as-of date.
    AsOf,
    /// The file read.
    Source,
    /// Whether it is a final report.
    FinalReport,
    /// Top-level measures.
    Measures,
    /// Sub-measures.
    SubMeasures,
    /// Findings of severity error.
    Errors,
    /// Findings of severity warning.
    Warnings,
    /// Findings of severity info.
    Notes,
    /// The summary sentence.
    Sentence,
    /// "yes".
    Yes,
    /// "no".
    No,
    /// The older report of a diff.
    Old,
    /// The newer report of a diff.
    New,
    /// Promises due.
    Promises,
}

/// Each sheet's column headers in bokmål and English.
const SHEET_HEADERS: &[(SheetKind, &[&str], &[&str])] = &[
    (SheetKind::Summary, &["", ""], &["", ""]),
    (
        SheetKind::Measures,
        &[
            "Nr",
            "Deltiltak av",
            "Innsatsområde",
            "Innsatsområdets tittel",
            "Tittel",
            "Status",
            "Ansvarlig",
            "Hovedansvarlig",
            "I samarbeid med",
            "Side",
            "PDF",
            "Beskrivelse",
            "Fremdrift",
        ],
        &[
            "No.",
            "Part of",
            "Area",
            "Area title",
            "Title",
            "Status",
            "Responsible",
            "Lead",
            "Partners",
            "Page",
            "PDF",
            "Description",
            "Progress",
        ],
    ),
    (
        SheetKind::Overview,
        &[
            "Innsatsområde",
            "Innsatsområdets tittel",
            "Gruppe",
            "Nr",
            "Tittel",
            "Ansvarlig",
            "Status",
        ],
        &[
            "Area",
            "Area title",
            "Group",
            "No.",
            "Title",
            "Responsible",
            "Status",
        ],
    ),
    (
        SheetKind::Toc,
        &["Type", "Nr", "Tittel", "Side", "Nivå"],
        &["Kind", "No.", "Title", "Page", "Level"],
    ),
    (
        SheetKind::Departments,
        &["Forkortelse", "Navn"],
        &["Abbreviation", "Name"],
    ),
    (
        SheetKind::Commitments,
        &["Tiltak", "Frist", "Frist (kode)", "Tekst"],
        &["Measure", "Due", "Due (code)", "Text"],
    ),
    (
        SheetKind::Findings,
        &[
            "Regel",
            "Alvorlighet",
            "Tiltak",
            "Side",
            "Forventet",
            "Funnet",
            "Melding",
        ],
        &[
            "Rule", "Severity", "Measure", "Page", "Expected", "Found", "Message",
        ],
    ),
    (
        SheetKind::Changes,
        &["Tiltak", "Tittel", "Endring", "Før", "Nå"],
        &["Measure", "Title", "Change", "Before", "Now"],
    ),
    (
        SheetKind::PerMeasure,
        &[
            "Tiltak",
            "Tittel",
            "Status før",
            "Status nå",
            "Ansvarlig før",
            "Ansvarlig nå",
            "Tekstendringer",
            "Løfter",
        ],
        &[
            "Measure",
            "Title",
            "Status before",
            "Status now",
            "Responsible before",
            "Responsible now",
            "Text changes",
            "Promises",
        ],
    ),
    (
        SheetKind::Promises,
        &[
            "Tiltak",
            "Tittel",
            "Frist",
            "Lovet",
            "Status nå",
            "Ny rapport sier",
            "Vurdering",
            "Hvorfor",
        ],
        &[
            "Measure",
            "Title",
            "Due",
            "Promised",
            "Status now",
            "New report says",
            "Verdict",
            "Why",
        ],
    ),
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_halves_as_readers_write_them() {
        assert_eq!(Lang::Nb.date("2023-12-31"), "31.12.2023");
        assert_eq!(Lang::En.date("2023-12-31"), "2023-12-31");
        assert_eq!(Lang::Nb.date(""), "");
        let due = |s: &str| s.parse::<Due>().unwrap();
        assert_eq!(Lang::Nb.due(due("2024-H1")), "1. halvår 2024");
        assert_eq!(Lang::Nb.due(due("2024-02")), "februar 2024");
        assert_eq!(Lang::En.due(due("2024-H2")), "second half of 2024");
        assert_eq!(Lang::Nb.due(due("2024")), "2024");
    }
}

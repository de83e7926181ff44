//! The genre's words: every word or phrase of a "Status for tiltak" report
//! that parsing, the checks and the follow-up recognise, and the few that
//! the outputs print back to a Norwegian reader.
//!
//! Takes nothing, gives data: word lists grouped by where in a report they
//! are met, one status classifier ([`status_class`]) and the labels a
//! reader knows items by ([`measure_label`], [`area_label`]). Structure is
//! read from the document elsewhere; only the words live here, so that a
//! report worded otherwise needs a change in this file and nowhere else.
//!
//! Lists are lower-case where they are matched case-insensitively; labels
//! that are matched or printed as a report prints them keep their capital.

use crate::model::{MeasureId, Season, StatusClass};

// ---------------------------------------------------------------- headings

/// The word that numbers a measure heading: "Tiltak 3. Title".
pub const MEASURE_WORD: &str = "Tiltak";

/// Words that may stand before a measure's number in its heading: "Tiltak 3.".
pub const MEASURE_WORDS: &[&str] = &["Tiltak"];

/// Words between the measure word and the number: "Tiltak nr. 3".
pub const NUMBER_WORDS: &[&str] = &["nr.", "nummer"];

/// How a reader names an area: "Innsatsområde 2".
pub const AREA_WORD: &str = "Innsatsområde";

/// Words that number an area (or chapter) heading: "Innsatsområde 2:",
/// "Kapittel 2", "Mål 2 –".
pub const AREA_WORDS: &[&str] = &[
    "Innsatsområde",
    "Satsingsområde",
    "Satsningsområde",
    "Kapittel",
    "Del",
    "Mål",
    "Tema",
];

/// Titles of the table of contents (lower-case, without a final colon).
pub const TOC_TITLES: &[&str] = &[
    "innhold",
    "innholdsfortegnelse",
    "innhaldsliste",
    "contents",
];

// ---------------------------------------------------------------- field labels

/// The label of a measure's status line: "Status: Pågående".
pub const STATUS_LABEL: &str = "Status";

/// The label of a measure's responsible line: "Ansvarlig: AID".
pub const RESPONSIBLE_LABEL: &str = "Ansvarlig";

/// Words between the status label and a date: "Status per 31.12.2024:",
/// "Status pr. 31.12.2024" (lower-case matched as written).
pub const STATUS_DATE_WORDS: &[&str] = &["per", "pr.", "pr"];

/// Forms of the responsible label ("Ansvarlige: …", "Ansvar: …").
pub const RESPONSIBLE_LABELS: &[&str] = &["Ansvarlig", "Ansvarlige", "Ansvar"];

/// Words that may qualify the responsible label: "Ansvarlig departement:".
pub const RESPONSIBLE_QUALIFIERS: &[&str] = &[
    "departement",
    "departementer",
    "etat",
    "etater",
    "virksomhet",
    "virksomheter",
    "instans",
];

/// Words that open the partners in parentheses: "KD (med HOD og BFD)".
pub const PARTNERS_IN_PARENTHESES: &[&str] = &["i samarbeid med", "med"];

/// Phrases in a responsible line after which the partners are named:
/// "AID, i samarbeid med BFD" (lower-case).
pub const COOPERATION: &[&str] = &["i samarbeid med", "i samråd med"];

/// Words that join names in a responsible line or cell: "BFD og AID"
/// (besides `,`, `;`, `/` and `&`).
pub const NAME_CONJUNCTIONS: &[&str] = &["og", "samt"];

// ---------------------------------------------------------------- title page

/// The words before the as-of date: "Status for tiltak per 31.12.2023",
/// where "for tiltak" may be left out (lower-case).
pub const AS_OF_LEAD: &str = "status";
/// See [`AS_OF_LEAD`].
pub const AS_OF_OPTIONAL: &str = "for tiltak";
/// Words before the as-of date: "per 31.12.2023", "pr. 31.12.2023".
pub const AS_OF_PREPOSITIONS: &[&str] = &["per", "pr.", "pr"];

/// The as-of line as a report prints it, for messages that ask for it.
pub const AS_OF_LINE: &str = "Status for tiltak per";

/// How a title-page line that states the status date begins (lower-case);
/// such a line is not the plan's title.
pub const STATUS_LINE_START: &str = "status for";

/// Words that make a title page a final report's (lower-case).
pub const FINAL_REPORT_WORDS: &[&str] = &["sluttrapport"];

// ---------------------------------------------------------------- overview

/// The summary sentence's total: "Av totalt 33 tiltak …" is the two words
/// around the number (lower-case).
pub const SUMMARY_TOTAL: (&str, &str) = ("totalt", "tiltak");

/// Words before the total of a summary sentence: "Av totalt 33 tiltak",
/// "Av planens 10 tiltak" (lower-case).
pub const SUMMARY_TOTAL_WORDS: &[&str] = &[
    "totalt",
    "planens",
    "handlingsplanens",
    "i alt",
    "de",
    "planen har",
    "omfatter",
    "inneholder",
    "består av",
];

/// The word after a total: "33 tiltak", "av de 9 tiltakene" (lower-case).
pub const SUMMARY_MEASURE_WORDS: &[&str] = &["tiltak", "tiltakene"];

/// "av" of "4 av planens 9 tiltak".
pub const SUMMARY_OF: &str = "av";

/// Header words of a two-column department or count table: "Forkortelse |
/// Departement", "Status | Antall" (lower-case).
pub const TWO_COLUMN_HEADERS: &[&str] = &[
    "forkortelse",
    "departement",
    "navn",
    "virksomhet",
    "etat",
    "status",
    "antall",
];

/// The header word of a count table's number column: "Antall" (lower-case).
pub const COUNT_HEADERS: &[&str] = &["antall"];

/// The first cell of a count table's total row: "Totalt | 9" (lower-case).
pub const COUNT_TABLE_TOTALS: &[&str] = &["totalt", "sum", "i alt", "antall tiltak"];

/// Words around a status in the summary sentence that are not part of it:
/// "… og 7 tiltak er ferdigstilt" (lower-case).
pub const SUMMARY_FILLER: &[&str] = &["tiltak", "er", "har", "status", "som", "og"];

/// How the overview table's header names its columns: a header cell that
/// starts with one of these (lower-case) is that column.
pub const COLUMN_TITLE: &str = "tiltak";
/// See [`COLUMN_TITLE`].
pub const COLUMN_RESPONSIBLE: &str = "ansvar";
/// See [`COLUMN_TITLE`].
pub const COLUMN_STATUS: &str = "status";
/// Header words of the number column: "Nr", "Nummer", "#" (lower-case).
pub const COLUMN_NUMBER: &[&str] = &["nr", "nummer", "#"];

/// Extra columns with a name in the contract: a header starting with the
/// word (lower-case) becomes that column of `overview.csv`.
pub const COLUMN_NAMES: &[(&str, &str)] = &[("kommentar", "comment"), ("merknad", "comment")];

/// A table row that only says the table goes on (lower-case).
pub const CONTINUED_MARKS: &[&str] = &["(fortsettes)", "fortsettes", "(forts.)", "forts."];

// ---------------------------------------------------------------- running text

/// Words that follow a Norwegian suspended hyphen ("volds- og
/// trusselutsatte"): a hyphen before them ends a word, it does not break one.
pub const SUSPENDED_HYPHEN_FOLLOWERS: &[&str] = &["og", "eller", "samt", "enn", "til", "and", "or"];

/// Abbreviations whose full stop does not end a sentence (lower-case,
/// without the final stop).
pub const ABBREVIATIONS: &[&str] = &[
    "ca", "bl.a", "jf", "f.eks", "nr", "st", "meld", "innst", "o.l", "m.m", "mv", "bla", "dvs",
    "evt", "pkt", "kap", "prop", "ref",
];

/// The word that negates what follows it: "ikke levert" (lower-case).
pub const NEGATION: &str = "ikke";

// ---------------------------------------------------------------- page labels

/// Words before a printed page number: "Side 5", "Page 5", "s. 5" (lower-case).
pub const PAGE_WORDS: &[&str] = &["side", "page", "s."];

/// Words between a page number and the page count: "Side 5 av 24"
/// (lower-case; `/` is also accepted).
pub const PAGE_OF_WORDS: &[&str] = &["av", "of"];

// ---------------------------------------------------------------- dates

/// Month names, January first (lower-case).
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Season words and the season each names (lower-case).
pub const SEASONS: &[(&str, Season)] = &[
    ("våren", Season::Spring),
    ("vår", Season::Spring),
    ("sommeren", Season::Summer),
    ("høsten", Season::Autumn),
    ("høst", Season::Autumn),
    ("vinteren", Season::Winter),
];

/// Words that name the first or second half of a year: "første halvdel
/// av 2024" (lower-case; `true` for the first half).
pub const HALF_WORDS: &[(&str, bool)] = &[("første", true), ("andre", false), ("siste", false)];

/// The nouns of a half-year phrase, each optionally followed by
/// [`HALF_NOUN_OF`].
pub const HALF_NOUNS: &[&str] = &["halvdel", "halvår"];

/// "av" of "første halvdel av 2024".
pub const HALF_NOUN_OF: &str = "av";

/// Phrases for the end of a year: "utgangen av 2024" (lower-case).
pub const YEAR_END: &[&str] = &["utgangen av", "slutten av"];

/// Prepositions before a bare due year: "i løpet av 2024" (lower-case).
pub const YEAR_PREPOSITIONS: &[&str] = &["i løpet av", "innen", "i"];

/// How a text names a half-year: "våren 2024", "første halvdel av 2024",
/// "første halvår 2024" for the first half (`{year}` stands for the year).
pub fn half_year_phrases(first: bool) -> [&'static str; 3] {
    if first {
        [
            "våren {year}",
            "første halvdel av {year}",
            "første halvår {year}",
        ]
    } else {
        [
            "høsten {year}",
            "andre halvdel av {year}",
            "andre halvår {year}",
        ]
    }
}

// ---------------------------------------------------------------- follow-up

/// Long words that say nothing about what was promised, so they do not
/// tie a new sentence to an old promise (lower-case).
pub const FOLLOW_UP_STOP_WORDS: &[&str] = &[
    "arbeid",
    "arbeidet",
    "allerede",
    "andre",
    "annet",
    "blant",
    "bidra",
    "blitt",
    "dette",
    "denne",
    "disse",
    "eller",
    "etter",
    "fortsatt",
    "første",
    "gjennom",
    "halvdel",
    "halvår",
    "hvordan",
    "høsten",
    "ikke",
    "kommer",
    "løpet",
    "mellom",
    "også",
    "regjeringen",
    "samme",
    "sammen",
    "samtidig",
    "skal",
    "siden",
    "slutten",
    "tiltak",
    "tiltaket",
    "under",
    "utgangen",
    "videre",
    "våren",
    "vinteren",
    "sommeren",
];

/// Stems that say something was delivered: "Rapporten forelå …" (lower-case).
pub const DELIVERED: &[&str] = &[
    "forelå",
    "levert",
    "leverte",
    "publisert",
    "lansert",
    "ferdigstilt",
    "gjennomført",
    "la fram",
    "lagt fram",
    "startet",
];

/// Words that put a clause in the future or in the plan, so that its
/// "ferdigstilt" is expected, not delivered: "Veilederen ventes nå
/// ferdigstilt …", "skal etter planen publiseres" (lower-case, whole words).
pub const FUTURE_MARKERS: &[&str] = &["ventes", "skal", "vil", "planlegges", "forventes"];

/// Deadlines a measure sets for others (respondents, consultees,
/// applicants): "svarfristen er 15. januar 2024" is not a promise of the
/// ministry (lower-case stems, matched at the start of a word).
pub const DEADLINES_FOR_OTHERS: &[&str] = &[
    "svarfrist",
    "høringsfrist",
    "søknadsfrist",
    "påmeldingsfrist",
    "innsendingsfrist",
];

// ---------------------------------------------------------------- statuses

/// How a status begins and what it then means, most specific first
/// (lower-case; a stem matches any word it begins, so "ferdig" covers
/// "Ferdigstilt" and "Ferdigstilt i 2023").
pub const STATUS_WORDS: &[(&str, StatusClass)] = &[
    ("delvis", StatusClass::PartlyFinished),
    ("ikke igangsatt", StatusClass::NotStarted),
    ("ikke startet", StatusClass::NotStarted),
    ("ikke påbegynt", StatusClass::NotStarted),
    ("ikke iverksatt", StatusClass::NotStarted),
    ("ikke gjennomført", StatusClass::NotDone),
    ("ikke ferdigstilt", StatusClass::NotDone),
    ("ikke fullført", StatusClass::NotDone),
    ("ikke levert", StatusClass::NotDone),
    ("ferdigstilles", StatusClass::Ongoing),
    ("ferdig", StatusClass::Finished),
    ("fullført", StatusClass::Finished),
    ("avsluttet", StatusClass::Finished),
    ("gjennomført", StatusClass::Finished),
    ("levert", StatusClass::Finished),
    ("utført", StatusClass::Finished),
    ("pågående", StatusClass::Ongoing),
    ("pågåande", StatusClass::Ongoing),
    ("pågår", StatusClass::Ongoing),
    ("igangsatt", StatusClass::Ongoing),
    ("påbegynt", StatusClass::Ongoing),
    ("startet", StatusClass::Ongoing),
    ("under arbeid", StatusClass::Ongoing),
    ("under gjennomføring", StatusClass::Ongoing),
    ("i gang", StatusClass::Ongoing),
    ("i arbeid", StatusClass::Ongoing),
    ("videreført", StatusClass::Continued),
    ("videreføres", StatusClass::Continued),
    ("overført", StatusClass::Continued),
    ("avlyst", StatusClass::Cancelled),
    ("avviklet", StatusClass::Cancelled),
    ("kansellert", StatusClass::Cancelled),
    ("skrinlagt", StatusClass::Cancelled),
    ("stanset", StatusClass::Cancelled),
    ("utgår", StatusClass::Cancelled),
    ("utgått", StatusClass::Cancelled),
    ("bortfalt", StatusClass::Cancelled),
    ("forsinket", StatusClass::Delayed),
    ("utsatt", StatusClass::Delayed),
    ("planlagt", StatusClass::NotStarted),
];

/// What a status text means, from how it begins (see [`STATUS_WORDS`]); a
/// status this vocabulary does not know is [`StatusClass::Unknown`], never
/// guessed.
///
/// ```
/// use tiltak::model::StatusClass;
/// use tiltak::vocab::status_class;
/// assert_eq!(status_class("Ferdigstilt i 2023"), StatusClass::Finished);
/// assert_eq!(status_class("Delvis gjennomført"), StatusClass::PartlyFinished);
/// assert_eq!(status_class("Grønn"), StatusClass::Unknown);
/// ```
pub fn status_class(status: &str) -> StatusClass {
    let words: Vec<String> = status.split_whitespace().map(str::to_lowercase).collect();
    let text = words.join(" ");
    STATUS_WORDS
        .iter()
        .find(|(stem, _)| text.starts_with(stem))
        .map_or(StatusClass::Unknown, |(_, class)| *class)
}

// ---------------------------------------------------------------- labels for readers

/// How a reader names a measure: "Tiltak 9 a)" for `9a`, "Tiltak 12" for
/// `12`, "Tiltak 4.1" for `4.1`.
pub fn measure_label(id: &MeasureId) -> String {
    match id.letter() {
        Some(letter) => format!("{MEASURE_WORD} {} {letter})", id.number),
        None => format!("{MEASURE_WORD} {id}"),
    }
}

/// How a reader names an area: "Innsatsområde 2".
pub fn area_label(id: &str) -> String {
    format!("{AREA_WORD} {id}")
}

/// Column names of the overview table as a Norwegian reader knows them:
/// number, measure, responsible, status.
pub const OVERVIEW_HEADER: [&str; 4] = ["Nr", MEASURE_WORD, RESPONSIBLE_LABEL, STATUS_LABEL];

/// How the final report calls itself, for a reader.
pub const FINAL_REPORT_NAME: &str = "sluttrapport";

// ---------------------------------------------------------------- patterns

/// A regular-expression alternation of `phrases`, each escaped and with its
/// spaces matching any run of white space: `(?:i\s+løpet\s+av|innen)`.
pub fn pattern(phrases: &[&str]) -> String {
    let alternatives: Vec<String> = phrases
        .iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_by_how_they_begin() {
        for (status, class) in [
            ("Ferdigstilt", StatusClass::Finished),
            ("ferdigstilles", StatusClass::Ongoing),
            ("ferdig", StatusClass::Finished),
            ("Fullført", StatusClass::Finished),
            ("Avsluttet", StatusClass::Finished),
            ("Gjennomført", StatusClass::Finished),
            ("Ferdigstilt i 2023", StatusClass::Finished),
            ("Pågående", StatusClass::Ongoing),
            ("Ikke gjennomført", StatusClass::NotDone),
            ("Ikke  ferdigstilt", StatusClass::NotDone),
            ("Delvis gjennomført", StatusClass::PartlyFinished),
            ("Videreført i ny handlingsplan", StatusClass::Continued),
            ("Ikke igangsatt", StatusClass::NotStarted),
            ("Avlyst", StatusClass::Cancelled),
            ("Forsinket", StatusClass::Delayed),
            ("", StatusClass::Unknown),
            ("På sporet", StatusClass::Unknown),
        ] {
            assert_eq!(status_class(status), class, "{status:?}");
        }
    }

    #[test]
    fn patterns_escape_and_stretch_spaces() {
        let re = regex::Regex::new(&pattern(&["i løpet av", "s."])).unwrap();
        assert!(re.is_match("i  løpet\nav"));
        assert!(re.is_match("s."));
        assert!(!re.is_match("sx"));
    }
}

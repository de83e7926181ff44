//! A measure's label lines: "Status: …" and "Ansvarlig: …", and who the
//! responsible line names.
//!
//! Takes the cells of one block, gives the measure's status and
//! responsible fields. A label may carry a date ("Status per 31.12.2024:",
//! "Status 2024:") or a qualifier ("Ansvarlig departement:"); the two lines
//! may share one paragraph; a key/value table row ("Status | Pågående")
//! says the same as a line.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Measure;
use crate::vocab;

/// "Status", "Status per 31.12.2024", "Status pr. 31.12.24", "Status 2024",
/// as a pattern; group `dated` is set when a date follows the label.
fn status_label() -> String {
    format!(
        r"{}(?P<dated>\s+(?:{}\s+)?(?:[0-9]{{1,2}}\.\s*[0-9]{{1,2}}\.\s*[0-9]{{2,4}}|[0-9]{{4}}))?",
        vocab::pattern(&[vocab::STATUS_LABEL]),
        vocab::pattern(vocab::STATUS_DATE_WORDS),
    )
}

/// "Ansvarlig", "Ansvar", "Ansvarlige departementer", as a pattern.
fn responsible_label() -> String {
    format!(
        r"{}(?:\s+{})?",
        vocab::pattern(vocab::RESPONSIBLE_LABELS),
        vocab::pattern(vocab::RESPONSIBLE_QUALIFIERS)
    )
}

static STATUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}\s*:\s*(?P<value>.*)$", status_label())).unwrap());
/// A dated label needs no colon: "Status pr. 31.12.2024 Pågående".
static DATED_STATUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}\s+(?P<value>\S.*)$", status_label())).unwrap());
static RESPONSIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{}\s*:\s*(?P<value>.*)$", responsible_label())).unwrap()
});
static STATUS_AND_RESPONSIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{}\s*:\s*(?P<status>.*?)\s+{}\s*:\s*(?P<responsible>.*)$",
        status_label(),
        responsible_label()
    ))
    .unwrap()
});
/// A bare label in the first cell of a key/value row.
static STATUS_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}\s*:?$", status_label())).unwrap());
static RESPONSIBLE_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}\s*:?$", responsible_label())).unwrap());

/// What joins names in a responsible line: "BFD, HOD og JD".
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s*(?:,|;|/|&|\b{}\b)\s*",
        vocab::pattern(vocab::NAME_CONJUNCTIONS)
    ))
    .unwrap()
});
/// "i samarbeid med": the partners follow.
static COOPERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}\b", vocab::pattern(vocab::COOPERATION))).unwrap()
});
/// "KD (med HOD og BFD)": the partners in parentheses.
static IN_PARENTHESES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<leads>.*?)\s*\(\s*{}\s+(?P<partners>[^()]*)\)\s*\.?$",
        vocab::pattern(vocab::PARTNERS_IN_PARENTHESES)
    ))
    .unwrap()
});

/// Builds the regexes of this module now (see [`super::prepare`]).
pub(super) fn prepare() {
    for re in [
        &STATUS,
        &DATED_STATUS,
        &RESPONSIBLE,
        &STATUS_AND_RESPONSIBLE,
        &STATUS_KEY,
        &RESPONSIBLE_KEY,
        &SEPARATOR,
        &COOPERATION,
        &IN_PARENTHESES,
    ] {
        LazyLock::force(re);
    }
}

/// Sets the fields that `cells` state on `measure`; false when the block
/// holds no label line (it is text, then).
pub(super) fn apply(measure: &mut Measure, cells: &[&str]) -> bool {
    if let [key, value] = cells {
        if STATUS_KEY.is_match(key) {
            measure.status = Some(value.trim().to_string());
            return true;
        }
        if RESPONSIBLE_KEY.is_match(key) {
            set_responsible(measure, value.trim());
            return true;
        }
    }
    let mut applied = false;
    for cell in cells {
        applied |= apply_line(measure, cell);
    }
    applied
}

/// Whether `cells` hold a label line.
pub(super) fn is_label(cells: &[&str]) -> bool {
    apply(&mut Measure::default(), cells)
}

/// A paragraph that ends in a label line run into it ("… for elevene.
/// Status: Pågående"): the text and the label line.
pub(super) fn trailing_label(paragraph: &str) -> Option<(&str, &str)> {
    paragraph
        .match_indices(['.', '!', '?'])
        .map(|(i, _)| i + 1)
        .filter(|&i| paragraph[i..].starts_with(' '))
        .find(|&i| is_label(&[paragraph[i..].trim_start()]))
        .map(|i| (paragraph[..i].trim_end(), paragraph[i..].trim_start()))
}

/// One label line; false when `line` is none.
fn apply_line(measure: &mut Measure, line: &str) -> bool {
    if let Some(c) = STATUS_AND_RESPONSIBLE.captures(line) {
        measure.status = Some(c["status"].trim().to_string());
        set_responsible(measure, c["responsible"].trim());
    } else if let Some(c) = STATUS.captures(line) {
        measure.status = Some(c["value"].trim().to_string());
    } else if let Some(c) = DATED_STATUS
        .captures(line)
        .filter(|c| c.name("dated").is_some())
    {
        measure.status = Some(c["value"].trim().to_string());
    } else if let Some(c) = RESPONSIBLE.captures(line) {
        set_responsible(measure, c["value"].trim());
    } else {
        return false;
    }
    true
}

fn set_responsible(measure: &mut Measure, responsible: &str) {
    let (lead, partners) = split_responsible(responsible);
    measure.responsible = Some(responsible.to_string());
    measure.lead = lead;
    measure.partners = partners;
}

/// Splits an Ansvarlig line into the lead and the partners.
///
/// The lead is the first name; other names before "i samarbeid med" (or
/// inside "(med …)") are co-leads and are listed among the partners, so
/// that lead ∪ partners is everyone the line names.
///
/// ```
/// use tiltak::parse::split_responsible;
/// let (lead, partners) = split_responsible("AID, i samarbeid med BFD, HOD, JD og KUD");
/// assert_eq!(lead.as_deref(), Some("AID"));
/// assert_eq!(partners, ["BFD", "HOD", "JD", "KUD"]);
/// let (lead, partners) = split_responsible("KD (med HOD og BFD)");
/// assert_eq!((lead.as_deref(), partners.len()), (Some("KD"), 2));
/// ```
pub fn split_responsible(line: &str) -> (Option<String>, Vec<String>) {
    let (leads, partners) = if let Some(c) = IN_PARENTHESES.captures(line) {
        let (l, p) = (c.name("leads"), c.name("partners"));
        (l.map_or("", |m| m.as_str()), p.map_or("", |m| m.as_str()))
    } else {
        match COOPERATION.find(line) {
            Some(m) => (&line[..m.start()], &line[m.end()..]),
            None => (line, ""),
        }
    };
    let names = |s: &str| -> Vec<String> {
        SEPARATOR
            .split(s)
            .map(|n| n.trim().trim_end_matches('.').to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };
    let mut leads = names(leads);
    let mut partners = names(partners);
    if leads.is_empty() {
        return (None, partners);
    }
    let lead = leads.remove(0);
    leads.append(&mut partners);
    (Some(lead), leads)
}

/// Splits the overview table's responsible cell ("BFD og AID") into names.
pub fn split_names(cell: &str) -> Vec<String> {
    let (lead, mut rest) = split_responsible(cell);
    if let Some(lead) = lead {
        rest.insert(0, lead);
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responsible_lines() {
        assert_eq!(split_responsible("AID"), (Some("AID".into()), vec![]));
        assert_eq!(
            split_responsible("KD, i samarbeid med HOD"),
            (Some("KD".into()), vec!["HOD".into()])
        );
        assert_eq!(
            split_responsible("BFD, i samarbeid med HOD og AID"),
            (Some("BFD".into()), vec!["HOD".into(), "AID".into()])
        );
        assert_eq!(
            split_responsible("BFD og AID"),
            (Some("BFD".into()), vec!["AID".into()])
        );
        assert_eq!(
            split_responsible("KD (med HOD og BFD)"),
            (Some("KD".into()), vec!["HOD".into(), "BFD".into()])
        );
        assert_eq!(
            split_responsible("KD/HOD"),
            (Some("KD".into()), vec!["HOD".into()])
        );
        assert_eq!(split_names("BFD og AID"), ["BFD", "AID"]);
    }

    fn fields(cells: &[&str]) -> (Option<String>, Option<String>) {
        let mut m = Measure::default();
        apply(&mut m, cells);
        (m.status, m.responsible)
    }

    #[test]
    fn label_forms() {
        let status = |s: &str| fields(&[s]).0;
        for line in [
            "Status: Pågående",
            "Status per 31.12.2024: Pågående",
            "Status pr. 31.12.2024: Pågående",
            "Status pr 31.12.24 Pågående",
            "Status 2024: Pågående",
        ] {
            assert_eq!(status(line).as_deref(), Some("Pågående"), "{line}");
        }
        assert_eq!(status("Status for arbeidet er god."), None);
        let responsible = |s: &str| fields(&[s]).1;
        for line in [
            "Ansvarlig: KD",
            "Ansvar: KD",
            "Ansvarlige: KD",
            "Ansvarlig departement: KD",
            "Ansvarlig virksomhet: KD",
        ] {
            assert_eq!(responsible(line).as_deref(), Some("KD"), "{line}");
        }
        assert_eq!(
            fields(&["Status: Pågående Ansvarlig: KD"]),
            (Some("Pågående".into()), Some("KD".into()))
        );
        assert_eq!(
            trailing_label("Skoler får tilskudd. Status: Pågående"),
            Some(("Skoler får tilskudd.", "Status: Pågående"))
        );
        assert_eq!(trailing_label("Status for arbeidet. Mer tekst."), None);
        // A key/value table row.
        assert_eq!(
            fields(&["Status", "Igangsatt"]).0.as_deref(),
            Some("Igangsatt")
        );
        assert_eq!(
            fields(&["Ansvarlig:", "KD og HOD"]).1.as_deref(),
            Some("KD og HOD")
        );
    }
}

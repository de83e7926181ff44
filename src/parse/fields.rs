//! A measure's label lines: "Status: …" and "Ansvarlig: …", and who the
//! responsible line names.
//!
//! Takes the cells of one block, gives the measure's status and
//! responsible fields. A label may carry a date ("Status per 31.12.2024:",
//! "Status 2024:") or a qualifier ("Ansvarlig departement:"); the two lines
//! may share one paragraph; a key/value table row ("Status | Pågående")
//! says the same as a line.

use crate::model::Measure;
use crate::scan::{Case, Scan};
use crate::vocab;

/// `then` after a status label ("Status", "Status per 31.12.2024",
/// "Status pr. 31.12.24", "Status 2024"), told whether a date followed the
/// label; a dated reading is tried first.
fn status_label<'a, R>(
    line: &'a str,
    mut then: impl FnMut(Scan<'a>, bool) -> Option<R>,
) -> Option<R> {
    let label = Scan::new(line).phrase(vocab::STATUS_LABEL, Case::Exact)?;
    let dated = |at: Scan<'a>| -> Option<Scan<'a>> {
        let numeric = || {
            let day = at.digits(1, 2)?.char('.')?.spaces();
            day.digits(1, 2)?.char('.')?.spaces().digits(2, 4)
        };
        numeric().or_else(|| at.digits(4, 4))
    };
    label
        .spaces1()
        .and_then(|gap| {
            gap.first_phrase(vocab::STATUS_DATE_WORDS, Case::Exact, |word| {
                then(dated(word.spaces1()?)?, true)
            })
            .or_else(|| then(dated(gap)?, true))
        })
        .or_else(|| then(label, false))
}

/// `then` after a responsible label ("Ansvarlig", "Ansvar", "Ansvarlige
/// departementer").
fn responsible_label<'a, R>(
    at: Scan<'a>,
    mut then: impl FnMut(Scan<'a>) -> Option<R>,
) -> Option<R> {
    at.first_phrase(vocab::RESPONSIBLE_LABELS, Case::Exact, |label| {
        label
            .spaces1()
            .and_then(|gap| gap.first_phrase(vocab::RESPONSIBLE_QUALIFIERS, Case::Exact, &mut then))
            .or_else(|| then(label))
    })
}

/// The value after a label's colon: `\s*:\s*(.*)$`.
fn after_colon(label_end: Scan<'_>) -> Option<&str> {
    label_end.spaces().char(':')?.spaces().line_end()
}

/// A bare label, as in the first cell of a key/value row: `\s*:?$`.
fn is_bare(label_end: Scan<'_>) -> bool {
    label_end.spaces().maybe(':').is_end()
}

/// "Status: Pågående".
fn status_value(line: &str) -> Option<&str> {
    status_label(line, |end, _| after_colon(end))
}

/// A dated label needs no colon: "Status pr. 31.12.2024 Pågående".
fn dated_status_value(line: &str) -> Option<&str> {
    status_label(line, |end, dated| {
        let value = end.spaces1().filter(|_| dated)?;
        (!value.is_end()).then(|| value.line_end())?
    })
}

/// "Ansvarlig: KD".
fn responsible_value(line: &str) -> Option<&str> {
    responsible_label(Scan::new(line), after_colon)
}

/// "Status: Pågående Ansvarlig: KD": both labels on one line; the status
/// ends at the first responsible label after it.
fn status_and_responsible<'a>(line: &'a str) -> Option<(&'a str, &'a str)> {
    status_label(line, |end, _| {
        let colon = end.spaces().char(':')?;
        let start = colon.spaces();
        // The responsible label and its value, from white space before it.
        let responsible_at = |gap: Scan<'a>| responsible_label(gap.spaces1()?, after_colon);
        // The status is `.*?`: it ends before any line break.
        let limit = start.pos() + start.rest().find('\n').unwrap_or(start.rest().len());
        let status_ends = start
            .positions()
            .take_while(|p| p.pos() <= limit)
            .filter(|p| p.rest().starts_with(char::is_whitespace))
            .find_map(|p| Some((start.to(p), responsible_at(p)?)));
        // An empty status: the white space after the colon is the gap.
        status_ends.or_else(|| {
            (start.pos() > colon.pos())
                .then(|| responsible_label(start, after_colon))?
                .map(|value| ("", value))
        })
    })
}

/// Whether the first cell of a key/value row is a status label.
fn is_status_key(key: &str) -> bool {
    status_label(key, |end, _| is_bare(end).then_some(())).is_some()
}

/// Whether the first cell of a key/value row is a responsible label.
fn is_responsible_key(key: &str) -> bool {
    responsible_label(Scan::new(key), |end| is_bare(end).then_some(())).is_some()
}

/// Sets the fields that `cells` state on `measure`; false when the block
/// holds no label line (it is text, then).
pub(super) fn apply(measure: &mut Measure, cells: &[&str]) -> bool {
    if let [key, value] = cells {
        if is_status_key(key) {
            measure.status = Some(value.trim().to_string());
            return true;
        }
        if is_responsible_key(key) {
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
    if let Some((status, responsible)) = status_and_responsible(line) {
        measure.status = Some(status.trim().to_string());
        set_responsible(measure, responsible.trim());
    } else if let Some(status) = status_value(line).or_else(|| dated_status_value(line)) {
        measure.status = Some(status.trim().to_string());
    } else if let Some(responsible) = responsible_value(line) {
        set_responsible(measure, responsible.trim());
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
    let (leads, partners) = in_parentheses(line).unwrap_or_else(|| match cooperation(line) {
        Some((start, end)) => (&line[..start], &line[end..]),
        None => (line, ""),
    });
    lead_first(names(leads), names(partners))
}

/// The first of the leads, and the other leads with the partners.
fn lead_first(mut leads: Vec<String>, mut partners: Vec<String>) -> (Option<String>, Vec<String>) {
    if leads.is_empty() {
        return (None, partners);
    }
    let lead = leads.remove(0);
    leads.append(&mut partners);
    (Some(lead), leads)
}

/// "KD (med HOD og BFD)": the leads before the parentheses and the
/// partners inside them, if the line ends so.
fn in_parentheses(line: &str) -> Option<(&str, &str)> {
    line.match_indices('(').find_map(|(open, _)| {
        let leads = line[..open].trim_end();
        if leads.contains('\n') {
            return None;
        }
        let inside = Scan::at(line, open + 1).spaces();
        inside
            .first_phrase(vocab::PARTNERS_IN_PARENTHESES, Case::Fold, |word| {
                let partners = word.spaces1()?;
                let close = partners.rest().find(['(', ')'])?;
                let after = Scan::at(line, partners.pos() + close).char(')')?;
                let end = after.spaces().maybe('.');
                end.is_end().then(|| &partners.rest()[..close])
            })
            .map(|partners| (leads, partners))
    })
}

/// Where "i samarbeid med" (any case, as whole words) first stands.
fn cooperation(line: &str) -> Option<(usize, usize)> {
    Scan::new(line)
        .positions()
        .filter(|at| at.is_boundary())
        .find_map(|at| {
            at.first_phrase(vocab::COOPERATION, Case::Fold, |end| {
                end.is_boundary().then(|| (at.pos(), end.pos()))
            })
        })
}

/// The names of a list joined by `,`, `;`, `/`, `&`, "og" or "samt".
fn names(list: &str) -> Vec<String> {
    fn separator(at: Scan<'_>) -> Option<(Scan<'_>, ())> {
        let end = at
            .char_if(|c| [',', ';', '/', '&'].contains(&c))
            .or_else(|| {
                at.is_boundary().then(|| {
                    at.first_phrase(vocab::NAME_CONJUNCTIONS, Case::Exact, |end| {
                        end.is_boundary().then_some(end)
                    })
                })?
            })?;
        Some((end, ()))
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (from, to, ()) in Scan::new(list).matches(separator) {
        pieces.push(&list[start..from.pos()]);
        start = to.pos();
    }
    pieces.push(&list[start..]);
    pieces
        .into_iter()
        .map(|name| name.trim().trim_end_matches('.'))
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
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

/// The matchers against the regexes they replaced, on lines put together
/// at random from the grammar's pieces and near misses.
#[cfg(test)]
mod same_as_the_regexes {
    use super::*;
    use regex::Regex;

    fn status_label() -> String {
        format!(
            r"{}(?P<dated>\s+(?:{}\s+)?(?:[0-9]{{1,2}}\.\s*[0-9]{{1,2}}\.\s*[0-9]{{2,4}}|[0-9]{{4}}))?",
            vocab::pattern(&[vocab::STATUS_LABEL]),
            vocab::pattern(vocab::STATUS_DATE_WORDS),
        )
    }

    fn responsible_label() -> String {
        format!(
            r"{}(?:\s+{})?",
            vocab::pattern(vocab::RESPONSIBLE_LABELS),
            vocab::pattern(vocab::RESPONSIBLE_QUALIFIERS)
        )
    }

    struct Oracle {
        status: Regex,
        dated_status: Regex,
        responsible: Regex,
        both: Regex,
        status_key: Regex,
        responsible_key: Regex,
        separator: Regex,
        cooperation: Regex,
        in_parentheses: Regex,
    }

    fn oracle() -> Oracle {
        let re = |p: String| Regex::new(&p).unwrap();
        let (sl, rl) = (status_label(), responsible_label());
        Oracle {
            status: re(format!(r"^{sl}\s*:\s*(?P<value>.*)$")),
            dated_status: re(format!(r"^{sl}\s+(?P<value>\S.*)$")),
            responsible: re(format!(r"^{rl}\s*:\s*(?P<value>.*)$")),
            both: re(format!(
                r"^{sl}\s*:\s*(?P<status>.*?)\s+{rl}\s*:\s*(?P<responsible>.*)$"
            )),
            status_key: re(format!(r"^{sl}\s*:?$")),
            responsible_key: re(format!(r"^{rl}\s*:?$")),
            separator: re(format!(
                r"\s*(?:,|;|/|&|\b{}\b)\s*",
                vocab::pattern(vocab::NAME_CONJUNCTIONS)
            )),
            cooperation: re(format!(r"(?i)\b{}\b", vocab::pattern(vocab::COOPERATION))),
            in_parentheses: re(format!(
                r"(?i)^(?P<leads>.*?)\s*\(\s*{}\s+(?P<partners>[^()]*)\)\s*\.?$",
                vocab::pattern(vocab::PARTNERS_IN_PARENTHESES)
            )),
        }
    }

    impl Oracle {
        fn apply_line(&self, line: &str) -> Option<(Option<String>, Option<String>)> {
            let t = |s: &str| Some(s.trim().to_string());
            if let Some(c) = self.both.captures(line) {
                Some((t(&c["status"]), t(&c["responsible"])))
            } else if let Some(c) = self.status.captures(line) {
                Some((t(&c["value"]), None))
            } else if let Some(c) = self
                .dated_status
                .captures(line)
                .filter(|c| c.name("dated").is_some())
            {
                Some((t(&c["value"]), None))
            } else {
                let c = self.responsible.captures(line)?;
                Some((None, t(&c["value"])))
            }
        }

        fn split(&self, line: &str) -> (Option<String>, Vec<String>) {
            let (leads, partners) = if let Some(c) = self.in_parentheses.captures(line) {
                (
                    c.name("leads").unwrap().as_str(),
                    c.name("partners").unwrap().as_str(),
                )
            } else {
                match self.cooperation.find(line) {
                    Some(m) => (&line[..m.start()], &line[m.end()..]),
                    None => (line, ""),
                }
            };
            let names = |s: &str| -> Vec<String> {
                self.separator
                    .split(s)
                    .map(|n| n.trim().trim_end_matches('.').to_string())
                    .filter(|n| !n.is_empty())
                    .collect()
            };
            lead_first(names(leads), names(partners))
        }
    }

    /// Pieces of label and responsible lines, and their near misses.
    const PIECES: &[&str] = &[
        "Status",
        "status",
        "Statusen",
        "Ansvarlig",
        "Ansvarlige",
        "Ansvar",
        "Ansvaret",
        "departement",
        "departementer",
        "etat",
        "per",
        "pr.",
        "pr",
        "31.12.2024",
        "1. 1. 24",
        "31.12",
        "2024",
        "20245",
        "12.5",
        ":",
        ":",
        " ",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "Pågående",
        "KD",
        "HOD",
        "BFD",
        "og",
        "samt",
        "Og",
        ",",
        ";",
        "/",
        "&",
        ".",
        "(",
        ")",
        "med",
        "MED",
        "i samarbeid med",
        "i samråd med",
        "I SAMARBEID MED",
        "isamarbeid",
        "skog",
        "mediet",
        "øst",
        "_",
    ];

    /// Deterministic lines, half of them opening with a label.
    fn lines(count: usize) -> Vec<String> {
        let mut shuffle = crate::scan::Shuffle::new(0x9e37_79b9_7f4a_7c15);
        (0..count)
            .map(|_| {
                let n = 1 + shuffle.below(9);
                let mut line = String::new();
                if shuffle.below(2) == 0 {
                    line.push_str(shuffle.pick(&["Status", "Ansvarlig", "Ansvar"]));
                    line.push_str(shuffle.pick(&[":", " : ", " pr. 1.1.2024 ", " 2024:", ""]));
                }
                for _ in 0..n {
                    line.push_str(shuffle.pick(PIECES));
                    if shuffle.below(3) == 0 {
                        line.push(' ');
                    }
                }
                line
            })
            .collect()
    }

    #[test]
    fn label_lines_read_as_the_regexes_read_them() {
        let oracle = oracle();
        let mut labels = 0;
        for line in lines(40_000) {
            let mut m = Measure::default();
            let ours = apply_line(&mut m, &line).then_some((m.status, m.responsible));
            let theirs = oracle.apply_line(&line);
            labels += usize::from(theirs.is_some());
            assert_eq!(ours, theirs, "{line:?}");
            assert_eq!(
                is_status_key(&line),
                oracle.status_key.is_match(&line),
                "{line:?}"
            );
            assert_eq!(
                is_responsible_key(&line),
                oracle.responsible_key.is_match(&line),
                "{line:?}"
            );
        }
        // The lines must exercise the matchers, not only their misses.
        assert!(labels > 4_000, "only {labels} label lines");
    }

    #[test]
    fn responsible_lines_split_as_the_regexes_split_them() {
        let oracle = oracle();
        let mut partnered = 0;
        for line in lines(40_000) {
            let theirs = oracle.split(&line);
            partnered += usize::from(!theirs.1.is_empty());
            assert_eq!(split_responsible(&line), theirs, "{line:?}");
        }
        assert!(partnered > 4_000, "only {partnered} lines with partners");
    }
}

//! Shared helpers for comparing texts and naming a finding's subject.
//!
//! Every rule family compares titles, statuses and names the same way and
//! names its subjects the same way, so that one report's findings read alike
//! whichever rule produced them; keeping these here gives a single place to
//! decide what counts as "the same" text.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{HeadingKind, MeasureId, Report};
use crate::text;
use crate::vocab;

/// Whether two titles, statuses or names say the same thing: compared as
/// [`text::label_key`] does, ignoring whitespace and line wraps,
/// punctuation at the end, dot leaders, the case of the first letter and a
/// word broken by a hyphen at a line end.
pub(super) fn same(a: &str, b: &str) -> bool {
    text::label_key(a) == text::label_key(b)
}

/// The differing words from `from` to `to`, compact: `nordisk → nordiske`,
/// `−innvandrere`, `+nye`; several changes separated by "; ".
pub(super) fn word_diff(from: &str, to: &str) -> String {
    let (old, new) = (text::label_words(from), text::label_words(to));
    let old_keys: Vec<&str> = old.iter().map(|w| w.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|w| w.key.as_str()).collect();
    let mut parts: Vec<String> = Vec::new();
    // Adjacent delete and insert ops are one replacement for the reader.
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let flush = |removed: &mut Vec<&str>, added: &mut Vec<&str>, parts: &mut Vec<String>| {
        match (removed.is_empty(), added.is_empty()) {
            (true, true) => {}
            (false, true) => parts.push(format!("−{}", removed.join(" "))),
            (true, false) => parts.push(format!("+{}", added.join(" "))),
            (false, false) => parts.push(format!("{} → {}", removed.join(" "), added.join(" "))),
        }
        removed.clear();
        added.clear();
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => flush(&mut removed, &mut added, &mut parts),
            _ => {
                removed.extend(old[old_range].iter().map(|w| w.text.as_str()));
                added.extend(new[new_range].iter().map(|w| w.text.as_str()));
            }
        }
    }
    flush(&mut removed, &mut added, &mut parts);
    parts.join("; ")
}

/// How a status word is matched between the summary sentence and the table:
/// case-insensitively, and ignoring a final "e", because the sentence may
/// inflect the table's adjective ("7 er ferdigstilte" for "Ferdigstilt").
pub(super) fn status_key(status: &str) -> String {
    let key = text::label_key(status).to_lowercase();
    key.strip_suffix('e')
        .map_or_else(|| key.clone(), str::to_string)
}

// ---------------------------------------------------------------- labels

/// How a reader names a finding's subject: "Tiltak 9 a)" for `9a`,
/// "Tiltak 12" for `12`; area and section names as they are; the summary
/// sentence (an empty subject) as "Summary".
pub fn subject_label(measure: &str) -> String {
    if measure.is_empty() {
        return "Summary".to_string();
    }
    match MeasureId::parse(measure) {
        Some(id) => vocab::measure_label(&id),
        None => measure.to_string(),
    }
}

/// How a reader names a measure: "Tiltak 9 a)".
pub(super) use crate::vocab::measure_label;

/// How a reader names an area: by the word the report's own heading uses
/// ("Kapittel 2", "Mål 2"), else "Innsatsområde 2".
pub(super) fn area_label(report: &Report, id: &str) -> String {
    let own = report
        .headings
        .iter()
        .find(|h| h.kind == HeadingKind::Area && h.id == id)
        .map(|h| h.text.as_str())
        .or_else(|| {
            report
                .toc
                .iter()
                .find(|e| e.kind == HeadingKind::Area && e.id == id)
                .map(|e| e.text.as_str())
        })
        .and_then(|text| text.split_whitespace().next())
        .filter(|word| vocab::AREA_WORDS.contains(word));
    match own {
        Some(word) => format!("{word} {id}"),
        None => vocab::area_label(id),
    }
}

/// A section's title without trailing punctuation, as the finding's `measure`.
fn section_label(title: &str) -> String {
    title
        .trim()
        .trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace())
        .to_string()
}

/// The `measure` value and the message prefix for a heading.
pub(super) fn heading_label(report: &Report, kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => id.to_string(),
        HeadingKind::Area => area_label(report, id),
        HeadingKind::Section => section_label(title),
    }
}

/// How a message names a heading to a reader: like [`heading_label`], but
/// a measure as "Tiltak 9 a)" and a section as "The section \"…\"", since
/// a bare id or title would not read as the subject of a sentence.
pub(super) fn heading_name(report: &Report, kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => subject_label(id),
        HeadingKind::Area => area_label(report, id),
        HeadingKind::Section => format!("The section \"{}\"", section_label(title)),
    }
}

/// Names as a message lists them: each in quotes, comma-separated, so that a
/// name with spaces in it stays one name to the reader.
pub(super) fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_is_compact() {
        assert_eq!(
            word_diff(
                "Styrke det nordisk samarbeidet",
                "Styrke det nordiske samarbeidet"
            ),
            "nordisk → nordiske"
        );
        assert_eq!(
            word_diff(
                "Styrke oppfølgingen av nyankomne innvandrere og flyktninger",
                "Styrke oppfølgingen av nyankomne og flyktninger"
            ),
            "−innvandrere"
        );
        assert_eq!(
            word_diff("Heve kompetansen", "Heve den nye kompetansen"),
            "+den nye"
        );
        assert_eq!(word_diff("a b c d", "a x c y"), "b → x; d → y");
        // Case of the first letter and trailing punctuation are not shown.
        assert_eq!(word_diff("Øke samarbeidet.", "øke det samarbeidet"), "+det");
    }

    #[test]
    fn summary_status_words_may_be_inflected() {
        assert_eq!(status_key("Ferdigstilt"), status_key("ferdigstilte"));
        assert_eq!(status_key("Pågående"), status_key("pågående"));
        assert_ne!(status_key("Ferdigstilt"), status_key("Pågående"));
    }
}

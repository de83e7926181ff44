//! Shared helpers for comparing texts and naming a finding's subject.
//!
//! Every rule family compares titles, statuses and names the same way and
//! names its subjects the same way, so that one report's findings read alike
//! whichever rule produced them; keeping these here gives a single place to
//! decide what counts as "the same" text.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::clean::SUSPENDED_HYPHEN_FOLLOWERS;
use crate::model::HeadingKind;
use crate::parse::comparable;

/// The form of a text that comparisons use.
///
/// Ignores what is not a difference to a reader: whitespace and line wraps,
/// punctuation at the end, dot leaders, the case of the first letter, and a
/// word broken by a hyphen at a line end ("kompetanse- heving"). A hyphen
/// before "og", "eller" and the other words `clean` knows is a Norwegian
/// suspended hyphen
/// ("volds- og trusselutsatte") and is kept.
pub(super) fn normalise(text: &str) -> String {
    let t = text.trim_end_matches(|c: char| {
        c == '.' || c == '…' || c == ':' || c == ',' || c.is_whitespace()
    });
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        match joined.last_mut() {
            Some(prev)
                if prev.ends_with('-')
                    && prev.len() > 1
                    && word.chars().next().is_some_and(char::is_lowercase)
                    && !SUSPENDED_HYPHEN_FOLLOWERS.contains(&word) =>
            {
                prev.pop();
                prev.push_str(word);
            }
            _ => joined.push(word.to_string()),
        }
    }
    comparable(&joined.join(" "))
}

/// Whether two texts say the same thing (see [`normalise`]).
pub(super) fn same(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// The differing words from `from` to `to`, compact: `nordisk → nordiske`,
/// `−innvandrere`, `+nye`; several changes separated by "; ".
pub(super) fn word_diff(from: &str, to: &str) -> String {
    let old_text = normalise(from);
    let new_text = normalise(to);
    let old: Vec<&str> = old_text.split(' ').filter(|w| !w.is_empty()).collect();
    let new: Vec<&str> = new_text.split(' ').filter(|w| !w.is_empty()).collect();
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
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => flush(&mut removed, &mut added, &mut parts),
            _ => {
                removed.extend_from_slice(&old[old_range]);
                added.extend_from_slice(&new[new_range]);
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
    let key = normalise(status).to_lowercase();
    key.strip_suffix('e')
        .map_or_else(|| key.clone(), str::to_string)
}

// ---------------------------------------------------------------- labels

/// How a reader names a finding's subject: "Tiltak 9 a)" for `9a`,
/// "Tiltak 12" for `12`; area and section names as they are; the summary
/// sentence (an empty subject) as "Summary".
pub fn subject_label(measure: &str) -> String {
    if measure.is_empty() {
        "Summary".to_string()
    } else if measure.starts_with(|c: char| c.is_ascii_digit()) {
        measure_label(measure)
    } else {
        measure.to_string()
    }
}

/// How a reader names a measure: "Tiltak 9 a)" for `9a`, "Tiltak 12" for `12`.
pub(super) fn measure_label(id: &str) -> String {
    let (number, letter) = split_id(id);
    match letter {
        Some(l) => format!("Tiltak {number} {l})"),
        None => format!("Tiltak {number}"),
    }
}

/// How a reader names an innsatsområde: "Innsatsområde 2" for `2`.
pub(super) fn area_label(id: &str) -> String {
    format!("Innsatsområde {id}")
}

/// A section's title without trailing punctuation, as the finding's `measure`.
fn section_label(title: &str) -> String {
    title
        .trim()
        .trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace())
        .to_string()
}

/// The `measure` value and the message prefix for a heading.
pub(super) fn heading_label(kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => id.to_string(),
        HeadingKind::Area => area_label(id),
        HeadingKind::Section => section_label(title),
    }
}

/// How a message names a heading to a reader: like [`heading_label`], but
/// a measure as "Tiltak 9 a)" and a section as "The section \"…\"", since
/// a bare id or title would not read as the subject of a sentence.
pub(super) fn heading_name(kind: HeadingKind, id: &str, title: &str) -> String {
    match kind {
        HeadingKind::Measure => measure_label(id),
        HeadingKind::Area => area_label(id),
        HeadingKind::Section => format!("The section \"{}\"", section_label(title)),
    }
}

/// Splits `"9a"` into `(9, Some('a'))`; an id without digits gives `(0, None)`.
pub(super) fn split_id(id: &str) -> (u32, Option<char>) {
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    let letter = id[digits.len()..]
        .trim()
        .chars()
        .next()
        .filter(|c| c.is_alphabetic());
    (digits.parse().unwrap_or(0), letter)
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
    fn normalisation_ignores_only_non_differences() {
        assert!(same("Innsatsområde 2.", "Innsatsområde 2:"));
        assert!(same("Om denne rapporten:", "Om denne rapporten"));
        assert!(same(
            "Styrke  det\nnordiske samarbeidet",
            "styrke det nordiske samarbeidet."
        ));
        assert!(same("Om denne rapporten:.....", "Om denne rapporten"));
        assert!(same("Styrke kompetanse- heving", "Styrke kompetanseheving"));
        // A suspended hyphen is a word of its own, not a broken word.
        assert!(!same("volds- og trusselutsatte", "voldsog trusselutsatte"));
        assert!(same(
            "volds- og trusselutsatte",
            "volds-  og\ntrusselutsatte"
        ));
        // One letter is a difference; so is case after the first letter.
        assert!(!same(
            "Styrke det nordisk samarbeidet",
            "Styrke det nordiske samarbeidet"
        ));
        assert!(!same("Videreføre TryggEst", "Videreføre Tryggest"));
        assert!(!same("Pågående", "Ferdigstilt"));
    }

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

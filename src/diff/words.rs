//! Word-level text comparison that ignores layout.
//!
//! Takes two texts, gives [`Segment`]s: the changed words with a few words of
//! context. Words are the text module's ([`text::words`]), compared on their
//! key, which hides what re-flowing a paragraph can change (line breaks,
//! double spaces, soft hyphens, a word hyphenated across a line end), so a
//! new layout never shows as a change. Case and punctuation still count:
//! they are the author's.

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::text;

/// Unchanged words kept on each side of a change.
const CONTEXT: usize = 5;

/// Marks words left out between or around hunks.
pub const ELLIPSIS: &str = "…";

/// Whether a run of words is in both texts, only the old or only the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// In both texts (or the "…" that stands for left-out words).
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// A run of words of one kind, joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Segment {
    /// Equal, deleted or inserted.
    pub kind: SegmentKind,
    /// The words.
    pub text: String,
}

/// The changed words of `old` → `new` with five words of context either side;
/// left-out stretches are an equal "…" segment. Empty when nothing changed.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let (old, new) = (text::words(old), text::words(new));
    let old_keys: Vec<&str> = old.iter().map(|w| w.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|w| w.key.as_str()).collect();
    let mut items: Vec<(SegmentKind, &str)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (tag, o, n): (DiffTag, Range<usize>, Range<usize>) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                items.extend(new[n].iter().map(|w| (SegmentKind::Equal, w.text.as_str())))
            }
            _ => {
                items.extend(
                    old[o]
                        .iter()
                        .map(|w| (SegmentKind::Delete, w.text.as_str())),
                );
                items.extend(
                    new[n]
                        .iter()
                        .map(|w| (SegmentKind::Insert, w.text.as_str())),
                );
            }
        }
    }
    if items.iter().all(|(k, _)| *k == SegmentKind::Equal) {
        return Vec::new();
    }
    let mut kept: Vec<(SegmentKind, &str)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if items[i].0 != SegmentKind::Equal {
            kept.push(items[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < items.len() && items[i].0 == SegmentKind::Equal {
            i += 1;
        }
        let run = &items[start..i];
        let (at_start, at_end) = (start == 0, i == items.len());
        let head = if at_start { 0 } else { CONTEXT.min(run.len()) };
        let tail = if at_end { 0 } else { CONTEXT.min(run.len()) };
        if head + tail >= run.len() {
            kept.extend_from_slice(run);
        } else {
            kept.extend_from_slice(&run[..head]);
            kept.push((SegmentKind::Equal, ELLIPSIS));
            kept.extend_from_slice(&run[run.len() - tail..]);
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (kind, text) in kept {
        match segments.last_mut() {
            Some(last) if last.kind == kind => {
                last.text.push(' ');
                last.text.push_str(text);
            }
            _ => segments.push(Segment {
                kind,
                text: text.to_string(),
            }),
        }
    }
    segments
}

/// The old side of a trimmed diff as one line ("… Det er 18 deltakere …").
pub fn old_side(segments: &[Segment]) -> String {
    side(segments, SegmentKind::Insert)
}

/// The new side of a trimmed diff as one line ("… Det er 20 deltakere …").
pub fn new_side(segments: &[Segment]) -> String {
    side(segments, SegmentKind::Delete)
}

fn side(segments: &[Segment], leave_out: SegmentKind) -> String {
    segments
        .iter()
        .filter(|s| s.kind != leave_out)
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_word_with_context() {
        let old = "a b c d e f g h Det er 18 deltakere i nettverket som møtes to ganger i året";
        let new = old.replace("18", "20");
        let s = diff(old, &new);
        assert_eq!(
            old_side(&s),
            "… f g h Det er 18 deltakere i nettverket som møtes …"
        );
        assert_eq!(
            new_side(&s),
            "… f g h Det er 20 deltakere i nettverket som møtes …"
        );
        assert_eq!(
            s[1],
            Segment {
                kind: SegmentKind::Delete,
                text: "18".into()
            }
        );
        assert!(diff(old, old).is_empty());
    }

    #[test]
    fn far_apart_changes_are_separate_hunks() {
        let old = "x 1 2 3 4 5 6 7 8 9 10 11 12 y";
        let s = diff(old, "X 1 2 3 4 5 6 7 8 9 10 11 12 Y");
        assert_eq!(old_side(&s), "x 1 2 3 4 5 … 8 9 10 11 12 y");
        let s = diff(old, "X 1 2 3 4 5 6 7 8 9 10 11 12 y");
        assert_eq!(new_side(&s), "X 1 2 3 4 5 …");
    }
}

//! The table of contents.

use std::sync::LazyLock;

use regex::Regex;

use super::Located;
use super::heading::classify_heading;
use crate::model::{HeadingKind, TocEntry};
use crate::text::{self, Lexicon};

static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    // A title, then dot leaders, a tab or a gap, then the page number; a
    // roman page number ("iv") only after leaders or a tab, since a
    // wrapped line may end in a word such as "i".
    Regex::new(
        r"^(?s)(.*?\S)(?:(?:\s*(?:\.\s*){2,}|\s*…+|\s*\t\s*|\s+)([0-9]{1,4})|(?:\s*(?:\.\s*){2,}|\s*…+|\s*\t\s*)([ivxlc]{1,7}))$",
    )
    .unwrap()
});

/// Builds the regex of this module now (see [`super::prepare`]).
pub(super) fn prepare() {
    LazyLock::force(&ENTRY);
}

/// Reads TOC entries from the blocks after the "Innhold" heading.
///
/// Returns the entries and how many blocks they took. An entry may wrap
/// over several blocks; only its last carries the page number. Wrapped
/// lines are joined as the text module joins a paragraph's lines, with the
/// words of `blocks` (the rest of the document) deciding a line-end hyphen.
pub(super) fn read(blocks: &[Located]) -> (Vec<TocEntry>, usize) {
    let lexicon = std::cell::OnceCell::new();
    let lexicon = || {
        lexicon.get_or_init(|| {
            Lexicon::of(
                blocks
                    .iter()
                    .flat_map(|b| &b.block.cells)
                    .map(String::as_str),
            )
        })
    };
    let mut entries = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut consumed = 0;
    for (i, located) in blocks.iter().enumerate() {
        let text = located.block.filled_cells().join("\t");
        if text.is_empty() {
            continue;
        }
        // "… barn under 18" may be a line of a wrapped entry whose page
        // number comes later ("år ....... 13"), not an entry on page 18.
        let entry = ENTRY
            .captures(&text)
            .filter(|c| !wraps_on(&text, c, blocks.get(i + 1)));
        match entry {
            Some(c) => {
                pending.push(c[1].to_string());
                let printed = match pending.as_slice() {
                    [one] => strip_leader(one),
                    _ => strip_leader(&text::join_lines(&pending.join("\n"), lexicon())),
                };
                pending.clear();
                let (kind, id, title) = classify_heading(&printed);
                let level = match kind {
                    HeadingKind::Measure if id.ends_with(char::is_alphabetic) => 3,
                    HeadingKind::Measure => 2,
                    HeadingKind::Section | HeadingKind::Area => 1,
                };
                entries.push(TocEntry {
                    kind,
                    id,
                    title,
                    level,
                    page: c.get(2).or(c.get(3)).map_or("", |m| m.as_str()).to_string(),
                    text: printed,
                });
                consumed = i + 1;
            }
            // A wrapped entry continues in the next block; more than two
            // unnumbered blocks in a row means the TOC is over.
            None if pending.len() < 2 && !entries.is_empty() || pending.is_empty() => {
                pending.push(text)
            }
            None => break,
        }
    }
    (entries, consumed)
}

/// Whether an entry line whose number follows a bare space (no leader, no
/// tab) goes on in the next block: the next block starts in lower case and
/// ends with the page number, as the rest of a wrapped title does.
fn wraps_on(text: &str, c: &regex::Captures, next: Option<&Located>) -> bool {
    let (Some(title), Some(page)) = (c.get(1), c.get(2)) else {
        return false;
    };
    let between = &text[title.end()..page.start()];
    if between.contains('\t') || between.contains('.') || between.contains('…') {
        return false;
    }
    let next_text = next
        .map(|b| b.block.filled_cells().join("\t"))
        .unwrap_or_default();
    next_text.starts_with(|c: char| c.is_lowercase()) && ENTRY.is_match(&next_text)
}

fn strip_leader(entry: &str) -> String {
    let t = entry.trim_end_matches(|c: char| c == '.' || c == '…' || c.is_whitespace());
    text::collapse_whitespace(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(lines: &[&str]) -> Vec<(String, String, String)> {
        let blocks = super::super::tab_blocks(lines);
        let located: Vec<Located> = blocks
            .iter()
            .map(|block| Located {
                page: None,
                index: 0,
                block,
            })
            .collect();
        read(&located)
            .0
            .into_iter()
            .map(|e| (e.id, e.title, e.page))
            .collect()
    }

    #[test]
    fn reads_leaders_tabs_and_wrapped_entries() {
        let got = entries(&[
            "Om denne rapporten:.....\t4",
            "Tiltak 1. Utvikle en strategi ....... 8",
            "Tiltak 2. Styrke oppfølgingen av nyankomne",
            "som er volds- og trusselutsatte\t9",
            "Innsatsområde 2. Kunnskap og kompetanse . . . . 10",
            "Tiltak 9 a) Utvikle støtteressurser 13",
            "Vedlegg ....... iv",
            "Body text starts here.",
            "More body text.",
            "And more.",
        ]);
        assert_eq!(
            got,
            vec![
                ("".into(), "Om denne rapporten:".into(), "4".into()),
                ("1".into(), "Utvikle en strategi".into(), "8".into()),
                (
                    "2".into(),
                    "Styrke oppfølgingen av nyankomne som er volds- og trusselutsatte".into(),
                    "9".into()
                ),
                ("2".into(), "Kunnskap og kompetanse".into(), "10".into()),
                ("9a".into(), "Utvikle støtteressurser".into(), "13".into()),
                ("".into(), "Vedlegg".into(), "iv".into()),
            ]
        );
    }

    #[test]
    fn an_entry_wrapped_after_a_real_hyphen_keeps_it() {
        let got = entries(&[
            "Tiltak 4. Kartlegge hvordan lhbtqi-",
            "personer opplever kontroll\t7",
            "Tiltak 4. Kartlegge hvordan lhbtqi-personer opplever kontroll",
            "Body text.",
            "More body text.",
            "And more.",
        ]);
        assert_eq!(
            got[0],
            (
                "4".into(),
                "Kartlegge hvordan lhbtqi-personer opplever kontroll".into(),
                "7".into()
            )
        );
    }
}

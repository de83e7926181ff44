//! The table of contents.

use super::Located;
use super::heading::classify_heading;
use crate::model::{HeadingKind, TocEntry};
use crate::text::{self, Lexicon};

/// A line of the table of contents: a title, a separator, a page number.
#[derive(Debug, PartialEq)]
struct Entry<'a> {
    title: &'a str,
    separator: &'a str,
    page: &'a str,
}

/// Reads `text` as a TOC line: a title, then dot leaders, an ellipsis, a
/// tab or a gap, then the page number at the very end. A roman page number
/// ("iv") counts only after leaders or a tab, since a wrapped line may end
/// in a word such as "i". The title is the shortest that ends in a
/// non-space and leaves a separator.
fn entry(text: &str) -> Option<Entry<'_>> {
    let trailing = |wanted: fn(char) -> bool| text.len() - text.trim_end_matches(wanted).len();
    let digits = trailing(|c| c.is_ascii_digit());
    let (page_len, arabic) = match digits {
        0 => (
            trailing(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')),
            false,
        ),
        n => (n, true),
    };
    if page_len == 0 || page_len > if arabic { 4 } else { 7 } {
        return None;
    }
    let before = &text[..text.len() - page_len];
    // The separator lies within the run of leader characters before the number.
    let leader = |c: char| c == '.' || c == '…' || c.is_whitespace();
    let run_start = before.trim_end_matches(leader).len();
    let ends = before[run_start..]
        .char_indices()
        .map(|(i, c)| run_start + i + c.len_utf8());
    std::iter::once(run_start)
        .chain(ends)
        .filter(|&end| end > 0 && !before[..end].ends_with(char::is_whitespace))
        .find(|&end| is_separator(&before[end..], arabic))
        .map(|end| Entry {
            title: &before[..end],
            separator: &before[end..],
            page: &text[before.len()..],
        })
}

/// Whether `between` parts a TOC title from its page number: two or more
/// leader dots, an ellipsis, a tab (each with any spaces), or for an
/// arabic number also a bare space.
fn is_separator(between: &str, arabic: bool) -> bool {
    let spaces = between.chars().all(char::is_whitespace);
    let dots = between.chars().all(|c| c == '.' || c.is_whitespace())
        && between.matches('.').nth(1).is_some();
    let ellipsis = {
        let marks = between.trim_start();
        !marks.is_empty() && marks.chars().all(|c| c == '…')
    };
    let tab = spaces && between.contains('\t');
    dots || ellipsis || tab || (arabic && spaces && !between.is_empty())
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
        let entry = entry(&text).filter(|e| !wraps_on(e, blocks.get(i + 1)));
        match entry {
            Some(entry) => {
                pending.push(entry.title.to_string());
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
                    page: entry.page.to_string(),
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
fn wraps_on(entry: &Entry, next: Option<&Located>) -> bool {
    let roman = !entry.page.starts_with(|c: char| c.is_ascii_digit());
    if roman || entry.separator.contains(['\t', '.', '…']) {
        return false;
    }
    let next_text = next
        .map(|b| b.block.filled_cells().join("\t"))
        .unwrap_or_default();
    next_text.starts_with(|c: char| c.is_lowercase()) && self::entry(&next_text).is_some()
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

/// The reader against the regex it replaced, on lines put together at
/// random from TOC pieces and near misses.
#[cfg(test)]
mod same_as_the_regex {
    use super::*;
    use crate::scan::Shuffle;
    use regex::Regex;

    const PIECES: &[&str] = &[
        "Tiltak",
        "1.",
        "Innledning",
        "i",
        "iv",
        "IV",
        "x",
        "c",
        "Vedlegg",
        ".",
        ".",
        "..",
        ". .",
        "…",
        "……",
        "\t",
        " ",
        " ",
        "  ",
        "\n",
        "8",
        "13",
        "2024",
        "12345",
        "a",
        "ø",
        ":",
    ];

    #[test]
    fn lines_read_as_the_regex_read_them() {
        let re = Regex::new(
            r"^(?s)(.*?\S)(?:(?:\s*(?:\.\s*){2,}|\s*…+|\s*\t\s*|\s+)([0-9]{1,4})|(?:\s*(?:\.\s*){2,}|\s*…+|\s*\t\s*)([ivxlc]{1,7}))$",
        )
        .unwrap();
        let mut shuffle = Shuffle::new(0x1f83_d9ab_fb41_bd6b);
        let mut found = 0;
        for _ in 0..40_000 {
            let mut line = shuffle.text(PIECES, 8, None);
            // Most lines end as entries do, or almost.
            if shuffle.below(3) > 0 {
                line.push_str(shuffle.pick(&[" 8", "\t13", " ....... iv", "…5", " . . 12345"]));
            }
            let theirs = re.captures(&line).map(|c| {
                let title = c.get(1).unwrap();
                let page = c.get(2).or(c.get(3)).unwrap();
                Entry {
                    title: title.as_str(),
                    separator: &line[title.end()..page.start()],
                    page: page.as_str(),
                }
            });
            found += usize::from(theirs.is_some());
            assert_eq!(entry(&line), theirs, "{line:?}");
        }
        assert!(found > 15_000, "only {found} entries");
    }
}

//! Layout analysis: from positioned glyphs to paragraphs and table rows.
//!
//! Takes [`GlyphPage`]s, gives a [`Document`]. Glyphs become words by the
//! gaps between them and lines by their baselines (not by drawing order:
//! Chromium draws its footer first). Running headers and footers are lines
//! in the top or bottom band of the page that repeat on many pages; a
//! number among them is the page's printed label. Lines become paragraphs by
//! their spacing and font size; lines whose words line up in columns become
//! table rows, with wrapped cells joined.

use std::collections::HashMap;

use super::pdf::{Direction, Glyph, GlyphPage};
use super::{par_map, par_map_owned};
use crate::model::{Block, Document, Page};
use crate::scan::{Case, Scan};
use crate::text;
use crate::vocab;

/// A gap wider than this many ems always separates columns.
const COLUMN_GAP_EM: f64 = 1.2;
/// A gap wider than this many ems is a space between words.
const WORD_GAP_EM: f64 = 0.12;
/// A letter that starts this far (in ems) inside the space glyph before it
/// is drawn over the space: the space is padding, not between words.
const SPACE_OVERLAP_EM: f64 = 0.1;
/// A hyphen this close (in ems) after the last word of a line is that
/// word's; a dash set with a whole space before it is not.
const LONE_HYPHEN_GAP_EM: f64 = 0.2;
/// Header and footer bands, as a share of the page height.
const BAND: f64 = 0.09;

/// A positioned word.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// The word's text.
    pub text: String,
}

/// A line of words sharing a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Baseline from the top of the page.
    pub y: f64,
    /// The dominant font size.
    pub size: f64,
    /// Words left to right.
    pub words: Vec<Word>,
}

impl Line {
    fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }

    fn text(&self) -> String {
        join_words(&self.words)
    }

    /// Groups the words into spans separated by wide gaps.
    fn spans(&self) -> Vec<Vec<&Word>> {
        let mut spans: Vec<Vec<&Word>> = Vec::new();
        for (i, word) in self.words.iter().enumerate() {
            let wide = i > 0 && word.x0 - self.words[i - 1].x1 > COLUMN_GAP_EM * self.size;
            if spans.is_empty() || wide {
                spans.push(Vec::new());
            }
            spans.last_mut().unwrap().push(word);
        }
        spans
    }

    /// A TOC line: ends in a page number after leader dots or a wide gap.
    fn is_toc_entry(&self) -> bool {
        let spans = self.spans();
        let last_is_number = spans.last().is_some_and(|s| {
            s.len() == 1 && s[0].text.len() <= 4 && s[0].text.chars().all(|c| c.is_ascii_digit())
        });
        (spans.len() >= 2 && last_is_number && spans.len() <= 2) || ends_in_leader(&self.text())
    }
}

fn join_words(words: &[impl std::borrow::Borrow<Word>]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.borrow().text);
    }
    out
}

/// Turns glyph pages into a document. Pages are laid out on all cores;
/// only the running text is found across pages.
pub fn run(mut pages: Vec<GlyphPage>) -> Document {
    for page in &mut pages {
        upright(page);
    }
    let heights: Vec<f64> = pages.iter().map(|p| p.height).collect();
    // The glyphs are freed by the threads that used them.
    let (mut page_lines, turned): (Vec<Vec<Line>>, Vec<Vec<Line>>) = par_map_owned(pages, |p| {
        // In place: nearly every glyph runs rightwards, and a partition
        // would copy them all into a growing list.
        let mut along = p.glyphs;
        let across: Vec<Glyph> = along
            .extract_if(.., |g| g.direction != Direction::Right)
            .collect();
        (lines(&along), turned_lines(across, p.width, p.height))
    })
    .into_iter()
    .unzip();
    let running = remove_running_text(&mut page_lines, &heights);
    let blocks = par_map(&page_lines, |lines| {
        super::columns::reading_order(lines)
            .iter()
            .flat_map(|segment| blocks(segment))
            .collect::<Vec<Block>>()
    });
    let pages = blocks
        .into_iter()
        .zip(turned)
        .zip(running)
        .map(|((mut blocks, turned), (label, [header, footer]))| {
            // Text set sideways on the page (a rotated table header) reads
            // after the page's own text, each run upright.
            blocks.extend(self::blocks(&turned));
            Page {
                label,
                blocks,
                header,
                footer,
            }
        })
        .collect();
    Document {
        pages,
        warnings: Vec::new(),
    }
}

/// The lines of glyphs that run another way than the page's text, each
/// direction turned upright on its own.
fn turned_lines(glyphs: Vec<Glyph>, width: f64, height: f64) -> Vec<Line> {
    let mut out = Vec::new();
    for direction in [Direction::Down, Direction::Left, Direction::Up] {
        let mut these: Vec<Glyph> = glyphs
            .iter()
            .filter(|g| g.direction == direction)
            .cloned()
            .collect();
        if these.is_empty() {
            continue;
        }
        turn(&mut these, direction, width, height);
        out.extend(lines(&these));
    }
    out
}

/// Turns a page whose text mostly runs another way than left to right (a
/// page with /Rotate 90, a landscape table set sideways) so that it does:
/// the glyphs' positions are rotated with the page, and its width and
/// height swap where the turn is a quarter. Glyphs that run another way
/// than most (a rotated column header) are left where they are.
fn upright(page: &mut GlyphPage) {
    let count = |d: Direction| page.glyphs.iter().filter(|g| g.direction == d).count();
    let turned = [Direction::Down, Direction::Left, Direction::Up]
        .into_iter()
        .max_by_key(|d| count(*d))
        .filter(|d| 2 * count(*d) > page.glyphs.len());
    let Some(direction) = turned else {
        return;
    };
    let (w, h) = (page.width, page.height);
    turn(&mut page.glyphs, direction, w, h);
    if matches!(direction, Direction::Down | Direction::Up) {
        (page.width, page.height) = (h, w);
    }
}

/// Turns glyphs on a `width` × `height` page so that those running
/// `direction` run left to right; every glyph's direction turns with them.
fn turn(glyphs: &mut [Glyph], direction: Direction, w: f64, h: f64) {
    let quarter = |d: Direction| match d {
        Direction::Right => 0,
        Direction::Down => 1,
        Direction::Left => 2,
        Direction::Up => 3,
    };
    let by = quarter(direction);
    for g in glyphs {
        let (x, y) = (g.x, g.y);
        (g.x, g.y) = match direction {
            Direction::Down => (y, w - x),
            Direction::Up => (h - y, x),
            Direction::Left => (w - x, h - y),
            Direction::Right => (x, y),
        };
        g.direction = match (quarter(g.direction) + 4 - by) % 4 {
            0 => Direction::Right,
            1 => Direction::Down,
            2 => Direction::Left,
            _ => Direction::Up,
        };
    }
}

/// Groups glyphs into lines by baseline, then into words by gaps.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    // Sorting dominates: sort integer keys without moving the glyphs; the
    // drawing order breaks ties, so the result is that of a stable sort.
    let mut order: Vec<(i64, i64, u32)> = glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.text.is_empty())
        .map(|(i, g)| (total_key(g.y), total_key(g.x), i as u32))
        .collect();
    order.sort_unstable();
    let mut lines = Vec::new();
    let mut group: Vec<(i64, i64, u32)> = Vec::new();
    let mut flush = |group: &mut Vec<(i64, i64, u32)>| {
        if group.is_empty() {
            return;
        }
        // Left to right; glyphs at the same x keep their (y, drawing) order.
        group.sort_unstable_by_key(|&(y, x, i)| (x, y, i));
        let line: Vec<&Glyph> = group.iter().map(|&(_, _, i)| &glyphs[i as usize]).collect();
        lines.extend(line_of(&line));
        group.clear();
    };
    for &entry in &order {
        let glyph = &glyphs[entry.2 as usize];
        if let Some(first) = group.first().map(|&(_, _, i)| &glyphs[i as usize])
            && (glyph.y - first.y).abs() > 0.3 * glyph.size.min(first.size)
        {
            flush(&mut group);
        }
        group.push(entry);
    }
    flush(&mut group);
    super::scripts::attach(&mut lines);
    lines
}

/// An integer that orders as `f64::total_cmp` orders the float.
fn total_key(v: f64) -> i64 {
    let bits = v.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

fn line_of(glyphs: &[&Glyph]) -> Option<Line> {
    let size = dominant_size(glyphs);
    let mut words: Vec<Word> = Vec::new();
    let mut space_pending = true;
    // The end of the last letter drawn; spaces do not move it, since a
    // space may be drawn over letters.
    let mut last_end = f64::NEG_INFINITY;
    let mut space_end = f64::NEG_INFINITY;
    let mut last_x = f64::NEG_INFINITY;
    for g in glyphs {
        if g.text.trim().is_empty() {
            // A space drawn over the letter before it (a producer that
            // draws a space, moves back and draws the letter on top) is
            // no gap between words.
            if g.x + g.width / 2.0 > last_end {
                space_pending = true;
                space_end = g.x + g.width;
            }
            continue;
        }
        // Some producers draw a glyph twice, slightly offset, for bold.
        if (g.x - last_x).abs() < 0.01 * size
            && words
                .last()
                .is_some_and(|w| w.text.ends_with(g.text.as_str()))
        {
            continue;
        }
        let gap = g.x - last_end;
        // A space glyph counts only if the next letter comes after it:
        // Excel draws padding spaces over its cells' digits.
        let spaced = space_pending && g.x > space_end - SPACE_OVERLAP_EM * size;
        if spaced || gap > WORD_GAP_EM * size || words.is_empty() {
            let mut text = String::with_capacity(16);
            text.push_str(&g.text);
            words.push(Word {
                x0: g.x,
                x1: g.x + g.width,
                text,
            });
        } else {
            let word = words.last_mut().unwrap();
            word.text.push_str(&g.text);
            word.x1 = word.x1.max(g.x + g.width);
        }
        space_pending = false;
        last_end = g.x + g.width;
        last_x = g.x;
    }
    // Justified text may set a line's hyphenation hyphen a little apart
    // from its syllable ("nærståen -"): it belongs to the word.
    if let [.., word, last] = words.as_slice()
        && text::is_line_end_hyphen(&last.text)
        && last.x0 - word.x1 < LONE_HYPHEN_GAP_EM * size
    {
        let hyphen = words.pop().map(|w| w.text).unwrap_or_default();
        if let Some(word) = words.last_mut() {
            word.text.push_str(&hyphen);
        }
    }
    let y = glyphs.iter().map(|g| g.y).fold(0.0, f64::max);
    (!words.is_empty()).then_some(Line { y, size, words })
}

fn dominant_size(glyphs: &[&Glyph]) -> f64 {
    // A line has a handful of sizes: a list beats hashing every glyph.
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for g in glyphs {
        let size = (g.size * 10.0).round() as i64;
        match counts.iter_mut().find(|(s, _)| *s == size) {
            Some((_, n)) => *n += 1,
            None => counts.push((size, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(size, _)| size as f64 / 10.0)
}

/// Whether `text` ends as a TOC line does: three or more leader dots
/// (spaces between them or not), or an ellipsis, before a page number of
/// up to four digits.
fn ends_in_leader(text: &str) -> bool {
    let number = text.trim_end_matches(|c: char| c.is_ascii_digit());
    if !(1..=4).contains(&(text.len() - number.len())) {
        return false;
    }
    let leaders = number.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    number[leaders.len()..].matches('.').nth(2).is_some() || number.trim_end().ends_with('…')
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '-')
}

/// The printed page number of a footer or header line: "5", "Side 5 av
/// 24", "s.5", "– 5 –", "iv".
fn page_label(line: &str) -> Option<String> {
    let line = line.trim();
    let start = Scan::new(line);
    // "– 5 –" frames the number with dashes.
    let start = start.char_if(is_dash).map_or(start, Scan::spaces);
    // "s." may touch its number ("s.5"); the words need a space.
    let prefix = |word: &str| {
        let end = start.phrase(word, Case::Fold)?;
        if word.ends_with('.') {
            Some(end.spaces())
        } else {
            end.spaces1()
        }
    };
    let label = vocab::PAGE_WORDS
        .iter()
        .filter(|w| !w.ends_with('.'))
        .chain(vocab::PAGE_WORDS.iter().filter(|w| w.ends_with('.')))
        .find_map(|w| prefix(w).and_then(number_alone))
        .or_else(|| number_alone(start))?;
    let roman = !label.starts_with(|ch: char| ch.is_ascii_digit());
    (!roman || is_roman(label)).then(|| label.to_string())
}

/// A page number from `at` to the end of the line, perhaps with its page
/// count ("5 av 24", "5/24") and a closing dash; front matter may be
/// numbered in roman numerals.
fn number_alone(at: Scan<'_>) -> Option<&str> {
    let roman = |c: char| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x' | 'l' | 'c');
    let end = at.digits(1, 4).or_else(|| {
        let run = at.run(7, roman);
        (run.pos() > at.pos()).then_some(run)
    })?;
    let closes = |s: Scan<'_>| s.is_end() || s.spaces().char_if(is_dash).is_some_and(Scan::is_end);
    let of = || {
        let word = end.spaces();
        let after = word
            .first_phrase(vocab::PAGE_OF_WORDS, Case::Fold, Some)
            .or_else(|| word.char('/'))?;
        after.spaces().digits(1, 4)
    };
    (of().is_some_and(closes) || closes(end)).then(|| at.to(end))
}

/// Whether `text` is a roman numeral as page numbers use them (i to cc).
fn is_roman(text: &str) -> bool {
    let lower = text.to_lowercase();
    (1..=200).any(|n| roman(n) == lower)
}

fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Removes running headers and footers and returns each page's printed
/// label and its running lines (header, footer).
///
/// A line is running text when it lies in the top or bottom band and its
/// text, digits blanked, appears in that band on several pages. A page
/// number stands alone in a band (possibly "Side N av M"); it is taken as
/// the label even on a page with no other running text.
fn remove_running_text(
    pages: &mut [Vec<Line>],
    heights: &[f64],
) -> Vec<(Option<String>, [Vec<String>; 2])> {
    let in_band =
        |line: &Line, height: f64| line.y < height * BAND || line.y > height * (1.0 - BAND);
    let key = |line: &Line| -> String {
        line.text()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (lines, &height) in pages.iter().zip(heights) {
        let mut keys: Vec<String> = lines
            .iter()
            .filter(|l| in_band(l, height))
            .map(key)
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_insert(0) += 1;
        }
    }
    let threshold = 2.max(pages.len() / 4);
    let repeated = |k: &str| seen.get(k).copied().unwrap_or(0) >= threshold;
    let mut labels = Vec::with_capacity(pages.len());
    for (lines, &height) in pages.iter_mut().zip(heights) {
        let mut label = None;
        let mut running: [Vec<String>; 2] = Default::default();
        lines.retain(|line| {
            if !in_band(line, height) {
                return true;
            }
            if let Some(printed) = page_label(&line.text()) {
                label = Some(printed);
                running[usize::from(line.y > height / 2.0)].push(line.text());
                return false;
            }
            if repeated(&key(line)) {
                // A running line that carries the number: "Tittel | 7".
                for span in line.spans() {
                    if let Some(printed) = page_label(&join_words(&span)) {
                        label = Some(printed);
                    }
                }
                running[usize::from(line.y > height / 2.0)].push(line.text());
                return false;
            }
            true
        });
        labels.push((label, running));
    }
    labels
}

/// The usual distance between baselines of consecutive lines of one
/// paragraph, per font size (tenths of a point).
fn line_pitches(lines: &[Line]) -> HashMap<i64, f64> {
    let mut diffs: HashMap<i64, HashMap<i64, usize>> = HashMap::new();
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if (a.size - b.size).abs() < 0.3 {
            let d = b.y - a.y;
            if d > 0.8 * a.size && d < 2.5 * a.size {
                *diffs
                    .entry((a.size * 10.0).round() as i64)
                    .or_default()
                    .entry((d * 2.0).round() as i64)
                    .or_insert(0) += 1;
            }
        }
    }
    diffs
        .into_iter()
        .filter_map(|(size, counts)| {
            // The smallest frequent distance: paragraph spacing only adds.
            let max = *counts.values().max()?;
            let pitch = counts
                .iter()
                .filter(|&(_, &n)| n * 3 >= max)
                .map(|(&d, _)| d)
                .min()?;
            Some((size, pitch as f64 / 2.0))
        })
        .collect()
}

fn pitch_for(pitches: &HashMap<i64, f64>, size: f64) -> f64 {
    pitches
        .get(&((size * 10.0).round() as i64))
        .copied()
        .unwrap_or(size * 1.2)
}

fn starts_item(line: &Line) -> bool {
    line.words.first().is_some_and(|w| {
        w.text
            .starts_with(['•', '\u{f0b7}', '\u{25aa}', '\u{25cf}', '\u{2013}'])
            && w.text.chars().count() <= 2
            || w.text.starts_with(['•', '\u{f0b7}'])
    })
}

/// Groups a page's lines into paragraphs and table rows.
fn blocks(lines: &[Line]) -> Vec<Block> {
    let pitches = line_pitches(lines);
    let right_edge = lines
        .iter()
        .filter(|l| !is_table_start(l))
        .filter_map(|l| l.words.last().map(|w| w.x1))
        .fold(f64::NEG_INFINITY, f64::max);
    let mut out = Vec::new();
    let mut i = 0;
    let mut paragraph: Vec<&Line> = Vec::new();
    let flush = |paragraph: &mut Vec<&Line>, out: &mut Vec<Block>| {
        if paragraph.is_empty() {
            return;
        }
        let last = paragraph.last().unwrap();
        let mut text: Vec<String> = paragraph.iter().map(|l| l.text()).collect();
        let mut cells = Vec::new();
        if last.is_toc_entry() {
            let spans = last.spans();
            if spans.len() >= 2 {
                let number = join_words(spans.last().unwrap());
                let rest: Vec<&Word> = spans[..spans.len() - 1].iter().flatten().copied().collect();
                *text.last_mut().unwrap() = join_words(&rest);
                cells.push(text.join("\n"));
                cells.push(number);
            }
        }
        if cells.is_empty() {
            cells.push(text.join("\n"));
        }
        out.push(Block { cells });
        paragraph.clear();
    };
    while i < lines.len() {
        let line = &lines[i];
        if is_table_start(line) {
            flush(&mut paragraph, &mut out);
            let end = table_end(lines, i);
            out.extend(table_rows(&lines[i..end], &pitches));
            i = end;
            continue;
        }
        if let Some(prev) = paragraph.last() {
            let pitch = pitch_for(&pitches, prev.size);
            let new_paragraph = (line.size - prev.size).abs() > 0.6
                || line.y - prev.y > pitch * 1.25
                || prev.is_toc_entry()
                || starts_item(line)
                || broken_early(prev, line, right_edge);
            if new_paragraph {
                flush(&mut paragraph, &mut out);
            }
        }
        paragraph.push(line);
        i += 1;
    }
    flush(&mut paragraph, &mut out);
    out
}

/// A line that ends although the next line's first word would have fit
/// after it was ended on purpose: a heading, or the end of a paragraph that
/// the producer did not space from the next one.
fn broken_early(prev: &Line, line: &Line, right_edge: f64) -> bool {
    let (Some(last), Some(first)) = (prev.words.last(), line.words.first()) else {
        return false;
    };
    // Centred lines (a title page) start at different places; the rule is
    // only sound for text aligned on the left.
    let same_start = (prev.x0() - line.x0()).abs() < 0.5 * prev.size;
    let room = right_edge - last.x1;
    let needed = (first.x1 - first.x0) + 0.5 * prev.size;
    same_start && !text::ends_with_hyphen(&last.text) && room > needed + 0.5 * prev.size
}

fn is_table_start(line: &Line) -> bool {
    line.spans().len() >= 2 && !line.is_toc_entry()
}

/// The index after the last line of the table starting at `start`: the
/// table goes on while lines have several columns, are indented into a
/// column, or are a full-width group row with more columns right after.
fn table_end(lines: &[Line], start: usize) -> usize {
    let margin = lines.iter().map(Line::x0).fold(f64::INFINITY, f64::min);
    let mut end = start + 1;
    while end < lines.len() {
        let line = &lines[end];
        let prev = &lines[end - 1];
        if line.y - prev.y > 3.0 * prev.size || (line.size - prev.size).abs() > 0.6 {
            break;
        }
        let indented = line.x0() > margin + 2.0 * line.size && !line.is_toc_entry();
        let more_columns_follow = lines[end + 1..]
            .iter()
            .take(3)
            .take_while(|l| (l.size - line.size).abs() <= 0.6)
            .any(is_table_start);
        if is_table_start(line) || indented || more_columns_follow {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Column left edges of a table: x positions where a column-separated span
/// starts on at least two lines.
fn column_anchors(lines: &[Line]) -> Vec<f64> {
    let mut starts: Vec<f64> = lines
        .iter()
        .filter(|l| l.spans().len() >= 2)
        .flat_map(|l| l.spans().into_iter().map(|s| s[0].x0).collect::<Vec<_>>())
        .collect();
    starts.sort_by(f64::total_cmp);
    let mut anchors: Vec<(f64, usize)> = Vec::new();
    for x in starts {
        match anchors.last_mut() {
            Some((ax, n)) if x - *ax < 4.0 => *n += 1,
            _ => anchors.push((x, 1)),
        }
    }
    let mut result: Vec<f64> = anchors
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(x, _)| x)
        .collect();
    if result.is_empty() {
        result = lines
            .first()
            .map(|l| l.spans().iter().map(|s| s[0].x0).collect())
            .unwrap_or_default();
    }
    result
}

fn column_of(anchors: &[f64], x: f64) -> usize {
    anchors.iter().rposition(|&a| a <= x + 3.0).unwrap_or(0)
}

/// Splits a table line into cells: at wide gaps, and at narrower gaps where
/// the next word starts exactly at a column edge.
fn cells_of<'a>(line: &'a Line, anchors: &[f64]) -> Vec<(usize, Vec<&'a Word>)> {
    let mut cells: Vec<(usize, Vec<&'a Word>)> = Vec::new();
    for (i, word) in line.words.iter().enumerate() {
        let column = column_of(anchors, word.x0);
        let at_edge = anchors
            .get(column)
            .is_some_and(|&a| (word.x0 - a).abs() < 2.0);
        let gap = if i == 0 {
            f64::INFINITY
        } else {
            word.x0 - line.words[i - 1].x1
        };
        let new_cell = cells.is_empty()
            || gap > COLUMN_GAP_EM * line.size
            || (at_edge && gap > 0.25 * line.size && cells.last().is_some_and(|c| c.0 != column));
        if new_cell {
            cells.push((column, Vec::new()));
        }
        cells.last_mut().unwrap().1.push(word);
    }
    cells
}

/// Rebuilds the rows of a table: a new row starts where the spacing opens
/// up (cell padding) or where the first column gets a second value;
/// wrapped cell lines are joined with `\n`.
fn table_rows(lines: &[Line], pitches: &HashMap<i64, f64>) -> Vec<Block> {
    let anchors = column_anchors(lines);
    let columns = anchors.len().max(1);
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut row_is_group = false;
    let mut prev_y = f64::NEG_INFINITY;
    for line in lines {
        let cells = cells_of(line, &anchors);
        let group_line = cells.len() == 1 && cells[0].0 == 0;
        let pitch = pitch_for(pitches, line.size);
        let has_first = cells.iter().any(|c| c.0 == 0);
        let new_row = match rows.last() {
            None => true,
            Some(row) => {
                line.y - prev_y > pitch * 1.25
                    || (has_first && !row[0].is_empty() && !(row_is_group && group_line))
                    || (group_line != row_is_group)
            }
        };
        if new_row {
            rows.push(vec![Vec::new(); columns]);
            row_is_group = group_line;
        }
        let row = rows.last_mut().unwrap();
        for (column, words) in cells {
            row[column.min(columns - 1)].push(join_words(&words));
        }
        prev_y = line.y;
    }
    rows.into_iter()
        .map(|row| Block {
            cells: if row_is_group_row(&row) {
                vec![row[0].join("\n")]
            } else {
                row.into_iter().map(|lines| lines.join("\n")).collect()
            },
        })
        .collect()
}

fn row_is_group_row(row: &[Vec<String>]) -> bool {
    !row[0].is_empty() && row[1..].iter().all(Vec::is_empty) && row.len() > 1 && {
        // A lone number in the first column is a row whose other cells
        // are empty, not a group label.
        !row[0].join("").chars().all(|c| c.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` at (x, y), 10 pt, 5 pt per character.
    fn glyphs(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + 5.0 * i as f64,
                y,
                width: 5.0,
                size: 10.0,
                text: c.to_string().as_str().into(),
                direction: Direction::Right,
            })
            .collect()
    }

    fn page(items: &[(f64, f64, &str)]) -> GlyphPage {
        GlyphPage {
            width: 600.0,
            height: 800.0,
            glyphs: items
                .iter()
                .flat_map(|&(x, y, t)| glyphs(x, y, t))
                .collect(),
        }
    }

    fn texts(doc: &Document) -> Vec<Vec<String>> {
        doc.pages
            .iter()
            .map(|p| p.blocks.iter().map(Block::joined).collect())
            .collect()
    }

    /// The readers against the regexes they replaced, on footer and TOC
    /// lines put together at random from their pieces and near misses.
    #[test]
    fn page_labels_and_leaders_read_as_the_regexes_read_them() {
        let words: Vec<&str> = vocab::PAGE_WORDS
            .iter()
            .copied()
            .filter(|w| !w.ends_with('.'))
            .collect();
        let abbreviations: Vec<&str> = vocab::PAGE_WORDS
            .iter()
            .copied()
            .filter(|w| w.ends_with('.'))
            .collect();
        let label_re = regex::Regex::new(&format!(
            r"(?i)^(?:[–—-]\s*)?(?:{}\s+|{}\s*)?([0-9]{{1,4}}|[ivxlc]{{1,7}})(?:\s*(?:{}|/)\s*[0-9]{{1,4}})?(?:\s*[–—-])?$",
            vocab::pattern(&words),
            vocab::pattern(&abbreviations),
            vocab::pattern(vocab::PAGE_OF_WORDS)
        ))
        .unwrap();
        let leader_re = regex::Regex::new(r"(?:\.\s*){3,}[0-9]{1,4}$|…\s*[0-9]{1,4}$").unwrap();
        const PIECES: &[&str] = &[
            "Side",
            "side",
            "SIDE",
            "page",
            "s.",
            "S.",
            "s",
            "5",
            "24",
            "12345",
            "iv",
            "XII",
            "iiiiiiii",
            "Mix",
            "av",
            "of",
            "/",
            "–",
            "—",
            "-",
            " ",
            " ",
            "  ",
            ".",
            "…",
            "\t",
            "x",
            // Whole endings, so that many lines hold a label or a leader.
            "Side 5 av 24",
            "– 7 –",
            "...",
            ". . .",
            "……",
        ];
        let mut shuffle = crate::scan::Shuffle::new(0x94d0_49bb_1331_11eb);
        let (mut labels, mut leaders) = (0, 0);
        for _ in 0..40_000 {
            let mut line = shuffle.text(PIECES, 6, None);
            if shuffle.below(2) == 0 {
                line.push_str(shuffle.pick(&["5", " 12", "12345"]));
            }
            let theirs = label_re.captures(line.trim()).and_then(|c| {
                let label = &c[1];
                let roman = !label.starts_with(|ch: char| ch.is_ascii_digit());
                (!roman || is_roman(label)).then(|| label.to_string())
            });
            labels += usize::from(theirs.is_some());
            assert_eq!(page_label(&line), theirs, "{line:?}");
            let theirs = leader_re.is_match(&line);
            leaders += usize::from(theirs);
            assert_eq!(ends_in_leader(&line), theirs, "{line:?}");
        }
        assert!(labels > 2_000 && leaders > 1_500, "{labels} {leaders}");
    }

    #[test]
    fn page_label_forms() {
        for (line, label) in [
            ("5", Some("5")),
            ("Side 5 av 24", Some("5")),
            ("5 av 24", Some("5")),
            ("– 5 –", Some("5")),
            ("- 12 -", Some("12")),
            ("iv", Some("iv")),
            ("XII", Some("XII")),
            ("vi x", None),
            ("Mix", None),
            ("Rapport 2024", None),
        ] {
            assert_eq!(page_label(line).as_deref(), label, "{line}");
        }
    }

    #[test]
    fn footer_drawn_first_is_removed_and_becomes_the_label() {
        let pages = (1..=3)
            .map(|n| {
                let footer = format!("Side {n} av 3");
                let header = "Frihet - status 2023".to_string();
                let mut p = page(&[
                    (100.0, 780.0, &footer),
                    (100.0, 30.0, &header),
                    (100.0, 100.0, "Tekst"),
                ]);
                // Chromium draws the footer before the body.
                p.glyphs.rotate_left(0);
                p
            })
            .collect();
        let doc = run(pages);
        assert_eq!(doc.pages[1].label.as_deref(), Some("2"));
        assert_eq!(texts(&doc), vec![vec!["Tekst".to_string()]; 3]);
    }

    #[test]
    fn body_text_in_the_band_stays_unless_repeated() {
        let pages = vec![
            page(&[(100.0, 40.0, "Unik overskrift"), (100.0, 780.0, "7")]),
            page(&[(100.0, 40.0, "Annen overskrift"), (100.0, 780.0, "8")]),
        ];
        let doc = run(pages);
        assert_eq!(
            texts(&doc),
            vec![
                vec!["Unik overskrift".to_string()],
                vec!["Annen overskrift".to_string()]
            ]
        );
        assert_eq!(doc.pages[0].label.as_deref(), Some("7"));
    }

    #[test]
    fn table_with_wrapped_cells_and_group_rows() {
        let p = page(&[
            (50.0, 100.0, "Nr"),
            (90.0, 100.0, "Tiltak"),
            (300.0, 100.0, "Ansvarlig"),
            (400.0, 100.0, "Status"),
            (50.0, 118.0, "Innsatsområde 1: Innsats"),
            (50.0, 136.0, "1"),
            (90.0, 136.0, "Utvikle en strategi"),
            (300.0, 136.0, "AID"),
            (400.0, 136.0, "Pågående"),
            (90.0, 148.0, "for kompetanse"),
            (50.0, 166.0, "2"),
            (90.0, 166.0, "Styrke"),
            (300.0, 166.0, "BFD og"),
            (400.0, 166.0, "Ferdigstilt"),
            (300.0, 178.0, "AID"),
        ]);
        let doc = run(vec![p]);
        assert_eq!(
            texts(&doc)[0],
            [
                "Nr\tTiltak\tAnsvarlig\tStatus",
                "Innsatsområde 1: Innsats",
                "1\tUtvikle en strategi\nfor kompetanse\tAID\tPågående",
                "2\tStyrke\tBFD og\nAID\tFerdigstilt",
            ]
        );
    }

    #[test]
    fn paragraphs_split_on_spacing_and_size() {
        let p = page(&[
            (50.0, 100.0, "Overskrift"),
            (50.0, 130.0, "Linje en"),
            (50.0, 142.0, "linje to"),
            (50.0, 154.0, "linje tre"),
            (50.0, 176.0, "Neste avsnitt"),
            (50.0, 188.0, "fortsetter"),
        ]);
        let doc = run(vec![p]);
        assert_eq!(
            texts(&doc)[0],
            [
                "Overskrift",
                "Linje en\nlinje to\nlinje tre",
                "Neste avsnitt\nfortsetter"
            ]
        );
    }
}

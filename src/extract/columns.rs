//! Reading order of pages set in two columns.
//!
//! Takes a page's lines (each line spans the whole width: a baseline shared
//! by both columns is one line), gives the lines in reading order as
//! segments: a run of full-width lines, then the left column, then the
//! right column, and so on down the page. A page without a gutter (most
//! pages, and every table) is one segment, as it came.
//!
//! A gutter is a vertical strip near the middle of the text that most
//! lines have a gap across, with running text on both sides (lines of
//! several words each side). Table columns are narrow and their cells
//! short, so a table is not taken for two columns of text.

use super::layout::{Line, Word};

/// A gap narrower than this many ems is not a gutter.
const GUTTER_EM: f64 = 0.6;
/// Lines with text both sides of the gutter, at the least.
const MIN_LINES: usize = 8;
/// Words each side of the gutter in a line, on average, at the least.
const MIN_WORDS: f64 = 3.0;

/// The page's lines in reading order, as segments that each read top to
/// bottom.
pub fn reading_order(lines: &[Line]) -> Vec<Vec<Line>> {
    let Some(gutter) = gutter(lines) else {
        return vec![lines.to_vec()];
    };
    let starts = Starts::of(lines, gutter);
    let mut segments: Vec<Vec<Line>> = Vec::new();
    let (mut full, mut left, mut right) = (Vec::new(), Vec::new(), Vec::new());
    let flush_columns =
        |segments: &mut Vec<Vec<Line>>, left: &mut Vec<Line>, right: &mut Vec<Line>| {
            for column in [std::mem::take(left), std::mem::take(right)] {
                if !column.is_empty() {
                    segments.push(column);
                }
            }
        };
    for line in lines {
        if spans(line, gutter) || !starts.fits(line, gutter) {
            flush_columns(&mut segments, &mut left, &mut right);
            full.push(line.clone());
            continue;
        }
        if !full.is_empty() {
            segments.push(std::mem::take(&mut full));
        }
        let (l, r) = split(line, gutter);
        left.extend(l);
        right.extend(r);
    }
    flush_columns(&mut segments, &mut left, &mut right);
    if !full.is_empty() {
        segments.push(full);
    }
    segments
}

/// Where the two columns' lines start: a line whose parts do not start
/// there (a centred title, "Your · Name") is full width though it has a
/// gap at the gutter.
struct Starts {
    left: f64,
    right: f64,
    slack: f64,
}

impl Starts {
    fn of(lines: &[Line], gutter: f64) -> Starts {
        // The usual start of each side, among the lines split at the gutter.
        let (mut left, mut right): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
        for line in lines.iter().filter(|l| !spans(l, gutter)) {
            let l = line.words.iter().find(|w| w.x1 <= gutter);
            let r = line.words.iter().find(|w| w.x0 >= gutter);
            if let (Some(l), Some(r)) = (l, r) {
                left.push(l.x0);
                right.push(r.x0);
            }
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(gutter)
        };
        let em = lines.iter().map(|l| l.size).sum::<f64>() / lines.len().max(1) as f64;
        Starts {
            left: median(left),
            right: median(right),
            slack: 3.0 * em,
        }
    }

    /// Whether each part of the line starts where its column does.
    fn fits(&self, line: &Line, gutter: f64) -> bool {
        let first_left = line.words.iter().find(|w| w.x1 <= gutter);
        let first_right = line.words.iter().find(|w| w.x0 >= gutter);
        let near =
            |w: Option<&Word>, start: f64| w.is_none_or(|w| (w.x0 - start).abs() <= self.slack);
        near(first_left, self.left) && near(first_right, self.right)
    }
}

/// Whether a word of `line` covers the gutter.
fn spans(line: &Line, x: f64) -> bool {
    line.words.iter().any(|w| w.x0 < x && w.x1 > x)
}

/// The parts of a line left and right of the gutter.
fn split(line: &Line, x: f64) -> (Option<Line>, Option<Line>) {
    let part = |words: Vec<Word>| {
        (!words.is_empty()).then_some(Line {
            y: line.y,
            size: line.size,
            words,
        })
    };
    let (l, r): (Vec<Word>, Vec<Word>) = line.words.iter().cloned().partition(|w| w.x1 <= x);
    (part(l), part(r))
}

/// The x of the page's gutter, if it is set in two columns.
fn gutter(lines: &[Line]) -> Option<f64> {
    let (lo, hi) = lines
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), l| {
            let x0 = l.words.first().map_or(lo, |w| w.x0);
            let x1 = l.words.last().map_or(hi, |w| w.x1);
            (lo.min(x0), hi.max(x1))
        });
    // `hi <= lo` also when there are no words (both stay infinite).
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) || lines.len() < MIN_LINES {
        return None;
    }
    let mut sizes: Vec<f64> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f64::total_cmp);
    let em = sizes[sizes.len() / 2];
    let (from, to) = (lo + 0.3 * (hi - lo), lo + 0.7 * (hi - lo));
    // The middle of the longest run of positions with the most free lines.
    let scores: Vec<(f64, usize)> = std::iter::successors(Some(from), |x| Some(x + 1.0))
        .take_while(|x| *x <= to)
        .filter_map(|x| free_lines(lines, x, em).map(|n| (x, n)))
        .collect();
    let most = scores.iter().map(|(_, n)| *n).max()?;
    let mut best: Option<(f64, f64)> = None;
    let mut run: Option<(f64, f64)> = None;
    for &(x, n) in &scores {
        run = match (run, n == most) {
            (Some((start, end)), true) if x - end <= 1.5 => Some((start, x)),
            (_, true) => Some((x, x)),
            (_, false) => None,
        };
        if let Some((start, end)) = run
            && best.is_none_or(|(s, e)| end - start > e - s)
        {
            best = Some((start, end));
        }
    }
    best.map(|(start, end)| (start + end) / 2.0)
}

/// How many lines have a gap of a gutter's width across `x` with running
/// text on both sides, if the page reads as two columns there.
fn free_lines(lines: &[Line], x: f64, em: f64) -> Option<usize> {
    let half = GUTTER_EM * em / 2.0;
    let (mut free, mut spanning) = (0usize, 0usize);
    let (mut left_words, mut right_words) = (0usize, 0usize);
    for line in lines {
        if line
            .words
            .iter()
            .any(|w| w.x0 < x + half && w.x1 > x - half)
        {
            spanning += 1;
            continue;
        }
        let left = line.words.iter().filter(|w| w.x1 <= x).count();
        let right = line.words.len() - left;
        if left > 0 && right > 0 {
            free += 1;
            left_words += left;
            right_words += right;
        }
    }
    let enough = free >= MIN_LINES
        && free * 10 >= (free + spanning) * 6
        && left_words as f64 >= MIN_WORDS * free as f64
        && right_words as f64 >= MIN_WORDS * free as f64;
    enough.then_some(free)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, words: &[(f64, &str)]) -> Line {
        Line {
            y,
            size: 10.0,
            words: words
                .iter()
                .map(|&(x0, text)| Word {
                    x0,
                    x1: x0 + 6.0 * text.len() as f64,
                    text: text.into(),
                })
                .collect(),
        }
    }

    fn texts(segments: &[Vec<Line>]) -> Vec<Vec<String>> {
        segments
            .iter()
            .map(|s| {
                s.iter()
                    .map(|l| {
                        l.words
                            .iter()
                            .map(|w| w.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn two_columns_read_left_then_right_under_a_full_width_title() {
        let mut lines = vec![line(
            50.0,
            &[
                (50.0, "Overskrift"),
                (130.0, "over"),
                (170.0, "begge"),
                (210.0, "spaltene"),
                (300.0, "her"),
            ],
        )];
        for i in 0..10 {
            let y = 80.0 + 14.0 * i as f64;
            lines.push(line(
                y,
                &[
                    (50.0, "venstre"),
                    (100.0, "spalte"),
                    (145.0, "tekst"),
                    (320.0, "høyre"),
                    (360.0, "spalte"),
                    (405.0, "tekst"),
                ],
            ));
        }
        let segments = reading_order(&lines);
        let got = texts(&segments);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], ["Overskrift over begge spaltene her"]);
        assert!(got[1].iter().all(|l| l == "venstre spalte tekst"));
        assert!(got[2].iter().all(|l| l == "høyre spalte tekst"));
    }

    #[test]
    fn a_table_is_not_two_columns() {
        let lines: Vec<Line> = (0..12)
            .map(|i| {
                line(
                    80.0 + 14.0 * i as f64,
                    &[
                        (50.0, "1"),
                        (70.0, "Utvikle"),
                        (120.0, "en"),
                        (140.0, "strategi"),
                        (330.0, "AID"),
                        (400.0, "Pågående"),
                    ],
                )
            })
            .collect();
        assert_eq!(reading_order(&lines).len(), 1);
    }
}

//! Superscripts and subscripts: "10th", "CO₂", a footnote mark. A producer
//! draws them smaller and off the baseline, so they come out as a line of
//! their own ("th th" above "the 10 and 25 of each month").
//!
//! Takes a page's lines (top to bottom), gives the same lines with each
//! small line that sits just above or below a larger one, over its words,
//! put into that line: a script that touches a word joins it.

use super::layout::{Line, Word};

/// A script is at most this share of its line's size.
const SMALLER: f64 = 0.85;
/// … and its baseline within this many of its line's ems.
const NEAR: f64 = 0.7;
/// A script this close (in ems of the line) after a word is that word's.
const TOUCHING: f64 = 0.15;

/// Moves the words of script lines into the lines they belong to.
pub fn attach(lines: &mut Vec<Line>) {
    let mut i = 0;
    while i < lines.len() {
        match host(lines, i) {
            Some(h) => {
                let script = lines.remove(i);
                let h = if h > i { h - 1 } else { h };
                merge(&mut lines[h], script);
            }
            None => i += 1,
        }
    }
}

/// The line that line `i` is a script of: a neighbour of larger size whose
/// baseline is near and whose words it sits among.
fn host(lines: &[Line], i: usize) -> Option<usize> {
    let script = &lines[i];
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter(|&h| h < lines.len())
        .find(|&h| {
            let line = &lines[h];
            script.size < SMALLER * line.size
                && (script.y - line.y).abs() < NEAR * line.size
                && script.words.iter().all(|w| beside_a_word(w, line))
        })
}

/// Whether a script word starts right after a word of the line.
fn beside_a_word(script: &Word, line: &Line) -> bool {
    line.words
        .iter()
        .any(|w| script.x0 >= w.x0 && script.x0 - w.x1 <= TOUCHING * line.size)
}

fn merge(line: &mut Line, script: Line) {
    for word in script.words {
        let touching = line
            .words
            .iter_mut()
            .filter(|w| word.x0 >= w.x0 && word.x0 - w.x1 <= TOUCHING * line.size)
            .max_by(|a, b| a.x1.total_cmp(&b.x1));
        match touching {
            Some(host) => {
                host.text.push_str(&word.text);
                host.x1 = host.x1.max(word.x1);
            }
            None => line.words.push(word),
        }
    }
    line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, size: f64, words: &[(f64, f64, &str)]) -> Line {
        Line {
            y,
            size,
            words: words
                .iter()
                .map(|&(x0, x1, text)| Word {
                    x0,
                    x1,
                    text: text.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_superscript_joins_its_word() {
        let mut lines = vec![
            line(96.0, 6.0, &[(121.0, 126.0, "th"), (161.0, 166.0, "th")]),
            line(
                100.0,
                10.0,
                &[
                    (90.0, 110.0, "the"),
                    (111.0, 121.0, "10"),
                    (130.0, 150.0, "and"),
                    (151.0, 161.0, "25"),
                ],
            ),
            line(114.0, 10.0, &[(90.0, 110.0, "of"), (111.0, 140.0, "each")]),
        ];
        attach(&mut lines);
        let texts: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| l.words.iter().map(|w| w.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [vec!["the", "10th", "and", "25th"], vec!["of", "each"]]
        );
    }

    #[test]
    fn a_small_line_of_its_own_stays() {
        let mut lines = vec![
            line(100.0, 10.0, &[(90.0, 110.0, "Tittel")]),
            line(
                120.0,
                7.0,
                &[(90.0, 140.0, "Kilde:"), (141.0, 160.0, "SSB")],
            ),
        ];
        attach(&mut lines);
        assert_eq!(lines.len(), 2);
    }
}

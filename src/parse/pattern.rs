//! Regexes built without a literal prefilter.
//!
//! Takes a pattern; gives a regex that matches exactly as `regex::Regex`
//! does (the same engine, leftmost-first, Unicode), its groups read by
//! name.
//!
//! Why: a pattern that opens with an alternation of words under `(?i)`
//! ("totalt|planens|…", the month names) has the regex crate build a
//! prefilter of every case variant of every word: 70–80% of the cost of
//! building such a regex, and building the regexes was a third of all the
//! work of reading a 5-page report. These run on a few short texts (the
//! front matter's sentences with a number in them, sentences that name a
//! year), where a prefilter saves next to nothing.

use std::ops::Range;

use regex_automata::meta;
use regex_automata::util::captures::Captures;

/// A regex without a literal prefilter.
#[derive(Debug)]
pub(crate) struct Pattern(meta::Regex);

impl Pattern {
    /// Builds `pattern`; the patterns are the vocabulary's words put
    /// together in code, so a bad one is a bug (every one is built by the
    /// tests).
    pub fn new(pattern: &str) -> Pattern {
        let config = meta::Config::new().auto_prefilter(false);
        let regex = meta::Regex::builder()
            .configure(config)
            .build(pattern)
            .unwrap_or_else(|e| panic!("bad pattern {pattern:?}: {e}"));
        Pattern(regex)
    }

    /// The first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(haystack, &mut caps);
        caps.is_match().then_some(Found { caps, haystack })
    }

    /// Every match in `haystack`, left to right, none overlapping.
    pub fn captures_iter<'r, 'h: 'r>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + 'r {
        self.0
            .captures_iter(haystack)
            .map(move |caps| Found { caps, haystack })
    }

    /// Whether `haystack` holds a match.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.0.is_match(haystack)
    }
}

/// One match and its groups.
pub(crate) struct Found<'h> {
    caps: Captures,
    haystack: &'h str,
}

impl<'h> Found<'h> {
    /// Where the group `name` matched, if it took part.
    pub fn range(&self, name: &str) -> Option<Range<usize>> {
        self.caps.get_group_by_name(name).map(|span| span.range())
    }

    /// The text of the group `name`, if it took part.
    pub fn name(&self, name: &str) -> Option<&'h str> {
        self.range(name).map(|r| &self.haystack[r])
    }

    /// The text of the whole match.
    pub fn whole(&self) -> &'h str {
        self.caps
            .get_match()
            .map_or("", |m| &self.haystack[m.range()])
    }

    /// Where the whole match ends.
    pub fn end(&self) -> usize {
        self.caps.get_match().map_or(0, |m| m.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches and groups as the regex crate's, on text with
    /// letters beyond ASCII and word boundaries next to them.
    #[test]
    fn matches_as_the_regex_crate_does() {
        let pattern = r"(?i)\b(?:totalt|består\s+av)\s+(?P<total>[0-9]+)\s+(?P<what>tiltak\w*)\b";
        let texts = [
            "Planen består av 12 tiltakene, og totalt 3 TILTAK er nye.",
            "Åtotalt 5 tiltak; BESTÅR AV 7 tiltak",
            "ingen her",
            "totalt 9 tiltakø og totalt 4 tiltak.",
        ];
        let ours = Pattern::new(pattern);
        let theirs = regex::Regex::new(pattern).unwrap();
        for text in texts {
            let a: Vec<_> = ours
                .captures_iter(text)
                .map(|f| (f.whole(), f.end(), f.name("total"), f.range("what")))
                .collect();
            let b: Vec<_> = theirs
                .captures_iter(text)
                .map(|c| {
                    let whole = c.get(0).unwrap();
                    let total = c.name("total").map(|m| m.as_str());
                    (
                        whole.as_str(),
                        whole.end(),
                        total,
                        c.name("what").map(|m| m.range()),
                    )
                })
                .collect();
            assert_eq!(a, b, "{text}");
            assert_eq!(ours.is_match(text), theirs.is_match(text));
            let first = ours.captures(text).map(|f| f.whole());
            assert_eq!(first, theirs.find(text).map(|m| m.as_str()));
        }
    }
}

//! A cursor for the genre's short grammars: label lines, date phrases,
//! responsible lines.
//!
//! Takes a line of text; gives where a phrase of the vocabulary, a run of
//! spaces, of digits or one character matched. The parser's small
//! grammars ("Status per 31.12.2024:", "i løpet av 2024", "KD (med HOD)")
//! are written with it in plain code instead of regexes: building a
//! Unicode regex from the vocabulary's word lists cost more than reading a
//! whole 5-page report, and these grammars need none of a regex engine's
//! generality.
//!
//! The matchers mean what the regexes they replace meant, and their tests
//! hold them to that: `\s` is Unicode white space, a phrase's space is
//! `\s+`, alternatives are tried in the vocabulary's order and the first
//! that lets the rest match wins (a regex's leftmost-first rule), so a
//! caller passes "the rest" as a closure to [`Scan::first_phrase`].

/// Whether letters are compared as written or case-folded (`(?i)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// "Status" matches only "Status".
    Exact,
    /// "i samarbeid med" matches "I samarbeid MED".
    Fold,
}

/// A position in a text; every step gives a new position or none.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scan<'a> {
    text: &'a str,
    at: usize,
}

/// A word character for word boundaries: letters, digits, `_` and
/// combining marks, as a regex's Unicode `\w` (the few numeric symbols
/// such as "½" where the two differ do not occur next to the genre's words).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{300}'..='\u{36f}').contains(&c)
}

fn same(a: char, b: char, case: Case) -> bool {
    a == b
        || (case == Case::Fold
            && if a.is_ascii() && b.is_ascii() {
                a.eq_ignore_ascii_case(&b)
            } else {
                a.to_lowercase().eq(b.to_lowercase())
            })
}

impl<'a> Scan<'a> {
    /// The start of `text`.
    pub fn new(text: &'a str) -> Scan<'a> {
        Scan { text, at: 0 }
    }

    /// Byte offset `at` of `text` (a char boundary).
    pub fn at(text: &'a str, at: usize) -> Scan<'a> {
        debug_assert!(text.is_char_boundary(at));
        Scan { text, at }
    }

    /// The byte offset in the text.
    pub fn pos(self) -> usize {
        self.at
    }

    /// What is left to read.
    pub fn rest(self) -> &'a str {
        &self.text[self.at..]
    }

    /// The text from `self` up to `end`.
    pub fn to(self, end: Scan<'a>) -> &'a str {
        &self.text[self.at..end.at]
    }

    /// Whether the whole text has been read (`$`).
    pub fn is_end(self) -> bool {
        self.at == self.text.len()
    }

    fn next_char(self) -> Option<char> {
        self.rest().chars().next()
    }

    fn prev_char(self) -> Option<char> {
        self.text[..self.at].chars().next_back()
    }

    fn skip(self, bytes: usize) -> Scan<'a> {
        Scan {
            at: self.at + bytes,
            ..self
        }
    }

    /// Past a run of white space, perhaps empty (`\s*`).
    pub fn spaces(self) -> Scan<'a> {
        let rest = self.rest();
        self.skip(rest.len() - rest.trim_start().len())
    }

    /// Past a run of at least one white space (`\s+`).
    pub fn spaces1(self) -> Option<Scan<'a>> {
        let after = self.spaces();
        (after.at > self.at).then_some(after)
    }

    /// Past the character `c`.
    pub fn char(self, c: char) -> Option<Scan<'a>> {
        self.rest().starts_with(c).then(|| self.skip(c.len_utf8()))
    }

    /// Past one character that `wanted` accepts.
    pub fn char_if(self, wanted: impl Fn(char) -> bool) -> Option<Scan<'a>> {
        self.next_char()
            .filter(|&c| wanted(c))
            .map(|c| self.skip(c.len_utf8()))
    }

    /// Past `c` if it is next, else here (`c?`).
    pub fn maybe(self, c: char) -> Scan<'a> {
        self.char(c).unwrap_or(self)
    }

    /// Past `min..=max` ASCII digits, as many as there are. Greedy without
    /// giving any back, which is what a regex does wherever what follows
    /// the digits cannot itself start with a digit, as in every grammar
    /// here.
    pub fn digits(self, min: usize, max: usize) -> Option<Scan<'a>> {
        let n = self
            .rest()
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        (n >= min).then(|| self.skip(n))
    }

    /// Past up to `max` characters that `wanted` accepts, as many as there
    /// are (greedy, as [`Scan::digits`]).
    pub fn run(self, max: usize, wanted: impl Fn(char) -> bool) -> Scan<'a> {
        let len = self
            .rest()
            .chars()
            .take(max)
            .take_while(|&c| wanted(c))
            .map(char::len_utf8)
            .sum();
        self.skip(len)
    }

    /// Whether a word starts or ends here (`\b`).
    pub fn is_boundary(self) -> bool {
        self.prev_char().is_some_and(is_word) != self.next_char().is_some_and(is_word)
    }

    /// Whether the next character may be the first of `word`: a quick
    /// test on the first byte, since most tries fail right there.
    fn may_start(self, word: &str, case: Case) -> bool {
        match (word.as_bytes().first(), self.rest().as_bytes().first()) {
            (Some(w), Some(r)) if w.is_ascii() && r.is_ascii() => {
                w == r || (case == Case::Fold && w.eq_ignore_ascii_case(r))
            }
            (Some(_), None) => false,
            _ => true,
        }
    }

    /// Whether a word starts here: a boundary before a word character.
    pub fn starts_word(self) -> bool {
        self.next_char().is_some_and(is_word) && !self.prev_char().is_some_and(is_word)
    }

    /// Past the literal `word`.
    pub fn word(self, word: &str, case: Case) -> Option<Scan<'a>> {
        if !self.may_start(word, case) {
            return None;
        }
        if case == Case::Exact {
            return self.rest().starts_with(word).then(|| self.skip(word.len()));
        }
        let rest = self.rest().as_bytes();
        if word.is_ascii() && rest.len() >= word.len() && rest[..word.len()].is_ascii() {
            let same = rest[..word.len()].eq_ignore_ascii_case(word.as_bytes());
            return same.then(|| self.skip(word.len()));
        }
        let mut rest = self.rest().char_indices();
        for w in word.chars() {
            let (_, c) = rest.next()?;
            if !same(w, c, case) {
                return None;
            }
        }
        Some(self.skip(rest.next().map_or(self.rest().len(), |(i, _)| i)))
    }

    /// Past `phrase`, whose words may be apart by any white space.
    pub fn phrase(self, phrase: &str, case: Case) -> Option<Scan<'a>> {
        if !self.may_start(phrase, case) {
            return None;
        }
        let mut words = phrase.split_whitespace();
        let mut at = self.word(words.next()?, case)?;
        for word in words {
            at = at.spaces1()?.word(word, case)?;
        }
        Some(at)
    }

    /// `then` after the first of `phrases` that matches here and for
    /// which `then` gives an answer.
    pub fn first_phrase<R>(
        self,
        phrases: &[&str],
        case: Case,
        mut then: impl FnMut(Scan<'a>) -> Option<R>,
    ) -> Option<R> {
        phrases
            .iter()
            .filter_map(|p| self.phrase(p, case))
            .find_map(&mut then)
    }

    /// The rest of the line when no line break is left in it (`.*$`).
    pub fn line_end(self) -> Option<&'a str> {
        let rest = self.rest();
        (!rest.contains('\n')).then_some(rest)
    }

    /// Every match of `grammar` from here on, left to right, none
    /// overlapping (a regex's `find_iter`): the grammar is tried at each
    /// position and gives where its match ends and what it read.
    pub fn matches<R>(
        self,
        mut grammar: impl FnMut(Scan<'a>) -> Option<(Scan<'a>, R)>,
    ) -> impl Iterator<Item = (Scan<'a>, Scan<'a>, R)> {
        let mut from = Some(self);
        std::iter::from_fn(move || {
            let found = from?.positions().find_map(|start| {
                let (end, read) = grammar(start)?;
                Some((start, end, read))
            });
            // The next search starts where this match ends; after an empty
            // match, one character on, as a regex's does.
            from = found.as_ref().and_then(|(start, end, _)| {
                if end.at > start.at {
                    Some(*end)
                } else {
                    start.positions().nth(1)
                }
            });
            found
        })
    }

    /// Every position from here to the end, left to right, on char
    /// boundaries (where a search tries a match).
    pub fn positions(self) -> impl Iterator<Item = Scan<'a>> {
        self.rest()
            .char_indices()
            .map(move |(i, _)| self.skip(i))
            .chain(std::iter::once(self.skip(self.rest().len())))
    }
}

/// Deterministic random text for the tests that hold a matcher to the
/// regex it replaced: xorshift64 over a grammar's pieces.
#[cfg(test)]
pub(crate) struct Shuffle(u64);

#[cfg(test)]
impl Shuffle {
    /// A sequence from `seed` (not zero).
    pub fn new(seed: u64) -> Shuffle {
        Shuffle(seed)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One of `pieces`.
    pub fn pick<'p>(&mut self, pieces: &[&'p str]) -> &'p str {
        pieces[self.below(pieces.len())]
    }

    /// One to `most` pieces, each followed by a space once in `space_in`
    /// times (never when `None`).
    pub fn text(&mut self, pieces: &[&str], most: usize, space_in: Option<usize>) -> String {
        let mut text = String::new();
        for _ in 0..1 + self.below(most) {
            text.push_str(self.pick(pieces));
            if space_in.is_some_and(|n| self.below(n) == 0) {
                text.push(' ');
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps() {
        let s = Scan::new("Status  per 31.12.2024: Pågående");
        let after = s.word("Status", Case::Exact).unwrap();
        assert_eq!(after.rest(), "  per 31.12.2024: Pågående");
        assert!(s.word("status", Case::Exact).is_none());
        assert_eq!(s.word("STATUS", Case::Fold).unwrap().pos(), 6);
        let date = after.spaces1().unwrap().phrase("per", Case::Exact).unwrap();
        let day = date.spaces1().unwrap().digits(1, 2).unwrap();
        assert_eq!(day.rest(), ".12.2024: Pågående");
        assert!(date.digits(1, 2).is_none());
        assert!(after.is_boundary() && !Scan::at("Status", 3).is_boundary());
        assert!(Scan::at("på vei", 3).is_boundary(), "å is a letter");
        assert_eq!(
            Scan::new("I  SAMARBEID med KD")
                .phrase("i samarbeid med", Case::Fold)
                .map(Scan::rest),
            Some(" KD")
        );
        assert!(
            Scan::new("isamarbeid med")
                .phrase("i samarbeid med", Case::Fold)
                .is_none()
        );
        assert_eq!(
            Scan::new("ØST").word("øst", Case::Fold).map(|s| s.pos()),
            Some(4)
        );
        assert_eq!(
            Scan::new("TOTALT 3")
                .word("totalt", Case::Fold)
                .map(|s| s.pos()),
            Some(6)
        );
        assert!(Scan::new("høst").word("host", Case::Fold).is_none());
        assert!(Scan::new("to").word("tot", Case::Fold).is_none());
        assert!(Scan::new("Høsten").phrase("høsten", Case::Fold).is_some());
        assert!(Scan::at("a ord", 2).starts_word() && !Scan::at("a ord", 1).starts_word());
        assert_eq!(Scan::new("a\nb").line_end(), None);
        assert_eq!(Scan::new("a b").positions().count(), 4);
    }

    #[test]
    fn the_first_alternative_that_lets_the_rest_match_wins() {
        // "Ansvarlig" matches first but leaves "e:"; "Ansvarlige" is next.
        let labels = ["Ansvarlig", "Ansvarlige", "Ansvar"];
        let value = Scan::new("Ansvarlige: KD").first_phrase(&labels, Case::Exact, |s| {
            s.spaces().char(':').map(|s| s.spaces().rest())
        });
        assert_eq!(value, Some("KD"));
        let none = Scan::new("Ansvaret er delt").first_phrase(&labels, Case::Exact, |s| {
            s.spaces().char(':').map(Scan::rest)
        });
        assert_eq!(none, None);
    }
}

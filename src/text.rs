//! Characters, words, hyphens and sentences: the one place that decides
//! what a word of a report is.
//!
//! Takes text (a cell of a document, a title, a progress paragraph) and
//! gives its canonical characters ([`normalise_characters`]), its running
//! form with layout line breaks joined ([`join_lines`]), its words
//! ([`words`]: each with the form a reader sees and the key comparisons
//! use) and its sentences ([`sentences`]). Every later stage compares text
//! through these, so a word broken at a line end, a soft hyphen or a double
//! space is never a difference anywhere, and a Norwegian suspended hyphen
//! ("volds- og trusselutsatte") always stays one.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::vocab;

/// The soft hyphen: at a line end, a break the producer made; inside a
/// line, a printed hyphen the producer mapped to U+00AD.
const SOFT_HYPHEN: char = '\u{00ad}';

/// Dashes that join a span of numbers ("2023-2024", "2023–2024").
pub const DASHES: [char; 2] = ['-', '–'];

/// Quotes and brackets that may close a sentence after its full stop.
const CLOSERS: [char; 4] = ['»', ')', '"', '”'];

// ---------------------------------------------------------------- characters

/// Character-level rules that need no context: Unicode NFC, ligatures
/// expanded, list bullets unified to `•`, odd spaces made plain, invisible
/// characters dropped. Soft hyphens stay for [`join_lines`], which sees
/// the line ends that decide them.
pub fn normalise_characters(text: &str) -> String {
    let composed = compose_spacing_accents(text);
    let mut out = String::with_capacity(text.len());
    for c in composed.nfc() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            // Private-use bullets from Symbol/Wingdings fonts and the usual
            // typographic ones all mean "list item".
            '\u{f0b7}' | '\u{f0a7}' | '\u{2022}' | '\u{25aa}' | '\u{25cf}' | '\u{2023}'
            | '\u{2043}' | '\u{25e6}' => out.push('•'),
            '\u{00a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => {
                out.push(' ')
            }
            '\u{200b}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The combining mark of a spacing accent that TeX and some other producers
/// draw as a glyph of its own next to the letter ("Sko¨ld", "p˚a"). The
/// acute is left out: "´" also stands for an apostrophe ("Norway´s").
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '\u{a8}' => '\u{308}',
        '\u{2da}' => '\u{30a}',
        '\u{2c6}' => '\u{302}',
        '\u{2dc}' => '\u{303}',
        '\u{2c7}' => '\u{30c}',
        '\u{b8}' => '\u{327}',
        '\u{2d8}' => '\u{306}',
        '\u{2d9}' => '\u{307}',
        _ => return None,
    })
}

/// One character for `letter` with `mark`, if Unicode has it.
fn compose(letter: char, mark: char) -> Option<char> {
    let mut composed = [letter, mark].into_iter().nfc();
    let first = composed.next()?;
    (composed.next().is_none() && letter.is_alphabetic()).then_some(first)
}

/// Joins a spacing accent to the letter it stands over: the letter before
/// it where they compose ("Sko¨ld" → "Sköld"), else the letter after it
/// ("p˚a" → "på"); an accent that composes with neither stays.
fn compose_spacing_accents(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| combining(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(mark) = combining(c) {
            let before = out.last().and_then(|&prev| compose(prev, mark));
            let after = chars.get(i + 1).and_then(|&next| compose(next, mark));
            // Where both compose, the common letter wins: "st¨a" is "stä",
            // not "ẗa"; "o¨l" is "öl".
            let common = |c: &Option<char>| c.is_some_and(|c| ('\u{c0}'..='\u{17f}').contains(&c));
            let take_after =
                after.is_some() && (before.is_none() || (common(&after) && !common(&before)));
            match (before, after) {
                (_, Some(composed)) if take_after => {
                    out.push(composed);
                    i += 2;
                    continue;
                }
                (Some(composed), _) => {
                    if let Some(last) = out.last_mut() {
                        *last = composed;
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out.into_iter().collect())
}

/// Collapses runs of whitespace to one space and trims; keeps a space after
/// a leading bullet.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if let Some(rest) = out.strip_prefix('•')
        && !rest.starts_with(' ')
        && !rest.is_empty()
    {
        return format!("• {rest}");
    }
    // Producers mark list items with a square or a circle as well: one
    // marker. A dash is left alone: a line of running text may start with
    // one ("Lærelyst – tidlig innsats" broken before the dash).
    for marker in LIST_MARKERS {
        if let Some(rest) = out.strip_prefix(marker)
            && rest.starts_with(' ')
            && rest.len() > 1
        {
            return format!("•{rest}");
        }
    }
    out
}

/// Glyphs that start a list item as "•" does.
const LIST_MARKERS: [&str; 4] = ["▪", "◦", "‣", "∙"];

// ---------------------------------------------------------------- line-end hyphens

/// How often each word occurs in a document: the evidence that decides a
/// hyphen at a line end.
pub struct Lexicon {
    counts: HashMap<String, usize>,
}

impl Lexicon {
    /// Counts the words of `texts` (cells, whose lines are separated by
    /// `\n`), leaving out fragments at line ends: those are what is being
    /// decided.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let mut counts = HashMap::new();
        for text in texts {
            for line in text.split('\n') {
                let words: Vec<&str> = line.split_whitespace().collect();
                for (i, word) in words.iter().enumerate() {
                    let last = i + 1 == words.len();
                    if last && (word.ends_with('-') || word.ends_with(SOFT_HYPHEN)) {
                        continue;
                    }
                    let key = lexicon_key(word);
                    if !key.is_empty() {
                        *counts.entry(key).or_insert(0) += 1;
                    }
                }
            }
        }
        Lexicon { counts }
    }

    fn contains(&self, word: &str) -> bool {
        self.counts.contains_key(&lexicon_key(word))
    }
}

fn lexicon_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .trim_matches('-')
        .replace(SOFT_HYPHEN, "")
        .to_lowercase()
}

/// What a hyphen at the end of a line is.
#[derive(Debug, PartialEq, Eq)]
pub enum Hyphen {
    /// Inserted by hyphenation: remove it and join the halves.
    Break,
    /// Part of the word ("lhbtqi-personer", "2021-2024"): join, keep it.
    Keep,
    /// A Norwegian suspended hyphen ("volds- og"): keep it and the space.
    Suspended,
}

/// Decides a line-end hyphen between `fragment` (the word before it, without
/// the hyphen) and `next_word` (the first word of the next line).
///
/// A follower of a suspended hyphen ("og", "eller") settles it; otherwise
/// the document decides (the joined or the hyphenated form occurs
/// elsewhere); failing that, a plain lower-case fragment before a
/// lower-case word is a hyphenation break.
pub fn line_end_hyphen(fragment: &str, next_word: &str, lexicon: &Lexicon) -> Hyphen {
    let next_bare = next_word.trim_matches(|c: char| !c.is_alphanumeric());
    if is_suspension_follower(&next_bare.to_lowercase()) {
        return Hyphen::Suspended;
    }
    let joined = format!("{fragment}{next_word}");
    let hyphenated = format!("{fragment}-{next_word}");
    match (lexicon.contains(&joined), lexicon.contains(&hyphenated)) {
        (true, false) => return Hyphen::Break,
        (false, true) => return Hyphen::Keep,
        _ => {}
    }
    let starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
    let fragment_is_plain_word = fragment
        .chars()
        .skip(1)
        .all(|c| c.is_alphabetic() && c.is_lowercase());
    if starts_lower && fragment_is_plain_word {
        Hyphen::Break
    } else {
        Hyphen::Keep
    }
}

fn is_suspension_follower(word: &str) -> bool {
    vocab::SUSPENDED_HYPHEN_FOLLOWERS.contains(&word)
}

/// Joins the layout lines (`\n`) of one cell into running text, deciding
/// each line-end hyphen ([`line_end_hyphen`]), dropping soft hyphens at
/// line ends and printing those inside a line.
pub fn join_lines(cell: &str, lexicon: &Lexicon) -> String {
    let mut lines = cell.split('\n').map(|l| printed_soft_hyphens(l.trim()));
    let mut out = lines.next().unwrap_or_default().into_owned();
    for next in lines {
        let next = next.as_ref();
        if next.is_empty() {
            continue;
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        let next_word = next.split_whitespace().next().unwrap_or("");
        if let Some(stem) = out.strip_suffix(SOFT_HYPHEN) {
            // A soft hyphen at a line end is by definition a word break.
            out = format!("{stem}{next}");
        } else if breaks_inside_a_word(&out, next) {
            // "1.-" + "9. trinn", "og/" + "eller": the line broke inside
            // a range or a pair, not between words.
            out.push_str(next);
        } else if let Some(fragment) = hyphenated_fragment(&out) {
            let fragment = fragment.to_string();
            match line_end_hyphen(&fragment, next_word, lexicon) {
                Hyphen::Break => {
                    out.pop();
                    out.push_str(next);
                }
                Hyphen::Keep => out.push_str(next),
                Hyphen::Suspended => {
                    out.push(' ');
                    out.push_str(next);
                }
            }
        } else if out.is_empty() {
            out.push_str(next);
        } else {
            out.push(' ');
            out.push_str(next);
        }
    }
    out.replace(SOFT_HYPHEN, "")
}

/// A soft hyphen inside a line, between two letters, was drawn: the
/// producer mapped a printed hyphen to U+00AD ("Lars\u{ad}Erik" is
/// "Lars-Erik" on the page). Only at a line end is it a break.
fn printed_soft_hyphens(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(SOFT_HYPHEN) {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = chars.peek().is_some_and(|n| n.is_alphanumeric());
        out.push(if c == SOFT_HYPHEN && inside { '-' } else { c });
    }
    out.into()
}

/// Whether a line that ends in `line` broke inside a word that the next line
/// finishes: after a slash ("og/" "eller"), or after a hyphen that follows a
/// number ("1.-" "9."; "2021-" "2024" is decided by [`line_end_hyphen`]).
fn breaks_inside_a_word(line: &str, next: &str) -> bool {
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let next_starts = next.chars().next().is_some_and(|c| !c.is_whitespace());
    if last_word.len() > 1 && last_word.ends_with('/') && next_starts {
        return true;
    }
    last_word
        .strip_suffix('-')
        .is_some_and(|stem| stem.ends_with('.') && stem.starts_with(|c: char| c.is_ascii_digit()))
        && next.starts_with(|c: char| c.is_ascii_digit())
}

/// The word before a final hyphen ("kompetanse" of "om kompetanse-"), if
/// the text ends in a hyphen right after a letter or digit.
fn hyphenated_fragment(text: &str) -> Option<&str> {
    let stem = text.strip_suffix('-')?;
    if !stem.chars().last().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let start = stem
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"' || c == '/')
        .map_or(0, |i| i + 1);
    Some(&stem[start..])
}

/// Whether a word is only a hyphen, the kind hyphenation sets at a line end.
pub fn is_line_end_hyphen(word: &str) -> bool {
    matches!(word, "-" | "\u{ad}" | "\u{2010}")
}

/// Whether a line ends in a hyphen, so that its paragraph goes on in the
/// next line whatever the spacing says.
pub fn ends_with_hyphen(line: &str) -> bool {
    line.ends_with('-')
}

/// Mends a word hyphenated across a page break: `tail` is the last
/// paragraph of one page, `head` the first of the next. Returns the two
/// paragraphs with the broken fragment moved to the head, so the word is
/// whole on one side; `None` when there is nothing to mend (no broken
/// word, or a suspended hyphen).
pub fn mend_across(tail: &str, head: &str, lexicon: &Lexicon) -> Option<(String, String)> {
    let fragment = hyphenated_fragment(tail)?;
    if !head.starts_with(char::is_lowercase) {
        return None;
    }
    let next_word = head.split_whitespace().next().unwrap_or("");
    let joined = match line_end_hyphen(fragment, next_word, lexicon) {
        Hyphen::Break => format!("{fragment}{head}"),
        Hyphen::Keep => format!("{fragment}-{head}"),
        Hyphen::Suspended => return None,
    };
    let kept = tail[..tail.len() - fragment.len() - 1]
        .trim_end()
        .to_string();
    Some((kept, joined))
}

// ---------------------------------------------------------------- words

/// One word of a text: what a reader sees and what is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as shown: a word broken across a line end re-joined.
    pub text: String,
    /// The compared form: a hyphen before a lower-case letter dropped, so
    /// "kompetanse-heving", "kompetanse- heving" and "kompetanseheving"
    /// agree whichever way an earlier stage joined the line.
    pub key: String,
}

/// The tokenizer: splits text at white space into [`Word`]s, re-joining a
/// word hyphenated across a line end ("kompetanse- heving"), never a
/// suspended hyphen ("volds- og"); soft hyphens are dropped.
pub fn words(text: &str) -> Vec<Word> {
    let text = text.replace(SOFT_HYPHEN, "");
    let raw: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let token = raw[i];
        let next = raw.get(i + 1).copied().filter(|next| {
            token.len() > 1
                && token.ends_with('-')
                && next.chars().next().is_some_and(char::is_lowercase)
                && !is_suspension_follower(next)
        });
        let text = match next {
            Some(next) => {
                i += 1;
                let stem = &token[..token.len() - 1];
                // "NAV-\nkontor" keeps its hyphen; "kompetanse-\nheving" is one word.
                let keep = stem
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                format!("{stem}{}{next}", if keep { "-" } else { "" })
            }
            None => token.to_string(),
        };
        out.push(Word {
            key: word_key(&text),
            text,
        });
        i += 1;
    }
    out
}

fn word_key(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            !(c == '-' && i > 0 && chars.get(i + 1).is_some_and(|n| n.is_lowercase()))
        })
        .map(|(_, &c)| c)
        .collect()
}

/// The text with layout differences removed: its words joined by single spaces.
pub fn normalise(text: &str) -> String {
    let words: Vec<String> = words(text).into_iter().map(|w| w.text).collect();
    words.join(" ")
}

/// Whether two texts have the same words, layout ignored; case and
/// punctuation count, since they are the author's.
pub fn same_words(a: &str, b: &str) -> bool {
    let keys = |t: &str| words(t).into_iter().map(|w| w.key).collect::<Vec<_>>();
    keys(a) == keys(b)
}

/// The words of a label-like text (a title, a status, a name) as the checks
/// compare them: besides layout, punctuation at the end, dot leaders and
/// the case of the first letter are ignored, since a table of contents or
/// a table cell may differ there without saying anything else.
pub fn label_words(text: &str) -> Vec<Word> {
    let trimmed = text.trim_end_matches(|c: char| {
        c == '.' || c == '…' || c == ':' || c == ',' || c.is_whitespace()
    });
    let mut out = words(trimmed);
    if let Some(first) = out.first_mut() {
        first.key = lower_first(&first.key);
    }
    out
}

/// The compared form of a label-like text (see [`label_words`]): equal keys
/// mean the same label.
pub fn label_key(text: &str) -> String {
    let keys: Vec<String> = label_words(text).into_iter().map(|w| w.key).collect();
    keys.join(" ")
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The lower-case letter-and-digit runs of a text, for finding texts that
/// speak of the same things (title similarity, key words): "Lhbtqi-personer"
/// gives "lhbtqi" and "personer".
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

// ---------------------------------------------------------------- sentences

/// Splits running text into sentences, keeping abbreviations ("ca.",
/// "bl.a.", see [`vocab::ABBREVIATIONS`]) and ordinal dates ("1. januar")
/// inside their sentence.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // A closing quote or parenthesis may follow the full stop.
        let mut end = k;
        while chars
            .get(end + 1)
            .is_some_and(|&(_, c)| CLOSERS.contains(&c))
        {
            end += 1;
        }
        let (Some(&(_, space)), Some(&(_, after))) = (chars.get(end + 1), chars.get(end + 2))
        else {
            continue;
        };
        let starts_sentence =
            after.is_uppercase() || after == '«' || after == '•' || after.is_ascii_digit();
        if !space.is_whitespace() || !starts_sentence {
            continue;
        }
        let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let word = text[word_start..i].to_lowercase();
        if vocab::ABBREVIATIONS.contains(&word.as_str()) {
            continue;
        }
        let (close, c) = chars[end];
        let stop = close + c.len_utf8();
        out.push(text[start..stop].trim());
        start = stop;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(text: &str, context: &str) -> String {
        let lexicon = Lexicon::of([context]);
        collapse_whitespace(&join_lines(&normalise_characters(text), &lexicon))
    }

    #[test]
    fn suspended_hyphens_survive_line_ends() {
        assert_eq!(
            join("er volds-\nog trusselutsatte", ""),
            "er volds- og trusselutsatte"
        );
        assert_eq!(
            join("i helse-\nog omsorgstjenesten", ""),
            "i helse- og omsorgstjenesten"
        );
        assert_eq!(
            join("lærer-, helse-\neller sosialfag", ""),
            "lærer-, helse- eller sosialfag"
        );
        assert_eq!(
            join("Barne- og familiedepartementet", ""),
            "Barne- og familiedepartementet"
        );
    }

    #[test]
    fn real_hyphens_survive_line_ends() {
        assert_eq!(join("perioden 2021-\n2024", ""), "perioden 2021-2024");
        assert_eq!(
            join("hvordan lhbtqi-\npersoner med", "lhbtqi-personer er nevnt"),
            "hvordan lhbtqi-personer med"
        );
        assert_eq!(join("lokale NAV-\nkontorer", ""), "lokale NAV-kontorer");
    }

    #[test]
    fn ranges_and_pairs_broken_at_a_line_end_are_one_word() {
        assert_eq!(join("for 1.-\n9. trinn", ""), "for 1.-9. trinn");
        assert_eq!(
            join("ansatte og/\neller frivillige", ""),
            "ansatte og/eller frivillige"
        );
        // A slash standing alone is a word of its own.
        assert_eq!(join("AID /\nBFD", ""), "AID / BFD");
    }

    #[test]
    fn hyphenation_breaks_are_mended() {
        assert_eq!(join("kompetanse-\nheving i", ""), "kompetanseheving i");
        assert_eq!(
            join("tverr-\nsektoriell", "en tverrsektoriell innsats"),
            "tverrsektoriell"
        );
        // The hyphenated form occurs elsewhere, so the hyphen is real.
        assert_eq!(
            join("for ikke-\ndiskriminering", "og ikke-diskriminering"),
            "for ikke-diskriminering"
        );
    }

    #[test]
    fn soft_hyphens_ligatures_bullets_and_spaces() {
        // Drawn inside a line it is a printed hyphen; at a line end, a break.
        assert_eq!(
            join("Lars\u{ad}Erik og QR\u{ad}koder", ""),
            "Lars-Erik og QR-koder"
        );
        assert_eq!(join("kunn\u{ad}\nskap", ""), "kunnskap");
        assert_eq!(join("kunn\u{ad} \nskap", ""), "kunnskap");
        assert_eq!(normalise_characters("\u{fb01}nne \u{fb02}yt"), "finne flyt");
        assert_eq!(normalise_characters("\u{fb03}\u{fb04}"), "ffiffl");
        assert_eq!(
            collapse_whitespace(&normalise_characters("\u{f0b7}\tStyrke")),
            "• Styrke"
        );
        assert_eq!(collapse_whitespace("▪  Styrke"), "• Styrke");
        assert_eq!(collapse_whitespace("– tidlig innsats"), "– tidlig innsats");
        assert_eq!(collapse_whitespace("2021-2024"), "2021-2024");
        assert_eq!(normalise_characters("a\u{30a}r"), "år");
        // Accents drawn as glyphs of their own, before or after the letter.
        assert_eq!(
            normalise_characters("Sko\u{a8}ld og p\u{2da}a Ageˆncia"),
            "Sköld og på Agência"
        );
        assert_eq!(
            normalise_characters("Norway\u{b4}s \u{a8} alene"),
            "Norway\u{b4}s \u{a8} alene"
        );
        assert_eq!(
            collapse_whitespace("  1\u{a0}137   saker \n"),
            "1 137 saker"
        );
        assert_eq!(
            collapse_whitespace(&normalise_characters("  1\u{a0}137 saker")),
            "1 137 saker"
        );
    }

    #[test]
    fn words_across_page_breaks_are_mended() {
        let lexicon = Lexicon::of([""]);
        assert_eq!(
            mend_across("Det gjelder kompetanse-", "heving i tjenestene", &lexicon),
            Some(("Det gjelder".into(), "kompetanseheving i tjenestene".into()))
        );
        assert_eq!(mend_across("Barne-", "og familie", &lexicon), None);
        assert_eq!(mend_across("Slutt.", "neste side", &lexicon), None);
    }

    #[test]
    fn reflow_is_not_a_difference() {
        assert!(same_words(
            "heve kompetanseheving i\ntjenestene",
            "heve  kompetanse-\nheving i tjenestene"
        ));
        assert!(same_words(
            "volds- og trusselutsatte",
            "volds-\nog trusselutsatte"
        ));
        assert!(!same_words(
            "volds- og trusselutsatte",
            "volds og trusselutsatte"
        ));
        assert!(same_words("NAV-\nkontor", "NAV-kontor"));
        assert!(same_words("kompe\u{ad}tanse", "kompetanse"));
        assert!(!same_words("Det er viktig", "det er viktig"));
        assert_eq!(normalise("lokale NAV- kontorer"), "lokale NAV-kontorer");
    }

    #[test]
    fn labels_ignore_only_non_differences() {
        let same = |a: &str, b: &str| label_key(a) == label_key(b);
        assert!(same("Innsatsområde 2.", "Innsatsområde 2:"));
        assert!(same("Om denne rapporten:.....", "Om denne rapporten"));
        assert!(same(
            "Styrke  det\nnordiske samarbeidet",
            "styrke det nordiske samarbeidet."
        ));
        assert!(same("Styrke kompetanse- heving", "Styrke kompetanseheving"));
        // A TOC entry wrapped after a real hyphen is the heading's word.
        assert!(same("hvordan lhbtqi- personer", "hvordan lhbtqi-personer"));
        assert!(!same("volds- og trusselutsatte", "voldsog trusselutsatte"));
        assert!(!same(
            "Styrke det nordisk samarbeidet",
            "Styrke det nordiske samarbeidet"
        ));
        assert!(!same("Videreføre TryggEst", "Videreføre Tryggest"));
    }

    #[test]
    fn sentence_split_keeps_abbreviations_and_dates() {
        let s = sentences(
            "Det vil gjennomføres ca. 20 intervjuer. Loven trådte i kraft 1. januar 2021. Ferdig.",
        );
        assert_eq!(
            s,
            [
                "Det vil gjennomføres ca. 20 intervjuer.",
                "Loven trådte i kraft 1. januar 2021.",
                "Ferdig."
            ]
        );
        assert_eq!(
            sentences("«Sitat.» Neste setning."),
            ["«Sitat.»", "Neste setning."]
        );
    }

    #[test]
    fn terms_are_lower_case_runs() {
        let t: Vec<String> = terms("Lhbtqi-personer (2024)").collect();
        assert_eq!(t, ["lhbtqi", "personer", "2024"]);
    }
}

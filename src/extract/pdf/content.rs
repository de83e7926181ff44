//! A tolerant reading of content streams (a page's or a form's drawing
//! instructions), so that one bad token does not silently end a page.
//!
//! Takes the unpacked bytes of a content stream and, when known, the
//! resources it runs with; gives the same instructions re-encoded, minus
//! every token that does not parse and every instruction pdf-extract would
//! panic on (wrong operands, a font or drawing the resources lack), with a
//! count of what was dropped.
//!
//! Why: the PDF library's content parser stops at the first token it cannot
//! read and hands on what came before, without a word: one flipped byte cut
//! a progress text from 2 035 characters to 488. pdftotext skips the token
//! and goes on; so does this. It also bounds what one page may cost: more
//! than [`MAX_OPERATORS`] instructions is refused, graphics states nested
//! deeper than [`MAX_DEPTH`] are flattened (pdf-extract copies its whole
//! state on every `q`: 5 MB of `q ` took 2.9 GB).
//!
//! The PDF library's parser checks the result only where this lexer might
//! read a token differently from it (see [`Operand::sure`]): that check
//! cost as much as pdf-extract's own reading of the page. Hex strings are
//! written as literal strings, which the library reads several times
//! faster. Content with nothing to drop and every token sure, as a
//! producer wrote it, is passed on as it is after one pass that only
//! looks.

use super::prepare::deref;
use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::sync::{Arc, Mutex};

/// Most instructions one content stream may hold. The real reports draw
/// at most 8 000 per page, the busiest of 200 real-world PDFs 53 000;
/// pdf-extract holds each instruction at some hundreds of bytes.
pub const MAX_OPERATORS: usize = 250_000;

/// Deepest nesting of saved graphics states (`q`) kept; real files nest a
/// handful.
pub const MAX_DEPTH: usize = 256;

/// Deepest nesting of arrays and dictionaries inside one operand.
const MAX_NESTING: usize = 32;

/// Deepest nesting of parentheses in a literal string that the PDF library
/// is sure to read (it gives up at 100).
const MAX_PARENS: usize = 64;

/// What cleaning one content stream gave.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The instructions kept, one per line.
    pub bytes: Vec<u8>,
    /// Tokens and instructions dropped because they were damaged.
    pub skipped: usize,
    /// Instructions dropped because they name a font, drawing or graphics
    /// state the resources lack.
    pub missing: usize,
    /// `q`/`Q` pairs dropped for nesting deeper than [`MAX_DEPTH`].
    pub too_deep: usize,
    /// Characters shown in a font that has no glyph for them (no width):
    /// a damaged or swapped font, whose text comes out wrong or not at all.
    pub foreign: usize,
}

/// Why a content stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// More than [`MAX_OPERATORS`] instructions.
    TooManyOperators,
}

/// The kind of one operand, as far as the checks need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Name,
    Text,
    Array,
    Other,
}

/// One operand: its bytes and kind.
struct Operand {
    start: usize,
    end: usize,
    kind: Kind,
    /// Whether the PDF library is sure to read it as this lexer does:
    /// names without `#` escapes (it ends a name at a bad one), strings
    /// nesting at most [`MAX_PARENS`] parentheses, dictionaries of name
    /// keys, and arrays and dictionaries of such. Where every operand of
    /// a stream is sure, the library's check of it is skipped.
    sure: bool,
}

/// Cleans one content stream; `resources` (when known) lets instructions
/// that name missing resources be dropped.
///
/// Content with nothing to drop or rewrite for the readers after this one
/// is given back as it came, after one pass that only looks: writing it out
/// again cost as much as reading it (a Skia or LibreOffice page shows each
/// glyph as a string of its own).
pub fn clean(
    doc: &Document,
    content: Vec<u8>,
    resources: Option<&Dictionary>,
    known: &FontCoverage,
) -> Result<Cleaned, Refusal> {
    // Comments and NUL or form feed as white space are for the rewriting
    // pass to remove: the content reader stops at them. (A `%` inside a
    // string sends the stream there too, needlessly but safely.)
    // The fonts met are read once for both passes.
    let mut fonts = Fonts::new(known);
    if memchr::memchr3(b'%', b'\0', b'\x0c', &content).is_none()
        && let Some(looked) = lex(doc, &content, resources, &mut fonts, Pass::Look)?
    {
        return Ok(Cleaned {
            bytes: content,
            ..looked.out
        });
    }
    let Some(mut lexed) = lex(doc, &content, resources, &mut fonts, Pass::Rewrite)? else {
        unreachable!("the rewriting pass always gives its result")
    };
    // The PDF library must read every kept instruction; where this lexer
    // and its parser disagree, the instructions it refuses are dropped one
    // by one rather than letting it stop there. Its parse costs as much as
    // pdf-extract's own reading of the page, so it is skipped when every
    // token is of a form both read alike.
    if lexed.vouched {
        return Ok(lexed.out);
    }
    let (bytes, dropped) = verified(&lexed.out.bytes, lexed.kept);
    if let Some(bytes) = bytes {
        lexed.out.bytes = bytes;
        lexed.out.skipped += dropped;
    }
    Ok(lexed.out)
}

/// How [`lex`] goes over a content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Looks only: whether the stream may go on as it is, every
    /// instruction kept unchanged and every token one the PDF library
    /// reads alike; gives up at the first that is not.
    Look,
    /// Writes the instructions kept, one per line.
    Rewrite,
}

/// A content stream as this lexer reads it, before the PDF library's check.
struct Lexed {
    out: Cleaned,
    /// Instructions kept.
    kept: usize,
    /// Whether the PDF library is sure to read every kept instruction as
    /// this lexer does (see [`Operand::sure`]).
    vouched: bool,
}

/// Reads the instructions of a content stream, keeping the sound ones;
/// `None` when a [`Pass::Look`] found the stream must be rewritten.
/// `fonts` keeps what it learns of the resources' fonts for another pass.
fn lex(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    fonts: &mut Fonts<'_>,
    pass: Pass,
) -> Result<Option<Lexed>, Refusal> {
    let write = pass == Pass::Rewrite;
    let mut lexed = Lexed {
        out: Cleaned {
            bytes: Vec::with_capacity(if write {
                content.len() + content.len() / 8
            } else {
                0
            }),
            ..Cleaned::default()
        },
        kept: 0,
        vouched: true,
    };
    let out = &mut lexed.out;
    let mut lexer = Lexer { b: content, at: 0 };
    let mut operands: Vec<Operand> = Vec::new();
    let mut operators = 0usize;
    let mut depth = Depth::default();
    fonts.current = None;
    while let Some(token) = lexer.next() {
        match token {
            Token::Operand(operand) => operands.push(operand),
            Token::Bad if !write => return Ok(None),
            Token::Bad => out.skipped += 1,
            Token::InlineImage(..) if !write => return Ok(None),
            Token::InlineImage(start, end) => {
                lexed.vouched = false;
                operators += 1;
                operands.clear();
                out.bytes.extend_from_slice(&content[start..end]);
                out.bytes.push(b'\n');
                lexed.kept += 1;
            }
            Token::Operator(start, end) => {
                operators += 1;
                if operators > MAX_OPERATORS {
                    return Err(Refusal::TooManyOperators);
                }
                let op = &content[start..end];
                let given = operands.len();
                let judged = verdict(doc, content, op, &mut operands, resources, &mut depth);
                let unchanged = matches!(judged, Verdict::Keep) && operands.len() == given;
                let sure = !risky_operator(op) && operands.iter().all(|o| o.sure);
                // Looking, anything dropped or changed means rewriting.
                let as_it_is = unchanged && sure;
                if !write && !as_it_is {
                    return Ok(None);
                }
                match judged {
                    Verdict::Keep => {
                        out.foreign += fonts.follow(doc, content, op, &operands, resources);
                        lexed.vouched &= sure;
                        if write {
                            lexer.write(&mut out.bytes, &operands, op);
                        }
                        lexed.kept += 1;
                    }
                    Verdict::Damaged => out.skipped += 1,
                    Verdict::Missing => out.missing += 1,
                    Verdict::TooDeep => out.too_deep += 1,
                }
                operands.clear();
            }
        }
    }
    // Operands no instruction takes are dropped too (pdftotext ignores
    // them); they are damage only when something was there.
    if !operands.is_empty() {
        if !write {
            return Ok(None);
        }
        out.skipped += 1;
    }
    Ok(Some(lexed))
}

/// Bytes of instructions the PDF library parses at a time in
/// [`verified`]: its parse of a whole large page would hold every
/// instruction at once (some hundreds of bytes each).
const CHUNK: usize = 64 * 1024;

/// Has the PDF library parse the kept instructions (`kept` of them, one
/// per line) chunk by chunk; gives `None` when it reads them all, else
/// the lines it reads and how many it did not.
fn verified(bytes: &[u8], kept: usize) -> (Option<Vec<u8>>, usize) {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = (start + CHUNK).min(bytes.len());
        while end < bytes.len() && bytes[end - 1] != b'\n' {
            end += 1;
        }
        chunks.push(&bytes[start..end]);
        start = end;
    }
    let counts: Vec<Option<usize>> = chunks
        .iter()
        .map(|c| Content::decode_strict(c).ok().map(|c| c.operations.len()))
        .collect();
    let lines = |c: &[u8]| c.iter().filter(|&&b| b == b'\n').count();
    let good = |(c, n): (&&[u8], &Option<usize>)| *n == Some(lines(c));
    if chunks.iter().zip(&counts).all(good) && counts.iter().flatten().sum::<usize>() == kept {
        return (None, 0);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut dropped = 0;
    for (chunk, count) in chunks.iter().zip(&counts) {
        if good((chunk, count)) {
            out.extend_from_slice(chunk);
        } else {
            let (lines, lost) = keep_parseable(chunk);
            out.extend(lines);
            dropped += lost;
        }
    }
    (Some(out), dropped)
}

/// The lines (one instruction each) the PDF library parses, and how many
/// it did not.
fn keep_parseable(bytes: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut dropped = 0;
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        match Content::decode_strict(line) {
            Ok(c) if c.operations.len() == 1 => {
                out.extend_from_slice(line);
                out.push(b'\n');
            }
            _ => dropped += 1,
        }
    }
    (out, dropped)
}

/// What to do with one instruction.
enum Verdict {
    Keep,
    Damaged,
    Missing,
    TooDeep,
}

/// Saved graphics states: how deep, and how many `q` were dropped beyond
/// [`MAX_DEPTH`] (their `Q` are dropped with them).
#[derive(Default)]
struct Depth {
    depth: usize,
    dropped: usize,
}

fn verdict(
    doc: &Document,
    content: &[u8],
    op: &[u8],
    operands: &mut Vec<Operand>,
    resources: Option<&Dictionary>,
    depth: &mut Depth,
) -> Verdict {
    match op {
        b"q" if depth.depth >= MAX_DEPTH => {
            depth.dropped += 1;
            return Verdict::TooDeep;
        }
        b"q" => depth.depth += 1,
        b"Q" if depth.dropped > 0 => {
            depth.dropped -= 1;
            return Verdict::TooDeep;
        }
        b"Q" => depth.depth = depth.depth.saturating_sub(1),
        // pdf-extract reads every operand of a colour as a number.
        b"sc" | b"scn" | b"SC" | b"SCN" => operands.retain(|o| o.kind == Kind::Number),
        _ => {}
    }
    let Some(wanted) = signature(op) else {
        return Verdict::Keep;
    };
    let fits = operands.len() >= wanted.len()
        && (op != b"cm" || operands.len() == 6)
        && wanted
            .iter()
            .zip(operands.iter())
            .all(|(w, o)| *w == Kind::Other || *w == o.kind);
    if !fits {
        return Verdict::Damaged;
    }
    let category: &[u8] = match op {
        b"Tf" => b"Font",
        b"Do" => b"XObject",
        b"gs" => b"ExtGState",
        _ => return Verdict::Keep,
    };
    let Some(resources) = resources else {
        return Verdict::Keep;
    };
    let name = &content[operands[0].start + 1..operands[0].end];
    if has_resource(doc, resources, category, &name_bytes(name)) {
        Verdict::Keep
    } else {
        Verdict::Missing
    }
}

/// The operands pdf-extract reads of an instruction without checking
/// them; `None` for instructions it reads nothing of.
fn signature(op: &[u8]) -> Option<&'static [Kind]> {
    use Kind::*;
    Some(match op {
        b"cm" | b"Tm" | b"c" => &[Number; 6],
        b"v" | b"y" | b"re" => &[Number; 4],
        b"Td" | b"TD" | b"m" | b"l" => &[Number; 2],
        b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"w" => &[Number],
        b"CS" | b"cs" | b"gs" | b"Do" => &[Name],
        b"Tf" => &[Name, Number],
        b"Tj" => &[Text],
        b"TJ" => &[Other],
        _ => return None,
    })
}

/// Whether `resources` has `name` in its `category` dictionary (following
/// one reference each, as pdf-extract does).
fn has_resource(doc: &Document, resources: &Dictionary, category: &[u8], name: &[u8]) -> bool {
    let Some(Object::Dictionary(dict)) = resources.get(category).ok().and_then(|o| deref(doc, o))
    else {
        return false;
    };
    match dict.get(name).ok().and_then(|o| deref(doc, o)) {
        Some(Object::Dictionary(_)) => category != b"XObject",
        Some(Object::Stream(_)) => category == b"XObject",
        _ => false,
    }
}

/// A name's bytes with `#xx` escapes decoded, as the PDF library reads it.
fn name_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(hex) = raw.get(i + 1..i + 3)
            && let Ok(text) = std::str::from_utf8(hex)
            && let Ok(byte) = u8::from_str_radix(text, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

/// One token of a content stream.
enum Token {
    Operand(Operand),
    /// An instruction's name, by its span.
    Operator(usize, usize),
    /// `BI … ID data EI`, by its span: passed on whole.
    InlineImage(usize, usize),
    /// Bytes that are no token.
    Bad,
}

struct Lexer<'a> {
    b: &'a [u8],
    at: usize,
}

/// What each byte is to the lexers: [`SPACE`], [`DELIMITER`] or regular
/// (0). A table: the lexers ask it of every byte of every page.
static CLASS: [u8; 256] = classes();

/// PDF white space, in [`CLASS`].
const SPACE: u8 = 1;
/// A delimiter, in [`CLASS`].
const DELIMITER: u8 = 2;

const fn classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let spaces = b" \t\r\n\x0c\0";
    let mut i = 0;
    while i < spaces.len() {
        table[spaces[i] as usize] = SPACE;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        table[delimiters[i] as usize] = DELIMITER;
        i += 1;
    }
    table
}

/// What a regular character is to a word ([`Lexer::word`]): a digit, a
/// dot, a sign, a character of instruction names, or another.
static KIND: [u8; 256] = kinds();

const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const DOT: u8 = 2;
const SIGN: u8 = 3;
const NAME_CHAR: u8 = 4;
/// White space or a delimiter: the end of a word.
const END: u8 = 5;

const fn kinds() -> [u8; 256] {
    let mut table = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = match c as u8 {
            b'0'..=b'9' => DIGIT,
            b'.' => DOT,
            b'+' | b'-' => SIGN,
            b'a'..=b'z' | b'A'..=b'Z' | b'*' | b'\'' | b'"' => NAME_CHAR,
            _ if CLASS[c] != 0 => END,
            _ => OTHER,
        };
        c += 1;
    }
    table
}

/// What a run of regular characters is: a number the PDF library reads
/// whole (`[+-]digits[.digits]` or `[+-].digits`, an integer fitting 64
/// bits), an instruction name it accepts (letters, `*`, `'`, `"`), or
/// neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Number,
    Operator,
    Other,
}

/// PDF white space (also the content reader's, inside operands).
pub(super) fn is_space(c: u8) -> bool {
    CLASS[c as usize] == SPACE
}

/// Neither white space nor a delimiter: part of a word, number or name.
pub(super) fn is_regular(c: u8) -> bool {
    CLASS[c as usize] == 0
}

impl Lexer<'_> {
    fn skip_space(&mut self) {
        loop {
            match self.b.get(self.at) {
                Some(&c) if is_space(c) => self.at += 1,
                Some(b'%') => {
                    let rest = &self.b[self.at..];
                    self.at += memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
                }
                _ => return,
            }
        }
    }

    /// The run of regular characters from `from`: where it ends and what
    /// it is, in one pass (a page holds some thousands of numbers; telling
    /// them apart in passes of their own cost more than finding them).
    fn word(&self, from: usize) -> (usize, Word) {
        let b = self.b;
        let mut i = from;
        let signed = b.get(i).is_some_and(|&c| KIND[c as usize] == SIGN);
        i += usize::from(signed);
        let (mut digits, mut dots, mut names, mut others) = (0usize, 0usize, 0usize, 0usize);
        while let Some(&c) = b.get(i) {
            match KIND[c as usize] {
                DIGIT => digits += 1,
                DOT => dots += 1,
                NAME_CHAR => names += 1,
                END => break,
                _ => others += 1,
            }
            i += 1;
        }
        let kind = if names + others > 0 {
            if !signed && digits + dots + others == 0 {
                Word::Operator
            } else {
                Word::Other
            }
        } else if digits > 0 && (dots == 1 || (dots == 0 && digits <= 18)) {
            Word::Number
        } else {
            Word::Other
        };
        (i, kind)
    }

    fn word_end(&self, from: usize) -> usize {
        let rest = &self.b[from..];
        from + rest
            .iter()
            .position(|&c| !is_regular(c))
            .unwrap_or(rest.len())
    }

    fn next(&mut self) -> Option<Token> {
        self.skip_space();
        let start = self.at;
        let &c = self.b.get(start)?;
        if matches!(c, b'(' | b'<' | b'[' | b'/') {
            return Some(match self.object(start, 0) {
                Some((end, kind, sure)) => {
                    self.at = end;
                    Token::Operand(Operand {
                        start,
                        end,
                        kind,
                        sure,
                    })
                }
                None => {
                    // Only the opening byte is dropped: what follows may
                    // be good instructions.
                    self.at = start + 1;
                    Token::Bad
                }
            });
        }
        if !is_regular(c) {
            self.at = start + 1;
            return Some(Token::Bad);
        }
        let (end, kind) = self.word(start);
        self.at = end;
        let operand = |kind| {
            Token::Operand(Operand {
                start,
                end,
                kind,
                sure: true,
            })
        };
        Some(match (kind, &self.b[start..end]) {
            (Word::Number, _) => operand(Kind::Number),
            (Word::Operator, b"true" | b"false" | b"null") => operand(Kind::Other),
            (Word::Operator, b"BI") => self.inline_image(start),
            (Word::Operator, _) => Token::Operator(start, end),
            (Word::Other, _) => Token::Bad,
        })
    }

    /// `BI` dictionary `ID` data `EI`: the data ends at the first `EI`
    /// between white space (as the PDF library finds it).
    fn inline_image(&mut self, start: usize) -> Token {
        let b = self.b;
        let Some(id) = b[self.at..]
            .windows(3)
            .position(|w| w[..2] == *b"ID" && is_space(w[2]))
            .map(|p| self.at + p + 3)
        else {
            self.at = b.len();
            return Token::Bad;
        };
        let ei = b[id..].windows(4).position(|w| {
            is_space(w[0]) && w[1..3] == *b"EI" && (is_space(w[3]) || !is_regular(w[3]))
        });
        match ei {
            Some(p) => {
                self.at = id + p + 3;
                Token::InlineImage(start, self.at)
            }
            None if b.ends_with(b"EI") && b.len() > id + 2 => {
                self.at = b.len();
                Token::InlineImage(start, b.len())
            }
            None => {
                self.at = b.len();
                Token::Bad
            }
        }
    }

    /// The end, kind and sureness (see [`Operand::sure`]) of the operand
    /// starting at `at`, or `None` when it does not parse.
    fn object(&self, at: usize, nesting: usize) -> Option<(usize, Kind, bool)> {
        let b = self.b;
        match *b.get(at)? {
            b'(' => self
                .literal(at)
                .map(|(end, parens)| (end, Kind::Text, parens <= MAX_PARENS)),
            b'<' if b.get(at + 1) == Some(&b'<') => self
                .container(at + 2, b">>", nesting)
                .map(|(end, sure)| (end, Kind::Other, sure)),
            b'<' => {
                let close = b[at..].iter().position(|&c| c == b'>')? + at;
                b[at + 1..close]
                    .iter()
                    .all(|&c| c.is_ascii_hexdigit() || is_space(c))
                    .then_some((close + 1, Kind::Text, true))
            }
            b'[' => self
                .container(at + 1, b"]", nesting)
                .map(|(end, sure)| (end, Kind::Array, sure)),
            b'/' => {
                let end = self.word_end(at + 1);
                Some((end, Kind::Name, !b[at + 1..end].contains(&b'#')))
            }
            c if is_regular(c) => match self.word(at) {
                (end, Word::Number) => Some((end, Kind::Number, true)),
                (end, Word::Operator) if matches!(&b[at..end], b"true" | b"false" | b"null") => {
                    Some((end, Kind::Other, true))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// A literal string: balanced parentheses, `\` escaping one byte. Gives
    /// its end and how deeply its parentheses nest.
    fn literal(&self, at: usize) -> Option<(usize, usize)> {
        let (mut depth, mut most) = (0usize, 0usize);
        let mut i = at;
        while let Some(&c) = self.b.get(i) {
            match c {
                b'\\' => i += 1,
                b'(' => {
                    depth += 1;
                    most = most.max(depth);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((i + 1, most));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The elements of an array or dictionary up to `close`: where it ends,
    /// and whether all of it is sure (a dictionary's keys names, each with
    /// a value).
    fn container(&self, from: usize, close: &[u8], nesting: usize) -> Option<(usize, bool)> {
        if nesting >= MAX_NESTING {
            return None;
        }
        let dictionary = close == b">>";
        let mut inner = Lexer {
            b: self.b,
            at: from,
        };
        let (mut sure, mut elements) = (true, 0usize);
        loop {
            inner.skip_space();
            if self.b[inner.at..].starts_with(close) {
                let paired = !dictionary || elements % 2 == 0;
                return Some((inner.at + close.len(), sure && paired));
            }
            let (end, kind, element_sure) = inner.object(inner.at, nesting + 1)?;
            let key = dictionary && elements % 2 == 0;
            sure &= element_sure && (!key || kind == Kind::Name);
            elements += 1;
            inner.at = end;
        }
    }
}

/// Content as [`clean`] gave it, with the font name of every `Tf` replaced
/// by what `rename` gives for it; `None` where one cannot be: a `Tf` not
/// of the form `/name size Tf`, a name with `#` escapes or one `rename`
/// does not know, or an inline image (whose data this lexer does not
/// read). All else is copied byte for byte.
pub(super) fn rename_fonts(
    content: &[u8],
    mut rename: impl FnMut(&[u8]) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(content.len() + content.len() / 16);
    let mut lexer = Lexer { b: content, at: 0 };
    let mut operands: Vec<Operand> = Vec::new();
    let mut copied = 0;
    while let Some(token) = lexer.next() {
        match token {
            Token::Operand(operand) => operands.push(operand),
            Token::Operator(start, end) => {
                if &content[start..end] == b"Tf" {
                    let [name, size] = operands.as_slice() else {
                        return None;
                    };
                    if name.kind != Kind::Name || !name.sure || size.kind != Kind::Number {
                        return None;
                    }
                    let new = rename(&content[name.start + 1..name.end])?;
                    out.extend_from_slice(&content[copied..name.start + 1]);
                    out.extend_from_slice(&new);
                    copied = name.end;
                }
                operands.clear();
            }
            Token::InlineImage(..) | Token::Bad => return None,
        }
    }
    out.extend_from_slice(&content[copied..]);
    Some(out)
}

/// Whether the PDF library might read an instruction name other than as
/// one instruction: it takes a leading `BI` for an inline image, and a
/// leading `null`, `true` or `false` for an operand.
fn risky_operator(op: &[u8]) -> bool {
    [&b"BI"[..], b"null", b"true", b"false"]
        .iter()
        .any(|p| op.starts_with(p))
}

/// Writes one byte of a literal string, escaped so that the PDF library
/// reads it back as that byte and the string stays on one line.
fn push_literal_byte(out: &mut Vec<u8>, c: u8) {
    match c {
        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', c]),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => out.push(c),
    }
}

/// Writes the hex string `raw` (`<` … `>`) as a literal string of the
/// same bytes: digits in pairs, white space ignored, an odd last digit
/// padded with 0, as the PDF library reads it.
fn write_hex_as_literal(out: &mut Vec<u8>, raw: &[u8]) {
    out.push(b'(');
    hex_bytes(raw, |b| push_literal_byte(out, b));
    out.push(b')');
}

/// The bytes of the hex string `raw` (`<` … `>`), each to `emit`, as the
/// PDF library reads them: digits in pairs, anything else skipped, an odd
/// last digit padded with 0.
pub(super) fn hex_bytes(raw: &[u8], mut emit: impl FnMut(u8)) {
    let mut high: Option<u8> = None;
    for &c in &raw[1..raw.len() - 1] {
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => continue,
        };
        match high.take() {
            None => high = Some(digit),
            Some(h) => emit(h << 4 | digit),
        }
    }
    if let Some(h) = high {
        emit(h << 4);
    }
}

impl Lexer<'_> {
    /// Writes one instruction on a line of its own: operands the PDF
    /// library is sure to read alike (see [`Operand::sure`]) rewritten,
    /// the others copied as they are.
    fn write(&self, out: &mut Vec<u8>, operands: &[Operand], op: &[u8]) {
        for o in operands {
            if o.sure {
                self.rewrite(out, o.start, o.end, o.kind, 0);
            } else {
                out.extend_from_slice(&self.b[o.start..o.end]);
            }
            out.push(b' ');
        }
        out.extend_from_slice(op);
        out.push(b'\n');
    }

    /// Writes the sure operand at `start..end` (of the `kind` this lexer
    /// gave it) on one line, hex strings as literal strings (the PDF
    /// library reads the same bytes from either, a literal string several
    /// times faster; Chromium writes every glyph as a hex string).
    fn rewrite(&self, out: &mut Vec<u8>, start: usize, end: usize, kind: Kind, nesting: usize) {
        let raw = &self.b[start..end];
        match kind {
            Kind::Text if raw[0] == b'<' => write_hex_as_literal(out, raw),
            Kind::Array => {
                out.push(b'[');
                let mut first = true;
                self.each_element(start + 1, end - 1, nesting, |s, e, k| {
                    if !std::mem::take(&mut first) {
                        out.push(b' ');
                    }
                    self.rewrite(out, s, e, k, nesting + 1);
                });
                out.push(b']');
            }
            Kind::Other if raw.starts_with(b"<<") => {
                out.extend_from_slice(b"<<");
                self.each_element(start + 2, end - 2, nesting, |s, e, k| {
                    out.push(b' ');
                    self.rewrite(out, s, e, k, nesting + 1);
                });
                out.extend_from_slice(b" >>");
            }
            // A line break inside a string would break the one instruction
            // per line that the check counts by (and drop the instruction).
            Kind::Text if raw.iter().any(|&c| c == b'\n' || c == b'\r') => {
                let mut bytes = Vec::new();
                string_bytes_into(raw, &mut bytes);
                out.push(b'(');
                for c in bytes {
                    push_literal_byte(out, c);
                }
                out.push(b')');
            }
            _ => out.extend_from_slice(raw),
        }
    }

    /// Calls `f` with the span and kind of each element of an array or
    /// dictionary (one this lexer has read whole) whose elements run from
    /// `from` to its closing bracket at `close`.
    fn each_element(
        &self,
        from: usize,
        close: usize,
        nesting: usize,
        mut f: impl FnMut(usize, usize, Kind),
    ) {
        let mut inner = Lexer {
            b: self.b,
            at: from,
        };
        loop {
            inner.skip_space();
            if inner.at >= close {
                return;
            }
            let Some((end, kind, _)) = inner.object(inner.at, nesting + 1) else {
                return;
            };
            f(inner.at, end, kind);
            inner.at = end;
        }
    }
}

/// What the current font has glyphs for, to count characters shown in a
/// font that lacks them.
struct Fonts<'k> {
    /// Coverage of each font name met so far in this stream.
    by_name: std::collections::HashMap<Vec<u8>, Arc<Coverage>>,
    /// Coverage of each font object met so far in the document.
    known: &'k FontCoverage,
    current: Option<Arc<Coverage>>,
    /// The bytes of the string being counted (kept to spare allocations).
    buffer: Vec<u8>,
}

/// What each font object of a document has glyphs for, worked out once
/// for all its content streams (on any thread): a composite font's
/// coverage takes unpacking and reading its ToUnicode CMap.
#[derive(Default)]
pub struct FontCoverage(Mutex<std::collections::HashMap<ObjectId, Arc<Coverage>>>);

impl FontCoverage {
    /// The coverage of the font named `name` in `resources`.
    fn of(&self, doc: &Document, resources: Option<&Dictionary>, name: &[u8]) -> Arc<Coverage> {
        let Some(value) = resources
            .and_then(|r| deref(doc, r.get(b"Font").ok()?))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok())
        else {
            return Arc::new(Coverage::Unknown);
        };
        let work_out = || {
            let font = deref(doc, value).and_then(|f| f.as_dict().ok());
            Arc::new(font.map_or(Coverage::Unknown, |f| coverage(doc, f)))
        };
        let Object::Reference(id) = value else {
            return work_out();
        };
        // A poisoned lock only means another thread panicked mid-insert;
        // the map itself is whole.
        let lock = || self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = lock().get(id) {
            return known.clone();
        }
        // Worked out outside the lock: two threads may both, harmlessly.
        let new = work_out();
        lock().insert(*id, new.clone());
        new
    }
}

/// The character codes a font has widths for.
enum Coverage {
    /// A simple font: one byte per code, widths from `first`.
    Simple { first: u32, widths: Vec<bool> },
    /// A composite font with two-byte codes (Identity-H) and these CIDs,
    /// one bit each.
    Composite(Vec<u64>),
    /// Cannot tell (a standard font, another encoding): nothing counted.
    Unknown,
}

impl<'k> Fonts<'k> {
    fn new(known: &'k FontCoverage) -> Self {
        Fonts {
            by_name: Default::default(),
            known,
            current: None,
            buffer: Vec::new(),
        }
    }

    /// Follows `Tf` and counts the characters of `Tj`/`TJ`/`'`/`"` the
    /// current font has no glyph for.
    fn follow(
        &mut self,
        doc: &Document,
        content: &[u8],
        op: &[u8],
        operands: &[Operand],
        resources: Option<&Dictionary>,
    ) -> usize {
        match op {
            b"Tf" => {
                let name = name_bytes(&content[operands[0].start + 1..operands[0].end]);
                let coverage = match self.by_name.get(&name) {
                    Some(known) => known.clone(),
                    None => {
                        let new = self.known.of(doc, resources, &name);
                        self.by_name.insert(name, new.clone());
                        new
                    }
                };
                self.current = Some(coverage);
                0
            }
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                let Some(coverage) = &self.current else {
                    return 0;
                };
                let Some(text) = operands.last() else {
                    return 0;
                };
                let mut missing = 0;
                for_each_string(content, text, |raw| {
                    string_bytes_into(raw, &mut self.buffer);
                    missing += coverage.missing(&self.buffer);
                });
                missing
            }
            _ => 0,
        }
    }
}

impl Coverage {
    fn missing(&self, bytes: &[u8]) -> usize {
        match self {
            Coverage::Simple { first, widths } => bytes
                .iter()
                .filter(|&&c| {
                    let at = (c as u32).checked_sub(*first);
                    !at.is_some_and(|at| widths.get(at as usize).copied().unwrap_or(false))
                })
                .count(),
            Coverage::Composite(cids) => bytes
                .chunks(2)
                .filter(|pair| {
                    let cid = pair.iter().fold(0usize, |n, &b| n << 8 | b as usize);
                    cids[cid / 64] & 1 << (cid % 64) == 0
                })
                .count(),
            Coverage::Unknown => 0,
        }
    }
}

/// What `font` has glyphs for.
fn coverage(doc: &Document, font: &Dictionary) -> Coverage {
    let number = |o: &Object| match deref(doc, o) {
        Some(Object::Integer(i)) => Some(*i as f64),
        Some(Object::Real(r)) => Some(*r as f64),
        _ => None,
    };
    if matches!(font.get(b"Subtype").and_then(Object::as_name), Ok(b"Type0")) {
        let identity = matches!(
            font.get(b"Encoding").and_then(Object::as_name),
            Ok(b"Identity-H")
        );
        let descendant = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(|d| deref(doc, d))
            .and_then(|d| d.as_array().ok())
            .and_then(|d| deref(doc, d.first()?))
            .and_then(|d| d.as_dict().ok());
        // Not /W: glyphs of the default width are left out of it. The
        // Unicode map lists what the font can give text for.
        let map = font.get(b"ToUnicode").ok().and_then(|m| deref(doc, m));
        return match map {
            Some(Object::Stream(map)) if identity && descendant.is_some() => {
                let budget = super::sanitise::Budget::new(16 * 1024 * 1024);
                match super::sanitise::unpack(map, &budget) {
                    Ok((bytes, false)) => {
                        // Two-byte codes: no CID past 0xFFFF is ever asked.
                        let mut bits = vec![0u64; 0x1_0000 / 64];
                        for cid in mapped_codes(&bytes).into_iter().filter(|&c| c <= 0xFFFF) {
                            bits[cid as usize / 64] |= 1 << (cid % 64);
                        }
                        Coverage::Composite(bits)
                    }
                    _ => Coverage::Unknown,
                }
            }
            _ => Coverage::Unknown,
        };
    }
    let first = font.get(b"FirstChar").ok().and_then(number);
    let widths = font
        .get(b"Widths")
        .ok()
        .and_then(|w| deref(doc, w))
        .and_then(|w| w.as_array().ok());
    match (first, widths) {
        (Some(first), Some(widths)) if first >= 0.0 && !widths.is_empty() => Coverage::Simple {
            first: first as u32,
            widths: widths
                .iter()
                .map(|w| number(w).is_some_and(|w| w > 0.0))
                .collect(),
        },
        _ => Coverage::Unknown,
    }
}

/// The codes a ToUnicode CMap maps (its `bfchar` and `bfrange` entries).
fn mapped_codes(cmap: &[u8]) -> std::collections::HashSet<u32> {
    let mut out = std::collections::HashSet::new();
    let text = String::from_utf8_lossy(cmap);
    let code = |t: &str| u32::from_str_radix(t.trim_matches(['<', '>']), 16).ok();
    for (begin, end, step) in [
        ("beginbfchar", "endbfchar", 2),
        ("beginbfrange", "endbfrange", 3),
    ] {
        for section in text.split(begin).skip(1) {
            let section = section.split(end).next().unwrap_or("");
            let entries = cmap_tokens(section);
            for entry in entries.chunks(step) {
                match (step, entry) {
                    (2, [src, _]) => out.extend(code(src)),
                    (3, [lo, hi, _]) => {
                        if let (Some(lo), Some(hi)) = (code(lo), code(hi)) {
                            out.extend(lo..=hi.min(lo.saturating_add(0xFFFF)));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// The `<hex>` tokens and `[ … ]` arrays (one token each) of a CMap section.
fn cmap_tokens(section: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = section;
    while let Some(at) = rest.find(['<', '[']) {
        let close = if rest[at..].starts_with('<') {
            '>'
        } else {
            ']'
        };
        let Some(end) = rest[at..].find(close) else {
            break;
        };
        out.push(&rest[at..at + end + 1]);
        rest = &rest[at + end + 1..];
    }
    out
}

/// Calls `f` with each string of a text operand: the string, or the
/// strings of an array.
fn for_each_string(content: &[u8], operand: &Operand, mut f: impl FnMut(&[u8])) {
    match operand.kind {
        Kind::Text => f(&content[operand.start..operand.end]),
        Kind::Array => {
            let lexer = Lexer { b: content, at: 0 };
            let mut at = operand.start + 1;
            while at < operand.end - 1 {
                let mut inner = Lexer { b: content, at };
                inner.skip_space();
                at = inner.at;
                if at >= operand.end - 1 {
                    break;
                }
                let Some((end, kind, _)) = lexer.object(at, 1) else {
                    break;
                };
                if kind == Kind::Text {
                    f(&content[at..end]);
                }
                at = end;
            }
        }
        _ => {}
    }
}

/// The bytes of a literal `( … )` or hex `< … >` string, into `out`
/// (emptied first).
fn string_bytes_into(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    if raw.first() == Some(&b'<') {
        hex_bytes(raw, |b| out.push(b));
        return;
    }
    let inner = &raw[1..raw.len() - 1];
    let mut i = 0;
    while i < inner.len() {
        let c = inner[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = inner.get(i) else { break };
        i += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut n = (e - b'0') as u32;
                for _ in 0..2 {
                    match inner.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            n = n * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(n as u8);
            }
            // A line break after a backslash continues the line.
            b'\r' => {
                if inner.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Stream;

    /// Whether a run of regular characters is a number the PDF library reads
    /// whole: `[+-]digits[.digits]` or `[+-].digits`, an integer fitting 64
    /// bits.
    fn is_number(word: &[u8]) -> bool {
        let digits = word
            .strip_prefix(b"+")
            .or(word.strip_prefix(b"-"))
            .unwrap_or(word);
        let (whole, fraction) = match digits.iter().position(|&c| c == b'.') {
            Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
            None => (digits, None),
        };
        let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        match fraction {
            None => !whole.is_empty() && whole.len() <= 18 && all_digits(whole),
            Some(f) => all_digits(whole) && all_digits(f) && !(whole.is_empty() && f.is_empty()),
        }
    }

    /// Whether a run of regular characters is an instruction name the PDF
    /// library accepts.
    fn is_operator(word: &[u8]) -> bool {
        word.iter()
            .all(|&c| c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"'))
    }

    /// A document with a composite font (Identity-H, CMap mapping codes 1
    /// to 3) as /F1 and a simple font (widths for `A` only) as /F2; and
    /// resources naming them.
    fn two_fonts() -> (Document, Dictionary) {
        let mut doc = Document::with_version("1.5");
        let cmap = b"1 beginbfrange\n<0001> <0003> <0041>\nendbfrange\n".to_vec();
        let cmap = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), cmap)));
        let descendant = doc.add_object(Object::Dictionary(Dictionary::new()));
        let mut composite = Dictionary::new();
        composite.set("Subtype", Object::Name(b"Type0".to_vec()));
        composite.set("Encoding", Object::Name(b"Identity-H".to_vec()));
        composite.set(
            "DescendantFonts",
            Object::Array(vec![Object::Reference(descendant)]),
        );
        composite.set("ToUnicode", Object::Reference(cmap));
        let composite = doc.add_object(Object::Dictionary(composite));
        let mut simple = Dictionary::new();
        simple.set("Subtype", Object::Name(b"TrueType".to_vec()));
        simple.set("FirstChar", Object::Integer(65));
        simple.set(
            "Widths",
            Object::Array(vec![Object::Integer(500), Object::Integer(0)]),
        );
        let simple = doc.add_object(Object::Dictionary(simple));
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(composite));
        fonts.set("F2", Object::Reference(simple));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        (doc, resources)
    }

    /// Characters a font has no glyph for are counted, each font's
    /// coverage worked out once for every stream of the document.
    #[test]
    fn characters_without_a_glyph_are_counted_per_font() {
        let (doc, resources) = two_fonts();
        let known = FontCoverage::default();
        let foreign = |content: &[u8]| {
            clean(&doc, content.to_vec(), Some(&resources), &known)
                .unwrap()
                .foreign
        };
        // Codes 1 and 3 are mapped, 5 is not; A has a width, B a zero one,
        // C none.
        assert_eq!(foreign(b"/F1 12 Tf <000100050003> Tj"), 1);
        assert_eq!(foreign(b"/F2 12 Tf [(AB) 5 (C)] TJ"), 2);
        assert_eq!(foreign(b"/F1 9 Tf (\\000\\005) Tj /F2 9 Tf (A) Tj"), 1);
        assert_eq!(known.0.lock().unwrap().len(), 2);
    }

    fn cleaned(content: &[u8]) -> Cleaned {
        clean(
            &Document::new(),
            content.to_vec(),
            None,
            &FontCoverage::default(),
        )
        .unwrap()
    }

    /// The rewritten form, as content that cannot pass as it is gets it.
    fn rewritten(content: &[u8]) -> Cleaned {
        lex(
            &Document::new(),
            content,
            None,
            &mut Fonts::new(&FontCoverage::default()),
            Pass::Rewrite,
        )
        .unwrap()
        .unwrap()
        .out
    }

    #[test]
    fn a_bad_token_is_skipped_and_the_rest_kept() {
        let c = cleaned(b"BT /F1 12 Tf (Hello) Tj } 1 0 0 1 5 5 Tm (World) Tj ET");
        assert_eq!(c.skipped, 1);
        let ops = Content::decode_strict(&c.bytes).unwrap().operations;
        let names: Vec<&str> = ops.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tj", "Tm", "Tj", "ET"]);
    }

    #[test]
    fn wrong_operands_drop_the_instruction() {
        // Tj without a string, cm with five numbers, Tf without a size.
        let c = cleaned(b"BT 5 Tj 1 2 3 4 5 cm /F1 Tf (ok) Tj ET");
        assert_eq!(c.skipped, 3);
        assert_eq!(c.bytes, b"BT\n(ok) Tj\nET\n");
    }

    #[test]
    fn an_unclosed_string_loses_only_its_parenthesis() {
        let c = cleaned(b"BT (Hel lo Tj (World) Tj ET");
        let ops = Content::decode_strict(&c.bytes).unwrap().operations;
        assert!(ops.iter().any(|o| o.operator == "ET"), "{:?}", c.bytes);
        assert!(c.skipped >= 1);
    }

    #[test]
    fn deep_graphics_states_are_flattened() {
        let mut content = b"q ".repeat(MAX_DEPTH + 10);
        content.extend(b"Q ".repeat(MAX_DEPTH + 10));
        let c = cleaned(&content);
        assert_eq!(c.too_deep, 20);
        let ops = Content::decode_strict(&c.bytes).unwrap().operations;
        assert_eq!(ops.len(), 2 * MAX_DEPTH);
    }

    #[test]
    fn too_many_operators_are_refused() {
        let content = b"0 0 m ".repeat(MAX_OPERATORS + 1);
        let result = clean(&Document::new(), content, None, &FontCoverage::default());
        assert_eq!(result, Err(Refusal::TooManyOperators));
    }

    #[test]
    fn good_content_is_kept_whole() {
        let content = b"q 1 0 0 1 0 0 cm BT /F1 9.5 Tf [(A) -20 (b)] TJ <00410042> Tj ET Q \
            BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI /P <</MCID 3>> BDC EMC";
        let c = cleaned(content);
        assert_eq!((c.skipped, c.missing, c.too_deep), (0, 0, 0));
        let before = Content::decode(content).unwrap().operations.len();
        let after = Content::decode_strict(&c.bytes).unwrap().operations.len();
        assert_eq!(before, after);
    }

    #[test]
    fn hex_strings_are_written_as_literal_strings() {
        let c = rewritten(b"BT <00410042> Tj [<0028> -5 (x) < 5C 0D 0A 29 >] TJ ET");
        assert_eq!(
            c.bytes,
            b"BT\n(\0A\0B) Tj\n[(\0\\() -5 (x) (\\\\\\r\\n\\))] TJ\nET\n"
        );
        let ops = Content::decode_strict(&c.bytes).unwrap().operations;
        assert_eq!(ops[1].operands[0].as_str().unwrap(), b"\0A\0B");
        let array = ops[2].operands[0].as_array().unwrap();
        assert_eq!(array[0].as_str().unwrap(), b"\0(");
        assert_eq!(array[3].as_str().unwrap(), b"\\\r\n)");
    }

    #[test]
    fn sound_content_passes_as_it_is() {
        let sound: &[u8] = b"q 1 0 0 1 0 0 cm BT /F1 9 Tf [<0041> -5 (x\n)]\nTJ ET Q";
        assert_eq!(cleaned(sound).bytes, sound);
        // Each of these must be rewritten: something dropped or flattened,
        // a comment, NUL as space, an operand the library may read
        // otherwise, a colour's name operand.
        for unsound in [
            &b"BT } ET"[..],
            b"BT 5 Tj ET",
            b"q % note\nQ",
            b"q\0Q",
            b"/F#201 9 Tf",
            b"/P0 scn",
            b"BT ET 1 2",
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI",
        ] {
            let text = String::from_utf8_lossy(unsound);
            let c = cleaned(unsound);
            assert_ne!(c.bytes, unsound, "{text:?}");
            assert_eq!(c.bytes, rewritten(unsound).bytes, "{text:?}");
        }
    }

    fn vouched(content: &[u8]) -> bool {
        lex(
            &Document::new(),
            content,
            None,
            &mut Fonts::new(&FontCoverage::default()),
            Pass::Rewrite,
        )
        .unwrap()
        .unwrap()
        .vouched
    }

    #[test]
    fn operands_spanning_lines_are_kept_on_one_line() {
        // Quartz breaks TJ arrays across lines; the check counts one
        // instruction per line and used to drop them.
        let c = cleaned(b"BT [ (B) 74\n(C) ] TJ (a\r\nb\\\nc) Tj [ 4 % gap\n 4 ] 0 d ET");
        assert_eq!(c.skipped, 0);
        assert_eq!(
            c.bytes,
            b"BT\n[(B) 74 (C)] TJ\n(a\\r\\nbc) Tj\n[4 4] 0 d\nET\n"
        );
        let ops = Content::decode_strict(&c.bytes).unwrap().operations;
        assert_eq!(ops[2].operands[0].as_str().unwrap(), b"a\r\nbc");
        assert!(vouched(b"[(a)\n(b)] TJ (a\rb) Tj"));
    }

    #[test]
    fn only_what_the_library_reads_alike_goes_unchecked() {
        assert!(vouched(
            b"q 1 0 0 1 0 0 cm /P <</MCID 3 /A [1 (x)]>> BDC BT /F1 9 Tf (a(b)c) Tj [(A) -2 <41>] TJ ET Q"
        ));
        for risky in [
            &b"/F#zz 1 Tf"[..],
            b"BIX",
            b"nullify",
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI",
            b"/P << /A >> BDC",
            b"/P << 1 2 >> BDC",
        ] {
            assert!(!vouched(risky), "{}", String::from_utf8_lossy(risky));
        }
        let mut deep = b"(".repeat(MAX_PARENS + 1);
        deep.extend(b")".repeat(MAX_PARENS + 1));
        deep.extend(b" Tj");
        assert!(!vouched(&deep));
    }

    /// On every page of the committed PDFs, content this lexer vouches for
    /// is read whole by the PDF library, as its check would have found.
    #[test]
    fn vouched_content_passes_the_check() {
        let files = super::super::committed_pdfs();
        let mut pages = 0;
        for path in files {
            let Ok(doc) = Document::load(&path) else {
                continue;
            };
            for (_, id) in doc.get_pages() {
                let content = doc.get_page_content(id).unwrap_or_default();
                let lexed = lex(
                    &doc,
                    &content,
                    None,
                    &mut Fonts::new(&FontCoverage::default()),
                    Pass::Rewrite,
                )
                .unwrap()
                .unwrap();
                if lexed.vouched {
                    pages += 1;
                    let checked = verified(&lexed.out.bytes, lexed.kept);
                    assert_eq!(checked, (None, 0), "{}", path.display());
                }
            }
        }
        assert!(pages >= 250, "{pages}");
    }

    /// The one-pass [`Lexer::word`] against the plain definitions, on
    /// every word of up to four characters from a small alphabet.
    #[test]
    fn words_are_told_apart_as_the_definitions_say() {
        let alphabet = b"09.+-aZ*'\"_\x80";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut checked = 0;
        for _ in 0..4 {
            words = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&c| [&w[..], &[c]].concat()))
                .collect();
            for word in &words {
                let mut bytes = word.clone();
                bytes.push(b' ');
                let (end, kind) = Lexer { b: &bytes, at: 0 }.word(0);
                let expected = if is_number(word) {
                    Word::Number
                } else if is_operator(word) {
                    Word::Operator
                } else {
                    Word::Other
                };
                assert_eq!(
                    (end, kind),
                    (word.len(), expected),
                    "{:?}",
                    String::from_utf8_lossy(word)
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        let long = |n| [b"1".repeat(n), b" ".to_vec()].concat();
        assert_eq!(
            Lexer {
                b: &long(18),
                at: 0
            }
            .word(0)
            .1,
            Word::Number
        );
        assert_eq!(
            Lexer {
                b: &long(19),
                at: 0
            }
            .word(0)
            .1,
            Word::Other
        );
    }

    #[test]
    fn numbers_and_names() {
        assert!(is_number(b"-1.5") && is_number(b".5") && is_number(b"3."));
        assert!(!is_number(b"1.2.3") && !is_number(b"-") && !is_number(b"1e5"));
        assert_eq!(name_bytes(b"F#201"), b"F 1");
    }
}

//! Content streams read for pdf-extract one instruction at a time,
//! without lopdf's parser.
//!
//! Takes the bytes of a content stream (as [`super::content`] left them)
//! and a place in it, gives the instruction there as lopdf's content
//! parser would give it (its operands in a buffer the caller reuses), or
//! [`Next::Unsure`] where this reader is not sure it reads it exactly as
//! lopdf does: comments, inline images, NUL or form feed between
//! instructions, a number run into a word, anything lopdf would stop at.
//! pdf-extract then reads the rest of the stream with lopdf, from where
//! that instruction begins, so nothing it reads changes.
//!
//! Why: lopdf's parser combinators took a fifth of all the work of reading
//! a 5-page report and two fifths of a 24-page one, and held every
//! instruction of a stream at once (12 MB for a run of Typst pages). This
//! reader does one pass over the bytes with no backtracking and holds one
//! instruction.

pub use pdf_extract::Next;
use pdf_extract::{Dictionary, Object, StringFormat};

use super::content::{is_regular, is_space};

/// Deepest nesting of arrays, dictionaries and parentheses read here;
/// lopdf goes to 100, real content streams to two or three.
const MAX_NESTING: usize = 32;

/// The instruction at `*at` in `content`, as lopdf reads it: its operands
/// pushed to `operands`, `*at` moved past it; or where it begins, when
/// unsure.
pub fn next(content: &[u8], at: &mut usize, operands: &mut Vec<Object>) -> Next {
    let mut reader = Reader {
        b: content,
        at: *at,
    };
    reader.skip(is_instruction_space);
    let start = reader.at;
    let found = reader.instruction(operands);
    match found {
        Some(Next::Unsure) | None => *at = start,
        Some(_) => *at = reader.at,
    }
    found.unwrap_or(Next::Unsure)
}

/// [`next`], passing over the instructions that set a colour space or
/// colour: pdf-extract looks up each colour space and copies it (a Typst
/// page sets one at every run of text) for the colours of drawings, which
/// nothing here reads.
pub fn next_for_text(content: &[u8], at: &mut usize, operands: &mut Vec<Object>) -> Next {
    loop {
        match next(content, at, operands) {
            Next::Instruction("cs" | "CS" | "sc" | "scn" | "SC" | "SCN") => operands.clear(),
            other => return other,
        }
    }
}

/// The operator a word names, if it is one of the content operators of
/// the PDF reference (but `d0` and `d1`, which lopdf reads as `d` and a
/// number).
fn operator(word: &[u8]) -> Option<&'static str> {
    // Matched as bytes, each name made a `&str` at compile time: checking
    // every operator for UTF-8 first cost 3% of reading a Skia report.
    macro_rules! interned {
        ($bytes:expr, $($op:literal)*) => {
            match $bytes { $($op => Some(const { ascii($op) }),)* _ => None }
        };
    }
    const fn ascii(bytes: &'static [u8]) -> &'static str {
        match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => panic!("operator names are ASCII"),
        }
    }
    interned!(word,
        b"Tj" b"TJ" b"Td" b"Tf" b"Tm" b"TD" b"T*" b"TL" b"Tc" b"Tw" b"Tz" b"Tr" b"Ts" b"'" b"\""
        b"BT" b"ET" b"BDC" b"BMC" b"EMC" b"MP" b"DP" b"BX" b"EX" b"BI" b"ID" b"EI" b"Do" b"sh"
        b"q" b"Q" b"cm" b"gs" b"w" b"J" b"j" b"M" b"d" b"ri" b"i"
        b"m" b"l" b"c" b"v" b"y" b"h" b"re" b"S" b"s" b"f" b"F" b"f*" b"B" b"B*" b"b" b"b*" b"n" b"W" b"W*"
        b"CS" b"cs" b"SC" b"SCN" b"sc" b"scn" b"G" b"g" b"RG" b"rg" b"K" b"k"
    )
}

/// Space between instructions and operands, as lopdf's content parser
/// has it (NUL and form feed are not).
fn is_instruction_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|v| v as u8)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The instruction from here: `None` (or `Unsure`) when unsure.
    fn instruction(&mut self, operands: &mut Vec<Object>) -> Option<Next> {
        loop {
            let Some(&c) = self.b.get(self.at) else {
                // Operands with no operator after them: lopdf drops them
                // unseen; it may as well be lopdf that does.
                return Some(if operands.is_empty() {
                    Next::End
                } else {
                    Next::Unsure
                });
            };
            if c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"') {
                let word = self.word();
                match word {
                    b"true" => operands.push(Object::Boolean(true)),
                    b"false" => operands.push(Object::Boolean(false)),
                    b"null" => operands.push(Object::Null),
                    // Inline images carry raw bytes that only lopdf measures.
                    b"BI" | b"ID" | b"EI" => return None,
                    _ if word.starts_with(b"true")
                        || word.starts_with(b"false")
                        || word.starts_with(b"null") =>
                    {
                        // lopdf reads the keyword and goes on inside the word.
                        return None;
                    }
                    // An operator pdf-extract does not know does nothing
                    // there; it is lopdf's to read all the same.
                    _ => return operator(word).map(Next::Instruction),
                }
            } else {
                operands.push(self.object(0)?);
            }
            self.skip(is_instruction_space);
        }
    }

    fn skip(&mut self, space: fn(u8) -> bool) {
        while self.b.get(self.at).is_some_and(|&c| space(c)) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// The regular characters from here on.
    fn word(&mut self) -> &[u8] {
        let start = self.at;
        while self.peek().is_some_and(is_regular) {
            self.at += 1;
        }
        &self.b[start..self.at]
    }

    /// One operand, or one element of an array or dictionary.
    fn object(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_NESTING {
            return None;
        }
        match self.peek()? {
            b'/' => {
                self.at += 1;
                self.name().map(Object::Name)
            }
            b'(' => self.literal().map(Object::string_literal),
            b'<' if self.b.get(self.at + 1) == Some(&b'<') => {
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => self.hex(),
            b'[' => self.array(depth).map(Object::Array),
            b'+' | b'-' | b'.' | b'0'..=b'9' => number(self.word()),
            c if c.is_ascii_alphabetic() => match self.word() {
                b"true" => Some(Object::Boolean(true)),
                b"false" => Some(Object::Boolean(false)),
                b"null" => Some(Object::Null),
                // `1 0 R` and other words inside arrays: lopdf's business.
                _ => None,
            },
            _ => None,
        }
    }

    /// A name's bytes, `#xx` escapes decoded, after its `/`.
    fn name(&mut self) -> Option<Vec<u8>> {
        let mut name = Vec::new();
        while let Some(c) = self.peek().filter(|&c| is_regular(c)) {
            if c == b'#' {
                let high = hex_value(*self.b.get(self.at + 1)?)?;
                let low = hex_value(*self.b.get(self.at + 2)?)?;
                name.push(high << 4 | low);
                self.at += 3;
            } else {
                name.push(c);
                self.at += 1;
            }
        }
        Some(name)
    }

    /// A literal string's bytes: escapes decoded, end-of-line escapes
    /// dropped, nested parentheses and raw line ends kept as written.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                b'(' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return None;
                    }
                    out.push(c);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => self.escape(&mut out)?,
                _ => out.push(c),
            }
        }
    }

    /// What follows a backslash in a literal string.
    fn escape(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            b'0'..=b'7' => {
                let mut value = u16::from(c - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u16::from(d - b'0');
                            self.at += 1;
                        }
                        _ => break,
                    }
                }
                // As lopdf: the low byte of a value over 255.
                out.push(value as u8);
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
            }
            b'\n' => {}
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            other => out.push(other),
        }
        Some(())
    }

    /// A hex string; an odd last digit counts as followed by 0.
    fn hex(&mut self) -> Option<Object> {
        self.at += 1;
        let mut out = Vec::new();
        let mut high = None;
        loop {
            self.skip(is_space);
            let c = self.peek()?;
            self.at += 1;
            if c == b'>' {
                break;
            }
            let digit = hex_value(c)?;
            match high.take() {
                None => high = Some(digit),
                Some(h) => out.push(h << 4 | digit),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Some(Object::String(out, StringFormat::Hexadecimal))
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip(is_space);
            if self.peek()? == b']' {
                self.at += 1;
                return Some(items);
            }
            items.push(self.object(depth + 1)?);
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.at += 2;
        let mut dict = Dictionary::new();
        loop {
            self.skip(is_space);
            match self.peek()? {
                b'>' if self.b.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Some(dict);
                }
                b'/' => {
                    self.at += 1;
                    let key = self.name()?;
                    self.skip(is_space);
                    let value = self.object(depth + 1)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }
}

/// A number word as lopdf reads it: `[+-]digits` an integer,
/// `[+-]digits.[digits]` or `[+-].digits` a real; any other word `None`.
fn number(word: &[u8]) -> Option<Object> {
    let (negative, unsigned) = match word.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, word),
    };
    // One pass: the integer so far, and where a dot is.
    let mut value: i64 = 0;
    let mut dot = None;
    for (i, &c) in unsigned.iter().enumerate() {
        match c {
            b'0'..=b'9' => value = value.checked_mul(10)?.checked_add(i64::from(c - b'0'))?,
            b'.' if dot.is_none() => dot = Some(i),
            _ => return None,
        }
    }
    match dot {
        None if !unsigned.is_empty() => {
            Some(Object::Integer(if negative { -value } else { value }))
        }
        // `.` alone is no number.
        Some(dot) if unsigned.len() > 1 => {
            let decimals = unsigned.len() - dot - 1;
            let real = match exact_real(value, decimals) {
                Some(real) if negative => -real,
                Some(real) => real,
                None => std::str::from_utf8(word).ok()?.parse().ok()?,
            };
            Some(Object::Real(real))
        }
        _ => None,
    }
}

/// `digits / 10^decimals` as the nearest f32, as `str::parse` gives it,
/// where one f64 division is sure to give that; `None` elsewhere.
///
/// Why: a page of Skia's sets each glyph's place with a number of eight
/// digits, and std's parser took 3% of reading it. The division of two
/// exact f64 values (digits below 2^53, a power of ten up to 10^22) is the
/// nearest f64 to the decimal; rounding that to f32 gives the nearest f32
/// unless the f64 lies exactly halfway between two f32 values (the decimal
/// itself may lie to either side of it then), which is left to std.
fn exact_real(digits: i64, decimals: usize) -> Option<f32> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if !(0..1 << 53).contains(&digits) {
        return None;
    }
    let x = digits as f64 / POWERS.get(decimals)?;
    // Only f32's normal range, where halfway points sit at one bit of the
    // f64's fraction: 29 bits below the f32's last.
    if x != 0.0 && !(1e-37..1e38).contains(&x) {
        return None;
    }
    let below_f32 = x.to_bits() & ((1 << 29) - 1);
    (below_f32 != 1 << 28).then_some(x as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::content::{Content, Operation};

    /// Every instruction of `content` read with `step`; `None` when it is
    /// unsure of one.
    fn read_all(
        content: &[u8],
        step: fn(&[u8], &mut usize, &mut Vec<Object>) -> Next,
    ) -> Option<Vec<(&'static str, Vec<Object>)>> {
        let (mut at, mut operands, mut all) = (0, Vec::new(), Vec::new());
        loop {
            match step(content, &mut at, &mut operands) {
                Next::Instruction(op) => all.push((op, std::mem::take(&mut operands))),
                Next::End => return Some(all),
                Next::Unsure => return None,
            }
        }
    }

    fn read(content: &[u8]) -> Option<Vec<(&'static str, Vec<Object>)>> {
        read_all(content, next)
    }

    /// Instructions as comparable values: `Object` equality tells an
    /// integer from a real, the debug form tells dictionary key order.
    fn parts<'c>(
        instructions: impl Iterator<Item = (&'c str, &'c [Object])>,
    ) -> (Vec<(&'c str, &'c [Object])>, String) {
        let parts: Vec<_> = instructions.collect();
        let debug = format!("{parts:?}");
        (parts, debug)
    }

    /// What lopdf's own parser gives.
    fn lopdf(content: &[u8]) -> Vec<Operation> {
        Content::decode(content)
            .map(|c| c.operations)
            .unwrap_or_default()
    }

    fn borrowed(operations: &[Operation]) -> impl Iterator<Item = (&str, &[Object])> {
        operations
            .iter()
            .map(|o| (o.operator.as_str(), o.operands.as_slice()))
    }

    fn as_parts<'r>(
        read: &'r [(&'static str, Vec<Object>)],
    ) -> impl Iterator<Item = (&'r str, &'r [Object])> {
        read.iter().map(|(op, operands)| (*op, operands.as_slice()))
    }

    fn same_as_lopdf(content: &[u8]) {
        let text = String::from_utf8_lossy(content);
        let ours = read(content).unwrap_or_else(|| panic!("unsure of {text:?}"));
        let theirs = lopdf(content);
        assert_eq!(parts(as_parts(&ours)), parts(borrowed(&theirs)), "{text:?}");
    }

    #[test]
    fn the_common_syntax_reads_as_lopdf_reads_it() {
        for content in [
            &b"BT /F1 12 Tf 72 712.5 Td (Hello, world) Tj ET"[..],
            b"q 1 0 0 1 -.5 +3. cm 0.2 0.4 0.6 rg Q",
            b"[(Ab) -250 (c\\(d\\)) 12.5 (e)] TJ T* (x) ' 1 2 (y) \"",
            b"(a\\101\\0618\\7777 \\n\\r\\t\\b\\f\\\\ \\q) Tj (nested (paren) s) Tj",
            b"(line\\\ncontinued\\\r\nhere\r\nraw) Tj",
            b"<48 65 6C6c 6f> Tj <4> Tj <> Tj",
            b"/Span <</MCID 3 /Alt (x) /ActualText <FEFF0041> /A [1 /B true null]>> BDC EMC",
            b"/Na#20me#2Fx gs [/a/b]0 d\n\t1 w",
            b"",
            b"  \r\n ",
        ] {
            same_as_lopdf(content);
        }
    }

    /// Unsure of an instruction, the reader leaves the place where it
    /// begins, for lopdf to read on from there.
    #[test]
    fn the_place_is_left_where_an_unsure_instruction_begins() {
        let content = b"1 w  %c\n3 w";
        let (mut at, mut operands) = (0, Vec::new());
        assert_eq!(
            next(content, &mut at, &mut operands),
            Next::Instruction("w")
        );
        assert_eq!((at, operands.as_slice()), (3, &[Object::Integer(1)][..]));
        operands.clear();
        assert_eq!(next(content, &mut at, &mut operands), Next::Unsure);
        assert_eq!(at, 5);
        // What lopdf reads from there is what it reads of the whole after
        // the first instruction.
        let (whole, rest) = (lopdf(content), lopdf(&content[at..]));
        assert_eq!(whole.len(), 2);
        assert_eq!(parts(borrowed(&whole[1..])), parts(borrowed(&rest)));
    }

    /// Read to the end, lopdf taking over after the comment, every
    /// instruction comes out once, in order.
    #[test]
    fn every_instruction_is_visited_once() {
        let content = b"/F1 9 Tf 1 0 0 1 5 5 cm %c\n/Im1 Do (x) Tj /Im2 Do";
        let readers = pdf_extract::Readers {
            content: Some(next),
            to_unicode: None,
        };
        let mut seen = Vec::new();
        pdf_extract::for_each_instruction(content, readers, |i| {
            seen.push((i.operator.to_string(), i.operands.to_vec()))
        });
        let whole = lopdf(content);
        let theirs: Vec<(String, Vec<Object>)> = whole
            .iter()
            .map(|o| (o.operator.clone(), o.operands.clone()))
            .collect();
        assert_eq!(seen.len(), 5);
        assert_eq!(seen, theirs);
    }

    #[test]
    fn colours_are_left_out_for_text() {
        let content = b"/Cs1 cs 0.5 sc BT /F1 9 Tf (a) Tj ET /CS0 CS 1 0 0 SCN 0 g";
        let read = read_all(content, next_for_text).unwrap();
        let kept: Vec<&str> = read.iter().map(|(op, _)| *op).collect();
        assert_eq!(kept, ["BT", "Tf", "Tj", "ET", "g"]);
    }

    #[test]
    fn what_lopdf_might_read_otherwise_is_left_to_it() {
        for content in [
            &b"% a comment\n1 w"[..],
            b"BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI",
            b"1 w\x0C2 w",
            b"0.5g",
            b"1.2.3 w",
            b"d0",
            b"nullx",
            b"[1 0 R] w",
            b"(unclosed Tj",
            b"<4G> Tj",
            b"/A#G1 gs",
            b"1 2",
            b"99999999999999999999 w",
            b"{ }",
            b"1 0 0 1 0 0 cmx",
        ] {
            let text = String::from_utf8_lossy(content);
            assert!(read(content).is_none(), "{text:?}");
        }
    }

    /// Every page of the committed PDFs, as published and as cleaned for
    /// pdf-extract, reads as lopdf reads it; and this reader is sure of
    /// nearly all of them, or it would save nothing.
    #[test]
    fn committed_pages_read_as_lopdf_reads_them() {
        let (mut sure, mut unsure) = (0, 0);
        for path in crate::extract::pdf::committed_pdfs() {
            let doc = pdf_extract::Document::load(&path).unwrap();
            for (_, id) in doc.get_pages() {
                let content = doc.get_page_content(id).unwrap_or_default();
                let cleaned =
                    super::super::content::clean(&doc, content.clone(), None, &Default::default())
                        .unwrap()
                        .bytes;
                for bytes in [content, cleaned] {
                    let Some(ours) = read(&bytes) else {
                        unsure += 1;
                        continue;
                    };
                    sure += 1;
                    let theirs = lopdf(&bytes);
                    let same = parts(as_parts(&ours)) == parts(borrowed(&theirs));
                    assert!(same, "{} {id:?}", path.display());
                }
            }
        }
        assert!(
            sure >= 500 && unsure * 50 <= sure,
            "sure of {sure}, unsure of {unsure}"
        );
    }

    #[test]
    fn reals_are_the_nearest_f32_as_std_reads_them() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut words: Vec<String> = [
            "0.1",
            "-0.0",
            ".5",
            "-.5",
            "5.",
            "16777217.0",
            "16777219.",
            "0.000000000000000000001",
            "340282356779733661637539395458142568448.0",
            "1.00000005960464477539062500",
            "33.330002",
            "-.23999999",
            "841.91998",
            "10.5940552",
        ]
        .map(String::from)
        .into();
        for _ in 0..100_000 {
            let r = next();
            let digits = (r % 19 + 1) as usize;
            let mantissa = format!("{:019}", next() % 10u64.pow(19));
            let mantissa = &mantissa[19 - digits..];
            let dot = (r >> 8) as usize % (mantissa.len() + 1);
            let sign = if r >> 20 & 1 == 1 { "-" } else { "" };
            words.push(format!("{sign}{}.{}", &mantissa[..dot], &mantissa[dot..]));
        }
        let mut fast = 0;
        for word in &words {
            let Some(Object::Real(read)) = number(word.as_bytes()) else {
                // Beyond i64's digits this reader leaves the word to lopdf.
                assert!(word.trim_start_matches('-').len() > 19, "{word}");
                continue;
            };
            let std: f32 = word.parse().unwrap();
            assert_eq!(read.to_bits(), std.to_bits(), "{word}");
            let (digits, decimals) = word.trim_start_matches('-').split_once('.').unwrap();
            let mantissa = format!("{digits}{decimals}").parse().unwrap();
            fast += usize::from(exact_real(mantissa, decimals.len()).is_some());
        }
        // Most words of up to 19 digits take the one division.
        assert!(fast > words.len() * 4 / 10, "{fast} of {}", words.len());
    }
}

//! ToUnicode CMaps read by us, for pdf-extract.
//!
//! Takes the unpacked bytes of a ToUnicode CMap, gives the map pdf-extract
//! would make of it (code → text), or `None` when this reader is not sure
//! it reads the CMap exactly as pdf-extract does; pdf-extract then reads it
//! itself (see `Readers` in vendor/pdf-extract).
//!
//! Why: pdf-extract parses a font's ToUnicode CMap every time it builds the
//! font (once per page run and worker) with adobe-cmap-parser, a parser
//! combinator that formats an error string for every alternative it tries:
//! a quarter of all the work of reading a 5-page report. Each CMap is read
//! here as pdf-extract reads it, its parser's quirks included.

use pdf_extract::HashMap;

/// Widest `bfrange` read (pdf-extract writes out every code of a range).
const MAX_RANGE: u32 = 0x1_0000;

/// One token of a CMap, as pdf-extract's CMap parser gives it.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Integer(i64),
    /// A hex or literal string.
    String(Vec<u8>),
    Array(Vec<Token>),
    /// Names, operators, dictionaries: what the map does not read.
    Other,
    /// An operator that opens a section the map reads.
    Begin(Section),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Char,
    Range,
}

/// The map pdf-extract would make of a ToUnicode CMap (code → text), or
/// `None` when this reader is not sure of it (pdf-extract might read it
/// otherwise, or panic on it).
pub fn read(cmap: &[u8]) -> Option<HashMap<u32, String>> {
    // NUL and form feed are white space in some of the parser's rules and
    // not in others.
    if memchr::memchr2(0, 0x0C, cmap).is_some() {
        return None;
    }
    let tokens = Lexer { b: cmap, at: 0 }.tokens()?;
    let mut map = Map::default();
    interpret(&tokens, &mut map)?;
    map.finish()
}

/// The code → text map as the entries come, each entry written straight
/// as text (no map of raw bytes between): later entries replace earlier
/// ones, as in pdf-extract, and what pdf-extract does with the bytes it
/// finally holds for a code is decided by those bytes alone.
#[derive(Default)]
struct Map {
    text: HashMap<u32, String>,
    /// Codes whose latest bytes are of odd length: pdf-extract's reading
    /// of them is not copied here, so a map still holding one is `None`.
    odd: std::collections::HashSet<u32>,
}

impl Map {
    /// Records `code` → `bytes` (UTF-16BE, as pdf-extract reads it): a
    /// lone surrogate is no entry; `None` at other broken UTF-16, which
    /// pdf-extract is left to read.
    fn insert(&mut self, code: u32, bytes: &[u8]) -> Option<()> {
        if !self.odd.is_empty() {
            self.odd.remove(&code);
        }
        if !bytes.len().is_multiple_of(2) {
            self.text.remove(&code);
            self.odd.insert(code);
            return Some(());
        }
        if let [0xD8..=0xDF, _] = bytes {
            self.text.remove(&code);
            return Some(());
        }
        let units = bytes
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]));
        let mut text = String::with_capacity(bytes.len());
        for c in char::decode_utf16(units) {
            text.push(c.ok()?);
        }
        self.text.insert(code, text);
        Some(())
    }

    fn finish(self) -> Option<HashMap<u32, String>> {
        self.odd.is_empty().then_some(self.text)
    }
}

/// The code a string stands for: its bytes, big-endian (as pdf-extract's
/// parser folds them, high bytes of a long one falling off).
fn as_code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |code, &b| code << 8 | b as u32)
}

/// The `bfchar` and `bfrange` entries, read as pdf-extract's CMap parser
/// reads them: the count before `begin…` says how many entries follow,
/// whatever closes them; later entries replace earlier ones.
fn interpret(tokens: &[Token], map: &mut Map) -> Option<()> {
    fn string(t: Option<&Token>) -> Option<&[u8]> {
        match t {
            Some(Token::String(s)) => Some(s),
            _ => None,
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        let Token::Begin(section) = tokens[i] else {
            i += 1;
            continue;
        };
        let Some(Token::Integer(count)) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
            return None;
        };
        i += 1;
        for _ in 0..*count {
            match section {
                Section::Char => {
                    let code = as_code(string(tokens.get(i))?);
                    map.insert(code, string(tokens.get(i + 1))?)?;
                    i += 2;
                }
                Section::Range => {
                    let low = as_code(string(tokens.get(i))?);
                    let high = as_code(string(tokens.get(i + 1))?);
                    range(map, low, high, tokens.get(i + 2)?)?;
                    i += 3;
                }
            }
        }
        i += 1;
    }
    Some(())
}

/// One `bfrange` entry; `None` where pdf-extract's parser would fail or
/// overflow.
fn range(map: &mut Map, low: u32, high: u32, to: &Token) -> Option<()> {
    if high < low || high - low >= MAX_RANGE {
        return None;
    }
    match to {
        Token::String(start) if start.len() == 2 => {
            let first = u16::from_be_bytes([start[0], start[1]]);
            first.checked_add((high - low) as u16)?;
            for c in low..=high {
                let unit = first + (c - low) as u16;
                map.insert(c, &unit.to_be_bytes())?;
            }
        }
        Token::String(start) if start.len() == 4 => {
            let first = as_code(start);
            first.checked_add(high - low)?;
            for c in low..=high {
                map.insert(c, &(first + (c - low)).to_be_bytes())?;
            }
        }
        Token::Array(items) if items.len() == (high - low + 1) as usize => {
            for (c, item) in (low..=high).zip(items) {
                let Token::String(s) = item else {
                    return None;
                };
                map.insert(c, s)?;
            }
        }
        _ => return None,
    }
    Some(())
}

/// A strict lexer for the part of the CMap syntax that pdf-extract's
/// parser reads the same way; anything else gives `None`.
struct Lexer<'a> {
    b: &'a [u8],
    at: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl Lexer<'_> {
    fn skip_space(&mut self) {
        while self.b.get(self.at).copied().is_some_and(is_space) {
            self.at += 1;
        }
    }

    /// Whether only white space and comments are left.
    fn only_comments_left(&self) -> bool {
        let mut rest = Lexer {
            b: self.b,
            at: self.at,
        };
        loop {
            rest.skip_space();
            match rest.b.get(rest.at) {
                None => return true,
                Some(b'%') => rest.skip_comment(),
                Some(_) => return false,
            }
        }
    }

    fn skip_comment(&mut self) {
        while self
            .b
            .get(self.at)
            .is_some_and(|&c| c != b'\n' && c != b'\r')
        {
            self.at += 1;
        }
        match self.b.get(self.at..self.at + 2) {
            Some(b"\r\n") => self.at += 2,
            _ => self.at = (self.at + 1).min(self.b.len()),
        }
    }

    /// Every top-level token. pdf-extract's parser takes comments only
    /// right where a token would start, or right after another comment;
    /// elsewhere it stops there, which this reader does not follow.
    fn tokens(mut self) -> Option<Vec<Token>> {
        let mut out = Vec::new();
        loop {
            let mut comment = false;
            while self.b.get(self.at) == Some(&b'%') {
                comment = true;
                self.skip_comment();
            }
            let before = self.at;
            self.skip_space();
            if self.at == self.b.len() {
                break;
            }
            if self.b[self.at] == b'%' && (comment || self.at > before || out.is_empty()) {
                if self.only_comments_left() && !out.is_empty() {
                    break;
                }
                return None;
            }
            out.push(self.token(0)?);
            self.skip_space();
        }
        (!out.is_empty()).then_some(out)
    }

    fn word(&mut self) -> &[u8] {
        let start = self.at;
        while self
            .b
            .get(self.at)
            .is_some_and(|&c| !is_space(c) && !is_delimiter(c))
        {
            self.at += 1;
        }
        &self.b[start..self.at]
    }

    fn token(&mut self, depth: usize) -> Option<Token> {
        if depth > 8 {
            return None;
        }
        let &c = self.b.get(self.at)?;
        match c {
            b'<' if self.b.get(self.at + 1) == Some(&b'<') => self.dictionary(depth),
            b'<' => self.hex(),
            b'(' => self.literal(),
            b'[' => self.array(depth),
            b'/' => {
                self.at += 1;
                let name = self.word();
                // `#` escapes are read differently; keep clear of them.
                (!name.contains(&b'#')).then_some(Token::Other)
            }
            _ => {
                let word = self.word();
                word_token(word)
            }
        }
    }

    fn hex(&mut self) -> Option<Token> {
        let close = self.b[self.at..].iter().position(|&c| c == b'>')? + self.at;
        let digits = &self.b[self.at + 1..close];
        // White space inside, or an odd digit, is read otherwise.
        if !digits.len().is_multiple_of(2) || !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let mut bytes = Vec::with_capacity(digits.len() / 2);
        super::content::hex_bytes(&self.b[self.at..=close], |b| bytes.push(b));
        self.at = close + 1;
        Some(Token::String(bytes))
    }

    /// A literal string without escapes or nested parentheses.
    fn literal(&mut self) -> Option<Token> {
        let start = self.at + 1;
        let len = self.b[start..].iter().position(|&c| c == b')')?;
        let inner = &self.b[start..start + len];
        if inner
            .iter()
            .any(|&c| matches!(c, b'\\' | b'(' | b'\r' | b'\n'))
        {
            return None;
        }
        self.at = start + len + 1;
        Some(Token::String(inner.to_vec()))
    }

    fn array(&mut self, depth: usize) -> Option<Token> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.b.get(self.at)? {
                b']' => {
                    self.at += 1;
                    return Some(Token::Array(items));
                }
                b'%' => return None,
                _ => items.push(self.token(depth + 1)?),
            }
        }
    }

    /// A dictionary of name keys: read, and not needed.
    fn dictionary(&mut self, depth: usize) -> Option<Token> {
        self.at += 2;
        loop {
            self.skip_space();
            match self.b.get(self.at)? {
                b'>' if self.b.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Some(Token::Other);
                }
                b'/' => {
                    self.token(depth + 1)?;
                    self.skip_space();
                    match self.b.get(self.at)? {
                        b'%' | b'>' => return None,
                        _ => self.token(depth + 1)?,
                    };
                }
                _ => return None,
            }
        }
    }
}

/// A run of regular characters: an integer or an operator, else `None`
/// (numbers with a point, words with digits: read otherwise).
fn word_token(word: &[u8]) -> Option<Token> {
    let digits = word
        .strip_prefix(b"-")
        .or(word.strip_prefix(b"+"))
        .unwrap_or(word);
    if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
        return std::str::from_utf8(word)
            .ok()?
            .parse()
            .ok()
            .map(Token::Integer);
    }
    if word.is_empty()
        || !word
            .iter()
            .all(|c| c.is_ascii_alphabetic() || b"*'\"".contains(c))
    {
        return None;
    }
    Some(match word {
        b"beginbfchar" => Token::Begin(Section::Char),
        b"beginbfrange" => Token::Begin(Section::Range),
        b"true" | b"false" => Token::Other,
        // The parser reads a leading true or false as a value of its own.
        w if w.starts_with(b"true") || w.starts_with(b"false") => return None,
        _ => Token::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::{Document, Object, ObjectId};
    use std::collections::HashSet;

    fn map(entries: &[(u32, &str)]) -> Option<HashMap<u32, String>> {
        Some(entries.iter().map(|&(c, t)| (c, t.to_string())).collect())
    }

    /// The example of a ToUnicode CMap in the PDF reference (5.9.2), with
    /// its header, a ligature, and a range with an array.
    const SPEC: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <005E> <0020>
<005F> <0061> [<00660066> <00660069> <00660066006C>]
endbfrange
1 beginbfchar
<3A51> <D840DC3E>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

    #[test]
    fn the_reference_example_is_read() {
        let read = read(SPEC).unwrap();
        assert_eq!(read.len(), 0x5F + 3 + 1);
        assert_eq!(read[&0x0000], " ");
        assert_eq!(read[&0x0021], "A");
        assert_eq!(read[&0x005E], "~");
        assert_eq!(read[&0x005F], "ff");
        assert_eq!(read[&0x0060], "fi");
        assert_eq!(read[&0x0061], "ffl");
        // A surrogate pair: U+2003E.
        assert_eq!(read[&0x3A51], "\u{2003E}");
    }

    #[test]
    fn entries_are_read_as_pdf_extract_reads_them() {
        // Later entries win; a lone surrogate is no entry; comments may
        // open the file and follow tokens.
        let cmap = b"%!PS\n%%Title\n2 beginbfchar <01> <0041> <02> <D800> endbfchar\n\
            1 beginbfchar <01> <0042> endbfchar % the end\n";
        assert_eq!(read(cmap), map(&[(1, "B")]));
        // A 4-byte start counts up in its last unit.
        let cmap = b"1 beginbfrange <10> <11> <D835DC00> endbfrange";
        assert_eq!(read(cmap), map(&[(0x10, "\u{1D400}"), (0x11, "\u{1D401}")]));
        // Codes of any width name the same number.
        assert_eq!(read(b"1 beginbfchar <0041> (\0A) endbfchar"), None);
        assert_eq!(
            read(b"1 beginbfchar <0041> <0061> endbfchar"),
            map(&[(0x41, "a")])
        );
    }

    #[test]
    fn what_pdf_extract_might_read_otherwise_is_left_alone() {
        for cmap in [
            &b""[..],
            b"  % a comment after white space at the start\n1 beginbfchar <01> <0041> endbfchar",
            b"beginbfchar <01> <0041> endbfchar",
            b"2 beginbfchar <01> <0041> endbfchar",
            b"1 beginbfchar <1> <0041> endbfchar",
            b"1 beginbfchar <01> <00 41> endbfchar",
            b"1 beginbfchar <01> <004> endbfchar",
            b"1 beginbfchar <01> <D800DC> endbfchar",
            b"1 beginbfrange <01> <02> <004100> endbfrange",
            b"1 beginbfrange <01> <03> [<0041> <0042>] endbfrange",
            b"1 beginbfrange <03> <01> <0041> endbfrange",
            b"1 beginbfrange <00> <01> <FFFF> endbfrange",
            b"1.0 beginbfchar <01> <0041> endbfchar",
            b"/A#20 1 beginbfchar <01> <0041> endbfchar",
            b"{ } 1 beginbfchar <01> <0041> endbfchar",
            b"1 beginbfchar <01> <0041> endbfchar\n %a\n  %b\n 1 beginbfchar <02> <0042> endbfchar",
        ] {
            assert_eq!(read(cmap), None, "{}", String::from_utf8_lossy(cmap));
        }
    }

    /// pdf-extract's map of a CMap, made as it makes it
    /// (`get_unicode_map` in its lib.rs).
    fn reference(cmap: &[u8]) -> HashMap<u32, String> {
        let raw = adobe_cmap_parser::get_unicode_map(cmap).unwrap();
        raw.into_iter()
            .filter_map(|(code, bytes)| {
                let units: Vec<u16> = bytes
                    .chunks(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                if let [0xD800..=0xDFFF] = units.as_slice() {
                    return None;
                }
                Some((code, String::from_utf16(&units).unwrap()))
            })
            .collect()
    }

    /// Every ToUnicode CMap of the committed PDFs is read as pdf-extract
    /// reads it.
    #[test]
    fn committed_cmaps_read_as_pdf_extract_reads_them() {
        let (mut read_ones, mut left_alone) = (0, 0);
        for path in super::super::committed_pdfs() {
            let Ok(doc) = Document::load(&path) else {
                continue;
            };
            let ids: HashSet<ObjectId> = doc
                .objects
                .values()
                .filter_map(|o| {
                    o.as_dict()
                        .ok()?
                        .get(b"ToUnicode")
                        .ok()?
                        .as_reference()
                        .ok()
                })
                .collect();
            for id in ids {
                let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
                    continue;
                };
                let cmap = stream
                    .decompressed_content()
                    .unwrap_or(stream.content.clone());
                let Some(ours) = read(&cmap) else {
                    left_alone += 1;
                    continue;
                };
                read_ones += 1;
                assert_eq!(ours, reference(&cmap), "{} {id:?}", path.display());
            }
        }
        assert!(
            read_ones >= 90 && left_alone == 0,
            "{read_ones} {left_alone}"
        );
    }
}

//! A hand-written reader of the objects most files are made of (FORK.md).
//!
//! Takes the bytes at an object (or at an indirect object's `N G obj`) and
//! gives the object, or `None` wherever it is not sure that it reads the
//! bytes exactly as the nom parser in `super` does: comments, names with a
//! `#` not followed by two hex digits, keywords and numbers run into a
//! following regular character, numbers that overflow, nesting deeper than
//! [`DEPTH`], streams whose length is not a direct integer, and anything it
//! does not know. The caller then runs the nom parser on the same bytes, so
//! no file is read differently; this reader only makes the common case
//! cheap (nom's combinators cost about 35 instructions a byte on the small
//! structure-element dictionaries Skia and Typst write by the hundred).

use super::{is_regular, is_whitespace};
use crate::{Dictionary, Object, ObjectId, Stream, StringFormat};
use std::str::{self, FromStr};

/// Deepest nesting of arrays, dictionaries and strings read here; nom's
/// limits (100) are far above it, so it never has to say no where nom does.
const DEPTH: usize = 32;

/// The object at the start of `input`, as `parser::direct_object` reads it.
pub fn direct_object(input: &[u8]) -> Option<Object> {
    Cursor { bytes: input, at: 0 }.object(DEPTH)
}

/// The id and object of the indirect object at the start of `input`, as
/// `parser::_indirect_object` reads it: `N G obj`, then the object, where a
/// dictionary followed by `stream` is a stream with a direct `/Length`.
/// What follows the object (`endobj`) is not read, as nom ignores it.
pub fn indirect_object(input: &[u8]) -> Option<(ObjectId, Object)> {
    let mut cursor = Cursor { bytes: input, at: 0 };
    let id = cursor.object_id()?;
    let object = match cursor.object(DEPTH)? {
        Object::Dictionary(dict) => cursor.stream_or(dict)?,
        object => object,
    };
    Some((id, object))
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// A place in the bytes being read.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn rest(&self) -> &[u8] {
        &self.bytes[self.at..]
    }

    /// Skips white space; `None` at a comment, which nom's `space` would
    /// also skip but which this reader leaves to nom.
    fn space(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'%' {
                return None;
            }
            if !is_whitespace(c) {
                break;
            }
            self.at += 1;
        }
        Some(())
    }

    /// Whether the token just read ends here, as nom never checks: a
    /// regular character after it would be read by nom as the start of the
    /// next object, which this reader does not try to follow.
    fn ends_token(&self) -> Option<()> {
        match self.peek() {
            Some(c) if is_regular(c) => None,
            _ => Some(()),
        }
    }

    fn digits(&mut self) -> &[u8] {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    fn unsigned<I: FromStr>(&mut self) -> Option<I> {
        let digits = self.digits();
        if digits.is_empty() {
            return None;
        }
        str::from_utf8(digits).ok()?.parse().ok()
    }

    /// `N G obj` and the space after it.
    fn object_id(&mut self) -> Option<ObjectId> {
        self.space()?;
        let number = self.unsigned::<u32>()?;
        self.space()?;
        let generation = self.unsigned::<u16>()?;
        self.space()?;
        self.rest().starts_with(b"obj").then_some(())?;
        self.at += 3;
        self.space()?;
        Some((number, generation))
    }

    fn object(&mut self, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'n' => self.keyword(b"null", Object::Null),
            b't' => self.keyword(b"true", Object::Boolean(true)),
            b'f' => self.keyword(b"false", Object::Boolean(false)),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => self.name().map(Object::Name),
            b'(' => self.literal_string(),
            b'<' if self.rest().starts_with(b"<<") => self.dictionary(depth).map(Object::Dictionary),
            b'<' => self.hexadecimal_string(),
            b'[' => self.array(depth),
            _ => None,
        }
    }

    fn keyword(&mut self, word: &[u8], object: Object) -> Option<Object> {
        self.rest().starts_with(word).then_some(())?;
        self.at += word.len();
        self.ends_token()?;
        Some(object)
    }

    /// A reference, a real or an integer, tried in nom's order.
    fn number(&mut self) -> Option<Object> {
        let start = self.at;
        if let Some(reference) = self.reference()? {
            return Some(reference);
        }
        self.at = start;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        let whole = self.digits().len();
        let object = if self.peek() == Some(b'.') {
            self.at += 1;
            let fraction = self.digits().len();
            if whole == 0 && fraction == 0 {
                return None;
            }
            Object::Real(str::from_utf8(&self.bytes[start..self.at]).ok()?.parse().ok()?)
        } else {
            if whole == 0 {
                return None;
            }
            Object::Integer(str::from_utf8(&self.bytes[start..self.at]).ok()?.parse().ok()?)
        };
        self.ends_token()?;
        Some(object)
    }

    /// `N G R`: `Some(None)` where nom's `reference` fails and its `alt`
    /// goes on to read a number; `None` where a comment stands between
    /// the parts, which nom's `space` skips and this reader does not.
    fn reference(&mut self) -> Option<Option<Object>> {
        let Some(number) = self.unsigned::<u32>() else {
            return Some(None);
        };
        self.whitespace_before_comment()?;
        let Some(generation) = self.unsigned::<u16>() else {
            return Some(None);
        };
        self.whitespace_before_comment()?;
        if self.peek() != Some(b'R') {
            return Some(None);
        }
        self.at += 1;
        self.ends_token()?;
        Some(Some(Object::Reference((number, generation))))
    }

    /// Skips white space; `None` if a comment follows it.
    fn whitespace_before_comment(&mut self) -> Option<()> {
        self.skip_whitespace();
        (self.peek() != Some(b'%')).then_some(())
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.at += 1;
        }
    }

    fn name(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let mut name = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let high = hex_value(*self.bytes.get(self.at + 1)?)?;
                let low = hex_value(*self.bytes.get(self.at + 2)?)?;
                name.push(high << 4 | low);
                self.at += 3;
            } else if is_regular(c) {
                name.push(c);
                self.at += 1;
            } else {
                break;
            }
        }
        Some(name)
    }

    fn literal_string(&mut self) -> Option<Object> {
        self.at += 1;
        let mut text = Vec::new();
        let mut open = 1;
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                b'(' if open == DEPTH => return None,
                b'(' => open += 1,
                b')' if open == 1 => break,
                b')' => open -= 1,
                b'\\' => {
                    if let Some(byte) = self.escape()? {
                        text.push(byte);
                    }
                    continue;
                }
                _ => {}
            }
            text.push(c);
        }
        Some(Object::String(text, StringFormat::Literal))
    }

    /// The character after a backslash: `Some(None)` for a line
    /// continuation, `None` at the end of the input.
    fn escape(&mut self) -> Option<Option<u8>> {
        let c = self.peek()?;
        self.at += 1;
        let byte = match c {
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
                value as u8
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
                return Some(None);
            }
            b'\n' => return Some(None),
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => b'\x08',
            b'f' => b'\x0C',
            other => other,
        };
        Some(Some(byte))
    }

    fn hexadecimal_string(&mut self) -> Option<Object> {
        self.at += 1;
        let mut bytes = Vec::new();
        let mut high = true;
        loop {
            self.skip_whitespace();
            let Some(value) = self.peek().and_then(hex_value) else {
                break;
            };
            self.at += 1;
            if high {
                bytes.push(value << 4);
            } else if let Some(last) = bytes.last_mut() {
                *last |= value;
            }
            high = !high;
        }
        (self.peek()? == b'>').then_some(())?;
        self.at += 1;
        Some(Object::String(bytes, StringFormat::Hexadecimal))
    }

    fn array(&mut self, depth: usize) -> Option<Object> {
        let depth = depth.checked_sub(1)?;
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.space()?;
            if self.peek()? == b']' {
                self.at += 1;
                return Some(Object::Array(items));
            }
            items.push(self.object(depth)?);
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        let depth = depth.checked_sub(1)?;
        self.at += 2;
        let mut dict = Dictionary::new();
        loop {
            self.space()?;
            match self.peek()? {
                b'>' => {
                    self.rest().starts_with(b">>").then_some(())?;
                    self.at += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.space()?;
                    let value = self.object(depth)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }

    /// The stream `dict` starts, if `stream` follows it, else `dict`.
    /// Only a stream with a direct, non-negative `/Length` whose data ends
    /// where `endstream` is is read here; nom reads the others (an indirect
    /// length takes the file's reader, a wrong one a fallback).
    fn stream_or(&mut self, dict: Dictionary) -> Option<Object> {
        self.space()?;
        if !self.rest().starts_with(b"stream") {
            return Some(Object::Dictionary(dict));
        }
        self.at += b"stream".len();
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
        self.eol().then_some(())?;
        let length = match dict.get(b"Length") {
            Ok(Object::Integer(length)) => usize::try_from(*length).ok()?,
            _ => return None,
        };
        let data = self.bytes.get(self.at..self.at.checked_add(length)?)?;
        self.at += length;
        self.eol();
        self.rest().starts_with(b"endstream").then_some(())?;
        Some(Object::Stream(Stream::new(dict, data.to_vec())))
    }

    /// Skips one end of line (`\r\n`, `\n` or `\r`), saying whether there was one.
    fn eol(&mut self) -> bool {
        match self.peek() {
            Some(b'\r') => {
                self.at += 1;
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
                true
            }
            Some(b'\n') => {
                self.at += 1;
                true
            }
            _ => false,
        }
    }
}

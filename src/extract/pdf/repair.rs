//! Rebuilding a PDF's index of objects (its cross-reference table) when it
//! points to the wrong place or is gone, as after a cut download or a
//! careless edit: the objects themselves are usually all there.
//!
//! Takes the file's bytes, gives them with a fresh cross-reference table and
//! trailer appended, built by finding every `N G obj` in the file (the last
//! one of a number wins, as an incremental update would have it). Objects
//! packed in object streams cannot be listed this way; such a file stays
//! unreadable.
//!
//! Also mends stream lengths ([`fix_lengths`]): a `/Length` that does not
//! end where `endstream` is makes the PDF library drop the object without a
//! word; the length is set from where the stream ends.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use memchr::memmem;
use regex::bytes::Regex;

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)/(Root|Info|Encrypt)\s*([0-9]{1,10})\s+([0-9]{1,5})\s+R").unwrap()
});
static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)/ID\s*(\[[^\]]*\])").unwrap());
static CATALOG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)/Type\s*/Catalog\b").unwrap());

/// The bytes with a rebuilt cross-reference table, or `None` when no object
/// or no document catalog can be found.
///
/// Junk before the `%PDF-` header (a banner some producers print) is
/// dropped, so every offset counts from the header: lopdf counts most
/// offsets from the header but looks up indirect stream lengths from the
/// start of the file, and would lose those streams otherwise.
pub(super) fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    let header = find_first(bytes, b"%PDF-").unwrap_or(0);
    let objects = objects(bytes);
    let max = *objects.keys().next_back()?;
    let trailer = trailer(bytes, &objects)?;
    let mut out = bytes[header..].to_vec();
    out.extend_from_slice(b"\n");
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f\r\n", max + 1);
    for number in 1..=max {
        match objects.get(&number) {
            Some((offset, generation)) => {
                let offset = offset.saturating_sub(header);
                let _ = write!(table, "{offset:010} {generation:05} n\r\n");
            }
            None => table.push_str("0000000000 65535 f\r\n"),
        }
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
        max + 1
    );
    out.extend_from_slice(table.as_bytes());
    Some(out)
}

/// Every object's number → (offset, generation); the last definition wins.
///
/// Found by `obj` keywords, read backwards: `N G obj` with N of at most 10
/// digits and G of at most 5, after white space or the file's start. This
/// runs on every file with a length kept in an object of its own, so it is
/// a byte scan, not a regex.
fn objects(bytes: &[u8]) -> BTreeMap<u32, (usize, u16)> {
    let mut found = BTreeMap::new();
    for at in memmem::find_iter(bytes, b"obj") {
        let after = bytes.get(at + 3).copied();
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            continue;
        }
        let Some((generation, start)) = number_before(bytes, at, 5) else {
            continue;
        };
        let Some((number, start)) = number_before(bytes, start, 10) else {
            continue;
        };
        if start > 0 && !is_separator(bytes[start - 1]) {
            continue;
        }
        if let (Ok(n), Ok(g)) = (u32::try_from(number), u16::try_from(generation)) {
            found.insert(n, (start, g));
        }
    }
    found
}

/// The unsigned integer of at most `max_digits` digits that ends, after at
/// least one separator, right before `end`, with where its digits start.
fn number_before(bytes: &[u8], end: usize, max_digits: usize) -> Option<(u64, usize)> {
    let gap = bytes[..end]
        .iter()
        .rev()
        .take_while(|&&c| is_separator(c))
        .count();
    let digits_end = end - gap;
    let digits = bytes[..digits_end]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if gap == 0 || digits == 0 || digits > max_digits {
        return None;
    }
    let start = digits_end - digits;
    Some((decimal(&bytes[start..digits_end]), start))
}

/// The value of a run of at most 19 ASCII digits.
fn decimal(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |n, &c| n * 10 + u64::from(c - b'0'))
}

/// The white space that separates `N G obj`'s parts.
fn is_separator(c: u8) -> bool {
    matches!(c, b'\r' | b'\n' | b'\t' | b' ')
}

/// The trailer's entries: the old trailer's /Root, /Info, /Encrypt and /ID
/// where one is left, else the document catalog found among the objects.
fn trailer(bytes: &[u8], objects: &BTreeMap<u32, (usize, u16)>) -> Option<String> {
    let old = find_last(bytes, b"trailer").map(|at| &bytes[at..]);
    let mut entries: Vec<String> = Vec::new();
    let mut keys: Vec<&[u8]> = Vec::new();
    if let Some(old) = old {
        // The first of each key is the trailer's own; later ones belong to
        // objects after it.
        for c in REFERENCE.captures_iter(old) {
            let key = c.get(1).map_or(&b""[..], |m| m.as_bytes());
            if !keys.contains(&key) {
                keys.push(key);
                entries.push(String::from_utf8_lossy(&c[0]).into_owned());
            }
        }
        if let Some(id) = ID.captures(old) {
            entries.push(format!("/ID {}", String::from_utf8_lossy(&id[1])));
        }
    }
    if !keys.contains(&&b"Root"[..]) {
        let catalog = objects.iter().find(|(_, (offset, _))| {
            let body = &bytes[*offset..bytes.len().min(offset + 4096)];
            let end = find_first(body, b"endobj").unwrap_or(body.len());
            CATALOG.is_match(&body[..end])
        })?;
        entries.insert(0, format!("/Root {} {} R", catalog.0, catalog.1.1));
    }
    Some(entries.join(" "))
}

/// The bytes with every direct `/Length` that misses its `endstream` set
/// to where the stream ends, and how many were mended; `None` when all are
/// right. Offsets move, so the caller rebuilds the index.
pub(super) fn fix_lengths(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut edits: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    let mut index = None;
    for (keyword, start) in stream_starts(bytes) {
        let window = &bytes[keyword.saturating_sub(2048)..keyword];
        let Some(dict) = find_last(window, b"obj").map(|at| &window[at..]) else {
            continue;
        };
        let Some(length) = last_length(dict) else {
            continue;
        };
        // A length kept in an object of its own (`/Length 27 0 R`): its
        // value, and the reference is what gets replaced.
        let Ok(value) = usize::try_from(length.value) else {
            continue;
        };
        let (declared, replaced) = match length.reference {
            None => (Some(value), length.digits),
            Some(reference) => (
                indirect_value(
                    bytes,
                    index.get_or_insert_with(|| objects(bytes)),
                    value,
                    &dict[reference.clone()],
                ),
                length.digits.start..reference.end,
            ),
        };
        let Some(declared) = declared else {
            continue;
        };
        if ends_at(bytes, start.saturating_add(declared)) {
            continue;
        }
        let Some(end) = find_first(&bytes[start..], b"endstream").map(|e| start + e) else {
            continue;
        };
        let mut actual = end - start;
        for eol in [&b"\r\n"[..], b"\n", b"\r"] {
            if bytes[start..end].ends_with(eol) {
                actual -= eol.len();
                break;
            }
        }
        let offset = window.as_ptr() as usize - bytes.as_ptr() as usize
            + (dict.as_ptr() as usize - window.as_ptr() as usize);
        edits.push((offset + replaced.start..offset + replaced.end, actual));
    }
    if edits.is_empty() {
        return None;
    }
    let mut out = bytes.to_vec();
    for (range, actual) in edits.iter().rev() {
        out.splice(range.clone(), actual.to_string().into_bytes());
    }
    Some((out, edits.len()))
}

/// Where each `stream` keyword starts and where its data starts (after
/// the keyword's end of line), skipping `endstream`.
fn stream_starts(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    memmem::find_iter(bytes, b"stream").filter_map(move |at| {
        if bytes[..at].ends_with(b"end") {
            return None;
        }
        let data = at + b"stream".len();
        let eol = eol_len(&bytes[data..]);
        (eol > 0).then_some((at, data + eol))
    })
}

/// A `/Length` entry, by its spans in the dictionary it was read from.
struct Length {
    /// Where the number is (at most 12 digits).
    digits: std::ops::Range<usize>,
    /// The number.
    value: u64,
    /// ` G R` when the number is an object's: the length is kept there.
    reference: Option<std::ops::Range<usize>>,
}

/// The last `/Length N` or `/Length N G R` in `dict` (not `/Length1`,
/// a font program's).
fn last_length(dict: &[u8]) -> Option<Length> {
    let is_space = |c: &u8| c.is_ascii_whitespace() || *c == b'\x0b';
    let spaces = |from: usize| dict[from..].iter().take_while(|c| is_space(c)).count();
    let digits = |from: usize| {
        dict[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    memmem::rfind_iter(dict, b"/Length").find_map(|at| {
        let after = at + b"/Length".len();
        let gap = spaces(after);
        let count = digits(after + gap).min(12);
        if gap == 0 || count == 0 {
            return None;
        }
        let digits_end = after + gap + count;
        let reference = {
            let gap = spaces(digits_end);
            let generation = digits(digits_end + gap);
            let before_r = digits_end + gap + generation;
            let gap_r = spaces(before_r);
            let r = before_r + gap_r;
            (gap > 0 && generation > 0 && gap_r > 0 && dict.get(r) == Some(&b'R'))
                .then_some(digits_end..r + 1)
        };
        let digits = after + gap..digits_end;
        Some(Length {
            value: decimal(&dict[digits.clone()]),
            digits,
            reference,
        })
    })
}

/// The integer object `number` (with the generation in `reference`,
/// " G R") holds: `number G obj VALUE endobj`, by the file's last
/// definition of that number (from [`objects`], built once, at the first
/// length kept in an object of its own).
fn indirect_value(
    bytes: &[u8],
    objects: &BTreeMap<u32, (usize, u16)>,
    number: usize,
    reference: &[u8],
) -> Option<usize> {
    let reference = std::str::from_utf8(reference).ok()?;
    let generation: u16 = reference.split_whitespace().next()?.parse().ok()?;
    let &(at, found) = objects.get(&u32::try_from(number).ok()?)?;
    let body = at + find_first(&bytes[at..], b"obj")? + b"obj".len();
    (found == generation).then(|| integer_then_endobj(&bytes[body..]))?
}

/// The integer at the start of `body` (after white space), when only
/// white space and `endobj` follow it.
fn integer_then_endobj(body: &[u8]) -> Option<usize> {
    let body = body.trim_ascii_start();
    let digits = body
        .iter()
        .take(13)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 || digits > 12 || !body[digits..].trim_ascii_start().starts_with(b"endobj") {
        return None;
    }
    std::str::from_utf8(&body[..digits]).ok()?.parse().ok()
}

/// Whether `endstream` follows `at`, after at most one end of line.
fn ends_at(bytes: &[u8], at: usize) -> bool {
    let Some(rest) = bytes.get(at..) else {
        return false;
    };
    rest[eol_len(rest)..].starts_with(b"endstream")
}

/// The length of the end of line `rest` starts with: `\r\n`, `\n` or `\r`;
/// 0 for none.
fn eol_len(rest: &[u8]) -> usize {
    if rest.starts_with(b"\r\n") {
        2
    } else {
        usize::from(rest.starts_with(b"\n") || rest.starts_with(b"\r"))
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memmem::rfind(haystack, needle)
}

fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF whose startxref points nowhere.
    fn broken() -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        for (i, body) in objects.iter().enumerate() {
            pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        pdf.extend_from_slice(b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n99999\n%%EOF\n");
        pdf
    }

    #[test]
    fn a_table_is_rebuilt_from_the_objects() {
        let fixed = rebuild_xref(&broken()).unwrap();
        let text = String::from_utf8_lossy(&fixed);
        assert!(
            text.contains("xref\n0 4\n0000000000 65535 f\r\n0000000009 00000 n\r\n"),
            "{text}"
        );
        assert!(
            text.contains("trailer\n<< /Size 4 /Root 1 0 R >>"),
            "{text}"
        );
        let doc = pdf_extract::Document::load_mem(&fixed).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn wrong_stream_lengths_are_set_from_endstream() {
        let pdf = b"1 0 obj\n<< /Length 3 >>\nstream\nBT (Hi) Tj ET\nendstream\nendobj\n\
            2 0 obj\n<< /Length 99 >>\nstream\nq Q\r\nendstream\nendobj\n\
            3 0 obj\n<< /Length 5 >>\nstream\n/X Do\nendstream\nendobj\n\
            4 0 obj\n<< /Length 5 0 R >>\nstream\nBT ET\nendstream\nendobj\n5 0 obj\n9\nendobj\n";
        let (fixed, mended) = fix_lengths(pdf).unwrap();
        assert_eq!(mended, 3);
        assert!(String::from_utf8_lossy(&fixed).contains("<< /Length 5 >>\nstream\nBT ET"));
        let text = String::from_utf8_lossy(&fixed);
        assert!(
            text.contains("<< /Length 13 >>\nstream\nBT (Hi) Tj ET\n"),
            "{text}"
        );
        assert!(text.contains("<< /Length 3 >>\nstream\nq Q\r\n"), "{text}");
        assert!(text.contains("<< /Length 5 >>"), "{text}");
        assert!(fix_lengths(&fixed).is_none());
    }

    #[test]
    fn without_a_trailer_the_catalog_is_found() {
        let mut pdf = broken();
        let at = find_last(&pdf, b"trailer").unwrap();
        pdf.truncate(at);
        let fixed = rebuild_xref(&pdf).unwrap();
        assert!(String::from_utf8_lossy(&fixed).contains("/Root 1 0 R"));
        assert!(rebuild_xref(b"%PDF-1.4\nno objects here\n").is_none());
    }

    #[test]
    fn objects_are_numbers_generation_and_the_keyword() {
        let pdf = b"1 0 obj\n<<>>\nendobj\n 12\t3\r\nobj 5\nx7 0 obj 8 0 objx \
            12345678901 0 obj 9 123456 obj 4 0 obj\n4 0 obj";
        let found = objects(pdf);
        let starts: Vec<(u32, u16, &[u8])> = found
            .iter()
            .map(|(&n, &(at, g))| (n, g, &pdf[at..at + 1]))
            .collect();
        assert_eq!(
            starts,
            [(1, 0, &b"1"[..]), (4, 0, &b"4"[..]), (12, 3, &b"1"[..])]
        );
        // The last definition of 4 wins.
        assert_eq!(found[&4].0, pdf.len() - b"4 0 obj".len());
    }

    #[test]
    fn the_last_length_entry_is_read_and_font_lengths_are_not() {
        let spans = |dict: &[u8]| {
            last_length(dict).map(|l| {
                let text =
                    |r: std::ops::Range<usize>| String::from_utf8_lossy(&dict[r]).into_owned();
                (text(l.digits), l.reference.map(text))
            })
        };
        assert_eq!(spans(b"<< /Length 42 >>"), Some(("42".into(), None)));
        assert_eq!(
            spans(b"<< /Length 1 /Length\n7 0 R >>"),
            Some(("7".into(), Some(" 0 R".into())))
        );
        assert_eq!(spans(b"<< /Length1 900 /Length2 5 >>"), None);
        assert_eq!(
            spans(b"<< /Length 9 /Length /X >>"),
            Some(("9".into(), None))
        );
        assert_eq!(spans(b"<< /Length 5 0 >>"), Some(("5".into(), None)));
    }
}

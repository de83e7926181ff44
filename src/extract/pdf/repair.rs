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

use regex::bytes::Regex;

static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\r\n\t ])([0-9]{1,10})[\r\n\t ]+([0-9]{1,5})[\r\n\t ]+obj\b").unwrap()
});
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(Root|Info|Encrypt)\s*([0-9]{1,10})\s+([0-9]{1,5})\s+R").unwrap()
});
static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/ID\s*(\[[^\]]*\])").unwrap());
static STREAM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)stream(\r\n|\n|\r)").unwrap());
static LENGTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Length\s+(\d{1,12})(\s+\d+\s+R)?").unwrap());
static CATALOG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/Type\s*/Catalog\b").unwrap());

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
fn objects(bytes: &[u8]) -> BTreeMap<u32, (usize, u16)> {
    let mut found = BTreeMap::new();
    for c in OBJECT.captures_iter(bytes) {
        let (Some(number), Some(generation)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let text =
            |m: regex::bytes::Match<'_>| std::str::from_utf8(m.as_bytes()).ok().map(str::to_string);
        let n = text(number).and_then(|t| t.parse::<u32>().ok());
        let g = text(generation).and_then(|t| t.parse::<u16>().ok());
        if let (Some(n), Some(g)) = (n, g) {
            found.insert(n, (number.start(), g));
        }
    }
    found
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
    for m in STREAM.find_iter(bytes) {
        // `endstream` itself ends with "stream".
        if bytes[..m.start()].ends_with(b"end") {
            continue;
        }
        let start = m.end();
        let window = &bytes[m.start().saturating_sub(2048)..m.start()];
        let Some(dict) = find_last(window, b"obj").map(|at| &window[at..]) else {
            continue;
        };
        let Some(length) = LENGTH.captures_iter(dict).last() else {
            continue;
        };
        let digits = length.get(1).expect("group 1");
        let number = std::str::from_utf8(digits.as_bytes())
            .ok()
            .and_then(|d| d.parse::<usize>().ok());
        // A length kept in an object of its own (`/Length 27 0 R`): its
        // value, and the reference is what gets replaced.
        let (declared, replaced) = match (number, length.get(2)) {
            (Some(n), None) => (Some(n), digits.start()..digits.end()),
            (Some(n), Some(reference)) => (
                indirect_value(
                    bytes,
                    index.get_or_insert_with(|| objects(bytes)),
                    n,
                    reference.as_bytes(),
                ),
                digits.start()..reference.end(),
            ),
            (None, _) => (None, 0..0),
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
    let rest = rest
        .strip_prefix(b"\r\n")
        .or_else(|| rest.strip_prefix(b"\n"))
        .or_else(|| rest.strip_prefix(b"\r"))
        .unwrap_or(rest);
    rest.starts_with(b"endstream")
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
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
}

//! Rebuilding a PDF's index of objects (its cross-reference table) when it
//! points to the wrong place or is gone, as after a cut download or a
//! careless edit: the objects themselves are usually all there.
//!
//! Takes the file's bytes, gives them with a fresh cross-reference table and
//! trailer appended, built by finding every `N G obj` in the file (the last
//! one of a number wins, as an incremental update would have it). Objects
//! packed in object streams cannot be listed this way; such a file stays
//! unreadable.

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
    fn without_a_trailer_the_catalog_is_found() {
        let mut pdf = broken();
        let at = find_last(&pdf, b"trailer").unwrap();
        pdf.truncate(at);
        let fixed = rebuild_xref(&pdf).unwrap();
        assert!(String::from_utf8_lossy(&fixed).contains("/Root 1 0 R"));
        assert!(rebuild_xref(b"%PDF-1.4\nno objects here\n").is_none());
    }
}

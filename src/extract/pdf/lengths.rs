//! Streams whose declared `/Length` is wrong, recovered from the file.
//!
//! Takes the loaded document and the bytes it was loaded from, gives the
//! number of streams it recovered. lopdf reads exactly `/Length` bytes and
//! then wants `endstream`; when the length is wrong (a careless edit, a
//! producer that counts the line end, console output caught in the file)
//! it keeps the stream's dictionary and drops its data, so a page loses
//! its whole text without a word. pdftotext and mutool look for
//! `endstream` instead; so do we.

use pdf_extract::xref::XrefEntry;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Gives every dictionary that the file shows to be a stream its data back;
/// returns how many it mended.
pub fn recover(doc: &mut Document, bytes: &[u8]) -> usize {
    // lopdf counts offsets from the `%PDF-` header.
    let base = find(bytes, b"%PDF-").unwrap_or(0);
    let bytes = &bytes[base..];
    let lost: Vec<(ObjectId, usize)> = doc
        .objects
        .iter()
        .filter(|(_, object)| matches!(object, Object::Dictionary(d) if d.has(b"Length")))
        .filter_map(|(id, _)| match doc.reference_table.get(id.0)? {
            XrefEntry::Normal { offset, generation } if *generation == id.1 => {
                Some((*id, *offset as usize))
            }
            _ => None,
        })
        .collect();
    let mut mended = 0;
    for (id, offset) in lost {
        let Some(Object::Dictionary(dict)) = doc.objects.get(&id) else {
            continue;
        };
        let declared = declared_length(doc, dict);
        let Some(data) = bytes.get(offset..).and_then(|b| stream_data(b, declared)) else {
            continue;
        };
        if let Some(Object::Dictionary(dict)) = doc.objects.remove(&id) {
            doc.objects
                .insert(id, Object::Stream(Stream::new(dict, data.to_vec())));
            mended += 1;
        }
    }
    mended
}

/// The stream's `/Length`, direct or through one reference.
fn declared_length(doc: &Document, dict: &Dictionary) -> Option<usize> {
    let length = match dict.get(b"Length").ok()? {
        Object::Reference(id) => doc.objects.get(id)?,
        other => other,
    };
    usize::try_from(length.as_i64().ok()?).ok()
}

/// The data of the stream whose object starts at `object`: from the line
/// end after `stream` to `endstream`, or the declared length of it when
/// that is shorter (what follows the data but precedes `endstream` is
/// junk, not data). `None` when the object holds no stream.
fn stream_data(object: &[u8], declared: Option<usize>) -> Option<&[u8]> {
    let end_of_object = find(object, b"endobj").unwrap_or(object.len());
    let object = &object[..end_of_object];
    let dict_end = find(object, b">>")?;
    let keyword = dict_end + find(&object[dict_end..], b"stream")?;
    let mut start = keyword + b"stream".len();
    if object.get(start) == Some(&b'\r') {
        start += 1;
    }
    if object.get(start) == Some(&b'\n') {
        start += 1;
    }
    let end = start + find(object.get(start..)?, b"endstream")?;
    let mut data = &object[start..end];
    if let Some(declared) = declared.filter(|&n| n <= data.len()) {
        data = &data[..declared];
    } else {
        while let Some((&last, rest)) = data.split_last()
            && (last == b'\n' || last == b'\r')
        {
            data = rest;
        }
    }
    Some(data)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_before_endstream_is_cut_at_the_declared_length() {
        let object = b"5 0 obj\n<</Length 4>>\nstream\nabcd\nPage 2\nendstream\nendobj\n";
        assert_eq!(stream_data(object, Some(4)), Some(&b"abcd"[..]));
    }

    #[test]
    fn a_length_past_endstream_gives_the_data_up_to_it() {
        let object = b"5 0 obj\n<</Length 40>>\nstream\r\nabcd\r\nendstream\nendobj\n";
        assert_eq!(stream_data(object, Some(40)), Some(&b"abcd"[..]));
        assert_eq!(stream_data(object, None), Some(&b"abcd"[..]));
    }

    #[test]
    fn a_dictionary_without_stream_is_left_alone() {
        assert_eq!(
            stream_data(
                b"5 0 obj\n<</Length 4>>\nendobj\n6 0 obj\n<<>>stream\nx\nendstream",
                Some(4)
            ),
            None
        );
    }

    #[test]
    fn a_document_gets_its_stream_back() {
        let body = "1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>\nendobj\n4 0 obj\n<</Length 5 0 R>>\nstream\nBT ET\nPage 2\nendstream\nendobj\n5 0 obj\n5\nendobj\n";
        let mut pdf = format!("%PDF-1.4\n{body}");
        let offsets: Vec<usize> = (1..=5)
            .map(|n| pdf.find(&format!("\n{n} 0 obj")).unwrap() + 1)
            .collect();
        let xref = pdf.len();
        pdf.push_str("xref\n0 6\n0000000000 65535 f\r\n");
        for o in offsets {
            pdf.push_str(&format!("{o:010} 00000 n\r\n"));
        }
        pdf.push_str(&format!(
            "trailer\n<</Size 6/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"
        ));
        let mut doc = Document::load_mem(pdf.as_bytes()).unwrap();
        assert!(doc.get_object((4, 0)).unwrap().as_stream().is_err());
        assert_eq!(recover(&mut doc, pdf.as_bytes()), 1);
        let stream = doc.get_object((4, 0)).unwrap().as_stream().unwrap();
        assert_eq!(stream.content, b"BT ET");
    }
}

//! Embedded Type 1 font programs read once, by us, instead of per page run.
//!
//! Takes the prepared document (Type 1 programs still packed: only their
//! clear text is unpacked, here), gives the number of fonts it changed.
//! pdf-extract reads a Type 1 program only for its built-in encoding,
//! which it uses only when the font has no `/Encoding` of its own; yet it
//! runs every program's clear text through a slow tokenizer each time it
//! meets the font (on a LaTeX report, a third of all the work of reading
//! it). So each Type 1 font gets the program's encoding written as an
//! `/Encoding` with `/Differences` when it has none (the same table:
//! pdf-extract lays both over the same base), and a copy of its font
//! descriptor without the program. The programs of the fonts left as they
//! were are unpacked whole, once, for pdf-extract.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::prepare::deref;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Rewrites every Type 1 font with an embedded program; returns how many.
/// The programs pdf-extract may still read (of fonts left as they were)
/// are then unpacked, once.
pub fn read_programs(doc: &mut Document) -> usize {
    let fonts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(is_type1_font))
        .map(|(id, _)| *id)
        .collect();
    let rewritten = fonts.into_iter().filter(|&id| rewrite(doc, id)).count();
    unpack_programs_in_reach(doc);
    rewritten
}

/// Unpacks every Type 1 program a font's descriptor still names, as
/// pdf-extract would at every load of the font.
fn unpack_programs_in_reach(doc: &mut Document) {
    let programs: BTreeSet<ObjectId> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok()?.get(b"FontDescriptor").ok())
        .filter_map(|d| {
            deref(doc, d)?
                .as_dict()
                .ok()?
                .get(b"FontFile")
                .ok()?
                .as_reference()
                .ok()
        })
        .collect();
    for id in programs {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            && stream.is_compressed()
            && let Ok(plain) = stream.decompressed_content()
        {
            stream.set_plain_content(plain);
        }
    }
}

/// The clear-text start of a Type 1 program, through its first `eexec`
/// (all of it when there is none), where the built-in encoding is. A
/// program packed with Flate alone is unpacked only that far: the
/// encrypted rest, most of it, is never read. `None` for other packing, or
/// damage before `eexec`, which the caller unpacks as the PDF library does.
fn clear_text(program: &Stream) -> Option<Cow<'_, [u8]>> {
    if !program.is_compressed() {
        return Some(Cow::Borrowed(&program.content));
    }
    let flate_only =
        program.filters().ok()? == [b"FlateDecode"] && !program.dict.has(b"DecodeParms");
    if !flate_only || program.content.is_empty() {
        return None;
    }
    let mut decoder = flate2::read::ZlibDecoder::new(program.content.as_slice());
    let mut clear = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let read = std::io::Read::read(&mut decoder, &mut chunk).ok()?;
        if read == 0 {
            return Some(Cow::Owned(clear));
        }
        // `eexec` may straddle two chunks.
        let from = clear.len().saturating_sub(4);
        clear.extend_from_slice(&chunk[..read]);
        if memchr::memmem::find(&clear[from..], b"eexec").is_some() {
            return Some(Cow::Owned(clear));
        }
    }
}

fn is_type1_font(dict: &Dictionary) -> bool {
    let name = |key: &[u8]| dict.get(key).and_then(Object::as_name).ok();
    name(b"Subtype") == Some(b"Type1") && name(b"Type") == Some(b"Font")
}

/// Gives the font its program's encoding (when it has none) and a
/// descriptor without the program; false when it is left as it was.
fn rewrite(doc: &mut Document, font: ObjectId) -> bool {
    let Some(dict) = doc.objects.get(&font).and_then(|o| o.as_dict().ok()) else {
        return false;
    };
    let has_encoding = dict.has(b"Encoding");
    let Some(descriptor) = dict
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| deref(doc, d))
        .and_then(|d| d.as_dict().ok())
    else {
        return false;
    };
    let Some(program) = descriptor
        .get(b"FontFile")
        .ok()
        .and_then(|p| deref(doc, p))
        .and_then(|p| p.as_stream().ok())
    else {
        return false;
    };
    let clear = match clear_text(program) {
        Some(clear) => clear,
        None => match program.decompressed_content() {
            Ok(plain) => Cow::Owned(plain),
            Err(_) => return false,
        },
    };
    let encoding = if has_encoding {
        None
    } else {
        match builtin_encoding(&clear) {
            Some(encoding) => Some(differences(&encoding)),
            // An encoding we cannot read stays for pdf-extract to read.
            None => return false,
        }
    };
    let mut descriptor = descriptor.clone();
    descriptor.remove(b"FontFile");
    let descriptor = doc.add_object(Object::Dictionary(descriptor));
    let Some(Object::Dictionary(dict)) = doc.objects.get_mut(&font) else {
        return false;
    };
    dict.set("FontDescriptor", Object::Reference(descriptor));
    if let Some(encoding) = encoding {
        dict.set("Encoding", encoding);
    }
    true
}

/// An `/Encoding` dictionary whose `/Differences` list `encoding`.
fn differences(encoding: &BTreeMap<u32, Vec<u8>>) -> Object {
    let mut list = Vec::with_capacity(encoding.len() * 2);
    let mut next = None;
    for (&code, name) in encoding {
        if next != Some(code) {
            list.push(Object::Integer(i64::from(code)));
        }
        list.push(Object::Name(name.clone()));
        next = Some(code + 1);
    }
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Encoding".to_vec()));
    dict.set("Differences", Object::Array(list));
    Object::Dictionary(dict)
}

/// The built-in encoding of a Type 1 program: the `dup CODE /name put`
/// entries of its `/Encoding` array, from the clear-text part. Empty for
/// `/Encoding StandardEncoding def` (pdf-extract reads that as no
/// entries too); `None` when the program has no `/Encoding` before its
/// encrypted part.
fn builtin_encoding(program: &[u8]) -> Option<BTreeMap<u32, Vec<u8>>> {
    let clear = match program.windows(5).position(|w| w == b"eexec") {
        Some(end) => &program[..end],
        None => program,
    };
    let start = clear.windows(9).position(|w| w == b"/Encoding")? + 9;
    let mut tokens = clear[start..]
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty());
    let mut map = BTreeMap::new();
    let mut window: [&[u8]; 3] = [b"", b"", b""];
    for token in tokens.by_ref() {
        if token == b"def" {
            return Some(map);
        }
        if token == b"put"
            && window[0] == b"dup"
            && let Some(name) = window[2].strip_prefix(b"/")
            && let Some(code) = std::str::from_utf8(window[1])
                .ok()
                .and_then(|c| c.parse::<u32>().ok())
                .filter(|&c| c < 256)
        {
            map.insert(code, name.to_vec());
        }
        window = [window[1], window[2], token];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &[u8] = b"%!PS-AdobeFont-1.0: CMR10\n/FontName /CMR10 def\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /A put\ndup 66 /B put\ndup 200 /oslash put\nreadonly def\ncurrentfile eexec\n\x8e\x13 dup 67 /C put";

    #[test]
    fn the_encoding_is_read_from_the_clear_text() {
        let encoding = builtin_encoding(PROGRAM).unwrap();
        let entries: Vec<(u32, &[u8])> = encoding.iter().map(|(c, n)| (*c, &n[..])).collect();
        assert_eq!(entries, [(65, &b"A"[..]), (66, b"B"), (200, b"oslash")]);
        let standard = b"/Encoding StandardEncoding def\ncurrentfile eexec\n";
        assert_eq!(builtin_encoding(standard), Some(BTreeMap::new()));
        assert_eq!(
            builtin_encoding(b"/FontName /X def currentfile eexec"),
            None
        );
    }

    /// The same table as pdf-extract's own reader of the program gives.
    #[test]
    fn the_encoding_agrees_with_pdf_extracts_reader() {
        let clear = &PROGRAM[..PROGRAM.windows(5).position(|w| w == b"eexec").unwrap() + 5];
        let theirs = type1_encoding_parser::get_encoding_map(clear).unwrap();
        let ours = builtin_encoding(PROGRAM).unwrap();
        let theirs: BTreeMap<u32, Vec<u8>> = theirs.into_iter().collect();
        assert_eq!(ours, theirs);
    }

    fn packed(bytes: &[u8]) -> Stream {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, encoder.finish().unwrap())
    }

    /// A packed program is unpacked through `eexec` only, wherever it
    /// falls in the decoder's chunks, and no further than the chunk
    /// holding it; without `eexec`, all of it.
    #[test]
    fn only_the_clear_text_is_unpacked() {
        for at in [10, 8188, 8190, 8192, 20_000] {
            let mut program = vec![b' '; at];
            program.extend_from_slice(b"eexec");
            program.extend(std::iter::repeat_n(0x8e, 100_000));
            let stream = packed(&program);
            let clear = clear_text(&stream).expect("Flate alone");
            assert!(
                clear.len() >= at + 5 && clear.len() < at + 5 + 8192,
                "{at}: {}",
                clear.len()
            );
            assert_eq!(&clear[..], &program[..clear.len()]);
        }
        let stream = packed(PROGRAM);
        let whole = clear_text(&stream).unwrap();
        assert_eq!(builtin_encoding(&whole), builtin_encoding(PROGRAM));
        let no_eexec = b"/Encoding StandardEncoding def";
        let stream = packed(no_eexec);
        assert_eq!(&clear_text(&stream).unwrap()[..], no_eexec);
        let mut damaged = packed(PROGRAM);
        damaged.content.truncate(3);
        assert!(clear_text(&damaged).is_none());
    }

    /// A font left as it was (no `/Type`, which pdf-extract does not ask
    /// for) keeps its program, unpacked; a rewritten one loses it.
    #[test]
    fn programs_of_fonts_left_alone_are_unpacked() {
        let mut doc = Document::with_version("1.5");
        let program = doc.add_object(Object::Stream(packed(PROGRAM)));
        let mut descriptor = Dictionary::new();
        descriptor.set("FontFile", Object::Reference(program));
        let descriptor = doc.add_object(Object::Dictionary(descriptor));
        let font = |typed: bool| {
            let mut dict = Dictionary::new();
            if typed {
                dict.set("Type", Object::Name(b"Font".to_vec()));
            }
            dict.set("Subtype", Object::Name(b"Type1".to_vec()));
            dict.set("FontDescriptor", Object::Reference(descriptor));
            Object::Dictionary(dict)
        };
        let rewritten = doc.add_object(font(true));
        let untyped = doc.add_object(font(false));
        assert_eq!(read_programs(&mut doc), 1);
        let descriptor_of = |id| {
            let d = doc.objects[&id]
                .as_dict()
                .unwrap()
                .get(b"FontDescriptor")
                .unwrap();
            deref(&doc, d).unwrap().as_dict().unwrap().clone()
        };
        assert!(!descriptor_of(rewritten).has(b"FontFile"));
        assert!(descriptor_of(untyped).has(b"FontFile"));
        let program = doc.objects[&program].as_stream().unwrap();
        assert!(!program.is_compressed());
        assert_eq!(program.content, PROGRAM);
    }

    #[test]
    fn differences_run_in_code_order_with_gaps_numbered() {
        let encoding = BTreeMap::from([
            (65, b"A".to_vec()),
            (66, b"B".to_vec()),
            (200, b"oslash".to_vec()),
        ]);
        let Object::Dictionary(dict) = differences(&encoding) else {
            panic!("not a dictionary");
        };
        let list = dict.get(b"Differences").unwrap().as_array().unwrap();
        let shown: Vec<String> = list
            .iter()
            .map(|o| match o {
                Object::Integer(i) => i.to_string(),
                Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
                _ => "?".into(),
            })
            .collect();
        assert_eq!(shown, ["65", "A", "B", "200", "oslash"]);
    }
}

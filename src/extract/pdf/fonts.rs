//! Fonts pdf-extract cannot load, found before the pages are read.
//!
//! Takes the prepared document and its pages; takes the text drawn in
//! each font that cannot be loaded out of the page's drawing
//! instructions, and gives one warning per such page, naming it and the
//! font. Why: pdf-extract loads a font when a page selects it (`Tf`) and
//! panics on one it cannot read (an unknown encoding, descendant fonts
//! that are not there, a font that is not a dictionary), which made the
//! whole page, and so the whole file, unreadable for the sake of the text
//! in one font. Every font is tried once, alone, on a page of its own.

use std::collections::{HashMap, HashSet};

use pdf_extract::content::{Content, Operation};
use pdf_extract::{
    Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Stream, Transform,
};

use super::prepare::deref;

/// Most objects copied into the page a font is tried on: a font with its
/// program, encoding and maps needs some tens.
const MAX_COPIED: usize = 10_000;

/// Most stream bytes copied for it: a font program takes some hundred
/// kilobytes. A "font" that refers to more (a damaged reference to a
/// page, say) is not tried, and its page is read as it is.
const MAX_COPIED_BYTES: usize = 32 * 1024 * 1024;

/// Takes the text of fonts that cannot be loaded out of every page that
/// draws in them; gives a warning for each such page.
pub fn run(doc: &mut Document, pages: &[(u32, ObjectId)]) -> Vec<String> {
    let mut loads: HashMap<ObjectId, bool> = HashMap::new();
    let mut notes = Vec::new();
    for &(number, page) in pages {
        let broken = broken_fonts(doc, page, &mut loads);
        if broken.is_empty() {
            continue;
        }
        let Ok(bytes) = doc.get_page_content(page) else {
            continue;
        };
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        let names: HashSet<Vec<u8>> = broken.iter().map(|(name, _)| name.clone()).collect();
        let (operations, dropped) = without_text_in(content.operations, &names);
        let Ok(bytes) = (Content { operations }).encode() else {
            continue;
        };
        doc.max_id += 1;
        let id = (doc.max_id, 0);
        doc.objects
            .insert(id, Object::Stream(Stream::new(Dictionary::new(), bytes)));
        if let Some(Object::Dictionary(dict)) = doc.objects.get_mut(&page) {
            dict.set("Contents", Object::Reference(id));
        }
        let fonts: Vec<String> = broken.iter().map(|(_, label)| label.clone()).collect();
        let pieces = if dropped == 1 {
            "1 piece of text in it was left out".to_string()
        } else {
            format!("{dropped} pieces of text in it were left out")
        };
        notes.push(format!(
            "page {number}: the font {} cannot be loaded; {pieces}",
            fonts.join(", ")
        ));
    }
    notes
}

/// The fonts of a page's resources that cannot be loaded: their resource
/// names and how to name them to a reader (`F1 (ArialMT)`). `loads`
/// remembers each font object tried.
fn broken_fonts(
    doc: &Document,
    page: ObjectId,
    loads: &mut HashMap<ObjectId, bool>,
) -> Vec<(Vec<u8>, String)> {
    let Some(fonts) = page_fonts(doc, page) else {
        return Vec::new();
    };
    let mut broken = Vec::new();
    for (name, value) in fonts.iter() {
        let loaded = match value {
            Object::Reference(id) => *loads.entry(*id).or_insert_with(|| loads_alone(doc, value)),
            direct => loads_alone(doc, direct),
        };
        if !loaded {
            let base = deref(doc, value)
                .and_then(|o| o.as_dict().ok())
                .and_then(|d| d.get(b"BaseFont").and_then(Object::as_name).ok())
                .map(|b| format!(" ({})", String::from_utf8_lossy(b)))
                .unwrap_or_default();
            broken.push((
                name.clone(),
                format!("{}{base}", String::from_utf8_lossy(name)),
            ));
        }
    }
    broken
}

/// The `/Font` dictionary of a page's own resources (`prepare` gives
/// every page its own).
fn page_fonts(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let page = doc.objects.get(&page)?.as_dict().ok()?;
    let resources = deref(doc, page.get(b"Resources").ok()?)?.as_dict().ok()?;
    let fonts = deref(doc, resources.get(b"Font").ok()?)?.as_dict().ok()?;
    Some(fonts.clone())
}

/// Whether pdf-extract loads `font`: tried on a page of its own in a
/// document holding just the font and what it refers to, selecting it and
/// drawing nothing (loading is what fails; drawing is tried on the real
/// page, where a failure is still an error).
fn loads_alone(doc: &Document, font: &Object) -> bool {
    let mut probe = Document::with_version("1.5");
    let mut todo: Vec<ObjectId> = references(font);
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut bytes = 0;
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(object) = doc.objects.get(&id) else {
            continue;
        };
        if let Object::Stream(stream) = object {
            bytes += stream.content.len();
        }
        if seen.len() > MAX_COPIED || bytes > MAX_COPIED_BYTES {
            return true;
        }
        todo.extend(references(object));
        probe.objects.insert(id, object.clone());
    }
    probe.max_id = doc.max_id;
    add_probe_page(&mut probe, font);
    let tried = super::quietly(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc_page_with(&probe, &mut Nothing, 1, super::READERS)
    }));
    matches!(tried, Ok(Ok(())))
}

/// Gives `probe` its one page, which selects `font` and draws nothing.
fn add_probe_page(probe: &mut Document, font: &Object) {
    fn add(probe: &mut Document, object: Object) -> ObjectId {
        probe.max_id += 1;
        let id = (probe.max_id, 0);
        probe.objects.insert(id, object);
        id
    }
    let content = Stream::new(Dictionary::new(), b"BT /Probe 12 Tf ET".to_vec());
    let content = add(probe, Object::Stream(content));
    let mut fonts = Dictionary::new();
    fonts.set("Probe", font.clone());
    let mut resources = Dictionary::new();
    resources.set("Font", fonts);
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("MediaBox", vec![0.into(), 0.into(), 100.into(), 100.into()]);
    page.set("Resources", resources);
    page.set("Contents", Object::Reference(content));
    let page = add(probe, Object::Dictionary(page));
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Kids", vec![Object::Reference(page)]);
    tree.set("Count", 1);
    let tree = add(probe, Object::Dictionary(tree));
    if let Some(Object::Dictionary(p)) = probe.objects.get_mut(&page) {
        p.set("Parent", Object::Reference(tree));
    }
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(tree));
    let catalog = add(probe, Object::Dictionary(catalog));
    probe.trailer.set("Root", Object::Reference(catalog));
}

/// The objects `object` refers to directly.
fn references(object: &Object) -> Vec<ObjectId> {
    match object {
        Object::Reference(id) => vec![*id],
        Object::Array(items) => items.iter().flat_map(references).collect(),
        Object::Dictionary(dict) => dict.iter().flat_map(|(_, v)| references(v)).collect(),
        Object::Stream(stream) => stream
            .dict
            .iter()
            .flat_map(|(_, v)| references(v))
            .collect(),
        _ => Vec::new(),
    }
}

/// `operations` without the text drawn in the fonts named `broken` (nor
/// their `Tf`), and how many pieces of text were dropped. Text before any
/// font is selected goes too: pdf-extract panics on it, and it is what is
/// left of a `Tf` the cleaning of the content dropped because its font is
/// not a font at all. The current font is part of the graphics state, so
/// it is saved and restored with `q` and `Q`. A dropped `'` or `"` still
/// moves to the next line, so the text after it stays where it was.
fn without_text_in(
    operations: Vec<Operation>,
    broken: &HashSet<Vec<u8>>,
) -> (Vec<Operation>, usize) {
    let (mut kept, mut dropped) = (Vec::with_capacity(operations.len()), 0);
    let (mut in_broken, mut saved) = (true, Vec::new());
    for op in operations {
        match op.operator.as_str() {
            "q" => saved.push(in_broken),
            "Q" => in_broken = saved.pop().unwrap_or(in_broken),
            "Tf" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                in_broken = name.is_some_and(|n| broken.contains(n));
                if in_broken {
                    continue;
                }
            }
            "Tj" | "TJ" if in_broken => {
                dropped += 1;
                continue;
            }
            "'" if in_broken => {
                dropped += 1;
                kept.push(Operation::new("T*", Vec::new()));
                continue;
            }
            "\"" if in_broken => {
                dropped += 1;
                if let [word, char, _] = &op.operands[..] {
                    kept.push(Operation::new("Tw", vec![word.clone()]));
                    kept.push(Operation::new("Tc", vec![char.clone()]));
                }
                kept.push(Operation::new("T*", Vec::new()));
                continue;
            }
            _ => {}
        }
        kept.push(op);
    }
    (kept, dropped)
}

/// An output that keeps nothing: trying a font needs none.
struct Nothing;

impl OutputDev for Nothing {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        _: &Transform,
        _: f64,
        _: f64,
        _: f64,
        _: &str,
    ) -> Result<(), OutputError> {
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(operator: &str, operands: Vec<Object>) -> Operation {
        Operation::new(operator, operands)
    }

    fn name(n: &str) -> Object {
        Object::Name(n.as_bytes().to_vec())
    }

    #[test]
    fn text_in_a_broken_font_goes_and_the_rest_stays() {
        let text = |s: &str| Object::string_literal(s);
        let ops = vec![
            op("BT", vec![]),
            op("Tj", vec![text("no font yet")]),
            op("Tf", vec![name("F1"), 12.into()]),
            op("Tj", vec![text("lost")]),
            op("q", vec![]),
            op("Tf", vec![name("F2"), 12.into()]),
            op("Tj", vec![text("kept")]),
            op("Q", vec![]),
            op("'", vec![text("lost too")]),
            op("Tf", vec![name("F2"), 10.into()]),
            op("Tj", vec![text("kept too")]),
            op("ET", vec![]),
        ];
        let broken = HashSet::from([b"F1".to_vec()]);
        let (kept, dropped) = without_text_in(ops, &broken);
        let operators: Vec<&str> = kept.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(
            operators,
            ["BT", "q", "Tf", "Tj", "Q", "T*", "Tf", "Tj", "ET"]
        );
        assert_eq!(dropped, 3);
    }
}

//! Fonts pdf-extract cannot load, found before the pages are read.
//!
//! Takes the prepared document and its pages; takes the text drawn in
//! each font that cannot be loaded out of the page's drawing
//! instructions, and gives one warning per such page, naming it and the
//! font. Why: pdf-extract loads a font when a page selects it (`Tf`) and
//! panics on one it cannot read (an unknown encoding, descendant fonts
//! that are not there, a font that is not a dictionary), which made the
//! whole page, and so the whole file, unreadable for the sake of the text
//! in one font. Every font is loaded once, alone, before any page is read.

use std::collections::{HashMap, HashSet};

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::prepare::deref;

/// Takes the text of fonts that cannot be loaded out of every page that
/// draws in them; gives a warning for each such page.
pub fn run(doc: &mut Document, pages: &[(u32, ObjectId)]) -> Vec<String> {
    forget_missing_programs(doc);
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
        // A stream of its own: the page's old one may be shared.
        super::sanitise::store(doc, page, &[], bytes);
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

/// Font descriptors that name a font program the file lacks (cut off
/// with the end of a download) no longer name it: pdf-extract panics on
/// the missing object, while the text needs only the font's encoding,
/// widths and Unicode map, as pdftotext reads it.
fn forget_missing_programs(doc: &mut Document) {
    const PROGRAMS: [&[u8]; 3] = [b"FontFile", b"FontFile2", b"FontFile3"];
    let objects = &doc.objects;
    let dangling: Vec<(ObjectId, &[u8])> = objects
        .iter()
        .filter_map(|(id, o)| Some((*id, o.as_dict().ok()?)))
        .filter(|(_, d)| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .flat_map(|(id, d)| {
            PROGRAMS
                .into_iter()
                .filter_map(move |key| match d.get(key) {
                    Ok(Object::Reference(r)) if !objects.contains_key(r) => Some((id, key)),
                    _ => None,
                })
        })
        .collect();
    for (id, key) in dangling {
        if let Some(Object::Dictionary(d)) = doc.objects.get_mut(&id) {
            d.remove(key);
        }
    }
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

/// Whether pdf-extract loads `font`, as it would when a page selects it
/// (loading is what fails; drawing is tried on the real page, where a
/// failure is still an error).
fn loads_alone(doc: &Document, font: &Object) -> bool {
    // pdf-extract follows one reference to the font, and panics on
    // anything but a dictionary there.
    let Some(dict) = deref(doc, font).and_then(|o| o.as_dict().ok()) else {
        return false;
    };
    let tried = super::quietly(std::panic::AssertUnwindSafe(|| {
        pdf_extract::load_font(doc, dict, super::READERS)
    }));
    tried.is_ok()
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

    /// A TrueType font whose program was cut off with the file: it fails
    /// to load until its descriptor forgets the program, then loads.
    #[test]
    fn a_missing_font_program_is_forgotten_and_the_font_loads() {
        let mut doc = Document::with_version("1.5");
        let mut descriptor = Dictionary::new();
        descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
        descriptor.set("FontName", Object::Name(b"AAAAAA+Sans".to_vec()));
        descriptor.set("Flags", 32);
        descriptor.set("FontFile2", Object::Reference((99, 0)));
        let descriptor = doc.add_object(Object::Dictionary(descriptor));
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"TrueType".to_vec()));
        font.set("BaseFont", Object::Name(b"AAAAAA+Sans".to_vec()));
        font.set("FirstChar", 32);
        font.set("LastChar", 33);
        font.set("Widths", vec![500.into(), 600.into()]);
        font.set("FontDescriptor", Object::Reference(descriptor));
        let font = Object::Reference(doc.add_object(Object::Dictionary(font)));
        assert!(!loads_alone(&doc, &font));
        forget_missing_programs(&mut doc);
        assert!(loads_alone(&doc, &font));
        let descriptor = doc.objects[&descriptor].as_dict().unwrap();
        assert!(!descriptor.has(b"FontFile2") && descriptor.has(b"FontName"));
    }
}

//! Makes a loaded PDF safe and cheap for pdf-extract to walk, once, before
//! the pages are read in parallel.
//!
//! Takes the document and its pages, changes only what pdf-extract would
//! otherwise panic on, recurse on forever, or redo on every page; what it
//! reads from the document stays the same:
//!
//! - every page gets its own `/MediaBox` (four numbers; US Letter when the
//!   file has none) and `/Resources`, so pdf-extract never climbs
//!   `/Parent` links, which may loop;
//! - `/ArtBox`, which pdf-extract indexes without checking and we ignore,
//!   is dropped;
//! - image XObjects are emptied: pdf-extract runs the bytes of whatever
//!   `Do` draws as a content stream, which for an image is slow and
//!   meaningless;
//! - ICC colour profiles are emptied: pdf-extract unpacks a profile each
//!   time a page sets its colour space, and copies it on every `q`, for a
//!   value nothing here reads (a third of the work on a Typst report);
//! - page and form content is unpacked once and cleaned of damage
//!   ([`super::sanitise`]), so one bad token no longer ends a page unseen;
//! - a compressed stream that would unpack to an absurd size (a
//!   "decompression bomb"), or all of them together, is refused before
//!   anything unpacks it; attachments are never unpacked;
//! - form XObjects that draw themselves (directly or through others), or
//!   nest absurdly deep, are refused: pdf-extract would recurse until the
//!   stack overflows, which no `catch_unwind` can stop;
//! - font programs and CMaps are decompressed once instead of once per
//!   page and font.

use std::collections::{HashMap, HashSet};

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::sanitise::{self, Budget};

/// Deepest nesting of forms drawn inside forms; real files use two or
/// three levels.
const MAX_FORM_DEPTH: usize = 32;

/// The page size assumed when a page has none (as pdfium does).
const LETTER: [i64; 4] = [0, 0, 612, 792];

/// Prepares the document; gives the warnings about damaged pages, or an
/// error phrase for "the PDF is damaged (…)".
pub fn run(doc: &mut Document, pages: &[(u32, ObjectId)]) -> Result<Vec<String>, String> {
    pin_inherited(doc, pages);
    empty_images(doc);
    empty_colour_profiles(doc);
    let budget = Budget::default();
    let warnings = sanitise::run(doc, pages, &budget)?;
    check_inflation(doc, &budget, &truetype_programs(doc))?;
    check_forms(doc, pages)?;
    decompress_fonts(doc);
    Ok(warnings)
}

/// Follows a reference (one level, as pdf-extract does).
pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.objects.get(id),
        other => Some(other),
    }
}

/// The value of an inheritable page attribute and the object holding it:
/// the page or the nearest ancestor, following `/Parent` with a guard
/// against loops.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<(ObjectId, &'a Object)> {
    let mut seen = HashSet::new();
    let mut id = page;
    while seen.insert(id) {
        let dict = doc.objects.get(&id)?.as_dict().ok()?;
        if let Ok(value) = dict.get(key) {
            return Some((id, value));
        }
        id = dict.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

fn is_box(doc: &Document, o: &Object) -> Option<Object> {
    let array = deref(doc, o)?.as_array().ok()?;
    (array.len() == 4
        && array
            .iter()
            .all(|n| matches!(n, Object::Integer(_) | Object::Real(_))))
    .then(|| Object::Array(array.clone()))
}

/// Makes `doc.max_id` cover every object, so new ids never collide
/// (a damaged file may hold ids above its declared size).
pub(super) fn sync_max_id(doc: &mut Document) {
    doc.max_id = doc
        .objects
        .keys()
        .map(|id| id.0)
        .max()
        .unwrap_or(0)
        .max(doc.max_id);
}

fn pin_inherited(doc: &mut Document, pages: &[(u32, ObjectId)]) {
    sync_max_id(doc);
    // Resources written inline in a page-tree node become one shared
    // object, not a copy per page (20 000 pages may share them).
    let mut hoisted: HashMap<ObjectId, (ObjectId, Object)> = HashMap::new();
    let mut next_id = doc.max_id;
    let mut updates = Vec::with_capacity(pages.len());
    for &(_, id) in pages {
        let media_box = inherited(doc, id, b"MediaBox")
            .and_then(|(_, b)| is_box(doc, b))
            .unwrap_or_else(|| Object::Array(LETTER.iter().map(|&n| n.into()).collect()));
        let resources = match inherited(doc, id, b"Resources")
            .filter(|(_, r)| deref(doc, r).is_some_and(|r| r.as_dict().is_ok()))
        {
            // The page's own, or a reference: nothing to copy.
            Some((holder, _)) if holder == id => None,
            Some((_, r @ Object::Reference(_))) => Some(r.clone()),
            Some((holder, inline)) => {
                let (shared, _) = hoisted.entry(holder).or_insert_with(|| {
                    next_id += 1;
                    ((next_id, 0), inline.clone())
                });
                Some(Object::Reference(*shared))
            }
            None => Some(Object::Dictionary(Dictionary::new())),
        };
        updates.push((id, media_box, resources));
    }
    doc.max_id = next_id;
    for (id, object) in hoisted.into_values() {
        doc.objects.insert(id, object);
    }
    for (id, media_box, resources) in updates {
        if let Some(Object::Dictionary(page)) = doc.objects.get_mut(&id) {
            page.set("MediaBox", media_box);
            if let Some(resources) = resources {
                page.set("Resources", resources);
            }
            page.remove(b"ArtBox");
        }
    }
}

fn is_image(dict: &Dictionary) -> bool {
    matches!(dict.get(b"Subtype").and_then(Object::as_name), Ok(b"Image"))
}

fn empty_images(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && is_image(&stream.dict)
        {
            stream.set_plain_content(Vec::new());
        }
    }
}

/// Empties every stream some colour space names as its ICC profile
/// (`[/ICCBased 5 0 R]`, also as the base of `/Indexed` or the alternate of
/// `/Separation`, inline or in its own object). pdf-extract hands the
/// profile's bytes to the output device with each fill, and the collector
/// ignores colour, so the text read stays the same.
fn empty_colour_profiles(doc: &mut Document) {
    let mut profiles = HashSet::new();
    for object in doc.objects.values() {
        collect_profiles(object, 0, &mut profiles);
    }
    for id in profiles {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            // Every ICC profile stream says how many components it has.
            && stream.dict.has(b"N")
            && !is_image(&stream.dict)
        {
            stream.set_plain_content(Vec::new());
        }
    }
}

/// Deepest nesting of arrays and dictionaries searched for profiles.
const MAX_PROFILE_DEPTH: usize = 16;

fn collect_profiles(object: &Object, depth: usize, out: &mut HashSet<ObjectId>) {
    if depth > MAX_PROFILE_DEPTH {
        return;
    }
    match object {
        Object::Array(items) => {
            if let [Object::Name(name), Object::Reference(id), ..] = items.as_slice()
                && name == b"ICCBased"
            {
                out.insert(*id);
            }
            for item in items {
                collect_profiles(item, depth + 1, out);
            }
        }
        Object::Dictionary(dict) => {
            for (_, value) in dict.iter() {
                collect_profiles(value, depth + 1, out);
            }
        }
        Object::Stream(stream) => {
            for (_, value) in stream.dict.iter() {
                collect_profiles(value, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Whether pdf-extract never unpacks a stream: attachments, metadata,
/// thumbnails and the file's own indexes.
fn never_unpacked(dict: &Dictionary) -> bool {
    let name = |key: &[u8]| dict.get(key).and_then(Object::as_name).ok();
    matches!(
        name(b"Type"),
        Some(b"EmbeddedFile" | b"Metadata" | b"XRef" | b"ObjStm")
    )
}

/// Refuses a document whose remaining compressed streams (fonts, colour
/// profiles, functions: page content is unpacked already) would unpack
/// past the budget, counting the bytes as they stream out rather than
/// holding them: the PDF library would unpack each whole into memory.
/// Attachments and TrueType programs (`skip`) are left packed and
/// uncounted: nothing reads them.
fn check_inflation(
    doc: &Document,
    budget: &Budget,
    skip: &HashSet<ObjectId>,
) -> Result<(), String> {
    for (id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        if never_unpacked(&stream.dict) || is_image(&stream.dict) || skip.contains(id) {
            continue;
        }
        sanitise::measure(stream, budget)?;
    }
    Ok(())
}

/// Walks what each page draws through `Do`, the way pdf-extract will, and
/// refuses loops and deep nesting. Only needed when some form itself
/// draws an XObject.
fn check_forms(doc: &Document, pages: &[(u32, ObjectId)]) -> Result<(), String> {
    let forms_nest = doc.objects.values().any(|o| match o {
        // Any stream can be drawn as a form: pdf-extract does not ask for
        // a /BBox or /Subtype.
        Object::Stream(s) if !is_image(&s.dict) => {
            draws_xobject(&s.decompressed_content().unwrap_or_default())
        }
        _ => false,
    });
    if !forms_nest {
        return Ok(());
    }
    let mut walk = FormWalk {
        doc,
        done: HashSet::new(),
        stack: Vec::new(),
        contents: HashMap::new(),
    };
    for &(number, id) in pages {
        let Some(page) = doc.objects.get(&id).and_then(|p| p.as_dict().ok()) else {
            continue;
        };
        let Some(resources) = page
            .get(b"Resources")
            .ok()
            .and_then(|r| deref(doc, r))
            .and_then(|r| r.as_dict().ok())
        else {
            continue;
        };
        let content = doc.get_page_content(id).unwrap_or_default();
        walk.visit(&content, resources)
            .map_err(|problem| format!("page {number}: {problem}"))?;
    }
    Ok(())
}

/// Whether a content stream has a `Do` operator (a cheap over-estimate).
fn draws_xobject(content: &[u8]) -> bool {
    content.windows(2).any(|w| w == b"Do")
}

struct FormWalk<'a> {
    doc: &'a Document,
    /// (form, resources it runs with) pairs already walked.
    done: HashSet<(ObjectId, *const Dictionary)>,
    /// The forms being drawn, outermost first.
    stack: Vec<ObjectId>,
    /// Decoded operators of each form: the names it draws with `Do`.
    contents: HashMap<ObjectId, Vec<Vec<u8>>>,
}

impl<'a> FormWalk<'a> {
    fn visit(&mut self, content: &[u8], resources: &'a Dictionary) -> Result<(), &'static str> {
        if !draws_xobject(content) {
            return Ok(());
        }
        let names = drawn_names(content);
        self.visit_names(&names, resources)
    }

    fn visit_names(
        &mut self,
        names: &[Vec<u8>],
        resources: &'a Dictionary,
    ) -> Result<(), &'static str> {
        let doc = self.doc;
        let Some(xobjects) = resources
            .get(b"XObject")
            .ok()
            .and_then(|x| deref(doc, x))
            .and_then(|x| x.as_dict().ok())
        else {
            return Ok(());
        };
        for name in names {
            let Ok(&Object::Reference(id)) = xobjects.get(name) else {
                continue;
            };
            let Some(Object::Stream(form)) = doc.objects.get(&id) else {
                continue;
            };
            if is_image(&form.dict) {
                continue;
            }
            // As pdf-extract: the form's own resources if given inline or
            // by reference, else the caller's.
            let inner = form
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| deref(doc, r))
                .and_then(|r| r.as_dict().ok())
                .unwrap_or(resources);
            if self.stack.contains(&id) {
                return Err("a drawing on it includes itself");
            }
            if self.stack.len() >= MAX_FORM_DEPTH {
                return Err("drawings on it are nested too deeply");
            }
            if !self.done.insert((id, inner as *const Dictionary)) {
                continue;
            }
            let names = self
                .contents
                .entry(id)
                .or_insert_with(|| drawn_names(&form.decompressed_content().unwrap_or_default()))
                .clone();
            self.stack.push(id);
            self.visit_names(&names, inner)?;
            self.stack.pop();
        }
        Ok(())
    }
}

/// The XObject names a content stream draws with `Do`.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    if !draws_xobject(content) {
        return Vec::new();
    }
    let mut names: Vec<Vec<u8>> = Vec::new();
    pdf_extract::for_each_instruction(content, super::READERS, |i| {
        if let (Some(Ok(name)), "Do") = (i.operands.first().map(Object::as_name), i.operator) {
            names.push(name.to_vec());
        }
    });
    names.sort();
    names.dedup();
    names
}

/// The TrueType font programs: pdf-extract never reads one, so they stay
/// packed and uncounted.
fn truetype_programs(doc: &Document) -> HashSet<ObjectId> {
    doc.objects
        .values()
        .filter_map(|o| {
            o.as_dict()
                .ok()?
                .get(b"FontFile2")
                .ok()?
                .as_reference()
                .ok()
        })
        .collect()
}

/// Unpacks font programs and CMaps once instead of once per page and font
/// (within the budget: [`check_inflation`] measured them). Type 1 programs
/// (`FontFile`) are left to `type1::read_programs`, which needs only their
/// clear text, and unpacks whole only those pdf-extract may still read.
fn decompress_fonts(doc: &mut Document) {
    let mut streams = Vec::new();
    for object in doc.objects.values() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        for key in [&b"ToUnicode"[..], b"Encoding", b"FontFile3"] {
            if let Ok(Object::Reference(id)) = dict.get(key) {
                streams.push(*id);
            }
        }
    }
    for id in streams {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            && stream.is_compressed()
            && let Ok(plain) = stream.decompressed_content()
        {
            stream.set_plain_content(plain);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::{Stream, dictionary};

    #[test]
    fn a_form_drawing_itself_is_refused() {
        let mut doc = Document::with_version("1.5");
        let form = Stream::new(
            dictionary! {"Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()]},
            b"/X Do".to_vec(),
        );
        doc.objects.insert((5, 0), Object::Stream(form));
        let resources = dictionary! {"XObject" => dictionary! {"X" => Object::Reference((5, 0))}};
        doc.objects.insert(
            (4, 0),
            Object::Stream(Stream::new(Dictionary::new(), b"/X Do".to_vec())),
        );
        doc.objects.insert(
            (3, 0),
            Object::Dictionary(dictionary! {"Type" => "Page", "Resources" => resources, "Contents" => Object::Reference((4, 0))}),
        );
        let result = check_forms(&doc, &[(1, (3, 0))]);
        assert_eq!(
            result,
            Err("page 1: a drawing on it includes itself".into())
        );
    }

    #[test]
    fn colour_profiles_are_emptied_and_nothing_else() {
        let mut doc = Document::with_version("1.5");
        let stream = |dict: Dictionary| Object::Stream(Stream::new(dict, b"profile".to_vec()));
        doc.objects.insert((5, 0), stream(dictionary! {"N" => 3}));
        doc.objects.insert((6, 0), stream(dictionary! {"N" => 1}));
        // A stream without /N is no profile, whatever names it.
        doc.objects.insert((7, 0), stream(Dictionary::new()));
        doc.objects.insert((8, 0), stream(dictionary! {"N" => 3}));
        let icc = |id: u32| Object::Array(vec!["ICCBased".into(), Object::Reference((id, 0))]);
        let separation = Object::Array(vec![
            "Separation".into(),
            "Spot".into(),
            icc(6),
            Object::Reference((9, 0)),
        ]);
        doc.objects.insert(
            (3, 0),
            Object::Dictionary(dictionary! {"ColorSpace" => dictionary! {
                "CS0" => icc(5), "CS1" => separation, "CS2" => icc(7),
            }}),
        );
        empty_colour_profiles(&mut doc);
        let content = |id: u32| {
            doc.get_object((id, 0))
                .unwrap()
                .as_stream()
                .unwrap()
                .content
                .clone()
        };
        assert_eq!(content(5), b"");
        assert_eq!(content(6), b"");
        assert_eq!(content(7), b"profile");
        assert_eq!(content(8), b"profile");
    }

    #[test]
    fn inherited_attributes_are_pinned_and_parent_loops_stop() {
        let mut doc = Document::with_version("1.5");
        // The page's parent is itself: no MediaBox anywhere.
        doc.objects.insert(
            (3, 0),
            Object::Dictionary(
                dictionary! {"Type" => "Page", "Parent" => Object::Reference((3, 0))},
            ),
        );
        pin_inherited(&mut doc, &[(1, (3, 0))]);
        let page = doc.get_dictionary((3, 0)).unwrap();
        assert_eq!(
            page.get(b"MediaBox").unwrap(),
            &Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()])
        );
        assert!(page.get(b"Resources").unwrap().as_dict().is_ok());
    }
}

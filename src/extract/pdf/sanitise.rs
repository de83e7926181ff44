//! Page and form content unpacked once, within a budget, and cleaned of
//! damage before pdf-extract reads it (see [`super::content`]).
//!
//! Takes the loaded document and its pages; leaves every page's content
//! and every form's content unpacked and cleaned in place, and gives one
//! warning per damaged page, naming it: instructions skipped, content that
//! could be unpacked only in part, parts of it missing from the file. A
//! page beyond the limits ([`content::MAX_OPERATORS`], the unpacking
//! budget) is an error.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::content::{self, Cleaned, Refusal};

/// Most bytes all of a document's parts may unpack to together. The real
/// reports unpack to a few megabytes; the budget keeps forty streams just
/// under the per-stream limit from taking gigabytes.
pub const MAX_UNPACKED_TOTAL: u64 = 256 * 1024 * 1024;

/// Most bytes one part may unpack to.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// What is left of the unpacking budget, shared by the threads that
/// unpack pages at once.
#[derive(Debug)]
pub struct Budget(AtomicU64);

impl Budget {
    /// A budget of `bytes`.
    pub fn new(bytes: u64) -> Self {
        Budget(AtomicU64::new(bytes))
    }

    /// The bytes left.
    fn left(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(MAX_UNPACKED_TOTAL)
    }
}

/// The sentence for a part past [`MAX_UNPACKED`] or a document past
/// its budget (`total`).
fn too_much(total: bool) -> String {
    if total {
        format!(
            "its compressed parts unpack to more than {} MB in all",
            MAX_UNPACKED_TOTAL / (1024 * 1024)
        )
    } else {
        format!(
            "a compressed part unpacks to more than {} MB",
            MAX_UNPACKED / (1024 * 1024)
        )
    }
}

/// What went wrong on one page, summed over its content and forms.
#[derive(Debug, Default)]
struct Damage {
    skipped: usize,
    missing_resources: usize,
    too_deep: usize,
    foreign: usize,
    cut: bool,
    missing_parts: usize,
}

impl Damage {
    fn add(&mut self, c: &Cleaned) {
        self.skipped += c.skipped;
        self.missing_resources += c.missing;
        self.too_deep += c.too_deep;
        self.foreign += c.foreign;
    }

    fn sentences(&self, page: u32) -> Vec<String> {
        let mut out = Vec::new();
        if self.missing_parts > 0 {
            out.push(format!("page {page}: part of its content is missing from the file; text on it may be missing"));
        }
        if self.cut {
            out.push(format!("page {page}: its content is damaged and could be unpacked only up to the damage; text after it is missing"));
        }
        if self.skipped > 0 {
            out.push(format!("page {page}: {} damaged drawing instructions were skipped; text on it may be missing", self.skipped));
        }
        if self.missing_resources > 0 {
            out.push(format!(
                "page {page}: it uses {} fonts or drawings the file lacks; text in them is missing",
                self.missing_resources
            ));
        }
        if self.foreign > 0 {
            out.push(format!("page {page}: {} characters are drawn in a font that has no glyph for them (a damaged or swapped font); text on it may be wrong or missing", self.foreign));
        }
        if self.too_deep > 0 {
            out.push(format!(
                "page {page}: graphics states nested more than {} deep were flattened",
                content::MAX_DEPTH
            ));
        }
        out
    }
}

/// Unpacks and cleans every page's and form's content; returns the
/// warnings, or an error phrase for "the PDF is damaged (…)".
pub fn run(
    doc: &mut Document,
    pages: &[(u32, ObjectId)],
    budget: &Budget,
) -> Result<Vec<String>, String> {
    let mut damage: BTreeMap<u32, Damage> = BTreeMap::new();
    let plan = content_parts(doc, pages, &mut damage);
    // Unpacking and cleaning read the document and write nothing: on all
    // cores, each page's unpacked bytes dropped once they are cleaned, and
    // the cleaned content put back in page order afterwards.
    let shared = &*doc;
    let fonts = content::FontCoverage::default();
    let read = crate::extract::par_map(&plan, |page| {
        let (bytes, cut) = unpack_joined(shared, &page.parts, budget)?;
        let resources = page_resources(shared, page.id);
        Ok((
            cut,
            content::clean(shared, bytes, resources.as_ref(), &fonts),
        ))
    });
    // Past the budget is the error to give, before any page refused for
    // its instructions, as when every page was unpacked before any was
    // cleaned.
    let read: Vec<(bool, Result<Cleaned, Refusal>)> =
        read.into_iter().collect::<Result<_, String>>()?;
    for (page, (cut, cleaned)) in plan.into_iter().zip(read) {
        let cleaned = cleaned.map_err(|r| refusal(r, page.number))?;
        let entry = damage.entry(page.number).or_default();
        entry.cut |= cut;
        entry.add(&cleaned);
        store(doc, page.id, &page.parts, cleaned.bytes);
    }
    // Storing content leaves the font objects as they were.
    clean_forms(doc, pages, budget, &fonts, &mut damage)?;
    Ok(damage
        .iter()
        .flat_map(|(page, d)| d.sentences(*page))
        .collect())
}

/// One page's content streams, to be unpacked and joined.
struct Parts {
    number: u32,
    id: ObjectId,
    parts: Vec<ObjectId>,
}

/// Every page's content streams, in page order; pages sharing the same
/// content are listed once, and parts that are no stream are counted as
/// missing.
fn content_parts(
    doc: &Document,
    pages: &[(u32, ObjectId)],
    damage: &mut BTreeMap<u32, Damage>,
) -> Vec<Parts> {
    let mut done: HashSet<Vec<ObjectId>> = HashSet::new();
    let mut plan = Vec::with_capacity(pages.len());
    for &(number, id) in pages {
        let parts = doc.get_page_contents(id);
        if !done.insert(parts.clone()) || parts.is_empty() {
            continue;
        }
        let streams = |part: &ObjectId| matches!(doc.objects.get(part), Some(Object::Stream(_)));
        let missing = parts.iter().filter(|p| !streams(p)).count();
        damage.entry(number).or_default().missing_parts += missing;
        plan.push(Parts { number, id, parts });
    }
    plan
}

/// A page's content streams unpacked within the budget and joined, one
/// line apart, and whether any was cut short.
fn unpack_joined(
    doc: &Document,
    parts: &[ObjectId],
    budget: &Budget,
) -> Result<(Vec<u8>, bool), String> {
    let (mut joined, mut cut) = (Vec::new(), false);
    for part in parts {
        let Some(Object::Stream(stream)) = doc.objects.get(part) else {
            continue;
        };
        let (bytes, part_cut) = unpack(stream, budget)?;
        cut |= part_cut;
        if joined.is_empty() {
            joined = bytes;
        } else {
            joined.extend_from_slice(&bytes);
        }
        joined.push(b'\n');
    }
    Ok((joined, cut))
}

fn refusal(r: Refusal, page: u32) -> String {
    match r {
        Refusal::TooManyOperators => format!(
            "page {page} has more than {} drawing instructions",
            content::MAX_OPERATORS
        ),
    }
}

/// A page's resources, copied: pinned on the page by `prepare`.
fn page_resources(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let page = doc.objects.get(&page)?.as_dict().ok()?;
    match page.get(b"Resources").ok()? {
        Object::Reference(id) => doc.objects.get(id)?.as_dict().ok().cloned(),
        Object::Dictionary(d) => Some(d.clone()),
        _ => None,
    }
}

/// Puts the cleaned content back: in the page's one stream (`parts`), or
/// in a new stream that replaces its several (or, with no `parts`, its
/// own).
pub(super) fn store(doc: &mut Document, page: ObjectId, parts: &[ObjectId], bytes: Vec<u8>) {
    if let [one] = parts
        && let Some(Object::Stream(stream)) = doc.objects.get_mut(one)
    {
        stream.dict.remove(b"DecodeParms");
        stream.set_plain_content(bytes);
        return;
    }
    doc.max_id += 1;
    let id = (doc.max_id, 0);
    doc.objects
        .insert(id, Object::Stream(Stream::new(Dictionary::new(), bytes)));
    if let Some(Object::Dictionary(page)) = doc.objects.get_mut(&page) {
        page.set("Contents", Object::Reference(id));
    }
}

/// Every stream some `/XObject` dictionary names, images aside: what a
/// `Do` can draw (pdf-extract asks for no `/Subtype /Form`).
fn forms(doc: &Document) -> Vec<ObjectId> {
    let mut found = HashSet::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let xobjects = match dict.get(b"XObject") {
            Ok(Object::Reference(r)) => doc.objects.get(r).and_then(|o| o.as_dict().ok()),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        for (_, value) in xobjects.into_iter().flat_map(|x| x.iter()) {
            if let Ok(id) = value.as_reference()
                && let Some(Object::Stream(s)) = doc.objects.get(&id)
                && !matches!(
                    s.dict.get(b"Subtype").and_then(Object::as_name),
                    Ok(b"Image")
                )
            {
                found.insert(id);
            }
        }
    }
    let mut forms: Vec<ObjectId> = found.into_iter().collect();
    forms.sort();
    forms
}

/// Cleans every form's content with its own resources (when it has any);
/// its damage is counted on the first page that draws it.
fn clean_forms(
    doc: &mut Document,
    pages: &[(u32, ObjectId)],
    budget: &Budget,
    fonts: &content::FontCoverage,
    damage: &mut BTreeMap<u32, Damage>,
) -> Result<(), String> {
    let forms = forms(doc);
    if forms.is_empty() {
        return Ok(());
    }
    let drawn_on = first_pages(doc, pages);
    for id in forms {
        let Some(Object::Stream(form)) = doc.objects.get(&id) else {
            continue;
        };
        let page = drawn_on.get(&id).copied().unwrap_or(1);
        let (bytes, cut) = unpack(form, budget)?;
        let resources = match form.dict.get(b"Resources") {
            Ok(Object::Reference(r)) => doc.objects.get(r).and_then(|o| o.as_dict().ok()).cloned(),
            Ok(Object::Dictionary(d)) => Some(d.clone()),
            _ => None,
        };
        let cleaned =
            content::clean(doc, bytes, resources.as_ref(), fonts).map_err(|r| refusal(r, page))?;
        let entry = damage.entry(page).or_default();
        entry.cut |= cut;
        entry.add(&cleaned);
        if let Some(Object::Stream(form)) = doc.objects.get_mut(&id) {
            form.dict.remove(b"DecodeParms");
            form.set_plain_content(cleaned.bytes);
        }
    }
    Ok(())
}

/// Each form drawn straight from a page's resources → the first such page.
fn first_pages(doc: &Document, pages: &[(u32, ObjectId)]) -> HashMap<ObjectId, u32> {
    let mut first = HashMap::new();
    for &(number, id) in pages.iter().rev() {
        let Some(resources) = page_resources(doc, id) else {
            continue;
        };
        let xobjects = match resources.get(b"XObject") {
            Ok(Object::Reference(r)) => doc.objects.get(r).and_then(|o| o.as_dict().ok()),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        for (_, value) in xobjects.into_iter().flat_map(|x| x.iter()) {
            if let Object::Reference(form) = value {
                first.insert(*form, number);
            }
        }
    }
    first
}

/// A stream's bytes unpacked within the budget, and whether the unpacking
/// stopped at damage (what came before is kept, as other readers keep it).
pub fn unpack(stream: &Stream, budget: &Budget) -> Result<(Vec<u8>, bool), String> {
    let Ok(filters) = stream.filters() else {
        return Ok((stream.content.clone(), false));
    };
    let predictor = stream.dict.get(b"DecodeParms").is_ok();
    let (bytes, cut) = if filters.is_empty() {
        (stream.content.clone(), false)
    } else if filters == [b"FlateDecode"] && !predictor {
        inflate(&stream.content, budget)?
    } else {
        // Other filters are rare in content; the library unpacks them.
        match stream.decompressed_content() {
            Ok(bytes) => (bytes, false),
            Err(_) => (Vec::new(), true),
        }
    };
    spend(budget, bytes.len() as u64)?;
    Ok((bytes, cut))
}

fn spend(budget: &Budget, bytes: u64) -> Result<(), String> {
    if bytes > MAX_UNPACKED {
        return Err(too_much(false));
    }
    budget
        .0
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
            left.checked_sub(bytes)
        })
        .map(|_| ())
        .map_err(|_| too_much(true))
}

/// Inflates at most what the budget allows; a stream damaged midway gives
/// what came before the damage.
fn inflate(packed: &[u8], budget: &Budget) -> Result<(Vec<u8>, bool), String> {
    let cap = budget.left().min(MAX_UNPACKED) + 1;
    let mut out = Vec::with_capacity(packed.len().saturating_mul(4).min(cap as usize));
    let zlib = flate2::read::ZlibDecoder::new(packed)
        .take(cap)
        .read_to_end(&mut out);
    let mut cut = zlib.is_err();
    if cut && out.is_empty() && packed.len() > 2 {
        // A bad zlib header or checksum: raw deflate, as the library tries.
        let raw = flate2::read::DeflateDecoder::new(&packed[2..])
            .take(cap)
            .read_to_end(&mut out);
        cut = raw.is_err();
    }
    if out.len() as u64 >= cap {
        return Err(too_much(out.len() as u64 <= MAX_UNPACKED));
    }
    Ok((out, cut))
}

/// Measures what a stream would unpack to without holding it, spending
/// the budget: for the parts pdf-extract unpacks itself (fonts, colour
/// profiles, functions).
pub fn measure(stream: &Stream, budget: &Budget) -> Result<(), String> {
    let Ok(filters) = stream.filters() else {
        return Ok(());
    };
    if filters.first().copied() != Some(&b"FlateDecode"[..]) {
        return Ok(());
    }
    let cap = budget.left().min(MAX_UNPACKED) + 1;
    let mut unpacked = flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(cap);
    let size = std::io::copy(&mut unpacked, &mut std::io::sink()).unwrap_or(0);
    spend(budget, size)
}

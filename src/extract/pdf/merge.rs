//! Runs of pages read as one, so pdf-extract builds each font once per run
//! instead of once per page.
//!
//! Takes the prepared document and its pages, gives the units the page
//! workers read: a unit is either one original page or a synthetic page
//! that draws a run of original pages, each wrapped in a form XObject,
//! with a marker between them that the collector turns into a page break.
//!
//! Why: pdf-extract forgets its fonts at every page and parses each font's
//! ToUnicode CMap again (a third of the extraction time on the real
//! reports). Within one page it caches fonts by resource name, and a form
//! drawn with `Do` is read with a fresh graphics state, so a page drawn as
//! a form gives exactly the glyphs the page gives, while the font cache
//! lives on across the run. That holds only when every page of the run
//! maps each font name to the same font object, has the same MediaBox and
//! draws no forms of its own; other pages are read alone. Where some name
//! means different fonts on different pages (Typst names fonts `/f0`,
//! `/f1` in the order each page first uses them), each page's fonts are
//! renamed after their objects, in its resources and its `Tf` lines.

use std::collections::HashMap;

use super::prepare::deref;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// The marker drawn between two pages of a run: a fill of a path that is
/// a lone point far off any page. Nothing is painted.
pub const MARK: (f64, f64) = (-31415.0, -27182.0);

/// Most pages in one run: bounds the work lost to a failure and the delay
/// before a cancelled read notices.
pub const MAX_RUN: usize = 48;

/// What one page worker reads: page `number` of the rewritten page tree,
/// standing for `count` original pages from `first` (0-based) on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Page number in the rewritten tree, for `output_doc_page`.
    pub number: u32,
    /// Index of its first original page.
    pub first: usize,
    /// How many original pages it draws.
    pub count: usize,
}

/// What the merge needs to know about one page.
struct PageFacts {
    id: ObjectId,
    media_box: Object,
    /// Font resource name → font object, or `None` when the page cannot
    /// share fonts (inline font dictionaries, forms, odd resources).
    fonts: Option<HashMap<Vec<u8>, ObjectId>>,
    /// Bytes of (unpacked) content, to balance the workers.
    weight: usize,
}

/// Rewrites the page tree into units of at most `max_run` pages and splits
/// them into `workers` contiguous shares of about equal content size.
pub fn run(
    doc: &mut Document,
    pages: &[(u32, ObjectId)],
    workers: usize,
    max_run: usize,
) -> Vec<Vec<Unit>> {
    let mut facts: Vec<PageFacts> = pages.iter().map(|&(_, id)| facts(doc, id)).collect();
    // Every page's content, unpacked on all cores; its size is the best
    // cheap guess at the work a page takes (packed sizes vary too much).
    let mut contents: Vec<Option<Vec<u8>>> = {
        let doc = &*doc;
        crate::extract::par_map(&facts, |f| {
            Some(doc.get_page_content(f.id).unwrap_or_default())
        })
    };
    // Renaming costs a copy of every page; most producers never need it.
    let rename = names_conflict(&facts);
    for (f, content) in facts.iter_mut().zip(contents.iter_mut()) {
        f.weight = content.as_ref().map_or(0, Vec::len) + 1;
        if !rename {
            continue;
        }
        let renamed = match (&f.fonts, content.as_deref()) {
            (Some(fonts), Some(bytes)) => rename_fonts(bytes, fonts),
            _ => None,
        };
        match renamed {
            Some(renamed) => *content = Some(renamed),
            None => f.fonts = None,
        }
    }
    let plan = plan_runs(&facts, workers, max_run, rename);
    super::prepare::sync_max_id(doc);
    let root = doc.new_object_id();
    let mut kids = Vec::new();
    let mut units_plan = Vec::with_capacity(plan.len());
    for runs in plan {
        let mut units = Vec::with_capacity(runs.len());
        for (start, end) in runs {
            let id = if end - start == 1 {
                facts[start].id
            } else {
                let run: Vec<Stream> = (start..end)
                    .map(|i| {
                        let content = contents[i].take().unwrap_or_default();
                        form_of(doc, &facts[i], content, rename)
                    })
                    .collect();
                synthetic_page(doc, run, &facts[start].media_box, root)
            };
            kids.push(Object::Reference(id));
            units.push(Unit {
                number: kids.len() as u32,
                first: start,
                count: end - start,
            });
        }
        units_plan.push(units);
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
        ])),
    );
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Pages", Object::Reference(root));
    }
    units_plan
}

/// Each worker's share of the pages, cut into runs of at most `max_run`
/// pages that may be read as one: `(first, end)` page indexes.
fn plan_runs(
    facts: &[PageFacts],
    workers: usize,
    max_run: usize,
    rename: bool,
) -> Vec<Vec<(usize, usize)>> {
    let mut plan = Vec::new();
    for share in balance(facts, workers) {
        let mut runs = Vec::new();
        let mut start = share.start;
        while start < share.end {
            let limit = share.end.min(start + max_run.max(1));
            let end = run_end(facts, start, limit, rename);
            runs.push((start, end));
            start = end;
        }
        plan.push(runs);
    }
    plan
}

fn facts(doc: &Document, id: ObjectId) -> PageFacts {
    let page = doc.get_dictionary(id).ok();
    let media_box = page
        .and_then(|p| p.get(b"MediaBox").ok())
        .cloned()
        .unwrap_or(Object::Null);
    let fonts = page.and_then(|p| shareable_fonts(doc, p));
    PageFacts {
        id,
        media_box,
        fonts,
        weight: 1,
    }
}

/// The page's font names and objects, when it can take part in a run.
fn shareable_fonts(doc: &Document, page: &Dictionary) -> Option<HashMap<Vec<u8>, ObjectId>> {
    let resources = deref(doc, page.get(b"Resources").ok()?)?.as_dict().ok()?;
    if let Ok(xobjects) = resources.get(b"XObject") {
        // Forms share the page's font cache in pdf-extract; keep pages
        // that draw them alone. Images were emptied and draw nothing.
        let xobjects = deref(doc, xobjects)?.as_dict().ok()?;
        for (_, x) in xobjects.iter() {
            let stream = deref(doc, x)?.as_stream().ok()?;
            if !matches!(
                stream.dict.get(b"Subtype").and_then(Object::as_name),
                Ok(b"Image")
            ) {
                return None;
            }
        }
    }
    let mut fonts = HashMap::new();
    if let Ok(dict) = resources.get(b"Font") {
        for (name, font) in deref(doc, dict)?.as_dict().ok()?.iter() {
            fonts.insert(name.clone(), font.as_reference().ok()?);
        }
    }
    Some(fonts)
}

/// Contiguous page ranges, one per worker, of about equal content size.
fn balance(facts: &[PageFacts], workers: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = facts.iter().map(|f| f.weight).sum();
    let workers = workers.clamp(1, facts.len().max(1));
    let mut shares = Vec::with_capacity(workers);
    let (mut start, mut sum) = (0, 0);
    for (i, f) in facts.iter().enumerate() {
        sum += f.weight;
        let remaining_workers = workers - shares.len();
        let target = total * (shares.len() + 1) / workers;
        if sum >= target && remaining_workers > 1 && facts.len() - (i + 1) >= remaining_workers - 1
        {
            shares.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < facts.len() {
        shares.push(start..facts.len());
    }
    shares
}

/// Whether some font name means different fonts on different pages (as
/// Typst names fonts `/f0`, `/f1` in the order each page first uses them).
fn names_conflict(facts: &[PageFacts]) -> bool {
    let mut seen: HashMap<&[u8], ObjectId> = HashMap::new();
    for fonts in facts.iter().filter_map(|f| f.fonts.as_ref()) {
        for (name, &id) in fonts {
            if *seen.entry(name).or_insert(id) != id {
                return true;
            }
        }
    }
    false
}

/// The end of the run starting at `start`: pages that can share fonts,
/// with the same MediaBox, and (unless fonts are renamed) agreeing on what
/// every font name means.
fn run_end(facts: &[PageFacts], start: usize, limit: usize, renamed: bool) -> usize {
    let Some(mut fonts) = facts[start].fonts.clone() else {
        return start + 1;
    };
    let mut end = start + 1;
    while end < limit {
        let next = &facts[end];
        let Some(next_fonts) = &next.fonts else {
            break;
        };
        let clash = || {
            next_fonts
                .iter()
                .any(|(name, id)| fonts.get(name).is_some_and(|known| known != id))
        };
        if next.media_box != facts[start].media_box || (!renamed && clash()) {
            break;
        }
        fonts.extend(next_fonts.iter().map(|(n, id)| (n.clone(), *id)));
        end += 1;
    }
    end
}

/// The name a font object goes by in a run.
fn font_name(id: ObjectId) -> Vec<u8> {
    format!("T{}_{}", id.0, id.1).into_bytes()
}

/// Cleaned page content with each `Tf` naming its font by [`font_name`];
/// `None` where some `Tf` is not of the plain form `/name size Tf` with a
/// font of `fonts`, or the page has an inline image (see
/// [`super::content::rename_fonts`]).
fn rename_fonts(content: &[u8], fonts: &HashMap<Vec<u8>, ObjectId>) -> Option<Vec<u8>> {
    super::content::rename_fonts(content, |name| fonts.get(name).map(|&id| font_name(id)))
}

/// A page that draws the forms one after another, with [`MARK`] between
/// them.
fn synthetic_page(
    doc: &mut Document,
    forms: Vec<Stream>,
    media_box: &Object,
    parent: ObjectId,
) -> ObjectId {
    let mut xobjects = Dictionary::new();
    let mut content = Vec::new();
    for (i, form) in forms.into_iter().enumerate() {
        let form_id = doc.add_object(Object::Stream(form));
        let name = format!("P{i}");
        if i > 0 {
            content.extend_from_slice(format!("{} {} m f\n", MARK.0, MARK.1).as_bytes());
        }
        content.extend_from_slice(format!("/{name} Do\n").as_bytes());
        xobjects.set(name, Object::Reference(form_id));
    }
    let contents = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), content)));
    doc.add_object(Object::Dictionary(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(parent)),
        ("MediaBox", media_box.clone()),
        (
            "Resources",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "XObject",
                Object::Dictionary(xobjects),
            )])),
        ),
        ("Contents", Object::Reference(contents)),
    ])))
}

/// The page as a form XObject: the bytes pdf-extract would read for the
/// page (unpacked and joined as lopdf joins them, fonts `renamed` by
/// [`rename_fonts`] or not) and the page's resources, with its fonts so
/// renamed.
fn form_of(doc: &Document, page: &PageFacts, content: Vec<u8>, renamed: bool) -> Stream {
    let mut form = Stream::new(Dictionary::new(), content);
    form.dict.set("Type", Object::Name(b"XObject".to_vec()));
    form.dict.set("Subtype", Object::Name(b"Form".to_vec()));
    form.dict.set("BBox", page.media_box.clone());
    let resources = doc
        .get_dictionary(page.id)
        .ok()
        .and_then(|p| p.get(b"Resources").ok());
    if !renamed {
        let resources = resources.cloned();
        form.dict.set(
            "Resources",
            resources.unwrap_or_else(|| Dictionary::new().into()),
        );
        return form;
    }
    let mut resources = resources
        .and_then(|r| deref(doc, r))
        .and_then(|r| r.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let fonts = page.fonts.iter().flatten();
    resources.set(
        "Font",
        Dictionary::from_iter(fonts.map(|(_, &id)| (font_name(id), Object::Reference(id)))),
    );
    form.dict.set("Resources", resources);
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(weight: usize) -> PageFacts {
        PageFacts {
            id: (1, 0),
            media_box: Object::Null,
            fonts: Some(HashMap::new()),
            weight,
        }
    }

    #[test]
    fn fonts_are_renamed_after_their_objects() {
        let fonts: HashMap<Vec<u8>, ObjectId> =
            [(b"f0".to_vec(), (241, 0)), (b"f1".to_vec(), (7, 2))].into();
        let content = b"BT\n/f0 25 Tf\n(a) Tj\n/f1 9.5 Tf\n[(Tf)] TJ\nET\n";
        assert_eq!(
            rename_fonts(content, &fonts).unwrap(),
            b"BT\n/T241_0 25 Tf\n(a) Tj\n/T7_2 9.5 Tf\n[(Tf)] TJ\nET\n"
        );
        // Content as the producer wrote it, several instructions a line.
        assert_eq!(
            rename_fonts(b"BT 0 Tr/f1 24 Tf[(\\000)20(Tf)]TJ ET", &fonts).unwrap(),
            b"BT 0 Tr/T7_2 24 Tf[(\\000)20(Tf)]TJ ET"
        );
        // A font the page lacks, an escaped name, an inline image.
        for content in [&b"/f9 1 Tf\n"[..], b"/f#30 1 Tf\n", b"BI /W 1 ID \n EI\n"] {
            assert_eq!(rename_fonts(content, &fonts), None);
        }
    }

    #[test]
    fn shares_balance_content_size() {
        let facts: Vec<PageFacts> = [10, 10, 10, 10, 40].into_iter().map(fact).collect();
        assert_eq!(balance(&facts, 2), vec![0..4, 4..5]);
        assert_eq!(balance(&facts[..1], 2), vec![0..1]);
        let facts: Vec<PageFacts> = [5, 5, 5, 5].into_iter().map(fact).collect();
        assert_eq!(balance(&facts, 2), vec![0..2, 2..4]);
        assert_eq!(balance(&facts, 8), vec![0..1, 1..2, 2..3, 3..4]);
    }

    #[test]
    fn runs_stop_where_a_font_name_changes_meaning_unless_renamed() {
        let with = |pairs: &[(&str, u32)]| {
            let mut f = fact(1);
            f.fonts = Some(
                pairs
                    .iter()
                    .map(|&(n, id)| (n.as_bytes().to_vec(), (id, 0)))
                    .collect(),
            );
            f
        };
        let facts = vec![
            with(&[("F1", 10)]),
            with(&[("F1", 10), ("F2", 11)]),
            with(&[("F2", 11)]),
            with(&[("F2", 12)]),
        ];
        assert!(names_conflict(&facts));
        assert!(!names_conflict(&facts[..3]));
        assert_eq!(run_end(&facts, 0, 4, false), 3);
        assert_eq!(run_end(&facts, 3, 4, false), 4);
        // Fonts renamed after their objects: a name may change meaning.
        assert_eq!(run_end(&facts, 0, 4, true), 4);
        let mut alone = fact(1);
        alone.fonts = None;
        assert_eq!(run_end(&[alone, fact(1)], 0, 2, true), 1);
    }
}

//! PDF input: glyphs with their positions, through pdf-extract's `OutputDev`.
//!
//! Takes the bytes of a PDF, gives one [`GlyphPage`] per page. Everything
//! that can go wrong with a PDF (not one, damaged, encrypted, a crash inside
//! the PDF library) becomes an [`Error`] naming the file.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use pdf_extract::{
    ColorSpace, MediaBox, Object, ObjectId, OutputDev, OutputError, Path as PdfPath, PathOp,
    Transform,
};

use crate::error::{Error, Result};

mod content;
mod fonts;
mod forms;
mod merge;
mod operations;
mod page_tree;
mod prepare;
mod repair;
mod sanitise;
mod tounicode;
mod type1;

/// One glyph as drawn: position in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge of the glyph.
    pub x: f64,
    /// Baseline, measured downwards from the top of the page.
    pub y: f64,
    /// Advance width.
    pub width: f64,
    /// Font size as drawn (after all transforms).
    pub size: f64,
    /// The Unicode text of the glyph (may be several characters, e.g. "fi").
    pub text: GlyphText,
    /// Which way its baseline runs on the page.
    pub direction: Direction,
}

/// Which way a glyph's baseline runs, in page coordinates (y downwards):
/// text on a page with /Rotate 90, or a rotated run of text, does not run
/// to the right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    /// Left to right: ordinary text.
    #[default]
    Right,
    /// Top to bottom.
    Down,
    /// Right to left: upside down.
    Left,
    /// Bottom to top.
    Up,
}

impl Direction {
    /// The direction of a baseline vector `(dx, dy)` (y downwards).
    fn of(dx: f64, dy: f64) -> Direction {
        if dx.abs() >= dy.abs() {
            if dx >= 0.0 {
                Direction::Right
            } else {
                Direction::Left
            }
        } else if dy > 0.0 {
            Direction::Down
        } else {
            Direction::Up
        }
    }
}

/// The text of a glyph, kept inline when short (nearly always: one or two
/// characters), so a page's thousands of glyphs cost no allocations.
#[derive(Clone, PartialEq, Eq)]
pub struct GlyphText(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

/// Bytes kept inline: enough for a ligature of four 3-byte characters.
const INLINE: usize = 14;

impl GlyphText {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: the bytes are a whole `&str` copied in by
            // `From<&str>` and never changed. (Checking them again at every
            // look at a glyph's text was 1.5% of reading a Skia report.)
            Repr::Inline(len, bytes) => unsafe {
                std::str::from_utf8_unchecked(&bytes[..*len as usize])
            },
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            GlyphText(Repr::Inline(s.len() as u8, bytes))
        } else {
            GlyphText(Repr::Heap(s.into()))
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The glyphs of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlyphPage {
    /// Page width in points.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
}

/// Whether the bytes start like a PDF (the header may follow some junk).
pub fn has_pdf_header(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Loads the PDF and collects every page's glyphs.
///
/// A PDF with more than `max_pages` pages is refused before any page is
/// read. Setting `cancel` makes the page workers stop at the next page.
pub fn read_glyphs(
    bytes: &[u8],
    path: &Path,
    max_pages: usize,
    cancel: &AtomicBool,
) -> Result<Vec<GlyphPage>> {
    glyphs(bytes, path, max_pages, cancel, merge::MAX_RUN).map(|(pages, _)| pages)
}

/// [`read_glyphs`], with what the reader had to mend to read the file at
/// all (one sentence each), for the user's eyes.
pub fn read_glyphs_noting(
    bytes: &[u8],
    path: &Path,
    max_pages: usize,
    cancel: &AtomicBool,
) -> Result<(Vec<GlyphPage>, Vec<String>)> {
    glyphs(bytes, path, max_pages, cancel, merge::MAX_RUN)
}

/// [`read_glyphs`], reading runs of at most `max_run` pages as one.
fn glyphs(
    bytes: &[u8],
    path: &Path,
    max_pages: usize,
    cancel: &AtomicBool,
    max_run: usize,
) -> Result<(Vec<GlyphPage>, Vec<String>)> {
    let damaged = |detail: String| Error::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let (mut doc, mut notes) = open(bytes, path)?;
    match page_tree::check(&doc, max_pages) {
        Ok(()) => {}
        Err(page_tree::Problem::TooMany(pages)) => {
            return Err(Error::TooManyPages {
                path: path.to_path_buf(),
                pages,
                limit: max_pages,
            });
        }
        Err(page_tree::Problem::Broken(detail)) => return Err(damaged(detail.into())),
    }
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if pages.is_empty() {
        return Err(damaged("it has no pages".into()));
    }
    notes.extend(prepare::run(&mut doc, &pages).map_err(damaged)?);
    forms::run(&mut doc, &pages);
    type1::read_programs(&mut doc);
    expand_cid_width_ranges(&mut doc);
    let font_notes = fonts::run(&mut doc, &pages);
    let pages = extract_pages(&mut doc, &pages, cancel, max_run).map_err(damaged)?;
    if !font_notes.is_empty() && pages.iter().all(|p| p.glyphs.is_empty()) {
        // All its text was in fonts that cannot be loaded: say so, rather
        // than that it has no text layer.
        return Err(damaged(font_notes.join("; ")));
    }
    notes.extend(font_notes);
    notes.extend(undecoded(&pages));
    Ok((pages, notes))
}

/// Loads the PDF in `bytes`: stream lengths mended and a broken index
/// rebuilt as other readers do (each said in the notes given back), then
/// decrypted when the user password is empty.
fn open(bytes: &[u8], path: &Path) -> Result<(pdf_extract::Document, Vec<String>)> {
    let damaged = |detail: String| Error::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let encrypted = || Error::Encrypted {
        path: path.to_path_buf(),
    };
    let load = |bytes: &[u8]| {
        quietly(|| crate::extract::on_pool(|| pdf_extract::Document::load_mem(bytes)))
            .map_err(|_| damaged("the PDF reader could not make sense of it".into()))?
            .map_err(|e| match load_problem(&e) {
                None => encrypted(),
                Some(detail) => damaged(detail),
            })
    };
    let mut notes = Vec::new();
    // A wrong /Length makes the library drop the object unseen; mended
    // lengths move every offset, so the index is rebuilt too.
    let mended = repair::fix_lengths(bytes).and_then(|(fixed, count)| {
        let rebuilt = repair::rebuild_xref(&fixed)?;
        notes.push(format!(
            "{count} of its streams had a wrong length, mended from where each ends"
        ));
        Some(rebuilt)
    });
    let bytes = mended.as_deref().unwrap_or(bytes);
    let mut doc = match load(bytes) {
        Ok(doc) => doc,
        Err(Error::Damaged { .. }) if let Some(fixed) = repair::rebuild_xref(bytes) => {
            // pdftotext and mutool read such files; so should we, saying so.
            let doc = load(&fixed)?;
            notes.push(
                "the PDF's index of objects was broken and has been rebuilt from the objects in the file; what comes after the damage may be missing"
                    .to_string(),
            );
            doc
        }
        Err(e) => return Err(e),
    };
    if doc.is_encrypted() {
        // An empty user password is how "protected" reports that anyone
        // may open are published; anything else needs the password.
        let decrypted = quietly(AssertUnwindSafe(|| doc.decrypt("")));
        if !matches!(decrypted, Ok(Ok(()))) || doc.is_encrypted() {
            return Err(encrypted());
        }
    }
    Ok((doc, notes))
}

/// A warning for each page with characters its font gives no text for
/// (a font without its Unicode map, or the wrong font): pdf-extract
/// drops them without a word.
fn undecoded(pages: &[GlyphPage]) -> Vec<String> {
    pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| {
            let lost = page.glyphs.iter().filter(|g| g.text.is_empty()).count();
            (lost > 0).then(|| {
                format!(
                    "page {}: {lost} characters have no text in their font (a damaged or wrong font); text on it is missing",
                    i + 1
                )
            })
        })
        .collect()
}

/// What is wrong with a PDF the library cannot load, in plain words;
/// `None` when the problem is encryption.
fn load_problem(error: &pdf_extract::Error) -> Option<String> {
    use pdf_extract::Error as E;
    let detail = match error {
        E::Decryption(_) | E::InvalidPassword | E::UnsupportedSecurityHandler(_) => return None,
        E::Xref(_) | E::MissingXrefEntry | E::InvalidOffset(_) | E::IndirectObject { .. } => {
            "its index of objects is missing or broken, as when a download is cut short".into()
        }
        E::ReferenceCycle(_) | E::ReferenceLimit => {
            "its objects refer to each other in a loop".into()
        }
        E::Decompress(_) => "a compressed part cannot be unpacked".into(),
        other => {
            let detail = other.to_string();
            let lower = detail.to_lowercase();
            if lower.contains("encrypt") || lower.contains("password") {
                return None;
            }
            if lower.contains("trailer") || lower.contains("end of input") {
                "its structure is broken, as when a download is cut short".into()
            } else {
                format!("it cannot be parsed: {}", plain_detail(&detail))
            }
        }
    };
    Some(detail)
}

/// A guess, from pdf-extract's panic message, at what on a page is broken;
/// empty when there is no good guess.
fn why(panic: &str) -> &'static str {
    let panic = panic.to_lowercase();
    let font = [
        "font",
        "encoding",
        "cmap",
        "deref",
        "widths",
        "not a number",
    ];
    if font.iter().any(|w| panic.contains(w)) {
        ": a font on it is broken"
    } else if panic.contains("content") || panic.contains("operand") {
        ": its drawing instructions are broken"
    } else {
        ""
    }
}

/// The PDF library's error, without its Rust-isms: first letter lower-case,
/// no trailing period.
fn plain_detail(detail: &str) -> String {
    let detail = detail.trim().trim_end_matches('.');
    let mut chars = detail.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => detail.to_string(),
    }
}

/// Extracts the pages on all cores: each worker takes a contiguous share
/// of the pages (balanced by content size) with its own collector, reading
/// runs of pages as one (see [`merge`]).
fn extract_pages(
    doc: &mut pdf_extract::Document,
    pages: &[(u32, ObjectId)],
    cancel: &AtomicBool,
    max_run: usize,
) -> std::result::Result<Vec<GlyphPage>, String> {
    let plan = merge::run(doc, pages, super::cores(), max_run);
    let doc = &*doc;
    let shares = super::par_map(&plan, |units| read_units(doc, units, cancel));
    let mut glyphs = Vec::with_capacity(pages.len());
    for share in shares {
        glyphs.extend(share?);
    }
    Ok(glyphs)
}

/// Our readers of content streams and ToUnicode CMaps, in place of
/// pdf-extract's much slower ones wherever ours are sure to read alike.
pub(crate) const READERS: pdf_extract::Readers = pdf_extract::Readers {
    content: Some(operations::next_for_text),
    to_unicode: Some(tounicode::read),
};

/// The PDFs committed to the repository (reports, producer fixtures, the
/// genre corpus), for tests that go over every page or font of them.
#[cfg(test)]
pub(crate) fn committed_pdfs() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = [
        "inputs",
        "tests/fixtures",
        "tests/fixtures/producers",
        "tests/genre",
    ]
    .iter()
    .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    .collect();
    files.sort();
    files
}

/// Reads one worker's units in order.
fn read_units(
    doc: &pdf_extract::Document,
    units: &[merge::Unit],
    cancel: &AtomicBool,
) -> std::result::Result<Vec<GlyphPage>, String> {
    let mut collector = Collector::default();
    for unit in units {
        if cancel.load(Ordering::Relaxed) {
            return Err("reading was cancelled".into());
        }
        let before = collector.pages.len();
        let result = quietly(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page_with(doc, &mut collector, unit.number, READERS)
        }));
        // The page that failed: the last one begun.
        let page = unit.first + (collector.pages.len() - before).max(1);
        result
            .map_err(|panic| format!("page {page} cannot be read{}", why(&panic)))?
            .map_err(|e| format!("page {page}: {}", plain_detail(&e.to_string())))?;
        if collector.pages.len() - before != unit.count {
            return Err(format!("page {page} cannot be read"));
        }
    }
    Ok(collector.pages)
}

thread_local! {
    static SILENCED: Cell<bool> = const { Cell::new(false) };
}

/// Keeps panics on this thread off stderr for good (the worker pool's
/// threads, see `extract::pool`).
pub(crate) fn silence_this_thread() {
    install_panic_hook();
    SILENCED.with(|s| s.set(true));
}

/// Has the panic hook print only on threads that are not silenced.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !SILENCED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f` with panics on this thread kept off stderr or not.
fn with_silence<T>(quiet: bool, f: impl FnOnce() -> T) -> T {
    install_panic_hook();
    let was = SILENCED.with(|s| s.replace(quiet));
    // Restored even when `f` panics, for the frames that catch it.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            SILENCED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(was);
    f()
}

/// Runs `f`, turning a panic into an error message and keeping the panic's
/// text off stderr (pdf-extract panics on some malformed PDFs).
pub(crate) fn quietly<T>(
    f: impl FnOnce() -> T + std::panic::UnwindSafe,
) -> std::result::Result<T, String> {
    let result = with_silence(true, || catch_unwind(f));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".into())
    })
}

/// Rewrites CID font `/W` arrays into the list form `c_first [w w ...]`
/// that pdf-extract reads correctly, dropping what it would choke on.
///
/// pdf-extract 0.12.1 reads the range form `c_first c_last w` wrongly (it
/// takes `c_last` and `w` from the same element as `c_first`), so every
/// glyph of such a font falls back to the default width and text from
/// Chromium/Skia PDFs comes out as "mø ter", "3 1 .1 2". Both forms mean
/// the same to any reader, so rewriting them is safe. (To report upstream:
/// `PdfCIDFont::new`.) It also indexes past the end of a short array and
/// panics on a width that is not a number; a malformed tail is dropped, so
/// those glyphs get the default width and the text is still read.
fn expand_cid_width_ranges(doc: &mut pdf_extract::Document) {
    let font_ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, obj)| match obj {
            Object::Dictionary(d) if d.get(b"W").is_ok() && is_cid_font(d) => Some(*id),
            _ => None,
        })
        .collect();
    let mut budget = WIDTH_BUDGET;
    for id in font_ids {
        let Some(Object::Dictionary(font)) = doc.objects.get(&id) else {
            continue;
        };
        let Ok(w) = font.get(b"W").cloned() else {
            continue;
        };
        match w {
            Object::Array(array) => {
                if let Some(fixed) = expand_width_array(doc, &array, &mut budget)
                    && let Some(Object::Dictionary(font)) = doc.objects.get_mut(&id)
                {
                    font.set("W", Object::Array(fixed));
                }
            }
            Object::Reference(target) => {
                if let Some(Object::Array(array)) = doc.objects.get(&target)
                    && let Some(fixed) = expand_width_array(doc, array, &mut budget)
                {
                    doc.objects.insert(target, Object::Array(fixed));
                }
            }
            _ => {}
        }
    }
}

/// Most widths written out from ranges in one document: a font has at most
/// 65 536 glyphs, and a few fonts per report is normal. Beyond this a file
/// is built to exhaust memory.
const WIDTH_BUDGET: usize = 1 << 18;

/// Widest range expanded; CIDs are 16-bit.
const MAX_RANGE: i64 = 0xFFFF;

fn is_cid_font(dict: &pdf_extract::Dictionary) -> bool {
    matches!(
        dict.get(b"Subtype").and_then(Object::as_name),
        Ok(b"CIDFontType0") | Ok(b"CIDFontType2")
    )
}

/// The list form of a `/W` array, or `None` if it is already in list form
/// and well formed. Entries after the first malformed one are dropped, as
/// are ranges once `budget` widths have been written out.
pub fn expand_width_array(
    doc: &pdf_extract::Document,
    w: &[Object],
    budget: &mut usize,
) -> Option<Vec<Object>> {
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.objects.get(id).cloned(),
            other => Some(other.clone()),
        }
    };
    let int = |o: &Object| match deref(o)? {
        Object::Integer(i) => Some(i),
        Object::Real(r) if r.is_finite() => Some(r as i64),
        _ => None,
    };
    let number = |o: &Object| match deref(o)? {
        n @ (Object::Integer(_) | Object::Real(_)) => Some(n),
        _ => None,
    };
    let mut out = Vec::with_capacity(w.len());
    let mut changed = false;
    let mut i = 0;
    while i < w.len() {
        let Some(first) = int(&w[i]).filter(|&f| (0..=0xFFFF_FFFF).contains(&f)) else {
            break;
        };
        let Some(next) = w.get(i + 1).and_then(deref) else {
            break;
        };
        if let Object::Array(list) = next {
            let widths: Option<Vec<Object>> = list.iter().map(number).collect();
            let Some(widths) = widths else {
                break;
            };
            changed |= widths != list || !matches!(w[i + 1], Object::Array(_));
            out.push(Object::Integer(first));
            out.push(Object::Array(widths));
            i += 2;
        } else {
            let (Some(last), Some(width)) = (int(&next), w.get(i + 2).and_then(number)) else {
                break;
            };
            let count = last.saturating_sub(first).saturating_add(1);
            if !(1..=MAX_RANGE + 1).contains(&count) || count as usize > *budget {
                break;
            }
            *budget -= count as usize;
            out.push(Object::Integer(first));
            out.push(Object::Array(vec![width; count as usize]));
            changed = true;
            i += 3;
        }
    }
    (changed || i < w.len()).then_some(out)
}

/// Collects glyphs page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<GlyphPage>,
    flip: Option<Transform>,
    left: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., media_box.ury));
        self.left = media_box.llx;
        // Room for as many glyphs as the page before had: pages of a
        // report hold about as many, and growing the list a glyph at a
        // time copied each page's glyphs a dozen times.
        let room = self.pages.last().map_or(0, |p| p.glyphs.len());
        self.pages.push(GlyphPage {
            width: media_box.urx - media_box.llx,
            height,
            glyphs: Vec::with_capacity(room),
        });
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> std::result::Result<(), OutputError> {
        let (Some(flip), Some(page)) = (self.flip, self.pages.last_mut()) else {
            return Ok(());
        };
        let position = trm.post_transform(&flip);
        let scaled = trm.transform_vector(euclid_vector(font_size));
        let size = (scaled.x * scaled.y).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        // The baseline's direction: the text matrix's x axis, with y flipped
        // to run downwards as the page coordinates do.
        let direction = Direction::of(trm.m11, -trm.m12);
        page.glyphs.push(Glyph {
            x: position.m31 - self.left,
            y: position.m32,
            width: width * size,
            size,
            text: char.into(),
            direction,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn fill(
        &mut self,
        _ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &PdfPath,
    ) -> std::result::Result<(), OutputError> {
        // The page break inside a run of merged pages.
        if let [PathOp::MoveTo(x, y)] = path.ops.as_slice()
            && (*x, *y) == merge::MARK
            && let Some(last) = self.pages.last()
        {
            let next = GlyphPage {
                width: last.width,
                height: last.height,
                glyphs: Vec::new(),
            };
            self.pages.push(next);
        }
        Ok(())
    }
}

fn euclid_vector(size: f64) -> euclid::Vector2D<f64, pdf_extract::Space> {
    euclid::vec2(size, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(w: Vec<Object>) -> Option<Vec<Object>> {
        expand_width_array(&pdf_extract::Document::new(), &w, &mut WIDTH_BUDGET.clone())
    }

    #[test]
    fn width_ranges_are_expanded() {
        let w = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(250),
        ];
        let fixed = widths(w.clone()).unwrap();
        assert_eq!(fixed[2], Object::Integer(10));
        assert_eq!(fixed[3], Object::Array(vec![Object::Integer(250); 3]));
        // Already in list form: nothing to do.
        assert_eq!(widths(w[..2].to_vec()), None);
    }

    #[test]
    fn malformed_width_tails_are_dropped() {
        let n = Object::Integer;
        // Too short, backwards, not numbers: the valid head is kept.
        assert_eq!(widths(vec![n(1)]), Some(vec![]));
        assert_eq!(widths(vec![n(5), n(2), n(100)]), Some(vec![]));
        assert_eq!(
            widths(vec![
                n(1),
                Object::Array(vec![n(5)]),
                Object::Name(b"a".to_vec())
            ]),
            Some(vec![n(1), Object::Array(vec![n(5)])])
        );
        assert_eq!(
            widths(vec![
                n(1),
                Object::Array(vec![n(5), Object::Name(b"x".to_vec())])
            ]),
            Some(vec![])
        );
        // A huge range, and more ranges than the budget allows.
        assert_eq!(widths(vec![n(0), n(i64::MAX), n(1)]), Some(vec![]));
        let many: Vec<Object> = (0..100).flat_map(|_| [n(0), n(0xFFFF), n(500)]).collect();
        let fixed = widths(many).unwrap();
        assert_eq!(fixed.len(), 2 * (WIDTH_BUDGET / 0x10000));
    }

    /// Reading runs of pages as one gives exactly the glyphs of reading
    /// page by page, on the PDFs of four producers (LibreOffice: TrueType
    /// fonts; Chromium: CID fonts; Typst: font names that differ from page
    /// to page; LaTeX: Type 1 fonts).
    #[test]
    fn merged_pages_give_the_same_glyphs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for file in [
            "inputs/frihet-status-2023.pdf",
            "tests/fixtures/frihet-status-2023-chromium.pdf",
            "tests/fixtures/producers/frihet-2023-typst.pdf",
            "tests/fixtures/producers/frihet-2023-latex.pdf",
            "tests/fixtures/bad/not-a-report.pdf",
        ] {
            let path = root.join(file);
            let bytes = std::fs::read(&path).unwrap();
            let cancel = AtomicBool::new(false);
            let alone = glyphs(&bytes, &path, 10_000, &cancel, 1).unwrap().0;
            let merged = glyphs(&bytes, &path, 10_000, &cancel, merge::MAX_RUN)
                .unwrap()
                .0;
            assert_eq!(alone.len(), merged.len(), "{file}");
            for (i, (a, m)) in alone.iter().zip(&merged).enumerate() {
                assert!(a == m, "{file}: page {} differs", i + 1);
            }
        }
    }

    #[test]
    fn glyph_text_inline_and_long() {
        for s in ["", "a", "ﬁ", "æøå", "a very long ligature text"] {
            let t = GlyphText::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(format!("{t:?}"), format!("{s:?}"));
        }
        assert!(matches!(GlyphText::from("æøå").0, Repr::Inline(6, _)));
    }

    #[test]
    fn header_detection() {
        assert!(has_pdf_header(b"%PDF-1.7\n"));
        assert!(!has_pdf_header(b"hello"));
    }
}

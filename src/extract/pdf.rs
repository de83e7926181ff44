//! PDF input: glyphs with their positions, through pdf-extract's `OutputDev`.
//!
//! Takes the bytes of a PDF, gives one [`GlyphPage`] per page. Everything
//! that can go wrong with a PDF (not one, damaged, encrypted, a crash inside
//! the PDF library) becomes an [`Error`] naming the file.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

use pdf_extract::{MediaBox, Object, ObjectId, OutputDev, OutputError, Transform};

use crate::error::{Error, Result};

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
    pub text: String,
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
pub fn read_glyphs(bytes: &[u8], path: &Path) -> Result<Vec<GlyphPage>> {
    let damaged = |detail: String| Error::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let encrypted = || Error::Encrypted {
        path: path.to_path_buf(),
    };
    let mut doc = quietly(|| pdf_extract::Document::load_mem(bytes))
        .map_err(|panic| damaged(format!("the PDF reader failed: {panic}")))?
        .map_err(|e| {
            let detail = e.to_string();
            if detail.to_lowercase().contains("encrypt")
                || detail.to_lowercase().contains("password")
            {
                encrypted()
            } else {
                damaged(detail)
            }
        })?;
    if doc.is_encrypted() {
        // An empty user password is how "protected" reports that anyone
        // may open are published; anything else needs the password.
        if doc.decrypt("").is_err() || doc.is_encrypted() {
            return Err(encrypted());
        }
    }
    if doc.get_pages().is_empty() {
        return Err(damaged("it has no pages".into()));
    }
    expand_cid_width_ranges(&mut doc);
    extract_pages(&doc).map_err(damaged)
}

/// Extracts the pages on all cores: pages are independent, so each worker
/// takes a contiguous run of pages with its own collector.
fn extract_pages(doc: &pdf_extract::Document) -> std::result::Result<Vec<GlyphPage>, String> {
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(numbers.len())
        .max(1);
    let chunk = numbers.len().div_ceil(workers);
    let results: Vec<std::result::Result<Vec<GlyphPage>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = numbers
            .chunks(chunk)
            .map(|pages| {
                scope.spawn(move || {
                    let mut collector = Collector::default();
                    for &page in pages {
                        quietly(AssertUnwindSafe(|| {
                            pdf_extract::output_doc_page(doc, &mut collector, page)
                        }))
                        .map_err(|panic| format!("the PDF reader failed on page {page}: {panic}"))?
                        .map_err(|e| format!("page {page}: {e}"))?;
                    }
                    Ok(collector.pages)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("the PDF reader failed".into()))
            })
            .collect()
    });
    let mut pages = Vec::with_capacity(numbers.len());
    for result in results {
        pages.extend(result?);
    }
    Ok(pages)
}

thread_local! {
    static SILENCED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into an error message and keeping the panic's
/// text off stderr (pdf-extract panics on some malformed PDFs).
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::result::Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !SILENCED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    SILENCED.with(|s| s.set(true));
    let result = catch_unwind(f);
    SILENCED.with(|s| s.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".into())
    })
}

/// Rewrites the range form `c_first c_last w` of CID font `/W` arrays into
/// the list form `c_first [w w ...]`.
///
/// pdf-extract 0.12.1 reads the range form wrongly (it takes `c_last` and
/// `w` from the same element as `c_first`), so every glyph of such a font
/// falls back to the default width and text from Chromium/Skia PDFs comes
/// out as "mø ter", "3 1 .1 2". Both forms mean the same to any reader, so
/// rewriting them is safe. (To report upstream: `PdfCIDFont::new`.)
fn expand_cid_width_ranges(doc: &mut pdf_extract::Document) {
    let font_ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, obj)| match obj {
            Object::Dictionary(d) if d.get(b"W").is_ok() && is_cid_font(d) => Some(*id),
            _ => None,
        })
        .collect();
    for id in font_ids {
        let Some(Object::Dictionary(font)) = doc.objects.get(&id) else {
            continue;
        };
        let Ok(w) = font.get(b"W").cloned() else {
            continue;
        };
        match w {
            Object::Array(array) => {
                if let Some(fixed) = expand_width_array(&array) {
                    if let Some(Object::Dictionary(font)) = doc.objects.get_mut(&id) {
                        font.set("W", Object::Array(fixed));
                    }
                }
            }
            Object::Reference(target) => {
                if let Some(Object::Array(array)) = doc.objects.get(&target) {
                    if let Some(fixed) = expand_width_array(array) {
                        doc.objects.insert(target, Object::Array(fixed));
                    }
                }
            }
            _ => {}
        }
    }
}

fn is_cid_font(dict: &pdf_extract::Dictionary) -> bool {
    matches!(
        dict.get(b"Subtype").and_then(Object::as_name),
        Ok(b"CIDFontType0") | Ok(b"CIDFontType2")
    )
}

/// The list form of a `/W` array, or `None` if it has no range form (or is
/// malformed, in which case it is left alone).
pub fn expand_width_array(w: &[Object]) -> Option<Vec<Object>> {
    let int = |o: &Object| match o {
        Object::Integer(i) => Some(*i),
        Object::Real(r) => Some(*r as i64),
        _ => None,
    };
    let mut out = Vec::with_capacity(w.len());
    let mut changed = false;
    let mut i = 0;
    while i < w.len() {
        match w.get(i + 1)? {
            Object::Array(list) => {
                out.push(w[i].clone());
                out.push(Object::Array(list.clone()));
                i += 2;
            }
            last => {
                let (first, last) = (int(&w[i])?, int(last)?);
                let width = w.get(i + 2)?.clone();
                if last < first || last - first > 0xFFFF {
                    return None;
                }
                out.push(Object::Integer(first));
                out.push(Object::Array(vec![width; (last - first + 1) as usize]));
                changed = true;
                i += 3;
            }
        }
    }
    changed.then_some(out)
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
        self.pages.push(GlyphPage {
            width: media_box.urx - media_box.llx,
            height,
            glyphs: Vec::new(),
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
        page.glyphs.push(Glyph {
            x: position.m31 - self.left,
            y: position.m32,
            width: width * size,
            size,
            text: char.to_string(),
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
}

fn euclid_vector(size: f64) -> euclid::Vector2D<f64, pdf_extract::Space> {
    euclid::vec2(size, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_ranges_are_expanded() {
        let w = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(250),
        ];
        let fixed = expand_width_array(&w).unwrap();
        assert_eq!(fixed[2], Object::Integer(10));
        assert_eq!(fixed[3], Object::Array(vec![Object::Integer(250); 3]));
        // Already in list form: nothing to do.
        assert_eq!(expand_width_array(&w[..2]), None);
    }

    #[test]
    fn header_detection() {
        assert!(has_pdf_header(b"%PDF-1.7\n"));
        assert!(!has_pdf_header(b"hello"));
    }
}

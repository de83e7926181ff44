//! Form XObjects placed where the page draws them.
//!
//! Takes the prepared document and its pages, gives the number of form
//! drawings it placed. pdf-extract reads a form drawn with `Do` with a
//! fresh graphics state: the current transformation at the `Do` and the
//! form's own `/Matrix` are both lost, so every drawing of a form lands on
//! the same spot, at the form's own coordinates (PowerPoint draws each
//! line of a list as one form, 40 times on top of each other; the repeated
//! glyphs then look like one drawing). Here each such `Do` draws a copy of
//! the form whose content starts by setting that transformation, so the
//! fresh state pdf-extract starts with is the right one.
//!
//! One level: a form drawn inside a form stays where pdf-extract puts it.
//! Copies are bounded by [`MAX_COPIED`] bytes per document.

use super::prepare::deref;
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Most bytes of form content copied per document: a form drawn a million
/// times must not cost a million copies.
const MAX_COPIED: usize = 64 << 20;

/// A transformation matrix `[a b c d e f]`, as PDF writes it.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the matrix of a point first transformed by `m`, then `n`.
fn then(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn matrix(operands: &[Object]) -> Option<Matrix> {
    let values: Vec<f64> = operands.iter().map(number).collect::<Option<_>>()?;
    values.try_into().ok()
}

/// Places the forms of every page; returns how many drawings it placed.
pub fn run(doc: &mut Document, pages: &[(u32, ObjectId)]) -> usize {
    let mut budget = MAX_COPIED;
    pages
        .iter()
        .map(|&(_, page)| place_on_page(doc, page, &mut budget))
        .sum()
}

/// A form this page draws: its content (unpacked) and matrix.
struct Form {
    content: Vec<u8>,
    matrix: Matrix,
    dict: Dictionary,
}

/// The page's XObject resource `name` when it is a form.
fn form(doc: &Document, xobjects: &Dictionary, name: &[u8]) -> Option<Form> {
    let stream = deref(doc, xobjects.get(name).ok()?)?.as_stream().ok()?;
    let subtype = stream.dict.get(b"Subtype").ok()?.as_name().ok()?;
    if subtype != b"Form" {
        return None;
    }
    let matrix = match stream.dict.get(b"Matrix") {
        Ok(m) => matrix(deref(doc, m)?.as_array().ok()?)?,
        Err(_) => IDENTITY,
    };
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let mut dict = stream.dict.clone();
    for key in [&b"Length"[..], b"Filter", b"DecodeParms", b"Matrix"] {
        dict.remove(key);
    }
    Some(Form {
        content,
        matrix,
        dict,
    })
}

/// The page's XObject dictionary, resolved.
fn page_xobjects(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let page = doc.get_dictionary(page).ok()?;
    let resources = deref(doc, page.get(b"Resources").ok()?)?.as_dict().ok()?;
    Some(
        deref(doc, resources.get(b"XObject").ok()?)?
            .as_dict()
            .ok()?
            .clone(),
    )
}

fn place_on_page(doc: &mut Document, page: ObjectId, budget: &mut usize) -> usize {
    let Some(mut xobjects) = page_xobjects(doc, page) else {
        return 0;
    };
    let Ok(bytes) = doc.get_page_content(page) else {
        return 0;
    };
    if !bytes.windows(2).any(|w| w == b"Do") {
        return 0;
    }
    let Ok(mut content) = Content::decode(&bytes) else {
        return 0;
    };
    let mut placed = 0;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut ctm = IDENTITY;
    for op in &mut content.operations {
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            "cm" => {
                if let Some(m) = matrix(&op.operands) {
                    ctm = then(&m, &ctm);
                }
            }
            "Do" => placed += usize::from(place(doc, &mut xobjects, op, &ctm, budget)),
            _ => {}
        }
    }
    if placed > 0 {
        commit(doc, page, xobjects, &content);
    }
    placed
}

/// Makes `op` (a `Do`) draw a copy of its form that sets `ctm` first;
/// false when there is nothing to place or the budget is spent.
fn place(
    doc: &mut Document,
    xobjects: &mut Dictionary,
    op: &mut Operation,
    ctm: &Matrix,
    budget: &mut usize,
) -> bool {
    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
        return false;
    };
    let Some(form) = form(doc, xobjects, name) else {
        return false;
    };
    let placement = then(&form.matrix, ctm);
    if placement == IDENTITY || form.content.len() > *budget {
        return false;
    }
    *budget -= form.content.len();
    let [a, b, c, d, e, f] = placement;
    let mut bytes = format!("{a} {b} {c} {d} {e} {f} cm\n").into_bytes();
    bytes.extend_from_slice(&form.content);
    let copy = doc.add_object(Stream::new(form.dict, bytes));
    let copy_name = format!("tiltak_form_{}", copy.0).into_bytes();
    xobjects.set(copy_name.clone(), Object::Reference(copy));
    op.operands[0] = Object::Name(copy_name);
    true
}

/// Gives the page its rewritten content and its own XObject dictionary.
fn commit(doc: &mut Document, page: ObjectId, xobjects: Dictionary, content: &Content) {
    let Ok(bytes) = content.encode() else {
        return;
    };
    let contents = doc.add_object(Stream::new(Dictionary::new(), bytes));
    let resources = doc
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"Resources").ok())
        .and_then(|r| deref(doc, r))
        .and_then(|r| r.as_dict().ok())
        .cloned();
    let Some(mut resources) = resources else {
        return;
    };
    resources.set("XObject", Object::Dictionary(xobjects));
    if let Ok(page) = doc.get_dictionary_mut(page) {
        page.set("Resources", Object::Dictionary(resources));
        page.set("Contents", Object::Reference(contents));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        // Scaled first, then shifted: the shift is not scaled.
        assert_eq!(then(&scale, &shift), [2.0, 0.0, 0.0, 2.0, 10.0, 20.0]);
        // Shifted first, then scaled: the shift is.
        assert_eq!(then(&shift, &scale), [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
    }
}

//! A guard on the page tree, run before the PDF library walks it.
//!
//! Takes a loaded document, says whether its page tree can be walked: a
//! tree whose `/Kids` lead back to an ancestor, that nests absurdly deep,
//! or that has more pages than the limit is refused here, with a reason a
//! user can read, before anything else looks at its pages.

use pdf_extract::{Document, Object, ObjectId};

/// Deepest page tree walked; real ones are 2 to 5 levels.
const MAX_DEPTH: usize = 64;

/// Why the page tree is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// More pages than the limit: as many as the tree claims, or as were
    /// counted before giving up.
    TooMany(usize),
    /// The tree cannot be walked; a phrase for "the PDF is damaged (…)".
    Broken(&'static str),
}

/// Walks the page tree with an explicit stack, counting pages.
pub fn check(doc: &Document, max_pages: usize) -> Result<(), Problem> {
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())
    else {
        // No tree at all: the caller finds no pages and says so.
        return Ok(());
    };
    let claimed = doc
        .get_dictionary(root)
        .ok()
        .and_then(|d| d.get(b"Count").ok())
        .and_then(|c| c.as_i64().ok())
        .and_then(|c| usize::try_from(c).ok())
        .unwrap_or(0);
    let too_many = |counted: usize| Problem::TooMany(counted.max(claimed));
    // A tree may share a subtree (invalid, but harmless); bound the work
    // by the number of objects so a maze of shared nodes cannot explode.
    let mut budget = 2 * doc.objects.len() + max_pages + 16;
    let mut pages = 0usize;
    let mut ancestors: Vec<ObjectId> = vec![root];
    let mut stack: Vec<std::slice::Iter<'_, Object>> = vec![kids(doc, root).iter()];
    while let Some(level) = stack.last_mut() {
        let Some(kid) = level.next() else {
            stack.pop();
            ancestors.pop();
            continue;
        };
        budget = budget.checked_sub(1).ok_or(Problem::Broken(
            "its page tree refers to the same pages over and over",
        ))?;
        let Ok(id) = kid.as_reference() else {
            continue;
        };
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        match dict.get(b"Type").and_then(Object::as_name) {
            Ok(b"Page") => {
                pages += 1;
                if pages > max_pages {
                    return Err(too_many(pages));
                }
            }
            Ok(b"Pages") => {
                if ancestors.contains(&id) {
                    return Err(Problem::Broken("its page tree contains itself"));
                }
                if ancestors.len() >= MAX_DEPTH {
                    return Err(Problem::Broken("its page tree is nested too deeply"));
                }
                ancestors.push(id);
                stack.push(kids(doc, id).iter());
            }
            _ => {}
        }
    }
    Ok(())
}

fn kids(doc: &Document, id: ObjectId) -> &[Object] {
    doc.get_dictionary(id)
        .and_then(|d| d.get(b"Kids"))
        .and_then(|k| match k {
            Object::Reference(r) => doc.get_object(*r),
            other => Ok(other),
        })
        .and_then(Object::as_array)
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::{Dictionary, dictionary};

    fn doc_with(pages_kids: Vec<Object>, count: i64, extra: Vec<(ObjectId, Object)>) -> Document {
        let mut doc = Document::with_version("1.5");
        let pages_id = (2, 0);
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! {"Type" => "Pages", "Kids" => pages_kids, "Count" => count},
            ),
        );
        for (id, o) in extra {
            doc.objects.insert(id, o);
        }
        doc.objects.insert(
            (1, 0),
            Object::Dictionary(
                dictionary! {"Type" => "Catalog", "Pages" => Object::Reference(pages_id)},
            ),
        );
        doc.trailer.set("Root", Object::Reference((1, 0)));
        doc
    }

    fn page() -> Object {
        Object::Dictionary(Dictionary::from_iter(vec![(
            "Type",
            Object::Name(b"Page".to_vec()),
        )]))
    }

    #[test]
    fn a_tree_containing_itself_is_refused() {
        let doc = doc_with(
            vec![Object::Reference((2, 0)), Object::Reference((3, 0))],
            1,
            vec![((3, 0), page())],
        );
        assert_eq!(
            check(&doc, 100),
            Err(Problem::Broken("its page tree contains itself"))
        );
    }

    #[test]
    fn pages_are_counted_against_the_limit() {
        let kids = (0..5).map(|_| Object::Reference((3, 0))).collect();
        let doc = doc_with(kids, 20000, vec![((3, 0), page())]);
        assert_eq!(check(&doc, 10), Ok(()));
        assert_eq!(check(&doc, 4), Err(Problem::TooMany(20000)));
    }
}

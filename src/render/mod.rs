//! Rendering: the last stage.
//!
//! Takes reports, findings and changes, gives files: CSV, JSON, Markdown,
//! HTML and xlsx. Renderers write to any `impl Write`, so tests can capture
//! them; [`output`] writes a set of files atomically and [`files`] knows
//! which files each command writes.

pub mod csv;
pub mod diff;
pub mod escape;
pub mod files;
pub mod findings;
pub mod folder;
pub mod index;
pub mod lang;
pub mod markdown;
pub mod output;
pub mod sheets;
pub mod tables;
pub mod understood;
pub mod xlsx;

/// How often each item occurs, in first-seen order: the statuses of a
/// report as its charts and summaries count them.
pub fn tally<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(k, _)| *k == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    counts
}

/// The CSS class of a status class: `st-finished`, `st-not-done`, …
pub fn status_css(class: crate::model::StatusClass) -> &'static str {
    use crate::model::StatusClass;
    match class {
        StatusClass::Finished => "st-finished",
        StatusClass::PartlyFinished => "st-partly-finished",
        StatusClass::Ongoing => "st-ongoing",
        StatusClass::NotStarted => "st-not-started",
        StatusClass::NotDone => "st-not-done",
        StatusClass::Continued => "st-continued",
        StatusClass::Cancelled => "st-cancelled",
        StatusClass::Delayed => "st-delayed",
        StatusClass::Unknown => "st-unknown",
    }
}

/// A status as a coloured badge that always carries its word, so the
/// colour only adds to what the text says.
pub fn status_badge(status: &str) -> String {
    format!(
        "<span class=\"st {}\">{}</span>",
        status_css(crate::vocab::status_class(status)),
        escape::html(status)
    )
}

/// Colours for statuses, from the Okabe–Ito palette (distinguishable with
/// the common colour-vision deficiencies), as a left bar and a light tint
/// behind dark text, so contrast never depends on the colour.
pub const STATUS_CSS: &str = "\
.st{display:inline-block;padding:0 .4em;border-left:.4em solid #777;background:#f2f2f2;color:#111;white-space:nowrap}\
.st-finished{border-color:#009E73;background:#e0f4ee}.st-partly-finished{border-color:#E69F00;background:#fdf1d9}\
.st-ongoing{border-color:#0072B2;background:#dcebf5}.st-not-started{border-color:#999;background:#eee}\
.st-not-done{border-color:#D55E00;background:#f9e2d4;font-weight:bold}\
.st-continued{border-color:#CC79A7;background:#f6e6ef}.st-cancelled{border-color:#000;background:#e4e4e4}\
.st-delayed{border-color:#E69F00;background:#fdf1d9}";

/// Viewport, wrapping and print rules every page shares: fits a 390 px
/// phone (wide tables scroll in their own box, long words break), prints
/// without controls and without splitting a measure.
pub const PAGE_CSS: &str = "\
*{box-sizing:border-box}body{overflow-wrap:anywhere}.scroll{overflow-x:auto;max-width:100%}\
img,svg{max-width:100%;height:auto}\
ins{text-decoration:underline;text-decoration-thickness:2px;background:#dff3e4;color:#064}\
del{text-decoration:line-through;text-decoration-thickness:2px;background:#fbe3e3;color:#8a0000}\
@media print{.controls,.filters,nav,script{display:none!important}body{max-width:none;margin:0;font-size:10pt}\
article,.card,tr{break-inside:avoid}a{color:inherit;text-decoration:none}.scroll{overflow:visible}}";

/// The `<meta>` lines every page's head has: encoding and viewport.
pub const HEAD_META: &str = "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";

/// A link from a page in `from_dir` to `to` (both relative to the working
/// folder or absolute), with `/` separators; `None` when no relative path
/// exists (another drive).
pub fn relative_href(from_dir: &std::path::Path, to: &std::path::Path) -> Option<String> {
    use std::path::Component;
    let (from, to) = (
        std::path::absolute(from_dir).ok()?,
        std::path::absolute(to).ok()?,
    );
    let normal = |p: &std::path::Path| -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    parts.pop();
                }
                Component::CurDir => {}
                other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
            }
        }
        parts
    };
    let (from, to) = (normal(&from), normal(&to));
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    Some(parts.join("/"))
}

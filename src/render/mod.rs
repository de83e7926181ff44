//! Rendering: the last stage.
//!
//! Takes reports, findings and changes, gives files: CSV, JSON, Markdown
//! and HTML. Renderers write to any `impl Write`, so tests can capture
//! them; [`output`] writes a set of files atomically and [`files`] knows
//! which files each command writes.

pub mod csv;
pub mod diff;
pub mod escape;
pub mod files;
pub mod findings;
pub mod index;
pub mod lang;
pub mod markdown;
pub mod output;
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

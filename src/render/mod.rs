//! Rendering: the last stage.
//!
//! Takes reports, findings and changes, gives files: CSV, JSON, Markdown
//! and HTML. Renderers write to any `impl Write`, so tests can capture
//! them; [`output`] writes a set of files atomically.

pub mod csv;
pub mod output;

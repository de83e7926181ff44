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
pub mod markdown;
pub mod output;
pub mod tables;
pub mod understood;
pub mod xlsx;

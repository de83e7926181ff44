//! Shared test helpers.
#![allow(dead_code)] // each test module uses a different subset

use std::path::{Path, PathBuf};

/// A path relative to the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The full text of the real 2023 report (reference text, no page breaks).
pub fn reference_text() -> String {
    std::fs::read_to_string(repo("inputs/build/sources/frihet-status-2023.txt")).unwrap()
}

/// Parses report text (as if read from a `.txt` file).
pub fn parse_text(text: &str) -> tiltak::Report {
    let doc = tiltak::clean::run(tiltak::extract::text::read(text));
    tiltak::parse_document(&doc, Path::new("test.txt")).unwrap()
}

/// insta settings that keep snapshots in the top-level `snapshots/` folder.
pub fn snapshots() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(repo("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

//! Shared test helpers.
#![allow(dead_code)] // each test module uses a different subset

use std::path::{Path, PathBuf};

/// Runs the real `tiltak` binary from the repository root.
pub fn tiltak(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tiltak"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .expect("the binary runs")
}

/// Runs the real `tiltak` binary with its stdout closed before it writes,
/// as `tiltak … | head -1` does to it.
pub fn tiltak_closed_stdout<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tiltak"))
        .args(args)
        .current_dir(repo(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("the binary ends")
}

/// Asserts the exit status, showing what the binary printed if it differs.
pub fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A path relative to the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every file below `dir` whose name ends in `.extension`, sorted.
pub fn files_below(dir: &Path, extension: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, extension, found);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, extension, &mut found);
    found.sort();
    found
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

/// Tag names in order, `/name` for end tags; void elements, comments and
/// the doctype left out; `<style>` and `<script>` bodies skipped.
pub fn tags(html: &str) -> Vec<String> {
    const VOID: &[&str] = &["meta", "input", "br", "hr", "img", "link", "col", "wbr"];
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a bare '<' in text: <{tag}>");
        // Void HTML elements and self-closing SVG ones (`<rect/>`) have no end tag.
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if tag.starts_with('/') {
            out.push(format!("/{name}"));
        } else {
            out.push(name.clone());
            if name == "style" || name == "script" {
                let close = format!("</{name}>");
                let at = rest.find(&close).expect("unclosed raw text element");
                rest = &rest[at..];
            }
        }
    }
    out
}

/// Asserts every element of the page is closed in order.
pub fn assert_balanced(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    for tag in tags(html) {
        match tag.strip_prefix('/') {
            Some(name) => assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>"),
            None => stack.push(tag),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

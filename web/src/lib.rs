//! tiltak in the browser: the library's pipeline behind a small
//! WebAssembly interface, for a page that reads reports without sending
//! them anywhere.
//!
//! Takes the bytes of one or two report files, gives what the command line
//! gives for them: the understood-as summary, the records and findings as
//! JSON, the diff, and the files `tiltak parse`, `check` and `diff` write
//! (CSV, JSON, xlsx, Markdown, HTML) as bytes, rendered by the library's
//! own renderers. Errors are the command line's one-sentence messages.
//!
//! [`Reading`] and [`Comparison`] are what JavaScript sees; [`files`] holds
//! the plain Rust underneath, so it can be tested natively.

pub mod files;

use wasm_bindgen::prelude::*;

use files::{ComparisonFiles, FileSet, ReadingFiles};
use tiltak::render::lang::Lang;

/// The command line's sentence for a file larger than its default
/// `--max-mb` (200 MB), or nothing when `size` (bytes) is within it. The
/// page asks before it reads a file into memory, so a huge file is
/// refused without being loaded. The browser has no `--max-mb` to raise,
/// so the sentence ends before the command line's hint.
#[wasm_bindgen(js_name = tooLarge)]
pub fn too_large(name: &str, size: f64) -> Option<String> {
    let limit = tiltak::Limits::default().max_bytes;
    // Sizes past 2^53 bytes are not files a browser hands over.
    let bytes = size as u64;
    (bytes > limit).then(|| {
        let sentence = tiltak::Error::TooLarge {
            path: name.into(),
            bytes,
            limit,
        }
        .to_string();
        match sentence.rsplit_once(" (raise it with") {
            Some((head, _)) => head.to_string(),
            None => sentence,
        }
    })
}

#[wasm_bindgen]
/// The library's words for what the page shows by the contract's names,
/// in `lang` (`nb` or `en`), as JSON: `{"kinds": {"status": "status",
/// "progress": "fremdrift", ...}, "severities": {"warning": "advarsel",
/// ...}}`. The page translates its tables with them, so it keeps no
/// vocabulary of its own.
pub fn labels(lang: &str) -> Result<String, JsError> {
    use tiltak::model::{ChangeKind, Severity};
    let lang: Lang = lang
        .parse()
        .map_err(|e: tiltak::model::NotA| JsError::new(&e.to_string()))?;
    let kinds: serde_json::Map<String, serde_json::Value> = ChangeKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), lang.kind(*k).into()))
        .collect();
    let severities: serde_json::Map<String, serde_json::Value> =
        [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .map(|s| (s.as_str().to_string(), lang.severity(*s).into()))
            .collect();
    Ok(serde_json::json!({ "kinds": kinds, "severities": severities }).to_string())
}

/// One report read and checked: what `tiltak parse` and `tiltak check`
/// say about one file.
#[wasm_bindgen]
pub struct Reading {
    inner: ReadingFiles,
}

#[wasm_bindgen]
impl Reading {
    /// Reads, cleans, parses and checks the report in `bytes`; `name` is
    /// the file's name, used in messages and the records' `source` as the
    /// command line uses the path it was given.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, bytes: &[u8]) -> Result<Reading, JsError> {
        let inner = ReadingFiles::read(name, bytes).map_err(|e| JsError::new(&e))?;
        Ok(Reading { inner })
    }

    /// What the parser understood, as `tiltak parse` prints it.
    pub fn summary(&self) -> String {
        tiltak::render::understood::summary(&self.inner.report, Lang::default())
    }

    /// The findings' summary, as `tiltak check` prints it.
    #[wasm_bindgen(js_name = findingsSummary)]
    pub fn findings_summary(&self) -> String {
        tiltak::render::findings::summary(&self.inner.findings, Lang::default())
    }

    /// What reading had to mend, one sentence each (the command line's
    /// `warning:` lines).
    pub fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// The names of the files [`Reading::file`] gives.
    #[wasm_bindgen(js_name = fileNames)]
    pub fn file_names(&self) -> Vec<String> {
        self.inner.names()
    }

    /// One of the files `tiltak parse`/`check --out` would write, e.g.
    /// `measures.csv`, `report.json`, `findings.xlsx`.
    pub fn file(&self, name: &str) -> Result<Vec<u8>, JsError> {
        self.inner.file(name).map_err(|e| JsError::new(&e))
    }
}

/// Two reports compared: what `tiltak diff` says, with the two-year
/// timeline of the main job.
#[wasm_bindgen]
pub struct Comparison {
    inner: ComparisonFiles,
}

#[wasm_bindgen]
impl Comparison {
    /// Compares two readings; the older as-of date is taken as the old
    /// report, whichever order they were dropped in, as the main job does.
    #[wasm_bindgen(constructor)]
    pub fn new(a: &Reading, b: &Reading) -> Result<Comparison, JsError> {
        let inner = ComparisonFiles::compare(&a.inner.report, &b.inner.report)
            .map_err(|e| JsError::new(&e))?;
        Ok(Comparison { inner })
    }

    /// The diff's summary, as `tiltak diff` prints it.
    pub fn summary(&self) -> String {
        tiltak::render::diff::summary(self.inner.diff(), Lang::default())
    }

    /// The names of the files [`Comparison::file`] gives.
    #[wasm_bindgen(js_name = fileNames)]
    pub fn file_names(&self) -> Vec<String> {
        self.inner.names()
    }

    /// One of the files `tiltak diff --out` would write (`diff.html`,
    /// `diff.json`, `changes.csv`, ...), or `timeline.csv`.
    pub fn file(&self, name: &str) -> Result<Vec<u8>, JsError> {
        self.inner.file(name).map_err(|e| JsError::new(&e))
    }
}

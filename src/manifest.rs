//! The main job's record of the folders it wrote:
//! `outputs/.tiltak-manifest.json`.
//!
//! Takes the record of the previous run and this run's results, gives
//! what the main job may do with each folder of the outputs: keep the
//! folder of an input that could not be read this time (its older outputs
//! are still the best there is, see [`restore`]), remove the folders it
//! wrote for inputs that are gone ([`Manifest::obsolete`]), and leave
//! every folder it did not write (the user's own) alone. The record holds
//! no clock time, so a run over unchanged inputs changes no byte of the
//! outputs.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{Finding, Report};

/// The record's file name in the outputs folder (hidden: it is the
/// tool's, not a reader's).
pub const FILE: &str = ".tiltak-manifest.json";

/// This format of the record; a record of another is read as none.
const VERSION: u32 = 1;

/// What the main job wrote in one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The format of the record.
    pub version: u32,
    /// One folder per report, oldest as-of date first.
    pub reports: Vec<Written>,
    /// One folder per diff of consecutive reports.
    pub diffs: Vec<WrittenDiff>,
}

/// A report's folder and the input it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Written {
    /// The input file's name in the inputs folder.
    pub input: String,
    /// The folder under outputs/, e.g. `2023`.
    pub folder: String,
    /// The report's as-of date, ISO formatted.
    pub as_of: String,
}

/// A diff's folder and the two inputs it compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WrittenDiff {
    /// The folder under outputs/, e.g. `diff-2023-2024`.
    pub folder: String,
    /// The older report's input file.
    pub old: String,
    /// The newer report's input file.
    pub new: String,
}

impl Manifest {
    /// A record of this format.
    pub fn new(reports: Vec<Written>, diffs: Vec<WrittenDiff>) -> Manifest {
        Manifest {
            version: VERSION,
            reports,
            diffs,
        }
    }

    /// The record in `outputs`; none (an empty record) when it is missing,
    /// unreadable or of another format: then no folder counts as the
    /// tool's and none is removed.
    pub fn load(outputs: &Path) -> Manifest {
        std::fs::read(outputs.join(FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.version == VERSION)
            .unwrap_or_default()
    }

    /// The report folder written for `input`, if any.
    pub fn folder_of(&self, input: &str) -> Option<&Written> {
        self.reports.iter().find(|w| w.input == input)
    }

    /// Every folder the record names, reports first.
    pub fn folders(&self) -> impl Iterator<Item = &str> {
        self.reports
            .iter()
            .map(|w| w.folder.as_str())
            .chain(self.diffs.iter().map(|d| d.folder.as_str()))
    }

    /// The folders of this record that `next` no longer names: written
    /// for inputs that are gone (or that now report another year), for
    /// the main job to remove. Only plain names of existing folders right
    /// under `outputs`: a record edited by hand cannot point elsewhere.
    pub fn obsolete(&self, next: &Manifest, outputs: &Path) -> Vec<String> {
        let mut gone: Vec<String> = self
            .folders()
            .filter(|f| !next.folders().any(|n| n == *f))
            .filter(|f| plain_name(f))
            .filter(|f| std::fs::symlink_metadata(outputs.join(f)).is_ok_and(|meta| meta.is_dir()))
            .map(str::to_string)
            .collect();
        gone.dedup();
        gone
    }
}

/// A single folder name, not hidden, not climbing out.
fn plain_name(folder: &str) -> bool {
    let mut components = Path::new(folder).components();
    matches!(
        (components.next(), components.next()),
        (Some(std::path::Component::Normal(_)), None)
    ) && !folder.starts_with('.')
        && !folder.contains(['/', '\\'])
}

/// A report read back from the folder an earlier run wrote for it.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The report as its `report.json` holds it.
    pub report: Report,
    /// Its findings as its `findings.json` holds them (found again by the
    /// checks when that file cannot be read).
    pub findings: Vec<Finding>,
    /// The folder, e.g. `2023`.
    pub folder: String,
}

/// Reads back the report of `input` from the folder `previous` records
/// for it, so a report that cannot be read this time keeps its place in
/// the timeline and the diffs. `None` when there is no such folder or its
/// `report.json` is not one this version can read (the folder is kept
/// all the same).
pub fn restore(outputs: &Path, previous: &Manifest, input: &str) -> Option<Restored> {
    let written = previous.folder_of(input)?;
    if !plain_name(&written.folder) {
        return None;
    }
    let dir = outputs.join(&written.folder);
    let bytes = std::fs::read(dir.join("report.json")).ok()?;
    let mut report: Report = serde_json::from_slice(&bytes).ok()?;
    crate::parse::complete(&mut report);
    // The folder may have been written for another file since: then it is
    // not this input's.
    if report.source != input || report.as_of != written.as_of {
        return None;
    }
    let findings = std::fs::read(dir.join("findings.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_else(|| crate::check::run(&report));
    Some(Restored {
        report,
        findings,
        folder: written.folder.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(input: &str, folder: &str) -> Written {
        Written {
            input: input.into(),
            folder: folder.into(),
            as_of: format!("{folder}-12-31"),
        }
    }

    #[test]
    fn only_folders_the_record_names_and_the_next_does_not_are_obsolete() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["2022", "2023", "diff-2022-2023", "mine", "2021"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let mut before = Manifest::new(
            vec![written("a.pdf", "2022"), written("b.pdf", "2023")],
            vec![WrittenDiff {
                folder: "diff-2022-2023".into(),
                old: "a.pdf".into(),
                new: "b.pdf".into(),
            }],
        );
        // Hand-edited entries that must never lead out of the folder.
        for folder in ["..", "../x", "/etc", ".git", ""] {
            before.reports.push(written("c.pdf", folder));
        }
        let after = Manifest::new(vec![written("b.pdf", "2023")], Vec::new());
        assert_eq!(
            before.obsolete(&after, dir.path()),
            ["2022", "diff-2022-2023"]
        );
    }

    #[test]
    fn a_missing_or_foreign_record_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
        std::fs::write(
            dir.path().join(FILE),
            "{\"version\":99,\"reports\":[],\"diffs\":[]}",
        )
        .unwrap();
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
        std::fs::write(dir.path().join(FILE), "{").unwrap();
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
    }
}

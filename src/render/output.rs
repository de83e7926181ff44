//! Atomic output: every file is written to a temporary name in the target
//! directory and renamed into place only when all of them succeeded, so a
//! failure never leaves half-written outputs behind.
//!
//! Temporary files are named `.NAME.tmpPID`. Those still waiting when the
//! program is interrupted (SIGINT, SIGTERM, SIGHUP) are removed before it
//! exits ([`remove_on_signal`]); those left by a process that was killed
//! outright are swept by the next set written to the same folder.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every temporary file of this process not yet renamed or removed.
static PENDING: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn pending(f: impl FnOnce(&mut HashSet<PathBuf>)) {
    let mut guard = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(HashSet::new));
}

/// Installs a handler that removes every pending temporary file when the
/// program is interrupted, then exits with 130 (the shell's status for an
/// interrupt). Call once, early; a second call does nothing. Only with
/// the `native` feature: a browser has no signals and no files to leave.
#[cfg(feature = "native")]
pub fn remove_on_signal() {
    let _ = ctrlc::set_handler(|| {
        let mut guard = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        for temp in guard.take().unwrap_or_default() {
            let _ = std::fs::remove_file(temp);
        }
        std::process::exit(130);
    });
}

/// Removes `.NAME.tmpPID` files in `dir` whose process is gone (killed
/// while writing): they would stay for ever and show in `git status`.
fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temp_pid(&name.to_string_lossy()) else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        // Without /proc nothing can be told; leave the file be.
        if !alive && Path::new("/proc/self").exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `.NAME.tmpPID`.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (_, pid) = rest.rsplit_once(".tmp")?;
    pid.parse().ok()
}

use crate::error::{Error, Result};

/// A set of files to be written together.
pub struct OutputSet {
    dir: PathBuf,
    staged: Vec<(PathBuf, PathBuf)>,
}

impl OutputSet {
    /// Starts a set of files in `dir` (created if missing).
    pub fn new(dir: &Path) -> Result<OutputSet> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        sweep(dir);
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            staged: Vec::new(),
        })
    }

    /// Writes one file of the set under a temporary name.
    pub fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let target = self.dir.join(name);
        let temp = self.dir.join(format!(".{name}.tmp{}", std::process::id()));
        pending(|p| {
            p.insert(temp.clone());
        });
        let result = File::create(&temp).and_then(|file| {
            let mut w = BufWriter::new(file);
            render(&mut w)?;
            w.flush()?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()
        });
        if let Err(source) = result {
            let _ = std::fs::remove_file(&temp);
            pending(|p| {
                p.remove(&temp);
            });
            return Err(Error::Write {
                path: target,
                source,
            });
        }
        self.staged.push((temp, target));
        Ok(())
    }

    /// Renames every staged file into place. A file leaves the staged list
    /// only once it is in place, so after a failed rename `Drop` removes
    /// every temporary file still waiting, the failed one included.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        while let Some((temp, target)) = self.staged.first() {
            std::fs::rename(temp, target).map_err(|source| Error::Write {
                path: target.clone(),
                source,
            })?;
            let (temp, target) = self.staged.remove(0);
            pending(|p| {
                p.remove(&temp);
            });
            written.push(target);
        }
        Ok(written)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
            pending(|p| {
                p.remove(temp);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        // A non-empty folder where the first file should go: its rename fails.
        std::fs::create_dir(dir.path().join("a.csv")).unwrap();
        std::fs::write(dir.path().join("a.csv/keep"), "x").unwrap();
        let mut set = OutputSet::new(dir.path()).unwrap();
        set.add("a.csv", |w| w.write_all(b"a")).unwrap();
        set.add("b.csv", |w| w.write_all(b"b")).unwrap();
        assert_eq!(names(dir.path()).len(), 3, "two temporary files staged");
        assert!(set.commit().is_err());
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn temporary_files_of_dead_processes_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has an id this high (Linux caps them at 2^22).
        std::fs::write(dir.path().join(".a.csv.tmp4294967295"), "old").unwrap();
        let mine = format!(".b.csv.tmp{}", std::process::id());
        std::fs::write(dir.path().join(&mine), "mine").unwrap();
        std::fs::write(dir.path().join("keep.csv"), "x").unwrap();
        let _set = OutputSet::new(dir.path()).unwrap();
        assert_eq!(names(dir.path()), [mine.as_str(), "keep.csv"]);
        assert_eq!(temp_pid(".report.json.tmp42"), Some(42));
        assert_eq!(temp_pid("report.json"), None);
    }

    #[test]
    fn a_commit_puts_every_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = OutputSet::new(dir.path()).unwrap();
        set.add("a.csv", |w| w.write_all(b"a")).unwrap();
        set.add("b.csv", |w| w.write_all(b"b")).unwrap();
        let written = set.commit().unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
        assert_eq!(std::fs::read(dir.path().join("b.csv")).unwrap(), b"b");
    }
}

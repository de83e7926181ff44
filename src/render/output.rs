//! Atomic output: every file is written to a temporary name in the target
//! directory and renamed into place only when all of them succeeded, so a
//! failure never leaves half-written outputs behind.
//!
//! Temporary files are named `.NAME.tmpPID`, and so are the staging
//! folders of [`super::folder`]. Those still waiting when the program is
//! interrupted (SIGINT, SIGTERM, SIGHUP) are removed before it exits
//! ([`remove_on_signal`]); those left by a process that was killed
//! outright are swept by the next set written to the same folder.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// What a pending temporary path is, so it is removed the right way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Temp {
    /// A file not yet renamed into place.
    File,
    /// A staging folder: a new set not yet swapped in, or an old set
    /// swapped out and not yet removed.
    Folder,
}

/// Every temporary path of this process not yet renamed or removed.
static PENDING: Mutex<Option<HashMap<PathBuf, Temp>>> = Mutex::new(None);

/// The pending paths, locked. While the guard lives the signal handler
/// cannot run its removals, so a rename done under it is seen by the
/// handler either wholly before or wholly after.
pub(crate) struct Pending(MutexGuard<'static, Option<HashMap<PathBuf, Temp>>>);

impl Pending {
    /// Takes the lock (a panic elsewhere does not make it unusable).
    pub(crate) fn lock() -> Pending {
        Pending(PENDING.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Records a temporary path to remove if the program is interrupted.
    pub(crate) fn track(&mut self, path: &Path, kind: Temp) {
        self.0
            .get_or_insert_with(HashMap::new)
            .insert(path.to_path_buf(), kind);
    }

    /// Forgets a path: renamed into place or removed.
    pub(crate) fn untrack(&mut self, path: &Path) {
        if let Some(map) = self.0.as_mut() {
            map.remove(path);
        }
    }
}

/// Removes one temporary path, a folder with all it holds.
pub(crate) fn remove(path: &Path, kind: Temp) {
    match kind {
        Temp::File => {
            let _ = std::fs::remove_file(path);
        }
        // The main thread may create one more file in it while this runs
        // (it blocks on the lock at its next step): try again.
        Temp::Folder => {
            for _ in 0..3 {
                if std::fs::remove_dir_all(path).is_ok() || !path.exists() {
                    break;
                }
            }
        }
    }
}

/// Installs a handler that removes every pending temporary file and
/// staging folder when the program is interrupted, then exits with 130
/// (the shell's status for an interrupt). Call once, early; a second call
/// does nothing. Only with the `native` feature: a browser has no signals
/// and no files to leave.
#[cfg(feature = "native")]
pub fn remove_on_signal() {
    let _ = ctrlc::set_handler(|| {
        // Held until exit: the main thread stops at its next step.
        let mut pending = Pending::lock();
        for (path, kind) in pending.0.take().unwrap_or_default() {
            remove(&path, kind);
        }
        std::process::exit(130);
    });
}

/// Makes a write past the process's file-size limit (`ulimit -f`, or a
/// quota enforced that way) fail with an error the set reports in one
/// sentence, instead of the SIGXFSZ that would kill the program mid-set
/// without a word. Call once, early. Only with the `native` feature.
#[cfg(all(unix, feature = "native"))]
pub fn fail_writes_past_size_limit() {
    // SAFETY: only the signal's disposition changes; no handler runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Removes `.NAME.tmpPID` files and staging folders in `dir` whose
/// process is gone (killed while writing): they would stay for ever and
/// show in `git status`.
pub(crate) fn sweep(dir: &Path) {
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
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            remove(
                &entry.path(),
                if is_dir { Temp::Folder } else { Temp::File },
            );
        }
    }
}

/// The process id in a temporary file's name `.NAME.tmpPID`.
pub(crate) fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (_, pid) = rest.rsplit_once(".tmp")?;
    pid.parse().ok()
}

/// The temporary name of `name` for this process: `.NAME.tmpPID`.
pub(crate) fn temp_name(name: &str) -> String {
    format!(".{name}.tmp{}", std::process::id())
}

use crate::error::{Error, Result};

/// A set of files to be written together.
pub struct OutputSet {
    dir: PathBuf,
    /// The folder errors name: `dir`, or the folder a staged set will
    /// replace (a user acts on `out/2023`, not on `out/.2023.tmpPID`).
    shown: PathBuf,
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
            shown: dir.to_path_buf(),
            staged: Vec::new(),
        })
    }

    /// Names `folder` in errors instead of the set's own folder: for a
    /// set staged to replace `folder`.
    pub(crate) fn naming(mut self, folder: &Path) -> OutputSet {
        self.shown = folder.to_path_buf();
        self
    }

    /// Writes one file of the set under a temporary name.
    pub fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let target = self.dir.join(name);
        let temp = self.dir.join(temp_name(name));
        Pending::lock().track(&temp, Temp::File);
        let result = File::create(&temp).and_then(|file| {
            let mut w = BufWriter::new(file);
            render(&mut w)?;
            // Flushed, not fsynced: the rename is what keeps a reader and a
            // killed run from seeing half a set. fsync would add power-loss
            // durability at about 3 ms a file (half the time of a 5-page
            // parse), for files that can always be made again from the
            // inputs; cargo and git make the same choice by default.
            w.flush()
        });
        if let Err(source) = result {
            let _ = std::fs::remove_file(&temp);
            Pending::lock().untrack(&temp);
            return Err(Error::Write {
                path: self.shown.join(name),
                source,
            });
        }
        self.staged.push((temp, target));
        Ok(())
    }

    /// Puts every staged file in place. A file leaves the staged list
    /// only once it is in place, so after a failed rename `Drop` removes
    /// every temporary file still waiting, the failed one included.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        while let Some((temp, target)) = self.staged.first() {
            replace(temp, target).map_err(|source| Error::Write {
                path: self.shown.join(target.file_name().unwrap_or_default()),
                source,
            })?;
            let (temp, target) = self.staged.remove(0);
            Pending::lock().untrack(&temp);
            written.push(target);
        }
        Ok(written)
    }
}

/// Moves `temp` to `target` in one atomic step, as a rename does. An
/// existing file is exchanged with `temp` and then removed instead of
/// renamed over: a reader sees the same, but ext4 writes a file renamed
/// over another out to disk before the rename returns (its guard for
/// programs that do not fsync), 0.06 ms a file on a quiet disk and up to
/// 20 ms on a busy one. Neither way fsyncs (see [`OutputSet::add`]).
fn replace(temp: &Path, target: &Path) -> std::io::Result<()> {
    let is_file = std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_file());
    if is_file && super::folder::rename_exchange(temp, target).is_ok() {
        // `temp` names the old file now; should it stay, the next set
        // written here sweeps it once this process is gone.
        let _ = std::fs::remove_file(temp);
        return Ok(());
    }
    std::fs::rename(temp, target)
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
            Pending::lock().untrack(temp);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    pub(crate) fn names(dir: &Path) -> Vec<String> {
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

    #[test]
    #[cfg(unix)]
    fn a_commit_replaces_old_files_and_leaves_no_temporary_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old").unwrap();
        std::os::unix::fs::symlink("elsewhere", dir.path().join("b.csv")).unwrap();
        let mut set = OutputSet::new(dir.path()).unwrap();
        set.add("a.csv", |w| w.write_all(b"new")).unwrap();
        set.add("b.csv", |w| w.write_all(b"b")).unwrap();
        set.commit().unwrap();
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
        assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"new");
        // A link in the way is replaced, not followed.
        assert!(
            std::fs::symlink_metadata(dir.path().join("b.csv"))
                .unwrap()
                .is_file()
        );
    }
}

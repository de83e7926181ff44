//! A whole folder of outputs replaced at once.
//!
//! Takes a target folder (`outputs/2023`) and the files of its new set,
//! gives the folder holding exactly that set. The set is written into a
//! staging folder beside the target (`outputs/.2023.tmpPID`), then the two
//! are swapped, so a reader of the target sees either the whole old set or
//! the whole new one, never a mix. On Linux the swap is one atomic
//! exchange (`renameat2` with `RENAME_EXCHANGE`); where that is not
//! supported the old folder is renamed away and the new one into its
//! place, and put back should the second rename fail.
//!
//! The staging folder follows the temporary files' rules
//! ([`super::output`]): removed on SIGINT and SIGTERM, swept by the next
//! run once its process is gone. Only for folders the tool owns: the
//! old folder is deleted, whatever else it held.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::render::output::{self, OutputSet, Pending, Temp};

/// The files of one folder, staged beside it until [`FolderSet::commit`].
pub struct FolderSet {
    target: PathBuf,
    /// Holds the new set until the swap, the old one after it: either
    /// way it goes when the `FolderSet` does.
    staging: PathBuf,
    /// `None` once committed.
    set: Option<OutputSet>,
}

impl FolderSet {
    /// Starts the new set of `target` (whose parent is created if
    /// missing), sweeping staging folders of dead runs beside it.
    pub fn new(target: &Path) -> Result<FolderSet> {
        let write_error = |source| Error::Write {
            path: target.to_path_buf(),
            source,
        };
        let (parent, name) = match (target.parent(), target.file_name()) {
            (Some(parent), Some(name)) => (parent, name.to_string_lossy()),
            _ => return Err(write_error(std::io::ErrorKind::InvalidInput.into())),
        };
        std::fs::create_dir_all(parent).map_err(write_error)?;
        output::sweep(parent);
        let staging = parent.join(output::temp_name(&name));
        // Left by an earlier set of this very process (pids are reused).
        output::remove(&staging, Temp::Folder);
        Pending::lock().track(&staging, Temp::Folder);
        if let Err(source) = std::fs::create_dir(&staging) {
            Pending::lock().untrack(&staging);
            return Err(write_error(source));
        }
        let set = OutputSet::new(&staging)
            .inspect_err(|_| {
                output::remove(&staging, Temp::Folder);
                Pending::lock().untrack(&staging);
            })?
            .naming(target);
        Ok(FolderSet {
            target: target.to_path_buf(),
            staging,
            set: Some(set),
        })
    }

    /// The folder the set will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The set of files to write, as for any [`OutputSet`].
    pub fn files(&mut self) -> &mut OutputSet {
        self.set.as_mut().expect("a set not yet committed")
    }

    /// Writes one file of the set (see [`OutputSet::add`]).
    pub fn add(
        &mut self,
        name: &str,
        render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.files().add(name, render)
    }

    /// Puts the whole new set in the target's place and removes the old
    /// one. On failure the target is as it was and the staging folder is
    /// removed.
    pub fn commit(mut self) -> Result<PathBuf> {
        let set = self.set.take().expect("committed once");
        set.commit()?;
        let write_error = |source| Error::Write {
            path: self.target.clone(),
            source,
        };
        // Only a folder is replaced: a file of the user's in the way stays.
        match std::fs::symlink_metadata(&self.target) {
            Ok(meta) if !meta.is_dir() => {
                return Err(write_error(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file that is not a folder is in the way",
                )));
            }
            _ => {}
        }
        let old = swap(&self.staging, &self.target, rename_exchange, |a, b| {
            std::fs::rename(a, b)
        })
        .map_err(write_error)?;
        // After an exchange the old set is in the staging folder, which
        // `Drop` removes; after two renames it is here.
        if let Some(old) = old.filter(|old| *old != self.staging) {
            output::remove(&old, Temp::Folder);
            Pending::lock().untrack(&old);
        }
        Ok(self.target.clone())
    }
}

impl Drop for FolderSet {
    fn drop(&mut self) {
        // Temporary files first, so they leave the pending list.
        drop(self.set.take());
        output::remove(&self.staging, Temp::Folder);
        Pending::lock().untrack(&self.staging);
    }
}

/// Swaps the folder `staging` into `target`'s place under the pending
/// lock, so the signal handler sees either state whole. Returns where the
/// old set now is (tracked as pending, for the caller to remove), or
/// `None` when there was none. `exchange` and `rename` are the system's,
/// passed in so tests can make them fail.
fn swap(
    staging: &Path,
    target: &Path,
    exchange: impl Fn(&Path, &Path) -> std::io::Result<()>,
    rename: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<Option<PathBuf>> {
    let mut pending = Pending::lock();
    if std::fs::symlink_metadata(target).is_err() {
        rename(staging, target)?;
        pending.untrack(staging);
        return Ok(None);
    }
    match exchange(staging, target) {
        // The staging path holds the old set now, still tracked as pending.
        Ok(()) => return Ok(Some(staging.to_path_buf())),
        Err(e) if !unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let old = target.with_file_name(output::temp_name(&format!("{name}.old")));
    output::remove(&old, Temp::Folder);
    rename(target, &old)?;
    if let Err(e) = rename(staging, target) {
        // Put the old set back: the target must never be left empty.
        rename(&old, target)?;
        return Err(e);
    }
    pending.untrack(staging);
    pending.track(&old, Temp::Folder);
    Ok(Some(old))
}

/// Whether an exchange failed only because the system cannot do it
/// (an old kernel, a file system without it), not because of the folders.
fn unsupported(error: &std::io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(code) if code == EINVAL || code == ENOSYS || code == EOPNOTSUPP
    ) || error.kind() == std::io::ErrorKind::Unsupported
}

#[cfg(target_os = "linux")]
use libc::{EINVAL, ENOSYS, EOPNOTSUPP};
#[cfg(not(target_os = "linux"))]
const EINVAL: i32 = 22;
#[cfg(not(target_os = "linux"))]
const ENOSYS: i32 = 38;
#[cfg(not(target_os = "linux"))]
const EOPNOTSUPP: i32 = 95;

/// Exchanges two paths atomically (Linux 3.15 and later).
#[cfg(target_os = "linux")]
pub(super) fn rename_exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call;
    // AT_FDCWD makes relative paths relative to the working directory.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// No atomic exchange here: the caller falls back to two renames.
#[cfg(not(target_os = "linux"))]
pub(super) fn rename_exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::output::tests::names;

    /// A folder `out/2023` holding `old.csv` and `both.csv` (generation 1).
    fn old_set() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("2023");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("old.csv"), "1").unwrap();
        std::fs::write(target.join("both.csv"), "1").unwrap();
        (dir, target)
    }

    #[test]
    fn a_commit_replaces_the_whole_folder() {
        let (dir, target) = old_set();
        let mut set = FolderSet::new(&target).unwrap();
        set.add("both.csv", |w| w.write_all(b"2")).unwrap();
        set.add("new.csv", |w| w.write_all(b"2")).unwrap();
        assert_eq!(
            names(&target),
            ["both.csv", "old.csv"],
            "untouched while staged"
        );
        set.commit().unwrap();
        assert_eq!(names(&target), ["both.csv", "new.csv"]);
        assert_eq!(std::fs::read(target.join("both.csv")).unwrap(), b"2");
        assert_eq!(names(dir.path()), ["2023"], "no staging folder left");
    }

    #[test]
    fn a_failed_file_leaves_the_old_folder_and_no_staging() {
        let (dir, target) = old_set();
        let mut set = FolderSet::new(&target).unwrap();
        set.add("both.csv", |w| w.write_all(b"2")).unwrap();
        let failed = set.add("new.csv", |_| Err(std::io::Error::other("disk full")));
        assert!(failed.is_err());
        drop(set);
        assert_eq!(names(&target), ["both.csv", "old.csv"]);
        assert_eq!(std::fs::read(target.join("both.csv")).unwrap(), b"1");
        assert_eq!(names(dir.path()), ["2023"]);
    }

    #[test]
    fn a_file_in_the_way_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("2023");
        std::fs::write(&target, "mine").unwrap();
        let mut set = FolderSet::new(&target).unwrap();
        set.add("a.csv", |w| w.write_all(b"2")).unwrap();
        let err = set.commit().unwrap_err().to_string();
        assert!(err.contains("not a folder is in the way"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), b"mine");
        assert_eq!(names(dir.path()), ["2023"]);
    }

    /// Without an atomic exchange: two renames, the same result.
    #[test]
    fn the_fallback_without_exchange_replaces_the_folder() {
        let (dir, target) = old_set();
        let staging = dir.path().join(".2023.tmp1");
        std::fs::create_dir(&staging).unwrap();
        std::fs::write(staging.join("new.csv"), "2").unwrap();
        let no_exchange = |_: &Path, _: &Path| Err(std::io::Error::from_raw_os_error(EINVAL));
        let old = swap(&staging, &target, no_exchange, |a, b| std::fs::rename(a, b))
            .unwrap()
            .unwrap();
        assert_eq!(names(&old), ["both.csv", "old.csv"]);
        assert_eq!(names(&target), ["new.csv"]);
        output::remove(&old, Temp::Folder);
        Pending::lock().untrack(&old);
        assert_eq!(names(dir.path()), ["2023"]);
    }

    /// The second rename fails (the new set cannot be moved in): the old
    /// set is put back, whole.
    #[test]
    fn a_failure_mid_swap_puts_the_old_folder_back() {
        let (dir, target) = old_set();
        let staging = dir.path().join(".2023.tmp1");
        std::fs::create_dir(&staging).unwrap();
        let calls = std::cell::Cell::new(0);
        let flaky = |a: &Path, b: &Path| {
            calls.set(calls.get() + 1);
            if calls.get() == 2 {
                return Err(std::io::Error::other("no space left"));
            }
            std::fs::rename(a, b)
        };
        let no_exchange = |_: &Path, _: &Path| Err(std::io::Error::from_raw_os_error(ENOSYS));
        let err = swap(&staging, &target, no_exchange, flaky).unwrap_err();
        assert_eq!(err.to_string(), "no space left");
        assert_eq!(calls.get(), 3, "moved away, failed, moved back");
        assert_eq!(names(&target), ["both.csv", "old.csv"]);
        assert_eq!(std::fs::read(target.join("old.csv")).unwrap(), b"1");
    }

    #[test]
    fn staging_folders_of_dead_processes_are_swept() {
        let (dir, target) = old_set();
        let dead = dir.path().join(".2023.tmp4294967295");
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join("half.csv"), "x").unwrap();
        let set = FolderSet::new(&target).unwrap();
        assert!(!dead.exists());
        drop(set);
        assert_eq!(names(dir.path()), ["2023"]);
    }
}

//! Atomic output: every file is written to a temporary name in the target
//! directory and renamed into place only when all of them succeeded, so a
//! failure never leaves half-written outputs behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

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
        let result = File::create(&temp).and_then(|file| {
            let mut w = BufWriter::new(file);
            render(&mut w)?;
            w.flush()?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()
        });
        if let Err(source) = result {
            let _ = std::fs::remove_file(&temp);
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
            let (_, target) = self.staged.remove(0);
            written.push(target);
        }
        Ok(written)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
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

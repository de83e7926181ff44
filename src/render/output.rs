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

    /// Renames every staged file into place.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let staged = std::mem::take(&mut self.staged);
        let mut written = Vec::new();
        for (temp, target) in staged {
            std::fs::rename(&temp, &target).map_err(|source| Error::Write {
                path: target.clone(),
                source,
            })?;
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

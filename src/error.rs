//! Errors a user can act on.
//!
//! Every variant names the file and says in one sentence what is wrong with
//! it, so the binary can print `{err}` and exit with status 2.

use std::path::PathBuf;

/// Why a report could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file does not exist or cannot be opened.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Neither a PDF nor UTF-8 text.
    #[error("{}: not a PDF file (it has no %PDF header) nor a UTF-8 text file", path.display())]
    NotPdf {
        /// The file.
        path: PathBuf,
    },
    /// The PDF structure cannot be read.
    #[error("{}: the PDF is damaged or truncated ({detail})", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the PDF reader said.
        detail: String,
    },
    /// The PDF is encrypted with a user password.
    #[error("{}: the PDF is encrypted and needs a password to open", path.display())]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// The PDF has pages but no text layer.
    #[error("{}: the PDF has no text layer (a scanned or image-only document); run OCR first", path.display())]
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// The text does not look like a status report.
    #[error("{}: not a status report: {reason}", path.display())]
    NotReport {
        /// The file.
        path: PathBuf,
        /// What was missing.
        reason: String,
    },
    /// Writing an output failed.
    #[error("{}: cannot write the output: {source}", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

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
    /// Named `.pdf` but plain text or a web page (a failed download).
    #[error("{}: not a PDF file (it has no %PDF header): it holds {what}", path.display())]
    NotPdfButText {
        /// The file.
        path: PathBuf,
        /// What it holds instead, e.g. "a web page (HTML); the download may have failed".
        what: &'static str,
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
    /// The file is larger than [`Limits::max_bytes`](crate::extract::Limits).
    #[error("{}: the file is {}, more than the limit of {} (raise it with --max-mb)", path.display(), megabytes(*bytes), megabytes(*limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The PDF has more pages than [`Limits::max_pages`](crate::extract::Limits).
    #[error("{}: the PDF has {pages} pages, more than the limit of {limit} (raise it with --max-pages)", path.display())]
    TooManyPages {
        /// The file.
        path: PathBuf,
        /// How many pages it has (as far as counted, or as it claims).
        pages: usize,
        /// The limit.
        limit: usize,
    },
    /// Reading took longer than [`Limits::timeout`](crate::extract::Limits).
    #[error("{}: the file took longer than {} s to read (raise the limit with --timeout)", path.display(), limit.as_secs_f64())]
    Timeout {
        /// The file.
        path: PathBuf,
        /// The time budget.
        limit: std::time::Duration,
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
    /// Two reports of a batch have the same as-of date.
    #[error("{first} and {second} both report status as of {as_of}; keep one file per report in {}", dir.display())]
    SameAsOf {
        /// The first report's file name.
        first: String,
        /// The second report's file name.
        second: String,
        /// The as-of date they share.
        as_of: String,
        /// The folder they were read from.
        dir: PathBuf,
    },
    /// The file was read with warnings, and `--strict` makes them errors.
    #[error("{}: read with {warnings} warning(s) about damage; refused because of --strict", path.display())]
    Strict {
        /// The file.
        path: PathBuf,
        /// How many warnings.
        warnings: usize,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
}

/// A size in binary megabytes, as `--max-mb` takes it: "200 MB", "0.4 MB",
/// "2048 bytes".
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes < MB / 10 {
        format!("{bytes} bytes")
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

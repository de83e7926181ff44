//! Extraction: the first stage.
//!
//! Takes a file (a PDF, or UTF-8 text with `\f` page breaks) and gives a
//! [`Document`]: pages with their printed page label and blocks of raw
//! text (paragraphs and table rows) in reading order, running headers and
//! footers removed. Characters are as the producer wrote them; `clean`
//! normalises them.
//!
//! Reading is bounded by [`Limits`] (file size, page count, time), so one
//! pathological file cannot stall a batch.

mod columns;
pub mod layout;
pub mod pdf;
mod scripts;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::model::Document;

/// How much one file may cost to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Most pages a PDF may have.
    pub max_pages: usize,
    /// Largest file size in bytes.
    pub max_bytes: u64,
    /// Longest time reading one file may take.
    pub timeout: Duration,
}

impl Default for Limits {
    /// 2 000 pages, 200 MB, 60 s: far beyond any report seen (26 pages,
    /// 0.4 MB, a tenth of a second), far below what exhausts a laptop.
    fn default() -> Self {
        Limits {
            max_pages: 2000,
            max_bytes: 200 * 1024 * 1024,
            timeout: Duration::from_secs(60),
        }
    }
}

/// Reads a PDF or text file into a document, within the default [`Limits`].
pub fn read(path: &Path) -> Result<Document> {
    read_with_limits(path, &Limits::default())
}

/// Reads a PDF or text file into a document within `limits`.
///
/// The work runs on a worker thread; when the time budget is spent this
/// returns [`Error::Timeout`] at once and the worker is told to stop at its
/// next page (a worker stuck inside one page is abandoned).
pub fn read_with_limits(path: &Path, limits: &Limits) -> Result<Document> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > limits.max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: size,
            limit: limits.max_bytes,
        });
    }
    let cancel = Arc::new(AtomicBool::new(false));
    let (send, receive) = mpsc::channel();
    {
        let path: PathBuf = path.to_path_buf();
        let limits = limits.clone();
        let cancel = Arc::clone(&cancel);
        in_background(move || {
            // A panic in our own code (layout) must not reach the user
            // as panic text either.
            let result = pdf::quietly(std::panic::AssertUnwindSafe(|| {
                read_bounded(&path, &limits, &cancel)
            }))
            .unwrap_or_else(|_| {
                Err(Error::Damaged {
                    path: path.clone(),
                    detail: "the PDF reader failed".into(),
                })
            });
            // The receiver is gone if the caller gave up waiting.
            let _ = send.send(result);
        })
        .map_err(io)?;
    }
    match receive.recv_timeout(limits.timeout) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            cancel.store(true, Ordering::Relaxed);
            Err(Error::Timeout {
                path: path.to_path_buf(),
                limit: limits.timeout,
            })
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Error::Damaged {
            path: path.to_path_buf(),
            detail: "the PDF reader failed".into(),
        }),
    }
}

/// Stack for the extraction worker.
const WORKER_STACK: usize = 64 * 1024 * 1024;

fn read_bounded(path: &Path, limits: &Limits, cancel: &AtomicBool) -> Result<Document> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    // Read no more than the limit allows: a pipe or a device (/dev/zero)
    // has no size to check beforehand, and the file may have grown.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    extract(&bytes, path, limits.max_pages, cancel)
}

/// Reads a document from the bytes of a PDF or text file; `path` names it
/// in errors. A file named `.pdf` must be a PDF; anything else that is
/// UTF-8 is read as text.
///
/// Applies the default page limit but no time budget: the work runs on the
/// calling thread (use [`read_with_limits`] for a bounded read).
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Document> {
    extract(
        bytes,
        path,
        Limits::default().max_pages,
        &AtomicBool::new(false),
    )
}

fn extract(bytes: &[u8], path: &Path, max_pages: usize, cancel: &AtomicBool) -> Result<Document> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    if pdf::has_pdf_header(bytes) {
        let (pages, notes) = pdf::read_glyphs_noting(bytes, path, max_pages, cancel)?;
        let mut doc = layout::run(pages);
        let textless = doc.pages.iter().all(|p| p.blocks.is_empty());
        if textless && !notes.is_empty() {
            // Mended and still without text: what is missing is the file's
            // end, not a text layer.
            return Err(Error::Damaged {
                path: path.to_path_buf(),
                detail: "its structure is broken, as when a download is cut short".into(),
            });
        }
        if textless {
            return Err(Error::NoText {
                path: path.to_path_buf(),
            });
        }
        doc.warnings = notes;
        return Ok(doc);
    }
    let named_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => {
            if !named_pdf {
                return Ok(text::read(text));
            }
            let head = text[..text.floor_char_boundary(1024)].to_lowercase();
            let what = if head.contains("<html") || head.contains("<!doctype html") {
                "a web page (HTML); the download may have failed"
            } else {
                "plain text; name it .txt to read it as report text"
            };
            Err(Error::NotPdfButText {
                path: path.to_path_buf(),
                what,
            })
        }
        _ => Err(Error::NotPdf {
            path: path.to_path_buf(),
        }),
    }
}

/// How many threads to read with. Asked once: the standard library reads
/// the cgroup files on every call, which costs more than a page. In the
/// browser there are no threads, so one: [`par_map_owned`] then maps on
/// the calling thread.
pub(crate) fn cores() -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The process's worker threads, one per core, started at the first PDF.
///
/// Their stacks are as deep as the extraction worker's, since lopdf
/// recurses into nested objects on them and pdf-extract into forms (at
/// most `prepare::MAX_FORM_DEPTH` deep) with large frames. Everything that runs on them is
/// part of reading a PDF, which runs inside [`pdf::quietly`]: a panic there
/// becomes an error naming the file, so its text is kept off stderr on
/// these threads as on the reading thread (rayon hands the panic on to the
/// thread that waits for the work).
#[cfg(not(target_arch = "wasm32"))]
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores())
            .thread_name(|i| format!("tiltak-worker-{i}"))
            .stack_size(WORKER_STACK)
            .start_handler(|_| pdf::silence_this_thread())
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `f` with its parallel work (lopdf's, ours) on [`pool`]; in the
/// browser, or if the pool cannot be started, on the calling thread.
pub(crate) fn on_pool<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(pool) = pool() {
        return pool.install(f);
    }
    f()
}

/// Starts `job` on [`pool`], or where there is none on a thread of its own
/// with as deep a stack.
fn in_background(job: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(pool) = pool() {
        pool.spawn(job);
        return Ok(());
    }
    std::thread::Builder::new()
        .name("tiltak-extract".into())
        // Deeply nested PDF objects make the PDF library recurse.
        .stack_size(WORKER_STACK)
        .spawn(job)
        .map(drop)
}

/// `items.into_iter().map(f).collect()` on all cores, each item dropped
/// where it was used.
pub(crate) fn par_map_owned<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    #[cfg(not(target_arch = "wasm32"))]
    if items.len() > 1
        && cores() > 1
        && let Some(pool) = pool()
    {
        use rayon::prelude::*;
        let f = &f;
        return pool.install(|| items.into_par_iter().map(f).collect());
    }
    items.into_iter().map(f).collect()
}

/// `items.iter().map(f).collect()` on all cores.
pub(crate) fn par_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    par_map_owned(items.iter().collect(), f)
}

//! The files of the command line, rendered in memory.
//!
//! The command line writes `render::files`' sets into a folder; here the
//! same sets go into memory sinks: [`Names`] lists them, [`Pick`] renders
//! the one asked for, with the same renderers and the same (default) CSV
//! dialect, giving bytes. Errors are one sentence, as strings, because
//! JavaScript shows them as they are.

use std::path::Path;

use tiltak::batch::Batch;
use tiltak::model::{Finding, Report};
use tiltak::render::csv::{self, Dialect};
use tiltak::render::diff::PdfLinks;
use tiltak::render::files::{self, Formats, Names, Pick, Sink};
use tiltak::render::lang::Lang;
use tiltak::render::tables;

/// How the two dropped files are named in the one error about them both
/// (the command line names the folder they came from).
const DROPPED: &str = "the files dropped on the page";

/// A set of the command line's files, rendered when asked for.
pub trait FileSet {
    /// Puts every file of the set into `sink`, in the command line's order.
    fn files(&self, sink: &mut impl Sink) -> tiltak::Result<()>;

    /// The names of the files, as the command line names them.
    fn names(&self) -> Vec<String> {
        let mut names = Names::default();
        // Names never renders, so it never fails.
        let _ = self.files(&mut names);
        names.0
    }

    /// The bytes of the file called `name`, as the command line writes it.
    fn file(&self, name: &str) -> Result<Vec<u8>, String> {
        let mut pick = Pick::new(name);
        self.files(&mut pick).map_err(|e| e.to_string())?;
        pick.into_bytes().ok_or_else(|| unknown(name))
    }
}

/// One report with its findings and warnings.
#[derive(Debug, Clone)]
pub struct ReadingFiles {
    /// The records.
    pub report: Report,
    /// What `tiltak check` finds in them.
    pub findings: Vec<Finding>,
    /// What reading had to mend, one sentence each, naming the file.
    pub warnings: Vec<String>,
}

impl ReadingFiles {
    /// Reads and checks the report in `bytes`, named `name`.
    pub fn read(name: &str, bytes: &[u8]) -> Result<ReadingFiles, String> {
        let (report, warnings) =
            tiltak::read_report_bytes(bytes, Path::new(name)).map_err(|e| e.to_string())?;
        let findings = tiltak::check::run(&report);
        Ok(ReadingFiles {
            report,
            findings,
            warnings,
        })
    }
}

impl FileSet for ReadingFiles {
    /// The files of `tiltak parse` then `tiltak check`; no page links: the
    /// browser has the PDF but no file to link to.
    fn files(&self, sink: &mut impl Sink) -> tiltak::Result<()> {
        let formats = Formats::every(Lang::default());
        let dialect = Dialect::default();
        let (report, findings) = (&self.report, &self.findings);
        files::report(sink, report, Some(findings), None, formats, dialect)?;
        files::findings(sink, report, findings, formats, dialect)
    }
}

/// Two reports compared, oldest first, as the main job compares them.
#[derive(Debug, Clone)]
pub struct ComparisonFiles {
    /// The comparison and timeline of the two reports.
    pub batch: Batch,
}

impl ComparisonFiles {
    /// Compares two reports in as-of order; two with the same as-of date
    /// are refused, as the main job refuses them.
    pub fn compare(a: &Report, b: &Report) -> Result<ComparisonFiles, String> {
        let batch = Batch::build(vec![a.clone(), b.clone()], Path::new(DROPPED))
            .map_err(|e| e.to_string())?;
        if batch.diffs.len() != 1 {
            return Err("two reports are needed for a comparison".into());
        }
        Ok(ComparisonFiles { batch })
    }

    /// The comparison.
    pub fn diff(&self) -> &tiltak::diff::Diff {
        &self.batch.diffs[0].diff
    }
}

impl FileSet for ComparisonFiles {
    /// The files of `tiltak diff`, then the main job's `timeline.csv`.
    fn files(&self, sink: &mut impl Sink) -> tiltak::Result<()> {
        let formats = Formats::every(Lang::default());
        let links = PdfLinks::default();
        files::diff(sink, self.diff(), &links, formats, Dialect::default())?;
        sink.add("timeline.csv", |w| {
            csv::write(
                &tables::timeline(&self.batch.timeline),
                w,
                Dialect::default(),
            )
        })
    }
}

fn unknown(name: &str) -> String {
    format!("{name}: not a file tiltak writes")
}

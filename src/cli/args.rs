//! Every command-line type; doc comments become `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  success (check: no findings; diff: no changes)
  1  check found errors or warnings; diff found changes
  2  an input could not be read (not a PDF, encrypted, scanned, not a status report, ...)

Examples:
  tiltak                                   # inputs/*.pdf -> outputs/ (parse, check, diff, timeline)
  tiltak parse report.pdf --out out/ --format csv,json
  tiltak check report.pdf
  tiltak diff status-2023.pdf sluttrapport-2024.pdf --out diff/";

/// Read Norwegian \"Status for tiltak\" report PDFs into data, cross-check
/// each report against itself and compare reports year by year.
///
/// Without a command, runs the main job: every PDF in --inputs is parsed and
/// checked into --outputs/<year>/, consecutive years are compared into
/// --outputs/diff-<old>-<new>/, and --outputs/timeline.csv and index.html
/// tie them together.
#[derive(Debug, Parser)]
#[command(name = "tiltak", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do; without one, the main job runs.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder with the report PDFs for the main job.
    #[arg(long, default_value = "inputs", global = true)]
    pub inputs: PathBuf,
    /// Folder the main job writes to.
    #[arg(long, default_value = "outputs", global = true)]
    pub outputs: PathBuf,
    /// Write CSV for Norwegian Excel: UTF-8 BOM and `;` separators.
    #[arg(long, global = true)]
    pub excel: bool,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the cleaned text of a report, pages separated by form feeds.
    ///
    /// Example: tiltak extract report.pdf --pages | less
    Extract {
        /// A report PDF, or a UTF-8 text file with form feeds between pages.
        file: PathBuf,
        /// Start each page with a line naming its number and printed label.
        #[arg(long)]
        pages: bool,
    },
    /// Read a report into records: TOC, overview table, departments,
    /// measures, commitments.
    ///
    /// Example: tiltak parse report.pdf --out parsed/ --format csv,json
    Parse(FileArgs),
    /// Cross-check a report against itself (TOC, headings, overview table,
    /// summary sentence, sub-measures, department list).
    ///
    /// Example: tiltak check report.pdf --out findings/
    Check(FileArgs),
    /// Compare two reports: status, responsible, title and text changes,
    /// added and removed measures, and what became of dated promises.
    ///
    /// Example: tiltak diff status-2023.pdf sluttrapport-2024.pdf --out diff/ --format md,html
    Diff {
        /// The older report.
        old: PathBuf,
        /// The newer report.
        new: PathBuf,
        /// Folder to write the files to; without it only a summary is printed.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Formats to write, comma separated.
        #[arg(long, value_delimiter = ',', default_value = "csv,json,md,html")]
        format: Vec<Format>,
    },
}

/// A report file and where to write.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// A report PDF, or a UTF-8 text file with form feeds between pages.
    pub file: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Output folder and formats.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Folder to write the files to; without it only a summary is printed.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Formats to write, comma separated.
    #[arg(long, value_delimiter = ',', default_value = "csv,json,md")]
    pub format: Vec<Format>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV files, one per table.
    Csv,
    /// One JSON document.
    Json,
    /// A Markdown summary.
    Md,
    /// A self-contained HTML page (diff only).
    Html,
}

//! Every command-line type; doc comments become `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit status:
  0  success (check: no findings; diff: no changes)
  1  check found errors or warnings; diff found changes
  2  an input could not be read (not a PDF, encrypted, scanned, not a status
     report, too large, ...) or an output could not be written

Examples:
  tiltak                                        # inputs/*.pdf -> outputs/ (parse, check, diff, timeline)
  tiltak parse report.pdf --out out/            # CSV, JSON and Markdown in out/
  tiltak parse report.pdf --out - --format csv  # measures as CSV on stdout
  tiltak parse report.pdf --out out/ --format xlsx --excel
  tiltak check report.pdf                       # findings summary, exit 1 if any
  tiltak diff status-2023.pdf sluttrapport-2024.pdf --out diff/
  tiltak completions bash > ~/.local/share/bash-completion/completions/tiltak";

/// Read Norwegian "Status for tiltak" report PDFs into data, cross-check
/// each report against itself and compare reports year by year.
///
/// Without a command, runs the main job: every PDF in --inputs is parsed and
/// checked into --outputs/<year>/, consecutive years are compared into
/// --outputs/diff-<old>-<new>/, and --outputs/timeline.csv and index.html
/// tie them together.
#[derive(Debug, Parser)]
#[command(name = "tiltak", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do; without one, the main job runs.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder with the report PDFs for the main job. Example: --inputs reports/
    #[arg(long, default_value = "inputs", value_name = "DIR")]
    pub inputs: PathBuf,
    /// Folder the main job writes to. Example: --outputs results/
    #[arg(long, default_value = "outputs", value_name = "DIR")]
    pub outputs: PathBuf,
    /// Write CSV for Norwegian Excel: UTF-8 byte order mark and `;` separators.
    /// Example: tiltak parse r.pdf --out out/ --excel
    #[arg(long, global = true)]
    pub excel: bool,
    /// Print nothing but errors (no summaries, warnings or progress bar).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: timings and every warning. Example: tiltak -v check r.pdf
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Language of what a person reads (HTML, Markdown, xlsx, summaries);
    /// CSV and JSON keep the contract's names. Example: --lang en
    #[arg(long, value_enum, default_value = "nb", global = true)]
    pub lang: LangArg,
    /// Treat warnings about a damaged file (skipped content, missing fonts,
    /// a rebuilt index) as errors: exit 2 instead of reading on.
    /// Example: tiltak check r.pdf --strict
    #[arg(long, global = true)]
    pub strict: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// A language for readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian bokmål.
    Nb,
    /// English.
    En,
}

/// Limits that keep one pathological PDF from stalling a batch.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Refuse PDFs with more pages than this. Example: --max-pages 5000
    #[arg(long, default_value_t = 2000, global = true, value_name = "N")]
    pub max_pages: usize,
    /// Refuse files larger than this many megabytes (counted as read, so a
    /// pipe or device stops there too). Example: --max-mb 500
    #[arg(long, default_value_t = 200, global = true, value_name = "MB")]
    pub max_mb: u64,
    /// Give up on a file after this many seconds. Example: --timeout 120
    #[arg(long, default_value_t = 60, global = true, value_name = "SECONDS")]
    pub timeout: u64,
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
        /// Keep the running headers and footers (left out by default, as
        /// the records leave them out).
        #[arg(long)]
        running: bool,
    },
    /// Read a report into records: TOC, overview table, departments,
    /// measures, commitments.
    ///
    /// Files: toc.csv, overview.csv, measures.csv, departments.csv,
    /// commitments.csv, report.xlsx, report.json, report.md.
    /// With --out - the one chosen format goes to stdout (csv: measures).
    ///
    /// Example: tiltak parse report.pdf --out parsed/ --format csv,json
    Parse(FileArgs),
    /// Cross-check a report against itself (TOC, headings, overview table,
    /// summary sentence, sub-measures, department list).
    ///
    /// Files: findings.csv, findings.xlsx, findings.json, findings.md.
    /// Exit status 1 when there are findings.
    ///
    /// Example: tiltak check report.pdf --out findings/
    Check(FileArgs),
    /// Compare two reports: status, responsible, title and text changes,
    /// added and removed measures, and what became of dated promises.
    ///
    /// Files: changes.csv, changes.xlsx, diff.json, diff.md, diff.html.
    /// Exit status 1 when something changed.
    ///
    /// Example: tiltak diff status-2023.pdf sluttrapport-2024.pdf --out diff/ --format md,html
    Diff {
        /// The older report.
        old: PathBuf,
        /// The newer report.
        new: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Print the JSON Schema of report.json, findings.json or diff.json.
    ///
    /// Example: tiltak schema report > report.schema.json
    Schema {
        /// Which document.
        #[arg(value_enum)]
        document: SchemaDocument,
    },
    /// Print a shell completion script.
    ///
    /// Example: tiltak completions zsh > ~/.zfunc/_tiltak
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
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
    /// Folder to write the files to, or - for stdout; without it only a
    /// summary is printed. Example: --out results/
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Formats to write, comma separated [default: csv,json,md; diff adds
    /// html; with --out - the default is json]. Example: --format csv,xlsx
    #[arg(long, value_delimiter = ',')]
    pub format: Option<Vec<Format>>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV files, one per table (see --excel).
    Csv,
    /// One JSON document.
    Json,
    /// A Markdown summary.
    Md,
    /// A self-contained HTML page (diff only).
    Html,
    /// One Excel workbook with a sheet per table.
    Xlsx,
}

/// A JSON document whose schema `tiltak schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaDocument {
    /// report.json, written by parse.
    Report,
    /// findings.json, written by check.
    Findings,
    /// diff.json, written by diff.
    Diff,
}

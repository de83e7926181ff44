//! The binary's commands: each turns checked arguments into calls to the
//! library stages and decides the exit status.

pub mod args;
mod check;
mod diff;
mod extract;
use extract::Show;
mod main_job;
mod parse;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use args::{Cli, Command, Format, OutputArgs, SchemaDocument};
use tiltak::Error;
use tiltak::render::csv::Dialect;
use tiltak::render::files::Formats;
use tiltak::render::lang::Lang;

/// Exit status: success, no findings, no changes.
pub const SUCCESS: u8 = 0;
/// Exit status: check found findings, or diff found changes.
pub const DIFFERENCES: u8 = 1;
/// Exit status: an input could not be read, or an output not written.
pub const FAILURE: u8 = 2;

/// How much to print besides the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Summaries and warnings.
    Normal,
    /// Also timings.
    Verbose,
}

/// Settings every command shares.
pub struct Context {
    /// CSV dialect.
    pub dialect: Dialect,
    /// How much to print.
    pub verbosity: Verbosity,
    /// Limits for reading one file.
    pub limits: tiltak::Limits,
    /// The language of summaries and of the files people read.
    pub lang: Lang,
    /// Whether a warning about a file makes it an error (`--strict`).
    pub strict: bool,
}

impl Context {
    /// Reads a report, printing its warnings unless quiet.
    fn read(&self, path: &std::path::Path) -> Result<tiltak::Report, Error> {
        let (report, warnings, times) = tiltak::read_report_timed(path, &self.limits)?;
        self.warn(path, &warnings)?;
        if self.verbosity == Verbosity::Verbose {
            let list: Vec<String> = times
                .iter()
                .map(|(stage, t)| format!("{stage} {t:.1?}"))
                .collect();
            note(&format!("tiltak: {}: {}", path.display(), list.join(", ")));
        }
        Ok(report)
    }

    /// Prints warnings unless quiet; with `--strict`, any warning is an
    /// error.
    fn warn(&self, path: &std::path::Path, warnings: &[String]) -> Result<(), Error> {
        if self.verbosity != Verbosity::Quiet {
            // The library words these in English, so the prefix is too.
            for warning in warnings {
                note(&format!("tiltak: warning: {warning}"));
            }
        }
        if self.strict && !warnings.is_empty() {
            return Err(Error::Strict {
                path: path.to_path_buf(),
                warnings: warnings.len(),
            });
        }
        Ok(())
    }

    /// Prints, with `-v`, how long a stage begun at `start` took.
    fn took(&self, stage: &str, start: std::time::Instant) {
        if self.verbosity == Verbosity::Verbose {
            note(&format!("tiltak: {stage} {:.1?}", start.elapsed()));
        }
    }

    /// Runs one stage, printing how long it took with `-v`.
    fn timed<T>(&self, stage: &str, run: impl FnOnce() -> T) -> T {
        let start = std::time::Instant::now();
        let out = run();
        if self.verbosity == Verbosity::Verbose {
            note(&format!("tiltak: {stage} {:.1?}", start.elapsed()));
        }
        out
    }
}

/// Where a command's data goes.
pub enum Destination {
    /// Only the human summary on stdout.
    Summary,
    /// Files in a folder.
    Dir(PathBuf, Formats),
    /// One format on stdout.
    Stdout(Format),
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let context = Context {
        dialect: Dialect { excel: cli.excel },
        verbosity,
        lang: match cli.lang {
            args::LangArg::Nb => Lang::Nb,
            args::LangArg::En => Lang::En,
        },
        limits: tiltak::Limits {
            max_pages: cli.limits.max_pages,
            max_bytes: cli.limits.max_mb.saturating_mul(1024 * 1024),
            timeout: std::time::Duration::from_secs(cli.limits.timeout),
        },
        strict: cli.strict,
    };
    const FILES: Writes = Writes {
        defaults: &[Format::Csv, Format::Json, Format::Md],
        supported: &[Format::Csv, Format::Json, Format::Md, Format::Xlsx],
    };
    const DIFF_FILES: Writes = Writes {
        defaults: &[Format::Csv, Format::Json, Format::Md, Format::Html],
        supported: &[
            Format::Csv,
            Format::Json,
            Format::Md,
            Format::Html,
            Format::Xlsx,
        ],
    };
    let code = match cli.command {
        None => main_job::run(&cli.inputs, &cli.outputs, &context)?,
        Some(Command::Extract {
            file,
            pages,
            running,
        }) => extract::run(&file, Show { pages, running }, &context)?,
        Some(Command::Parse(args)) => parse::run(
            &args.file,
            destination(&args.output, "parse", FILES, context.lang)?,
            &context,
        )?,
        Some(Command::Check(args)) => check::run(
            &args.file,
            destination(&args.output, "check", FILES, context.lang)?,
            &context,
        )?,
        Some(Command::Diff { old, new, output }) => diff::run(
            &old,
            &new,
            destination(&output, "diff", DIFF_FILES, context.lang)?,
            &context,
        )?,
        Some(Command::Schema { document }) => schema(document)?,
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            // Into memory first: clap_complete panics when stdout fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "tiltak", &mut script);
            to_stdout(|w| w.write_all(&script))?;
            SUCCESS
        }
    };
    Ok(ExitCode::from(code))
}

/// The formats a command writes.
struct Writes {
    /// Written when `--format` is not given.
    defaults: &'static [Format],
    /// Every format the command can write.
    supported: &'static [Format],
}

/// Turns `--out`/`--format` into a destination; refuses a format the
/// command cannot write rather than writing nothing.
fn destination(
    output: &OutputArgs,
    command: &str,
    writes: Writes,
    lang: Lang,
) -> Result<Destination, Error> {
    let Some(out) = &output.out else {
        return Ok(Destination::Summary);
    };
    let chosen = output.format.as_deref().unwrap_or(writes.defaults);
    if let Some(format) = chosen.iter().find(|f| !writes.supported.contains(f)) {
        let names: Vec<String> = writes.supported.iter().map(|f| format_name(*f)).collect();
        return Err(Error::Usage(format!(
            "the {command} command cannot write {}; it writes {}",
            format_name(*format),
            names.join(", ")
        )));
    }
    if out.as_os_str() == "-" {
        return match output.format.as_deref() {
            None => Ok(Destination::Stdout(Format::Json)),
            Some([one]) => Ok(Destination::Stdout(*one)),
            Some(_) => Err(Error::Usage(
                "--out - writes one format to stdout; choose it with --format".into(),
            )),
        };
    }
    let formats = Formats {
        csv: chosen.contains(&Format::Csv),
        json: chosen.contains(&Format::Json),
        md: chosen.contains(&Format::Md),
        html: chosen.contains(&Format::Html),
        xlsx: chosen.contains(&Format::Xlsx),
        lang,
    };
    Ok(Destination::Dir(out.clone(), formats))
}

/// Prints one line on stderr. A stderr that cannot be written to (full,
/// closed) is ignored: `eprintln!` would panic, and there is nowhere left
/// to say anything.
pub fn note(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Prints a summary for a person on stdout; a closed pipe (`| head -1`)
/// ends the printing quietly, as a reader who stops reading.
fn say(text: &str) -> Result<(), Error> {
    to_stdout(|w| w.write_all(text.as_bytes()))
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
fn to_stdout(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let stdout = std::io::stdout();
    let mut out = Watched {
        inner: stdout.lock(),
        closed: false,
    };
    let result = render(&mut out).and_then(|()| out.flush());
    match result {
        // The serializers (CSV, JSON) wrap the error they met, so the
        // writer itself notes that the pipe was closed.
        Err(_) if out.closed => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Error::Write {
            path: "standard output".into(),
            source,
        }),
        Ok(()) => Ok(()),
    }
}

/// A writer that notes when its reader has gone away.
struct Watched<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Watched<W> {
    fn watch<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        result
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.watch(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
}

/// A format as `--format` names it.
fn format_name(format: Format) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

fn schema(document: SchemaDocument) -> Result<u8, Error> {
    let schema = match document {
        SchemaDocument::Report => schemars::schema_for!(tiltak::Report),
        SchemaDocument::Findings => schemars::schema_for!(Vec<tiltak::model::Finding>),
        SchemaDocument::Diff => schemars::schema_for!(tiltak::diff::Diff),
    };
    to_stdout(|w| {
        serde_json::to_writer_pretty(&mut *w, &schema)?;
        writeln!(w)
    })?;
    Ok(SUCCESS)
}

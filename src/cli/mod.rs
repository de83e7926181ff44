//! The binary's commands: each turns checked arguments into calls to the
//! library stages and decides the exit status.

pub mod args;
mod check;
mod diff;
mod extract;
mod main_job;
mod parse;

use std::process::ExitCode;

use args::{Cli, Command, Format, OutputArgs};
use tiltak::render::csv::Dialect;
use tiltak::render::files::Formats;

/// Exit status: success, no findings, no changes.
pub const SUCCESS: u8 = 0;
/// Exit status: check found findings, or diff found changes.
pub const DIFFERENCES: u8 = 1;
/// Exit status: an input could not be read, or an output not written.
pub const FAILURE: u8 = 2;

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> Result<ExitCode, tiltak::Error> {
    let dialect = Dialect { excel: cli.excel };
    let code = match cli.command {
        None => main_job::run(&cli.inputs, &cli.outputs, dialect, cli.quiet)?,
        Some(Command::Extract { file, pages }) => extract::run(&file, pages)?,
        Some(Command::Parse(args)) => parse::run(&args.file, &args.output, dialect)?,
        Some(Command::Check(args)) => check::run(&args.file, &args.output, dialect)?,
        Some(Command::Diff {
            old,
            new,
            out,
            format,
        }) => diff::run(&old, &new, &OutputArgs { out, format }, dialect)?,
    };
    Ok(ExitCode::from(code))
}

fn formats(output: &OutputArgs) -> Formats {
    Formats {
        csv: output.format.contains(&Format::Csv),
        json: output.format.contains(&Format::Json),
        md: output.format.contains(&Format::Md),
        html: output.format.contains(&Format::Html),
    }
}

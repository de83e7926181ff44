//! The `tiltak` binary: parses the command line and hands over to the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::args::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => return usage_error(err),
    };
    // An interrupted run leaves no temporary files behind; a write past a
    // file-size limit is an error we report, not a kill.
    tiltak::render::output::remove_on_signal();
    #[cfg(unix)]
    tiltak::render::output::fail_writes_past_size_limit();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            cli::note(&format!("tiltak: {err}"));
            ExitCode::from(cli::FAILURE)
        }
    }
}

/// Prints clap's message, with a hint where a report was given in place of
/// a command (`tiltak report.pdf`), and exits 2 (0 for --help/--version).
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let _ = err.print();
    if err.kind() == ErrorKind::InvalidSubcommand
        && let Some(ContextValue::String(word)) = err.get(ContextKind::InvalidSubcommand)
    {
        let path = std::path::Path::new(word);
        let looks_like_file = path.extension().is_some() || path.exists();
        if looks_like_file {
            eprintln!("\ntip: to read one report, write: tiltak parse {word}");
            eprintln!(
                "     (or check, or diff OLD NEW); without a command, tiltak reads every PDF in --inputs"
            );
        }
    }
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
        _ => ExitCode::from(cli::FAILURE),
    }
}

//! The `tiltak` binary: parses the command line and hands over to the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    // An interrupted run leaves no temporary files behind.
    tiltak::render::output::remove_on_signal();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            cli::note(&format!("tiltak: {err}"));
            ExitCode::from(cli::FAILURE)
        }
    }
}

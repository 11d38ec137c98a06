//! `firedrill`: the game window, or a headless subcommand.

use std::process::ExitCode;

use clap::Parser;
use firedrill::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(action) => run(action),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}

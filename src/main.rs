//! `firedrill`: the game window, or a headless subcommand.

use std::process::ExitCode;

use clap::Parser;
use firedrill::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(action) => run(action),
        None => open_window(),
    }
}

/// `firedrill` alone opens the title screen.
#[cfg(feature = "app")]
fn open_window() -> ExitCode {
    let launch = firedrill::app::Launch::title(firedrill::cli::scenarios_dir());
    match firedrill::app::run_to_result(launch, None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Without the `app` feature there is no window: show the subcommands.
#[cfg(not(feature = "app"))]
fn open_window() -> ExitCode {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
    ExitCode::SUCCESS
}

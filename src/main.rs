use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = jejak::cli::Cli::parse();
    jejak::app::run(cli).into()
}

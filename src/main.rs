use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Whether glibc took it or there is no glibc, the run is the same, only its peak differs.
    jejak::memory::return_large_blocks_to_the_system();
    let cli = jejak::cli::Cli::parse();
    jejak::app::run(cli).into()
}

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // SAFETY: the first statement of `main`: no other thread exists yet. Whether glibc took
    // it or there is no glibc, the run is the same; only its peak memory differs.
    unsafe { jejak::memory::return_large_blocks_to_the_system() };
    let cli = jejak::cli::Cli::parse();
    jejak::app::run(cli).into()
}

//! The `journeygap` binary: parse arguments, run, print the error chain, set the exit code.
#![forbid(unsafe_code)]

use clap::Parser;

/// mimalloc: faster with the many small allocations of reading cells, and it hands freed memory
/// back to the system, so a big run's peak is what it holds, not what it once held.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = journeygap::cli::Args::parse();
    if let Err(e) = journeygap::cmd::dispatch(args) {
        // Messages quote file and sheet names from the exports: their control characters
        // are shown, never obeyed by the terminal.
        let shown = |s: String| journeygap::escape::shown_lines(&s).into_owned();
        eprintln!("error: {}", shown(e.to_string()));
        for cause in e.chain().skip(1) {
            eprintln!("  caused by: {}", shown(cause.to_string()));
        }
        std::process::exit(1);
    }
}

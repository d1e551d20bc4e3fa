//! The `journeygap` binary: parse arguments, run, print the error chain, set the exit code.
#![forbid(unsafe_code)]

use clap::Parser;

fn main() {
    let args = journeygap::cli::Args::parse();
    if let Err(e) = journeygap::app::run(args) {
        eprintln!("error: {e}");
        for cause in e.chain().skip(1) {
            eprintln!("  caused by: {cause}");
        }
        std::process::exit(1);
    }
}

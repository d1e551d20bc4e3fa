//! `journeygap gen-demo` and `gen-corpus` (hidden): the seeded generators of the demo folder and
//! of the benchmark corpus.

use std::path::Path;

use anyhow::{Context, Result};

use crate::demo;

/// Write the benchmark corpus: `files` files of `respondents` each, as xlsx and CSV unless
/// `(xlsx_only, csv_only)` says one.
pub fn corpus(
    out: &Path,
    files: usize,
    respondents: usize,
    seed: u64,
    (xlsx_only, csv_only): (bool, bool),
) -> Result<()> {
    let formats = demo::corpus::Formats {
        xlsx: !csv_only,
        csv: !xlsx_only,
    };
    demo::corpus::write_corpus(out, files, respondents, seed, formats)
        .with_context(|| format!("writing the corpus into {}", out.display()))?;
    println!(
        "wrote {files} files of {respondents} respondents into {}",
        out.display()
    );
    Ok(())
}

/// Write the demo folder.
pub fn demo(out: &Path, seed: u64) -> Result<()> {
    let truth = demo::write_demo(out, seed)
        .with_context(|| format!("writing the demo into {}", out.display()))?;
    println!("wrote {} files into {}", truth.files.len(), out.display());
    Ok(())
}

//! `journeygap init`: guess a config from the folder's files and write it, never over an
//! existing one unless `--force`.

use anyhow::{bail, Context, Result};

use crate::cli::InitArgs;
use crate::ingest::Table;
use crate::report::atomic;

/// `journeygap init`.
pub fn init(a: &InitArgs) -> Result<()> {
    let warnings = crate::messages::Warnings::new();
    let paths = super::export_files(&a.folder, &warnings)?;
    let out = a
        .output
        .clone()
        .unwrap_or_else(|| a.folder.join("journeygap.toml"));
    if out.exists() && !a.force {
        bail!(
            "{} already exists; pass --force to replace it, or --output FILE to write elsewhere",
            out.display()
        );
    }
    if paths.is_empty() {
        bail!(
            "{}: no .xlsx .xlsm .xlsb .xls .ods .csv .tsv or .txt files found",
            a.folder.display()
        );
    }
    let (files, skipped) = super::read_files(&a.folder, &paths, a.quiet);
    let tables: Vec<&Table> = files.iter().flat_map(|f| f.tables.iter()).collect();
    let text = crate::init::config_text(&a.folder.display().to_string(), &tables, &skipped);
    atomic::write_file(&out, text.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    for e in &skipped {
        warnings.warn(format!("not read: {e}"));
    }
    // The written config must load: a guess that does not is a bug, said even with --quiet.
    let cfg = match crate::config::Config::parse(&text, &out) {
        Ok(cfg) => Some(cfg),
        Err(e) => {
            warnings.warn(format!("the written config does not load: {e}"));
            None
        }
    };
    if !a.quiet {
        println!(
            "read {} files ({} tables); wrote {}",
            files.len(),
            tables.len(),
            out.display()
        );
        if let Some(cfg) = cfg {
            let wanted: Vec<&Table> = tables
                .iter()
                .copied()
                .filter(|t| cfg.input.wants_file(&t.source_file))
                .collect();
            println!(
                "\nwhat `journeygap run` would do with it:\n{}",
                crate::escape::shown_lines(&crate::inspect::preview(&cfg, &wanted))
            );
        }
        let config = if a.output.is_some() {
            format!(" --config {}", out.display())
        } else {
            String::new()
        };
        println!(
            "next: read and correct it, then `journeygap check {}{config}`",
            a.folder.display()
        );
    }
    Ok(())
}

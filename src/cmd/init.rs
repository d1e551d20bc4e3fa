//! `journeygap init`: guess a config from the folder's files and write it, never over an
//! existing one unless `--force`.

use std::io::IsTerminal;

use anyhow::{bail, Context, Result};

use crate::cli::InitArgs;
use crate::ingest::Table;
use crate::report::atomic;

/// Ask the config's open questions in the terminal and write the answers into it as confirmed
/// (keeping the user's edits and comments), or, without a terminal, list them. The config's text
/// as it now is.
fn questions(
    out: &std::path::Path,
    text: String,
    channels: &[String],
    interactive: bool,
    quiet: bool,
) -> Result<String> {
    use crate::init::ask;
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Ok(text);
    };
    let qs = ask::questions(&doc, channels);
    if qs.is_empty() {
        return Ok(text);
    }
    if !interactive {
        if quiet {
            return Ok(text);
        }
        println!(
            "open questions ({}; answer them by running `journeygap init` again in a terminal, or edit {}):",
            qs.len(),
            out.display()
        );
        for q in &qs {
            println!(
                "  - {} ({})",
                crate::escape::shown(&q.prompt),
                crate::escape::shown(&q.evidence.join("; "))
            );
        }
        return Ok(text);
    }
    eprintln!(
        "{} question(s) about what init could not tell; Enter accepts the guess shown, arrows pick another, Esc skips the rest.",
        qs.len()
    );
    let answered = ask::ask_all(&mut doc, &qs).context("cannot ask in this terminal")?;
    if answered == 0 {
        return Ok(text);
    }
    let text = doc.to_string();
    atomic::write_file(out, text.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {answered} answer(s) into {} as confirmed",
        out.display()
    );
    Ok(text)
}

/// `journeygap init`.
pub fn init(a: &InitArgs) -> Result<()> {
    let warnings = crate::messages::Warnings::new();
    let paths = super::export_files(&a.folder, &warnings)?;
    let out = a
        .output
        .clone()
        .unwrap_or_else(|| a.folder.join("journeygap.toml"));
    let interactive = !a.no_input
        && std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal();
    let rerun = out.exists() && !a.force;
    if rerun && !interactive {
        bail!(
            "{} already exists; pass --force to replace it, or --output FILE to write elsewhere (in a terminal, `journeygap init` asks what it still guesses)",
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
    let scan = crate::init::scan(&a.folder.display().to_string(), &tables, &skipped);
    // The language first: in one the lexicon lacks, every phrase-based guess is unsure.
    for (t, l) in tables.iter().zip(&scan.languages) {
        if let Some((name, false)) = l {
            warnings.warn(format!(
                "{} is in {name}, which journeygap's lexicon does not cover: every guess from its words is marked unsure and asked",
                crate::escape::shown(&t.label())
            ));
        }
    }
    let text = if rerun {
        std::fs::read_to_string(&out).with_context(|| format!("cannot read {}", out.display()))?
    } else {
        atomic::write_file(&out, scan.text.as_bytes())
            .with_context(|| format!("cannot write {}", out.display()))?;
        scan.text
    };
    let text = questions(&out, text, &scan.channels, interactive, a.quiet)?;
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

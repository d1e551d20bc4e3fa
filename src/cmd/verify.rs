//! `journeygap verify`: hash a period's inputs again and compare them with its `summary.json`.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::analysis::Summary;
use crate::ingest;

/// `journeygap verify`.
pub fn verify(folder: &Path, input: Option<&Path>) -> Result<()> {
    let path = folder.join("summary.json");
    let bytes = std::fs::read(&path).with_context(|| {
        format!(
            "{}: cannot read; give a period folder written by `run`",
            path.display()
        )
    })?;
    let s: Summary = serde_json::from_slice(&bytes)
        .with_context(|| format!("{}: not a journeygap summary", path.display()))?;
    let root = input
        .map(Path::to_path_buf)
        .unwrap_or_else(|| s.input_folder.clone().into());
    let problems = differences(&s, &root);
    if problems.is_empty() {
        let lookups = match s.lookups.len() {
            0 => String::new(),
            1 => " (and its lookup)".to_string(),
            n => format!(" (and its {n} lookups)"),
        };
        println!(
            "{}: all {} input files{lookups} match {}",
            s.period,
            s.inputs.len(),
            root.display()
        );
        Ok(())
    } else {
        bail!(
            "{} of {} no longer matches its inputs in {}:\n  {}",
            s.period,
            folder.display(),
            root.display(),
            problems.join("\n  ")
        )
    }
}

/// Each input of `s` changed or missing under `root`, and each data file there the run did
/// not read.
fn differences(s: &Summary, root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for f in &s.inputs {
        match std::fs::read(root.join(&f.source_file)) {
            Ok(b) => {
                if ingest::sha256_hex(&b) != f.sha256 {
                    problems.push(format!("changed: {}", f.source_file));
                }
            }
            Err(_) => problems.push(format!("missing: {}", f.source_file)),
        }
    }
    let mut lookups = Vec::new();
    for l in &s.lookups {
        match std::fs::read(&l.path) {
            Ok(b) if ingest::sha256_hex(&b) == l.sha256 => {}
            Ok(_) => problems.push(format!("changed: lookup {} ({})", l.file, l.path)),
            Err(_) => problems.push(format!("missing: lookup {} ({})", l.file, l.path)),
        }
        lookups.extend(Path::new(&l.path).canonicalize().ok());
    }
    if let Ok(paths) = ingest::walk(root) {
        for p in paths {
            let name = ingest::relative_name(root, &p);
            let lookup = p.canonicalize().is_ok_and(|c| lookups.contains(&c));
            if !lookup && !s.inputs.iter().any(|f| f.source_file == name) {
                problems.push(format!("not in the run: {name}"));
            }
        }
    }
    problems
}

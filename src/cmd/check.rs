//! `journeygap check`: classify without writing, print what maps and what does not; exit 1
//! when there are errors.

use anyhow::{bail, Result};

use crate::cli::CheckArgs;
use crate::ingest::Table;
use crate::inspect::{self, Level};

/// `journeygap check`.
pub fn check(a: &CheckArgs) -> Result<()> {
    let (cfg, paths) = super::open_inputs(&a.input, a.config.as_deref())?;
    let (mut files, bad) = super::read_files(&a.input, &paths, a.quiet);
    for t in files.iter_mut().flat_map(|f| f.tables.iter_mut()) {
        crate::classify::lookup::join(&cfg, t);
    }
    let tables: Vec<&Table> = files
        .iter()
        .flat_map(|f| f.tables.iter())
        .filter(|t| cfg.input.wants_sheet(t.sheet.as_deref()))
        .collect();
    let report = inspect::inspect(&cfg, &tables, &bad);
    // File, sheet and column names come from the exports: shown, never obeyed by the terminal.
    print!("{}", crate::escape::shown_lines(&report.render(a.quiet)));
    let errors = report.count(Level::Error);
    if errors > 0 {
        bail!(
            "check found {errors} error(s) in {}; fix them before `journeygap run`",
            a.input.display()
        );
    }
    Ok(())
}

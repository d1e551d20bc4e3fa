//! `journeygap check`: classify without writing, print what maps and what does not; exit 1
//! when there are errors.

use anyhow::{bail, Result};

use crate::classify;
use crate::cli::CheckArgs;
use crate::inspect::{self, Level};

/// `journeygap check`.
pub fn check(a: &CheckArgs) -> Result<()> {
    let warnings = crate::messages::Warnings::new();
    let inputs = super::open_inputs(&a.input, a.config.as_deref(), &warnings)?;
    let (cfg, joins) = (&inputs.cfg, inputs.joins());
    let (files, bad) = super::read_files(&a.input, &inputs.paths, a.quiet);
    let prepared = classify::prepare(
        cfg,
        &joins,
        files.into_iter().flat_map(|f| f.tables).collect(),
    );
    let period = inspect::PeriodArgs {
        explicit: a.period.as_deref(),
        input: &a.input,
    };
    let report = inspect::inspect(cfg, &joins, &prepared.tables(), &bad, Some(period));
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

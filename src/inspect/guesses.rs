//! What `check` says `run` would rest on: the config's unconfirmed guesses, and the period.

use super::{error, info, warn, Finding};
use crate::classify::Classified;
use crate::config::Config;

/// What `run` decides the period from: `--period`, and the input folder (its name).
#[derive(Debug, Clone, Copy)]
pub struct PeriodArgs<'a> {
    pub explicit: Option<&'a str>,
    pub input: &'a std::path::Path,
}

/// The period `run` would take, or the error it would stop with (an error here too).
pub(super) fn period_finding(p: PeriodArgs, c: &Classified) -> Vec<Finding> {
    let dates = c
        .respondents()
        .filter(|r| r.stage().is_some())
        .filter_map(|r| r.date);
    match crate::period::decide(p.explicit, p.input, dates) {
        Ok(q) => vec![info(format!("`run` would write the period {q}"))],
        Err(e) => vec![error(format!("`run` would stop here: {e}"))],
    }
}

/// Every unconfirmed guess of the config, weakest first, with the rows and analyses it decides.
pub(super) fn guesses(cfg: &Config, c: &Classified) -> Vec<Finding> {
    let g = crate::analysis::guesses::guesses(cfg, c);
    if g.unconfirmed.is_empty() {
        return vec![info(
            "none: everything the config says was written or confirmed by you".into(),
        )];
    }
    let mut out = vec![info(format!(
        "{} guesses; delete a `guess` key (or a `value_guesses` entry) to confirm it, or run `journeygap init` in a terminal to be asked. Rows by the weakest guess that decided them: {} unsure, {} likely, {} sure, {} confirmed",
        g.unconfirmed.len(),
        g.rows.unsure,
        g.rows.likely,
        g.rows.sure,
        g.rows.confirmed
    ))];
    for u in &g.unconfirmed {
        let rows = match u.rows {
            0 => String::new(),
            1 => "; 1 row".into(),
            n => format!("; {n} rows"),
        };
        let line = u.line.map(|l| format!(", line {l}")).unwrap_or_default();
        let text = format!(
            "{:<6} {} ({}{rows}{line}): {}",
            u.confidence, u.what, u.decides, u.evidence
        );
        out.push(if u.confidence == "unsure" && u.decides_findings {
            warn(text)
        } else {
            info(text)
        });
    }
    out
}

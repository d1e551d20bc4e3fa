//! What `check` says `run` would rest on: the config's unconfirmed guesses, and the period.

use super::{error, info, warn, Finding};
use crate::classify::Classified;
use crate::config::Config;
use crate::period::How;

/// What `run` decides the period from: `--period`, and the input folder (its name).
#[derive(Debug, Clone, Copy)]
pub struct PeriodArgs<'a> {
    pub explicit: Option<&'a str>,
    pub input: &'a std::path::Path,
}

/// The period `run` would take, or the error it would stop with (an error here too).
pub(super) fn period_finding(p: PeriodArgs, c: &Classified) -> Vec<Finding> {
    match crate::period::decide(p.explicit, p.input, c.response_dates().flatten()) {
        Ok(d) => {
            let f = crate::period::Fieldwork::of(&d, c.response_dates());
            let how = match d.how {
                How::Explicit => "given with --period".to_string(),
                How::Folder => "the input folder's name".to_string(),
                How::Dates { share } if share >= 1.0 => "every response date is in it".to_string(),
                How::Dates { share } => format!(
                    "it holds {:.0} % of the dated responses (at least 80 % decides)",
                    share * 100.0
                ),
            };
            let mut out = vec![info(format!(
                "`run` would write the period {} ({how})",
                d.name
            ))];
            if f.dated > 0 && f.outside_period == 0 {
                out.push(info(format!(
                    "fieldwork {} to {}: all {} dated responses are in {}",
                    f.first, f.last, f.dated, d.name
                )));
            } else if f.dated > 0 {
                let text = format!(
                    "fieldwork {} to {}: {} of {} dated responses are dated outside {}{}",
                    f.first,
                    f.last,
                    f.outside_period,
                    f.dated,
                    d.name,
                    if f.undated > 0 {
                        format!("; {} undated", f.undated)
                    } else {
                        String::new()
                    }
                );
                out.push(if f.outside_period > 0 {
                    warn(text)
                } else {
                    info(text)
                });
            }
            out
        }
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

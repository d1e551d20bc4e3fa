//! What `check` says of raking and lookups.

use super::{error, info, Finding};
use crate::classify::{rake, Classified};
use crate::config::Config;

/// Rake as `run` would: the weights' range and design effect, or the error that would stop it.
pub(super) fn weighting(cfg: &Config, c: &mut Classified) -> Vec<Finding> {
    match rake::rake(cfg, c) {
        Ok(None) if cfg.weighting.is_some() => {
            vec![info("raking: no classified respondent to weight".into())]
        }
        Ok(None) => Vec::new(),
        Ok(Some(r)) => {
            let mut out = vec![info(format!(
                "raked {} classified respondents in {} iterations: weights {:.3} to {:.3}, design effect {:.2}",
                r.n, r.iterations, r.min, r.max, r.design_effect
            ))];
            for v in &r.values {
                out.push(info(format!(
                    "  {} = {}: target {:.1}%, sample {:.1}% (n={}), weighted {:.1}%",
                    v.field,
                    v.value,
                    v.target * 100.0,
                    v.unweighted_share * 100.0,
                    v.n,
                    v.weighted_share * 100.0
                )));
            }
            out
        }
        Err(e) => vec![error(e.to_string())],
    }
}

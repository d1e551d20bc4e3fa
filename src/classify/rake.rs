//! `[weighting]` raking applied to the classified respondents of a period (PRODUCT §4, §6.13):
//! each one's value on every rake field (after value maps; `(blank)` when missing) matched to
//! the targets, weights raked by [`crate::stats::rake`] and set on the respondents. Excluded and
//! unclassified rows keep weight 1 and are not raked.

use std::collections::HashMap;

use crate::config::{fold, Config, ConfigError, Weighting};
use crate::stats::rake::{rake as ipf, RakeError};
use crate::stats::weights::{self, Tally};
use crate::FxBuildHasher;

use super::{Classified, Outcome};

/// The value of a missing answer in the targets.
pub const BLANK: &str = "(blank)";

/// One rake field's value (a line of `tables/weighting.csv`, PRODUCT §6.13): its target and
/// the shares before and after raking; beside them the weights' summary, repeated on every row.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct WeightingRow {
    /// Empty in a [`RakeReport`]; the analysis writes the period.
    pub period: String,
    pub field: String,
    /// As the targets write it.
    pub value: String,
    pub target: f64,
    pub n: u64,
    pub unweighted_share: f64,
    pub weighted_share: f64,
    pub weights_min: f64,
    pub weights_max: f64,
    pub weights_mean: f64,
    pub design_effect: f64,
    pub iterations: u64,
}

/// What raking did.
#[derive(Debug, Clone, PartialEq)]
pub struct RakeReport {
    /// Per rake field and value.
    pub values: Vec<WeightingRow>,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Kish: n / n_eff.
    pub design_effect: f64,
    pub iterations: usize,
    pub n: u64,
}

/// Rake the classified respondents; `None` without `[weighting]` or with no one classified.
/// A value without a target, a rake field nobody answered, a target value nobody has, or
/// margins that do not converge are errors naming the config's file, line and key.
pub fn rake(cfg: &Config, c: &mut Classified) -> Result<Option<RakeReport>, ConfigError> {
    let Some(w) = &cfg.weighting else {
        return Ok(None);
    };
    let m = Memberships::of(cfg, w, c);
    if m.members.is_empty() {
        return Ok(None);
    }
    m.check(cfg, w)?;
    let targets: Vec<Vec<f64>> = w
        .rake
        .iter()
        .map(|f| f.targets.iter().map(|t| t.2).collect())
        .collect();
    let raked = ipf(&m.values, &targets, w.cap).map_err(|e| ipf_error(cfg, w, e))?;
    let report = m.report(cfg, w, &raked.weights, raked.iterations);
    // Respondents in file order meet the members in the same order.
    let mut next = m.members.iter().zip(&raked.weights).peekable();
    c.set_weights(|r| match next.peek() {
        Some((index, w)) if **index == r.index => {
            let w = **w;
            next.next();
            Some(w)
        }
        _ => None,
    });
    Ok(Some(report))
}

/// A config error at `line` of the config, on `key`.
fn config_error(cfg: &Config, line: usize, key: String, message: String) -> ConfigError {
    ConfigError {
        file: cfg.path.display().to_string(),
        line: Some(line),
        message: format!("key `{key}`: {message}"),
    }
}

/// The classified respondents and their target on every rake field.
struct Memberships {
    /// Each classified respondent's index, in file order.
    members: Vec<usize>,
    /// Per member, its target index on every rake field (flat; `usize::MAX`: no target).
    values: Vec<usize>,
    /// Per rake field, the values with no target and how many have each.
    unknown: Vec<Vec<(String, u64)>>,
    /// Per rake field, how many members answered it.
    answered: Vec<u64>,
}

impl Memberships {
    fn of(cfg: &Config, w: &Weighting, c: &Classified) -> Memberships {
        let kept = cfg.analysis_fields();
        let mut m = Memberships {
            members: Vec::new(),
            values: Vec::new(),
            unknown: vec![Vec::new(); w.rake.len()],
            answered: vec![0u64; w.rake.len()],
        };
        let slots: Vec<usize> = w
            .rake
            .iter()
            .map(|f| {
                kept.iter()
                    .position(|&k| k == f.field)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        // Per field, each value id's target (`None`: no target), decided once per distinct value.
        let mut decided: Vec<HashMap<u32, Option<usize>, FxBuildHasher>> =
            vec![HashMap::default(); w.rake.len()];
        for r in c.respondents() {
            if !matches!(r.outcome, Outcome::Classified { .. }) {
                continue;
            }
            for (fi, f) in w.rake.iter().enumerate() {
                let id = c.val_id(r, slots[fi]);
                let text = || c.value(id).as_text();
                let target = *decided[fi].entry(id).or_insert_with(|| {
                    let folded = fold(&text().unwrap_or_else(|| BLANK.to_string()));
                    f.targets.iter().position(|t| t.1 == folded)
                });
                if !c.value(id).is_missing() {
                    m.answered[fi] += 1;
                }
                match target {
                    Some(i) => m.values.push(i),
                    None => {
                        let text = text().unwrap_or_else(|| BLANK.to_string());
                        match m.unknown[fi].iter_mut().find(|u| u.0 == text) {
                            Some(u) => u.1 += 1,
                            None => m.unknown[fi].push((text, 1)),
                        }
                        m.values.push(usize::MAX);
                    }
                }
            }
            m.members.push(r.index);
        }
        m
    }

    /// A rake field nobody answered, or a value with no target, is an error.
    fn check(&self, cfg: &Config, w: &Weighting) -> Result<(), ConfigError> {
        for (fi, f) in w.rake.iter().enumerate() {
            let name = &cfg.fields[f.field].name;
            let key = format!("weighting.targets.{name}");
            if self.answered[fi] == 0 {
                return Err(config_error(
                    cfg,
                    f.line,
                    format!("weighting.rake ({name})"),
                    format!(
                        "none of the {} classified respondents answered '{name}'; check its headers",
                        self.members.len()
                    ),
                ));
            }
            if let Some((value, count)) = self.unknown[fi].first() {
                let more = self.unknown[fi].len() - 1;
                return Err(config_error(
                    cfg,
                    f.line,
                    key,
                    format!(
                        "value '{value}' ({count} classified respondents) has no target{}; give every value found a share",
                        if more > 0 { format!(" (and {more} more values)") } else { String::new() }
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Per rake field and value: target, respondents and shares; then the weights' summary.
    fn report(&self, cfg: &Config, w: &Weighting, ws: &[f64], iterations: usize) -> RakeReport {
        let n = self.members.len() as u64;
        let min = ws.iter().copied().fold(f64::INFINITY, f64::min);
        let max = ws.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mean = ws.iter().sum::<f64>() / n as f64;
        let design_effect = weights::design_effect(ws);
        let mut out = Vec::new();
        for (fi, f) in w.rake.iter().enumerate() {
            for (ti, (value, _, target)) in f.targets.iter().enumerate() {
                let mut tally = Tally::default();
                for (m, &wt) in self.values.chunks(w.rake.len()).zip(ws) {
                    if m[fi] == ti {
                        tally.add(wt);
                    }
                }
                let (unweighted_share, weighted_share) = tally.shares_of(n);
                out.push(WeightingRow {
                    period: String::new(),
                    field: cfg.fields[f.field].name.clone(),
                    value: value.clone(),
                    target: *target,
                    n: tally.n,
                    unweighted_share,
                    weighted_share,
                    weights_min: min,
                    weights_max: max,
                    weights_mean: mean,
                    design_effect,
                    iterations: iterations as u64,
                });
            }
        }
        RakeReport {
            values: out,
            min,
            max,
            mean,
            design_effect,
            iterations,
            n,
        }
    }
}

/// What the raking's failure means for the config.
fn ipf_error(cfg: &Config, w: &Weighting, e: RakeError) -> ConfigError {
    match e {
        RakeError::EmptyValue {
            field,
            value,
            target,
        } => {
            let f = &w.rake[field];
            config_error(
                cfg,
                f.line,
                format!("weighting.targets.{}", cfg.fields[f.field].name),
                format!(
                    "'{}' has a target of {target} but no classified respondent has it",
                    f.targets[value].0
                ),
            )
        }
        e => config_error(
            cfg,
            w.rake[0].line,
            "weighting".into(),
            format!("{e}; loosen the cap or check the targets"),
        ),
    }
}

//! Drivers of recommendation (PRODUCT §6.8): Pearson r of each attribute's experience with
//! likelihood to recommend, per stage and overall, and Johnson's relative weights of all the
//! attributes together.

use super::attrs::{self, Combination};
use super::rows::*;
use super::{Ctx, Group};
use crate::stage::Stage;
use crate::stats::correlation::Correlation;
use crate::stats::mean::weighted_mean_grouped;
use crate::stats::relweight::{relative_weights_of, Moments, RelativeWeights};

/// Correlation of each attribute's experience rating with likelihood to recommend: over all
/// members, then per stage (from the shared per-stage pass).
pub(crate) fn drivers(ctx: &Ctx, g: &Group, stats: &attrs::AttrStats) -> Vec<DriverRow> {
    let c = ctx.c;
    if ctx.cfg.roles.recommend.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let k = c.attributes.len();
    let row = |stage: &str,
               ai: usize,
               corr: &Correlation,
               importance: Option<f64>,
               rw: &RelativeWeights| DriverRow {
        period: ctx.period.into(),
        segment: g.segment.clone(),
        stage: stage.into(),
        attribute: c.attributes[ai].name.clone(),
        n: corr.n as u64,
        r: corr.r,
        ci_low: corr.ci.map(|c| c.0),
        ci_high: corr.ci.map(|c| c.1),
        p_value: corr.p_value,
        q_value: None,
        stated_importance_mean: importance,
        relative_weight: rw.r_squared.and_then(|_| rw.weights.get(ai).copied()),
        relative_weight_share: rw.share(ai),
        r_squared: rw.r_squared,
        n_complete: rw.n as u64,
        low_base: ctx.low(ctx.base(corr.n, corr.n_eff)),
    };
    // Every member: the stages' tallies of each attribute put together.
    let mut complete = Moments::new(k);
    stats.complete.iter().for_each(|m| complete.merge(m));
    let rw = relative_weights_of(&complete, k);
    for ai in 0..c.attributes.len() {
        let mut tallies: Vec<Combination> = stats
            .attrs
            .iter()
            .filter_map(|stage| stage.get(ai))
            .flat_map(|a| a.tallies.iter().copied())
            .collect();
        attrs::sort(&mut tallies);
        let Some(corr) = attrs::driver(ctx, &tallies) else {
            continue;
        };
        let importance = weighted_mean_grouped(attrs::importance(&tallies), ctx.conf);
        out.push(row("all", ai, &corr, importance.mean, &rw));
    }
    for s in Stage::ALL {
        let rw = &stats.relative[s.index()];
        for (ai, a) in stats.attrs[s.index()].iter().enumerate() {
            if let Some(corr) = &a.driver {
                out.push(row(s.key(), ai, corr, a.importance.mean, rw));
            }
        }
    }
    out
}

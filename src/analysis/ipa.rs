//! Importance–performance quadrants (PRODUCT §6.4), per stage and attribute.

use super::rows::*;
use super::{Ctx, Group};
use crate::stage::Stage;

/// Importance–performance quadrants per stage. Each item's mean is over the respondents who
/// rated it; crosshairs at the mean of the attribute means, or the scale midpoint.
pub(crate) fn ipa(ctx: &Ctx, g: &Group, stats: &super::attrs::AttrStats) -> Vec<IpaRow> {
    let c = ctx.c;
    let mut out = Vec::new();
    let midpoint = if ctx.cfg.report.ipa_midpoint {
        scale_midpoint(ctx)
    } else {
        None
    };
    let derived = ctx.cfg.report.ipa_derived;
    for s in Stage::ALL {
        // Each attribute's importance (mean stated, or its relative-weight share) and the mean
        // performance of its raters.
        let rw = &stats.relative[s.index()];
        let points: Vec<(usize, f64, f64, u64, u64)> = stats.attrs[s.index()]
            .iter()
            .enumerate()
            .filter_map(|(ai, a)| {
                let (imp, n_imp) = if derived {
                    (rw.share(ai)?, rw.n as u64)
                } else {
                    (a.importance.mean?, a.importance.n as u64)
                };
                Some((ai, imp, a.performance.mean?, n_imp, a.performance.n as u64))
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let k = points.len() as f64;
        let means = (
            points.iter().map(|p| p.1).sum::<f64>() / k,
            points.iter().map(|p| p.2).sum::<f64>() / k,
        );
        // A share of R² has no scale midpoint: derived importance is always split at the mean
        // share.
        let (ci, cp, rule) = match (midpoint, derived) {
            (Some(m), false) => (m, m, "scale midpoint"),
            (Some(m), true) => (means.0, m, "mean share; scale midpoint"),
            (None, _) => (means.0, means.1, "data means"),
        };
        for (ai, imp, perf, ni, np) in points {
            let quadrant = match (imp >= ci, perf >= cp) {
                (true, false) => "concentrate here",
                (true, true) => "keep up the good work",
                (false, false) => "low priority",
                (false, true) => "possible overkill",
            };
            out.push(IpaRow {
                period: ctx.period.into(),
                segment: g.segment.clone(),
                stage: s.key().into(),
                attribute: c.attributes[ai].name.clone(),
                importance_mean: Some(imp),
                performance_mean: Some(perf),
                quadrant: quadrant.into(),
                crosshair_importance: Some(ci),
                crosshair_performance: Some(cp),
                rule: rule.into(),
                n_importance: ni,
                n_performance: np,
                importance: if derived { "derived" } else { "stated" }.into(),
            });
        }
    }
    out
}

/// Midpoint of the attributes' common scale, when they have one.
fn scale_midpoint(ctx: &Ctx) -> Option<f64> {
    let c = ctx.c;
    let scales: Vec<Option<(f64, f64)>> = c
        .attributes
        .iter()
        .map(|a| super::attr_scale(ctx.cfg, a))
        .collect();
    let first = (*scales.first()?)?;
    scales
        .iter()
        .all(|s| *s == Some(first))
        .then(|| (first.0 + first.1) / 2.0)
}

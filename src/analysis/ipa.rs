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
    for s in Stage::ALL {
        // The importance and performance means of each attribute's raters.
        let points: Vec<(usize, f64, f64, u64, u64)> = stats.attrs[s.index()]
            .iter()
            .enumerate()
            .filter_map(|(ai, a)| {
                Some((
                    ai,
                    a.importance.mean?,
                    a.performance.mean?,
                    a.importance.n as u64,
                    a.performance.n as u64,
                ))
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let k = points.len() as f64;
        let (ci, cp, rule) = match midpoint {
            Some(m) => (m, m, "scale midpoint"),
            None => (
                points.iter().map(|p| p.1).sum::<f64>() / k,
                points.iter().map(|p| p.2).sum::<f64>() / k,
                "data means",
            ),
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
            });
        }
    }
    out
}

/// Midpoint of the attributes' common scale, when they have one.
fn scale_midpoint(ctx: &Ctx) -> Option<f64> {
    let c = ctx.c;
    use crate::classify::AttrSource;
    let scales: Vec<Option<(f64, f64)>> = c
        .attributes
        .iter()
        .map(|a| match &a.source {
            AttrSource::Fields { expectation, .. } => ctx.cfg.fields[*expectation].scale,
            AttrSource::Set { set } => ctx.cfg.attribute_sets[*set].scale,
        })
        .collect();
    let first = (*scales.first()?)?;
    scales
        .iter()
        .all(|s| *s == Some(first))
        .then(|| (first.0 + first.1) / 2.0)
}

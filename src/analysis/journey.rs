//! The journey analyses of PRODUCT §6: conversion, IPA, service awareness, touchpoint coverage,
//! drivers and the "why" themes, for one group of respondents.

use std::collections::HashMap;

use super::attrs::{self, Combination};
use super::rows::*;
use super::{Ctx, Group};
use crate::classify::{Respondent, Val};
use crate::config::{fold, FieldId};
use crate::hashing::Fast;
use crate::stage::Stage;
use crate::stats::correlation::Correlation;
use crate::stats::mean::{weighted_mean, weighted_mean_grouped};
use crate::stats::proportion::{share_of_sums, weighted_share, wilson};
use crate::stats::weights::{kish_n_eff_of, kish_of_sums};

/// A share over respondents: unweighted counts, weighted share, Wilson interval on the base.
pub(crate) struct Share {
    pub n: u64,
    pub hits: u64,
    pub share: Option<f64>,
    pub ci: Option<(f64, f64)>,
    pub base: f64,
    pub n_eff: f64,
}

impl Ctx<'_> {
    /// The value of an analysis field on a respondent.
    pub(crate) fn val(&self, r: &Respondent, f: FieldId) -> &'_ Val {
        self.c.value(self.val_id(r, f))
    }

    /// The id of a respondent's value of field `f` (0: missing; see [`Classified::val_id`]).
    pub(crate) fn val_id(&self, r: &Respondent, f: FieldId) -> u32 {
        match self.slots.get(f).copied().flatten() {
            Some(i) => self.c.val_id(r, i),
            None => 0,
        }
    }

    /// Share of `hit` among `(hit, weight)` pairs.
    pub(crate) fn share(&self, items: &[(bool, f64)]) -> Share {
        let n_eff = kish_n_eff_of(items.iter().map(|x| x.1));
        let hits = items.iter().filter(|x| x.0).count();
        self.share_with(items.len(), hits, weighted_share(items), n_eff)
    }

    /// The shares of `k` hits among the same members, in one pass: `hit(r, i)` says whether
    /// member `r` counts for the `i`-th. The weights are summed in member order, so each share
    /// is the one [`Ctx::share`] gives on its `(hit, weight)` pairs.
    pub(crate) fn shares(
        &self,
        members: &[&Respondent],
        k: usize,
        hit: impl Fn(&Respondent, usize) -> bool,
    ) -> Vec<Share> {
        let (mut total, mut total2) = (0.0f64, 0.0f64);
        let mut hits = vec![(0usize, 0.0f64); k];
        for r in members {
            total += r.weight;
            total2 += r.weight * r.weight;
            for (i, h) in hits.iter_mut().enumerate() {
                if hit(r, i) {
                    h.0 += 1;
                    h.1 += r.weight;
                }
            }
        }
        let n_eff = kish_of_sums(total, total2);
        hits.into_iter()
            .map(|(n, w)| self.share_with(members.len(), n, share_of_sums(w, total), n_eff))
            .collect()
    }

    /// A [`Share`] from its counts, weighted share and Kish base.
    pub(crate) fn share_with(
        &self,
        n: usize,
        hits: usize,
        share: Option<f64>,
        n_eff: f64,
    ) -> Share {
        let base = self.base(n, n_eff);
        Share {
            n: n as u64,
            hits: hits as u64,
            share,
            ci: share.and_then(|p| wilson(p, base, self.conf)),
            base,
            n_eff,
        }
    }

    pub(crate) fn in_stage<'a>(
        &self,
        g: &'a Group,
        s: Stage,
    ) -> impl Iterator<Item = &'a Respondent> + 'a {
        g.by_stage[s.index()].iter().copied()
    }
}

/// The options of a multi-select value, folded; `None` when unanswered.
pub(crate) fn options(v: &Val) -> Option<Vec<String>> {
    match v {
        Val::Multi(o) if !o.is_empty() => Some(o.iter().map(|x| fold(x)).collect()),
        Val::Text { raw, code } => Some(vec![fold(code.as_deref().unwrap_or(raw.as_ref()))]),
        _ => None,
    }
}

fn conversion_row(
    ctx: &Ctx,
    g: &Group,
    metric: &str,
    source: &str,
    items: &[(bool, f64)],
) -> ConversionRow {
    let s = ctx.share(items);
    ConversionRow {
        period: ctx.period.into(),
        segment: g.segment.clone(),
        metric: metric.into(),
        numerator: s.hits,
        denominator: s.n,
        share: s.share,
        ci_low: s.ci.map(|c| c.0),
        ci_high: s.ci.map(|c| c.1),
        low_base: ctx.low(s.base),
        source: source.into(),
        base_eff: ctx.weighted.then_some(s.n_eff),
    }
}

/// Win rate, not-now share, betweener share of past clients, promoter share of former clients.
pub(crate) fn conversion(ctx: &Ctx, g: &Group) -> Vec<ConversionRow> {
    let j = &ctx.cfg.journey;
    let mut out = Vec::new();
    if let Some(f) = j.outcome {
        // The outcome's code, folded, as (hired, got away, not now), once per distinct answer.
        let mut memo: HashMap<u32, Option<[bool; 3]>, Fast> = HashMap::default();
        let mut code = |r: &Respondent| {
            *memo.entry(ctx.val_id(r, f)).or_insert_with(|| {
                let c = fold(&ctx.val(r, f).as_text()?);
                Some([
                    j.hired.contains(&c),
                    j.got_away.contains(&c),
                    j.not_now.contains(&c),
                ])
            })
        };
        let win: Vec<(bool, f64)> = g
            .members()
            .filter_map(|r| {
                let [hired, got_away, _] = code(r)?;
                (hired || got_away).then_some((hired, r.weight))
            })
            .collect();
        out.push(conversion_row(ctx, g, "win rate", "outcome", &win));
        let not_now: Vec<(bool, f64)> = ctx
            .in_stage(g, Stage::Prospect)
            .filter_map(|r| code(r).map(|[_, _, not_now]| (not_now, r.weight)))
            .collect();
        out.push(conversion_row(
            ctx,
            g,
            "not-now share of prospects",
            "outcome",
            &not_now,
        ));
    } else {
        let win: Vec<(bool, f64)> = g
            .members()
            .filter_map(|r| match r.stage()? {
                Stage::Client | Stage::Betweener | Stage::Former => Some((true, r.weight)),
                Stage::GotAway => Some((false, r.weight)),
                Stage::Prospect => None,
            })
            .collect();
        out.push(conversion_row(ctx, g, "win rate", "stages", &win));
    }
    let past: Vec<(bool, f64)> = g
        .members()
        .filter_map(|r| match r.stage()? {
            Stage::Betweener => Some((true, r.weight)),
            Stage::Former => Some((false, r.weight)),
            _ => None,
        })
        .collect();
    out.push(conversion_row(
        ctx,
        g,
        "betweener share of past clients",
        "stages",
        &past,
    ));
    let promoters: Vec<(bool, f64)> = ctx
        .in_stage(g, Stage::Former)
        .filter_map(|r| r.recommend.map(|x| (x >= 9.0, r.weight)))
        .collect();
    if ctx.cfg.roles.recommend.is_some() {
        out.push(conversion_row(
            ctx,
            g,
            "promoter share of former clients",
            "stages",
            &promoters,
        ));
    }
    out
}

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
        let points: Vec<(usize, f64, f64, u64, u64)> = stats[s.index()]
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

/// Share aware of each offered service, per stage.
pub(crate) fn awareness(ctx: &Ctx, g: &Group) -> (Vec<AwarenessRow>, Vec<BreadthRow>) {
    let Some(sv) = &ctx.cfg.services else {
        return (Vec::new(), Vec::new());
    };
    let d = &ctx.derived;
    let n_offered = sv.offered.len();
    let (mut aware_rows, mut breadth_rows) = (Vec::new(), Vec::new());
    for s in Stage::ALL {
        let answered: Vec<&Respondent> =
            ctx.in_stage(g, s).filter(|r| d.known.answered(r)).collect();
        if answered.is_empty() {
            continue;
        }
        let shares = ctx.shares(&answered, n_offered, |r, k| d.known.has(r, k));
        for (name, sh) in sv.offered.iter().zip(shares) {
            aware_rows.push(AwarenessRow {
                period: ctx.period.into(),
                segment: g.segment.clone(),
                stage: s.key().into(),
                service: name.clone(),
                n: sh.n,
                aware: sh.hits,
                share: sh.share,
                ci_low: sh.ci.map(|c| c.0),
                ci_high: sh.ci.map(|c| c.1),
                low_base: ctx.low(sh.base),
            });
        }
        let (x, w): (Vec<f64>, Vec<f64>) = answered
            .iter()
            .map(|r| (d.known.count(r) as f64 / n_offered as f64, r.weight))
            .unzip();
        let breadth = weighted_mean(&x, &w, ctx.conf);
        let past_or_current = matches!(s, Stage::Client | Stage::Betweener | Stage::Former);
        let typecast: Vec<(bool, f64)> = match sv.bought {
            Some(_) if past_or_current => answered
                .iter()
                .filter(|r| d.bought.answered(r))
                .map(|r| (!d.known.any_beyond(&d.bought, r), r.weight))
                .collect(),
            _ => Vec::new(),
        };
        let tc = ctx.share(&typecast);
        breadth_rows.push(BreadthRow {
            period: ctx.period.into(),
            segment: g.segment.clone(),
            stage: s.key().into(),
            n: breadth.n as u64,
            breadth_mean: breadth.mean,
            breadth_ci_low: breadth.ci.map(|c| c.0),
            breadth_ci_high: breadth.ci.map(|c| c.1),
            typecast_n: tc.n,
            typecast: tc.hits,
            typecast_rate: tc.share,
            typecast_ci_low: tc.ci.map(|c| c.0),
            typecast_ci_high: tc.ci.map(|c| c.1),
            low_base: ctx.low(ctx.base(breadth.n, breadth.n_eff)),
            breadth_sd: breadth.sd,
        });
    }
    (aware_rows, breadth_rows)
}

/// Correlation of each attribute's experience rating with likelihood to recommend: over all
/// members, then per stage (from the shared per-stage pass).
pub(crate) fn drivers(ctx: &Ctx, g: &Group, stats: &attrs::AttrStats) -> Vec<DriverRow> {
    let c = ctx.c;
    if ctx.cfg.roles.recommend.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let row = |stage: &str, ai: usize, corr: &Correlation, importance: Option<f64>| DriverRow {
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
        low_base: ctx.low(ctx.base(corr.n, corr.n_eff)),
    };
    // Every member: the stages' tallies of each attribute put together.
    for ai in 0..c.attributes.len() {
        let mut tallies: Vec<Combination> = stats
            .iter()
            .filter_map(|stage| stage.get(ai))
            .flat_map(|a| a.tallies.iter().copied())
            .collect();
        attrs::sort(&mut tallies);
        let Some(corr) = attrs::driver(ctx, &tallies) else {
            continue;
        };
        let importance = weighted_mean_grouped(attrs::importance(&tallies), ctx.conf);
        out.push(row("all", ai, &corr, importance.mean));
    }
    for s in Stage::ALL {
        for (ai, a) in stats[s.index()].iter().enumerate() {
            if let Some(corr) = &a.driver {
                out.push(row(s.key(), ai, corr, a.importance.mean));
            }
        }
    }
    out
}

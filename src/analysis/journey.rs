//! The journey analyses of PRODUCT §6: conversion, IPA, service awareness, touchpoint coverage,
//! drivers and the "why" themes, for one group of respondents.

use super::attrs::{self, Combination};
use super::derived::{self, Fact};
use super::rows::*;
use super::{Ctx, Group};
use crate::classify::{Respondent, Val};
use crate::config::{fold, FieldId};
use crate::stage::Stage;
use crate::stats::correlation::Correlation;
use crate::stats::mean::weighted_mean_grouped;
use crate::stats::proportion::{share_of_sums, wilson};
use crate::stats::weights::{kish_of_sums, Tally};

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

    /// The share of the tallied members whose key is a `hit` (see [`Ctx::shares`]).
    pub(crate) fn share_of<K: Copy>(
        &self,
        tallies: &[(K, Tally)],
        hit: impl Fn(K) -> bool,
    ) -> Share {
        // One hit asked for, one share given.
        self.shares(tallies, 1, |key, _| hit(key)).remove(0)
    }

    /// The shares of `k` hits among tallied members: `hit(key, i)` says whether the members
    /// of a tally's key count for the `i`-th. The tallies are summed in their order.
    pub(crate) fn shares<K: Copy>(
        &self,
        tallies: &[(K, Tally)],
        k: usize,
        hit: impl Fn(K, usize) -> bool,
    ) -> Vec<Share> {
        let (mut n, mut total, mut total2) = (0u64, 0.0f64, 0.0f64);
        let mut hits = vec![(0u64, 0.0f64); k];
        for &(key, t) in tallies {
            n += t.n;
            total += t.sw;
            total2 += t.sw2;
            for (i, h) in hits.iter_mut().enumerate() {
                if hit(key, i) {
                    h.0 += t.n;
                    h.1 += t.sw;
                }
            }
        }
        let n_eff = kish_of_sums(total, total2);
        hits.into_iter()
            .map(|(h, w)| self.share_with(n as usize, h as usize, share_of_sums(w, total), n_eff))
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
}

/// The options of a multi-select value, folded; `None` when unanswered.
pub(crate) fn options(v: &Val) -> Option<Vec<String>> {
    match v {
        Val::Multi(o) if !o.is_empty() => Some(o.iter().map(|x| fold(x)).collect()),
        Val::Text { raw, code } => Some(vec![fold(code.as_deref().unwrap_or(raw.as_ref()))]),
        _ => None,
    }
}

fn conversion_row(ctx: &Ctx, g: &Group, metric: &str, source: &str, s: Share) -> ConversionRow {
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
/// Each is a share over tallies: of the outcome answers per stage, or of the stages.
pub(crate) fn conversion(ctx: &Ctx, g: &Group, stats: &attrs::AttrStats) -> Vec<ConversionRow> {
    let mut out = Vec::new();
    let one = |t: &[(usize, Tally)], hit: &dyn Fn(usize) -> bool| ctx.share_of(t, hit);
    // The stages' tallies, keyed by stage index.
    let stages = |which: &[Stage]| -> Vec<(usize, Tally)> {
        which
            .iter()
            .map(|s| (s.index(), g.tally[s.index()]))
            .collect()
    };
    if ctx.cfg.journey.outcome.is_some() {
        // Bits of an answer: hired, got away, not now.
        let o = &ctx.derived.outcome;
        let bit = |e: usize, k: usize| o.set(e).is_some_and(|b| derived::has(b, k));
        let win: Vec<(usize, Tally)> = Stage::ALL
            .iter()
            .flat_map(|&s| ctx.tally(g, s, Fact::Outcome))
            .filter(|&(e, _)| bit(e, 0) || bit(e, 1))
            .collect();
        let s = one(&win, &|e| bit(e, 0));
        out.push(conversion_row(ctx, g, "win rate", "outcome", s));
        let prospects = ctx.tally(g, Stage::Prospect, Fact::Outcome);
        let s = one(&prospects, &|e| bit(e, 2));
        out.push(conversion_row(
            ctx,
            g,
            "not-now share of prospects",
            "outcome",
            s,
        ));
    } else {
        use Stage::*;
        let win = stages(&[GotAway, Client, Betweener, Former]);
        let s = one(&win, &|i| i != GotAway.index());
        out.push(conversion_row(ctx, g, "win rate", "stages", s));
    }
    let past = stages(&[Stage::Betweener, Stage::Former]);
    let s = one(&past, &|i| i == Stage::Betweener.index());
    out.push(conversion_row(
        ctx,
        g,
        "betweener share of past clients",
        "stages",
        s,
    ));
    if ctx.cfg.roles.recommend.is_some() {
        let former = &stats.recommend[Stage::Former.index()];
        out.push(conversion_row(
            ctx,
            g,
            "promoter share of former clients",
            "stages",
            ctx.share_of(former, |x| x >= 9.0),
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

/// Share aware of each offered service, per stage.
pub(crate) fn awareness(ctx: &Ctx, g: &Group) -> (Vec<AwarenessRow>, Vec<BreadthRow>) {
    let Some(sv) = &ctx.cfg.services else {
        return (Vec::new(), Vec::new());
    };
    let d = &ctx.derived;
    let n_offered = sv.offered.len();
    let (mut aware_rows, mut breadth_rows) = (Vec::new(), Vec::new());
    for s in Stage::ALL {
        let answered = ctx.tally(g, s, Fact::Known);
        if answered.is_empty() {
            continue;
        }
        let known = |e: usize| d.known.set(e).unwrap_or(&[]);
        let shares = ctx.shares(&answered, n_offered, |e, k| derived::has(known(e), k));
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
        let breadth = weighted_mean_grouped(
            answered
                .iter()
                .map(|&(e, t)| (derived::count(known(e)) as f64 / n_offered as f64, t)),
            ctx.conf,
        );
        let past_or_current = matches!(s, Stage::Client | Stage::Betweener | Stage::Former);
        let typecast = match sv.bought {
            Some(_) if past_or_current => ctx.tally(g, s, Fact::KnownBought),
            _ => Vec::new(),
        };
        let tc = ctx.share_of(&typecast, |key| {
            let (k, b) = d.pair(key);
            !derived::any_beyond(known(k), d.bought.set(b).unwrap_or(&[]))
        });
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
        out.push(row("all", ai, &corr, importance.mean));
    }
    for s in Stage::ALL {
        for (ai, a) in stats.attrs[s.index()].iter().enumerate() {
            if let Some(corr) = &a.driver {
                out.push(row(s.key(), ai, corr, a.importance.mean));
            }
        }
    }
    out
}

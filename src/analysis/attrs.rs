//! One pass per stage over the stage's members, for every table that reads the attribute
//! ratings of a stage: gaps, IPA, drivers and the stage comparisons.
//!
//! The pass does not collect the ratings: it tallies each attribute's combinations of
//! (expectation, experience, recommend) — how many members gave each, and the sums of their
//! weights — and the statistics are computed from the tallies. Ratings take few values, so a
//! stage of a million members is a few hundred tallies per attribute, and the pass reads each
//! member's row of value ids once for all attributes.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Ctx, Group};
use crate::classify::Respondent;
use crate::hashing::Fast;
use crate::stage::Stage;
use crate::stats::correlation::{pearson_grouped, Correlation};
use crate::stats::gap::{paired_gap_grouped, GapEstimate};
use crate::stats::mean::{weighted_mean_grouped, MeanEstimate};
use crate::stats::weights::Tally;

/// One stage's numbers for one attribute.
#[derive(Debug, Clone, Default)]
pub(crate) struct AttrNumbers {
    /// Over those who rated both items; `None` when no one did.
    pub(crate) gap: Option<GapEstimate>,
    /// Expectation (importance) over those who rated it (`n`: how many they are).
    pub(crate) importance: MeanEstimate,
    /// Experience (performance) over those who rated it.
    pub(crate) performance: MeanEstimate,
    /// Experience against recommend, over those who gave both; `None` when no one did or no
    /// recommend question is configured.
    pub(crate) driver: Option<Correlation>,
    /// The tallies these numbers come from, sorted by value (the drivers table puts the
    /// stages' tallies together for its `all` row).
    pub(crate) tallies: Vec<Combination>,
}

/// One combination of an attribute's expectation, experience and the recommend score (each
/// `None` when not given), with the tally of the members who gave it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Combination {
    pub(crate) expectation: Option<f64>,
    pub(crate) experience: Option<f64>,
    pub(crate) recommend: Option<f64>,
    pub(crate) tally: Tally,
}

/// Per stage ([`Stage::ALL`] order), per attribute.
pub(crate) type AttrStats = [Vec<AttrNumbers>; 5];

/// (expectation id, experience id, recommend bits or `None`).
type Key = (u32, u32, Option<u64>);

pub(crate) fn attr_stats(ctx: &Ctx, g: &Group) -> AttrStats {
    // The stages in parallel (each tallied in member order, so the thread count changes nothing).
    let per_stage: Vec<Vec<AttrNumbers>> = Stage::ALL
        .par_iter()
        .map(|&s| stage_numbers(ctx, &g.by_stage[s.index()]))
        .collect();
    let mut out: AttrStats = Default::default();
    for (slot, numbers) in out.iter_mut().zip(per_stage) {
        *slot = numbers;
    }
    out
}

/// Every attribute's numbers over one stage's members.
fn stage_numbers(ctx: &Ctx, members: &[&Respondent]) -> Vec<AttrNumbers> {
    let c = ctx.c;
    let n_attr = c.attributes.len();
    let mut ids = Vec::with_capacity(n_attr);
    let mut maps: Vec<HashMap<Key, Tally, Fast>> = vec![HashMap::default(); n_attr];
    for r in members {
        c.pair_ids(r, &mut ids);
        let rec = r.recommend.map(f64::to_bits);
        for (map, &(e, x)) in maps.iter_mut().zip(&ids) {
            map.entry((e, x, rec)).or_default().add(r.weight);
        }
    }
    maps.into_iter()
        .map(|map| {
            let mut tallies: Vec<Combination> = map
                .into_iter()
                .map(|((e, x, rec), tally)| Combination {
                    expectation: c.num(e),
                    experience: c.num(x),
                    recommend: rec.map(f64::from_bits),
                    tally,
                })
                .collect();
            sort(&mut tallies);
            numbers(ctx, tallies)
        })
        .collect()
}

/// Sort combinations by value (missing first), so that the sums are taken in an order that
/// depends on the data alone.
pub(crate) fn sort(t: &mut [Combination]) {
    let key = |v: Option<f64>| (v.is_some(), v.unwrap_or(0.0));
    t.sort_by(|a, b| {
        let (ka, kb) = (
            [key(a.expectation), key(a.experience), key(a.recommend)],
            [key(b.expectation), key(b.experience), key(b.recommend)],
        );
        ka.iter()
            .zip(&kb)
            .map(|(p, q)| p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

fn numbers(ctx: &Ctx, tallies: Vec<Combination>) -> AttrNumbers {
    let t = &tallies;
    let pairs = || {
        t.iter()
            .filter_map(|k| match (k.expectation, k.experience) {
                (Some(e), Some(x)) => Some((e, x, k.tally)),
                _ => None,
            })
    };
    let perf = t.iter().filter_map(|k| Some((k.experience?, k.tally)));
    AttrNumbers {
        gap: pairs()
            .next()
            .is_some()
            .then(|| paired_gap_grouped(pairs(), ctx.conf)),
        importance: weighted_mean_grouped(importance(t), ctx.conf),
        performance: weighted_mean_grouped(perf, ctx.conf),
        driver: driver(ctx, t),
        tallies,
    }
}

/// The expectation ratings of these combinations.
pub(crate) fn importance(t: &[Combination]) -> impl Iterator<Item = (f64, Tally)> + Clone + '_ {
    t.iter().filter_map(|k| Some((k.expectation?, k.tally)))
}

/// Experience against recommend over the combinations that have both; `None` when there are
/// none or no recommend question is configured.
pub(crate) fn driver(ctx: &Ctx, t: &[Combination]) -> Option<Correlation> {
    let xy = t
        .iter()
        .filter_map(|k| Some((k.experience?, k.recommend?, k.tally)));
    (ctx.cfg.roles.recommend.is_some() && xy.clone().next().is_some())
        .then(|| pearson_grouped(xy, ctx.conf))
}

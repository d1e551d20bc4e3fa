//! The attribute ratings of every stage, for the tables that read them: gaps, IPA, drivers and
//! the stage comparisons.
//!
//! The ratings are not collected: each attribute's combinations of (expectation, experience,
//! recommend) are tallied — how many members gave each, and the sums of their weights — and
//! the statistics are computed from the tallies. Ratings take few values, so a stage of a
//! million members is a few hundred tallies per attribute. One pass per stage over the whole
//! sample reads each member's row of value ids once, into the tallies of its cell (its
//! combination of segment values); a group's tallies are those of its cells put together.
//! The same pass tallies each member's recommend score and its keys of the facts the shares
//! count (services known and bought, channels, outcome, theme answers: see [`Fact`]), so the
//! group tables read tallies, not members.

use std::collections::HashMap;

use rayon::prelude::*;

use super::derived::Fact;
use super::{Ctx, Group};
use crate::classify::{Classified, Respondent};
use crate::stage::Stage;
use crate::stats::correlation::{pearson_grouped, Correlation};
use crate::stats::gap::{paired_gap_grouped, GapEstimate};
use crate::stats::mean::{weighted_mean_grouped, MeanEstimate};
use crate::stats::relweight::{relative_weights_of, Moments, RelativeWeights};
use crate::stats::weights::Tally;
use crate::FxBuildHasher;

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

/// Recommend scores, ascending, each with the tally of the members who gave it.
pub(crate) type Scores = Vec<(f64, Tally)>;

/// The ratings' numbers of one group, and its recommend scores, per stage.
#[derive(Debug, Default)]
pub(crate) struct AttrStats {
    /// Per stage ([`Stage::ALL`] order), per attribute.
    pub(crate) attrs: [Vec<AttrNumbers>; 5],
    /// Per stage: the recommend scores given.
    pub(crate) recommend: [Scores; 5],
    /// Per stage: the sums over the complete cases of recommend and every attribute's
    /// experience (for the relative weights).
    pub(crate) complete: [Moments; 5],
    /// Per stage: the attributes' relative weights over those cases.
    pub(crate) relative: [RelativeWeights; 5],
}

/// (expectation id, experience id, recommend bits or `None`).
type Key = (u32, u32, Option<u64>);

/// One attribute's tallies, by combination.
type Tallies = HashMap<Key, Tally, FxBuildHasher>;

/// The ratings of some members: each attribute's combinations, and the recommend scores.
struct Ratings {
    /// Per attribute.
    attrs: Vec<Tallies>,
    /// By the score's bits; `None`: not given.
    recommend: HashMap<Option<u64>, Tally, FxBuildHasher>,
    /// Sums over the members who gave recommend and every attribute's experience; empty when
    /// there is no recommend question or no attribute.
    complete: Moments,
    /// Scratch: one member's experience ratings.
    x: Vec<f64>,
}

impl Ratings {
    fn new(n_attr: usize) -> Ratings {
        Ratings {
            attrs: vec![HashMap::default(); n_attr],
            recommend: HashMap::default(),
            complete: Moments::new(n_attr),
            x: Vec::with_capacity(n_attr),
        }
    }

    /// Tally one member's ratings of every attribute and its recommend score; `ids` is
    /// scratch space for its value ids.
    #[inline]
    fn add(&mut self, c: &Classified, r: &Respondent, ids: &mut Vec<(u32, u32)>) {
        c.pair_ids(r, ids);
        let rec = r.recommend.map(f64::to_bits);
        for (map, &(e, x)) in self.attrs.iter_mut().zip(ids.iter()) {
            map.entry((e, x, rec)).or_default().add(r.weight);
        }
        self.recommend.entry(rec).or_default().add(r.weight);
        if let (Some(y), false) = (r.recommend, ids.is_empty()) {
            self.x.clear();
            self.x.extend(ids.iter().map_while(|&(_, x)| c.num(x)));
            if self.x.len() == ids.len() {
                self.complete.add(&self.x, y, r.weight);
            }
        }
    }

    /// Count another's ratings too.
    fn merge(&mut self, other: &Ratings) {
        for (map, from) in self.attrs.iter_mut().zip(&other.attrs) {
            merge_into(map, from);
        }
        merge_into(&mut self.recommend, &other.recommend);
        self.complete.merge(&other.complete);
    }
}

/// Add each tally of `from` into the tally of its key in `into`.
fn merge_into<K: Copy + Eq + std::hash::Hash>(
    into: &mut HashMap<K, Tally, FxBuildHasher>,
    from: &HashMap<K, Tally, FxBuildHasher>,
) {
    for (k, t) in from {
        into.entry(*k).or_default().merge(t);
    }
}

/// The tallies of every attribute, per stage and cell: a cell is one combination of the
/// segment values, so each segment group is a union of cells and the whole sample is all of
/// them. Tallying the members once into cells, rather than once per group they belong to,
/// reads each member's ratings once.
pub(crate) struct Cells {
    /// Per stage ([`Stage::ALL`] order): its cells, in order of each cell's first member.
    stages: Vec<Vec<Cell>>,
    /// The facts tallied in each cell, in [`super::derived::Derived::facts`] order.
    facts: Vec<Fact>,
}

/// The members of one stage that share their segment values.
struct Cell {
    /// The value id of each segment (0: none).
    key: Box<[u32]>,
    ratings: Ratings,
    /// Per fact: its members' tallies by key.
    facts: Vec<HashMap<usize, Tally, FxBuildHasher>>,
}

impl Cells {
    /// The cells of a group at one stage.
    fn of<'c>(&'c self, g: &'c Group, s: Stage) -> impl Iterator<Item = &'c Cell> + 'c {
        self.stages[s.index()].iter().filter(move |cell| {
            g.filter
                .is_none_or(|(si, id)| cell.key.get(si) == Some(&id))
        })
    }

    /// A fact's tallies among a group's members at one stage, in key order: its cells'
    /// tallies put together.
    pub(crate) fn fact(&self, g: &Group, s: Stage, f: Fact) -> Vec<(usize, Tally)> {
        let Some(fi) = self.facts.iter().position(|x| *x == f) else {
            return Vec::new();
        };
        let mut all: HashMap<usize, Tally, FxBuildHasher> = HashMap::default();
        for cell in self.of(g, s) {
            merge_into(&mut all, &cell.facts[fi]);
        }
        let mut v: Vec<(usize, Tally)> = all.into_iter().collect();
        v.sort_by_key(|x| x.0);
        v
    }
}

/// At most this many combinations of segment values are tallied as cells; beyond it (segments
/// with very many values) each group tallies its own members.
pub(crate) const MAX_CELLS: usize = 4096;

/// The cells of the whole sample (`all`: the group of every member), when the segments have
/// at most `max_cells` combinations of values; `values[si]` is how many the `si`-th has.
pub(crate) fn cells(ctx: &Ctx, all: &Group, values: &[usize], max_cells: usize) -> Option<Cells> {
    let mut product = 1usize;
    for v in values {
        product = product.saturating_mul(v + 1); // a member may have no value
    }
    if product > max_cells {
        return None;
    }
    let c = ctx.c;
    let d = &ctx.derived;
    let facts = d.facts();
    let n_attr = c.attributes.len();
    let segments = values.len();
    let stages = Stage::ALL
        .par_iter()
        .map(|&s| {
            let mut at: HashMap<Box<[u32]>, usize, FxBuildHasher> = HashMap::default();
            let mut cells: Vec<Cell> = Vec::new();
            let (mut key, mut ids) = (Vec::with_capacity(segments), Vec::with_capacity(n_attr));
            for r in &all.by_stage[s.index()] {
                key.clear();
                key.extend((0..segments).map(|si| c.segment(r, si)));
                let ci = match at.get(&key[..]) {
                    Some(&ci) => ci,
                    None => {
                        at.insert(key.clone().into(), cells.len());
                        cells.push(Cell {
                            key: key.clone().into(),
                            ratings: Ratings::new(n_attr),
                            facts: vec![HashMap::default(); facts.len()],
                        });
                        cells.len() - 1
                    }
                };
                let cell = &mut cells[ci];
                cell.ratings.add(c, r, &mut ids);
                for (map, &f) in cell.facts.iter_mut().zip(&facts) {
                    let k = d.key(f, r);
                    if k != usize::MAX {
                        map.entry(k).or_default().add(r.weight);
                    }
                }
            }
            cells
        })
        .collect();
    Some(Cells { stages, facts })
}

/// Every attribute's numbers per stage for a group: from the cells that make it up when there
/// are cells, else from one pass per stage over its members.
pub(crate) fn attr_stats(ctx: &Ctx, g: &Group) -> AttrStats {
    let c = ctx.c;
    let n_attr = c.attributes.len();
    // The stages in parallel (each tallied in a fixed order, so the thread count changes nothing).
    let per_stage: Vec<(Vec<AttrNumbers>, Scores, Moments)> = Stage::ALL
        .par_iter()
        .map(|&s| {
            let mut ratings = Ratings::new(n_attr);
            match &ctx.cells {
                Some(cells) => cells.of(g, s).for_each(|cell| ratings.merge(&cell.ratings)),
                None => {
                    let mut ids = Vec::with_capacity(n_attr);
                    for r in &g.by_stage[s.index()] {
                        ratings.add(c, r, &mut ids);
                    }
                }
            }
            let mut recommend: Scores = ratings
                .recommend
                .into_iter()
                .filter_map(|(rec, t)| Some((f64::from_bits(rec?), t)))
                .collect();
            recommend.sort_by(|a, b| a.0.total_cmp(&b.0));
            let complete = std::mem::take(&mut ratings.complete);
            let per_attr = ratings
                .attrs
                .into_iter()
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
                .collect();
            (per_attr, recommend, complete)
        })
        .collect();
    let mut out = AttrStats::default();
    for (s, (numbers, recommend, complete)) in per_stage.into_iter().enumerate() {
        out.attrs[s] = numbers;
        out.recommend[s] = recommend;
        out.relative[s] = relative_weights_of(&complete, n_attr);
        out.complete[s] = complete;
    }
    out
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

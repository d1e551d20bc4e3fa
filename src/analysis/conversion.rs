//! Journey conversion (PRODUCT §6.2): win rate, not-now share of prospects, betweeners among
//! past clients, promoters among former clients.

use super::attrs::{self};
use super::derived::{self, Fact};
use super::rows::*;
use super::shares::Share;
use super::{Ctx, Group};
use crate::stage::Stage;
use crate::stats::weights::Tally;

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

/// The win rate, only over buyers both won and lost: with no got-away (or no hire) it would be
/// 100% (or 0%) by construction, not a finding (a client survey read as "Win rate: 100%").
fn win_rate(ctx: &Ctx, g: &Group, source: &str, s: Share) -> Option<ConversionRow> {
    (s.hits > 0 && s.hits < s.n).then(|| conversion_row(ctx, g, "win rate", source, s))
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
        out.extend(win_rate(ctx, g, "outcome", s));
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
        out.extend(win_rate(ctx, g, "stages", s));
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

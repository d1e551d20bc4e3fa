//! Service awareness (PRODUCT §6.6): per stage and service, breadth and the typecast rate.

use super::derived::{self, Fact};
use super::rows::*;
use super::{Ctx, Group};
use crate::stage::Stage;
use crate::stats::mean::weighted_mean_grouped;

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
            // A share of the offered services: its interval stays within [0, 1].
            breadth_ci_low: breadth.ci.map(|c| c.0.max(0.0)),
            breadth_ci_high: breadth.ci.map(|c| c.1.min(1.0)),
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

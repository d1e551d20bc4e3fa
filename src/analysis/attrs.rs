//! One pass per stage and attribute over the stage's members, for every table that reads the
//! attribute ratings of a stage: gaps, IPA, drivers and the stage comparisons. Each used to walk
//! the members again; the numbers are the same, computed from the same values in the same
//! order.

use super::{Ctx, Group};
use crate::stage::Stage;
use crate::stats::correlation::{pearson, Correlation};
use crate::stats::gap::{paired_gap, GapEstimate};
use crate::stats::mean::{weighted_mean, MeanEstimate};

/// One stage's numbers for one attribute.
#[derive(Debug, Clone, Default)]
pub(crate) struct AttrNumbers {
    /// Over those who rated both items; `None` when no one did.
    pub(crate) gap: Option<GapEstimate>,
    /// Expectation (importance) over those who rated it, and how many they are.
    pub(crate) importance: MeanEstimate,
    pub(crate) n_importance: u64,
    /// Experience (performance) over those who rated it, and how many they are.
    pub(crate) performance: MeanEstimate,
    pub(crate) n_performance: u64,
    /// Experience against recommend, over those who gave both; `None` when no one did or no
    /// recommend question is configured.
    pub(crate) driver: Option<Correlation>,
}

/// Per stage ([`Stage::ALL`] order), per attribute.
pub(crate) type AttrStats = [Vec<AttrNumbers>; 5];

pub(crate) fn attr_stats(ctx: &Ctx, g: &Group) -> AttrStats {
    let c = ctx.c;
    let with_recommend = ctx.cfg.roles.recommend.is_some();
    let mut out: AttrStats = Default::default();
    for s in Stage::ALL {
        let members = &g.by_stage[s.index()];
        for ai in 0..c.attributes.len() {
            let (mut ge, mut gx, mut gw) = (Vec::new(), Vec::new(), Vec::new());
            let (mut imp, mut iw) = (Vec::new(), Vec::new());
            let (mut perf, mut pw) = (Vec::new(), Vec::new());
            let (mut dx, mut dy, mut dw) = (Vec::new(), Vec::new(), Vec::new());
            for r in members {
                let (e, x) = c.pair(r, ai);
                if let (Some(a), Some(b)) = (e, x) {
                    ge.push(a);
                    gx.push(b);
                    gw.push(r.weight);
                }
                if let Some(e) = e {
                    imp.push(e);
                    iw.push(r.weight);
                }
                if let Some(x) = x {
                    perf.push(x);
                    pw.push(r.weight);
                    if let Some(rec) = r.recommend {
                        dx.push(x);
                        dy.push(rec);
                        dw.push(r.weight);
                    }
                }
            }
            out[s.index()].push(AttrNumbers {
                gap: (!ge.is_empty()).then(|| paired_gap(&ge, &gx, &gw, ctx.conf)),
                importance: weighted_mean(&imp, &iw, ctx.conf),
                n_importance: imp.len() as u64,
                performance: weighted_mean(&perf, &pw, ctx.conf),
                n_performance: perf.len() as u64,
                driver: (with_recommend && !dx.is_empty())
                    .then(|| pearson(&dx, &dy, &dw, ctx.conf)),
            });
        }
    }
    out
}

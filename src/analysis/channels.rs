//! Touchpoint coverage (PRODUCT §6.7): where buyers look at each stage against where the firm
//! is present or spends, and the coverage index per stage.

use std::collections::BTreeMap;

use super::rows::{CoverageRow, TouchpointRow};
use super::{derived, Ctx, Group};
use crate::classify::Val;
use crate::config::fold;
use crate::stage::Stage;
use crate::stats::coverage::coverage_index;

/// Channel use per stage beside the firm's plan; the coverage index per stage.
pub(crate) fn touchpoints(
    ctx: &Ctx,
    g: &Group,
    channels: &[String],
) -> (Vec<TouchpointRow>, Vec<CoverageRow>) {
    let Some(ch) = &ctx.cfg.channels else {
        return (Vec::new(), Vec::new());
    };
    let (mut rows, mut index) = (Vec::new(), Vec::new());
    for s in Stage::ALL {
        let used = &ctx.derived.channels;
        let answered = ctx.tally(g, s, derived::Fact::Channels);
        if answered.is_empty() {
            continue;
        }
        // No plan for the stage: where the firm is, only the user knows; no verdict is drawn.
        let planned = ch.plan.contains_key(&s);
        let plan = ch.plan.get(&s).cloned().unwrap_or_default();
        let total_spend: f64 = plan.iter().filter_map(|p| p.spend).sum();
        let by_spend = plan.iter().any(|p| p.spend.is_some()) && total_spend > 0.0;
        let (mut use_shares, mut firm) = (Vec::new(), Vec::new());
        let shares = ctx.shares(&answered, channels.len(), |e, ci| {
            used.set(e).is_some_and(|b| derived::has(b, ci))
        });
        for (name, sh) in channels.iter().zip(shares) {
            let key = fold(name);
            let entry = plan.iter().find(|p| fold(&p.channel) == key);
            let present = entry.is_some_and(|p| p.present);
            let spend_share = if by_spend {
                Some(entry.and_then(|p| p.spend).unwrap_or(0.0) / total_spend)
            } else {
                None
            };
            let used = sh.share.unwrap_or(0.0) >= ch.threshold;
            let verdict = match (used, present) {
                _ if !planned => "no plan",
                (true, false) => "gap",
                (false, true) => "possible waste",
                (true, true) => "covered",
                (false, false) => "unused",
            };
            use_shares.push(sh.share.unwrap_or(0.0));
            firm.push(if by_spend {
                spend_share.unwrap_or(0.0)
            } else if present {
                1.0
            } else {
                0.0
            });
            rows.push(TouchpointRow {
                period: ctx.period.into(),
                segment: g.segment.clone(),
                stage: s.key().into(),
                channel: name.clone(),
                n: sh.n,
                users: sh.hits,
                share: sh.share,
                ci_low: sh.ci.map(|c| c.0),
                ci_high: sh.ci.map(|c| c.1),
                firm_present: present,
                firm_spend_share: spend_share,
                verdict: verdict.into(),
                low_base: ctx.low(sh.base),
            });
        }
        index.push(CoverageRow {
            period: ctx.period.into(),
            segment: g.segment.clone(),
            stage: s.key().into(),
            channels: channels.len() as u64,
            coverage_index: coverage_index(&use_shares, &firm),
            basis: if by_spend { "spend" } else { "presence" }.into(),
            n: answered.iter().map(|(_, t)| t.n).sum(),
        });
    }
    (rows, index)
}

/// Every channel: the plan's, then those respondents named that the plan does not, sorted.
pub(crate) fn channel_list(ctx: &Ctx) -> Vec<String> {
    let Some(ch) = &ctx.cfg.channels else {
        return Vec::new();
    };
    // The folded names already listed: a set, since an answer can hold thousands of parts.
    let mut listed: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut out: Vec<String> = Vec::new();
    for entries in ch.plan.values() {
        for e in entries {
            if listed.insert(fold(&e.channel)) {
                out.push(e.channel.clone());
            }
        }
    }
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    // Each distinct answer once, at its first respondent: later ones add no spelling.
    let mut done = vec![false; ctx.c.values_len()];
    for r in ctx.c.respondents().filter(|r| r.stage().is_some()) {
        let id = ctx.val_id(r, ch.used);
        match done.get_mut(id as usize) {
            Some(true) => continue,
            Some(d) => *d = true,
            None => {}
        }
        if let Val::Multi(opts) = ctx.c.value(id) {
            for o in opts {
                seen.entry(fold(o)).or_insert_with(|| o.to_string());
            }
        }
    }
    for (k, v) in seen {
        if listed.insert(k) {
            out.push(v);
        }
    }
    out
}

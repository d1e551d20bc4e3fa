//! Panel transitions (PRODUCT §6.12): where the panel key links the same client across
//! periods, the stage at one period against the stage at the next.

use std::collections::{BTreeMap, BTreeSet};

use super::earlier::Earlier;
use crate::analysis::TransitionRow;
use crate::stats::proportion::wilson;

/// Label of a key seen at the later period only.
pub const NEW: &str = "(new)";
/// Label of a key not seen at the later period.
pub const NOT_SEEN: &str = "(not seen)";

/// The latest stage per panel key (later rows of the same key win).
fn by_key(panel: &[(String, String)]) -> BTreeMap<&str, &str> {
    panel
        .iter()
        .map(|(k, s)| (k.as_str(), s.as_str()))
        .collect()
}

/// Transitions between each pair of consecutive periods.
pub fn transitions(
    earlier: &[Earlier],
    current_period: &str,
    current: &[(String, String)],
    confidence: f64,
) -> Vec<TransitionRow> {
    let periods: Vec<(&str, &[(String, String)])> = earlier
        .iter()
        .map(|e| (e.period.as_str(), e.panel.as_slice()))
        .chain(std::iter::once((current_period, current)))
        .collect();
    let mut out = Vec::new();
    for w in periods.windows(2) {
        let ((p0, a), (p1, b)) = (w[0], w[1]);
        let (from, to) = (by_key(a), by_key(b));
        if from.is_empty() || to.is_empty() {
            continue;
        }
        let keys: BTreeSet<&str> = from.keys().chain(to.keys()).copied().collect();
        let mut counts: BTreeMap<(&str, &str), u64> = BTreeMap::new();
        for k in keys {
            let f = from.get(k).copied().unwrap_or(NEW);
            let t = to.get(k).copied().unwrap_or(NOT_SEEN);
            *counts.entry((f, t)).or_default() += 1;
        }
        let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
        for ((f, _), n) in &counts {
            *totals.entry(f).or_default() += n;
        }
        for ((f, t), n) in counts {
            let total = totals[f] as f64;
            let share = n as f64 / total;
            let ci = wilson(share, total, confidence);
            out.push(TransitionRow {
                from_period: p0.into(),
                to_period: p1.into(),
                from_stage: f.into(),
                to_stage: t.into(),
                n,
                share_of_from: Some(share),
                ci_low: ci.map(|c| c.0),
                ci_high: ci.map(|c| c.1),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn counts_moves_new_and_not_seen() {
        let e = Earlier {
            period: "2026Q1".into(),
            summary: Default::default(),
            panel: panel(&[("A", "client"), ("B", "client"), ("C", "former")]),
        };
        let cur = panel(&[("A", "client"), ("B", "betweener"), ("D", "prospect")]);
        let rows = transitions(&[e], "2026Q2", &cur, 0.95);
        let get = |f: &str, t: &str| {
            rows.iter()
                .find(|r| r.from_stage == f && r.to_stage == t)
                .map(|r| (r.n, r.share_of_from))
        };
        assert_eq!(get("client", "client"), Some((1, Some(0.5))));
        assert_eq!(get("client", "betweener"), Some((1, Some(0.5))));
        assert_eq!(get("former", NOT_SEEN), Some((1, Some(1.0))));
        assert_eq!(get(NEW, "prospect"), Some((1, Some(1.0))));
        assert_eq!(rows.len(), 4);
    }
}

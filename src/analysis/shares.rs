//! Shares over respondents (weighted, with their Wilson interval and Kish base), the building
//! block of the stage mix, conversion, awareness and touchpoint tables.

use super::Ctx;
use crate::classify::{Respondent, Val};
use crate::config::{fold, FieldId};
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

//! Facts about each respondent that the group analyses read again and again, computed once per
//! run in parallel: which offered services they know and bought and which channels they used
//! (bit sets over the service and channel lists), and which codebook themes their open-text
//! answers mention. Without it every segment group folded the same strings and ran the same
//! regular expressions again.

use rayon::prelude::*;

use super::journey::options;
use super::themes::theme_fields;
use super::Ctx;
use crate::classify::{Classified, Respondent};
use crate::config::fold;

/// One bit set per respondent (by `Respondent::index`), and whether the question was answered.
#[derive(Debug, Default)]
pub(crate) struct Bits {
    words: usize,
    bits: Vec<u64>,
    answered: Vec<bool>,
}

impl Bits {
    /// For each respondent, the indexes of the set bits (`None`: unanswered), out of `width`.
    fn build(
        rs: &[Respondent],
        width: usize,
        f: impl Fn(&Respondent) -> Option<Vec<usize>> + Sync + Send,
    ) -> Bits {
        let words = width.div_ceil(64).max(1);
        let per: Vec<Option<Vec<usize>>> = rs.par_iter().map(&f).collect();
        let mut bits = vec![0u64; words * rs.len()];
        let mut answered = vec![false; rs.len()];
        for (i, set) in per.into_iter().enumerate() {
            if let Some(set) = set {
                answered[i] = true;
                for k in set {
                    bits[i * words + k / 64] |= 1 << (k % 64);
                }
            }
        }
        Bits {
            words,
            bits,
            answered,
        }
    }

    pub(crate) fn answered(&self, r: &Respondent) -> bool {
        self.answered.get(r.index).copied().unwrap_or(false)
    }

    pub(crate) fn has(&self, r: &Respondent, k: usize) -> bool {
        self.bits
            .get(r.index * self.words + k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    }

    /// How many bits are set.
    pub(crate) fn count(&self, r: &Respondent) -> u32 {
        self.row(r).iter().map(|w| w.count_ones()).sum()
    }

    /// Whether any bit is set here and not in `other` for the same respondent.
    pub(crate) fn any_beyond(&self, other: &Bits, r: &Respondent) -> bool {
        self.row(r)
            .iter()
            .zip(other.row(r))
            .any(|(a, b)| a & !b != 0)
    }

    fn row(&self, r: &Respondent) -> &[u64] {
        let at = r.index * self.words;
        self.bits.get(at..at + self.words).unwrap_or(&[])
    }
}

/// Everything derived once per run.
#[derive(Debug, Default)]
pub(crate) struct Derived {
    /// Over the offered services, in config order.
    pub(crate) known: Bits,
    pub(crate) bought: Bits,
    /// Over the channel list of the touchpoint table.
    pub(crate) channels: Bits,
    /// Per theme field (in [`theme_fields`] order): over that field's themes, in config order.
    pub(crate) themes: Vec<Bits>,
}

/// Which of `keys` (folded) the folded options of a value hold.
fn hits(opts: Option<Vec<String>>, keys: &[String]) -> Option<Vec<usize>> {
    let o = opts?;
    Some(
        keys.iter()
            .enumerate()
            .filter(|(_, k)| o.contains(k))
            .map(|(i, _)| i)
            .collect(),
    )
}

pub(crate) fn derive(ctx: &Ctx, c: &Classified, channels: &[String]) -> Derived {
    let rs = &c.respondents;
    let mut d = Derived::default();
    if let Some(sv) = &ctx.cfg.services {
        let offered: Vec<String> = sv.offered.iter().map(|s| fold(s)).collect();
        d.known = Bits::build(rs, offered.len(), |r| {
            hits(options(ctx.val(r, sv.known)), &offered)
        });
        if let Some(b) = sv.bought {
            d.bought = Bits::build(rs, offered.len(), |r| {
                hits(options(ctx.val(r, b)), &offered)
            });
        }
    }
    if let Some(ch) = &ctx.cfg.channels {
        let keys: Vec<String> = channels.iter().map(|s| fold(s)).collect();
        d.channels = Bits::build(rs, keys.len(), |r| {
            hits(options(ctx.val(r, ch.used)), &keys)
        });
    }
    for field in theme_fields(ctx) {
        let themes: Vec<&crate::config::Theme> =
            ctx.cfg.themes.iter().filter(|t| t.field == field).collect();
        d.themes.push(Bits::build(rs, themes.len(), |r| {
            let text = ctx.val(r, field).as_text()?;
            Some(
                themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| th.pattern.is_match(&text))
                    .map(|(i, _)| i)
                    .collect(),
            )
        }));
    }
    d
}

//! Facts about each respondent that the group analyses read again and again, computed once per
//! run in parallel: which offered services they know and bought and which channels they used
//! (bit sets over the service and channel lists), and which codebook themes their open-text
//! answers mention. Without it every segment group folded the same strings and ran the same
//! regular expressions again.

use std::sync::Arc;

use rayon::prelude::*;

use super::journey::options;
use super::themes::theme_fields;
use super::Ctx;
use crate::classify::{Respondent, Val};
use crate::config::fold;
use crate::stats::words::{self, WordBag};

/// A bit set per distinct value of a field, and which one each respondent (by
/// `Respondent::index`) gave; a value that does not answer the question has none.
#[derive(Debug, Default)]
pub(crate) struct Bits {
    /// Per respondent: its value's entry in `sets` (shared with the field's word bags).
    entry: Arc<[u32]>,
    sets: Vec<Option<Vec<u64>>>,
}

impl Bits {
    /// The indexes of the set bits of each distinct value (`None`: unanswered), out of `width`,
    /// computed in parallel.
    fn build(
        v: &FieldValues,
        width: usize,
        f: impl Fn(&Val) -> Option<Vec<usize>> + Sync + Send,
    ) -> Bits {
        let words = width.div_ceil(64).max(1);
        let sets = v
            .distinct
            .par_iter()
            .map(|&id| {
                f(v.c.value(id)).map(|set| {
                    let mut b = vec![0u64; words];
                    for k in set {
                        if let Some(w) = b.get_mut(k / 64) {
                            *w |= 1 << (k % 64);
                        }
                    }
                    b
                })
            })
            .collect();
        Bits {
            entry: v.entry.clone(),
            sets,
        }
    }

    /// The bits of a respondent's value; `None` when unanswered.
    fn row(&self, r: &Respondent) -> Option<&[u64]> {
        let e = *self.entry.get(r.index)? as usize;
        self.sets.get(e)?.as_deref()
    }

    pub(crate) fn answered(&self, r: &Respondent) -> bool {
        self.row(r).is_some()
    }

    pub(crate) fn has(&self, r: &Respondent, k: usize) -> bool {
        self.row(r)
            .and_then(|b| b.get(k / 64))
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    }

    /// How many bits are set.
    pub(crate) fn count(&self, r: &Respondent) -> u32 {
        self.row(r)
            .map_or(0, |b| b.iter().map(|w| w.count_ones()).sum())
    }

    /// Whether any bit is set here and not in `other` for the same respondent (an unanswered
    /// side has no bits set).
    pub(crate) fn any_beyond(&self, other: &Bits, r: &Respondent) -> bool {
        let theirs = other.row(r).unwrap_or(&[]);
        self.row(r).is_some_and(|mine| {
            mine.iter()
                .enumerate()
                .any(|(i, a)| a & !theirs.get(i).copied().unwrap_or(0) != 0)
        })
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
    /// Per theme field: the words of each answer no theme coded.
    pub(crate) uncoded: Vec<Words>,
}

/// The words of answers, tokenised once per distinct answer: for each answer with a bag, its
/// stop-list hits and word ids into `vocab`, all in flat arrays (most respondents have none).
#[derive(Debug, Default)]
pub(crate) struct Words {
    vocab: Vec<String>,
    /// Per respondent (by index): its answer's entry in `bag_of` (as [`Bits`] of the field).
    entry: Arc<[u32]>,
    /// Per distinct answer: its bag's position in `hits` and `ends`, or `u32::MAX` for none.
    bag_of: Vec<u32>,
    hits: Vec<[usize; 4]>,
    /// Bag `i` holds the word ids `words[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<usize>,
    words: Vec<u32>,
}

impl Words {
    /// Add the bag of the next distinct answer (in order of first appearance; `None`: an answer
    /// with no bag); `ids` maps the words seen so far to their ids while the bags are added.
    fn push_bag(&mut self, ids: &mut std::collections::HashMap<String, u32>, bag: Option<WordBag>) {
        let Some(b) = bag else {
            self.bag_of.push(u32::MAX);
            return;
        };
        self.bag_of
            .push(u32::try_from(self.hits.len()).unwrap_or(u32::MAX));
        self.hits.push(b.stop_hits);
        for w in b.tokens {
            let id = match ids.get(&w) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
                    self.vocab.push(w.clone());
                    ids.insert(w, id);
                    id
                }
            };
            self.words.push(id);
        }
        self.ends.push(self.words.len());
    }

    /// The `k` most frequent words over the bags of these respondents (those without one are
    /// passed over), and how many bags there were. Words are counted by id, and each distinct
    /// word is checked against the stop lists once.
    pub(crate) fn top<'r>(
        &self,
        rs: impl Iterator<Item = &'r Respondent>,
        k: usize,
    ) -> (Vec<(String, u64)>, u64) {
        let mut hits = [0usize; 4];
        let mut counts = vec![0u64; self.vocab.len()];
        let mut n = 0;
        for r in rs {
            let Some((h, ids)) = self.bag(r) else {
                continue;
            };
            n += 1;
            for (a, b) in hits.iter_mut().zip(h) {
                *a += b;
            }
            for &i in ids {
                if let Some(c) = counts.get_mut(i as usize) {
                    *c += 1;
                }
            }
        }
        let words = self.vocab.iter().map(String::as_str).zip(counts);
        (words::top_of_counts(hits, words, k), n)
    }

    /// A respondent's bag: its stop-list hits and word ids.
    fn bag(&self, r: &Respondent) -> Option<([usize; 4], &[u32])> {
        let e = *self.bag_of.get(*self.entry.get(r.index)? as usize)? as usize;
        let hits = *self.hits.get(e)?;
        let start = if e == 0 { 0 } else { self.ends[e - 1] };
        Some((hits, self.words.get(start..*self.ends.get(e)?)?))
    }
}

/// One field's values over every respondent, as entries into its distinct values: the derived
/// facts are functions of the value, so each is computed once per distinct value (answers
/// repeat: a million respondents choose among a few dozen service lists).
struct FieldValues<'a> {
    c: &'a crate::classify::Classified,
    /// The distinct value ids, in order of first appearance.
    distinct: Vec<u32>,
    /// Per respondent (by index): its value's position in `distinct`.
    entry: Arc<[u32]>,
}

impl<'a> FieldValues<'a> {
    fn of(ctx: &Ctx<'a>, rs: &[&Respondent], field: crate::config::FieldId) -> FieldValues<'a> {
        let ids: Vec<u32> = rs.par_iter().map(|r| ctx.val_id(r, field)).collect();
        let mut first = vec![u32::MAX; ctx.c.values_len()];
        let mut distinct = Vec::new();
        let entry: Arc<[u32]> = ids
            .iter()
            .map(|&id| match first.get_mut(id as usize) {
                Some(e) if *e == u32::MAX => {
                    *e = u32::try_from(distinct.len()).unwrap_or(u32::MAX);
                    distinct.push(id);
                    *e
                }
                Some(e) => *e,
                None => u32::MAX,
            })
            .collect();
        FieldValues {
            c: ctx.c,
            distinct,
            entry,
        }
    }
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

pub(crate) fn derive(ctx: &Ctx, channels: &[String]) -> Derived {
    let rs: Vec<&Respondent> = ctx.c.respondents().collect();
    let rs = &rs[..];
    let mut d = Derived::default();
    if let Some(sv) = &ctx.cfg.services {
        let offered: Vec<String> = sv.offered.iter().map(|s| fold(s)).collect();
        d.known = Bits::build(&FieldValues::of(ctx, rs, sv.known), offered.len(), |v| {
            hits(options(v), &offered)
        });
        if let Some(b) = sv.bought {
            d.bought = Bits::build(&FieldValues::of(ctx, rs, b), offered.len(), |v| {
                hits(options(v), &offered)
            });
        }
    }
    if let Some(ch) = &ctx.cfg.channels {
        let keys: Vec<String> = channels.iter().map(|s| fold(s)).collect();
        d.channels = Bits::build(&FieldValues::of(ctx, rs, ch.used), keys.len(), |v| {
            hits(options(v), &keys)
        });
    }
    for field in theme_fields(ctx) {
        let themes: Vec<&crate::config::Theme> =
            ctx.cfg.themes.iter().filter(|t| t.field == field).collect();
        let values = FieldValues::of(ctx, rs, field);
        let coded = |v: &Val| {
            let text = v.as_text()?;
            Some(
                themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| th.pattern.is_match(&text))
                    .map(|(i, _)| i)
                    .collect::<Vec<usize>>(),
            )
        };
        let bits = Bits::build(&values, themes.len(), coded);
        // The words of each distinct answer no theme codes, tokenised in parallel; the bags are
        // added in order of first appearance, so the word ids are those of the answers in
        // respondent order.
        let bags: Vec<Option<WordBag>> = values
            .distinct
            .par_iter()
            .zip(&bits.sets)
            .map(|(&id, hit)| match hit {
                Some(set) if set.iter().all(|w| *w == 0) => {
                    values.c.value(id).as_text().map(|t| words::bag(&t))
                }
                _ => None,
            })
            .collect();
        let mut words = Words {
            entry: values.entry.clone(),
            ..Words::default()
        };
        let mut ids = Default::default();
        for b in bags {
            words.push_bag(&mut ids, b);
        }
        d.uncoded.push(words);
        d.themes.push(bits);
    }
    d
}

//! Facts about each respondent that the group analyses read again and again, computed once per
//! run in parallel: which offered services they know and bought and which channels they used
//! (bit sets over the service and channel lists), and which codebook themes their open-text
//! answers mention. Without it every segment group folded the same strings and ran the same
//! regular expressions again.

use rayon::prelude::*;

use super::journey::options;
use super::themes::theme_fields;
use super::Ctx;
use crate::classify::{Respondent, Val};
use crate::config::fold;
use crate::stats::words::{self, WordBag};

/// One bit set per respondent (by `Respondent::index`), and whether the question was answered.
#[derive(Debug, Default)]
pub(crate) struct Bits {
    words: usize,
    bits: Vec<u64>,
    answered: Vec<bool>,
}

impl Bits {
    /// For each respondent, the indexes of the set bits (`None`: unanswered), out of `width`,
    /// as a function of the respondent's value of one field: computed once per distinct value.
    fn build(
        v: &FieldValues,
        width: usize,
        f: impl Fn(&Val) -> Option<Vec<usize>> + Sync + Send,
    ) -> Bits {
        Bits::build_memo(v, width, f).0
    }

    /// [`Bits::build`], and the bits of each distinct value (`None`: unanswered).
    fn build_memo(
        v: &FieldValues,
        width: usize,
        f: impl Fn(&Val) -> Option<Vec<usize>> + Sync + Send,
    ) -> (Bits, Vec<Option<Vec<u64>>>) {
        let words = width.div_ceil(64).max(1);
        let memo: Vec<Option<Vec<u64>>> = v
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
        let mut bits = vec![0u64; words * v.entry.len()];
        let mut answered = vec![false; v.entry.len()];
        bits.par_chunks_mut(words)
            .zip(answered.par_iter_mut())
            .zip(v.entry.par_iter())
            .for_each(|((b, a), &e)| {
                if let Some(Some(set)) = memo.get(e as usize) {
                    *a = true;
                    b.copy_from_slice(set);
                }
            });
        let b = Bits {
            words,
            bits,
            answered,
        };
        (b, memo)
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
    /// Per theme field: the words of each answer no theme coded.
    pub(crate) uncoded: Vec<Words>,
}

/// The words of answers, tokenised once per distinct answer: for each answer with a bag, its
/// stop-list hits and word ids into `vocab`, all in flat arrays (most respondents have none).
#[derive(Debug, Default)]
pub(crate) struct Words {
    vocab: Vec<String>,
    /// Per respondent (by index): its entry in `hits` and `ends`, or `u32::MAX` for none.
    /// Respondents who gave the same answer share its entry.
    slot: Vec<u32>,
    /// While the bags are added: per distinct answer, its entry (or `u32::MAX`).
    bag_of: Vec<u32>,
    hits: Vec<[usize; 4]>,
    /// Entry `i` holds the word ids `words[ends[i - 1]..ends[i]]` (from 0 for the first).
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
            let Some((h, ids)) = self.entry(r) else {
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

    fn entry(&self, r: &Respondent) -> Option<([usize; 4], &[u32])> {
        let e = *self.slot.get(r.index)? as usize;
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
    entry: Vec<u32>,
}

impl<'a> FieldValues<'a> {
    fn of(ctx: &Ctx<'a>, rs: &[&Respondent], field: crate::config::FieldId) -> FieldValues<'a> {
        let ids: Vec<u32> = rs.par_iter().map(|r| ctx.val_id(r, field)).collect();
        let mut first = vec![u32::MAX; ctx.c.values_len()];
        let mut distinct = Vec::new();
        let entry = ids
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
        let (bits, memo) = Bits::build_memo(&values, themes.len(), coded);
        // The words of each distinct answer no theme codes, tokenised in parallel; the bags are
        // added in order of first appearance, so the word ids are those of the answers in
        // respondent order.
        let bags: Vec<Option<WordBag>> = values
            .distinct
            .par_iter()
            .zip(&memo)
            .map(|(&id, hit)| match hit {
                Some(set) if set.iter().all(|w| *w == 0) => {
                    values.c.value(id).as_text().map(|t| words::bag(&t))
                }
                _ => None,
            })
            .collect();
        let mut words = Words::default();
        let mut ids = Default::default();
        for b in bags {
            words.push_bag(&mut ids, b);
        }
        words.slot = values
            .entry
            .iter()
            .map(|&e| words.bag_of.get(e as usize).copied().unwrap_or(u32::MAX))
            .collect();
        words.bag_of = Vec::new();
        d.uncoded.push(words);
        d.themes.push(bits);
    }
    d
}

//! Facts about each respondent that the group analyses read again and again, computed once per
//! run in parallel: which offered services they know and bought and which channels they used
//! (bit sets over the service and channel lists), the outcome's code, and which codebook themes
//! their open-text answers mention. Each is computed once per distinct answer; a respondent
//! holds its answer's entry, the key by which the group analyses tally members ([`Fact`]).
//! Without it every segment group folded the same strings and ran the same regular
//! expressions again.

use std::sync::Arc;

use rayon::prelude::*;

use super::shares::options;
use super::Ctx;
use crate::classify::{Respondent, Val};
use crate::config::fold;
use crate::stats::weights::Tally;
use crate::stats::words::{self, WordBag};

/// A bit set per distinct value of a field, and which one each respondent (by
/// `Respondent::index`) gave; a value that does not answer the question has none.
#[derive(Debug, Default)]
pub(crate) struct Bits {
    /// Per respondent: its value's entry in `sets` (shared with the [`FieldValues`] it was
    /// built from).
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

    /// A respondent's entry (its value's position among the distinct values).
    fn entry_of(&self, r: &Respondent) -> usize {
        self.entry.get(r.index).map_or(usize::MAX, |&e| e as usize)
    }

    /// The bits of an entry; `None` when its value does not answer the question.
    pub(crate) fn set(&self, e: usize) -> Option<&[u64]> {
        self.sets.get(e)?.as_deref()
    }
}

/// Whether bit `k` of a set is set.
pub(crate) fn has(set: &[u64], k: usize) -> bool {
    set.get(k / 64).is_some_and(|w| w & (1 << (k % 64)) != 0)
}

/// How many bits of a set are set.
pub(crate) fn count(set: &[u64]) -> u32 {
    set.iter().map(|w| w.count_ones()).sum()
}

/// Whether any bit is set in `mine` and not in `theirs`.
pub(crate) fn any_beyond(mine: &[u64], theirs: &[u64]) -> bool {
    mine.iter()
        .enumerate()
        .any(|(i, a)| a & !theirs.get(i).copied().unwrap_or(0) != 0)
}

/// How many members have each key below `keys`, with the sums of their weights, in key order
/// (keys no member has, and keys not below `keys`, are left out). Within a key the weights are
/// summed in member order. With no more keys than members (answers repeat) they are counted in
/// an array; otherwise the members' keys are sorted.
pub(crate) fn tally_by(
    members: &[&Respondent],
    keys: usize,
    key: impl Fn(&Respondent) -> usize,
) -> Vec<(usize, Tally)> {
    if keys <= members.len().max(64) {
        let mut dense = vec![Tally::default(); keys];
        for r in members {
            if let Some(t) = dense.get_mut(key(r)) {
                t.add(r.weight);
            }
        }
        return dense
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.n > 0)
            .collect();
    }
    let mut v: Vec<(usize, f64)> = members
        .iter()
        .map(|r| (key(r), r.weight))
        .filter(|(k, _)| *k < keys)
        .collect();
    v.sort_by_key(|x| x.0); // stable: members keep their order within a key
    let mut out: Vec<(usize, Tally)> = Vec::new();
    for (k, w) in v {
        match out.last_mut() {
            Some((last, t)) if *last == k => t.add(w),
            _ => out.push((k, Tally::one(w))),
        }
    }
    out
}

/// A fact of the respondents that the group analyses count per stage, by its key: the entry of
/// a field's answer, or of a pair of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    /// The services known (keys: entries of [`Derived::known`]).
    Known,
    /// The services known and bought together (keys: see [`Derived::pair`]).
    KnownBought,
    /// The channels used (entries of [`Derived::channels`]).
    Channels,
    /// The outcome (entries of [`Derived::outcome`]).
    Outcome,
    /// The `i`-th theme field's answer (entries of `Derived::themes[i]`).
    Theme(usize),
}

impl Derived {
    /// Every fact, in a fixed order.
    pub(crate) fn facts(&self) -> Vec<Fact> {
        let mut v = vec![
            Fact::Known,
            Fact::KnownBought,
            Fact::Channels,
            Fact::Outcome,
        ];
        v.extend((0..self.themes.len()).map(Fact::Theme));
        v
    }

    fn bits(&self, f: Fact) -> Option<&Bits> {
        match f {
            Fact::Known | Fact::KnownBought => Some(&self.known),
            Fact::Channels => Some(&self.channels),
            Fact::Outcome => Some(&self.outcome),
            Fact::Theme(i) => self.themes.get(i),
        }
    }

    /// How many keys a fact has (every key is below it).
    pub(crate) fn keys(&self, f: Fact) -> usize {
        match f {
            Fact::KnownBought => self.known.sets.len().saturating_mul(self.pair_width()),
            _ => self.bits(f).map_or(0, |b| b.sets.len()),
        }
    }

    /// A [`Fact::KnownBought`] key is `known entry × pair_width + bought entry`.
    fn pair_width(&self) -> usize {
        self.bought.sets.len().max(1)
    }

    /// A respondent's key of a fact; `usize::MAX` when it has none.
    #[inline]
    pub(crate) fn key(&self, f: Fact, r: &Respondent) -> usize {
        match f {
            Fact::KnownBought => {
                let (a, b) = (self.known.entry_of(r), self.bought.entry_of(r));
                let m = self.pair_width();
                if a < self.known.sets.len() && b < m {
                    a * m + b
                } else {
                    usize::MAX
                }
            }
            _ => self.bits(f).map_or(usize::MAX, |b| b.entry_of(r)),
        }
    }

    /// The entries of known and bought in a key of [`Fact::KnownBought`].
    pub(crate) fn pair(&self, key: usize) -> (usize, usize) {
        let m = self.pair_width();
        (key / m, key % m)
    }

    /// Whether a key's answer (both answers, for a pair) answers the question.
    pub(crate) fn answers(&self, f: Fact, key: usize) -> bool {
        match f {
            Fact::KnownBought => {
                let (a, b) = self.pair(key);
                self.known.set(a).is_some() && self.bought.set(b).is_some()
            }
            _ => self.bits(f).is_some_and(|b| b.set(key).is_some()),
        }
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
    /// The outcome answers (when the journey has an outcome field): hired, got away, not now.
    pub(crate) outcome: Bits,
    /// Per theme field (in [`Config::theme_fields`](crate::config::Config::theme_fields) order): over that field's themes, in config order.
    pub(crate) themes: Vec<Bits>,
    /// Per theme field: the words of each answer no theme coded.
    pub(crate) uncoded: Vec<Words>,
}

/// The words of answers, tokenised once per distinct answer: for each answer with a bag, its
/// stop-list hits and word ids into `vocab`, all in flat arrays (most respondents have none).
#[derive(Debug, Default)]
pub(crate) struct Words {
    vocab: Vec<String>,
    /// Per distinct answer (the entries of the field's [`Bits`]): its bag's position in `hits`
    /// and `ends`, or `u32::MAX` for none.
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

    /// The `k` most frequent words over the bags of these tallied entries (of the field's
    /// [`Bits`]; those without a bag are passed over), and how many bags there were. Words are
    /// counted by id, and each distinct word is checked against the stop lists once.
    pub(crate) fn top(
        &self,
        entries: impl Iterator<Item = (usize, u64)>,
        k: usize,
    ) -> (Vec<(String, u64)>, u64) {
        let mut hits = [0usize; 4];
        let mut counts = vec![0u64; self.vocab.len()];
        let mut n = 0;
        for (e, times) in entries {
            let Some((h, ids)) = self.bag(e) else {
                continue;
            };
            n += times;
            for (a, b) in hits.iter_mut().zip(h) {
                *a += b * times as usize;
            }
            for &i in ids {
                if let Some(c) = counts.get_mut(i as usize) {
                    *c += times;
                }
            }
        }
        let words = self.vocab.iter().map(String::as_str).zip(counts);
        (words::top_of_counts(hits, words, k), n)
    }

    /// An entry's bag: its stop-list hits and word ids.
    fn bag(&self, e: usize) -> Option<([usize; 4], &[u32])> {
        let b = *self.bag_of.get(e)? as usize;
        let hits = *self.hits.get(b)?;
        let start = if b == 0 { 0 } else { self.ends[b - 1] };
        Some((hits, self.words.get(start..*self.ends.get(b)?)?))
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
/// The positions of the folded keys, for [`hits`].
type KeyIndex<'a> = std::collections::HashMap<&'a str, usize, crate::FxBuildHasher>;

fn key_index(keys: &[String]) -> KeyIndex<'_> {
    let mut m = KeyIndex::default();
    for (i, k) in keys.iter().enumerate() {
        m.entry(k.as_str()).or_insert(i);
    }
    m
}

/// Which keys an answer's options hold: a lookup per option, so that an answer of thousands of
/// options against thousands of keys stays linear.
fn hits(opts: Option<Vec<String>>, keys: &KeyIndex) -> Option<Vec<usize>> {
    let mut found: Vec<usize> = opts?
        .iter()
        .filter_map(|o| keys.get(o.as_str()).copied())
        .collect();
    found.sort_unstable();
    found.dedup();
    Some(found)
}

pub(crate) fn derive(ctx: &Ctx, channels: &[String]) -> Derived {
    let rs: Vec<&Respondent> = ctx.c.respondents().collect();
    let rs = &rs[..];
    let mut d = Derived::default();
    if let Some(sv) = &ctx.cfg.services {
        let offered: Vec<String> = sv.offered.iter().map(|s| fold(s)).collect();
        let width = offered.len();
        let offered = key_index(&offered);
        d.known = Bits::build(&FieldValues::of(ctx, rs, sv.known), width, |v| {
            hits(options(v), &offered)
        });
        if let Some(b) = sv.bought {
            d.bought = Bits::build(&FieldValues::of(ctx, rs, b), width, |v| {
                hits(options(v), &offered)
            });
        }
    }
    if let Some(ch) = &ctx.cfg.channels {
        let keys: Vec<String> = channels.iter().map(|s| fold(s)).collect();
        let width = keys.len();
        let keys = key_index(&keys);
        d.channels = Bits::build(&FieldValues::of(ctx, rs, ch.used), width, |v| {
            hits(options(v), &keys)
        });
    }
    let j = &ctx.cfg.journey;
    if let Some(f) = j.outcome {
        d.outcome = Bits::build(&FieldValues::of(ctx, rs, f), 3, |v| {
            let c = fold(&v.as_text()?);
            let codes = [&j.hired, &j.got_away, &j.not_now];
            Some((0..3).filter(|&k| codes[k].contains(&c)).collect())
        });
    }
    for field in ctx.cfg.theme_fields() {
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
        let mut words = Words::default();
        let mut ids = Default::default();
        for b in bags {
            words.push_bag(&mut ids, b);
        }
        d.uncoded.push(words);
        d.themes.push(bits);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_by_array_and_by_sorting_agree_and_sum_in_member_order() {
        let weights = [0.5, 2.0, 1.25, 3.0, 0.1, 0.7, 0.2];
        let keys = [4usize, 1, 4, 9, 1, usize::MAX, 4];
        let rs: Vec<Respondent> = weights
            .iter()
            .enumerate()
            .map(|(i, &w)| Respondent::for_test(i, w))
            .collect();
        let members: Vec<&Respondent> = rs.iter().collect();
        let key = |r: &Respondent| keys[r.index];
        // 10 keys for 7 members: counted in an array; a million: sorted.
        let dense = tally_by(&members, 10, key);
        let sorted = tally_by(&members, 1_000_000, key);
        assert_eq!(dense, sorted);
        let sum = |ws: &[f64]| ws.iter().fold(0.0, |a, w| a + w);
        let t = |ws: &[f64]| Tally {
            n: ws.len() as u64,
            sw: sum(ws),
            sw2: ws.iter().fold(0.0, |a, w| a + w * w),
        };
        assert_eq!(
            dense,
            vec![
                (1, t(&[2.0, 0.1])),
                (4, t(&[0.5, 1.25, 0.2])),
                (9, t(&[3.0])),
            ]
        );
        // Keys not below `keys` are left out.
        assert_eq!(tally_by(&members, 5, key).len(), 2);
        assert_eq!(tally_by(&members, 1, key), vec![]);
    }
}

//! Label scales by their shape: a column whose labels are not one of the lexicon's stock scales
//! but are built of one word rated, a negation, intensity words and perhaps a midpoint ("Not at
//! all valuable", "Slightly valuable", "Valuable", "Very valuable", "Extremely valuable"; "Zeer
//! ontevreden" … "Zeer tevreden") is a rating on that many points, its numbers in the labels'
//! order.
//!
//! Each label is read in one lexicon language's [`ScaleWords`]: the longest phrases first, the
//! rest of its words are what is rated. The word most labels share is the scale's core; a label
//! holding it is on the positive side, or the negative one with a negation; a label holding the
//! core behind a prefix of two to four letters ("dissatisfied", "onbelangrijk", "insatisfait")
//! is on the negative side; a midpoint word is the middle; a bare negation is the negative pole
//! of a yes/no scale ("Raczej nie"). The intensity orders each side: slight < weak < plain <
//! strong < extreme, and a negation right before a strong word weakens it ("not very important"
//! is just below the middle). The labels must spread over both sides, no two in one place, or
//! the column is no scale.
//!
//! Where a midpoint is among the labels the scale is taken as symmetric: a point seen on one
//! side is a point on the other too, so a 5-point scale whose top label nobody chose still runs
//! 1–5. Without a midpoint only the labels seen are points.

use std::sync::{LazyLock, Mutex};

use super::likert::LikertSet;
use crate::lexicon::{without_accents, ScaleWords, LANGUAGES};

/// Most labels a scale read by shape has (a 0–10 scale is read by its numbers).
const MOST: usize = 11;
/// Most words of one label.
const LONGEST: usize = 7;

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Negative,
    Extreme,
    Strong,
    Weak,
    Slight,
    Middle,
}

/// One language's scale words, folded and split into words, longest first.
struct Vocabulary {
    phrases: Vec<(Vec<String>, Role)>,
}

fn words_of(text: &str) -> Vec<String> {
    without_accents(&text.to_lowercase())
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl Vocabulary {
    fn of(w: &ScaleWords) -> Vocabulary {
        let mut phrases: Vec<(Vec<String>, Role)> = [
            (w.negative, Role::Negative),
            (w.extreme, Role::Extreme),
            (w.strong, Role::Strong),
            (w.weak, Role::Weak),
            (w.slight, Role::Slight),
            (w.middle, Role::Middle),
        ]
        .into_iter()
        .flat_map(|(list, role)| list.iter().map(move |p| (words_of(p), role)))
        .filter(|(p, _)| !p.is_empty())
        .collect();
        // Longest first; a phrase in two lists keeps both roles (kept in list order).
        phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Vocabulary { phrases }
    }
}

static VOCABULARIES: LazyLock<Vec<Vocabulary>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .filter(|l| !l.scale_words.middle.is_empty())
        .map(|l| Vocabulary::of(&l.scale_words))
        .collect()
});

/// One label read: its roles, the words left (what is rated), and where a negation sits
/// right before a strong word.
struct Label {
    roles: Vec<Role>,
    rest: Vec<String>,
    weakened: bool,
}

fn read_label(v: &Vocabulary, label: &str) -> Label {
    let words = words_of(label);
    let mut taken = vec![None::<usize>; words.len()];
    let mut roles = Vec::new();
    // (start of the phrase, its roles) in the label's order, to see a negation before "very".
    let mut found: Vec<(usize, Role)> = Vec::new();
    for (k, (phrase, role)) in v.phrases.iter().enumerate() {
        let n = phrase.len();
        if n > words.len() {
            continue;
        }
        for start in 0..=words.len() - n {
            let span = start..start + n;
            let free_or_same = taken[span.clone()]
                .iter()
                .all(|t| t.is_none_or(|j| v.phrases[j].0 == *phrase));
            if free_or_same && words[span.clone()] == phrase[..] {
                for t in &mut taken[span] {
                    *t = Some(k);
                }
                roles.push(*role);
                found.push((start, *role));
            }
        }
    }
    found.sort_by_key(|(s, _)| *s);
    let weakened = found
        .windows(2)
        .any(|w| w[0].1 == Role::Negative && w[1].1 == Role::Strong);
    let rest = words
        .into_iter()
        .zip(taken)
        .filter(|(_, t)| t.is_none())
        .map(|(w, _)| w)
        .collect();
    Label {
        roles,
        rest,
        weakened,
    }
}

/// Whether `word` is `core` behind a short prefix ("dissatisfied", "onbelangrijk").
fn prefixed(word: &str, core: &str) -> bool {
    let extra = word.chars().count().saturating_sub(core.chars().count());
    word.ends_with(core) && (2..=4).contains(&extra)
}

/// The place of each label on the scale (negative below zero), in one language; `None` when
/// the labels are no scale in it.
fn places(v: &Vocabulary, labels: &[&str]) -> Option<(Vec<f64>, String)> {
    let read: Vec<Label> = labels.iter().map(|l| read_label(v, l)).collect();
    // The core: the word left in most labels, as itself or behind a prefix ("tevreden" in
    // "ontevreden" too), at least two (ties: the longest, then the first).
    let mut words: Vec<&String> = read.iter().flat_map(|l| &l.rest).collect();
    words.sort();
    words.dedup();
    let core = words
        .into_iter()
        .filter(|w| w.chars().count() >= 2)
        .map(|w| {
            let n = read
                .iter()
                .filter(|l| l.rest.iter().any(|r| r == w || prefixed(r, w)))
                .count();
            (w, n)
        })
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(w, n)| (*n, w.chars().count()))
        .map(|(w, _)| w.clone());
    let mut out = Vec::with_capacity(read.len());
    for l in &read {
        let has = |r: Role| l.roles.contains(&r);
        let negative = has(Role::Negative);
        let magnitude = if negative && l.weakened {
            1.0
        } else if has(Role::Extreme) {
            4.0
        } else if has(Role::Strong) {
            3.0
        } else if has(Role::Weak) {
            1.5
        } else if has(Role::Slight) {
            1.0
        } else {
            2.0
        };
        let with_core = core.as_ref().is_some_and(|c| l.rest.contains(c));
        let with_prefix = core
            .as_ref()
            .is_some_and(|c| l.rest.iter().any(|w| prefixed(w, c)));
        let place = if has(Role::Middle) {
            0.0
        } else if with_core && !with_prefix {
            if negative {
                -magnitude
            } else {
                magnitude
            }
        } else if with_prefix && !with_core && !negative {
            -magnitude
        } else if l.rest.is_empty() && negative {
            // A bare "no" with its intensity: the negative pole of a yes/no scale.
            -magnitude
        } else {
            return None;
        };
        out.push(place);
    }
    let lowest = out.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = out.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sorted = out.clone();
    sorted.sort_by(f64::total_cmp);
    let distinct = sorted.windows(2).all(|w| w[0] != w[1]);
    (lowest < 0.0 && highest > 0.0 && distinct).then(|| (out, core.unwrap_or_default()))
}

/// The index of the midpoint label.
fn mid(places: &[f64]) -> Option<usize> {
    places.iter().position(|&p| p == 0.0)
}

/// The numbers of the labels of a scale with a midpoint, taken as symmetric: each side has as
/// many points as the side with more labels, so a top label nobody chose still has its number.
/// The side with fewer labels takes the ranks (from the middle out) of the other side's labels
/// nearest in intensity, which must stay in order.
fn symmetric(places: &[f64]) -> Option<Vec<usize>> {
    let side = |neg: bool| -> Vec<f64> {
        let mut v: Vec<f64> = places
            .iter()
            .filter(|&&p| if neg { p < 0.0 } else { p > 0.0 })
            .map(|p| p.abs())
            .collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (neg, pos) = (side(true), side(false));
    let k = neg.len().max(pos.len());
    let (full, short) = if neg.len() >= pos.len() {
        (&neg, &pos)
    } else {
        (&pos, &neg)
    };
    // The rank (1 = next to the middle) of each intensity on the side with fewer labels.
    let mut ranks: Vec<usize> = Vec::with_capacity(short.len());
    for m in short.iter() {
        let nearest = (0..full.len())
            .filter(|&r| ranks.last().is_none_or(|&last| r + 1 > last))
            .min_by(|&a, &b| (full[a] - m).abs().total_cmp(&(full[b] - m).abs()))?;
        ranks.push(nearest + 1);
    }
    let rank_of = |p: f64| -> Option<usize> {
        let m = p.abs();
        if (p < 0.0) == (neg.len() >= pos.len()) {
            full.iter().position(|&x| x == m).map(|i| i + 1)
        } else {
            short.iter().position(|&x| x == m).map(|i| ranks[i])
        }
    };
    places
        .iter()
        .map(|&p| {
            if p == 0.0 {
                Some(k + 1)
            } else if p < 0.0 {
                rank_of(p).map(|r| k + 1 - r)
            } else {
                rank_of(p).map(|r| k + 1 + r)
            }
        })
        .collect()
}

/// Scales read by shape, kept for the process (they are as few as a folder's distinct
/// scales), so that a guess can hold them as the stock scales are held.
static READ: LazyLock<Mutex<Vec<&'static LikertSet>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// The scale a column's distinct labels form by their shape (3 to 11 labels, "no answer"
/// words aside), in the first lexicon language that reads them all; `None` otherwise.
pub fn read(answers: &[&str]) -> Option<&'static LikertSet> {
    let labels: Vec<&str> = answers
        .iter()
        .copied()
        .filter(|a| !super::likert::is_no_answer(a))
        .collect();
    if !(3..=MOST).contains(&labels.len())
        || labels.iter().any(|l| {
            l.split_whitespace().count() > LONGEST || l.chars().any(|c| c.is_ascii_digit())
        })
    {
        return None;
    }
    let (places, core) = VOCABULARIES.iter().find_map(|v| places(v, &labels))?;
    let numbers = if places.contains(&0.0) {
        symmetric(&places)?
    } else {
        // Only the labels seen are points, in their order.
        let mut sorted = places.clone();
        sorted.sort_by(f64::total_cmp);
        places
            .iter()
            .map(|p| sorted.iter().position(|s| s == p).map(|i| i + 1))
            .collect::<Option<Vec<usize>>>()?
    };
    let size = if let Some(m) = mid(&places) {
        // The midpoint is point k + 1 of 2k + 1.
        2 * numbers[m] - 1
    } else {
        numbers.len()
    };
    let mut points: Vec<Vec<String>> = vec![Vec::new(); size];
    for (label, n) in labels.iter().zip(&numbers) {
        points.get_mut(n - 1)?.push(label.trim().to_string());
    }
    let stem: String = without_accents(&core)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(20)
        .collect();
    let stem = if stem.is_empty() {
        "scale".to_string()
    } else {
        stem
    };
    let set = LikertSet {
        name: format!("{stem}{size}_labels"),
        points,
        derived: false,
        by_shape: true,
    };
    let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = read.iter().find(|s| s.points == set.points) {
        return Some(s);
    }
    // Same name, other labels: number it.
    let taken = |n: &str| read.iter().any(|s| s.name == n);
    let mut set = set;
    if taken(&set.name) {
        let base = set.name.clone();
        set.name = (2..)
            .map(|i| format!("{base}_{i}"))
            .find(|n| !taken(n))
            .expect("some suffix is free");
    }
    let set: &'static LikertSet = Box::leak(Box::new(set));
    read.push(set);
    Some(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(labels: &[&str]) -> Option<Vec<Option<usize>>> {
        let s = read(labels)?;
        Some(labels.iter().map(|l| s.point(l)).collect())
    }

    /// Scales the lexicon does not list, read by their shape in several languages, their
    /// labels given in any order.
    #[test]
    fn reads_scales_by_their_shape() {
        // English, unipolar, shuffled.
        assert_eq!(
            order(&[
                "Very valuable",
                "Not at all valuable",
                "Valuable",
                "Extremely valuable",
                "Slightly valuable",
            ]),
            Some(vec![Some(4), Some(1), Some(3), Some(5), Some(2)])
        );
        // Dutch, bipolar with a prefix and a midpoint.
        assert_eq!(
            order(&[
                "Zeer ontevreden",
                "Ontevreden",
                "Neutraal",
                "Tevreden",
                "Zeer tevreden"
            ]),
            Some(vec![Some(1), Some(2), Some(3), Some(4), Some(5)])
        );
        // Italian, negation and intensity.
        assert_eq!(
            order(&[
                "Per niente efficace",
                "Poco efficace",
                "Abbastanza efficace",
                "Molto efficace"
            ]),
            Some(vec![Some(1), Some(2), Some(3), Some(4)])
        );
        // Portuguese, with a midpoint and the top label unchosen: still five points.
        let s = read(&["Nada útil", "Pouco útil", "Indiferente", "Útil"]).unwrap();
        assert_eq!(s.points.len(), 5, "{:?}", s.points);
        assert_eq!(s.point("Útil"), Some(4));
        // Polish yes/no scale.
        assert_eq!(
            order(&[
                "Zdecydowanie tak",
                "Raczej tak",
                "Trudno powiedzieć",
                "Raczej nie",
                "Zdecydowanie nie"
            ]),
            Some(vec![Some(5), Some(4), Some(3), Some(2), Some(1)])
        );
        // German, "nicht sehr" just below the middle.
        assert_eq!(
            order(&[
                "Überhaupt nicht hilfreich",
                "Nicht sehr hilfreich",
                "Hilfreich",
                "Sehr hilfreich"
            ]),
            Some(vec![Some(1), Some(2), Some(3), Some(4)])
        );
    }

    /// Categories are no scale: no shared word, one side only, or two labels in one place.
    #[test]
    fn categories_are_no_scale() {
        assert!(read(&["Retail", "Banking", "Energy"]).is_none());
        assert!(read(&["Important", "Very important", "Extremely important"]).is_none());
        assert!(read(&["Very good", "Really good", "Not good"]).is_none());
        assert!(read(&["Email", "Phone", "Not sure"]).is_none());
        assert!(read(&["Under 50 staff", "50-250 staff", "Over 250 staff"]).is_none());
    }
}

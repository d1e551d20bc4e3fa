//! Attribute pairs: rating columns whose stems say importance or expectation against
//! performance or experience, item by item; or numbered items (`3-1.` against `3-2.`).

use std::collections::{BTreeMap, BTreeSet};

use super::{re, typed, Guess, Level, Picker};
use crate::init::likert::LikertSet;
use crate::init::profile::{Kind, Profile};
use crate::lexicon;

/// An attribute's name and its expectation and experience columns.
type Pair = (String, Vec<usize>, Vec<usize>);

/// A rating header split into (stem, item): `stem - item`, `stem [item]`, `item (stem)`, or a
/// SurveyMonkey (question, option).
pub(super) fn split_item(p: &Profile) -> Option<(String, String)> {
    if let Some((q, o)) = &p.option {
        return Some((q.clone(), o.clone()));
    }
    let h = p.header.trim();
    if let Some(rest) = h.strip_suffix(']') {
        if let Some((stem, item)) = rest.rsplit_once('[') {
            return Some((stem.trim().into(), item.trim().into()));
        }
    }
    if let Some(rest) = h.strip_suffix(')') {
        if let Some((item, stem)) = rest.rsplit_once('(') {
            return Some((stem.trim().into(), item.trim().into()));
        }
    }
    if let Some((stem, item)) = h.rsplit_once(" - ") {
        // `item - how important is it?`: the side's words are on the right, so is the stem.
        let (stem, item) = (stem.trim(), item.trim());
        if lexicon::side_of(stem).is_none() && lexicon::side_of(item).is_some() {
            return Some((item.into(), stem.into()));
        }
        return Some((stem.into(), item.into()));
    }
    // `stem: item` (SoSci Survey, LimeSurvey labels), the stem being words, not a code.
    h.split_once(": ")
        .filter(|(stem, item)| stem.contains(' ') && !item.trim().is_empty())
        .map(|(stem, item)| (stem.trim().into(), item.trim().into()))
}

/// Attribute pairs: rating questions whose items are the same set, the stems' words (or their
/// order) saying which is the expectation side; else numbered items.
pub(super) fn attributes(g: &mut Guess, pk: &mut Picker) {
    let (mut pairs, note) = pairs_by_items(pk);
    if pairs.is_empty() {
        pairs = numbered_pairs(pk.profiles, pk.kinds, &pk.used);
    }
    for (name, exp, expc) in &pairs {
        push_pair(g, pk, name, [Some(exp), Some(expc)]);
    }
    g.attribute_notes.extend(note);
    // A satisfaction survey rates experience alone: with a recommend question to drive, each
    // item of an experience-side question of at least 3 items no pair took is an attribute.
    if g.fields.iter().any(|f| f.name == "recommend") {
        let alone: Vec<(String, Vec<usize>)> = item_groups(pk)
            .into_iter()
            .filter(|grp| grp.side == Some(1) && grp.items.len() >= 3)
            .flat_map(|grp| grp.items.into_iter().map(|(_, label, ix)| (label, ix)))
            .collect();
        if !alone.is_empty() {
            g.attribute_notes.push(
                "items rated on experience with no importance question are attributes of their own: in the drivers and their relative weights, not in the gaps".into(),
            );
        }
        for (name, ix) in &alone {
            push_pair(g, pk, name, [None, Some(ix)]);
        }
    }
    if g.attributes.is_empty() {
        g.missing
            .push("attribute pairs (importance/expectation against performance/experience)".into());
    }
}

/// An item label compared across groups: lower case, single spaces, no trailing punctuation.
fn item_key(item: &str) -> String {
    item.trim()
        .trim_end_matches(['.', ':', '?', '*'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One question's rating columns: its stem, its items in order (key, label, column), and its
/// side once known (0 expectation, 1 experience).
struct ItemGroup {
    stem: String,
    items: Vec<(String, String, Vec<usize>)>,
    side: Option<usize>,
}

/// The unused rating columns grouped by question stem, in order of first appearance, each
/// with the side its stem's words say.
fn item_groups(pk: &Picker) -> Vec<ItemGroup> {
    let mut groups: Vec<ItemGroup> = Vec::new();
    for (i, p) in pk.profiles.iter().enumerate() {
        if pk.used.contains(&i) || !matches!(pk.kinds[i], Kind::Rating { .. }) {
            continue;
        }
        let Some((stem, item)) = split_item(p) else {
            continue;
        };
        let key = item_key(&item);
        if key.is_empty() {
            continue;
        }
        let stem_key = item_key(&stem);
        match groups.iter_mut().find(|g| item_key(&g.stem) == stem_key) {
            Some(g) => match g.items.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.2.push(i),
                None => g.items.push((key, item, vec![i])),
            },
            None => groups.push(ItemGroup {
                side: lexicon::side_of(&stem),
                stem,
                items: vec![(key, item, vec![i])],
            }),
        }
    }
    groups
}

/// The number of items two groups share.
fn common(a: &ItemGroup, b: &ItemGroup) -> usize {
    a.items
        .iter()
        .filter(|x| b.items.iter().any(|y| y.0 == x.0))
        .count()
}

/// Whether two groups hold the same set of items: at least 3 in common, and at least 80% of
/// the larger group's.
fn same_items(a: &ItemGroup, b: &ItemGroup) -> bool {
    let n = common(a, b);
    n >= 3 && n * 5 >= a.items.len().max(b.items.len()) * 4
}

/// Give a side to the groups whose stems' words do not say one, by their item sets: a group
/// with the same items as a group of known side is on the other side; of two such groups of
/// unknown side the first is the expectation side, which the returned note says.
fn sides_by_items(groups: &mut [ItemGroup]) -> Option<String> {
    let mut note = None;
    for a in 0..groups.len() {
        if groups[a].side.is_some() {
            continue;
        }
        let partner = (0..groups.len())
            .filter(|&b| b != a && same_items(&groups[a], &groups[b]))
            .max_by_key(|&b| {
                (
                    groups[b].side.is_some(),
                    common(&groups[a], &groups[b]),
                    std::cmp::Reverse(b),
                )
            });
        let Some(b) = partner else { continue };
        match groups[b].side {
            Some(side) => groups[a].side = Some(1 - side),
            None => {
                let (first, second) = (a.min(b), a.max(b));
                groups[first].side = Some(0);
                groups[second].side = Some(1);
                note.get_or_insert_with(|| {
                    format!(
                        "the words of \"{}\" and \"{}\" do not say which asks for importance: the first is taken as the expectation side",
                        groups[first].stem, groups[second].stem
                    )
                });
            }
        }
    }
    // Two groups of one side with the same items and no group of the other: the stems'
    // words were wrong for one of them (both said "rate"), so order decides.
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            let alone = |x: usize| {
                !(0..groups.len()).any(|c| {
                    c != x
                        && groups[c].side.is_some()
                        && groups[c].side != groups[x].side
                        && same_items(&groups[x], &groups[c])
                })
            };
            if groups[a].side.is_some()
                && groups[a].side == groups[b].side
                && same_items(&groups[a], &groups[b])
                && alone(a)
                && alone(b)
            {
                groups[a].side = Some(0);
                groups[b].side = Some(1);
                note.get_or_insert_with(|| {
                    format!(
                        "\"{}\" and \"{}\" rate the same items and their words say the same side: the first is taken as the expectation side",
                        groups[a].stem, groups[b].stem
                    )
                });
            }
        }
    }
    note
}

/// The items rated on both sides, in order of first appearance, each with every column of
/// each side (one study's several exports name one item in several ways).
fn pairs_by_items(pk: &Picker) -> (Vec<Pair>, Option<String>) {
    let mut groups = item_groups(pk);
    let note = sides_by_items(&mut groups);
    // item key → (label, expectation columns, experience columns)
    let mut items: BTreeMap<String, Pair> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for g in &groups {
        let Some(side) = g.side else { continue };
        for (key, label, ix) in &g.items {
            let e = items.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                (label.clone(), Vec::new(), Vec::new())
            });
            if side == 0 {
                e.1.extend(ix)
            } else {
                e.2.extend(ix)
            }
        }
    }
    let pairs: Vec<Pair> = order
        .into_iter()
        .map(|k| items.remove(&k).expect("every ordered key is an item"))
        .filter(|(_, e, x)| !e.is_empty() && !x.is_empty())
        .map(|(name, mut e, mut x)| {
            e.sort_unstable();
            x.sort_unstable();
            (name, e, x)
        })
        .collect();
    let note = if pairs.is_empty() { None } else { note };
    (pairs, note)
}

/// The expectation (when there is one) and experience fields of one attribute, with their
/// scale and value map.
fn push_pair(g: &mut Guess, pk: &mut Picker, name: &str, sides: [Option<&Vec<usize>>; 2]) {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    // At most 32 characters with the side; a name with no Latin letters is numbered.
    let mut base = super::slug_max(name, 32 - "_expectation".len() - 2);
    if base == "field" {
        base = format!("attribute_{}", g.attributes.len() + 1);
    }
    let taken = |b: &str| {
        g.fields
            .iter()
            .any(|f| f.name == format!("{b}_expectation") || f.name == format!("{b}_experience"))
    };
    if taken(&base) {
        base = (2..)
            .map(|i| format!("{base}_{i}"))
            .find(|b| !taken(b))
            .expect("some suffix is free");
    }
    let mut names = Vec::new();
    for (ix, side) in sides.into_iter().zip(["expectation", "experience"]) {
        let Some(ix) = ix else {
            names.push(None);
            continue;
        };
        pk.used.extend(ix.iter().copied());
        let mut f = typed(
            &format!("{base}_{side}"),
            ix.iter().map(|&i| profiles[i].header.clone()).collect(),
            "number",
            &format!("{name}: {side}"),
        );
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for &i in ix.iter() {
            if let Kind::Rating { scale, .. } = &kinds[i] {
                lo = lo.min(scale.0);
                hi = hi.max(scale.1);
            }
            for (a, x) in &profiles[i].anchors {
                if !f.anchors.iter().any(|(b, _)| b == a) {
                    f.anchors.push((a.clone(), *x));
                }
            }
        }
        // The items of a matrix share a scale: the labelled one with the most points.
        if let Some(l) = labels_of(kinds, ix) {
            f.value_map = Some(l.name.as_str());
            if l.by_shape {
                f.level = Level::Likely;
                f.why = format!("{}; its labels read as a {}", f.why, shape_words(l));
            }
            if !g.value_maps.contains(&l) {
                g.value_maps.push(l);
            }
            lo = lo.min(1.0);
            hi = hi.max(l.points.len() as f64);
        }
        f.scale = Some((lo, hi));
        names.push(Some(f.name.clone()));
        g.fields.push(f);
    }
    let experience = names[1].clone().unwrap_or_default();
    g.attributes
        .push((name.to_string(), names[0].clone(), experience));
}

/// A scale read by its labels' shape, in words: its size and its poles.
pub fn shape_words(l: &LikertSet) -> String {
    let first = |p: Option<&Vec<String>>| p.and_then(|p| p.first()).cloned();
    let seen: Vec<&Vec<String>> = l.points.iter().filter(|p| !p.is_empty()).collect();
    let low = first(seen.first().copied()).unwrap_or_default();
    let high = first(seen.last().copied()).unwrap_or_default();
    format!(
        "{}-point scale by their shape (\"{low}\" lowest, \"{high}\" highest), not one of the lexicon's scales",
        l.points.len()
    )
}

/// The label scale of one side's columns: the one with the most points (the items of a
/// matrix share a scale, but a midpoint nobody chose can make one item look shorter).
fn labels_of(kinds: &[Kind], ix: &[usize]) -> Option<&'static LikertSet> {
    ix.iter()
        .filter_map(|&i| match &kinds[i] {
            Kind::Rating {
                labels: Some(l), ..
            } => Some(*l),
            _ => None,
        })
        .max_by_key(|l| l.points.len())
}

/// Numbered item pairs (`3-1. …` the expectation, `3-2. …` the experience), when at least three
/// numbers have both.
fn numbered_pairs(
    profiles: &[Profile],
    kinds: &[Kind],
    used: &BTreeSet<usize>,
) -> Vec<(String, Vec<usize>, Vec<usize>)> {
    let num = re(r"^\s*(?:Q\s*)?(\d+)\s*[-_.]\s*([12])\b\.?\s*(.*)$");
    // item number → (name, sub-item 1 columns, sub-item 2 columns)
    let mut by: BTreeMap<u32, (String, Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in profiles.iter().enumerate() {
        if used.contains(&i) || !matches!(kinds[i], Kind::Rating { .. }) {
            continue;
        }
        let Some(c) = num.captures(p.header.trim()) else {
            continue;
        };
        let Ok(n) = c[1].parse::<u32>() else {
            continue;
        };
        let e = by.entry(n).or_default();
        if &c[2] == "1" {
            e.1.push(i);
        } else {
            let text = c[3].split(" (").next().unwrap_or("").trim();
            let text: String = text.chars().take(50).collect();
            if e.0.is_empty() && !text.is_empty() {
                e.0 = format!("{n}. {text}");
            }
            e.2.push(i);
        }
    }
    let pairs: Vec<(String, Vec<usize>, Vec<usize>)> = by
        .into_iter()
        .filter(|(_, (_, a, b))| !a.is_empty() && !b.is_empty())
        .map(|(n, (name, a, b))| {
            let name = if name.is_empty() {
                format!("Item {n}")
            } else {
                name
            };
            (name, a, b)
        })
        .collect();
    if pairs.len() >= 3 {
        pairs
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_rating_headers() {
        let p = |h: &str| Profile::named(h);
        assert_eq!(
            split_item(&p("Importance - Value for money")),
            Some(("Importance".into(), "Value for money".into()))
        );
        assert_eq!(
            split_item(&p("Performance [Value for money]")),
            Some(("Performance".into(), "Value for money".into()))
        );
        assert_eq!(
            split_item(&p("Value for money (importance)")),
            Some(("importance".into(), "Value for money".into()))
        );
    }
}

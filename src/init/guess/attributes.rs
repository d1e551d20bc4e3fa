//! Attribute pairs: rating columns whose stems say importance or expectation against
//! performance or experience, item by item; or numbered items (`3-1.` against `3-2.`).

use std::collections::{BTreeMap, BTreeSet};

use super::{re, slug, typed, unique, Guess, Picker};
use crate::init::profile::{Kind, Profile};

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
    h.rsplit_once(" - ")
        .map(|(stem, item)| (stem.trim().into(), item.trim().into()))
}

/// Pair rating columns whose stems say importance/expectation and performance/experience.
pub(super) fn attributes(g: &mut Guess, pk: &mut Picker) {
    let mut pairs = pairs_by_stem(pk);
    if pairs.is_empty() {
        pairs = numbered_pairs(pk.profiles, pk.kinds, &pk.used);
    }
    for (name, exp, expc) in &pairs {
        push_pair(g, pk, name, [exp, expc]);
    }
    if g.attributes.is_empty() {
        g.missing
            .push("attribute pairs (importance/expectation against performance/experience)".into());
    }
}

/// The items rated on both an expectation stem and an experience stem, in order of first
/// appearance.
fn pairs_by_stem(pk: &Picker) -> Vec<Pair> {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    let expect = re(r"importan|expect|priorit|matter|기대");
    let experience = re(r"perform|experien|deliver|satisf|rating|compared|how well|인지|인식|성과");
    // item (lower-case) → (display, expectation columns, experience columns)
    let mut items: BTreeMap<String, Pair> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        if pk.used.contains(&i) || !matches!(kinds[i], Kind::Rating { .. }) {
            continue;
        }
        let Some((stem, item)) = split_item(p) else {
            continue;
        };
        let side = if expect.is_match(&stem) {
            0
        } else if experience.is_match(&stem) {
            1
        } else {
            continue;
        };
        let key = item.to_lowercase();
        let e = items.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (item.clone(), Vec::new(), Vec::new())
        });
        if side == 0 {
            e.1.push(i)
        } else {
            e.2.push(i)
        }
    }
    order
        .into_iter()
        .map(|k| items.remove(&k).expect("every ordered key is an item"))
        .filter(|(_, e, x)| !e.is_empty() && !x.is_empty())
        .collect()
}

/// The expectation and experience fields of one attribute, with their scale and value map.
fn push_pair(g: &mut Guess, pk: &mut Picker, name: &str, sides: [&Vec<usize>; 2]) {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    let base = unique(g, &slug(name));
    let mut names = Vec::new();
    for (ix, side) in sides.into_iter().zip(["expectation", "experience"]) {
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
            if let Kind::Rating { scale, labels } = &kinds[i] {
                lo = lo.min(scale.0);
                hi = hi.max(scale.1);
                if let Some(l) = labels {
                    f.value_map = Some(l.name);
                    if !g.value_maps.contains(l) {
                        g.value_maps.push(l);
                    }
                }
            }
        }
        f.scale = Some((lo, hi));
        names.push(f.name.clone());
        g.fields.push(f);
    }
    g.attributes
        .push((name.to_string(), names[0].clone(), names[1].clone()));
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

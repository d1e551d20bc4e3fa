//! From column profiles to a guessed config, in steps: ids and dates ([`keys`]), the journey
//! questions and the stage rules they suggest ([`journey`]), likelihood to recommend, attribute
//! pairs ([`attributes`]), multi-select services and channels, open text and segments
//! ([`multi`]).

mod attributes;
mod keys;
mod multi;
mod stages;

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::likert::LikertSet;
use super::profile::{Kind, Profile};
use crate::config::raw::RawCondition;

/// One guessed field.
#[derive(Debug, Clone, PartialEq)]
pub struct GField {
    pub name: String,
    pub headers: Vec<String>,
    /// `text`, `number`, `date` or `multi`.
    pub kind: &'static str,
    pub scale: Option<(f64, f64)>,
    pub value_map: Option<&'static str>,
    /// Answer → code, for the relationship and outcome questions.
    pub values: Vec<(String, String)>,
    /// Why this guess, written above the field.
    pub why: String,
}

/// One guessed exclusion or stage rule, its condition a value of the config's own type.
#[derive(Debug, Clone, PartialEq)]
pub struct GRule {
    pub name: String,
    pub stage_or_reason: String,
    pub when: RawCondition,
    pub why: String,
}

/// Everything `init` guessed.
#[derive(Debug, Default)]
pub struct Guess {
    pub fields: Vec<GField>,
    pub value_maps: Vec<&'static LikertSet>,
    /// (attribute name, expectation field, experience field, scale).
    pub attributes: Vec<(String, String, String)>,
    pub exclusions: Vec<GRule>,
    pub stages: Vec<GRule>,
    pub segments: Vec<String>,
    pub outcome: bool,
    /// (offered, known field, bought field).
    pub services: Option<(Vec<String>, String, Option<String>)>,
    /// (used field, channel names).
    pub channels: Option<(String, Vec<String>)>,
    /// The open-text field and its most frequent words.
    pub why: Option<(String, Vec<String>)>,
    /// What could not be guessed: the user must fill it in.
    pub missing: Vec<String>,
}

pub(super) fn re(s: &str) -> Regex {
    Regex::new(&format!("(?i){s}")).expect("built-in pattern compiles")
}

/// Work out the config from the column profiles.
pub fn guess(profiles: &[Profile]) -> Guess {
    let mut g = Guess::default();
    let kinds: Vec<Kind> = profiles.iter().map(Profile::kind).collect();
    let mut pk = Picker {
        profiles,
        kinds: &kinds,
        used: BTreeSet::new(),
    };
    keys::ids(&mut g, &mut pk);
    let last = keys::dates(&mut g, &mut pk);
    keys::exclusions(&mut g, &mut pk);
    stages::journey(&mut g, &mut pk, last);
    recommend(&mut g, &mut pk);
    attributes::attributes(&mut g, &mut pk);
    multi::multi_fields(&mut g, &mut pk);
    multi::open_text(&mut g, &mut pk);
    multi::segments(&mut g, &mut pk);
    g
}

/// Likelihood to recommend: the 0–10 column.
fn recommend(g: &mut Guess, pk: &mut Picker) {
    let recommend = pk.take(&|_, k| *k == Kind::Recommend);
    if recommend.is_empty() {
        g.missing.push("likelihood to recommend (0-10)".into());
    } else {
        let mut f = typed(
            "recommend",
            pk.headers(&recommend),
            "number",
            "0-10, for NPS",
        );
        f.scale = Some((0.0, 10.0));
        g.fields.push(f);
    }
}

/// Columns not yet given to a field.
pub(super) struct Picker<'a> {
    pub(super) profiles: &'a [Profile],
    pub(super) kinds: &'a [Kind],
    pub(super) used: BTreeSet<usize>,
}

impl Picker<'_> {
    /// The unused columns `pred` accepts, now used.
    pub(super) fn take(&mut self, pred: &dyn Fn(&Profile, &Kind) -> bool) -> Vec<usize> {
        let found: Vec<usize> = (0..self.profiles.len())
            .filter(|&i| !self.used.contains(&i) && pred(&self.profiles[i], &self.kinds[i]))
            .collect();
        self.used.extend(found.iter().copied());
        found
    }

    /// The headers of these columns.
    pub(super) fn headers(&self, ix: &[usize]) -> Vec<String> {
        ix.iter()
            .map(|&i| self.profiles[i].header.clone())
            .collect()
    }
}

pub(super) fn text_field(name: &str, headers: Vec<String>, why: &str) -> GField {
    typed(name, headers, "text", why)
}

pub(super) fn typed(name: &str, headers: Vec<String>, kind: &'static str, why: &str) -> GField {
    GField {
        name: name.into(),
        headers,
        kind,
        scale: None,
        value_map: None,
        values: Vec::new(),
        why: why.into(),
    }
}

/// Keys by falling count, then by name.
pub(super) fn by_count(m: BTreeMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

/// A field name from a header: lower-case ASCII words joined by `_` (a bare TOML key).
pub fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let s = words.join("_");
    if s.is_empty() {
        "field".into()
    } else {
        s
    }
}

pub(super) fn unique(g: &Guess, base: &str) -> String {
    let taken = |n: &str| g.fields.iter().any(|f| f.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base}_{i}"))
        .find(|n| !taken(n))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_bare_keys() {
        assert_eq!(slug("Company size"), "company_size");
        assert_eq!(slug("1. 키오스크는 정확하다"), "1");
        assert_eq!(slug("귀하의 성별"), "field");
    }
}

//! From column profiles to a guessed config, in steps: ids and dates ([`keys`]), the journey
//! questions and the stage rules they suggest ([`journey`]), likelihood to recommend, attribute
//! pairs ([`attributes`]), multi-select services and channels, open text and segments
//! ([`multi`]).

mod answers;
mod attributes;
mod firm;
mod keys;
mod multi;
mod sources;
mod stages;

pub use attributes::shape_words;
pub use sources::{source_matches, Source};

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::likert::LikertSet;
use super::profile::{Kind, Profile};
use crate::config::guesses::Level;
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
    /// Answers that are a number with its label, and the number.
    pub anchors: Vec<(String, f64)>,
    /// Answer → code, for the relationship and outcome questions.
    pub values: Vec<(String, String)>,
    /// Why this guess, written above the field.
    pub why: String,
    /// How sure the columns are (written as the field's `guess`).
    pub level: Level,
    /// Per answer of a journey column: how sure its code is, and why (uncoded answers too).
    pub value_levels: Vec<(String, Level, String)>,
}

/// One guessed exclusion or stage rule, its condition a value of the config's own type.
#[derive(Debug, Clone, PartialEq)]
pub struct GRule {
    pub name: String,
    pub stage_or_reason: String,
    pub when: RawCondition,
    pub why: String,
    pub level: Level,
}

/// Everything `init` guessed.
#[derive(Debug, Default)]
pub struct Guess {
    pub fields: Vec<GField>,
    pub value_maps: Vec<&'static LikertSet>,
    /// (attribute name, expectation field, experience field, scale).
    /// (name, expectation field — `None` when rated on experience only, experience field).
    pub attributes: Vec<(String, Option<String>, String)>,
    /// What the attribute guess decided that the user should know.
    pub attribute_notes: Vec<String>,
    pub exclusions: Vec<GRule>,
    pub stages: Vec<GRule>,
    /// The stage of every row when nothing in the folder points at one.
    pub default_stage: Option<&'static str>,
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
    /// How sure the segments, services and channels are.
    pub segments_level: Option<(Level, String)>,
    pub services_level: Option<(Level, String)>,
    pub channels_level: Option<(Level, String)>,
    /// Why the default stage is taken.
    pub default_why: String,
}

pub(super) fn re(s: &str) -> Regex {
    Regex::new(&format!("(?i){s}")).expect("built-in pattern compiles")
}

/// Work out the config from the column profiles.
pub fn guess(profiles: &[Profile], sources: &[Source]) -> Guess {
    let mut g = Guess::default();
    let kinds: Vec<Kind> = profiles.iter().map(Profile::kind).collect();
    let mut pk = Picker {
        profiles,
        kinds: &kinds,
        used: BTreeSet::new(),
        names: firm::firm_names(profiles),
    };
    keys::ids(&mut g, &mut pk);
    let last = keys::dates(&mut g, &mut pk);
    keys::exclusions(&mut g, &mut pk);
    stages::journey(&mut g, &mut pk, last, sources);
    recommend(&mut g, &mut pk);
    attributes::attributes(&mut g, &mut pk);
    multi::multi_fields(&mut g, &mut pk);
    multi::open_text(&mut g, &mut pk);
    multi::segments(&mut g, &mut pk);
    g
}

/// Likelihood to recommend: the 0–10 column.
fn recommend(g: &mut Guess, pk: &mut Picker) {
    // Recommending the survey itself is no NPS question.
    // Nor is recommending something other than the firm (a webinar, an app, a newsletter):
    // the firm, "us", its name or no object are the firm's NPS.
    let w = crate::lexicon::words();
    let other: Vec<String> = pk
        .profiles
        .iter()
        .zip(pk.kinds)
        .filter(|(_, k)| **k == Kind::Recommend)
        .filter_map(|(p, _)| w.other_object.find(&p.header))
        .map(|m| format!("\"{}\"", m.as_str()))
        .collect();
    let recommend = pk.take(&|p, k| {
        *k == Kind::Recommend
            && !w.about_survey.is_match(&p.header)
            && !w.other_object.is_match(&p.header)
    });
    if recommend.is_empty() {
        let about = if other.is_empty() {
            String::new()
        } else {
            format!(
                " (a 0-10 recommend question asks of {}, not the firm)",
                other.join(", ")
            )
        };
        g.missing
            .push(format!("likelihood to recommend (0-10){about}"));
    } else {
        let mut f = typed(
            "recommend",
            pk.headers(&recommend),
            "number",
            "0-10, for NPS",
        );
        f.scale = Some((0.0, 10.0));
        // Two 0–10 recommend questions in one table: which one is about the firm is for the
        // user to say.
        let mut per_table: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &recommend {
            for t in &pk.profiles[i].tables {
                *per_table.entry(t.as_str()).or_default() += 1;
            }
        }
        let shared = per_table.iter().find(|(_, n)| **n > 1).map(|(t, _)| *t);
        (f.level, f.why) = match shared {
            Some(t) => (
                Level::Unsure,
                format!("0-10, for NPS: {t} has {} recommend questions; the first found is read — which one is about the firm?", per_table[t]),
            ),
            None => (
                Level::Sure,
                "0-10, for NPS: the header says recommend and the answers run 0-10".into(),
            ),
        };
        for &i in &recommend {
            for (a, x) in &pk.profiles[i].anchors {
                if !f.anchors.iter().any(|(b, _)| b == a) {
                    f.anchors.push((a.clone(), *x));
                }
            }
        }
        g.fields.push(f);
    }
}

/// Columns not yet given to a field.
pub(super) struct Picker<'a> {
    pub(super) profiles: &'a [Profile],
    pub(super) kinds: &'a [Kind],
    pub(super) used: BTreeSet<usize>,
    /// The firm's name as the folder's headers and answers spell it (see
    /// [`firm::firm_names`]).
    pub(super) names: crate::lexicon::meaning::Names,
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

/// A guessed rule, `likely` until its maker says otherwise.
pub(super) fn rule(name: &str, stage: &str, when: RawCondition, why: &str) -> GRule {
    GRule {
        name: name.into(),
        stage_or_reason: stage.into(),
        when,
        why: why.into(),
        level: Level::Likely,
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
        anchors: Vec::new(),
        values: Vec::new(),
        why: why.into(),
        level: Level::Likely,
        value_levels: Vec::new(),
    }
}

/// Keys by falling count, then by name.
pub(super) fn by_count(m: BTreeMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

/// Words a field name leaves out: articles, pronouns, question words.
const STOPWORDS: [&str; 64] = [
    "the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "with", "your", "you", "our",
    "we", "is", "are", "how", "what", "which", "do", "did", "does", "please", "this", "that", "it",
    "be", "by", "at", "from", "as", "would", "have", "has", "were", "was", "der", "die", "das",
    "und", "oder", "fur", "mit", "ihr", "ihre", "wie", "was", "de", "la", "le", "les", "des", "et",
    "ou", "pour", "avec", "votre", "el", "los", "las", "y", "para", "su",
];

/// A letter without its accent, for a bare TOML key (`ä` → `a`, `ß` → `ss`, `ł` → `l`).
fn plain(c: char) -> Option<&'static str> {
    const MAP: [(&str, &str); 14] = [
        ("àáâãäåąā", "a"),
        ("çćč", "c"),
        ("èéêëęē", "e"),
        ("ìíîïī", "i"),
        ("ł", "l"),
        ("ñń", "n"),
        ("òóôõöøō", "o"),
        ("śšş", "s"),
        ("ùúûüū", "u"),
        ("ýÿ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
    ];
    let lower = c.to_lowercase().next().unwrap_or(c);
    MAP.iter()
        .find(|(from, _)| from.contains(lower))
        .map(|(_, to)| *to)
}

/// A field name from a header: its key words, lower-case ASCII joined by `_` (a bare TOML
/// key), at most `max` characters.
pub fn slug_max(s: &str, max: usize) -> String {
    let ascii: String = s
        .chars()
        .map(|c| match plain(c) {
            Some(p) => p.to_string(),
            None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            None => " ".to_string(),
        })
        .collect();
    let all: Vec<&str> = ascii.split_whitespace().collect();
    let key: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| !STOPWORDS.contains(w))
        .collect();
    let words = if key.is_empty() { all } else { key };
    let mut out = String::new();
    for w in words {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + w.len() > max {
            if out.is_empty() {
                out = w.chars().take(max).collect();
            }
            break;
        }
        if sep == 1 {
            out.push('_');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        "field".into()
    } else {
        out
    }
}

/// A field name from a header, at most 32 characters.
pub fn slug(s: &str) -> String {
    slug_max(s, 32)
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
        assert_eq!(slug("Größe des Unternehmens"), "grosse_unternehmens");
        assert_eq!(
            slug("Which of the following best describes the industry your organisation works in?"),
            "following_best_describes"
        );
        assert!(slug(&"word ".repeat(40)).len() <= 32);
    }
}

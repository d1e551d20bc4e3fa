//! Each language's parts of meaning compiled: their patterns (compared without accents) and,
//! where the language has a Snowball stemmer, the stems of the words they spell out in full.

use std::sync::LazyLock;

use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};

use crate::lexicon::{without_accents, Lexicon, Words, LANGUAGES};

/// A part of meaning compiled: its pattern, and for a language with a Snowball stemmer the
/// stems of the plain words and phrases the pattern spells out in full ("return" finds
/// "returned", "clientes" finds "cliente"), matched as whole words of an answer's stems.
pub(super) struct Part {
    pub(super) re: Regex,
    stems: Vec<Vec<String>>,
}

/// One language's parts, compiled, with its stemmer.
pub(super) struct Parts {
    pub(super) relation: Part,
    pub(super) client: Part,
    pub(super) now: Part,
    pub(super) before: Part,
    pub(super) ended: Part,
    pub(super) negation: Part,
    pub(super) other: Part,
    pub(super) again: Part,
    pub(super) potential: Part,
    pub(super) chose: Part,
    pub(super) postponed: Part,
    pub(super) deciding: Part,
    pub(super) firm: Part,
    pub(super) ours: Part,
    pub(super) change: Part,
    pub(super) acquainted: Part,
    /// Where a clause ends: punctuation or a clause word.
    pub(super) clause: Regex,
    pub(super) stemmer: Option<Stemmer>,
}

fn compile(w: Words) -> Regex {
    // An empty list matches nothing. Patterns and answers are compared without accents
    // ("ja nao trabalhamos" is "já não trabalhamos"), as typed answers often drop them.
    let alt = if w.is_empty() {
        r"[^\s\S]".to_string()
    } else {
        without_accents(&w.join("|"))
    };
    Regex::new(&format!("(?i){alt}")).expect("built-in lexicon compiles")
}

/// The language's Snowball stemmer, where there is one.
fn stemmer(code: &str) -> Option<Stemmer> {
    let algorithm = match code {
        "en" => Algorithm::English,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "pt" => Algorithm::Portuguese,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Words (and stems) shorter than this are compared as written, never by stem: a short stem
/// is too often another word's ("use" is the stem of "useful", "nov" of "novamente" and
/// "novo").
const STEM_MIN: usize = 5;

/// A text's words, folded (lower case, no accents), each stemmed.
pub(super) fn stem_words(stemmer: &Stemmer, text: &str) -> Vec<String> {
    without_accents(&text.to_lowercase())
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(w).into_owned())
        .collect()
}

/// The stems of the words and phrases a pattern spells out in full: a finite set of exact
/// strings (alternatives, an optional plural), each word and stem at least [`STEM_MIN`]
/// letters. A
/// pattern that ends in a stem of its own (`advis\w*`) already finds every ending.
fn stems_of(stemmer: &Stemmer, w: Words) -> Vec<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut out: Vec<Vec<String>> = Vec::new();
    for pat in w {
        let Ok(hir) = regex_syntax::parse(&pat.to_lowercase()) else {
            continue;
        };
        let mut ex = Extractor::new();
        ex.kind(ExtractKind::Prefix)
            .limit_class(4)
            .limit_repeat(4)
            .limit_total(500);
        let seq = ex.extract(&hir);
        for lit in seq.literals().unwrap_or(&[]) {
            if !lit.is_exact() {
                continue;
            }
            let Ok(text) = std::str::from_utf8(lit.as_bytes()) else {
                continue;
            };
            let words: Vec<&str> = text.split_whitespace().collect();
            let plain = |w: &&str| w.chars().all(|c| c.is_alphabetic() || c == '\'');
            if words.is_empty()
                || !words.iter().all(plain)
                || words.iter().any(|w| w.chars().count() < STEM_MIN)
            {
                continue;
            }
            let stems = stem_words(stemmer, text);
            if stems.iter().any(|s| s.chars().count() < STEM_MIN) {
                // "novamente" → "nov", the stem of "novo" (new) too.
                continue;
            }
            if !out.contains(&stems) {
                out.push(stems);
            }
        }
    }
    out
}

impl Part {
    fn of(w: Words, stemmer: Option<&Stemmer>) -> Part {
        Part {
            re: compile(w),
            stems: stemmer.map(|s| stems_of(s, w)).unwrap_or_default(),
        }
    }
    /// Whether a clause holds the part: its pattern, or one of its stems among the clause's.
    pub(super) fn in_clause(&self, text: &str, stems: &[String]) -> bool {
        self.re.is_match(text)
            || self.stems.iter().any(|phrase| {
                stems
                    .windows(phrase.len())
                    .any(|window| window == phrase.as_slice())
            })
    }
}

impl Parts {
    fn of(l: &Lexicon) -> Parts {
        let m = &l.meaning;
        let stemmer = stemmer(l.code);
        let s = stemmer.as_ref();
        // Only the parts that say who and what (a relationship, a party, a return) are
        // matched by stem: a stem drops the tense ("worked" → "work", "decidimos" and
        // "decidir" → "decid") that the parts of time and of a choice are there for.
        let plain = |w| Part::of(w, None);
        let clause = if m.clause.is_empty() {
            r"[.,;:!?()\[\]\n]".to_string()
        } else {
            format!(r"[.,;:!?()\[\]\n]|{}", without_accents(&m.clause.join("|")))
        };
        Parts {
            relation: Part::of(m.relation, s),
            client: Part::of(m.client, s),
            now: plain(m.now),
            before: plain(m.before),
            ended: plain(m.ended),
            negation: plain(m.negation),
            other: Part::of(m.other, s),
            again: Part::of(m.again, s),
            potential: Part::of(m.potential, s),
            chose: plain(m.chose),
            postponed: plain(m.postponed),
            deciding: plain(m.deciding),
            firm: plain(m.firm),
            ours: plain(m.ours),
            change: plain(m.change),
            acquainted: plain(m.acquainted),
            clause: Regex::new(&format!("(?i){clause}")).expect("built-in lexicon compiles"),
            stemmer,
        }
    }
}

impl Parts {
    /// Every part of meaning (not the clause ends).
    pub(super) fn each(&self) -> impl Iterator<Item = &Part> {
        [
            &self.relation,
            &self.client,
            &self.now,
            &self.before,
            &self.ended,
            &self.negation,
            &self.other,
            &self.again,
            &self.potential,
            &self.chose,
            &self.postponed,
            &self.deciding,
            &self.firm,
            &self.ours,
            &self.change,
            &self.acquainted,
        ]
        .into_iter()
    }
}

pub(super) static PARTS: LazyLock<Vec<Parts>> =
    LazyLock::new(|| LANGUAGES.iter().map(|l| Parts::of(l)).collect());

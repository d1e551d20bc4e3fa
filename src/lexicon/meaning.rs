//! What a relationship answer means, read from its parts rather than matched as one phrase:
//! whether it speaks of a relationship with the firm at all, and when (now, before, ended), with
//! a negation, another party or a return. "Halvorsen handled our matters in earlier years; we
//! now use another firm" holds a present "now use", but its past and its other firm make it a
//! former client, not a client.
//!
//! Each language's parts are compiled on their own (a word of one language is no word of
//! another: Polish "now…" is "new", English "now" is not), and an answer is read in the language
//! whose parts it holds most of.

use std::sync::LazyLock;

use regex::Regex;

use super::{Lexicon, Words, LANGUAGES};

/// The parts of meaning of a relationship answer, in one language (patterns; stems as word
/// beginnings where the language has spaces).
#[derive(Debug)]
pub struct Meaning {
    /// A relationship with the firm: client, customer, worked with, engaged, instructed,
    /// project, mandate, adviser…
    pub relation: Words,
    /// The word for a client itself (client, customer): with no time said, a client now.
    pub client: Words,
    /// Now: currently, at present, today, still, ongoing, in progress.
    pub now: Words,
    /// Before: used to, previously, in the past, earlier, were, had.
    pub before: Words,
    /// It ended: no longer, not any more, stopped, left, switched, never again.
    pub ended: Words,
    /// Negation: not, never, not yet, no.
    pub negation: Words,
    /// Another party: another firm, a competitor, someone else, in-house.
    pub other: Words,
    /// A return: again, come back, return.
    pub again: Words,
    /// Potential: potential, prospective, future, would-be.
    pub potential: Words,
}

/// One language's parts, compiled.
struct Parts {
    relation: Regex,
    client: Regex,
    now: Regex,
    before: Regex,
    ended: Regex,
    negation: Regex,
    other: Regex,
    again: Regex,
    potential: Regex,
}

fn compile(w: Words) -> Regex {
    // An empty list matches nothing. Patterns and answers are compared without accents
    // ("ja nao trabalhamos" is "já não trabalhamos"), as typed answers often drop them.
    let alt = if w.is_empty() {
        r"[^\s\S]".to_string()
    } else {
        super::without_accents(&w.join("|"))
    };
    Regex::new(&format!("(?i){alt}")).expect("built-in lexicon compiles")
}

impl Parts {
    fn of(l: &Lexicon) -> Parts {
        let m = &l.meaning;
        Parts {
            relation: compile(m.relation),
            client: compile(m.client),
            now: compile(m.now),
            before: compile(m.before),
            ended: compile(m.ended),
            negation: compile(m.negation),
            other: compile(m.other),
            again: compile(m.again),
            potential: compile(m.potential),
        }
    }
}

static PARTS: LazyLock<Vec<Parts>> =
    LazyLock::new(|| LANGUAGES.iter().map(|l| Parts::of(l)).collect());

/// What an answer says of the relationship, and the parts that say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// A relationship code: `former`, `betweener`, `prospect`, `client` or `past`.
    pub code: &'static str,
    /// The parts found, in words ("past", "another party", …), for the evidence.
    pub parts: Vec<&'static str>,
}

/// The parts of one language a text holds.
#[derive(Default)]
struct Found {
    relation: bool,
    client: bool,
    now: bool,
    before: bool,
    ended: bool,
    negation: bool,
    other: bool,
    again: bool,
    potential: bool,
}

impl Found {
    fn in_text(p: &Parts, text: &str) -> Found {
        // A return is read where nothing says it ended ("never again" is no "again").
        let open = p.ended.replace_all(text, " ");
        Found {
            relation: p.relation.is_match(text),
            client: p.client.is_match(text),
            now: p.now.is_match(text),
            before: p.before.is_match(text),
            ended: p.ended.is_match(text),
            negation: p.negation.is_match(text),
            other: p.other.is_match(text),
            again: p.again.is_match(&open),
            potential: p.potential.is_match(text),
        }
    }
    fn count(&self) -> usize {
        [
            self.relation,
            self.now,
            self.before,
            self.ended,
            self.negation,
            self.other,
            self.again,
            self.potential,
        ]
        .iter()
        .filter(|&&b| b)
        .count()
    }
    fn names(&self) -> Vec<&'static str> {
        [
            (self.relation, "a relationship"),
            (self.now, "now"),
            (self.before, "before"),
            (self.ended, "ended"),
            (self.negation, "a negation"),
            (self.other, "another party"),
            (self.again, "a return"),
            (self.potential, "potential"),
        ]
        .iter()
        .filter(|(b, _)| *b)
        .map(|(_, n)| *n)
        .collect()
    }
    /// The code the parts combine to; `None` when they say no relationship, or contradict.
    fn code(&self) -> Option<&'static str> {
        if !self.relation && !self.other {
            return None;
        }
        let past = self.before || self.ended;
        if past && self.again {
            // Worked with the firm (or stopped) and would again.
            Some("betweener")
        } else if self.ended || (self.before && self.other) {
            // It ended, or it was before and now it is another firm.
            Some("former")
        } else if self.negation && self.now && self.again {
            // Not at present, but would again.
            Some("betweener")
        } else if self.negation || self.potential {
            // Never, not yet, not a client: a prospect; not when another party is all it says
            // ("we do not use another firm" says nothing of this one).
            (self.relation).then_some("prospect")
        } else if self.before {
            Some("past")
        } else if self.again {
            // A return with no past said ("we were clients" in a tense the parts lack): a
            // return needs a past, so the parts contradict: not a reading.
            None
        } else if self.other || !(self.now || self.client) {
            // Another firm now and no word of this one, or a project with no time and no
            // client ("we postponed the project"): not a reading.
            None
        } else {
            Some("client")
        }
    }
}

/// The reading of a relationship answer in the language whose parts it holds most of (ties:
/// the first in [`LANGUAGES`]); `None` when no language reads a relationship in it.
pub fn read(text: &str) -> Option<Reading> {
    let text = super::without_accents(text);
    let best = PARTS
        .iter()
        .map(|p| Found::in_text(p, &text))
        .filter(|f| f.relation || f.other)
        .enumerate()
        .max_by_key(|(i, f)| (f.count(), std::cmp::Reverse(*i)))?
        .1;
    Some(Reading {
        code: best.code()?,
        parts: best.names(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(t: &str) -> Option<&'static str> {
        read(t).map(|r| r.code)
    }

    /// Wordings no phrase of the lexicon holds, read from their parts, in several languages.
    #[test]
    fn reads_tense_negation_and_the_other_party() {
        assert_eq!(
            code("We are a client with an engagement under way"),
            Some("client")
        );
        assert_eq!(
            code("The firm advised us previously, but these days we rely on a competitor"),
            Some("former")
        );
        assert_eq!(
            code("We engaged them years ago and plan to come back"),
            Some("betweener")
        );
        assert_eq!(code("We have never engaged this firm"), Some("prospect"));
        assert_eq!(code("We worked with them in earlier years"), Some("past"));
        assert_eq!(code("We will never again use this firm"), Some("former"));
        assert_eq!(
            code("Nous étions clients, mais nous travaillons désormais avec un autre cabinet"),
            Some("former")
        );
        assert_eq!(code("Somos clientes actualmente"), Some("client"));
        assert_eq!(code("Wir sind bisher kein Mandant"), Some("prospect"));
        assert_eq!(
            code("Byliśmy klientem i chętnie wrócimy"),
            Some("betweener")
        );
        // A return with no past in words the parts know: not read (never "client").
        assert_eq!(code("Clients, and we will return to them"), None);
        // Another firm and nothing of this one: not read.
        assert_eq!(code("We use another firm"), None);
        // A project, with no time and no client: no relationship said.
        assert_eq!(code("We postponed the project"), None);
        // No relationship at all.
        assert_eq!(code("Less than a year"), None);
        // Typed without its accents, read as with them.
        assert_eq!(code("Ja nao trabalhamos com voces"), Some("former"));
        assert_eq!(
            code("Nous etions clients, plus maintenant"),
            code("Nous étions clients, plus maintenant")
        );
        assert_eq!(code("Wir arbeiten nicht mehr zusammen"), Some("former"));
        assert_eq!(code("현재 거래 중인 고객입니다"), Some("client"));
    }
}

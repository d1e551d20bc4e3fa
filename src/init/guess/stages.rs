//! The journey questions: the relationship with the firm, the outcome of a buyer's search,
//! whether a past client would return; their answers coded, and the stage rules the codes allow.

use std::collections::BTreeMap;

use super::{re, text_field, typed, GRule, Guess, Picker};
use crate::config::raw::RawCondition;
use crate::init::cond;
use crate::init::profile::{Kind, Profile};

/// A code for an answer, by the first pattern that matches it.
pub(super) fn code(answer: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    table
        .iter()
        .find(|(p, _)| re(p).is_match(answer))
        .map(|(_, c)| *c)
}

pub(super) const RELATIONSHIP_CODES: [(&str, &str); 3] = [
    (r"never|not yet|considering|prospect|potential", "prospect"),
    (
        r"past|former|previous|used to|have worked|no longer",
        "past",
    ),
    (r"current|working with|active|existing|ongoing", "client"),
];

pub(super) const OUTCOME_CODES: [(&str, &str); 4] = [
    (
        r"another (firm|advisor|provider|company)|someone else|competitor|shortlist|\blost\b|went with|did not choose|didn't choose",
        "got-away",
    ),
    (r"on hold|postpone|not now|paused|shelved|cancel", "not-now"),
    (
        r"still deciding|undecided|evaluating|not decided|\bopen\b",
        "open",
    ),
    (
        r"hired|appointed|engaged|selected|signed|chose (you|us)|\bwon\b",
        "hired",
    ),
];

/// The relationship, outcome, would-return and last-engagement fields, and the stage rules.
pub(super) fn journey(g: &mut Guess, pk: &mut Picker, last: Vec<usize>) {
    let relationship = pk.take(&|p, k| {
        *k == Kind::Category
            && (re(r"relationship").is_match(&p.header)
                || share_coded(p, &RELATIONSHIP_CODES) >= 0.5)
    });
    let outcome = pk.take(&|p, k| {
        *k == Kind::Category
            && (re(r"outcome|result").is_match(&p.header) && share_coded(p, &OUTCOME_CODES) >= 0.3
                || share_coded(p, &OUTCOME_CODES) >= 0.6)
    });
    let returns = pk.take(&|p, k| {
        let yes_no = *k == Kind::YesNo
            || *k == Kind::Category && p.answers.keys().any(|a| a.eq_ignore_ascii_case("no"));
        yes_no && re(r"again|return|rehire|come back").is_match(&p.header)
    });
    let rel_codes = coded(pk.profiles, &relationship, &RELATIONSHIP_CODES);
    let out_codes = coded(pk.profiles, &outcome, &OUTCOME_CODES);
    if !relationship.is_empty() {
        let mut f = text_field(
            "relationship",
            pk.headers(&relationship),
            "relationship with the firm",
        );
        f.values = rel_codes.clone();
        g.fields.push(f);
    }
    if !outcome.is_empty() {
        let mut f = text_field(
            "outcome",
            pk.headers(&outcome),
            "outcome of the buyer's search",
        );
        f.values = out_codes.clone();
        g.fields.push(f);
        g.outcome = true;
    }
    if !last.is_empty() {
        g.fields.push(typed(
            "last_project",
            pk.headers(&last),
            "date",
            "end of the last engagement",
        ));
    }
    if !returns.is_empty() {
        g.fields.push(text_field(
            "would_return",
            pk.headers(&returns),
            "would hire the firm again",
        ));
    }
    g.stages = outcome_rules(&out_codes);
    g.stages.extend(relationship_rules(
        &rel_codes,
        !returns.is_empty(),
        !last.is_empty(),
    ));
    if g.stages.is_empty() {
        g.missing
            .push("the relationship or outcome question: write [[stages.rules]] by hand".into());
    }
}

/// Share of a column's distinct answers that one of the patterns codes.
pub(super) fn share_coded(p: &Profile, table: &[(&str, &'static str)]) -> f64 {
    if p.answers.is_empty() {
        return 0.0;
    }
    let n = p
        .answers
        .keys()
        .filter(|a| code(a, table).is_some())
        .count();
    n as f64 / p.answers.len() as f64
}

/// Answer → code for every answer of the columns that a pattern codes.
fn coded(
    profiles: &[Profile],
    ix: &[usize],
    table: &[(&str, &'static str)],
) -> Vec<(String, String)> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for &i in ix {
        for a in profiles[i].answers.keys() {
            if let Some(c) = code(a, table) {
                out.insert(a.clone(), c.to_string());
            }
        }
    }
    out.into_iter().collect()
}

fn has(v: &[(String, String)], c: &str) -> bool {
    v.iter().any(|(_, x)| x == c)
}

fn rule(name: &str, stage: &str, when: RawCondition, why: &str) -> GRule {
    GRule {
        name: name.into(),
        stage_or_reason: stage.into(),
        when,
        why: why.into(),
    }
}

/// The rules the outcome codes found allow: got-aways, prospects still buying, hires.
fn outcome_rules(out: &[(String, String)]) -> Vec<GRule> {
    let mut rules = Vec::new();
    if has(out, "got-away") {
        rules.push(rule(
            "lost the pitch",
            "got-away",
            cond::equals("outcome", "got-away"),
            "chose another firm",
        ));
    }
    let waiting: Vec<&str> = ["not-now", "open"]
        .into_iter()
        .filter(|c| has(out, c))
        .collect();
    if !waiting.is_empty() {
        rules.push(rule(
            "still buying",
            "prospect",
            cond::one_of("outcome", &waiting),
            "on hold or still deciding",
        ));
    }
    if has(out, "hired") {
        rules.push(rule(
            "hired us",
            "client",
            cond::equals("outcome", "hired"),
            "hired the firm",
        ));
    }
    rules
}

/// The rules the relationship codes found allow, after the outcome's: prospects, clients, and
/// past clients as former (would not return, or gone over 24 months) or betweeners.
fn relationship_rules(rel: &[(String, String)], returns: bool, last: bool) -> Vec<GRule> {
    let mut rules = Vec::new();
    if has(rel, "prospect") {
        rules.push(rule(
            "not yet a client",
            "prospect",
            cond::equals("relationship", "prospect"),
            "never worked with the firm",
        ));
    }
    if has(rel, "client") {
        rules.push(rule(
            "current client",
            "client",
            cond::equals("relationship", "client"),
            "working with the firm now",
        ));
    }
    if has(rel, "past") {
        let mut gone = Vec::new();
        if returns {
            gone.push(cond::equals("would_return", "No"));
        }
        if last {
            gone.push(cond::older_than_months("last_project", 24));
        }
        if !gone.is_empty() {
            let when = cond::all(vec![cond::equals("relationship", "past"), cond::any(gone)]);
            rules.push(rule("gone for good", "former", when, "past client who would not return, or whose last engagement ended over 24 months ago"));
        }
        rules.push(rule(
            "between engagements",
            "betweener",
            cond::equals("relationship", "past"),
            "past client who might return",
        ));
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_relationship_and_outcome_answers() {
        let c = |a: &str| code(a, &RELATIONSHIP_CODES);
        assert_eq!(c("We are currently working with Northwind"), Some("client"));
        assert_eq!(c("We have worked with Northwind in the past"), Some("past"));
        assert_eq!(c("Past client"), Some("past"));
        assert_eq!(c("We have never worked with them"), Some("prospect"));
        assert_eq!(c("Other (supplier, partner, press)"), None);
        let o = |a: &str| code(a, &OUTCOME_CODES);
        assert_eq!(o("We chose another firm"), Some("got-away"));
        assert_eq!(o("Northwind was not on our shortlist"), Some("got-away"));
        assert_eq!(o("We have put the project on hold"), Some("not-now"));
        assert_eq!(o("We are still deciding"), Some("open"));
        assert_eq!(o("We hired Northwind Advisory"), Some("hired"));
    }
}

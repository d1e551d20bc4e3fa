//! The journey questions: the relationship with the firm, the outcome of a buyer's search,
//! whether a past client would return; their answers coded, and the stage rules the codes allow.

use std::collections::BTreeMap;

use super::answers::{answer_levels, family, Reader};
use super::sources::{source_matches, source_rules, Source};
use super::{rule, text_field, typed, GRule, Guess, Level, Picker};
use crate::init::cond;
use crate::init::profile::{Kind, Profile};
use crate::lexicon::meaning::Names;
use crate::lexicon::{self, words};

/// Share of a column's answers (weighted by how often each is given) that `f` codes.
fn share_by(p: &Profile, f: &dyn Fn(&str) -> Option<&'static str>) -> f64 {
    let total: usize = p.answers.values().sum();
    if total == 0 {
        return 0.0;
    }
    let n: usize = p
        .answers
        .iter()
        .filter(|(a, _)| f(a).is_some())
        .map(|(_, n)| n)
        .sum();
    n as f64 / total as f64
}

/// The distinct codes `f` gives a column's answers.
fn codes_by(p: &Profile, f: &dyn Fn(&str) -> Option<&'static str>) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = p.answers.keys().filter_map(|a| f(a)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The columns that can place rows: a stage-name column, the relationship and outcome
/// questions, and whether a past client would return.
struct JourneyColumns {
    stage: Vec<usize>,
    relationship: Vec<usize>,
    outcome: Vec<usize>,
    returns: Vec<usize>,
}

/// What codes an answer: a lexicon lookup (which may know the firm's name).
type Coder<'a> = dyn Fn(&str) -> Option<&'static str> + 'a;

/// The relationship code of an answer, knowing the firm's name.
fn rel(names: &Names) -> impl Fn(&str) -> Option<&'static str> + '_ {
    move |a| lexicon::relationship_code_with(a, names)
}

/// The outcome code of an answer, knowing the firm's name.
fn out(names: &Names) -> impl Fn(&str) -> Option<&'static str> + '_ {
    move |a| lexicon::outcome_code_with(a, names)
}

/// Take the journey columns: categories, not metadata, not a "why" question whose reasons use
/// the same words, with few answers, most of them coded.
fn journey_columns(pk: &mut Picker, names: &Names) -> JourneyColumns {
    let w = words();
    let (rel, out) = (rel(names), out(names));
    let not_meta = |p: &Profile| {
        !w.metadata.is_match(&p.header) && !w.reason.is_match(&p.header) && p.distinct() <= 20
    };
    let stage_header = &w.stage_header;
    let stage = pk.take(&|p, k| {
        let codes = codes_by(p, &lexicon::stage_answer);
        *k == Kind::Category
            && not_meta(p)
            && share_by(p, &lexicon::stage_answer) >= 0.8
            && (codes.len() >= 2 || !codes.is_empty() && stage_header.is_match(&p.header))
    });
    let by_phrase =
        |p: &Profile, header: &regex::Regex, f: &dyn Fn(&str) -> Option<&'static str>| {
            // A header that names the firm ("Where are you with Okoro Reed?") asks of it: a
            // third of its answers read, two stages among them, are enough, as where the
            // header's words say what it asks.
            if !not_meta(p) {
                return false;
            }
            let share = share_by(p, f);
            let two = codes_by(p, f).len() >= 2;
            let of_firm = names.in_header(&p.header) && two;
            (header.is_match(&p.header) || of_firm) && share >= 0.3 || share >= 0.6 && two
        };
    // A column read as outcomes more than as relationships is the outcome question, unless
    // its header asks of the relationship ("Wie ist Ihre letzte Anfrage … ausgegangen?":
    // "wir haben Kessler beauftragt" is a present relationship too).
    let outcome_more = |p: &Profile| {
        !w.relationship_header.is_match(&p.header) && share_by(p, &out) > share_by(p, &rel)
    };
    let relationship = pk.take(&|p, k| {
        *k == Kind::Category && by_phrase(p, &w.relationship_header, &rel) && !outcome_more(p)
    });
    let outcome = pk.take(&|p, k| *k == Kind::Category && by_phrase(p, &w.outcome_header, &out));
    let return_header = &w.would_return;
    let returns = pk.take(&|p, k| {
        let yes_no = *k == Kind::YesNo
            || *k == Kind::Category && p.answers.keys().any(|a| a.eq_ignore_ascii_case("no"));
        yes_no && return_header.is_match(&p.header)
    });
    JourneyColumns {
        stage,
        relationship,
        outcome,
        returns,
    }
}

/// The journey questions and the stage rules they allow, then the rules on the source (file
/// and sheet names, questions only one stage is asked), then the default.
pub(super) fn journey(g: &mut Guess, pk: &mut Picker, last: Vec<usize>, sources: &[Source]) {
    // The firm's name, apart from the picker that takes the columns.
    let names = pk.names.clone();
    let cols = journey_columns(pk, &names);
    let (rel, out) = (rel(&names), out(&names));
    let stage_codes = coded(pk.profiles, &cols.stage, &lexicon::stage_answer);
    let rel_codes = coded(pk.profiles, &cols.relationship, &rel);
    let out_codes = coded(pk.profiles, &cols.outcome, &out);
    journey_fields(g, pk, &cols, [&stage_codes, &rel_codes, &out_codes], &last);
    // Tables whose rows the columns can place.
    let evidence: Vec<usize> = [&cols.stage, &cols.relationship, &cols.outcome]
        .into_iter()
        .flatten()
        .copied()
        .collect();
    let covered = |label: &str| {
        evidence
            .iter()
            .any(|&i| pk.profiles[i].tables.contains(label))
    };
    // The stage families the columns' answers say, over the columns a table holds.
    let said = |label: &str| -> Vec<&'static str> {
        let mut v: Vec<&'static str> = Vec::new();
        let coders: [(&[usize], &Coder); 3] = [
            (&cols.stage, &lexicon::stage_answer),
            (&cols.relationship, &rel),
            (&cols.outcome, &out),
        ];
        for (ix, code) in coders {
            for &i in ix
                .iter()
                .filter(|&&i| pk.profiles[i].tables.contains(label))
            {
                if let Some(answers) = pk.profiles[i].by_table.get(label) {
                    v.extend(answers.keys().filter_map(|a| code(a)).map(family));
                }
            }
        }
        v.sort_unstable();
        v.dedup();
        v
    };
    let (strong, weak) = source_rules(pk.profiles, sources, &said);
    g.stages = strong;
    // A rule from a code that names its stage is as sure as the code (each answer's code has
    // its own guess); splitting past clients into former and betweener is a convention.
    let mut from_codes = stage_rules(&stage_codes);
    from_codes.extend(outcome_rules(&out_codes));
    from_codes.extend(relationship_rules(
        &rel_codes,
        !cols.returns.is_empty(),
        !last.is_empty(),
    ));
    // A past client with no would-return question is a betweener only by that convention: a
    // fallback, unsure.
    for r in &mut from_codes {
        r.level = match r.name.as_str() {
            "gone for good" => Level::Likely,
            "between engagements" if !cols.returns.is_empty() => Level::Likely,
            "between engagements" => {
                r.why = format!("{}: nothing says whether they would (no would-return question), so a past client is taken as a betweener", r.why);
                Level::Unsure
            }
            _ => Level::Sure,
        };
    }
    g.stages.extend(from_codes);
    g.stages.extend(weak);
    candidates(g, pk, sources, &covered, &names);
    default_or_unplaced(g, sources, &covered);
}

/// In tables nothing places surely (no journey column, no `sure` rule on the name), a column
/// that may say the stage in the firm's own words: a category of 2–8 answers of a few words
/// each, not a firmographic, not metadata. Written as a field whose every answer is an open
/// question (no code: the user says which stage each is).
fn candidates(
    g: &mut Guess,
    pk: &mut Picker,
    sources: &[Source],
    covered: &dyn Fn(&str) -> bool,
    names: &Names,
) {
    let (rel, out) = (rel(names), out(names));
    let placed_by_rule = |label: &str| {
        g.stages.iter().filter(|r| r.level == Level::Sure).any(|r| {
            r.when.source.as_ref().is_some_and(|glob| {
                sources
                    .iter()
                    .any(|s| s.label == label && source_matches(glob, s))
            })
        })
    };
    let open: Vec<String> = sources
        .iter()
        .filter(|s| !covered(&s.label) && !placed_by_rule(&s.label))
        .map(|s| s.label.clone())
        .collect();
    if open.is_empty() {
        return;
    }
    let w = words();
    let found = pk.take(&|p, k| {
        let words_per_answer = p
            .answers
            .keys()
            .map(|a| a.split_whitespace().count())
            .sum::<usize>() as f64
            / p.answers.len().max(1) as f64;
        *k == Kind::Category
            && (2..=8).contains(&p.answers.len())
            && !p.overflow
            && words_per_answer >= 2.5
            && !w.metadata.is_match(&p.header)
            && !w.reason.is_match(&p.header)
            && lexicon::firmographic(&p.header).is_none()
            && open.iter().any(|t| p.tables.contains(t))
    });
    // One per table at most: the first found.
    let mut taken: Vec<usize> = Vec::new();
    for i in found {
        if !pk.profiles[i]
            .tables
            .iter()
            .any(|t| taken.iter().any(|&j| pk.profiles[j].tables.contains(t)))
        {
            taken.push(i);
        }
    }
    if taken.is_empty() {
        return;
    }
    let mut f = text_field(
        "journey_answer",
        pk.headers(&taken),
        "may say the stage in the firm's own words (a few short answers in a table nothing else places)",
    );
    f.level = Level::Unsure;
    // An answer several of the columns give is one question, its rows summed.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &taken {
        for (a, n) in &pk.profiles[i].answers {
            *counts.entry(a.as_str()).or_default() += n;
        }
    }
    for (a, n) in counts {
        f.value_levels.push((
            a.to_string(),
            Level::Unsure,
            format!("{n} row(s): which stage does this answer say? Give it a stage's code (prospect, got-away, client, betweener, former) and a rule, or let `init` ask"),
        ));
    }
    // A name that says every row is one stage, beside a column some of whose answers read as
    // another stage, is one piece of evidence against another: unsure, both sides shown.
    for r in g.stages.iter_mut().filter(|r| r.level == Level::Likely) {
        let Some(glob) = r.when.source.as_deref() else {
            continue;
        };
        let named = family(&r.stage_or_reason);
        let against = taken.iter().map(|&i| &pk.profiles[i]).find_map(|p| {
            let here = sources
                .iter()
                .any(|s| p.tables.contains(&s.label) && source_matches(glob, s));
            let other: Vec<&str> = p
                .answers
                .keys()
                .filter(|a| {
                    out(a)
                        .or_else(|| rel(a))
                        .is_some_and(|c| family(c) != named)
                })
                .map(|a| a.as_str())
                .collect();
            (here && !other.is_empty()).then_some((p, other))
        });
        let Some((p, other)) = against else {
            continue;
        };
        r.level = Level::Unsure;
        r.why = format!(
            "{}; but answers of its column \"{}\" read as another stage ({})",
            r.why,
            p.header,
            other.join("; ")
        );
    }
    g.fields.push(f);
}

/// Without any rule, the default (`client`, said in the report as a guess); else the tables no
/// rule places, said as missing.
fn default_or_unplaced(g: &mut Guess, sources: &[Source], covered: &dyn Fn(&str) -> bool) {
    let unplaced: Vec<&str> = sources
        .iter()
        .filter(|s| {
            !covered(&s.label)
                && !g.stages.iter().any(|r| {
                    r.when
                        .source
                        .as_ref()
                        .is_some_and(|glob| source_matches(glob, s))
                })
        })
        .map(|s| s.label.as_str())
        .collect();
    if g.stages.is_empty() {
        g.default_stage = Some("client");
        g.default_why = "nothing in the folder names a stage (no relationship, outcome or stage column, no file or sheet named after one), so every row is taken as a client".into();
    } else if !unplaced.is_empty() {
        g.missing.push(format!(
            "the stage of the rows of {}: nothing in them names one, so they are unclassified until a rule covers them",
            unplaced.join(", ")
        ));
    }
}

/// The journey fields: the stage, relationship and outcome columns with the codes their answers
/// map to, the end of the last engagement, the would-return question.
fn journey_fields(
    g: &mut Guess,
    pk: &Picker,
    cols: &JourneyColumns,
    [stage_codes, rel_codes, out_codes]: [&[(String, String)]; 3],
    last: &[usize],
) {
    let names = &pk.names;
    let (rel, out) = (rel(names), out(names));
    let read = |a: &str| lexicon::meaning::read_with(a, names);
    let read_outcome = |a: &str| lexicon::meaning::read_outcome_with(a, names);
    type Coded<'a> = (
        &'a regex::Regex,
        Option<&'a [(&'static str, lexicon::Lazy)]>,
        &'a dyn Fn(&str) -> Option<&'static str>,
        Option<Reader<'a>>,
    );
    let push = |g: &mut Guess,
                name: &str,
                ix: &[usize],
                why: &str,
                values: &[(String, String)],
                (header, table, code, reader): Coded| {
        if ix.is_empty() {
            return;
        }
        let mut f = text_field(name, pk.headers(ix), why);
        f.values = values.to_vec();
        let agrees: Vec<bool> = ix
            .iter()
            .map(|&i| header.is_match(&pk.profiles[i].header))
            .collect();
        f.level = if agrees.iter().all(|&a| a) {
            f.why = format!("{why}: the header says so and its answers read as stages");
            Level::Sure
        } else {
            f.why = format!("{why}: its answers read as stages (the header does not say so)");
            Level::Likely
        };
        for (&i, &agree) in ix.iter().zip(&agrees) {
            for v in answer_levels(&pk.profiles[i], agree, (table, reader), code) {
                if !f.value_levels.iter().any(|(a, _, _)| *a == v.0) {
                    f.value_levels.push(v);
                }
            }
        }
        // A confirmed-looking answer needs no line: only the guesses weaker than sure, and
        // every uncoded answer, are written.
        f.value_levels.retain(|(_, l, _)| *l != Level::Sure);
        g.fields.push(f);
    };
    let w = words();
    push(
        g,
        "journey_stage",
        &cols.stage,
        "the stage, named in the answers",
        stage_codes,
        (
            &w.stage_header,
            Some(&w.stage_names),
            &lexicon::stage_answer,
            None,
        ),
    );
    push(
        g,
        "relationship",
        &cols.relationship,
        "relationship with the firm",
        rel_codes,
        (
            &w.relationship_header,
            Some(&w.relationship),
            &rel,
            Some(&read),
        ),
    );
    push(
        g,
        "outcome",
        &cols.outcome,
        "outcome of the buyer's search",
        out_codes,
        (
            &w.outcome_header,
            Some(&w.outcome),
            &out,
            Some(&read_outcome),
        ),
    );
    g.outcome = !cols.outcome.is_empty();
    if !last.is_empty() {
        g.fields.push(typed(
            "last_project",
            pk.headers(last),
            "date",
            "end of the last engagement",
        ));
    }
    if !cols.returns.is_empty() {
        let mut f = text_field(
            "would_return",
            pk.headers(&cols.returns),
            "would hire the firm again: a yes/no question whose header says so",
        );
        f.level = Level::Sure;
        g.fields.push(f);
    }
}

/// A rule per stage a stage-name column names.
fn stage_rules(codes: &[(String, String)]) -> Vec<GRule> {
    crate::stage::Stage::ALL
        .iter()
        .map(|s| s.key())
        .filter(|k| has(codes, k))
        .map(|k| {
            rule(
                &format!("named {k}"),
                k,
                cond::equals("journey_stage", k),
                "the answer names the stage",
            )
        })
        .collect()
}

/// Answer → code for every answer of the columns that a pattern codes.
fn coded(
    profiles: &[Profile],
    ix: &[usize],
    f: &dyn Fn(&str) -> Option<&'static str>,
) -> Vec<(String, String)> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for &i in ix {
        for a in profiles[i].answers.keys() {
            if let Some(c) = f(a) {
                out.insert(a.clone(), c.to_string());
            }
        }
    }
    out.into_iter().collect()
}

fn has(v: &[(String, String)], c: &str) -> bool {
    v.iter().any(|(_, x)| x == c)
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
    // (code, rule name, why): each code that names its stage gives one direct rule.
    const DIRECT: [(&str, &str, &str); 4] = [
        ("prospect", "not yet a client", "never worked with the firm"),
        ("client", "current client", "working with the firm now"),
        (
            "former",
            "no longer a client",
            "worked with the firm before and will not return, or no longer works with it",
        ),
        (
            "betweener",
            "would work with us again",
            "worked with the firm before and would again",
        ),
    ];
    let mut rules: Vec<GRule> = DIRECT
        .iter()
        .filter(|(code, _, _)| has(rel, code))
        .map(|(code, name, why)| rule(name, code, cond::equals("relationship", code), why))
        .collect();
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
        let none = Names::default();
        let c = rel(&none);
        assert_eq!(c("We are currently working with Northwind"), Some("client"));
        assert_eq!(c("We have worked with Northwind in the past"), Some("past"));
        assert_eq!(c("Past client"), Some("past"));
        assert_eq!(c("We have never worked with them"), Some("prospect"));
        assert_eq!(c("Other (supplier, partner, press)"), None);
        let o = out(&none);
        assert_eq!(o("We chose another firm"), Some("got-away"));
        assert_eq!(o("Northwind was not on our shortlist"), Some("got-away"));
        assert_eq!(o("We have put the project on hold"), Some("not-now"));
        assert_eq!(o("We are still deciding"), Some("open"));
        assert_eq!(o("We hired Northwind Advisory"), Some("hired"));
        // Knowing the firm's name: the firm doing our work is a client; chosen, a hire.
        let named = Names::new(&["Northwind".to_string()]);
        assert_eq!(
            rel(&named)("Northwind looks after our tax affairs"),
            Some("client")
        );
        assert_eq!(c("Northwind looks after our tax affairs"), None);
        assert_eq!(out(&named)("We chose Northwind"), Some("hired"));
    }
}

//! The journey questions: the relationship with the firm, the outcome of a buyer's search,
//! whether a past client would return; their answers coded, and the stage rules the codes allow.

use std::collections::BTreeMap;

use super::{re, text_field, typed, GRule, Guess, Picker};
use crate::config::raw::RawCondition;
use crate::init::cond;
use crate::init::profile::{Kind, Profile};
use crate::lexicon::{self, words};

/// One table the folder holds, for rules on the source.
#[derive(Debug, Clone)]
pub struct Source {
    /// `file` or `file [sheet]`, as the profiles name tables.
    pub label: String,
    /// The file, relative to the input folder.
    pub file: String,
    pub sheet: Option<String>,
}

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

fn rel(a: &str) -> Option<&'static str> {
    lexicon::code_of(a, &words().relationship)
}

fn out(a: &str) -> Option<&'static str> {
    lexicon::code_of(a, &words().outcome)
}

/// Take the journey columns: categories, not metadata, not a "why" question whose reasons use
/// the same words, with few answers, most of them coded.
fn journey_columns(pk: &mut Picker) -> JourneyColumns {
    let w = words();
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
            not_meta(p)
                && (header.is_match(&p.header) && share_by(p, f) >= 0.3
                    || share_by(p, f) >= 0.6 && codes_by(p, f).len() >= 2)
        };
    let relationship =
        pk.take(&|p, k| *k == Kind::Category && by_phrase(p, &w.relationship_header, &rel));
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
    let cols = journey_columns(pk);
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
    let (strong, weak) = source_rules(pk.profiles, sources, &covered);
    g.stages = strong;
    g.stages.extend(stage_rules(&stage_codes));
    g.stages.extend(outcome_rules(&out_codes));
    g.stages.extend(relationship_rules(
        &rel_codes,
        !cols.returns.is_empty(),
        !last.is_empty(),
    ));
    g.stages.extend(weak);
    default_or_unplaced(g, sources, &covered);
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
    let push = |g: &mut Guess, name: &str, ix: &[usize], why: &str, values: &[(String, String)]| {
        if !ix.is_empty() {
            let mut f = text_field(name, pk.headers(ix), why);
            f.values = values.to_vec();
            g.fields.push(f);
        }
    };
    push(
        g,
        "journey_stage",
        &cols.stage,
        "the stage, named in the answers",
        stage_codes,
    );
    push(
        g,
        "relationship",
        &cols.relationship,
        "relationship with the firm",
        rel_codes,
    );
    push(
        g,
        "outcome",
        &cols.outcome,
        "outcome of the buyer's search",
        out_codes,
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
    push(
        g,
        "would_return",
        &cols.returns,
        "would hire the firm again",
        &[],
    );
}

/// Whether a source glob matches a table.
fn source_matches(glob: &str, s: &Source) -> bool {
    crate::config::glob_regex(glob).is_ok_and(|re| {
        let name = s.file.rsplit('/').next().unwrap_or(&s.file);
        let with_sheet = |f: &str| s.sheet.as_ref().map(|sh| format!("{f} [{sh}]"));
        re.is_match(&s.file)
            || re.is_match(name)
            || with_sheet(&s.file).is_some_and(|x| re.is_match(&x))
            || with_sheet(name).is_some_and(|x| re.is_match(&x))
    })
}

/// A glob for a table that next quarter's file also matches: the file's year and quarter
/// become `*`, unless the glob would then also match a table of another stage.
fn source_glob(s: &Source, sources: &[Source], same: &dyn Fn(&Source) -> bool) -> String {
    let exact = match &s.sheet {
        Some(sh) => format!("{} [{sh}]", s.file),
        None => s.file.clone(),
    };
    let exact = exact.replace(['*', '?'], "?");
    let dated = re(r"(19|20)\d\d([-_ .]?(q[1-4]|h[12]|\d\d))?|q[1-4][-_ .]?(19|20)\d\d");
    let (dir, name) = exact
        .rsplit_once('/')
        .map_or(("", exact.as_str()), |(d, n)| (d, n));
    let (file, sheet) = name
        .split_once(" [")
        .map_or((name, ""), |(f, _)| (f, &name[f.len()..]));
    let general = format!(
        "{}{}{}{sheet}",
        dir,
        if dir.is_empty() { "" } else { "/" },
        dated.replace_all(file, "*")
    );
    let clash = sources
        .iter()
        .any(|o| o.label != s.label && !same(o) && source_matches(&general, o));
    if general != exact && !clash {
        general
    } else {
        exact
    }
}

/// Rules on the source: a sheet or file named after a narrow stage (got-away, former,
/// betweener) says who every row is and comes before the column rules; for the tables the
/// columns cannot place, a sheet or file named "client" or "prospect", or questions only one
/// stage is asked, come after them.
fn source_rules(
    profiles: &[Profile],
    sources: &[Source],
    covered: &dyn Fn(&str) -> bool,
) -> (Vec<GRule>, Vec<GRule>) {
    // Each table's stage by name: the sheet's, else the file's (folders included).
    let named = |s: &Source| {
        s.sheet
            .as_deref()
            .and_then(lexicon::stage_in_name)
            .or_else(|| s.file.split('/').rev().find_map(lexicon::stage_in_name))
    };
    let asked = |s: &Source| -> Option<(&'static str, String)> {
        let mut found: Vec<(&'static str, String)> = Vec::new();
        for p in profiles.iter().filter(|p| p.tables.contains(&s.label)) {
            if let Some(st) = lexicon::code_of(&p.header, &words().stage_questions) {
                found.push((st, p.header.clone()));
            }
        }
        let first = found.first()?.0;
        found
            .iter()
            .all(|(st, _)| *st == first)
            .then(|| found.swap_remove(0))
    };
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for s in sources {
        let placed = covered(&s.label);
        let (stage, why, sure) = match (named(s), placed) {
            (Some((stage, true)), _) => (
                stage,
                format!("the name \"{}\" says every row is a {stage}", s.label),
                true,
            ),
            (Some((stage, false)), false) => (
                stage,
                format!(
                    "the name \"{}\" says its rows are {stage}s, and no column says otherwise",
                    s.label
                ),
                false,
            ),
            (_, false) => match asked(s) {
                Some((stage, q)) => (
                    stage,
                    format!(
                        "the file asks \"{}\", a question only a {stage} is asked",
                        one_line(&q)
                    ),
                    false,
                ),
                None => continue,
            },
            _ => continue,
        };
        let same = |o: &Source| named(o).map(|n| n.0) == Some(stage);
        let glob = source_glob(s, sources, &same);
        let rules = if sure { &mut strong } else { &mut weak };
        if rules
            .iter()
            .any(|r: &GRule| r.when.source.as_deref() == Some(glob.as_str()))
        {
            continue;
        }
        rules.push(rule(
            &format!("{stage}: {}", s.label),
            stage,
            cond::source(&glob),
            &why,
        ));
    }
    (strong, weak)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        let c = rel;
        assert_eq!(c("We are currently working with Northwind"), Some("client"));
        assert_eq!(c("We have worked with Northwind in the past"), Some("past"));
        assert_eq!(c("Past client"), Some("past"));
        assert_eq!(c("We have never worked with them"), Some("prospect"));
        assert_eq!(c("Other (supplier, partner, press)"), None);
        let o = out;
        assert_eq!(o("We chose another firm"), Some("got-away"));
        assert_eq!(o("Northwind was not on our shortlist"), Some("got-away"));
        assert_eq!(o("We have put the project on hold"), Some("not-now"));
        assert_eq!(o("We are still deciding"), Some("open"));
        assert_eq!(o("We hired Northwind Advisory"), Some("hired"));
    }

    #[test]
    fn source_globs_follow_the_quarter() {
        let src = |f: &str, sh: Option<&str>| Source {
            label: f.into(),
            file: f.into(),
            sheet: sh.map(str::to_string),
        };
        let all = [
            src("crm/former-clients-2026Q3.csv", None),
            src("interviews_2026-Q3.xlsx", Some("Got-aways")),
        ];
        assert_eq!(
            source_glob(&all[0], &all, &|_| false),
            "crm/former-clients-*.csv"
        );
        assert_eq!(
            source_glob(&all[1], &all, &|_| false),
            "interviews_*.xlsx [Got-aways]"
        );
        assert!(source_matches("interviews_*.xlsx [Got-aways]", &all[1]));
    }
}

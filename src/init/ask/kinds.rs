//! The questions of each kind, read from the config: the answers of a journey column, the
//! recommend question, rules, the default, the channel plan, pairs, exclusions and segments.

use toml_edit::{DocumentMut, Item, Table, Value};

use super::{
    code_label, guess_text, rows_in, rule_codes, stage_choices, stage_index, Question, Topic,
    STAGES,
};

/// The stage code of each guessed answer of a field: the codes its rules compare with, then
/// every stage (a stage no rule reads from the field gets a rule when picked).
pub(super) fn answer_questions(
    doc: &DocumentMut,
    name: &str,
    f: &Table,
    headers: &[String],
) -> Vec<Question> {
    let Some(vg) = f.get("value_guesses").and_then(Item::as_table) else {
        return Vec::new();
    };
    let current = |a: &str| {
        f.get("values")
            .and_then(|v| v.get(a))
            .and_then(Item::as_str)
            .map(str::to_string)
    };
    let mut codes = rule_codes(doc, name);
    let more = vg
        .iter()
        .filter_map(|(a, _)| current(a))
        .chain(STAGES.iter().map(|s| s.to_string()));
    for c in more {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    let mut values: Vec<Option<String>> = codes.iter().cloned().map(Some).collect();
    values.push(None);
    let mut choices: Vec<String> = codes.iter().map(|c| code_label(c)).collect();
    choices.push("none of these: leave its rows unclassified".into());
    vg.iter()
        .map(|(answer, g)| {
            let evidence = g.as_str().unwrap_or("");
            let default = current(answer)
                .and_then(|c| codes.iter().position(|x| *x == c))
                .unwrap_or(codes.len());
            Question {
                topic: Topic::Answer {
                    field: name.to_string(),
                    answer: answer.to_string(),
                },
                rows: rows_in(evidence),
                prompt: format!("Which stage does the answer \"{answer}\" say?"),
                evidence: vec![
                    format!("question: {}", headers.join(" | ")),
                    format!("guess: {evidence}"),
                ],
                choices: choices.clone(),
                values: values.clone(),
                default,
                many: false,
                checked: false,
            }
        })
        .collect()
}

/// Which header is the recommend question, when that is unsure.
pub(super) fn recommend_question(f: &Table, headers: &[String]) -> Option<Question> {
    let g = guess_text(f).filter(|g| g.starts_with("unsure"))?;
    let mut values: Vec<Option<String>> = headers.iter().cloned().map(Some).collect();
    values.push(None);
    let mut choices = headers.to_vec();
    choices.push("none of them is about the firm".into());
    Some(Question {
        topic: Topic::Recommend,
        rows: u64::MAX / 2,
        prompt: "Which question asks how likely they are to recommend the firm?".into(),
        evidence: vec![format!("guess: {g}")],
        choices,
        values,
        default: 0,
        many: false,
        checked: false,
    })
}

/// Every unsure stage rule, and every likely one on a file or sheet name: do they stand?
pub(super) fn rule_questions(doc: &DocumentMut) -> Vec<Question> {
    let Some(rules) = doc
        .get("stages")
        .and_then(|s| s.get("rules"))
        .and_then(Item::as_array_of_tables)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in rules.iter() {
        let Some(g) = guess_text(r) else { continue };
        let Some(name) = r.get("name").and_then(Item::as_str) else {
            continue;
        };
        let on_source = r
            .get("when")
            .and_then(Item::as_value)
            .and_then(Value::as_inline_table)
            .is_some_and(|w| w.contains_key("source"));
        if !(g.starts_with("unsure") || on_source && g.starts_with("likely")) {
            continue;
        }
        let stage = r.get("stage").and_then(Item::as_str).unwrap_or("");
        let (choices, values) = stage_choices("no: drop this rule");
        out.push(Question {
            topic: Topic::Rule {
                name: name.to_string(),
            },
            rows: rows_in(g).max(1),
            prompt: format!("Rule \"{name}\": are these rows {stage}s?"),
            evidence: vec![format!("guess: {g}")],
            choices,
            values,
            default: stage_index(stage).unwrap_or(0),
            many: false,
            checked: false,
        });
    }
    out
}

/// The stage of every row, when an unconfirmed `[stages] default` gives it.
pub(super) fn default_question(doc: &DocumentMut) -> Option<Question> {
    let st = doc.get("stages").and_then(Item::as_table)?;
    let d = st.get("default").and_then(Item::as_str)?;
    let g = st.get("default_guess").and_then(Item::as_str)?;
    let (choices, values) = stage_choices("several stages: no default (write stage rules)");
    Some(Question {
        topic: Topic::Default,
        rows: u64::MAX / 4,
        prompt: "Nothing names a stage: which stage are all these respondents?".into(),
        evidence: vec![format!("guess: {g}")],
        choices,
        values,
        default: stage_index(d).unwrap_or(2),
        many: false,
        checked: false,
    })
}

/// Where the firm is present, per stage, when `[channels]` has no plan.
pub(super) fn plan_questions(doc: &DocumentMut, channels: &[String]) -> Vec<Question> {
    let plan_missing = doc
        .get("channels")
        .and_then(Item::as_table)
        .is_some_and(|c| !c.contains_key("plan"));
    if !plan_missing || channels.is_empty() {
        return Vec::new();
    }
    STAGES
        .iter()
        .map(|stage| Question {
            topic: Topic::Plan {
                stage: stage.to_string(),
            },
            rows: 0,
            prompt: format!(
                "Where is the firm present for {stage}s? (space picks, Enter confirms)"
            ),
            evidence: vec![
                "only you know the firm's channel plan; without it no gap is reported".into(),
            ],
            choices: channels.to_vec(),
            values: channels.iter().cloned().map(Some).collect(),
            default: 0,
            many: true,
            checked: false,
        })
        .collect()
}

/// The first header of a field, for a question's wording.
fn first_header(doc: &DocumentMut, field: &str) -> String {
    doc.get("fields")
        .and_then(|f| f.get(field))
        .and_then(|f| f.get("headers"))
        .and_then(Item::as_array)
        .and_then(|a| a.get(0))
        .and_then(Value::as_str)
        .unwrap_or(field)
        .to_string()
}

/// A question answered yes (written as confirmed; preselected) or no (dropped).
fn yes_no(
    topic: Topic,
    rows: u64,
    prompt: String,
    evidence: Vec<String>,
    [yes, no]: [&str; 2],
) -> Question {
    Question {
        topic,
        rows,
        prompt,
        evidence,
        choices: vec![yes.to_string(), no.to_string()],
        values: vec![Some("yes".into()), None],
        default: 0,
        many: false,
        checked: false,
    }
}

/// Each guessed attribute pair: do its two questions rate the same item?
pub(super) fn pair_questions(doc: &DocumentMut) -> Vec<Question> {
    let Some(pairs) = doc.get("attributes").and_then(Item::as_array_of_tables) else {
        return Vec::new();
    };
    pairs
        .iter()
        .filter_map(|a| {
            let g = guess_text(a)?;
            let name = a.get("name").and_then(Item::as_str)?;
            let side = |k: &str| {
                a.get(k)
                    .and_then(Item::as_str)
                    .map(|f| first_header(doc, f))
            };
            let experience = side("experience")?;
            let mut evidence = Vec::new();
            if let Some(e) = side("expectation") {
                evidence.push(format!("expectation: \"{e}\""));
            }
            evidence.push(format!("experience: \"{experience}\""));
            evidence.push(format!("guess: {g}"));
            Some(yes_no(
                Topic::Pair {
                    name: name.to_string(),
                },
                0,
                format!("Do these questions rate the same item, \"{name}\"?"),
                evidence,
                ["yes: one item, its gap is measured", "no: drop this pair"],
            ))
        })
        .collect()
}

/// Each exclusion rule still a guess (a speeder cut-off): does it stand?
pub(super) fn exclusion_questions(doc: &DocumentMut) -> Vec<Question> {
    let Some(rules) = doc
        .get("exclude")
        .and_then(|e| e.get("rules"))
        .and_then(Item::as_array_of_tables)
    else {
        return Vec::new();
    };
    rules
        .iter()
        .filter_map(|r| {
            let g = guess_text(r)?;
            let reason = r.get("reason").and_then(Item::as_str)?;
            let when = r.get("when").map(|w| w.to_string()).unwrap_or_default();
            Some(yes_no(
                Topic::Exclusion {
                    reason: reason.to_string(),
                },
                rows_in(g),
                format!("Exclude the rows where {} as \"{reason}\"?", when.trim()),
                vec![format!("guess: {g}")],
                ["yes: exclude these rows", "no: keep them (drop this rule)"],
            ))
        })
        .collect()
}

/// The guessed segments: which to split every analysis by (all picked to start with).
pub(super) fn segments_question(doc: &DocumentMut) -> Option<Question> {
    let g = doc.get("segments_guess").and_then(Item::as_str)?;
    let segments: Vec<String> = doc
        .get("segments")
        .and_then(Item::as_array)?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    if segments.is_empty() {
        return None;
    }
    let choices = segments
        .iter()
        .map(|s| format!("{s} (\"{}\")", first_header(doc, s)))
        .collect();
    Some(Question {
        topic: Topic::Segments,
        rows: 0,
        prompt:
            "Which of these fields should every analysis be split by? (space picks, Enter confirms)"
                .into(),
        evidence: vec![format!("guess: {g}")],
        choices,
        values: segments.into_iter().map(Some).collect(),
        default: 0,
        many: true,
        checked: true,
    })
}

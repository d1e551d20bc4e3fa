//! `init`'s questions: what the written config still guesses, read back from the config itself
//! (so that a rerun asks only what is still open and keeps the user's edits and comments), most
//! rows first; each answer is written into the config as confirmed.
//!
//! The questions: the stage code of each guessed answer of a journey column (`value_guesses`),
//! each unsure or likely stage rule on a file or sheet name, an unsure `[stages] default`, an
//! unsure recommend question, and where the firm is present per stage (the channel plan).

use toml_edit::{value, Array, DocumentMut, Item, Table, Value};

/// What a question decides in the config.
#[derive(Debug, Clone, PartialEq)]
pub enum Topic {
    /// The code of one answer of a field.
    Answer { field: String, answer: String },
    /// Whether a stage rule (by its name: answers add rules, so indexes move) stands.
    Rule { name: String },
    /// The stage of every row no rule places.
    Default,
    /// The recommend field: which of its headers.
    Recommend,
    /// Where the firm is present at a stage: the channels.
    Plan { stage: String },
    /// Whether an attribute pair (by its name) rates one item on both sides.
    Pair { name: String },
    /// Whether an exclusion rule (by its reason) stands.
    Exclusion { reason: String },
    /// Which of the guessed segments to keep.
    Segments,
}

/// One question, with its evidence and choices (the guess preselected).
#[derive(Debug, Clone)]
pub struct Question {
    pub topic: Topic,
    /// The rows it decides (for the order), when known.
    pub rows: u64,
    pub prompt: String,
    /// Lines shown above the choices.
    pub evidence: Vec<String>,
    /// The choices shown; for [`Topic::Plan`] several may be picked.
    pub choices: Vec<String>,
    /// The values written for each choice (codes, stages, headers, channels).
    pub values: Vec<Option<String>>,
    pub default: usize,
    pub many: bool,
    /// For a multi-select, whether every choice starts picked (the segments) or none (the
    /// plan).
    pub checked: bool,
}

/// The first number in an evidence text ("14 row(s): …"), the rows it decides.
fn rows_in(evidence: &str) -> u64 {
    evidence
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn guess_text(t: &Table) -> Option<&str> {
    t.get("guess").and_then(Item::as_str)
}

/// The codes a field is compared with anywhere in the stage rules (`equals`, `one_of`), in order.
fn rule_codes(doc: &DocumentMut, field: &str) -> Vec<String> {
    fn walk(v: &Value, field: &str, out: &mut Vec<String>) {
        let Some(t) = v.as_inline_table() else {
            if let Some(a) = v.as_array() {
                a.iter().for_each(|x| walk(x, field, out));
            }
            return;
        };
        if t.get("field").and_then(Value::as_str) == Some(field) {
            let mut push = |x: &Value| {
                if let Some(s) = x.as_str() {
                    if !out.iter().any(|o| o == s) {
                        out.push(s.to_string());
                    }
                }
            };
            if let Some(e) = t.get("equals") {
                push(e);
            }
            if let Some(a) = t.get("one_of").and_then(Value::as_array) {
                a.iter().for_each(&mut push);
            }
        }
        for (_, x) in t.iter() {
            walk(x, field, out);
        }
    }
    let mut out = Vec::new();
    if let Some(rules) = doc
        .get("stages")
        .and_then(|s| s.get("rules"))
        .and_then(Item::as_array_of_tables)
    {
        for r in rules.iter() {
            if let Some(w) = r.get("when").and_then(Item::as_value) {
                walk(w, field, &mut out);
            }
        }
    }
    out
}

/// What a code means, shown beside it.
fn code_label(code: &str) -> String {
    let meaning = match code {
        "client" => "a client now",
        "prospect" => "never a client yet",
        "former" => "a former client, gone",
        "betweener" => "a past client who may return",
        "past" => "a past client (former or betweener, by the rules)",
        "got-away" => "chose another firm",
        "not-now" => "postponed, on hold",
        "open" => "still deciding",
        "hired" => "hired the firm",
        _ => "",
    };
    if meaning.is_empty() {
        code.to_string()
    } else {
        format!("{code} — {meaning}")
    }
}

const STAGES: [&str; 5] = ["prospect", "got-away", "client", "betweener", "former"];

/// The five stages to pick from, then `last` (which writes nothing).
fn stage_choices(last: &str) -> (Vec<String>, Vec<Option<String>>) {
    let mut choices: Vec<String> = STAGES.iter().map(|s| s.to_string()).collect();
    choices.push(last.into());
    let mut values: Vec<Option<String>> = STAGES.iter().map(|s| Some(s.to_string())).collect();
    values.push(None);
    (choices, values)
}

fn stage_index(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// Every open question of the config, most rows first. `channels` are the channel names the
/// folder's answers hold (for the plan).
pub fn questions(doc: &DocumentMut, channels: &[String]) -> Vec<Question> {
    let mut out = Vec::new();
    if let Some(fields) = doc.get("fields").and_then(Item::as_table) {
        for (name, f) in fields.iter() {
            let Some(f) = f.as_table() else { continue };
            let headers: Vec<String> = f
                .get("headers")
                .and_then(Item::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            out.extend(answer_questions(doc, name, f, &headers));
            if name == "recommend" {
                out.extend(recommend_question(f, &headers));
            }
        }
    }
    out.extend(rule_questions(doc));
    out.extend(exclusion_questions(doc));
    out.extend(default_question(doc));
    out.extend(pair_questions(doc));
    out.extend(segments_question(doc));
    out.extend(plan_questions(doc, channels));
    // Most rows first; the plan last.
    out.sort_by_key(|q| std::cmp::Reverse(q.rows));
    out
}

/// The stage code of each guessed answer of a field: the codes its rules compare with, then
/// every stage (a stage no rule reads from the field gets a rule when picked).
fn answer_questions(doc: &DocumentMut, name: &str, f: &Table, headers: &[String]) -> Vec<Question> {
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
fn recommend_question(f: &Table, headers: &[String]) -> Option<Question> {
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
fn rule_questions(doc: &DocumentMut) -> Vec<Question> {
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
fn default_question(doc: &DocumentMut) -> Option<Question> {
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
fn plan_questions(doc: &DocumentMut, channels: &[String]) -> Vec<Question> {
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
fn pair_questions(doc: &DocumentMut) -> Vec<Question> {
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
fn exclusion_questions(doc: &DocumentMut) -> Vec<Question> {
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
fn segments_question(doc: &DocumentMut) -> Option<Question> {
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

/// Write an answer into the config as confirmed. `picked` are indexes into the choices.
pub fn apply(doc: &mut DocumentMut, q: &Question, picked: &[usize]) {
    let one = picked
        .first()
        .and_then(|&i| q.values.get(i))
        .cloned()
        .flatten();
    match &q.topic {
        Topic::Answer { field, answer } => {
            let Some(f) = doc["fields"][field.as_str()].as_table_mut() else {
                return;
            };
            if let Some(vg) = f.get_mut("value_guesses").and_then(Item::as_table_mut) {
                vg.remove(answer);
                if vg.is_empty() {
                    // Every answer's stage said: the user has read the column, which is then
                    // no guess either.
                    f.remove("value_guesses");
                    f.remove("guess");
                }
            }
            let values = f
                .entry("values")
                .or_insert_with(|| Item::Table(Table::new()));
            if let Some(t) = values.as_table_mut() {
                match &one {
                    Some(code) => {
                        t.insert(answer, value(code.as_str()));
                    }
                    None => {
                        t.remove(answer);
                    }
                }
            }
            // A stage no rule reads from this field: the rule that places its rows.
            if let Some(code) = one.filter(|c| STAGES.contains(&c.as_str())) {
                if !rule_codes(doc, field).contains(&code) {
                    add_rule(doc, field, &code);
                }
            }
        }
        Topic::Rule { name } => {
            let Some(rules) = doc["stages"]["rules"].as_array_of_tables_mut() else {
                return;
            };
            let named = |r: &Table| r.get("name").and_then(Item::as_str) == Some(name.as_str());
            let Some(index) = rules.iter().position(named) else {
                return;
            };
            match one {
                Some(stage) => {
                    if let Some(r) = rules.get_mut(index) {
                        r.insert("stage", value(stage));
                        r.remove("guess");
                    }
                }
                None => {
                    rules.remove(index);
                }
            }
        }
        Topic::Default => {
            let Some(st) = doc["stages"].as_table_mut() else {
                return;
            };
            st.remove("default_guess");
            match one {
                Some(stage) => {
                    st.insert("default", value(stage));
                }
                None => {
                    st.remove("default");
                }
            }
        }
        Topic::Recommend => {
            let Some(f) = doc["fields"]["recommend"].as_table_mut() else {
                return;
            };
            f.remove("guess");
            if let Some(h) = one {
                let mut a = Array::new();
                a.push(h);
                f.insert("headers", value(a));
            }
        }
        Topic::Pair { name } => {
            if let Some(pairs) = doc
                .get_mut("attributes")
                .and_then(Item::as_array_of_tables_mut)
            {
                confirm_or_drop(pairs, ("name", name), one.is_some());
            }
        }
        Topic::Exclusion { reason } => {
            if let Some(rules) = doc["exclude"]["rules"].as_array_of_tables_mut() {
                confirm_or_drop(rules, ("reason", reason), one.is_some());
            }
        }
        Topic::Segments => {
            doc.remove("segments_guess");
            let kept: toml_edit::Array = picked
                .iter()
                .filter_map(|&i| q.values.get(i).cloned().flatten())
                .collect();
            if kept.is_empty() {
                doc.remove("segments");
            } else {
                doc["segments"] = value(kept);
            }
        }
        Topic::Plan { stage } => {
            let Some(ch) = doc["channels"].as_table_mut() else {
                return;
            };
            let plan = ch.entry("plan").or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            });
            if let Some(plan) = plan.as_table_mut() {
                let mut t = Table::new();
                for &i in picked {
                    if let Some(Some(c)) = q.values.get(i) {
                        t.insert(c, value(true));
                    }
                }
                plan.insert(stage, Item::Table(t));
            }
        }
    }
}

/// The entry of `list` whose `key` is `value`: confirmed (its guess removed) when `keep`, else
/// removed.
fn confirm_or_drop(list: &mut toml_edit::ArrayOfTables, (key, value): (&str, &str), keep: bool) {
    let Some(i) = list
        .iter()
        .position(|t| t.get(key).and_then(Item::as_str) == Some(value))
    else {
        return;
    };
    if !keep {
        list.remove(i);
    } else if let Some(t) = list.get_mut(i) {
        t.remove("guess");
    }
}

/// `[[stages.rules]]` placing the rows whose `field` is coded `code` (a stage's key): before the
/// first rule on a file or sheet name that is still a guess short of `sure` (an answer the user
/// coded outweighs a name), else last.
fn add_rule(doc: &mut DocumentMut, field: &str, code: &str) {
    let stages = doc
        .entry("stages")
        .or_insert_with(|| Item::Table(Table::new()));
    let Some(stages) = stages.as_table_mut() else {
        return;
    };
    let rules = stages
        .entry("rules")
        .or_insert_with(|| Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    let Some(rules) = rules.as_array_of_tables_mut() else {
        return;
    };
    let mut when = toml_edit::InlineTable::new();
    when.insert("field", field.into());
    when.insert("equals", code.into());
    let mut t = Table::new();
    t.insert("name", value(format!("{field} {code} (answered)")));
    t.insert("stage", value(code));
    t.insert("when", value(when));
    let weak_name = |r: &Table| {
        let on_source = r
            .get("when")
            .and_then(Item::as_value)
            .and_then(Value::as_inline_table)
            .is_some_and(|w| w.contains_key("source"));
        on_source && guess_text(r).is_some_and(|g| !g.starts_with("sure"))
    };
    let at = rules.iter().position(weak_name);
    match at {
        Some(at) => {
            // Written where it is inserted: the document is emitted in table positions.
            t.set_position(rules.get(at).and_then(Table::position));
            rules.insert(at, t);
        }
        None => rules.push(t),
    }
}

/// Ask every question in the terminal; Esc or `q` skips the rest (they stay guesses). Returns
/// how many were answered.
pub fn ask_all(doc: &mut DocumentMut, qs: &[Question]) -> std::io::Result<usize> {
    use dialoguer::{MultiSelect, Select};
    let term = dialoguer::console::Term::stderr();
    let mut answered = 0;
    for (k, q) in qs.iter().enumerate() {
        term.write_line(&format!("\n[{}/{}] {}", k + 1, qs.len(), q.prompt))?;
        for e in &q.evidence {
            term.write_line(&format!("  {}", crate::escape::shown(e)))?;
        }
        let picked: Option<Vec<usize>> = if q.many {
            MultiSelect::new()
                .items(&q.choices)
                .defaults(&vec![q.checked; q.choices.len()])
                .report(false)
                .interact_on_opt(&term)
                .map_err(std::io::Error::other)?
        } else {
            Select::new()
                .items(&q.choices)
                .default(q.default)
                .report(false)
                .interact_on_opt(&term)
                .map_err(std::io::Error::other)?
                .map(|i| vec![i])
        };
        let Some(picked) = picked else {
            term.write_line("  skipped: the rest stay guesses")?;
            break;
        };
        let shown: Vec<&str> = picked
            .iter()
            .filter_map(|&i| q.choices.get(i))
            .map(String::as_str)
            .collect();
        term.write_line(&format!("  -> {}", shown.join(", ")))?;
        answered += 1;
        apply(doc, q, &picked);
    }
    Ok(answered)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of the choice `code` in a question.
    fn choice(q: &Question, code: &str) -> usize {
        q.values
            .iter()
            .position(|v| v.as_deref() == Some(code))
            .unwrap()
    }

    const CFG: &str = r#"# mine: keep this comment
[fields.relationship]
headers = ["Where do we stand?"]
guess = "likely: its answers read as stages"
[fields.relationship.values]
"We are a client" = "client"
[fields.relationship.value_guesses]
"We are a client" = "likely: 40 row(s): the answer's words say client"
"Live engagement" = "unsure: 12 row(s): nothing in the lexicon reads this answer"

[fields.channels_used]
headers = ["Where do you look?"]
kind = "multi"

[channels]
used = "channels_used"

[[stages.rules]]
name = "current client"
stage = "client"
when = { field = "relationship", equals = "client" }
guess = "sure: working with the firm now"

[[stages.rules]]
name = "former: old.csv"
stage = "former"
when = { source = "old.csv" }
guess = "likely: the name says so"
"#;

    #[test]
    fn questions_come_most_rows_first_and_answers_are_confirmed_in_place() {
        let mut doc: DocumentMut = CFG.parse().unwrap();
        let qs = questions(&doc, &["LinkedIn".into(), "Events".into()]);
        let answers: Vec<&Topic> = qs.iter().map(|q| &q.topic).collect();
        assert!(matches!(answers[0], Topic::Answer { answer, .. } if answer == "We are a client"));
        assert!(matches!(answers[1], Topic::Answer { answer, .. } if answer == "Live engagement"));
        assert!(qs.iter().any(|q| q.topic
            == Topic::Rule {
                name: "former: old.csv".into()
            }));
        assert_eq!(
            qs.iter().filter(|q| q.many).count(),
            5,
            "a plan question per stage"
        );
        // "Live engagement" is a client: written as a code, its guess gone.
        let live = &qs[1];
        apply(&mut doc, live, &[choice(live, "client")]);
        let plan = qs
            .iter()
            .find(|q| {
                q.topic
                    == Topic::Plan {
                        stage: "prospect".into(),
                    }
            })
            .unwrap();
        apply(&mut doc, plan, &[0]);
        let text = doc.to_string();
        assert!(text.contains("# mine: keep this comment"), "{text}");
        assert!(text.contains("\"Live engagement\" = \"client\""), "{text}");
        assert!(!text.contains("\"Live engagement\" = \"unsure"), "{text}");
        assert!(
            text.contains("[channels.plan.prospect]\nLinkedIn = true"),
            "{text}"
        );
        // The config still loads, and that answer is no longer a guess.
        let cfg = crate::config::Config::parse(&text, std::path::Path::new("j.toml")).unwrap();
        assert!(!cfg
            .guesses
            .iter()
            .any(|g| g.what.contains("Live engagement")));
        // Asked again, only what is still open.
        let again = questions(&doc, &["LinkedIn".into()]);
        assert!(!again.iter().any(
            |q| matches!(&q.topic, Topic::Answer { answer, .. } if answer == "Live engagement")
        ));
        assert!(!again.iter().any(|q| q.many), "the plan exists now");
    }

    /// A guessed pair, exclusion and segments are asked; "no" drops the pair and the rule, and
    /// the segments kept are those picked; each answer is confirmed.
    #[test]
    fn pairs_exclusions_and_segments_are_asked_and_answered() {
        let text = r#"segments = ["industry", "region"]
segments_guess = "likely: few distinct answers"

[fields.industry]
headers = ["Industry"]
[fields.region]
headers = ["Region"]
[fields.speed_exp]
headers = ["Speed - importance"]
[fields.speed_perf]
headers = ["Speed - how we did"]
[fields.duration]
headers = ["Duration (in seconds)"]

[[attributes]]
name = "speed"
expectation = "speed_exp"
experience = "speed_perf"
guess = "likely: two rating questions over the same items"

[[exclude.rules]]
reason = "speeder"
when = { field = "duration", below = 60 }
guess = "unsure: 12 row(s): under a third of the median time"
"#;
        let mut doc: DocumentMut = text.parse().unwrap();
        let qs = questions(&doc, &[]);
        let find = |t: fn(&Topic) -> bool| qs.iter().find(|q| t(&q.topic)).unwrap().clone();
        let pair = find(|t| matches!(t, Topic::Pair { .. }));
        assert!(
            pair.evidence[0].contains("Speed - importance"),
            "{:?}",
            pair.evidence
        );
        let speeder = find(|t| matches!(t, Topic::Exclusion { .. }));
        assert_eq!(speeder.rows, 12);
        let seg = find(|t| matches!(t, Topic::Segments));
        assert!(seg.many && seg.checked);
        apply(&mut doc, &pair, &[1]);
        apply(&mut doc, &speeder, &[0]);
        apply(&mut doc, &seg, &[1]);
        let out = doc.to_string();
        assert!(!out.contains("[[attributes]]"), "{out}");
        assert!(out.contains("reason = \"speeder\""), "{out}");
        assert!(!out.contains("under a third"), "{out}");
        assert!(out.contains("segments = [\"region\"]"), "{out}");
        assert!(!out.contains("segments_guess"), "{out}");
        assert!(questions(&doc, &[]).is_empty(), "nothing left open");
    }

    /// A stage no rule read from the field: its rule comes before the name's rule, which is
    /// still a guess (an answer the user coded outweighs a file name).
    #[test]
    fn an_answered_stage_gets_its_rule_before_a_guessed_name_rule() {
        let mut doc: DocumentMut = CFG.parse().unwrap();
        let qs = questions(&doc, &[]);
        let live = qs
            .iter()
            .find(
                |q| matches!(&q.topic, Topic::Answer { answer, .. } if answer == "Live engagement"),
            )
            .unwrap();
        apply(&mut doc, live, &[choice(live, "betweener")]);
        let cfg =
            crate::config::Config::parse(&doc.to_string(), std::path::Path::new("j.toml")).unwrap();
        let names: Vec<&str> = cfg.stage_rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "current client",
                "relationship betweener (answered)",
                "former: old.csv"
            ],
            "{doc}"
        );
    }
}

//! `init`'s questions: what the written config still guesses, read back from the config itself
//! (so that a rerun asks only what is still open and keeps the user's edits and comments), most
//! rows first; each answer is written into the config as confirmed.
//!
//! The questions: the stage code of each guessed answer of a journey column (`value_guesses`),
//! each unsure or likely stage rule on a file or sheet name, an unsure `[stages] default`, an
//! unsure recommend question, and where the firm is present per stage (the channel plan).

mod apply;
mod kinds;

pub use apply::apply;
use kinds::*;

use toml_edit::{DocumentMut, Item, Table, Value};

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

//! Each answer written into the config as confirmed, in place (toml_edit keeps the rest of the
//! file as the user left it).

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{guess_text, rule_codes, Question, Topic, STAGES};

/// Write an answer into the config as confirmed. `picked` are indexes into the choices.
pub fn apply(doc: &mut DocumentMut, q: &Question, picked: &[usize]) {
    let one = picked
        .first()
        .and_then(|&i| q.values.get(i))
        .cloned()
        .flatten();
    let keep = one.is_some();
    match &q.topic {
        Topic::Answer { field, answer } => answer_code(doc, field, answer, one),
        Topic::Rule { name } => {
            if let Some(rules) = doc["stages"]["rules"].as_array_of_tables_mut() {
                if let (Some(r), Some(stage)) = (confirm_or_drop(rules, ("name", name), keep), one)
                {
                    r.insert("stage", value(stage));
                }
            }
        }
        Topic::Default => {
            let Some(st) = doc["stages"].as_table_mut() else {
                return;
            };
            st.remove("default_guess");
            match one {
                Some(stage) => st.insert("default", value(stage)),
                None => st.remove("default"),
            };
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
                confirm_or_drop(pairs, ("name", name), keep);
            }
        }
        Topic::Exclusion { reason } => {
            if let Some(rules) = doc["exclude"]["rules"].as_array_of_tables_mut() {
                confirm_or_drop(rules, ("reason", reason), keep);
            }
        }
        Topic::Segments => {
            doc.remove("segments_guess");
            let kept: Array = picked_values(q, picked).collect();
            if kept.is_empty() {
                doc.remove("segments");
            } else {
                doc["segments"] = value(kept);
            }
        }
        Topic::Plan { stage } => plan(doc, stage, picked_values(q, picked)),
    }
}

/// The values of the picked choices.
fn picked_values<'a>(q: &'a Question, picked: &'a [usize]) -> impl Iterator<Item = String> + 'a {
    picked
        .iter()
        .filter_map(|&i| q.values.get(i).cloned().flatten())
}

/// The code of one answer of a field (none: the answer stays uncoded), its guess gone; a stage
/// no rule reads from the field gets the rule that places its rows.
fn answer_code(doc: &mut DocumentMut, field: &str, answer: &str, code: Option<String>) {
    let Some(f) = doc["fields"][field].as_table_mut() else {
        return;
    };
    if let Some(vg) = f.get_mut("value_guesses").and_then(Item::as_table_mut) {
        vg.remove(answer);
        if vg.is_empty() {
            // Every answer's stage said: the user has read the column, which is then no guess
            // either.
            f.remove("value_guesses");
            f.remove("guess");
        }
    }
    let values = f
        .entry("values")
        .or_insert_with(|| Item::Table(Table::new()));
    if let Some(t) = values.as_table_mut() {
        match &code {
            Some(c) => t.insert(answer, value(c.as_str())),
            None => t.remove(answer),
        };
    }
    if let Some(code) = code.filter(|c| STAGES.contains(&c.as_str())) {
        if !rule_codes(doc, field).contains(&code) {
            add_rule(doc, field, &code);
        }
    }
}

/// Where the firm is present at `stage`: the channels picked.
fn plan(doc: &mut DocumentMut, stage: &str, channels: impl Iterator<Item = String>) {
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
        for c in channels {
            t.insert(&c, value(true));
        }
        plan.insert(stage, Item::Table(t));
    }
}

/// The entry of `list` whose `key` is `value`: confirmed (its guess removed, and returned) when
/// `keep`, else removed.
fn confirm_or_drop<'a>(
    list: &'a mut ArrayOfTables,
    (key, value): (&str, &str),
    keep: bool,
) -> Option<&'a mut Table> {
    let i = list
        .iter()
        .position(|t| t.get(key).and_then(Item::as_str) == Some(value))?;
    if !keep {
        list.remove(i);
        return None;
    }
    let t = list.get_mut(i)?;
    t.remove("guess");
    Some(t)
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

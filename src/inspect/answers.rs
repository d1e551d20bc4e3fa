//! Answers of coded text fields that no value map or stage rule covers.

use std::collections::{BTreeMap, BTreeSet};

use super::{short, warn, Finding};
use crate::classify::mapping;
use crate::config::{fold, Cond, Config, FieldId, FieldKind};
use crate::ingest::{Cell, Table};

/// The folded texts that `equals`/`one_of` conditions compare each field with.
fn targets(c: &Cond, out: &mut BTreeMap<FieldId, BTreeSet<String>>) {
    match c {
        Cond::OneOf { field, targets } => {
            out.entry(*field)
                .or_default()
                .extend(targets.iter().map(|t| t.text.clone()));
        }
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| targets(c, out)),
        Cond::Not(c) => targets(c, out),
        _ => {}
    }
}

/// Answers of coded text fields (a value map, or compared by a rule) that nothing covers.
pub(super) fn answers(cfg: &Config, tables: &[&Table], maps: &[mapping::TableMap]) -> Vec<Finding> {
    let mut compared = BTreeMap::new();
    for r in &cfg.stage_rules {
        targets(&r.when, &mut compared);
    }
    for e in &cfg.exclusions {
        targets(&e.when, &mut compared);
    }
    let mut out = Vec::new();
    for (f, field) in cfg.fields.iter().enumerate() {
        let text = matches!(field.kind, FieldKind::Text | FieldKind::Multi);
        let rule = compared.get(&f);
        if !text || (field.values.is_empty() && rule.is_none()) {
            continue;
        }
        // answer → (count, first place)
        let mut unknown: BTreeMap<String, (u64, String)> = BTreeMap::new();
        for (t, m) in tables.iter().zip(maps) {
            for &c in &m.fields[f] {
                if t.columns[c].option.is_some() {
                    continue;
                }
                let sep = t.column_format(c).separator;
                for (i, row) in t.rows.iter().enumerate() {
                    for answer in answer_parts(&row[c], field, sep) {
                        let key = fold(&answer);
                        let covered = if field.values.is_empty() {
                            rule.is_some_and(|r| r.contains(&key))
                        } else {
                            field.values.contains_key(&key)
                        };
                        if !covered {
                            let e = unknown.entry(answer).or_insert_with(|| {
                                (
                                    0,
                                    format!(
                                        "{} row {} column {}",
                                        t.label(),
                                        t.row_number(i),
                                        t.columns[c].letter
                                    ),
                                )
                            });
                            e.0 += 1;
                        }
                    }
                }
            }
        }
        if unknown.is_empty() {
            continue;
        }
        let mut list: Vec<(String, (u64, String))> = unknown.into_iter().collect();
        list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        let total: u64 = list.iter().map(|(_, (n, _))| n).sum();
        let shown: Vec<String> = list
            .iter()
            .take(8)
            .map(|(a, (n, at))| format!("\"{}\" ×{n} (first at {at})", short(a)))
            .collect();
        let more = if list.len() > 8 {
            format!("; and {} more", list.len() - 8)
        } else {
            String::new()
        };
        let what = if field.values.is_empty() {
            "no stage rule names"
        } else {
            "its value map does not cover"
        };
        out.push(warn(format!(
            "{}: {} distinct answer(s), {total} cell(s), that {what}: {}{more}",
            field.name,
            list.len(),
            shown.join("; ")
        )));
    }
    out
}

fn answer_parts(cell: &Cell, field: &crate::config::Field, column_sep: &str) -> Vec<String> {
    if matches!(cell, Cell::Empty | Cell::Error(_)) {
        return Vec::new();
    }
    let raw = cell.as_text();
    let raw = raw.trim();
    if raw.is_empty() {
        return Vec::new();
    }
    if field.kind == FieldKind::Multi {
        let sep = field.separator.as_deref().unwrap_or(column_sep);
        raw.split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        vec![raw.to_string()]
    }
}

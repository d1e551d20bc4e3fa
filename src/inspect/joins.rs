//! What `check` says of raking and lookups.

use super::{error, info, warn, Finding};
use crate::classify::{mapping, rake, Classified, Joined, Joins};
use crate::config::Config;
use crate::ingest::lookup::{key_of, LookupFile};
use crate::ingest::Table;

/// At most this many unmatched keys or repeated keys are listed.
const LISTED: usize = 10;

/// Each lookup: what it holds and which columns joined; its repeated keys (a warning); per
/// table (with where its fields were found, `maps`), the rows whose key it does not have, listed
/// by key, or that the table has no key column.
pub(super) fn lookups(
    cfg: &Config,
    joins: &Joins,
    tables: &[Joined],
    maps: &[mapping::TableMap],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (li, join) in joins.lookups.iter().enumerate() {
        let (l, lk) = (join.def, join.file);
        let key_field = &cfg.fields[l.key].name;
        let joined: Vec<&str> = join
            .joined
            .iter()
            .map(|&c| lk.table.columns[c].label())
            .collect();
        out.push(info(format!(
            "{}: {} rows, key column '{}' matched to field '{key_field}'; columns used: {}",
            lk.file(),
            lk.table.rows.len(),
            l.column,
            if joined.is_empty() {
                "none (no field's headers match a lookup column)".to_string()
            } else {
                joined.join(", ")
            }
        )));
        if !lk.repeated.is_empty() {
            let list: Vec<String> = lk
                .repeated
                .iter()
                .take(LISTED)
                .map(|(k, n)| format!("{k} ({n} rows)"))
                .collect();
            out.push(warn(format!(
                "{}: {} keys are on more than one row; the last row of each is used: {}{}",
                lk.file(),
                lk.repeated.len(),
                list.join(", "),
                if lk.repeated.len() > LISTED {
                    ", …"
                } else {
                    ""
                }
            )));
        }
        for (&Joined { table: t, join }, map) in tables.iter().zip(maps) {
            match join.unmatched.get(li).copied().flatten() {
                None => out.push(info(format!(
                    "{}: no column of field '{key_field}', not joined to {}",
                    t.label(),
                    lk.file()
                ))),
                Some(0) => out.push(info(format!(
                    "{}: every row found in {}",
                    t.label(),
                    lk.file()
                ))),
                Some(n) => out.push(warn(format!(
                    "{}: {n} of {} rows have no match in {}: {}",
                    t.label(),
                    t.rows.len(),
                    lk.file(),
                    unmatched_keys(map, l.key, lk, t).join(", ")
                ))),
            }
        }
    }
    out
}

/// The keys of a table's rows that a lookup does not have (`(blank)` for none), the first few.
fn unmatched_keys(map: &mapping::TableMap, key: usize, lk: &LookupFile, t: &Table) -> Vec<String> {
    let Some(&col) = map.fields.get(key).and_then(|c| c.first()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = t
        .rows
        .iter()
        .filter_map(|row| match row.get(col).and_then(key_of) {
            Some(k) if lk.has(&k) => None,
            Some(_) => Some(row[col].as_text()),
            None => Some("(blank)".to_string()),
        })
        .take(LISTED + 1)
        .collect();
    if out.len() > LISTED {
        out.truncate(LISTED);
        out.push("…".into());
    }
    out
}

/// Rake as `run` would: the weights' range and design effect, or the error that would stop it.
pub(super) fn weighting(cfg: &Config, c: &mut Classified) -> Vec<Finding> {
    match rake::rake(cfg, c) {
        Ok(None) if cfg.weighting.is_some() => {
            vec![info("raking: no classified respondent to weight".into())]
        }
        Ok(None) => Vec::new(),
        Ok(Some(r)) => {
            let mut out = vec![info(format!(
                "raked {} classified respondents in {} iterations: weights {:.3} to {:.3}, design effect {:.2}",
                r.n, r.iterations, r.min, r.max, r.design_effect
            ))];
            for v in &r.values {
                out.push(info(format!(
                    "  {} = {}: target {:.1}%, sample {:.1}% (n={}), weighted {:.1}%",
                    v.field,
                    v.value,
                    v.target * 100.0,
                    v.unweighted_share * 100.0,
                    v.n,
                    v.weighted_share * 100.0
                )));
            }
            out
        }
        Err(e) => vec![error(e.to_string())],
    }
}

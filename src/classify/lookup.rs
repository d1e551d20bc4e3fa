//! `[[lookups]]` (PRODUCT §4): a CRM or pipeline export joined to the respondents by a key.
//!
//! The lookup is read once. Each export table with a column of the key field gets the lookup's
//! columns that some field's headers or patterns match, added on its right: a row whose key
//! (trimmed, case-insensitive; a number matches its text) is in the lookup takes that lookup
//! row's cells, any other row blanks, and is counted as unmatched. From there the added columns
//! are columns like any other: fields find them by header, rules and segments read them. The
//! lookup's own rows are never respondents.

use std::collections::HashMap;
use std::path::Path;

use crate::config::{Config, ConfigError, Lookup};
use crate::ingest::{self, Cell, Column, Table};

/// A lookup file read and indexed by its key.
#[derive(Debug, Clone)]
pub struct LookupTable {
    /// Its `[[lookups]]` entry.
    pub def: Lookup,
    /// The file's SHA-256.
    pub sha256: String,
    pub table: Table,
    pub key_column: usize,
    /// The columns joined to the exports: those some field's headers or patterns match, the
    /// key column aside.
    pub joined: Vec<usize>,
    /// Key → the last lookup row that has it.
    index: HashMap<String, usize>,
    /// Keys found on more than one row, with how many rows (the last row wins).
    pub repeated: Vec<(String, u64)>,
}

impl LookupTable {
    /// The file as the config names it.
    pub fn file(&self) -> &str {
        &self.def.file_shown
    }

    /// Whether a key (as [`key_of`] gives it) is in the lookup.
    pub fn has(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }
}

/// A key as compared: trimmed and lower-cased; a whole number without decimals; `None` blank.
pub fn key_of(c: &Cell) -> Option<String> {
    let t = match c {
        Cell::Empty | Cell::Error(_) => return None,
        Cell::Number(x) => ingest::cell::format_number(*x),
        other => other.text().trim().to_lowercase(),
    };
    (!t.is_empty()).then_some(t)
}

/// Read every lookup of the config. A file that is missing or unreadable, a sheet or key column
/// that is not there is an error naming the config's file, line and key.
pub fn load(cfg: &Config) -> Result<Vec<LookupTable>, ConfigError> {
    cfg.lookups
        .iter()
        .enumerate()
        .map(|(i, l)| load_one(cfg, i, l))
        .collect()
}

fn load_one(cfg: &Config, i: usize, l: &Lookup) -> Result<LookupTable, ConfigError> {
    let err = |key: &str, message: String| ConfigError {
        file: cfg.path.display().to_string(),
        line: Some(l.line),
        message: format!("key `lookups[{i}].{key}`: {message}"),
    };
    let root = l.file.parent().unwrap_or(Path::new(""));
    let read = ingest::read_file(root, &l.file).map_err(|e| {
        err(
            "file",
            format!(
                "cannot read the lookup {} ({}): {}",
                l.file_shown,
                l.file.display(),
                e.reason
            ),
        )
    })?;
    let sheets: Vec<String> = read.tables.iter().filter_map(|t| t.sheet.clone()).collect();
    let table = match &l.sheet {
        Some(s) => read
            .tables
            .into_iter()
            .find(|t| {
                t.sheet
                    .as_deref()
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case(s.trim()))
            })
            .ok_or_else(|| {
                err(
                    "sheet",
                    format!(
                        "{} has no sheet '{s}' (sheets: {})",
                        l.file_shown,
                        sheets.join(", ")
                    ),
                )
            })?,
        None => read
            .tables
            .into_iter()
            .next()
            .ok_or_else(|| err("file", format!("{} holds no table", l.file_shown)))?,
    };
    let want = crate::config::fold(&l.column);
    let key_column = table
        .columns
        .iter()
        .position(|c| c.names.iter().any(|n| crate::config::fold(n) == want))
        .ok_or_else(|| {
            let names: Vec<&str> = table.columns.iter().map(Column::label).collect();
            err(
                "column",
                format!(
                    "{} has no column '{}' (columns: {})",
                    ingest::table_label(&l.file_shown, table.sheet.as_deref()),
                    l.column,
                    names.join(", ")
                ),
            )
        })?;
    let mut index = HashMap::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        if let Some(k) = row.get(key_column).and_then(key_of) {
            *seen.entry(k.clone()).or_default() += 1;
            index.insert(k, r);
        }
    }
    let mut repeated: Vec<(String, u64)> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    repeated.sort();
    let joined = (0..table.columns.len())
        .filter(|&c| c != key_column && super::mapping::any_field_matches(cfg, &table.columns[c]))
        .collect();
    Ok(LookupTable {
        def: l.clone(),
        sha256: read.sha256,
        table,
        key_column,
        joined,
        index,
        repeated,
    })
}

/// Join every lookup to one export table (see the module's comment).
pub fn join(cfg: &Config, t: &mut Table) {
    let lookups = &cfg.lookup_tables;
    if lookups.is_empty() {
        return;
    }
    let map = super::mapping::map_table(cfg, &[], t);
    let mut extra = Vec::new();
    for lk in lookups.iter() {
        let Some(&key_col) = map.fields.get(lk.def.key).and_then(|c| c.first()) else {
            t.lookup_unmatched.push(None);
            continue;
        };
        let found: Vec<Option<usize>> = t
            .rows
            .iter()
            .map(|row| {
                row.get(key_col)
                    .and_then(key_of)
                    .and_then(|k| lk.index.get(&k).copied())
            })
            .collect();
        t.lookup_unmatched
            .push(Some(found.iter().filter(|f| f.is_none()).count() as u64));
        for &c in &lk.joined {
            let col = &lk.table.columns[c];
            let ids = found
                .iter()
                .map(|f| f.map_or(0, |r| lk.table.rows.row(r).id(c)))
                .collect();
            extra.push((lk.table.rows.distinct(c).to_vec(), ids));
            t.columns.push(Column {
                names: col.names.clone(),
                option: col.option.clone(),
                letter: format!("{}!{}", lk.file(), col.letter),
            });
        }
    }
    t.lookup_columns += extra.len();
    let rows = std::mem::take(&mut t.rows);
    t.rows = rows.with_columns(extra);
}

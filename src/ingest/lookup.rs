//! Reading a lookup (PRODUCT §4, `[[lookups]]`): a CRM or pipeline export whose rows are not
//! respondents but are joined to them by a key. This module reads the file, picks its sheet and
//! key column and indexes its rows by key; which of its columns join, and the join itself, are
//! `classify::lookup`'s.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Cell, Column, Table};

/// What names a lookup and where to find its key.
#[derive(Debug, Clone, Copy)]
pub struct LookupSpec<'a> {
    /// The file (resolved).
    pub path: &'a Path,
    /// The file as the user wrote it.
    pub shown: &'a str,
    /// The sheet of a workbook; the first table when `None`.
    pub sheet: Option<&'a str>,
    /// The header of the key column.
    pub key_column: &'a str,
}

/// A lookup file read and indexed by its key.
#[derive(Debug, Clone)]
pub struct LookupFile {
    /// The file as the user wrote it.
    pub shown: String,
    /// The file (resolved).
    pub path: PathBuf,
    /// The file's SHA-256.
    pub sha256: String,
    pub table: Table,
    pub key_column: usize,
    /// Key → the last lookup row that has it.
    index: HashMap<String, usize>,
    /// Keys found on more than one row, with how many rows (the last row wins).
    pub repeated: Vec<(String, u64)>,
}

impl LookupFile {
    /// The file as the user wrote it.
    pub fn file(&self) -> &str {
        &self.shown
    }

    /// Whether a key (as [`key_of`] gives it) is in the lookup.
    pub fn has(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The lookup row of a key (as [`key_of`] gives it).
    pub fn row_of(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }
}

/// Why a lookup cannot be used, and which part of its entry (`file`, `sheet`, `column`) is at
/// fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupError {
    pub part: &'static str,
    pub message: String,
}

/// A key as compared: trimmed and lower-cased; a whole number without decimals; `None` blank.
pub fn key_of(c: &Cell) -> Option<String> {
    let t = match c {
        Cell::Empty | Cell::Error(_) => return None,
        Cell::Number(x) => super::cell::format_number(*x),
        other => other.text().trim().to_lowercase(),
    };
    (!t.is_empty()).then_some(t)
}

/// Read one lookup: its file, the sheet it names (or the first table), the key column found by
/// its header, every row indexed by its key.
pub fn read(spec: LookupSpec) -> Result<LookupFile, LookupError> {
    let err = |part, message| LookupError { part, message };
    let root = spec.path.parent().unwrap_or(Path::new(""));
    let read = super::read_file(root, spec.path).map_err(|e| {
        err(
            "file",
            format!(
                "cannot read the lookup {} ({}): {}",
                spec.shown,
                spec.path.display(),
                e.reason
            ),
        )
    })?;
    let sheets: Vec<String> = read.tables.iter().filter_map(|t| t.sheet.clone()).collect();
    let table = match spec.sheet {
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
                        spec.shown,
                        sheets.join(", ")
                    ),
                )
            })?,
        None => read
            .tables
            .into_iter()
            .next()
            .ok_or_else(|| err("file", format!("{} holds no table", spec.shown)))?,
    };
    let key_column = find_column(&table, spec.key_column).ok_or_else(|| {
        let names: Vec<&str> = table.columns.iter().map(Column::label).collect();
        err(
            "column",
            format!(
                "{} has no column '{}' (columns: {})",
                super::table_label(spec.shown, table.sheet.as_deref()),
                spec.key_column,
                names.join(", ")
            ),
        )
    })?;
    let (index, repeated) = index_keys(&table, key_column);
    Ok(LookupFile {
        shown: spec.shown.to_string(),
        path: spec.path.to_path_buf(),
        sha256: read.sha256,
        table,
        key_column,
        index,
        repeated,
    })
}

/// The column one of whose header rows is `header`, compared as headers are (spaces and case
/// folded).
fn find_column(table: &Table, header: &str) -> Option<usize> {
    use super::layout::fold;
    let want = fold(header);
    table
        .columns
        .iter()
        .position(|c| c.names.iter().any(|n| fold(n) == want))
}

/// Key → its last row, and the keys on more than one row with their counts, sorted.
fn index_keys(table: &Table, key_column: usize) -> (HashMap<String, usize>, Vec<(String, u64)>) {
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
    (index, repeated)
}

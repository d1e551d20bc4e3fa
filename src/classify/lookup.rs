//! `[[lookups]]` (PRODUCT §4): a CRM or pipeline export joined to the respondents by a key.
//!
//! The lookups are read once, by `ingest::lookup`. [`prepare`] readies a file's tables for
//! classification, for `run` and `check` alike: the sheets `[input]` leaves out are left out;
//! then each table with a column of a lookup's key field gets the lookup's columns that some
//! field's headers or patterns match, added on its right (a row whose key — trimmed,
//! case-insensitive; a number matches its text — is in the lookup takes that lookup row's cells,
//! any other row blanks, and is counted as unmatched). What the join did is the table's
//! [`JoinRecord`]. From there
//! the added columns are columns like any other: fields find them by header, rules and segments
//! read them. The lookup's own rows are never respondents.

use crate::config::{Config, Lookup};
use crate::ingest::lookup::{key_of, LookupFile};
use crate::ingest::{Column, Table};

/// One lookup as it joins: its entry in the config, the file read, and the columns joined to the
/// exports (those some field's headers or patterns match, the key column aside).
#[derive(Debug)]
pub struct Join<'a> {
    pub def: &'a Lookup,
    pub file: &'a LookupFile,
    pub joined: Vec<usize>,
}

/// Every lookup of a config, in its order.
#[derive(Debug, Default)]
pub struct Joins<'a> {
    pub lookups: Vec<Join<'a>>,
}

impl<'a> Joins<'a> {
    /// The config's lookups (`cfg.lookups`) with the files read for them, in the same order.
    pub fn new(cfg: &'a Config, files: &'a [LookupFile]) -> Joins<'a> {
        let lookups = cfg
            .lookups
            .iter()
            .zip(files)
            .map(|(def, file)| Join {
                def,
                file,
                joined: (0..file.table.columns.len())
                    .filter(|&c| {
                        c != file.key_column
                            && super::mapping::any_field_matches(cfg, &file.table.columns[c])
                    })
                    .collect(),
            })
            .collect();
        Joins { lookups }
    }
}

/// What joining the lookups did to one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinRecord {
    /// Per lookup: the rows whose key found no lookup row (`None`: the table has no column of the
    /// key field and was not joined).
    pub unmatched: Vec<Option<u64>>,
    /// How many of the table's last columns come from lookups, not from the file.
    pub added_columns: usize,
}

/// The record of a table no lookup was joined to.
pub static NOT_JOINED: JoinRecord = JoinRecord {
    unmatched: Vec::new(),
    added_columns: 0,
};

/// A table ready to classify, with what the join did to it.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a> {
    pub table: &'a Table,
    pub join: &'a JoinRecord,
}

impl<'a> Joined<'a> {
    /// A table no lookup was joined to.
    pub fn plain(table: &'a Table) -> Joined<'a> {
        Joined {
            table,
            join: &NOT_JOINED,
        }
    }
}

/// Tables with the lookups joined: see [`prepare`].
#[derive(Debug, Default)]
pub struct Prepared {
    tables: Vec<Table>,
    joins: Vec<JoinRecord>,
}

impl Prepared {
    /// The tables to classify, in their order.
    pub fn tables(&self) -> Vec<Joined<'_>> {
        self.tables
            .iter()
            .zip(&self.joins)
            .map(|(table, join)| Joined { table, join })
            .collect()
    }
}

/// Ready tables for classification: the sheets `[input]` keeps, every lookup joined to each
/// (see the module's comment).
pub fn prepare(cfg: &Config, joins: &Joins, mut tables: Vec<Table>) -> Prepared {
    tables.retain(|t| cfg.input.wants_sheet(t.sheet.as_deref()));
    let joins = tables.iter_mut().map(|t| join(cfg, joins, t)).collect();
    Prepared { tables, joins }
}

/// Join every lookup to one table.
fn join(cfg: &Config, joins: &Joins, t: &mut Table) -> JoinRecord {
    let mut record = JoinRecord::default();
    if joins.lookups.is_empty() {
        return record;
    }
    let map = super::mapping::map_table(cfg, &[], t);
    let mut extra = Vec::new();
    for lk in &joins.lookups {
        let Some(&key_col) = map.fields.get(lk.def.key).and_then(|c| c.first()) else {
            record.unmatched.push(None);
            continue;
        };
        let found: Vec<Option<usize>> = t
            .rows
            .iter()
            .map(|row| {
                row.get(key_col)
                    .and_then(key_of)
                    .and_then(|k| lk.file.row_of(&k))
            })
            .collect();
        record
            .unmatched
            .push(Some(found.iter().filter(|f| f.is_none()).count() as u64));
        let file = &lk.file.table;
        for &c in &lk.joined {
            let col = &file.columns[c];
            let ids = found
                .iter()
                .map(|f| f.map_or(0, |r| file.rows.row(r).id(c)))
                .collect();
            extra.push((file.rows.distinct(c).to_vec(), ids));
            t.columns.push(Column {
                names: col.names.clone(),
                option: col.option.clone(),
                letter: format!("{}!{}", lk.file.file(), col.letter),
            });
        }
    }
    record.added_columns = extra.len();
    let rows = std::mem::take(&mut t.rows);
    t.rows = rows.with_columns(extra);
    record
}

//! One table's rows classified: set up its readers, turn each row into value ids, then into
//! an outcome.

use std::collections::HashMap;

use crate::FxBuildHasher;

use super::mapping::{self, AttrSource, Attribute, TableMap};
use super::outcome::Respondent;
use super::readers::{reading_id, ColumnReads, FieldReads};
use super::store::Row;
use super::texts::Texts;
use super::values::{Problems, Reader, Val, ValPool};
use super::verdict::{decide, Flags};
use crate::config::{Config, FieldId};
use crate::ingest::{RowRef, Table};

/// Classify one table's rows, in three steps: set up its readers ([`TableReads::new`]), turn
/// each row into value ids ([`TableReads::row_ids`]), then into an outcome ([`respondent`]).
pub(super) fn classify_table(cfg: &Config, attrs: &[Attribute], ti: usize, t: &Table) -> TableRows {
    let readers = Readers::new(cfg);
    let mut reads = TableReads::new(cfg, attrs, t, &readers);
    let mut flags = Flags::new(cfg, &reads.map, t);
    let width = Row::new(cfg, attrs.len()).width();
    let mut out = TableRows {
        respondents: Vec::with_capacity(t.rows.len()),
        cols: Vec::with_capacity(t.rows.len() * width),
        pool: ValPool::default(),
        ids: Texts::with_capacity(3 * t.rows.len()),
        problems: Problems::new(),
        guess_rows: Vec::new(),
        ids_per_export: false,
    };
    let id_col = cfg
        .roles
        .respondent_id
        .and_then(|f| reads.map.fields.get(f))
        .and_then(|cols| cols.first().copied());
    out.ids_per_export = ids_per_export(t, id_col);
    reads.person = out
        .ids_per_export
        .then(|| person_column(cfg, t, id_col))
        .flatten();
    for (ri, row) in t.rows.iter().enumerate() {
        let values = reads.row_ids(row, &mut out);
        let at = (ti, t.row_number(ri));
        let mut r = respondent(cfg, &mut flags, row, &values, at);
        if ri + t.note_rows >= t.rows.len()
            && !matches!(r.outcome, super::outcome::Outcome::Excluded(_))
        {
            r.outcome = super::outcome::Outcome::Excluded("note row".into());
            r.guess = None;
        }
        out.respondents.push(r);
    }
    out.guess_rows = std::mem::take(&mut flags.tally);
    out
}

/// The readers of the config's fields and of its attribute sets' ratings.
struct Readers<'a> {
    fields: Vec<Reader<'a>>,
    sets: Vec<Reader<'a>>,
}

impl<'a> Readers<'a> {
    fn new(cfg: &'a Config) -> Readers<'a> {
        Readers {
            fields: cfg.fields.iter().map(Reader::of).collect(),
            sets: cfg
                .attribute_sets
                .iter()
                .map(|s| Reader {
                    name: "attribute",
                    kind: crate::config::FieldKind::Number,
                    values: &s.values,
                    scale: s.scale,
                    separator: None,
                    date_order: None,
                })
                .collect(),
        }
    }
}

/// One table's cached readers: per field, per attribute item and per segment.
struct TableReads<'a> {
    cfg: &'a Config,
    t: &'a Table,
    map: TableMap,
    /// Per field, its reader in this table (a date field's with its column's date order).
    readers: Vec<Reader<'a>>,
    /// The fields kept for the analyses ([`Config::analysis_fields`]).
    kept: Vec<FieldId>,
    fields: Vec<FieldReads>,
    /// Per attribute: its (expectation, experience) columns' reads and readers.
    attrs: Vec<[Option<ColumnReads>; 2]>,
    attr_readers: Vec<(&'a Reader<'a>, &'a Reader<'a>)>,
    /// Per segment: the pool id of its text, per distinct cell of the field's column.
    segment_ids: Vec<HashMap<u32, u32, FxBuildHasher>>,
    /// A person's id column where the respondent id numbers responses ([`person_column`]).
    person: Option<usize>,
}

/// A row's field values (and, for the fields the rules compare as text, their folded texts).
struct RowValues<'r> {
    vals: Vec<&'r Val>,
    texts: Vec<Option<&'r [String]>>,
}

impl<'a> TableReads<'a> {
    /// Step 1: map the table's columns and set up a cached reader for each.
    fn new(
        cfg: &'a Config,
        attrs: &[Attribute],
        t: &'a Table,
        readers: &'a Readers<'a>,
    ) -> TableReads<'a> {
        let map = mapping::map_table(cfg, attrs, t);
        // The fields the rules compare as text: their folded texts are made once per answer.
        let mut rule_fields = Vec::new();
        for c in cfg
            .exclusions
            .iter()
            .map(|e| &e.when)
            .chain(cfg.stage_rules.iter().map(|r| &r.when))
        {
            c.text_fields(&mut rule_fields);
        }
        let fields = map
            .fields
            .iter()
            .enumerate()
            .map(|(f, cols)| FieldReads::new(t, cols, rule_fields.contains(&f)))
            .collect();
        let attr_reads = map
            .attributes
            .iter()
            .map(|(e, x)| {
                [
                    e.map(|c| ColumnReads::new(t, c, false)),
                    x.map(|c| ColumnReads::new(t, c, false)),
                ]
            })
            .collect();
        let attr_readers = attrs
            .iter()
            .map(|a| match &a.source {
                AttrSource::Fields {
                    expectation,
                    experience,
                } => (
                    // An experience-only attribute has no expectation column to read.
                    &readers.fields[expectation.unwrap_or(*experience)],
                    &readers.fields[*experience],
                ),
                AttrSource::Set { set } => (&readers.sets[*set], &readers.sets[*set]),
            })
            .collect();
        let readers = readers
            .fields
            .iter()
            .zip(&map.fields)
            .map(|(r, cols)| {
                let mut r = r.clone();
                if r.kind == crate::config::FieldKind::Date && !cols.is_empty() {
                    r.date_order =
                        Some(crate::ingest::dates::column_order(t, cols, r.date_order).0);
                }
                r
            })
            .collect();
        TableReads {
            cfg,
            t,
            map,
            readers,
            kept: cfg.analysis_fields(),
            fields,
            attrs: attr_reads,
            attr_readers,
            segment_ids: vec![HashMap::default(); cfg.segments.len()],
            person: None,
        }
    }

    /// Step 2: read a row's cells and push its value ids onto `out`: the kept fields, then the
    /// attribute pairs, then the segments (the order the values were first interned in before
    /// the readings were shared), and its respondent id and panel key. Gives its values.
    fn row_ids(&mut self, row: RowRef, out: &mut TableRows) -> RowValues<'_> {
        let (t, map) = (self.t, &self.map);
        for ((reads, cols), reader) in self.fields.iter_mut().zip(&map.fields).zip(&self.readers) {
            reads.read(reader, t, row, cols, &mut out.problems);
        }
        for &f in &self.kept {
            let id = match self.fields[f].reading_mut(row) {
                Some(reading) => reading_id(reading, &mut out.pool),
                None => out.pool.id(&Val::Missing),
            };
            out.cols.push(id);
        }
        for (reads, &(e, x)) in self.attrs.iter_mut().zip(&self.attr_readers) {
            for (col, reader) in reads.iter_mut().zip([e, x]) {
                let reading = col
                    .as_mut()
                    .and_then(|col| col.read(reader, t, row, &mut out.problems));
                out.cols.push(match reading {
                    Some(reading) if matches!(reading.val, Val::Num(_)) => {
                        reading_id(reading, &mut out.pool)
                    }
                    _ => 0,
                });
            }
        }
        let (vals, texts): (Vec<&Val>, Vec<Option<&[String]>>) = self
            .fields
            .iter()
            .map(|f| match f.reading(row) {
                Some(r) => (&r.val, r.texts.as_deref()),
                None => (&MISSING, None),
            })
            .unzip();
        for (si, &f) in self.cfg.segments.iter().enumerate() {
            let pool = &mut out.pool;
            let mut segment = || {
                let text = vals[f].as_text().map(|t| Val::Text {
                    raw: t.into(),
                    code: None,
                });
                text.map_or(0, |v| pool.id(&v))
            };
            let id = match self.fields[f].cell_id(row) {
                Some(cell) => *self.segment_ids[si].entry(cell).or_insert_with(segment),
                None => segment(),
            };
            out.cols.push(id);
        }
        let roles = &self.cfg.roles;
        let text_of = |f: Option<usize>| f.and_then(|f| vals[f].text());
        out.ids.push(text_of(roles.respondent_id).as_deref());
        out.ids.push(text_of(roles.panel_key).as_deref());
        // The person behind a response numbered within its export (an e-mail, a contact id),
        // compared without case: what marks a repeat by the same person.
        let person = self.person.and_then(|c| row.get(c)).map(|c| c.text());
        let person = person
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_lowercase);
        out.ids.push(person.as_deref());
        RowValues { vals, texts }
    }
}

/// Step 3: a row's outcome (flags, exclusions, weight, stage rules), as a respondent of table
/// `ti` at record number `row`.
fn respondent(
    cfg: &Config,
    flags: &mut Flags,
    row: RowRef,
    v: &RowValues,
    (ti, number): (usize, usize),
) -> Respondent {
    let r = &cfg.roles;
    let vals = &v.vals;
    let date = r.date.and_then(|f| match vals[f] {
        Val::Date(d) => Some(*d),
        _ => None,
    });
    let weight = r.weight.map(|f| vals[f].as_num()).unwrap_or(Some(1.0));
    let (outcome, guess) = decide(cfg, flags, row, (vals, &v.texts), date, weight);
    Respondent {
        index: 0,
        table: u32::try_from(ti).unwrap_or(u32::MAX),
        row: u32::try_from(number).unwrap_or(u32::MAX),
        chunk: 0,
        local: 0,
        date,
        outcome,
        weight: weight.filter(|w| *w > 0.0).unwrap_or(0.0),
        recommend: r.recommend.and_then(|f| vals[f].as_num()),
        guess,
    }
}

pub(super) static MISSING: Val = Val::Missing;

/// One table's respondents, their rows of value ids into `pool`, and its bad cells.
pub(super) struct TableRows {
    pub(super) respondents: Vec<Respondent>,
    pub(super) cols: Vec<u32>,
    pub(super) pool: ValPool,
    pub(super) ids: Texts,
    pub(super) problems: Problems,
    /// Per guess of the config, the rows it decided.
    pub(super) guess_rows: Vec<u64>,
    /// Whether the table's respondent ids are unique only within it (see [`ids_per_export`]).
    pub(super) ids_per_export: bool,
}

/// Where a table's respondent ids number its responses, another column the respondent id field
/// also matched that is a person's id (an e-mail, a contact id): a repeat by the same person
/// within the export, or in another one, is a duplicate by it.
fn person_column(cfg: &Config, t: &Table, id_col: Option<usize>) -> Option<usize> {
    let f = cfg.roles.respondent_id?;
    let matched = mapping::candidates(cfg, t);
    matched
        .get(f)?
        .iter()
        .copied()
        .find(|&c| Some(c) != id_col && !ids_per_export(t, Some(c)))
}

/// Whether a table's respondent id column numbers responses within its own export: the
/// platform's response id (`ResponseId`, `#`, `_id`, `Submission ID`…), or a counter (whole
/// numbers from near 1, densely: `1, 2, 3…`). Another export's equal id is another person.
pub(super) fn ids_per_export(t: &Table, col: Option<usize>) -> bool {
    let Some(col) = col else { return false };
    if crate::ingest::layout::response_id(t.layout, &t.columns) == Some(col) {
        return true;
    }
    let (mut n, mut lo, mut hi) = (0u64, f64::MAX, f64::MIN);
    for cell in t.rows.distinct(col) {
        let x = match cell {
            crate::ingest::Cell::Empty => continue,
            crate::ingest::Cell::Number(x) => *x,
            crate::ingest::Cell::Text(s) => match s.trim().parse::<u64>() {
                Ok(x) => x as f64,
                Err(_) if s.trim().is_empty() || t.is_header_cell(col, s) => continue,
                Err(_) => return false,
            },
            _ => return false,
        };
        if x.fract() != 0.0 || x < 0.0 {
            return false;
        }
        n += 1;
        lo = lo.min(x);
        hi = hi.max(x);
    }
    n >= 2 && lo <= 10.0 && hi - lo + 1.0 <= 2.0 * n as f64
}

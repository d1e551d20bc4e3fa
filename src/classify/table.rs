//! One table's rows classified: set up its readers, turn each row into value ids, then into
//! an outcome.

use super::mapping::{self, AttrSource, Attribute};
use super::outcome::Respondent;
use super::readers::{reading_id, ColumnReads, FieldReads};
use super::store::Row;
use super::texts::Texts;
use super::values::{Problems, Reader, Val, ValPool};
use super::verdict::{decide, Flags};
use crate::config::Config;
use crate::ingest::Table;

pub(super) fn classify_table(cfg: &Config, attrs: &[Attribute], ti: usize, t: &Table) -> TableRows {
    let map = mapping::map_table(cfg, attrs, t);
    let readers: Vec<Reader> = cfg.fields.iter().map(Reader::of).collect();
    let set_readers: Vec<Reader> = cfg
        .attribute_sets
        .iter()
        .map(|s| Reader {
            name: "attribute",
            kind: crate::config::FieldKind::Number,
            values: &s.values,
            scale: s.scale,
            separator: None,
        })
        .collect();
    let kept = cfg.analysis_fields();
    let mut problems = Problems::new();
    let mut out = Vec::with_capacity(t.rows.len());
    let mut pool = ValPool::default();
    let mut cols = Vec::with_capacity(t.rows.len() * Row::new(cfg, attrs.len()).width());
    let mut ids = Texts::with_capacity(2 * t.rows.len());
    let r = &cfg.roles;
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
    let mut field_reads: Vec<FieldReads> = map
        .fields
        .iter()
        .enumerate()
        .map(|(f, cols)| FieldReads::new(t, cols, rule_fields.contains(&f)))
        .collect();
    let mut attr_reads: Vec<[Option<ColumnReads>; 2]> = map
        .attributes
        .iter()
        .map(|(e, x)| {
            [
                e.map(|c| ColumnReads::new(t, c, false)),
                x.map(|c| ColumnReads::new(t, c, false)),
            ]
        })
        .collect();
    let attr_readers: Vec<(&Reader, &Reader)> = attrs
        .iter()
        .map(|a| match &a.source {
            AttrSource::Fields {
                expectation,
                experience,
            } => (&readers[*expectation], &readers[*experience]),
            AttrSource::Set { set } => (&set_readers[*set], &set_readers[*set]),
        })
        .collect();
    // Per segment: the pool id of its text, per distinct cell of the field's column.
    let mut segment_ids: Vec<std::collections::HashMap<u32, u32, crate::hashing::Fast>> =
        vec![Default::default(); cfg.segments.len()];
    let mut flags = Flags::new(cfg, &map, t);
    for (ri, row) in t.rows.iter().enumerate() {
        for ((reads, cols), reader) in field_reads.iter_mut().zip(&map.fields).zip(&readers) {
            reads.read(reader, t, row, cols, &mut problems);
        }
        // The pool ids, in the order the values were first interned before the readings were
        // shared: kept fields, then attributes, then segments.
        let mut field_id = |f: usize, pool: &mut ValPool| -> u32 {
            match field_reads[f].reading_mut(row) {
                Some(reading) => reading_id(reading, pool),
                None => pool.id(&Val::Missing),
            }
        };
        for &f in &kept {
            let id = field_id(f, &mut pool);
            cols.push(id);
        }
        for (reads, &(e, x)) in attr_reads.iter_mut().zip(&attr_readers) {
            for (col, reader) in reads.iter_mut().zip([e, x]) {
                let reading = col
                    .as_mut()
                    .and_then(|col| col.read(reader, t, row, &mut problems));
                cols.push(match reading {
                    Some(reading) if matches!(reading.val, Val::Num(_)) => {
                        reading_id(reading, &mut pool)
                    }
                    _ => 0,
                });
            }
        }
        let (vals, texts): (Vec<&Val>, Vec<Option<&[String]>>) = field_reads
            .iter()
            .map(|f| match f.reading(row) {
                Some(r) => (&r.val, r.texts.as_deref()),
                None => (&MISSING, None),
            })
            .unzip();
        for (si, &f) in cfg.segments.iter().enumerate() {
            let mut segment = || {
                let text = vals[f].as_text().map(|t| Val::Text {
                    raw: t.into(),
                    code: None,
                });
                text.map_or(0, |v| pool.id(&v))
            };
            let id = match field_reads[f].cell_id(row) {
                Some(cell) => *segment_ids[si].entry(cell).or_insert_with(segment),
                None => segment(),
            };
            cols.push(id);
        }
        let text_of = |f: Option<usize>| f.and_then(|f| vals[f].text());
        ids.push(text_of(r.respondent_id).as_deref());
        ids.push(text_of(r.panel_key).as_deref());
        let date = r.date.and_then(|f| match vals[f] {
            Val::Date(d) => Some(*d),
            _ => None,
        });
        let weight = r.weight.map(|f| vals[f].as_num()).unwrap_or(Some(1.0));
        let outcome = decide(cfg, &mut flags, row, (&vals, &texts), date, weight);
        out.push(Respondent {
            index: 0,
            table: u32::try_from(ti).unwrap_or(u32::MAX),
            row: u32::try_from(t.row_number(ri)).unwrap_or(u32::MAX),
            chunk: 0,
            local: 0,
            date,
            outcome,
            weight: weight.filter(|w| *w > 0.0).unwrap_or(0.0),
            recommend: r.recommend.and_then(|f| vals[f].as_num()),
        });
    }
    TableRows {
        respondents: out,
        cols,
        pool,
        ids,
        problems,
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
}

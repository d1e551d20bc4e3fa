//! Cached cell readers: each distinct cell of a column is read once per field, and a
//! multi-select over option columns once per set of chosen options.

use super::rules;
use super::values::{self, Problem, Problems, Reader, Val, ValPool};
use crate::ingest::format::ColumnFormat;
use crate::ingest::{Cell, RowRef, Table};

/// A distinct cell of a column as one field reads it: its value, the value's id in the table's
/// pool once a row has needed it, and the problem it was counted as (noted again for every
/// row that holds the cell, so the tallies are those of reading every cell).
pub(super) struct Reading {
    pub(super) val: Val,
    pub(super) id: Option<u32>,
    pub(super) problem: Option<(Problem, String)>,
    /// For a field the rules compare as text: the value's folded texts.
    pub(super) texts: Option<Vec<String>>,
}

impl Reading {
    pub(super) fn new(val: Val, problem: Option<(Problem, String)>, rule_texts: bool) -> Reading {
        Reading {
            texts: rule_texts.then(|| rules::folded_texts(&val)),
            val,
            id: None,
            problem,
        }
    }
}

/// One column as one field reads it: per distinct cell of the column (by id), its reading once
/// a row has held it. A column of mostly distinct cells (ids, time stamps) is read row by row
/// into one slot instead: keeping a reading per cell would save nothing and hold a value per
/// row until the table is done.
pub(super) struct ColumnReads {
    pub(super) col: usize,
    pub(super) reads: Vec<Option<Reading>>,
    pub(super) rule_texts: bool,
    /// Whether readings are kept per distinct cell (else slot 0 holds the current row's).
    pub(super) shared: bool,
}

/// The format `reader` reads column `col` of `t` in: the column's own (decided once from its
/// cells, [`Table::column_format`]) when the field reads numbers or lists, else the file's
/// (unused).
fn format_for(reader: &Reader, t: &Table, col: usize) -> ColumnFormat {
    if reader.needs_format() {
        t.column_format(col)
    } else {
        ColumnFormat::plain(t.decimal_comma)
    }
}

impl ColumnReads {
    pub(super) fn new(t: &Table, col: usize, rule_texts: bool) -> ColumnReads {
        let distinct = t.rows.distinct(col).len();
        let shared = distinct <= t.rows.len() / 2 + 1;
        let mut reads = Vec::new();
        reads.resize_with(if shared { distinct } else { 1 }, || None);
        ColumnReads {
            col,
            reads,
            rule_texts,
            shared,
        }
    }

    /// Where the current row's reading is kept.
    pub(super) fn slot(&self, row: RowRef) -> usize {
        if self.shared {
            row.id(self.col) as usize
        } else {
            0
        }
    }

    /// The reading of this row's cell, read on first sight and its problem noted each time.
    pub(super) fn read(
        &mut self,
        reader: &Reader,
        t: &Table,
        row: RowRef,
        problems: &mut Problems,
    ) -> Option<&mut Reading> {
        let cell = &row[self.col];
        if !self.shared {
            // Read once, for this row alone: its problem goes straight to the table's.
            let val = reader.read(cell, self.col, format_for(reader, t, self.col), problems);
            let r = self.reads.get_mut(0)?;
            return Some(r.insert(Reading::new(val, None, self.rule_texts)));
        }
        let r = self.reads.get_mut(row.id(self.col) as usize)?;
        let reading = r.get_or_insert_with(|| {
            let mut own = Problems::new();
            let val = reader.read(cell, self.col, format_for(reader, t, self.col), &mut own);
            let problem = own.into_iter().next().map(|((_, _, p), tally)| {
                (p, tally.examples.into_iter().next().unwrap_or_default())
            });
            Reading::new(val, problem, self.rule_texts)
        });
        if let Some((p, example)) = &reading.problem {
            values::note(problems, self.col, reader.name, *p, example);
        }
        Some(reading)
    }
}

/// The pool id of a reading's value (interned the first time a row needs it).
pub(super) fn reading_id(reading: &mut Reading, pool: &mut ValPool) -> u32 {
    *reading.id.get_or_insert_with(|| pool.id(&reading.val))
}

/// How one field is read in a table.
pub(super) enum FieldReads {
    /// From one column: once per distinct cell.
    Column(ColumnReads),
    /// A multi-select over option columns: once per set of chosen options.
    Options(OptionReads),
    /// Anything else (no column; a multi-select over columns without option names): row by
    /// row.
    Row(Reading),
}

/// A multi-select spread over option columns (at most 64): whether each distinct cell of each
/// column counts as chosen, and the value of each set of chosen options seen.
pub(super) struct OptionReads {
    /// Per option column, in order.
    pub(super) chosen: Vec<CellVerdicts>,
    pub(super) rule_texts: bool,
    pub(super) by_set: std::collections::HashMap<u64, Reading, crate::FxBuildHasher>,
    /// The current row's set.
    pub(super) set: u64,
}

impl FieldReads {
    pub(super) fn new(t: &Table, cols: &[usize], rule_texts: bool) -> FieldReads {
        match cols {
            [c] if t.columns[*c].option.is_none() => {
                FieldReads::Column(ColumnReads::new(t, *c, rule_texts))
            }
            [_, ..] if cols.len() <= 64 && cols.iter().all(|&c| t.columns[c].option.is_some()) => {
                FieldReads::Options(OptionReads {
                    chosen: cols.iter().map(|&c| CellVerdicts::new(t, c)).collect(),
                    rule_texts,
                    by_set: Default::default(),
                    set: 0,
                })
            }
            _ => FieldReads::Row(Reading::new(Val::Missing, None, false)),
        }
    }

    /// Read this row's value, noting its problem; [`FieldReads::reading`] then gives it.
    pub(super) fn read(
        &mut self,
        reader: &Reader,
        t: &Table,
        row: RowRef,
        cols: &[usize],
        problems: &mut Problems,
    ) {
        match self {
            FieldReads::Column(reads) => {
                reads.read(reader, t, row, problems);
            }
            FieldReads::Options(o) => {
                let mut set = 0u64;
                for (i, chosen) in o.chosen.iter_mut().enumerate() {
                    if chosen.of(row, is_selected) {
                        set |= 1 << i;
                    }
                }
                o.set = set;
                let rule_texts = o.rule_texts;
                o.by_set
                    .entry(set)
                    .or_insert_with(|| Reading::new(read_field(t, row, cols), None, rule_texts));
            }
            FieldReads::Row(reading) => {
                *reading = Reading::new(read_field(t, row, cols), None, false);
            }
        }
    }

    /// [`FieldReads::reading`], to intern its value.
    pub(super) fn reading_mut(&mut self, row: RowRef) -> Option<&mut Reading> {
        match self {
            FieldReads::Column(reads) => {
                let slot = reads.slot(row);
                reads.reads.get_mut(slot)?.as_mut()
            }
            FieldReads::Options(o) => o.by_set.get_mut(&o.set),
            FieldReads::Row(reading) => Some(reading),
        }
    }

    /// The current row's reading.
    pub(super) fn reading(&self, row: RowRef) -> Option<&Reading> {
        match self {
            FieldReads::Column(reads) => reads.reads.get(reads.slot(row)).and_then(Option::as_ref),
            FieldReads::Options(o) => o.by_set.get(&o.set),
            FieldReads::Row(reading) => Some(reading),
        }
    }

    /// The distinct cell the current row's value comes from, when it comes from one column.
    pub(super) fn cell_id(&self, row: RowRef) -> Option<u32> {
        match self {
            FieldReads::Column(reads) if reads.shared => Some(row.id(reads.col)),
            _ => None,
        }
    }
}

/// A field's value in a row from several columns (a multi-select spread over option columns):
/// the options chosen. One column is read by [`ColumnReads`] instead.
pub(super) fn read_field(t: &Table, row: RowRef, cols: &[usize]) -> Val {
    match cols {
        [] => Val::Missing,
        _ => {
            let chosen = cols
                .iter()
                .filter(|&&c| is_selected(&row[c]))
                .map(|&c| match &t.columns[c].option {
                    Some(o) => std::sync::Arc::from(o.as_str()),
                    None => std::sync::Arc::from(row[c].as_text()),
                })
                .collect();
            Val::Multi(chosen)
        }
    }
}

/// An option column's cell counts as chosen unless empty, `0`, `false` or `Not selected`.
pub(super) fn is_selected(c: &Cell) -> bool {
    match c {
        Cell::Empty | Cell::Error(_) => false,
        Cell::Number(x) => *x != 0.0,
        Cell::Bool(b) => *b,
        other => {
            let t = other.as_text().to_lowercase();
            !(t.is_empty() || t == "0" || t == "false" || t == "not selected")
        }
    }
}

/// A yes or no about the cells of one column, decided once per distinct cell.
pub(super) struct CellVerdicts {
    pub(super) col: usize,
    pub(super) known: Vec<Option<bool>>,
}

impl CellVerdicts {
    pub(super) fn new(t: &Table, col: usize) -> CellVerdicts {
        CellVerdicts {
            col,
            known: vec![None; t.rows.distinct(col).len()],
        }
    }

    /// The verdict on this row's cell, `judge`d the first time the cell is met.
    pub(super) fn of(&mut self, row: RowRef, judge: impl FnOnce(&Cell) -> bool) -> bool {
        let cell = &row[self.col];
        match self.known.get_mut(row.id(self.col) as usize) {
            Some(known) => *known.get_or_insert_with(|| judge(cell)),
            None => judge(cell),
        }
    }
}

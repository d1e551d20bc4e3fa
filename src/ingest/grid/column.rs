//! One column's distinct cells while a grid is built: each cell is looked up among those seen
//! before and given the id of its earlier copy, or a new one.

use std::collections::HashMap;

use crate::FxBuildHasher;
use chrono::NaiveDateTime;

use super::intern::{ByteSlots, TextIds};
use crate::ingest::cell::Cell;

/// A cell other than text, as a key for finding its earlier copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum OtherKey {
    Number(u64),
    Bool(bool),
    Date(NaiveDateTime),
    Error(Box<str>),
}

/// What a cell of a column left unread holds when it is not blank (see
/// [`GridBuilder::leave_unread`]).
pub const UNREAD: &str = "(not read)";

/// One column's distinct cells while a grid is built.
#[derive(Debug, Default, Clone)]
pub(crate) struct ColumnBuilder {
    pub(crate) cells: Vec<Cell>,
    pub(crate) texts: TextIds,
    pub(crate) others: HashMap<OtherKey, u32, FxBuildHasher>,
    /// Cells added so far.
    pub(crate) seen: usize,
    /// A column of (nearly) unique values — ids, time stamps, e-mail addresses: looking each
    /// cell up saves nothing, so from the first [`PROBE`] cells on, every cell is stored as it
    /// comes (equal ids are still equal cells; equal cells may now have two ids).
    pub(crate) unique: bool,
    /// The id of the [`UNREAD`] cell, once the column has one.
    pub(crate) unread: Option<u32>,
    /// The ids of a workbook's shared strings met so far, by the string's address and length:
    /// each shared string is one text for the whole sheet read, so it is found again without
    /// hashing its text (see [`ColumnBuilder::add_shared`]).
    pub(crate) shared: HashMap<(usize, usize), u32, FxBuildHasher>,
    /// The ids of one-byte texts met so far, by the byte (see [`ColumnBuilder::add_bytes`]).
    pub(crate) bytes: ByteSlots,
    /// The ids of the whole numbers 0 to 255 met so far, by the number (see
    /// [`ColumnBuilder::add_number`]).
    pub(crate) small_numbers: ByteSlots,
}

/// After this many cells a column whose cells are mostly distinct stops looking them up.
pub(crate) const PROBE: usize = 512;

impl ColumnBuilder {
    pub(crate) fn new() -> ColumnBuilder {
        ColumnBuilder {
            cells: vec![Cell::Empty],
            ..Default::default()
        }
    }

    /// Count a cell; switch to storing cells as they come once the column proves unique.
    pub(crate) fn count(&mut self) {
        self.seen += 1;
        if self.seen == PROBE && !self.unique && 4 * self.cells.len() > 3 * PROBE {
            self.unique = true;
            self.texts = TextIds::default();
            self.others = HashMap::default();
            self.shared = HashMap::default();
            self.bytes = ByteSlots::default();
            self.small_numbers = ByteSlots::default();
        }
    }

    pub(crate) fn push(&mut self, cell: Cell) -> u32 {
        let id = u32::try_from(self.cells.len()).unwrap_or(u32::MAX);
        self.cells.push(cell);
        id
    }

    pub(crate) fn add(&mut self, cell: Cell) -> u32 {
        self.count();
        if self.unique {
            return match cell {
                Cell::Empty => 0,
                cell => self.push(cell),
            };
        }
        let next = u32::try_from(self.cells.len()).unwrap_or(u32::MAX);
        let key = match &cell {
            Cell::Empty => return 0,
            Cell::Text(t) => {
                if let Some(id) = self.texts.get(t) {
                    return id;
                }
                self.texts.insert(t, next);
                self.cells.push(cell);
                return next;
            }
            Cell::Number(x) => OtherKey::Number(x.to_bits()),
            Cell::Bool(b) => OtherKey::Bool(*b),
            Cell::Date(d) => OtherKey::Date(*d),
            Cell::Error(e) => OtherKey::Error(e.clone()),
        };
        match self.others.get(&key) {
            Some(&id) => id,
            None => {
                self.others.insert(key, next);
                self.cells.push(cell);
                next
            }
        }
    }

    /// [`ColumnBuilder::add_text`] of a text that stays where it is, at the same address, for
    /// as long as the grid is built (a workbook's shared string): the same text at the same
    /// address gets the id it got before, found by its address.
    pub(crate) fn add_shared(&mut self, s: &str) -> u32 {
        if self.unique {
            return self.add_text(s);
        }
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&id) = self.shared.get(&key) {
            self.count();
            return id;
        }
        let id = self.add_text(s);
        if !self.unique {
            self.shared.insert(key, id);
        }
        id
    }

    /// The id of a cell left unread: 0 when blank, else the column's one [`UNREAD`] cell.
    pub(crate) fn add_unread(&mut self, s: &str) -> u32 {
        self.add_unread_bytes(s.as_bytes())
    }

    /// [`ColumnBuilder::add_unread`] of a text given as its UTF-8 bytes. A first byte that
    /// trimming keeps settles it without reading the rest of the text.
    pub(crate) fn add_unread_bytes(&mut self, b: &[u8]) -> u32 {
        let blank = match b.first() {
            None => true,
            Some(&first) if crate::ingest::cell::is_ascii_solid(first) => false,
            Some(_) => crate::ingest::cell::trim(&String::from_utf8_lossy(b)).is_empty(),
        };
        if blank {
            0
        } else {
            self.unread_id()
        }
    }

    /// The column's one [`UNREAD`] cell, made the first time.
    pub(crate) fn unread_id(&mut self) -> u32 {
        match self.unread {
            Some(id) => id,
            None => {
                let id = self.push(Cell::Text(UNREAD.into()));
                self.unread = Some(id);
                id
            }
        }
    }

    /// The id of `Cell::Number(x)`, the cell made only when `x` is new.
    pub(crate) fn add_number(&mut self, x: f64) -> u32 {
        if !self.unique {
            // Whole numbers 0 to 255 (ratings, codes, counts) have their own slots.
            let small = x as u8;
            if f64::from(small).to_bits() == x.to_bits() {
                if let Some(id) = self.small_numbers.get(small) {
                    self.count();
                    return id;
                }
                let id = self.add(Cell::Number(x));
                if !self.unique {
                    self.small_numbers.set(small, id);
                }
                return id;
            }
            if let Some(&id) = self.others.get(&OtherKey::Number(x.to_bits())) {
                self.count();
                return id;
            }
        }
        self.add(Cell::Number(x))
    }

    /// The id of the cell [`Cell::from_text`] makes of `s`, made only when `s` is new.
    pub(crate) fn add_text(&mut self, s: &str) -> u32 {
        if self.unique {
            return self.add(Cell::from_text(s));
        }
        match self.texts.get(s) {
            Some(id) => {
                self.count();
                id
            }
            None => self.add_new_text(s),
        }
    }

    /// [`ColumnBuilder::add_text`] of a text given as its UTF-8 bytes, which are read as text
    /// only when they are new (replaced characters where they are not UTF-8).
    pub(crate) fn add_bytes(&mut self, b: &[u8]) -> u32 {
        if !self.unique {
            // The commonest fields, empty ones and one-byte ones (ratings, codes), are found
            // without a key: an empty field is the empty cell, a byte has its own slot.
            let known = match b {
                [] => Some(0),
                [byte] => self.bytes.get(*byte),
                _ => self.texts.get_bytes(b),
            };
            if let Some(id) = known {
                self.count();
                return id;
            }
        }
        let id = self.add_text(&String::from_utf8_lossy(b));
        if let ([byte], false) = (b, self.unique) {
            self.bytes.set(*byte, id);
        }
        id
    }

    /// The id of `s`, not yet in the column.
    pub(crate) fn add_new_text(&mut self, s: &str) -> u32 {
        let cell = Cell::from_text(s);
        if matches!(cell, Cell::Text(_)) {
            self.add(cell)
        } else {
            // Empty and formula errors: keyed by their own kind, but the text is remembered
            // too so that the next copy is found at once.
            let id = self.add(cell);
            if !self.unique {
                self.texts.insert(s, id);
            }
            id
        }
    }
}

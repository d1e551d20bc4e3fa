//! The cells of a table, each distinct cell of a column stored once.
//!
//! Survey answers repeat down a column (ratings, options, codes, canned dates), so a table is
//! held as one `u32` per cell pointing into its column's distinct cells. Reading a file makes
//! one [`Cell`] per distinct cell rather than one per cell, and the classifier reads each
//! distinct cell once per field (see `classify`).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::cell::Cell;
use crate::hashing::Fast;

/// Rows of cell ids, `width` per row, each id into its column's distinct cells (id 0 of every
/// column is [`Cell::Empty`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    width: usize,
    columns: Vec<Vec<Cell>>,
    ids: Vec<u32>,
}

/// One row of a [`Grid`]: `row[c]` is the cell in column `c`.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    grid: &'a Grid,
    ids: &'a [u32],
}

static EMPTY: Cell = Cell::Empty;

impl<'a> RowRef<'a> {
    /// The cell in column `c` (empty beyond the last column).
    pub fn get(&self, c: usize) -> Option<&'a Cell> {
        self.ids.get(c).map(|&id| self.grid.cell(c, id))
    }

    /// The cells, left to right.
    pub fn iter(&self) -> impl Iterator<Item = &'a Cell> + 'a {
        let grid = self.grid;
        self.ids
            .iter()
            .enumerate()
            .map(move |(c, &id)| grid.cell(c, id))
    }

    /// The id of the cell in column `c` among that column's distinct cells
    /// ([`Grid::distinct`]).
    pub fn id(&self, c: usize) -> u32 {
        self.ids.get(c).copied().unwrap_or(0)
    }

    /// How many columns.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl std::ops::Index<usize> for RowRef<'_> {
    type Output = Cell;
    fn index(&self, c: usize) -> &Cell {
        self.get(c).unwrap_or(&EMPTY)
    }
}

impl Grid {
    /// A grid of these rows (shorter rows padded with empty cells; for tests).
    #[cfg(test)]
    pub fn from_rows(rows: Vec<Vec<Cell>>) -> Grid {
        let mut b = GridBuilder::default();
        for r in rows {
            for (c, cell) in r.into_iter().enumerate() {
                b.cell(c, cell);
            }
            b.end_row();
        }
        b.finish()
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.ids.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many columns every row has.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Row `r` (empty when out of range).
    pub fn row(&self, r: usize) -> RowRef<'_> {
        let at = r.saturating_mul(self.width);
        RowRef {
            grid: self,
            ids: self.ids.get(at..at + self.width).unwrap_or(&[]),
        }
    }

    /// Every row, top to bottom.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = RowRef<'_>> + '_ {
        (0..self.len()).map(move |r| self.row(r))
    }

    /// The distinct cells of column `c`, by id.
    pub fn distinct(&self, c: usize) -> &[Cell] {
        self.columns.get(c).map(Vec::as_slice).unwrap_or(&[])
    }

    fn cell(&self, c: usize, id: u32) -> &Cell {
        self.columns
            .get(c)
            .and_then(|col| col.get(id as usize))
            .unwrap_or(&EMPTY)
    }

    /// The grid without its first `n` rows (header rows).
    pub fn skip_rows(mut self, n: usize) -> Grid {
        let cut = n.saturating_mul(self.width).min(self.ids.len());
        self.ids.drain(..cut);
        self
    }

    /// Whether every cell is empty (blank texts).
    pub fn all_empty(&self) -> bool {
        self.columns.iter().all(|c| c.iter().all(Cell::is_empty))
    }

    /// The first `n` rows as cells (for sniffing the layout).
    pub fn head(&self, n: usize) -> Vec<Vec<Cell>> {
        self.iter()
            .take(n)
            .map(|r| r.iter().cloned().collect())
            .collect()
    }

    /// A grid of `width` columns from the columns' distinct cells and the row-major ids.
    fn assemble(width: usize, columns: Vec<ColumnBuilder>, ids: Vec<u32>) -> Grid {
        let mut columns: Vec<Vec<Cell>> = columns.into_iter().map(|c| c.cells).collect();
        columns.resize(width, vec![Cell::Empty]);
        Grid {
            width,
            columns,
            ids,
        }
    }
}

/// Column `c`, the columns up to it made first.
fn column_at(columns: &mut Vec<ColumnBuilder>, c: usize) -> &mut ColumnBuilder {
    if columns.len() <= c {
        columns.resize_with(c + 1, ColumnBuilder::new);
    }
    &mut columns[c]
}

/// A cell other than text, as a key for finding its earlier copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum OtherKey {
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
struct ColumnBuilder {
    cells: Vec<Cell>,
    texts: HashMap<Box<str>, u32, Fast>,
    others: HashMap<OtherKey, u32, Fast>,
    /// Cells added so far.
    seen: usize,
    /// A column of (nearly) unique values — ids, time stamps, e-mail addresses: looking each
    /// cell up saves nothing, so from the first [`PROBE`] cells on, every cell is stored as it
    /// comes (equal ids are still equal cells; equal cells may now have two ids).
    unique: bool,
    /// The id of the [`UNREAD`] cell, once the column has one.
    unread: Option<u32>,
    /// The ids of a workbook's shared strings met so far, by the string's address and length:
    /// each shared string is one text for the whole sheet read, so it is found again without
    /// hashing its text (see [`ColumnBuilder::add_shared`]).
    shared: HashMap<(usize, usize), u32, Fast>,
}

/// After this many cells a column whose cells are mostly distinct stops looking them up.
const PROBE: usize = 512;

impl ColumnBuilder {
    fn new() -> ColumnBuilder {
        ColumnBuilder {
            cells: vec![Cell::Empty],
            ..Default::default()
        }
    }

    /// Count a cell; switch to storing cells as they come once the column proves unique.
    fn count(&mut self) {
        self.seen += 1;
        if self.seen == PROBE && !self.unique && 4 * self.cells.len() > 3 * PROBE {
            self.unique = true;
            self.texts = HashMap::default();
            self.others = HashMap::default();
            self.shared = HashMap::default();
        }
    }

    fn push(&mut self, cell: Cell) -> u32 {
        let id = u32::try_from(self.cells.len()).unwrap_or(u32::MAX);
        self.cells.push(cell);
        id
    }

    fn add(&mut self, cell: Cell) -> u32 {
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
                if let Some(&id) = self.texts.get(&**t) {
                    return id;
                }
                self.texts.insert(t.clone(), next);
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
    fn add_shared(&mut self, s: &str) -> u32 {
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
    fn add_unread(&mut self, s: &str) -> u32 {
        if super::cell::trim(s).is_empty() {
            return 0;
        }
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
    fn add_number(&mut self, x: f64) -> u32 {
        if !self.unique {
            if let Some(&id) = self.others.get(&OtherKey::Number(x.to_bits())) {
                self.count();
                return id;
            }
        }
        self.add(Cell::Number(x))
    }

    /// The id of the cell [`Cell::from_text`] makes of `s`, made only when `s` is new.
    fn add_text(&mut self, s: &str) -> u32 {
        if self.unique {
            return self.add(Cell::from_text(s));
        }
        match self.texts.get(s) {
            Some(&id) => {
                self.count();
                id
            }
            None => {
                let cell = Cell::from_text(s);
                if matches!(cell, Cell::Text(_)) {
                    self.add(cell)
                } else {
                    // Empty and formula errors: keyed by their own kind, but the text is
                    // remembered too so that the next copy is found at once.
                    let id = self.add(cell);
                    self.texts.insert(s.into(), id);
                    id
                }
            }
        }
    }
}

/// Builds a [`Grid`] one cell at a time, row by row.
#[derive(Debug, Default, Clone)]
pub struct GridBuilder {
    columns: Vec<ColumnBuilder>,
    /// Row-major ids of the rows so far, each row as long as it was.
    ids: Vec<u32>,
    ends: Vec<usize>,
    width: usize,
    /// Per column: whether its text cells are left unread (see [`GridBuilder::leave_unread`]).
    unread: Vec<bool>,
}

impl GridBuilder {
    fn column(&mut self, c: usize) -> &mut ColumnBuilder {
        column_at(&mut self.columns, c)
    }

    /// The next cell of the current row, in column `c` (cells come left to right; a skipped
    /// column is empty).
    pub fn cell(&mut self, c: usize, cell: Cell) {
        let id = self.column(c).add(cell);
        self.put(c, id);
    }

    /// The next cell of the current row, from CSV text (as [`Cell::from_text`]).
    pub fn text(&mut self, c: usize, s: &str) {
        let id = if self.unread.get(c).copied().unwrap_or(false) {
            self.column(c).add_unread(s)
        } else {
            self.column(c).add_text(s)
        };
        self.put(c, id);
    }

    /// From now on, the text cells of each column `c` with `unread[c]` are not kept: a blank
    /// one is empty, any other is the column's one [`UNREAD`] cell. Blank cells and rows stay
    /// what they are; the cells of the columns read are as before.
    pub fn leave_unread(&mut self, unread: Vec<bool>) {
        self.unread = unread;
    }

    fn put(&mut self, c: usize, id: u32) {
        let start = self.ends.last().copied().unwrap_or(0);
        while self.ids.len() < start + c {
            self.ids.push(0);
        }
        self.ids.push(id);
    }

    /// The current row is complete.
    pub fn end_row(&mut self) {
        let start = self.ends.last().copied().unwrap_or(0);
        self.width = self.width.max(self.ids.len() - start);
        self.ends.push(self.ids.len());
    }

    /// The grid, every row padded to the widest.
    pub fn finish(self) -> Grid {
        let width = self.width;
        let ids = if self.ends.len() * width == self.ids.len() {
            self.ids
        } else {
            let mut out = Vec::with_capacity(self.ends.len() * width);
            let mut start = 0;
            for &end in &self.ends {
                out.extend_from_slice(&self.ids[start..end]);
                out.resize(out.len() + width - (end - start), 0);
                start = end;
            }
            out
        };
        Grid::assemble(width, self.columns, ids)
    }
}

/// Builds a [`Grid`] from cells that come with their sheet positions, in any order (the cells
/// of a worksheet as its XML lists them); the grid spans the rows of the non-empty cells and
/// the columns from A to the last non-empty one, like a calamine `Range` with its leading empty
/// columns put back. A cell given twice keeps its later value.
#[derive(Debug, Default, Clone)]
pub struct SparseGrid {
    columns: Vec<ColumnBuilder>,
    /// (row, column, id) of every non-empty cell, in the order they came.
    cells: Vec<(u32, u32, u32)>,
    /// Per column: whether its cells are left unread (see [`SparseGrid::leave_unread`]).
    unread: Vec<bool>,
}

impl SparseGrid {
    fn column(&mut self, c: u32) -> Result<&mut ColumnBuilder, String> {
        let c = c as usize;
        if c >= super::MAX_COLUMNS {
            return Err(format!(
                "a cell in column {} is beyond the {} columns journeygap reads",
                c + 1,
                super::MAX_COLUMNS
            ));
        }
        Ok(column_at(&mut self.columns, c))
    }

    /// From now on, the cells of each column `c` with `unread[c]` are not kept: a blank text is
    /// empty, any other cell the column's one [`UNREAD`] cell (as
    /// [`GridBuilder::leave_unread`]).
    pub fn leave_unread(&mut self, unread: Vec<bool>) {
        self.unread = unread;
    }

    /// Whether the cells of column `col` are left unread: the caller then gives each of them
    /// to [`SparseGrid::unread`] (its text, or any non-blank text for another kind of cell).
    pub fn is_unread(&self, col: u32) -> bool {
        self.unread.get(col as usize).copied().unwrap_or(false)
    }

    /// A cell of a column left unread, by its text.
    pub fn unread(&mut self, row: u32, col: u32, s: &str) -> Result<(), String> {
        let id = self.column(col)?.add_unread(s);
        self.cells.push((row, col, id));
        Ok(())
    }

    /// A text cell (as [`Cell::from_text`] reads it).
    pub fn text(&mut self, row: u32, col: u32, s: &str) -> Result<(), String> {
        let id = self.column(col)?.add_text(s);
        self.cells.push((row, col, id));
        Ok(())
    }

    /// A text cell whose text stays at its address while the grid is built (a shared string of
    /// the workbook): as [`SparseGrid::text`], found again by its address.
    pub fn shared_text(&mut self, row: u32, col: u32, s: &str) -> Result<(), String> {
        let id = self.column(col)?.add_shared(s);
        self.cells.push((row, col, id));
        Ok(())
    }

    /// A number cell (finite).
    pub fn number(&mut self, row: u32, col: u32, x: f64) -> Result<(), String> {
        let id = self.column(col)?.add_number(x);
        self.cells.push((row, col, id));
        Ok(())
    }

    /// Any other cell.
    pub fn cell(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), String> {
        let id = self.column(col)?.add(cell);
        self.cells.push((row, col, id));
        Ok(())
    }

    /// The first row and the (rows, columns) of the range the non-empty cells span; `None`
    /// when there are none.
    pub fn bounds(&self) -> Option<(u32, (usize, usize))> {
        let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0, u32::MAX, 0);
        for &(r, c, _) in &self.cells {
            r0 = r0.min(r);
            r1 = r1.max(r);
            c0 = c0.min(c);
            c1 = c1.max(c);
        }
        (r0 <= r1).then(|| (r0, ((r1 - r0) as usize + 1, (c1 - c0) as usize + 1)))
    }

    /// The grid; the caller has checked [`SparseGrid::bounds`] against its limits.
    pub fn finish(self) -> Grid {
        let Some((r0, (rows, _))) = self.bounds() else {
            return Grid::default();
        };
        let width = self
            .cells
            .iter()
            .map(|c| c.1 as usize + 1)
            .max()
            .unwrap_or(0);
        let mut ids = vec![0u32; rows * width];
        for (r, c, id) in self.cells {
            if let Some(x) = ids.get_mut((r - r0) as usize * width + c as usize) {
                *x = id;
            }
        }
        Grid::assemble(width, self.columns, ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_stored_once_per_column_and_rows_padded() {
        let mut b = GridBuilder::default();
        for row in [&["a", "1", ""][..], &["a", "2"], &["b", "1", "#N/A", "x"]] {
            for (c, s) in row.iter().enumerate() {
                b.text(c, s);
            }
            b.end_row();
        }
        let g = b.finish();
        assert_eq!((g.len(), g.width()), (3, 4));
        assert_eq!(g.distinct(0).len(), 3, "empty, a, b");
        assert_eq!(g.row(0).id(0), g.row(1).id(0));
        assert_eq!(g.row(1)[2], Cell::Empty);
        assert_eq!(g.row(1)[3], Cell::Empty);
        assert_eq!(g.row(2)[2], Cell::Error("#N/A".into()));
        assert_eq!(g.row(2)[3], Cell::Text("x".into()));
        assert_eq!(g.row(0)[9], Cell::Empty, "beyond the last column");
        let rows: Vec<Vec<Cell>> = g.iter().map(|r| r.iter().cloned().collect()).collect();
        assert_eq!(Grid::from_rows(rows.clone()).head(3), rows);
        assert_eq!(g.clone().skip_rows(1).row(0)[1], Cell::Text("2".into()));
        assert_eq!(g.skip_rows(5).len(), 0);
    }

    #[test]
    fn columns_left_unread_keep_only_blank_or_not() {
        let mut b = GridBuilder::default();
        b.text(0, "kept");
        b.text(1, "head");
        b.end_row();
        b.leave_unread(vec![false, true]);
        for (x, y) in [("a", "anything"), ("b", "  "), ("", "#N/A"), ("a", "other")] {
            b.text(0, x);
            b.text(1, y);
            b.end_row();
        }
        let g = b.finish();
        let unread = Cell::Text(UNREAD.into());
        assert_eq!(
            g.row(0)[1],
            Cell::Text("head".into()),
            "cells before stay read"
        );
        assert_eq!(g.row(1)[1], unread);
        assert_eq!(g.row(2)[1], Cell::Empty, "a blank cell is still empty");
        assert_eq!(g.row(3)[1], unread, "an error is not blank");
        assert!(!g.row(3).iter().all(Cell::is_empty), "the row is not empty");
        assert_eq!(g.row(4).id(1), g.row(1).id(1), "one unread cell per column");
        assert_eq!(g.distinct(1).len(), 3, "empty, head, unread");
        assert_eq!(g.row(4)[0], Cell::Text("a".into()));
        assert_eq!(g.row(1).id(0), g.row(4).id(0), "read columns as before");
    }

    #[test]
    fn a_column_of_unique_cells_stops_looking_them_up() {
        let mut b = GridBuilder::default();
        for i in 0..2000 {
            b.text(0, &format!("id-{i}"));
            b.text(1, if i % 2 == 0 { "yes" } else { "no" });
            b.text(2, if i % 7 == 0 { "" } else { "same" });
            b.end_row();
        }
        b.text(0, "id-3");
        b.end_row();
        let g = b.finish();
        assert_eq!(g.len(), 2001);
        assert_eq!(
            g.distinct(1).len(),
            3,
            "a repeating column keeps one copy per value"
        );
        assert_eq!(g.distinct(2).len(), 2);
        assert_eq!(g.row(14)[2], Cell::Empty, "empty stays empty in any column");
        for (r, expect) in [(0, "id-0"), (1999, "id-1999"), (2000, "id-3")] {
            assert_eq!(g.row(r)[0], Cell::Text(expect.into()));
        }
        assert!(
            g.distinct(0).len() > 2000,
            "the unique column is stored as it came"
        );
    }

    /// The grid of cells given as (row, column, number): the range they span from column A,
    /// each position holding its last value (the plain rule the sparse grid keeps).
    fn naive(cells: &[(u32, u32, u32)]) -> Option<(u32, usize, Vec<Vec<Cell>>)> {
        let r0 = cells.iter().map(|c| c.0).min()?;
        let r1 = cells.iter().map(|c| c.0).max()?;
        let width = cells.iter().map(|c| c.1 as usize + 1).max()?;
        let mut rows = vec![vec![Cell::Empty; width]; (r1 - r0) as usize + 1];
        for &(r, c, x) in cells {
            rows[(r - r0) as usize][c as usize] = Cell::Number(f64::from(x));
        }
        Some((r0, width, rows))
    }

    #[test]
    fn a_sparse_grid_keeps_any_order_of_cells_like_the_plain_rule() {
        let mut seed = 7u64;
        let mut next = |n: u32| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % u64::from(n)) as u32
        };
        for case in 0..120 {
            let mut cells = Vec::new();
            let (mut r, mut c) = (next(5), 0);
            for _ in 0..next(200) {
                match next(20) {
                    // Mostly the next cell of the row, or the next row.
                    0..=11 => c += 1 + next(3),
                    12..=15 => {
                        r += 1 + next(2);
                        c = next(3);
                    }
                    // Now and then a cell given again, one before, or one far off.
                    16 => {}
                    17 => {
                        r = r.saturating_sub(next(3));
                        c = next(6);
                    }
                    18 => c += 50 + next(5000),
                    _ => {
                        r += next(3);
                        c = 200 + next(300);
                    }
                }
                cells.push((r, c, next(1000)));
            }
            let mut g = SparseGrid::default();
            for &(r, c, x) in &cells {
                g.cell(r, c, Cell::Number(f64::from(x))).unwrap();
            }
            let expect = naive(&cells);
            let bounds = g.bounds();
            let grid = g.finish();
            match expect {
                None => assert!(bounds.is_none() && grid.is_empty(), "case {case}"),
                Some((r0, width, rows)) => {
                    assert_eq!(
                        bounds.map(|b| (b.0, b.1 .0)),
                        Some((r0, rows.len())),
                        "case {case}"
                    );
                    assert_eq!(
                        (grid.width(), grid.len()),
                        (width, rows.len()),
                        "case {case}"
                    );
                    assert_eq!(grid.head(rows.len()), rows, "case {case}");
                }
            }
        }
    }

    #[test]
    fn shared_strings_found_by_address_give_the_grid_of_their_texts() {
        // A shared-string table with the same text twice (at two addresses), a blank, an error;
        // column 0 repeats a few strings, column 1 turns out unique (past the probe).
        let mut sst: Vec<String> = ["yes", "no", "yes", "  ", "#N/A", " padded "]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sst.extend((0..2000).map(|i| format!("id-{i}")));
        let cells: Vec<(u32, u32, usize)> = (0..3000u32)
            .flat_map(|r| {
                let i = r as usize;
                [(r, 0, (i * 7) % 6), (r, 1, 6 + (i * 13) % 2000)]
            })
            .collect();
        let (mut by_text, mut by_address) = (SparseGrid::default(), SparseGrid::default());
        for &(r, c, k) in &cells {
            by_text.text(r, c, sst[k].as_str()).unwrap();
            by_address.shared_text(r, c, sst[k].as_str()).unwrap();
        }
        let (a, b) = (by_text.finish(), by_address.finish());
        assert_eq!(a, b);
        assert_eq!(b.distinct(0).len(), 5, "empty, yes, no, #N/A, padded");
        assert!(
            b.distinct(1).len() > 2000,
            "the unique column is stored as it came"
        );
    }

    #[test]
    fn a_sparse_grid_is_the_range_of_its_cells_from_column_a() {
        let mut s = SparseGrid::default();
        s.text(4, 2, "b").unwrap();
        s.text(3, 1, "a").unwrap();
        s.number(4, 3, 2.0).unwrap();
        s.cell(3, 3, Cell::Number(2.0)).unwrap();
        s.text(4, 2, "c").unwrap();
        assert_eq!(s.bounds(), Some((3, (2, 3))));
        assert!(s.text(0, 20_000, "far").is_err());
        let g = s.finish();
        assert_eq!((g.len(), g.width()), (2, 4));
        assert_eq!(g.row(0)[1], Cell::Text("a".into()));
        assert_eq!(g.row(0)[2], Cell::Empty);
        assert_eq!(
            g.row(1)[2],
            Cell::Text("c".into()),
            "the later value of a cell given twice"
        );
        assert_eq!(g.row(1)[3], Cell::Number(2.0));
        assert_eq!(g.row(0).id(3), g.row(1).id(3), "a number is stored once");
        assert_eq!(g.row(1)[0], Cell::Empty);
        assert_eq!(SparseGrid::default().finish().len(), 0);
    }

    #[test]
    fn numbers_dates_and_texts_are_told_apart() {
        let mut b = GridBuilder::default();
        b.cell(0, Cell::Number(1.0));
        b.end_row();
        b.cell(0, Cell::Text("1".into()));
        b.end_row();
        b.cell(0, Cell::Number(1.0));
        b.end_row();
        let g = b.finish();
        assert_eq!(g.distinct(0).len(), 3);
        assert_eq!(g.row(0).id(0), g.row(2).id(0));
        assert_ne!(g.row(0).id(0), g.row(1).id(0));
    }
}

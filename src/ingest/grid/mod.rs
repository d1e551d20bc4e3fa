//! The cells of a table, each distinct cell of a column stored once.
//!
//! Survey answers repeat down a column (ratings, options, codes, canned dates), so a table is
//! held as one `u32` per cell pointing into its column's distinct cells. Reading a file makes
//! one [`Cell`] per distinct cell rather than one per cell, and the classifier reads each
//! distinct cell once per field (see `classify`).
//!
//! The performance machinery lives in files of its own: [`column`] finds a cell's earlier copy
//! in its column, with the keys of [`intern`]; [`sparse`] builds a grid from cells that come
//! with their positions.

pub mod column;
pub mod intern;
pub mod sparse;

use super::cell::Cell;
pub(crate) use column::ColumnBuilder;
pub use column::UNREAD;

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

    /// The grid with columns added on the right: each its distinct cells (id 0 must be
    /// [`Cell::Empty`]) and one id per row.
    pub fn with_columns(self, extra: Vec<(Vec<Cell>, Vec<u32>)>) -> Grid {
        if extra.is_empty() {
            return self;
        }
        let rows = self.len();
        let width = self.width + extra.len();
        let mut ids = Vec::with_capacity(rows * width);
        for r in 0..rows {
            ids.extend_from_slice(&self.ids[r * self.width..(r + 1) * self.width]);
            ids.extend(
                extra
                    .iter()
                    .map(|(_, col)| col.get(r).copied().unwrap_or(0)),
            );
        }
        let mut columns = self.columns;
        columns.resize(self.width, vec![Cell::Empty]);
        columns.extend(extra.into_iter().map(|(cells, _)| cells));
        Grid {
            width,
            columns,
            ids,
        }
    }

    /// A grid of `width` columns from the columns' distinct cells and the row-major ids.
    pub(super) fn assemble(width: usize, columns: Vec<ColumnBuilder>, ids: Vec<u32>) -> Grid {
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
pub(crate) fn column_at(columns: &mut Vec<ColumnBuilder>, c: usize) -> &mut ColumnBuilder {
    if columns.len() <= c {
        columns.resize_with(c + 1, ColumnBuilder::new);
    }
    &mut columns[c]
}

/// Row-major ids of rows of any length (each row ends where `ends` says) as rows of `width`,
/// each padded with empty cells.
pub(crate) fn pad_rows(ids: Vec<u32>, ends: &[usize], width: usize) -> Vec<u32> {
    if ends.len() * width == ids.len() {
        return ids;
    }
    let mut out = Vec::with_capacity(ends.len() * width);
    let mut start = 0;
    for &end in ends {
        out.extend_from_slice(&ids[start..end]);
        out.resize(out.len() + width - (end - start), 0);
        start = end;
    }
    out
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

    /// [`GridBuilder::text`] of a CSV field's UTF-8 bytes.
    pub fn bytes(&mut self, c: usize, b: &[u8]) {
        let id = if self.unread.get(c).copied().unwrap_or(false) {
            self.column(c).add_unread_bytes(b)
        } else {
            self.column(c).add_bytes(b)
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
        let ids = pad_rows(self.ids, &self.ends, self.width);
        Grid::assemble(self.width, self.columns, ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use column::OtherKey;
    use intern::ShortKey;

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

    #[test]
    fn numbers_found_by_their_slot_get_the_ids_a_lookup_gives() {
        // Whole numbers in and out of 0..=255, minus zero beside zero, fractions, NaN; then
        // enough distinct numbers that the column turns unique.
        let mut xs = vec![
            5.0,
            0.0,
            -0.0,
            255.0,
            256.0,
            5.0,
            1.5,
            f64::NAN,
            0.0,
            -0.0,
            3.0,
        ];
        xs.extend((0..1500).map(|i| {
            if i % 4 == 0 {
                f64::from(i % 7)
            } else {
                f64::from(i) + 0.5
            }
        }));
        let (mut by_slot, mut by_lookup) = (ColumnBuilder::new(), ColumnBuilder::new());
        let a: Vec<u32> = xs.iter().map(|&x| by_slot.add_number(x)).collect();
        // The lookup add_number made before it had slots.
        let lookup = |col: &mut ColumnBuilder, x: f64| {
            if !col.unique {
                if let Some(&id) = col.others.get(&OtherKey::Number(x.to_bits())) {
                    col.count();
                    return id;
                }
            }
            col.add(Cell::Number(x))
        };
        let b: Vec<u32> = xs.iter().map(|&x| lookup(&mut by_lookup, x)).collect();
        assert!(a == b, "the ids differ");
        // Compared as text: NaN is not equal to itself.
        let text = |col: &ColumnBuilder| format!("{:?}", col.cells);
        assert!(text(&by_slot) == text(&by_lookup), "the cells differ");
        assert_ne!(a[1], a[2], "minus zero is its own cell");
        assert_eq!((a[0], a[1]), (a[5], a[8]));
        assert!(by_slot.unique, "the column turned unique");
    }

    #[test]
    fn fields_given_as_bytes_make_the_grid_their_texts_make() {
        // Short and long texts either side of the 31-byte key, blanks (Unicode ones too),
        // formula errors, non-ASCII text and a byte string that is not UTF-8.
        let long = "x".repeat(ShortKey::MAX);
        let longer = "x".repeat(ShortKey::MAX + 1);
        let cells: Vec<Vec<u8>> = [
            "5",
            "",
            "  ",
            "\u{a0}",
            "#N/A",
            "#n/a",
            "Ünïcode",
            "5 ",
            " 5",
            &long,
            &longer,
            "Financial services",
            "Under 250 staff",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .chain([vec![0xff, b'a'], vec![0xc3]])
        .collect();
        let (mut by_text, mut by_bytes) = (GridBuilder::default(), GridBuilder::default());
        for round in 0..3 {
            if round == 2 {
                by_text.leave_unread(vec![false, true]);
                by_bytes.leave_unread(vec![false, true]);
            }
            for (i, a) in cells.iter().enumerate() {
                let b = &cells[(i * 7 + round) % cells.len()];
                for (c, cell) in [a, b].into_iter().enumerate() {
                    by_text.text(c, &String::from_utf8_lossy(cell));
                    by_bytes.bytes(c, cell);
                }
                by_text.end_row();
                by_bytes.end_row();
            }
        }
        // A column that turns out to be of distinct cells after some one-byte ones, beside
        // one that stays a column of few.
        for i in 0..1500 {
            let unique = if i % 3 == 0 {
                format!("{}", i % 10)
            } else {
                format!("id-{i}")
            };
            for (c, cell) in [(0, unique.as_str()), (2, ["7", "", "x"][i % 3])] {
                by_text.text(c, cell);
                by_bytes.bytes(c, cell.as_bytes());
            }
            by_text.end_row();
            by_bytes.end_row();
        }
        let (t, b) = (by_text.finish(), by_bytes.finish());
        assert_eq!(t, b);
        assert!(b.distinct(0).len() > 1000, "the first column went unique");
        assert_eq!(b.distinct(2).len(), 3, "empty, 7 and x, each once");
        assert_eq!(
            b.distinct(1).len(),
            14,
            "each distinct text once, blanks empty, and the unread cell"
        );
        assert_eq!(b.row(3)[0], Cell::Empty, "a no-break space alone is blank");
        assert_eq!(
            b.row(7)[0],
            Cell::Text("5 ".into()),
            "texts are kept untrimmed"
        );
        assert_ne!(b.row(9).id(0), b.row(10).id(0));
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

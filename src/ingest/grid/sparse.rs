//! A grid built from cells that come with their sheet positions (a worksheet's cells as its
//! XML lists them).
//!
//! A spreadsheet program writes a sheet's cells in reading order, row by row and left to right
//! within a row, so their ids are put row-major as they come, four bytes a cell. A cell out of
//! that order (a hand-made or hostile file) switches the grid to (row, column, id) triples,
//! scattered into place at the end, so that any order gives the grid of the plain rule: the
//! range the cells span from column A, each position holding the last value given for it.

use super::{column_at, pad_rows, ColumnBuilder, Grid};
use crate::ingest::cell::Cell;
use crate::ingest::ReadError;

/// Builds a [`Grid`] from cells that come with their sheet positions, in any order; the grid
/// spans the rows of the non-empty cells and the columns from A to the last non-empty one,
/// like a calamine `Range` with its leading empty columns put back. A cell given twice keeps
/// its later value.
#[derive(Debug, Default, Clone)]
pub struct SparseGrid {
    columns: Vec<ColumnBuilder>,
    /// Where the cells' ids went.
    placed: Placed,
    /// (first row, last row, first column, last column) of the cells given; first above
    /// last while there are none.
    span: Span,
    /// Per column: whether its cells are left unread (see [`SparseGrid::leave_unread`]).
    unread: Vec<bool>,
}

/// (first row, last row, first column, last column).
#[derive(Debug, Clone, Copy)]
struct Span(u32, u32, u32, u32);

impl Default for Span {
    fn default() -> Self {
        Span(u32::MAX, 0, u32::MAX, 0)
    }
}

/// The cells' ids: row-major while they come in reading order, else as triples.
#[derive(Debug, Clone)]
enum Placed {
    InOrder(Rows),
    /// (row, column, id) of every cell from the first out of order on, and of the non-empty
    /// cells placed before it, in the order they came.
    Scattered(Vec<(u32, u32, u32)>),
}

impl Default for Placed {
    fn default() -> Self {
        Placed::InOrder(Rows::default())
    }
}

/// The most empty rows between two cells that the row-major placing fills in.
const MAX_GAP: u32 = 1 << 16;

/// Row-major ids of the rows from the first cell's row to the current one (the first and last
/// rows of the grid's span while the cells come in order), each row as long as its last cell.
#[derive(Debug, Clone, Default)]
struct Rows {
    ids: Vec<u32>,
    /// Where each row before the current one ends in `ids`.
    ends: Vec<usize>,
}

impl Rows {
    /// Put the cell in place if it comes after every cell so far in reading order (`current`:
    /// the row of the cells so far, `None` before the first); false (and nothing changed) if it
    /// does not.
    #[inline]
    fn push(&mut self, current: Option<u32>, row: u32, col: u32, id: u32) -> bool {
        if let Some(current) = current.filter(|&c| c != row) {
            if row < current || row - current > MAX_GAP {
                // Out of order, or a gap of empty rows better not spelled out one by one (a
                // hostile sheet's far-off cell is then refused by its size, as a range).
                return false;
            }
            let len = self.ids.len();
            self.ends
                .extend(std::iter::repeat_n(len, (row - current) as usize));
        }
        let at = self.ends.last().copied().unwrap_or(0) + col as usize;
        let len = self.ids.len();
        if at < len {
            return false;
        }
        if at > len {
            self.ids.resize(at, 0);
        }
        self.ids.push(id);
        true
    }

    /// The rows' non-empty cells as (row, column, id) triples, the first row being `first`.
    fn triples(&self, first: u32) -> Vec<(u32, u32, u32)> {
        let mut out = Vec::new();
        let mut start = 0;
        let ends = self.ends.iter().copied().chain([self.ids.len()]);
        for (i, end) in ends.enumerate() {
            // Row `first + i` is at most the current row.
            let r = first + i as u32;
            for (c, &id) in self.ids[start..end].iter().enumerate() {
                if id != 0 {
                    out.push((r, c as u32, id));
                }
            }
            start = end;
        }
        out
    }

    /// The ids of the rows, each padded to `width` columns.
    fn into_ids(mut self, width: usize) -> Vec<u32> {
        self.ends.push(self.ids.len());
        pad_rows(self.ids, &self.ends, width)
    }
}

impl SparseGrid {
    fn column(&mut self, c: u32) -> Result<&mut ColumnBuilder, ReadError> {
        let c = c as usize;
        if c >= crate::ingest::MAX_COLUMNS {
            return Err(ReadError::ColumnBeyondLimit { column: c + 1 });
        }
        Ok(column_at(&mut self.columns, c))
    }

    /// Put a cell's id at its position.
    #[inline]
    fn place(&mut self, row: u32, col: u32, id: u32) {
        let Span(r0, r1, c0, c1) = self.span;
        self.span = Span(r0.min(row), r1.max(row), c0.min(col), c1.max(col));
        match &mut self.placed {
            Placed::InOrder(rows) => {
                if !rows.push((r0 <= r1).then_some(r1), row, col, id) {
                    let mut cells = rows.triples(r0);
                    cells.push((row, col, id));
                    self.placed = Placed::Scattered(cells);
                }
            }
            Placed::Scattered(cells) => cells.push((row, col, id)),
        }
    }

    /// From now on, the cells of each column `c` with `unread[c]` are not kept: a blank text is
    /// empty, any other cell the column's one [`super::grid::UNREAD`] cell (as
    /// [`super::grid::GridBuilder::leave_unread`]).
    pub fn leave_unread(&mut self, unread: Vec<bool>) {
        self.unread = unread;
    }

    /// Whether the cells of column `col` are left unread: the caller then gives each of them
    /// to [`SparseGrid::unread`] (its text, or any non-blank text for another kind of cell).
    pub fn is_unread(&self, col: u32) -> bool {
        self.unread.get(col as usize).copied().unwrap_or(false)
    }

    /// A cell of a column left unread, by its text.
    pub fn unread(&mut self, row: u32, col: u32, s: &str) -> Result<(), ReadError> {
        let id = self.column(col)?.add_unread(s);
        self.place(row, col, id);
        Ok(())
    }

    /// A text cell (as [`Cell::from_text`] reads it).
    pub fn text(&mut self, row: u32, col: u32, s: &str) -> Result<(), ReadError> {
        let id = self.column(col)?.add_text(s);
        self.place(row, col, id);
        Ok(())
    }

    /// A text cell whose text stays at its address while the grid is built (a shared string of
    /// the workbook): as [`SparseGrid::text`], found again by its address.
    pub fn shared_text(&mut self, row: u32, col: u32, s: &str) -> Result<(), ReadError> {
        let id = self.column(col)?.add_shared(s);
        self.place(row, col, id);
        Ok(())
    }

    /// A number cell (finite).
    pub fn number(&mut self, row: u32, col: u32, x: f64) -> Result<(), ReadError> {
        let id = self.column(col)?.add_number(x);
        self.place(row, col, id);
        Ok(())
    }

    /// Any other cell.
    pub fn cell(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), ReadError> {
        let id = self.column(col)?.add(cell);
        self.place(row, col, id);
        Ok(())
    }

    /// The first row and the (rows, columns) of the range the non-empty cells span; `None`
    /// when there are none.
    pub fn bounds(&self) -> Option<(u32, (usize, usize))> {
        let Span(r0, r1, c0, c1) = self.span;
        (r0 <= r1).then(|| (r0, ((r1 - r0) as usize + 1, (c1 - c0) as usize + 1)))
    }

    /// The grid; the caller has checked [`SparseGrid::bounds`] against its limits.
    pub fn finish(self) -> Grid {
        let Span(r0, r1, _, c1) = self.span;
        if r0 > r1 {
            return Grid::default();
        }
        let (height, width) = ((r1 - r0) as usize + 1, c1 as usize + 1);
        let ids = match self.placed {
            Placed::InOrder(rows) => rows.into_ids(width),
            Placed::Scattered(cells) => {
                let mut ids = vec![0u32; height * width];
                for (r, c, id) in cells {
                    if let Some(x) = ids.get_mut((r - r0) as usize * width + c as usize) {
                        *x = id;
                    }
                }
                ids
            }
        };
        Grid::assemble(width, self.columns, ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut in_order = [0, 0];
        for case in 0..120 {
            let mut cells = Vec::new();
            let (mut r, mut c) = (next(5), 0);
            // Every third case in reading order, as a spreadsheet program writes a sheet.
            let reading_order = case % 3 == 0;
            for _ in 0..next(200) {
                match next(20) {
                    // Mostly the next cell of the row, or the next row.
                    0..=11 => c += 1 + next(3),
                    16 | 17 if reading_order => c += 1,
                    19 if reading_order => {
                        r += 1;
                        c = 200 + next(300);
                    }
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
            in_order[usize::from(matches!(g.placed, Placed::InOrder(_)))] += 1;
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
        assert!(
            in_order[0] > 10 && in_order[1] > 10,
            "both the row-major and the scattered placing are tried: {in_order:?}"
        );
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
    fn a_far_off_row_is_not_spelled_out_row_by_row() {
        let mut s = SparseGrid::default();
        s.text(0, 0, "a").unwrap();
        s.text(u32::MAX, 3, "far").unwrap();
        assert!(matches!(s.placed, Placed::Scattered(_)));
        assert_eq!(
            s.bounds(),
            Some((0, (1 << 32, 4))),
            "refused by its size later"
        );
    }
}

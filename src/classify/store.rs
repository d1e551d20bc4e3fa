//! The column store of classified respondents: their value ids, two bytes each where the pool
//! allows, one chunk per file read, and the lookups the analyses make through it.

use super::outcome::{Accounting, CellProblem, Respondent, TableInfo};
use super::texts::Texts;
use super::values::{Val, ValPool};
use super::Attribute;
use crate::config::Config;

/// Everything classification produces.
#[derive(Debug, Clone)]
pub struct Classified {
    pub tables: Vec<TableInfo>,
    pub attributes: Vec<Attribute>,
    pub accounting: Vec<Accounting>,
    pub cell_problems: Vec<CellProblem>,
    /// The respondents, their values and their ids, one chunk per part (file) as classified:
    /// merging renumbers them in place instead of copying them into one array.
    pub(super) chunks: Vec<Chunk>,
    pub(super) len: usize,
    pub(super) shape: Row,
    /// The distinct values every chunk's ids point into.
    pub(super) pool: ValPool,
    /// Per value id: the number, when it is one (read by [`Classified::pair`], the hottest path).
    pub(super) nums: Vec<Option<f64>>,
    /// Per guess of the config ([`Config::guesses`]), the rows whose stage or exclusion it
    /// decided.
    pub guess_rows: Vec<u64>,
}

/// The iterator of [`Classified::respondents`].
#[derive(Debug, Clone)]
pub struct Respondents<'a> {
    pub(super) chunks: std::slice::Iter<'a, Chunk>,
    pub(super) current: std::slice::Iter<'a, Respondent>,
    pub(super) left: usize,
}

impl<'a> Iterator for Respondents<'a> {
    type Item = &'a Respondent;

    fn next(&mut self) -> Option<&'a Respondent> {
        loop {
            if let Some(r) = self.current.next() {
                self.left = self.left.saturating_sub(1);
                return Some(r);
            }
            self.current = self.chunks.next()?.respondents.iter();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Respondents<'_> {}

/// Value ids: two bytes each while the pool has at most 65,536 values (the usual case: answers
/// repeat), four otherwise.
#[derive(Debug, Clone)]
pub(super) enum Ids {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Ids {
    fn default() -> Self {
        Ids::Wide(Vec::new())
    }
}

impl Ids {
    pub(super) fn get(&self, i: usize) -> u32 {
        match self {
            Ids::Narrow(v) => v.get(i).map_or(0, |&x| u32::from(x)),
            Ids::Wide(v) => v.get(i).copied().unwrap_or(0),
        }
    }

    /// These ids, two bytes each when `narrow` (every id then fits in two bytes).
    pub(super) fn collect(ids: impl Iterator<Item = u32>, narrow: bool) -> Ids {
        if narrow {
            Ids::Narrow(ids.map(|i| u16::try_from(i).unwrap_or(0)).collect())
        } else {
            Ids::Wide(ids.collect())
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Ids::Narrow(v) => v.len(),
            Ids::Wide(v) => v.len(),
        }
    }

    /// Every id renumbered by `id`, two bytes each when `narrow`.
    pub(super) fn renumber(&self, id: impl Fn(u32) -> u32, narrow: bool) -> Ids {
        match self {
            Ids::Narrow(v) => Ids::collect(v.iter().map(|&x| id(u32::from(x))), narrow),
            Ids::Wide(v) => Ids::collect(v.iter().map(|&x| id(x)), narrow),
        }
    }
}

/// Whether a pool's ids fit in two bytes.
pub(super) fn narrow(pool: &ValPool) -> bool {
    pool.values().len() <= 1 << 16
}

/// One part's respondents, in file order.
#[derive(Debug, Clone, Default)]
pub(super) struct Chunk {
    pub(super) respondents: Vec<Respondent>,
    /// One row of `shape.width()` value ids per respondent; see [`Row`] for the order.
    pub(super) cols: Ids,
    /// Per respondent: its id, its panel key and the person's id duplicates are found by
    /// where the id numbers responses within their export (three texts each).
    pub(super) ids: Texts,
}

/// The order of one respondent's ids: the analysis fields ([`Config::analysis_fields`]), then
/// (expectation, experience) per attribute, then the segments.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Row {
    pub(super) kept: usize,
    pub(super) attributes: usize,
    pub(super) segments: usize,
}

impl Row {
    /// The shape for this config with `attributes` attributes.
    pub(super) fn new(cfg: &Config, attributes: usize) -> Row {
        Row {
            kept: cfg.analysis_fields().len(),
            attributes,
            segments: cfg.segments.len(),
        }
    }

    pub(super) fn width(&self) -> usize {
        self.kept + 2 * self.attributes + self.segments
    }
}

impl Classified {
    /// Every respondent, in file order (by `Respondent::index`).
    pub fn respondents(&self) -> Respondents<'_> {
        Respondents {
            chunks: self.chunks.iter(),
            current: [].iter(),
            left: self.len,
        }
    }

    /// The response date (`None`: undated) of every classified respondent, in file order: what
    /// the period is decided from and the fieldwork is told by.
    pub fn response_dates(&self) -> impl Iterator<Item = Option<chrono::NaiveDateTime>> + '_ {
        self.respondents()
            .filter(|r| r.stage().is_some())
            .map(|r| r.date)
    }

    /// The respondents in parts (one per file read), in file order: the parts one after the
    /// other are [`Classified::respondents`].
    pub fn respondent_parts(&self) -> impl Iterator<Item = &[Respondent]> {
        self.chunks.iter().map(|c| &c.respondents[..])
    }

    /// Set each respondent's weight (raking): `weight(r)` gives it, `None` leaves it.
    pub fn set_weights(&mut self, mut weight: impl FnMut(&Respondent) -> Option<f64>) {
        for r in self
            .chunks
            .iter_mut()
            .flat_map(|c| c.respondents.iter_mut())
        {
            if let Some(w) = weight(r) {
                r.weight = w;
            }
        }
    }

    /// How many respondents (data rows) there are.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(super) fn chunk(&self, r: &Respondent) -> Option<&Chunk> {
        self.chunks.get(r.chunk as usize)
    }

    /// The `k`-th id of a respondent's row (0: none).
    pub(super) fn id(&self, r: &Respondent, k: usize) -> u32 {
        let w = self.shape.width();
        match self.chunk(r) {
            Some(c) if k < w => c.cols.get(r.local as usize * w + k),
            _ => 0,
        }
    }

    /// The value of the `slot`-th analysis field ([`Config::analysis_fields`]) of a respondent.
    pub fn val(&self, r: &Respondent, slot: usize) -> &Val {
        self.pool.get(self.val_id(r, slot))
    }

    /// The id of that value: equal ids are equal values, and [`Classified::value`] gives it.
    /// Id 0 is the missing value.
    pub fn val_id(&self, r: &Respondent, slot: usize) -> u32 {
        if slot < self.shape.kept {
            self.id(r, slot)
        } else {
            0
        }
    }

    /// The value of an id.
    pub fn value(&self, id: u32) -> &Val {
        self.pool.get(id)
    }

    /// How many distinct values there are (ids are below this).
    pub fn values_len(&self) -> usize {
        self.pool.values().len()
    }

    /// A respondent's (expectation, experience) value ids on every attribute, in attribute
    /// order, into `out` (emptied first); [`Classified::num`] gives their numbers.
    pub fn pair_ids(&self, r: &Respondent, out: &mut Vec<(u32, u32)>) {
        out.clear();
        let Some(c) = self.chunks.get(r.chunk as usize) else {
            return;
        };
        let at = r.local as usize * self.shape.width() + self.shape.kept;
        out.extend((0..self.shape.attributes).map(|ai| {
            let i = at + 2 * ai;
            (c.cols.get(i), c.cols.get(i + 1))
        }));
    }

    /// The number of an attribute rating's value id (`None`: missing or not a number).
    #[inline]
    pub fn num(&self, id: u32) -> Option<f64> {
        self.nums.get(id as usize).copied().flatten()
    }

    /// The id of a respondent's value of the `si`-th segment (0: none). Equal ids are equal
    /// texts; [`Classified::text_of`] gives the text.
    pub fn segment(&self, r: &Respondent, si: usize) -> u32 {
        if si >= self.shape.segments {
            return 0;
        }
        self.id(r, self.shape.kept + 2 * self.shape.attributes + si)
    }

    /// A respondent's id, as read (before any hashing for the outputs).
    pub fn respondent_id(&self, r: &Respondent) -> Option<&str> {
        self.chunk(r)?.ids.get(3 * r.local as usize)
    }

    /// A respondent's panel key, as read.
    pub fn panel_key(&self, r: &Respondent) -> Option<&str> {
        self.chunk(r)?.ids.get(3 * r.local as usize + 1)
    }

    /// The text of a segment value id.
    pub fn text_of(&self, id: u32) -> Option<String> {
        self.pool.get(id).as_text()
    }
}

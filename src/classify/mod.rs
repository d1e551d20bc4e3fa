//! Tables + config → respondents with a stage, the rule that gave it, exclusions with their
//! reasons, and the data-quality accounting: `rows read = excluded + classified + unclassified`
//! for every file and sheet.

pub mod mapping;
pub mod rules;
pub mod texts;
pub mod values;

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::config::Config;
use crate::ingest::{Cell, Layout, RowRef, Table};
use crate::stage::Stage;
use mapping::TableMap;
pub use mapping::{AttrSource, Attribute};
use rules::RowView;
use texts::Texts;
pub use values::Val;
use values::{Problem, Problems, Reader, ValPool};

/// What became of a data row.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Excluded(String),
    /// Stage and the index of the stage rule that matched.
    Classified {
        stage: Stage,
        rule: usize,
    },
    Unclassified(String),
}

/// One data row, with what the analyses need of it. Its field values live in
/// [`Classified`]'s value store: read them with [`Classified::val`], [`Classified::pair`] and
/// [`Classified::segment`]; its id and panel key with [`Classified::respondent_id`] and
/// [`Classified::panel_key`].
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// Its position in [`Classified::respondents`].
    pub index: usize,
    /// Index of its table in [`Classified::tables`].
    pub table: u32,
    /// Record number in its sheet or file, counting header rows.
    pub row: u32,
    /// Where its values are: its part (file) and its position there.
    chunk: u32,
    local: u32,
    pub date: Option<NaiveDateTime>,
    pub outcome: Outcome,
    pub weight: f64,
    /// Likelihood to recommend, 0–10.
    pub recommend: Option<f64>,
}

impl Respondent {
    /// A respondent with only an index and a weight, for tests of the analyses.
    #[cfg(test)]
    pub(crate) fn for_test(index: usize, weight: f64) -> Respondent {
        Respondent {
            index,
            table: 0,
            row: 0,
            chunk: 0,
            local: 0,
            date: None,
            outcome: Outcome::Unclassified(String::new()),
            weight,
            recommend: None,
        }
    }

    pub fn stage(&self) -> Option<Stage> {
        match self.outcome {
            Outcome::Classified { stage, .. } => Some(stage),
            _ => None,
        }
    }
}

/// A table's identity, kept after its cells are dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct TableInfo {
    pub source_file: String,
    pub sheet: Option<String>,
    pub layout: Layout,
    pub encoding: Option<&'static str>,
    pub column_labels: Vec<String>,
    pub column_letters: Vec<String>,
}

impl TableInfo {
    /// `file` or `file [sheet]`.
    pub fn label(&self) -> String {
        crate::ingest::table_label(&self.source_file, self.sheet.as_deref())
    }
}

/// Accounting for one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Accounting {
    pub rows_read: u64,
    pub excluded: u64,
    pub classified: u64,
    pub unclassified: u64,
}

/// One line of `cell_problems`.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    pub table: usize,
    pub column: String,
    pub field: String,
    pub problem: &'static str,
    pub count: u64,
    pub examples: Vec<String>,
}

/// Everything classification produces.
#[derive(Debug, Clone)]
pub struct Classified {
    pub tables: Vec<TableInfo>,
    pub attributes: Vec<Attribute>,
    pub accounting: Vec<Accounting>,
    pub cell_problems: Vec<CellProblem>,
    /// The respondents, their values and their ids, one chunk per part (file) as classified:
    /// merging renumbers them in place instead of copying them into one array.
    chunks: Vec<Chunk>,
    len: usize,
    shape: Row,
    /// The distinct values every chunk's ids point into.
    pool: ValPool,
    /// Per value id: the number, when it is one (read by [`Classified::pair`], the hottest path).
    nums: Vec<Option<f64>>,
}

/// The iterator of [`Classified::respondents`].
#[derive(Debug, Clone)]
pub struct Respondents<'a> {
    chunks: std::slice::Iter<'a, Chunk>,
    current: std::slice::Iter<'a, Respondent>,
    left: usize,
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
enum Ids {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Ids {
    fn default() -> Self {
        Ids::Wide(Vec::new())
    }
}

impl Ids {
    fn get(&self, i: usize) -> u32 {
        match self {
            Ids::Narrow(v) => v.get(i).map_or(0, |&x| u32::from(x)),
            Ids::Wide(v) => v.get(i).copied().unwrap_or(0),
        }
    }

    /// These ids, two bytes each when `narrow` (every id then fits in two bytes).
    fn collect(ids: impl Iterator<Item = u32>, narrow: bool) -> Ids {
        if narrow {
            Ids::Narrow(ids.map(|i| u16::try_from(i).unwrap_or(0)).collect())
        } else {
            Ids::Wide(ids.collect())
        }
    }

    fn len(&self) -> usize {
        match self {
            Ids::Narrow(v) => v.len(),
            Ids::Wide(v) => v.len(),
        }
    }

    /// Every id renumbered by `id`, two bytes each when `narrow`.
    fn renumber(&self, id: impl Fn(u32) -> u32, narrow: bool) -> Ids {
        match self {
            Ids::Narrow(v) => Ids::collect(v.iter().map(|&x| id(u32::from(x))), narrow),
            Ids::Wide(v) => Ids::collect(v.iter().map(|&x| id(x)), narrow),
        }
    }
}

/// Whether a pool's ids fit in two bytes.
fn narrow(pool: &ValPool) -> bool {
    pool.values().len() <= 1 << 16
}

/// One part's respondents, in file order.
#[derive(Debug, Clone, Default)]
struct Chunk {
    respondents: Vec<Respondent>,
    /// One row of `shape.width()` value ids per respondent; see [`Row`] for the order.
    cols: Ids,
    /// Respondent ids and panel keys.
    ids: Texts,
}

/// The order of one respondent's ids: the analysis fields ([`Config::analysis_fields`]), then
/// (expectation, experience) per attribute, then the segments.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Row {
    kept: usize,
    attributes: usize,
    segments: usize,
}

impl Row {
    /// The shape for this config with `attributes` attributes.
    fn new(cfg: &Config, attributes: usize) -> Row {
        Row {
            kept: cfg.analysis_fields().len(),
            attributes,
            segments: cfg.segments.len(),
        }
    }

    fn width(&self) -> usize {
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

    /// The respondents in parts (one per file read), in file order: the parts one after the
    /// other are [`Classified::respondents`].
    pub fn respondent_parts(&self) -> impl Iterator<Item = &[Respondent]> {
        self.chunks.iter().map(|c| &c.respondents[..])
    }

    /// How many respondents (data rows) there are.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn chunk(&self, r: &Respondent) -> Option<&Chunk> {
        self.chunks.get(r.chunk as usize)
    }

    /// The `k`-th id of a respondent's row (0: none).
    fn id(&self, r: &Respondent, k: usize) -> u32 {
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
        self.chunk(r)?.ids.get(2 * r.local as usize)
    }

    /// A respondent's panel key, as read.
    pub fn panel_key(&self, r: &Respondent) -> Option<&str> {
        self.chunk(r)?.ids.get(2 * r.local as usize + 1)
    }

    /// The text of a segment value id.
    pub fn text_of(&self, id: u32) -> Option<String> {
        self.pool.get(id).as_text()
    }
}

/// The classification of some tables (one file's, say), to be merged with others by [`merge`].
/// It holds no cells: the tables can be dropped as soon as it is made.
#[derive(Debug, Clone, Default)]
pub struct Part {
    tables: Vec<TableInfo>,
    /// Per attribute set, the names its patterns found in these tables.
    found: Vec<std::collections::BTreeSet<String>>,
    /// Attribute names, in the order of each respondent's pairs.
    attributes: Vec<String>,
    respondents: Vec<Respondent>,
    cell_problems: Vec<CellProblem>,
    /// Rows of ids into `pool`, shaped by `shape` (with this part's attributes); two bytes an
    /// id while the part's pool allows.
    cols: Ids,
    shape: Row,
    pool: ValPool,
    ids: Texts,
}

/// Classify every row of every table (tables in parallel; results in table order).
pub fn classify(cfg: &Config, tables: &[&Table]) -> Classified {
    merge(cfg, vec![classify_part(cfg, tables)])
}

/// Classify the rows of these tables; respondents' `table` indexes count from 0 within the part.
pub fn classify_part(cfg: &Config, tables: &[&Table]) -> Part {
    let found = mapping::set_names(cfg, tables);
    let attributes = mapping::attributes_from(cfg, &found);
    let per_table: Vec<TableRows> = tables
        .par_iter()
        .enumerate()
        .map(|(ti, t)| classify_table(cfg, &attributes, ti, t))
        .collect();
    let shape = Row::new(cfg, attributes.len());
    let mut respondents = Vec::with_capacity(per_table.iter().map(|t| t.respondents.len()).sum());
    let mut pool = ValPool::default();
    // Every table's values into the part's pool first, so that the width of its ids is known.
    let remaps: Vec<Vec<u32>> = per_table.iter().map(|t| pool.absorb(&t.pool)).collect();
    let cols = Ids::collect(
        per_table.iter().zip(&remaps).flat_map(|(t, ids)| {
            t.cols
                .iter()
                .map(|&i| ids.get(i as usize).copied().unwrap_or(0))
        }),
        narrow(&pool),
    );
    let mut texts = Texts::default();
    let mut cell_problems = Vec::new();
    for (ti, t) in per_table.into_iter().enumerate() {
        respondents.extend(t.respondents);
        texts.append(&t.ids);
        for ((col, field, problem), tally) in t.problems {
            cell_problems.push(CellProblem {
                table: ti,
                column: tables[ti]
                    .columns
                    .get(col)
                    .map(|c| format!("{} ({})", c.label(), c.letter))
                    .unwrap_or_default(),
                field,
                problem: problem.name(),
                count: tally.count,
                examples: tally.examples,
            });
        }
    }
    pool.seal();
    texts.shrink_to_fit();
    Part {
        tables: tables
            .iter()
            .map(|t| TableInfo {
                source_file: t.source_file.clone(),
                sheet: t.sheet.clone(),
                layout: t.layout,
                encoding: t.encoding,
                column_labels: t.columns.iter().map(|c| c.label().to_string()).collect(),
                column_letters: t.columns.iter().map(|c| c.letter.clone()).collect(),
            })
            .collect(),
        found,
        attributes: attributes.into_iter().map(|a| a.name).collect(),
        respondents,
        cell_problems,
        cols,
        shape,
        pool,
        ids: texts,
    }
}

/// Put parts together in their order: table indexes offset, value ids re-numbered into one
/// pool, attribute pairs re-indexed to the attributes of all parts, then duplicates marked and
/// rows accounted across all of them.
pub fn merge(cfg: &Config, parts: Vec<Part>) -> Classified {
    let mut found = vec![std::collections::BTreeSet::new(); cfg.attribute_sets.len()];
    for p in &parts {
        for (all, f) in found.iter_mut().zip(&p.found) {
            all.extend(f.iter().cloned());
        }
    }
    let attributes = mapping::attributes_from(cfg, &found);
    let names: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    let shape = Row::new(cfg, names.len());
    let mut tables = Vec::new();
    let mut pool = ValPool::default();
    let mut cell_problems = Vec::new();
    let mut chunks = Vec::with_capacity(parts.len());
    let mut index = 0;
    // Every part's values into one pool first, so that the width of the ids is known.
    let remaps: Vec<Vec<u32>> = parts.iter().map(|p| pool.absorb(&p.pool)).collect();
    let narrow = narrow(&pool);
    // Where each part starts: its first table and its first respondent.
    let mut starts = Vec::with_capacity(parts.len());
    let (mut t0, mut i0) = (0usize, 0usize);
    for p in &parts {
        starts.push((t0, i0));
        t0 += p.tables.len();
        i0 += p.respondents.len();
    }
    // The parts renumbered in parallel, each on its own.
    let renumbered: Vec<(Part, Ids)> = parts
        .into_par_iter()
        .zip(remaps)
        .zip(starts)
        .enumerate()
        .map(|(ci, ((mut p, ids), (t0, i0)))| {
            let offset = u32::try_from(t0).unwrap_or(u32::MAX);
            let id = |i: u32| ids.get(i as usize).copied().unwrap_or(0);
            let same = p
                .attributes
                .iter()
                .map(String::as_str)
                .eq(names.iter().copied());
            let cols = if same {
                // Renumbered as they are: the common case.
                p.cols.renumber(id, narrow)
            } else {
                Ids::collect(reshape(&p, &shape, &names, &id).into_iter(), narrow)
            };
            p.cols = Ids::default();
            for (local, r) in p.respondents.iter_mut().enumerate() {
                r.table = r.table.saturating_add(offset);
                r.index = i0 + local;
                r.chunk = u32::try_from(ci).unwrap_or(u32::MAX);
                r.local = u32::try_from(local).unwrap_or(u32::MAX);
            }
            (p, cols)
        })
        .collect();
    for (p, cols) in renumbered {
        let offset = tables.len();
        index += p.respondents.len();
        cell_problems.extend(p.cell_problems.into_iter().map(|mut c| {
            c.table += offset;
            c
        }));
        tables.extend(p.tables);
        chunks.push(Chunk {
            respondents: p.respondents,
            cols,
            ids: p.ids,
        });
    }
    pool.seal();
    if cfg.duplicates {
        mark_duplicates(&mut chunks, &tables);
    }
    let accounting = account(&chunks, tables.len());
    let nums = pool.values().iter().map(Val::as_num).collect();
    Classified {
        tables,
        attributes,
        accounting,
        cell_problems,
        chunks,
        len: index,
        shape,
        pool,
        nums,
    }
}

/// A part's rows of ids, renumbered by `id` and laid out for the merged attributes `names`
/// (an attribute the part does not have is missing).
fn reshape(p: &Part, shape: &Row, names: &[&str], id: &dyn Fn(u32) -> u32) -> Vec<u32> {
    let mut cols = Vec::with_capacity(p.respondents.len() * shape.width());
    let at: Vec<Option<usize>> = names
        .iter()
        .map(|n| p.attributes.iter().position(|a| a == n))
        .collect();
    let w = p.shape.width();
    if w == 0 {
        cols.resize(p.respondents.len() * shape.width(), 0);
        return cols;
    }
    let rows = (p.cols.len() / w).min(p.respondents.len());
    for r in 0..rows {
        let at_row = |k: usize| id(p.cols.get(r * w + k));
        cols.extend((0..shape.kept).map(at_row));
        for a in &at {
            match a {
                Some(a) => {
                    let e = p.shape.kept + 2 * a;
                    cols.push(at_row(e));
                    cols.push(at_row(e + 1));
                }
                None => cols.extend([0, 0]),
            }
        }
        let s = p.shape.kept + 2 * p.shape.attributes;
        cols.extend((s..w).map(at_row));
    }
    cols
}

fn account(chunks: &[Chunk], n_tables: usize) -> Vec<Accounting> {
    let mut acc = vec![Accounting::default(); n_tables];
    for r in chunks.iter().flat_map(|c| &c.respondents) {
        let Some(a) = acc.get_mut(r.table as usize) else {
            continue;
        };
        a.rows_read += 1;
        match r.outcome {
            Outcome::Excluded(_) => a.excluded += 1,
            Outcome::Classified { .. } => a.classified += 1,
            Outcome::Unclassified(_) => a.unclassified += 1,
        }
    }
    acc
}

/// Keep the latest response per respondent id (by response date, then file order); the others
/// are excluded as duplicates.
fn mark_duplicates(chunks: &mut [Chunk], tables: &[TableInfo]) {
    use std::hash::{Hash, Hasher};
    let id_of = |c: u32, l: u32| {
        chunks
            .get(c as usize)
            .and_then(|ch| ch.ids.get(2 * l as usize))
    };
    let resp = |c: u32, l: u32| {
        chunks
            .get(c as usize)
            .and_then(|ch| ch.respondents.get(l as usize))
    };
    // (hash of the id, chunk, position) of every response with an id that is not excluded,
    // sorted: equal ids end up side by side, in file order. 16 bytes a response, where a map
    // from id to response took 80. SipHash, not the fast hash: a run of equal hashes is split
    // by comparing texts, which ids made to collide would make quadratic.
    let mut keys: Vec<(u64, u32, u32)> = chunks
        .par_iter()
        .flat_map_iter(|c| {
            c.respondents
                .iter()
                .enumerate()
                .filter(|(_, r)| !matches!(r.outcome, Outcome::Excluded(_)))
                .filter_map(|(i, r)| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    c.ids.get(2 * i)?.hash(&mut h);
                    Some((h.finish(), r.chunk, r.local))
                })
        })
        .collect();
    keys.par_sort_unstable();
    let mut marks = Vec::new();
    for run in keys.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        // Usually one id per hash; split the run by id text all the same.
        type At = (u32, u32); // (chunk, position)
        let mut left: Vec<At> = run.iter().map(|k| (k.1, k.2)).collect();
        while let Some(&(c0, l0)) = left.first() {
            let id = id_of(c0, l0);
            let (same, rest): (Vec<At>, Vec<At>) =
                left.iter().partition(|&&(c, l)| id_of(c, l) == id);
            left = rest;
            if same.len() < 2 {
                continue;
            }
            // The latest response (by date, then file order) is kept.
            let Some(&(kc, kl)) = same
                .iter()
                .max_by_key(|&&(c, l)| (resp(c, l).and_then(|r| r.date), c, l))
            else {
                continue;
            };
            let Some(kept) = resp(kc, kl) else { continue };
            let at = match tables.get(kept.table as usize) {
                Some(t) => format!("{} row {}", t.label(), kept.row),
                None => format!("row {}", kept.row),
            };
            for &(c, l) in same.iter().filter(|&&k| k != (kc, kl)) {
                marks.push(((c, l), format!("duplicate (kept {at})")));
            }
        }
    }
    drop(keys);
    for ((c, l), reason) in marks {
        if let Some(r) = chunks
            .get_mut(c as usize)
            .and_then(|c| c.respondents.get_mut(l as usize))
        {
            r.outcome = Outcome::Excluded(reason);
        }
    }
}

/// A distinct cell of a column as one field reads it: its value, the value's id in the table's
/// pool once a row has needed it, and the problem it was counted as (noted again for every
/// row that holds the cell, so the tallies are those of reading every cell).
struct Reading {
    val: Val,
    id: Option<u32>,
    problem: Option<(Problem, String)>,
    /// For a field the rules compare as text: the value's folded texts.
    texts: Option<Vec<String>>,
}

impl Reading {
    fn new(val: Val, problem: Option<(Problem, String)>, rule_texts: bool) -> Reading {
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
struct ColumnReads {
    col: usize,
    reads: Vec<Option<Reading>>,
    rule_texts: bool,
    /// Whether readings are kept per distinct cell (else slot 0 holds the current row's).
    shared: bool,
}

impl ColumnReads {
    fn new(t: &Table, col: usize, rule_texts: bool) -> ColumnReads {
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
    fn slot(&self, row: RowRef) -> usize {
        if self.shared {
            row.id(self.col) as usize
        } else {
            0
        }
    }

    /// The reading of this row's cell, read on first sight and its problem noted each time.
    fn read(
        &mut self,
        reader: &Reader,
        t: &Table,
        row: RowRef,
        problems: &mut Problems,
    ) -> Option<&mut Reading> {
        let cell = &row[self.col];
        if !self.shared {
            // Read once, for this row alone: its problem goes straight to the table's.
            let val = reader.read(cell, self.col, t.decimal_comma, problems);
            let r = self.reads.get_mut(0)?;
            return Some(r.insert(Reading::new(val, None, self.rule_texts)));
        }
        let r = self.reads.get_mut(row.id(self.col) as usize)?;
        let reading = r.get_or_insert_with(|| {
            let mut own = Problems::new();
            let val = reader.read(cell, self.col, t.decimal_comma, &mut own);
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
fn reading_id(reading: &mut Reading, pool: &mut ValPool) -> u32 {
    *reading.id.get_or_insert_with(|| pool.id(&reading.val))
}

/// How one field is read in a table.
enum FieldReads {
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
struct OptionReads {
    /// Per option column, in order.
    chosen: Vec<CellVerdicts>,
    rule_texts: bool,
    by_set: std::collections::HashMap<u64, Reading, crate::hashing::Fast>,
    /// The current row's set.
    set: u64,
}

impl FieldReads {
    fn new(t: &Table, cols: &[usize], rule_texts: bool) -> FieldReads {
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
    fn read(
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
                o.by_set.entry(set).or_insert_with(|| {
                    Reading::new(read_field(reader, t, row, cols, problems), None, rule_texts)
                });
            }
            FieldReads::Row(reading) => {
                *reading = Reading::new(read_field(reader, t, row, cols, problems), None, false);
            }
        }
    }

    /// [`FieldReads::reading`], to intern its value.
    fn reading_mut(&mut self, row: RowRef) -> Option<&mut Reading> {
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
    fn reading(&self, row: RowRef) -> Option<&Reading> {
        match self {
            FieldReads::Column(reads) => reads.reads.get(reads.slot(row)).and_then(Option::as_ref),
            FieldReads::Options(o) => o.by_set.get(&o.set),
            FieldReads::Row(reading) => Some(reading),
        }
    }

    /// The distinct cell the current row's value comes from, when it comes from one column.
    fn cell_id(&self, row: RowRef) -> Option<u32> {
        match self {
            FieldReads::Column(reads) if reads.shared => Some(row.id(reads.col)),
            _ => None,
        }
    }
}

fn classify_table(cfg: &Config, attrs: &[Attribute], ti: usize, t: &Table) -> TableRows {
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

static MISSING: Val = Val::Missing;

/// One table's respondents, their rows of value ids into `pool`, and its bad cells.
struct TableRows {
    respondents: Vec<Respondent>,
    cols: Vec<u32>,
    pool: ValPool,
    ids: Texts,
    problems: Problems,
}

/// A field's value in a row: one column, or several (a multi-select spread over option columns).
fn read_field(
    reader: &Reader,
    t: &Table,
    row: RowRef,
    cols: &[usize],
    problems: &mut Problems,
) -> Val {
    match cols {
        [] => Val::Missing,
        [c] if t.columns[*c].option.is_none() => {
            reader.read(&row[*c], *c, t.decimal_comma, problems)
        }
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
fn is_selected(c: &Cell) -> bool {
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

/// The Qualtrics `Status` and `Finished` columns, where the config drops previews and
/// unfinished responses.
struct Flags {
    preview: Option<Verdicts>,
    unfinished: Option<Verdicts>,
}

impl Flags {
    fn new(cfg: &Config, map: &TableMap, t: &Table) -> Flags {
        let verdicts = |on: bool, col: Option<usize>, test| {
            col.filter(|_| on).map(|col| Verdicts {
                known: CellVerdicts::new(t, col),
                test,
            })
        };
        Flags {
            preview: verdicts(cfg.preview, map.status, |s| {
                matches!(
                    s,
                    "survey preview" | "survey test" | "spam" | "1" | "2" | "8"
                )
            }),
            unfinished: verdicts(cfg.unfinished, map.finished, |s| matches!(s, "0" | "false")),
        }
    }
}

/// Whether a flag column's cell says to drop the row: its text, lower-cased, passes `test`.
struct Verdicts {
    known: CellVerdicts,
    test: fn(&str) -> bool,
}

impl Verdicts {
    fn hit(&mut self, row: RowRef) -> bool {
        let test = self.test;
        self.known
            .of(row, |cell| test(&cell.as_text().to_lowercase()))
    }
}

/// A yes or no about the cells of one column, decided once per distinct cell.
struct CellVerdicts {
    col: usize,
    known: Vec<Option<bool>>,
}

impl CellVerdicts {
    fn new(t: &Table, col: usize) -> CellVerdicts {
        CellVerdicts {
            col,
            known: vec![None; t.rows.distinct(col).len()],
        }
    }

    /// The verdict on this row's cell, `judge`d the first time the cell is met.
    fn of(&mut self, row: RowRef, judge: impl FnOnce(&Cell) -> bool) -> bool {
        let cell = &row[self.col];
        match self.known.get_mut(row.id(self.col) as usize) {
            Some(known) => *known.get_or_insert_with(|| judge(cell)),
            None => judge(cell),
        }
    }
}

fn decide(
    cfg: &Config,
    flags: &mut Flags,
    row: RowRef,
    (vals, texts): (&[&Val], &[Option<&[String]>]),
    date: Option<NaiveDateTime>,
    weight: Option<f64>,
) -> Outcome {
    if row.iter().all(Cell::is_empty) {
        return Outcome::Excluded("empty row".into());
    }
    if flags.preview.as_mut().is_some_and(|f| f.hit(row)) {
        return Outcome::Excluded("preview/test".into());
    }
    if flags.unfinished.as_mut().is_some_and(|f| f.hit(row)) {
        return Outcome::Excluded("unfinished".into());
    }
    let view = RowView {
        vals,
        texts,
        response_date: date,
    };
    if let Some(ex) = cfg.exclusions.iter().find(|e| view.eval(&e.when)) {
        return Outcome::Excluded(ex.reason.clone());
    }
    if !weight.is_some_and(|w| w > 0.0) {
        return Outcome::Excluded("no valid weight".into());
    }
    match cfg.stage_rules.iter().position(|r| view.eval(&r.when)) {
        Some(i) => Outcome::Classified {
            stage: cfg.stage_rules[i].stage,
            rule: i,
        },
        None => Outcome::Unclassified(unmatched_reason(cfg, vals)),
    }
}

/// `no stage rule matched (relationship = "Vendor"; outcome empty)`.
fn unmatched_reason(cfg: &Config, vals: &[&Val]) -> String {
    let mut used = Vec::new();
    for r in &cfg.stage_rules {
        r.when.fields(&mut used);
    }
    let parts: Vec<String> = used
        .iter()
        .take(3)
        .map(|&f| match vals[f].as_text() {
            Some(v) => format!(
                "{} = \"{}\"",
                cfg.fields[f].name,
                v.chars().take(40).collect::<String>()
            ),
            None => format!("{} empty", cfg.fields[f].name),
        })
        .collect();
    if parts.is_empty() {
        "no stage rule matched".into()
    } else {
        format!("no stage rule matched ({})", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::read_text;

    fn config() -> Config {
        let text = r#"
[fields.respondent_id]
headers = ["ResponseId"]
[fields.date]
kind = "date"
headers = ["RecordedDate"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;
        parse(text)
    }

    fn parse(text: &str) -> Config {
        Config::parse(text, std::path::Path::new("journeygap.toml")).expect("config")
    }

    /// A config of these fields, a `kind` field and one rule: `kind` = client is a client.
    fn kind_config(fields: &str) -> Config {
        parse(&format!(
            r#"{fields}
[fields.kind]
headers = ["Kind"]
[[stages.rules]]
name = "clients"
stage = "client"
when = {{ field = "kind", equals = "client" }}
"#
        ))
    }

    fn part(cfg: &Config, name: &str, csv: &str) -> Part {
        let t = read_text(name, csv.as_bytes(), "csv", None).expect("table");
        classify_part(cfg, &[&t])
    }

    /// These (name, CSV text) files, each read as its own part, merged in order.
    fn merged(cfg: &Config, files: &[(&str, &str)]) -> Classified {
        merge(
            cfg,
            files.iter().map(|(n, csv)| part(cfg, n, csv)).collect(),
        )
    }

    #[test]
    fn parts_that_found_other_attributes_are_merged_onto_all_of_them() {
        let cfg = kind_config(
            r#"
[fields.respondent_id]
headers = ["Id"]
[[attribute_sets]]
expectation = '^Imp (\w+)$'
experience = '^Perf (\w+)$'
scale = [1, 5]"#,
        );
        let c = merged(
            &cfg,
            &[
                (
                    "a.csv",
                    "Id,Kind,Imp Speed,Perf Speed,Imp Price,Perf Price\na1,client,5,4,3,2\na2,client,1,2,,5\n",
                ),
                (
                    "b.csv",
                    "Id,Kind,Imp Price,Perf Price,Imp Tone,Perf Tone\nb1,client,4,4,2,1\n",
                ),
            ],
        );
        let names: Vec<&str> = c.attributes.iter().map(|a| a.name.as_str()).collect();
        let mut pairs = Vec::new();
        // Per respondent: its id and its (expectation, experience) numbers per attribute.
        type Pairs = Vec<(Option<f64>, Option<f64>)>;
        let rows: Vec<(String, Pairs)> = c
            .respondents()
            .map(|r| {
                c.pair_ids(r, &mut pairs);
                let nums = pairs.iter().map(|&(e, x)| (c.num(e), c.num(x))).collect();
                (c.respondent_id(r).unwrap_or("").to_string(), nums)
            })
            .collect();
        let at = |n: &str| names.iter().position(|a| *a == n).expect("attribute");
        let (speed, price, tone) = (at("Speed"), at("Price"), at("Tone"));
        assert_eq!(names.len(), 3);
        let get = |row: usize, a: usize| rows[row].1[a];
        assert_eq!(rows[0].0, "a1");
        assert_eq!(get(0, speed), (Some(5.0), Some(4.0)));
        assert_eq!(get(0, price), (Some(3.0), Some(2.0)));
        assert_eq!(get(0, tone), (None, None), "a part without the attribute");
        assert_eq!(get(1, price), (None, Some(5.0)));
        assert_eq!(rows[2].0, "b1");
        assert_eq!(get(2, speed), (None, None));
        assert_eq!(get(2, price), (Some(4.0), Some(4.0)));
        assert_eq!(get(2, tone), (Some(2.0), Some(1.0)));
    }

    #[test]
    fn duplicates_keep_the_latest_response_then_the_last_in_file_order() {
        let cfg = config();
        let c = merged(
            &cfg,
            &[
                (
                    "a.csv",
                    "ResponseId,RecordedDate\nX,2026-01-02\nY,2026-01-01\nZ,2026-01-01\n",
                ),
                (
                    "b.csv",
                    "ResponseId,RecordedDate\nX,2026-01-01\nY,2026-01-01\nW,2026-01-01\nW,2026-01-01\n",
                ),
            ],
        );
        let got: Vec<(Option<&str>, String)> = c
            .respondents()
            .map(|r| {
                let what = match &r.outcome {
                    Outcome::Excluded(why) => why.clone(),
                    Outcome::Classified { .. } => "kept".to_string(),
                    Outcome::Unclassified(why) => why.clone(),
                };
                (c.respondent_id(r), what)
            })
            .collect();
        let kept = "kept".to_string();
        assert_eq!(
            got,
            [
                (Some("X"), kept.clone()),
                (Some("Y"), "duplicate (kept b.csv row 3)".to_string()),
                (Some("Z"), kept.clone()),
                (Some("X"), "duplicate (kept a.csv row 2)".to_string()),
                (Some("Y"), kept.clone()),
                (Some("W"), "duplicate (kept b.csv row 5)".to_string()),
                (Some("W"), kept),
            ]
        );
        assert_eq!(c.len(), 7);
        assert_eq!(
            c.respondents().map(|r| r.index).collect::<Vec<_>>(),
            (0..7).collect::<Vec<_>>()
        );
    }

    /// A cell read once for many rows still counts once per row, with its example once; a
    /// column of distinct cells (read row by row) gives the same values as one read per cell.
    #[test]
    fn shared_readings_count_every_bad_cell_and_keep_every_value() {
        let cfg = kind_config(
            r#"
[fields.respondent_id]
headers = ["ResponseId"]
[fields.date]
kind = "date"
headers = ["RecordedDate"]
[fields.score]
kind = "number"
scale = [0, 10]
headers = ["Score"]
[fields.stamp]
kind = "date"
headers = ["Stamp"]"#,
        );
        let mut csv = String::from("ResponseId,RecordedDate,Score,Kind,Stamp\n");
        for i in 0..40 {
            let score = if i % 4 == 0 { "abc" } else { "7" };
            let kind = if i % 2 == 0 { "Client" } else { "other" };
            // Every stamp differs, so the column is read row by row, not per distinct cell.
            let stamp = if i % 5 == 0 {
                format!("never{i}")
            } else {
                format!("2026-02-01 10:{i:02}:00")
            };
            csv.push_str(&format!(
                "R{i},2026-01-{:02},{score},{kind},{stamp}\n",
                i % 28 + 1
            ));
        }
        let c = merged(&cfg, &[("a.csv", &csv)]);
        let bad: Vec<(&str, u64, &[String])> = c
            .cell_problems
            .iter()
            .map(|p| (p.problem, p.count, p.examples.as_slice()))
            .collect();
        let never = ["never0", "never5", "never10"].map(String::from);
        assert_eq!(
            bad,
            [
                ("not a number", 10, &["abc".to_string()][..]),
                ("not a date", 8, &never[..])
            ]
        );
        let ids: Vec<Option<&str>> = c.respondents().map(|r| c.respondent_id(r)).collect();
        let expect: Vec<String> = (0..40).map(|i| format!("R{i}")).collect();
        assert_eq!(
            ids,
            expect.iter().map(|s| Some(s.as_str())).collect::<Vec<_>>()
        );
        let days: Vec<u32> = c
            .respondents()
            .map(|r| chrono::Datelike::day(&r.date.expect("date")))
            .collect();
        assert_eq!(days, (0..40).map(|i| i % 28 + 1).collect::<Vec<u32>>());
        let staged = c.respondents().filter(|r| r.stage().is_some()).count();
        assert_eq!(
            staged, 20,
            "the rule's text match is folded once and holds for each row"
        );
    }

    #[test]
    fn leaving_unwanted_columns_unread_classifies_every_demo_file_alike() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
        let cfg = Config::load(&root.join("journeygap.toml")).expect("demo config");
        let wanted = |layout, columns: &[crate::ingest::Column]| {
            mapping::wanted_columns(&cfg, layout, columns)
        };
        let (mut csv_files, mut with_unread) = (0, 0);
        for path in crate::ingest::walk(&root).expect("demo files") {
            let full = crate::ingest::read_file(&root, &path).expect("read");
            let part = crate::ingest::read_file_wanting(&root, &path, Some(&wanted)).expect("read");
            let classify = |f: &crate::ingest::InputFile| {
                format!(
                    "{:?}",
                    classify_part(&cfg, &f.tables.iter().collect::<Vec<_>>())
                )
            };
            assert!(
                classify(&full) == classify(&part),
                "{}: classified differently when unwanted columns are left unread",
                path.display()
            );
            if path.extension().is_some_and(|e| e == "csv") {
                csv_files += 1;
                let unread = |f: &crate::ingest::InputFile| {
                    f.tables[0]
                        .rows
                        .iter()
                        .flat_map(|r| r.iter().cloned().collect::<Vec<_>>())
                        .filter(|c| *c == Cell::Text(crate::ingest::grid::UNREAD.into()))
                        .count()
                };
                assert_eq!(unread(&full), 0);
                with_unread += usize::from(unread(&part) > 0);
            }
        }
        assert!(csv_files >= 6, "{csv_files}");
        assert!(
            with_unread >= 3,
            "the Qualtrics exports' unused columns are left unread"
        );
    }
}

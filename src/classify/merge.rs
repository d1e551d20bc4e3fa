//! A part is one file's classification; merging puts parts together into one [`Classified`].

use rayon::prelude::*;

use super::duplicates::mark_duplicates;
use super::lookup::Joined;
use super::mapping;
use super::outcome::{account, CellProblem, Respondent, TableInfo};
use super::store::{narrow, Chunk, Classified, Ids, Row};
use super::table::{classify_table, TableRows};
use super::texts::Texts;
use super::values::{Val, ValPool};
use crate::config::Config;
use crate::ingest::Table;

/// The classification of some tables (one file's, say), to be merged with others by [`merge`].
/// It holds no cells: the tables can be dropped as soon as it is made.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub(super) tables: Vec<TableInfo>,
    /// Per attribute set, the names its patterns found in these tables.
    pub(super) found: Vec<std::collections::BTreeSet<String>>,
    /// Attribute names, in the order of each respondent's pairs.
    pub(super) attributes: Vec<String>,
    pub(super) respondents: Vec<Respondent>,
    pub(super) cell_problems: Vec<CellProblem>,
    /// Rows of ids into `pool`, shaped by `shape` (with this part's attributes); two bytes an
    /// id while the part's pool allows.
    pub(super) cols: Ids,
    pub(super) shape: Row,
    pub(super) pool: ValPool,
    pub(super) ids: Texts,
    /// Per guess of the config, the rows of these tables it decided.
    pub(super) guess_rows: Vec<u64>,
}

/// Classify the rows of these tables; respondents' `table` indexes count from 0 within the part.
pub fn classify_part(cfg: &Config, joined: &[Joined]) -> Part {
    let tables: Vec<&Table> = joined.iter().map(|j| j.table).collect();
    let tables = &tables[..];
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
    let mut guess_rows = vec![0; cfg.guesses.len()];
    let per_export: Vec<bool> = per_table.iter().map(|t| t.ids_per_export).collect();
    for (ti, t) in per_table.into_iter().enumerate() {
        respondents.extend(t.respondents);
        add_rows(&mut guess_rows, &t.guess_rows);
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
        tables: joined
            .iter()
            .zip(&per_export)
            .map(|(&Joined { table: t, join }, &ids_per_export)| TableInfo {
                source_file: t.source_file.clone(),
                sheet: t.sheet.clone(),
                layout: t.layout,
                encoding: t.encoding,
                column_labels: t.columns.iter().map(|c| c.label().to_string()).collect(),
                column_letters: t.columns.iter().map(|c| c.letter.clone()).collect(),
                join: join.clone(),
                ids_per_export,
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
        guess_rows,
    }
}

/// Add one tally of rows by guess to another.
fn add_rows(to: &mut [u64], from: &[u64]) {
    for (a, b) in to.iter_mut().zip(from) {
        *a += b;
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
    let mut guess_rows = vec![0; cfg.guesses.len()];
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
        .map(|(ci, ((p, ids), start))| renumber_part(p, &ids, start, ci, &names, &shape, narrow))
        .collect();
    for (p, cols) in renumbered {
        let offset = tables.len();
        index += p.respondents.len();
        add_rows(&mut guess_rows, &p.guess_rows);
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
    let accounting = account(chunks.iter().flat_map(|c| &c.respondents), tables.len());
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
        guess_rows,
    }
}

/// One part renumbered into the merged pool (`ids`: its value ids there) and laid out for the
/// merged attributes; its respondents' tables offset by the tables before it, their indexes
/// by the respondents before it (`start`), and marked with the chunk `ci` they are in.
fn renumber_part(
    mut p: Part,
    ids: &[u32],
    (t0, i0): (usize, usize),
    ci: usize,
    names: &[&str],
    shape: &Row,
    narrow: bool,
) -> (Part, Ids) {
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
        Ids::collect(reshape(&p, shape, names, &id).into_iter(), narrow)
    };
    p.cols = Ids::default();
    for (local, r) in p.respondents.iter_mut().enumerate() {
        r.table = r.table.saturating_add(offset);
        r.index = i0 + local;
        r.chunk = u32::try_from(ci).unwrap_or(u32::MAX);
        r.local = u32::try_from(local).unwrap_or(u32::MAX);
    }
    (p, cols)
}

/// A part's rows of ids, renumbered by `id` and laid out for the merged attributes `names`
/// (an attribute the part does not have is missing).
pub(super) fn reshape(p: &Part, shape: &Row, names: &[&str], id: &dyn Fn(u32) -> u32) -> Vec<u32> {
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

//! Tables + config → respondents with a stage, the rule that gave it, exclusions with their
//! reasons, and the data-quality accounting: `rows read = excluded + classified + unclassified`
//! for every file and sheet.

pub mod mapping;
pub mod rules;
pub mod values;

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::config::Config;
use crate::ingest::{Cell, Layout, Table};
use crate::stage::Stage;
use mapping::TableMap;
pub use mapping::{AttrSource, Attribute};
use rules::RowView;
pub use values::Val;
use values::{Problems, Reader, ValPool};

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
/// [`Classified::segment`].
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// Its position in [`Classified::respondents`].
    pub index: usize,
    /// Index of its table in [`Classified::tables`].
    pub table: usize,
    /// Record number in its sheet or file, counting header rows.
    pub row: usize,
    pub respondent_id: Option<Box<str>>,
    pub panel_key: Option<Box<str>>,
    pub date: Option<NaiveDateTime>,
    pub outcome: Outcome,
    pub weight: f64,
    /// Likelihood to recommend, 0–10.
    pub recommend: Option<f64>,
}

impl Respondent {
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
    pub respondents: Vec<Respondent>,
    pub accounting: Vec<Accounting>,
    pub cell_problems: Vec<CellProblem>,
    /// The field values of every respondent as ids into `pool`, one row of `width` ids per
    /// respondent (by `Respondent::index`); see [`Row`] for the order.
    cols: Vec<u32>,
    shape: Row,
    pool: ValPool,
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
    fn width(&self) -> usize {
        self.kept + 2 * self.attributes + self.segments
    }
}

impl Classified {
    fn ids(&self, r: &Respondent) -> &[u32] {
        let w = self.shape.width();
        let at = r.index * w;
        self.cols.get(at..at + w).unwrap_or(&[])
    }

    /// The value of the `slot`-th analysis field ([`Config::analysis_fields`]) of a respondent.
    pub fn val(&self, r: &Respondent, slot: usize) -> &Val {
        let id = if slot < self.shape.kept {
            self.ids(r).get(slot).copied().unwrap_or(0)
        } else {
            0
        };
        self.pool.get(id)
    }

    /// A respondent's (expectation, experience) on the `ai`-th attribute.
    pub fn pair(&self, r: &Respondent, ai: usize) -> (Option<f64>, Option<f64>) {
        if ai >= self.shape.attributes {
            return (None, None);
        }
        let ids = self.ids(r);
        let at = self.shape.kept + 2 * ai;
        let get = |i: usize| self.pool.get(ids.get(i).copied().unwrap_or(0)).as_num();
        (get(at), get(at + 1))
    }

    /// The id of a respondent's value of the `si`-th segment (0: none). Equal ids are equal
    /// texts; [`Classified::text_of`] gives the text.
    pub fn segment(&self, r: &Respondent, si: usize) -> u32 {
        let at = self.shape.kept + 2 * self.shape.attributes + si;
        self.ids(r).get(at).copied().unwrap_or(0)
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
    /// Rows of ids into `pool`, shaped by `shape` (with this part's attributes).
    cols: Vec<u32>,
    shape: Row,
    pool: ValPool,
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
    let shape = Row {
        kept: cfg.analysis_fields().len(),
        attributes: attributes.len(),
        segments: cfg.segments.len(),
    };
    let mut respondents = Vec::with_capacity(per_table.iter().map(|t| t.respondents.len()).sum());
    let mut cols = Vec::with_capacity(per_table.iter().map(|t| t.cols.len()).sum());
    let mut pool = ValPool::default();
    let mut cell_problems = Vec::new();
    for (ti, t) in per_table.into_iter().enumerate() {
        respondents.extend(t.respondents);
        let ids: Vec<u32> = t.pool.values().iter().map(|v| pool.id(v)).collect();
        cols.extend(t.cols.iter().map(|&i| ids[i as usize]));
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
    let shape = Row {
        kept: cfg.analysis_fields().len(),
        attributes: names.len(),
        segments: cfg.segments.len(),
    };
    let n: usize = parts.iter().map(|p| p.respondents.len()).sum();
    let mut tables = Vec::new();
    let mut respondents = Vec::with_capacity(n);
    let mut cols = Vec::with_capacity(n * shape.width());
    let mut pool = ValPool::default();
    let mut cell_problems = Vec::new();
    for p in parts {
        let offset = tables.len();
        let ids: Vec<u32> = p.pool.values().iter().map(|v| pool.id(v)).collect();
        let id = |i: u32| ids.get(i as usize).copied().unwrap_or(0);
        // Where each of the merged attributes sits in this part's rows.
        let at: Vec<Option<usize>> = names
            .iter()
            .map(|n| p.attributes.iter().position(|a| a == n))
            .collect();
        let w = p.shape.width();
        for row in p.cols.chunks_exact(w.max(1)).take(p.respondents.len()) {
            cols.extend(row[..shape.kept].iter().map(|&i| id(i)));
            for a in &at {
                match a {
                    Some(a) => {
                        let e = p.shape.kept + 2 * a;
                        cols.push(id(row[e]));
                        cols.push(id(row[e + 1]));
                    }
                    None => cols.extend([0, 0]),
                }
            }
            let s = p.shape.kept + 2 * p.shape.attributes;
            cols.extend(row[s..].iter().map(|&i| id(i)));
        }
        if w == 0 {
            cols.resize(cols.len() + p.respondents.len() * shape.width(), 0);
        }
        respondents.extend(p.respondents.into_iter().map(|mut r| {
            r.table += offset;
            r
        }));
        cell_problems.extend(p.cell_problems.into_iter().map(|mut c| {
            c.table += offset;
            c
        }));
        tables.extend(p.tables);
    }
    pool.seal();
    for (i, r) in respondents.iter_mut().enumerate() {
        r.index = i;
    }
    if cfg.duplicates {
        mark_duplicates(&mut respondents, &tables);
    }
    let accounting = account(&respondents, tables.len());
    Classified {
        tables,
        attributes,
        respondents,
        accounting,
        cell_problems,
        cols,
        shape,
        pool,
    }
}

fn account(rs: &[Respondent], n_tables: usize) -> Vec<Accounting> {
    let mut acc = vec![Accounting::default(); n_tables];
    for r in rs {
        let a = &mut acc[r.table];
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
fn mark_duplicates(rs: &mut [Respondent], tables: &[TableInfo]) {
    // Only lookups, never iterated: the result does not depend on the map's order.
    let mut latest: std::collections::HashMap<&str, usize> = Default::default();
    for (i, r) in rs.iter().enumerate() {
        if matches!(r.outcome, Outcome::Excluded(_)) {
            continue;
        }
        let Some(id) = r.respondent_id.as_deref() else {
            continue;
        };
        match latest.get(id) {
            Some(&j) if (rs[j].date, j) > (r.date, i) => {}
            _ => {
                latest.insert(id, i);
            }
        }
    }
    let keep_map = latest;
    let mut marks = Vec::new();
    for (i, r) in rs.iter().enumerate() {
        if matches!(r.outcome, Outcome::Excluded(_)) {
            continue;
        }
        if let Some(&k) = r.respondent_id.as_deref().and_then(|id| keep_map.get(id)) {
            if k != i {
                let kept = &rs[k];
                let t = &tables[kept.table];
                let at = format!("{} row {}", t.label(), kept.row);
                marks.push((i, format!("duplicate (kept {at})")));
            }
        }
    }
    for (i, reason) in marks {
        rs[i].outcome = Outcome::Excluded(reason);
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
    let mut vals = vec![Val::Missing; cfg.fields.len()];
    let mut pool = ValPool::default();
    let width = kept.len() + 2 * attrs.len() + cfg.segments.len();
    let mut cols = Vec::with_capacity(t.rows.len() * width);
    let r = &cfg.roles;
    for (ri, row) in t.rows.iter().enumerate() {
        for (fi, cols) in map.fields.iter().enumerate() {
            vals[fi] = read_field(&readers[fi], t, row, cols, &mut problems);
        }
        cols.extend(kept.iter().map(|&f| pool.id(&vals[f])));
        for (a, (e, x)) in attrs.iter().zip(&map.attributes) {
            let reader = match &a.source {
                AttrSource::Fields {
                    expectation,
                    experience,
                } => (&readers[*expectation], &readers[*experience]),
                AttrSource::Set { set } => (&set_readers[*set], &set_readers[*set]),
            };
            for (c, rd) in [(e, reader.0), (x, reader.1)] {
                let v = c.map(|c| rd.read(&row[c], c, t.decimal_comma, &mut problems));
                cols.push(match v {
                    Some(v @ Val::Num(_)) => pool.id(&v),
                    _ => 0,
                });
            }
        }
        for &f in &cfg.segments {
            let text = vals[f].as_text().map(|t| Val::Text {
                raw: t.into(),
                code: None,
            });
            cols.push(text.map_or(0, |v| pool.id(&v)));
        }
        let text_of =
            |f: Option<usize>| f.and_then(|f| vals[f].as_text().map(String::into_boxed_str));
        let date = r.date.and_then(|f| match vals[f] {
            Val::Date(d) => Some(d),
            _ => None,
        });
        let weight = r.weight.map(|f| vals[f].as_num()).unwrap_or(Some(1.0));
        let outcome = decide(cfg, &map, row, &vals, date, weight);
        out.push(Respondent {
            index: 0,
            table: ti,
            row: t.row_number(ri),
            respondent_id: text_of(r.respondent_id),
            panel_key: text_of(r.panel_key),
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
        problems,
    }
}

/// One table's respondents, their rows of value ids into `pool`, and its bad cells.
struct TableRows {
    respondents: Vec<Respondent>,
    cols: Vec<u32>,
    pool: ValPool,
    problems: Problems,
}

/// A field's value in a row: one column, or several (a multi-select spread over option columns).
fn read_field(
    reader: &Reader,
    t: &Table,
    row: &[Cell],
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

fn decide(
    cfg: &Config,
    map: &TableMap,
    row: &[Cell],
    vals: &[Val],
    date: Option<NaiveDateTime>,
    weight: Option<f64>,
) -> Outcome {
    if row.iter().all(Cell::is_empty) {
        return Outcome::Excluded("empty row".into());
    }
    if cfg.preview {
        if let Some(c) = map.status {
            let s = row[c].as_text().to_lowercase();
            if matches!(
                s.as_str(),
                "survey preview" | "survey test" | "spam" | "1" | "2" | "8"
            ) {
                return Outcome::Excluded("preview/test".into());
            }
        }
    }
    if cfg.unfinished {
        if let Some(c) = map.finished {
            let s = row[c].as_text().to_lowercase();
            if matches!(s.as_str(), "0" | "false") {
                return Outcome::Excluded("unfinished".into());
            }
        }
    }
    let view = RowView {
        vals,
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
fn unmatched_reason(cfg: &Config, vals: &[Val]) -> String {
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

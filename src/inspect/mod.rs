//! `journeygap check`: everything `run` does up to the statistics, reported as findings instead
//! of written as outputs — files and layouts, where each field was found, columns no field uses,
//! answers nothing covers, bad cells, duplicates, unclassified rows and low bases.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::classify::{self, mapping, Classified, Joined, Joins, Outcome};
use crate::config::{Config, FieldId};
use crate::ingest::{IngestError, Table};
use crate::stage::Stage;

mod answers;
mod columns;
mod guesses;
mod joins;
use columns::{columns_read, dates, formats};
pub use guesses::PeriodArgs;

/// How serious a finding is. Errors make `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level: Level,
    pub text: String,
}

/// The report: titled sections of findings.
#[derive(Debug, Default)]
pub struct Report {
    pub sections: Vec<(&'static str, Vec<Finding>)>,
}

impl Report {
    /// Findings at `level`.
    pub fn count(&self, level: Level) -> usize {
        self.sections
            .iter()
            .flat_map(|(_, f)| f)
            .filter(|f| f.level == level)
            .count()
    }

    /// The report as text; with `quiet` only errors and warnings.
    pub fn render(&self, quiet: bool) -> String {
        let mut s = String::new();
        for (title, findings) in &self.sections {
            let shown: Vec<&Finding> = findings
                .iter()
                .filter(|f| !quiet || f.level > Level::Info)
                .collect();
            if shown.is_empty() {
                continue;
            }
            if !quiet {
                let _ = writeln!(s, "\n{title}");
            }
            for f in shown {
                let tag = match f.level {
                    Level::Info => "  ",
                    Level::Warning => "  warning: ",
                    Level::Error => "  error: ",
                };
                let _ = writeln!(s, "{tag}{}", f.text);
            }
        }
        let _ = writeln!(
            s,
            "\n{} error(s), {} warning(s)",
            self.count(Level::Error),
            self.count(Level::Warning)
        );
        s
    }
}

fn info(text: String) -> Finding {
    Finding {
        level: Level::Info,
        text,
    }
}
fn warn(text: String) -> Finding {
    Finding {
        level: Level::Warning,
        text,
    }
}
fn error(text: String) -> Finding {
    Finding {
        level: Level::Error,
        text,
    }
}

/// What a run with `cfg` would do with these tables: rows read, excluded by reason, classified
/// by stage, unclassified with the top reasons (what `init` ends with).
pub fn preview(cfg: &Config, tables: &[&Table]) -> String {
    let joined: Vec<Joined> = tables.iter().map(|t| Joined::plain(t)).collect();
    let c = classify::classify(cfg, &joined);
    let mut s = String::new();
    for f in rows(&c).into_iter().chain(bases(cfg, &c)) {
        let tag = if f.level > Level::Info {
            "warning: "
        } else {
            ""
        };
        let _ = writeln!(s, "  {tag}{}", f.text);
    }
    s
}

/// Inspect the tables read, the lookups joined to them (and the files that could not be read)
/// under `cfg`.
pub fn inspect(
    cfg: &Config,
    joins: &Joins,
    joined: &[Joined],
    bad: &[IngestError],
    period: Option<PeriodArgs>,
) -> Report {
    let mut classified = classify::classify(cfg, joined);
    let tables: Vec<&Table> = joined.iter().map(|j| j.table).collect();
    let tables = &tables[..];
    let weighting = joins::weighting(cfg, &mut classified);
    let maps: Vec<mapping::TableMap> = tables
        .iter()
        .map(|t| mapping::map_table(cfg, &classified.attributes, t))
        .collect();
    let mut r = Report::default();
    r.sections.push(("Files", files(tables, bad)));
    r.sections.push((
        "Guesses nobody confirmed (weakest first)",
        guesses::guesses(cfg, &classified),
    ));
    if let Some(p) = period {
        r.sections
            .push(("Period", guesses::period_finding(p, &classified)));
    }
    r.sections
        .push(("Fields", fields(cfg, tables, &maps, &classified)));
    r.sections
        .push(("Columns read", columns_read(cfg, tables, &maps)));
    r.sections.push(("Dates", dates(cfg, tables, &maps)));
    r.sections
        .push(("Numbers and lists", formats(cfg, tables, &maps)));
    r.sections
        .push(("Columns no field uses", unused(tables, &maps)));
    r.sections
        .push(("Answers", answers::answers(cfg, tables, &maps)));
    r.sections.push(("Cells", cells(&classified)));
    r.sections.push(("Rows", rows(&classified)));
    r.sections.push(("Bases", bases(cfg, &classified)));
    r.sections.push(("Weighting", weighting));
    r.sections
        .push(("Lookups", joins::lookups(cfg, joins, joined, &maps)));
    r
}

fn files(tables: &[&Table], bad: &[IngestError]) -> Vec<Finding> {
    let mut out: Vec<Finding> = tables
        .iter()
        .map(|t| {
            let enc = t.encoding.map(|e| format!(", {e}")).unwrap_or_default();
            let line = format!(
                "{}: {}{enc}, {} data rows, {} columns",
                t.label(),
                t.layout.name(),
                t.rows.len(),
                t.columns.len()
            );
            match crate::init::language(t) {
                Some((name, true)) => info(format!("{line}, in {name}")),
                Some((name, false)) => warn(format!(
                    "{line}, in {name}: a language journeygap's lexicon does not cover, so init's guesses from its words are unsure; confirm them (journeygap init in a terminal asks)"
                )),
                None => info(line),
            }
        })
        .collect();
    for e in bad {
        out.push(error(format!(
            "{e} (fix or remove the file, or list it under [input] skip_files)"
        )));
    }
    out
}

/// Fields each stage rule reads, by field.
fn rule_fields(cfg: &Config) -> BTreeMap<FieldId, String> {
    let mut out = BTreeMap::new();
    for rule in &cfg.stage_rules {
        let mut fs = Vec::new();
        rule.when.fields(&mut fs);
        for f in fs {
            out.entry(f).or_insert_with(|| rule.name.clone());
        }
    }
    out
}

fn fields(
    cfg: &Config,
    tables: &[&Table],
    maps: &[mapping::TableMap],
    c: &Classified,
) -> Vec<Finding> {
    let by_rule = rule_fields(cfg);
    let mut out: Vec<Finding> = (0..cfg.fields.len())
        .map(|f| field_finding(cfg, tables, maps, &by_rule, f))
        .collect();
    out.extend(attribute_findings(cfg, maps, c));
    out.extend(tables_no_rule_reads(tables, maps, &by_rule));
    out
}

/// Where one field was found (its headers, in how many tables), or that it was found nowhere: an
/// error when a stage rule reads it.
fn field_finding(
    cfg: &Config,
    tables: &[&Table],
    maps: &[mapping::TableMap],
    by_rule: &BTreeMap<FieldId, String>,
    f: FieldId,
) -> Finding {
    let field = &cfg.fields[f];
    // header → (tables, option columns)
    let mut places: Vec<(String, usize, usize)> = Vec::new();
    let mut n_tables = 0;
    for (t, m) in tables.iter().zip(maps) {
        let cols = &m.fields[f];
        let Some(&first) = cols.first() else {
            continue;
        };
        n_tables += 1;
        let col = &t.columns[first];
        let header = match (&col.option, col.names.get(1)) {
            (Some(_), Some(question)) if cols.len() > 1 => question.clone(),
            _ => t.layout.shown_header(col).to_string(),
        };
        match places.iter_mut().find(|p| p.0 == header) {
            Some(p) => p.1 += 1,
            None => places.push((header, 1, cols.len())),
        }
    }
    if !places.is_empty() {
        let list: Vec<String> = places
            .iter()
            .map(|(h, n, cols)| {
                let opts = if *cols > 1 {
                    format!(", {cols} option columns")
                } else {
                    String::new()
                };
                format!("\"{}\" ({n}{opts})", short(h))
            })
            .collect();
        return info(format!(
            "{} — in {n_tables} of {} tables: {}",
            field.name,
            tables.len(),
            list.join("; ")
        ));
    }
    let fix = format!(
        "add its header as the files name it to [fields.{}] headers in {}",
        field.name,
        cfg.path.display()
    );
    match by_rule.get(&f) {
        Some(rule) => error(format!(
            "{}: used by stage rule \"{rule}\" but found in no file; {fix}",
            field.name
        )),
        None => warn(format!("{}: found in no file; {fix}", field.name)),
    }
}

/// Each attribute: on which sides it was found, and whether a gap can be measured.
fn attribute_findings(cfg: &Config, maps: &[mapping::TableMap], c: &Classified) -> Vec<Finding> {
    let mut out = Vec::new();
    for (a, attr) in c.attributes.iter().enumerate() {
        let found = |side: usize| {
            maps.iter()
                .filter(|m| {
                    let (e, x) = m.attributes[a];
                    if side == 0 {
                        e.is_some()
                    } else {
                        x.is_some()
                    }
                })
                .count()
        };
        let (e, x) = (found(0), found(1));
        let experience_only = match &attr.source {
            classify::AttrSource::Fields { expectation, .. } => expectation.is_none(),
            classify::AttrSource::Set { set } => cfg.attribute_sets[*set].expectation.is_none(),
        };
        if experience_only {
            let line = format!(
                "attribute \"{}\": rated on experience only, in {x} table(s): in the drivers and derived-importance IPA, not in the gaps",
                attr.name
            );
            out.push(if x == 0 { warn(line) } else { info(line) });
        } else if e == 0 || x == 0 {
            out.push(warn(format!(
                "attribute \"{}\": expectation in {e} table(s), experience in {x}: no gap can be measured",
                attr.name
            )));
        } else {
            out.push(info(format!(
                "attribute \"{}\": expectation in {e} table(s), experience in {x}",
                attr.name
            )));
        }
    }
    out
}

/// The tables with no column that a stage rule reads: every row of theirs is unclassified.
fn tables_no_rule_reads(
    tables: &[&Table],
    maps: &[mapping::TableMap],
    by_rule: &BTreeMap<FieldId, String>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if !by_rule.is_empty() {
        for (t, m) in tables.iter().zip(maps) {
            if by_rule.keys().all(|&f| m.fields[f].is_empty()) && !t.rows.is_empty() {
                out.push(warn(format!(
                    "{}: no column that a stage rule reads, so its {} rows will be unclassified; add its headers to the fields the rules use, or skip it under [input]",
                    t.label(),
                    t.rows.len()
                )));
            }
        }
    }
    out
}

fn unused(tables: &[&Table], maps: &[mapping::TableMap]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (t, m) in tables.iter().zip(maps) {
        let mut used: BTreeSet<usize> = m.fields.iter().flatten().copied().collect();
        for (e, x) in &m.attributes {
            used.extend(e.iter().chain(x.iter()).copied());
        }
        used.extend(m.flags.iter().map(|f| f.col));
        let free: Vec<String> = t
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| !used.contains(i) && !c.label().is_empty())
            .map(|(_, c)| {
                let h = t.layout.shown_header(c).to_string();
                format!("{} \"{}\"", c.letter, short(&h))
            })
            .collect();
        if free.is_empty() {
            continue;
        }
        let more = if free.len() > 6 {
            format!(" and {} more", free.len() - 6)
        } else {
            String::new()
        };
        out.push(info(format!(
            "{}: {} column(s): {}{more}",
            t.label(),
            free.len(),
            free.iter().take(6).cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    out
}

fn short(s: &str) -> String {
    if s.chars().count() > 50 {
        format!("{}…", s.chars().take(49).collect::<String>())
    } else {
        s.to_string()
    }
}

fn cells(c: &Classified) -> Vec<Finding> {
    c.cell_problems
        .iter()
        .map(|p| {
            let t = &c.tables[p.table];
            let name = t.label();
            warn(format!(
                "{name} column {}: {} cell(s) {} for field {} (e.g. {}); counted as missing",
                p.column,
                p.count,
                p.problem,
                p.field,
                p.examples
                    .iter()
                    .map(|e| format!("\"{e}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
        .collect()
}

fn rows(c: &Classified) -> Vec<Finding> {
    let read = c.len();
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    let mut unclassified: BTreeMap<String, u64> = BTreeMap::new();
    let mut classified = 0u64;
    let mut duplicates: Vec<String> = Vec::new();
    for r in c.respondents() {
        match &r.outcome {
            Outcome::Excluded(why) => {
                let key = if why.starts_with("duplicate") {
                    if duplicates.len() < 10 {
                        let at = c
                            .tables
                            .get(r.table as usize)
                            .map(|t| t.label())
                            .unwrap_or_default();
                        let kept = why.trim_start_matches("duplicate").trim();
                        duplicates.push(format!("{at} row {} {kept}", r.row));
                    }
                    "duplicate".to_string()
                } else {
                    why.clone()
                };
                *excluded.entry(key).or_default() += 1;
            }
            Outcome::Classified { .. } => classified += 1,
            Outcome::Unclassified(why) => *unclassified.entry(why.clone()).or_default() += 1,
        }
    }
    let n_ex: u64 = excluded.values().sum();
    let n_un: u64 = unclassified.values().sum();
    let mut out = vec![info(format!(
        "{read} rows read = {n_ex} excluded + {classified} classified + {n_un} unclassified"
    ))];
    for (why, n) in &excluded {
        let line = format!("excluded, {why}: {n}");
        out.push(if why == "duplicate" {
            let more = if *n > duplicates.len() as u64 {
                format!("; respondents.csv lists all {n}")
            } else {
                String::new()
            };
            warn(format!(
                "{n} duplicate id(s): the latest response of each is kept: {}{more}",
                duplicates.join(", ")
            ))
        } else {
            info(line)
        });
    }
    let mut un: Vec<(&String, &u64)> = unclassified.iter().collect();
    un.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (why, n) in un.iter().take(10) {
        out.push(warn(format!("unclassified, {n} row(s): {why}")));
    }
    if un.len() > 10 {
        out.push(warn(format!(
            "unclassified: {} more reasons (respondents.csv lists every row)",
            un.len() - 10
        )));
    }
    if read > 0 && classified == 0 {
        out.push(error(
            "no row was classified into a stage: check the stage rules and the fields they read"
                .into(),
        ));
    }
    out
}

fn bases(cfg: &Config, c: &Classified) -> Vec<Finding> {
    let mut n = [0u64; 5];
    for r in c.respondents() {
        if let Some(s) = r.stage() {
            n[s.index()] += 1;
        }
    }
    let min = cfg.report.min_base;
    Stage::ALL
        .iter()
        .map(|&s| {
            let k = n[s.index()];
            let label = cfg.label(s);
            if k == 0 {
                info(format!("{label}: nobody"))
            } else if (k as f64) < min {
                warn(format!(
                    "{label}: n={k}, below min_base {min}: its estimates will be marked low base"
                ))
            } else {
                info(format!("{label}: n={k}"))
            }
        })
        .collect()
}

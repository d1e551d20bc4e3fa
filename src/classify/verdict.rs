//! A row's verdict: the exclusion flags (Qualtrics previews, unfinished responses), the
//! exclusion rules, then the first stage rule that matches.

use chrono::NaiveDateTime;

use super::mapping::TableMap;
use super::outcome::Outcome;
use super::readers::CellVerdicts;
use super::rules::RowView;
use super::values::Val;
use crate::config::Config;
use crate::ingest::{Cell, RowRef, Table};

/// What a table says of its rows before their values: the Qualtrics `Status` and `Finished`
/// columns, where the config drops previews and unfinished responses, and whether the table
/// matches each `source` condition.
pub(super) struct Flags {
    pub(super) preview: Option<Verdicts>,
    pub(super) unfinished: Option<Verdicts>,
    /// Per source condition of the config (by id): whether this table matches it.
    pub(super) sources: Vec<bool>,
}

impl Flags {
    pub(super) fn new(cfg: &Config, map: &TableMap, t: &Table) -> Flags {
        let verdicts = |on: bool, col: Option<usize>, test| {
            col.filter(|_| on).map(|col| Verdicts {
                known: CellVerdicts::new(t, col),
                test,
            })
        };
        Flags {
            preview: verdicts(cfg.preview, map.status, is_preview),
            unfinished: verdicts(cfg.unfinished, map.finished, is_unfinished),
            sources: cfg
                .sources
                .iter()
                .map(|g| g.matches(&t.source_file, t.sheet.as_deref()))
                .collect(),
        }
    }
}

/// A Qualtrics `Status` (lower-cased) of a preview, test or spam response.
pub fn is_preview(status: &str) -> bool {
    matches!(
        status,
        "survey preview" | "survey test" | "spam" | "1" | "2" | "8"
    )
}

/// A Qualtrics `Finished` (lower-cased) of an unfinished response.
pub fn is_unfinished(finished: &str) -> bool {
    matches!(finished, "0" | "false")
}

/// Whether a flag column's cell says to drop the row: its text, lower-cased, passes `test`.
pub(super) struct Verdicts {
    pub(super) known: CellVerdicts,
    pub(super) test: fn(&str) -> bool,
}

impl Verdicts {
    pub(super) fn hit(&mut self, row: RowRef) -> bool {
        let test = self.test;
        self.known
            .of(row, |cell| test(&cell.as_text().to_lowercase()))
    }
}

pub(super) fn decide(
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
        sources: &flags.sources,
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
pub(super) fn unmatched_reason(cfg: &Config, vals: &[&Val]) -> String {
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

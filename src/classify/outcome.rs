//! What classification says of each row, and the per-table accounting
//! `rows read = excluded + classified + unclassified`.

use chrono::NaiveDateTime;

use crate::config::Config;
use crate::ingest::Layout;
use crate::stage::Stage;

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
    pub(super) chunk: u32,
    pub(super) local: u32,
    pub date: Option<NaiveDateTime>,
    pub outcome: Outcome,
    pub weight: f64,
    /// Likelihood to recommend, 0–10.
    pub recommend: Option<f64>,
    /// The weakest unconfirmed guess of the config that decided its stage or exclusion.
    pub guess: Option<crate::config::guesses::Level>,
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
            guess: None,
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
    /// What joining the lookups did to it.
    pub join: super::lookup::JoinRecord,
    /// Its respondent ids number its own responses (a platform's response id, a counter):
    /// duplicates are looked for by them only within it.
    pub ids_per_export: bool,
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

pub(super) fn account<'a>(
    respondents: impl Iterator<Item = &'a Respondent>,
    n_tables: usize,
) -> Vec<Accounting> {
    let mut acc = vec![Accounting::default(); n_tables];
    for r in respondents {
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

/// The stage, rule, excluded and reason columns of `respondents.csv` for an outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutcomeColumns<'a> {
    /// The stage's key, `unclassified`, or empty when excluded.
    pub stage: &'a str,
    /// The name of the stage rule that matched.
    pub rule: &'a str,
    pub excluded: bool,
    /// Why excluded or unclassified.
    pub reason: &'a str,
}

impl Outcome {
    /// This outcome as the columns of `respondents.csv`.
    pub fn columns<'a>(&'a self, cfg: &'a Config) -> OutcomeColumns<'a> {
        let (stage, rule, excluded, reason) = match self {
            Outcome::Excluded(why) => ("", "", true, why.as_str()),
            Outcome::Classified { stage, rule } => {
                (stage.key(), cfg.stage_rules[*rule].name.as_str(), false, "")
            }
            Outcome::Unclassified(why) => ("unclassified", "", false, why.as_str()),
        };
        OutcomeColumns {
            stage,
            rule,
            excluded,
            reason,
        }
    }
}

/// An id as the outputs show it: its keyed pseudonym with `--hash-ids`, empty when missing.
pub fn shown_id<'a>(
    v: Option<&'a str>,
    ids: Option<&crate::privacy::Pseudonyms>,
) -> std::borrow::Cow<'a, str> {
    match (v, ids) {
        (Some(s), Some(p)) => p.of(s).into(),
        (Some(s), None) => s.into(),
        (None, _) => "".into(),
    }
}

//! A row's verdict: the exclusion flags (Qualtrics previews, unfinished responses), the
//! exclusion rules, then the first stage rule that matches.

use chrono::NaiveDateTime;

use super::mapping::TableMap;
use super::outcome::Outcome;
use super::readers::CellVerdicts;
use super::rules::RowView;
use super::values::Val;
use crate::config::guesses::{weakest, Level, RowGuesses};
use crate::config::Config;
use crate::ingest::{Cell, RowRef, Table};

/// What a table says of its rows before their values: its platform's flag columns (Qualtrics'
/// `Status` and `Finished`, Alchemer's `Status`, an empty submit date…), where the config drops
/// previews, unfinished and disqualified responses, and whether the table matches each
/// `source` condition.
pub(super) struct Flags {
    /// Each flag the config applies, with its reason.
    pub(super) checks: Vec<(&'static str, Verdicts)>,
    /// Per source condition of the config (by id): whether this table matches it.
    pub(super) sources: Vec<bool>,
    /// Per guess of the config: the rows of this table it decided.
    pub(super) tally: Vec<u64>,
}

impl Flags {
    pub(super) fn new(cfg: &Config, map: &TableMap, t: &Table) -> Flags {
        use crate::ingest::layout::FlagKind;
        let checks = map
            .flags
            .iter()
            .filter(|f| match f.kind {
                FlagKind::Preview => cfg.preview,
                FlagKind::Unfinished => cfg.unfinished,
                FlagKind::Disqualified => cfg.disqualified,
            })
            .map(|f| {
                (
                    f.kind.reason(),
                    Verdicts {
                        known: CellVerdicts::new(t, f.col),
                        test: f.test,
                    },
                )
            })
            .collect();
        Flags {
            checks,
            sources: cfg
                .sources
                .iter()
                .map(|g| g.matches(&t.source_file, t.sheet.as_deref()))
                .collect(),
            tally: vec![0; cfg.guesses.len()],
        }
    }
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
            .of(row, |cell| test(&crate::ingest::layout::flag_text(cell)))
    }
}

pub(super) fn decide(
    cfg: &Config,
    flags: &mut Flags,
    row: RowRef,
    (vals, texts): (&[&Val], &[Option<&[String]>]),
    date: Option<NaiveDateTime>,
    weight: Option<f64>,
) -> (Outcome, Option<Level>) {
    if row.iter().all(Cell::is_empty) {
        return (Outcome::Excluded("empty row".into()), None);
    }
    for (reason, f) in &mut flags.checks {
        if f.hit(row) {
            return (Outcome::Excluded((*reason).into()), None);
        }
    }
    let view = RowView {
        vals,
        texts,
        response_date: date,
        sources: &flags.sources,
    };
    let g = &cfg.row_guesses;
    if let Some(i) = cfg.exclusions.iter().position(|e| view.eval(&e.when)) {
        let level = row_level(
            g,
            (&g.exclusions, &g.exclusion_value_fields),
            i,
            (vals, texts),
            &mut flags.tally,
        );
        return (Outcome::Excluded(cfg.exclusions[i].reason.clone()), level);
    }
    if !weight.is_some_and(|w| w > 0.0) {
        return (Outcome::Excluded("no valid weight".into()), None);
    }
    match cfg.stage_rules.iter().position(|r| view.eval(&r.when)) {
        Some(i) => (
            Outcome::Classified {
                stage: cfg.stage_rules[i].stage,
                rule: i,
            },
            row_level(
                g,
                (&g.rules, &g.rule_value_fields),
                i,
                (vals, texts),
                &mut flags.tally,
            ),
        ),
        None => (
            Outcome::Unclassified(unmatched_reason(cfg, vals)),
            open_level(g, (vals, texts), &mut flags.tally),
        ),
    }
}

/// The guess that left a row unclassified: the weakest guessed code (an answer nobody coded is
/// one) of its answers in the fields the stage rules read.
fn open_level(
    g: &RowGuesses,
    (vals, texts): (&[&Val], &[Option<&[String]>]),
    tally: &mut [u64],
) -> Option<Level> {
    let mut level = None;
    for &f in &g.stage_value_fields {
        if let Some(id) = answer_guess(g, f, (vals, texts)) {
            if let Some(t) = tally.get_mut(id) {
                *t += 1;
            }
            level = weakest(level, g.levels.get(id).copied());
        }
    }
    level
}

/// The guess on the code of a row's answer in field `f`, if its config has one.
fn answer_guess(
    g: &RowGuesses,
    f: crate::config::FieldId,
    (vals, texts): (&[&Val], &[Option<&[String]>]),
) -> Option<usize> {
    let Val::Text { raw, .. } = vals[f] else {
        return None;
    };
    // The answer folded, as the classifier made it once per distinct answer.
    let made = texts.get(f).copied().flatten().and_then(|t| t.first());
    let answer = match made {
        Some(t) => std::borrow::Cow::Borrowed(t.as_str()),
        None => std::borrow::Cow::Owned(crate::config::fold(raw)),
    };
    g.values[f].get(answer.as_ref()).copied()
}

/// The weakest unconfirmed guess that decided a row matched by rule `i`: the rule's own (with
/// the fields it reads), and the guessed codes of the row's answers in those fields. Each of
/// them is counted in `tally` (rows decided, by guess).
fn row_level(
    g: &RowGuesses,
    (rules, value_fields): (&[Vec<usize>], &[Vec<crate::config::FieldId>]),
    i: usize,
    (vals, texts): (&[&Val], &[Option<&[String]>]),
    tally: &mut [u64],
) -> Option<Level> {
    let mut level = None;
    let mut hit = |id: usize| {
        if let Some(t) = tally.get_mut(id) {
            *t += 1;
        }
        level = weakest(level, g.levels.get(id).copied());
    };
    for &id in rules.get(i).map(Vec::as_slice).unwrap_or(&[]) {
        hit(id);
    }
    for &f in value_fields.get(i).map(Vec::as_slice).unwrap_or(&[]) {
        if let Some(id) = answer_guess(g, f, (vals, texts)) {
            hit(id);
        }
    }
    level
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

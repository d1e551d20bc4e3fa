//! What the run rests on that nobody confirmed: the config's guesses, weakest first, each with
//! the rows it decided, and the rows counted by the weakest guess that decided them.

use serde::{Deserialize, Serialize};

use crate::classify::Classified;
use crate::config::guesses::{Level, Target};
use crate::config::Config;

/// One unconfirmed guess of the config.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GuessRow {
    /// What it decided, in words.
    pub what: String,
    /// `sure`, `likely` or `unsure`.
    pub confidence: String,
    pub evidence: String,
    /// Its line in the config.
    pub line: Option<usize>,
    /// The rows whose stage or exclusion it decided (0 for a guess that decides no row, such
    /// as an attribute pair or the segments).
    pub rows: u64,
    /// Whether it decides what the report says (stages, exclusions, pairs, recommend, channels,
    /// segments), not only where a column is read.
    pub decides_findings: bool,
    /// Which analyses it decides: `stages`, `exclusions`, `gaps and IPA`, `NPS and drivers`…
    pub decides: String,
}

/// Every row read, by the weakest guess that decided its stage or exclusion.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RowsByGuess {
    pub sure: u64,
    pub likely: u64,
    pub unsure: u64,
    /// Rows decided only by what the user wrote or confirmed (and unclassified rows no guess
    /// left open).
    pub confirmed: u64,
}

/// `summary.json`'s `guesses`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Guesses {
    pub rows: RowsByGuess,
    /// Weakest first, then by the rows decided, then in config order.
    pub unconfirmed: Vec<GuessRow>,
}

impl Guesses {
    /// Whether the report rests on guesses: any that decides what it says.
    pub fn provisional(&self) -> bool {
        self.unconfirmed.iter().any(|g| g.decides_findings)
    }
}

/// The questions the recommend field was read from (as the exports head them), and the other
/// columns whose header speaks of recommending, which were not read.
pub fn recommend_questions(cfg: &Config, c: &Classified) -> (Vec<String>, Vec<String>) {
    let (mut read, mut other) = (Vec::new(), Vec::new());
    let Some(f) = cfg.roles.recommend.map(|f| &cfg.fields[f]) else {
        return (read, other);
    };
    let words = &crate::lexicon::words().recommend;
    for t in &c.tables {
        let mut taken = false;
        for label in &t.column_labels {
            let folded = crate::config::fold(label);
            let of_field =
                f.headers.contains(&folded) || f.patterns.iter().any(|p| p.is_match(label));
            let list = if of_field && !taken {
                taken = true;
                &mut read
            } else if of_field || words.is_match(label) {
                &mut other
            } else {
                continue;
            };
            if !list.contains(label) {
                list.push(label.clone());
            }
        }
    }
    other.retain(|o| !read.contains(o));
    (read, other)
}

/// The stage every row no rule placed was *taken as*, when that default is a guess and
/// placed some row.
pub fn assumed_default(cfg: &Config, c: &Classified) -> Option<(String, u64)> {
    let i = cfg
        .guesses
        .iter()
        .position(|g| g.target == Target::Default)?;
    let rows = c.guess_rows.get(i).copied().unwrap_or(0);
    let rule = cfg.stage_rules.last()?;
    (rows > 0).then(|| (rule.stage.key().to_string(), rows))
}

/// Which analyses a guess decides.
fn decides(cfg: &Config, t: &Target) -> &'static str {
    match t {
        Target::StageRule(_) | Target::Default | Target::Value(..) => "stages",
        Target::Exclusion(_) => "exclusions",
        Target::Attribute(_) | Target::AttributeSet(_) => "gaps, IPA and drivers",
        Target::Segments => "every analysis split by segment",
        Target::Services => "awareness",
        Target::Channels => "touchpoints",
        Target::Field(f) if cfg.roles.recommend == Some(*f) => "NPS and drivers",
        Target::Field(f) if cfg.segments.contains(f) => "every analysis split by segment",
        Target::Field(_) => "where the field is read",
    }
}

/// The config's guesses with the rows each decided, and the rows by their weakest.
pub fn guesses(cfg: &Config, c: &Classified) -> Guesses {
    let mut rows = RowsByGuess::default();
    for r in c.respondents() {
        match r.guess {
            Some(Level::Sure) => rows.sure += 1,
            Some(Level::Likely) => rows.likely += 1,
            Some(Level::Unsure) => rows.unsure += 1,
            None => rows.confirmed += 1,
        }
    }
    let mut order: Vec<usize> = (0..cfg.guesses.len()).collect();
    let decided = |i: usize| c.guess_rows.get(i).copied().unwrap_or(0);
    order.sort_by_key(|&i| (cfg.guesses[i].guess.level, std::cmp::Reverse(decided(i)), i));
    let unconfirmed = order
        .into_iter()
        .map(|i| {
            let g = &cfg.guesses[i];
            // A field's guess decides findings when the field is the recommend question or a
            // segment (its columns are then what a finding reads).
            let decides_findings = match g.target {
                Target::Field(f) => {
                    cfg.roles.recommend == Some(f) || cfg.segments.contains(&f) || decided(i) > 0
                }
                _ => true,
            };
            GuessRow {
                decides: decides(cfg, &g.target).to_string(),
                what: g.what.clone(),
                confidence: g.guess.level.key().to_string(),
                evidence: g.guess.evidence.clone(),
                line: g.line,
                rows: decided(i),
                decides_findings,
            }
        })
        .collect();
    Guesses { rows, unconfirmed }
}

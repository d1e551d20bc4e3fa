//! Guesses the config still holds: what `init` decided that nobody has confirmed. A guess is
//! written beside what it decided as `guess = "likely: <evidence>"` (`values` entries in the
//! field's `value_guesses`, segments in `segments_guess`, the default in `[stages]
//! default_guess`); deleting the key confirms it. Each is kept here with its confidence, its
//! evidence and what it decides, so that `check` can list them, each row can say the weakest
//! that decided it, and the report can say it is provisional.

use std::fmt;

use super::ctx::Ctx;
use super::{ConfigError, FieldId};

/// How sure a guess is, weakest first (so that the minimum of several is the weakest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A default, a fallback, weak or conflicting evidence.
    Unsure,
    /// One piece of evidence.
    Likely,
    /// A platform's own flag, or two independent pieces of evidence that agree.
    Sure,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Unsure, Level::Likely, Level::Sure];

    /// As the config and the tables write it.
    pub fn key(self) -> &'static str {
        match self {
            Level::Unsure => "unsure",
            Level::Likely => "likely",
            Level::Sure => "sure",
        }
    }

    pub fn from_key(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == s)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A guess as written: its level and the evidence after the colon.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub level: Level,
    pub evidence: String,
}

impl Guess {
    /// `"likely: the header says …"` as the config writes it.
    pub fn text(&self) -> String {
        format!("{}: {}", self.level, self.evidence)
    }
}

/// Read `level: evidence`; an error says what is expected.
pub(super) fn parse(ctx: &Ctx, text: &str, at: usize, key: &str) -> Result<Guess, ConfigError> {
    let (level, evidence) = text.split_once(':').unwrap_or((text, ""));
    match Level::from_key(level.trim()) {
        Some(level) => Ok(Guess {
            level,
            evidence: evidence.trim().to_string(),
        }),
        None => ctx.err(
            at,
            key,
            format!(
                "'{text}' is not a guess: expected \"sure: …\", \"likely: …\" or \"unsure: …\" (delete the key to confirm what it guessed)"
            ),
        ),
    }
}

/// What a guess decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The columns a field is read from (and its kind).
    Field(FieldId),
    /// The code of one answer of a field (the answer folded as value maps hold it).
    Value(FieldId, String),
    StageRule(usize),
    /// `[stages] default`: the stage of every row no rule places.
    Default,
    Exclusion(usize),
    Attribute(usize),
    AttributeSet(usize),
    Segments,
    Services,
    Channels,
}

impl Target {
    /// Whether it decides what the report says (stages, pairs, recommend, channels, segments,
    /// exclusions), as opposed to where a column is read only.
    pub fn decides_findings(&self) -> bool {
        !matches!(self, Target::Field(_))
    }
}

/// One unconfirmed guess of the config.
#[derive(Debug, Clone, PartialEq)]
pub struct Guessed {
    pub target: Target,
    /// What it decided, in words: `stage rule "current client"`, `field relationship`.
    pub what: String,
    pub guess: Guess,
    /// Its line in the config file.
    pub line: Option<usize>,
}

/// Per stage and exclusion rule, the guesses (by index into [`super::Config::guesses`]) that
/// decide a row it matches: the rule's own and those of the fields it reads; per field, its
/// answers' guesses. What a row's `guess` column, and the rows each guess decides, are made from.
#[derive(Debug, Clone, Default)]
pub struct RowGuesses {
    /// Each guess's level, by index.
    pub levels: Vec<Level>,
    pub rules: Vec<Vec<usize>>,
    pub exclusions: Vec<Vec<usize>>,
    /// Per field: folded answer → guess, for the answers whose code is a guess.
    pub values: Vec<std::collections::BTreeMap<String, usize>>,
    /// Per stage and exclusion rule, the fields it reads that have answer guesses.
    pub rule_value_fields: Vec<Vec<FieldId>>,
    pub exclusion_value_fields: Vec<Vec<FieldId>>,
}

/// The weaker of two optional levels (`None` is confirmed, the strongest).
pub fn weakest(a: Option<Level>, b: Option<Level>) -> Option<Level> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The line of the first line that starts with `key` (for keys serde gives no span of).
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| i + 1)
}

/// Every guess of the raw config, in file order by kind, and the per-rule levels rows are
/// judged by. `fields`, `rules` and `exclusions` are the resolved ones (same order as raw; the
/// default, when there is one, is the last rule).
pub(super) fn resolve(
    ctx: &Ctx,
    raw: &super::raw::RawConfig,
    rules: &[super::StageRule],
    exclusions: &[super::Exclusion],
) -> Result<(Vec<Guessed>, RowGuesses), ConfigError> {
    let mut out = Vec::new();
    let line = |at: usize| Some(super::line_of(ctx.text, at));
    let mut field_guess: Vec<Option<usize>> = Vec::new();
    let mut values = Vec::new();
    for (i, (name, spec)) in raw.fields.iter().enumerate() {
        let at = spec.span().start;
        let f = spec.get_ref();
        let mut own = None;
        if let Some(g) = &f.guess {
            let g = parse(ctx, g, at, &format!("fields.{name}.guess"))?;
            own = Some(out.len());
            out.push(Guessed {
                target: Target::Field(i),
                what: format!("field {name}"),
                guess: g,
                line: line(at),
            });
        }
        field_guess.push(own);
        let mut answers = std::collections::BTreeMap::new();
        for (answer, g) in &f.value_guesses {
            let g = parse(ctx, g, at, &format!("fields.{name}.value_guesses"))?;
            answers.insert(super::fold(answer), out.len());
            let code = f
                .values
                .get(answer)
                .map(|v| match v {
                    super::MapValue::Text(t) => t.clone(),
                    super::MapValue::Number(x) => crate::ingest::cell::format_number(*x),
                })
                .unwrap_or_else(|| "no code".into());
            out.push(Guessed {
                target: Target::Value(i, super::fold(answer)),
                what: format!("{name}: \"{answer}\" → {code}"),
                guess: g,
                line: line(at),
            });
        }
        values.push(answers);
    }
    let mut rule_levels = Vec::new();
    let mut rule_value_fields = Vec::new();
    let judged = |when: &super::Cond, own: Option<usize>| {
        let mut read = Vec::new();
        when.fields(&mut read);
        let ids: Vec<usize> = own
            .into_iter()
            .chain(
                read.iter()
                    .filter_map(|&f| field_guess.get(f).copied().flatten()),
            )
            .collect();
        let with_values: Vec<FieldId> = read
            .into_iter()
            .filter(|&f| {
                values
                    .get(f)
                    .is_some_and(|v: &std::collections::BTreeMap<_, _>| !v.is_empty())
            })
            .collect();
        (ids, with_values)
    };
    for (i, r) in raw.stages.rules.iter().enumerate() {
        let at = r.span().start;
        let rule = r.get_ref();
        let own = match &rule.guess {
            Some(g) => {
                let g = parse(ctx, g, at, &format!("stages.rules[{i}].guess"))?;
                out.push(Guessed {
                    target: Target::StageRule(i),
                    what: format!("stage rule \"{}\" → {}", rules[i].name, rule.stage),
                    guess: g,
                    line: line(at),
                });
                Some(out.len() - 1)
            }
            None => None,
        };
        let (level, fields) = judged(&rules[i].when, own);
        rule_levels.push(level);
        rule_value_fields.push(fields);
    }
    if let Some(d) = &raw.stages.default {
        let own = match &raw.stages.default_guess {
            Some(g) => {
                let g = parse(ctx, g, 0, "stages.default_guess")?;
                out.push(Guessed {
                    target: Target::Default,
                    what: format!("every row no rule places is a {d}"),
                    guess: g,
                    line: line_of_key(ctx.text, "default_guess"),
                });
                Some(out.len() - 1)
            }
            None => None,
        };
        rule_levels.push(own.into_iter().collect());
        rule_value_fields.push(Vec::new());
    }
    let mut exclusion_levels = Vec::new();
    let mut exclusion_value_fields = Vec::new();
    for (i, ex) in raw.exclude.rules.iter().enumerate() {
        let at = ex.span().start;
        let own = match &ex.get_ref().guess {
            Some(g) => {
                let g = parse(ctx, g, at, &format!("exclude.rules[{i}].guess"))?;
                out.push(Guessed {
                    target: Target::Exclusion(i),
                    what: format!("exclusion \"{}\"", ex.get_ref().reason),
                    guess: g,
                    line: line(at),
                });
                Some(out.len() - 1)
            }
            None => None,
        };
        let (level, fields) = judged(&exclusions[i].when, own);
        exclusion_levels.push(level);
        exclusion_value_fields.push(fields);
    }
    for (i, a) in raw.attributes.iter().enumerate() {
        if let Some(g) = &a.get_ref().guess {
            let at = a.span().start;
            out.push(Guessed {
                target: Target::Attribute(i),
                what: format!("attribute \"{}\"", a.get_ref().name),
                guess: parse(ctx, g, at, &format!("attributes[{i}].guess"))?,
                line: line(at),
            });
        }
    }
    for (i, a) in raw.attribute_sets.iter().enumerate() {
        if let Some(g) = &a.get_ref().guess {
            let at = a.span().start;
            out.push(Guessed {
                target: Target::AttributeSet(i),
                what: format!("attribute pairs by pattern \"{}\"", a.get_ref().experience),
                guess: parse(ctx, g, at, &format!("attribute_sets[{i}].guess"))?,
                line: line(at),
            });
        }
    }
    if let Some(g) = &raw.segments_guess {
        let names: Vec<&str> = raw.segments.iter().map(|s| s.get_ref().as_str()).collect();
        out.push(Guessed {
            target: Target::Segments,
            what: format!("segments {}", names.join(", ")),
            guess: parse(ctx, g, 0, "segments_guess")?,
            line: line_of_key(ctx.text, "segments_guess"),
        });
    }
    if let Some(s) = &raw.services {
        if let Some(g) = &s.get_ref().guess {
            let at = s.span().start;
            out.push(Guessed {
                target: Target::Services,
                what: format!("services known: field {}", s.get_ref().known),
                guess: parse(ctx, g, at, "services.guess")?,
                line: line(at),
            });
        }
    }
    if let Some(c) = &raw.channels {
        if let Some(g) = &c.get_ref().guess {
            let at = c.span().start;
            out.push(Guessed {
                target: Target::Channels,
                what: format!("channels buyers use: field {}", c.get_ref().used),
                guess: parse(ctx, g, at, "channels.guess")?,
                line: line(at),
            });
        }
    }
    let levels = out.iter().map(|g| g.guess.level).collect();
    Ok((
        out,
        RowGuesses {
            levels,
            rules: rule_levels,
            exclusions: exclusion_levels,
            values,
            rule_value_fields,
            exclusion_value_fields,
        },
    ))
}

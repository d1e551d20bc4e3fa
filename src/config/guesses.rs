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
    /// Every field any stage rule reads that has answer guesses, once (what leaves a row
    /// unclassified).
    pub stage_value_fields: Vec<FieldId>,
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

/// The guesses read so far, in file order by kind.
struct Collect<'a, 'b> {
    ctx: &'a Ctx<'b>,
    out: Vec<Guessed>,
}

impl Collect<'_, '_> {
    /// Read one `guess` text (when there is one) of what `target` names, at byte `at` of the
    /// config (or on the line of `key` when serde gives no span); its index in the list.
    fn add(
        &mut self,
        text: Option<&String>,
        (at, key): (Option<usize>, &str),
        target: Target,
        what: impl FnOnce() -> String,
    ) -> Result<Option<usize>, ConfigError> {
        let Some(text) = text else {
            return Ok(None);
        };
        let guess = parse(self.ctx, text, at.unwrap_or(0), key)?;
        let line = match at {
            Some(at) => Some(super::line_of(self.ctx.text, at)),
            None => line_of_key(self.ctx.text, key),
        };
        self.out.push(Guessed {
            target,
            what: what(),
            guess,
            line,
        });
        Ok(Some(self.out.len() - 1))
    }
}

/// A value-map target as the guess list names it.
fn code_text(v: Option<&super::MapValue>) -> String {
    match v {
        Some(super::MapValue::Text(t)) => t.clone(),
        Some(super::MapValue::Number(x)) => crate::ingest::cell::format_number(*x),
        None => "no code".into(),
    }
}

/// Every guess of the raw config, in file order by kind, and the per-rule guesses rows are
/// judged by. `rules` and `exclusions` are the resolved ones (same order as raw; the default,
/// when there is one, is the last rule).
pub(super) fn resolve(
    ctx: &Ctx,
    raw: &super::raw::RawConfig,
    rules: &[super::StageRule],
    exclusions: &[super::Exclusion],
) -> Result<(Vec<Guessed>, RowGuesses), ConfigError> {
    let mut c = Collect {
        ctx,
        out: Vec::new(),
    };
    let (field_guess, values) = field_guesses(&mut c, raw)?;
    // The guesses that decide a row a condition matches: the rule's own and its fields'; and
    // the fields it reads whose answers have guesses.
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
        read.retain(|&f| values.get(f).is_some_and(|v| !v.is_empty()));
        (ids, read)
    };
    let (mut rule_ids, mut rule_value_fields) = (Vec::new(), Vec::new());
    for (i, r) in raw.stages.rules.iter().enumerate() {
        let what = || format!("stage rule \"{}\" → {}", rules[i].name, r.get_ref().stage);
        let own = c.add(
            r.get_ref().guess.as_ref(),
            (Some(r.span().start), &format!("stages.rules[{i}].guess")),
            Target::StageRule(i),
            what,
        )?;
        let (ids, fields) = judged(&rules[i].when, own);
        rule_ids.push(ids);
        rule_value_fields.push(fields);
    }
    if let Some(d) = &raw.stages.default {
        let own = c.add(
            raw.stages.default_guess.as_ref(),
            (None, "default_guess"),
            Target::Default,
            || format!("every row no rule places is a {d}"),
        )?;
        rule_ids.push(own.into_iter().collect());
        rule_value_fields.push(Vec::new());
    }
    let (mut exclusion_ids, mut exclusion_value_fields) = (Vec::new(), Vec::new());
    for (i, ex) in raw.exclude.rules.iter().enumerate() {
        let own = c.add(
            ex.get_ref().guess.as_ref(),
            (Some(ex.span().start), &format!("exclude.rules[{i}].guess")),
            Target::Exclusion(i),
            || format!("exclusion \"{}\"", ex.get_ref().reason),
        )?;
        let (ids, fields) = judged(&exclusions[i].when, own);
        exclusion_ids.push(ids);
        exclusion_value_fields.push(fields);
    }
    analysis_guesses(&mut c, raw)?;
    let levels = c.out.iter().map(|g| g.guess.level).collect();
    let mut stage_value_fields: Vec<FieldId> =
        rule_value_fields.iter().flatten().copied().collect();
    stage_value_fields.sort_unstable();
    stage_value_fields.dedup();
    Ok((
        c.out,
        RowGuesses {
            levels,
            rules: rule_ids,
            exclusions: exclusion_ids,
            values,
            rule_value_fields,
            stage_value_fields,
            exclusion_value_fields,
        },
    ))
}

/// Per field, its own guess (by index) and its answers' guesses (folded answer → index).
type FieldGuesses = (
    Vec<Option<usize>>,
    Vec<std::collections::BTreeMap<String, usize>>,
);

/// The fields' guesses and their answers'.
fn field_guesses(
    c: &mut Collect,
    raw: &super::raw::RawConfig,
) -> Result<FieldGuesses, ConfigError> {
    let (mut own, mut values) = (Vec::new(), Vec::new());
    for (i, (name, spec)) in raw.fields.iter().enumerate() {
        let at = Some(spec.span().start);
        let f = spec.get_ref();
        own.push(c.add(
            f.guess.as_ref(),
            (at, &format!("fields.{name}.guess")),
            Target::Field(i),
            || format!("field {name}"),
        )?);
        let mut answers = std::collections::BTreeMap::new();
        for (answer, g) in &f.value_guesses {
            let folded = super::fold(answer);
            let id = c.add(
                Some(g),
                (at, &format!("fields.{name}.value_guesses")),
                Target::Value(i, folded.clone()),
                || format!("{name}: \"{answer}\" → {}", code_text(f.values.get(answer))),
            )?;
            answers.extend(id.map(|id| (folded, id)));
        }
        values.push(answers);
    }
    Ok((own, values))
}

/// The guesses that decide analyses but no row: attribute pairs, segments, services, channels.
fn analysis_guesses(c: &mut Collect, raw: &super::raw::RawConfig) -> Result<(), ConfigError> {
    for (i, a) in raw.attributes.iter().enumerate() {
        c.add(
            a.get_ref().guess.as_ref(),
            (Some(a.span().start), &format!("attributes[{i}].guess")),
            Target::Attribute(i),
            || format!("attribute \"{}\"", a.get_ref().name),
        )?;
    }
    for (i, a) in raw.attribute_sets.iter().enumerate() {
        c.add(
            a.get_ref().guess.as_ref(),
            (Some(a.span().start), &format!("attribute_sets[{i}].guess")),
            Target::AttributeSet(i),
            || format!("attribute pairs by pattern \"{}\"", a.get_ref().experience),
        )?;
    }
    c.add(
        raw.segments_guess.as_ref(),
        (None, "segments_guess"),
        Target::Segments,
        || {
            let names: Vec<&str> = raw.segments.iter().map(|s| s.get_ref().as_str()).collect();
            format!("segments {}", names.join(", "))
        },
    )?;
    if let Some(s) = &raw.services {
        c.add(
            s.get_ref().guess.as_ref(),
            (Some(s.span().start), "services.guess"),
            Target::Services,
            || format!("services known: field {}", s.get_ref().known),
        )?;
    }
    if let Some(ch) = &raw.channels {
        c.add(
            ch.get_ref().guess.as_ref(),
            (Some(ch.span().start), "channels.guess"),
            Target::Channels,
            || format!("channels buyers use: field {}", ch.get_ref().used),
        )?;
    }
    Ok(())
}

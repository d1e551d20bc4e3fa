//! `journeygap.toml`: finding it, parsing it, and resolving it into a validated [`Config`].
//!
//! Every error names the file, the line and the key, and says what was expected.

mod analyses;
mod condition;
mod ctx;
pub mod guesses;
mod joins;
pub mod raw;
mod resolve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use sha2::{Digest, Sha256};

/// Normalise an answer or header for comparison (ingest's, where headers are read first).
pub use crate::ingest::layout::fold;
pub use raw::{FieldKind, MapValue};

use crate::stage::Stage;

/// `s`, cut to at most `n` characters with an ellipsis: a message quotes at most a line of the
/// input, however long the input.
fn at_most(s: &str, n: usize) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= n {
        s.into()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>()).into()
    }
}

/// The config file name looked for.
pub const FILE_NAME: &str = "journeygap.toml";

/// A config that cannot be used: where, which key, and what was expected.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
#[error("{file}{}: {}", line.map(|l| format!(", line {l}")).unwrap_or_default(), at_most(message, 400))]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Index of a field in [`Config::fields`].
pub type FieldId = usize;

/// A resolved logical field.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    /// Header names, normalised and lower-cased.
    pub headers: Vec<String>,
    pub patterns: Vec<Regex>,
    pub kind: FieldKind,
    /// Answer text (normalised, lower-cased) → value.
    pub values: BTreeMap<String, MapValue>,
    pub scale: Option<(f64, f64)>,
    pub separator: Option<String>,
    /// The order of its text dates, when the config says it (else decided per column).
    pub date_order: Option<crate::ingest::dates::DateOrder>,
}

/// Comparison operators of numeric conditions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CmpOp {
    Gt,
    Ge,
    Lt,
    Le,
}

/// A value a condition compares with: its normalised text and, when it is one, its number.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub text: String,
    pub number: Option<f64>,
}

/// A compiled condition of a stage or exclusion rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Always,
    OneOf {
        field: FieldId,
        targets: Vec<Target>,
    },
    Contains {
        field: FieldId,
        needle: String,
    },
    Cmp {
        field: FieldId,
        op: CmpOp,
        value: f64,
    },
    IsEmpty {
        field: FieldId,
        empty: bool,
    },
    /// The field's date is more than `months` before the response date (`older`), or not.
    Months {
        field: FieldId,
        months: u32,
        older: bool,
    },
    /// The row's file (path relative to the input folder, or its name alone) or `file [sheet]`
    /// matches a glob.
    Source(SourceGlob),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

/// A `source = "<glob>"` condition: the glob as written, compiled, and its number among the
/// config's source conditions (what a table's verdicts on them are indexed by).
#[derive(Debug, Clone)]
pub struct SourceGlob {
    pub glob: String,
    pub re: Regex,
    pub id: usize,
}

impl PartialEq for SourceGlob {
    fn eq(&self, other: &Self) -> bool {
        (self.id, &self.glob) == (other.id, &other.glob)
    }
}

impl SourceGlob {
    /// Whether a table of `source_file` (relative path) and `sheet` matches.
    pub fn matches(&self, source_file: &str, sheet: Option<&str>) -> bool {
        let name = source_file.rsplit('/').next().unwrap_or(source_file);
        [source_file, name].iter().any(|f| {
            self.re.is_match(f)
                || sheet.is_some_and(|s| self.re.is_match(&crate::ingest::table_label(f, Some(s))))
        })
    }
}

impl Cond {
    /// Every source condition in it, depth first, for numbering (see [`Config::sources`]).
    pub fn sources_mut<'a>(&'a mut self, out: &mut Vec<&'a mut SourceGlob>) {
        match self {
            Cond::Source(g) => out.push(g),
            Cond::All(cs) | Cond::Any(cs) => cs.iter_mut().for_each(|c| c.sources_mut(out)),
            Cond::Not(c) => c.sources_mut(out),
            _ => {}
        }
    }

    /// The fields this condition reads, in order of first use.
    pub fn fields(&self, out: &mut Vec<FieldId>) {
        self.collect_fields(false, out);
    }

    /// The fields the condition compares as text (`equals`, `one_of`, `contains`), each once,
    /// added to `out`: the others it reads as numbers, dates or blank.
    pub fn text_fields(&self, out: &mut Vec<FieldId>) {
        self.collect_fields(true, out);
    }

    /// The condition in words, its fields by their config names: `duration < 60`,
    /// `email contains "@firm.com"` (what the report says a rule removed).
    pub fn describe(&self, names: &dyn Fn(FieldId) -> String) -> String {
        let quote = |t: &str| format!("\"{t}\"");
        match self {
            Cond::Always => "always".into(),
            Cond::OneOf { field, targets } if targets.len() == 1 => {
                format!("{} = {}", names(*field), quote(&targets[0].text))
            }
            Cond::OneOf { field, targets } => {
                let list: Vec<String> = targets.iter().map(|t| quote(&t.text)).collect();
                format!("{} one of {}", names(*field), list.join(", "))
            }
            Cond::Contains { field, needle } => {
                format!("{} contains {}", names(*field), quote(needle))
            }
            Cond::Cmp { field, op, value } => {
                let op = match op {
                    CmpOp::Gt => "over",
                    CmpOp::Ge => "at least",
                    CmpOp::Lt => "under",
                    CmpOp::Le => "at most",
                };
                let v = crate::ingest::cell::format_number(*value);
                format!("{} {op} {v}", names(*field))
            }
            Cond::IsEmpty { field, empty } => {
                format!(
                    "{} {}",
                    names(*field),
                    if *empty { "empty" } else { "not empty" }
                )
            }
            Cond::Months {
                field,
                months,
                older,
            } => format!(
                "{} {} {months} months before the response",
                names(*field),
                if *older { "more than" } else { "within" }
            ),
            Cond::Source(g) => format!("file {}", quote(&g.glob)),
            Cond::All(cs) => join(cs, " and ", names),
            Cond::Any(cs) => join(cs, " or ", names),
            Cond::Not(c) => format!("not ({})", c.describe(names)),
        }
    }

    /// The fields it reads (only those compared as text when `text_only`), each once.
    fn collect_fields(&self, text_only: bool, out: &mut Vec<FieldId>) {
        let field = match self {
            Cond::Always | Cond::Source(_) => None,
            Cond::OneOf { field, .. } | Cond::Contains { field, .. } => Some(field),
            Cond::Cmp { field, .. } | Cond::IsEmpty { field, .. } | Cond::Months { field, .. } => {
                (!text_only).then_some(field)
            }
            Cond::All(cs) | Cond::Any(cs) => {
                cs.iter().for_each(|c| c.collect_fields(text_only, out));
                None
            }
            Cond::Not(c) => {
                c.collect_fields(text_only, out);
                None
            }
        };
        if let Some(f) = field.filter(|f| !out.contains(f)) {
            out.push(*f);
        }
    }
}

/// Conditions in words joined by `and` / `or`, each in brackets when it combines others.
fn join(cs: &[Cond], by: &str, names: &dyn Fn(FieldId) -> String) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Cond::All(_) | Cond::Any(_) => format!("({})", c.describe(names)),
            _ => c.describe(names),
        })
        .collect();
    parts.join(by)
}

#[derive(Debug, Clone)]
pub struct StageRule {
    pub name: String,
    pub stage: Stage,
    pub when: Cond,
}

#[derive(Debug, Clone)]
pub struct Exclusion {
    pub reason: String,
    pub when: Cond,
}

/// An attribute named in the config, with its rating fields (experience only when it has no
/// expectation field).
#[derive(Debug, Clone)]
pub struct AttributeDef {
    pub name: String,
    pub dimension: Option<String>,
    pub expectation: Option<FieldId>,
    pub experience: FieldId,
}

/// Attribute pairs found by header pattern; the first capture group names each attribute.
#[derive(Debug, Clone)]
pub struct AttributeSet {
    /// `None`: the set's attributes are rated on experience only.
    pub expectation: Option<Regex>,
    pub experience: Regex,
    pub scale: Option<(f64, f64)>,
    pub dimension: Option<String>,
    pub values: BTreeMap<String, MapValue>,
}

/// Pre-purchase outcome codes.
#[derive(Debug, Clone, Default)]
pub struct Journey {
    pub outcome: Option<FieldId>,
    pub hired: Vec<String>,
    pub got_away: Vec<String>,
    pub not_now: Vec<String>,
}

/// The firm's services and where respondents say what they know and bought.
#[derive(Debug, Clone)]
pub struct Services {
    pub offered: Vec<String>,
    pub known: FieldId,
    pub bought: Option<FieldId>,
}

/// One channel of the firm's plan at one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEntry {
    pub channel: String,
    pub present: bool,
    pub spend: Option<f64>,
}

/// Channels buyers use and the firm's plan per stage.
#[derive(Debug, Clone)]
pub struct Channels {
    pub used: FieldId,
    pub threshold: f64,
    pub plan: BTreeMap<Stage, Vec<PlanEntry>>,
}

/// One theme of the codebook.
#[derive(Debug, Clone)]
pub struct Theme {
    pub field: FieldId,
    pub name: String,
    pub pattern: Regex,
}

/// What the stage comparisons compare.
#[derive(Debug, Clone, Default)]
pub struct Comparisons {
    pub pairs: Vec<(Stage, Stage)>,
    pub fields: Vec<FieldId>,
    pub positive: BTreeMap<FieldId, String>,
}

/// `[weighting]` with raking.
#[derive(Debug, Clone)]
pub struct Weighting {
    pub rake: Vec<RakeField>,
    pub cap: Option<f64>,
}

/// One rake field and its targets.
#[derive(Debug, Clone)]
pub struct RakeField {
    pub field: FieldId,
    /// (value as written, value [`fold`]ed, target share), sorted by value.
    pub targets: Vec<(String, String, f64)>,
    /// Line of its targets table.
    pub line: usize,
}

/// `[[lookups]]`: a table joined to the respondents by a key.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// Resolved against the config file's folder.
    pub file: PathBuf,
    /// As written in the config.
    pub file_shown: String,
    pub sheet: Option<String>,
    pub key: FieldId,
    pub column: String,
    pub line: usize,
}

/// Report settings.
#[derive(Debug, Clone)]
pub struct Report {
    pub confidence: f64,
    pub min_base: f64,
    pub chart_width: u32,
    pub chart_height: u32,
    pub title: Option<String>,
    /// The study: `[report] study`, else the title, else empty.
    pub study: String,
    pub ipa_midpoint: bool,
    /// IPA importance is the relative-weight share (`[report] ipa_importance = "derived"`).
    pub ipa_derived: bool,
    /// `[report] deck_template`: the file, and the name as the config writes it.
    pub deck_template: Option<(PathBuf, String)>,
}

/// The fields the analyses look for by role.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub respondent_id: Option<FieldId>,
    pub panel_key: Option<FieldId>,
    pub date: Option<FieldId>,
    pub weight: Option<FieldId>,
    pub recommend: Option<FieldId>,
}

/// Which files and sheets are read.
#[derive(Debug, Clone, Default)]
pub struct InputFilter {
    pub files: Vec<Regex>,
    pub skip_files: Vec<Regex>,
    pub sheets: Vec<String>,
}

impl InputFilter {
    /// Whether a file (path relative to the input folder, `/`-separated) is read.
    pub fn wants_file(&self, rel: &str) -> bool {
        (self.files.is_empty() || self.files.iter().any(|r| r.is_match(rel)))
            && !self.skip_files.iter().any(|r| r.is_match(rel))
    }

    /// Whether a sheet is read (CSV files have none and are always read).
    pub fn wants_sheet(&self, sheet: Option<&str>) -> bool {
        match sheet {
            Some(s) if !self.sheets.is_empty() => self.sheets.iter().any(|w| fold(w) == fold(s)),
            _ => true,
        }
    }
}

/// Compile a glob (`*` within a folder, `**` across folders, `?` one character) to a regex.
pub fn glob_regex(glob: &str) -> Result<Regex, regex::Error> {
    let mut re = String::from("(?i)^");
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                if chars.peek() == Some(&'/') {
                    chars.next();
                    re.push_str("(?:.*/)?");
                } else {
                    re.push_str(".*");
                }
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re)
}

/// A validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it was read from (for messages).
    pub path: PathBuf,
    pub input: InputFilter,
    /// SHA-256 of the file's bytes.
    pub hash: String,
    pub fields: Vec<Field>,
    pub roles: Roles,
    pub preview: bool,
    pub unfinished: bool,
    pub disqualified: bool,
    pub duplicates: bool,
    pub exclusions: Vec<Exclusion>,
    pub stage_rules: Vec<StageRule>,
    /// The `source` conditions of the exclusions and stage rules, by their id.
    pub sources: Vec<SourceGlob>,
    pub stage_labels: [String; 5],
    pub attributes: Vec<AttributeDef>,
    pub attribute_sets: Vec<AttributeSet>,
    pub segments: Vec<FieldId>,
    pub report: Report,
    pub journey: Journey,
    pub services: Option<Services>,
    pub channels: Option<Channels>,
    pub themes: Vec<Theme>,
    pub comparisons: Comparisons,
    /// Raking, when configured.
    pub weighting: Option<Weighting>,
    pub lookups: Vec<Lookup>,
    /// `[privacy] secret`: keys the pseudonyms of `--hash-ids`.
    pub secret: Option<String>,
    /// What `init` guessed that nobody confirmed, in file order by kind.
    pub guesses: Vec<guesses::Guessed>,
    /// The levels a row's `guess` column is made from.
    pub row_guesses: guesses::RowGuesses,
}

impl Config {
    /// The open-text fields the codebook (`[[themes]]`) names, in first-use order.
    pub fn theme_fields(&self) -> Vec<FieldId> {
        let mut out = Vec::new();
        for t in &self.themes {
            if !out.contains(&t.field) {
                out.push(t.field);
            }
        }
        out
    }

    /// Display label of a stage.
    pub fn label(&self, s: Stage) -> &str {
        &self.stage_labels[s.index()]
    }

    /// Fields whose values the journey analyses need on each respondent, in a fixed order.
    pub fn analysis_fields(&self) -> Vec<FieldId> {
        let mut out: Vec<FieldId> = Vec::new();
        let mut add = |f: FieldId| {
            if !out.contains(&f) {
                out.push(f);
            }
        };
        if let Some(f) = self.journey.outcome {
            add(f);
        }
        if let Some(s) = &self.services {
            add(s.known);
            if let Some(b) = s.bought {
                add(b);
            }
        }
        if let Some(c) = &self.channels {
            add(c.used);
        }
        self.themes.iter().for_each(|t| add(t.field));
        self.comparisons.fields.iter().for_each(|&f| add(f));
        self.weighting
            .iter()
            .flat_map(|w| &w.rake)
            .for_each(|r| add(r.field));
        out
    }

    /// Whether respondents carry weights (a weight field, or raking).
    pub fn weighted(&self) -> bool {
        self.roles.weight.is_some() || self.weighting.is_some()
    }

    /// Find a field by name.
    pub fn field_id(&self, name: &str) -> Option<FieldId> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// Parse and validate config text; `file` names it in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
        let shown = file.display().to_string();
        let raw: raw::RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let snippet = line
                .and_then(|l| text.lines().nth(l - 1))
                .map(|l| format!(" (at `{}`)", at_most(l.trim(), 120)))
                .unwrap_or_default();
            ConfigError {
                file: shown.clone(),
                line,
                message: format!("{}{snippet}", e.message().trim_end()),
            }
        })?;
        let mut cfg = resolve::resolve(raw, text, &shown, file)?;
        cfg.path = file.to_path_buf();
        cfg.hash = crate::ingest::hex(&Sha256::digest(text.as_bytes()));
        Ok(cfg)
    }

    /// Read and validate a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read the config: {e}"),
        })?;
        Config::parse(&text, path)
    }

    /// Where the config is: `--config`, else in the input folder, next to it, or in the
    /// working directory.
    pub fn locate(explicit: Option<&Path>, input: &Path) -> Option<PathBuf> {
        if let Some(p) = explicit {
            return Some(p.to_path_buf());
        }
        let mut candidates = vec![input.join(FILE_NAME)];
        if let Some(parent) = input.parent() {
            candidates.push(parent.join(FILE_NAME));
        }
        candidates.push(PathBuf::from(FILE_NAME));
        candidates.into_iter().find(|p| p.is_file())
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_those_compared_as_text() {
        let c = Cond::All(vec![
            Cond::Cmp {
                field: 1,
                op: CmpOp::Lt,
                value: 60.0,
            },
            Cond::Not(Box::new(Cond::Contains {
                field: 2,
                needle: "@x".into(),
            })),
            Cond::Any(vec![
                Cond::OneOf {
                    field: 3,
                    targets: vec![],
                },
                Cond::IsEmpty {
                    field: 4,
                    empty: true,
                },
                Cond::Months {
                    field: 5,
                    months: 24,
                    older: true,
                },
                Cond::Contains {
                    field: 2,
                    needle: "y".into(),
                },
            ]),
        ]);
        let (mut all, mut text) = (Vec::new(), Vec::new());
        c.fields(&mut all);
        c.text_fields(&mut text);
        assert_eq!(all, [1, 2, 3, 4, 5]);
        assert_eq!(text, [2, 3]);
        // The same condition in the words the report uses.
        let names = |f: FieldId| format!("f{f}");
        assert_eq!(
            c.describe(&names),
            "f1 under 60 and not (f2 contains \"@x\") and (f3 one of  or f4 empty or \
             f5 more than 24 months before the response or f2 contains \"y\")"
        );
    }

    #[test]
    fn fold_fast_path_agrees_with_the_full_one() {
        for t in [
            "Past client",
            "A  B",
            " x",
            "x ",
            "Ünïcode Ä",
            "a\tb",
            "<b>x</b>",
            "",
            "MiXeD 1-2",
        ] {
            assert_eq!(
                fold(t),
                crate::ingest::layout::normalize_header(t).to_lowercase(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn globs() {
        let g = |p: &str, s: &str| glob_regex(p).unwrap().is_match(s);
        assert!(g("kiosk.csv", "kiosk.csv"));
        assert!(g("*.csv", "kiosk.csv"));
        assert!(!g("*.csv", "sub/kiosk.csv"));
        assert!(g("**/*.csv", "sub/kiosk.csv"));
        assert!(g("**/*.csv", "kiosk.csv"));
        assert!(!g("k?osk.csv", "kiosk.xlsx"));
    }
}

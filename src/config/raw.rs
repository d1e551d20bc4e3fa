//! The serde shape of `journeygap.toml`, exactly as written. Unknown keys are errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Which files and sheets of the folder are read (default: all).
    #[serde(default)]
    pub input: RawInput,
    /// Logical fields by name. Well-known names: `respondent_id`, `panel_key`, `date`,
    /// `weight`, `recommend`.
    #[serde(default)]
    pub fields: BTreeMap<String, Spanned<RawField>>,
    /// Named value maps that fields can share (`value_map = "agree5"`).
    #[serde(default)]
    pub value_maps: BTreeMap<String, BTreeMap<String, MapValue>>,
    #[serde(default)]
    pub exclude: RawExclude,
    pub stages: RawStages,
    #[serde(default)]
    pub attributes: Vec<Spanned<RawAttribute>>,
    #[serde(default)]
    pub attribute_sets: Vec<Spanned<RawAttributeSet>>,
    /// Field names to split every analysis by.
    #[serde(default)]
    pub segments: Vec<Spanned<String>>,
    /// `init`'s guess of the segments, unconfirmed.
    pub segments_guess: Option<String>,
    #[serde(default)]
    pub report: RawReport,
    /// Pre-purchase outcome codes for the conversion table.
    #[serde(default)]
    pub journey: RawJourney,
    pub services: Option<Spanned<RawServices>>,
    pub channels: Option<Spanned<RawChannels>>,
    /// The codebook: themes of the open-text questions.
    #[serde(default)]
    pub themes: Vec<Spanned<RawTheme>>,
    pub comparisons: Option<Spanned<RawComparisons>>,
    /// Raking to target shares.
    pub weighting: Option<Spanned<RawWeighting>>,
    /// CRM or pipeline exports joined to the respondents by a key field.
    #[serde(default)]
    pub lookups: Vec<Spanned<RawLookup>>,
    /// `[privacy]`: the secret that keys the hashes of `--hash-ids`.
    #[serde(default)]
    pub privacy: RawPrivacy,
}

/// `[privacy]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrivacy {
    /// Keys the HMAC-SHA-256 pseudonyms of `--hash-ids` (the environment variable
    /// `JOURNEYGAP_SECRET` wins over it).
    pub secret: Option<String>,
}

/// `[weighting]`: rake the classified respondents to target shares.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeighting {
    /// The fields to rake on.
    pub rake: Vec<String>,
    /// Trim weights above `cap` × the mean and rake again.
    pub cap: Option<f64>,
    /// Per rake field: value (after value maps; `(blank)` for none) → target share.
    #[serde(default)]
    pub targets: BTreeMap<String, Spanned<BTreeMap<String, f64>>>,
}

/// `[[lookups]]`: a table whose rows are joined to respondents, not respondents themselves.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLookup {
    /// csv or workbook, relative to the config file.
    pub file: String,
    /// The workbook sheet (default: the first).
    pub sheet: Option<String>,
    /// A field of the exports holding the key.
    pub key: String,
    /// The lookup's key column (its header).
    pub column: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawJourney {
    /// Field holding the pre-purchase outcome (after its value map).
    pub outcome: Option<String>,
    #[serde(default = "hired")]
    pub hired: Vec<String>,
    #[serde(default = "got_away")]
    pub got_away: Vec<String>,
    #[serde(default = "not_now")]
    pub not_now: Vec<String>,
}

impl Default for RawJourney {
    fn default() -> Self {
        RawJourney {
            outcome: None,
            hired: hired(),
            got_away: got_away(),
            not_now: not_now(),
        }
    }
}

fn hired() -> Vec<String> {
    vec!["hired".into()]
}
fn got_away() -> Vec<String> {
    vec!["got-away".into()]
}
fn not_now() -> Vec<String> {
    vec!["not-now".into()]
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServices {
    /// The services the firm offers, as respondents see them named.
    pub offered: Vec<String>,
    /// Multi-select field: services the respondent knows the firm offers.
    pub known: String,
    /// Multi-select field: services the respondent bought.
    pub bought: Option<String>,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

/// The firm's presence in a channel at a stage: `true`, or its spend.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum PlanValue {
    Present(bool),
    Spend(f64),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannels {
    /// Multi-select field: channels the respondent used.
    pub used: String,
    /// Buyer use at or above this share with the firm absent is a gap (default 0.2).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// Stage → channel → `true` or spend.
    #[serde(default)]
    pub plan: BTreeMap<String, BTreeMap<String, PlanValue>>,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

fn default_threshold() -> f64 {
    0.2
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    /// The open-text field the theme codes.
    pub field: String,
    pub name: String,
    /// Words or phrases, matched at word boundaries, case-insensitively.
    pub keywords: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComparisons {
    /// Stage pairs `[a, b]` to compare (default: every stage against `client`).
    pub pairs: Option<Vec<[String; 2]>>,
    /// Further fields to compare: numbers by Welch t, answers by chi-square (and two-proportion z
    /// when there are two answers).
    #[serde(default)]
    pub fields: Vec<String>,
    /// Per field, the answer whose share the two-proportion z-test compares.
    #[serde(default)]
    pub positive: BTreeMap<String, String>,
}

/// Limits on what is read from the input folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInput {
    /// Glob patterns (`*` within a folder, `**` across folders) of files to read, relative to the
    /// input folder; empty reads every file.
    #[serde(default)]
    pub files: Vec<String>,
    /// Glob patterns of files to skip.
    #[serde(default)]
    pub skip_files: Vec<String>,
    /// Sheet names to read from workbooks; empty reads every sheet.
    #[serde(default)]
    pub sheets: Vec<String>,
}

/// A value-map target: a number (ratings) or a code (categories).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum MapValue {
    #[serde(serialize_with = "whole_if_whole")]
    Number(f64),
    Text(String),
}

/// A number serialised as an integer when it is a whole one (`lt = 70`, not `70.0`), so that a
/// condition written by `init` reads as a person would write it.
fn whole_if_whole<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

fn whole_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => whole_if_whole(x, s),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Free or categorical text (the default).
    #[default]
    Text,
    /// A number: a rating on `scale`, a 0–10 recommend score, a weight.
    Number,
    /// A date or date-time.
    Date,
    /// Several answers: one cell joined by `separator`, or one column per option.
    Multi,
}

impl FieldKind {
    /// The kind as the config writes it.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Multi => "multi",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    /// Header texts the field is found under, compared case- and whitespace-insensitively.
    #[serde(default)]
    pub headers: Vec<String>,
    /// Regular expressions tried against every header name.
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub kind: FieldKind,
    /// Answer text → number or code.
    #[serde(default)]
    pub values: BTreeMap<String, MapValue>,
    /// Name of a shared map under `[value_maps]`.
    pub value_map: Option<String>,
    /// `[low, high]`: values outside are out of scale (counted, treated as missing).
    pub scale: Option<[f64; 2]>,
    /// Separator of a multi-select answer held in one cell.
    pub separator: Option<String>,
    /// The order of text dates (`dmy`, `mdy`, `ymd`); by default decided per column.
    pub date_order: Option<crate::ingest::dates::DateOrder>,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
    /// Answer → guess, for the `values` entries (and the answers left uncoded) that are guesses.
    #[serde(default)]
    pub value_guesses: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExclude {
    /// Preview, test and spam responses (Qualtrics' `Status`, Alchemer's test responses,
    /// SoSci's `Q_VIEWER`).
    #[serde(default = "yes")]
    pub preview: bool,
    /// Unfinished responses (Qualtrics' and SoSci's `Finished` false, Alchemer's `Partial`, an
    /// empty submit date in Typeform and LimeSurvey).
    #[serde(default = "yes")]
    pub unfinished: bool,
    /// Responses the platform disqualified (Alchemer's `Disqualified`, a KoboToolbox reviewer's
    /// "not approved").
    #[serde(default = "yes")]
    pub disqualified: bool,
    /// Keep only the latest response per `respondent_id` within a period.
    #[serde(default = "yes")]
    pub duplicates: bool,
    /// Further rules: the first that matches excludes the row with its reason.
    #[serde(default)]
    pub rules: Vec<Spanned<RawExclusion>>,
}

impl Default for RawExclude {
    fn default() -> Self {
        RawExclude {
            preview: true,
            unfinished: true,
            disqualified: true,
            duplicates: true,
            rules: Vec::new(),
        }
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExclusion {
    pub reason: String,
    pub when: RawCondition,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStages {
    /// Display labels by stage name.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Ordered rules: the first that matches gives the stage.
    #[serde(default)]
    pub rules: Vec<Spanned<RawRule>>,
    /// The stage of a row no rule matches (rule `default`); without it such a row is
    /// unclassified.
    pub default: Option<String>,
    /// The default is a guess: `"unsure: nothing in the folder names a stage"`.
    pub default_guess: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// A name for the rule, recorded with each row it classifies (default `rule N`).
    pub name: Option<String>,
    pub stage: String,
    pub when: RawCondition,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

/// One condition: exactly one operator, with `field` where the operator needs one. `init`
/// builds its guesses as these values and serialises them, so a guessed condition is always one
/// the config reads back.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equals: Option<MapValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<MapValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "whole_opt")]
    pub gt: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "whole_opt")]
    pub ge: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "whole_opt")]
    pub lt: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "whole_opt")]
    pub le: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_empty: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub older_than_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<RawCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<RawCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<RawCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub always: Option<bool>,
    /// A glob on the row's file (relative path or name) or `file [sheet]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAttribute {
    pub name: String,
    pub dimension: Option<String>,
    /// Field holding the expectation (or importance) rating; without it the attribute is rated
    /// on experience only (drivers and derived-importance IPA, no gap).
    pub expectation: Option<String>,
    /// Field holding the experience (or performance) rating.
    pub experience: String,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

/// Attribute pairs found by pattern: the first capture group names the attribute.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAttributeSet {
    /// Without it, the set's attributes are rated on experience only.
    pub expectation: Option<String>,
    pub experience: String,
    pub scale: Option<[f64; 2]>,
    pub dimension: Option<String>,
    #[serde(default)]
    pub values: BTreeMap<String, MapValue>,
    pub value_map: Option<String>,
    /// What `init` guessed and nobody confirmed: `"sure|likely|unsure: evidence"`. Delete the
    /// key to confirm.
    pub guess: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    #[serde(default = "default_confidence")]
    pub confidence: f64,
    #[serde(default = "default_min_base")]
    pub min_base: f64,
    #[serde(default = "default_width")]
    pub chart_width: u32,
    #[serde(default = "default_height")]
    pub chart_height: u32,
    /// Report title (the firm's name, say).
    pub title: Option<String>,
    /// The study's name: periods under one `--out` are one series only when it matches
    /// (default: the title).
    pub study: Option<String>,
    /// IPA crosshairs at the mean of the attribute means (`means`) or the scale midpoint.
    #[serde(default)]
    pub ipa_crosshair: IpaCrosshair,
    /// IPA importance: the mean stated importance (`stated`), or the relative-weight share of
    /// each attribute's experience in recommending (`derived`).
    #[serde(default)]
    pub ipa_importance: IpaImportance,
    /// A .pptx or .potx whose slide master, layouts and theme `deck.pptx` takes (relative to
    /// the config file).
    pub deck_template: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum IpaImportance {
    #[default]
    Stated,
    Derived,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum IpaCrosshair {
    #[default]
    Means,
    Midpoint,
}

impl Default for RawReport {
    fn default() -> Self {
        RawReport {
            confidence: default_confidence(),
            min_base: default_min_base(),
            chart_width: default_width(),
            chart_height: default_height(),
            title: None,
            study: None,
            ipa_crosshair: IpaCrosshair::Means,
            ipa_importance: IpaImportance::Stated,
            deck_template: None,
        }
    }
}

fn default_confidence() -> f64 {
    0.95
}
fn default_min_base() -> f64 {
    30.0
}
fn default_width() -> u32 {
    1600
}
fn default_height() -> u32 {
    900
}

//! [`Summary`]: all results of one period, as `summary.json` holds them, and what the charts
//! and the report ask of it (stage labels, the q a finding must be under, the channel plan).

use serde::Serialize;

use super::{guesses, AttributeScale, ExclusionRuleRow, InputRow, StageLabel, Tables};

/// All results of one period.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Summary {
    /// `journeygap`: the mark by which a folder journeygap wrote is told from any other.
    pub tool: String,
    pub schema_version: u32,
    pub tool_version: String,
    pub period: String,
    /// The study (`[report] study`, else the title): earlier periods of another study are not
    /// part of this one's series.
    pub study: String,
    pub config_hash: String,
    pub confidence: f64,
    pub min_base: f64,
    pub weighted: bool,
    pub inputs: Vec<InputRow>,
    /// The files that could not be read and were skipped (`--skip-bad-files`), with why.
    pub skipped_files: Vec<SkippedFile>,
    /// The `[[lookups]]` joined to the respondents, with their SHA-256 (for `verify`).
    pub lookups: Vec<LookupInput>,
    pub stage_labels: Vec<StageLabel>,
    pub attributes: Vec<String>,
    /// Whether respondent ids and panel keys are hashed in the outputs.
    pub ids_hashed: bool,
    /// The input folder as given on the command line (for `verify`).
    pub input_folder: String,
    /// The config as given by `--config`, when it was (for the commands the report names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_given: Option<String>,
    pub attribute_scales: Vec<AttributeScale>,
    /// What changed against earlier periods (config, attributes, scales).
    pub history_warnings: Vec<String>,
    /// The config's unconfirmed guesses and the rows they decided.
    pub guesses: guesses::Guesses,
    /// The questions likelihood to recommend was read from, as the exports head them.
    pub recommend_questions: Vec<String>,
    /// Other questions about recommending, not read.
    pub other_recommend_questions: Vec<String>,
    /// The stage rows were taken as by an unconfirmed `[stages] default`, and how many.
    pub assumed_default: Option<(String, u64)>,
    /// The first and last response dates, and how many are outside the period.
    #[serde(default)]
    pub fieldwork: crate::period::Fieldwork,
    /// The config's exclusion rules in words, by reason (a speeder's cut-off), for the report.
    #[serde(default)]
    pub exclusion_rules: Vec<ExclusionRuleRow>,
    /// Every table (but `respondents`), their keys beside these.
    #[serde(flatten)]
    pub tables: Tables,
}

impl Summary {
    /// Whether the touchpoints rest on a channel plan (where the firm is present) for some
    /// stage: without one, no touchpoint row has a verdict.
    pub fn channel_plan(&self) -> bool {
        self.tables
            .touchpoints
            .iter()
            .any(|r| r.verdict != "no plan")
    }

    /// A channel every respondent of every stage named (a metadata column such as Qualtrics'
    /// "Distribution Channel" = anonymous): it says nothing about where buyers look.
    pub fn channel_alike_everywhere(&self, channel: &str) -> bool {
        self.tables
            .touchpoints
            .iter()
            .filter(|r| r.segment == "all" && r.channel == channel && r.n > 0)
            .all(|r| r.share == Some(1.0))
    }

    /// The q a finding must be under: 1 − confidence (rounded, so that 0.99 gives 0.01).
    pub fn alpha(&self) -> f64 {
        ((1.0 - self.confidence) * 1e9).round() / 1e9
    }

    /// The label a stage key is shown by (the config's `[stages.labels]`, recorded here): the
    /// one place the charts and the report take it from.
    pub fn stage_label(&self, st: &str) -> String {
        self.stage_labels
            .iter()
            .find(|l| l.stage == st)
            .map(|l| l.label.clone())
            .unwrap_or_else(|| st.to_string())
    }
}

/// A file `--skip-bad-files` skipped: its name relative to the input folder, and why it could
/// not be read.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq)]
pub struct SkippedFile {
    pub source_file: String,
    pub reason: String,
}

/// A lookup file: as the config names it, the path it was read from, and its SHA-256.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq)]
pub struct LookupInput {
    pub file: String,
    pub path: String,
    pub sha256: String,
}

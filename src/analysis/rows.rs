//! The rows of each output table. Field order is column order; serde names are column names.

use serde::{Deserialize, Serialize};

use crate::classify::Attribute;
pub use crate::ingest::InputRow;
use crate::stage::Stage;
use crate::stats::gap::GapEstimate;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StageLabel {
    pub stage: String,
    pub label: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DataQualityRow {
    pub period: String,
    pub source_file: String,
    pub sheet: String,
    pub layout: String,
    pub rows_read: u64,
    pub rows_excluded: u64,
    pub rows_classified: u64,
    pub rows_unclassified: u64,
    /// Classified rows whose response date lies outside the period.
    #[serde(default)]
    pub rows_outside_period: u64,
    pub encoding: String,
    pub columns: u64,
    /// Rows whose key matched no row of the `[[lookups]]` (empty: no lookup, or the table has
    /// no key column).
    pub lookup_unmatched: Option<u64>,
    /// Why the file could not be read, for a file `--skip-bad-files` skipped (layout
    /// `skipped`, no rows); else empty.
    pub skipped_reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CellProblemRow {
    pub period: String,
    pub source_file: String,
    pub sheet: String,
    pub column: String,
    pub field: String,
    pub problem: String,
    pub count: u64,
    pub examples: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StageMixRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub n: u64,
    pub base: u64,
    pub share: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_base: bool,
    pub base_eff: Option<f64>,
    pub label: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GapRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub attribute: String,
    pub n: u64,
    pub expectation_mean: Option<f64>,
    pub experience_mean: Option<f64>,
    pub gap_mean: Option<f64>,
    pub gap_ci_low: Option<f64>,
    pub gap_ci_high: Option<f64>,
    pub t_stat: Option<f64>,
    pub p_value: Option<f64>,
    pub q_value: Option<f64>,
    pub effect_size_dz: Option<f64>,
    pub wilcoxon_p: Option<f64>,
    pub low_base: bool,
    pub base_eff: Option<f64>,
    pub expectation_ci_low: Option<f64>,
    pub expectation_ci_high: Option<f64>,
    pub experience_ci_low: Option<f64>,
    pub experience_ci_high: Option<f64>,
    pub gap_sd: Option<f64>,
    pub dimension: String,
}

impl GapRow {
    pub fn new(
        period: &str,
        segment: &str,
        s: Stage,
        a: &Attribute,
        e: &GapEstimate,
        (low_base, weighted): (bool, bool),
        scale: Option<(f64, f64)>,
    ) -> Self {
        // Every interval inside its range: a rating's within the scale, a gap's within ± its
        // width.
        let within =
            |ci: Option<(f64, f64)>, (lo, hi): (f64, f64)| ci.map(|(a, b)| (a.max(lo), b.min(hi)));
        let (rating, gap) = match scale {
            Some((lo, hi)) => ((lo, hi), (lo - hi, hi - lo)),
            None => (
                (f64::NEG_INFINITY, f64::INFINITY),
                (f64::NEG_INFINITY, f64::INFINITY),
            ),
        };
        let (gap_ci, exp_ci, xp_ci) = (
            within(e.gap.ci, gap),
            within(e.expectation.ci, rating),
            within(e.experience.ci, rating),
        );
        GapRow {
            period: period.into(),
            segment: segment.into(),
            stage: s.key().into(),
            attribute: a.name.clone(),
            n: e.n as u64,
            expectation_mean: e.expectation.mean,
            experience_mean: e.experience.mean,
            gap_mean: e.gap.mean,
            gap_ci_low: gap_ci.map(|c| c.0),
            gap_ci_high: gap_ci.map(|c| c.1),
            t_stat: e.t_stat,
            p_value: e.p_value,
            q_value: None,
            effect_size_dz: e.effect_size_dz,
            wilcoxon_p: e.wilcoxon_p,
            low_base,
            base_eff: weighted.then_some(e.n_eff),
            expectation_ci_low: exp_ci.map(|c| c.0),
            expectation_ci_high: exp_ci.map(|c| c.1),
            experience_ci_low: xp_ci.map(|c| c.0),
            experience_ci_high: xp_ci.map(|c| c.1),
            gap_sd: e.gap.sd,
            dimension: a.dimension.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct NpsRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub n: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    pub nps: Option<f64>,
    pub nps_ci_low: Option<f64>,
    pub nps_ci_high: Option<f64>,
    pub low_base: bool,
    pub promoter_share: Option<f64>,
    pub detractor_share: Option<f64>,
    pub variance: Option<f64>,
    pub base_eff: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ConversionRow {
    pub period: String,
    pub segment: String,
    pub metric: String,
    pub numerator: u64,
    pub denominator: u64,
    pub share: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_base: bool,
    pub source: String,
    pub base_eff: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct IpaRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub attribute: String,
    pub importance_mean: Option<f64>,
    pub performance_mean: Option<f64>,
    pub quadrant: String,
    pub crosshair_importance: Option<f64>,
    pub crosshair_performance: Option<f64>,
    pub rule: String,
    pub n_importance: u64,
    pub n_performance: u64,
    /// `stated` (mean expectation rating) or `derived` (relative-weight share; `n_importance`
    /// is then the complete cases).
    #[serde(default)]
    pub importance: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AwarenessRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub service: String,
    pub n: u64,
    pub aware: u64,
    pub share: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_base: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BreadthRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub n: u64,
    pub breadth_mean: Option<f64>,
    pub breadth_ci_low: Option<f64>,
    pub breadth_ci_high: Option<f64>,
    pub typecast_n: u64,
    pub typecast: u64,
    pub typecast_rate: Option<f64>,
    pub typecast_ci_low: Option<f64>,
    pub typecast_ci_high: Option<f64>,
    pub low_base: bool,
    pub breadth_sd: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TouchpointRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub channel: String,
    pub n: u64,
    pub users: u64,
    pub share: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub firm_present: bool,
    pub firm_spend_share: Option<f64>,
    pub verdict: String,
    pub low_base: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CoverageRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub channels: u64,
    pub coverage_index: Option<f64>,
    pub basis: String,
    pub n: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
/// `serde(default)`: a summary written before the relative weights reads with them empty.
#[serde(default)]
pub struct DriverRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub attribute: String,
    pub n: u64,
    pub r: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub p_value: Option<f64>,
    pub q_value: Option<f64>,
    pub stated_importance_mean: Option<f64>,
    /// Johnson's relative weight of the attribute among all attributes, over the complete cases
    /// (`r_squared`'s share of it); empty when they are too few.
    pub relative_weight: Option<f64>,
    pub relative_weight_share: Option<f64>,
    /// R² of recommend on every attribute's experience, over the complete cases.
    pub r_squared: Option<f64>,
    /// Respondents who answered recommend and every attribute's experience item.
    pub n_complete: u64,
    pub low_base: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ThemeRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub field: String,
    pub theme: String,
    pub answers: u64,
    pub mentions: u64,
    pub share: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_base: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct UncodedWordRow {
    pub period: String,
    pub segment: String,
    pub stage: String,
    pub field: String,
    pub rank: u64,
    pub word: String,
    pub count: u64,
    pub uncoded_answers: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ComparisonRow {
    pub period: String,
    pub segment: String,
    pub metric: String,
    pub stage_a: String,
    pub stage_b: String,
    pub test: String,
    pub difference: Option<f64>,
    pub statistic: Option<f64>,
    pub p_value: Option<f64>,
    pub q_value: Option<f64>,
    pub n_a: u64,
    pub n_b: u64,
    pub df: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AttributeScale {
    pub attribute: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TrendRow {
    pub metric: String,
    pub segment: String,
    pub stage: String,
    pub attribute: String,
    pub period: String,
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub n: u64,
    pub change_vs_previous: Option<f64>,
    pub test: String,
    pub p_value: Option<f64>,
    pub q_value: Option<f64>,
    pub significant: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TransitionRow {
    pub from_period: String,
    pub to_period: String,
    pub from_stage: String,
    pub to_stage: String,
    pub n: u64,
    pub share_of_from: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// Raking (PRODUCT §6.13): the row raking reports, with the period written.
pub use crate::classify::rake::WeightingRow;

/// The rows of what raking did, in a period.
pub fn weighting_rows(period: &str, r: &crate::classify::rake::RakeReport) -> Vec<WeightingRow> {
    r.values
        .iter()
        .map(|v| WeightingRow {
            period: period.into(),
            ..v.clone()
        })
        .collect()
}

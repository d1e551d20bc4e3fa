//! Expectation–experience gaps (SERVQUAL style): paired differences `d = experience − expectation`.

use super::mean::{weighted_mean, MeanEstimate};
use super::wilcoxon::wilcoxon_p;

/// Everything the `gaps` table reports for one stage × attribute.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GapEstimate {
    pub n: usize,
    pub n_eff: f64,
    pub expectation: MeanEstimate,
    pub experience: MeanEstimate,
    pub gap: MeanEstimate,
    /// Paired t statistic (one-sample t on d, df = n_eff − 1).
    pub t_stat: Option<f64>,
    pub p_value: Option<f64>,
    /// Cohen's d_z = mean(d) / sd(d).
    pub effect_size_dz: Option<f64>,
    /// Wilcoxon signed-rank p on d (unweighted; zeros dropped; normal approximation).
    pub wilcoxon_p: Option<f64>,
}

/// Gap statistics over respondents who answered both items.
pub fn paired_gap(
    expectation: &[f64],
    experience: &[f64],
    w: &[f64],
    confidence: f64,
) -> GapEstimate {
    let d: Vec<f64> = experience
        .iter()
        .zip(expectation)
        .map(|(e, x)| e - x)
        .collect();
    let gap = weighted_mean(&d, w, confidence);
    let (t_stat, p_value) = gap.t_test();
    let effect_size_dz = match (gap.mean, gap.sd) {
        (Some(m), Some(sd)) if sd > 0.0 => Some(m / sd),
        _ => None,
    };
    GapEstimate {
        n: d.len(),
        n_eff: gap.n_eff,
        expectation: weighted_mean(expectation, w, confidence),
        experience: weighted_mean(experience, w, confidence),
        gap,
        t_stat,
        p_value,
        effect_size_dz,
        wilcoxon_p: wilcoxon_p(&d),
    }
}

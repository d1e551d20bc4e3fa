//! Expectation–experience gaps (SERVQUAL style): paired differences `d = experience − expectation`.

use super::mean::{weighted_mean_grouped, MeanEstimate};
use super::weights::Tally;
use super::wilcoxon::wilcoxon_p_grouped;

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
    paired_gap_grouped(
        expectation
            .iter()
            .zip(experience)
            .zip(w)
            .map(|((&e, &x), &w)| (e, x, Tally::one(w))),
        confidence,
    )
}

/// [`paired_gap`] of `(expectation, experience)` pairs given with their [`Tally`]: the same
/// statistics, each pair's weights summed once. One observation per item gives exactly
/// [`paired_gap`].
pub fn paired_gap_grouped(
    pairs: impl Iterator<Item = (f64, f64, Tally)> + Clone,
    confidence: f64,
) -> GapEstimate {
    let d = pairs.clone().map(|(e, x, t)| (x - e, t));
    let gap = weighted_mean_grouped(d.clone(), confidence);
    let (t_stat, p_value) = gap.t_test();
    let effect_size_dz = match (gap.mean, gap.sd) {
        (Some(m), Some(sd)) if sd > 0.0 => Some(m / sd),
        _ => None,
    };
    GapEstimate {
        n: gap.n,
        n_eff: gap.n_eff,
        expectation: weighted_mean_grouped(pairs.clone().map(|(e, _, t)| (e, t)), confidence),
        experience: weighted_mean_grouped(pairs.map(|(_, x, t)| (x, t)), confidence),
        gap,
        t_stat,
        p_value,
        effect_size_dz,
        wilcoxon_p: wilcoxon_p_grouped(d.map(|(d, t)| (d, t.n))),
    }
}

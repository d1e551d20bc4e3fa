//! Net Promoter Score with its normal interval.

use super::dist::z_critical;
use super::weights::{kish_n_eff_grouped, Tally};

/// NPS of one group.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NpsEstimate {
    pub n: usize,
    pub n_eff: f64,
    /// Shares (0..=1), weighted when weights are given.
    pub promoters: f64,
    pub passives: f64,
    pub detractors: f64,
    pub nps: Option<f64>,
    /// `Var(NPS) = 100²·(p + d − (p − d)²)/n_eff`.
    pub variance: Option<f64>,
    pub ci: Option<(f64, f64)>,
}

/// NPS = 100·(promoters − detractors)/n with promoters 9–10, detractors 0–6 (Reichheld 2003);
/// variance of the difference of two multinomial shares; interval `NPS ± z·√Var`.
pub fn nps(scores: &[f64], w: &[f64], confidence: f64) -> NpsEstimate {
    nps_grouped(
        scores.iter().zip(w).map(|(&s, &w)| (s, Tally::one(w))),
        confidence,
    )
}

/// [`nps`] of scores given as distinct values with their [`Tally`]: the same formulas, each
/// value's weights summed once. One score per item gives exactly [`nps`].
pub fn nps_grouped(
    scores: impl Iterator<Item = (f64, Tally)> + Clone,
    confidence: f64,
) -> NpsEstimate {
    let sw: f64 = scores.clone().map(|(_, t)| t.sw).sum();
    let n = scores.clone().map(|(_, t)| t.n).sum::<u64>() as usize;
    if n == 0 || !super::is_positive(sw) {
        return NpsEstimate {
            n,
            ..Default::default()
        };
    }
    let share = |f: &dyn Fn(f64) -> bool| {
        scores
            .clone()
            .filter(|(s, _)| f(*s))
            .map(|(_, t)| t.sw)
            .sum::<f64>()
            / sw
            + 0.0 // a sum of nothing is −0.0
    };
    let p = share(&|s| s >= 9.0);
    let d = share(&|s| s <= 6.0);
    let n_eff = kish_n_eff_grouped(scores.map(|(_, t)| t));
    let nps = 100.0 * (p - d);
    let variance = 100.0f64.powi(2) * (p + d - (p - d).powi(2)) / n_eff;
    let half = z_critical(confidence) * variance.sqrt();
    NpsEstimate {
        n,
        n_eff,
        promoters: p,
        passives: (1.0 - p - d).max(0.0),
        detractors: d,
        nps: Some(nps),
        variance: Some(variance),
        ci: Some((nps - half, nps + half)),
    }
}

/// z test of the difference between two NPS values: `(NPS₁ − NPS₂)/√(Var₁ + Var₂)`.
pub fn nps_difference_z(a: &NpsEstimate, b: &NpsEstimate) -> Option<f64> {
    let (na, nb, va, vb) = (a.nps?, b.nps?, a.variance?, b.variance?);
    let s = (va + vb).sqrt();
    (s > 0.0).then(|| (na - nb) / s)
}

/// The stage-vs-stage (or period-vs-period) NPS difference as a test: `NPS_a − NPS_b`, its z
/// ([`nps_difference_z`], unadjusted variances) and the two-sided normal p-value.
pub fn nps_difference_test(a: &NpsEstimate, b: &NpsEstimate) -> Option<super::tests::TestResult> {
    let z = nps_difference_z(a, b)?;
    Some(super::tests::TestResult {
        difference: Some(a.nps? - b.nps?),
        statistic: Some(z),
        df: None,
        p_value: super::dist::z_two_sided_p(z),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: no promoters gave a promoter share of −0.0.
    #[test]
    fn no_promoters_is_positive_zero() {
        let e = nps(&[5.0, 7.0], &[1.0, 1.0], 0.95);
        assert!(e.promoters == 0.0 && e.promoters.is_sign_positive());
    }
}

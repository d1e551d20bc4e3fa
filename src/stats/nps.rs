//! Net Promoter Score with its adjusted-Wald interval.

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
/// `Var = 100²·(p + d − (p − d)²)/n` (the variance of the difference of two multinomial shares,
/// used by the tests of differences). The interval is the adjusted Wald of Rocks (2016, *The
/// American Statistician* 70(3)): `n' = n + 3`, `p' = (p·n + ¾)/n'`, `d' = (d·n + ¾)/n'`,
/// `100·(p' − d') ± z·100·√((p' + d' − (p' − d')²)/n')`, clipped to [−100, 100]; weighted, the
/// Kish base stands for n.
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
    NpsEstimate {
        n,
        n_eff,
        promoters: p,
        passives: (1.0 - p - d).max(0.0),
        detractors: d,
        nps: Some(nps),
        variance: Some(variance),
        ci: Some(adjusted_wald(p, d, n_eff, confidence)),
    }
}

/// The adjusted-Wald NPS interval (see [`nps`]) for promoter and detractor shares `p`, `d` on a
/// base of `n`, clipped to [−100, 100].
pub fn adjusted_wald(p: f64, d: f64, n: f64, confidence: f64) -> (f64, f64) {
    let n1 = n + 3.0;
    let p1 = (p * n + 0.75) / n1;
    let d1 = (d * n + 0.75) / n1;
    let centre = 100.0 * (p1 - d1);
    let half = z_critical(confidence) * 100.0 * ((p1 + d1 - (p1 - d1).powi(2)) / n1).sqrt();
    ((centre - half).max(-100.0), (centre + half).min(100.0))
}

/// z test of the difference between two NPS values: `(NPS₁ − NPS₂)/√(Var₁ + Var₂)`.
pub fn nps_difference_z(a: &NpsEstimate, b: &NpsEstimate) -> Option<f64> {
    let (na, nb, va, vb) = (a.nps?, b.nps?, a.variance?, b.variance?);
    let s = (va + vb).sqrt();
    (s > 0.0).then(|| (na - nb) / s)
}

/// The stage-vs-stage (or period-vs-period) NPS difference as a test: `NPS_a − NPS_b`, its z
/// ([`nps_difference_z`], unadjusted variances) and the two-sided normal p-value.
pub fn nps_difference_test(
    a: &NpsEstimate,
    b: &NpsEstimate,
) -> Option<super::two_group::TestResult> {
    let z = nps_difference_z(a, b)?;
    Some(super::two_group::TestResult {
        difference: Some(a.nps? - b.nps?),
        statistic: Some(z),
        df: None,
        p_value: super::dist::z_two_sided_p(z),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a small group's interval ran past ±100 (−19.3 to 119.3), and one answer gave
    /// an interval of zero width.
    #[test]
    fn small_groups_get_a_wide_interval_inside_the_range() {
        let one = nps(&[10.0], &[1.0], 0.95);
        let (lo, hi) = one.ci.unwrap();
        // n' = 4, p' = 7/16, d' = 3/16: 25 ± 1.96·100·√(9/64) = 25 ± 73.5.
        assert!(
            (lo - -48.5).abs() < 0.01 && (hi - 98.5).abs() < 0.01,
            "{lo} {hi}"
        );
        let few = nps(&[10.0, 10.0, 10.0, 9.0, 7.0], &[1.0; 5], 0.95);
        let (lo, hi) = few.ci.unwrap();
        assert!((-100.0..=100.0).contains(&lo) && (-100.0..=100.0).contains(&hi));
        assert!(lo < few.nps.unwrap() && hi <= 100.0);
    }

    /// Regression: no promoters gave a promoter share of −0.0.
    #[test]
    fn no_promoters_is_positive_zero() {
        let e = nps(&[5.0, 7.0], &[1.0, 1.0], 0.95);
        assert!(e.promoters == 0.0 && e.promoters.is_sign_positive());
    }
}

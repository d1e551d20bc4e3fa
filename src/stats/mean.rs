//! Means with t intervals, weighted or not.

use super::dist::{t_critical, t_two_sided_p};
use super::weights::{kish_n_eff_grouped, Tally};

/// A (weighted) mean with its spread and t interval.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MeanEstimate {
    /// Observations.
    pub n: usize,
    /// Kish effective base (= n unweighted).
    pub n_eff: f64,
    pub mean: Option<f64>,
    /// Standard deviation, `ddof = 1` analogue.
    pub sd: Option<f64>,
    pub se: Option<f64>,
    pub ci: Option<(f64, f64)>,
}

impl MeanEstimate {
    /// Degrees of freedom of the t interval: `n_eff − 1`.
    pub fn df(&self) -> f64 {
        self.n_eff - 1.0
    }

    /// One-sample t statistic against 0 and its two-sided p-value.
    pub fn t_test(&self) -> (Option<f64>, Option<f64>) {
        match (self.mean, self.se) {
            (Some(m), Some(se)) if se > 0.0 => {
                let t = m / se;
                (Some(t), t_two_sided_p(t, self.df()))
            }
            _ => (None, None),
        }
    }
}

/// Weighted mean `m = Σw·x/Σw`; variance `s² = Σw(x−m)²/Σw · n_eff/(n_eff−1)`; standard
/// error `s/√n_eff`; interval `m ± t(df = n_eff−1)·se`. With unit weights these are the
/// textbook sample mean, `ddof=1` standard deviation and t interval (scipy `t.interval`).
pub fn weighted_mean(x: &[f64], w: &[f64], confidence: f64) -> MeanEstimate {
    weighted_mean_grouped(
        x.iter().zip(w).map(|(&x, &w)| (x, Tally::one(w))),
        confidence,
    )
}

/// [`weighted_mean`] of observations given as distinct values with their [`Tally`] (how many,
/// and the sums of their weights and squared weights): the same formulas, each value's
/// weights summed once. One observation per item gives exactly [`weighted_mean`].
pub fn weighted_mean_grouped(
    x: impl Iterator<Item = (f64, Tally)> + Clone,
    confidence: f64,
) -> MeanEstimate {
    let n = x.clone().map(|(_, t)| t.n).sum::<u64>() as usize;
    let sw: f64 = x.clone().map(|(_, t)| t.sw).sum();
    if n == 0 || !super::is_positive(sw) {
        return MeanEstimate {
            n,
            ..Default::default()
        };
    }
    let n_eff = kish_n_eff_grouped(x.clone().map(|(_, t)| t));
    let mean = x.clone().map(|(x, t)| x * t.sw).sum::<f64>() / sw;
    let mut est = MeanEstimate {
        n,
        n_eff,
        mean: Some(mean),
        ..Default::default()
    };
    if n_eff > 1.0 + 1e-12 && n > 1 {
        let pop_var = x.map(|(x, t)| t.sw * (x - mean).powi(2)).sum::<f64>() / sw;
        let sd = (pop_var * n_eff / (n_eff - 1.0)).sqrt();
        let se = sd / n_eff.sqrt();
        est.sd = Some(sd);
        est.se = Some(se);
        if let Some(t) = t_critical(confidence, n_eff - 1.0) {
            est.ci = Some((mean - t * se, mean + t * se));
        }
    }
    est
}

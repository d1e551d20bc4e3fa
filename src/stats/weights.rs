//! Weights: the Kish effective base.

/// Kish effective sample size `n_eff = (Σw)² / Σw²` (Kish 1965, *Survey Sampling*, §11.7).
/// Equals n when every weight is 1; 0 when there are no weights.
pub fn kish_n_eff(w: &[f64]) -> f64 {
    kish_n_eff_of(w.iter().copied())
}

/// [`kish_n_eff`] of weights given by an iterator (summed in the same order).
pub fn kish_n_eff_of(w: impl Iterator<Item = f64> + Clone) -> f64 {
    kish_of_sums(w.clone().sum(), w.map(|x| x * x).sum())
}

/// [`kish_n_eff`] from the sum of the weights and the sum of their squares.
pub fn kish_of_sums(s: f64, s2: f64) -> f64 {
    if s2 > 0.0 {
        s * s / s2
    } else {
        0.0
    }
}

/// [`kish_n_eff`] of grouped weights: `(Σ sw)² / Σ sw2` over the tallies, in their order.
pub fn kish_n_eff_grouped(t: impl Iterator<Item = Tally> + Clone) -> f64 {
    kish_of_sums(t.clone().map(|t| t.sw).sum(), t.map(|t| t.sw2).sum())
}

/// Observations that share one value (or one combination of values): how many, and the sums
/// of their weights and of their squared weights. Statistics over tallies are mergeable: a
/// million ratings on a 1–7 scale are seven tallies.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    pub n: u64,
    pub sw: f64,
    pub sw2: f64,
}

impl Tally {
    /// One observation of weight `w`.
    pub fn one(w: f64) -> Tally {
        Tally {
            n: 1,
            sw: w,
            sw2: w * w,
        }
    }

    /// Count one more observation of weight `w`.
    #[inline]
    pub fn add(&mut self, w: f64) {
        self.n += 1;
        self.sw += w;
        self.sw2 += w * w;
    }

    /// Its share of `n` observations whose weights average 1 (as raked weights do): unweighted
    /// (its count over n) and weighted (its weights' sum over n).
    pub fn shares_of(&self, n: u64) -> (f64, f64) {
        (self.n as f64 / n as f64, self.sw / n as f64)
    }

    /// Count the observations of another tally too.
    #[inline]
    pub fn merge(&mut self, other: &Tally) {
        self.n += other.n;
        self.sw += other.sw;
        self.sw2 += other.sw2;
    }
}

/// Kish's design effect of weighting, `n Σw² / (Σw)²` (= n / n_eff; 1 when every weight is
/// equal), summed in the weights' order.
pub fn design_effect(w: &[f64]) -> f64 {
    let s: f64 = w.iter().sum();
    let s2: f64 = w.iter().map(|x| x * x).sum();
    w.len() as f64 * s2 / (s * s)
}

/// True when every weight is exactly 1 (the data are unweighted).
pub fn is_unit(w: &[f64]) -> bool {
    w.iter().all(|&x| x == 1.0)
}

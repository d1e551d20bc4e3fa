//! Weights: the Kish effective base.

/// Kish effective sample size `n_eff = (Σw)² / Σw²` (Kish 1965, *Survey Sampling*, §11.7).
/// Equals n when every weight is 1; 0 when there are no weights.
pub fn kish_n_eff(w: &[f64]) -> f64 {
    kish_n_eff_of(w.iter().copied())
}

/// [`kish_n_eff`] of weights given by an iterator (summed in the same order).
pub fn kish_n_eff_of(w: impl Iterator<Item = f64> + Clone) -> f64 {
    let s: f64 = w.clone().sum();
    let s2: f64 = w.map(|x| x * x).sum();
    if s2 > 0.0 {
        s * s / s2
    } else {
        0.0
    }
}

/// True when every weight is exactly 1 (the data are unweighted).
pub fn is_unit(w: &[f64]) -> bool {
    w.iter().all(|&x| x == 1.0)
}

//! Shares with Wilson score intervals.

use super::dist::z_critical;

/// Wilson score interval for a share `p` on a base of `n` (or `n_eff` when weighted).
///
/// `centre = (p + z²/2n) / (1 + z²/n)`, `half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)`
/// (Wilson 1927; statsmodels `proportion_confint(method="wilson")`).
pub fn wilson(p: f64, n: f64, confidence: f64) -> Option<(f64, f64)> {
    if !super::is_positive(n) || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let z = z_critical(confidence);
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// A weighted share `Σw·[hit] / Σw` of `(hit, weight)` pairs; `None` with no weight.
pub fn weighted_share(items: &[(bool, f64)]) -> Option<f64> {
    let total: f64 = items.iter().map(|x| x.1).sum();
    let hit: f64 = items.iter().filter(|x| x.0).map(|x| x.1).sum();
    share_of_sums(hit, total)
}

/// `hit / total` from the two weight sums (as [`weighted_share`] sums them); `None` when the
/// total is not positive.
pub fn share_of_sums(hit: f64, total: f64) -> Option<f64> {
    if !super::is_positive(total) {
        return None;
    }
    Some(hit / total + 0.0) // a sum of nothing is −0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: Rust's float `sum()` of nothing is −0.0, which printed as "-0%" in charts.
    #[test]
    fn share_of_no_hits_is_positive_zero() {
        let s = weighted_share(&[(false, 1.0), (false, 2.0)]).unwrap();
        assert!(s == 0.0 && s.is_sign_positive(), "{s}");
    }
}

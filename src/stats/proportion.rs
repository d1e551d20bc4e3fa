//! Shares with Wilson score intervals.

use super::dist::z_critical;

/// Wilson score interval for a share `p` on a base of `n` (or `n_eff` when weighted).
///
/// `centre = (p + z²/2n) / (1 + z²/n)`, `half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)`
/// (Wilson 1927; statsmodels `proportion_confint(method="wilson")`). The interval is clipped to
/// [0, 1], and its lower bound is exactly 0 when `p` is 0 (the upper exactly 1 when `p` is 1),
/// where the formula leaves a rounding residue such as `6.9e-18`.
pub fn wilson(p: f64, n: f64, confidence: f64) -> Option<(f64, f64)> {
    if !super::is_positive(n) || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let z = z_critical(confidence);
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let low = if p == 0.0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let high = if p == 1.0 {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some((low, high))
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

    /// A share of none has a lower bound of exactly 0, a share of all an upper bound of
    /// exactly 1 (the formula gave 6.9e-18 and 0.9999999999999999).
    #[test]
    fn the_bounds_of_none_and_all_are_exact() {
        for n in [1.0, 3.0, 7.0, 29.0, 1000.0] {
            let (lo, hi) = wilson(0.0, n, 0.95).unwrap();
            assert_eq!(lo, 0.0, "n = {n}");
            assert!(hi > 0.0 && hi < 1.0);
            let (lo, hi) = wilson(1.0, n, 0.95).unwrap();
            assert_eq!(hi, 1.0, "n = {n}");
            assert!(lo > 0.0 && lo < 1.0);
        }
    }

    /// Regression: Rust's float `sum()` of nothing is −0.0, which printed as "-0%" in charts.
    #[test]
    fn share_of_no_hits_is_positive_zero() {
        let s = weighted_share(&[(false, 1.0), (false, 2.0)]).unwrap();
        assert!(s == 0.0 && s.is_sign_positive(), "{s}");
    }
}

//! Touchpoint coverage index.

/// `D = ½·Σ|a_i − b_i|` between two distributions over the same channels, each first scaled to
/// sum to 1 (total variation distance): 0 when the firm's effort matches where buyers look, 1
/// when they do not overlap at all. `None` when either side is all zero.
pub fn coverage_index(use_shares: &[f64], firm: &[f64]) -> Option<f64> {
    let sa: f64 = use_shares.iter().sum();
    let sb: f64 = firm.iter().sum();
    if !super::is_positive(sa) || !super::is_positive(sb) {
        return None;
    }
    Some(
        0.5 * use_shares
            .iter()
            .zip(firm)
            .map(|(a, b)| (a / sa - b / sb).abs())
            .sum::<f64>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_bounds() {
        assert_eq!(coverage_index(&[0.5, 0.5], &[1.0, 1.0]), Some(0.0));
        assert_eq!(coverage_index(&[1.0, 0.0], &[0.0, 3.0]), Some(1.0));
        let d = coverage_index(&[0.6, 0.2, 0.2], &[1.0, 0.0, 1.0]).unwrap();
        assert!((d - 0.5 * (0.1 + 0.2 + 0.3)).abs() < 1e-15, "{d}");
        assert_eq!(coverage_index(&[0.0], &[1.0]), None);
    }
}

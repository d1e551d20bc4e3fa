//! Wilcoxon signed-rank test, normal approximation.

use super::dist::z_two_sided_p;

/// Two-sided p of the Wilcoxon signed-rank test on paired differences `d`: zeros dropped
/// (`zero_method="wilcox"`), average ranks for ties, tie-corrected variance
/// `n(n+1)(2n+1)/24 − Σ(t³−t)/48`, no continuity correction. Matches scipy
/// `wilcoxon(d, zero_method="wilcox", correction=False, method="approx")`.
pub fn wilcoxon_p(d: &[f64]) -> Option<f64> {
    let mut nz: Vec<f64> = d
        .iter()
        .copied()
        .filter(|x| *x != 0.0 && x.is_finite())
        .collect();
    let n = nz.len();
    if n == 0 {
        return None;
    }
    nz.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let mut r_plus = 0.0;
    let mut tie_term = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && nz[j + 1].abs() == nz[i].abs() {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        let t = (j - i + 1) as f64;
        tie_term += t * t * t - t;
        r_plus += nz[i..=j].iter().filter(|x| **x > 0.0).count() as f64 * rank;
        i = j + 1;
    }
    let nf = n as f64;
    let mean = nf * (nf + 1.0) / 4.0;
    let var = nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - tie_term / 48.0;
    if !super::is_positive(var) {
        return None;
    }
    z_two_sided_p((r_plus - mean) / var.sqrt())
}

//! Wilcoxon signed-rank test, normal approximation.

use super::dist::z_two_sided_p;

/// Two-sided p of the Wilcoxon signed-rank test on paired differences `d`: zeros dropped
/// (`zero_method="wilcox"`), average ranks for ties, tie-corrected variance
/// `n(n+1)(2n+1)/24 − Σ(t³−t)/48`, no continuity correction. Matches scipy
/// `wilcoxon(d, zero_method="wilcox", correction=False, method="approx")`.
pub fn wilcoxon_p(d: &[f64]) -> Option<f64> {
    wilcoxon_p_grouped(d.iter().map(|&x| (x, 1)))
}

/// [`wilcoxon_p`] of differences given as values with how many times each occurs (a value may
/// come more than once). The ranks are those of the expanded list, so the result is exactly
/// that of [`wilcoxon_p`] on it.
pub fn wilcoxon_p_grouped(d: impl Iterator<Item = (f64, u64)>) -> Option<f64> {
    let mut nz: Vec<(f64, u64)> = d
        .filter(|(x, k)| *x != 0.0 && x.is_finite() && *k > 0)
        .collect();
    let n: u64 = nz.iter().map(|(_, k)| k).sum();
    if n == 0 {
        return None;
    }
    nz.sort_by(|a, b| a.0.abs().total_cmp(&b.0.abs()));
    let mut r_plus = 0.0;
    let mut tie_term = 0.0;
    // `i`: the 0-based position of the class's first value in the expanded sorted list.
    let (mut i, mut at) = (0u64, 0usize);
    while at < nz.len() {
        let abs = nz[at].0.abs();
        let (mut t, mut positive) = (0u64, 0u64);
        while at < nz.len() && nz[at].0.abs() == abs {
            t += nz[at].1;
            if nz[at].0 > 0.0 {
                positive += nz[at].1;
            }
            at += 1;
        }
        let j = i + t - 1;
        let rank = (i + j) as f64 / 2.0 + 1.0;
        let t = t as f64;
        tie_term += t * t * t - t;
        r_plus += positive as f64 * rank;
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

//! Pearson correlation with its Fisher-z interval and t-test p.

use super::dist::{t_two_sided_p, z_critical};
use super::weights::kish_n_eff;

/// A correlation estimate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Correlation {
    pub n: usize,
    pub n_eff: f64,
    pub r: Option<f64>,
    pub ci: Option<(f64, f64)>,
    pub p_value: Option<f64>,
}

/// Weighted Pearson r; interval `tanh(atanh r ± z/√(n_eff − 3))` (Fisher 1921); p from
/// `t = r√((n_eff−2)/(1−r²))` with n_eff − 2 df (scipy `pearsonr` and its
/// `confidence_interval()` when unweighted).
pub fn pearson(x: &[f64], y: &[f64], w: &[f64], confidence: f64) -> Correlation {
    let n = x.len();
    let sw: f64 = w.iter().sum();
    let mut out = Correlation {
        n,
        n_eff: kish_n_eff(w),
        ..Default::default()
    };
    if n < 2 || !super::is_positive(sw) {
        return out;
    }
    let mx = x.iter().zip(w).map(|(a, w)| a * w).sum::<f64>() / sw;
    let my = y.iter().zip(w).map(|(a, w)| a * w).sum::<f64>() / sw;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for ((a, b), w) in x.iter().zip(y).zip(w) {
        sxy += w * (a - mx) * (b - my);
        sxx += w * (a - mx).powi(2);
        syy += w * (b - my).powi(2);
    }
    if !super::is_positive(sxx * syy) {
        return out;
    }
    let r = (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0);
    out.r = Some(r);
    let ne = out.n_eff;
    if ne > 3.0 && r.abs() < 1.0 {
        let z = r.atanh();
        let h = z_critical(confidence) / (ne - 3.0).sqrt();
        out.ci = Some(((z - h).tanh(), (z + h).tanh()));
    }
    out.p_value = if ne <= 2.0 + 1e-12 {
        Some(1.0) // two points always lie on a line: no evidence (as scipy)
    } else if r.abs() < 1.0 {
        t_two_sided_p(r * ((ne - 2.0) / (1.0 - r * r)).sqrt(), ne - 2.0)
    } else {
        Some(0.0)
    };
    out
}

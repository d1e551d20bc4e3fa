//! Pearson correlation with its Fisher-z interval and t-test p.

use super::dist::{t_two_sided_p, z_critical};
use super::weights::{kish_n_eff_grouped, Tally};

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
    pearson_grouped(
        x.iter()
            .zip(y)
            .zip(w)
            .map(|((&x, &y), &w)| (x, y, Tally::one(w))),
        confidence,
    )
}

/// [`pearson`] of observations given as distinct `(x, y)` pairs with their [`Tally`]: the same
/// formulas, each pair's weights summed once. One observation per item gives exactly
/// [`pearson`].
pub fn pearson_grouped(
    xy: impl Iterator<Item = (f64, f64, Tally)> + Clone,
    confidence: f64,
) -> Correlation {
    let n = xy.clone().map(|(_, _, t)| t.n).sum::<u64>() as usize;
    let sw: f64 = xy.clone().map(|(_, _, t)| t.sw).sum();
    let mut out = Correlation {
        n,
        n_eff: kish_n_eff_grouped(xy.clone().map(|(_, _, t)| t)),
        ..Default::default()
    };
    if n < 2 || !super::is_positive(sw) {
        return out;
    }
    let mx = xy.clone().map(|(a, _, t)| a * t.sw).sum::<f64>() / sw;
    let my = xy.clone().map(|(_, b, t)| b * t.sw).sum::<f64>() / sw;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b, t) in xy {
        let w = t.sw;
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

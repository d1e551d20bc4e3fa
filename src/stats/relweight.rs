//! Johnson's (2000) relative weights: how much of the variance in an outcome each of several
//! correlated predictors accounts for (PRODUCT §6.8).
//!
//! With `R_xx = VΛVᵀ` the predictors' correlation matrix and `r_xy` their correlations with the
//! outcome: `Λ½ = VΛ^½Vᵀ`, `β = Λ½⁻¹ r_xy`, and predictor j's weight is
//! `Σ_k (Λ½)_jk² β_k²`. The weights sum to `R² = Σ β_k²`, the R² of the least-squares fit of
//! the outcome on every predictor.
//!
//! Collinear predictors make `R_xx` singular: eigenvalues below [`EIGEN_TOL`] × k are taken as
//! zero and `Λ½⁻¹` is its pseudo-inverse, so exact copies of one predictor share its weight
//! equally and the weights still sum to R². A predictor that does not vary explains nothing:
//! its weight is 0 and the rest are computed without it.

use nalgebra::{DMatrix, DVector, SymmetricEigen};

use super::weights::{kish_n_eff_grouped, Tally};

/// Eigenvalues of the correlation matrix below this many times its order are zero.
pub const EIGEN_TOL: f64 = 1e-10;

/// Relative weights of k predictors of one outcome.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RelativeWeights {
    /// Complete cases: observations with the outcome and every predictor.
    pub n: usize,
    pub n_eff: f64,
    /// `None` when there are not more than k + 1 complete cases or the outcome does not vary.
    pub r_squared: Option<f64>,
    /// Per predictor (empty when `r_squared` is `None`).
    pub weights: Vec<f64>,
}

impl RelativeWeights {
    /// Predictor j's weight as a share of R² (`None` when R² is not defined or is 0).
    pub fn share(&self, j: usize) -> Option<f64> {
        let r2 = self.r_squared.filter(|r2| super::is_positive(*r2))?;
        Some(self.weights.get(j)? / r2)
    }
}

/// Relative weights of the `k` predictors over complete cases given as (predictors, outcome,
/// tally), summed in the order given. Weighted by each tally's sum of weights.
pub fn relative_weights<'a>(
    cases: impl Iterator<Item = (&'a [f64], f64, Tally)> + Clone,
    k: usize,
) -> RelativeWeights {
    let n = cases.clone().map(|c| c.2.n).sum::<u64>() as usize;
    let mut out = RelativeWeights {
        n,
        n_eff: kish_n_eff_grouped(cases.clone().map(|c| c.2)),
        ..Default::default()
    };
    let sw: f64 = cases.clone().map(|c| c.2.sw).sum();
    if k == 0 || n <= k + 1 || !super::is_positive(sw) {
        return out;
    }
    // Weighted means, then the weighted cross-products about them: variable k is the outcome.
    let mut mean = vec![0.0; k + 1];
    for (x, y, t) in cases.clone() {
        for (m, v) in mean.iter_mut().zip(x.iter().chain([&y])) {
            *m += t.sw * v;
        }
    }
    mean.iter_mut().for_each(|m| *m /= sw);
    let mut s = DMatrix::<f64>::zeros(k + 1, k + 1);
    let mut d = vec![0.0; k + 1];
    for (x, y, t) in cases {
        for (di, (v, m)) in d.iter_mut().zip(x.iter().chain([&y]).zip(&mean)) {
            *di = v - m;
        }
        for i in 0..=k {
            for j in 0..=i {
                s[(i, j)] += t.sw * d[i] * d[j];
            }
        }
    }
    if !super::is_positive(s[(k, k)]) {
        return out;
    }
    // The predictors that vary; the others keep a weight of 0.
    let varying: Vec<usize> = (0..k).filter(|&j| super::is_positive(s[(j, j)])).collect();
    let corr = |i: usize, j: usize| {
        let (a, b) = (i.max(j), i.min(j));
        s[(a, b)] / (s[(i, i)] * s[(j, j)]).sqrt()
    };
    let m = varying.len();
    let rxx = DMatrix::from_fn(m, m, |a, b| {
        if a == b {
            1.0
        } else {
            corr(varying[a], varying[b])
        }
    });
    let rxy = DVector::from_fn(m, |a, _| corr(varying[a], k));
    let eig = SymmetricEigen::new(rxx);
    let tol = EIGEN_TOL * m.max(1) as f64;
    let v = &eig.eigenvectors;
    let root = |f: fn(f64) -> f64| {
        let diag = DVector::from_iterator(
            m,
            eig.eigenvalues
                .iter()
                .map(|&l| if l > tol { f(l) } else { 0.0 }),
        );
        v * DMatrix::from_diagonal(&diag) * v.transpose()
    };
    let half = root(f64::sqrt);
    let beta = root(|l| 1.0 / l.sqrt()) * rxy;
    let mut weights = vec![0.0; k];
    for (a, &j) in varying.iter().enumerate() {
        weights[j] = (0..m).map(|b| half[(a, b)].powi(2) * beta[b].powi(2)).sum();
    }
    out.r_squared = Some(beta.iter().map(|b| b * b).sum::<f64>().clamp(0.0, 1.0));
    out.weights = weights;
    out
}

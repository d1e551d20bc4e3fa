//! Raking (iterative proportional fitting) of weights to target shares on several fields
//! (PRODUCT §4, §6.13; Deming & Stephan 1940).
//!
//! Every member starts at weight 1. One iteration takes the fields in turn and scales the
//! weights of each value's members so that the value's weighted share equals its target.
//! Raking has converged when, after an iteration, every value's weighted share is within
//! [`TOLERANCE`] of its target. With a cap, weights above `cap` × their mean are then trimmed to
//! it and raking goes on, until both hold. Members with the same values on every field always
//! share one weight, so the work is done on cells (combinations of values), not on members.

/// Margins must be within this of their targets.
pub const TOLERANCE: f64 = 1e-10;
/// Iterations allowed before raking gives up.
pub const MAX_ITERATIONS: usize = 1000;

/// Weights raked to the targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Raked {
    /// Per member, scaled to a mean of 1.
    pub weights: Vec<f64>,
    pub iterations: usize,
}

/// Why raking could not give weights.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RakeError {
    #[error("field {field}: value {value} has a target of {target} but no member")]
    EmptyValue {
        field: usize,
        value: usize,
        target: f64,
    },
    #[error(
        "the margins did not converge within {MAX_ITERATIONS} iterations (largest miss {miss:e})"
    )]
    NoConvergence { miss: f64 },
}

/// Rake members to targets. `values` holds each member's value index on every field, one
/// member after the other (`values[m * fields + f]`, `fields` = `targets.len()`);
/// `targets[f][v]` is the target share of value v of field f (each field's targets sum to 1).
pub fn rake(values: &[usize], targets: &[Vec<f64>], cap: Option<f64>) -> Result<Raked, RakeError> {
    let fields = targets.len().max(1);
    // The cells: each distinct combination of values, with its member count.
    let mut cells: Vec<(Vec<usize>, f64)> = Vec::new();
    let mut cell_of = Vec::with_capacity(values.len() / fields);
    {
        let mut index: std::collections::BTreeMap<&[usize], usize> = Default::default();
        for v in values.chunks(fields) {
            let next = cells.len();
            let c = *index.entry(v).or_insert(next);
            if c == next {
                cells.push((v.to_vec(), 0.0));
            }
            cells[c].1 += 1.0;
            cell_of.push(c);
        }
    }
    let n = cell_of.len() as f64;
    for (f, t) in targets.iter().enumerate() {
        for (v, &target) in t.iter().enumerate() {
            if target > 0.0 && !cells.iter().any(|c| c.0[f] == v) {
                return Err(RakeError::EmptyValue {
                    field: f,
                    value: v,
                    target,
                });
            }
        }
    }
    let mut w = vec![1.0; cells.len()];
    // Weighted totals of every value of field f.
    let totals = |w: &[f64], f: usize| {
        let mut tot = vec![0.0; targets[f].len()];
        for (c, wc) in cells.iter().zip(w) {
            tot[c.0[f]] += c.1 * wc;
        }
        tot
    };
    let mut miss = f64::INFINITY;
    for iteration in 1..=MAX_ITERATIONS {
        for (f, t) in targets.iter().enumerate() {
            let tot = totals(&w, f);
            for (c, wc) in cells.iter().zip(w.iter_mut()) {
                let v = c.0[f];
                *wc = if tot[v] > 0.0 {
                    *wc * t[v] * n / tot[v]
                } else {
                    0.0
                };
            }
        }
        miss = (0..targets.len())
            .flat_map(|f| {
                let tot = totals(&w, f);
                targets[f]
                    .iter()
                    .zip(tot)
                    .map(|(t, x)| (x / n - t).abs())
                    .collect::<Vec<_>>()
            })
            .fold(0.0, f64::max);
        let mean = cells.iter().zip(&w).map(|(c, wc)| c.1 * wc).sum::<f64>() / n;
        let limit = cap.map(|k| k * mean);
        let over = limit.is_some_and(|l| w.iter().any(|&x| x > l * (1.0 + 1e-12)));
        if miss <= TOLERANCE && !over {
            let mean = cells.iter().zip(&w).map(|(c, wc)| c.1 * wc).sum::<f64>() / n;
            return Ok(Raked {
                weights: cell_of.iter().map(|&c| w[c] / mean).collect(),
                iterations: iteration,
            });
        }
        if let (Some(l), true) = (limit, over) {
            w.iter_mut().for_each(|x| *x = x.min(l));
        }
    }
    Err(RakeError::NoConvergence { miss })
}

//! Respondents → estimates: pure functions over slices (and over tallies of equal values, for
//! the analysis passes that do not collect the values), one statistic per file.
//!
//! Every function returns `None` (an empty cell in the tables) where the statistic is not
//! defined — no data, one observation, zero variance — never NaN.

pub mod correlation;
pub mod coverage;
pub mod dist;
pub mod gap;
pub mod mean;
pub mod multiple;
pub mod nps;
pub mod prec;
pub mod proportion;
pub mod rake;
pub mod relweight;
pub mod two_group;
pub mod weights;
pub mod wilcoxon;
pub mod words;

/// `x > 0`, false for NaN: the guard before dividing by a base or a variance.
pub fn is_positive(x: f64) -> bool {
    x > 0.0
}

/// Turn a non-finite number into `None`.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

//! Respondents → estimates: pure functions over slices, one statistic per file.
//!
//! Every function returns `None` (an empty cell in the tables) where the statistic is not
//! defined — no data, one observation, zero variance — never NaN.

pub mod dist;
pub mod gap;
pub mod mean;
pub mod multiple;
pub mod nps;
pub mod prec;
pub mod proportion;
pub mod weights;
pub mod wilcoxon;

/// Turn a non-finite number into `None`.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

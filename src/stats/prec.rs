//! Tolerances used when pinning results against scipy/statsmodels, kept in one place.

/// Agreement required of every statistic with its reference value (absolute, or relative for
/// magnitudes above 1).
pub const REFERENCE: f64 = 1e-9;

/// True when `a` and `b` agree to `tol` (absolute below 1, relative above).
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

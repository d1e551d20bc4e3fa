//! Two-group tests: Welch t on means, pooled two-proportion z on shares, chi-square test of
//! independence on categorical answers.

use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::dist::{t_two_sided_p, z_two_sided_p};
use super::is_positive;
use super::mean::MeanEstimate;

/// Result of a two-group test.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TestResult {
    /// Group a minus group b (means, shares; empty for chi-square).
    pub difference: Option<f64>,
    pub statistic: Option<f64>,
    pub df: Option<f64>,
    pub p_value: Option<f64>,
}

/// Welch's t-test: `t = (m_a − m_b)/√(s_a²/n_a + s_b²/n_b)`, Welch–Satterthwaite df
/// (Welch 1947; scipy `ttest_ind(equal_var=False)`). Weighted: Kish bases in place of n.
pub fn welch(a: &MeanEstimate, b: &MeanEstimate) -> TestResult {
    let (Some(ma), Some(mb)) = (a.mean, b.mean) else {
        return TestResult::default();
    };
    let mut out = TestResult {
        difference: Some(ma - mb),
        ..Default::default()
    };
    let (Some(sa), Some(sb)) = (a.sd, b.sd) else {
        return out;
    };
    let (va, vb) = (sa * sa / a.n_eff, sb * sb / b.n_eff);
    let se2 = va + vb;
    if !is_positive(se2) {
        return out;
    }
    let t = (ma - mb) / se2.sqrt();
    let df = se2 * se2 / (va * va / (a.n_eff - 1.0) + vb * vb / (b.n_eff - 1.0));
    out.statistic = Some(t);
    out.df = Some(df);
    out.p_value = t_two_sided_p(t, df);
    out
}

/// Pooled two-proportion z-test: `p = (x_a + x_b)/(n_a + n_b)`,
/// `z = (p_a − p_b)/√(p(1−p)(1/n_a + 1/n_b))` (statsmodels `proportions_ztest`).
pub fn two_proportion_z(p_a: f64, n_a: f64, p_b: f64, n_b: f64) -> TestResult {
    if !is_positive(n_a) || !is_positive(n_b) {
        return TestResult::default();
    }
    let mut out = TestResult {
        difference: Some(p_a - p_b),
        ..Default::default()
    };
    let pooled = (p_a * n_a + p_b * n_b) / (n_a + n_b);
    let se = (pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)).sqrt();
    if is_positive(se) {
        let z = (p_a - p_b) / se;
        out.statistic = Some(z);
        out.p_value = z_two_sided_p(z);
    }
    out
}

/// Chi-square test of independence on a table of counts (rows: groups, columns: answers), no
/// continuity correction; all-zero rows and columns are dropped
/// (scipy `chi2_contingency(correction=False)`).
pub fn chi_square(table: &[Vec<f64>]) -> TestResult {
    let rows: Vec<&Vec<f64>> = table
        .iter()
        .filter(|r| r.iter().sum::<f64>() > 0.0)
        .collect();
    let width = rows.first().map_or(0, |r| r.len());
    let cols: Vec<usize> = (0..width)
        .filter(|&j| rows.iter().map(|r| r[j]).sum::<f64>() > 0.0)
        .collect();
    if rows.len() < 2 || cols.len() < 2 {
        return TestResult::default();
    }
    let total: f64 = rows
        .iter()
        .map(|r| cols.iter().map(|&j| r[j]).sum::<f64>())
        .sum();
    let col_sums: Vec<f64> = cols
        .iter()
        .map(|&j| rows.iter().map(|r| r[j]).sum())
        .collect();
    let mut stat = 0.0;
    for r in &rows {
        let row_sum: f64 = cols.iter().map(|&j| r[j]).sum();
        for (k, &j) in cols.iter().enumerate() {
            let e = row_sum * col_sums[k] / total;
            stat += (r[j] - e).powi(2) / e;
        }
    }
    let df = ((rows.len() - 1) * (cols.len() - 1)) as f64;
    let p = ChiSquared::new(df).ok().map(|d| d.sf(stat));
    TestResult {
        difference: None,
        statistic: Some(stat),
        df: Some(df),
        p_value: p,
    }
}

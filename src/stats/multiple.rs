//! Multiple testing: Benjamini–Hochberg q-values.

/// Benjamini–Hochberg adjusted p-values (q-values) for the p-values present; `None` stays
/// `None` and does not count in m. `q_(i) = min_{k≥i} min(1, m·p_(k)/k)`
/// (Benjamini & Hochberg 1995; statsmodels `multipletests(method="fdr_bh")`).
pub fn bh_qvalues(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut idx: Vec<usize> = (0..p.len()).filter(|&i| p[i].is_some()).collect();
    let m = idx.len();
    let mut out = vec![None; p.len()];
    if m == 0 {
        return out;
    }
    idx.sort_by(|&a, &b| {
        p[a].unwrap_or(1.0)
            .total_cmp(&p[b].unwrap_or(1.0))
            .then(a.cmp(&b))
    });
    let mut running = 1.0f64;
    for (rank0, &i) in idx.iter().enumerate().rev() {
        let pv = p[i].unwrap_or(1.0);
        let q = (pv * m as f64 / (rank0 + 1) as f64).min(1.0);
        running = running.min(q);
        out[i] = Some(running);
    }
    out
}

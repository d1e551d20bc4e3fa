//! Trends (PRODUCT §6.11): every headline metric per period, with its change against the
//! previous period and the test of that change.

use std::collections::BTreeMap;

use super::earlier::Earlier;
use crate::analysis::{Summary, TrendRow};
use crate::stats::mean::MeanEstimate;
use crate::stats::multiple::bh_qvalues;
use crate::stats::nps::{nps_difference_z, NpsEstimate};
use crate::stats::two_group::{two_proportion_z, welch};

/// One point of a series, with what its test against the previous point needs.
#[derive(Debug, Clone)]
struct Point {
    value: Option<f64>,
    ci: (Option<f64>, Option<f64>),
    n: u64,
    stat: Stat,
}

#[derive(Debug, Clone)]
enum Stat {
    Share { p: f64, base: f64 },
    Mean(MeanEstimate),
    Nps(NpsEstimate),
}

type Key = (String, String, String, String);

fn mean_est(mean: Option<f64>, sd: Option<f64>, n: u64, base_eff: Option<f64>) -> MeanEstimate {
    MeanEstimate {
        n: n as usize,
        n_eff: base_eff.unwrap_or(n as f64),
        mean,
        sd,
        se: None,
        ci: None,
    }
}

/// Every series point of one period's summary.
fn points(s: &Summary) -> Vec<(Key, Point)> {
    let mut out = Vec::new();
    stage_mix_points(s, &mut out);
    conversion_points(s, &mut out);
    gap_points(s, &mut out);
    nps_points(s, &mut out);
    awareness_points(s, &mut out);
    out
}

/// A series' key: metric, segment, stage, attribute.
fn key(m: &str, seg: &str, st: &str, a: &str) -> Key {
    (
        m.to_string(),
        seg.to_string(),
        st.to_string(),
        a.to_string(),
    )
}

/// The share of each stage.
fn stage_mix_points(s: &Summary, out: &mut Vec<(Key, Point)>) {
    for r in &s.tables.stage_mix {
        let stat = Stat::Share {
            p: r.share.unwrap_or(0.0),
            base: r.base_eff.unwrap_or(r.base as f64),
        };
        out.push((
            key("stage share", &r.segment, &r.stage, ""),
            Point {
                value: r.share,
                ci: (r.ci_low, r.ci_high),
                n: r.base,
                stat,
            },
        ));
    }
}

/// The conversion rates.
fn conversion_points(s: &Summary, out: &mut Vec<(Key, Point)>) {
    for r in &s.tables.conversion {
        let stat = Stat::Share {
            p: r.share.unwrap_or(0.0),
            base: r.base_eff.unwrap_or(r.denominator as f64),
        };
        out.push((
            key(&r.metric, &r.segment, "", ""),
            Point {
                value: r.share,
                ci: (r.ci_low, r.ci_high),
                n: r.denominator,
                stat,
            },
        ));
    }
}

/// The mean gap of each attribute at each stage.
fn gap_points(s: &Summary, out: &mut Vec<(Key, Point)>) {
    for r in &s.tables.gaps {
        let stat = Stat::Mean(mean_est(r.gap_mean, r.gap_sd, r.n, r.base_eff));
        out.push((
            key("mean gap", &r.segment, &r.stage, &r.attribute),
            Point {
                value: r.gap_mean,
                ci: (r.gap_ci_low, r.gap_ci_high),
                n: r.n,
                stat,
            },
        ));
    }
}

/// NPS at each stage.
fn nps_points(s: &Summary, out: &mut Vec<(Key, Point)>) {
    for r in &s.tables.nps {
        let n_eff = r.base_eff.unwrap_or(r.n as f64);
        let est = NpsEstimate {
            n: r.n as usize,
            n_eff,
            nps: r.nps,
            variance: r.variance,
            ..Default::default()
        };
        out.push((
            key("nps", &r.segment, &r.stage, ""),
            Point {
                value: r.nps,
                ci: (r.nps_ci_low, r.nps_ci_high),
                n: r.n,
                stat: Stat::Nps(est),
            },
        ));
    }
}

/// How many services each stage knows of, and the typecast rate.
fn awareness_points(s: &Summary, out: &mut Vec<(Key, Point)>) {
    for r in &s.tables.awareness_breadth {
        let stat = Stat::Mean(mean_est(r.breadth_mean, r.breadth_sd, r.n, None));
        out.push((
            key("awareness breadth", &r.segment, &r.stage, ""),
            Point {
                value: r.breadth_mean,
                ci: (r.breadth_ci_low, r.breadth_ci_high),
                n: r.n,
                stat,
            },
        ));
        if let Some(rate) = r.typecast_rate {
            let stat = Stat::Share {
                p: rate,
                base: r.typecast_n as f64,
            };
            out.push((
                key("typecast rate", &r.segment, &r.stage, ""),
                Point {
                    value: Some(rate),
                    ci: (r.typecast_ci_low, r.typecast_ci_high),
                    n: r.typecast_n,
                    stat,
                },
            ));
        }
    }
}

/// The test of a change between two points: its name and p-value.
fn test(prev: &Point, cur: &Point) -> (&'static str, Option<f64>) {
    match (&prev.stat, &cur.stat) {
        (Stat::Share { p: a, base: na }, Stat::Share { p: b, base: nb }) => (
            "two-proportion z",
            two_proportion_z(*b, *nb, *a, *na).p_value,
        ),
        (Stat::Mean(a), Stat::Mean(b)) => ("welch t", welch(b, a).p_value),
        (Stat::Nps(a), Stat::Nps(b)) => (
            "nps z",
            nps_difference_z(b, a).and_then(crate::stats::dist::z_two_sided_p),
        ),
        _ => ("", None),
    }
}

/// The trends table over the earlier periods and the current one.
pub fn trends(earlier: &[Earlier], current: &Summary) -> Vec<TrendRow> {
    let alpha = 1.0 - current.confidence;
    let mut series: BTreeMap<Key, Vec<(String, Point)>> = BTreeMap::new();
    for (period, s) in earlier
        .iter()
        .map(|e| (&e.period, &e.summary))
        .chain(std::iter::once((&current.period, current)))
    {
        for (k, p) in points(s) {
            series.entry(k).or_default().push((period.clone(), p));
        }
    }
    let mut rows = Vec::new();
    for ((metric, segment, stage, attribute), pts) in &series {
        for (i, (period, p)) in pts.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| &pts[j].1);
            let (test_name, p_value) = prev.map_or(("", None), |q| test(q, p));
            rows.push(TrendRow {
                metric: metric.clone(),
                segment: segment.clone(),
                stage: stage.clone(),
                attribute: attribute.clone(),
                period: period.clone(),
                value: p.value,
                ci_low: p.ci.0,
                ci_high: p.ci.1,
                n: p.n,
                change_vs_previous: prev.and_then(|q| Some(p.value? - q.value?)),
                test: test_name.into(),
                p_value,
                q_value: None,
                significant: false,
            });
        }
    }
    let q = bh_qvalues(&rows.iter().map(|r| r.p_value).collect::<Vec<_>>());
    for (r, q) in rows.iter_mut().zip(q) {
        r.q_value = q;
        r.significant = q.is_some_and(|q| q < alpha);
    }
    rows
}

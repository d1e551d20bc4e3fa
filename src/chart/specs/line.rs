//! Trend line specs: every headline metric per period.

use super::{Section, ValueFormat};
use crate::analysis::Summary;
use crate::stage::Stage;

/// One point of a trend line: value, interval, and whether the change from the previous period
/// is significant.
pub type TrendPoint = (f64, Option<(f64, f64)>, bool);

/// One line of a trend chart: a value (with interval) per period, or a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub rgb: (u8, u8, u8),
    /// Per period: value, interval, and whether the change from the previous period is significant.
    pub points: Vec<Option<TrendPoint>>,
    /// The base of the latest point, shown beside the line's label.
    pub last_n: u64,
}

/// A trend chart: periods across, one line per stage (or attribute).
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub name: String,
    /// The report section it is shown in.
    pub section: Section,
    pub title: String,
    pub subtitle: String,
    pub y_label: String,
    pub periods: Vec<String>,
    pub series: Vec<Series>,
    pub y_range: (f64, f64),
    pub format: ValueFormat,
    pub notes: Vec<String>,
}

/// Distinct colours for attribute lines (Paul Tol's muted scheme), apart from the stage colours.
const ATTRIBUTE_COLOURS: [(u8, u8, u8); 9] = [
    (51, 34, 136),
    (40, 140, 190),
    (68, 170, 153),
    (17, 119, 51),
    (153, 153, 51),
    (170, 136, 0),
    (204, 102, 119),
    (136, 34, 85),
    (170, 68, 153),
];

fn periods(s: &Summary) -> Vec<String> {
    let mut p: Vec<String> = s.tables.trends.iter().map(|t| t.period.clone()).collect();
    p.sort();
    p.dedup();
    p
}

/// A series from the trend rows that `pick` selects.
fn series(
    s: &Summary,
    periods: &[String],
    label: String,
    rgb: (u8, u8, u8),
    pick: &dyn Fn(&crate::analysis::TrendRow) -> bool,
) -> Option<Series> {
    let points: Vec<Option<TrendPoint>> = periods
        .iter()
        .map(|p| {
            s.tables
                .trends
                .iter()
                .find(|t| &t.period == p && t.segment == "all" && pick(t))
                .and_then(|t| t.value.map(|v| (v, t.ci_low.zip(t.ci_high), t.significant)))
        })
        .collect();
    let last_n = periods
        .iter()
        .rev()
        .find_map(|p| {
            s.tables
                .trends
                .iter()
                .find(|t| &t.period == p && t.segment == "all" && pick(t) && t.value.is_some())
        })
        .map_or(0, |t| t.n);
    points.iter().any(Option::is_some).then_some(Series {
        label: super::short(&label),
        rgb,
        points,
        last_n,
    })
}

fn range(series: &[Series], pad: f64, clamp: (f64, f64)) -> (f64, f64) {
    let vals = series
        .iter()
        .flat_map(|s| s.points.iter().flatten())
        .flat_map(|(v, ci, _)| [Some(*v), ci.map(|c| c.0), ci.map(|c| c.1)])
        .flatten();
    let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return clamp;
    }
    let span = (hi - lo).max(pad);
    (
        (lo - span * 0.15).max(clamp.0),
        (hi + span * 0.15).min(clamp.1),
    )
}

/// Trend charts, when the report folder holds more than one period.
pub fn trend_charts(s: &Summary) -> Vec<LineChart> {
    let periods = periods(s);
    if periods.len() < 2 {
        return Vec::new();
    }
    let span = format!("{} to {}", periods[0], periods[periods.len() - 1]);
    let sig = "Filled markers: the change from the previous period is significant (q < 0.05)."
        .to_string();
    let by_stage = |metric: &str| -> Vec<Series> {
        Stage::ALL
            .iter()
            .filter_map(|st| {
                series(s, &periods, s.stage_label(st.key()), st.rgb(), &|t| {
                    t.metric == metric && t.stage == st.key() && t.attribute.is_empty()
                })
            })
            .collect()
    };
    let mut out = Vec::new();
    let mix = by_stage("stage share");
    if !mix.is_empty() {
        out.push(LineChart {
            name: "trend_stage_mix".into(),
            section: Section::History,
            title: format!("Stage mix over time, {span}"),
            subtitle: "Share of classified respondents in each stage, with Wilson intervals".into(),
            y_label: "Share of respondents (%)".into(),
            y_range: range(&mix, 0.1, (0.0, 1.0)),
            periods: periods.clone(),
            series: mix,
            format: ValueFormat::Percent,
            notes: vec![sig.clone()],
        });
    }
    let nps = by_stage("nps");
    if !nps.is_empty() {
        out.push(LineChart {
            name: "trend_nps".into(),
            section: Section::History,
            title: format!("Net Promoter Score by stage, {span}"),
            subtitle: "With adjusted-Wald intervals".into(),
            y_label: "NPS (−100 to +100)".into(),
            y_range: range(&nps, 20.0, (-100.0, 100.0)),
            periods: periods.clone(),
            series: nps,
            format: ValueFormat::SignedInt,
            notes: vec![sig.clone()],
        });
    }
    out.extend(
        Stage::ALL
            .iter()
            .filter_map(|&st| gap_trend(s, &periods, st, &span, &sig)),
    );
    out
}

/// One stage's mean gaps over time, a line per attribute.
fn gap_trend(
    s: &Summary,
    periods: &[String],
    st: Stage,
    span: &str,
    sig: &str,
) -> Option<LineChart> {
    let mut attrs: Vec<String> = s
        .tables
        .trends
        .iter()
        .filter(|t| t.metric == "mean gap" && t.stage == st.key())
        .map(|t| t.attribute.clone())
        .collect();
    attrs.dedup();
    let mut uniq = Vec::new();
    for a in attrs {
        if !uniq.contains(&a) {
            uniq.push(a);
        }
    }
    let lines: Vec<Series> = uniq
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            series(
                s,
                periods,
                a.clone(),
                ATTRIBUTE_COLOURS[i % ATTRIBUTE_COLOURS.len()],
                &|t| t.metric == "mean gap" && t.stage == st.key() && &t.attribute == a,
            )
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    Some(LineChart {
        name: format!("trend_gaps_{}", st.key()),
        section: Section::History,
        title: format!(
            "{}: experience − expectation over time, {span}",
            s.stage_label(st.key())
        ),
        subtitle: "Mean gap per attribute with t intervals; below zero the firm falls short".into(),
        y_label: "Mean gap (scale points)".into(),
        y_range: range(&lines, 0.5, (f64::NEG_INFINITY, f64::INFINITY)),
        periods: periods.to_vec(),
        series: lines,
        format: ValueFormat::Signed2,
        notes: vec![sig.to_string()],
    })
}

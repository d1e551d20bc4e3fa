//! Scatter specs: the importance–performance quadrant per stage, and the drivers chart
//! (derived against stated importance).

use super::{label, Section};
use crate::analysis::Summary;
use crate::stage::Stage;

/// One labelled point.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The attribute, with its base: `Relevant expertise (n=90)`.
    pub label: String,
    pub x: f64,
    pub y: f64,
    /// Drawn hollow when the base is below the minimum.
    pub low_base: bool,
}

/// A scatter chart with crosshairs and quadrant names.
#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    pub name: String,
    /// The report section it is shown in.
    pub section: Section,
    pub title: String,
    pub subtitle: String,
    pub x_label: String,
    pub y_label: String,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    pub rgb: (u8, u8, u8),
    pub points: Vec<Point>,
    /// Crosshairs at (x, y).
    pub crosshair: Option<(f64, f64)>,
    /// Quadrant names: top-left, top-right, bottom-left, bottom-right.
    pub quadrants: [String; 4],
    pub notes: Vec<String>,
}

fn padded(values: impl Iterator<Item = f64> + Clone, min_span: f64) -> (f64, f64) {
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.15).max(min_span / 2.0);
    (lo - pad, hi + pad)
}

/// IPA per stage: performance across, importance up.
pub fn ipa(s: &Summary) -> Vec<Scatter> {
    let mut out = Vec::new();
    for st in Stage::ALL {
        let rows: Vec<_> = s
            .tables
            .ipa
            .iter()
            .filter(|r| r.segment == "all" && r.stage == st.key())
            .collect();
        let (Some(first), true) = (rows.first(), rows.len() >= 2) else {
            continue;
        };
        let points: Vec<Point> = rows
            .iter()
            .filter_map(|r| {
                let n = r.n_importance.min(r.n_performance);
                Some(Point {
                    label: format!("{} (n={n})", super::short(&r.attribute)),
                    x: r.performance_mean?,
                    y: r.importance_mean?,
                    low_base: (n as f64) < s.min_base,
                })
            })
            .collect();
        let cross = first.crosshair_performance.zip(first.crosshair_importance);
        let xs = points.iter().map(|p| p.x).chain(cross.map(|c| c.0));
        let ys = points.iter().map(|p| p.y).chain(cross.map(|c| c.1));
        out.push(Scatter {
            name: format!("ipa_{}", st.key()),
            section: Section::Gaps,
            title: format!(
                "{}: importance against performance — {}",
                label(s, st.key()),
                s.period
            ),
            subtitle: format!(
                "Each attribute's mean ratings; crosshairs at the {}",
                first.rule
            ),
            x_label: "Performance (mean experience rating)".into(),
            y_label: "Importance (mean expectation rating)".into(),
            x_range: padded(xs, 0.6),
            y_range: padded(ys, 0.6),
            rgb: st.rgb(),
            points,
            crosshair: cross,
            quadrants: [
                "Concentrate here",
                "Keep up the good work",
                "Low priority",
                "Possible overkill",
            ]
            .map(String::from),
            notes: vec![
                format!("A point on a crosshair counts as high. Hollow points: base below {:.0}, read with caution.", s.min_base),
                "n: the smaller of the attribute's two bases; each mean counts everyone who rated that item (the gap chart counts those who rated both).".into(),
            ],
        });
    }
    out
}

/// Drivers over everyone classified: stated importance across, correlation with recommending up.
pub fn drivers(s: &Summary) -> Option<Scatter> {
    let rows: Vec<_> = s
        .tables
        .drivers
        .iter()
        .filter(|r| r.segment == "all" && r.stage == "all")
        .collect();
    let points: Vec<Point> = rows
        .iter()
        .filter_map(|r| {
            Some(Point {
                label: format!("{} (n={})", super::short(&r.attribute), r.n),
                x: r.stated_importance_mean?,
                y: r.r?,
                low_base: r.low_base,
            })
        })
        .collect();
    if points.len() < 2 {
        return None;
    }
    let k = points.len() as f64;
    let cross = (
        points.iter().map(|p| p.x).sum::<f64>() / k,
        points.iter().map(|p| p.y).sum::<f64>() / k,
    );
    Some(Scatter {
        name: "drivers".into(),
        section: Section::Advocacy,
        title: format!("What drives recommendation — {}", s.period),
        subtitle: "Correlation of each attribute's experience rating with likelihood to recommend, against its stated importance".into(),
        x_label: "Stated importance (mean expectation rating)".into(),
        y_label: "Derived importance (Pearson r)".into(),
        x_range: padded(points.iter().map(|p| p.x), 0.6),
        y_range: padded(points.iter().map(|p| p.y).chain([0.0]), 0.2),
        rgb: (60, 60, 60),
        points,
        crosshair: Some(cross),
        quadrants: ["Hidden drivers", "Key drivers", "Lower priority", "Stated only"].map(String::from),
        notes: vec![format!("Crosshairs at the means over the attributes; all classified respondents. Hollow points: base below {:.0}.", s.min_base)],
    })
}

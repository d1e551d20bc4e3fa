//! Scatter specs: the importance–performance quadrant per stage, and the drivers chart
//! (derived against stated importance).

use super::Section;
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
    Stage::ALL.iter().filter_map(|&st| ipa_of(s, st)).collect()
}

/// One stage's IPA, when it has two attributes or more.
fn ipa_of(s: &Summary, st: Stage) -> Option<Scatter> {
    let rows: Vec<_> = s
        .tables
        .ipa
        .iter()
        .filter(|r| r.segment == "all" && r.stage == st.key())
        .collect();
    let (Some(first), true) = (rows.first(), rows.len() >= 2) else {
        return None;
    };
    let derived = first.importance == "derived";
    let points: Vec<Point> = rows
        .iter()
        .filter_map(|r| {
            let n = r.n_importance.min(r.n_performance);
            Some(Point {
                // Derived importance has one base, the complete answers, said in the note.
                label: if derived {
                    super::short(&r.attribute)
                } else {
                    format!("{} (n={n})", super::short(&r.attribute))
                },
                x: r.performance_mean?,
                y: r.importance_mean?,
                low_base: (n as f64) < s.min_base,
            })
        })
        .collect();
    let cross = first.crosshair_performance.zip(first.crosshair_importance);
    let xs = points.iter().map(|p| p.x).chain(cross.map(|c| c.0));
    let ys = points.iter().map(|p| p.y).chain(cross.map(|c| c.1));
    Some(Scatter {
        name: format!("ipa_{}", st.key()),
        section: Section::Gaps,
        title: format!(
            "{}: importance against performance — {}",
            s.stage_label(st.key()),
            s.period
        ),
        subtitle: if derived {
            format!(
                "Importance: each attribute's share of R² in recommending; performance: its mean rating; crosshairs at the {}",
                first.rule
            )
        } else {
            format!(
                "Each attribute's mean ratings; crosshairs at the {}",
                first.rule
            )
        },
        x_label: "Performance (mean experience rating)".into(),
        y_label: if derived {
            "Importance (share of R² in recommending)"
        } else {
            "Importance (mean expectation rating)"
        }
        .into(),
        x_range: padded(xs, 0.6),
        y_range: padded(ys, if derived { 0.1 } else { 0.6 }),
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
            if derived {
                format!("Importance: relative weights (Johnson 2000) of the experience ratings in likelihood to recommend, over the {} who rated them all.", first.n_importance)
            } else {
                "n: the smaller of the attribute's two bases; each mean counts everyone who rated that item (the gap chart counts those who rated both).".into()
            },
        ],
    })
}

/// One attribute's derived importance over everyone classified: its relative-weight share of
/// R² (when `shares`), else its Pearson r; with its base and whether that base is low.
pub(crate) struct Derived<'a> {
    pub(crate) row: &'a crate::analysis::DriverRow,
    pub(crate) value: f64,
    pub(crate) n: u64,
    pub(crate) low_base: bool,
}

/// The attributes' derived importance over everyone classified, and whether it is the
/// relative-weight share (else Pearson r, when too few rated every attribute for weights).
pub(crate) fn derived(s: &Summary) -> (Vec<Derived<'_>>, bool) {
    let rows = s
        .tables
        .drivers
        .iter()
        .filter(|r| r.segment == "all" && r.stage == "all");
    let shares = rows.clone().any(|r| r.relative_weight_share.is_some());
    let out = rows
        .filter_map(|row| {
            Some(if shares {
                Derived {
                    row,
                    value: row.relative_weight_share?,
                    n: row.n_complete,
                    low_base: (row.n_complete as f64) < s.min_base,
                }
            } else {
                Derived {
                    row,
                    value: row.r?,
                    n: row.n,
                    low_base: row.low_base,
                }
            })
        })
        .collect();
    (out, shares)
}

/// Drivers over everyone classified, when the attributes have stated importance: stated
/// importance across, derived importance up (the relative-weight share, else Pearson r).
/// Without stated importance the drivers chart is a bar chart ([`super::bar::drivers`]).
pub fn drivers(s: &Summary) -> Option<Scatter> {
    let (rows, shares) = derived(s);
    let points: Vec<Point> = rows
        .iter()
        .filter_map(|d| {
            Some(Point {
                // With relative weights every point has the same base, said in the subtitle.
                label: if shares {
                    super::short(&d.row.attribute)
                } else {
                    format!("{} (n={})", super::short(&d.row.attribute), d.n)
                },
                x: d.row.stated_importance_mean?,
                y: d.value,
                low_base: d.low_base,
            })
        })
        .collect();
    // Attributes rated on experience only have no place across: named under the chart.
    let unplaced: Vec<String> = rows
        .iter()
        .filter(|d| d.row.stated_importance_mean.is_none())
        .map(|d| {
            if shares {
                format!("{} {:.1}%", d.row.attribute, d.value * 100.0)
            } else {
                format!("{} r = {:.2}", d.row.attribute, d.value)
            }
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
    let (subtitle, y_label, min_span) = if shares {
        (
            format!(
                "Each attribute's share of R² = {:.2} in likelihood to recommend (Johnson's relative weights, {} complete answers), against its stated importance",
                rows[0].row.r_squared.unwrap_or(0.0),
                rows[0].n
            ),
            "Derived importance (share of R²)",
            0.1,
        )
    } else {
        (
            "Correlation of each attribute's experience rating with likelihood to recommend, against its stated importance".to_string(),
            "Derived importance (Pearson r)",
            0.2,
        )
    };
    Some(Scatter {
        name: "drivers".into(),
        section: Section::Advocacy,
        title: format!("What drives recommendation — {}", s.period),
        subtitle,
        x_label: "Stated importance (mean expectation rating)".into(),
        y_label: y_label.into(),
        x_range: padded(points.iter().map(|p| p.x), 0.6),
        y_range: padded(points.iter().map(|p| p.y).chain([0.0]), min_span),
        rgb: (60, 60, 60),
        points,
        crosshair: Some(cross),
        quadrants: ["Hidden drivers", "Key drivers", "Lower priority", "Stated only"].map(String::from),
        notes: std::iter::once(format!("Crosshairs at the means over the attributes; all classified respondents. Hollow points: base below {:.0}.", s.min_base))
            .chain((!unplaced.is_empty()).then(|| format!("Rated on experience only, not placed (derived importance): {}.", unplaced.join("; "))))
            .collect(),
    })
}

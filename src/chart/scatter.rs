//! Scatter charts: the importance–performance quadrant per stage and the drivers chart
//! (derived against stated importance). Labels are placed greedily so that none overlaps.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw::FONT;
use super::draw_more::{frame, render};
use super::spec::label;
use super::ChartError;
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
                    label: format!("{} (n={n})", r.attribute),
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
            notes: vec![format!("A point on a crosshair counts as high. Hollow points: base below {:.0}, read with caution.", s.min_base)],
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
                label: format!("{} (n={})", r.attribute, r.n),
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

/// A tick label with as many decimals as the axis span needs; never `-0`.
fn tick(v: f64, (lo, hi): (f64, f64)) -> String {
    super::draw::fixed(v, if hi - lo < 1.0 { 2 } else { 1 })
}

type Boxed = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// A scatter chart as SVG text.
pub fn svg(c: &Scatter, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    super::draw_more::render_svg(size, |root| draw(root, c))
}

/// A scatter chart as PNG bytes.
pub fn png(c: &Scatter, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render(size, |root| draw(root, c))
}

/// A box in pixels: left, top, right, bottom.
type Bbox = (i32, i32, i32, i32);

fn overlaps(a: Bbox, b: Bbox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The size in pixels that `text` takes in `font` (a guess when the font cannot tell).
fn text_size<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    font: &plotters::style::TextStyle,
) -> (i32, i32) {
    root.estimate_text_size(text, font)
        .map(|(w, h)| (w as i32, h as i32))
        .unwrap_or((100, 20))
}

/// Where each point's label goes: the box of a label of `sizes[i]` near `points[i]`, inside
/// `plot` and clear of the points (radius `r`), of `taken` and of the labels placed before it,
/// trying the highest points first, at growing distances (steps of `step`) to the right, left,
/// above, below and the diagonals. Boxes in `soft` (the crosshair lines) are kept clear of too
/// where a place allows, else crossed. A label with no clear place goes beside its point on
/// the side where it stays inside the plot.
fn place_labels(
    points: &[(i32, i32)],
    sizes: &[(i32, i32)],
    plot: Bbox,
    mut taken: Vec<Bbox>,
    soft: &[Bbox],
    (r, step): (i32, i32),
) -> Vec<Bbox> {
    taken.extend(points.iter().map(|&(x, y)| (x - r, y - r, x + r, y + r)));
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&i| (points[i].1, i));
    let mut out = vec![(0, 0, 0, 0); points.len()];
    for i in order {
        let ((x, y), (tw, th)) = (points[i], sizes[i]);
        let inside = |b: Bbox| b.0 >= plot.0 && b.2 <= plot.2 && b.1 >= plot.1 && b.3 <= plot.3;
        let clear = |b: Bbox, avoid: &[Bbox]| !avoid.iter().any(|t| overlaps(*t, b));
        let search = |with_soft: bool| {
            (0..6).find_map(|k| {
                let d = step + k * step;
                [
                    (d, -th / 2),
                    (-d - tw, -th / 2),
                    (-tw / 2, -d - th),
                    (-tw / 2, d),
                    (d, -d - th / 2),
                    (d, d - th / 2),
                    (-d - tw, -d),
                    (-d - tw, d),
                ]
                .into_iter()
                .map(|(ox, oy)| (x + ox, y + oy, x + ox + tw, y + oy + th))
                .find(|&b| inside(b) && clear(b, &taken) && (!with_soft || clear(b, soft)))
            })
        };
        let placed = search(true).or_else(|| search(false));
        let bx = placed.unwrap_or_else(|| {
            let left = if x + step + tw <= plot.2 {
                x + step
            } else {
                (x - step - tw).max(plot.0)
            };
            (left, y - th / 2, left + tw, y - th / 2 + th)
        });
        taken.push(bx);
        out[i] = bx;
    }
    out
}

fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, c: &Scatter) -> Boxed
where
    DB::ErrorType: 'static,
{
    let (_, h) = root.dim_in_pixel();
    let px = |x: f64| (x * h as f64 / 900.0).round() as i32;
    let plot = frame(root, &c.title, &c.subtitle, &c.notes)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(40.0))
        .margin_right(px(60.0))
        .margin_top(px(10.0))
        .x_label_area_size(px(70.0))
        .y_label_area_size(px(90.0))
        .build_cartesian_2d(c.x_range.0..c.x_range.1, c.y_range.0..c.y_range.1)?;
    chart
        .configure_mesh()
        .x_desc(c.x_label.as_str())
        .y_desc(c.y_label.as_str())
        .axis_desc_style((FONT, px(22.0) as f64))
        .label_style((FONT, px(20.0) as f64))
        .x_label_formatter(&|x| tick(*x, c.x_range))
        .y_label_formatter(&|y| tick(*y, c.y_range))
        .light_line_style(RGBColor(240, 240, 240))
        .draw()?;
    let (x0, x1, y0, y1) = (c.x_range.0, c.x_range.1, c.y_range.0, c.y_range.1);
    let quad_font = (FONT, px(24.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(150, 150, 150));
    // Boxes (left, top, right, bottom, in pixels) that point labels keep clear of, and the
    // crosshair lines', which they keep clear of where they can.
    let mut taken: Vec<Bbox> = Vec::new();
    let mut soft: Vec<Bbox> = Vec::new();
    // The plot's top-left and bottom-right corners, in pixels.
    let (pa, pb) = (
        chart.backend_coord(&(x0, y1)),
        chart.backend_coord(&(x1, y0)),
    );
    if let Some((cx, cy)) = c.crosshair {
        let dash = RGBColor(120, 120, 120).stroke_width(2);
        chart.draw_series([
            PathElement::new(vec![(cx, y0), (cx, y1)], dash),
            PathElement::new(vec![(x0, cy), (x1, cy)], dash),
        ])?;
        let (lx, ly) = chart.backend_coord(&(cx, cy));
        soft.push((lx - 2, pa.1, lx + 2, pb.1));
        soft.push((pa.0, ly - 2, pb.0, ly + 2));
        let corners = [
            ((x0, y1), HPos::Left, VPos::Top),
            ((x1, y1), HPos::Right, VPos::Top),
            ((x0, y0), HPos::Left, VPos::Bottom),
            ((x1, y0), HPos::Right, VPos::Bottom),
        ];
        for (name, ((x, y), hp, vp)) in c.quadrants.iter().zip(corners) {
            let (bx, by) = chart.backend_coord(&(x, y));
            let dx = if matches!(hp, HPos::Left) {
                px(12.0)
            } else {
                -px(12.0)
            };
            let dy = if matches!(vp, VPos::Top) {
                px(10.0)
            } else {
                -px(10.0)
            };
            let (ax, ay) = (bx + dx, by + dy);
            let (tw, th) = text_size(root, name, &quad_font);
            let left = if matches!(hp, HPos::Left) {
                ax
            } else {
                ax - tw
            };
            let top = if matches!(vp, VPos::Top) { ay } else { ay - th };
            taken.push((left, top, left + tw, top + th));
            root.draw(&Text::new(
                name.clone(),
                (ax, ay),
                quad_font.clone().pos(Pos::new(hp, vp)),
            ))?;
        }
    }
    let colour = RGBColor(c.rgb.0, c.rgb.1, c.rgb.2);
    let r = px(10.0);
    for p in &c.points {
        let style = if p.low_base {
            colour.stroke_width(3)
        } else {
            colour.filled()
        };
        chart.draw_series(std::iter::once(Circle::new((p.x, p.y), r, style)))?;
    }
    let font = |t: &str| {
        (super::draw::family(t), px(21.0) as f64)
            .into_font()
            .color(&BLACK)
    };
    let points: Vec<(i32, i32)> = c
        .points
        .iter()
        .map(|p| chart.backend_coord(&(p.x, p.y)))
        .collect();
    let sizes: Vec<(i32, i32)> = c
        .points
        .iter()
        .map(|p| text_size(root, &p.label, &font(&p.label)))
        .collect();
    let boxes = place_labels(
        &points,
        &sizes,
        (pa.0, pa.1, pb.0, pb.1),
        taken,
        &soft,
        (r, px(14.0)),
    );
    for ((p, &(x, y)), bx) in c.points.iter().zip(&points).zip(boxes) {
        // A label not right beside its point gets a leader line to the nearest point of its
        // box (a line to its middle would cross its text).
        let near = (x.max(bx.0).min(bx.2), y.max(bx.1).min(bx.3));
        if (near.0 - x).abs() > px(20.0) || (near.1 - y).abs() > px(20.0) {
            root.draw(&PathElement::new(
                vec![(x, y), near],
                RGBColor(170, 170, 170).stroke_width(1),
            ))?;
        }
        root.draw(&Text::new(
            p.label.clone(),
            (bx.0, bx.1),
            font(&p.label).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: Bbox = (100, 100, 1500, 800);

    fn inside(b: Bbox) -> bool {
        b.0 >= PLOT.0 && b.2 <= PLOT.2 && b.1 >= PLOT.1 && b.3 <= PLOT.3
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_point() {
        // On the right it would end 34 pixels past the plot's edge.
        let boxes = place_labels(&[(1300, 400)], &[(220, 24)], PLOT, vec![], &[], (10, 14));
        let b = boxes[0];
        assert!(inside(b), "{b:?}");
        assert!(b.2 <= 1300 - 10, "left of the point: {b:?}");
        let boxes = place_labels(&[(400, 400)], &[(300, 24)], PLOT, vec![], &[], (10, 14));
        assert_eq!(boxes[0].0, 414, "room on the right: beside it there");
    }

    #[test]
    fn labels_keep_clear_of_points_corner_names_and_each_other() {
        // A crowded cluster, a point under a corner name, and a point at the right edge.
        let points = [
            (700, 400),
            (720, 410),
            (690, 420),
            (710, 395),
            (1480, 110),
            (1490, 790),
        ];
        let sizes = [(260, 24); 6];
        let corner = (1250, 110, 1490, 140);
        let boxes = place_labels(&points, &sizes, PLOT, vec![corner], &[], (10, 14));
        for (i, a) in boxes.iter().enumerate() {
            assert!(inside(*a), "label {i} inside the plot: {a:?}");
            assert!(!overlaps(*a, corner), "label {i} clear of the corner name");
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                assert!(!overlaps(*a, *b), "labels {i} and {j} overlap");
            }
            for &(x, y) in &points {
                assert!(!overlaps(*a, (x - 10, y - 10, x + 10, y + 10)), "label {i}");
            }
        }
    }

    #[test]
    fn a_label_with_no_clear_place_stays_inside_beside_its_point() {
        // Wider than the plot allows on either side at every distance tried.
        let plot = (0, 0, 400, 100);
        let boxes = place_labels(&[(380, 50)], &[(300, 90)], plot, vec![], &[], (10, 14));
        let b = boxes[0];
        assert!(b.2 <= 400 && b.0 >= 0, "{b:?}");
    }

    #[test]
    fn labels_keep_clear_of_the_crosshairs_where_they_can() {
        // Right of its point the label would cross the vertical line at x = 500; left of it
        // there is room.
        let lines = [(498, 100, 502, 800), (100, 598, 1500, 602)];
        let boxes = place_labels(&[(470, 400)], &[(200, 24)], PLOT, vec![], &lines, (10, 14));
        let b = boxes[0];
        assert!(inside(b) && !lines.iter().any(|l| overlaps(*l, b)), "{b:?}");
        assert!(b.2 <= 460, "left of the point: {b:?}");
        // Where every place tried crosses a line, the label goes where it would without them.
        let everywhere = [(100, 100, 1500, 800)];
        let crossed = place_labels(
            &[(470, 400)],
            &[(200, 24)],
            PLOT,
            vec![],
            &everywhere,
            (10, 14),
        );
        let free = place_labels(&[(470, 400)], &[(200, 24)], PLOT, vec![], &[], (10, 14));
        assert_eq!(crossed, free);
        assert_eq!(free[0].0, 484, "beside it on the right");
    }
}

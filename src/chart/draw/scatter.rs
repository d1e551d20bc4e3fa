//! Scatter charts with crosshairs and quadrant names. Labels are placed greedily so that none
//! overlaps a point, a quadrant name or another label.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use plotters::coord::types::RangedCoordf64;

use super::canvas::{family, fixed, frame, plot_svg, FONT};
use crate::chart::specs::Scatter;
use crate::chart::ChartError;

/// A tick label with as many decimals as the axis span needs; never `-0`.
fn tick(v: f64, (lo, hi): (f64, f64)) -> String {
    fixed(v, if hi - lo < 1.0 { 2 } else { 1 })
}

type Boxed = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Draw the chart as plotters' SVG of `size` pixels, its text named by family (the canvas
/// typesets it into both the PNG and the outlined SVG).
pub fn plot(c: &Scatter, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    plot_svg(size, |root| draw(root, c))
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

/// The crosshair lines and the quadrant names in the corners. Gives the boxes (left, top,
/// right, bottom, in pixels) that point labels keep clear of: the quadrant names, and the
/// crosshair lines', kept clear of where a place allows.
fn draw_crosshairs<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &mut ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    c: &Scatter,
    (pa, pb): ((i32, i32), (i32, i32)),
) -> Result<(Vec<Bbox>, Vec<Bbox>), Box<dyn std::error::Error + Send + Sync>>
where
    DB::ErrorType: 'static,
{
    let (_, h) = root.dim_in_pixel();
    let px = |x: f64| (x * h as f64 / 900.0).round() as i32;
    let (x0, x1, y0, y1) = (c.x_range.0, c.x_range.1, c.y_range.0, c.y_range.1);
    let quad_font = (FONT, px(24.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(150, 150, 150));
    // Boxes (left, top, right, bottom, in pixels) that point labels keep clear of, and the
    // crosshair lines', which they keep clear of where they can.
    let mut taken: Vec<Bbox> = Vec::new();
    let mut soft: Vec<Bbox> = Vec::new();
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
    Ok((taken, soft))
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
    // The plot's top-left and bottom-right corners, in pixels.
    let (pa, pb) = (
        chart.backend_coord(&(c.x_range.0, c.y_range.1)),
        chart.backend_coord(&(c.x_range.1, c.y_range.0)),
    );
    let (taken, soft) = draw_crosshairs(root, &mut chart, c, (pa, pb))?;
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
    let font = |t: &str| (family(t), px(21.0) as f64).into_font().color(&BLACK);
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

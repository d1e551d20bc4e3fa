//! Trend line charts: a line per series over the periods, labels at the line ends.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{family, fit, frame, plot_svg, px, tick, Area, DrawResult, FONT};
use crate::chart::specs::{LineChart, Series, ValueFormat};
use crate::chart::ChartError;

/// Draw the chart as plotters' SVG of `size` pixels, its text named by family (the canvas
/// typesets it into both the PNG and the outlined SVG).
pub fn plot(c: &LineChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    plot_svg(size, |root| draw_line(root, c))
}

fn draw_line<DB: DrawingBackend>(root: &Area<DB>, c: &LineChart) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (_, h) = root.dim_in_pixel();
    let plot = frame(root, &c.title, &c.subtitle, &c.notes)?;
    let k = c.periods.len();
    let periods = c.periods.clone();
    let fmt = c.format;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(h, 40.0))
        .margin_right(px(h, 360.0))
        .margin_top(px(h, 10.0))
        .x_label_area_size(px(h, 70.0))
        .y_label_area_size(px(h, 90.0))
        .build_cartesian_2d(-0.3..(k as f64 - 0.7), c.y_range.0..c.y_range.1)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(k.max(2) * 2)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < periods.len() {
                periods[i as usize].clone()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| tick(fmt, *y))
        .y_labels(9)
        .y_desc(c.y_label.as_str())
        .axis_desc_style((FONT, px(h, 22.0) as f64))
        .label_style((FONT, px(h, 20.0) as f64))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    if c.y_range.0 < 0.0 && c.y_range.1 > 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(-0.3, 0.0), (k as f64 - 0.7, 0.0)],
            BLACK.stroke_width(2),
        )))?;
    }
    let mut ends = Vec::new();
    for s in &c.series {
        ends.extend(draw_series(&mut chart, s, fmt, h)?);
    }
    end_labels(root, ends, h)
}

/// A chart over the periods (x) and the values (y).
type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Where a line ends (its pixel y and x), the label written there and the line's colour.
type End = (i32, i32, String, RGBColor);

/// One series: its line, each point's interval and marker (filled when the change is
/// significant); where it ends, when it has a point.
fn draw_series<DB: DrawingBackend>(
    chart: &mut Plot<DB>,
    s: &Series,
    fmt: ValueFormat,
    h: u32,
) -> Result<Option<End>, DrawingAreaErrorKind<DB::ErrorType>>
where
    DB::ErrorType: 'static,
{
    let colour = RGBColor(s.rgb.0, s.rgb.1, s.rgb.2);
    let pts: Vec<(f64, f64)> = s
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|(v, _, _)| (i as f64, v)))
        .collect();
    chart.draw_series(std::iter::once(PathElement::new(
        pts.clone(),
        colour.stroke_width(px(h, 4.0).max(1) as u32),
    )))?;
    for (i, p) in s.points.iter().enumerate() {
        let Some((v, ci, significant)) = p else {
            continue;
        };
        let x = i as f64;
        if let Some((lo, hi)) = ci {
            let st = colour.stroke_width(2);
            chart.draw_series([
                PathElement::new(vec![(x, *lo), (x, *hi)], st),
                PathElement::new(vec![(x - 0.03, *lo), (x + 0.03, *lo)], st),
                PathElement::new(vec![(x - 0.03, *hi), (x + 0.03, *hi)], st),
            ])?;
        }
        let r = px(h, 9.0);
        chart.draw_series(std::iter::once(Circle::new((x, *v), r, WHITE.filled())))?;
        let marker = if *significant {
            colour.filled()
        } else {
            colour.stroke_width(3)
        };
        chart.draw_series(std::iter::once(Circle::new((x, *v), r, marker)))?;
    }
    Ok(pts.last().map(|&(x, v)| {
        let (px_x, px_y) = chart.backend_coord(&(x, v));
        (
            px_y,
            px_x,
            format!("{} {} (n={})", s.label, fmt.show(v), s.last_n),
            colour,
        )
    }))
}

/// The labels at the line ends, pushed apart so that they never overlap, each on white so that
/// no gridline or zero line runs through it.
fn end_labels<DB: DrawingBackend>(root: &Area<DB>, mut ends: Vec<End>, h: u32) -> DrawResult
where
    DB::ErrorType: 'static,
{
    ends.sort_by_key(|e| e.0);
    let gap = px(h, 26.0);
    for i in 1..ends.len() {
        if ends[i].0 < ends[i - 1].0 + gap {
            ends[i].0 = ends[i - 1].0 + gap;
        }
    }
    let font = |t: &str| (family(t), px(h, 21.0) as f64).into_font().color(&BLACK);
    let x_text = ends.iter().map(|e| e.1).max().unwrap_or(0) + px(h, 34.0);
    let (w, _) = root.dim_in_pixel();
    for (y, _, text, colour) in ends {
        let style = font(&text)
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let room = (w as i32 - x_text - px(h, 20.0)).max(50) as u32;
        let shown = fit(root, &text, &font(&text), room);
        let (tw, th) = root.estimate_text_size(&shown, &font(&shown))?;
        let pad = px(h, 4.0);
        let half = th as i32 / 2 + pad;
        root.draw(&Rectangle::new(
            [
                (x_text - pad, y - half),
                (x_text + tw as i32 + pad, y + half),
            ],
            WHITE.filled(),
        ))?;
        root.draw(&Text::new(shown, (x_text, y), style))?;
    }
    Ok(())
}

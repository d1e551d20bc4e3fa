//! Bar charts: labelled bars with interval whiskers, low bases faded and hatched.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{family, fit, render, render_svg, tick, FONT};
use crate::chart::spec::BarChart;
use crate::chart::ChartError;

/// Draw a bar chart as SVG text of `size` pixels.
pub fn svg(chart: &BarChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render_svg(size, |root| draw_bar_chart(root, chart, size))
}

/// Draw a bar chart as PNG bytes of `size` pixels.
pub fn png(chart: &BarChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render(size, |root| draw_bar_chart(root, chart, size))
}

/// Draw on any bitmap area: title, subtitle, labelled bars with whiskers, notes.
pub fn draw_bar_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &BarChart,
    (w, h): (u32, u32),
) -> Result<(), Box<dyn std::error::Error + Send + Sync>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let s = h as f64 / 900.0;
    let px = |x: f64| (x * s).round() as i32;
    let title = (family(&c.title), px(38.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&BLACK);
    let sub = (family(&c.subtitle), px(24.0) as f64)
        .into_font()
        .color(&RGBColor(80, 80, 80));
    let label_font = |t: &str| (family(t), px(24.0) as f64).into_font().color(&BLACK);
    let value_font = (FONT, px(21.0) as f64)
        .into_font()
        .color(&RGBColor(40, 40, 40));
    let note_font = (FONT, px(19.0) as f64)
        .into_font()
        .color(&RGBColor(90, 90, 90));
    let margin = px(40.0);
    root.draw(&Text::new(
        fit(root, &c.title, &title, w - 2 * margin as u32),
        (margin, px(28.0)),
        title.clone(),
    ))?;
    root.draw(&Text::new(
        fit(root, &c.subtitle, &sub, w - 2 * margin as u32),
        (margin, px(80.0)),
        sub.clone(),
    ))?;
    let notes_h = px(30.0) * c.notes.len() as i32;
    for (i, n) in c.notes.iter().enumerate() {
        let y = h as i32 - margin / 2 - notes_h + px(30.0) * i as i32;
        root.draw(&Text::new(
            fit(root, n, &note_font, w - 2 * margin as u32),
            (margin, y),
            note_font.clone(),
        ))?;
    }
    let widest = c
        .bars
        .iter()
        .map(|b| {
            root.estimate_text_size(&b.label, &label_font(&b.label))
                .map(|(x, _)| x)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let label_w = (widest + px(24.0) as u32).min(w * 2 / 5);
    let (_, rest) = root.split_vertically(px(125.0));
    let (plot, _) =
        rest.split_vertically(rest.dim_in_pixel().1 as i32 - notes_h - margin / 2 - px(16.0));
    let n = c.bars.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(margin)
        .margin_right(margin + px(150.0))
        .margin_top(px(10.0))
        .x_label_area_size(px(70.0))
        .y_label_area_size(label_w)
        .build_cartesian_2d(c.x_range.0..c.x_range.1, 0.0..n)?;
    let fmt = c.format;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(9)
        .x_desc(c.x_label.as_str())
        .axis_desc_style((FONT, px(22.0) as f64))
        .label_style((FONT, px(20.0) as f64))
        .x_label_formatter(&|x| tick(fmt, *x))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    if c.x_range.0 < 0.0 && c.x_range.1 > 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n)],
            BLACK.stroke_width(2),
        )))?;
    }
    for (i, b) in c.bars.iter().enumerate() {
        let y = n - 1.0 - i as f64;
        let (r, g, bl) = b.rgb;
        let colour = RGBColor(r, g, bl);
        let fill = if b.low_base {
            colour.mix(0.35).filled()
        } else {
            colour.filled()
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y + 0.2), (b.value, y + 0.8)],
            fill,
        )))?;
        if b.low_base {
            let steps = 12;
            let lines = (0..=steps).map(|k| {
                let x = b.value * k as f64 / steps as f64;
                PathElement::new(vec![(x, y + 0.2), (x, y + 0.8)], colour.stroke_width(1))
            });
            chart.draw_series(lines)?;
        }
        let mut right = b.value.max(0.0);
        if let Some((lo, hi)) = b.ci {
            let whisker = BLACK.stroke_width(px(3.0).max(1) as u32);
            chart.draw_series([
                PathElement::new(vec![(lo, y + 0.5), (hi, y + 0.5)], whisker),
                PathElement::new(vec![(lo, y + 0.35), (lo, y + 0.65)], whisker),
                PathElement::new(vec![(hi, y + 0.35), (hi, y + 0.65)], whisker),
            ])?;
            right = right.max(hi);
        }
        let (lx, ly) = chart.backend_coord(&(c.x_range.0, y + 0.5));
        let anchored = label_font(&b.label).pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(
            fit(
                root,
                &b.label,
                &label_font(&b.label),
                label_w - px(20.0) as u32,
            ),
            (lx - px(12.0), ly),
            anchored,
        ))?;
        let mark = if b.significant { " *" } else { "" };
        let low = if b.low_base { ", low base" } else { "" };
        let text = format!("{}{mark}  (n={}{low})", fmt.show(b.value), b.n);
        let (vx, vy) = chart.backend_coord(&(right, y + 0.5));
        root.draw(&Text::new(
            text,
            (vx + px(10.0), vy),
            value_font.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

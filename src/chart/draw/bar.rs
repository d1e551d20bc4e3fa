//! Bar charts: labelled bars with interval whiskers, low bases faded and hatched.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use plotters::coord::types::RangedCoordf64;

use super::canvas::{family, fit, frame, plot_svg, px, tick, Area, DrawResult, FONT};
use crate::chart::specs::{Bar, BarChart};
use crate::chart::ChartError;

/// Draw the chart as plotters' SVG of `size` pixels, its text named by family (the canvas
/// typesets it into both the PNG and the outlined SVG).
pub fn plot(chart: &BarChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    plot_svg(size, |root| draw_bar_chart(root, chart, size))
}

type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draw on any bitmap area: title, subtitle, labelled bars with whiskers, notes.
pub fn draw_bar_chart<DB: DrawingBackend>(
    root: &Area<DB>,
    c: &BarChart,
    (w, h): (u32, u32),
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let plot = frame(root, &c.title, &c.subtitle, &c.notes)?;
    let margin = px(h, 40.0);
    let widest = c
        .bars
        .iter()
        .map(|b| {
            root.estimate_text_size(&b.label, &label_font(h, &b.label))
                .map(|(x, _)| x)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let label_w = (widest + px(h, 24.0) as u32).min(w * 2 / 5);
    let n = c.bars.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(margin)
        .margin_right(margin + px(h, 150.0))
        .margin_top(px(h, 10.0))
        .x_label_area_size(px(h, 70.0))
        .y_label_area_size(label_w)
        .build_cartesian_2d(c.x_range.0..c.x_range.1, 0.0..n)?;
    let fmt = c.format;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(9)
        .x_desc(c.x_label.as_str())
        .axis_desc_style((FONT, px(h, 22.0) as f64))
        .label_style((FONT, px(h, 20.0) as f64))
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
        draw_bar(&mut chart, b, y, h)?;
        draw_bar_texts(root, &chart, c, b, (y, label_w), h)?;
    }
    Ok(())
}

/// A bar's label font.
fn label_font(h: u32, t: &str) -> TextStyle<'static> {
    (family(t), px(h, 24.0) as f64).into_font().color(&BLACK)
}

/// One bar at `y`: faded and hatched on a low base, with its interval's whisker.
fn draw_bar<DB: DrawingBackend>(chart: &mut Plot<DB>, b: &Bar, y: f64, h: u32) -> DrawResult
where
    DB::ErrorType: 'static,
{
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
    if let Some((lo, hi)) = b.ci {
        let whisker = BLACK.stroke_width(px(h, 3.0).max(1) as u32);
        chart.draw_series([
            PathElement::new(vec![(lo, y + 0.5), (hi, y + 0.5)], whisker),
            PathElement::new(vec![(lo, y + 0.35), (lo, y + 0.65)], whisker),
            PathElement::new(vec![(hi, y + 0.35), (hi, y + 0.65)], whisker),
        ])?;
    }
    Ok(())
}

/// A bar's label left of the axis and its value, base and mark right of the bar or whisker.
fn draw_bar_texts<DB: DrawingBackend>(
    root: &Area<DB>,
    chart: &Plot<DB>,
    c: &BarChart,
    b: &Bar,
    (y, label_w): (f64, u32),
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let value_font = (FONT, px(h, 21.0) as f64)
        .into_font()
        .color(&RGBColor(40, 40, 40));
    let right = match b.ci {
        Some((_, hi)) => b.value.max(0.0).max(hi),
        None => b.value.max(0.0),
    };
    let (lx, ly) = chart.backend_coord(&(c.x_range.0, y + 0.5));
    let anchored = label_font(h, &b.label).pos(Pos::new(HPos::Right, VPos::Center));
    root.draw(&Text::new(
        fit(
            root,
            &b.label,
            &label_font(h, &b.label),
            label_w - px(h, 20.0) as u32,
        ),
        (lx - px(h, 12.0), ly),
        anchored,
    ))?;
    let mark = if b.significant { " *" } else { "" };
    let low = if b.low_base { ", low base" } else { "" };
    let text = format!("{}{mark}  (n={}{low})", c.format.show(b.value), b.n);
    let (vx, vy) = chart.backend_coord(&(right, y + 0.5));
    root.draw(&Text::new(
        text,
        (vx + px(h, 10.0), vy),
        value_font.pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

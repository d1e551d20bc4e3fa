//! Drawing trend line charts and heatmaps (the bar charts are in `draw`).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw::{encode_png, err, fit, register_fonts, FONT};
use super::history::{CellMark, Heatmap, LineChart};
use super::ChartError;

type Area<DB> = DrawingArea<DB, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Pixels scaled from the 1600×900 design size.
fn px(h: u32, x: f64) -> i32 {
    (x * h as f64 / 900.0).round() as i32
}

pub(crate) fn render(
    size: (u32, u32),
    draw: impl FnOnce(&Area<BitMapBackend>) -> DrawResult,
) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let mut buf = vec![255u8; (size.0 * size.1 * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, size).into_drawing_area();
        draw(&root).map_err(err)?;
        root.present().map_err(err)?;
    }
    encode_png(&buf, size)
}

/// Title, subtitle and notes; returns the area left for the plot.
pub(crate) fn frame<DB: DrawingBackend>(
    root: &Area<DB>,
    title: &str,
    subtitle: &str,
    notes: &[String],
) -> Result<Area<DB>, Box<dyn std::error::Error + Send + Sync>>
where
    DB::ErrorType: 'static,
{
    let (w, h) = root.dim_in_pixel();
    root.fill(&WHITE)?;
    let margin = px(h, 40.0);
    let width = w - 2 * margin as u32;
    let title_font = (super::draw::family(title), px(h, 38.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&BLACK);
    let sub_font = (super::draw::family(subtitle), px(h, 24.0) as f64)
        .into_font()
        .color(&RGBColor(80, 80, 80));
    let note_font = (FONT, px(h, 19.0) as f64)
        .into_font()
        .color(&RGBColor(90, 90, 90));
    root.draw(&Text::new(
        fit(root, title, &title_font, width),
        (margin, px(h, 28.0)),
        title_font.clone(),
    ))?;
    root.draw(&Text::new(
        fit(root, subtitle, &sub_font, width),
        (margin, px(h, 80.0)),
        sub_font.clone(),
    ))?;
    let notes_h = px(h, 30.0) * notes.len() as i32;
    for (i, n) in notes.iter().enumerate() {
        let y = h as i32 - margin / 2 - notes_h + px(h, 30.0) * i as i32;
        root.draw(&Text::new(
            fit(root, n, &note_font, width),
            (margin, y),
            note_font.clone(),
        ))?;
    }
    let (_, rest) = root.split_vertically(px(h, 125.0));
    let rest_h = rest.dim_in_pixel().1 as i32;
    let (plot, _) = rest.split_vertically(rest_h - notes_h - margin / 2 - px(h, 16.0));
    Ok(plot)
}

/// SVG text drawn by `draw` at `size` (fonts are named, not embedded, in SVG).
pub(crate) fn render_svg(
    size: (u32, u32),
    draw: impl FnOnce(&Area<SVGBackend>) -> DrawResult,
) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        draw(&root).map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(text.into_bytes())
}

/// A trend chart as SVG text.
pub fn line_svg(c: &LineChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render_svg(size, |root| draw_line(root, c))
}

/// A heatmap as SVG text.
pub fn heatmap_svg(c: &Heatmap, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render_svg(size, |root| draw_heatmap(root, c))
}

/// A trend chart as PNG bytes.
pub fn line_png(c: &LineChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render(size, |root| draw_line(root, c))
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
        .y_label_formatter(&|y| super::draw::tick(fmt, *y))
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
        if let Some(&(x, v)) = pts.last() {
            let (px_x, px_y) = chart.backend_coord(&(x, v));
            ends.push((
                px_y,
                px_x,
                format!("{} {} (n={})", s.label, fmt.show(v), s.last_n),
                colour,
            ));
        }
    }
    // Labels at the line ends, pushed apart so that they never overlap.
    ends.sort_by_key(|e| e.0);
    let gap = px(h, 26.0);
    for i in 1..ends.len() {
        if ends[i].0 < ends[i - 1].0 + gap {
            ends[i].0 = ends[i - 1].0 + gap;
        }
    }
    let font = |t: &str| {
        (super::draw::family(t), px(h, 21.0) as f64)
            .into_font()
            .color(&BLACK)
    };
    let x_text = ends.iter().map(|e| e.1).max().unwrap_or(0) + px(h, 34.0);
    let (w, _) = root.dim_in_pixel();
    for (y, _, text, colour) in ends {
        let style = font(&text)
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let room = (w as i32 - x_text - px(h, 20.0)).max(50) as u32;
        root.draw(&Text::new(
            fit(root, &text, &font(&text), room),
            (x_text, y),
            style,
        ))?;
    }
    Ok(())
}

/// Split a label into at most two lines that fit `room` pixels (the second shortened if need be).
fn wrap2<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    font: &TextStyle,
    room: u32,
) -> Vec<String> {
    let width = |s: &str| area.estimate_text_size(s, font).map(|x| x.0).unwrap_or(0);
    if width(text) <= room {
        return vec![text.to_string()];
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut first = String::new();
    let mut k = 0;
    while k < words.len() {
        let trial = if first.is_empty() {
            words[k].to_string()
        } else {
            format!("{first} {}", words[k])
        };
        if width(&trial) > room && !first.is_empty() {
            break;
        }
        first = trial;
        k += 1;
    }
    let rest = words[k..].join(" ");
    let mut out = vec![fit(area, &first, font, room)];
    if !rest.is_empty() {
        out.push(fit(area, &rest, font, room));
    }
    out
}

/// A heatmap as PNG bytes.
pub fn heatmap_png(c: &Heatmap, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    render(size, |root| draw_heatmap(root, c))
}

fn draw_heatmap<DB: DrawingBackend>(root: &Area<DB>, c: &Heatmap) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (w, h) = root.dim_in_pixel();
    let mut notes = c.notes.clone();
    if c.low_base.iter().flatten().any(|x| *x) {
        notes.push("Hatched cells: base below the minimum — read with caution.".into());
    }
    let plot = frame(root, &c.title, &c.subtitle, &notes)?;
    let (pw, ph) = plot.dim_in_pixel();
    let label_font = |t: &str| {
        (super::draw::family(t), px(h, 22.0) as f64)
            .into_font()
            .color(&BLACK)
    };
    let axis_font = (FONT, px(h, 20.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(60, 60, 60));
    let row_w = c
        .rows
        .iter()
        .map(|r| {
            plot.estimate_text_size(r, &label_font(r))
                .map(|x| x.0)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0) as i32
        + px(h, 30.0);
    let left = px(h, 40.0) + row_w;
    let top = px(h, 80.0);
    let right = pw as i32 - px(h, 40.0);
    let bottom = ph as i32 - px(h, 10.0);
    let (nr, nc) = (c.rows.len().max(1) as i32, c.cols.len().max(1) as i32);
    let (cw, rh) = ((right - left) / nc, (bottom - top) / nr);
    plot.draw(&Text::new(
        c.col_label.clone(),
        (left + (right - left) / 2, px(h, 8.0)),
        axis_font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    plot.draw(&Text::new(
        c.row_label.clone(),
        (px(h, 40.0), px(h, 8.0)),
        axis_font.clone(),
    ))?;
    let room = (cw - px(h, 8.0)).max(20) as u32;
    for (j, col) in c.cols.iter().enumerate() {
        let x = left + cw * j as i32 + cw / 2;
        let lines = wrap2(&plot, col, &label_font(col), room);
        let n = lines.len() as i32;
        for (k, line) in lines.into_iter().enumerate() {
            let y = top - px(h, 12.0) - px(h, 26.0) * (n - 1 - k as i32);
            plot.draw(&Text::new(
                line,
                (x, y),
                label_font(col).pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
        }
    }
    let blue = (0.0, 114.0, 178.0);
    for (i, row) in c.rows.iter().enumerate() {
        let y = top + rh * i as i32;
        plot.draw(&Text::new(
            row.clone(),
            (left - px(h, 14.0), y + rh / 2),
            label_font(row).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for j in 0..c.cols.len() {
            let x = left + cw * j as i32;
            let cell = c.cells.get(i).and_then(|r| r.get(j)).copied().flatten();
            let share = cell.map_or(0.0, |c| c.0);
            let mix = |a: f64| (255.0 + (a - 255.0) * share.clamp(0.0, 1.0)).round() as u8;
            let fill = RGBColor(mix(blue.0), mix(blue.1), mix(blue.2));
            plot.draw(&Rectangle::new(
                [(x + 2, y + 2), (x + cw - 2, y + rh - 2)],
                fill.filled(),
            ))?;
            plot.draw(&Rectangle::new(
                [(x + 2, y + 2), (x + cw - 2, y + rh - 2)],
                RGBColor(200, 200, 200).stroke_width(1),
            ))?;
            match c
                .marks
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .unwrap_or_default()
            {
                CellMark::None => {}
                CellMark::Present => {
                    let r = px(h, 9.0);
                    let dot = Circle::new(
                        (x + cw - px(h, 20.0), y + px(h, 20.0)),
                        r,
                        RGBColor(30, 30, 30).filled(),
                    );
                    plot.draw(&dot)?;
                }
                CellMark::Gap => {
                    let v = RGBColor(213, 94, 0);
                    for k in 0..px(h, 6.0) {
                        let frame = Rectangle::new(
                            [(x + 2 + k, y + 2 + k), (x + cw - 2 - k, y + rh - 2 - k)],
                            v.stroke_width(1),
                        );
                        plot.draw(&frame)?;
                    }
                }
            }
            if c.low_base
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .unwrap_or(false)
            {
                let grey = RGBColor(150, 150, 150).stroke_width(1);
                let step = px(h, 16.0).max(4);
                let mut k = step;
                while k < cw + rh {
                    let (a, b) = (
                        (x + 2 + k.min(cw - 4), y + 2 + (k - cw + 4).max(0)),
                        (x + 2 + (k - rh + 4).max(0), y + 2 + k.min(rh - 4)),
                    );
                    plot.draw(&PathElement::new(vec![a, b], grey))?;
                    k += step;
                }
            }
            if let Some((sh, n)) = cell {
                let ink = if sh > 0.5 { WHITE } else { BLACK };
                let big = (FONT, px(h, 26.0) as f64)
                    .into_font()
                    .style(FontStyle::Bold)
                    .color(&ink)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                let small = (FONT, px(h, 19.0) as f64)
                    .into_font()
                    .color(&ink)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                plot.draw(&Text::new(
                    format!("{:.0}%", sh * 100.0),
                    (x + cw / 2, y + rh / 2 - px(h, 12.0)),
                    big,
                ))?;
                plot.draw(&Text::new(
                    format!("n={n}"),
                    (x + cw / 2, y + rh / 2 + px(h, 16.0)),
                    small,
                ))?;
            }
        }
    }
    let _ = w;
    Ok(())
}

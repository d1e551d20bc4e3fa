//! Heatmaps: a share per cell, shaded, with marks (present, gap) and low bases hatched.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{family, frame, plot_svg, px, wrap2, Area, DrawResult, FONT};
use crate::chart::specs::{CellMark, Heatmap};
use crate::chart::ChartError;

/// Draw the chart as plotters' SVG of `size` pixels, its text named by family (the canvas
/// typesets it into both the PNG and the outlined SVG).
pub fn plot(c: &Heatmap, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    plot_svg(size, |root| draw_heatmap(root, c))
}

/// Where the cells go: the grid's left and top edges, a cell's width and height.
#[derive(Debug, Clone, Copy)]
struct Layout {
    left: i32,
    top: i32,
    cw: i32,
    rh: i32,
}

fn label_font(h: u32, t: &str) -> TextStyle<'static> {
    (family(t), px(h, 22.0) as f64).into_font().color(&BLACK)
}

fn draw_heatmap<DB: DrawingBackend>(root: &Area<DB>, c: &Heatmap) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (_, h) = root.dim_in_pixel();
    let mut notes = c.notes.clone();
    if c.low_base.iter().flatten().any(|x| *x) {
        notes.push("Hatched cells: base below the minimum — read with caution.".into());
    }
    let plot = frame(root, &c.title, &c.subtitle, &notes)?;
    let (pw, ph) = plot.dim_in_pixel();
    let row_w = c
        .rows
        .iter()
        .map(|r| {
            plot.estimate_text_size(r, &label_font(h, r))
                .map(|x| x.0)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0) as i32
        + px(h, 30.0);
    let left = px(h, 40.0) + row_w;
    // Room for the axis name above column labels on two lines.
    let top = px(h, 100.0);
    let right = pw as i32 - px(h, 40.0);
    let bottom = ph as i32 - px(h, 10.0);
    let (nr, nc) = (c.rows.len().max(1) as i32, c.cols.len().max(1) as i32);
    let at = Layout {
        left,
        top,
        cw: (right - left) / nc,
        rh: (bottom - top) / nr,
    };
    draw_headers(&plot, c, at, right, h)?;
    for (i, row) in c.rows.iter().enumerate() {
        let y = top + at.rh * i as i32;
        plot.draw(&Text::new(
            row.clone(),
            (left - px(h, 14.0), y + at.rh / 2),
            label_font(h, row).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for j in 0..c.cols.len() {
            draw_cell(&plot, c, (i, j), at, h)?;
        }
    }
    Ok(())
}

/// The axis names and the column labels (on up to two lines each).
fn draw_headers<DB: DrawingBackend>(
    plot: &Area<DB>,
    c: &Heatmap,
    at: Layout,
    right: i32,
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let axis_font = (FONT, px(h, 20.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(60, 60, 60));
    let Layout { left, top, cw, .. } = at;
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
        let lines = wrap2(plot, col, &label_font(h, col), room);
        let n = lines.len() as i32;
        for (k, line) in lines.into_iter().enumerate() {
            let y = top - px(h, 12.0) - px(h, 26.0) * (n - 1 - k as i32);
            plot.draw(&Text::new(
                line,
                (x, y),
                label_font(h, col).pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
        }
    }
    Ok(())
}

/// Cell (`i`, `j`): shaded by its share, its mark, hatching on a low base, its share and base.
fn draw_cell<DB: DrawingBackend>(
    plot: &Area<DB>,
    c: &Heatmap,
    (i, j): (usize, usize),
    at: Layout,
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let Layout { cw, rh, .. } = at;
    let (x, y) = (at.left + cw * j as i32, at.top + rh * i as i32);
    let blue = (0.0, 114.0, 178.0);
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
    let mark = c.marks.get(i).and_then(|r| r.get(j)).copied();
    draw_mark(plot, mark.unwrap_or_default(), (x, y), at, h)?;
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
    Ok(())
}

/// A cell's mark: a dot where the firm is present, a thick orange frame on a gap.
fn draw_mark<DB: DrawingBackend>(
    plot: &Area<DB>,
    mark: CellMark,
    (x, y): (i32, i32),
    at: Layout,
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let Layout { cw, rh, .. } = at;
    match mark {
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
    Ok(())
}

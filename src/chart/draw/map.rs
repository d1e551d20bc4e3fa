//! The journey map drawn: a column per stage under its head (n, share), the conversion figures
//! on the lines between the columns, a row per table, every cell shaded by the strength of its
//! evidence in its stage's colour, and the legend.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{family, fit, frame, plot_svg, px, wrap2, Area, DrawResult};
use crate::chart::specs::map::{Evidence, JourneyMap, MapCell, MapLine};
use crate::chart::ChartError;

/// Draw the map as plotters' SVG of `size` pixels.
pub fn plot(map: &JourneyMap, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    plot_svg(size, |root| draw_map(root, map, size))
}

/// `rgb` mixed with white: `t` of the colour.
fn tint((r, g, b): (u8, u8, u8), t: f64) -> RGBColor {
    let m = |c: u8| (255.0 - (255.0 - c as f64) * t).round() as u8;
    RGBColor(m(r), m(g), m(b))
}

/// The frame of a cell with no data (its fill is white).
const NO_DATA: RGBColor = RGBColor(200, 200, 200);
const GREY_TEXT: RGBColor = RGBColor(105, 105, 105);
const NEUTRAL: (u8, u8, u8) = (95, 95, 95);

/// The fill of a cell of `rgb` at `evidence`.
fn fill(rgb: (u8, u8, u8), evidence: Evidence) -> RGBColor {
    match evidence {
        Evidence::Significant => tint(rgb, 0.45),
        Evidence::Adequate => tint(rgb, 0.15),
        Evidence::LowBase => WHITE,
        Evidence::NoData => WHITE,
    }
}

/// A cell's rectangle: filled by its evidence, hatched on a low base.
fn cell_box<DB: DrawingBackend>(
    root: &Area<DB>,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    rgb: (u8, u8, u8),
    evidence: Evidence,
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        fill(rgb, evidence).filled(),
    ))?;
    if evidence == Evidence::LowBase {
        let step = px(h, 9.0).max(3);
        let line = tint(rgb, 0.3).stroke_width(1);
        let mut x = x0 + step / 2;
        while x < x1 {
            root.draw(&PathElement::new(vec![(x, y0), (x, y1)], line))?;
            x += step;
        }
        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], tint(rgb, 0.6)))?;
    }
    if evidence == Evidence::NoData {
        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], NO_DATA))?;
    }
    Ok(())
}

/// One line fitted to `room` pixels: the text shortened with "…", its tail (a figure) kept.
fn fitted<DB: DrawingBackend>(
    root: &Area<DB>,
    line: &MapLine,
    font: &TextStyle,
    room: u32,
) -> String {
    let whole = line.whole();
    let width = |s: &str| root.estimate_text_size(s, font).map(|x| x.0).unwrap_or(0);
    if width(&whole) <= room {
        return whole;
    }
    let tail_w = width(&line.tail);
    if line.tail.is_empty() || tail_w * 10 > room * 7 {
        return fit(root, &whole, font, room);
    }
    format!(
        "{}{}",
        fit(root, line.text.trim_end(), font, room - tail_w),
        line.tail
    )
}

/// A cell's lines, the block centred in its height.
fn cell_text<DB: DrawingBackend>(
    root: &Area<DB>,
    cell: &MapCell,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    size: f64,
    h: u32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let pad = px(h, 10.0);
    let room = (x1 - x0 - 2 * pad).max(1) as u32;
    let line_h = (size * 1.25).round() as i32;
    let n = cell.lines.len() as i32;
    let top = (y0 + y1) / 2 - line_h * n / 2 + line_h / 2;
    let colour = if cell.evidence == Evidence::NoData {
        GREY_TEXT
    } else {
        BLACK
    };
    for (i, line) in cell.lines.iter().enumerate() {
        let whole = line.whole();
        let font = (family(&whole), size)
            .into_font()
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            fitted(root, line, &font, room),
            (x0 + pad, top + line_h * i as i32),
            font.clone(),
        ))?;
    }
    Ok(())
}

/// Where the map's parts go, in pixels of a chart `h` high.
struct Layout {
    h: u32,
    left: i32,
    top: i32,
    bottom: i32,
    label_w: i32,
    col_w: i32,
    gap: i32,
    head_h: i32,
    legend_h: i32,
    rows_top: i32,
    row_h: i32,
}

impl Layout {
    fn of<DB: DrawingBackend>(plot: &Area<DB>, m: &JourneyMap, h: u32) -> Layout {
        let (xr, yr) = plot.get_pixel_range();
        let margin = px(h, 40.0);
        let (left, right) = (xr.start + margin, xr.end - margin);
        let label_w = px(h, 178.0);
        let ncols = m.columns.len().max(1) as i32;
        let gap = px(h, 3.0).max(1);
        let (head_h, legend_h) = (px(h, 84.0), px(h, 36.0));
        let band_lines = m.gutters.iter().map(Vec::len).max().unwrap_or(0) as i32;
        let band_h = if band_lines == 0 {
            0
        } else {
            px(h, 14.0) + px(h, 22.0) * band_lines
        };
        let rows_top = yr.start + head_h + band_h + gap;
        let rows_bottom = yr.end - legend_h - px(h, 6.0);
        let nrows = m.rows.len().max(1) as i32;
        Layout {
            h,
            left,
            top: yr.start,
            bottom: yr.end,
            label_w,
            col_w: (right - left - label_w) / ncols,
            gap,
            head_h,
            legend_h,
            rows_top,
            row_h: (rows_bottom - rows_top) / nrows,
        }
    }

    /// The left edge of column `c` (its right edge is `col_x(c + 1)`).
    fn col_x(&self, c: usize) -> i32 {
        self.left + self.label_w + c as i32 * self.col_w
    }
}

/// Draw on any area: title and subtitle, heads, gutters, rows, legend, notes.
pub fn draw_map<DB: DrawingBackend>(
    root: &Area<DB>,
    m: &JourneyMap,
    (_, h): (u32, u32),
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let plot = frame(root, &m.title, &m.subtitle, &m.notes)?;
    let at = Layout::of(&plot, m, h);
    draw_heads(root, m, &at)?;
    draw_gutters(root, m, &at)?;
    draw_rows(root, m, &at)?;
    draw_legend(root, &at)
}

/// Heads: a strip of the stage's colour, its label, n and share.
fn draw_heads<DB: DrawingBackend>(root: &Area<DB>, m: &JourneyMap, at: &Layout) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (h, top) = (at.h, at.top);
    for (c, col) in m.columns.iter().enumerate() {
        let (x0, x1) = (at.col_x(c) + at.gap, at.col_x(c + 1) - at.gap);
        let rgb = col.stage.rgb();
        let strip = px(h, 10.0);
        let low = col.head.evidence != Evidence::Adequate;
        let strip_colour = if low { tint(rgb, 0.35) } else { tint(rgb, 1.0) };
        root.draw(&Rectangle::new(
            [(x0, top), (x1, top + strip)],
            strip_colour.filled(),
        ))?;
        cell_box(
            root,
            (x0, top + strip, x1, top + at.head_h),
            rgb,
            col.head.evidence,
            h,
        )?;
        let pad = px(h, 10.0);
        let label_font = (family(&col.label), px(h, 22.0) as f64)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            fit(root, &col.label, &label_font, (x1 - x0 - 2 * pad) as u32),
            (x0 + pad, top + strip + px(h, 20.0)),
            label_font.clone(),
        ))?;
        cell_text(
            root,
            &col.head,
            (x0, top + strip + px(h, 30.0), x1, top + at.head_h),
            px(h, 16.0) as f64,
            h,
        )?;
    }
    Ok(())
}

/// Gutters: each figure on the line between two stages, centred on it.
fn draw_gutters<DB: DrawingBackend>(root: &Area<DB>, m: &JourneyMap, at: &Layout) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let h = at.h;
    let font_size = px(h, 16.0) as f64;
    let pad = px(h, 8.0);
    for (i, figures) in m.gutters.iter().enumerate() {
        let x = at.col_x(i + 1);
        for (k, cell) in figures.iter().enumerate() {
            let line = cell.lines.first().cloned().unwrap_or_default();
            let font = (family(&line.whole()), font_size).into_font().color(&BLACK);
            // The badge fits inside a column, with its padding either side.
            let text = fitted(root, &line, &font, (at.col_w - 2 * px(h, 16.0)) as u32);
            let w = root
                .estimate_text_size(&text, &font)
                .map(|x| x.0 as i32)
                .unwrap_or(0)
                + px(h, 16.0);
            let y0 = at.top + at.head_h + px(h, 7.0) + px(h, 22.0) * k as i32;
            let y1 = y0 + px(h, 20.0);
            let (x0, x1) = (x - w / 2, x + w / 2);
            cell_box(root, (x0, y0, x1, y1), NEUTRAL, cell.evidence, h)?;
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], tint(NEUTRAL, 0.5)))?;
            root.draw(&Text::new(
                text,
                (x0 + pad, (y0 + y1) / 2),
                font.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    Ok(())
}

/// Rows: the label, then a cell per stage.
fn draw_rows<DB: DrawingBackend>(root: &Area<DB>, m: &JourneyMap, at: &Layout) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let h = at.h;
    let label_font = (super::canvas::FONT, px(h, 18.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(50, 50, 50));
    let line_h = px(h, 22.0);
    for (r, row) in m.rows.iter().enumerate() {
        let y0 = at.rows_top + at.row_h * r as i32 + at.gap;
        let y1 = at.rows_top + at.row_h * (r as i32 + 1) - at.gap;
        let room = (at.label_w - px(h, 12.0)) as u32;
        let lines = wrap2(root, &row.label, &label_font, room);
        let first = (y0 + y1) / 2 - line_h * (lines.len() as i32 - 1) / 2;
        for (k, l) in lines.iter().enumerate() {
            root.draw(&Text::new(
                l.clone(),
                (at.left, first + line_h * k as i32),
                label_font.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let rgb = m.columns.get(c).map(|x| x.stage.rgb()).unwrap_or(NEUTRAL);
            let bounds = (at.col_x(c) + at.gap, y0, at.col_x(c + 1) - at.gap, y1);
            cell_box(root, bounds, rgb, cell.evidence, h)?;
            cell_text(root, cell, bounds, px(h, 17.0) as f64, h)?;
        }
    }
    Ok(())
}

/// The legend: the four strengths of evidence, in a neutral grey.
fn draw_legend<DB: DrawingBackend>(root: &Area<DB>, at: &Layout) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let h = at.h;
    let y0 = at.bottom - at.legend_h;
    let font = (super::canvas::FONT, px(h, 16.0) as f64)
        .into_font()
        .color(&RGBColor(60, 60, 60))
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = at.left;
    for e in [
        Evidence::Significant,
        Evidence::Adequate,
        Evidence::LowBase,
        Evidence::NoData,
    ] {
        let sw = px(h, 30.0);
        let (sy0, sy1) = (y0 + px(h, 6.0), y0 + at.legend_h - px(h, 6.0));
        cell_box(root, (x, sy0, x + sw, sy1), NEUTRAL, e, h)?;
        root.draw(&Rectangle::new(
            [(x, sy0), (x + sw, sy1)],
            tint(NEUTRAL, 0.5),
        ))?;
        root.draw(&Text::new(
            e.legend(),
            (x + sw + px(h, 8.0), (sy0 + sy1) / 2),
            font.clone(),
        ))?;
        let w = root
            .estimate_text_size(e.legend(), &font)
            .map(|x| x.0 as i32)
            .unwrap_or(0);
        x += sw + px(h, 8.0) + w + px(h, 30.0);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::draw::canvas::register_fonts;

    /// A long name in any language the lexicon covers is cut with "…" to its room, its
    /// figure kept whole; a short one is left as it is.
    #[test]
    fn long_names_are_shortened_to_their_room_in_every_language() {
        register_fonts();
        let mut text = String::new();
        let root = SVGBackend::with_string(&mut text, (1600, 900)).into_drawing_area();
        let names = [
            "Verständnis für unser Geschäftsmodell und unsere Branchenbesonderheiten",
            "Compréhension de notre activité et de nos contraintes réglementaires",
            "Comprensión de nuestro negocio y de nuestras prioridades estratégicas",
            "Compreensão do nosso negócio e das nossas prioridades estratégicas",
            "Comprensione della nostra attività e delle nostre priorità strategiche",
            "Begrip van onze bedrijfsvoering en van onze strategische prioriteiten",
            "Zrozumienie naszej działalności i naszych priorytetów strategicznych",
            "Pemahaman tentang bisnis kami dan prioritas strategis perusahaan kami",
            "Understanding of our business and of our strategic priorities this year",
            "우리 사업과 전략적 우선순위에 대한 이해도가 높은 전문가 팀의 대응",
        ];
        let room = 250;
        for name in names {
            let line = MapLine {
                text: name.into(),
                tail: " −1.23".into(),
            };
            let font = (family(name), 17.0).into_font().color(&BLACK);
            let got = fitted(&root, &line, &font, room);
            let w = root.estimate_text_size(&got, &font).unwrap().0;
            assert!(w <= room, "{got}: {w} px");
            assert!(got.ends_with("… −1.23"), "{got}");
        }
        let short = MapLine {
            text: "Fees".into(),
            tail: " +0.40".into(),
        };
        let font = (family("Fees"), 17.0).into_font().color(&BLACK);
        assert_eq!(fitted(&root, &short, &font, room), "Fees +0.40");
    }
}

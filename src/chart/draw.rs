//! Drawing chart specs with plotters onto an RGB buffer, then PNG bytes.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::BarChart;
use super::ChartError;

pub(crate) const FONT: &str = "sans-serif";
/// The family with Hangul (and the common CJK punctuation): NanumSquare, SIL OFL 1.1
/// (assets/fonts/NanumSquare-LICENSE.txt).
pub(crate) const CJK_FONT: &str = "cjk";
static CJK_BYTES: &[u8] = include_bytes!("../../assets/fonts/NanumSquareR.ttf");

/// The font family that can draw `text`: the CJK one when it holds Hangul or CJK characters.
pub(crate) fn family(text: &str) -> &'static str {
    let cjk = |c: char| matches!(c as u32, 0x1100..=0x11FF | 0x3000..=0x303F | 0x3130..=0x318F | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF);
    if text.chars().any(cjk) {
        CJK_FONT
    } else {
        FONT
    }
}
static FONTS: Once = Once::new();

/// Register the embedded DejaVu Sans, so charts look the same on a machine with no fonts.
pub(crate) fn register_fonts() {
    FONTS.call_once(|| {
        // The bytes are a valid TTF shipped by the `dejavu` crate; failure would mean no text.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
        let _ = plotters::style::register_font(CJK_FONT, FontStyle::Normal, CJK_BYTES);
    });
}

pub(crate) fn err(e: impl std::fmt::Display) -> ChartError {
    ChartError(e.to_string())
}

/// Draw a bar chart as SVG text of `size` pixels.
pub fn svg(chart: &BarChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    super::draw_more::render_svg(size, |root| draw_bar_chart(root, chart, size))
}

/// Draw a bar chart as PNG bytes of `size` pixels.
pub fn png(chart: &BarChart, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let (w, h) = size;
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, size).into_drawing_area();
        draw_bar_chart(&root, chart, size).map_err(err)?;
        root.present().map_err(err)?;
    }
    encode_png(&buf, size)
}

pub(crate) fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(err)?;
    writer.write_image_data(rgb).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(out)
}

/// Shorten a label to fit `max_px` at the given font.
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    font: &TextStyle,
    max_px: u32,
) -> String {
    let width = |s: &str| {
        area.estimate_text_size(s, font)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    if width(text) <= max_px {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let s: String = chars[..n].iter().collect::<String>() + "…";
        if width(&s) <= max_px {
            return s;
        }
    }
    "…".into()
}

/// An axis tick label: percent points, one decimal, or whole numbers; never `-0`.
pub(crate) fn tick(fmt: super::ValueFormat, x: f64) -> String {
    let (v, decimals) = match fmt {
        super::ValueFormat::Percent => (x * 100.0, 0),
        super::ValueFormat::Signed2 => (x, 1),
        super::ValueFormat::SignedInt => (x, 0),
    };
    fixed(v, decimals)
}

/// `v` with `decimals` decimals, never `-0` (a value that rounds to zero prints as zero).
pub(crate) fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
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

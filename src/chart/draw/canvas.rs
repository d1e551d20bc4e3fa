//! The canvas every chart shape draws on: the embedded fonts, the design size's pixels, the
//! frame (title, subtitle, notes) and rendering to PNG or SVG bytes, and text that fits.

use std::sync::{Arc, LazyLock, Once};

use resvg::usvg;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::chart::specs::ValueFormat;
use crate::chart::ChartError;

pub(crate) const FONT: &str = "sans-serif";

/// The family with Hangul (and the common CJK punctuation): NanumSquare, SIL OFL 1.1
/// (assets/fonts/NanumSquare-LICENSE.txt).
pub(crate) const CJK_FONT: &str = "cjk";

static CJK_BYTES: &[u8] = include_bytes!("../../../assets/fonts/NanumSquareR.ttf");

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

pub(crate) type Area<DB> = DrawingArea<DB, Shift>;

pub(crate) type DrawResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Pixels scaled from the 1600×900 design size.
pub(crate) fn px(h: u32, x: f64) -> i32 {
    (x * h as f64 / 900.0).round() as i32
}

/// PNG bytes of a typeset chart at `size`: rasterised by resvg (plotters' own bitmap text
/// spaces glyphs unevenly), so that the PNG is the SVG's picture.
pub(crate) fn rasterise(tree: &usvg::Tree, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.0, size.1)
        .ok_or_else(|| err(format!("cannot make a {}×{} picture", size.0, size.1)))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    encode_png(pixmap.data(), size)
}

/// The fonts every chart is laid out with: the embedded DejaVu Sans (regular and bold) as
/// `sans-serif`, and NanumSquare for Hangul. No system font is read, so a chart is the same
/// picture on every machine.
static FONT_DB: LazyLock<(Arc<usvg::fontdb::Database>, String)> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(dejavu::sans::regular().to_vec());
    db.load_font_data(dejavu::sans::bold().to_vec());
    let before = db.len();
    db.load_font_data(CJK_BYTES.to_vec());
    let cjk = db
        .faces()
        .nth(before)
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "NanumSquare".into());
    db.set_sans_serif_family("DejaVu Sans");
    (Arc::new(db), cjk)
});

/// The chart's SVG (from [`plot_svg`]) laid out: its text shaped with the embedded fonts.
pub(crate) fn typeset(svg: &[u8]) -> Result<usvg::Tree, ChartError> {
    let (db, cjk) = &*FONT_DB;
    let text = String::from_utf8_lossy(svg).replace(
        &format!("font-family=\"{CJK_FONT}\""),
        &format!("font-family=\"{cjk}\""),
    );
    let opt = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: db.clone(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(&text, &opt).map_err(err)
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
    let title_font = (family(title), px(h, 38.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&BLACK);
    let sub_font = (family(subtitle), px(h, 24.0) as f64)
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

/// SVG text of a typeset chart, its text as outlines of the embedded fonts, so that it is the
/// PNG's picture and renders the same on a machine without them.
pub(crate) fn outlines(tree: &usvg::Tree) -> Vec<u8> {
    // Two decimals of a pixel are finer than any screen or print shows, and halve the file.
    let opt = usvg::WriteOptions {
        coordinates_precision: 2,
        transforms_precision: 4,
        indent: usvg::Indent::None,
        ..usvg::WriteOptions::default()
    };
    tree.to_string(&opt).into_bytes()
}

/// The SVG plotters draws, its text named by family.
pub(crate) fn plot_svg(
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
    Ok(crisp_edges(&text).into_bytes())
}

/// Plotters' SVG with its rectangles and its horizontal and vertical lines drawn without
/// anti-aliasing (`shape-rendering="crispEdges"`): their edges lie on the pixel grid, where
/// anti-aliasing only blurs a 1 px grid line over two rows and costs a third of the
/// rasterising. Sloped lines, polylines, circles and text keep it.
fn crisp_edges(svg: &str) -> String {
    const CRISP: &str = " shape-rendering=\"crispEdges\"";
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for line in svg.split_inclusive('\n') {
        let axis_aligned = line.starts_with("<rect ")
            || line.starts_with("<line ")
                && (attr(line, "x1") == attr(line, "x2") || attr(line, "y1") == attr(line, "y2"));
        match line.strip_suffix("/>\n") {
            Some(tag) if axis_aligned => {
                out.push_str(tag);
                out.push_str(CRISP);
                out.push_str("/>\n");
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The value of attribute `name` in one SVG tag, as written.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The most colours a chart may have to be written with a palette: a chart of flat colours
/// has a few hundred (its fills and the anti-aliased edges of its text); a photograph would
/// have more, and is written as RGB.
const MAX_SOURCE_COLOURS: usize = 4096;

/// How far (in any channel, of 255) a rare colour may move to the nearest of the 256 kept:
/// the in-between shades of an anti-aliased glyph's edge, one step of the ramp, invisible.
const MAX_SHIFT: i32 = 24;

/// A chart's pixels as a palette of at most 256 colours and an index per pixel, when it has
/// few enough: the 256 most frequent colours kept exactly, each rarer one (an anti-aliased
/// edge's shade) drawn in the nearest kept colour when that is within [`MAX_SHIFT`] in every
/// channel; else `None` (written as RGB). Deterministic: ordered by frequency, then colour.
fn palette(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    // A pixel as one word (opaque, so its alpha byte is the same in every pixel).
    let words = rgba
        .chunks_exact(4)
        .map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]));
    // Runs of one colour are most of a chart: counted a run at a time.
    let mut counts: rustc_hash::FxHashMap<u32, u64> = Default::default();
    let mut run: Option<(u32, u64)> = None;
    for k in words.clone() {
        match &mut run {
            Some((c, n)) if *c == k => *n += 1,
            _ => {
                if let Some((c, n)) = run {
                    *counts.entry(c).or_insert(0) += n;
                    if counts.len() > MAX_SOURCE_COLOURS {
                        return None;
                    }
                }
                run = Some((k, 1));
            }
        }
    }
    let (c, n) = run?;
    *counts.entry(c).or_insert(0) += n;
    let mut by_use: Vec<(u32, u64)> = counts.into_iter().collect();
    by_use.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kept: Vec<u32> = by_use.iter().take(256).map(|c| c.0).collect();
    let channels = |k: u32| {
        [
            (k & 255) as i32,
            (k >> 8 & 255) as i32,
            (k >> 16 & 255) as i32,
        ]
    };
    let mut index: rustc_hash::FxHashMap<u32, u8> = Default::default();
    for (i, &k) in kept.iter().enumerate() {
        index.insert(k, i as u8);
    }
    for &(k, _) in by_use.iter().skip(256) {
        let c = channels(k);
        let (best, shift) = kept
            .iter()
            .enumerate()
            .map(|(i, &q)| {
                let d = channels(q);
                let shift = (0..3).map(|j| (c[j] - d[j]).abs()).max().unwrap_or(0);
                let dist: i32 = (0..3).map(|j| (c[j] - d[j]).pow(2)).sum();
                (i, dist, shift)
            })
            .min_by_key(|&(i, dist, _)| (dist, i))
            .map(|(i, _, shift)| (i, shift))?;
        if shift > MAX_SHIFT {
            return None;
        }
        index.insert(k, best as u8);
    }
    let mut indices = vec![0u8; rgba.len() / 4];
    let mut last = (u32::MAX, 0u8);
    for (out, k) in indices.iter_mut().zip(words) {
        if k != last.0 {
            last = (k, *index.get(&k)?);
        }
        *out = last.1;
    }
    let table: Vec<u8> = kept
        .iter()
        .flat_map(|&k| channels(k).map(|c| c as u8))
        .collect();
    Some((table, indices))
}

/// A chart's opaque RGBA pixels (premultiplied on white: the RGBA is the RGB) as PNG: with a
/// palette when it has few enough colours ([`palette`]), else as RGB.
pub(crate) fn encode_png(rgba: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let rgb;
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_depth(png::BitDepth::Eight);
    let indexed = palette(rgba);
    let data: &[u8] = match &indexed {
        Some((table, indices)) => {
            enc.set_color(png::ColorType::Indexed);
            enc.set_palette(table.clone());
            // A palette's indices are not amounts: no filter (PNG's own advice). A third of
            // the bytes of RGB: level 4 takes about the time of RGB at level 2 and makes
            // files about a third smaller (levels 1 to 6 measured on the demo's charts).
            enc.set_deflate_compression(png::DeflateCompression::Level(4));
            enc.set_filter(png::Filter::NoFilter);
            indices
        }
        None => {
            enc.set_color(png::ColorType::Rgb);
            // Deflate level 2 (zlib-rs's fast strategy) with the "up" filter on every row.
            enc.set_deflate_compression(png::DeflateCompression::Level(2));
            enc.set_filter(png::Filter::Up);
            let mut copy = vec![0u8; rgba.len() / 4 * 3];
            for (out, p) in copy.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
                out.copy_from_slice(&p[..3]);
            }
            rgb = copy;
            &rgb
        }
    };
    let mut writer = enc.write_header().map_err(err)?;
    writer.write_image_data(data).map_err(err)?;
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
pub(crate) fn tick(fmt: ValueFormat, x: f64) -> String {
    let (v, decimals) = match fmt {
        ValueFormat::Percent => (x * 100.0, 0),
        ValueFormat::Signed2 => (x, 1),
        ValueFormat::SignedInt => (x, 0),
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

/// Split a label into at most two lines that fit `room` pixels (the second shortened if need be).
pub(crate) fn wrap2<DB: DrawingBackend>(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Rectangles and horizontal or vertical lines are drawn crisp; a sloped line, a polyline
    /// and text keep their anti-aliasing.
    #[test]
    fn only_axis_aligned_shapes_are_crisp() {
        let svg = "<svg width=\"10\">\n<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>\n<line x1=\"0\" y1=\"5\" x2=\"9\" y2=\"5\"/>\n<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"9\"/>\n<line x1=\"0\" y1=\"0\" x2=\"9\" y2=\"9\"/>\n<polyline points=\"0,0 1,1\"/>\n<text x=\"1\">a</text>\n</svg>\n";
        let out = crisp_edges(svg);
        let crisp: Vec<bool> = out
            .lines()
            .map(|l| l.contains("shape-rendering=\"crispEdges\""))
            .collect();
        assert_eq!(crisp, [false, true, true, true, false, false, false, false]);
        assert_eq!(out.lines().count(), svg.lines().count());
    }
}

//! Native PowerPoint charts (DrawingML charts, ECMA-376 Part 1 §21.2) from the chart specs:
//! bars with their intervals as custom error bars, trend lines, and the IPA scatter (one series
//! per attribute, so that each point is labelled by its name). Each chart's numbers are in its
//! embedded workbook, and its caches hold the same numbers, so that "Edit data" shows them and a
//! restyled chart keeps them.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::parts::{xml, FONT, NS_A, NS_C, NS_R};
use crate::chart::specs::Point;
use crate::chart::{BarChart, Chart, LineChart, Scatter, ValueFormat};

/// A native chart: its part's XML and its embedded workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct NativeChart {
    pub xml: String,
    pub workbook: Vec<u8>,
}

/// One column of the embedded sheet: its header and its cells.
enum Column {
    Text(String, Vec<String>),
    Numbers(String, Vec<Option<f64>>),
}

/// The chart as a native chart, where PowerPoint has its type (not heatmaps, not the map).
pub fn native(chart: &Chart) -> Result<Option<NativeChart>, XlsxError> {
    let (xml, columns) = match chart {
        Chart::Bar(c) => bar(c),
        Chart::Line(c) => line(c),
        Chart::Scatter(c) => scatter(c),
        Chart::Heat(_) | Chart::Map(_) => return Ok(None),
    };
    Ok(Some(NativeChart {
        xml,
        workbook: workbook(&columns)?,
    }))
}

/// The embedded workbook: one sheet, `Sheet1`, a header row and the columns. Texts are written
/// as texts, never as formulas.
fn workbook(columns: &[Column]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("journeygap")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    let sheet = wb.add_worksheet();
    sheet.set_name("Sheet1")?;
    for (c, col) in columns.iter().enumerate() {
        let c = c as u16;
        match col {
            Column::Text(head, cells) => {
                sheet.write_string(0, c, head)?;
                for (r, v) in cells.iter().enumerate() {
                    sheet.write_string(r as u32 + 1, c, v)?;
                }
            }
            Column::Numbers(head, cells) => {
                sheet.write_string(0, c, head)?;
                for (r, v) in cells.iter().enumerate() {
                    if let Some(v) = v.filter(|v| v.is_finite()) {
                        sheet.write_number(r as u32 + 1, c, v)?;
                    }
                }
            }
        }
    }
    sheet.set_column_width(0, 40)?;
    wb.save_to_buffer()
}

/// `Sheet1!$B$2:$B$6`: rows `2..=n+1` of column `c`.
fn range(c: usize, n: usize) -> String {
    let l = crate::ingest::column_letter(c);
    format!("Sheet1!${l}$2:${l}${}", n.max(1) + 1)
}

fn str_cache(values: &[String]) -> String {
    let pts: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", xml(v)))
        .collect();
    format!(
        "<c:strCache><c:ptCount val=\"{}\"/>{pts}</c:strCache>",
        values.len()
    )
}

fn num_cache(values: &[Option<f64>], format: &str) -> String {
    let pts: String = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .map(|(i, v)| {
            format!(
                "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
                crate::report::plain_number(v)
            )
        })
        .collect();
    format!(
        "<c:numCache><c:formatCode>{format}</c:formatCode><c:ptCount val=\"{}\"/>{pts}</c:numCache>",
        values.len()
    )
}

/// A series' name from the header cell of column `c`.
fn series_name(c: usize, name: &str) -> String {
    format!(
        "<c:tx><c:strRef><c:f>Sheet1!${}$1</c:f>{}</c:strRef></c:tx>",
        crate::ingest::column_letter(c),
        str_cache(&[name.to_string()])
    )
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("{r:02X}{g:02X}{b:02X}")
}

/// A stage's colour faded for a low base, as the drawn charts fade it (35 % of the colour).
fn faded((r, g, b): (u8, u8, u8)) -> (u8, u8, u8) {
    let m = |x: u8| (255.0 - (255.0 - x as f64) * 0.35).round() as u8;
    (m(r), m(g), m(b))
}

fn solid(rgb: (u8, u8, u8)) -> String {
    format!(
        "<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>",
        hex(rgb)
    )
}

/// The number format of a value axis and of its cells.
fn number_format(f: ValueFormat) -> &'static str {
    match f {
        ValueFormat::Percent => "0%",
        ValueFormat::Signed2 => "+0.00;−0.00;0.00",
        ValueFormat::SignedInt => "+0;−0;0",
    }
}

fn text_props(size: u32) -> String {
    format!(
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{size}\"><a:solidFill><a:srgbClr val=\"333333\"/></a:solidFill><a:latin typeface=\"{FONT}\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"en-GB\"/></a:p></c:txPr>"
    )
}

fn axis_title(text: &str) -> String {
    format!(
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"0\"><a:latin typeface=\"{FONT}\"/></a:defRPr></a:pPr><a:r><a:rPr lang=\"en-GB\" sz=\"1200\" b=\"0\"><a:latin typeface=\"{FONT}\"/></a:rPr><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>",
        xml(text)
    )
}

fn gridlines() -> &'static str {
    "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"E0E0E0\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
}

/// A value axis: id, crossing axis, position, range, format and title.
/// An axis range widened to whole steps of a round size (1, 2, 2.5 or 5 times a power of
/// ten, at most six of them), so that its ticks fall on round numbers: PowerPoint and
/// LibreOffice count the ticks from the axis' minimum. The step is the third value.
fn nice((lo, hi): (f64, f64)) -> (f64, f64, f64) {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return (lo, hi, 1.0);
    }
    let raw = span / 6.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    // Rounded to the step's own digits, so that 0.30000000000000004 is written as 0.3.
    let snap = |x: f64| (x / power * 1e6).round() / 1e6 * power;
    (
        snap((lo / step + 1e-9).floor() * step),
        snap((hi / step - 1e-9).ceil() * step),
        snap(step),
    )
}

fn val_axis(
    id: u32,
    cross: u32,
    (pos, crosses): (&str, &str),
    range: (f64, f64),
    format: &str,
    title: &str,
) -> String {
    let lim = |x: f64| crate::report::plain_number(x);
    let (lo, hi, step) = nice(range);
    format!(
        "<c:valAx><c:axId val=\"{id}\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"{}\"/><c:min val=\"{}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{pos}\"/>{}{}<c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}<c:crossAx val=\"{cross}\"/><c:crosses val=\"{crosses}\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"{}\"/></c:valAx>",
        lim(hi),
        lim(lo),
        gridlines(),
        if title.is_empty() { String::new() } else { axis_title(title) },
        xml(format),
        text_props(1200),
        lim(step)
    )
}

/// The chart part around a plot area.
fn chart_space(plot: &str, legend: bool) -> String {
    let legend = if legend {
        format!(
            "<c:legend><c:legendPos val=\"r\"/><c:overlay val=\"0\"/>{}</c:legend>",
            text_props(1200)
        )
    } else {
        String::new()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"{NS_C}\" xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\"><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>{plot}</c:plotArea>{legend}<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>\n",
        text_props(1400)
    )
}

/// Bars (horizontal, top to bottom as drawn), one colour per bar (its stage's; faded on a low
/// base), the interval as custom error bars, the value as a label.
fn bar(c: &BarChart) -> (String, Vec<Column>) {
    let n = c.bars.len();
    let labels: Vec<String> = c.bars.iter().map(|b| b.label.clone()).collect();
    let values: Vec<Option<f64>> = c.bars.iter().map(|b| Some(b.value)).collect();
    let lo: Vec<Option<f64>> = c.bars.iter().map(|b| b.ci.map(|x| x.0)).collect();
    let hi: Vec<Option<f64>> = c.bars.iter().map(|b| b.ci.map(|x| x.1)).collect();
    let plus: Vec<Option<f64>> = c
        .bars
        .iter()
        .map(|b| b.ci.map(|x| (x.1 - b.value).max(0.0)))
        .collect();
    let minus: Vec<Option<f64>> = c
        .bars
        .iter()
        .map(|b| b.ci.map(|x| (b.value - x.0).max(0.0)))
        .collect();
    let bases: Vec<Option<f64>> = c.bars.iter().map(|b| Some(b.n as f64)).collect();
    let format = number_format(c.format);
    let points: String = c
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let rgb = if b.low_base { faded(b.rgb) } else { b.rgb };
            format!(
                "<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr>{}</c:spPr></c:dPt>",
                solid(rgb)
            )
        })
        .collect();
    let error_bars = if c.bars.iter().any(|b| b.ci.is_some()) {
        format!(
            "<c:errBars><c:errBarType val=\"both\"/><c:errValType val=\"cust\"/><c:noEndCap val=\"0\"/><c:plus><c:numRef><c:f>{}</c:f>{}</c:numRef></c:plus><c:minus><c:numRef><c:f>{}</c:f>{}</c:numRef></c:minus><c:spPr><a:ln w=\"22225\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr></c:errBars>",
            range(4, n),
            num_cache(&plus, "General"),
            range(5, n),
            num_cache(&minus, "General")
        )
    } else {
        String::new()
    };
    // Values beside the bars when there are no whiskers to collide with.
    let labels_xml = if c.bars.iter().any(|b| b.ci.is_some()) {
        String::new()
    } else {
        format!(
        "<c:dLbls><c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>",
        xml(format),
        text_props(1200)
    )
    };
    let plot = format!(
        "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/>{}<c:spPr>{}</c:spPr><c:invertIfNegative val=\"0\"/>{points}{labels_xml}{error_bars}<c:cat><c:strRef><c:f>{}</c:f>{}</c:strRef></c:cat><c:val><c:numRef><c:f>{}</c:f>{}</c:numRef></c:val></c:ser><c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>\
<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>{}",
        series_name(1, &c.x_label),
        solid((0, 114, 178)),
        range(0, n),
        str_cache(&labels),
        range(1, n),
        num_cache(&values, format),
        text_props(1300),
        val_axis(1002, 1001, ("b", "max"), c.x_range, format, &c.x_label),
    );
    let columns = vec![
        Column::Text("label".into(), labels),
        Column::Numbers(c.x_label.clone(), values),
        Column::Numbers("ci_low".into(), lo),
        Column::Numbers("ci_high".into(), hi),
        Column::Numbers("error_plus".into(), plus),
        Column::Numbers("error_minus".into(), minus),
        Column::Numbers("n".into(), bases),
    ];
    (chart_space(&plot, false), columns)
}

/// One line per series over the periods, in the series' colour.
fn line(c: &LineChart) -> (String, Vec<Column>) {
    let n = c.periods.len();
    let format = number_format(c.format);
    let mut columns = vec![Column::Text("period".into(), c.periods.clone())];
    let mut series = String::new();
    for (k, s) in c.series.iter().enumerate() {
        let values: Vec<Option<f64>> = (0..n)
            .map(|i| s.points.get(i).and_then(|p| p.as_ref()).map(|p| p.0))
            .collect();
        series.push_str(&format!(
            "<c:ser><c:idx val=\"{k}\"/><c:order val=\"{k}\"/>{}<c:spPr><a:ln w=\"34925\" cap=\"rnd\">{}<a:round/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"7\"/><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr></c:marker><c:cat><c:strRef><c:f>{}</c:f>{}</c:strRef></c:cat><c:val><c:numRef><c:f>{}</c:f>{}</c:numRef></c:val><c:smooth val=\"0\"/></c:ser>",
            series_name(k + 1, &s.label),
            solid(s.rgb),
            solid(s.rgb),
            range(0, n),
            str_cache(&c.periods),
            range(k + 1, n),
            num_cache(&values, format),
        ));
        columns.push(Column::Numbers(s.label.clone(), values));
    }
    let plot = format!(
        "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>{series}<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>\
<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>{}",
        text_props(1300),
        val_axis(1002, 1001, ("l", "autoZero"), c.y_range, format, &c.y_label),
    );
    (chart_space(&plot, true), columns)
}

/// The IPA scatter: one series per attribute (its name the point's label), in the stage's
/// colour, faded on a low base.
fn scatter(c: &Scatter) -> (String, Vec<Column>) {
    let n = c.points.len();
    let names: Vec<String> = c.points.iter().map(|p| p.label.clone()).collect();
    let xs: Vec<Option<f64>> = c.points.iter().map(|p| Some(p.x)).collect();
    let ys: Vec<Option<f64>> = c.points.iter().map(|p| Some(p.y)).collect();
    let sides = label_sides(&c.points, c.x_range, c.y_range);
    // The crosshairs come first: LibreOffice draws no point of a series after a two-point one.
    let crosshairs = usize::from(c.crosshair.is_some()) * 2;
    let mut series = String::new();
    for (i, p) in c.points.iter().enumerate() {
        let row = i + 2;
        let point = i;
        let i = i + crosshairs;
        let rgb = if p.low_base { faded(c.rgb) } else { c.rgb };
        series.push_str(&format!(
            "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:strRef><c:f>Sheet1!$A${row}</c:f>{}</c:strRef></c:tx><c:spPr><a:ln w=\"19050\"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"10\"/><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr></c:marker><c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val=\"{}\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"0\"/><c:showCatName val=\"0\"/><c:showSerName val=\"1\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls><c:xVal><c:numRef><c:f>Sheet1!$B${row}</c:f>{}</c:numRef></c:xVal><c:yVal><c:numRef><c:f>Sheet1!$C${row}</c:f>{}</c:numRef></c:yVal><c:smooth val=\"0\"/></c:ser>",
            str_cache(std::slice::from_ref(&names[point])),
            solid(rgb),
            text_props(1100),
            sides[point],
            num_cache(&[Some(p.x)], "0.00"),
            num_cache(&[Some(p.y)], "0.00"),
        ));
    }
    // The crosshairs, as two lines without markers (their ends in the sheet under the points).
    let mut extra: Vec<(String, [f64; 2], [f64; 2])> = Vec::new();
    if let Some((cx, cy)) = c.crosshair {
        // Across the whole axes, as widened to round steps.
        let (x0, x1, _) = nice(c.x_range);
        let (y0, y1, _) = nice(c.y_range);
        extra.push(("crosshair (importance)".into(), [x0, x1], [cy, cy]));
        extra.push(("crosshair (performance)".into(), [cx, cx], [y0, y1]));
    }
    let mut names = names;
    let (mut xs, mut ys) = (xs, ys);
    let mut lines = String::new();
    for (k, (name, x, y)) in extra.iter().enumerate() {
        let first = n + 2 + 2 * k;
        let i = k;
        lines.push_str(&format!(
            "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:strRef><c:f>Sheet1!$A${first}</c:f>{}</c:strRef></c:tx><c:spPr><a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"888888\"/></a:solidFill><a:prstDash val=\"dash\"/></a:ln></c:spPr><c:marker><c:symbol val=\"none\"/></c:marker><c:xVal><c:numRef><c:f>Sheet1!$B${first}:$B${}</c:f>{}</c:numRef></c:xVal><c:yVal><c:numRef><c:f>Sheet1!$C${first}:$C${}</c:f>{}</c:numRef></c:yVal><c:smooth val=\"0\"/></c:ser>",
            str_cache(std::slice::from_ref(name)),
            first + 1,
            num_cache(&[Some(x[0]), Some(x[1])], "0.00"),
            first + 1,
            num_cache(&[Some(y[0]), Some(y[1])], "0.00"),
        ));
        names.extend([name.clone(), name.clone()]);
        xs.extend([Some(x[0]), Some(x[1])]);
        ys.extend([Some(y[0]), Some(y[1])]);
    }
    let plot = format!(
        "<c:scatterChart><c:scatterStyle val=\"lineMarker\"/><c:varyColors val=\"0\"/>{lines}{series}<c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:scatterChart>{}{}",
        val_axis(1001, 1002, ("b", "min"), c.x_range, "0.0", &c.x_label),
        val_axis(1002, 1001, ("l", "min"), c.y_range, "0.0", &c.y_label),
    );
    let columns = vec![
        Column::Text("attribute".into(), names),
        Column::Numbers(c.x_label.clone(), xs),
        Column::Numbers(c.y_label.clone(), ys),
    ];
    (chart_space(&plot, false), columns)
}

/// Where each point's label goes (`r`, `l`, `t` or `b`): the first side whose label, as
/// wide as a chart's labels wrap (about 18 characters), overlaps no label placed before it
/// and no other point; else the side that covers least of them. Neither PowerPoint nor LibreOffice moves
/// a label off another.
fn label_sides(points: &[Point], x_range: (f64, f64), y_range: (f64, f64)) -> Vec<&'static str> {
    let span = |(lo, hi): (f64, f64)| if hi > lo { hi - lo } else { 1.0 };
    let (sx, sy) = (span(x_range), span(y_range));
    // Points on a unit square; a box is (x0, y0, x1, y1).
    let at: Vec<(f64, f64)> = points
        .iter()
        .map(|p| ((p.x - x_range.0) / sx, (p.y - y_range.0) / sy))
        .collect();
    // The area two boxes share.
    let shared = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
        (a.2.min(b.2) - a.0.max(b.0)).max(0.0) * (a.3.min(b.3) - a.1.max(b.1)).max(0.0)
    };
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::with_capacity(at.len());
    for (i, (p, &(x, y))) in points.iter().zip(&at).enumerate() {
        let chars = p.label.chars().count() as f64;
        let (w, h) = (
            chars.min(18.0) * 0.013,
            (chars / 18.0).ceil().max(1.0) * 0.07,
        );
        let boxes = [
            ("r", (x + 0.015, y - h / 2.0, x + 0.015 + w, y + h / 2.0)),
            ("l", (x - 0.015 - w, y - h / 2.0, x - 0.015, y + h / 2.0)),
            ("t", (x - w / 2.0, y + 0.02, x + w / 2.0, y + 0.02 + h)),
            ("b", (x - w / 2.0, y - 0.02 - h, x + w / 2.0, y - 0.02)),
        ];
        // How much of the labels placed before and of the other points a side's label would
        // cover (a point's box counted ten times: a label over a point hides it).
        let covers = |b: (f64, f64, f64, f64)| -> f64 {
            let labels: f64 = placed.iter().map(|q| shared(b, *q)).sum();
            let points: f64 = at
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, &(px, py))| shared(b, (px - 0.01, py - 0.015, px + 0.01, py + 0.015)))
                .sum();
            labels + 10.0 * points
        };
        // The first side that covers nothing, else the one that covers least.
        let (side, b) = boxes
            .iter()
            .copied()
            .min_by(|x, y| covers(x.1).total_cmp(&covers(y.1)))
            .unwrap_or(boxes[0]);
        placed.push(b);
        out.push(side);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_widened_to_round_steps() {
        assert_eq!(nice((-1.25, 0.45)), (-1.5, 0.5, 0.5));
        assert_eq!(nice((0.0, 0.5)), (0.0, 0.5, 0.1));
        assert_eq!(nice((-100.0, 100.0)), (-100.0, 100.0, 50.0));
        assert_eq!(nice((2.9, 4.5)), (2.5, 4.5, 0.5));
        assert_eq!(nice((3.0, 3.0)), (3.0, 3.0, 1.0));
    }

    /// Two points side by side: the second's label goes where the first's is not.
    #[test]
    fn close_points_label_on_different_sides() {
        let point = |label: &str, x: f64, y: f64| Point {
            label: label.into(),
            x,
            y,
            low_base: false,
        };
        let points = [
            point("Understanding of our business", 5.0, 5.0),
            point("Responsiveness", 5.6, 5.0),
            point("Fees", 1.0, 1.0),
        ];
        let sides = label_sides(&points, (0.0, 10.0), (0.0, 10.0));
        assert_eq!(sides[2], "r");
        assert_ne!(sides[0], sides[1], "{sides:?}");
    }

    #[test]
    fn ranges_name_rows_two_to_n_plus_one() {
        assert_eq!(range(1, 5), "Sheet1!$B$2:$B$6");
    }
}

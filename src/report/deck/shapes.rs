//! A slide's and a notes page's XML: titles in the layout's placeholders (or text boxes where
//! a template's layout has none), bullets and captions as text boxes in the theme's font, a
//! chart's frame or a picture in the room under the title.

use super::parts::{group, xml, NS_A, NS_C, NS_P, NS_R};
use super::slides::{Body, Slide};
use crate::chart::DrawnChart;

/// A rectangle in EMU: x, y, width, height.
pub(super) type Rect = (i64, i64, i64, i64);

/// Which placeholders the layouts have for the titles (the built-in ones have both), and the
/// room for the content when a template says where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Titles {
    pub ctr_title: bool,
    pub title: bool,
    pub body: Option<Rect>,
}

/// A paragraph of text in a run of `size` hundredths of a point (0: the placeholder's).
fn para(text: &str, size: u32, bold: bool) -> String {
    let sz = if size > 0 {
        format!(" sz=\"{size}\"")
    } else {
        String::new()
    };
    let b = if bold { " b=\"1\"" } else { "" };
    format!(
        "<a:p><a:r><a:rPr lang=\"en-GB\"{sz}{b} dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
        xml(text)
    )
}

/// A slide's title: in the layout's placeholder `ph` when it has one, else a text box at
/// `fallback` (in bold, as a title placeholder would set it).
fn title_shape(
    has_ph: bool,
    ph: &str,
    fallback: Rect,
    text: &str,
    (size, bold): (u32, bool),
) -> String {
    if has_ph {
        format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"{ph}\"/></p:nvPr></p:nvSpPr><p:spPr></p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{}</p:txBody></p:sp>",
            para(text, size, bold)
        )
    } else {
        text_box(
            2,
            fallback,
            std::slice::from_ref(&text.to_string()),
            (size, false, false, true),
        )
    }
}

/// A text box (not a placeholder) in the theme's body font: `size` hundredths of a point,
/// grey or black, with bullets or without, bold or not.
fn text_box(
    id: u32,
    (x, y, w, h): Rect,
    lines: &[String],
    (size, grey, bullets, bold): (u32, bool, bool, bool),
) -> String {
    let colour = if grey { "555555" } else { "222222" };
    let ppr = if bullets {
        "<a:pPr marL=\"285750\" indent=\"-285750\"><a:spcBef><a:spcPts val=\"600\"/></a:spcBef><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/></a:pPr>"
    } else {
        "<a:pPr marL=\"0\" indent=\"0\"><a:buNone/></a:pPr>"
    };
    let b = if bold { " b=\"1\"" } else { "" };
    let paras: String = lines
        .iter()
        .map(|l| {
            format!(
                "<a:p>{ppr}<a:r><a:rPr lang=\"en-GB\" sz=\"{size}\"{b} dirty=\"0\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:rPr><a:t>{}</a:t></a:r></a:p>",
                xml(l)
            )
        })
        .collect();
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Text {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paras}</p:txBody></p:sp>"
    )
}

/// The area below the title, in EMU, for a slide of `size`.
pub(super) fn content_area((w, h): (i64, i64)) -> Rect {
    (w * 4 / 100, h * 19 / 100, w * 92 / 100, h * 78 / 100)
}

/// A 16:9 frame as large as fits in `area`, centred.
fn frame_in((x, y, w, h): Rect) -> Rect {
    let (fw, fh) = if w * 9 > h * 16 {
        (h * 16 / 9, h)
    } else {
        (w, w * 9 / 16)
    };
    (x + (w - fw) / 2, y + (h - fh) / 2, fw, fh)
}

/// A title sized to its length: a long finding in a smaller type.
fn title_size(title: &str) -> u32 {
    match title.chars().count() {
        0..=60 => 2600,
        61..=110 => 2200,
        _ => 1800,
    }
}

/// A chart's picture (relationship `rId2`) as large as fits in `area`.
fn picture(name: &str, area: Rect) -> String {
    let (x, y, w, h) = frame_in(area);
    format!(
        "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"{n}\" descr=\"{n}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
        n = xml(name)
    )
}

/// A native chart (relationship `rId2`) in `area`: its title and subtitle above it as a
/// caption, its notes under it.
fn native_chart(chart: &DrawnChart, (ax, ay, aw, ah): Rect) -> String {
    let (t, sub, notes) = chart.spec.texts();
    let caption_h = ah / 9;
    let mut out = text_box(
        3,
        (ax, ay, aw, caption_h),
        &[format!("{t}. {sub}.")],
        (1200, true, false, false),
    );
    let notes_h = if notes.is_empty() { 0 } else { ah / 12 };
    let (x, y, w, h) = (ax, ay + caption_h, aw, ah - caption_h - notes_h);
    out.push_str(&format!(
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"{}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></p:xfrm><a:graphic><a:graphicData uri=\"{NS_C}\"><c:chart xmlns:c=\"{NS_C}\" r:id=\"rId2\"/></a:graphicData></a:graphic></p:graphicFrame>",
        xml(&chart.name)
    ));
    if !notes.is_empty() {
        out.push_str(&text_box(
            5,
            (ax, y + h, aw, notes_h),
            notes,
            (1100, true, false, false),
        ));
    }
    out
}

/// The slide's XML on a slide of `size`; a chart or picture is its relationship `rId2`.
pub(super) fn slide_xml(
    s: &Slide,
    drawn: &[DrawnChart],
    size: (i64, i64),
    titles: Titles,
) -> String {
    let area = titles.body.unwrap_or_else(|| content_area(size));
    let (w, h) = size;
    let shapes = match &s.body {
        Body::Opening(lines) => {
            title_shape(
                titles.ctr_title,
                "ctrTitle",
                (w * 8 / 100, h * 30 / 100, w * 84 / 100, h * 22 / 100),
                &s.title,
                (3600, true),
            ) + &text_box(
                3,
                (w * 8 / 100, h * 55 / 100, w * 84 / 100, h * 25 / 100),
                lines,
                (1600, true, false, false),
            )
        }
        body => {
            let title = title_shape(
                titles.title,
                "title",
                (w * 4 / 100, h * 4 / 100, w * 92 / 100, h * 13 / 100),
                &s.title,
                (title_size(&s.title), false),
            );
            let content = match body {
                Body::Bullets(lines) => text_box(3, area, lines, (1600, false, true, false)),
                Body::Picture(i) => picture(&drawn[*i].name, area),
                Body::Native(i) => native_chart(&drawn[*i], area),
                Body::Opening(_) => String::new(),
            };
            title + &content
        }
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>\n",
        group()
    )
}

/// A notes page: the slide's picture and the notes.
pub(super) fn notes_xml(notes: &[String]) -> String {
    let paras: String = if notes.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>".into()
    } else {
        notes.iter().map(|l| para(l, 0, false)).collect()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:notes xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{}<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>\n",
        group()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_keep_sixteen_by_nine() {
        let (_, _, w, h) = frame_in((0, 0, 1600, 600));
        assert_eq!((w, h), (1066, 600));
        let (_, _, w, h) = frame_in((0, 0, 1600, 1600));
        assert_eq!((w, h), (1600, 900));
    }
}

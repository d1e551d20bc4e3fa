//! The built-in look of the deck: its theme, slide master, layouts and notes master, as
//! PresentationML parts (ECMA-376). A firm's template replaces all but the notes master.

/// The namespaces every part declares.
pub const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
pub const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// Relationship types.
pub const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The font of the charts, for the deck's text too.
pub const FONT: &str = "DejaVu Sans";

/// A theme: the stage colours as its accents (Okabe–Ito, in journey order), the charts' font.
pub fn theme(name: &str) -> String {
    let accents = ["0072B2", "D55E00", "009E73", "E69F00", "CC79A7", "56B4E9"];
    let accent_xml: String = accents
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "<a:accent{n}><a:srgbClr val=\"{c}\"/></a:accent{n}>",
                n = i + 1
            )
        })
        .collect();
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!("<a:ln w=\"{w}\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a:theme xmlns:a=\"{NS_A}\" name=\"{name}\"><a:themeElements>\
<a:clrScheme name=\"journeygap\"><a:dk1><a:srgbClr val=\"222222\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"0072B2\"/></a:dk2><a:lt2><a:srgbClr val=\"EEEEEE\"/></a:lt2>{accent_xml}<a:hlink><a:srgbClr val=\"0072B2\"/></a:hlink><a:folHlink><a:srgbClr val=\"CC79A7\"/></a:folHlink></a:clrScheme>\
<a:fontScheme name=\"journeygap\"><a:majorFont><a:latin typeface=\"{FONT}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"{FONT}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>\
<a:fmtScheme name=\"journeygap\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst>\
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>\n",
        line(6350),
        line(12700),
        line(19050)
    )
}

const CLR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

const GROUP: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

/// The group shape every shape tree opens with.
pub fn group() -> &'static str {
    GROUP
}

/// A placeholder shape of `kind` (`title`, `body`, …) at a position, with no text (a master's
/// or a layout's).
fn placeholder(
    id: u32,
    name: &str,
    kind: &str,
    idx: Option<u32>,
    at: (i64, i64, i64, i64),
) -> String {
    let idx = idx.map(|i| format!(" idx=\"{i}\"")).unwrap_or_default();
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"{kind}\"{idx}/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>",
        at.0, at.1, at.2, at.3
    )
}

/// The slide's width and height in EMU (16:9).
pub const SLIDE: (i64, i64) = (12_192_000, 6_858_000);

/// Where a title sits on the built-in master.
pub const TITLE_AT: (i64, i64, i64, i64) = (457_200, 228_600, 11_277_600, 960_120);

fn level(n: u32, size: u32, bullet: bool) -> String {
    let indent = if bullet {
        format!(" marL=\"{}\" indent=\"-228600\"", 228_600 * n)
    } else {
        String::new()
    };
    let b = if bullet {
        "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>"
    } else {
        "<a:buNone/>"
    };
    format!(
        "<a:lvl{n}pPr{indent}>{b}<a:defRPr sz=\"{size}\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl{n}pPr>"
    )
}

/// The built-in slide master: a title across the top, a body under it.
pub fn slide_master(layouts: usize) -> String {
    let ids: String = (0..layouts)
        .map(|i| {
            format!(
                "<p:sldLayoutId id=\"{}\" r:id=\"rId{}\"/>",
                2_147_483_649u64 + i as u64,
                i + 1
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sldMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>{GROUP}{}{}\
<p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Rule\"/><p:cNvSpPr/><p:nvPr userDrawn=\"1\"/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"457200\" y=\"1188720\"/><a:ext cx=\"11277600\" cy=\"27432\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"0072B2\"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>\
</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"2600\" b=\"1\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>{}{}</p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1400\"><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>\n",
        placeholder(2, "Title", "title", None, TITLE_AT),
        placeholder(3, "Text", "body", Some(1), (457_200, 1_371_600, 11_277_600, 5_029_200)),
        level(1, 2000, true),
        level(2, 1800, true),
    )
}

/// The built-in layouts: a title slide (`title`) and a title with content (`obj`).
pub fn slide_layouts() -> Vec<(&'static str, String)> {
    let layout = |kind: &str, name: &str, shapes: String| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sldLayout xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" type=\"{kind}\" preserve=\"1\"{}><p:cSld name=\"{name}\"><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>\n",
            // The title slide without the master's rule.
            if kind == "title" { " showMasterSp=\"0\"" } else { "" }
        )
    };
    vec![
        (
            "title",
            layout(
                "title",
                "Title Slide",
                placeholder(
                    2,
                    "Title",
                    "ctrTitle",
                    None,
                    (914_400, 2_130_552, 10_363_200, 1_470_025),
                ) + &placeholder(
                    3,
                    "Subtitle",
                    "subTitle",
                    Some(1),
                    (914_400, 3_749_040, 10_363_200, 1_752_600),
                ),
            ),
        ),
        (
            "obj",
            layout(
                "obj",
                "Title and Content",
                placeholder(2, "Title", "title", None, TITLE_AT)
                    + &placeholder(
                        3,
                        "Content",
                        "body",
                        Some(1),
                        (457_200, 1_371_600, 11_277_600, 5_029_200),
                    ),
            ),
        ),
    ]
}

/// The notes master: the slide's picture above, the notes below.
pub fn notes_master() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:notesMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{GROUP}{}{}</p:spTree></p:cSld>{CLR_MAP}<p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>\n",
        placeholder(2, "Slide Image", "sldImg", Some(2), (381_000, 685_800, 6_096_000, 3_429_000)),
        placeholder(3, "Notes", "body", Some(3), (685_800, 4_343_400, 5_486_400, 4_114_800)),
    )
}

/// `presProps.xml`, `viewProps.xml` and `tableStyles.xml`, which PowerPoint expects.
pub fn small_parts() -> [(&'static str, String); 3] {
    [
        (
            "ppt/presProps.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:presentationPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"/>\n"),
        ),
        (
            "ppt/viewProps.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:viewPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>\n"),
        ),
        (
            "ppt/tableStyles.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a:tblStyleLst xmlns:a=\"{NS_A}\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>\n"),
        ),
    ]
}

/// A relationships part from (id, type, target) triples.
pub fn rels<S: AsRef<str>>(items: &[(String, S, String)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in items {
        s.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{}\" Target=\"{}\"/>",
            kind.as_ref(),
            xml(target)
        ));
    }
    s.push_str("</Relationships>\n");
    s
}

/// Text escaped for XML, with the characters XML 1.0 cannot hold left out.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c as u32, 0xFFFE | 0xFFFF | 0xD800..=0xDFFF) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

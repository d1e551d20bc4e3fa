//! `deck.pptx`: the report as slides (PRODUCT §7). A title slide, the provisional slide when
//! the config still holds guesses, the journey map, one slide per finding (its sentence the
//! title, its chart below), data quality and method; bases, tests and q-values in the speaker
//! notes. Bars, lines and scatters are native charts with their numbers in an embedded
//! workbook; heatmaps and the map are pictures. Written by a small OOXML writer on `zip` and
//! `rust_xlsxwriter` (no pptx crate on crates.io writes native charts with their workbook).
//! Byte-identical for the same inputs: fixed dates, ids in slide order, parts in one order.

pub mod chart;
pub mod parts;
pub mod template;

use std::collections::BTreeMap;
use std::io::Write;

use parts::{group, rels, xml, NS_A, NS_C, NS_P, NS_R, REL, SLIDE};
pub use template::{Template, TemplateError};

use crate::chart::{Chart, DrawnChart, Section as ChartSection};
use crate::report::findings::Section;

/// Why the deck could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    #[error("deck.pptx: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("deck.pptx: {0}")]
    Io(#[from] std::io::Error),
    #[error("deck.pptx: a chart's workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
}

/// What the deck shows, made by the report beside its documents.
pub struct DeckInput<'a> {
    /// The report's heading (its title and period).
    pub title: String,
    /// Lines under the title: respondents, fieldwork.
    pub lines: Vec<String>,
    /// The provisional box: heading and lines.
    pub provisional: Option<(String, Vec<String>)>,
    pub sections: &'a [Section],
    pub drawn: &'a [DrawnChart],
    pub specs: &'a [Chart],
    /// Each stage's key and label, to find the findings about a stage's chart.
    pub stage_labels: Vec<(String, String)>,
    pub quality: Vec<String>,
    pub method: Vec<String>,
}

/// What a slide shows below its title.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    /// The title slide: subtitle lines.
    Opening(Vec<String>),
    Bullets(Vec<String>),
    /// A chart drawn as a picture: its name.
    Picture(String),
    /// A native chart: its index in the specs.
    Native(usize),
}

#[derive(Debug, Clone, PartialEq)]
struct Slide {
    title: String,
    body: Body,
    notes: Vec<String>,
}

/// At most this many bullets a slide; more go on the next one.
const BULLETS: usize = 6;

/// A finding as a slide's title: the sentence without its closing brackets of figures (they
/// are in the notes).
fn headline(finding: &str) -> String {
    let plain = crate::escape::slide_line(finding);
    let t = plain.trim_end();
    if let Some(body) = t.strip_suffix(").") {
        if let Some(open) = body.rfind(" (") {
            return format!("{}.", &body[..open]);
        }
    }
    t.to_string()
}

fn plain(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| crate::escape::slide_line(l)).collect()
}

/// Bullets in slides of at most [`BULLETS`], the title numbered when there are several.
fn bullet_slides(title: &str, lines: &[String], notes: &[String]) -> Vec<Slide> {
    let chunks: Vec<&[String]> = lines.chunks(BULLETS).collect();
    let n = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, c)| Slide {
            title: if n > 1 {
                format!("{title} ({}/{n})", i + 1)
            } else {
                title.to_string()
            },
            body: Body::Bullets(plain(c)),
            notes: notes.to_vec(),
        })
        .collect()
}

/// The slides, in the report's order.
fn slides(input: &DeckInput) -> Vec<Slide> {
    let mut out = vec![Slide {
        title: crate::escape::slide_line(&input.title),
        body: Body::Opening(plain(&input.lines)),
        notes: plain(&input.lines),
    }];
    if let Some((heading, lines)) = &input.provisional {
        out.extend(bullet_slides(
            &crate::escape::slide_line(heading),
            lines,
            &plain(lines),
        ));
    }
    for sec in input.sections {
        let findings = plain(&sec.findings);
        let mut used = vec![false; sec.findings.len()];
        let of_a_stage = |name: &str| {
            input
                .stage_labels
                .iter()
                .any(|(key, _)| name.ends_with(&format!("_{key}")))
        };
        let stage_less = sec.charts.iter().filter(|c| !of_a_stage(c)).count();
        for name in &sec.charts {
            let spec = input.specs.iter().position(|c| c.name() == name);
            let map = spec.is_some_and(|i| input.specs[i].section() == ChartSection::Map);
            // The finding a chart shows: for a stage's chart, the first about that stage (it
            // starts with the stage's label); for the one chart of a section not about a
            // stage, the section's first (one with its figures before one without). Any other chart keeps its
            // own title (a finding is never put over a chart that does not show it).
            let stage_label = input
                .stage_labels
                .iter()
                .find(|(key, _)| name.ends_with(&format!("_{key}")))
                .map(|(_, label)| label.to_lowercase());
            let sole = stage_less == 1;
            // A finding with its figures first ("read from “…”" says no result).
            let with_figures = |k: usize| headline(&sec.findings[k]) != findings[k].trim_end();
            let order: Vec<usize> = (0..sec.findings.len())
                .filter(|&k| with_figures(k))
                .chain((0..sec.findings.len()).filter(|&k| !with_figures(k)))
                .collect();
            let pick = (!map && (stage_label.is_some() || sole))
                .then(|| {
                    order.iter().copied().find(|&k| {
                        !used[k]
                            && stage_label
                                .as_ref()
                                .is_none_or(|l| findings[k].to_lowercase().starts_with(l.as_str()))
                    })
                })
                .flatten();
            let title = match (pick, spec) {
                (Some(k), _) => {
                    used[k] = true;
                    headline(&sec.findings[k])
                }
                (None, Some(i)) if !map => input.specs[i].texts().0.to_string(),
                _ => sec.title.clone(),
            };
            let mut notes = findings.clone();
            if let Some(i) = spec {
                let (t, sub, chart_notes) = input.specs[i].texts();
                notes.push(format!("Chart: {t}. {sub}."));
                notes.extend(chart_notes.iter().cloned());
            }
            let native =
                spec.filter(|&i| !matches!(input.specs[i], Chart::Heat(_) | Chart::Map(_)));
            let body = match native {
                Some(i) => Body::Native(i),
                None => Body::Picture(name.clone()),
            };
            out.push(Slide { title, body, notes });
        }
        // The findings no chart showed, in their order, on slides of their own (the map's
        // line says how it is read: it stays in the notes).
        let rest: Vec<String> = sec
            .findings
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(f, _)| f.clone())
            .collect();
        let map_section = sec.charts.iter().any(|c| c == "journey_map");
        if !rest.is_empty() && !map_section {
            let title = if sec.charts.is_empty() {
                sec.title.clone()
            } else {
                format!("{} — findings", sec.title)
            };
            out.extend(bullet_slides(&title, &rest, &findings));
        }
    }
    out.extend(bullet_slides(
        "Data quality",
        &input.quality,
        &plain(&input.quality),
    ));
    out.extend(bullet_slides(
        "Method",
        &input.method,
        &plain(&input.method),
    ));
    out
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

/// A placeholder shape with paragraphs; at a position when `at` is given.
fn ph_shape(id: u32, name: &str, ph: &str, at: Option<(i64, i64, i64, i64)>, body: &str) -> String {
    let xfrm = at
        .map(|(x, y, w, h)| {
            format!("<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm>")
        })
        .unwrap_or_default();
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"
    )
}

/// A text box (not a placeholder) in the theme's body font: `size` hundredths of a point,
/// grey or black, with bullets or without.
fn text_box(
    id: u32,
    (x, y, w, h): (i64, i64, i64, i64),
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

/// Which placeholders the layouts have for the titles (the built-in ones have both).
#[derive(Debug, Clone, Copy)]
struct Titles {
    ctr_title: bool,
    title: bool,
    /// The room for the content, when the template says where it is.
    body: Option<(i64, i64, i64, i64)>,
}

/// The area below the title, in EMU, for a slide of `size`.
fn content_area((w, h): (i64, i64)) -> (i64, i64, i64, i64) {
    (w * 4 / 100, h * 19 / 100, w * 92 / 100, h * 78 / 100)
}

/// A 16:9 frame as large as fits in `area`, centred.
fn frame_in((x, y, w, h): (i64, i64, i64, i64)) -> (i64, i64, i64, i64) {
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

/// The slide's XML and what its relationship `rId2` is (a chart or a picture), if any.
fn slide_xml(s: &Slide, input: &DeckInput, size: (i64, i64), titles: Titles) -> String {
    let mut shapes = String::new();
    let area = titles.body.unwrap_or_else(|| content_area(size));
    let (w, h) = size;
    match &s.body {
        Body::Opening(lines) => {
            if titles.ctr_title {
                shapes.push_str(&ph_shape(
                    2,
                    "Title",
                    "<p:ph type=\"ctrTitle\"/>",
                    None,
                    &para(&s.title, 3600, true),
                ));
            } else {
                shapes.push_str(&text_box(
                    2,
                    (w * 8 / 100, h * 30 / 100, w * 84 / 100, h * 22 / 100),
                    std::slice::from_ref(&s.title),
                    (3600, false, false, true),
                ));
            }
            shapes.push_str(&text_box(
                3,
                (w * 8 / 100, h * 55 / 100, w * 84 / 100, h * 25 / 100),
                lines,
                (1600, true, false, false),
            ));
        }
        body => {
            let size_of_title = title_size(&s.title);
            if titles.title {
                shapes.push_str(&ph_shape(
                    2,
                    "Title",
                    "<p:ph type=\"title\"/>",
                    None,
                    &para(&s.title, size_of_title, false),
                ));
            } else {
                shapes.push_str(&text_box(
                    2,
                    (w * 4 / 100, h * 4 / 100, w * 92 / 100, h * 13 / 100),
                    std::slice::from_ref(&s.title),
                    (size_of_title, false, false, true),
                ));
            }
            match body {
                Body::Bullets(lines) => {
                    shapes.push_str(&text_box(3, area, lines, (1600, false, true, false)));
                }
                Body::Picture(name) => {
                    let (x, y, w, h) = frame_in(area);
                    shapes.push_str(&format!(
                        "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"{}\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
                        xml(name),
                        xml(name)
                    ));
                }
                Body::Native(i) => {
                    let (ax, ay, aw, ah) = area;
                    let (t, sub, notes) = input.specs[*i].texts();
                    let caption_h = ah / 9;
                    shapes.push_str(&text_box(
                        3,
                        (ax, ay, aw, caption_h),
                        &[format!("{t}. {sub}.")],
                        (1200, true, false, false),
                    ));
                    let notes_h = if notes.is_empty() { 0 } else { ah / 12 };
                    let (x, y, w, h) = (ax, ay + caption_h, aw, ah - caption_h - notes_h);
                    shapes.push_str(&format!(
                        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"{}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></p:xfrm><a:graphic><a:graphicData uri=\"{NS_C}\"><c:chart xmlns:c=\"{NS_C}\" r:id=\"rId2\"/></a:graphicData></a:graphic></p:graphicFrame>",
                        xml(input.specs[*i].name())
                    ));
                    if !notes.is_empty() {
                        shapes.push_str(&text_box(
                            5,
                            (ax, y + h, aw, notes_h),
                            notes,
                            (1100, true, false, false),
                        ));
                    }
                }
                Body::Opening(_) => {}
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>\n",
        group()
    )
}

fn notes_xml(notes: &[String]) -> String {
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

const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// The package's parts, in the order they are written.
struct Package {
    parts: Vec<(String, Vec<u8>)>,
    overrides: BTreeMap<String, String>,
    defaults: BTreeMap<String, String>,
}

impl Package {
    fn add(&mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>, kind: Option<&str>) {
        let name = name.into();
        if let Some(k) = kind {
            self.overrides.insert(name.clone(), k.to_string());
        }
        self.parts.push((name, bytes.into()));
    }

    fn content_types(&self) -> String {
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        for (e, c) in &self.defaults {
            s.push_str(&format!(
                "<Default Extension=\"{}\" ContentType=\"{}\"/>",
                xml(e),
                xml(c)
            ));
        }
        for (p, c) in &self.overrides {
            s.push_str(&format!(
                "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
                xml(p),
                xml(c)
            ));
        }
        s.push_str("</Types>\n");
        s
    }

    fn zip(self) -> Result<Vec<u8>, DeckError> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        w.start_file("[Content_Types].xml", opt)?;
        w.write_all(self.content_types().as_bytes())?;
        for (name, bytes) in &self.parts {
            w.start_file(name.as_str(), opt)?;
            w.write_all(bytes)?;
        }
        Ok(w.finish()?.into_inner())
    }
}

/// The deck's bytes, with the built-in look or a firm's template.
pub fn deck(input: &DeckInput, template: Option<&Template>) -> Result<Vec<u8>, DeckError> {
    let slides = slides(input);
    let size = template.map(|t| t.size).unwrap_or(SLIDE);
    let titles = template.map_or(
        Titles {
            ctr_title: true,
            title: true,
            body: None,
        },
        |t| Titles {
            ctr_title: t.has_ctr_title,
            title: t.has_title,
            body: t.body,
        },
    );
    let mut p = Package {
        parts: Vec::new(),
        overrides: BTreeMap::new(),
        defaults: BTreeMap::new(),
    };
    for (e, c) in [
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
        ("png", "image/png"),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        p.defaults.insert(e.into(), c.into());
    }
    let r = |t: &str| format!("{REL}/{t}");
    p.add(
        "_rels/.rels",
        rels(&[
            ("rId1".into(), r("officeDocument"), "ppt/presentation.xml".into()),
            (
                "rId2".into(),
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties".to_string(),
                "docProps/core.xml".into(),
            ),
            ("rId3".into(), r("extended-properties"), "docProps/app.xml".into()),
        ]),
        None,
    );
    p.add(
        "docProps/core.xml",
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>journeygap</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>\n", xml(&crate::escape::slide_line(&input.title))),
        Some("application/vnd.openxmlformats-package.core-properties+xml"),
    );
    p.add(
        "docProps/app.xml",
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>journeygap</Application><Slides>{}</Slides><Notes>{}</Notes></Properties>\n", slides.len(), slides.len()),
        Some("application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    );
    // The master, its layouts and theme: the template's, else the built-in ones.
    let (master, master_id, title_layout, content_layout, theme) = match template {
        Some(t) => {
            for (name, bytes) in &t.parts {
                let kind = t.overrides.get(name).map(String::as_str);
                p.add(name.clone(), bytes.clone(), kind);
            }
            for (e, c) in &t.defaults {
                p.defaults.entry(e.clone()).or_insert_with(|| c.clone());
            }
            let theme = t
                .parts
                .keys()
                .find(|k| k.starts_with("ppt/theme/") && k.ends_with(".xml"))
                .cloned()
                .unwrap_or_default();
            (
                t.master.clone(),
                t.master_id.clone(),
                t.title_layout.clone(),
                t.content_layout.clone(),
                theme,
            )
        }
        None => {
            let layouts = parts::slide_layouts();
            let mut master_rels: Vec<(String, String, String)> = Vec::new();
            for (i, (_, text)) in layouts.iter().enumerate() {
                let name = format!("ppt/slideLayouts/slideLayout{}.xml", i + 1);
                p.add(
                    name.clone(),
                    text.clone(),
                    Some(&format!("{CT}.slideLayout+xml")),
                );
                p.add(
                    template::rels_of(&name),
                    rels(&[(
                        "rId1".into(),
                        r("slideMaster"),
                        "../slideMasters/slideMaster1.xml".into(),
                    )]),
                    None,
                );
                master_rels.push((
                    format!("rId{}", i + 1),
                    r("slideLayout"),
                    format!("../slideLayouts/slideLayout{}.xml", i + 1),
                ));
            }
            master_rels.push((
                format!("rId{}", layouts.len() + 1),
                r("theme"),
                "../theme/theme1.xml".into(),
            ));
            p.add(
                "ppt/slideMasters/slideMaster1.xml",
                parts::slide_master(layouts.len()),
                Some(&format!("{CT}.slideMaster+xml")),
            );
            p.add(
                "ppt/slideMasters/_rels/slideMaster1.xml.rels",
                rels(&master_rels),
                None,
            );
            p.add(
                "ppt/theme/theme1.xml",
                parts::theme("journeygap"),
                Some("application/vnd.openxmlformats-officedocument.theme+xml"),
            );
            (
                "ppt/slideMasters/slideMaster1.xml".to_string(),
                "2147483648".to_string(),
                "ppt/slideLayouts/slideLayout1.xml".to_string(),
                "ppt/slideLayouts/slideLayout2.xml".to_string(),
                "ppt/theme/theme1.xml".to_string(),
            )
        }
    };
    // The notes master is always the built-in one, on a theme of its own.
    p.add(
        "ppt/notesMasters/notesMaster1.xml",
        parts::notes_master(),
        Some(&format!("{CT}.notesMaster+xml")),
    );
    p.add(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        rels(&[(
            "rId1".into(),
            r("theme"),
            "../theme/journeygapNotesTheme.xml".into(),
        )]),
        None,
    );
    p.add(
        "ppt/theme/journeygapNotesTheme.xml",
        parts::theme("journeygap notes"),
        Some("application/vnd.openxmlformats-officedocument.theme+xml"),
    );
    for (name, text) in parts::small_parts() {
        let kind = match name {
            "ppt/presProps.xml" => format!("{CT}.presProps+xml"),
            "ppt/viewProps.xml" => format!("{CT}.viewProps+xml"),
            _ => format!("{CT}.tableStyles+xml"),
        };
        p.add(name, text, Some(&kind));
    }
    let from_ppt = |part: &str| format!("../{}", part.trim_start_matches("ppt/"));
    let pngs: BTreeMap<&str, &[u8]> = input
        .drawn
        .iter()
        .map(|c| (c.name.as_str(), c.png.as_slice()))
        .collect();
    let mut pres_rels: Vec<(String, String, String)> = vec![
        (
            "rId1".into(),
            r("slideMaster"),
            master.trim_start_matches("ppt/").to_string(),
        ),
        (
            "rId2".into(),
            r("notesMaster"),
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), r("presProps"), "presProps.xml".into()),
        ("rId4".into(), r("viewProps"), "viewProps.xml".into()),
        ("rId5".into(), r("tableStyles"), "tableStyles.xml".into()),
        (
            "rId6".into(),
            r("theme"),
            theme.trim_start_matches("ppt/").to_string(),
        ),
    ];
    let mut slide_ids = String::new();
    let (mut charts, mut media) = (0usize, 0usize);
    for (k, s) in slides.iter().enumerate() {
        let n = k + 1;
        let layout = if matches!(s.body, Body::Opening(_)) {
            &title_layout
        } else {
            &content_layout
        };
        let mut slide_rels: Vec<(String, String, String)> =
            vec![("rId1".into(), r("slideLayout"), from_ppt(layout))];
        match &s.body {
            Body::Native(i) => {
                if let Some(native) = chart::native(&input.specs[*i])? {
                    charts += 1;
                    let name = format!("ppt/charts/chart{charts}.xml");
                    let book = format!("ppt/embeddings/Microsoft_Excel_Worksheet{charts}.xlsx");
                    p.add(
                        name.clone(),
                        native.xml,
                        Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
                    );
                    p.add(
                        template::rels_of(&name),
                        rels(&[("rId1".into(), r("package"), from_ppt(&book))]),
                        None,
                    );
                    p.add(book, native.workbook, None);
                    slide_rels.push(("rId2".into(), r("chart"), from_ppt(&name)));
                }
            }
            Body::Picture(name) => {
                if let Some(png) = pngs.get(name.as_str()) {
                    media += 1;
                    let part = format!("ppt/media/image{media}.png");
                    p.add(part.clone(), png.to_vec(), None);
                    slide_rels.push(("rId2".into(), r("image"), from_ppt(&part)));
                }
            }
            _ => {}
        }
        slide_rels.push((
            "rId3".into(),
            r("notesSlide"),
            format!("../notesSlides/notesSlide{n}.xml"),
        ));
        let slide = format!("ppt/slides/slide{n}.xml");
        p.add(
            slide.clone(),
            slide_xml(s, input, size, titles),
            Some(&format!("{CT}.slide+xml")),
        );
        p.add(template::rels_of(&slide), rels(&slide_rels), None);
        let notes = format!("ppt/notesSlides/notesSlide{n}.xml");
        p.add(
            notes.clone(),
            notes_xml(&s.notes),
            Some(&format!("{CT}.notesSlide+xml")),
        );
        p.add(
            template::rels_of(&notes),
            rels(&[
                (
                    "rId1".into(),
                    r("notesMaster"),
                    "../notesMasters/notesMaster1.xml".into(),
                ),
                ("rId2".into(), r("slide"), format!("../slides/slide{n}.xml")),
            ]),
            None,
        );
        let rid = format!("rId{}", 10 + k);
        slide_ids.push_str(&format!("<p:sldId id=\"{}\" r:id=\"{rid}\"/>", 256 + k));
        pres_rels.push((rid, r("slide"), format!("slides/slide{n}.xml")));
    }
    p.add(
        "ppt/presentation.xml",
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:presentation xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"{master_id}\" r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>\n", size.0, size.1),
        Some(&format!("{CT}.presentation.main+xml")),
    );
    p.add("ppt/_rels/presentation.xml.rels", rels(&pres_rels), None);
    p.zip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_findings_figures_go_to_the_notes_not_the_title() {
        let f = "Got-aways rate *\u{E000}Relevant expertise\u{E001}* 1.10 points below its importance (q < 0.001, n = 84).";
        assert_eq!(
            headline(f),
            "Got-aways rate Relevant expertise 1.10 points below its importance."
        );
        assert_eq!(headline("No gap is significant."), "No gap is significant.");
    }

    #[test]
    fn frames_keep_sixteen_by_nine() {
        let (_, _, w, h) = frame_in((0, 0, 1600, 600));
        assert_eq!((w, h), (1066, 600));
        let (_, _, w, h) = frame_in((0, 0, 1600, 1600));
        assert_eq!((w, h), (1600, 900));
    }
}

//! `deck.pptx`: the report as slides (PRODUCT §7). A title slide, the provisional slide when
//! the config still holds guesses, the journey map, one slide per finding (its sentence the
//! title, its chart below), data quality and method; bases, tests and q-values in the speaker
//! notes. Bars, lines and scatters are native charts with their numbers in an embedded
//! workbook; heatmaps and the map are pictures. Written by a small OOXML writer on `zip` and
//! `rust_xlsxwriter` (no pptx crate on crates.io writes native charts with their workbook).
//! Byte-identical for the same inputs: fixed dates, ids in slide order, parts in one order.
//!
//! Which slides (`slides.rs`), their XML (`shapes.rs`), the native charts (`chart.rs`), the
//! package and the parts every deck has (`package.rs`), the built-in look (`parts.rs`) and a
//! firm's template (`template.rs`).

pub mod chart;
mod package;
pub mod parts;
mod shapes;
mod slides;
pub mod template;

use package::{from_ppt, rel, Look, Package, CT};
use parts::{rels, NS_A, NS_P, NS_R, SLIDE};
use shapes::Titles;
use slides::{Body, Slide};
pub use template::{Template, TemplateError};

use crate::analysis::Summary;
use crate::chart::DrawnChart;
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
    pub summary: &'a Summary,
    /// The report's heading (its title and period).
    pub title: String,
    /// Lines under the title: respondents, fieldwork.
    pub lines: Vec<String>,
    /// The provisional box: heading and lines.
    pub provisional: Option<(String, Vec<String>)>,
    pub sections: &'a [Section],
    /// The charts drawn, with the specs they were drawn from.
    pub drawn: &'a [DrawnChart],
    pub quality: Vec<String>,
    pub method: Vec<String>,
}

/// The deck's bytes, with the built-in look or a firm's template.
pub fn deck(input: &DeckInput, template: Option<&Template>) -> Result<Vec<u8>, DeckError> {
    let slides = slides::plan(input);
    let size = template.map_or(SLIDE, |t| t.size);
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
    let mut p = Package::new();
    p.add_properties(&crate::escape::slide_line(&input.title), slides.len());
    let look = p.add_look(template);
    p.add_notes_master_and_props();
    let mut pres_rels: Vec<(String, String, String)> = vec![
        (
            "rId1".into(),
            rel("slideMaster"),
            look.master.trim_start_matches("ppt/").to_string(),
        ),
        (
            "rId2".into(),
            rel("notesMaster"),
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), rel("presProps"), "presProps.xml".into()),
        ("rId4".into(), rel("viewProps"), "viewProps.xml".into()),
        ("rId5".into(), rel("tableStyles"), "tableStyles.xml".into()),
        (
            "rId6".into(),
            rel("theme"),
            look.theme.trim_start_matches("ppt/").to_string(),
        ),
    ];
    let mut slide_ids = String::new();
    let mut counts = Counts::default();
    for (k, s) in slides.iter().enumerate() {
        let n = k + 1;
        add_slide(&mut p, (n, s), input, &look, (size, titles), &mut counts)?;
        let rid = format!("rId{}", 10 + k);
        slide_ids.push_str(&format!("<p:sldId id=\"{}\" r:id=\"{rid}\"/>", 256 + k));
        pres_rels.push((rid, rel("slide"), format!("slides/slide{n}.xml")));
    }
    p.add(
        "ppt/presentation.xml",
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:presentation xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"{}\" r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>\n", look.master_id, size.0, size.1),
        Some(&format!("{CT}.presentation.main+xml")),
    );
    p.add("ppt/_rels/presentation.xml.rels", rels(&pres_rels), None);
    p.zip()
}

/// How many native charts and pictures the slides so far hold (their parts are numbered).
#[derive(Default)]
struct Counts {
    charts: usize,
    media: usize,
}

/// Slide `n`: its chart (and the chart's workbook) or picture, the slide, its notes page.
fn add_slide(
    p: &mut Package,
    (n, s): (usize, &Slide),
    input: &DeckInput,
    look: &Look,
    (size, titles): ((i64, i64), Titles),
    counts: &mut Counts,
) -> Result<(), DeckError> {
    let layout = match s.body {
        Body::Opening(_) => &look.title_layout,
        _ => &look.content_layout,
    };
    let mut slide_rels = vec![("rId1".to_string(), rel("slideLayout"), from_ppt(layout))];
    match &s.body {
        Body::Native(i) => {
            if let Some(native) = chart::native(&input.drawn[*i].spec)? {
                counts.charts += 1;
                let name = format!("ppt/charts/chart{}.xml", counts.charts);
                let book = format!(
                    "ppt/embeddings/Microsoft_Excel_Worksheet{}.xlsx",
                    counts.charts
                );
                p.add(
                    name.clone(),
                    native.xml,
                    Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
                );
                p.add(
                    template::rels_of(&name),
                    rels(&[("rId1".into(), rel("package"), from_ppt(&book))]),
                    None,
                );
                p.add(book, native.workbook, None);
                slide_rels.push(("rId2".into(), rel("chart"), from_ppt(&name)));
            }
        }
        Body::Picture(i) => {
            counts.media += 1;
            let part = format!("ppt/media/image{}.png", counts.media);
            p.add(part.clone(), input.drawn[*i].png.clone(), None);
            slide_rels.push(("rId2".into(), rel("image"), from_ppt(&part)));
        }
        Body::Opening(_) | Body::Bullets(_) => {}
    }
    slide_rels.push((
        "rId3".into(),
        rel("notesSlide"),
        format!("../notesSlides/notesSlide{n}.xml"),
    ));
    let slide = format!("ppt/slides/slide{n}.xml");
    p.add(
        slide.clone(),
        shapes::slide_xml(s, input.drawn, size, titles),
        Some(&format!("{CT}.slide+xml")),
    );
    p.add(template::rels_of(&slide), rels(&slide_rels), None);
    let notes = format!("ppt/notesSlides/notesSlide{n}.xml");
    p.add(
        notes.clone(),
        shapes::notes_xml(&s.notes),
        Some(&format!("{CT}.notesSlide+xml")),
    );
    p.add(
        template::rels_of(&notes),
        rels(&[
            (
                "rId1".into(),
                rel("notesMaster"),
                "../notesMasters/notesMaster1.xml".into(),
            ),
            (
                "rId2".into(),
                rel("slide"),
                format!("../slides/slide{n}.xml"),
            ),
        ]),
        None,
    );
    Ok(())
}

//! The package a deck is written as: its parts in the order they are written, their content
//! types, the zip (fixed dates, so that the same deck is the same bytes), and the parts every
//! deck has: the document properties, the look (the built-in master or a firm's template), the
//! notes master and PowerPoint's small parts.

use std::collections::BTreeMap;
use std::io::Write;

use super::parts::{self, rels, xml, REL};
use super::template::{self, Template};
use super::DeckError;

/// PresentationML's content types, before their part's name.
pub(super) const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// A relationship type: `REL/<kind>`.
pub(super) fn rel(kind: &str) -> String {
    format!("{REL}/{kind}")
}

/// A part's name as a target from a part under `ppt/<folder>/`.
pub(super) fn from_ppt(part: &str) -> String {
    format!("../{}", part.trim_start_matches("ppt/"))
}

/// The package's parts, in the order they are written.
#[derive(Default)]
pub(super) struct Package {
    parts: Vec<(String, Vec<u8>)>,
    overrides: BTreeMap<String, String>,
    defaults: BTreeMap<String, String>,
}

impl Package {
    /// A package with the content types by extension every deck uses.
    pub fn new() -> Package {
        let mut p = Package::default();
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
        p
    }

    pub fn add(&mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>, kind: Option<&str>) {
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

    pub fn zip(self) -> Result<Vec<u8>, DeckError> {
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

    /// The package's relationships and the document properties (fixed dates).
    pub fn add_properties(&mut self, title: &str, slides: usize) {
        self.add(
            "_rels/.rels",
            rels(&[
                ("rId1".into(), rel("officeDocument"), "ppt/presentation.xml".into()),
                (
                    "rId2".into(),
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties".to_string(),
                    "docProps/core.xml".into(),
                ),
                ("rId3".into(), rel("extended-properties"), "docProps/app.xml".into()),
            ]),
            None,
        );
        self.add(
            "docProps/core.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>journeygap</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>\n", xml(title)),
            Some("application/vnd.openxmlformats-package.core-properties+xml"),
        );
        self.add(
            "docProps/app.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>journeygap</Application><Slides>{slides}</Slides><Notes>{slides}</Notes></Properties>\n"),
            Some("application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        );
    }

    /// The template's master, layouts and theme, else the built-in ones.
    pub fn add_look(&mut self, template: Option<&Template>) -> Look {
        match template {
            Some(t) => self.add_template(t),
            None => self.add_built_in(),
        }
    }

    fn add_template(&mut self, t: &Template) -> Look {
        for (name, bytes) in &t.parts {
            let kind = t.overrides.get(name).map(String::as_str);
            self.add(name.clone(), bytes.clone(), kind);
        }
        for (e, c) in &t.defaults {
            self.defaults.entry(e.clone()).or_insert_with(|| c.clone());
        }
        let theme = t
            .parts
            .keys()
            .find(|k| k.starts_with("ppt/theme/") && k.ends_with(".xml"))
            .cloned()
            .unwrap_or_default();
        Look {
            master: t.master.clone(),
            master_id: t.master_id.clone(),
            title_layout: t.title_layout.clone(),
            content_layout: t.content_layout.clone(),
            theme,
        }
    }

    fn add_built_in(&mut self) -> Look {
        let layouts = parts::slide_layouts();
        let mut master_rels: Vec<(String, String, String)> = Vec::new();
        for (i, (_, text)) in layouts.iter().enumerate() {
            let name = format!("ppt/slideLayouts/slideLayout{}.xml", i + 1);
            self.add(
                name.clone(),
                text.clone(),
                Some(&format!("{CT}.slideLayout+xml")),
            );
            self.add(
                template::rels_of(&name),
                rels(&[(
                    "rId1".into(),
                    rel("slideMaster"),
                    "../slideMasters/slideMaster1.xml".into(),
                )]),
                None,
            );
            master_rels.push((format!("rId{}", i + 1), rel("slideLayout"), from_ppt(&name)));
        }
        master_rels.push((
            format!("rId{}", layouts.len() + 1),
            rel("theme"),
            "../theme/theme1.xml".into(),
        ));
        self.add(
            "ppt/slideMasters/slideMaster1.xml",
            parts::slide_master(layouts.len()),
            Some(&format!("{CT}.slideMaster+xml")),
        );
        self.add(
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            rels(&master_rels),
            None,
        );
        self.add(
            "ppt/theme/theme1.xml",
            parts::theme("journeygap"),
            Some("application/vnd.openxmlformats-officedocument.theme+xml"),
        );
        Look {
            master: "ppt/slideMasters/slideMaster1.xml".into(),
            master_id: "2147483648".into(),
            title_layout: "ppt/slideLayouts/slideLayout1.xml".into(),
            content_layout: "ppt/slideLayouts/slideLayout2.xml".into(),
            theme: "ppt/theme/theme1.xml".into(),
        }
    }

    /// The notes master (always the built-in one, on a theme of its own) and PowerPoint's
    /// `presProps`, `viewProps` and `tableStyles`.
    pub fn add_notes_master_and_props(&mut self) {
        self.add(
            "ppt/notesMasters/notesMaster1.xml",
            parts::notes_master(),
            Some(&format!("{CT}.notesMaster+xml")),
        );
        self.add(
            "ppt/notesMasters/_rels/notesMaster1.xml.rels",
            rels(&[(
                "rId1".into(),
                rel("theme"),
                "../theme/journeygapNotesTheme.xml".into(),
            )]),
            None,
        );
        self.add(
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
            self.add(name, text, Some(&kind));
        }
    }
}

/// The parts of the look a deck's slides and presentation name.
pub(super) struct Look {
    pub master: String,
    pub master_id: String,
    pub title_layout: String,
    pub content_layout: String,
    pub theme: String,
}

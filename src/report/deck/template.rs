//! A firm's own look: `[report] deck_template` names a .pptx (or .potx) whose slide master,
//! layouts and theme the deck takes. The title and the content layouts are found by their type
//! (`title`; `obj`, else `titleOnly`, else `tx`), never by name; the template's slides are not
//! taken.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

/// A template read and checked: the parts of its master, the layouts to use, its slide size.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Every part the master needs (itself, its layouts, theme and pictures, and their
    /// relationships), by part name.
    pub parts: BTreeMap<String, Vec<u8>>,
    /// The content types of those parts (`Override` by part name, `Default` by extension).
    pub overrides: BTreeMap<String, String>,
    pub defaults: BTreeMap<String, String>,
    /// The master's part name and its id in the template's `presentation.xml`.
    pub master: String,
    pub master_id: String,
    /// The part names of the title layout and of the content layout.
    pub title_layout: String,
    pub content_layout: String,
    /// The slide size in EMU.
    pub size: (i64, i64),
    /// Whether the title layout has a centred title, and the content layout a title, to put
    /// the slides' titles in (else they are text boxes of their own).
    pub has_ctr_title: bool,
    pub has_title: bool,
    /// Where the content layout (else the master) puts its body, in EMU: the room for the
    /// charts and the text, clear of the template's own artwork.
    pub body: Option<(i64, i64, i64, i64)>,
}

/// The position of the body placeholder of a layout or master: the `<a:off>` and `<a:ext>`
/// after its `<p:ph type="body"` (or `idx="1"`).
fn body_at(text: &str) -> Option<(i64, i64, i64, i64)> {
    let at = text
        .find("<p:ph type=\"body\"")
        .or_else(|| text.find("<p:ph idx=\"1\""))?;
    let rest = &text[at..];
    let end = rest.find("</p:sp>").unwrap_or(rest.len());
    let rest = &rest[..end];
    let num = |tag: &str, name: &str| -> Option<i64> { attr(rest, tag, name)?.parse().ok() };
    let (x, y) = (num("<a:off ", "x")?, num("<a:off ", "y")?);
    let (w, h) = (num("<a:ext ", "cx")?, num("<a:ext ", "cy")?);
    (w > 0 && h > 0).then_some((x, y, w, h))
}

/// Why a template cannot be used: said with its path before anything is read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {why}")]
pub struct TemplateError {
    pub path: String,
    pub why: String,
}

/// The value of attribute `name` in the first tag of `text` that starts with `tag`.
fn attr<'a>(text: &'a str, tag: &str, name: &str) -> Option<&'a str> {
    let start = text.find(tag)?;
    let end = text[start..].find('>')? + start;
    let tag_text = &text[start..end];
    let key = format!(" {name}=\"");
    let at = tag_text.find(&key)? + key.len();
    let len = tag_text[at..].find('"')?;
    Some(&tag_text[at..at + len])
}

/// Every `<Relationship …/>` of a rels part: (id, type, target, external).
fn relationships(text: &str) -> Vec<(String, String, String, bool)> {
    text.split("<Relationship ")
        .skip(1)
        .filter_map(|r| {
            let r = format!("<Relationship {r}");
            let get = |n: &str| attr(&r, "<Relationship ", n).map(str::to_string);
            Some((
                get("Id")?,
                get("Type")?,
                get("Target")?,
                get("TargetMode").as_deref() == Some("External"),
            ))
        })
        .collect()
}

/// The rels part of a part: `ppt/slideMasters/_rels/slideMaster1.xml.rels`.
pub fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship's target as a part name, from the folder of the part that holds it.
fn resolve(from: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut path: Vec<&str> = from
        .rsplit_once('/')
        .map(|x| x.0)
        .unwrap_or("")
        .split('/')
        .collect();
    path.retain(|p| !p.is_empty());
    for seg in target.split('/') {
        match seg {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            s => path.push(s),
        }
    }
    path.join("/")
}

type Parts = BTreeMap<String, Vec<u8>>;

/// Read a template's bytes (`shown`: its path as the user wrote it, for errors).
pub fn read(bytes: &[u8], shown: &str) -> Result<Template, TemplateError> {
    let fail = |why: String| TemplateError {
        path: shown.to_string(),
        why,
    };
    let files = unzip(bytes).map_err(fail)?;
    let text = |name: &str| -> Result<String, TemplateError> {
        let b = files
            .get(name)
            .ok_or_else(|| fail(format!("no part {name}: not a PowerPoint file")))?;
        Ok(String::from_utf8_lossy(b).into_owned())
    };
    let pres = text("ppt/presentation.xml")?;
    let pres_rels = relationships(&text("ppt/_rels/presentation.xml.rels")?);
    let master_rid = attr(&pres, "<p:sldMasterId ", "r:id")
        .ok_or_else(|| fail("no slide master in presentation.xml".into()))?;
    let master_id = attr(&pres, "<p:sldMasterId ", "id")
        .unwrap_or("2147483648")
        .to_string();
    let master = pres_rels
        .iter()
        .find(|r| r.0 == master_rid)
        .map(|r| resolve("ppt/presentation.xml", &r.2))
        .ok_or_else(|| fail("the slide master's relationship is missing".into()))?;
    let size = (
        attr(&pres, "<p:sldSz ", "cx")
            .and_then(|v| v.parse().ok())
            .unwrap_or(super::parts::SLIDE.0),
        attr(&pres, "<p:sldSz ", "cy")
            .and_then(|v| v.parse().ok())
            .unwrap_or(super::parts::SLIDE.1),
    );
    let (parts, layouts) = reach(&files, &master).map_err(fail)?;
    let (title_layout, content_layout) = choose_layouts(&parts, &layouts)
        .ok_or_else(|| fail("the slide master has no layout".into()))?;
    let holds = |layout: &str, ph: &str| holds(&parts, layout, ph);
    let (has_ctr_title, has_title) = (
        holds(&title_layout, "ctrTitle"),
        holds(&content_layout, "title"),
    );
    let body = content_room(&parts, (&content_layout, &master), size);
    let (overrides, defaults) = content_types(&text("[Content_Types].xml")?, &parts);
    Ok(Template {
        parts,
        overrides,
        defaults,
        master,
        master_id,
        title_layout,
        content_layout,
        size,
        has_ctr_title,
        has_title,
        body,
    })
}

/// Every file of the zip by name (at most 200 MB unpacked).
fn unzip(bytes: &[u8]) -> Result<Parts, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a PowerPoint file (a .pptx or .potx): {e}"))?;
    let mut files = Parts::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut f = zip
            .by_index(i)
            .map_err(|e| format!("a damaged part: {e}"))?;
        if f.is_dir() {
            continue;
        }
        total += f.size();
        if total > 200 << 20 {
            return Err("over 200 MB unpacked: not a template".into());
        }
        let name = f
            .name()
            .map_err(|e| format!("a damaged part name: {e}"))?
            .trim_start_matches('/')
            .to_string();
        let mut b = Vec::with_capacity(f.size().min(1 << 24) as usize);
        f.read_to_end(&mut b)
            .map_err(|e| format!("a damaged part {name}: {e}"))?;
        files.insert(name, b);
    }
    Ok(files)
}

/// The master and every part it reaches (its layouts, theme, pictures and their
/// relationships), but no slide, notes or presentation part; and the layouts among them.
fn reach(files: &Parts, master: &str) -> Result<(Parts, Vec<String>), String> {
    let mut parts = Parts::new();
    let mut todo = vec![master.to_string()];
    let mut seen = BTreeSet::new();
    let mut layouts: Vec<String> = Vec::new();
    while let Some(part) = todo.pop() {
        if !seen.insert(part.clone()) {
            continue;
        }
        let Some(b) = files.get(&part) else {
            return Err(format!("part {part} is named but missing"));
        };
        parts.insert(part.clone(), b.clone());
        if part.starts_with("ppt/slideLayouts/") {
            layouts.push(part.clone());
        }
        let rels = rels_of(&part);
        let Some(r) = files.get(&rels) else {
            continue;
        };
        parts.insert(rels.clone(), r.clone());
        for (_, kind, target, external) in relationships(&String::from_utf8_lossy(r)) {
            if !(external || kind.ends_with("/slide") || kind.ends_with("/notesMaster")) {
                todo.push(resolve(&part, &target));
            }
        }
    }
    Ok((parts, layouts))
}

/// Whether a layout has a placeholder of type `ph`.
fn holds(parts: &Parts, layout: &str, ph: &str) -> bool {
    String::from_utf8_lossy(&parts[layout]).contains(&format!("<p:ph type=\"{ph}\""))
}

/// The title layout (type `title`, else one with a centred title, else the first) and the
/// content layout (`obj`, `titleOnly`, `tx`, `twoObj`, else one with a title, else another).
fn choose_layouts(parts: &Parts, layouts: &[String]) -> Option<(String, String)> {
    let kind_of = |layout: &str| -> String {
        let t = String::from_utf8_lossy(&parts[layout]).into_owned();
        attr(&t, "<p:sldLayout", "type")
            .unwrap_or("cust")
            .to_string()
    };
    let find = |kinds: &[&str]| -> Option<String> {
        kinds
            .iter()
            .find_map(|k| layouts.iter().find(|l| kind_of(l) == *k).cloned())
    };
    let title = find(&["title"])
        .or_else(|| {
            layouts
                .iter()
                .find(|l| holds(parts, l, "ctrTitle"))
                .cloned()
        })
        .or_else(|| layouts.first().cloned())?;
    let content = find(&["obj", "titleOnly", "tx", "twoObj"])
        .or_else(|| layouts.iter().find(|l| holds(parts, l, "title")).cloned())
        .or_else(|| layouts.iter().find(|l| **l != title).cloned())
        .unwrap_or_else(|| title.clone());
    Some((title, content))
}

/// The room for a slide's content: the content layout's (else the master's) body when it is
/// at least half the slide's height; a smaller body is a caption's room, not a chart's, and
/// then the room is the usual one ([`super::shapes::content_area`]) above the master's date
/// and footer.
fn content_room(
    parts: &Parts,
    (content_layout, master): (&str, &str),
    size: (i64, i64),
) -> Option<(i64, i64, i64, i64)> {
    let master_text = String::from_utf8_lossy(&parts[master]).into_owned();
    body_at(&String::from_utf8_lossy(&parts[content_layout]))
        .or_else(|| body_at(&master_text))
        .filter(|b| b.3 * 2 >= size.1)
        .or_else(|| {
            let footer = ["<p:ph type=\"dt\"", "<p:ph type=\"ftr\""]
                .iter()
                .filter_map(|p| master_text.find(p))
                .filter_map(|at| {
                    attr(&master_text[at..], "<a:off ", "y")?
                        .parse::<i64>()
                        .ok()
                })
                .min()?;
            let (x, top, w, _) = super::shapes::content_area(size);
            (footer > top + size.1 / 2).then_some((x, top, w, footer - top - size.1 / 50))
        })
}

/// The template's content types: `Override` for the parts taken, every `Default`.
fn content_types(
    types: &str,
    parts: &Parts,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut overrides = BTreeMap::new();
    let mut defaults = BTreeMap::new();
    for t in types.split('<').skip(1) {
        let t = format!("<{t}");
        if t.starts_with("<Override ") {
            if let (Some(p), Some(c)) = (
                attr(&t, "<Override ", "PartName"),
                attr(&t, "<Override ", "ContentType"),
            ) {
                let p = p.trim_start_matches('/').to_string();
                if parts.contains_key(&p) {
                    overrides.insert(p, c.to_string());
                }
            }
        } else if t.starts_with("<Default ") {
            if let (Some(e), Some(c)) = (
                attr(&t, "<Default ", "Extension"),
                attr(&t, "<Default ", "ContentType"),
            ) {
                defaults.insert(e.to_ascii_lowercase(), c.to_string());
            }
        }
    }
    (overrides, defaults)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_the_part_that_names_them() {
        assert_eq!(
            resolve(
                "ppt/slideMasters/slideMaster1.xml",
                "../slideLayouts/slideLayout2.xml"
            ),
            "ppt/slideLayouts/slideLayout2.xml"
        );
        assert_eq!(
            resolve("ppt/presentation.xml", "slideMasters/m.xml"),
            "ppt/slideMasters/m.xml"
        );
        assert_eq!(resolve("ppt/x.xml", "/ppt/media/a.png"), "ppt/media/a.png");
        assert_eq!(
            rels_of("ppt/slides/slide1.xml"),
            "ppt/slides/_rels/slide1.xml.rels"
        );
    }

    #[test]
    fn a_file_that_is_not_a_template_is_named() {
        let e = read(b"not a zip", "our-template.pptx").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("our-template.pptx: not a PowerPoint file"),
            "{e}"
        );
    }
}

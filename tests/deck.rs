//! `deck.pptx` (issue 32): its native charts hold the tables' numbers, in their XML and in
//! their embedded workbooks; the package is whole; LibreOffice Impress renders every slide of
//! the demo's deck, of a one-stage study's and of a deck in a firm's template, none blank.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn demo() -> PathBuf {
    root().join("fixtures/demo")
}

/// The demo's three quarters run in turn into `out`; the third quarter's folder.
fn demo_q3(out: &Path, config: &Path) -> PathBuf {
    for q in ["2026Q1", "2026Q2", "2026Q3"] {
        run_with(&demo().join(q), config, out, &[]).success();
    }
    out.join("2026Q3")
}

fn parts(pptx: &Path) -> BTreeMap<String, Vec<u8>> {
    let bytes = std::fs::read(pptx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(name, b);
    }
    out
}

/// The `<c:v>` values inside every `<tag>…</tag>` of `text`.
fn values_in(text: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    for block in text.split(&open).skip(1) {
        let block = block.split(&close).next().unwrap_or("");
        for v in block.split("<c:v>").skip(1) {
            out.push(v.split("</c:v>").next().unwrap_or("").to_string());
        }
    }
    out
}

#[test]
fn native_charts_hold_the_tables_values_in_their_xml_and_workbook() {
    use calamine::Reader;
    let tmp = tempfile::tempdir().unwrap();
    let dir = demo_q3(tmp.path(), &demo().join("journeygap.toml"));
    let deck = parts(&dir.join("deck.pptx"));
    // Every cell of every table, as written.
    let mut cells: BTreeSet<String> = BTreeSet::new();
    for e in std::fs::read_dir(dir.join("tables")).unwrap() {
        for row in read_csv(&e.unwrap().path()) {
            cells.extend(row.into_values());
        }
    }
    let charts: Vec<&String> = deck
        .keys()
        .filter(|k| k.starts_with("ppt/charts/chart") && k.ends_with(".xml"))
        .collect();
    assert!(charts.len() >= 15, "{} native charts", charts.len());
    let mut kinds = BTreeSet::new();
    for name in charts {
        let text = String::from_utf8(deck[name].clone()).unwrap();
        for kind in ["c:barChart", "c:lineChart", "c:scatterChart"] {
            if text.contains(&format!("<{kind}>")) {
                kinds.insert(kind);
            }
        }
        // The series' numbers, but the crosshairs' ends (the axis range, not a table's).
        let mut shown = Vec::new();
        for ser in text.split("<c:ser>").skip(1) {
            if ser.contains("<c:v>crosshair") {
                continue;
            }
            for tag in ["c:val", "c:xVal", "c:yVal"] {
                shown.extend(values_in(ser, tag));
            }
        }
        assert!(!shown.is_empty(), "{name}: no numbers");
        for v in &shown {
            assert!(cells.contains(v), "{name}: {v} is in no table");
        }
        // The embedded workbook holds the same numbers.
        let file = name.rsplit('/').next().unwrap();
        let rels =
            String::from_utf8(deck[&format!("ppt/charts/_rels/{file}.rels")].clone()).unwrap();
        let target = rels
            .split("Target=\"../")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let book = &deck[&format!("ppt/{target}")];
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(book.clone())).unwrap();
        let range = wb.worksheet_range("Sheet1").unwrap();
        let numbers: Vec<f64> = range
            .rows()
            .flat_map(|r| {
                r.iter()
                    .filter_map(calamine::DataType::as_f64)
                    .collect::<Vec<_>>()
            })
            .collect();
        for v in &shown {
            let x: f64 = v.parse().unwrap();
            assert!(numbers.contains(&x), "{name}: {v} not in its workbook");
        }
        // The references name the sheet's cells.
        assert!(text.contains("<c:f>Sheet1!$"), "{name}");
    }
    assert_eq!(
        kinds.len(),
        3,
        "bars, lines and scatters are native: {kinds:?}"
    );
    // The package: every part but the relationships, pictures and workbooks has a content
    // type; every slide has its notes.
    let types = String::from_utf8(deck["[Content_Types].xml"].clone()).unwrap();
    for k in deck.keys() {
        let defaulted = [".rels", ".png", ".xlsx"].iter().any(|e| k.ends_with(e));
        if !defaulted && k != "[Content_Types].xml" {
            assert!(
                types.contains(&format!("PartName=\"/{k}\"")),
                "{k}: no content type"
            );
        }
    }
    let slides = deck
        .keys()
        .filter(|k| k.starts_with("ppt/slides/slide"))
        .count();
    let notes = deck
        .keys()
        .filter(|k| k.starts_with("ppt/notesSlides/notesSlide"))
        .count();
    assert!(slides >= 20, "{slides} slides");
    assert_eq!(slides, notes);
    // The bases and tests are in the notes.
    let all_notes: String = deck
        .iter()
        .filter(|(k, _)| k.starts_with("ppt/notesSlides/"))
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .collect();
    assert!(all_notes.contains("q &lt; 0.001") || all_notes.contains("q = 0."));
    assert!(all_notes.contains("n = "));
}

/// A tool the render test needs, or why it is skipped.
fn have(tool: &str, version: &str) -> bool {
    let ok = Command::new(tool)
        .arg(version)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("skipped: {tool} is not installed (.ci/run installs libreoffice-impress and poppler-utils)");
    }
    ok
}

/// The deck rendered by LibreOffice Impress to PDF, then each page to PNG: the number of pages,
/// each checked not to be blank.
fn render(pptx: &Path, work: &Path) -> usize {
    let profile = work.join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(work)
        .arg(pptx)
        .output()
        .unwrap();
    let pdf = work.join(pptx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status = Command::new("pdftoppm")
        .args(["-r", "30", "-png"])
        .arg(&pdf)
        .arg(work.join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(work)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    for p in &pages {
        let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(p).unwrap()));
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        let px = info.color_type.samples();
        let data = &buf[..info.buffer_size()];
        let inked = data
            .chunks(px)
            .filter(|c| c.iter().take(3).any(|&v| v < 200))
            .count();
        let share = inked as f64 / (data.len() / px) as f64;
        assert!(share > 0.004, "{}: blank ({share})", p.display());
    }
    pages.len()
}

fn slide_count(pptx: &Path) -> usize {
    parts(pptx)
        .keys()
        .filter(|k| k.starts_with("ppt/slides/slide"))
        .count()
}

#[test]
fn libreoffice_renders_every_slide_none_blank() {
    if !have("soffice", "--version") || !have("pdftoppm", "-v") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // The demo's deck.
    let dir = demo_q3(&tmp.path().join("out"), &demo().join("journeygap.toml"));
    let deck = dir.join("deck.pptx");
    let work = tmp.path().join("demo");
    std::fs::create_dir_all(&work).unwrap();
    assert_eq!(render(&deck, &work), slide_count(&deck));
    // A firm's template: one of LibreOffice's own, saved as .pptx by LibreOffice.
    let otp = Path::new("/usr/lib/libreoffice/share/template/common/presnt/Blue_Curve.otp");
    if otp.is_file() {
        let cfgdir = tmp.path().join("firm");
        std::fs::create_dir_all(&cfgdir).unwrap();
        let status = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                tmp.path().join("profile").display()
            ))
            .args(["--headless", "--convert-to", "pptx", "--outdir"])
            .arg(&cfgdir)
            .arg(otp)
            .status()
            .unwrap();
        assert!(status.success());
        let text = std::fs::read_to_string(demo().join("journeygap.toml"))
            .unwrap()
            .replacen(
                "[report]\n",
                "[report]\ndeck_template = \"Blue_Curve.pptx\"\n",
                1,
            );
        let cfg = demo_config_at(&cfgdir, "journeygap.toml", &text);
        let out = tmp.path().join("firm-out");
        run_with(&demo().join("2026Q1"), &cfg, &out, &[]).success();
        let deck = out.join("2026Q1/deck.pptx");
        let p = parts(&deck);
        let layouts = p
            .keys()
            .filter(|k| k.starts_with("ppt/slideLayouts/slideLayout"))
            .count();
        assert!(
            layouts > 2,
            "the template's layouts, not the two built-in ones: {layouts}"
        );
        let master = String::from_utf8_lossy(&p["ppt/slideMasters/slideMaster1.xml"]).into_owned();
        assert!(
            !master.contains("name=\"Rule\""),
            "the template's master, not the built-in one"
        );
        let work = tmp.path().join("firm-pages");
        std::fs::create_dir_all(&work).unwrap();
        assert_eq!(render(&deck, &work), slide_count(&deck));
    } else {
        eprintln!(
            "skipped the template deck: no LibreOffice template at {}",
            otp.display()
        );
    }
    // A one-stage study.
    if let Some(real) = realdata() {
        let out = tmp.path().join("one");
        run_with(
            &real.join("nps-makeschool/2017"),
            &root().join("fixtures/configs/makeschool-nps.toml"),
            &out,
            &["--period", "2017Q3"],
        )
        .success();
        let deck = out.join("2017Q3/deck.pptx");
        let work = tmp.path().join("one-pages");
        std::fs::create_dir_all(&work).unwrap();
        assert_eq!(render(&deck, &work), slide_count(&deck));
    }
}

/// A template that is not a PowerPoint file is named, and nothing is written.
#[test]
fn a_broken_template_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let cfgdir = tmp.path().join("cfg");
    std::fs::create_dir_all(&cfgdir).unwrap();
    std::fs::write(cfgdir.join("ours.pptx"), b"not a deck").unwrap();
    let text = std::fs::read_to_string(demo().join("journeygap.toml"))
        .unwrap()
        .replacen("[report]\n", "[report]\ndeck_template = \"ours.pptx\"\n", 1);
    let cfg = demo_config_at(&cfgdir, "journeygap.toml", &text);
    let out = tmp.path().join("out");
    let a = run_with(&demo().join("2026Q1"), &cfg, &out, &[]).failure();
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("ours.pptx") && err.contains("not a PowerPoint file"),
        "{err}"
    );
    assert!(!out.join("2026Q1").exists());
}

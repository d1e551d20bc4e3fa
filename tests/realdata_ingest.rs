//! Real exports nobody here wrote: layouts, encodings and row counts as SOURCES.md gives them,
//! and Qualtrics previews/unfinished rows excluded.

mod common;

use common::*;
use journeygap::ingest::{read_file, Layout};

#[test]
fn layouts_and_encodings_of_real_exports() {
    let Some(real) = realdata() else { return };
    let cases: [(&str, Layout, Option<&str>, usize, usize); 10] = [
        (
            "qualtrics-qualtRics/sample.csv",
            Layout::Qualtrics,
            Some("UTF-8"),
            1,
            20,
        ),
        (
            "qualtrics-qualtRics/sample_legacy.csv",
            Layout::QualtricsLegacy,
            Some("UTF-8"),
            1,
            16,
        ),
        (
            "qualtrics-psa006/PSA006_Southern_March+7,+2020_15.32.csv",
            Layout::Qualtrics,
            Some("UTF-8"),
            7,
            108,
        ),
        (
            "surveymonkey-fivethirtyeight/StarWars.csv",
            Layout::SurveyMonkey,
            Some("macintosh"),
            1186,
            38,
        ),
        (
            "surveymonkey-fivethirtyeight/food-world-cup-data.csv",
            Layout::SingleHeader,
            Some("macintosh"),
            1373,
            48,
        ),
        (
            "surveymonkey-monkeyreadr/test-responses.csv",
            Layout::SurveyMonkey,
            Some("UTF-8"),
            16,
            20,
        ),
        (
            "forms-uva-hotdog/Hot-Dog-Form-Fa24.csv",
            Layout::MicrosoftForms,
            Some("windows-1252"),
            187,
            8,
        ),
        (
            "forms-uva-hotdog/hot_dog_survey_spring25.xlsx - Form Responses 1.csv",
            Layout::GoogleForms,
            Some("UTF-8"),
            64,
            9,
        ),
        (
            "servqual-kiosk-googleforms/kiosk.csv",
            Layout::SingleHeader,
            Some("EUC-KR"),
            211,
            163,
        ),
        (
            "nps-makeschool/2017/2017_surveys.csv",
            Layout::SingleHeader,
            Some("UTF-8"),
            1453,
            6,
        ),
    ];
    for (path, layout, encoding, rows, cols) in cases {
        let f = read_file(&real, &real.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let t = &f.tables[0];
        assert_eq!(t.layout, layout, "{path}");
        assert_eq!(t.encoding, encoding, "{path}");
        assert_eq!(t.rows.len(), rows, "{path}: data rows");
        assert_eq!(t.columns.len(), cols, "{path}: columns");
    }
    // Kiosk: the header with a tab is normalised; the Mac Roman no-break space is decoded.
    let k = read_file(&real, &real.join("servqual-kiosk-googleforms/kiosk.csv")).unwrap();
    assert!(k.tables[0]
        .columns
        .iter()
        .any(|c| c.label().starts_with("1-1. 키오스크에서")));
    let food = read_file(
        &real,
        &real.join("surveymonkey-fivethirtyeight/food-world-cup-data.csv"),
    )
    .unwrap();
    assert!(
        food.tables[0]
            .columns
            .iter()
            .any(|c| c.label().contains("knowledge of cuisine")),
        "{:?}",
        food.tables[0].columns[1]
    );
    // The Google Forms workbook: same rows as its CSV twin.
    let x = read_file(
        &real,
        &real.join("forms-uva-hotdog/hot_dog_survey_spring25.xlsx"),
    )
    .unwrap();
    assert_eq!(
        (x.tables[0].layout, x.tables[0].rows.len()),
        (Layout::GoogleForms, 64)
    );
}

#[test]
fn qualtrics_previews_and_unfinished_rows_are_excluded() {
    let Some(real) = realdata() else { return };
    let out = tempfile::tempdir().unwrap();
    let cfg = out.path().join("any.toml");
    std::fs::write(
        &cfg,
        "[[stages.rules]]\nstage = \"client\"\nwhen = { always = true }\n",
    )
    .unwrap();
    journeygap()
        .arg("run")
        .arg(real.join("qualtrics-psa006"))
        .arg("--config")
        .arg(&cfg)
        .args(["--period", "2020Q1", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let resp = read_csv(&out.path().join("2020Q1/tables/respondents.csv"));
    let reasons: Vec<&str> = resp.iter().map(|r| r["reason"].as_str()).collect();
    assert_eq!(
        reasons.iter().filter(|r| **r == "preview/test").count(),
        3,
        "{reasons:?}"
    );
    assert_eq!(
        reasons.iter().filter(|r| **r == "unfinished").count(),
        1,
        "{reasons:?}"
    );
    assert_eq!(resp.iter().filter(|r| r["stage"] == "client").count(), 3);
    assert_eq!(
        resp[0]["row"], "4",
        "first data row is record 4 after three header rows"
    );
}

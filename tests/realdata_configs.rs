//! The shipped real-data configs: the kiosk SERVQUAL survey (CP949, 24 attribute pairs), the
//! Make School NPS survey (`#ERROR!` cells) and the airline sample (14 services rated on
//! experience only). Their gaps.csv and nps.csv must agree with the scipy/statsmodels values of
//! tests/reference/make_reference.py, and the airline's relative weights with numpy's
//! (tests/reference/relative_weights.py), to 1e-9.

mod common;

use common::*;

#[test]
fn kiosk_gaps_agree_with_scipy() {
    let Some(real) = realdata() else { return };
    let out = tempfile::tempdir().unwrap();
    journeygap()
        .arg("run")
        .arg(real.join("servqual-kiosk-googleforms"))
        .arg("--config")
        .arg(root().join("fixtures/configs/kiosk.toml"))
        .args(["--period", "2019Q4", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let dir = out.path().join("2019Q4");
    let dq = read_csv(&dir.join("tables/data_quality.csv"));
    assert_eq!(dq.len(), 1, "only kiosk.csv is read");
    assert_eq!(dq[0]["encoding"], "EUC-KR");
    assert_eq!(dq[0]["rows_read"], "211");
    assert_eq!(dq[0]["rows_classified"], "211");
    let gaps = read_csv(&dir.join("tables/gaps.csv"));
    let r = reference();
    let want = r["kiosk_gaps"].as_array().expect("kiosk reference");
    assert_eq!(want.len(), 72, "24 attributes × (all + two genders)");
    assert_eq!(gaps.len(), want.len());
    for w in want {
        let seg = w["segment"].as_str().unwrap();
        let attr = w["attribute"].as_str().unwrap();
        let row = gaps
            .iter()
            .find(|g| g["segment"] == seg && g["attribute"] == attr)
            .unwrap_or_else(|| panic!("no gaps row for {seg} / {attr}"));
        assert_eq!(row["stage"], "client");
        assert_eq!(num(row, "n"), w["n"].as_f64(), "{seg} {attr} n");
        for col in [
            "expectation_mean",
            "experience_mean",
            "gap_mean",
            "gap_ci_low",
            "gap_ci_high",
            "t_stat",
            "p_value",
            "q_value",
            "effect_size_dz",
            "wilcoxon_p",
        ] {
            same(&format!("{seg} {attr} {col}"), num(row, col), &w[col]);
        }
    }
}

#[test]
fn makeschool_nps_agrees_and_counts_error_cells() {
    let Some(real) = realdata() else { return };
    let out = tempfile::tempdir().unwrap();
    journeygap()
        .arg("run")
        .arg(real.join("nps-makeschool/2017"))
        .arg("--config")
        .arg(root().join("fixtures/configs/makeschool-nps.toml"))
        .args(["--period", "2017Q3", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let dir = out.path().join("2017Q3");
    let problems = read_csv(&dir.join("tables/cell_problems.csv"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["problem"], "formula error");
    assert_eq!(problems[0]["count"], "3");
    assert_eq!(problems[0]["examples"], "#ERROR!");
    let nps = read_csv(&dir.join("tables/nps.csv"));
    let r = reference();
    let want = r["makeschool_nps"]
        .as_array()
        .expect("makeschool reference");
    assert_eq!(nps.len(), want.len());
    for w in want {
        let seg = w["segment"].as_str().unwrap();
        let row = nps
            .iter()
            .find(|g| g["segment"] == seg)
            .unwrap_or_else(|| panic!("no nps row for {seg}"));
        for col in ["n", "promoters", "passives", "detractors"] {
            assert_eq!(num(row, col), w[col].as_f64(), "{seg} {col}");
        }
        for col in ["nps", "nps_ci_low", "nps_ci_high"] {
            same(&format!("{seg} {col}"), num(row, col), &w[col]);
        }
        let low = num(row, "n").unwrap() < 30.0;
        assert_eq!(row["low_base"], low.to_string(), "{seg} low_base");
    }
}

#[test]
fn telco_comparisons_agree_with_scipy_and_statsmodels() {
    let Some(real) = realdata() else { return };
    let out = tempfile::tempdir().unwrap();
    journeygap()
        .arg("run")
        .arg(real.join("telco-churn-ibm"))
        .arg("--config")
        .arg(root().join("fixtures/configs/telco.toml"))
        .args(["--period", "2018Q1", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let dir = out.path().join("2018Q1");
    let r = reference();
    let t = &r["telco"];
    let mix = read_csv(&dir.join("tables/stage_mix.csv"));
    let n = |s: &str| {
        mix.iter()
            .find(|m| m["segment"] == "all" && m["stage"] == s)
            .and_then(|m| num(m, "n"))
    };
    assert_eq!(n("former"), t["n_former"].as_f64());
    assert_eq!(n("client"), t["n_client"].as_f64());
    let cmp: Vec<_> = read_csv(&dir.join("tables/comparisons.csv"))
        .into_iter()
        .filter(|c| c["segment"] == "all")
        .collect();
    let want = t["rows"].as_array().unwrap();
    assert_eq!(cmp.len(), want.len(), "{cmp:?}");
    for w in want {
        let metric = w["metric"].as_str().unwrap();
        let row = cmp
            .iter()
            .find(|c| c["metric"] == metric)
            .unwrap_or_else(|| panic!("no comparison {metric}"));
        assert_eq!(
            (row["stage_a"].as_str(), row["stage_b"].as_str()),
            ("former", "client")
        );
        assert_eq!(row["test"], w["test"].as_str().unwrap(), "{metric}");
        for col in ["difference", "statistic", "p_value", "q_value"] {
            same(&format!("telco {metric} {col}"), num(row, col), &w[col]);
        }
    }
}

#[test]
fn embedded_cjk_font_covers_the_kiosk_survey_and_its_labels() {
    use ab_glyph::{Font, FontRef};
    let font = FontRef::try_from_slice(include_bytes!("../assets/fonts/NanumSquareR.ttf"))
        .expect("a valid TTF");
    let missing = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c) && font.glyph_id(*c).0 == 0)
            .collect()
    };
    let cfg = std::fs::read_to_string(root().join("fixtures/configs/kiosk.toml")).unwrap();
    assert!(cfg.contains("키오스크 이용자"));
    assert_eq!(missing(&cfg), Vec::<char>::new());
    let Some(real) = realdata() else { return };
    let f =
        journeygap::ingest::read_file(&real, &real.join("servqual-kiosk-googleforms/kiosk.csv"))
            .unwrap();
    let headers: String = f.tables[0]
        .columns
        .iter()
        .map(|c| c.label().to_string())
        .collect();
    assert_eq!(
        missing(&headers),
        Vec::<char>::new(),
        "Hangul in the kiosk headers without a glyph"
    );
}

/// Relative weights on real data: the airline sample's 14 services (0 "not applicable" read as
/// missing) against numpy's eigendecomposition on the same complete cases
/// (tests/reference/relative_weights.py), for everyone and per stage, to 1e-9.
#[test]
fn airline_relative_weights_agree_with_numpy() {
    let Some(real) = realdata() else { return };
    let r: serde_json::Value =
        serde_json::from_str(include_str!("reference/relative_weights.json")).unwrap();
    let want = &r["airline"];
    assert!(
        want.is_object(),
        "regenerate the reference with the realdata beside the project"
    );
    let out = tempfile::tempdir().unwrap();
    journeygap()
        .arg("run")
        .arg(real.join("airline-satisfaction-sample"))
        .arg("--config")
        .arg(root().join("fixtures/configs/airline.toml"))
        .args(["--period", "2024Q1", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let drivers = read_csv(&out.path().join("2024Q1/tables/drivers.csv"));
    for stage in ["all", "client", "former"] {
        let w = &want[stage];
        let rows: Vec<_> = drivers
            .iter()
            .filter(|d| d["segment"] == "all" && d["stage"] == stage)
            .collect();
        assert_eq!(rows.len(), 14, "{stage}");
        for row in rows {
            let attr = row["attribute"].as_str();
            assert_eq!(row["n_complete"], w["n"].to_string(), "{stage}");
            let theirs = w["weights"][attr]
                .as_f64()
                .unwrap_or_else(|| panic!("{attr}"));
            let ours = num(row, "relative_weight").unwrap();
            assert!(
                (ours - theirs).abs() < 1e-9,
                "{stage} {attr}: {ours} vs {theirs}"
            );
            let r2 = w["r_squared"].as_f64().unwrap();
            assert!(
                (num(row, "r_squared").unwrap() - r2).abs() < 1e-9,
                "{stage}"
            );
        }
    }
    // Derived-importance IPA: every service placed, Online boarding among the most important.
    let ipa = read_csv(&out.path().join("2024Q1/tables/ipa.csv"));
    let boarding = ipa
        .iter()
        .find(|r| {
            r["segment"] == "all" && r["stage"] == "client" && r["attribute"] == "Online boarding"
        })
        .unwrap();
    assert_eq!(boarding["importance"], "derived");
    assert!(
        boarding["quadrant"] == "keep up the good work"
            || boarding["quadrant"] == "concentrate here"
    );
}

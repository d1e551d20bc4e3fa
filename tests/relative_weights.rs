//! Johnson's relative weights (PRODUCT §6.8) against numpy (tests/reference/relative_weights.py),
//! and attributes rated on experience only (§4): in drivers, not in gaps.

mod common;

use common::*;
use journeygap::stats::relweight::relative_weights;
use journeygap::stats::weights::Tally;
use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(include_str!("reference/relative_weights.json")).expect("parses")
}

fn rows(c: &Value) -> (Vec<Vec<f64>>, Vec<f64>, Vec<f64>) {
    let x = c["x"].as_array().unwrap().iter().map(floats).collect();
    (x, floats(&c["y"]), floats(&c["w"]))
}

/// Every case numpy computed, to its stated tolerance: the weights, R², n, and empty cells
/// where there are too few cases or recommend does not vary.
#[test]
fn relative_weights_match_numpy() {
    let r = reference();
    let tol = r["tolerance"].as_f64().unwrap();
    for c in r["cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let (x, y, w) = rows(c);
        let k = c["k"].as_u64().unwrap() as usize;
        let got = relative_weights(
            x.iter()
                .zip(&y)
                .zip(&w)
                .map(|((x, &y), &w)| (&x[..], y, Tally::one(w))),
            k,
        );
        assert_eq!(got.n as u64, c["n"].as_u64().unwrap(), "{name}: n");
        match c["r_squared"].as_f64() {
            None => {
                assert_eq!(got.r_squared, None, "{name}: R² should be empty");
                assert!(got.weights.is_empty(), "{name}: weights should be empty");
            }
            Some(r2) => {
                let ours = got.r_squared.unwrap_or_else(|| panic!("{name}: no R²"));
                assert!((ours - r2).abs() <= tol, "{name}: R² {ours} vs {r2}");
                let theirs = c["weights"].as_array().unwrap();
                assert_eq!(got.weights.len(), theirs.len(), "{name}");
                for (j, (a, b)) in got.weights.iter().zip(theirs).enumerate() {
                    let b = b.as_f64().unwrap();
                    assert!((a - b).abs() <= tol, "{name}: weight {j}: {a} vs {b}");
                }
                let sum: f64 = got.weights.iter().sum();
                assert!((sum - ours).abs() <= 1e-12, "{name}: weights sum to R²");
                println!("{name}: R² {ours:.6} matches numpy within {tol:e}");
            }
        }
    }
}

/// The first reference case as an export whose five attributes are rated on experience only,
/// under `extra` config: its folder, and the case.
fn experience_only_folder(dir: &std::path::Path, extra: &str) -> Value {
    let r = reference();
    let c = r["cases"][0].clone();
    let (x, y, _) = rows(&c);
    let mut csv = String::from("ID,Q5_1,Q5_2,Q5_3,Q5_4,Q5_5,How likely are you to recommend us?\n");
    for (i, (x, y)) in x.iter().zip(&y).enumerate() {
        let cells: Vec<String> = x.iter().map(|v| format!("{v}")).collect();
        csv += &format!("r{i},{},{y}\n", cells.join(","));
    }
    // A blank rating leaves its row out of the complete cases, not out of the correlations.
    csv += "extra,,4,4,4,4,9\n";
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    std::fs::write(dir.join("exports/pulse.csv"), csv).unwrap();
    let mut cfg = String::from(
        "[fields.respondent_id]\nheaders = [\"ID\"]\n\
         [fields.recommend]\nheaders = [\"How likely are you to recommend us?\"]\nkind = \"number\"\nscale = [0, 10]\n\
         [stages]\ndefault = \"client\"\n\
         [[attributes]]\nname = \"Expertise\"\nexperience = \"x1\"\n\
         [[attributes]]\nname = \"Speed\"\nexperience = \"x2\"\n\
         [[attribute_sets]]\nexperience = '^Q5_([345])$'\nscale = [1, 7]\n",
    );
    for j in 1..=2 {
        cfg +=
            &format!("[fields.x{j}]\nheaders = [\"Q5_{j}\"]\nkind = \"number\"\nscale = [1, 7]\n");
    }
    std::fs::write(dir.join("journeygap.toml"), format!("{extra}{cfg}")).unwrap();
    c
}

/// The config loads, the drivers table carries numpy's weights for `all` (and for the one
/// stage), and there is no gap row.
#[test]
fn experience_only_attributes_drive_recommendation_and_have_no_gap() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let c = &experience_only_folder(dir, "");
    let tables = run_exports(dir, "2026Q4");
    assert!(
        read_csv(&tables.join("gaps.csv")).is_empty(),
        "no gap without an expectation item"
    );
    let drivers = read_csv(&tables.join("drivers.csv"));
    let theirs = c["weights"].as_array().unwrap();
    let r2 = c["r_squared"].as_f64().unwrap();
    for stage in ["all", "client"] {
        let rows: Vec<_> = drivers
            .iter()
            .filter(|d| d["segment"] == "all" && d["stage"] == stage)
            .collect();
        assert_eq!(rows.len(), 5, "{stage}: one row per attribute");
        for (row, w) in rows.iter().zip(theirs) {
            let w = w.as_f64().unwrap();
            assert_eq!(row["n_complete"], "240", "{stage}");
            assert!((num(row, "r_squared").unwrap() - r2).abs() < 1e-9);
            assert!((num(row, "relative_weight").unwrap() - w).abs() < 1e-9);
            assert!((num(row, "relative_weight_share").unwrap() - w / r2).abs() < 1e-9);
        }
        assert_eq!(
            rows[0]["n"], "240",
            "the blank rating leaves attribute 1 at 240"
        );
        assert_eq!(rows[1]["n"], "241", "and attribute 2 at 241");
    }
}

/// `ipa_importance = "derived"`: an experience-only survey gets its quadrants, importance being
/// numpy's relative-weight shares, split at their mean; the drivers chart is the bar chart of
/// derived importance (no attribute has stated importance).
#[test]
fn derived_importance_gives_an_experience_only_survey_its_quadrants() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let c = experience_only_folder(dir, "[report]\nipa_importance = \"derived\"\n");
    let tables = run_exports(dir, "2026Q4");
    let r2 = c["r_squared"].as_f64().unwrap();
    let shares: Vec<f64> = c["weights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_f64().unwrap() / r2)
        .collect();
    let ipa = read_csv(&tables.join("ipa.csv"));
    let rows: Vec<_> = ipa
        .iter()
        .filter(|r| r["segment"] == "all" && r["stage"] == "client")
        .collect();
    assert_eq!(rows.len(), 5, "{ipa:?}");
    let mean = shares.iter().sum::<f64>() / 5.0;
    for (row, share) in rows.iter().zip(&shares) {
        assert_eq!(row["importance"], "derived");
        assert_eq!(row["n_importance"], "240");
        assert!((num(row, "importance_mean").unwrap() - share).abs() < 1e-9);
        assert!((num(row, "crosshair_importance").unwrap() - mean).abs() < 1e-9);
        let high = *share >= mean;
        assert_eq!(
            row["quadrant"].starts_with("concentrate") || row["quadrant"].starts_with("keep"),
            high,
            "{row:?}"
        );
    }
    assert!(tables.join("../charts/drivers.png").is_file());
    assert!(tables.join("../charts/ipa_client.png").is_file());
    // check says what such an attribute is for, not that its gap is missing.
    let text = check_exports(dir);
    assert!(
        text.contains("attribute \"Speed\": rated on experience only, in 1 table(s)"),
        "{text}"
    );
    assert!(!text.contains("no gap can be measured"), "{text}");
}

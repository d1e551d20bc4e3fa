//! Raking (PRODUCT §4, §6.13) against a member-by-member numpy IPF
//! (tests/reference/raking.py), end to end through `run`, and its bad input.

mod common;

use common::*;
use journeygap::stats::rake::rake;
use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(include_str!("reference/raking.json")).expect("parses")
}

/// Every case: the weights, the iterations and the design effect.
#[test]
fn raked_weights_match_numpy() {
    let r = reference();
    let tol = r["tolerance"].as_f64().unwrap();
    for c in r["cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let values: Vec<usize> = c["values"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|v| floats(v).into_iter().map(|x| x as usize))
            .collect();
        let targets: Vec<Vec<f64>> = c["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(floats)
            .collect();
        let got = rake(&values, &targets, c["cap"].as_f64()).expect(name);
        let theirs = floats(&c["weights"]);
        assert_eq!(got.weights.len(), theirs.len());
        for (i, (a, b)) in got.weights.iter().zip(&theirs).enumerate() {
            assert!((a - b).abs() <= tol, "{name}: weight {i}: {a} vs {b}");
        }
        assert_eq!(
            got.iterations as u64,
            c["iterations"].as_u64().unwrap(),
            "{name}"
        );
        let (s, s2): (f64, f64) = (
            got.weights.iter().sum(),
            got.weights.iter().map(|w| w * w).sum(),
        );
        let deff = got.weights.len() as f64 * s2 / (s * s);
        assert!(
            (deff - c["design_effect"].as_f64().unwrap()).abs() <= tol,
            "{name}: deff"
        );
        println!(
            "{name}: {} iterations, matches numpy within {tol:e}",
            got.iterations
        );
    }
}

const HEAD: &str = "[fields.respondent_id]\nheaders = [\"ID\"]\n\
[fields.industry]\nheaders = [\"Industry\"]\n\
[fields.size]\nheaders = [\"Size\"]\nvalues = { \"1-49\" = \"Small\", \"50-249\" = \"Small\", \"250+\" = \"Large\" }\n\
[fields.recommend]\nheaders = [\"NPS\"]\nkind = \"number\"\nscale = [0, 10]\n\
[stages]\ndefault = \"client\"\n";

/// 60 respondents: manufacturing over-represented, one blank size.
fn export() -> String {
    let mut csv = String::from("ID,Industry,Size,NPS\n");
    for i in 0..60 {
        let industry = if i % 4 == 3 {
            "Services"
        } else {
            "Manufacturing"
        };
        let size = match i % 3 {
            0 => "1-49",
            1 => "50-249",
            _ => "250+",
        };
        let size = if i == 7 { "" } else { size };
        csv += &format!(
            "r{i},{industry},{size},{}\n",
            if i % 4 == 3 { 10 } else { 5 }
        );
    }
    csv
}

fn folder(cfg: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("exports")).unwrap();
    std::fs::write(tmp.path().join("exports/pulse.csv"), export()).unwrap();
    std::fs::write(tmp.path().join("journeygap.toml"), format!("{HEAD}{cfg}")).unwrap();
    tmp
}

const TARGETS: &str = "[weighting]\nrake = [\"industry\", \"size\"]\n\
[weighting.targets.industry]\n\"Manufacturing\" = 0.4\n\"Services\" = 0.6\n\
[weighting.targets.size]\n\"Small\" = 0.5\n\"Large\" = 0.45\n\"(blank)\" = 0.05\n";

/// Shares reach their targets, the table and report say so, and the NPS is weighted.
#[test]
fn a_run_rakes_to_the_targets_and_reports_it() {
    let tmp = folder(TARGETS);
    let tables = run_exports(tmp.path(), "2026Q4");
    let rows = read_csv(&tables.join("weighting.csv"));
    assert_eq!(rows.len(), 5, "{rows:?}");
    for r in &rows {
        let (t, w) = (num(r, "target").unwrap(), num(r, "weighted_share").unwrap());
        assert!((t - w).abs() < 1e-10, "{r:?}");
        assert!((num(r, "weights_mean").unwrap() - 1.0).abs() < 1e-12);
    }
    let manufacturing = rows.iter().find(|r| r["value"] == "Manufacturing").unwrap();
    assert_eq!(manufacturing["n"], "45");
    assert_eq!(num(manufacturing, "unweighted_share"), Some(0.75));
    let blank = rows.iter().find(|r| r["value"] == "(blank)").unwrap();
    assert_eq!(blank["n"], "1");
    // Services (all promoters) are 60% after weighting, manufacturing (all detractors) 40%:
    // NPS = 20, to the margins' tolerance (1e-10 on each share).
    let nps = read_csv(&tables.join("nps.csv"));
    let all = nps
        .iter()
        .find(|r| r["segment"] == "all" && r["stage"] == "client")
        .unwrap();
    assert!((num(all, "nps").unwrap() - 20.0).abs() < 1e-7, "{all:?}");
    let report = std::fs::read_to_string(tables.join("../report.md")).unwrap();
    assert!(report.contains("Raked on *industry*"), "{report}");
    assert!(report.contains("design effect"), "{report}");
    let summary = std::fs::read_to_string(tables.join("../summary.json")).unwrap();
    assert!(summary.contains("\"weighting\""));
}

/// Each bad input stops the run with the config's file, key and line, and writes nothing.
#[test]
fn bad_raking_input_is_an_error_naming_file_key_and_line() {
    let cases = [
        (
            TARGETS.replace("\"(blank)\" = 0.05\n", "").replace("0.45", "0.5"),
            ["weighting.targets.size", "(blank)", "(1 classified respondents)"],
        ),
        (
            TARGETS.replace("\"Services\" = 0.6", "\"Services\" = 0.5"),
            ["weighting.targets.industry", "sum to 0.9", "line 16"],
        ),
        (
            TARGETS.replace("rake = [\"industry\", \"size\"]", "rake = [\"industry\", \"size\", \"region\"]")
                + "[fields.region]\nheaders = [\"Region\"]\n[weighting.targets.region]\n\"North\" = 1\n",
            ["weighting.rake (region)", "none of the 60", "answered"],
        ),
        (
            TARGETS.replace("\"Large\" = 0.45\n\"(blank)\" = 0.05", "\"Large\" = 0.4\n\"(blank)\" = 0.05\n\"Medium\" = 0.05"),
            ["'Medium' has a target of 0.05 but no classified respondent", "weighting.targets.size", "line 19"],
        ),
    ];
    for (cfg, says) in cases {
        let tmp = folder(&cfg);
        let err = run_exports_failing(tmp.path(), "2026Q4");
        for s in says {
            assert!(err.contains(s), "expected '{s}' in: {err}");
        }
        assert!(err.contains("journeygap.toml"), "{err}");
        assert!(
            !tmp.path().join("out/2026Q4").exists(),
            "nothing written: {err}"
        );
        // check says the same, as an error.
        let out = check_exports_assert(tmp.path()).failure();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string()
            + &String::from_utf8_lossy(&out.get_output().stderr);
        assert!(text.contains(says[0]), "check: {text}");
    }
}

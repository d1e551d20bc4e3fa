//! Rerunning every quarter: trends and transitions from earlier period folders, byte-identical
//! and atomic reruns, file-order independence, hashed ids, `verify`, config-change warnings.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use journeygap::demo::QUARTERS;

fn demo() -> PathBuf {
    root().join("fixtures/demo")
}

fn run(input: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    run_with(input, &demo().join("journeygap.toml"), out, extra)
}

fn all_quarters(out: &Path, extra: &[&str]) {
    for q in QUARTERS {
        run(&demo().join(q), out, extra).success();
    }
}

#[test]
fn trends_and_transitions_tell_the_planted_story() {
    let tmp = tempfile::tempdir().unwrap();
    all_quarters(tmp.path(), &[]);
    let t = tmp.path().join("2026Q3/tables");
    let trends = read_csv(&t.join("trends.csv"));
    let series: Vec<_> = trends
        .iter()
        .filter(|r| {
            r["metric"] == "mean gap"
                && r["segment"] == "all"
                && r["stage"] == "client"
                && r["attribute"] == "Responsiveness"
        })
        .collect();
    assert_eq!(
        series
            .iter()
            .map(|r| r["period"].as_str())
            .collect::<Vec<_>>(),
        QUARTERS.to_vec()
    );
    let v: Vec<f64> = series.iter().map(|r| num(r, "value").unwrap()).collect();
    assert!(v[0] > v[1] && v[1] > v[2] && v[0] - v[2] > 0.5, "{v:?}");
    assert_eq!(
        series[0]["test"], "",
        "the first period has nothing to compare with"
    );
    assert_eq!(series[2]["test"], "welch t");
    assert_eq!(series[2]["significant"], "true", "{:?}", series[2]);
    for m in [
        "stage share",
        "win rate",
        "nps",
        "awareness breadth",
        "typecast rate",
        "betweener share of past clients",
    ] {
        assert!(
            trends
                .iter()
                .any(|r| r["metric"] == m && r["period"] == "2026Q1"),
            "no trend of {m}"
        );
    }
    let tr = read_csv(&t.join("transitions.csv"));
    for (from, to) in [("2026Q1", "2026Q2"), ("2026Q2", "2026Q3")] {
        let moved = tr
            .iter()
            .find(|r| {
                r["from_period"] == from
                    && r["to_period"] == to
                    && r["from_stage"] == "client"
                    && r["to_stage"] == "betweener"
            })
            .unwrap_or_else(|| panic!("no client → betweener row {from} → {to}"));
        assert_eq!(moved["n"], "20");
        let seen_once = tr.iter().filter(|r| {
            r["from_period"] == from
                && (r["to_stage"] == "(not seen)" || r["from_stage"] == "(new)")
        });
        assert!(
            seen_once.map(|r| num(r, "n").unwrap()).sum::<f64>() > 0.0,
            "respondents seen once are counted"
        );
    }
    // Trend charts and the transition heatmap, at slide size.
    for c in [
        "trend_stage_mix",
        "trend_nps",
        "trend_gaps_client",
        "transitions_2026Q2_2026Q3",
    ] {
        let bytes = std::fs::read(tmp.path().join(format!("2026Q3/charts/{c}.png")))
            .unwrap_or_else(|e| panic!("{c}: {e}"));
        let info = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap()
            .info()
            .clone();
        assert_eq!((info.width, info.height), (1600, 900), "{c}");
    }
    assert!(
        !tmp.path().join("2026Q1/charts/trend_nps.png").exists(),
        "no trend chart from one period"
    );
    // Each from-stage's shares add up to one.
    let mut sums = std::collections::BTreeMap::new();
    for r in &tr {
        *sums
            .entry((r["from_period"].clone(), r["from_stage"].clone()))
            .or_insert(0.0) += num(r, "share_of_from").unwrap();
    }
    assert!(
        sums.values().all(|s: &f64| (s - 1.0).abs() < 1e-12),
        "{sums:?}"
    );
}

#[test]
fn rerunning_a_quarter_changes_no_byte_and_leaves_others_alone() {
    let tmp = tempfile::tempdir().unwrap();
    all_quarters(tmp.path(), &[]);
    let before: Vec<_> = QUARTERS
        .iter()
        .map(|q| snapshot(&tmp.path().join(q)))
        .collect();
    run(&demo().join("2026Q2"), tmp.path(), &["--jobs", "8"]).success();
    let after: Vec<_> = QUARTERS
        .iter()
        .map(|q| snapshot(&tmp.path().join(q)))
        .collect();
    assert!(before == after, "a rerun changed bytes");
    let hidden: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".journeygap.lock")
        .collect();
    assert_eq!(hidden.len(), 3, "one version folder per period: {hidden:?}");
}

#[test]
fn output_does_not_depend_on_the_order_files_are_listed_in() {
    let tmp = tempfile::tempdir().unwrap();
    let files = journeygap::ingest::walk_all(&demo().join("2026Q1"));
    for (dir, order) in [
        ("a", files.clone()),
        ("b", files.iter().rev().cloned().collect()),
    ] {
        let input = tmp.path().join(dir).join("2026Q1");
        for f in order {
            let dest = input.join(f.strip_prefix(demo().join("2026Q1")).unwrap());
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(&f, &dest).unwrap();
        }
        journeygap()
            .current_dir(tmp.path().join(dir))
            .args(["run", "2026Q1", "--out", "reports", "--quiet", "--config"])
            .arg(demo().join("journeygap.toml"))
            .assert()
            .success();
    }
    let a = snapshot(&tmp.path().join("a/reports/2026Q1"));
    let b = snapshot(&tmp.path().join("b/reports/2026Q1"));
    assert_eq!(a.len(), b.len());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} depends on the order of the files");
    }
}

#[test]
fn hashed_ids_keep_names_out_and_transitions_in() {
    let tmp = tempfile::tempdir().unwrap();
    all_quarters(tmp.path(), &["--hash-ids"]);
    let t = tmp.path().join("2026Q3/tables");
    for f in ["respondents.csv", "transitions.csv"] {
        let text = std::fs::read_to_string(t.join(f)).unwrap();
        assert!(
            !text.contains('@') && !text.contains("ACC-") && !text.contains("R_03"),
            "{f} leaks ids"
        );
    }
    let json = std::fs::read_to_string(tmp.path().join("2026Q3/summary.json")).unwrap();
    assert!(!json.contains("ACC-") && !json.contains("@example.com"));
    let tr = read_csv(&t.join("transitions.csv"));
    assert!(tr
        .iter()
        .any(|r| r["from_stage"] == "client" && r["to_stage"] == "betweener" && r["n"] == "20"));
}

#[test]
fn verify_rechecks_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("2026Q1");
    for f in journeygap::ingest::walk_all(&demo().join("2026Q1")) {
        let dest = input.join(f.strip_prefix(demo().join("2026Q1")).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&f, &dest).unwrap();
    }
    let out = tmp.path().join("reports");
    run(&input, &out, &[]).success();
    journeygap()
        .arg("verify")
        .arg(out.join("2026Q1"))
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "all 4 input files (and its lookup) match",
        ));
    let csv = input.join("googleforms/client_pulse_2026Q1.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push('\n');
    std::fs::write(&csv, text).unwrap();
    std::fs::write(input.join("late.csv"), "a,b\n1,2\n").unwrap();
    journeygap()
        .arg("verify")
        .arg(out.join("2026Q1"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "changed: googleforms/client_pulse_2026Q1.csv",
        ))
        .stderr(predicates::str::contains("not in the run: late.csv"));
}

#[test]
fn a_changed_scale_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    run(&demo().join("2026Q1"), tmp.path(), &[]).success();
    let text = std::fs::read_to_string(demo().join("journeygap.toml")).unwrap();
    let text = text.replacen("scale = [1, 5]\nvalue_map = \"importance5\"\npatterns = ['^importance.*Relevant expertise'", "scale = [1, 7]\nvalue_map = \"importance5\"\npatterns = ['^importance.*Relevant expertise'", 1);
    let cfg = demo_config_at(tmp.path(), "changed.toml", &text);
    journeygap()
        .arg("run")
        .arg(demo().join("2026Q2"))
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(tmp.path())
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "the scale of 'Relevant expertise' changed from 1–5 to 1–7",
        ))
        .stderr(predicates::str::contains("the config changed since"));
}

/// Kill `run` at many points while it rewrites a period: the folder is always one complete run.
#[test]
fn a_killed_rerun_leaves_the_old_or_the_new_folder_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    let input = demo().join("2026Q1");
    let text = std::fs::read_to_string(demo().join("journeygap.toml"))
        .unwrap()
        .replace("confidence = 0.95", "confidence = 0.9");
    let strict = demo_config_at(tmp.path(), "strict.toml", &text);
    // The two complete versions: confidence 0.95 and 0.9.
    let version = |cfg: &Path| {
        let d = tempfile::tempdir().unwrap();
        journeygap()
            .arg("run")
            .arg(&input)
            .arg("--config")
            .arg(cfg)
            .arg("--out")
            .arg(d.path())
            .arg("--quiet")
            .assert()
            .success();
        snapshot(&d.path().join("2026Q1"))
    };
    let old = version(&demo().join("journeygap.toml"));
    let new = version(&strict);
    assert!(old != new);
    run(&input, &out, &[]).success();
    let bin = assert_cmd::cargo::cargo_bin("journeygap");
    let mut outcomes = std::collections::BTreeSet::new();
    for i in 0..24u64 {
        let cfg = if i % 2 == 0 {
            &strict
        } else {
            &demo().join("journeygap.toml")
        };
        let mut child = std::process::Command::new(&bin)
            .arg("run")
            .arg(&input)
            .arg("--config")
            .arg(cfg)
            .arg("--out")
            .arg(&out)
            .arg("--quiet")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5 * i));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&out.join("2026Q1"));
        let which = if now == old {
            "old"
        } else if now == new {
            "new"
        } else {
            "mixed"
        };
        assert_ne!(
            which,
            "mixed",
            "kill after {} ms left a mixed folder: {:?}",
            5 * i,
            now.keys().collect::<Vec<_>>()
        );
        outcomes.insert(which);
    }
    eprintln!("outcomes seen: {outcomes:?}");
}

#[test]
fn report_documents_state_the_findings_and_embed_every_chart() {
    let tmp = tempfile::tempdir().unwrap();
    all_quarters(tmp.path(), &[]);
    let dir = tmp.path().join("2026Q3");
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    for want in [
        "Got-aways rate *Relevant expertise*",
        "Got-aways most often mention *Expertise*",
        "Prospects use *Industry events*",
        "of betweeners know no service beyond those they bought",
        "Clients: mean gap (Responsiveness) changed by",
        "of clients in 2026Q2 were betweeners in 2026Q3 (n = 20)",
        "Excluded: duplicate 3, internal 2 (the config's rule: email contains \"@northwind-advisory.com\"), preview/test 3, speeder 2 (the config's rule: duration under 60), unfinished 4.",
    ] {
        assert!(md.contains(want), "report.md lacks «{want}»:\n{md}");
    }
    let charts: Vec<_> = std::fs::read_dir(dir.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for c in &charts {
        assert!(
            md.contains(&format!("(charts/{c})")),
            "report.md does not show {c}"
        );
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert_eq!(
        html.matches("<img ").count(),
        charts.len(),
        "every chart embedded once"
    );
    assert_eq!(
        html.matches("src=\"data:image/png;base64,").count(),
        charts.len()
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "report.html must need no network"
    );
    assert!(html.contains("<em>Relevant expertise</em>"));
}

/// Regression: two unrelated studies written to one `--out` became each other's trend. A
/// period of another study is left out of the series, with a warning naming it.
#[test]
fn another_study_under_the_same_out_is_not_a_trend() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(demo().join("journeygap.toml")).unwrap();
    let with_study = |name: &str| {
        let cfg = text.replacen("[report]", &format!("[report]\nstudy = \"{name}\""), 1);
        assert_ne!(cfg, text, "the demo config has a [report] table");
        demo_config_at(tmp.path(), &format!("{name}.toml"), &cfg)
    };
    let out = tmp.path().join("reports");
    run_with(
        &demo().join(QUARTERS[0]),
        &with_study("Brand tracker"),
        &out,
        &[],
    )
    .success();
    let second = run_with(
        &demo().join(QUARTERS[1]),
        &with_study("Client journey"),
        &out,
        &[],
    )
    .success();
    let err = String::from_utf8_lossy(&second.get_output().stderr).to_string();
    assert!(
        err.contains("another study ('Brand tracker'"),
        "the warning names the other study: {err}"
    );
    let trends = read_csv(&out.join(QUARTERS[1]).join("tables/trends.csv"));
    assert!(
        trends.iter().all(|r| r["period"] == QUARTERS[1]),
        "only this period is in the series"
    );
    // The same study makes a series.
    run_with(
        &demo().join(QUARTERS[2]),
        &with_study("Client journey"),
        &out,
        &[],
    )
    .success();
    let trends = read_csv(&out.join(QUARTERS[2]).join("tables/trends.csv"));
    assert!(trends.iter().any(|r| r["period"] == QUARTERS[1]));
    assert!(trends.iter().all(|r| r["period"] != QUARTERS[0]));
}

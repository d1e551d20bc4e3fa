//! Every firm's wording (issue 30): `init` with no edits and no terminal, then `run`, on
//! eighty-seven folders of new wordings (`tests/wordings`, a generator of its own), one in each
//! new language: at least 90 % of each folder's rows in their true stage, and the rows `sure`
//! guesses decided at least 98 % right. Each folder's figures are printed.

mod common;
mod wordings;

use std::collections::BTreeMap;

use common::*;

#[test]
fn zero_edit_init_reads_every_new_wording() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    let mut failed = Vec::new();
    for f in wordings::all(dir.path()) {
        let cfg = dir.path().join(format!("{}.toml", f.name));
        init_no_input(&f.dir, &cfg);
        let out = dir.path().join(format!("{}-out", f.name));
        journeygap()
            .arg("run")
            .arg(&f.dir)
            .arg("--config")
            .arg(&cfg)
            .args(["-q", "--out"])
            .arg(&out)
            .assert()
            .success();
        let rows = read_csv(&out.join("2026Q4/tables/respondents.csv"));
        assert_eq!(rows.len(), f.rows.len(), "{}: every row read", f.name);
        // Per guess level: (right, rows).
        let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut wrong = Vec::new();
        for r in &rows {
            let truth = f.rows[&(r["source_file"].clone(), r["row"].parse().unwrap())];
            let ok = r["excluded"] != "true" && r["stage"] == truth;
            let e = by.entry(r["guess"].clone()).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
            if !ok && wrong.len() < 5 {
                wrong.push(format!(
                    "row {}: {} ({}), not {truth}",
                    r["row"], r["stage"], r["rule"]
                ));
            }
        }
        let right: usize = by.values().map(|v| v.0).sum();
        let share = right as f64 / rows.len() as f64;
        let levels: Vec<String> = by
            .iter()
            .map(|(l, (r, n))| format!("{} {r}/{n}", if l.is_empty() { "confirmed" } else { l }))
            .collect();
        lines.push(format!(
            "{:<9} {right}/{} ({:.1} %); {}",
            f.name,
            rows.len(),
            100.0 * share,
            levels.join(", ")
        ));
        let cfg_text = std::fs::read_to_string(&cfg).unwrap();
        if share < 0.9 {
            failed.push(format!(
                "{}: {:.1} % right: {}\n{cfg_text}",
                f.name,
                100.0 * share,
                wrong.join("; ")
            ));
        }
        if let Some((r, n)) = by.get("sure") {
            if (*r as f64) < 0.98 * *n as f64 {
                failed.push(format!(
                    "{}: sure rows {r}/{n} right: {}\n{cfg_text}",
                    f.name,
                    wrong.join("; ")
                ));
            }
        }
    }
    println!("new wordings, zero edits:\n{}", lines.join("\n"));
    assert!(
        failed.is_empty(),
        "{}\n\n{}",
        lines.join("\n"),
        failed.join("\n\n")
    );
}

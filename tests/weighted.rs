//! A weight field: weighted shares and means, the Kish effective base, and low_base judged on it.

mod common;

use common::*;

const CONFIG: &str = r#"
[report]
min_base = 5

[fields.weight]
kind = "number"
headers = ["wt"]

[fields.recommend]
kind = "number"
scale = [0, 10]
headers = ["nps"]

[fields.rel]
headers = ["relationship"]

[fields.imp]
kind = "number"
headers = ["imp"]

[fields.perf]
kind = "number"
headers = ["perf"]

[[attributes]]
name = "Expertise"
expectation = "imp"
experience = "perf"

[[stages.rules]]
stage = "client"
when = { field = "rel", equals = "client" }

[[stages.rules]]
stage = "former"
when = { field = "rel", equals = "former" }
"#;

const DATA: &str = "relationship;wt;nps;imp;perf\n\
client;1;10;5;4\n\
client;3;9;4;4\n\
client;1;5;5;3\n\
client;1;0;4;2\n\
former;2;10;5;5\n\
former;2;3;4;2\n\
client;0;10;1;1\n";

#[test]
fn weights_give_weighted_shares_and_kish_bases() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("2026Q1");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("journeygap.toml"), CONFIG).unwrap();
    std::fs::write(input.join("survey.csv"), DATA).unwrap();
    let out = tmp.path().join("out");
    journeygap()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let dir = out.join("2026Q1/tables");
    // The zero-weight row is excluded, with its reason.
    let resp = read_csv(&dir.join("respondents.csv"));
    assert_eq!(resp[6]["reason"], "no valid weight");
    // Clients: weights 1,3,1,1 (Σ6); former: 2,2 (Σ4). Share of clients = 6/10.
    let mix = read_csv(&dir.join("stage_mix.csv"));
    let client = mix.iter().find(|r| r["stage"] == "client").unwrap();
    assert_eq!(num(client, "share"), Some(0.6));
    assert_eq!(num(client, "n"), Some(4.0));
    // Kish base of all six weights: 10² / (1+9+1+1+4+4) = 5.
    assert_eq!(num(client, "base_eff"), Some(5.0));
    assert_eq!(client["low_base"], "false", "5 is not below min_base 5");
    // NPS of clients, weighted: promoters 1+3 of 6, detractors 1+1 of 6 → 100·(4−2)/6.
    let nps = read_csv(&dir.join("nps.csv"));
    let c = nps
        .iter()
        .find(|r| r["stage"] == "client" && r["segment"] == "all")
        .unwrap();
    assert!((num(c, "nps").unwrap() - 100.0 * 2.0 / 6.0).abs() < 1e-12);
    // Kish base of the client weights 1,3,1,1: 36/12 = 3 < 5 → low base.
    assert_eq!(num(c, "base_eff"), Some(3.0));
    assert_eq!(c["low_base"], "true");
    // Weighted gap mean for clients: d = -1,0,-2,-2 with weights 1,3,1,1 → -5/6.
    let gaps = read_csv(&dir.join("gaps.csv"));
    let g = gaps.iter().find(|r| r["stage"] == "client").unwrap();
    assert!((num(g, "gap_mean").unwrap() + 5.0 / 6.0).abs() < 1e-12);
    assert_eq!(g["low_base"], "true");
    // The journey tables are weighted too: shares with Kish bases, comparisons on weighted means.
    let conv = read_csv(&dir.join("conversion.csv"));
    let past = conv
        .iter()
        .find(|r| r["metric"] == "betweener share of past clients")
        .unwrap();
    assert_eq!(num(past, "share"), Some(0.0));
    let promoters = conv
        .iter()
        .find(|r| r["metric"] == "promoter share of former clients")
        .unwrap();
    assert_eq!(
        (num(promoters, "share"), num(promoters, "base_eff")),
        (Some(0.5), Some(2.0))
    );
    let cmp = read_csv(&dir.join("comparisons.csv"));
    let rec = cmp
        .iter()
        .find(|r| r["metric"] == "recommend (0-10)" && r["stage_a"] == "former")
        .unwrap();
    // Weighted recommend means: former (10·2 + 3·2)/4 = 6.5; client (10 + 27 + 5 + 0)/6 = 7.
    assert!(
        (num(rec, "difference").unwrap() - (6.5 - 7.0)).abs() < 1e-12,
        "{rec:?}"
    );
}

//! Many categories and one huge answer (issue 21, item 4): an export with hundreds of distinct
//! "other" channels and two 4 MB multi-select answers (one a pasted document, one of 100,000
//! comma-separated parts) runs in about the time of a normal run: the huge answers are counted
//! as cells that are no list of options, the tables keep every real category, and the chart
//! draws the 11 most used and "Other (k more)".

mod common;

use common::*;

#[test]
fn hundreds_of_categories_and_a_4_mb_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = tmp.path().join("exports");
    std::fs::create_dir_all(&ex).unwrap();
    let mut w = csv::Writer::from_path(ex.join("export.csv")).unwrap();
    w.write_record(["ID", "Relationship", "Where did you look for advisers?"])
        .unwrap();
    let common = [
        "LinkedIn",
        "Search engine",
        "Referral",
        "Events",
        "Trade press",
    ];
    for i in 0..400 {
        let rel = ["Current client", "Never worked with them", "Past client"][i % 3];
        let mut used: Vec<String> = common
            .iter()
            .enumerate()
            .filter(|(k, _)| (i + k) % 3 != 0)
            .map(|(_, c)| c.to_string())
            .collect();
        used.push(format!("Other: forum number {i}"));
        w.write_record([format!("R{i}"), rel.into(), used.join(", ")])
            .unwrap();
    }
    let words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur"];
    let pasted: String = (0..700_000)
        .map(|i| words[i % 6])
        .collect::<Vec<_>>()
        .join(" ");
    let parts: String = (0..100_000)
        .map(|i| format!("{} {i}", words[i % 6]))
        .collect::<Vec<_>>()
        .join(", ");
    assert!(pasted.len() > 4_000_000 && parts.len() > 1_000_000);
    w.write_record(["R_paste", "Current client", &pasted])
        .unwrap();
    w.write_record(["R_parts", "Past client", &parts]).unwrap();
    w.flush().unwrap();
    let cfg = r#"
[fields.respondent_id]
headers = ["ID"]
[fields.relationship]
headers = ["Relationship"]
[fields.channels_used]
kind = "multi"
separator = ","
headers = ["Where did you look for advisers?"]
[[stages.rules]]
name = "client"
stage = "client"
when = { field = "relationship", equals = "Current client" }
[[stages.rules]]
name = "prospect"
stage = "prospect"
when = { field = "relationship", equals = "Never worked with them" }
[stages]
default = "betweener"
[channels]
used = "channels_used"
[channels.plan.client]
"LinkedIn" = true
"#;
    std::fs::write(tmp.path().join("journeygap.toml"), cfg).unwrap();
    let tables = run_exports(tmp.path(), "2026Q4");
    let problems = read_csv(&tables.join("cell_problems.csv"));
    let not_list = problems
        .iter()
        .find(|r| r["problem"] == "not a list of options")
        .expect("the huge answers are counted");
    assert_eq!(not_list["count"], "2");
    let touch = read_csv(&tables.join("touchpoints.csv"));
    let others = touch
        .iter()
        .filter(|r| {
            r["segment"] == "all"
                && r["stage"] == "client"
                && r["channel"].starts_with("Other: forum")
        })
        .count();
    assert_eq!(others, 400, "the table keeps every category");
    assert!(tmp
        .path()
        .join("out/2026Q4/charts/touchpoints.png")
        .exists());
}

//! Numbers in each column's own format (PRODUCT §3, issue 29): comma decimals with point
//! thousands and the reverse, in `,` and `;` files, each column decided from all its cells; a
//! cell written the other way is a counted bad cell, never read the other way; `check` says
//! what it decided; comma decimals make dates that read either way day-first.

mod common;

use std::path::Path;

use common::*;

const CONFIG: &str = r#"
[fields.respondent_id]
headers = ["ID"]
[fields.date]
kind = "date"
headers = ["Submitted"]
[fields.weight]
kind = "number"
headers = ["Weight"]
[fields.budget]
kind = "number"
headers = ["Budget"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;

/// Rows of a CSV table, by column name.
type Rows = Vec<std::collections::BTreeMap<String, String>>;

/// `exports/<name>` holding `text`, the config beside it; `check`'s output, then `run`'s
/// respondents (weights by id) and bad cells.
fn check_and_run(dir: &Path, name: &str, text: &str) -> (String, String, Rows, Rows) {
    let ex = dir.join("exports");
    std::fs::create_dir_all(&ex).unwrap();
    std::fs::write(ex.join(name), text).unwrap();
    std::fs::write(dir.join("journeygap.toml"), CONFIG).unwrap();
    let check = check_exports(dir);
    journeygap()
        .current_dir(dir)
        .args(["run", "exports", "--config", "journeygap.toml"])
        .args(["--out", "out", "--quiet"])
        .assert()
        .success();
    let period = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| !n.starts_with('.'))
        .unwrap();
    let tables = dir.join("out").join(&period).join("tables");
    (
        check,
        period,
        read_csv(&tables.join("respondents.csv")),
        read_csv(&tables.join("cell_problems.csv")),
    )
}

fn weights(resp: &Rows) -> Vec<String> {
    resp.iter().map(|r| r["weight"].clone()).collect()
}

/// A `,` file from a comma country's Excel: quoted `1.234,5` and `0,5`. The column is read
/// with decimal commas, and its dates — every one readable either way — day-first.
#[test]
fn comma_decimals_with_point_thousands_in_a_comma_file() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Submitted,Weight,Budget\n\
               1,01/11/2024,\"0,5\",\"1.234,5\"\n\
               2,03/12/2024,\"1,5\",\"39.000,00\"\n\
               3,05/11/2024,\"2,25\",\"10,8\"\n\
               4,07/12/2024,1,\"2.000\"\n";
    let (check, period, resp, problems) = check_and_run(tmp.path(), "eu.csv", csv);
    assert!(
        check.contains("weight (C \"Weight\"): numbers read with decimal commas"),
        "{check}"
    );
    assert!(
        check.contains("budget (D \"Budget\"): numbers read with decimal commas"),
        "{check}"
    );
    assert!(
        check.contains("read day-first") && check.contains("a file with decimal commas"),
        "{check}"
    );
    assert_eq!(period, "2024Q4", "November and December, day-first");
    assert_eq!(weights(&resp), ["0.5", "1.5", "2.25", "1"]);
    assert!(problems.is_empty(), "{problems:?}");
}

/// A `;` file whose numbers are written the English way (`1,234.5`, `0.5`): the column's cells
/// decide, not the delimiter; its one cell with a decimal comma is a bad cell, and `check` warns.
#[test]
fn point_decimals_with_comma_thousands_in_a_semicolon_file() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID;Submitted;Weight;Budget\n\
               1;2024-11-01;0.5;1,234.5\n\
               2;2024-11-02;1.5;39,000.00\n\
               3;2024-11-03;2.25;12.5\n\
               4;2024-11-04;\"1,5\";7\n";
    let (check, _, resp, problems) = check_and_run(tmp.path(), "us.csv", csv);
    assert!(
        check.contains(
            "weight (C \"Weight\"): numbers read with decimal points (1,234.5): 3 distinct value(s) show it, 1 the other mark"
        ),
        "{check}"
    );
    assert_eq!(weights(&resp)[..3], ["0.5", "1.5", "2.25"]);
    // The contradicting cell is not read as 15 or 1.5: a bad cell, counted with its text.
    let bad: Vec<_> = problems
        .iter()
        .filter(|p| p["field"] == "weight" && p["problem"] == "not a number")
        .collect();
    assert_eq!(bad.len(), 1, "{problems:?}");
    assert_eq!(bad[0]["count"], "1");
    assert!(bad[0]["examples"].contains("1,5"), "{bad:?}");
    assert!(
        problems.iter().all(|p| p["field"] != "budget"),
        "{problems:?}"
    );
}

/// A `;` file from a Spanish Excel: `39.000,00` is 39000 and `10,8` is 10.8, and nothing is
/// free text.
#[test]
fn a_spanish_semicolon_file() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID;Submitted;Weight;Budget\n\
               1;15/10/2024;1;39.000,00\n\
               2;16/10/2024;0,8;10,8\n\
               3;17/10/2024;1,2;1.500\n";
    let (check, period, resp, problems) = check_and_run(tmp.path(), "es.csv", csv);
    assert_eq!(period, "2024Q4");
    assert_eq!(weights(&resp), ["1", "0.8", "1.2"]);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        check.contains("budget (D \"Budget\"): numbers read with decimal commas"),
        "{check}"
    );
}

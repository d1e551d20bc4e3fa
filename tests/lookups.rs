//! `[[lookups]]` (PRODUCT §4): stages and segments from a CRM export joined by a key.

mod common;

use common::*;
use std::path::Path;

/// A survey of five buyers and the CRM pipeline beside it, inside the input folder. Keys differ
/// in case and spaces, one is a number in the workbook and text in the survey; one buyer is not
/// in the CRM; one key is on two CRM rows (the last wins).
fn folder(dir: &Path, lookup_cfg: &str) {
    let ex = dir.join("exports");
    std::fs::create_dir_all(ex.join("crm")).unwrap();
    std::fs::write(
        ex.join("prospects.csv"),
        "Contact,What did you decide?,Score\n\
         a-001,We chose another firm,3\n\
         A-002 ,Still deciding,8\n\
         1003,Still deciding,6\n\
         a-004,We hired them,9\n\
         a-005,Still deciding,7\n",
    )
    .unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Pipeline").unwrap();
    for (c, h) in ["Contact ID", "Opportunity stage", "Region"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, &str); 5] = [
        ("A-001", "Closed Lost", "North"),
        ("a-002", "Closed Lost", "South"),
        ("", "Open", "North"),
        ("A-004", "Closed Won", "North"),
        ("A-002", "Closed Won", "South"),
    ];
    for (r, (id, stage, region)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, *stage).unwrap();
        ws.write_string(r, 2, *region).unwrap();
    }
    // A number key: matches the survey's text "1003".
    ws.write_number(6, 0, 1003.0).unwrap();
    ws.write_string(6, 1, "Closed Lost").unwrap();
    ws.write_string(6, 2, "South").unwrap();
    wb.save(ex.join("crm/pipeline.xlsx")).unwrap();
    let cfg = format!(
        r#"
[fields.respondent_id]
headers = ["Contact"]
[fields.recommend]
headers = ["Score"]
kind = "number"
scale = [0, 10]
[fields.crm_stage]
headers = ["Opportunity stage"]
values = {{ "Closed Lost" = "lost", "Closed Won" = "won", "Open" = "open" }}
[fields.region]
headers = ["Region"]
{lookup_cfg}
[stages]
default = "prospect"
[[stages.rules]]
name = "Closed Lost in the CRM"
stage = "got-away"
when = {{ field = "crm_stage", equals = "lost" }}
[[stages.rules]]
name = "Closed Won in the CRM"
stage = "client"
when = {{ field = "crm_stage", equals = "won" }}
"#
    );
    std::fs::write(dir.join("journeygap.toml"), cfg).unwrap();
}

const LOOKUP: &str = "[[lookups]]\nfile = \"exports/crm/pipeline.xlsx\"\nkey = \"respondent_id\"\ncolumn = \"contact id\"\n";

#[test]
fn stages_come_from_the_crm_and_its_rows_are_not_respondents() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), LOOKUP);
    // The joined region as a segment (a top-level key, so first).
    let cfg = std::fs::read_to_string(tmp.path().join("journeygap.toml")).unwrap();
    std::fs::write(
        tmp.path().join("journeygap.toml"),
        format!("segments = [\"region\"]\n{cfg}"),
    )
    .unwrap();
    let tables = run_exports(tmp.path(), "2026Q4");
    let rows = read_csv(&tables.join("respondents.csv"));
    let stage = |id: &str| {
        rows.iter()
            .find(|r| r["respondent_id"] == id)
            .map(|r| r["stage"].clone())
    };
    assert_eq!(
        rows.len(),
        5,
        "the CRM's rows are not respondents: {rows:?}"
    );
    assert_eq!(stage("a-001").as_deref(), Some("got-away"));
    assert_eq!(
        stage("A-002").as_deref(),
        Some("client"),
        "the last of a repeated key wins"
    );
    assert_eq!(
        stage("1003").as_deref(),
        Some("got-away"),
        "a number key matches its text"
    );
    assert_eq!(stage("a-004").as_deref(), Some("client"));
    assert_eq!(
        stage("a-005").as_deref(),
        Some("prospect"),
        "not in the CRM"
    );
    let dq = read_csv(&tables.join("data_quality.csv"));
    assert_eq!(dq.len(), 1, "one table read: {dq:?}");
    assert_eq!(dq[0]["rows_read"], "5");
    assert_eq!(dq[0]["lookup_unmatched"], "1");
    assert_eq!(dq[0]["columns"], "3", "the file's own columns");
    // The joined region is a segment.
    let mix = read_csv(&tables.join("stage_mix.csv"));
    assert!(
        mix.iter().any(|r| r["segment"] == "region=South"),
        "{mix:?}"
    );
    // summary.json carries the lookup's hash; verify checks it.
    let summary = std::fs::read_to_string(tables.join("../summary.json")).unwrap();
    let bytes = std::fs::read(tmp.path().join("exports/crm/pipeline.xlsx")).unwrap();
    assert!(summary.contains(&journeygap::ingest::sha256_hex(&bytes)));
    let verify = |ok: bool| {
        let a = journeygap()
            .current_dir(tmp.path())
            .args(["verify", "out/2026Q4", "--input", "exports"])
            .assert();
        let a = if ok { a.success() } else { a.failure() };
        let o = a.get_output();
        String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
    };
    let said = verify(true);
    assert!(said.contains("and its lookup"), "{said}");
    std::fs::write(tmp.path().join("exports/crm/pipeline.xlsx"), b"changed").unwrap();
    let said = verify(false);
    assert!(
        said.contains("changed: lookup exports/crm/pipeline.xlsx"),
        "{said}"
    );
}

#[test]
fn check_lists_unmatched_keys_and_repeated_ones() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), LOOKUP);
    let text = check_exports(tmp.path());
    assert!(
        text.contains("1 of 5 rows have no match in exports/crm/pipeline.xlsx: a-005"),
        "{text}"
    );
    assert!(text.contains("a-002 (2 rows)"), "{text}");
    assert!(
        text.contains("columns used: Opportunity stage, Region"),
        "{text}"
    );
}

/// A missing file, a missing sheet, a missing key column, a key that is not a field: each an
/// error naming the config, its line and key; nothing written.
#[test]
fn a_bad_lookup_is_an_error_naming_file_key_and_line() {
    let cases = [
        (LOOKUP.replace("pipeline.xlsx", "pipe.xlsx"), "key `lookups[0].file`: cannot read the lookup exports/crm/pipe.xlsx"),
        (LOOKUP.replace("contact id", "Account"), "key `lookups[0].column`: exports/crm/pipeline.xlsx [Pipeline] has no column 'Account' (columns: Contact ID, Opportunity stage, Region)"),
        (LOOKUP.to_string() + "sheet = \"Deals\"\n", "key `lookups[0].sheet`: exports/crm/pipeline.xlsx has no sheet 'Deals' (sheets: Pipeline)"),
        (LOOKUP.replace("\"respondent_id\"", "\"email\""), "no field named 'email'"),
    ];
    for (cfg, says) in cases {
        let tmp = tempfile::tempdir().unwrap();
        folder(tmp.path(), &cfg);
        let err = run_exports_failing(tmp.path(), "2026Q4");
        assert!(err.contains(says), "expected '{says}' in: {err}");
        assert!(err.contains("journeygap.toml, line 13"), "{err}");
        assert!(!tmp.path().join("out").exists(), "nothing written");
    }
}

//! Duplicates by a person's id (PRODUCT §4, issue 29): ids that only number an export's
//! responses (a counter, a platform's response id) are compared within that export only; where
//! the export also has a person's id the respondent id field matches (an e-mail), a repeat by
//! the same person is a duplicate within the export and across exports, the latest kept, and
//! `check` says which rows.

mod common;

use common::*;

const CONFIG: &str = r#"
[fields.respondent_id]
headers = ["ID", "Email"]
[fields.date]
kind = "date"
headers = ["Submitted"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;

#[test]
fn a_person_twice_in_one_export_and_across_exports_is_one_respondent() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = tmp.path().join("exports");
    std::fs::create_dir_all(&ex).unwrap();
    // Both exports number their responses from 1. In the first, ana answers twice (the second
    // time later); in the second, bo answers again, later than in the first, with his e-mail
    // written in capitals; cy has no e-mail.
    std::fs::write(
        ex.join("a.csv"),
        "ID,Email,Submitted\n\
         1,ana@client.com,2026-10-01 09:00\n\
         2,bo@client.com,2026-10-02 09:00\n\
         3,ana@client.com,2026-10-05 09:00\n\
         4,,2026-10-06 09:00\n",
    )
    .unwrap();
    std::fs::write(
        ex.join("b.csv"),
        "ID,Email,Submitted\n\
         1,BO@client.com,2026-11-01 09:00\n\
         2,dee@client.com,2026-11-02 09:00\n\
         3,,2026-11-03 09:00\n\
         4,,2026-11-04 09:00\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("journeygap.toml"), CONFIG).unwrap();
    let check = check_exports(tmp.path());
    assert!(
        check.contains("2 duplicate id(s): the latest response of each is kept: a.csv row 2 (kept a.csv row 4), a.csv row 3 (kept b.csv row 2)"),
        "{check}"
    );
    let tables = run_exports(tmp.path(), "2026Q4");
    let resp = read_csv(&tables.join("respondents.csv"));
    let dup: Vec<(String, String, String)> = resp
        .iter()
        .filter(|r| r["excluded"] == "true")
        .map(|r| {
            (
                r["source_file"].clone(),
                r["row"].clone(),
                r["reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        dup,
        [
            (
                "a.csv".into(),
                "2".into(),
                "duplicate (kept a.csv row 4)".into()
            ),
            (
                "a.csv".into(),
                "3".into(),
                "duplicate (kept b.csv row 2)".into()
            ),
        ]
    );
    // The rows without an e-mail are told apart by their number within their export: a.csv's
    // 4 and b.csv's 3 and 4 all stay, though b.csv numbers from 1 as a.csv does.
    assert_eq!(resp.iter().filter(|r| r["excluded"] == "false").count(), 6);
}

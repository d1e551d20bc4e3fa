//! Stage rules on the source (PRODUCT §4): `source = "<glob>"` matches a file's path relative to
//! the input folder, its name, or `file [sheet]`.

mod common;

use common::*;

#[test]
fn a_file_or_a_sheet_gives_every_row_its_stage() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = tmp.path().join("exports");
    std::fs::create_dir_all(ex.join("crm")).unwrap();
    std::fs::write(ex.join("crm/former-clients-2024.csv"), "ID\nf1\nf2\n").unwrap();
    std::fs::write(ex.join("pulse.csv"), "ID\nc1\nc2\nc3\n").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (sheet, ids) in [("Got-aways", ["g1", "g2"]), ("Prospects", ["p1", "p2"])] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        ws.write_string(0, 0, "ID").unwrap();
        for (i, id) in ids.iter().enumerate() {
            ws.write_string(i as u32 + 1, 0, *id).unwrap();
        }
    }
    wb.save(ex.join("pipeline.xlsx")).unwrap();
    let cfg = r#"
[fields.respondent_id]
headers = ["ID"]
[[stages.rules]]
name = "former clients' file"
stage = "former"
when = { source = "former-clients*.csv" }
[[stages.rules]]
name = "got-aways sheet"
stage = "got-away"
when = { source = "pipeline.xlsx [Got-aways]" }
[[stages.rules]]
name = "prospects sheet"
stage = "prospect"
when = { source = "*.xlsx [prosp*]" }
[[stages.rules]]
name = "pulse"
stage = "client"
when = { all = [{ source = "**/pulse.csv" }, { not = { field = "respondent_id", equals = "c3" } }] }
"#;
    std::fs::write(tmp.path().join("journeygap.toml"), cfg).unwrap();
    let rows = read_csv(&run_exports(tmp.path(), "2026Q4").join("respondents.csv"));
    let stage = |id: &str| {
        let r = rows.iter().find(|r| r["respondent_id"] == id).unwrap();
        (r["stage"].clone(), r["rule"].clone())
    };
    assert_eq!(stage("f1").0, "former");
    assert_eq!(stage("g2"), ("got-away".into(), "got-aways sheet".into()));
    assert_eq!(stage("p1").0, "prospect");
    assert_eq!(stage("c1").0, "client");
    assert_eq!(
        stage("c3").0,
        "unclassified",
        "the rule's other condition holds it back"
    );
}

#[test]
fn a_source_beside_another_operator_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("exports")).unwrap();
    std::fs::write(tmp.path().join("exports/a.csv"), "ID\n1\n").unwrap();
    let cfg = "[[stages.rules]]\nname = \"x\"\nstage = \"client\"\nwhen = { source = \"a.csv\", always = true }\n";
    std::fs::write(tmp.path().join("journeygap.toml"), cfg).unwrap();
    let out = check_exports_assert(tmp.path()).failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("stages.rules[0].when") && err.contains("source") && err.contains("found 2"),
        "{err}"
    );
}

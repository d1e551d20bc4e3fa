//! Text dates read in one order per column (PRODUCT §3): day-first, month-first and year-first
//! exports, columns where every date reads either way, Excel serials, and cells that contradict
//! their column's order.

mod common;

use std::path::Path;

use common::*;

const CONFIG: &str = r#"
[fields.respondent_id]
headers = ["ID"]
[fields.date]
kind = "date"
headers = ["Completion time"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;

/// A folder `exports` holding `name` with `text`, and the config (with `extra` appended to the
/// date field).
fn folder(dir: &Path, name: &str, text: &str, extra: &str) {
    let ex = dir.join("exports");
    std::fs::create_dir_all(&ex).unwrap();
    std::fs::write(ex.join(name), text).unwrap();
    let cfg = CONFIG.replace(
        "headers = [\"Completion time\"]",
        &format!("headers = [\"Completion time\"]\n{extra}"),
    );
    std::fs::write(dir.join("journeygap.toml"), cfg).unwrap();
}

/// Whether `check` warned about a date column (the tiny bases are warned about too).
fn date_warning(check: &str) -> bool {
    check
        .lines()
        .any(|l| l.contains("warning:") && l.contains(" read "))
}

/// `run` with no `--period`; its period folder's name, `cell_problems.csv` and the respondents'
/// rows by id.
fn run(dir: &Path) -> (String, Vec<std::collections::BTreeMap<String, String>>) {
    journeygap()
        .current_dir(dir)
        .args([
            "run",
            "exports",
            "--config",
            "journeygap.toml",
            "--out",
            "out",
            "--quiet",
        ])
        .assert()
        .success();
    let period = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| !n.starts_with('.'))
        .unwrap();
    let problems = read_csv(
        &dir.join("out")
            .join(&period)
            .join("tables/cell_problems.csv"),
    );
    (period, problems)
}

/// Regression: a UK export (`16/10/2024 17:11`) gave 21 cells "not a date" and read
/// `01/11/2024` as 11 January, so the period spanned two quarters and needed `--period`.
#[test]
fn a_day_first_export_is_read_day_first_and_needs_no_period() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Completion time\n1,16/10/2024 17:11\n2,01/11/2024 09:00\n3,03/12/2024 10:30\n4,25/11/2024 08:00\n";
    folder(tmp.path(), "uk.csv", csv, "");
    let text = check_exports(tmp.path());
    assert!(text.contains("read day-first"), "{text}");
    let (period, problems) = run(tmp.path());
    assert_eq!(
        period, "2024Q4",
        "01/11 and 03/12 are November and December"
    );
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_month_first_export_is_read_month_first() {
    let tmp = tempfile::tempdir().unwrap();
    let csv =
        "ID,Completion time\n1,10/16/2024 5:11 PM\n2,11/01/2024 9:00 AM\n3,12/03/2024 10:30 AM\n";
    folder(tmp.path(), "us.csv", csv, "");
    assert!(check_exports(tmp.path()).contains("read month-first"));
    let (period, problems) = run(tmp.path());
    assert_eq!(period, "2024Q4");
    assert!(problems.is_empty(), "{problems:?}");
}

/// Dates with month names, in French, German, Polish and English, and ISO 8601 with offsets
/// and fractions of a second: every cell a date, the period their quarter.
#[test]
fn month_names_and_offsets_are_dates_in_any_language() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Completion time\n1,2 juil. 2027\n2,\"Jul 15, 2027\"\n3,3. August 2027 10:15\n\
               4,20 września 2027 r.\n5,2027-09-15T08:03:00.000-05:00\n6,1er sept. 2027\n";
    folder(tmp.path(), "mixed.csv", csv, "");
    let text = check_exports(tmp.path());
    assert!(!date_warning(&text), "{text}");
    let (period, problems) = run(tmp.path());
    assert_eq!(period, "2027Q3");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn year_first_dates_need_no_decision() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Completion time\n1,2024-10-16 17:11:03\n2,2024-11-01T09:00:00Z\n3,2024/12/03\n";
    folder(tmp.path(), "iso.csv", csv, "");
    let text = check_exports(tmp.path());
    assert!(!date_warning(&text), "{text}");
    let (period, problems) = run(tmp.path());
    assert_eq!(period, "2024Q4");
    assert!(problems.is_empty(), "{problems:?}");
}

/// A workbook's dates as Excel serial numbers, beside day-first texts in the same column: the
/// serials are dates whatever the order, the texts are read day-first.
#[test]
fn excel_serials_are_dates_beside_ordered_texts() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), "placeholder.csv", "ID,Completion time\n", "");
    std::fs::remove_file(tmp.path().join("exports/placeholder.csv")).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "ID").unwrap();
    ws.write_string(0, 1, "Completion time").unwrap();
    // 45580.5 is 2024-10-15 12:00 in Excel's 1900 system.
    for (i, v) in [(1, None), (2, Some("16/10/2024")), (3, Some("02/11/2024"))] {
        ws.write_number(i, 0, f64::from(i)).unwrap();
        match v {
            Some(t) => ws.write_string(i, 1, t).unwrap(),
            None => ws.write_number(i, 1, 45580.5).unwrap(),
        };
    }
    wb.save(tmp.path().join("exports/book.xlsx")).unwrap();
    let (period, problems) = run(tmp.path());
    assert_eq!(period, "2024Q4", "October and 2 November");
    assert!(problems.is_empty(), "{problems:?}");
}

/// When every date reads either way, the locale decides and `check` warns: a `;`-separated file
/// with decimal commas is day-first; with no sign of the locale, month-first.
#[test]
fn an_all_ambiguous_column_follows_the_locale_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID;Completion time;Score\n1;01/11/2024;4,5\n2;03/12/2024;3,5\n";
    folder(tmp.path(), "eu.csv", csv, "");
    let text = check_exports(tmp.path());
    assert!(
        text.contains("warning:") && text.contains("read day-first"),
        "{text}"
    );
    assert!(text.contains("decimal commas"), "{text}");
    assert_eq!(run(tmp.path()).0, "2024Q4", "November and December");

    let tmp = tempfile::tempdir().unwrap();
    folder(
        tmp.path(),
        "plain.csv",
        "ID,Completion time\n1,01/11/2024\n2,03/12/2024\n",
        "",
    );
    let text = check_exports(tmp.path());
    assert!(
        text.contains("warning:") && text.contains("read month-first"),
        "{text}"
    );
    assert_eq!(run(tmp.path()).0, "2024Q1", "January and March");
}

/// `date_order` overrides the column's evidence.
#[test]
fn a_field_can_set_its_date_order() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Completion time\n1,01/11/2024\n2,03/12/2024\n";
    folder(tmp.path(), "set.csv", csv, "date_order = \"dmy\"");
    let text = check_exports(tmp.path());
    assert!(text.contains("as its date_order says"), "{text}");
    assert!(!date_warning(&text), "{text}");
    assert_eq!(run(tmp.path()).0, "2024Q4");
}

/// A cell that contradicts its column's order is not a date (counted), never read the other way.
#[test]
fn a_cell_against_the_column_is_not_a_date() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "ID,Completion time\n1,16/10/2024\n2,25/10/2024\n3,28/11/2024\n4,10/30/2024\n";
    folder(tmp.path(), "mixed.csv", csv, "");
    let (period, problems) = run(tmp.path());
    assert_eq!(period, "2024Q4");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["problem"], "not a date");
    assert_eq!(problems[0]["count"], "1");
    assert!(problems[0]["examples"].contains("10/30/2024"));
}

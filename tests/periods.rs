//! The fieldwork period (PRODUCT §3, issue 29): `check` and `run` decide it the same way — the
//! quarter of the dates when they hold one, the quarter holding at least 80 % of them when
//! fieldwork crosses a quarter's end, else both stop and ask for `--period` — and the report's
//! header, `data_quality.csv` and `summary.json` say when the fieldwork ran and how many
//! responses are dated outside the period.

mod common;

use std::path::Path;

use common::*;

const CONFIG: &str = r#"
[fields.respondent_id]
headers = ["ID"]
[fields.date]
kind = "date"
headers = ["Submitted"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;

/// A folder `fieldwork` (no quarter in its name) holding one export with `inside` responses
/// dated in late September 2027 and `outside` in early October, and the config beside it.
fn folder(dir: &Path, inside: usize, outside: usize) {
    let ex = dir.join("fieldwork");
    std::fs::create_dir_all(&ex).unwrap();
    let mut csv = String::from("ID,Submitted\n");
    for i in 0..inside + outside {
        let date = if i < inside {
            format!("2027-09-{:02}T10:15:00.000-05:00", 10 + i % 20)
        } else {
            format!("2027-10-{:02}T08:03:00.000-05:00", 1 + i % 9)
        };
        csv.push_str(&format!("r{i},{date}\n"));
    }
    std::fs::write(ex.join("export.csv"), csv).unwrap();
    std::fs::write(dir.join("journeygap.toml"), CONFIG).unwrap();
}

/// `check` (and `--period` when given): its exit and output.
fn check(dir: &Path, period: Option<&str>) -> (bool, String) {
    let mut cmd = journeygap();
    cmd.current_dir(dir)
        .args(["check", "fieldwork", "--config", "journeygap.toml"]);
    if let Some(p) = period {
        cmd.args(["--period", p]);
    }
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// `run` (and `--period` when given): its exit, its output, and the period folder written.
fn run(dir: &Path, period: Option<&str>) -> (bool, String, Option<String>) {
    let mut cmd = journeygap();
    cmd.current_dir(dir).args([
        "run",
        "fieldwork",
        "--config",
        "journeygap.toml",
        "--out",
        "out",
        "--quiet",
    ]);
    if let Some(p) = period {
        cmd.args(["--period", p]);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let written = std::fs::read_dir(dir.join("out")).ok().and_then(|d| {
        d.flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| !n.starts_with('.'))
    });
    (out.status.success(), text, written)
}

/// The report's header, `data_quality.csv`'s count and `summary.json`'s fieldwork.
fn said(dir: &Path, period: &str) -> (String, String, serde_json::Value) {
    let p = dir.join("out").join(period);
    let md = std::fs::read_to_string(p.join("report.md")).unwrap();
    let header = md.lines().nth(4).unwrap_or_default().to_string();
    let dq = read_csv(&p.join("tables/data_quality.csv"));
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("summary.json")).unwrap()).unwrap();
    (
        header,
        dq[0]["rows_outside_period"].clone(),
        s["fieldwork"].clone(),
    )
}

#[test]
fn one_quarter_is_the_period_with_nothing_outside() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), 20, 0);
    let (ok, text) = check(tmp.path(), None);
    assert!(ok, "{text}");
    assert!(
        text.contains("would write the period 2027Q3 (every response date is in it)"),
        "{text}"
    );
    let (ok, err, written) = run(tmp.path(), None);
    assert!(ok, "{err}");
    assert_eq!(written.as_deref(), Some("2027Q3"));
    let (header, outside, f) = said(tmp.path(), "2027Q3");
    assert_eq!(
        header,
        "Fieldwork 2027-09-10 to 2027-09-29: all 20 dated responses in period 2027Q3 (the quarter of the response dates)."
    );
    assert_eq!(outside, "0");
    assert_eq!(f["first"], "2027-09-10");
    assert_eq!(f["last"], "2027-09-29");
    assert_eq!(f["outside_period"], 0);
}

/// 17 of 20 responses (85 %) in September, 3 in October: the third quarter, and the three
/// counted outside it.
#[test]
fn a_quarter_holding_85_percent_is_taken_and_the_rest_counted() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), 17, 3);
    let (ok, text) = check(tmp.path(), None);
    assert!(ok, "{text}");
    assert!(
        text.contains("would write the period 2027Q3 (it holds 85 % of the dated responses"),
        "{text}"
    );
    assert!(
        text.contains("3 of 20 dated responses are dated outside 2027Q3"),
        "{text}"
    );
    let (ok, err, written) = run(tmp.path(), None);
    assert!(ok, "{err}");
    assert_eq!(written.as_deref(), Some("2027Q3"));
    let (header, outside, f) = said(tmp.path(), "2027Q3");
    assert_eq!(
        header,
        "Fieldwork 2027-09-10 to 2027-10-09: 3 of 20 dated responses (15 %) dated outside period 2027Q3 (the quarter holding 85 % of the response dates)."
    );
    assert_eq!(outside, "3");
    assert_eq!(f["period_from"], "dates");
    assert_eq!(f["period_share"], 0.85);
}

/// 12 and 8 (60/40): `check` and `run` both stop and ask for `--period`, giving the shares;
/// `run` writes nothing. With `--period` both go on and count the responses outside it.
#[test]
fn sixty_forty_across_two_quarters_asks_for_the_period() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), 12, 8);
    let (ok, text) = check(tmp.path(), None);
    assert!(!ok, "check passed a period it cannot tell:\n{text}");
    assert!(
        text.contains("2027Q3 60 %, 2027Q4 40 %") && text.contains("--period"),
        "{text}"
    );
    let (ok, err, written) = run(tmp.path(), None);
    assert!(!ok && written.is_none(), "{err}");
    assert!(
        err.contains("2027Q3 60 %, 2027Q4 40 %") && err.contains("--period"),
        "{err}"
    );

    let (ok, text) = check(tmp.path(), Some("2027Q4"));
    assert!(ok, "{text}");
    assert!(
        text.contains("12 of 20 dated responses are dated outside 2027Q4"),
        "{text}"
    );
    let (ok, err, written) = run(tmp.path(), Some("2027Q4"));
    assert!(ok, "{err}");
    assert_eq!(written.as_deref(), Some("2027Q4"));
    let (header, outside, f) = said(tmp.path(), "2027Q4");
    assert_eq!(
        header,
        "Fieldwork 2027-09-10 to 2027-10-09: 12 of 20 dated responses (60 %) dated outside period 2027Q4 (given with `--period`)."
    );
    assert_eq!(outside, "12");
    assert_eq!(f["period_from"], "--period");
}

/// A half holding both quarters: nothing outside it.
#[test]
fn a_half_year_holds_fieldwork_across_its_quarters() {
    let tmp = tempfile::tempdir().unwrap();
    folder(tmp.path(), 12, 8);
    let (ok, err, written) = run(tmp.path(), Some("2027H2"));
    assert!(ok, "{err}");
    assert_eq!(written.as_deref(), Some("2027H2"));
    let (header, outside, _) = said(tmp.path(), "2027H2");
    assert!(
        header.contains("all 20 dated responses in period 2027H2"),
        "{header}"
    );
    assert_eq!(outside, "0");
}

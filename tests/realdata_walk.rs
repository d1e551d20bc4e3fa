//! Every file in `../shared/realdata/` is read or rejected with a specific reason, each within a
//! time bound the harness enforces (a hang fails the test; no assertion on speed).

mod common;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use journeygap::ingest::{self, read_file};

/// Longest any one file may take before the walk calls it a hang.
const BOUND: Duration = Duration::from_secs(60);

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
enum Decision {
    /// Read: (sheets, data rows in all).
    Read(usize, usize),
    Rejected(String),
    /// Not a data file by its extension: the walk passes over it.
    NotData,
}

fn decide(root: &Path, path: &Path) -> Decision {
    if !ingest::is_data_file(path) {
        return Decision::NotData;
    }
    let (tx, rx) = mpsc::channel();
    let (r, p) = (root.to_path_buf(), path.to_path_buf());
    std::thread::spawn(move || {
        let _ = tx.send(read_file(&r, &p));
    });
    match rx.recv_timeout(BOUND) {
        Ok(Ok(f)) => Decision::Read(f.tables.len(), f.tables.iter().map(|t| t.rows.len()).sum()),
        Ok(Err(e)) => Decision::Rejected(e.reason),
        Err(_) => panic!("{}: no decision within {BOUND:?}", path.display()),
    }
}

/// The reasons a file may be rejected for; each says what is wrong.
const REASONS: [&str; 10] = [
    "journeygap cannot read",
    "not a spreadsheet",
    "password-protected",
    "not a readable workbook",
    "the file is empty",
    "no data: every sheet is empty",
    "than journeygap reads",
    "cannot be read",
    "not text",
    "MiB",
];

#[test]
fn every_real_file_is_read_or_rejected_with_a_reason() {
    let Some(real) = common::realdata() else {
        return;
    };
    let mut read = 0;
    let mut rejected: std::collections::BTreeMap<String, usize> = Default::default();
    let mut decisions = std::collections::BTreeMap::new();
    for p in ingest::walk_all(&real) {
        let rel = ingest::relative_name(&real, &p);
        let d = decide(&real, &p);
        match &d {
            Decision::Read(..) => read += 1,
            Decision::Rejected(why) => {
                assert!(
                    REASONS.iter().any(|r| why.contains(r)),
                    "{rel}: rejected without a specific reason: {why}"
                );
                let key = why.split(':').next().unwrap_or(why).to_string();
                *rejected.entry(key).or_default() += 1;
            }
            Decision::NotData => {}
        }
        decisions.insert(rel, d);
    }
    eprintln!("read {read}; rejected {rejected:?}");
    for (f, d) in &decisions {
        eprintln!("{f}\t{d:?}");
    }
    let expect = |file: &str, d: Decision| {
        assert_eq!(decisions.get(file), Some(&d), "{file}");
    };
    let rejected_for = |file: &str, needle: &str| match decisions.get(file) {
        Some(Decision::Rejected(why)) => assert!(why.contains(needle), "{file}: {why}"),
        other => panic!("{file}: expected a rejection for {needle}, got {other:?}"),
    };
    // At least one pinned outcome per folder.
    expect(
        "airline-satisfaction-sample/airline_passenger_satisfaction.csv",
        Decision::Read(1, 20000),
    );
    expect(
        "forms-uva-hotdog/hot_dog_survey_spring25.xlsx",
        Decision::Read(1, 64),
    );
    rejected_for("hostile-calamine/issue_385.xls", "password-protected");
    rejected_for("hostile-calamine/issue_594_dos.ods", "claims more cells");
    rejected_for("hostile-xlrd/biff4_no_format_no_window2.xls", "BIFF2–4");
    rejected_for("hostile-calamine/pass_protected.ods", "password-protected");
    rejected_for("hostile-calamine/too_small.xls", "not a spreadsheet");
    expect("hostile-calamine/any_sheets.xlsb", Decision::Read(1, 4));
    expect("hostile-calamine/any_sheets.xlsx", Decision::Read(1, 4));
    rejected_for(
        "hostile-python-calamine/password.xlsx",
        "password-protected",
    );
    rejected_for("hostile-xlrd/sample.xlsx", "no data");
    expect(
        "nps-makeschool/2017/2017_surveys.csv",
        Decision::Read(1, 1453),
    );
    expect("qualtrics-qualtRics/sample.csv", Decision::Read(1, 1));
    expect(
        "qualtrics-psa006/PSA006_Southern_March+7,+2020_15.32.csv",
        Decision::Read(1, 7),
    );
    expect(
        "surveymonkey-fivethirtyeight/StarWars.csv",
        Decision::Read(1, 1186),
    );
    expect(
        "surveymonkey-monkeyreadr/test-responses.csv",
        Decision::Read(1, 16),
    );
    expect(
        "servqual-kiosk-googleforms/kiosk.csv",
        Decision::Read(1, 211),
    );
    expect(
        "telco-churn-ibm/Telco-Customer-Churn.csv",
        Decision::Read(1, 7043),
    );
    expect("SOURCES.md", Decision::NotData);
}

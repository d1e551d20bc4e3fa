//! `init` then `check` then `run` on the demo folder without its config: the guessed config gives
//! the same stages, attributes and NPS as the shipped one. `check` exit codes and findings.

mod common;

use common::{journeygap, root};

/// Copy a demo quarter into a temporary folder, without a config; the CRM export beside it, as
/// the shipped config expects.
fn demo_copy(q: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let crm = dir.join(journeygap::demo::CRM_FILE);
    std::fs::create_dir_all(crm.parent().unwrap()).unwrap();
    std::fs::copy(
        root()
            .join("fixtures/demo")
            .join(journeygap::demo::CRM_FILE),
        &crm,
    )
    .unwrap();
    let to = dir.join(q);
    let from = root().join("fixtures/demo").join(q);
    for p in journeygap::ingest::walk_all(&from) {
        let rel = p.strip_prefix(&from).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&p, &dest).unwrap();
    }
    to
}

/// `journeygap check` succeeds on `input` and reports no error.
fn check_is_clean(input: &std::path::Path) {
    journeygap()
        .arg("check")
        .arg(input)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 error(s)"));
}

/// The shipped demo config without its block "From the CRM and the client base".
fn survey_only_config() -> String {
    let out = journeygap::demo::survey_only_config();
    assert!(!out.contains("[[lookups]]") && !out.contains("[weighting]"));
    out
}

#[test]
fn init_check_run_equals_the_shipped_config_on_every_demo_quarter() {
    let dir = tempfile::tempdir().unwrap();
    for q in ["2026Q1", "2026Q2", "2026Q3"] {
        let input = demo_copy(q, dir.path());
        journeygap().arg("init").arg(&input).assert().success();
        let cfg = std::fs::read_to_string(input.join("journeygap.toml")).unwrap();
        assert!(cfg.contains("[[attributes]]"), "{cfg}");
        check_is_clean(&input);
        let guessed = dir.path().join("guessed");
        let shipped = dir.path().join("shipped");
        journeygap()
            .args(["run", "-q", "--out"])
            .arg(&guessed)
            .arg(&input)
            .assert()
            .success();
        // The shipped config less what no survey holds (the CRM lookup, the client base's
        // shares): what init can find in the folder.
        let survey_only = dir.path().join("survey-only.toml");
        std::fs::write(&survey_only, survey_only_config()).unwrap();
        journeygap()
            .args(["run", "-q", "--out"])
            .arg(&shipped)
            .arg("--config")
            .arg(&survey_only)
            .arg(root().join("fixtures/demo").join(q))
            .assert()
            .success();
        for table in ["stage_mix", "gaps", "nps", "data_quality"] {
            let a = std::fs::read(guessed.join(q).join("tables").join(format!("{table}.csv")));
            let b = std::fs::read(shipped.join(q).join("tables").join(format!("{table}.csv")));
            assert_eq!(a.unwrap(), b.unwrap(), "{q} {table}.csv differs");
        }
    }
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = demo_copy("2026Q1", dir.path());
    std::fs::write(input.join("journeygap.toml"), "# mine\n").unwrap();
    journeygap()
        .arg("init")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists; pass --force"));
    assert_eq!(
        std::fs::read_to_string(input.join("journeygap.toml")).unwrap(),
        "# mine\n"
    );
    journeygap()
        .args(["init", "--force", "-q"])
        .arg(&input)
        .assert()
        .success();
    assert!(std::fs::read_to_string(input.join("journeygap.toml"))
        .unwrap()
        .contains("[fields.recommend]"));
}

#[test]
fn check_reports_unknown_answers_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = demo_copy("2026Q3", dir.path());
    let shipped = std::fs::read_to_string(root().join("fixtures/demo/journeygap.toml")).unwrap();
    // The shipped config: clean apart from warnings, and names the uncovered answer.
    let cfg = dir.path().join("journeygap.toml");
    std::fs::write(&cfg, &shipped).unwrap();
    journeygap()
        .arg("check")
        .arg(&input)
        .arg("--config")
        .arg(&cfg)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "\"Other (supplier, partner, press)\" ×4",
        ))
        .stdout(predicates::str::contains("3 duplicate id(s)"));
    // A relationship header nobody exports: the rules' field is found nowhere, an error.
    let broken = shipped.replace(
        "\"Which best describes your relationship with Northwind Advisory?\",\n  \"Your relationship with Northwind Advisory\",\n  \"Relationship\",",
        "\"Relationship status\",",
    );
    assert_ne!(broken, shipped);
    std::fs::write(&cfg, broken).unwrap();
    journeygap()
        .arg("check")
        .arg(&input)
        .arg("--config")
        .arg(&cfg)
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "error: relationship: used by stage rule \"current client\" but found in no file",
        ))
        .stderr(predicates::str::contains("check found 1 error(s)"));
    // An unreadable file is an error too, and nothing is written.
    std::fs::write(&cfg, &shipped).unwrap();
    std::fs::write(input.join("broken.xlsx"), b"not a workbook").unwrap();
    journeygap()
        .arg("check")
        .arg(&input)
        .arg("--config")
        .arg(&cfg)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error: broken.xlsx:"));
}

/// Regression: `[input]` was written before the top-level `segments` key (which TOML then read
/// as part of `[input]`), and a folder with no relationship question got `rules = []`, which
/// does not load. The config `init` writes must always load.
#[test]
fn init_config_loads_without_a_relationship_question_and_with_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    // Named after its quarter: with no dates, `check` (like `run`) needs the period from it.
    let input = dir.path().join("2026Q4");
    std::fs::create_dir_all(&input).unwrap();
    let mut csv = String::from("ResponseId,Region,Rating of service,Recommend to a friend\n");
    for i in 0..40 {
        let region = ["North", "South", "East"][i % 3];
        csv.push_str(&format!("R{i},{region},{},{}\n", 1 + i % 5, i % 11));
    }
    std::fs::write(input.join("survey.csv"), csv).unwrap();
    std::fs::write(input.join("broken.xlsx"), b"PK\x03\x04 no zip").unwrap();
    journeygap()
        .args(["init", "-q"])
        .arg(&input)
        .assert()
        .success();
    let cfg = std::fs::read_to_string(input.join("journeygap.toml")).unwrap();
    assert!(cfg.contains("skip_files = [\"broken.xlsx\"]"), "{cfg}");
    assert!(cfg.contains("segments = [\"region\"]"), "{cfg}");
    assert!(cfg.contains("[stages]\ndefault = \"client\""), "{cfg}");
    check_is_clean(&input);
}

#[test]
fn init_config_loads_on_every_realdata_folder() {
    let Some(real) = common::realdata() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut folders: Vec<_> = std::fs::read_dir(&real)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for f in folders {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let cfg = dir.path().join(format!("{name}.toml"));
        journeygap()
            .args(["init", "-q", "--output"])
            .arg(&cfg)
            .arg(&f)
            .assert()
            .success();
        let out = journeygap()
            // The period as `run --period` would be given it: most of these folders name none.
            .args(["check", "-q", "--period", "2026Q4", "--config"])
            .arg(&cfg)
            .arg(&f)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: check of the config init wrote failed:\n{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A satisfaction survey that rates experience alone, in English and in Spanish: `init` makes
/// each item of the matrix an attribute rated on experience only, IPA importance derived, and
/// the run gives the drivers' relative weights.
#[test]
fn init_makes_attributes_of_an_experience_only_matrix() {
    let cases = [
        (
            "How satisfied are you with our work?",
            [
                "Responsiveness",
                "Expertise",
                "Value for money",
                "Communication",
            ],
            [
                "Very dissatisfied",
                "Dissatisfied",
                "Neutral",
                "Satisfied",
                "Very satisfied",
            ],
            "How likely are you to recommend us to a colleague?",
        ),
        (
            "¿Qué tan satisfecho está con nuestro trabajo?",
            ["Rapidez", "Conocimiento", "Precio", "Comunicación"],
            [
                "Muy insatisfecho",
                "Insatisfecho",
                "Neutral",
                "Satisfecho",
                "Muy satisfecho",
            ],
            "¿Qué tan probable es que nos recomiende a un colega?",
        ),
    ];
    for (stem, items, labels, recommend) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("exports");
        std::fs::create_dir_all(&input).unwrap();
        let mut csv = format!(
            "Timestamp,{}",
            items.map(|i| format!("\"{stem} [{i}]\"")).join(",")
        );
        csv += &format!(",\"{recommend}\"\n");
        for n in 0..80usize {
            let x: Vec<usize> = (0..4).map(|k| (n * (k + 3) + n / 7) % 5).collect();
            let y = (x[0] * 2 + n % 3).min(10);
            let cells: Vec<&str> = x.iter().map(|&v| labels[v]).collect();
            csv += &format!("2026-01-{:02} 10:00,{},{y}\n", n % 28 + 1, cells.join(","));
        }
        std::fs::write(input.join("pulse.csv"), csv).unwrap();
        journeygap()
            .arg("init")
            .arg(&input)
            .arg("-q")
            .assert()
            .success();
        let cfg = std::fs::read_to_string(input.join("journeygap.toml")).unwrap();
        assert!(cfg.contains("ipa_importance = \"derived\""), "{cfg}");
        assert_eq!(
            cfg.matches("rated on experience only: drivers, not gaps")
                .count(),
            4,
            "{cfg}"
        );
        assert!(!cfg.contains("expectation = "), "{cfg}");
        journeygap()
            .args(["run", "-q", "--period", "2026Q1", "--out"])
            .arg(dir.path().join("out"))
            .arg(&input)
            .assert()
            .success();
        let drivers = common::read_csv(&dir.path().join("out/2026Q1/tables/drivers.csv"));
        let all: Vec<_> = drivers
            .iter()
            .filter(|r| r["segment"] == "all" && r["stage"] == "all")
            .collect();
        assert_eq!(all.len(), 4, "{drivers:?}");
        let sum: f64 = all
            .iter()
            .map(|r| common::num(r, "relative_weight_share").unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-9, "{all:?}");
    }
}

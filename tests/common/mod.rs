//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/realdata`, when it is there.
pub fn realdata() -> Option<PathBuf> {
    let p = root().join("..").join("shared").join("realdata");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/realdata is not beside the project");
        None
    }
}

pub fn journeygap() -> Command {
    Command::cargo_bin("journeygap").expect("binary built")
}

/// `journeygap init -q --no-input --output CFG INPUT`, which must succeed; the config written.
pub fn init_no_input(input: &Path, cfg: &Path) -> String {
    journeygap()
        .args(["init", "-q", "--no-input", "--output"])
        .arg(cfg)
        .arg(input)
        .assert()
        .success();
    std::fs::read_to_string(cfg).unwrap()
}

/// `journeygap run exports --config journeygap.toml --out out --period PERIOD --quiet` in `dir`.
fn run_exports_assert(dir: &Path, period: &str) -> assert_cmd::assert::Assert {
    run_exports_with(dir, period, &[])
}

/// [`run_exports_assert`] with more arguments (and the key of `--hash-ids` in the environment).
pub fn run_exports_with(dir: &Path, period: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    run_exports_keyed(dir, period, extra, Some("a test secret, not a real one"))
}

/// [`run_exports_with`] with the `--hash-ids` key `secret` (`None`: none in the environment).
pub fn run_exports_keyed(
    dir: &Path,
    period: &str,
    extra: &[&str],
    secret: Option<&str>,
) -> assert_cmd::assert::Assert {
    let mut cmd = journeygap();
    match secret {
        Some(s) => cmd.env("JOURNEYGAP_SECRET", s),
        None => cmd.env_remove("JOURNEYGAP_SECRET"),
    };
    cmd.current_dir(dir)
        .args([
            "run",
            "exports",
            "--config",
            "journeygap.toml",
            "--out",
            "out",
        ])
        .args(["--period", period, "--quiet"])
        .args(extra)
        .assert()
}

/// Copy every file below `from` to the same place below `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for p in journeygap::ingest::walk_all(from) {
        let dest = to.join(p.strip_prefix(from).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&p, &dest).unwrap();
    }
}

/// [`run_exports_assert`], which must succeed; the period's `tables` folder.
pub fn run_exports(dir: &Path, period: &str) -> PathBuf {
    run_exports_assert(dir, period).success();
    dir.join("out").join(period).join("tables")
}

/// [`run_exports_assert`], which must fail; what it wrote to stderr.
pub fn run_exports_failing(dir: &Path, period: &str) -> String {
    let out = run_exports_assert(dir, period).failure();
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// `journeygap check exports --config journeygap.toml --period 2026Q4` in `dir` (a folder named
/// `exports` says no period, and `check` fails where `run` would).
pub fn check_exports_assert(dir: &Path) -> assert_cmd::assert::Assert {
    journeygap()
        .current_dir(dir)
        .args([
            "check",
            "exports",
            "--config",
            "journeygap.toml",
            "--period",
            "2026Q4",
        ])
        .assert()
}

/// [`check_exports_assert`], which must succeed; what it printed.
pub fn check_exports(dir: &Path) -> String {
    let out = check_exports_assert(dir).success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// The numbers of a JSON array.
pub fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

/// A CSV file as a list of rows keyed by column name.
pub fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A numeric cell: `None` when empty.
pub fn num(row: &BTreeMap<String, String>, col: &str) -> Option<f64> {
    let v = row.get(col).unwrap_or_else(|| panic!("no column {col}"));
    if v.is_empty() {
        None
    } else {
        Some(v.parse().unwrap_or_else(|e| panic!("{col}={v}: {e}")))
    }
}

/// Every file below `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for p in journeygap::ingest::walk_all(dir) {
        let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        out.insert(rel, std::fs::read(&p).unwrap());
    }
    out
}

/// The scipy/statsmodels values of tests/reference/make_reference.py.
pub fn reference() -> serde_json::Value {
    serde_json::from_str(include_str!("../reference/reference.json"))
        .expect("reference.json parses")
}

/// Both missing, or both present and within `prec::REFERENCE`.
pub fn same(what: &str, ours: Option<f64>, theirs: &serde_json::Value) {
    use journeygap::stats::prec;
    match (ours, theirs.as_f64()) {
        (None, None) => {}
        (Some(a), Some(b)) => assert!(
            prec::close(a, b, prec::REFERENCE),
            "{what}: ours {a}, reference {b}"
        ),
        (a, b) => panic!("{what}: ours {a:?}, reference {b:?}"),
    }
}

/// `journeygap run INPUT --config CONFIG --out OUT --quiet EXTRA…`.
pub fn run_with(
    input: &Path,
    config: &Path,
    out: &Path,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    journeygap()
        // The key of `--hash-ids` (a test's own; a user's comes from `init`).
        .env("JOURNEYGAP_SECRET", "a test secret, not a real one")
        .arg("run")
        .arg(input)
        .arg("--config")
        .arg(config)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .args(extra)
        .assert()
}

/// Write a changed copy of the demo config as `dir/name`, with the CRM export it reads beside
/// it (the config names the lookup relative to itself).
pub fn demo_config_at(dir: &Path, name: &str, text: &str) -> PathBuf {
    let crm = dir.join(journeygap::demo::CRM_FILE);
    std::fs::create_dir_all(crm.parent().expect("a folder")).expect("crm folder");
    std::fs::copy(
        root()
            .join("fixtures/demo")
            .join(journeygap::demo::CRM_FILE),
        &crm,
    )
    .expect("crm copied");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("config written");
    path
}

/// In a terminal question of `init` whose choice `from` is selected, move to choice `to` with
/// the arrow keys and press Enter.
pub fn pick_in_terminal(s: &mut expectrl::session::OsSession, from: usize, to: usize) {
    use expectrl::Expect;
    let (key, n) = if to >= from {
        ("\x1b[B", to - from)
    } else {
        ("\x1b[A", from - to)
    };
    for _ in 0..n {
        s.send(key).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    s.send("\r").unwrap();
}

/// Answer every question `init` asks in the terminal `s`, each with the choice `pick` gives
/// (a multi-select is confirmed as preselected); how many were asked. The questions are read
/// back from the config `cfg` it wrote, as `init` asks them; `pick` sees that config.
pub fn answer_init(
    s: &mut expectrl::session::OsSession,
    cfg: &Path,
    pick: &dyn Fn(&toml_edit::DocumentMut, &journeygap::init::ask::Question) -> usize,
) -> usize {
    use expectrl::{Expect, Regex};
    s.expect(Regex("question\\(s\\) about what init could not tell"))
        .unwrap();
    let doc: toml_edit::DocumentMut = std::fs::read_to_string(cfg).unwrap().parse().unwrap();
    let qs = journeygap::init::ask::questions(&doc, &[]);
    for q in &qs {
        s.expect(q.prompt.as_str()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        let to = if q.many { q.default } else { pick(&doc, q) };
        pick_in_terminal(s, q.default, to);
    }
    qs.len()
}

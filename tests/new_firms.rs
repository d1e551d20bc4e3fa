//! "Ask, don't guess" on ten firms' quarters nothing was built against (`tests/newfirms`):
//! - with no edits and no terminal, the rows `init`'s `sure` guesses decide are at least 98 %
//!   right in every folder, `likely` ones at least 90 % overall, and all rows of the folders in
//!   covered languages at least 90 % overall; both accuracies (all rows, rows under each level)
//!   are printed per folder;
//! - through a pseudo-terminal, answering every question truthfully, every row of every folder
//!   is in its true stage, with at most 12 questions a folder.

mod common;
mod newfirms;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::*;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};
use journeygap::init::ask;
use newfirms::Firm;

/// Per level of `guess` (`""` for rows no guess decided): (right, rows); and all rows.
struct Score {
    by_level: BTreeMap<String, (usize, usize)>,
    right: usize,
    rows: usize,
}

impl Score {
    fn share(right: usize, rows: usize) -> f64 {
        if rows == 0 {
            1.0
        } else {
            right as f64 / rows as f64
        }
    }
    fn level(&self, l: &str) -> (usize, usize) {
        self.by_level.get(l).copied().unwrap_or((0, 0))
    }
    fn line(&self, name: &str) -> String {
        let part = |l: &str| {
            let (r, n) = self.level(l);
            format!("{l} {r}/{n}")
        };
        format!(
            "{name:<10} all rows {}/{} ({:.1} %); {}, {}, {}, confirmed {}/{}",
            self.right,
            self.rows,
            100.0 * Score::share(self.right, self.rows),
            part("sure"),
            part("likely"),
            part("unsure"),
            self.level("").0,
            self.level("").1
        )
    }
}

/// `run` with `cfg` on the firm's folder; each row's stage against the truth.
fn score(f: &Firm, cfg: &Path, out: &Path) -> Score {
    journeygap()
        .arg("run")
        .arg(&f.dir)
        .arg("--config")
        .arg(cfg)
        .args(["-q", "--out"])
        .arg(out)
        .assert()
        .success();
    let rows = read_csv(&out.join("2026Q4/tables/respondents.csv"));
    let mut s = Score {
        by_level: BTreeMap::new(),
        right: 0,
        rows: 0,
    };
    for r in &rows {
        let key = (
            r["source_file"].clone(),
            r["sheet"].clone(),
            r["row"].parse::<usize>().unwrap(),
        );
        let truth = f
            .rows
            .get(&key)
            .unwrap_or_else(|| panic!("{}: no truth for {key:?}", f.name));
        let ok = r["excluded"] != "true" && r["stage"] == *truth;
        s.rows += 1;
        s.right += usize::from(ok);
        let e = s.by_level.entry(r["guess"].clone()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    assert_eq!(s.rows, f.rows.len(), "{}: every row accounted for", f.name);
    s
}

#[test]
fn zero_edit_guesses_are_calibrated_on_ten_new_firms() {
    let dir = tempfile::tempdir().unwrap();
    let firms = newfirms::all(dir.path());
    let mut lines = Vec::new();
    let mut likely = (0, 0);
    let mut covered = (0, 0);
    for f in &firms {
        let cfg = dir.path().join(format!("{}.toml", f.name));
        init_no_input(&f.dir, &cfg);
        let s = score(f, &cfg, &dir.path().join(format!("{}-out", f.name)));
        lines.push(format!(
            "{}{}",
            s.line(f.name),
            if f.covered {
                ""
            } else {
                " (a language the lexicon lacks)"
            }
        ));
        if f.covered {
            covered = (covered.0 + s.right, covered.1 + s.rows);
        }
        let (r, n) = s.level("sure");
        assert!(
            Score::share(r, n) >= 0.98,
            "{}: rows under sure guesses {r}/{n} right\n{}",
            f.name,
            std::fs::read_to_string(&cfg).unwrap()
        );
        let (r, n) = s.level("likely");
        likely = (likely.0 + r, likely.1 + n);
    }
    lines.push(format!(
        "covered languages: {}/{} rows right ({:.1} %)",
        covered.0,
        covered.1,
        100.0 * Score::share(covered.0, covered.1)
    ));
    println!("zero edits, no terminal:\n{}", lines.join("\n"));
    assert!(
        Score::share(covered.0, covered.1) >= 0.90,
        "rows right in covered languages {}/{}\n{}",
        covered.0,
        covered.1,
        lines.join("\n")
    );
    assert!(
        Score::share(likely.0, likely.1) >= 0.90,
        "rows under likely guesses {}/{} right\n{}",
        likely.0,
        likely.1,
        lines.join("\n")
    );
}

/// The truthful answer to a question, as an index into its choices.
fn truthful(f: &Firm, doc: &toml_edit::DocumentMut, q: &ask::Question) -> usize {
    let pick = |v: Option<&str>| {
        q.values
            .iter()
            .position(|x| x.as_deref() == v)
            .unwrap_or(q.default)
    };
    let one_stage = || {
        let mut all: Vec<&str> = f.rows.values().copied().collect();
        all.sort_unstable();
        all.dedup();
        (all.len() == 1).then(|| all[0])
    };
    match &q.topic {
        // An answer that says a stage, that stage; any other ("Less than a year"), none.
        ask::Topic::Answer { answer, .. } => pick(f.answers.get(answer).copied()),
        // A rule on a name: right when all the table's rows are of one stage. A rule on a
        // field's code: right when the answers with that code are all of one stage.
        ask::Topic::Rule { name } => match field_rule_truth(f, doc, name) {
            Some(stage) => pick(stage),
            None => {
                let label = name.split_once(": ").map_or("", |(_, l)| l);
                pick(f.tables.get(label).copied())
            }
        },
        ask::Topic::Default => pick(one_stage()),
        // The question preselected (the pairs, exclusions and segments written are right); for
        // a plan, nothing (the firm is nowhere we know of).
        ask::Topic::Recommend
        | ask::Topic::Plan { .. }
        | ask::Topic::Pair { .. }
        | ask::Topic::Exclusion { .. }
        | ask::Topic::Segments => q.default,
    }
}

/// For a rule `when = { field, equals }` of the config: the true stage of the answers coded so
/// (`Some(None)` when they are of several stages); `None` for any other rule.
fn field_rule_truth(
    f: &Firm,
    doc: &toml_edit::DocumentMut,
    name: &str,
) -> Option<Option<&'static str>> {
    let rule = doc["stages"]["rules"]
        .as_array_of_tables()?
        .iter()
        .find(|r| r.get("name").and_then(|n| n.as_str()) == Some(name))?;
    let when = rule.get("when")?.as_inline_table()?;
    let field = when.get("field")?.as_str()?;
    let code = when.get("equals")?.as_str()?;
    let values = doc["fields"][field]["values"].as_table()?;
    let mut stages: Vec<&'static str> = values
        .iter()
        .filter(|(_, v)| v.as_str() == Some(code))
        .filter_map(|(a, _)| f.answers.get(a).copied())
        .collect();
    stages.sort_unstable();
    stages.dedup();
    Some((stages.len() == 1).then(|| stages[0]))
}

/// Answer every question of `init` in the terminal truthfully; how many were asked.
fn answer_truthfully(f: &Firm, cfg: &Path) -> usize {
    let bin = assert_cmd::cargo::cargo_bin("journeygap");
    let mut cmd = std::process::Command::new(&bin);
    cmd.args(["init", "--output"]).arg(cfg).arg(&f.dir);
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    let asked = answer_init(&mut s, cfg, &|doc, q| truthful(f, doc, q));
    s.expect(Eof).unwrap();
    asked
}

#[test]
fn answering_init_truthfully_places_every_row_of_ten_new_firms() {
    let dir = tempfile::tempdir().unwrap();
    let firms = newfirms::all(dir.path());
    let mut lines = Vec::new();
    for f in &firms {
        let cfg = dir.path().join(format!("{}.toml", f.name));
        let asked = answer_truthfully(f, &cfg);
        let s = score(f, &cfg, &dir.path().join(format!("{}-out", f.name)));
        lines.push(format!("{} — {asked} questions", s.line(f.name)));
        assert!(asked <= 12, "{}: {asked} questions", f.name);
        assert_eq!(
            s.right,
            s.rows,
            "{}: {}\n{}",
            f.name,
            s.line(f.name),
            std::fs::read_to_string(&cfg).unwrap()
        );
    }
    println!("answered in a terminal:\n{}", lines.join("\n"));
}

/// Writes the ten folders to `$NEWFIRMS_DIR` (default `target/newfirms`) to look at by hand:
/// `cargo test --test new_firms -- --ignored write_the_folders`.
#[test]
#[ignore]
fn write_the_folders() {
    let root = std::env::var_os("NEWFIRMS_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("target/newfirms"));
    // Never over what is there: the folders go only where nothing is.
    assert!(
        std::fs::read_dir(&root).map_or(true, |mut d| d.next().is_none()),
        "{} is not empty; name an empty or new folder in NEWFIRMS_DIR",
        root.display()
    );
    for f in newfirms::all(&root) {
        println!("{} ({} rows)", f.dir.display(), f.rows.len());
    }
}

//! `init` asks what it cannot tell, as a person sees it: through a real pseudo-terminal, typing
//! answers with the arrow keys and Enter. Answering truthfully puts every row in its true stage;
//! a second `init` asks only what is still open and keeps the user's comments.

mod common;

use std::time::Duration;

use common::*;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect, Regex};
use journeygap::init::ask;

/// A folder whose relationship answers `init` reads only in part: two in the lexicon's words,
/// two in a firm's own (true stage: client, former).
fn folder(dir: &std::path::Path) -> (std::path::PathBuf, Vec<(&'static str, &'static str)>) {
    let input = dir.join("2026Q4");
    std::fs::create_dir_all(&input).unwrap();
    let answers = [
        ("We are currently working with you", "client"),
        ("We have never worked with you", "prospect"),
        ("Live mandate with your team", "client"),
        ("Our file moved to a rival practice", "former"),
    ];
    let mut csv =
        String::from("ID,Relationship with us,How likely are you to recommend us? (0-10)\n");
    for i in 0..40 {
        csv.push_str(&format!("R{i},{},{}\n", answers[i % 4].0, i % 11));
    }
    std::fs::write(input.join("pulse.csv"), csv).unwrap();
    (input, answers.to_vec())
}

/// Answer every question of the config truthfully: the stage codes of `truth`, a plan of
/// nothing. Returns how many were asked.
fn answer_all(s: &mut Session, cfg: &std::path::Path, truth: &[(&str, &str)]) -> usize {
    answer_init(s, cfg, &|_, q| match &q.topic {
        ask::Topic::Answer { answer, .. } => {
            let code = truth.iter().find(|(a, _)| a == answer).unwrap().1;
            // A former client: "former" when the rules code it, else "past".
            q.values
                .iter()
                .position(|v| v.as_deref() == Some(code))
                .or_else(|| q.values.iter().position(|v| v.as_deref() == Some("past")))
                .unwrap()
        }
        _ => q.default,
    })
}

#[test]
fn init_asks_in_a_terminal_and_truthful_answers_place_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (input, truth) = folder(dir.path());
    let cfg = input.join("journeygap.toml");
    let bin = assert_cmd::cargo::cargo_bin("journeygap");
    let mut cmd = std::process::Command::new(&bin);
    cmd.arg("init").arg(&input);
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    let asked = answer_all(&mut s, &cfg, &truth);
    s.expect(Regex("wrote \\d+ answer\\(s\\)")).unwrap();
    s.expect(Eof).unwrap();
    assert!((2..=12).contains(&asked), "{asked} questions");
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        !text.contains("\"Live mandate with your team\" = \"unsure"),
        "{text}"
    );
    // Every row in its true stage, and none of them under a guess weaker than sure.
    let out = dir.path().join("out");
    journeygap()
        .arg("run")
        .arg(&input)
        .args(["-q", "--out"])
        .arg(&out)
        .assert()
        .success();
    let rows = read_csv(&out.join("2026Q4/tables/respondents.csv"));
    assert_eq!(rows.len(), 40);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["stage"], truth[i % 4].1, "row {i}: {r:?}\n{text}");
    }
    // Asked again: nothing about the answers is open, and a comment of the user's stays.
    std::fs::write(&cfg, format!("# my note\n{text}")).unwrap();
    let mut cmd = std::process::Command::new(&bin);
    cmd.arg("init").arg(&input);
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    let all = s.expect(Eof).unwrap();
    let said = String::from_utf8_lossy(all.before()).into_owned();
    assert!(!said.contains("Which stage does the answer"), "{said}");
    assert!(std::fs::read_to_string(&cfg)
        .unwrap()
        .starts_with("# my note\n"));
}

#[test]
fn without_a_terminal_init_asks_nothing_and_lists_the_open_questions() {
    let dir = tempfile::tempdir().unwrap();
    let (input, _) = folder(dir.path());
    let out = journeygap().arg("init").arg(&input).output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("open questions ("), "{said}");
    assert!(said.contains("\"Live mandate with your team\""), "{said}");
}

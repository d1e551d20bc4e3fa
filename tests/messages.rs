//! Every error a user can cause, as the user sees it: the file (sheet, row, column where they
//! apply), what is wrong and what to do, and the exit code. Snapshots in `tests/snapshots/`;
//! temporary paths are replaced by `[TMP]`.

mod common;

use std::path::Path;

use common::{journeygap, root};

/// Run journeygap in `dir` with `args` and return "exit N" and stderr, paths made stable.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = journeygap().current_dir(dir).args(args).output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    let tmp = dir.display().to_string();
    let err = String::from_utf8_lossy(&out.stderr).replace(&tmp, "[TMP]");
    let stdout = String::from_utf8_lossy(&out.stdout).replace(&tmp, "[TMP]");
    if stdout.trim().is_empty() {
        format!("exit {code}\n{err}")
    } else {
        format!("exit {code}\n{err}--- stdout\n{stdout}")
    }
}

/// A folder holding one small CSV export and, optionally, a config.
fn folder(dir: &Path, config: Option<&str>) {
    let input = dir.join("exports");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("survey.csv"),
        "ResponseId,Relationship,Recommend\nR1,Current client,9\nR2,Past client,x\n",
    )
    .unwrap();
    if let Some(c) = config {
        std::fs::write(dir.join("journeygap.toml"), c).unwrap();
    }
}

const GOOD: &str = r#"
[fields.respondent_id]
headers = ["ResponseId"]
[fields.relationship]
headers = ["Relationship"]
[fields.recommend]
kind = "number"
scale = [0, 10]
headers = ["Recommend"]
[[stages.rules]]
name = "client"
stage = "client"
when = { field = "relationship", equals = "Current client" }
"#;

macro_rules! message {
    ($name:ident, $config:expr, $args:expr) => {
        message!($name, $config, $args, |_d: &Path| {});
    };
    ($name:ident, $config:expr, $args:expr, $prepare:expr) => {
        #[test]
        fn $name() {
            let dir = tempfile::tempdir().unwrap();
            folder(dir.path(), $config);
            ($prepare)(dir.path());
            insta::assert_snapshot!(stringify!($name), run(dir.path(), &$args));
        }
    };
}

message!(input_is_not_a_folder, Some(GOOD), ["run", "missing"]);
message!(no_config_found, None, ["run", "exports"]);
message!(
    config_syntax_error,
    Some("[fields.relationship\nheaders = 1\n"),
    ["run", "exports"]
);
message!(
    config_unknown_key,
    Some(&GOOD.replace("scale = [0, 10]", "scael = [0, 10]")),
    ["run", "exports"]
);
message!(
    config_rule_names_an_unknown_field,
    Some(&GOOD.replace("field = \"relationship\"", "field = \"relation\"")),
    ["run", "exports"]
);
message!(
    config_unknown_stage,
    Some(&GOOD.replace("stage = \"client\"", "stage = \"customer\"")),
    ["run", "exports"]
);
message!(
    config_bad_regex,
    Some(&GOOD.replace("headers = [\"Relationship\"]", "patterns = [\"(unclosed\"]")),
    ["run", "exports"]
);
message!(no_data_files, Some(GOOD), ["run", "exports"], |d: &Path| {
    std::fs::remove_file(d.join("exports/survey.csv")).unwrap();
    std::fs::write(d.join("exports/notes.md"), "hello").unwrap();
});
message!(
    unreadable_files_stop_the_run,
    Some(GOOD),
    ["run", "exports"],
    |d: &Path| {
        std::fs::write(d.join("exports/broken.xlsx"), b"PK\x03\x04 not really").unwrap();
        std::fs::write(d.join("exports/empty.csv"), b"").unwrap();
    }
);
message!(
    period_cannot_be_decided,
    Some(GOOD),
    ["run", "exports", "--period", "last quarter"]
);
message!(
    init_will_not_overwrite,
    Some(GOOD),
    ["init", "exports", "--output", "journeygap.toml"]
);
message!(
    check_finds_an_error,
    Some(&GOOD.replace(
        "headers = [\"Relationship\"]",
        "headers = [\"Relationship status\"]"
    )),
    ["check", "exports", "--quiet"]
);
message!(
    verify_needs_a_period_folder,
    Some(GOOD),
    ["verify", "exports"]
);
message!(unknown_flag, Some(GOOD), ["run", "exports", "--colour"]);

#[test]
fn output_folder_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path(), Some(GOOD));
    std::fs::write(
        dir.path().join("reports"),
        "a file where the folder should be",
    )
    .unwrap();
    insta::assert_snapshot!(
        "output_folder_cannot_be_written",
        run(
            dir.path(),
            &["run", "exports", "--period", "2026Q4", "--out", "reports"]
        )
    );
}

#[test]
fn help_opens_with_what_it_does_and_ends_with_an_example() {
    for cmd in [&[][..], &["run"], &["init"], &["check"], &["verify"]] {
        let mut args: Vec<&str> = cmd.to_vec();
        args.push("--help");
        let out = journeygap().args(&args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{args:?}");
        let last = text.trim_end().lines().last().unwrap_or("");
        assert!(
            last.trim_start().starts_with("journeygap "),
            "{args:?} help does not end with an example: {last}"
        );
        assert!(text.contains("Exit codes") || !cmd.is_empty(), "{text}");
    }
    let _ = root();
}

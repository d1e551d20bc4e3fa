//! Every platform's export (issue 29): one small export per layout, written by
//! `tests/fixtures/platforms/write.py` from each platform's documented export format (where
//! each was learned is said in its layout's file under `src/ingest/layout/`). `init` with no
//! edits, then `run`: each file is read in its own layout, its unfinished, preview and
//! disqualified rows are excluded with their reason, its choice columns are one multi-select,
//! its battery naming gives pairs, and two exports numbered from 1 are not each other's
//! duplicates.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// The fixtures copied to a temporary folder, `init` and `run` there: the config's text and
/// the output folder of 2026Q4.
fn init_and_run(dir: &Path) -> (String, PathBuf) {
    let input = dir.join("in");
    copy_dir(&root().join("tests/fixtures/platforms"), &input);
    std::fs::remove_file(input.join("write.py")).unwrap();
    let cfg = dir.join("cfg.toml");
    init_no_input(&input, &cfg);
    let out = dir.join("out");
    journeygap()
        .arg("run")
        .arg(&input)
        .arg("--config")
        .arg(&cfg)
        .args(["--period", "2026Q4", "-q", "--out"])
        .arg(&out)
        .assert()
        .success();
    (
        std::fs::read_to_string(&cfg).unwrap(),
        out.join("2026Q4/tables"),
    )
}

/// Per file, its exclusion reasons and their counts.
fn exclusions(tables: &Path) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for r in read_csv(&tables.join("respondents.csv")) {
        if r["excluded"] == "true" {
            *out.entry((r["source_file"].clone(), r["reason"].clone()))
                .or_default() += 1;
        }
    }
    out
}

#[test]
fn each_platform_is_read_in_its_own_layout_and_its_flags_exclude_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, tables) = init_and_run(dir.path());
    let layouts: BTreeMap<String, String> = read_csv(&tables.join("data_quality.csv"))
        .into_iter()
        .map(|r| (r["source_file"].clone(), r["layout"].clone()))
        .collect();
    for (file, layout) in [
        ("typeform.csv", "typeform"),
        ("alchemer.csv", "alchemer"),
        ("limesurvey.csv", "limesurvey"),
        ("jotform.csv", "jotform"),
        ("kobotoolbox.csv", "kobotoolbox"),
        ("sosci.csv", "sosci"),
        ("microsoft_forms_de.csv", "microsoft-forms"),
        ("google_forms.csv", "google-forms"),
    ] {
        assert_eq!(layouts[file], layout, "{file}");
    }
    let ex = exclusions(&tables);
    let n = |f: &str, r: &str| ex.get(&(f.to_string(), r.to_string())).copied();
    // As write.py plants them: Typeform partials (no submit date), Alchemer Partial and
    // Disqualified, LimeSurvey with no submitdate, SoSci FINISHED 0 and Q_VIEWER 1, a Kobo
    // reviewer's "not approved".
    assert_eq!(n("typeform.csv", "unfinished"), Some(2));
    assert_eq!(n("alchemer.csv", "unfinished"), Some(3));
    assert_eq!(n("alchemer.csv", "disqualified"), Some(1));
    assert_eq!(n("limesurvey.csv", "unfinished"), Some(2));
    assert_eq!(n("sosci.csv", "unfinished"), Some(2));
    assert_eq!(n("sosci.csv", "preview/test"), Some(1));
    assert_eq!(n("kobotoolbox.csv", "disqualified"), Some(1));
    // Microsoft Forms and LimeSurvey both number their responses from 1: not duplicates of
    // each other, and nothing else is excluded.
    assert!(
        !ex.keys().any(|(_, r)| r.starts_with("duplicate")),
        "{ex:?}"
    );
    assert_eq!(ex.values().sum::<usize>(), 12, "{ex:?}");
    // Typeform's choice columns (headed by the choice) join the services question of the
    // Google Forms export, whose options they share.
    let known = cfg
        .split("[fields.services_known]")
        .nth(1)
        .expect("a services field")
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    assert!(known.contains("Audit / Tax / Advisory"), "{known}");
    // Jotform's line-break lists are read per column: its channels are one option each.
    assert!(cfg.contains("# \"LinkedIn\" = true"), "{cfg}");
    assert!(
        !cfg.contains("\"\"\""),
        "no option holds a line break:\n{cfg}"
    );
    // Pairs in each layout's naming: Alchemer's `Row:Question` grid, LimeSurvey's `[item]`,
    // Typeform's `item - how important …`, Kobo's `ratings/imp_x` and `ratings/perf_x`.
    let exp = cfg
        .split("[fields.expertise_expectation]")
        .nth(1)
        .expect("an expertise pair")
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    for h in [
        "Expertise:How important is each of these to you?",
        "How important is each of these to you? [Expertise]",
        "Expertise - how important is it to you?",
        "ratings/imp_expertise",
    ] {
        assert!(exp.contains(h), "{h} not in\n{exp}");
    }
    // Every file but the ones without ratings has gaps.
    let gaps = read_csv(&tables.join("gaps.csv"));
    assert!(gaps.iter().any(|r| r["attribute"] == "Expertise"));
}

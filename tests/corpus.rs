//! The benchmark corpus at a tiny scale: the generator's xlsx and CSV files give the same
//! analysis (the same cells, read two ways), and `--jobs 1` and `--jobs 2` write the same bytes.
//! Timing lives in `benches/corpus.rs`, never here.

mod common;

use common::{journeygap, snapshot};

#[test]
fn corpus_xlsx_and_csv_agree_and_jobs_do_not_change_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    journeygap()
        .args(["gen-corpus", "--files", "4", "--respondents", "150"])
        .arg(&corpus)
        .assert()
        .success();
    let run = |input: &str, out: &str, jobs: &str| {
        journeygap()
            .args(["run", "-q", "--period", "2026Q3", "--jobs", jobs, "--out"])
            .arg(dir.path().join(out))
            .arg(corpus.join(input))
            .assert()
            .success();
        dir.path().join(out).join("2026Q3")
    };
    let xlsx = run("xlsx", "x1", "1");
    let csv = run("csv", "c1", "2");
    for t in [
        "stage_mix",
        "gaps",
        "nps",
        "awareness",
        "touchpoints",
        "comparisons",
    ] {
        let a = std::fs::read(xlsx.join(format!("tables/{t}.csv"))).unwrap();
        let b = std::fs::read(csv.join(format!("tables/{t}.csv"))).unwrap();
        assert_eq!(a, b, "{t}.csv differs between the xlsx and the CSV corpus");
    }
    let mix = common::read_csv(&xlsx.join("tables/stage_mix.csv"));
    let n: u64 = mix
        .iter()
        .filter(|r| r["segment"] == "all")
        .map(|r| r["n"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(n, 4 * 150, "every generated respondent is classified");
    let xlsx2 = run("xlsx", "x2", "2");
    assert!(
        snapshot(&xlsx) == snapshot(&xlsx2),
        "--jobs 1 and --jobs 2 differ"
    );
}

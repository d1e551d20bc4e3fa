//! report.html in a real browser: headless Chromium (Debian's `chromium`, installed by .ci/run
//! where missing) loads the file with no network and every embedded chart decodes.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

#[test]
fn report_html_loads_every_chart_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on this machine (.ci/run installs Debian's chromium; apt-get install chromium)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    for q in ["2026Q1", "2026Q2"] {
        run_with(
            &root().join("fixtures/demo").join(q),
            &root().join("fixtures/demo/journeygap.toml"),
            &out,
            &[],
        )
        .success();
    }
    let dir = out.join("2026Q2");
    let charts = std::fs::read_dir(dir.join("charts")).unwrap().count();
    let profile = tmp.path().join("profile");
    let url = format!(
        "file://{}",
        dir.join("report.html").canonicalize().unwrap().display()
    );
    let result = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=15000", "--dump-dom"])
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&result.stdout);
    let want = format!("data-images-loaded=\"{charts}/{charts}\"");
    assert!(
        dom.contains(&want),
        "chromium did not load every chart ({want}); status {:?}; stderr: {}",
        result.status,
        String::from_utf8_lossy(&result.stderr)
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join(" | ")
    );
}

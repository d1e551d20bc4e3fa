//! The journey map against the tables the same run wrote (issue 32): on the demo's third
//! quarter (run after the first two, so that it has trends and transitions), every figure of
//! the map is found in a CSV table, and the report opens with the map.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::*;
use journeygap::chart::specs::map::{journey_map, Evidence, MapLine};
use journeygap::stage::Stage;

type Rows = Vec<BTreeMap<String, String>>;

fn demo() -> PathBuf {
    root().join("fixtures/demo")
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn signed(x: f64, decimals: usize) -> String {
    format!("{x:+.decimals$}").replace('-', "−")
}

fn all<'a>(rows: &'a Rows, stage: &str) -> impl Iterator<Item = &'a BTreeMap<String, String>> {
    let stage = stage.to_string();
    rows.iter()
        .filter(move |r| r["segment"] == "all" && r["stage"] == stage)
}

fn whole(lines: &[MapLine]) -> Vec<String> {
    lines.iter().map(MapLine::whole).collect()
}

#[test]
fn the_maps_cells_are_the_tables_figures() {
    let tmp = tempfile::tempdir().unwrap();
    for q in ["2026Q1", "2026Q2", "2026Q3"] {
        run_with(
            &demo().join(q),
            &demo().join("journeygap.toml"),
            tmp.path(),
            &[],
        )
        .success();
    }
    let dir = tmp.path().join("2026Q3");
    let json = std::fs::read(dir.join("summary.json")).unwrap();
    let summary: journeygap::analysis::Summary = serde_json::from_slice(&json).unwrap();
    let map = journey_map(&summary);
    let table = |name: &str| read_csv(&dir.join(format!("tables/{name}.csv")));
    let (mix, nps, gaps, ipa, breadth, themes, trends, conversion) = (
        table("stage_mix"),
        table("nps"),
        table("gaps"),
        table("ipa"),
        table("awareness_breadth"),
        table("themes"),
        table("trends"),
        table("conversion"),
    );
    let row = |label: &str| {
        map.rows
            .iter()
            .find(|r| r.label.starts_with(label))
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    let mut significant = 0;
    for st in Stage::ALL {
        let c = st.index();
        // The head: n and share with its interval.
        let m = all(&mix, st.key()).next().unwrap();
        let head = whole(&map.columns[c].head.lines);
        assert_eq!(head[0], format!("n = {}", m["n"]), "{st}");
        let share = |k: &str| pct(num(m, k).unwrap());
        assert_eq!(
            head[1],
            format!(
                "{} ({}–{})",
                share("share"),
                share("ci_low"),
                share("ci_high")
            )
        );
        // NPS and the champions' share.
        let n = all(&nps, st.key()).next().unwrap();
        let cell = &row("Recommend").cells[c];
        let said = whole(&cell.lines);
        assert!(
            said[0].starts_with(&format!("NPS {}", signed(num(n, "nps").unwrap(), 0))),
            "{said:?}"
        );
        assert_eq!(
            said[1],
            format!(
                "champions {} of {}",
                pct(num(n, "promoter_share").unwrap()),
                n["n"]
            )
        );
        // The largest significant gaps, at most two, largest first.
        let mut sig: Vec<_> = all(&gaps, st.key())
            .filter(|g| num(g, "q_value").is_some_and(|q| q < 0.05))
            .collect();
        sig.sort_by(|a, b| {
            num(b, "gap_mean")
                .unwrap()
                .abs()
                .total_cmp(&num(a, "gap_mean").unwrap().abs())
        });
        let cell = &row("Largest gaps").cells[c];
        if sig.is_empty() {
            assert_eq!(cell.lines[0].text, "no significant gap");
            assert_ne!(cell.evidence, Evidence::Significant);
        } else {
            significant += 1;
            assert_eq!(cell.evidence, Evidence::Significant);
            for (line, g) in cell.lines.iter().zip(sig.iter().take(2)) {
                assert_eq!(line.text, g["attribute"]);
                assert_eq!(
                    line.tail,
                    format!(" {}", signed(num(g, "gap_mean").unwrap(), 2))
                );
            }
        }
        // "Concentrate here": the quadrant's attributes.
        let mut here: Vec<&str> = all(&ipa, st.key())
            .filter(|r| r["quadrant"] == "concentrate here")
            .map(|r| r["attribute"].as_str())
            .collect();
        let mut shown: Vec<&str> = row("Concentrate here").cells[c]
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        if here.is_empty() {
            assert_eq!(shown, ["none in this quadrant"]);
        } else {
            here.sort_unstable();
            shown.sort_unstable();
            assert_eq!(shown, here, "{st}");
        }
        // Awareness breadth and the typecast rate.
        let b = all(&breadth, st.key()).next().unwrap();
        let said = whole(&row("Awareness").cells[c].lines);
        assert_eq!(
            said[0],
            format!("knows {} of services", pct(num(b, "breadth_mean").unwrap()))
        );
        // The top theme of "why".
        let top = all(&themes, st.key())
            .filter(|t| t["theme"] != "(uncoded)")
            .max_by(|a, b| {
                num(a, "share")
                    .unwrap()
                    .total_cmp(&num(b, "share").unwrap())
            })
            .unwrap();
        assert_eq!(row("Why").cells[c].lines[0].text, top["theme"]);
        // A change is shown only where the trends table says it is significant.
        let changed = trends
            .iter()
            .filter(|t| {
                t["period"] == "2026Q3"
                    && t["segment"] == "all"
                    && t["stage"] == st.key()
                    && t["significant"] == "true"
            })
            .count();
        let cell = &row("Change since 2026Q2").cells[c];
        if changed == 0 {
            assert_eq!(cell.lines[0].text, "no significant change");
        } else {
            assert_eq!(cell.evidence, Evidence::Significant);
            assert_eq!(cell.lines.len(), changed.min(3));
        }
    }
    assert!(significant >= 3, "the demo's planted gaps are on the map");
    // The win rate between the prospects and the got-aways.
    let win = conversion
        .iter()
        .find(|r| r["segment"] == "all" && r["metric"] == "win rate")
        .unwrap();
    let shown = whole(&map.gutters[0][0].lines);
    assert!(
        shown[0].starts_with(&format!("win rate {}", pct(num(win, "share").unwrap()))),
        "{shown:?}"
    );
    // With a panel: the clients who became betweeners since 2026Q2.
    assert!(
        map.gutters[2]
            .iter()
            .any(|g| g.lines[0].tail.contains("since 2026Q2")),
        "{:?}",
        map.gutters[2]
    );
    // The report opens with the map.
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    let first = md.lines().find(|l| l.starts_with("## ")).unwrap();
    assert_eq!(first, "## The journey on one page");
    assert!(md.contains("![journey_map](charts/journey_map.png)"));
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let img = html.find("<img").unwrap();
    assert!(html[img..].starts_with("<img alt=\"journey_map\""));
    let png = std::fs::read(dir.join("charts/journey_map.png")).unwrap();
    assert!(png.len() <= 150_000, "{} bytes", png.len());
}

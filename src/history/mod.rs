//! Earlier periods found under the report folder: their `summary.json` and `respondents.csv`
//! (never the old raw exports), loaded before the analysis, which compares this period with
//! them (trends, panel transitions, what changed since).

use std::path::Path;

use crate::analysis::{Earlier, Summary};

/// Every period folder under `out` whose name sorts before `current` and whose study is `study`,
/// oldest first. Folders that cannot be read, and those of another study, are reported in
/// `warnings` and left out (a summary written before studies were recorded has none and is
/// kept).
pub fn load_earlier(
    out: &Path,
    current: &str,
    study: &str,
    warnings: &mut Vec<String>,
) -> Vec<Earlier> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n.as_str() < current)
        .collect();
    names.sort();
    let mut found = Vec::new();
    for name in names {
        let dir = out.join(&name);
        let json = dir.join("summary.json");
        if !json.is_file() {
            continue;
        }
        let parsed = std::fs::read(&json)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice::<Summary>(&b).map_err(|e| e.to_string()));
        match parsed {
            Ok(summary) if !summary.study.is_empty() && summary.study != study => {
                warnings.push(format!(
                    "{}: not used for trends, another study ('{}'; this run's is '{study}'); set [report] study, or write each study to its own --out",
                    dir.display(),
                    summary.study
                ))
            }
            Ok(summary) => found.push(Earlier {
                period: name,
                panel: read_panel(&dir.join("tables/respondents.csv")),
                summary,
            }),
            Err(e) => warnings.push(format!(
                "{}: not used for trends, cannot be read ({e})",
                json.display()
            )),
        }
    }
    found
}

/// `(panel_key, stage)` of every non-excluded row with a panel key.
fn read_panel(path: &Path) -> Vec<(String, String)> {
    let Ok(mut r) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let Ok(h) = r.headers().cloned() else {
        return Vec::new();
    };
    let (Some(k), Some(s), Some(x)) = (
        h.iter().position(|c| c == "panel_key"),
        h.iter().position(|c| c == "stage"),
        h.iter().position(|c| c == "excluded"),
    ) else {
        return Vec::new();
    };
    r.records()
        .flatten()
        .filter(|rec| rec.get(x) == Some("false") && !rec.get(k).unwrap_or("").is_empty())
        .map(|rec| {
            (
                crate::escape::csv_uncell(rec.get(k).unwrap_or("")).to_string(),
                rec.get(s).unwrap_or("").to_string(),
            )
        })
        .collect()
}

//! Earlier periods found under the report folder: their `summary.json` and `respondents.csv`
//! (never the old raw exports), what changed since, the trends and the panel transitions.

pub mod transitions;
pub mod trends;

use std::path::Path;

use crate::analysis::Summary;

/// One earlier period's results.
#[derive(Debug, Clone)]
pub struct Earlier {
    pub period: String,
    pub summary: Summary,
    /// `(panel_key, stage)` of its classified and unclassified respondents, in file order.
    pub panel: Vec<(String, String)>,
}

/// Every period folder under `out` whose name sorts before `current`, oldest first. Folders that
/// cannot be read are reported in `warnings` and left out.
pub fn load_earlier(out: &Path, current: &str, warnings: &mut Vec<String>) -> Vec<Earlier> {
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
                rec.get(k).unwrap_or("").to_string(),
                rec.get(s).unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// What makes an earlier period not comparable with this one.
pub fn comparability(current: &Summary, earlier: &[Earlier]) -> Vec<String> {
    let mut out = Vec::new();
    for e in earlier {
        let s = &e.summary;
        let p = &e.period;
        let removed: Vec<&String> = s
            .attributes
            .iter()
            .filter(|a| !current.attributes.contains(a))
            .collect();
        let added: Vec<&String> = current
            .attributes
            .iter()
            .filter(|a| !s.attributes.contains(a))
            .collect();
        if !removed.is_empty() || !added.is_empty() {
            out.push(format!(
                "{p}: attributes differ (only in {p}: {}; only in {}: {}) — renamed attributes break their trend",
                list(&removed),
                current.period,
                list(&added)
            ));
        }
        for sc in &current.attribute_scales {
            if let Some(old) = s
                .attribute_scales
                .iter()
                .find(|o| o.attribute == sc.attribute)
            {
                if (old.low, old.high) != (sc.low, sc.high) {
                    out.push(format!(
                        "{p}: the scale of '{}' changed from {} to {} — its means are not comparable",
                        sc.attribute,
                        scale(old.low, old.high),
                        scale(sc.low, sc.high)
                    ));
                }
            }
        }
        if s.stage_labels != current.stage_labels {
            out.push(format!("{p}: stage labels changed"));
        }
        if !s.config_hash.is_empty() && s.config_hash != current.config_hash {
            out.push(format!(
                "{p}: the config changed since (answer codes or stage rules may have moved)"
            ));
        }
        if s.ids_hashed != current.ids_hashed {
            out.push(format!("{p}: ids were {}hashed there and are {}hashed now — panel transitions cannot link them", if s.ids_hashed { "" } else { "not " }, if current.ids_hashed { "" } else { "not " }));
        }
    }
    out
}

fn list(v: &[&String]) -> String {
    if v.is_empty() {
        "none".into()
    } else {
        v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
    }
}

fn scale(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "none".into(),
    }
}

//! Earlier periods as the analysis compares with them, and what makes one not comparable.

use super::Summary;

/// One earlier period's results.
#[derive(Debug, Clone)]
pub struct Earlier {
    pub period: String,
    pub summary: Summary,
    /// `(panel_key, stage)` of its classified and unclassified respondents, in file order.
    pub panel: Vec<(String, String)>,
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

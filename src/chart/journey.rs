//! Specs of the journey charts: the awareness heatmap (stage × service) and the touchpoint
//! coverage matrix (stage × channel).

use super::history::{CellMark, Heatmap};
use super::spec::label;
use crate::analysis::Summary;
use crate::stage::Stage;

/// Distinct values in order of first appearance (the order the tables list them in).
fn first_seen<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// Stages with rows in a table, in journey order.
fn stages_in(present: &dyn Fn(&str) -> bool) -> Vec<Stage> {
    Stage::ALL
        .iter()
        .copied()
        .filter(|st| present(st.key()))
        .collect()
}

/// Share of each stage that knows each service.
pub fn awareness_heatmap(s: &Summary) -> Option<Heatmap> {
    let rows: Vec<_> = s.awareness.iter().filter(|r| r.segment == "all").collect();
    let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
    if stages.is_empty() {
        return None;
    }
    let services = first_seen(rows.iter().map(|r| &r.service));
    let cells = stages
        .iter()
        .map(|st| {
            services
                .iter()
                .map(|sv| {
                    rows.iter()
                        .find(|r| r.stage == st.key() && &r.service == sv)
                        .map(|r| (r.share.unwrap_or(0.0), r.n))
                })
                .collect()
        })
        .collect();
    let low_base = stages
        .iter()
        .map(|st| {
            services
                .iter()
                .map(|sv| {
                    rows.iter()
                        .any(|r| r.stage == st.key() && &r.service == sv && r.low_base)
                })
                .collect()
        })
        .collect();
    Some(Heatmap {
        name: "awareness".into(),
        low_base,
        title: format!(
            "Which services each stage knows the firm offers — {}",
            s.period
        ),
        subtitle: "Share of respondents aware of each service; n = respondents who answered".into(),
        rows: stages.iter().map(|st| label(s, st.key())).collect(),
        cols: services,
        row_label: "Stage".into(),
        col_label: "Service".into(),
        cells,
        marks: Vec::new(),
        notes: vec!["Darker cells: more respondents know the service.".into()],
    })
}

/// Buyer use of each channel per stage, with the firm's presence and the gaps marked.
pub fn touchpoint_matrix(s: &Summary) -> Option<Heatmap> {
    let rows: Vec<_> = s
        .touchpoints
        .iter()
        .filter(|r| r.segment == "all")
        .collect();
    let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
    if stages.is_empty() {
        return None;
    }
    let channels = first_seen(rows.iter().map(|r| &r.channel));
    let find = |st: Stage, ch: &String| {
        rows.iter()
            .find(|r| r.stage == st.key() && &r.channel == ch)
    };
    let cells = stages
        .iter()
        .map(|st| {
            channels
                .iter()
                .map(|ch| find(*st, ch).map(|r| (r.share.unwrap_or(0.0), r.n)))
                .collect()
        })
        .collect();
    let marks = stages
        .iter()
        .map(|st| {
            channels
                .iter()
                .map(|ch| match find(*st, ch).map(|r| r.verdict.as_str()) {
                    Some("gap") => CellMark::Gap,
                    Some("covered") | Some("possible waste") => CellMark::Present,
                    _ => CellMark::None,
                })
                .collect()
        })
        .collect();
    let low_base = stages
        .iter()
        .map(|st| {
            channels
                .iter()
                .map(|ch| find(*st, ch).is_some_and(|r| r.low_base))
                .collect()
        })
        .collect();
    Some(Heatmap {
        name: "touchpoints".into(),
        low_base,
        title: format!("Where buyers look, and where the firm is — {}", s.period),
        subtitle: "Share of each stage using each channel".into(),
        rows: stages.iter().map(|st| label(s, st.key())).collect(),
        cols: channels,
        row_label: "Stage".into(),
        col_label: "Channel".into(),
        cells,
        marks,
        notes: vec!["● the firm is present (plan); orange frame: a gap — buyers use the channel (≥ threshold) and the firm is absent.".into()],
    })
}

/// Per open-text field: the share of each stage's answers mentioning each theme.
pub fn theme_heatmaps(s: &Summary) -> Vec<Heatmap> {
    let fields = first_seen(
        s.themes
            .iter()
            .filter(|r| r.segment == "all")
            .map(|r| &r.field),
    );
    fields
        .into_iter()
        .filter_map(|f| {
            let rows: Vec<_> = s.themes.iter().filter(|r| r.segment == "all" && r.field == f).collect();
            let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
            let themes = first_seen(rows.iter().map(|r| &r.theme));
            let cells = stages
                .iter()
                .map(|st| themes.iter().map(|t| rows.iter().find(|r| r.stage == st.key() && &r.theme == t).map(|r| (r.share.unwrap_or(0.0), r.answers))).collect())
                .collect();
            let low_base = stages
                .iter()
                .map(|st| themes.iter().map(|t| rows.iter().any(|r| r.stage == st.key() && &r.theme == t && r.low_base)).collect())
                .collect();
            (!stages.is_empty()).then(|| Heatmap {
                name: format!("themes_{f}"),
                low_base,
                title: format!("Why: themes of the '{f}' answers — {}", s.period),
                subtitle: "Share of each stage's answers mentioning each theme (an answer can mention several)".into(),
                rows: stages.iter().map(|st| label(s, st.key())).collect(),
                cols: themes,
                row_label: "Stage".into(),
                col_label: "Theme".into(),
                cells,
                marks: Vec::new(),
                notes: vec!["n = answers given at that stage; (uncoded): no theme of the codebook matched — see uncoded_words.csv.".into()],
            })
        })
        .collect()
}

//! Heatmap specs: awareness (stage × service), touchpoint coverage (stage × channel), themes
//! (stage × theme) and the stage transitions between periods.

use super::Section;
use crate::analysis::Summary;
use crate::stage::Stage;

/// A heatmap of shares: rows and columns labelled, each cell a share with its base.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub name: String,
    /// The report section it is shown in.
    pub section: Section,
    pub title: String,
    pub subtitle: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub row_label: String,
    pub col_label: String,
    /// `cells[r][c]`: share and count.
    pub cells: Vec<Vec<Option<(f64, u64)>>>,
    /// `marks[r][c]`: what to draw over a cell (empty: nothing).
    pub marks: Vec<Vec<CellMark>>,
    /// `low_base[r][c]`: the cell's base is below the minimum (hatched).
    pub low_base: Vec<Vec<bool>>,
    pub notes: Vec<String>,
}

/// A mark over a heatmap cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellMark {
    #[default]
    None,
    /// The firm is present here (a dot).
    Present,
    /// Buyers are here and the firm is not (a thick vermillion frame).
    Gap,
}

/// The most categories (services, channels, themes) a heatmap draws; the rest are summed.
pub const MAX_CATEGORIES: usize = 12;

impl Heatmap {
    /// At most [`MAX_CATEGORIES`] columns: the most used (by mentions over every row), in their
    /// order, then "Other (k more)" with the others' mentions summed (a share of mentions per
    /// respondent, at most 100% drawn). Labels are [`super::short`]. Tables keep every column.
    fn capped(mut self) -> Heatmap {
        let ncols = self.cols.len();
        if ncols > MAX_CATEGORIES {
            let mentions = |c: usize| -> f64 {
                self.cells
                    .iter()
                    .filter_map(|r| r[c])
                    .map(|(share, n)| share * n as f64)
                    .sum()
            };
            let mut by_use: Vec<(usize, f64)> = (0..ncols).map(|c| (c, mentions(c))).collect();
            by_use.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut keep: Vec<usize> = by_use[..MAX_CATEGORIES - 1].iter().map(|x| x.0).collect();
            keep.sort_unstable();
            let rest: Vec<usize> = (0..ncols).filter(|c| !keep.contains(c)).collect();
            let other = |cells: &[Option<(f64, u64)>]| -> Option<(f64, u64)> {
                let parts: Vec<(f64, u64)> = rest.iter().filter_map(|&c| cells[c]).collect();
                let n = parts.iter().map(|p| p.1).max()?;
                let said: f64 = parts.iter().map(|(share, n)| share * *n as f64).sum();
                Some(((said / n.max(1) as f64).min(1.0), n))
            };
            self.cells = self
                .cells
                .iter()
                .map(|r| keep.iter().map(|&c| r[c]).chain([other(r)]).collect())
                .collect();
            // "Other" is low-based when any of its categories is.
            self.low_base = self
                .low_base
                .iter()
                .map(|r| {
                    let any = rest.iter().any(|&c| r.get(c).copied().unwrap_or(false));
                    keep.iter()
                        .map(|&c| r.get(c).copied().unwrap_or(false))
                        .chain([any])
                        .collect()
                })
                .collect();
            if !self.marks.is_empty() {
                self.marks = self
                    .marks
                    .iter()
                    .map(|r| keep.iter().map(|&c| r[c]).chain([CellMark::None]).collect())
                    .collect();
            }
            let mut cols: Vec<String> = keep.iter().map(|&c| self.cols[c].clone()).collect();
            cols.push(format!("Other ({} more)", rest.len()));
            self.cols = cols;
            self.notes.push(format!(
                "Other ({} more): the {} less used {}s together, as mentions per respondent; the tables list each.",
                rest.len(),
                rest.len(),
                self.col_label.to_lowercase()
            ));
        }
        self.cols = self.cols.iter().map(|c| super::short(c)).collect();
        self.rows = self.rows.iter().map(|r| super::short(r)).collect();
        self
    }
}

/// The heatmap of the latest transition in the summary (previous period → this one).
pub fn transition_heatmap(s: &Summary) -> Option<Heatmap> {
    let last = s
        .tables
        .transitions
        .iter()
        .map(|t| (t.from_period.clone(), t.to_period.clone()))
        .max()?;
    let rows: Vec<&crate::analysis::TransitionRow> = s
        .tables
        .transitions
        .iter()
        .filter(|t| (t.from_period.clone(), t.to_period.clone()) == last)
        .collect();
    let order = |name: &str| {
        Stage::from_key(name).map_or(if name == "(new)" { 0 } else { 9 }, |st| st.index() + 1)
    };
    let mut from: Vec<String> = rows.iter().map(|r| r.from_stage.clone()).collect();
    let mut to: Vec<String> = rows.iter().map(|r| r.to_stage.clone()).collect();
    for v in [&mut from, &mut to] {
        v.sort_by_key(|x| (order(x), x.clone()));
        v.dedup();
    }
    let cells = from
        .iter()
        .map(|f| {
            to.iter()
                .map(|t| {
                    rows.iter()
                        .find(|r| &r.from_stage == f && &r.to_stage == t)
                        .map(|r| (r.share_of_from.unwrap_or(0.0), r.n))
                })
                .collect()
        })
        .collect();
    // A row's base is everyone at that from-stage.
    let cells_low = from
        .iter()
        .map(|f| {
            let base: u64 = rows
                .iter()
                .filter(|r| &r.from_stage == f)
                .map(|r| r.n)
                .sum();
            vec![(base as f64) < s.min_base; to.len()]
        })
        .collect();
    let show =
        |x: &String| Stage::from_key(x).map_or_else(|| x.clone(), |st| s.stage_label(st.key()));
    Some(Heatmap {
        name: format!("transitions_{}_{}", last.0, last.1),
        section: Section::History,
        title: format!("Where clients went: {} → {}", last.0, last.1),
        subtitle: "The same panel key at both periods; each row sums to 100%".into(),
        rows: from.iter().map(show).collect(),
        cols: to.iter().map(show).collect(),
        row_label: format!("Stage in {}", last.0),
        col_label: format!("Stage in {}", last.1),
        cells,
        marks: Vec::new(),
        low_base: cells_low,
        notes: vec![
            "(new): first seen in the later period; (not seen): not in the later period.".into(),
        ],
    })
}

/// Distinct values in order of first appearance (the order the tables list them in).
fn first_seen<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if seen.insert(v.as_str()) {
            out.push(v.clone());
        }
    }
    out
}

/// The rows by (stage, column): a lookup per cell, not a scan (an answer can hold thousands of
/// categories).
fn index_by<'a, R>(
    rows: &[&'a R],
    key: impl Fn(&'a R) -> (&'a String, &'a String),
) -> std::collections::BTreeMap<(&'a str, &'a str), &'a R> {
    let mut out = std::collections::BTreeMap::new();
    for &r in rows {
        let (a, b) = key(r);
        out.entry((a.as_str(), b.as_str())).or_insert(r);
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

/// A stage × column grid: `cell` of the row found for each (stage, column), `None` passed where
/// the table has no such row.
fn grid<'a, R: 'a, T>(
    stages: &[Stage],
    cols: &[String],
    find: &impl Fn(Stage, &String) -> Option<&'a R>,
    cell: impl Fn(Option<&'a R>) -> T,
) -> Vec<Vec<T>> {
    stages
        .iter()
        .map(|st| cols.iter().map(|c| cell(find(*st, c))).collect())
        .collect()
}

/// Share of each stage that knows each service.
pub fn awareness_heatmap(s: &Summary) -> Option<Heatmap> {
    let rows: Vec<_> = s
        .tables
        .awareness
        .iter()
        .filter(|r| r.segment == "all")
        .collect();
    let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
    if stages.is_empty() {
        return None;
    }
    let services = first_seen(rows.iter().map(|r| &r.service));
    let index = index_by(&rows, |r| (&r.stage, &r.service));
    let find = |st: Stage, sv: &String| index.get(&(st.key(), sv.as_str())).copied();
    Some(
        Heatmap {
            name: "awareness".into(),
            section: Section::Awareness,
            low_base: grid(&stages, &services, &find, |r| r.is_some_and(|r| r.low_base)),
            cells: grid(&stages, &services, &find, |r| {
                r.map(|r| (r.share.unwrap_or(0.0), r.n))
            }),
            title: format!(
                "Which services each stage knows the firm offers — {}",
                s.period
            ),
            subtitle: "Share of respondents aware of each service; n = respondents who answered"
                .into(),
            rows: stages.iter().map(|st| s.stage_label(st.key())).collect(),
            cols: services,
            row_label: "Stage".into(),
            col_label: "Service".into(),
            marks: Vec::new(),
            notes: vec!["Darker cells: more respondents know the service.".into()],
        }
        .capped(),
    )
}

/// Buyer use of each channel per stage, with the firm's presence and the gaps marked.
pub fn touchpoint_matrix(s: &Summary) -> Option<Heatmap> {
    let rows: Vec<_> = s
        .tables
        .touchpoints
        .iter()
        .filter(|r| r.segment == "all")
        .collect();
    let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
    if stages.is_empty() {
        return None;
    }
    let channels = first_seen(rows.iter().map(|r| &r.channel));
    let index = index_by(&rows, |r| (&r.stage, &r.channel));
    let find = |st: Stage, ch: &String| index.get(&(st.key(), ch.as_str())).copied();
    let planned = s.channel_plan();
    let mark = |r: Option<&crate::analysis::TouchpointRow>| match r.map(|r| r.verdict.as_str()) {
        Some("gap") => CellMark::Gap,
        Some("covered") | Some("possible waste") => CellMark::Present,
        _ => CellMark::None,
    };
    Some(Heatmap {
        name: "touchpoints".into(),
        section: Section::Touchpoints,
        low_base: grid(&stages, &channels, &find, |r| r.is_some_and(|r| r.low_base)),
        cells: grid(&stages, &channels, &find, |r| r.map(|r| (r.share.unwrap_or(0.0), r.n))),
        marks: grid(&stages, &channels, &find, mark),
        title: if planned {
            format!("Where buyers look, and where the firm is — {}", s.period)
        } else {
            format!("Where buyers look — {}", s.period)
        },
        subtitle: "Share of each stage using each channel".into(),
        rows: stages.iter().map(|st| s.stage_label(st.key())).collect(),
        cols: channels,
        row_label: "Stage".into(),
        col_label: "Channel".into(),
        notes: if planned {
            vec!["● the firm is present (plan); orange frame: a gap — buyers use the channel (≥ threshold) and the firm is absent.".into()]
        } else {
            vec!["No channel plan in the config: where the firm is present is not known, so no gap is marked ([channels.plan.<stage>]).".into()]
        },
    }
    .capped())
}

/// Per open-text field: the share of each stage's answers mentioning each theme.
pub fn theme_heatmaps(s: &Summary) -> Vec<Heatmap> {
    let fields = first_seen(
        s.tables
            .themes
            .iter()
            .filter(|r| r.segment == "all")
            .map(|r| &r.field),
    );
    fields
        .into_iter()
        .filter_map(|f| {
            let rows: Vec<_> = s.tables.themes.iter().filter(|r| r.segment == "all" && r.field == f).collect();
            let stages = stages_in(&|k| rows.iter().any(|r| r.stage == k));
            let themes = first_seen(rows.iter().map(|r| &r.theme));
            let index = index_by(&rows, |r| (&r.stage, &r.theme));
            let find = |st: Stage, t: &String| index.get(&(st.key(), t.as_str())).copied();
            (!stages.is_empty()).then(|| Heatmap {
                name: format!("themes_{f}"),
                section: Section::Why,
                low_base: grid(&stages, &themes, &find, |r| r.is_some_and(|r| r.low_base)),
                cells: grid(&stages, &themes, &find, |r| r.map(|r| (r.share.unwrap_or(0.0), r.answers))),
                title: format!("Why: themes of the '{f}' answers — {}", s.period),
                subtitle: "Share of each stage's answers mentioning each theme (an answer can mention several)".into(),
                rows: stages.iter().map(|st| s.stage_label(st.key())).collect(),
                cols: themes,
                row_label: "Stage".into(),
                col_label: "Theme".into(),
                marks: Vec::new(),
                notes: vec!["n = answers given at that stage; (uncoded): no theme of the codebook matched — see uncoded_words.csv.".into()],
            }
            .capped())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::TouchpointRow;

    #[test]
    fn at_most_twelve_categories_and_short_labels() {
        let mut s = Summary::default();
        for i in 0..300 {
            let name = if i == 7 {
                "a channel named at great length ".repeat(5)
            } else {
                format!("channel {i}")
            };
            s.tables.touchpoints.push(TouchpointRow {
                segment: "all".into(),
                stage: "client".into(),
                channel: name,
                n: 100,
                share: Some(if i < 20 { 0.5 - i as f64 / 100.0 } else { 0.01 }),
                verdict: "no plan".into(),
                ..Default::default()
            });
        }
        let h = touchpoint_matrix(&s).unwrap();
        assert_eq!(h.cols.len(), MAX_CATEGORIES);
        assert_eq!(h.cols[11], "Other (289 more)");
        assert_eq!(h.cols[0], "channel 0", "the most used, in their order");
        assert!(h
            .cols
            .iter()
            .all(|c| c.chars().count() <= super::super::MAX_LABEL));
        assert!(h.cols[7].ends_with('…'), "{}", h.cols[7]);
        // 289 channels of 1% each: their mentions are summed, at most 100% drawn.
        assert_eq!(h.cells[0][11], Some((1.0, 100)));
        assert_eq!(h.cells[0].len(), 12);
        assert_eq!(h.marks[0].len(), 12);
        assert_eq!(h.low_base[0].len(), 12);
    }
}

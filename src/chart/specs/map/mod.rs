//! The journey map's spec: the whole journey on one page, each cell read from a table of the
//! run (pure, testable; `draw::map` draws it). Columns are the five stages in journey order;
//! between them the conversion figures; rows the NPS and champions, the largest significant
//! gaps, "concentrate here", the channels, awareness, the top "why" and the significant
//! changes since the previous period. Every cell carries the strength of its evidence.

mod cells;

use super::Section;
use crate::analysis::Summary;
use crate::stage::Stage;
#[cfg(test)]
use cells::signed;
use cells::{
    awareness_cell, by_base, change_cell, channels_cell, gaps_cell, head, ipa_cell, nps_cell, pct,
    why_cell,
};

/// How strong the evidence behind a cell is: what its shading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Evidence {
    /// A test of a table is significant (q under 1 − confidence) on an adequate base.
    Significant,
    /// An adequate base, but nothing in it is significant (or nothing is tested).
    Adequate,
    /// A base below the minimum: read with caution.
    LowBase,
    /// No table row: the cell says "no data".
    NoData,
}

impl Evidence {
    /// The legend's words.
    pub fn legend(self) -> &'static str {
        match self {
            Evidence::Significant => "significant, adequate base",
            Evidence::Adequate => "adequate base, not significant or untested",
            Evidence::LowBase => "low base (hatched): read with caution",
            Evidence::NoData => "no data",
        }
    }
}

/// One line of a cell: `text` may be shortened with "…" to fit, `tail` (a figure) never is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLine {
    pub text: String,
    pub tail: String,
}

impl MapLine {
    fn new(text: impl Into<String>, tail: impl Into<String>) -> MapLine {
        MapLine {
            text: text.into(),
            tail: tail.into(),
        }
    }

    fn plain(text: impl Into<String>) -> MapLine {
        MapLine::new(text, "")
    }

    /// The line as one text.
    pub fn whole(&self) -> String {
        format!("{}{}", self.text, self.tail)
    }
}

/// One cell: its lines and the strength of its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCell {
    pub lines: Vec<MapLine>,
    pub evidence: Evidence,
}

impl MapCell {
    fn no_data(why: &str) -> MapCell {
        let mut lines = vec![MapLine::plain("no data")];
        if !why.is_empty() {
            lines.push(MapLine::plain(why));
        }
        MapCell {
            lines,
            evidence: Evidence::NoData,
        }
    }

    fn of(lines: Vec<MapLine>, evidence: Evidence) -> MapCell {
        MapCell { lines, evidence }
    }
}

/// A stage's column head: its label, n and share.
#[derive(Debug, Clone, PartialEq)]
pub struct MapColumn {
    pub stage: Stage,
    pub label: String,
    pub head: MapCell,
}

/// A row of the map: its label and a cell per stage.
#[derive(Debug, Clone, PartialEq)]
pub struct MapRow {
    pub label: String,
    /// The table the row's cells are read from (for the notes and the tests).
    pub table: &'static str,
    pub cells: Vec<MapCell>,
}

/// The journey map.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyMap {
    pub name: String,
    pub section: Section,
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<MapColumn>,
    /// `gutters[i]`: the conversion figures between stage `i` and stage `i + 1` (each a cell
    /// of one line).
    pub gutters: Vec<Vec<MapCell>>,
    pub rows: Vec<MapRow>,
    pub notes: Vec<String>,
}

/// At most this many lines in a cell.
pub const MAX_LINES: usize = 3;

/// The journey map of the period, from its tables (segment `all`).
pub fn journey_map(s: &Summary) -> JourneyMap {
    let alpha = s.alpha();
    let all = |seg: &str| seg == "all";
    let columns: Vec<MapColumn> = Stage::ALL
        .iter()
        .map(|&st| MapColumn {
            stage: st,
            label: s.stage_label(st.key()),
            head: head(s, st),
        })
        .collect();
    let present: Vec<bool> = Stage::ALL
        .iter()
        .map(|st| {
            s.tables
                .stage_mix
                .iter()
                .any(|r| all(&r.segment) && r.stage == st.key() && r.n > 0)
        })
        .collect();
    let previous = s
        .tables
        .trends
        .iter()
        .filter(|t| t.period < s.period)
        .map(|t| t.period.as_str())
        .max();
    let since = match previous {
        Some(p) => format!("Change since {p}"),
        None => "Change since last period".into(),
    };
    let row = |label: &str, table: &'static str, f: &dyn Fn(Stage) -> MapCell| MapRow {
        label: label.into(),
        table,
        cells: Stage::ALL
            .iter()
            .zip(&present)
            .map(|(&st, &here)| {
                if here {
                    f(st)
                } else {
                    MapCell::no_data("nobody in this stage")
                }
            })
            .collect(),
    };
    let rows = vec![
        row("Recommend", "nps", &|st| nps_cell(s, st, alpha)),
        row("Largest gaps", "gaps", &|st| gaps_cell(s, st, alpha)),
        row("Concentrate here", "ipa", &|st| ipa_cell(s, st)),
        row(
            if s.channel_plan() {
                "Channels (plan)"
            } else {
                "Channels used"
            },
            "touchpoints",
            &|st| channels_cell(s, st),
        ),
        row("Awareness", "awareness_breadth", &|st| {
            awareness_cell(s, st)
        }),
        row("Why (top theme)", "themes", &|st| why_cell(s, st)),
        row(&since, "trends", &|st| change_cell(s, st, previous)),
    ];
    let base = s
        .tables
        .stage_mix
        .iter()
        .find(|r| all(&r.segment))
        .map(|r| r.base)
        .unwrap_or(0);
    let mut notes = vec![format!(
        "Shares with {:.0}% intervals; significant: q < {} (Benjamini–Hochberg). Recommend is dark where a stage's NPS differs from another's; champions: promoters (9–10).",
        s.confidence * 100.0,
        crate::report::plain_number(alpha)
    )];
    if !s.channel_plan() && !s.tables.touchpoints.is_empty() {
        notes.push("No channel plan in the config: where the firm is absent is not known.".into());
    }
    JourneyMap {
        name: "journey_map".into(),
        section: Section::Map,
        title: format!("The client journey — {}", s.period),
        subtitle: format!(
            "{base} classified respondents; every cell read from a table of this run and shaded by the strength of its evidence"
        ),
        columns,
        gutters: gutters(s),
        rows,
        notes,
    }
}

/// The conversion figures between the columns: the win rate and the not-now share after the
/// prospects, the betweener share of past clients after the clients, and, with a panel, the
/// share of each stage that moved to the next since the previous period.
fn gutters(s: &Summary) -> Vec<Vec<MapCell>> {
    let mut out = vec![Vec::new(); Stage::ALL.len() - 1];
    let conversion = |metric: &str, words: &str| {
        s.tables
            .conversion
            .iter()
            .find(|c| c.segment == "all" && c.metric == metric && c.denominator > 0)
            .and_then(|c| {
                // A win rate needs both won and lost buyers (PRODUCT §7).
                if metric == "win rate" && (c.numerator == 0 || c.numerator == c.denominator) {
                    return None;
                }
                let share = c.share?;
                let arrow = s
                    .tables
                    .trends
                    .iter()
                    .find(|t| {
                        t.period == s.period
                            && t.segment == "all"
                            && t.metric == metric
                            && t.significant
                    })
                    .map(|t| {
                        if t.change_vs_previous.unwrap_or(0.0) < 0.0 {
                            " ▼"
                        } else {
                            " ▲"
                        }
                    })
                    .unwrap_or("");
                let low = if c.low_base { " (low base)" } else { "" };
                Some(MapCell::of(
                    vec![MapLine::new(
                        format!("{words} "),
                        format!("{}{arrow}{low}", pct(share)),
                    )],
                    by_base(c.low_base),
                ))
            })
    };
    out[0].extend(conversion("win rate", "win rate"));
    out[0].extend(conversion("not-now share of prospects", "not now"));
    out[2].extend(conversion(
        "betweener share of past clients",
        "betweener share",
    ));
    for (i, pair) in Stage::ALL.windows(2).enumerate() {
        let moved = s.tables.transitions.iter().find(|t| {
            t.to_period == s.period
                && t.from_stage == pair[0].key()
                && t.to_stage == pair[1].key()
                && t.n > 0
        });
        if let (Some(t), Some(share)) = (moved, moved.and_then(|t| t.share_of_from)) {
            out[i].push(MapCell::of(
                vec![MapLine::new(
                    "moved → ",
                    format!("{} since {}", pct(share), t.from_period),
                )],
                Evidence::Adequate,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{GapRow, StageMixRow};

    fn summary() -> Summary {
        let mut s = Summary {
            period: "2026Q3".into(),
            confidence: 0.95,
            min_base: 30.0,
            ..Summary::default()
        };
        s.tables.stage_mix = vec![StageMixRow {
            segment: "all".into(),
            stage: "client".into(),
            n: 80,
            base: 80,
            share: Some(1.0),
            ci_low: Some(0.95),
            ci_high: Some(1.0),
            ..Default::default()
        }];
        s
    }

    /// Every cell says something: a stage nobody is in, and a table with no row, say
    /// "no data"; a significant gap is shown with its q, the largest first.
    #[test]
    fn no_cell_is_blank_and_gaps_are_the_largest_significant() {
        let mut s = summary();
        let gap = |attribute: &str, gap: f64, q: f64| GapRow {
            segment: "all".into(),
            stage: "client".into(),
            attribute: attribute.into(),
            n: 80,
            gap_mean: Some(gap),
            q_value: Some(q),
            ..Default::default()
        };
        s.tables.gaps = vec![
            gap("Fees", -0.4, 0.01),
            gap("Speed", 0.9, 0.0001),
            gap("Ideas", -1.5, 0.2),
            gap("Tact", -0.3, 0.04),
        ];
        let m = journey_map(&s);
        assert_eq!(m.columns.len(), 5);
        for row in &m.rows {
            assert_eq!(row.cells.len(), 5);
            for c in &row.cells {
                assert!(!c.lines.is_empty(), "{}", row.label);
                assert!(c.lines.len() <= MAX_LINES, "{}", row.label);
            }
        }
        let gaps = &m.rows[1].cells[Stage::Client.index()];
        assert_eq!(gaps.evidence, Evidence::Significant);
        let said: Vec<String> = gaps.lines.iter().map(MapLine::whole).collect();
        assert_eq!(
            said,
            ["Speed +0.90", "Fees −0.40", "q<0.001, q=0.010; 1 more"]
        );
        let prospect = &m.rows[1].cells[Stage::Prospect.index()];
        assert_eq!(prospect.evidence, Evidence::NoData);
        assert_eq!(prospect.lines[0].text, "no data");
        // Nothing from the trends without an earlier period.
        assert_eq!(
            m.rows[6].cells[Stage::Client.index()].evidence,
            Evidence::NoData
        );
        // Significance follows the report's confidence.
        s.confidence = 0.99;
        let m = journey_map(&s);
        let said: Vec<String> = m.rows[1].cells[Stage::Client.index()]
            .lines
            .iter()
            .map(MapLine::whole)
            .collect();
        assert_eq!(said, ["Speed +0.90", "q<0.001"]);
    }

    #[test]
    fn signed_figures_use_a_minus_and_never_minus_zero() {
        assert_eq!(signed(-0.004, 2), "0.00");
        assert_eq!(signed(-1.5, 2), "−1.50");
        assert_eq!(signed(12.4, 0), "+12");
    }
}

//! The journey map's spec: the whole journey on one page, each cell read from a table of the
//! run (pure, testable; `draw::map` draws it). Columns are the five stages in journey order;
//! between them the conversion figures; rows the NPS and champions, the largest significant
//! gaps, "concentrate here", the channels, awareness, the top "why" and the significant
//! changes since the previous period. Every cell carries the strength of its evidence.

use super::Section;
use crate::analysis::Summary;
use crate::stage::Stage;

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

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A signed figure with `decimals`, the minus a real minus sign, never `-0`.
fn signed(x: f64, decimals: usize) -> String {
    let s = format!("{x:+.decimals$}");
    let zero = s[1..].chars().all(|c| c == '0' || c == '.');
    if zero {
        s[1..].to_string()
    } else {
        s.replace('-', "−")
    }
}

/// `q < 0.001` or `q = 0.012`, short.
fn q_short(q: f64) -> String {
    if q < 0.001 {
        "q<0.001".into()
    } else {
        format!("q={q:.3}")
    }
}

/// The evidence of a figure that is not tested: its base.
fn by_base(low: bool) -> Evidence {
    if low {
        Evidence::LowBase
    } else {
        Evidence::Adequate
    }
}

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

/// A stage's head: n and share with its interval.
fn head(s: &Summary, st: Stage) -> MapCell {
    let Some(r) = s
        .tables
        .stage_mix
        .iter()
        .find(|r| r.segment == "all" && r.stage == st.key())
        .filter(|r| r.n > 0)
    else {
        return MapCell::of(vec![MapLine::plain("n = 0")], Evidence::NoData);
    };
    let share = match (r.share, r.ci_low, r.ci_high) {
        (Some(x), Some(lo), Some(hi)) => format!("{} ({}–{})", pct(x), pct(lo), pct(hi)),
        (Some(x), _, _) => pct(x),
        _ => String::new(),
    };
    let low = if r.low_base { ", low base" } else { "" };
    MapCell::of(
        vec![
            MapLine::plain(format!("n = {}{low}", r.n)),
            MapLine::plain(share),
        ],
        by_base(r.low_base),
    )
}

/// NPS with its interval and the champions' share; dark where the stage's NPS differs
/// significantly from another stage's (`comparisons`).
fn nps_cell(s: &Summary, st: Stage, alpha: f64) -> MapCell {
    let Some(r) = s
        .tables
        .nps
        .iter()
        .find(|r| r.segment == "all" && r.stage == st.key() && r.nps.is_some())
    else {
        return MapCell::no_data("no recommend question");
    };
    let nps = r.nps.unwrap_or(0.0);
    let mut lines = vec![MapLine::new(
        "NPS ",
        match (r.nps_ci_low, r.nps_ci_high) {
            (Some(lo), Some(hi)) => {
                format!(
                    "{} ({} to {})",
                    signed(nps, 0),
                    signed(lo, 0),
                    signed(hi, 0)
                )
            }
            _ => signed(nps, 0),
        },
    )];
    if let Some(p) = r.promoter_share {
        lines.push(MapLine::new("champions ", format!("{} of {}", pct(p), r.n)));
    }
    let differs = s.tables.comparisons.iter().any(|c| {
        c.segment == "all"
            && c.metric == "NPS"
            && (c.stage_a == st.key() || c.stage_b == st.key())
            && c.q_value.is_some_and(|q| q < alpha)
    });
    let evidence = if r.low_base {
        Evidence::LowBase
    } else if differs {
        Evidence::Significant
    } else {
        Evidence::Adequate
    };
    MapCell::of(lines, evidence)
}

/// The largest significant gaps (at most two), with q.
fn gaps_cell(s: &Summary, st: Stage, alpha: f64) -> MapCell {
    let rows: Vec<_> = s
        .tables
        .gaps
        .iter()
        .filter(|g| g.segment == "all" && g.stage == st.key() && g.gap_mean.is_some())
        .collect();
    if rows.is_empty() {
        return MapCell::no_data("no attributes rated");
    }
    let mut sig: Vec<_> = rows
        .iter()
        .filter(|g| g.q_value.is_some_and(|q| q < alpha))
        .collect();
    sig.sort_by(|a, b| {
        b.gap_mean
            .unwrap_or(0.0)
            .abs()
            .total_cmp(&a.gap_mean.unwrap_or(0.0).abs())
            .then(a.attribute.cmp(&b.attribute))
    });
    let low = rows.iter().any(|g| g.low_base);
    if sig.is_empty() {
        let tested = rows.iter().filter(|g| g.q_value.is_some()).count();
        return MapCell::of(
            vec![
                MapLine::plain("no significant gap"),
                MapLine::plain(format!("{tested} attribute(s) tested")),
            ],
            by_base(low),
        );
    }
    // The figures on their lines, their q-values on a third: a name keeps its room.
    let top: Vec<_> = sig.iter().take(2).collect();
    let mut lines: Vec<MapLine> = top
        .iter()
        .map(|g| {
            MapLine::new(
                g.attribute.clone(),
                format!(" {}", signed(g.gap_mean.unwrap_or(0.0), 2)),
            )
        })
        .collect();
    let qs: Vec<String> = top
        .iter()
        .map(|g| q_short(g.q_value.unwrap_or(1.0)))
        .collect();
    let more = if sig.len() > 2 {
        format!("; {} more", sig.len() - 2)
    } else {
        String::new()
    };
    lines.push(MapLine::new("", format!("{}{more}", qs.join(", "))));
    let low_sig = sig.iter().take(2).any(|g| g.low_base);
    MapCell::of(
        lines,
        if low_sig {
            Evidence::LowBase
        } else {
            Evidence::Significant
        },
    )
}

/// The attributes in the "concentrate here" quadrant, most important first.
fn ipa_cell(s: &Summary, st: Stage) -> MapCell {
    let rows: Vec<_> = s
        .tables
        .ipa
        .iter()
        .filter(|r| r.segment == "all" && r.stage == st.key())
        .collect();
    if rows.is_empty() {
        return MapCell::no_data("no importance ratings");
    }
    let mut here: Vec<_> = rows
        .iter()
        .filter(|r| r.quadrant == "concentrate here")
        .collect();
    here.sort_by(|a, b| {
        b.importance_mean
            .unwrap_or(0.0)
            .total_cmp(&a.importance_mean.unwrap_or(0.0))
            .then(a.attribute.cmp(&b.attribute))
    });
    let low = rows
        .iter()
        .any(|r| (r.n_importance.min(r.n_performance) as f64) < s.min_base);
    if here.is_empty() {
        return MapCell::of(vec![MapLine::plain("none in this quadrant")], by_base(low));
    }
    let mut lines: Vec<MapLine> = here
        .iter()
        .take(MAX_LINES)
        .map(|r| MapLine::plain(r.attribute.clone()))
        .collect();
    if here.len() > MAX_LINES {
        lines.truncate(MAX_LINES - 1);
        lines.push(MapLine::plain(format!(
            "and {} more",
            here.len() - (MAX_LINES - 1)
        )));
    }
    MapCell::of(lines, by_base(low))
}

/// The channels the stage uses most; with a plan, the largest gap against it.
fn channels_cell(s: &Summary, st: Stage) -> MapCell {
    let mut rows: Vec<_> = s
        .tables
        .touchpoints
        .iter()
        .filter(|r| r.segment == "all" && r.stage == st.key() && r.n > 0 && r.share.is_some())
        .filter(|r| !s.channel_alike_everywhere(&r.channel))
        .collect();
    if rows.is_empty() {
        return MapCell::no_data("no channel question");
    }
    rows.sort_by(|a, b| {
        b.share
            .unwrap_or(0.0)
            .total_cmp(&a.share.unwrap_or(0.0))
            .then(a.channel.cmp(&b.channel))
    });
    let plan = s.channel_plan();
    let mut lines: Vec<MapLine> = rows
        .iter()
        .take(2)
        .map(|r| {
            MapLine::new(
                r.channel.clone(),
                format!(" {}", pct(r.share.unwrap_or(0.0))),
            )
        })
        .collect();
    if plan {
        match rows.iter().find(|r| r.verdict == "gap") {
            Some(g) => lines.push(MapLine::new(
                format!("absent: {}", g.channel),
                format!(" {}", pct(g.share.unwrap_or(0.0))),
            )),
            None => lines.push(MapLine::plain("no gap against the plan")),
        }
    }
    MapCell::of(lines, by_base(rows[0].low_base))
}

/// Awareness breadth and the typecast rate.
fn awareness_cell(s: &Summary, st: Stage) -> MapCell {
    let Some(r) = s
        .tables
        .awareness_breadth
        .iter()
        .find(|r| r.segment == "all" && r.stage == st.key() && r.breadth_mean.is_some())
    else {
        return MapCell::no_data("no awareness question");
    };
    let mut lines = vec![MapLine::new(
        "knows ",
        format!("{} of services", pct(r.breadth_mean.unwrap_or(0.0))),
    )];
    if let Some(t) = r.typecast_rate {
        lines.push(MapLine::new(
            "typecast ",
            format!("{} of {}", pct(t), r.typecast_n),
        ));
    }
    MapCell::of(lines, by_base(r.low_base))
}

/// The most mentioned theme of "why".
fn why_cell(s: &Summary, st: Stage) -> MapCell {
    let mut best: Option<&crate::analysis::ThemeRow> = None;
    for r in s.tables.themes.iter().filter(|r| {
        r.segment == "all" && r.stage == st.key() && r.theme != "(uncoded)" && r.mentions > 0
    }) {
        if best.is_none_or(|b| r.share > b.share) {
            best = Some(r);
        }
    }
    let Some(r) = best else {
        return MapCell::no_data("no open answers coded");
    };
    MapCell::of(
        vec![
            MapLine::plain(r.theme.clone()),
            MapLine::new(
                "",
                format!("{} of {} answers", pct(r.share.unwrap_or(0.0)), r.answers),
            ),
        ],
        by_base(r.low_base),
    )
}

/// A trend's metric in a few words.
fn metric_words(t: &crate::analysis::TrendRow) -> String {
    match t.metric.as_str() {
        "mean gap" => format!("gap {}", t.attribute),
        "nps" => "NPS".into(),
        "stage share" => "share".into(),
        other => other.to_string(),
    }
}

/// The significant changes since the previous period (▲/▼), at most three.
fn change_cell(s: &Summary, st: Stage, previous: Option<&str>) -> MapCell {
    let rows: Vec<_> = s
        .tables
        .trends
        .iter()
        .filter(|t| {
            t.period == s.period
                && t.segment == "all"
                && t.stage == st.key()
                && t.change_vs_previous.is_some()
        })
        .collect();
    if rows.is_empty() || previous.is_none() {
        return MapCell::no_data("no earlier period");
    }
    let mut sig: Vec<_> = rows.iter().filter(|t| t.significant).collect();
    sig.sort_by(|a, b| {
        a.q_value
            .unwrap_or(1.0)
            .total_cmp(&b.q_value.unwrap_or(1.0))
            .then(a.metric.cmp(&b.metric))
            .then(a.attribute.cmp(&b.attribute))
    });
    if sig.is_empty() {
        return MapCell::of(
            vec![MapLine::plain("no significant change")],
            Evidence::Adequate,
        );
    }
    let lines = sig
        .iter()
        .take(MAX_LINES)
        .map(|t| {
            let d = t.change_vs_previous.unwrap_or(0.0);
            let arrow = if d < 0.0 { "▼ " } else { "▲ " };
            let figure = match t.metric.as_str() {
                "nps" => signed(d, 0),
                "stage share" | "typecast rate" | "awareness breadth" => {
                    format!("{} pts", signed(d * 100.0, 0))
                }
                _ => signed(d, 2),
            };
            MapLine::new(format!("{arrow}{}", metric_words(t)), format!(" {figure}"))
        })
        .collect();
    let low = sig
        .iter()
        .take(MAX_LINES)
        .any(|t| (t.n as f64) < s.min_base);
    MapCell::of(
        lines,
        if low {
            Evidence::LowBase
        } else {
            Evidence::Significant
        },
    )
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

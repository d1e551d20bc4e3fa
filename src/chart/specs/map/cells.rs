//! Each row's cell of a stage, read from its table (segment `all`), and the figures' words.

use super::{Evidence, MapCell, MapLine, MAX_LINES};
use crate::analysis::Summary;
use crate::stage::Stage;

pub(super) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A signed figure with `decimals`, the minus a real minus sign, never `-0`.
pub(super) fn signed(x: f64, decimals: usize) -> String {
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
pub(super) fn by_base(low: bool) -> Evidence {
    if low {
        Evidence::LowBase
    } else {
        Evidence::Adequate
    }
}

/// A stage's head: n and share with its interval.
pub(super) fn head(s: &Summary, st: Stage) -> MapCell {
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
pub(super) fn nps_cell(s: &Summary, st: Stage, alpha: f64) -> MapCell {
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
pub(super) fn gaps_cell(s: &Summary, st: Stage, alpha: f64) -> MapCell {
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
pub(super) fn ipa_cell(s: &Summary, st: Stage) -> MapCell {
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
pub(super) fn channels_cell(s: &Summary, st: Stage) -> MapCell {
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
pub(super) fn awareness_cell(s: &Summary, st: Stage) -> MapCell {
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
pub(super) fn why_cell(s: &Summary, st: Stage) -> MapCell {
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
pub(super) fn change_cell(s: &Summary, st: Stage, previous: Option<&str>) -> MapCell {
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

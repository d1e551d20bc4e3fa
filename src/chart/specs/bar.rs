//! Bar chart specs built from the Summary: stage mix, gaps per stage, NPS by stage.

use super::Section;
use crate::analysis::Summary;
use crate::stage::Stage;

/// How values are printed beside the bars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueFormat {
    /// 0..=1 shown as `42%`.
    Percent,
    /// Signed with two decimals: `-1.25`.
    Signed2,
    /// Signed whole number: `+35`.
    SignedInt,
}

impl ValueFormat {
    pub fn show(self, x: f64) -> String {
        match self {
            ValueFormat::Percent => format!("{:.0}%", x * 100.0),
            ValueFormat::Signed2 => format!("{x:+.2}"),
            ValueFormat::SignedInt => format!("{x:+.0}"),
        }
    }
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub ci: Option<(f64, f64)>,
    pub rgb: (u8, u8, u8),
    pub low_base: bool,
    pub n: u64,
    /// Marks a significant estimate (`*` when q < 0.05).
    pub significant: bool,
}

/// A horizontal bar chart with interval whiskers.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// File name without extension, under `charts/`.
    pub name: String,
    /// The report section it is shown in.
    pub section: Section,
    pub title: String,
    pub subtitle: String,
    pub x_label: String,
    pub x_range: (f64, f64),
    pub format: ValueFormat,
    pub bars: Vec<Bar>,
    /// Notes printed under the plot (low base, significance marks).
    pub notes: Vec<String>,
}

fn rounded_range(lo: f64, hi: f64, step: f64) -> (f64, f64) {
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

fn low_base_note(bars: &[Bar], min_base: f64) -> Option<String> {
    bars.iter()
        .any(|b| b.low_base)
        .then(|| format!("Faded, hatched bars: base below {min_base:.0} — read with caution."))
}

/// Every chart of the period, in file-name order of drawing. A study of one stage has no mix
/// to show: one bar at 100% is left off.
pub fn charts(s: &Summary) -> Vec<BarChart> {
    let stages = s
        .tables
        .stage_mix
        .iter()
        .filter(|r| r.segment == "all" && r.n > 0)
        .count();
    let mut out: Vec<BarChart> = (stages > 1).then(|| stage_mix(s)).into_iter().collect();
    out.extend(Stage::ALL.iter().filter_map(|&st| gaps(s, st)));
    if let Some(c) = nps(s) {
        out.push(c);
    }
    out
}

fn stage_rgb(st: &str) -> (u8, u8, u8) {
    Stage::from_key(st)
        .map(Stage::rgb)
        .unwrap_or((120, 120, 120))
}

/// Share of respondents in each stage, Wilson intervals.
pub fn stage_mix(s: &Summary) -> BarChart {
    let all: Vec<_> = s
        .tables
        .stage_mix
        .iter()
        .filter(|r| r.segment == "all")
        .collect();
    let base = all.first().map(|r| r.base).unwrap_or(0);
    // Stages nobody is in stay in the table, not on the slide.
    let rows: Vec<_> = all.into_iter().filter(|r| r.n > 0).collect();
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            label: r.label.clone(),
            value: r.share.unwrap_or(0.0),
            ci: r.ci_low.zip(r.ci_high),
            rgb: stage_rgb(&r.stage),
            low_base: r.low_base,
            n: r.n,
            significant: false,
        })
        .collect();
    let hi = bars
        .iter()
        .map(|b| b.ci.map_or(b.value, |c| c.1))
        .fold(0.0, f64::max);
    let notes = low_base_note(&bars, s.min_base).into_iter().collect();
    BarChart {
        name: "stage_mix".into(),
        section: Section::Journey,
        title: format!("Where respondents are in the client journey — {}", s.period),
        subtitle: format!(
            "Share of {base} classified respondents by stage, with {:.0}% Wilson intervals",
            s.confidence * 100.0
        ),
        x_label: "Share of respondents (%)".into(),
        x_range: (
            0.0,
            rounded_range(0.0, (hi * 1.15).min(1.0), 0.1).1.max(0.1),
        ),
        format: ValueFormat::Percent,
        bars,
        notes,
    }
}

/// Mean gap (experience − expectation) per attribute for one stage, sorted from most negative.
pub fn gaps(s: &Summary, st: Stage) -> Option<BarChart> {
    let mut rows: Vec<_> = s
        .tables
        .gaps
        .iter()
        .filter(|r| r.segment == "all" && r.stage == st.key() && r.gap_mean.is_some())
        .collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| {
        a.gap_mean
            .unwrap_or(0.0)
            .total_cmp(&b.gap_mean.unwrap_or(0.0))
            .then(a.attribute.cmp(&b.attribute))
    });
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            label: super::short(&r.attribute),
            value: r.gap_mean.unwrap_or(0.0),
            ci: r.gap_ci_low.zip(r.gap_ci_high),
            rgb: st.rgb(),
            low_base: r.low_base,
            n: r.n,
            significant: r.q_value.is_some_and(|q| q < 0.05),
        })
        .collect();
    let lo = bars
        .iter()
        .map(|b| b.ci.map_or(b.value, |c| c.0))
        .fold(0.0, f64::min);
    let hi = bars
        .iter()
        .map(|b| b.ci.map_or(b.value, |c| c.1))
        .fold(0.0, f64::max);
    let pad = ((hi - lo) * 0.12).max(0.1);
    let mut notes = vec![
        format!(
            "Bars: mean of experience − expectation; whiskers: {:.0}% t intervals; * = q < 0.05 (Benjamini–Hochberg).",
            s.confidence * 100.0
        ),
        "n: respondents who rated both the expectation and the experience of the attribute.".into(),
    ];
    notes.extend(low_base_note(&bars, s.min_base));
    Some(BarChart {
        name: format!("gaps_{}", st.key()),
        section: Section::Gaps,
        title: format!(
            "{}: experience against expectation — {}",
            s.stage_label(st.key()),
            s.period
        ),
        subtitle: "Below zero: the firm falls short of what these buyers expect".into(),
        x_label: "Mean gap, experience − expectation (scale points)".into(),
        x_range: rounded_range(lo - pad, hi + pad, 0.5),
        format: ValueFormat::Signed2,
        bars,
        notes,
    })
}

/// NPS by stage with adjusted-Wald intervals, its subtitle naming the question read.
pub fn nps(s: &Summary) -> Option<BarChart> {
    let rows: Vec<_> = s
        .tables
        .nps
        .iter()
        .filter(|r| r.segment == "all" && r.nps.is_some())
        .collect();
    if rows.is_empty() {
        return None;
    }
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            label: s.stage_label(&r.stage),
            value: r.nps.unwrap_or(0.0),
            ci: r.nps_ci_low.zip(r.nps_ci_high),
            rgb: stage_rgb(&r.stage),
            low_base: r.low_base,
            n: r.n,
            significant: false,
        })
        .collect();
    let mut notes = vec!["NPS = % promoters (9–10) − % detractors (0–6).".to_string()];
    notes.extend(low_base_note(&bars, s.min_base));
    Some(BarChart {
        name: "nps_by_stage".into(),
        section: Section::Advocacy,
        title: format!("Net Promoter Score by stage — {}", s.period),
        subtitle: match s.recommend_questions.first() {
            Some(q) => {
                let q = super::short_to(&q.split_whitespace().collect::<Vec<_>>().join(" "), 70);
                format!(
                    "“{q}” — with {:.0}% adjusted-Wald intervals",
                    s.confidence * 100.0
                )
            }
            None => format!("With {:.0}% adjusted-Wald intervals", s.confidence * 100.0),
        },
        x_label: "NPS (−100 to +100)".into(),
        x_range: (-100.0, 100.0),
        format: ValueFormat::SignedInt,
        bars,
        notes,
    })
}

/// Drivers over everyone classified when no attribute has stated importance: each attribute's
/// relative-weight share of R² in likelihood to recommend, largest first (Pearson r with its
/// interval when there are too few complete answers for weights).
pub fn drivers(s: &Summary) -> Option<BarChart> {
    let (rows, shares) = super::scatter::derived(s);
    let mut bars: Vec<Bar> = rows
        .iter()
        .map(|d| Bar {
            label: super::short(&d.row.attribute),
            value: d.value,
            // Relative weights have no interval; r has its Fisher-z one.
            ci: (!shares).then(|| d.row.ci_low.zip(d.row.ci_high)).flatten(),
            rgb: (60, 60, 60),
            low_base: d.low_base,
            n: d.n,
            significant: false,
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    bars.sort_by(|a, b| b.value.total_cmp(&a.value));
    let mut notes = Vec::new();
    let (subtitle, x_label, x_range, format) = if shares {
        let r2 = rows.iter().find_map(|d| d.row.r_squared).unwrap_or(0.0);
        notes.push(format!(
            "Relative weights (Johnson 2000) of every attribute's experience rating together, over the {} respondents who rated all of them and recommend; they sum to R² = {r2:.2}.",
            rows[0].n
        ));
        (
            format!("Each attribute's share of what the experience ratings explain of likelihood to recommend (R² = {r2:.2})"),
            "Share of R² (%)",
            (0.0, rounded_range(0.0, bars[0].value, 0.1).1.max(0.1)),
            ValueFormat::Percent,
        )
    } else {
        notes.push("Too few respondents rated every attribute for relative weights: Pearson r of each attribute's experience rating with likelihood to recommend.".into());
        let lo = bars
            .iter()
            .filter_map(|b| b.ci.map(|c| c.0))
            .fold(0.0, f64::min);
        (
            format!(
                "Correlation with likelihood to recommend, {:.0}% Fisher-z intervals",
                s.confidence * 100.0
            ),
            "Pearson r",
            (rounded_range(lo, 1.0, 0.5).0, 1.0),
            ValueFormat::Signed2,
        )
    };
    notes.extend(low_base_note(&bars, s.min_base));
    Some(BarChart {
        name: "drivers".into(),
        section: Section::Advocacy,
        title: format!("What drives recommendation — {}", s.period),
        subtitle,
        x_label: x_label.into(),
        x_range,
        format,
        bars,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{GapRow, StageMixRow, TouchpointRow};

    fn summary() -> Summary {
        let mix = |stage: &str, n: u64| StageMixRow {
            period: "2026Q1".into(),
            segment: "all".into(),
            stage: stage.into(),
            n,
            base: 100,
            share: Some(n as f64 / 100.0),
            label: stage.into(),
            ..Default::default()
        };
        let gap = |attr: &str, g: f64, q: f64| GapRow {
            segment: "all".into(),
            stage: "client".into(),
            attribute: attr.into(),
            n: 40,
            gap_mean: Some(g),
            gap_ci_low: Some(g - 0.2),
            gap_ci_high: Some(g + 0.2),
            q_value: Some(q),
            ..Default::default()
        };
        let tp = |stage: &str, channel: &str, share: f64, verdict: &str| TouchpointRow {
            segment: "all".into(),
            stage: stage.into(),
            channel: channel.into(),
            n: 50,
            share: Some(share),
            verdict: verdict.into(),
            ..Default::default()
        };
        Summary {
            period: "2026Q1".into(),
            confidence: 0.95,
            min_base: 30.0,
            tables: crate::analysis::Tables {
                stage_mix: vec![mix("prospect", 0), mix("client", 70), mix("former", 30)],
                gaps: vec![
                    gap("Speed", 0.1, 0.5),
                    gap("Expertise", -1.2, 0.001),
                    gap("Value", -0.4, 0.2),
                ],
                touchpoints: vec![
                    tp("prospect", "Events", 0.5, "gap"),
                    tp("prospect", "LinkedIn", 0.3, "covered"),
                ],
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn stage_mix_leaves_empty_stages_off_the_slide() {
        let c = stage_mix(&summary());
        assert_eq!(
            c.bars.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
            vec!["client", "former"]
        );
        assert_eq!(
            c.bars[0].rgb,
            Stage::Client.rgb(),
            "stages keep their colour"
        );
        assert!(c.subtitle.contains("100 classified"));
    }

    #[test]
    fn gaps_are_sorted_most_negative_first_and_significance_marked() {
        let c = gaps(&summary(), Stage::Client).unwrap();
        let order: Vec<&str> = c.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(order, vec!["Expertise", "Value", "Speed"]);
        assert_eq!(
            c.bars.iter().map(|b| b.significant).collect::<Vec<_>>(),
            vec![true, false, false]
        );
        assert!(
            c.x_range.0 <= -1.4 && c.x_range.1 >= 0.3,
            "whiskers fit: {:?}",
            c.x_range
        );
        assert!(
            gaps(&summary(), Stage::Former).is_none(),
            "no chart for a stage without gaps"
        );
    }

    #[test]
    fn touchpoint_matrix_marks_gaps_and_presence() {
        let m = crate::chart::specs::heatmap::touchpoint_matrix(&summary()).unwrap();
        assert_eq!(m.cols, vec!["Events", "LinkedIn"]);
        use crate::chart::specs::CellMark;
        assert_eq!(m.marks, vec![vec![CellMark::Gap, CellMark::Present]]);
        assert_eq!(m.cells[0][0], Some((0.5, 50)));
    }
}

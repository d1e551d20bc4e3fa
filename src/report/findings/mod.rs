//! Key findings written out in plain sentences from the numbers, section by section (pure:
//! Summary in, text out). Every sentence carries its base and, where there is a test, its q.

use std::collections::BTreeMap;

use crate::analysis::Summary;
use crate::chart::{DrawnChart, Section as ChartSection};
use crate::stage::Stage;

mod journey;
use journey::{conversion, stage_mix};

/// One section of the report: a heading, its charts and its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub charts: Vec<String>,
    pub findings: Vec<String>,
}

/// A stage's label (the config's words), marked as data for the renderers.
fn label(s: &Summary, st: &str) -> String {
    d(&s.stage_label(st))
}

/// A text from the exports or the config inside a sentence: escaped by each renderer
/// ([`crate::escape::data`]).
fn d(text: &str) -> String {
    crate::escape::data(text)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// `q < 0.001` or `q = 0.012`.
pub fn q_text(name: &str, q: f64) -> String {
    if q < 0.001 {
        format!("{name} < 0.001")
    } else {
        format!("{name} = {q:.3}")
    }
}

/// The warning a figure on a low base carries inside its brackets.
fn caution(low: bool) -> &'static str {
    if low {
        "; a low base: read with caution"
    } else {
        ""
    }
}

/// The base of a figure in a sentence, with the warning when it is low.
fn base(n: impl std::fmt::Display, low: bool) -> String {
    if low {
        format!("n = {n}, a low base: read with caution")
    } else {
        format!("n = {n}")
    }
}

/// `s` with its first letter in lower case, for a label inside a sentence.
fn lower_first(s: &str) -> String {
    if let Some(rest) = s.strip_prefix('\u{E000}') {
        return format!("\u{E000}{}", lower_first(rest));
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn gaps(s: &Summary) -> Vec<String> {
    let alpha = s.alpha();
    let mut sig: Vec<_> = s
        .tables
        .gaps
        .iter()
        .filter(|g| {
            g.segment == "all" && g.q_value.is_some_and(|q| q < alpha) && g.gap_mean.is_some()
        })
        .collect();
    sig.sort_by(|a, b| {
        a.gap_mean
            .unwrap_or(0.0)
            .abs()
            .total_cmp(&b.gap_mean.unwrap_or(0.0).abs())
            .reverse()
            .then(a.stage.cmp(&b.stage))
    });
    if sig.is_empty() {
        // Only a table of gaps can say that none is significant.
        let tested = s
            .tables
            .gaps
            .iter()
            .any(|g| g.segment == "all" && g.q_value.is_some());
        return if tested {
            vec![format!(
                "No gap between expectation and experience is significant (q < {}).",
                crate::report::plain_number(alpha)
            )]
        } else {
            Vec::new()
        };
    }
    sig.iter()
        .take(5)
        .map(|g| {
            let gap = g.gap_mean.unwrap_or(0.0);
            let side = if gap < 0.0 { "below" } else { "above" };
            format!(
                "{} rate *{}* {:.2} points {side} its importance ({}, {}).",
                label(s, &g.stage),
                d(&g.attribute),
                gap.abs(),
                q_text("q", g.q_value.unwrap_or(1.0)),
                base(g.n, g.low_base)
            )
        })
        .collect()
}

fn nps(s: &Summary) -> Vec<String> {
    let rows: Vec<_> = s
        .tables
        .nps
        .iter()
        .filter(|r| r.segment == "all" && r.nps.is_some())
        .collect();
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| {
            let low = caution(r.low_base);
            format!(
                "{}: NPS {:+.0} ({} promoters, {} detractors of {}{low}).",
                label(s, &r.stage),
                r.nps.unwrap_or(0.0),
                r.promoters,
                r.detractors,
                r.n
            )
        })
        .collect();
    if !rows.is_empty() {
        if let Some(q) = s.recommend_questions.first() {
            out.insert(
                0,
                format!(
                    "Likelihood to recommend read from “{}”.",
                    d(&short_question(q))
                ),
            );
        }
        if !s.other_recommend_questions.is_empty() {
            let others: Vec<String> = s
                .other_recommend_questions
                .iter()
                .map(|q| format!("“{}”", d(&short_question(q))))
                .collect();
            out.push(format!(
                "Also asked, not read for NPS: {} (list it under [fields.recommend] headers to read it instead).",
                others.join(", ")
            ));
        }
    }
    // The stage differences are tested in `comparisons`, with q-values over that table.
    let alpha = s.alpha();
    for c in
        s.tables.comparisons.iter().filter(|c| {
            c.segment == "all" && c.metric == "NPS" && c.q_value.is_some_and(|q| q < alpha)
        })
    {
        out.push(format!(
            "{}' NPS differs from {}' by {:+.0} points ({}).",
            label(s, &c.stage_a),
            lower_first(&label(s, &c.stage_b)),
            c.difference.unwrap_or(0.0),
            q_text("q", c.q_value.unwrap_or(1.0))
        ));
    }
    out
}

/// The key driver of recommending, when the relative weights are defined over everyone
/// classified: the attribute with the largest share of R², beside the next (no test says the
/// two differ, so the reader sees how close they are), with the base.
fn drivers(s: &Summary) -> Vec<String> {
    let mut rows: Vec<_> = s
        .tables
        .drivers
        .iter()
        .filter(|r| r.segment == "all" && r.stage == "all" && r.relative_weight_share.is_some())
        .collect();
    rows.sort_by(|a, b| {
        b.relative_weight_share
            .unwrap_or(0.0)
            .total_cmp(&a.relative_weight_share.unwrap_or(0.0))
    });
    let (Some(top), Some(next)) = (rows.first(), rows.get(1)) else {
        return Vec::new();
    };
    let low = (top.n_complete as f64) < s.min_base;
    vec![format!(
        "*{}* has the largest share of what the {} experience ratings explain of likelihood to recommend: {} (next, *{}*: {}; R² = {:.2}; Johnson's relative weights; {} who rated them all).",
        d(&top.attribute),
        rows.len(),
        pct(top.relative_weight_share.unwrap_or(0.0)),
        d(&next.attribute),
        pct(next.relative_weight_share.unwrap_or(0.0)),
        top.r_squared.unwrap_or(0.0),
        base(top.n_complete, low)
    )]
}

fn awareness(s: &Summary) -> Vec<String> {
    let mut out = Vec::new();
    for r in s
        .tables
        .awareness_breadth
        .iter()
        .filter(|r| r.segment == "all")
    {
        if let Some(rate) = r.typecast_rate {
            out.push(format!(
                "{} of {} know no service beyond those they bought ({}).",
                pct(rate),
                label(s, &r.stage).to_lowercase(),
                base(r.typecast_n, r.low_base)
            ));
        }
    }
    let few: Vec<_> = s
        .tables
        .awareness
        .iter()
        .filter(|r| {
            r.segment == "all" && r.stage == Stage::Client.key() && r.share.is_some_and(|x| x < 0.5)
        })
        .collect();
    for r in few.iter().take(3) {
        out.push(format!(
            "Only {} of clients know the firm offers *{}* ({}).",
            pct(r.share.unwrap_or(0.0)),
            d(&r.service),
            base(r.n, r.low_base)
        ));
    }
    out
}

/// A question on one line, cut to at most 80 characters at a word.
fn short_question(q: &str) -> String {
    crate::chart::specs::short_to(&q.split_whitespace().collect::<Vec<_>>().join(" "), 80)
}

/// Without a channel plan: the channels each stage uses most, and that the plan is missing.
fn channels_without_plan(s: &Summary) -> Vec<String> {
    let mut out = Vec::new();
    for st in crate::stage::Stage::ALL {
        let mut rows: Vec<_> = s
            .tables
            .touchpoints
            .iter()
            .filter(|r| r.segment == "all" && r.stage == st.key() && r.n > 0)
            .filter(|r| !s.channel_alike_everywhere(&r.channel))
            .collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by(|a, b| {
            b.share
                .partial_cmp(&a.share)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let top: Vec<String> = rows
            .iter()
            .take(2)
            .map(|r| format!("*{}* ({})", d(&r.channel), pct(r.share.unwrap_or(0.0))))
            .collect();
        out.push(format!(
            "{} use most {} (n = {}{}).",
            label(s, st.key()),
            top.join(" and "),
            rows[0].n,
            caution(rows[0].low_base)
        ));
    }
    if !out.is_empty() {
        out.push("The config has no channel plan, so where the firm is present — and where it is absent — is not known: add `[channels.plan.<stage>]` (or answer `journeygap init`'s question).".into());
    }
    out
}

fn touchpoints(s: &Summary) -> Vec<String> {
    if !s.channel_plan() {
        return channels_without_plan(s);
    }
    // A channel every respondent of every stage named: no gap from it.
    let alike = |channel: &str| s.channel_alike_everywhere(channel);
    let mut out: Vec<String> = s
        .tables
        .touchpoints
        .iter()
        .filter(|r| r.segment == "all" && r.verdict == "gap" && !alike(&r.channel))
        .map(|r| {
            let low = caution(r.low_base);
            format!(
                "{} use *{}* ({} of {}{low}) where the firm is absent.",
                label(s, &r.stage),
                d(&r.channel),
                pct(r.share.unwrap_or(0.0)),
                r.n
            )
        })
        .collect();
    out.extend(
        s.tables
            .touchpoints
            .iter()
            .filter(|r| {
                r.segment == "all"
                    && r.verdict == "possible waste"
                    && r.firm_spend_share.is_some_and(|x| x >= 0.2)
            })
            .map(|r| {
                format!(
                    "The firm puts {} of its {} spend on *{}*, which {} of them use.",
                    pct(r.firm_spend_share.unwrap_or(0.0)),
                    r.stage,
                    d(&r.channel),
                    pct(r.share.unwrap_or(0.0))
                )
            }),
    );
    out
}

fn why(s: &Summary) -> Vec<String> {
    let mut best: BTreeMap<&str, &crate::analysis::ThemeRow> = BTreeMap::new();
    for r in s
        .tables
        .themes
        .iter()
        .filter(|r| r.segment == "all" && r.theme != "(uncoded)")
    {
        let e = best.entry(r.stage.as_str()).or_insert(r);
        if r.share > e.share {
            *e = r;
        }
    }
    Stage::ALL
        .iter()
        .filter_map(|st| best.get(st.key()))
        .filter(|r| r.mentions > 0)
        .map(|r| {
            let low = caution(r.low_base);
            format!(
                "{} most often mention *{}* ({} of {} answers{low}).",
                label(s, &r.stage),
                d(&r.theme),
                pct(r.share.unwrap_or(0.0)),
                r.answers
            )
        })
        .collect()
}

fn trends(s: &Summary) -> Vec<String> {
    s.tables
        .trends
        .iter()
        .filter(|t| t.period == s.period && t.segment == "all" && t.significant)
        .take(5)
        .map(|t| {
            let what = if t.attribute.is_empty() {
                t.metric.clone()
            } else {
                format!("{} ({})", t.metric, d(&t.attribute))
            };
            let who = if t.stage.is_empty() {
                String::new()
            } else {
                format!("{}: ", label(s, &t.stage))
            };
            format!(
                "{who}{what} changed by {:+.2} since the previous period ({}).",
                t.change_vs_previous.unwrap_or(0.0),
                q_text("q", t.q_value.unwrap_or(1.0))
            )
        })
        .collect()
}

fn transitions(s: &Summary) -> Vec<String> {
    s.tables
        .transitions
        .iter()
        .filter(|t| t.to_period == s.period && t.from_stage == "client" && t.to_stage != "client")
        .map(|t| {
            let became = match Stage::from_key(&t.to_stage) {
                Some(st) => format!("were {}", label(s, st.key()).to_lowercase()),
                None => "did not answer again".into(),
            };
            format!(
                "{} of clients in {} {became} in {} (n = {}).",
                pct(t.share_of_from.unwrap_or(0.0)),
                t.from_period,
                t.to_period,
                t.n
            )
        })
        .collect()
}

/// What the map is read from, under it.
fn map_lines() -> Vec<String> {
    vec!["Each cell is read from a table of this run (stage_mix, conversion, transitions, nps, gaps, ipa, touchpoints, awareness_breadth, themes, trends) and shaded by the strength of its evidence: significant on an adequate base, an adequate base, a low base (hatched), or no data. The sections below say each finding in full.".into()]
}

/// The report's sections, with the charts drawn for the period.
pub fn sections(s: &Summary, charts: &[DrawnChart]) -> Vec<Section> {
    // Each section shows the charts that name it, in drawing order.
    let sec = |title: &str, section: Option<ChartSection>, findings: Vec<String>| Section {
        title: title.into(),
        charts: charts
            .iter()
            .filter(|c| Some(c.section) == section)
            .map(|c| c.name.clone())
            .collect(),
        findings,
    };
    let mut out = vec![
        sec(
            "The journey on one page",
            Some(ChartSection::Map),
            map_lines(),
        ),
        sec(
            "Where respondents are in the journey",
            Some(ChartSection::Journey),
            stage_mix(s),
        ),
        sec("From prospect to client", None, conversion(s)),
        sec(
            "Where expectations and experience diverge",
            Some(ChartSection::Gaps),
            gaps(s),
        ),
        sec(
            "Who recommends the firm",
            Some(ChartSection::Advocacy),
            [nps(s), drivers(s)].concat(),
        ),
        sec(
            "What clients know of the firm's services",
            Some(ChartSection::Awareness),
            awareness(s),
        ),
        sec(
            "Where buyers look",
            Some(ChartSection::Touchpoints),
            touchpoints(s),
        ),
        sec("Why", Some(ChartSection::Why), why(s)),
    ];
    if !s.tables.trends.is_empty() {
        out.push(sec(
            "Against earlier quarters",
            Some(ChartSection::History),
            [trends(s), transitions(s)].concat(),
        ));
    }
    out.retain(|x| !x.findings.is_empty() || !x.charts.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: "Win rate: 100%" came from a study with no got-away, and "No gap … is
    /// significant" from one with no attributes.
    #[test]
    fn no_win_rate_without_losses_and_no_gap_sentence_without_gaps() {
        use crate::analysis::ConversionRow;
        let win = |numerator, denominator| ConversionRow {
            segment: "all".into(),
            metric: "win rate".into(),
            numerator,
            denominator,
            share: Some(numerator as f64 / denominator as f64),
            ..Default::default()
        };
        let mut s = Summary::default();
        s.tables.conversion = vec![win(40, 40)];
        assert!(conversion(&s).is_empty(), "{:?}", conversion(&s));
        s.tables.conversion = vec![win(30, 40)];
        assert_eq!(conversion(&s).len(), 1);
        assert!(gaps(&s).is_empty(), "no attributes, no sentence");
    }

    /// An unconfirmed default that placed some rows is said beside the stage mix, not instead
    /// of it; rows no rule placed are said beside the shares and the rates they are missing
    /// from.
    #[test]
    fn a_partial_default_and_unclassified_rows_are_said_beside_the_stage_mix() {
        use crate::analysis::{ConversionRow, DataQualityRow, StageMixRow};
        let mix = |stage: &str, label: &str, n: u64| StageMixRow {
            segment: "all".into(),
            stage: stage.into(),
            label: label.into(),
            n,
            base: 80,
            share: Some(n as f64 / 80.0),
            ..Default::default()
        };
        let mut s = Summary::default();
        s.tables.stage_mix = vec![
            mix("client", "Clients", 60),
            mix("prospect", "Prospects", 20),
        ];
        s.assumed_default = Some(("client".into(), 30));
        let lines = stage_mix(&s);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].contains("*taken as*"), "{lines:?}");
        assert!(lines[1].contains("largest group"), "{lines:?}");
        s.tables.data_quality = vec![DataQualityRow {
            rows_unclassified: 34,
            ..Default::default()
        }];
        let lines = stage_mix(&s);
        assert!(
            lines
                .last()
                .unwrap()
                .starts_with("34 more row(s) matched no stage rule"),
            "{lines:?}"
        );
        s.tables.conversion = vec![ConversionRow {
            segment: "all".into(),
            metric: "betweener share of past clients".into(),
            numerator: 0,
            denominator: 18,
            share: Some(0.0),
            ..Default::default()
        }];
        let rates = conversion(&s);
        assert_eq!(rates.len(), 2, "{rates:?}");
        assert!(rates[1].contains("leave out the 34 row(s)"), "{rates:?}");
    }

    /// Regression: "Clients use *anonymous* where the firm is absent" came from a metadata
    /// column every respondent answered alike.
    #[test]
    fn no_channel_gap_from_a_column_everyone_answered_alike() {
        use crate::analysis::TouchpointRow;
        let row = |stage: &str, channel: &str, share: f64| TouchpointRow {
            segment: "all".into(),
            stage: stage.into(),
            channel: channel.into(),
            n: 50,
            share: Some(share),
            verdict: "gap".into(),
            ..Default::default()
        };
        let mut s = Summary::default();
        s.tables.touchpoints = vec![
            row("client", "anonymous", 1.0),
            row("prospect", "anonymous", 1.0),
            row("client", "LinkedIn", 0.4),
        ];
        let said = touchpoints(&s);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("LinkedIn"));
        // A channel all clients use but not all prospects is a finding.
        s.tables.touchpoints[1].share = Some(0.5);
        assert_eq!(touchpoints(&s).len(), 3);
        // Without a plan: no "absent" sentence, the channels used most, and the plan missing.
        for r in &mut s.tables.touchpoints {
            r.verdict = "no plan".into();
        }
        let said = touchpoints(&s);
        assert!(
            said.iter()
                .all(|l| !l.contains("absent") || l.contains("not known")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|l| l.contains("no channel plan")),
            "{said:?}"
        );
        assert!(
            said[0].contains("anonymous") && said[0].contains("50%"),
            "{said:?}"
        );
    }

    /// A study of one stage reads naturally: one sentence, no stage mix chart, and a low base
    /// is said in the sentence that rests on it.
    #[test]
    fn one_stage_study_and_low_bases_are_said() {
        use crate::analysis::{GapRow, StageMixRow};
        let mut s = Summary {
            confidence: 0.95,
            ..Summary::default()
        };
        s.tables.stage_mix = vec![StageMixRow {
            segment: "all".into(),
            stage: "client".into(),
            label: "Clients".into(),
            n: 12,
            base: 12,
            share: Some(1.0),
            low_base: true,
            ..Default::default()
        }];
        let plain = |lines: Vec<String>| -> Vec<String> {
            lines.iter().map(|l| crate::escape::plain_line(l)).collect()
        };
        let said = plain(stage_mix(&s));
        assert_eq!(said.len(), 1);
        assert!(
            said[0].starts_with("All 12 classified respondents are clients"),
            "{said:?}"
        );
        assert!(
            crate::chart::specs::bar::charts(&s).is_empty(),
            "no one-bar stage mix"
        );
        s.tables.gaps = vec![GapRow {
            segment: "all".into(),
            stage: "client".into(),
            attribute: "Fees".into(),
            n: 12,
            gap_mean: Some(-0.8),
            q_value: Some(0.02),
            low_base: true,
            ..Default::default()
        }];
        let g = plain(gaps(&s));
        assert!(
            g[0].contains("n = 12, a low base: read with caution"),
            "{g:?}"
        );
        // Significance follows the report's confidence, not a fixed 0.05.
        s.confidence = 0.99;
        assert_eq!(
            gaps(&s),
            vec![
                "No gap between expectation and experience is significant (q < 0.01).".to_string()
            ]
        );
    }
}

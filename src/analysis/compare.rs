//! Stage comparisons (PRODUCT §6.10): Welch t on means, pooled two-proportion z on shares,
//! chi-square on categorical answers, for the configured pairs of stages.

use std::collections::BTreeSet;

use super::attrs::AttrNumbers;
use super::rows::ComparisonRow;
use super::{Ctx, Group};
use crate::classify::{Respondent, Val};
use crate::config::{fold, FieldKind};
use crate::stage::Stage;
use crate::stats::mean::{weighted_mean, weighted_mean_grouped, MeanEstimate};
use crate::stats::nps::{nps_difference_test, nps_grouped, NpsEstimate};
use crate::stats::two_group::{chi_square, two_proportion_z, welch, TestResult};
use crate::stats::weights::kish_n_eff;
use crate::stats::weights::Tally;

struct Pair<'a> {
    a: &'a [&'a Respondent],
    b: &'a [&'a Respondent],
}

fn row(
    ctx: &Ctx,
    g: &Group,
    metric: &str,
    (sa, sb): (Stage, Stage),
    test: &str,
    (na, nb): (usize, usize),
    t: TestResult,
) -> ComparisonRow {
    ComparisonRow {
        period: ctx.period.into(),
        segment: g.segment.clone(),
        metric: metric.into(),
        stage_a: sa.key().into(),
        stage_b: sb.key().into(),
        test: test.into(),
        difference: t.difference,
        statistic: t.statistic,
        p_value: t.p_value,
        q_value: None,
        n_a: na as u64,
        n_b: nb as u64,
        df: t.df,
    }
}

/// Welch t between the two stages on a number each respondent may have.
fn welch_on(
    ctx: &Ctx,
    p: &Pair,
    get: &dyn Fn(&Respondent) -> Option<f64>,
) -> Option<(TestResult, usize, usize)> {
    let side = |rs: &[&Respondent]| {
        let (x, w): (Vec<f64>, Vec<f64>) = rs
            .iter()
            .filter_map(|r| get(r).map(|v| (v, r.weight)))
            .unzip();
        weighted_mean(&x, &w, ctx.conf)
    };
    let (a, b) = (side(p.a), side(p.b));
    (a.n > 0 && b.n > 0).then(|| (welch(&a, &b), a.n, b.n))
}

/// Two-proportion z between the two stages on a yes/no each respondent may have.
fn z_on(
    ctx: &Ctx,
    p: &Pair,
    get: &dyn Fn(&Respondent) -> Option<bool>,
) -> Option<(TestResult, usize, usize)> {
    let side = |rs: &[&Respondent]| {
        let items: Vec<(bool, Tally)> = rs
            .iter()
            .filter_map(|r| get(r).map(|h| (h, Tally::one(r.weight))))
            .collect();
        ctx.share_of(&items, |h| h)
    };
    let (a, b) = (side(p.a), side(p.b));
    let (pa, pb) = (a.share?, b.share?);
    Some((
        two_proportion_z(pa, a.base, pb, b.base),
        a.n as usize,
        b.n as usize,
    ))
}

/// Chi-square between the two stages on a categorical answer; weighted counts are scaled to the
/// Kish base of the two stages together.
fn chi_on(
    p: &Pair,
    get: &dyn Fn(&Respondent) -> Option<String>,
) -> Option<(TestResult, usize, usize)> {
    let cats: BTreeSet<String> = p.a.iter().chain(p.b).filter_map(|r| get(r)).collect();
    let cats: Vec<String> = cats.into_iter().collect();
    let all: Vec<f64> =
        p.a.iter()
            .chain(p.b)
            .filter(|r| get(r).is_some())
            .map(|r| r.weight)
            .collect();
    let sw: f64 = all.iter().sum();
    if cats.len() < 2 || !crate::stats::is_positive(sw) {
        return None;
    }
    let scale = kish_n_eff(&all) / sw;
    let counts = |rs: &[&Respondent]| {
        let mut v = vec![0.0; cats.len()];
        let mut n = 0;
        for r in rs {
            if let Some(c) = get(r) {
                let k = cats.binary_search(&c).expect("category collected above");
                v[k] += r.weight * scale;
                n += 1;
            }
        }
        (v, n)
    };
    let ((ra, na), (rb, nb)) = (counts(p.a), counts(p.b));
    Some((chi_square(&[ra, rb]), na, nb))
}

/// One stage's numbers that every pair it is in compares: the weighted mean of each attribute's
/// experience rating and of recommend, and the promoter share; computed in one pass.
struct StageNumbers {
    experience: Vec<MeanEstimate>,
    recommend: MeanEstimate,
    promoters: super::shares::Share,
    nps: NpsEstimate,
}

fn stage_numbers(ctx: &Ctx, perf: &[AttrNumbers], recommend: &[(f64, Tally)]) -> StageNumbers {
    // The experience means and the recommend scores come from the shared attribute tallies.
    let experience = perf.iter().map(|a| a.performance).collect();
    StageNumbers {
        experience,
        recommend: weighted_mean_grouped(recommend.iter().copied(), ctx.conf),
        promoters: ctx.share_of(recommend, |x| x >= 9.0),
        nps: nps_grouped(recommend.iter().copied(), ctx.conf),
    }
}

fn welch_of(a: &MeanEstimate, b: &MeanEstimate) -> Option<(TestResult, usize, usize)> {
    (a.n > 0 && b.n > 0).then(|| (welch(a, b), a.n, b.n))
}

/// Every comparison for one group.
pub(crate) fn comparisons(
    ctx: &Ctx,
    g: &Group,
    stats: &super::attrs::AttrStats,
) -> Vec<ComparisonRow> {
    let mut out = Vec::new();
    let mut numbers: std::collections::BTreeMap<Stage, StageNumbers> = Default::default();
    for &(sa, sb) in &ctx.cfg.comparisons.pairs {
        for s in [sa, sb] {
            numbers.entry(s).or_insert_with(|| {
                stage_numbers(ctx, &stats.attrs[s.index()], &stats.recommend[s.index()])
            });
        }
    }
    for &(sa, sb) in &ctx.cfg.comparisons.pairs {
        let p = Pair {
            a: &g.by_stage[sa.index()],
            b: &g.by_stage[sb.index()],
        };
        if p.a.is_empty() || p.b.is_empty() {
            continue;
        }
        let stages = (sa, sb);
        let tests = stage_tests(ctx, &numbers[&sa], &numbers[&sb])
            .into_iter()
            .chain(
                ctx.cfg
                    .comparisons
                    .fields
                    .iter()
                    .flat_map(|&f| field_tests(ctx, &p, f)),
            );
        for (metric, test, res) in tests {
            if let Some((t, na, nb)) = res {
                out.push(row(ctx, g, &metric, stages, test, (na, nb), t));
            }
        }
    }
    out
}

/// One test of a comparison: the metric, the test's name, and its result with the two bases.
type Test = (String, &'static str, Option<(TestResult, usize, usize)>);

/// The tests on what each stage's numbers hold: experience of every attribute, likelihood to
/// recommend, the promoter share and NPS.
fn stage_tests(ctx: &Ctx, na: &StageNumbers, nb: &StageNumbers) -> Vec<Test> {
    let mut out: Vec<Test> = ctx
        .c
        .attributes
        .iter()
        .enumerate()
        .map(|(ai, attr)| {
            (
                format!("experience: {}", attr.name),
                "welch t",
                welch_of(&na.experience[ai], &nb.experience[ai]),
            )
        })
        .collect();
    if ctx.cfg.roles.recommend.is_some() {
        out.push((
            "recommend (0-10)".into(),
            "welch t",
            welch_of(&na.recommend, &nb.recommend),
        ));
        let (a, b) = (&na.promoters, &nb.promoters);
        if let (Some(pa), Some(pb)) = (a.share, b.share) {
            out.push((
                "promoter share".into(),
                "two-proportion z",
                Some((
                    two_proportion_z(pa, a.base, pb, b.base),
                    a.n as usize,
                    b.n as usize,
                )),
            ));
        }
        let (a, b) = (&na.nps, &nb.nps);
        out.push((
            "NPS".into(),
            "nps z",
            nps_difference_test(a, b).map(|t| (t, a.n, b.n)),
        ));
    }
    out
}

/// The tests on one `[comparisons] fields` field: Welch's t on a number; on a category the
/// chi-square test, and the two-proportion z of its positive answer (the configured one, else
/// yes / true / 1 or the first of two answers).
fn field_tests(ctx: &Ctx, p: &Pair, f: crate::config::FieldId) -> Vec<Test> {
    let name = &ctx.cfg.fields[f].name;
    if ctx.cfg.fields[f].kind == FieldKind::Number {
        return vec![(
            name.clone(),
            "welch t",
            welch_on(ctx, p, &|r| ctx.val(r, f).as_num()),
        )];
    }
    let text = |r: &Respondent| match ctx.val(r, f) {
        Val::Missing => None,
        v => v.as_text(),
    };
    let mut out: Vec<Test> = vec![(name.clone(), "chi-square", chi_on(p, &text))];
    let cats: BTreeSet<String> =
        p.a.iter()
            .chain(p.b)
            .filter_map(|r| text(r))
            .map(|t| fold(&t))
            .collect();
    let positive = ctx.cfg.comparisons.positive.get(&f).cloned().or_else(|| {
        (cats.len() == 2).then(|| {
            ["yes", "true", "1"]
                .iter()
                .map(|s| s.to_string())
                .find(|s| cats.contains(s))
                .unwrap_or_else(|| cats.iter().next().cloned().unwrap_or_default())
        })
    });
    if let Some(pos) = positive {
        out.push((
            format!("{name} = {pos}"),
            "two-proportion z",
            z_on(ctx, p, &|r| text(r).map(|t| fold(&t) == pos)),
        ));
    }
    out
}

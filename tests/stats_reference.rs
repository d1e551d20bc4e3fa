//! Every statistic pinned against scipy/statsmodels values from tests/reference/make_reference.py.
//! Tolerance: `journeygap::stats::prec::REFERENCE` (1e-9, relative above 1).

mod common;

use common::{reference, same};
use journeygap::stats::{
    gap::paired_gap, mean::weighted_mean, multiple::bh_qvalues, nps, proportion::wilson,
    weights::kish_n_eff,
};
use serde_json::Value;

fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

#[test]
fn wilson_intervals_match_statsmodels() {
    for case in reference()["wilson"].as_array().unwrap() {
        let (p, n, c) = (
            case["p"].as_f64().unwrap(),
            case["n"].as_f64().unwrap(),
            case["conf"].as_f64().unwrap(),
        );
        let ci = wilson(p, n, c);
        same(&format!("wilson low {case}"), ci.map(|x| x.0), &case["low"]);
        same(
            &format!("wilson high {case}"),
            ci.map(|x| x.1),
            &case["high"],
        );
    }
    assert_eq!(wilson(0.5, 0.0, 0.95), None, "no base, no interval");
}

#[test]
fn means_match_scipy() {
    for case in reference()["means"].as_array().unwrap() {
        let m = weighted_mean(
            &nums(&case["x"]),
            &nums(&case["w"]),
            case["conf"].as_f64().unwrap(),
        );
        same("mean", m.mean, &case["mean"]);
        same("sd", m.sd, &case["sd"]);
        same("ci low", m.ci.map(|c| c.0), &case["ci_low"]);
        same("ci high", m.ci.map(|c| c.1), &case["ci_high"]);
    }
}

#[test]
fn gaps_match_scipy_including_weighted_tied_and_degenerate_cases() {
    let r = reference();
    let cases = r["gaps"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for (i, case) in cases.iter().enumerate() {
        let g = paired_gap(
            &nums(&case["expectation"]),
            &nums(&case["experience"]),
            &nums(&case["w"]),
            case["conf"].as_f64().unwrap(),
        );
        let w = |s: &str| format!("case {i}: {s}");
        same(
            &w("expectation mean"),
            g.expectation.mean,
            &case["expectation_mean"]["mean"],
        );
        same(
            &w("expectation ci low"),
            g.expectation.ci.map(|c| c.0),
            &case["expectation_mean"]["ci_low"],
        );
        same(
            &w("experience mean"),
            g.experience.mean,
            &case["experience_mean"]["mean"],
        );
        same(
            &w("experience ci high"),
            g.experience.ci.map(|c| c.1),
            &case["experience_mean"]["ci_high"],
        );
        same(&w("gap mean"), g.gap.mean, &case["gap"]["mean"]);
        same(
            &w("gap ci low"),
            g.gap.ci.map(|c| c.0),
            &case["gap"]["ci_low"],
        );
        same(
            &w("gap ci high"),
            g.gap.ci.map(|c| c.1),
            &case["gap"]["ci_high"],
        );
        same(&w("t"), g.t_stat, &case["t"]);
        same(&w("p"), g.p_value, &case["p"]);
        same(&w("d_z"), g.effect_size_dz, &case["dz"]);
        same(&w("wilcoxon p"), g.wilcoxon_p, &case["wilcoxon_p"]);
    }
}

#[test]
fn nps_matches_reference() {
    let r = reference();
    let cases = r["nps"].as_array().unwrap();
    let mut ests = Vec::new();
    for case in cases {
        let e = nps::nps(
            &nums(&case["scores"]),
            &nums(&case["w"]),
            case["conf"].as_f64().unwrap(),
        );
        same("nps", e.nps, &case["nps"]);
        same("variance", e.variance, &case["variance"]);
        same("low", e.ci.map(|c| c.0), &case["low"]);
        same("high", e.ci.map(|c| c.1), &case["high"]);
        ests.push(e);
    }
    let d = &r["nps_diff_z"];
    let z = nps::nps_difference_z(
        &ests[d["a"].as_u64().unwrap() as usize],
        &ests[d["b"].as_u64().unwrap() as usize],
    );
    same("nps difference z", z, &d["z"]);
    // The stage comparison row: difference, z and two-sided p (scipy norm.sf).
    let t = nps::nps_difference_test(
        &ests[d["a"].as_u64().unwrap() as usize],
        &ests[d["b"].as_u64().unwrap() as usize],
    )
    .expect("a test");
    same("nps difference", t.difference, &d["difference"]);
    same("nps difference statistic", t.statistic, &d["z"]);
    same("nps difference p", t.p_value, &d["p"]);
    assert_eq!(nps::nps(&[], &[], 0.95).nps, None, "no scores, no NPS");
}

#[test]
fn bh_and_kish_match_statsmodels() {
    let r = reference();
    let p: Vec<Option<f64>> = nums(&r["bh"]["p"]).into_iter().map(Some).collect();
    let q = bh_qvalues(&p);
    for (ours, theirs) in q.iter().zip(r["bh"]["q"].as_array().unwrap()) {
        same("q", *ours, theirs);
    }
    assert_eq!(
        bh_qvalues(&[None, Some(0.5), None]),
        vec![None, Some(0.5), None],
        "missing p stays missing, m counts present ones"
    );
    same(
        "kish",
        Some(kish_n_eff(&nums(&r["kish"]["w"]))),
        &r["kish"]["n_eff"],
    );
}

fn opt_nums(v: &Value) -> Option<Vec<f64>> {
    v.as_array().map(|_| nums(v))
}

fn ones(n: usize) -> Vec<f64> {
    vec![1.0; n]
}

#[test]
fn welch_matches_scipy_ttest_ind() {
    use journeygap::stats::two_group::welch;
    for (i, case) in reference()["welch"].as_array().unwrap().iter().enumerate() {
        let (a, b) = (nums(&case["a"]), nums(&case["b"]));
        let wa = opt_nums(&case["wa"]).unwrap_or_else(|| ones(a.len()));
        let wb = opt_nums(&case["wb"]).unwrap_or_else(|| ones(b.len()));
        let r = welch(&weighted_mean(&a, &wa, 0.95), &weighted_mean(&b, &wb, 0.95));
        same(
            &format!("welch {i} difference"),
            r.difference,
            &case["difference"],
        );
        same(&format!("welch {i} t"), r.statistic, &case["t"]);
        same(&format!("welch {i} df"), r.df, &case["df"]);
        same(&format!("welch {i} p"), r.p_value, &case["p"]);
    }
}

#[test]
fn two_proportion_z_matches_statsmodels() {
    use journeygap::stats::two_group::two_proportion_z;
    for (i, case) in reference()["ztest"].as_array().unwrap().iter().enumerate() {
        let f = |k: &str| case[k].as_f64().unwrap();
        let r = two_proportion_z(f("pa"), f("na"), f("pb"), f("nb"));
        same(
            &format!("z {i} difference"),
            r.difference,
            &case["difference"],
        );
        same(&format!("z {i} z"), r.statistic, &case["z"]);
        same(&format!("z {i} p"), r.p_value, &case["p"]);
    }
}

#[test]
fn chi_square_matches_scipy_without_continuity_correction() {
    use journeygap::stats::two_group::chi_square;
    for (i, case) in reference()["chi"].as_array().unwrap().iter().enumerate() {
        let table: Vec<Vec<f64>> = case["table"].as_array().unwrap().iter().map(nums).collect();
        let r = chi_square(&table);
        same(&format!("chi {i} stat"), r.statistic, &case["stat"]);
        same(&format!("chi {i} df"), r.df, &case["df"]);
        same(&format!("chi {i} p"), r.p_value, &case["p"]);
    }
}

#[test]
fn pearson_matches_scipy_with_fisher_interval() {
    use journeygap::stats::correlation::pearson;
    for (i, case) in reference()["pearson"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let (x, y) = (nums(&case["x"]), nums(&case["y"]));
        let w = opt_nums(&case["w"]).unwrap_or_else(|| ones(x.len()));
        let r = pearson(&x, &y, &w, case["conf"].as_f64().unwrap());
        same(&format!("pearson {i} r"), r.r, &case["r"]);
        same(&format!("pearson {i} low"), r.ci.map(|c| c.0), &case["low"]);
        same(
            &format!("pearson {i} high"),
            r.ci.map(|c| c.1),
            &case["high"],
        );
        same(&format!("pearson {i} p"), r.p_value, &case["p"]);
    }
}

#[test]
fn coverage_index_matches_numpy() {
    use journeygap::stats::coverage::coverage_index;
    for case in reference()["coverage"].as_array().unwrap() {
        same(
            "coverage index",
            coverage_index(&nums(&case["use"]), &nums(&case["firm"])),
            &case["d"],
        );
    }
}

/// The analysis computes means, gaps and correlations from tallies of equal values (see
/// `analysis/attrs.rs`); the grouped forms must give scipy's numbers on the same cases, with
/// the observations grouped by value rather than one by one.
#[test]
fn grouped_forms_match_scipy_on_the_same_cases() {
    use journeygap::stats::{
        correlation::pearson_grouped, gap::paired_gap_grouped, mean::weighted_mean_grouped,
        nps::nps_grouped, weights::Tally,
    };
    /// Observations (value tuple, weight) → distinct tuples with their tallies, first seen first.
    fn group<const K: usize>(obs: impl Iterator<Item = ([f64; K], f64)>) -> Vec<([f64; K], Tally)> {
        let mut out: Vec<([f64; K], Tally)> = Vec::new();
        for (v, w) in obs {
            match out.iter_mut().find(|(k, _)| *k == v) {
                Some((_, t)) => t.add(w),
                None => out.push((v, Tally::one(w))),
            }
        }
        out
    }
    let r = reference();
    let mut grouped_somewhere = false;
    for (i, case) in r["means"].as_array().unwrap().iter().enumerate() {
        let (x, w) = (nums(&case["x"]), nums(&case["w"]));
        let g = group(x.iter().zip(&w).map(|(&x, &w)| ([x], w)));
        grouped_somewhere |= g.len() < x.len();
        let m = weighted_mean_grouped(
            g.iter().map(|(k, t)| (k[0], *t)),
            case["conf"].as_f64().unwrap(),
        );
        assert_eq!(m.n, x.len(), "mean {i}: n");
        same(&format!("grouped mean {i}"), m.mean, &case["mean"]);
        same(&format!("grouped mean {i} sd"), m.sd, &case["sd"]);
        same(
            &format!("grouped mean {i} low"),
            m.ci.map(|c| c.0),
            &case["ci_low"],
        );
        same(
            &format!("grouped mean {i} high"),
            m.ci.map(|c| c.1),
            &case["ci_high"],
        );
    }
    for (i, case) in r["gaps"].as_array().unwrap().iter().enumerate() {
        let (e, x, w) = (
            nums(&case["expectation"]),
            nums(&case["experience"]),
            nums(&case["w"]),
        );
        let g = group(e.iter().zip(&x).zip(&w).map(|((&e, &x), &w)| ([e, x], w)));
        grouped_somewhere |= g.len() < x.len();
        let est = paired_gap_grouped(
            g.iter().map(|(k, t)| (k[0], k[1], *t)),
            case["conf"].as_f64().unwrap(),
        );
        let at = |s: &str| format!("grouped gap case {i}: {s}");
        same(
            &at("expectation mean"),
            est.expectation.mean,
            &case["expectation_mean"]["mean"],
        );
        same(
            &at("experience ci high"),
            est.experience.ci.map(|c| c.1),
            &case["experience_mean"]["ci_high"],
        );
        same(&at("gap mean"), est.gap.mean, &case["gap"]["mean"]);
        same(
            &at("gap ci low"),
            est.gap.ci.map(|c| c.0),
            &case["gap"]["ci_low"],
        );
        same(&at("t"), est.t_stat, &case["t"]);
        same(&at("p"), est.p_value, &case["p"]);
        same(&at("d_z"), est.effect_size_dz, &case["dz"]);
        same(&at("wilcoxon p"), est.wilcoxon_p, &case["wilcoxon_p"]);
    }
    for (i, case) in r["pearson"].as_array().unwrap().iter().enumerate() {
        let (x, y) = (nums(&case["x"]), nums(&case["y"]));
        let w = opt_nums(&case["w"]).unwrap_or_else(|| ones(x.len()));
        let g = group(x.iter().zip(&y).zip(&w).map(|((&x, &y), &w)| ([x, y], w)));
        grouped_somewhere |= g.len() < x.len();
        let c = pearson_grouped(
            g.iter().map(|(k, t)| (k[0], k[1], *t)),
            case["conf"].as_f64().unwrap(),
        );
        same(&format!("grouped pearson {i} r"), c.r, &case["r"]);
        same(
            &format!("grouped pearson {i} low"),
            c.ci.map(|c| c.0),
            &case["low"],
        );
        same(&format!("grouped pearson {i} p"), c.p_value, &case["p"]);
    }
    for (i, case) in r["nps"].as_array().unwrap().iter().enumerate() {
        let (x, w) = (nums(&case["scores"]), nums(&case["w"]));
        let g = group(x.iter().zip(&w).map(|(&x, &w)| ([x], w)));
        grouped_somewhere |= g.len() < x.len();
        let e = nps_grouped(
            g.iter().map(|(k, t)| (k[0], *t)),
            case["conf"].as_f64().unwrap(),
        );
        assert_eq!(e.n, x.len(), "nps {i}: n");
        same(&format!("grouped nps {i}"), e.nps, &case["nps"]);
        same(
            &format!("grouped nps {i} variance"),
            e.variance,
            &case["variance"],
        );
        same(
            &format!("grouped nps {i} low"),
            e.ci.map(|c| c.0),
            &case["low"],
        );
        same(
            &format!("grouped nps {i} high"),
            e.ci.map(|c| c.1),
            &case["high"],
        );
    }
    assert!(
        grouped_somewhere,
        "some case must have repeated values, or grouping is not tested"
    );
}

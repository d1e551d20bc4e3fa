//! Which statistics for which stage, segment and period: builds the [`Summary`] in parallel.
//!
//! Groups (the whole sample, then each segment value) are computed independently and
//! collected in a fixed order, so the result is the same whatever the thread count.

mod attrs;
mod awareness;
mod channels;
mod compare;
mod conversion;
mod derived;
mod drivers;
pub mod earlier;
pub mod guesses;
mod ipa;
mod quality;
pub mod rows;
mod shares;
mod summary;
pub mod tables;
mod themes;
pub mod transitions;
pub mod trends;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::classify::{shown_id, Classified, Respondent};
use crate::config::Config;
use crate::stage::Stage;
use crate::stats::weights::Tally;
use crate::stats::{multiple::bh_qvalues, nps::nps_grouped};
pub use earlier::Earlier;
pub use quality::ExclusionRuleRow;
pub use rows::*;
pub use summary::{LookupInput, SkippedFile, Summary};
pub use tables::{TableVisitor, Tables};

/// Version of the `summary.json` layout.
pub const SCHEMA_VERSION: u32 = 1;

/// What a run knows beside its respondents: the period, the files read, how ids are shown, and
/// the earlier periods it is compared with.
#[derive(Debug, Clone, Default)]
pub struct RunInfo<'a> {
    pub period: &'a str,
    /// How the period was decided (`--period`, the folder's name, the dates).
    pub period_how: crate::period::How,
    pub inputs: Vec<InputRow>,
    /// The keyed hash of `--hash-ids` (ids and panel keys are hashed in the outputs).
    pub pseudonyms: Option<&'a crate::privacy::Pseudonyms>,
    /// The input folder as given on the command line.
    pub input_folder: String,
    /// The config as given by `--config`, when it was.
    pub config_given: Option<String>,
    /// The earlier periods under the report folder, oldest first.
    pub earlier: &'a [Earlier],
    /// What went wrong loading them.
    pub history_warnings: Vec<String>,
    /// What raking did, when the config rakes.
    pub raking: Option<crate::classify::rake::RakeReport>,
    /// The files `--skip-bad-files` skipped, with why.
    pub skipped: Vec<crate::ingest::IngestError>,
    /// The lookups joined to the exports.
    pub lookups: &'a [crate::ingest::lookup::LookupFile],
}

/// A group of respondents the analyses run on: `all`, or one segment value.
pub(crate) struct Group<'a> {
    pub(crate) segment: String,
    /// The members of each stage, in [`Stage::ALL`] order and file order, split once so that
    /// every per-stage statistic reads only its own respondents.
    pub(crate) by_stage: [Vec<&'a Respondent>; 5],
    /// The tally of each stage's members (their weights summed in file order).
    pub(crate) tally: [Tally; 5],
    /// Which members: those whose `si`-th segment has value id `id`; `None`: all.
    pub(crate) filter: Option<(usize, u32)>,
}

impl<'a> Group<'a> {
    /// A group with no members yet.
    fn empty(filter: Option<(usize, u32)>) -> Group<'a> {
        Group {
            segment: String::new(),
            by_stage: Default::default(),
            tally: [Tally::default(); 5],
            filter,
        }
    }

    fn new(
        segment: String,
        filter: Option<(usize, u32)>,
        members: Vec<&'a Respondent>,
    ) -> Group<'a> {
        let mut by_stage: [Vec<&'a Respondent>; 5] = Default::default();
        let mut tally = [Tally::default(); 5];
        for r in members {
            if let Some(s) = r.stage() {
                by_stage[s.index()].push(r);
                tally[s.index()].add(r.weight);
            }
        }
        Group {
            segment,
            by_stage,
            tally,
            filter,
        }
    }
}

fn groups<'a>(cfg: &Config, c: &Classified, classified: Vec<&'a Respondent>) -> Vec<Group<'a>> {
    // The whole sample first, then each segment's groups (in parallel) split from its stages.
    let all = Group::new("all".into(), None, classified);
    let by_segment: Vec<Vec<Group<'a>>> = cfg
        .segments
        .par_iter()
        .enumerate()
        .map(|(si, &f)| segment_groups(cfg, c, &all, si, f))
        .collect();
    let mut out = vec![all];
    out.extend(by_segment.into_iter().flatten());
    out
}

/// The groups of one segment (the `si`-th, field `f`), by value in text order: each stage of
/// the whole sample split by the members' value (members stay in file order, and each stage's
/// weights are summed in that order, as [`Group::new`] sums them).
fn segment_groups<'a>(
    cfg: &Config,
    c: &Classified,
    all: &Group<'a>,
    si: usize,
    f: crate::config::FieldId,
) -> Vec<Group<'a>> {
    // A segment has few values: each member finds its value's group by a hash of the value id.
    // Value ids are texts one for one; the groups are named and ordered by text.
    let mut slot: HashMap<u32, usize, crate::FxBuildHasher> = HashMap::default();
    let mut by_id: Vec<(u32, Group<'a>)> = Vec::new();
    for (s, members) in all.by_stage.iter().enumerate() {
        for &r in members {
            let id = c.segment(r, si);
            let k = *slot.entry(id).or_insert_with(|| {
                by_id.push((id, Group::empty(Some((si, id)))));
                by_id.len() - 1
            });
            if let Some((_, g)) = by_id.get_mut(k) {
                g.by_stage[s].push(r);
                g.tally[s].add(r.weight);
            }
        }
    }
    by_id.sort_unstable_by_key(|(id, _)| *id);
    let values: BTreeMap<String, Group<'a>> = by_id
        .into_iter()
        .filter_map(|(id, g)| c.text_of(id).map(|t| (t, g)))
        .collect();
    values
        .into_iter()
        .map(|(v, mut g)| {
            g.segment = format!("{}={}", cfg.fields[f].name, v);
            g
        })
        .collect()
}

/// The tables of one group, before they are put together in group order.
fn group_tables(ctx: &Ctx, g: &Group, channels: &[String]) -> Tables {
    let (awareness, awareness_breadth) = awareness::awareness(ctx, g);
    let (touchpoints, coverage_index) = channels::touchpoints(ctx, g, channels);
    let stats = attrs::attr_stats(ctx, g);
    Tables {
        stage_mix: ctx.stage_mix(g),
        gaps: ctx.gaps(g, &stats),
        nps: ctx.nps(g, &stats),
        conversion: conversion::conversion(ctx, g, &stats),
        ipa: ipa::ipa(ctx, g, &stats),
        awareness,
        awareness_breadth,
        touchpoints,
        coverage_index,
        drivers: drivers::drivers(ctx, g, &stats),
        themes: themes::themes(ctx, g),
        uncoded_words: themes::uncoded_words(ctx, g),
        comparisons: compare::comparisons(ctx, g, &stats),
        ..Tables::default()
    }
}

/// Benjamini–Hochberg q-values over one table's p-values.
fn fill_q<T>(rows: &mut [T], p: impl Fn(&T) -> Option<f64>, q: impl Fn(&mut T, Option<f64>)) {
    let qs = bh_qvalues(&rows.iter().map(p).collect::<Vec<_>>());
    for (r, v) in rows.iter_mut().zip(qs) {
        q(r, v);
    }
}

/// Compute every table of the summary, and compare the period with the earlier ones.
pub fn analyse(cfg: &Config, c: &Classified, run: RunInfo) -> Summary {
    analyse_with(cfg, c, run, attrs::MAX_CELLS)
}

/// [`analyse`], the attributes tallied by cell when there are at most `max_cells` of them.
fn analyse_with(cfg: &Config, c: &Classified, run: RunInfo, max_cells: usize) -> Summary {
    let period = run.period;
    let mut tables = Tables {
        data_quality: quality::data_quality(c, period, &run.skipped),
        cell_problems: quality::cell_problems(c, period),
        weighting: run
            .raking
            .as_ref()
            .map(|r| rows::weighting_rows(period, r))
            .unwrap_or_default(),
        ..period_tables(cfg, c, period, max_cells)
    };
    if run.pseudonyms.is_some() {
        quality::leave_out_personal_data(cfg, &mut tables);
    }
    let (recommend_questions, other_recommend_questions) = guesses::recommend_questions(cfg, c);
    let mut s = Summary {
        tool: crate::TOOL_NAME.to_string(),
        schema_version: SCHEMA_VERSION,
        tool_version: crate::TOOL_VERSION.to_string(),
        period: period.to_string(),
        study: cfg.report.study.clone(),
        config_hash: cfg.hash.clone(),
        confidence: cfg.report.confidence,
        min_base: cfg.report.min_base,
        weighted: cfg.weighted(),
        inputs: run.inputs,
        skipped_files: run
            .skipped
            .iter()
            .map(|e| SkippedFile {
                source_file: e.file.clone(),
                reason: e.reason.clone(),
            })
            .collect(),
        stage_labels: Stage::ALL
            .iter()
            .map(|s| StageLabel {
                stage: s.key().into(),
                label: cfg.label(*s).into(),
            })
            .collect(),
        attributes: c.attributes.iter().map(|a| a.name.clone()).collect(),
        ids_hashed: run.pseudonyms.is_some(),
        input_folder: run.input_folder,
        config_given: run.config_given,
        attribute_scales: attribute_scales(cfg, c),
        lookups: run
            .lookups
            .iter()
            .map(|t| LookupInput {
                file: t.file().to_string(),
                path: t.path.display().to_string(),
                sha256: t.sha256.clone(),
            })
            .collect(),
        history_warnings: Vec::new(),
        guesses: guesses::guesses(cfg, c),
        recommend_questions,
        other_recommend_questions,
        assumed_default: guesses::assumed_default(cfg, c),
        fieldwork: quality::fieldwork(c, period, run.period_how),
        exclusion_rules: quality::exclusion_rules(cfg),
        tables: Tables::default(),
    };
    // Against the earlier periods: what changed, the trends, the panel transitions.
    let mut warnings = run.history_warnings;
    warnings.extend(earlier::comparability(&s, run.earlier));
    std::mem::swap(&mut s.tables, &mut tables);
    s.tables.trends = trends::trends(run.earlier, &s);
    if cfg.roles.panel_key.is_some() {
        let current = panel_stages(c, cfg, run.pseudonyms);
        s.tables.transitions =
            transitions::transitions(run.earlier, period, &current, s.confidence);
    }
    s.history_warnings = warnings;
    s
}

/// The tables of this period alone, every group's put together in group order, with their
/// q-values.
fn period_tables(cfg: &Config, c: &Classified, period: &str, max_cells: usize) -> Tables {
    let classified: Vec<&Respondent> = c.respondents().filter(|r| r.stage().is_some()).collect();
    let groups = groups(cfg, c, classified);
    let mut ctx = Ctx {
        cfg,
        c,
        period,
        conf: cfg.report.confidence,
        weighted: cfg.weighted(),
        slots: {
            // Field id → position in `Respondent::values`, looked up once per run.
            let mut slots = vec![None; cfg.fields.len()];
            for (i, f) in cfg.analysis_fields().into_iter().enumerate() {
                slots[f] = Some(i);
            }
            slots
        },
        derived: derived::Derived::default(),
        cells: None,
    };
    let channels = channels::channel_list(&ctx);
    ctx.derived = derived::derive(&ctx, &channels);
    // How many values each segment has: its groups.
    let values: Vec<usize> = (0..cfg.segments.len())
        .map(|si| {
            groups
                .iter()
                .filter(|g| g.filter.is_some_and(|f| f.0 == si))
                .count()
        })
        .collect();
    ctx.cells = attrs::cells(&ctx, &groups[0], &values, max_cells);
    let parts: Vec<Tables> = groups
        .par_iter()
        .map(|g| group_tables(&ctx, g, &channels))
        .collect();
    let mut t = Tables::default();
    for p in parts {
        t.merge(p);
    }
    fill_q(&mut t.gaps, |r| r.p_value, |r, q| r.q_value = q);
    fill_q(&mut t.drivers, |r| r.p_value, |r, q| r.q_value = q);
    fill_q(&mut t.comparisons, |r| r.p_value, |r, q| r.q_value = q);
    t
}

pub(crate) struct Ctx<'a> {
    pub(crate) cfg: &'a Config,
    /// The respondents' value store ([`Ctx::val`] reads it).
    pub(crate) c: &'a Classified,
    pub(crate) period: &'a str,
    pub(crate) conf: f64,
    pub(crate) weighted: bool,
    /// Per field id: its position in `Respondent::values` (see [`Config::analysis_fields`]).
    pub(crate) slots: Vec<Option<usize>>,
    /// Per-respondent facts computed once (see [`derived`]).
    pub(crate) derived: derived::Derived,
    /// The members' tallies by cell, when the segments have few enough values (see [`attrs`]).
    pub(crate) cells: Option<attrs::Cells>,
}

impl Ctx<'_> {
    pub(crate) fn base(&self, n: usize, n_eff: f64) -> f64 {
        if self.weighted {
            n_eff
        } else {
            n as f64
        }
    }

    pub(crate) fn low(&self, base: f64) -> bool {
        base < self.cfg.report.min_base
    }

    /// The tallies of a fact's keys among a group's members at one stage, in key order, for the
    /// keys that answer the question: from the cells when there are cells, else from the members.
    pub(crate) fn tally(&self, g: &Group, s: Stage, f: derived::Fact) -> Vec<(usize, Tally)> {
        let d = &self.derived;
        let mut t = match &self.cells {
            Some(cells) => cells.fact(g, s, f),
            None => derived::tally_by(&g.by_stage[s.index()], d.keys(f), |r| d.key(f, r)),
        };
        t.retain(|(k, _)| d.answers(f, *k));
        t
    }

    fn stage_mix(&self, g: &Group) -> Vec<StageMixRow> {
        // The base is every member: the stages' tallies put together.
        let tallies: Vec<(Stage, Tally)> = Stage::ALL
            .iter()
            .map(|&s| (s, g.tally[s.index()]))
            .collect();
        let shares = self.shares(&tallies, Stage::ALL.len(), |s, k| s.index() == k);
        Stage::ALL
            .iter()
            .zip(shares)
            .map(|(&s, sh)| StageMixRow {
                period: self.period.into(),
                segment: g.segment.clone(),
                stage: s.key().into(),
                n: sh.hits,
                base: sh.n,
                share: sh.share,
                ci_low: sh.ci.map(|c| c.0),
                ci_high: sh.ci.map(|c| c.1),
                low_base: self.low(sh.base),
                base_eff: self.weighted.then_some(sh.n_eff),
                label: self.cfg.label(s).into(),
            })
            .collect()
    }

    fn gaps(&self, g: &Group, stats: &attrs::AttrStats) -> Vec<GapRow> {
        let mut out = Vec::new();
        for s in Stage::ALL {
            for (a, attr) in stats.attrs[s.index()].iter().zip(&self.c.attributes) {
                // None: no one in this stage answered both items.
                if let Some(est) = &a.gap {
                    out.push(GapRow::new(
                        self.period,
                        &g.segment,
                        s,
                        attr,
                        est,
                        (self.low(self.base(est.n, est.n_eff)), self.weighted),
                        attr_scale(self.cfg, attr),
                    ));
                }
            }
        }
        out
    }

    fn nps(&self, g: &Group, stats: &attrs::AttrStats) -> Vec<NpsRow> {
        if self.cfg.roles.recommend.is_none() {
            return Vec::new();
        }
        Stage::ALL
            .iter()
            .filter_map(|&s| {
                let scores = &stats.recommend[s.index()];
                if scores.is_empty() {
                    return None; // no one in this stage answered the recommend question
                }
                let est = nps_grouped(scores.iter().copied(), self.conf);
                let count = |f: &dyn Fn(f64) -> bool| {
                    scores.iter().filter(|x| f(x.0)).map(|x| x.1.n).sum::<u64>()
                };
                Some(NpsRow {
                    period: self.period.into(),
                    segment: g.segment.clone(),
                    stage: s.key().into(),
                    n: est.n as u64,
                    promoters: count(&|x| x >= 9.0),
                    passives: count(&|x| x > 6.0 && x < 9.0),
                    detractors: count(&|x| x <= 6.0),
                    nps: est.nps,
                    nps_ci_low: est.ci.map(|c| c.0),
                    nps_ci_high: est.ci.map(|c| c.1),
                    low_base: self.low(self.base(est.n, est.n_eff)),
                    promoter_share: (est.n > 0).then_some(est.promoters),
                    detractor_share: (est.n > 0).then_some(est.detractors),
                    variance: est.variance,
                    base_eff: self.weighted.then_some(est.n_eff),
                })
            })
            .collect()
    }
}

/// The scale an attribute is rated on, where the config states one.
pub(crate) fn attr_scale(cfg: &Config, a: &crate::classify::Attribute) -> Option<(f64, f64)> {
    use crate::classify::AttrSource;
    match &a.source {
        AttrSource::Fields {
            expectation,
            experience,
        } => cfg.fields[expectation.unwrap_or(*experience)].scale,
        AttrSource::Set { set } => cfg.attribute_sets[*set].scale,
    }
}

fn attribute_scales(cfg: &Config, c: &Classified) -> Vec<AttributeScale> {
    c.attributes
        .iter()
        .map(|a| {
            let scale = attr_scale(cfg, a);
            AttributeScale {
                attribute: a.name.clone(),
                low: scale.map(|s| s.0),
                high: scale.map(|s| s.1),
            }
        })
        .collect()
}

/// The (panel key, stage) of each respondent that is not excluded and has a panel key, in
/// file order, as `respondents.csv` has them: what the transitions compare across periods.
pub fn panel_stages(
    c: &Classified,
    cfg: &Config,
    ids: Option<&crate::privacy::Pseudonyms>,
) -> Vec<(String, String)> {
    let parts: Vec<&[Respondent]> = c.respondent_parts().collect();
    parts
        .par_iter()
        .flat_map_iter(|p| {
            p.iter().filter_map(|r| {
                let o = r.outcome.columns(cfg);
                if o.excluded {
                    return None;
                }
                let key = shown_id(c.panel_key(r), ids);
                (!key.is_empty()).then(|| (key.into_owned(), o.stage.to_string()))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tallies by cell (attribute ratings, recommend scores, and the facts the shares
    /// count) and by a pass per group give the same summary.
    #[test]
    fn cells_and_per_group_passes_agree() {
        let dir = std::path::Path::new("fixtures/demo/2026Q3");
        let inputs = crate::cmd::open_inputs(dir, None, &crate::messages::Warnings::new())
            .expect("demo config");
        let (cfg, paths) = (&inputs.cfg, &inputs.paths);
        assert!(
            !cfg.segments.is_empty(),
            "the demo has segments, so cells are used"
        );
        let read = crate::classify::read_and_classify(cfg, &inputs.joins(), dir, paths, &|| ());
        assert!(read.unreadable.is_empty(), "demo reads");
        let c = crate::classify::merge(cfg, read.parts);
        let run = || RunInfo {
            period: "2026Q3",
            inputs: read.inputs.clone(),
            raking: None,
            ..RunInfo::default()
        };
        let by_cell = analyse_with(cfg, &c, run(), attrs::MAX_CELLS);
        let by_group = analyse_with(cfg, &c, run(), 0);
        let t = &by_cell.tables;
        assert!(!t.gaps.is_empty() && !t.drivers.is_empty());
        assert!(!t.awareness.is_empty() && !t.touchpoints.is_empty());
        assert!(!t.themes.is_empty() && !t.conversion.is_empty());
        let json = |s: &Summary| serde_json::to_string(s).expect("summary serialises");
        assert_eq!(json(&by_cell), json(&by_group));
    }
}

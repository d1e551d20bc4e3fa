//! `journeygap run`: read and classify, decide the period, load the earlier periods, analyse,
//! draw, and write the period folder atomically. [`run_in_pool`] is the table of contents.

use std::path::Path;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::analysis::{self, RunInfo, Summary};
use crate::chart::{self, DrawnChart};
use crate::classify::{self, Classified, ReadClassified};
use crate::cli::{ChartFormat, RunArgs};
use crate::config::Config;
use crate::messages::Warnings;
use crate::progress::Progress;
use crate::report::{self, atomic};
use crate::timings::Timings;

/// `journeygap run`.
pub fn run(a: &RunArgs) -> Result<()> {
    super::in_pool(a.jobs, || run_in_pool(a))
}

fn run_in_pool(a: &RunArgs) -> Result<()> {
    let mut clock = Timings::start();
    // Before anything is read: `--out` apart from the exports, and the period folder (when its
    // name is known yet) one journeygap wrote; then, the config read, `--out` locked for the run.
    report::outdir::check(&a.input, &a.out)?;
    if let Ok(period) = crate::period::decide(a.period.as_deref(), &a.input, std::iter::empty()) {
        report::outdir::check_period(&a.out, &period.name)?;
    }
    let warnings = Warnings::new();
    let inputs = super::open_inputs(&a.input, a.config.as_deref(), &warnings)?;
    let (cfg, joins) = (&inputs.cfg, inputs.joins());
    let pseudonyms = a
        .hash_ids
        .then(|| crate::privacy::Pseudonyms::from_secret(cfg.secret.as_deref()))
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let template = deck_template(cfg)?;
    let out = report::outdir::OutDir::open(&a.out)?;
    for lk in inputs.lookups.iter().filter(|l| !l.repeated.is_empty()) {
        warnings.warn(format!(
            "{}: {} keys are on more than one row; the last row of each is used (`check` lists them)",
            lk.file(),
            lk.repeated.len()
        ));
    }
    let read = read_and_classify(a, cfg, &joins, &inputs.paths, &warnings)?;
    clock.mark("read_classify");
    let mut classified = classify::merge(cfg, read.parts);
    clock.mark("merge");
    let raking = classify::rake::rake(cfg, &mut classified)?;
    let decided = decide_period(a, &classified)?;
    let period = decided.name.clone();
    out.check_period(&period)?;
    let cannot_write = || format!("cannot write {}", a.out.join(&period).display());
    // Removed again unless committed at the end: nothing of this run shows before then.
    let staging = atomic::Staging::new(&a.out, &period).with_context(cannot_write)?;
    let mut history_warnings = Vec::new();
    let earlier =
        crate::history::load_earlier(&a.out, &period, &cfg.report.study, &mut history_warnings);
    let info = RunInfo {
        period: &period,
        period_how: decided.how,
        inputs: read.inputs,
        pseudonyms: pseudonyms.as_ref(),
        input_folder: a.input.display().to_string(),
        config_given: a.config.as_ref().map(|c| c.display().to_string()),
        earlier: &earlier,
        history_warnings,
        raking,
        skipped: read.unreadable,
        lookups: &inputs.lookups,
    };
    // `respondents.csv` needs the classification only: it is made beside the analysis and
    // written into the hidden folder as it is made.
    let (summary, respondents) = rayon::join(
        || analysis::analyse(cfg, &classified, info),
        || {
            let mut file = staging.create("tables/respondents.csv")?;
            let lines =
                report::respondents::line_parts(&classified, cfg, &period, pseudonyms.as_ref());
            report::respondents::write(lines, &mut file)
        },
    );
    let respondents = respondents.with_context(cannot_write)?;
    for w in &summary.history_warnings {
        warnings.warn(w);
    }
    clock.mark("analyse");
    // The charts drawn while the tables, the workbook and summary.json are made.
    let files = report::period_files_drawing(
        &summary,
        respondents,
        cfg.report.title.as_deref(),
        template.as_ref(),
        || draw_charts(&summary, cfg, a.format, a.quiet),
    )?;
    clock.mark("charts_report");
    staging.write(&files).with_context(cannot_write)?;
    let dir = staging.commit().with_context(cannot_write)?;
    clock.mark("write");
    clock.peak();
    if !a.quiet {
        print_done(&dir, &summary);
    }
    Ok(())
}

/// The firm's deck template, read and checked before any export is (a missing or broken one
/// is an error that names it, and nothing is written).
fn deck_template(cfg: &Config) -> Result<Option<report::deck::Template>> {
    let Some((path, shown)) = &cfg.report.deck_template else {
        return Ok(None);
    };
    let bytes = std::fs::read(path).with_context(|| {
        format!(
            "[report] deck_template: cannot read {shown} ({}); nothing was written",
            path.display()
        )
    })?;
    let t = report::deck::template::read(&bytes, shown)
        .with_context(|| "[report] deck_template: nothing was written")?;
    Ok(Some(t))
}

/// [`classify::read_and_classify`] with a progress bar. Any unreadable file stops the run
/// (listing all of them) unless `skip_bad` is set.
fn read_and_classify(
    a: &RunArgs,
    cfg: &Config,
    joins: &classify::Joins,
    paths: &[std::path::PathBuf],
    warnings: &Warnings,
) -> Result<ReadClassified> {
    let (root, skip_bad) = (&a.input, a.skip_bad_files);
    let bar = Progress::new(paths.len(), "reading files", a.quiet);
    let read = classify::read_and_classify(cfg, joins, root, paths, &|| bar.inc());
    bar.finish();
    if !read.unreadable.is_empty() {
        let list: Vec<String> = read
            .unreadable
            .iter()
            .map(|e| format!("  {}", crate::escape::shown(&e.to_string())))
            .collect();
        if !skip_bad {
            bail!(
                "{} file(s) cannot be read; nothing was written (fix or remove them, or pass --skip-bad-files):\n{}",
                list.len(),
                list.join("\n")
            );
        }
        warnings.warn(format!(
            "skipped {} unreadable file(s) (recorded in data_quality.csv, summary.json and the report):\n{}",
            list.len(),
            list.join("\n")
        ));
    }
    if read.inputs.is_empty() {
        bail!("no readable file in {}", root.display());
    }
    Ok(read)
}

/// The period: `--period`, else from the input folder's name, else from the response dates of
/// the classified respondents.
fn decide_period(a: &RunArgs, classified: &Classified) -> Result<crate::period::Decided> {
    let dates = classified.response_dates().flatten();
    Ok(crate::period::decide(a.period.as_deref(), &a.input, dates)?)
}

/// Every chart as PNG (and SVG when asked), drawn in parallel.
fn draw_charts(
    summary: &Summary,
    cfg: &Config,
    format: ChartFormat,
    quiet: bool,
) -> Result<Vec<DrawnChart>> {
    let size = (cfg.report.chart_width, cfg.report.chart_height);
    let svg = format == ChartFormat::Svg;
    let charts = chart::all_charts(summary);
    let bar = Progress::new(charts.len(), "drawing charts", quiet);
    let drawn = charts
        .par_iter()
        .map(|c| {
            let d = c.draw(size, svg);
            bar.inc();
            d
        })
        .collect::<Result<_, _>>()?;
    bar.finish();
    Ok(drawn)
}

fn print_done(dir: &Path, s: &Summary) {
    let dq = &s.tables.data_quality;
    let rows: u64 = dq.iter().map(|d| d.rows_read).sum();
    let excluded: u64 = dq.iter().map(|d| d.rows_excluded).sum();
    let classified: u64 = dq.iter().map(|d| d.rows_classified).sum();
    let unclassified: u64 = dq.iter().map(|d| d.rows_unclassified).sum();
    println!(
        "{}: {} tables, {rows} rows read = {excluded} excluded + {classified} classified + {unclassified} unclassified",
        s.period,
        dq.len()
    );
    println!("wrote {}", dir.display());
}

//! The binary's glue: `run` reads, classifies, analyses, draws and writes, in that order.

use std::path::Path;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::analysis::{self, InputRow};
use crate::chart;
use crate::classify;
use crate::cli::{Args, CheckArgs, Command, InitArgs, RunArgs};
use crate::config::Config;
use crate::ingest::{self, InputFile, Table};
use crate::period;
use crate::progress::Progress;
use crate::report::{self, atomic, OutputFile};

/// Run the parsed command line.
pub fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Run(a) => run_period(&a),
        Command::Init(a) => in_pool(a.jobs, || init(&a)),
        Command::Check(a) => in_pool(a.jobs, || check(&a)),
        Command::Verify { folder, input } => verify(&folder, input.as_deref()),
        Command::GenCorpus {
            out,
            files,
            respondents,
            seed,
            xlsx_only,
            csv_only,
        } => {
            let formats = crate::demo::corpus::Formats {
                xlsx: !csv_only,
                csv: !xlsx_only,
            };
            crate::demo::corpus::write_corpus(&out, files, respondents, seed, formats)
                .with_context(|| format!("writing the corpus into {}", out.display()))?;
            println!(
                "wrote {files} files of {respondents} respondents into {}",
                out.display()
            );
            Ok(())
        }
        Command::GenDemo { out, seed } => {
            let truth = crate::demo::write_demo(&out, seed)
                .with_context(|| format!("writing the demo into {}", out.display()))?;
            println!("wrote {} files into {}", truth.files.len(), out.display());
            Ok(())
        }
    }
}

/// Run `f` on a thread pool of `jobs` threads (all cores when `None`).
fn in_pool<T: Send>(jobs: Option<usize>, f: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()?;
    pool.install(f)
}

/// `journeygap run`.
pub fn run_period(a: &RunArgs) -> Result<()> {
    in_pool(a.jobs, || run_in_pool(a))
}

/// `journeygap init`: guess a config from the folder's files and write it, never over an
/// existing one unless `--force`.
fn init(a: &InitArgs) -> Result<()> {
    let paths = export_files(&a.folder)?;
    let out = a
        .output
        .clone()
        .unwrap_or_else(|| a.folder.join("journeygap.toml"));
    if out.exists() && !a.force {
        bail!(
            "{} already exists; pass --force to replace it, or --output FILE to write elsewhere",
            out.display()
        );
    }
    if paths.is_empty() {
        bail!(
            "{}: no .xlsx .xlsm .xlsb .xls .ods .csv .tsv or .txt files found",
            a.folder.display()
        );
    }
    let (files, skipped) = split_read(read_with_progress(&a.folder, &paths, a.quiet));
    let tables: Vec<&Table> = files.iter().flat_map(|f| f.tables.iter()).collect();
    let text = crate::init::config_text(&a.folder.display().to_string(), &tables, &skipped);
    report::atomic::write_file(&out, text.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    for e in &skipped {
        eprintln!("warning: not read: {e}");
    }
    if !a.quiet {
        println!(
            "read {} files ({} tables); wrote {}\nnext: read and correct it, then `journeygap check {}`",
            files.len(),
            tables.len(),
            out.display(),
            a.folder.display()
        );
    }
    Ok(())
}

/// Every data file below `folder`, which must be a folder.
fn export_files(folder: &Path) -> Result<Vec<std::path::PathBuf>> {
    if !folder.is_dir() {
        bail!(
            "{}: not a folder; give the folder of one period's exports",
            folder.display()
        );
    }
    ingest::walk(folder).with_context(|| format!("cannot list {}", folder.display()))
}

/// The config for `input` and the data files under it that the config's `[input]` allows.
pub(crate) fn open_inputs(
    input: &Path,
    config: Option<&Path>,
) -> Result<(Config, Vec<std::path::PathBuf>)> {
    let all = export_files(input)?;
    let cfg_path = Config::locate(config, input).with_context(|| {
        format!(
            "no journeygap.toml found in {}, next to it, or in the working directory; write one with `journeygap init {}` or pass --config FILE",
            input.display(),
            input.display()
        )
    })?;
    let cfg = Config::load(&cfg_path)?;
    let paths: Vec<_> = all
        .into_iter()
        .filter(|p| cfg.input.wants_file(&ingest::relative_name(input, p)))
        .collect();
    if paths.is_empty() {
        bail!(
            "{}: no .xlsx .xlsm .xlsb .xls .ods .csv .tsv or .txt files found (that [input] of {} allows)",
            input.display(),
            cfg_path.display()
        );
    }
    Ok((cfg, paths))
}

/// `journeygap check`: classify without writing; exit 1 when there are errors.
fn check(a: &CheckArgs) -> Result<()> {
    let (cfg, paths) = open_inputs(&a.input, a.config.as_deref())?;
    let (files, bad) = split_read(read_with_progress(&a.input, &paths, a.quiet));
    let tables: Vec<&Table> = files
        .iter()
        .flat_map(|f| f.tables.iter())
        .filter(|t| cfg.input.wants_sheet(t.sheet.as_deref()))
        .collect();
    let report = crate::check::inspect(&cfg, &tables, &bad);
    print!("{}", report.render(a.quiet));
    let errors = report.count(crate::check::Level::Error);
    if errors > 0 {
        bail!(
            "check found {errors} error(s) in {}; fix them before `journeygap run`",
            a.input.display()
        );
    }
    Ok(())
}

fn run_in_pool(a: &RunArgs) -> Result<()> {
    let mut clock = crate::timings::Timings::start();
    let (cfg, paths) = open_inputs(&a.input, a.config.as_deref())?;
    let (inputs, parts) = read_and_classify(&cfg, &a.input, &paths, a.skip_bad_files, a.quiet)?;
    clock.mark("read_classify");
    let classified = classify::merge(&cfg, parts);
    clock.mark("merge");
    let period = period::decide(
        a.period.as_deref(),
        &a.input,
        classified
            .respondents()
            .filter(|r| r.stage().is_some())
            .filter_map(|r| r.date),
    )
    .map_err(anyhow::Error::msg)?;
    if a.out.exists() && !a.out.is_dir() {
        bail!(
            "{}: exists and is not a folder; pass --out with the folder reports go into",
            a.out.display()
        );
    }
    let cannot_write = || format!("cannot write {}", a.out.join(&period).display());
    // Removed again unless committed at the end: nothing of this run shows before then.
    let staging = atomic::Staging::new(&a.out, &period).with_context(cannot_write)?;
    // `respondents.csv` needs the classification only: it is made beside the analysis and
    // written into the hidden folder as it is made.
    let (mut summary, respondents) = rayon::join(
        || analysis::analyse(&cfg, &classified, &period, inputs),
        || {
            let mut file = staging.create("tables/respondents.csv")?;
            report::respondents(
                analysis::respondent_line_parts(&classified, &cfg, &period, a.hash_ids),
                &mut file,
            )
        },
    );
    let respondents = respondents.with_context(cannot_write)?;
    summary.ids_hashed = a.hash_ids;
    summary.input_folder = a.input.display().to_string();
    let panel = cfg.roles.panel_key.is_some();
    add_history(
        &mut summary,
        &a.out,
        || analysis::panel_stages(&classified, &cfg, a.hash_ids),
        panel,
    );
    for w in &summary.history_warnings {
        eprintln!("warning: {w}");
    }
    clock.mark("analyse");
    let charts = chart_files(&summary, &cfg, a.format, a.quiet)?;
    clock.mark("charts");
    let title = cfg.report.title.as_deref();
    let out =
        report::period_files(&summary, respondents, charts, title).map_err(anyhow::Error::msg)?;
    clock.mark("report");
    staging.write(&out).with_context(cannot_write)?;
    let dir = staging.commit().with_context(cannot_write)?;
    clock.mark("write");
    clock.peak();
    if !a.quiet {
        print_done(&dir, &summary);
    }
    Ok(())
}

/// Trends and transitions against the earlier periods under `out`, and what changed since.
/// `panel_stages` gives the (panel key, stage) pairs of this period (see
/// [`analysis::panel_stages`]).
fn add_history(
    s: &mut analysis::Summary,
    out: &Path,
    panel_stages: impl FnOnce() -> Vec<(String, String)>,
    panel: bool,
) {
    let mut warnings = Vec::new();
    let earlier = crate::history::load_earlier(out, &s.period, &mut warnings);
    warnings.extend(crate::history::comparability(s, &earlier));
    s.trends = crate::history::trends::trends(&earlier, s);
    if panel {
        let current = panel_stages();
        s.transitions =
            crate::history::transitions::transitions(&earlier, &s.period, &current, s.confidence);
    }
    s.history_warnings = warnings;
}

/// `journeygap verify`: hash the inputs again and compare with summary.json.
pub fn verify(folder: &Path, input: Option<&Path>) -> Result<()> {
    let path = folder.join("summary.json");
    let bytes = std::fs::read(&path).with_context(|| {
        format!(
            "{}: cannot read; give a period folder written by `run`",
            path.display()
        )
    })?;
    let s: analysis::Summary = serde_json::from_slice(&bytes)
        .with_context(|| format!("{}: not a journeygap summary", path.display()))?;
    let root = input
        .map(Path::to_path_buf)
        .unwrap_or_else(|| s.input_folder.clone().into());
    let mut problems = Vec::new();
    for f in &s.inputs {
        match std::fs::read(root.join(&f.source_file)) {
            Ok(b) => {
                let h = ingest::hex(&<sha2::Sha256 as sha2::Digest>::digest(&b));
                if h != f.sha256 {
                    problems.push(format!("changed: {}", f.source_file));
                }
            }
            Err(_) => problems.push(format!("missing: {}", f.source_file)),
        }
    }
    if let Ok(paths) = ingest::walk(&root) {
        for p in paths {
            let name = ingest::relative_name(&root, &p);
            if !s.inputs.iter().any(|f| f.source_file == name) {
                problems.push(format!("not in the run: {name}"));
            }
        }
    }
    if problems.is_empty() {
        println!(
            "{}: all {} input files match {}",
            s.period,
            s.inputs.len(),
            root.display()
        );
        Ok(())
    } else {
        bail!(
            "{} of {} no longer matches its inputs in {}:\n  {}",
            s.period,
            folder.display(),
            root.display(),
            problems.join("\n  ")
        )
    }
}

/// The files read, and the errors of those that could not be.
fn split_read(
    results: Vec<Result<InputFile, ingest::IngestError>>,
) -> (Vec<InputFile>, Vec<ingest::IngestError>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => bad.push(e),
        }
    }
    (files, bad)
}

/// Read every file in parallel, with a progress bar when it takes a while.
fn read_with_progress(
    root: &Path,
    paths: &[std::path::PathBuf],
    quiet: bool,
) -> Vec<Result<InputFile, ingest::IngestError>> {
    let bar = Progress::new(paths.len(), "reading files", quiet);
    let results = ingest::read_all(root, paths, &|| bar.inc());
    bar.finish();
    results
}

/// Read and classify every file in parallel, each file's cells dropped as soon as its rows are
/// classified (so memory holds one file's cells per thread, not the folder's). Any unreadable
/// file stops the run (listing all of them) unless `skip_bad` is set.
pub(crate) fn read_and_classify(
    cfg: &Config,
    root: &Path,
    paths: &[std::path::PathBuf],
    skip_bad: bool,
    quiet: bool,
) -> Result<(Vec<InputRow>, Vec<classify::Part>)> {
    let bar = Progress::new(paths.len(), "reading files", quiet);
    // Columns no field, attribute or flag can use are not read (their cells only count as
    // blank or not).
    let wanted = |layout, columns: &[ingest::Column]| {
        classify::mapping::wanted_columns(cfg, layout, columns)
    };
    let results: Vec<Result<(InputRow, classify::Part), ingest::IngestError>> = paths
        .par_iter()
        .map(|p| {
            let f = ingest::read_file_wanting(root, p, Some(&wanted));
            bar.inc();
            let f = f?;
            let tables: Vec<&Table> = f
                .tables
                .iter()
                .filter(|t| cfg.input.wants_sheet(t.sheet.as_deref()))
                .collect();
            let part = classify::classify_part(cfg, &tables);
            let input = InputRow {
                source_file: f.source_file,
                sha256: f.sha256,
            };
            Ok((input, part))
        })
        .collect();
    bar.finish();
    let mut inputs = Vec::new();
    let mut parts = Vec::new();
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok((i, p)) => {
                inputs.push(i);
                parts.push(p);
            }
            Err(e) => bad.push(e),
        }
    }
    if !bad.is_empty() {
        let list: Vec<String> = bad.iter().map(|e| format!("  {e}")).collect();
        if !skip_bad {
            bail!(
                "{} file(s) cannot be read; nothing was written (fix or remove them, or pass --skip-bad-files):\n{}",
                bad.len(),
                list.join("\n")
            );
        }
        eprintln!(
            "skipped {} unreadable file(s):\n{}",
            bad.len(),
            list.join("\n")
        );
    }
    if inputs.is_empty() {
        bail!("no readable file in {}", root.display());
    }
    Ok((inputs, parts))
}

fn chart_files(
    summary: &analysis::Summary,
    cfg: &Config,
    format: crate::cli::ChartFormat,
    quiet: bool,
) -> Result<Vec<OutputFile>> {
    let size = (cfg.report.chart_width, cfg.report.chart_height);
    let svg = format == crate::cli::ChartFormat::Svg;
    let charts = chart::all_charts(summary);
    let bar = Progress::new(charts.len(), "drawing charts", quiet);
    let drawn: Vec<Vec<OutputFile>> = charts
        .par_iter()
        .map(|c| {
            let mut files = vec![OutputFile {
                path: format!("charts/{}.png", c.name()),
                bytes: c.png(size).map_err(anyhow::Error::msg)?,
            }];
            if svg {
                files.push(OutputFile {
                    path: format!("charts/{}.svg", c.name()),
                    bytes: c.svg(size).map_err(anyhow::Error::msg)?,
                });
            }
            bar.inc();
            Ok(files)
        })
        .collect::<Result<_>>()?;
    bar.finish();
    Ok(drawn.into_iter().flatten().collect())
}

fn print_done(dir: &Path, s: &analysis::Summary) {
    let rows: u64 = s.data_quality.iter().map(|d| d.rows_read).sum();
    let excluded: u64 = s.data_quality.iter().map(|d| d.rows_excluded).sum();
    let classified: u64 = s.data_quality.iter().map(|d| d.rows_classified).sum();
    let unclassified: u64 = s.data_quality.iter().map(|d| d.rows_unclassified).sum();
    println!(
        "{}: {} tables, {rows} rows read = {excluded} excluded + {classified} classified + {unclassified} unclassified",
        s.period,
        s.data_quality.len()
    );
    println!("wrote {}", dir.display());
}

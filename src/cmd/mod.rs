//! The commands, one file each: [`run`], [`init`], [`check`], [`verify`] and [`gen`] (the demo
//! and benchmark corpus generators). This file dispatches the parsed command line and holds
//! what several commands share: finding the input files and the config, and reading files with
//! a progress bar.

pub mod check;
pub mod gen;
pub mod init;
pub mod run;
pub mod verify;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::classify::Joins;
use crate::cli::{Args, Command};
use crate::config::{Config, ConfigError};
use crate::ingest::lookup::{LookupFile, LookupSpec};
use crate::ingest::{self, IngestError, InputFile};
use crate::messages::Warnings;
use crate::progress::Progress;

/// Run the parsed command line.
pub fn dispatch(args: Args) -> Result<()> {
    match args.command {
        Command::Run(a) => run::run(&a),
        Command::Init(a) => in_pool(a.jobs, || init::init(&a)),
        Command::Check(a) => in_pool(a.jobs, || check::check(&a)),
        Command::Verify { folder, input } => verify::verify(&folder, input.as_deref()),
        Command::GenCorpus {
            out,
            files,
            respondents,
            seed,
            xlsx_only,
            csv_only,
        } => gen::corpus(&out, files, respondents, seed, (xlsx_only, csv_only)),
        Command::GenDemo { out, seed } => gen::demo(&out, seed),
    }
}

/// Run `f` on a thread pool of `jobs` threads (all cores when `None`).
pub(crate) fn in_pool<T: Send>(
    jobs: Option<usize>,
    f: impl FnOnce() -> Result<T> + Send,
) -> Result<T> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()?;
    pool.install(f)
}

/// Every data file below `folder`, which must be a folder.
pub(crate) fn export_files(folder: &Path, warnings: &Warnings) -> Result<Vec<PathBuf>> {
    if !folder.is_dir() {
        bail!(
            "{}: not a folder; give the folder of one period's exports",
            folder.display()
        );
    }
    let walked = ingest::walk_exports(folder)
        .with_context(|| format!("cannot list {}", folder.display()))?;
    for dir in &walked.reports {
        if dir == folder {
            bail!(
                "{}: a journeygap report folder (it holds journeygap's summary.json), not exports; give the folder of one period's exports",
                crate::escape::shown(&dir.display().to_string())
            );
        }
        warnings.warn(format!(
            "{}: skipped, a journeygap report folder (it holds journeygap's summary.json), not exports",
            dir.display()
        ));
    }
    Ok(walked.files)
}

/// What a command reads before the exports: the config, the lookups it names, and the data
/// files under the input folder that its `[input]` allows.
pub struct Inputs {
    pub cfg: Config,
    /// The config's `[[lookups]]` read, in its order.
    pub lookups: Vec<LookupFile>,
    pub paths: Vec<PathBuf>,
}

impl Inputs {
    /// The lookups as classification joins them.
    pub fn joins(&self) -> Joins<'_> {
        Joins::new(&self.cfg, &self.lookups)
    }
}

/// The config for `input`, its lookups read, and the data files under `input` that the
/// config's `[input]` allows.
pub fn open_inputs(input: &Path, config: Option<&Path>, warnings: &Warnings) -> Result<Inputs> {
    let all = export_files(input, warnings)?;
    let cfg_path = Config::locate(config, input).with_context(|| {
        format!(
            "no journeygap.toml found in {}, next to it, or in the working directory; write one with `journeygap init {}` or pass --config FILE",
            input.display(),
            input.display()
        )
    })?;
    let cfg = Config::load(&cfg_path)?;
    let lookups = read_lookups(&cfg)?;
    // A lookup inside the input folder is not an export: its rows are not respondents.
    let lookup_paths: Vec<PathBuf> = cfg
        .lookups
        .iter()
        .filter_map(|l| l.file.canonicalize().ok())
        .collect();
    let paths: Vec<_> = all
        .into_iter()
        .filter(|p| cfg.input.wants_file(&ingest::relative_name(input, p)))
        .filter(|p| {
            p.canonicalize()
                .map_or(true, |c| !lookup_paths.contains(&c))
        })
        .collect();
    if paths.is_empty() {
        bail!(
            "{}: no .xlsx .xlsm .xlsb .xls .ods .csv .tsv or .txt files found (that [input] of {} allows)",
            input.display(),
            cfg_path.display()
        );
    }
    Ok(Inputs {
        cfg,
        lookups,
        paths,
    })
}

/// Read every lookup of the config. A file that is missing or unreadable, a sheet or key column
/// that is not there is an error naming the config's file, line and key.
fn read_lookups(cfg: &Config) -> Result<Vec<LookupFile>, ConfigError> {
    let read = |(i, l): (usize, &crate::config::Lookup)| {
        ingest::lookup::read(LookupSpec {
            path: &l.file,
            shown: &l.file_shown,
            sheet: l.sheet.as_deref(),
            key_column: &l.column,
        })
        .map_err(|e| ConfigError {
            file: cfg.path.display().to_string(),
            line: Some(l.line),
            message: format!("key `lookups[{i}].{}`: {}", e.part, e.message),
        })
    };
    cfg.lookups.iter().enumerate().map(read).collect()
}

/// Read every file in parallel, with a progress bar when it takes a while: the files read, and
/// the errors of those that could not be.
pub(crate) fn read_files(
    root: &Path,
    paths: &[PathBuf],
    quiet: bool,
) -> (Vec<InputFile>, Vec<IngestError>) {
    let bar = Progress::new(paths.len(), "reading files", quiet);
    let results = ingest::read_all(root, paths, &|| bar.inc());
    bar.finish();
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

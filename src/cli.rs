//! Command-line flags and help text (clap derive). Only flags here; what each command does is in
//! [`crate::cmd`], one file per command.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// journeygap turns a folder of survey and interview exports into client-journey gap
/// analysis: every respondent put in a stage (prospect, got-away, client, betweener, former),
/// expectation–experience gaps, NPS by stage, with tables and slide-ready charts.
#[derive(Debug, Parser)]
#[command(
    name = "journeygap",
    version,
    after_help = "Exit codes:\n  0  success (check: no errors; warnings may be listed)\n  1  an input, the config or the output could not be used: the message names the file and what to do\n  2  wrong command-line arguments\n\nThe quarterly workflow:\n  journeygap init exports/2026Q4      # first time: guess a commented journeygap.toml\n  journeygap check exports/2026Q4     # what maps, what does not, what looks wrong\n\nExample:\n  journeygap run exports/2026Q4 --out reports"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan an export folder and write a commented journeygap.toml guessed from its files.
    ///
    /// Lists every file's layout and every column with its kind (rating and scale, 0-10
    /// recommend, multi-select, date, id, free text) and sample values, and guesses the
    /// relationship and outcome questions with stage rules, the attribute pairs, likelihood to
    /// recommend, services, channels and segments. Read the file, correct it, then run `check`.
    #[command(
        after_help = "Example:\n  journeygap init exports/2026Q4\n  journeygap check exports/2026Q4"
    )]
    Init(InitArgs),
    /// Run everything up to the statistics and report what maps and what does not; writes nothing.
    ///
    /// Lists the files and their layouts, which field was found in which column of which file,
    /// columns no field uses, answers no value map or stage rule covers, ratings out of scale,
    /// duplicate ids, unclassified rows and why, and stages whose base is below min_base.
    /// Exit code 0 when there are no errors (warnings are listed either way), 1 otherwise.
    #[command(after_help = "Example:\n  journeygap check exports/2026Q4 --config journeygap.toml")]
    Check(CheckArgs),
    /// Analyse one period's export folder and write <out>/<period>/ (tables, charts, summary.json).
    ///
    /// Reads every .xlsx .xlsm .xlsb .xls .ods .csv .tsv .txt file below INPUT, classifies every
    /// row into a stage by the config's rules and writes the period folder atomically: a failed
    /// run leaves an earlier folder of the same period as it was.
    #[command(after_help = "Example:\n  journeygap run exports/2026Q4 --out reports")]
    Run(RunArgs),
    /// Check that a period's inputs still match the SHA-256 recorded in its summary.json.
    ///
    /// Reads <FOLDER>/summary.json and hashes every input file again: reports files changed,
    /// missing, or added since the run. Exit code 0 when all match, 1 otherwise.
    #[command(after_help = "Example:\n  journeygap verify reports/2026Q4")]
    Verify {
        /// A period folder written by `run`.
        folder: PathBuf,
        /// The input folder (default: the one recorded in summary.json).
        #[arg(long)]
        input: Option<PathBuf>,
    },
    /// Write the benchmark corpus: FILES files of RESPONDENTS respondents in the demo's layouts,
    /// as xlsx (OUT/xlsx) and CSV (OUT/csv), with the demo's config as OUT/journeygap.toml.
    #[command(
        hide = true,
        after_help = "Example:\n  journeygap gen-corpus target/corpus --files 200 --respondents 5000"
    )]
    GenCorpus {
        /// Folder to write into (created if missing).
        out: PathBuf,
        #[arg(long, default_value_t = 200)]
        files: usize,
        #[arg(long, default_value_t = 5000)]
        respondents: usize,
        /// Seed of the random generator.
        #[arg(long, default_value_t = 20261123)]
        seed: u64,
        /// Write only the xlsx files.
        #[arg(long, conflicts_with = "csv_only")]
        xlsx_only: bool,
        /// Write only the CSV files.
        #[arg(long)]
        csv_only: bool,
    },
    /// Write the demo exports (a fictional firm, three quarters, four layouts) into a folder.
    ///
    /// The generator is seeded: the same seed writes the same files.
    #[command(
        hide = true,
        after_help = "Example:\n  journeygap gen-demo fixtures/demo"
    )]
    GenDemo {
        /// Folder to write into (created if missing).
        out: PathBuf,
        /// Seed of the random generator.
        #[arg(long, default_value_t = 20261123)]
        seed: u64,
    },
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The folder of exports for one period (walked recursively).
    pub input: PathBuf,
    /// Where period folders are written.
    #[arg(long, short, default_value = "reports")]
    pub out: PathBuf,
    /// The config file (default: journeygap.toml in INPUT, next to it, or in the working directory).
    #[arg(long, short)]
    pub config: Option<PathBuf>,
    /// Period name, e.g. 2026Q4 (default: from INPUT's name, else from the response dates).
    #[arg(long)]
    pub period: Option<String>,
    /// Threads to use (default: all cores). Results are identical whatever the number.
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Record unreadable files in data_quality.csv and go on, instead of stopping.
    #[arg(long)]
    pub skip_bad_files: bool,
    /// Chart format: png (default), or svg to write each chart as SVG too (the PNGs stay, for
    /// the report).
    #[arg(long, value_enum, default_value_t = ChartFormat::Png)]
    pub format: ChartFormat,
    /// Replace respondent ids, panel keys and the values in reasons by keyed pseudonyms
    /// (HMAC-SHA-256 with JOURNEYGAP_SECRET or [privacy] secret) in every output, and leave out
    /// the uncoded words and personal examples, so that no client name or e-mail lands in a
    /// shared report (panel transitions still link the same key under the same secret).
    #[arg(long)]
    pub hash_ids: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder of exports to scan (walked recursively).
    pub folder: PathBuf,
    /// Where to write the config (default: FOLDER/journeygap.toml).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Replace an existing config.
    #[arg(long)]
    pub force: bool,
    /// Ask nothing, even in a terminal: write every guess and list the open questions.
    #[arg(long)]
    pub no_input: bool,
    /// Threads to use (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The folder of exports for one period (walked recursively).
    pub input: PathBuf,
    /// The config file (default: journeygap.toml in INPUT, next to it, or in the working directory).
    #[arg(long, short)]
    pub config: Option<PathBuf>,
    /// Threads to use (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print nothing but errors and warnings.
    #[arg(long, short)]
    pub quiet: bool,
    /// The period `run` would be given (checked as `run` checks it; by default `check` decides
    /// it as `run` does, from the folder's name or the response dates).
    #[arg(long)]
    pub period: Option<String>,
}

/// The chart file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormat {
    Png,
    Svg,
}

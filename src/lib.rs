//! journeygap: client-journey gap analysis for B2B professional-services firms.
//!
//! Data flows one way: `Args → Config → Tables → Respondents → Summary → files`.
//! Only [`ingest`] reads input; only [`report`] and [`chart`] write.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod chart;
pub mod classify;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod demo;
pub mod escape;
pub mod history;
pub mod ingest;
pub mod init;
pub mod inspect;
pub mod lexicon;
pub mod messages;
pub mod period;
pub mod privacy;
pub mod progress;
pub mod report;
pub mod stage;
pub mod stats;
pub mod timings;

/// The hasher of the in-memory tables of small keys (cell and value pools, tallies): rustc's
/// Fx hash, several times faster than SipHash, whose guard against chosen keys protects nothing
/// in a batch run over the user's own files. rustc-hash 1.x: its 2.x hash made the analysis'
/// tallies about 0.1 s slower on a million respondents (BENCHMARKS.md).
pub(crate) type FxBuildHasher = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// The name written into every `summary.json`, by which journeygap knows its own folders.
pub const TOOL_NAME: &str = "journeygap";
/// Version written into `summary.json`.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

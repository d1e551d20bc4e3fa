//! The seeded demo generator: a fictional firm's exports for three quarters in four layouts
//! (Qualtrics CSV, SurveyMonkey xlsx, Google Forms CSV, an interview coding workbook), with rows
//! to exclude and planted effects. It returns what it planted, so tests can check the analysis.
//!
//! Planted: got-aways rate *Relevant expertise* far below its importance; clients' *Proactive
//! ideas* falls short; clients' *Responsiveness* gap widens every quarter; former clients split
//! into promoters and detractors; twenty clients a quarter move to between engagements.

pub mod corpus;
mod people;
mod writers;

use std::collections::BTreeMap;
use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::stage::Stage;
pub use people::{Person, ATTRIBUTES};

/// The quarters written.
pub const QUARTERS: [&str; 3] = ["2026Q1", "2026Q2", "2026Q3"];

/// The demo's config, `fixtures/demo/journeygap.toml`.
pub const CONFIG: &str = include_str!("../../fixtures/demo/journeygap.toml");

/// The demo's config less its block "From the CRM and the client base" (the CRM lookup, its
/// stage rule and the raking targets): what the survey exports alone hold, and so what `init`
/// can find. The benchmark corpus, which has no CRM, is analysed with it.
pub fn survey_only_config() -> String {
    let begin = "# ---- From the CRM and the client base (begin) ----";
    let end = "# ---- From the CRM and the client base (end) ----\n";
    match (CONFIG.find(begin), CONFIG.find(end)) {
        (Some(b), Some(e)) if b < e => format!("{}{}", &CONFIG[..b], &CONFIG[e + end.len()..]),
        _ => CONFIG.to_string(),
    }
}

/// The CRM pipeline export, relative to the output folder.
pub const CRM_FILE: &str = "crm/pipeline.csv";

/// What one quarter's files hold, as generated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuarterTruth {
    /// Classified rows per stage, in [`Stage::ALL`] order.
    pub stages: [u64; 5],
    /// Rows to be excluded, by reason.
    pub excluded: BTreeMap<String, u64>,
    pub unclassified: u64,
    /// Data rows written (header rows not counted).
    pub rows: u64,
}

/// What the generator wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DemoTruth {
    /// Files written, relative to the output folder.
    pub files: Vec<String>,
    pub quarters: BTreeMap<String, QuarterTruth>,
}

/// Write the demo exports under `out/<quarter>/`.
pub fn write_demo(out: &Path, seed: u64) -> std::io::Result<DemoTruth> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut truth = DemoTruth::default();
    let mut prospects = Vec::new();
    for (qi, q) in QUARTERS.iter().enumerate() {
        let dir = out.join(q);
        std::fs::create_dir_all(&dir)?;
        let batch = people::quarter(&mut rng, qi);
        let mut qt = QuarterTruth::default();
        for p in &batch.all() {
            qt.rows += 1;
            match (&p.excluded, p.stage) {
                (Some(reason), _) => *qt.excluded.entry(reason.to_string()).or_default() += 1,
                (None, Some(s)) => qt.stages[s.index()] += 1,
                (None, None) => qt.unclassified += 1,
            }
        }
        for (name, bytes) in writers::files(&batch, q, qi).map_err(std::io::Error::other)? {
            let path = dir.join(&name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, bytes)?;
            truth.files.push(format!("{q}/{name}"));
        }
        truth.quarters.insert(q.to_string(), qt);
        prospects.extend(batch.surveymonkey);
    }
    // The CRM pipeline beside the quarters (the config's lookup).
    std::fs::create_dir_all(out.join("crm"))?;
    std::fs::write(
        out.join(CRM_FILE),
        writers::crm_csv(&prospects.iter().collect::<Vec<_>>()),
    )?;
    truth.files.push(CRM_FILE.to_string());
    Ok(truth)
}

/// The stage counts planted for a quarter, for messages and tests.
pub fn stage_counts(t: &QuarterTruth) -> Vec<(Stage, u64)> {
    Stage::ALL
        .iter()
        .map(|s| (*s, t.stages[s.index()]))
        .collect()
}

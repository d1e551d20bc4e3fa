//! `journeygap init`: scan an export folder and guess a commented `journeygap.toml` — the layout
//! of each file, every column with its kind and sample values, the relationship and outcome
//! questions with stage rules, the attribute pairs, likelihood to recommend, services, channels
//! and segments.

pub mod ask;
pub mod cond;
pub mod guess;
pub mod likert;
pub mod profile;
pub mod write;

use crate::ingest::{IngestError, Table};

/// The channel names the folder's answers hold (what the plan question offers).
pub fn channel_names(tables: &[&Table]) -> Vec<String> {
    let profiles = profile::profile(tables);
    let g = guess::guess(&profiles, &[]);
    g.channels.map(|(_, names)| names).unwrap_or_default()
}

/// Guess the config for these tables; `skipped` are the files that could not be read (the config
/// skips them).
pub fn config_text(folder: &str, tables: &[&Table], skipped: &[IngestError]) -> String {
    let profiles = profile::profile(tables);
    let sources: Vec<guess::Source> = tables
        .iter()
        .map(|t| guess::Source {
            label: t.label(),
            file: t.source_file.clone(),
            sheet: t.sheet.clone(),
        })
        .collect();
    let g = guess::guess(&profiles, &sources);
    let lines: Vec<write::TableLine> = tables
        .iter()
        .map(|t| write::TableLine {
            name: t.label(),
            layout: t.layout.name(),
            encoding: t.encoding,
            rows: t.rows.len(),
            columns: t.columns.len(),
        })
        .collect();
    write::render(folder, &lines, skipped, &profiles, &g)
}

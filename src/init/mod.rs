//! `journeygap init`: scan an export folder and guess a commented `journeygap.toml` — the layout
//! of each file, every column with its kind and sample values, the relationship and outcome
//! questions with stage rules, the attribute pairs, likelihood to recommend, services, channels
//! and segments.

pub mod ask;
pub mod cond;
pub mod guess;
pub mod likert;
pub mod profile;
pub mod shape;
pub mod write;

use crate::ingest::{IngestError, Table};

/// The language of a table's headers and first text answers.
pub fn language(t: &Table) -> Option<(&'static str, bool)> {
    let mut texts: Vec<String> = t
        .columns
        .iter()
        .map(|c| t.layout.shown_header(c).to_string())
        .collect();
    for row in t.rows.iter().take(200) {
        for cell in row.iter() {
            if let crate::ingest::Cell::Text(_) = cell {
                texts.push(cell.as_text().to_string());
            }
        }
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    crate::lexicon::language_of(&refs)
}

/// In tables whose language the lexicon does not cover, every phrase-based guess is unsure:
/// the journey fields and their answers' codes, and the rules on those tables' names.
fn unsure_in(
    g: &mut guess::Guess,
    profiles: &[profile::Profile],
    sources: &[guess::Source],
    uncovered: &[String],
) {
    use crate::config::guesses::Level;
    if uncovered.is_empty() {
        return;
    }
    let in_uncovered = |header: &str| {
        profiles
            .iter()
            .filter(|p| p.header == header)
            .any(|p| uncovered.iter().any(|u| p.tables.contains(u)))
    };
    let note = "in a language the lexicon does not cover";
    for f in g.fields.iter_mut() {
        if !f.headers.iter().any(|h| in_uncovered(h)) {
            continue;
        }
        f.level = Level::Unsure;
        f.why = format!("{}; {note}", f.why);
        for (a, _) in &f.values {
            if !f.value_levels.iter().any(|(b, _, _)| b == a) {
                f.value_levels
                    .push((a.clone(), Level::Unsure, String::new()));
            }
        }
        for (_, level, why) in f.value_levels.iter_mut() {
            *level = Level::Unsure;
            *why = if why.is_empty() {
                note.to_string()
            } else {
                format!("{why}; {note}")
            };
        }
    }
    let on_uncovered = |glob: &str| {
        sources
            .iter()
            .any(|s| uncovered.contains(&s.label) && guess::source_matches(glob, s))
    };
    for r in g
        .stages
        .iter_mut()
        .filter(|r| r.when.source.as_deref().is_some_and(on_uncovered))
    {
        r.level = Level::Unsure;
        r.why = format!("{}; {note}", r.why);
    }
}

/// What `init` made of a folder: the config's text, the channel names its answers hold (what
/// the plan question offers), and each table's language (name, and whether the lexicon covers
/// it), in table order.
pub struct Scan {
    pub text: String,
    pub channels: Vec<String>,
    pub languages: Vec<Option<(&'static str, bool)>>,
}

/// Guess the config for these tables; `skipped` are the files that could not be read (the config
/// skips them).
pub fn config_text(folder: &str, tables: &[&Table], skipped: &[IngestError]) -> String {
    scan(folder, tables, skipped).text
}

/// [`config_text`], with the channel names and languages beside it.
pub fn scan(folder: &str, tables: &[&Table], skipped: &[IngestError]) -> Scan {
    let profiles = profile::profile(tables);
    let sources: Vec<guess::Source> = tables
        .iter()
        .map(|t| guess::Source {
            label: t.label(),
            file: t.source_file.clone(),
            sheet: t.sheet.clone(),
        })
        .collect();
    let mut g = guess::guess(&profiles, &sources);
    let languages: Vec<Option<(&'static str, bool)>> = tables.iter().map(|t| language(t)).collect();
    let uncovered: Vec<String> = tables
        .iter()
        .zip(&languages)
        .filter(|(_, l)| l.is_some_and(|(_, covered)| !covered))
        .map(|(t, _)| t.label())
        .collect();
    unsure_in(&mut g, &profiles, &sources, &uncovered);
    let lines: Vec<write::TableLine> = tables
        .iter()
        .zip(&languages)
        .map(|(t, l)| write::TableLine {
            name: t.label(),
            layout: t.layout.name(),
            encoding: t.encoding,
            rows: t.rows.len(),
            columns: t.columns.len(),
            language: *l,
        })
        .collect();
    Scan {
        text: write::render(folder, &lines, skipped, &profiles, &g),
        channels: g.channels.map(|(_, names)| names).unwrap_or_default(),
        languages,
    }
}

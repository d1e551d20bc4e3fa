//! The benchmark corpus: the demo's generator at scale. Files alternate between the Qualtrics
//! client survey (3 header rows, 40 columns) and the SurveyMonkey prospect survey (2 header rows,
//! 38 columns); each is written as xlsx and as CSV with the same cells. Every file has its own
//! seeded generator, so files are generated in parallel and the corpus is the same every time.

use std::path::Path;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::people::{self, Person, Spec, CHANNELS, SERVICES};
use super::writers;
use crate::stage::Stage;

/// The quarter the corpus answers in (0-based: 2026Q3).
const QUARTER: usize = 2;

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub xlsx: bool,
    pub csv: bool,
}

/// Write `files` files of `per_file` respondents each: `out/xlsx/file_NNN.xlsx` and
/// `out/csv/file_NNN.csv`, and the demo's config as `out/journeygap.toml`.
pub fn write_corpus(
    out: &Path,
    files: usize,
    per_file: usize,
    seed: u64,
    formats: Formats,
) -> std::io::Result<()> {
    for (on, dir) in [(formats.xlsx, "xlsx"), (formats.csv, "csv")] {
        if on {
            std::fs::create_dir_all(out.join(dir))?;
        }
    }
    std::fs::write(out.join("journeygap.toml"), super::survey_only_config())?;
    (0..files).into_par_iter().try_for_each(|i| {
        let mut rng =
            ChaCha8Rng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let rows = if i % 2 == 0 {
            qualtrics_rows(&mut rng, i, per_file)
        } else {
            surveymonkey_rows(&mut rng, i, per_file)
        };
        let header_rows = if i % 2 == 0 { 3 } else { 2 };
        if formats.xlsx {
            let bytes = grid_xlsx(&rows, header_rows).map_err(std::io::Error::other)?;
            std::fs::write(out.join("xlsx").join(format!("file_{i:03}.xlsx")), bytes)?;
        }
        if formats.csv {
            let bytes = writers::csv_bytes(rows);
            std::fs::write(out.join("csv").join(format!("file_{i:03}.csv")), bytes)?;
        }
        Ok(())
    })
}

fn client_side(rng: &mut ChaCha8Rng, file: usize, j: usize) -> Person {
    let stage = match j % 10 {
        0..=5 => Stage::Client,
        6..=7 => Stage::Betweener,
        _ => Stage::Former,
    };
    let account = format!("ACC-{file:03}{j:05}");
    let mut p = people::person(rng, QUARTER, j, Spec { stage, account }, "R_");
    p.id = format!("R_{file:03}{j:05}");
    p.email = format!("contact{file:03}{j:05}@example.com");
    match stage {
        Stage::Client => p.relationship = "We are currently working with Northwind",
        Stage::Betweener => {
            p.relationship = "We have worked with Northwind in the past";
            p.last_project = Some(people::months_before(p.when, rng.random_range(3..20)));
            p.would_return = "Yes";
        }
        _ => {
            p.relationship = "We have worked with Northwind in the past";
            p.last_project = Some(people::months_before(p.when, rng.random_range(4..30)));
            p.would_return = "No";
        }
    }
    p
}

/// Qualtrics rows with eight more metadata columns, as real exports carry.
fn qualtrics_rows(rng: &mut ChaCha8Rng, file: usize, n: usize) -> Vec<Vec<String>> {
    let people: Vec<Person> = (0..n).map(|j| client_side(rng, file, j)).collect();
    let mut rows = writers::qualtrics_rows(&people);
    let extra = [
        ("IPAddress", "IP Address"),
        ("LocationLatitude", "Location Latitude"),
        ("LocationLongitude", "Location Longitude"),
        ("DistributionChannel", "Distribution Channel"),
        ("UserLanguage", "User Language"),
        ("RecipientLastName", "Recipient Last Name"),
        ("RecipientFirstName", "Recipient First Name"),
        ("ExternalReference", "External Data Reference"),
    ];
    for (k, row) in rows.iter_mut().enumerate() {
        let cells: Vec<String> = extra
            .iter()
            .enumerate()
            .map(|(e, (id, text))| match k {
                0 => id.to_string(),
                1 => text.to_string(),
                2 => format!("{{\"ImportId\":\"{}\"}}", id.to_lowercase()),
                _ => match e {
                    0 => format!("10.{}.{}.{}", file % 256, (k / 256) % 256, k % 256),
                    1 => format!("{:.4}", 51.0 + (k % 1000) as f64 / 1000.0),
                    2 => format!("{:.4}", -0.5 + (k % 700) as f64 / 1000.0),
                    3 => "email".into(),
                    4 => "EN".into(),
                    5 => format!("Last{k}"),
                    6 => format!("First{k}"),
                    _ => String::new(),
                },
            })
            .collect();
        let at = 10.min(row.len());
        row.splice(at..at, cells);
    }
    rows
}

/// SurveyMonkey rows: question row, sub-answer row, then one row per prospect or got-away.
fn surveymonkey_rows(rng: &mut ChaCha8Rng, file: usize, n: usize) -> Vec<Vec<String>> {
    let plan = [
        (Stage::GotAway, "We chose another firm"),
        (Stage::GotAway, "Northwind was not on our shortlist"),
        (Stage::Prospect, "We have put the project on hold"),
        (Stage::Prospect, "We are still deciding"),
        (Stage::Client, "We hired Northwind Advisory"),
    ];
    let (q, sub) = writers::surveymonkey_header(&[
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]);
    let mut rows = vec![q, sub];
    for j in 0..n {
        let (stage, outcome) = plan[j % plan.len()];
        let spec = Spec {
            stage,
            account: String::new(),
        };
        let p = people::person(rng, QUARTER, j, spec, "1");
        let when = p.when.format("%m/%d/%Y %I:%M:%S %p").to_string();
        let mut r = vec![
            format!("{}{file:03}{j:05}", 1),
            format!("{}", 400_000_000 + file),
            when.clone(),
            when,
            format!("10.1.{}.{}", file % 256, j % 256),
            format!("prospect{file:03}{j:05}@example.com"),
            format!("First{j}"),
            format!("Last{j}"),
            String::new(),
            outcome.to_string(),
        ];
        r.extend(p.importance.iter().map(|x| x.to_string()));
        r.extend(p.performance.iter().map(|x| x.to_string()));
        r.extend([
            p.recommend.to_string(),
            p.industry.into(),
            p.size.into(),
            p.why.into(),
        ]);
        for o in SERVICES {
            r.push(if p.known.contains(&o) {
                o.into()
            } else {
                String::new()
            });
        }
        for o in CHANNELS {
            r.push(if p.channels.contains(&o) {
                o.into()
            } else {
                String::new()
            });
        }
        rows.push(r);
    }
    rows
}

/// An xlsx of one sheet holding `rows`: header rows as text, data cells that read as numbers as
/// numbers, the rest as text, empty cells left out.
fn grid_xlsx(rows: &[Vec<String>], header_rows: usize) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&writers::fixed_properties()?);
    let ws = wb.add_worksheet();
    ws.set_name("Sheet")?;
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let number = (r >= header_rows)
                .then(|| v.parse::<f64>().ok())
                .flatten()
                .filter(|x| x.is_finite());
            let (r, c) = (r as u32, c as u16);
            match number {
                Some(x) => ws.write_number(r, c, x)?,
                None => ws.write_string(r, c, v)?,
            };
        }
    }
    wb.save_to_buffer()
}

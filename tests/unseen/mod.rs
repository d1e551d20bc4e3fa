//! Export folders `init` has never seen, written by a generator separate from the demo's: other
//! platforms, other languages, other wordings, one-stage files, coded interview workbooks with a
//! sheet per stage, a folder with no relationship question, duplicates and trailing note rows.
//! Every data row carries its true stage (or `excluded`), keyed by file, sheet and row number.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// (file relative to the folder, sheet or "", 1-based row) → true stage or `excluded`.
pub type Truth = BTreeMap<(String, String, usize), String>;

pub const STAGES: [&str; 5] = ["prospect", "got-away", "client", "betweener", "former"];

/// One sheet or CSV file: header rows, then data rows (text cells; numbers written as numbers
/// in workbooks when they parse).
pub struct Sheet {
    pub name: String,
    pub header: Vec<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    /// The true stage of each data row (`None`: not a respondent, such as a trailing note).
    pub truth: Vec<Option<String>>,
}

impl Sheet {
    pub fn new(name: &str, header: Vec<Vec<&str>>) -> Sheet {
        Sheet {
            name: name.into(),
            header: header
                .into_iter()
                .map(|r| r.into_iter().map(str::to_string).collect())
                .collect(),
            rows: Vec::new(),
            truth: Vec::new(),
        }
    }

    /// A sheet under header rows already made.
    pub fn with(name: &str, header: Vec<Vec<String>>) -> Sheet {
        Sheet {
            name: name.into(),
            header,
            rows: Vec::new(),
            truth: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>, truth: &str) {
        self.rows.push(row);
        self.truth.push(Some(truth.to_string()));
    }

    /// A row that is not a respondent (a note below the data).
    pub fn note(&mut self, text: &str) {
        self.rows.push(vec![text.to_string()]);
        self.truth.push(None);
    }
}

fn record(truth: &mut Truth, file: &str, sheet: &str, s: &Sheet) {
    let first = s.header.len() + 1;
    for (i, t) in s.truth.iter().enumerate() {
        if let Some(t) = t {
            truth.insert((file.to_string(), sheet.to_string(), first + i), t.clone());
        }
    }
}

/// Write a CSV file (`sep` between cells) and record its truth.
pub fn write_csv(dir: &Path, file: &str, s: &Sheet, sep: u8, truth: &mut Truth) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_path(&path)
        .unwrap();
    for r in s.header.iter().chain(&s.rows) {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    record(truth, file, "", s);
}

/// Write a workbook of these sheets and record their truth.
pub fn write_xlsx(dir: &Path, file: &str, sheets: &[Sheet], truth: &mut Truth) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).unwrap();
        for (r, row) in s.header.iter().chain(&s.rows).enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v.parse::<f64>() {
                    Ok(x) if !v.is_empty() && r as usize >= s.header.len() => {
                        ws.write_number(r, c, x).unwrap();
                    }
                    _ if v.is_empty() => {}
                    _ => {
                        ws.write_string(r, c, v).unwrap();
                    }
                }
            }
        }
        record(truth, file, &s.name, s);
    }
    wb.save(&path).unwrap();
}

/// A seeded generator of answers.
pub struct Gen {
    pub rng: ChaCha8Rng,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.rng.random_range(0..v.len())]
    }

    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.random_range(lo..=hi)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    /// A stage drawn with these weights (prospect, got-away, client, betweener, former).
    pub fn stage(&mut self, w: [u32; 5]) -> &'static str {
        let total: u32 = w.iter().sum();
        let mut x = self.rng.random_range(0..total);
        for (s, n) in STAGES.iter().zip(w) {
            if x < n {
                return s;
            }
            x -= n;
        }
        STAGES[2]
    }

    /// A point of a `k`-point scale, higher for `good`.
    pub fn point(&mut self, k: usize, good: bool) -> usize {
        let lo = if good { k / 2 } else { 0 };
        let hi = if good { k - 1 } else { k / 2 + 1 };
        self.rng.random_range(lo..=hi.min(k - 1))
    }

    /// Four items rated on a labelled scale (`labels` low to high).
    pub fn labels(&mut self, row: &mut Vec<String>, labels: &[&str], good: bool) {
        for _ in 0..4 {
            let p = self.point(labels.len(), good);
            row.push(labels[p].to_string());
        }
    }

    /// Four items rated 1..=k as numbers.
    pub fn numbers(&mut self, row: &mut Vec<String>, k: usize, good: bool) {
        for _ in 0..4 {
            row.push((1 + self.point(k, good)).to_string());
        }
    }

    /// A date `day` days into 2026-10 .. 2026-12, in the given form.
    pub fn date(&mut self, form: &str) -> String {
        let d = self.int(0, 60);
        let (m, day) = (10 + d / 30, 1 + d % 28);
        let (h, min) = (self.int(8, 18), self.int(0, 59));
        match form {
            "dmy" => format!("{day:02}/{m:02}/2026 {h:02}:{min:02}"),
            "mdy" => format!("{m}/{day}/2026 {h}:{min:02}:00"),
            "dots" => format!("{day:02}.{m:02}.2026 {h:02}:{min:02}"),
            _ => format!("2026-{m:02}-{day:02} {h:02}:{min:02}:00"),
        }
    }
}

/// How a folder's people answer a journey question, per stage.
pub type Phrases = [&'static [&'static str]; 5];

pub fn phrase(g: &mut Gen, p: &Phrases, stage: &str) -> String {
    let i = STAGES.iter().position(|s| *s == stage).unwrap();
    g.pick(p[i]).to_string()
}

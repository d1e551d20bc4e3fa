//! Where the reading time of `run` goes beyond the calamine floor, step by step, on the xlsx
//! (or CSV) reference corpus, each step in this process on all cores:
//! - `floor`: every sheet's `worksheet_range` (as the corpus benchmark's floor);
//! - `least` (CSV only): the least that any `run` must do beyond the floor on input and the
//!   per-respondent output, with no classifying or analysis at all: the floor, the SHA-256 of
//!   each file (for `summary.json` and `verify`) and a `respondents.csv` line per record
//!   (PRODUCT §5), its fields joined by hand (no quoting checks) and written to one file;
//! - `cells`: calamine's cell reader alone, every cell visited and dropped (xlsx only);
//! - `read`: `ingest::read_file_wanting` as `run` reads (hash, zip check, cell store, layout);
//! - `classify`: the same and `classify::classify_part`, the parts dropped;
//! - `keep`: the same with the parts kept until the end, as `run` keeps them.
//!
//! This binary allocates with mimalloc, as `journeygap` does (the corpus benchmark's floor uses
//! the system allocator), so its `floor` can differ a little from that one.
//!
//! Run: `cargo bench --bench read_steps` (xlsx; the corpus must exist: `cargo bench --bench
//! corpus` makes it) or `cargo bench --bench read_steps -- csv`. Three rounds; each round
//! runs every step once, in turn. Prints wall and CPU seconds (user + system, all threads).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Instant;

use calamine::{open_workbook_auto_from_rs, Reader};
use journeygap::classify::{self, mapping};
use journeygap::config::Config;
use journeygap::ingest::{self, Column, Layout};
use rayon::prelude::*;

#[path = "common/least.rs"]
mod least;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU seconds (user + system, all threads) of this process, from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let f: Vec<f64> = after_name
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// A CSV file's records as the floor reads them: no header row, rows of any length.
fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

const STEPS: [&str; 6] = ["floor", "least", "cells", "read", "classify", "keep"];

/// One step over every file; returns how many things it saw (so that nothing is optimised
/// away).
fn step(name: &str, root: &Path, paths: &[PathBuf], cfg: &Config) -> usize {
    let wanted = |layout: Layout, columns: &[Column]| mapping::wanted_columns(cfg, layout, columns);
    let kept = std::sync::Mutex::new(Vec::new());
    let lines_out = std::sync::Mutex::new(Vec::new());
    let n = paths
        .par_iter()
        .map(|p| match name {
            "floor" if p.extension().is_some_and(|e| e == "csv") => {
                let bytes = std::fs::read(p).expect("read");
                csv_reader(&bytes)
                    .byte_records()
                    .map(|rec| rec.expect("record").len())
                    .sum()
            }
            "floor" => {
                let bytes = std::fs::read(p).expect("read");
                let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).expect("workbook");
                let mut n = 0;
                for s in wb.sheet_names() {
                    n += wb.worksheet_range(&s).expect("sheet").get_size().0;
                }
                n
            }
            "least" => {
                let bytes = std::fs::read(p).expect("read");
                let mut w: Vec<u8> = Vec::with_capacity(bytes.len() / 4);
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let n = least::least(name, &bytes, &mut w);
                lines_out.lock().expect("lock").push((p.clone(), w));
                n
            }
            "cells" => {
                let bytes = std::fs::read(p).expect("read");
                let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).expect("workbook");
                let mut n = 0;
                for s in wb.sheet_names() {
                    let mut r = wb.worksheet_cells_reader(&s).expect("sheet");
                    while r.next_cell().expect("cell").is_some() {
                        n += 1;
                    }
                }
                n
            }
            "read" => ingest::read_file_wanting(root, p, Some(&wanted))
                .expect("read")
                .tables
                .len(),
            _ => {
                let f = ingest::read_file_wanting(root, p, Some(&wanted)).expect("read");
                let tables: Vec<classify::Joined> =
                    f.tables.iter().map(classify::Joined::plain).collect();
                let part = classify::classify_part(cfg, &tables);
                if name == "keep" {
                    kept.lock().expect("lock").push(part);
                }
                1
            }
        })
        .sum();
    drop(kept);
    let mut lines = lines_out.into_inner().expect("lock");
    if !lines.is_empty() {
        lines.sort_by(|a, b| a.0.cmp(&b.0));
        let out =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/read_steps_respondents.csv");
        let mut f = std::fs::File::create(&out).expect("create");
        for (_, l) in &lines {
            std::io::Write::write_all(&mut f, l).expect("write");
        }
    }
    n
}

fn main() {
    let fmt = if std::env::args().any(|a| a == "csv") {
        "csv"
    } else {
        "xlsx"
    };
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus/200x5000");
    let root = base.join(fmt);
    let paths = ingest::walk(&root).expect("the corpus: run `cargo bench --bench corpus` first");
    let cfg = Config::load(&base.join("journeygap.toml")).expect("corpus config");
    let steps: Vec<&str> = STEPS
        .into_iter()
        .filter(|s| {
            if fmt == "xlsx" {
                *s != "least"
            } else {
                *s != "cells"
            }
        })
        .collect();
    let mut wall = vec![Vec::new(); steps.len()];
    let mut cpu = vec![Vec::new(); steps.len()];
    for round in 1..=3 {
        for (i, name) in steps.iter().enumerate() {
            let (t, c) = (Instant::now(), cpu_seconds());
            assert!(step(name, &root, &paths, &cfg) > 0);
            wall[i].push(t.elapsed().as_secs_f64());
            cpu[i].push(cpu_seconds() - c);
            eprintln!(
                "round {round}: {name} {:.2} s, CPU {:.2} s",
                wall[i][wall[i].len() - 1],
                cpu[i][cpu[i].len() - 1]
            );
        }
    }
    println!(
        "{fmt} corpus, {} files, medians of 3 rounds:\n",
        paths.len()
    );
    println!("| step | wall (s) | CPU (s) | wall / floor |");
    println!("|---|---|---|---|");
    let floor = median(wall[0].clone());
    for (i, name) in steps.iter().enumerate() {
        let w = median(wall[i].clone());
        println!(
            "| {name} | {w:.2} | {:.2} | {:.2} |",
            median(cpu[i].clone()),
            w / floor
        );
    }
}

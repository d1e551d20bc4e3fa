//! Tables + config → respondents with a stage, the rule that gave it, exclusions with their
//! reasons, and the data-quality accounting: `rows read = excluded + classified + unclassified`
//! for every file and sheet.
//!
//! The domain: [`outcome`] (what became of a row, the accounting), [`verdict`] (flags, exclusion
//! and stage rules), [`duplicates`]. The machinery: [`store`] (the column store of value ids),
//! [`readers`] (cached cell readers), [`merge`] (parts put together), with [`table`] tying them
//! together for one table. [`read_and_classify`] owns the fusion of reading and classifying.

pub mod duplicates;
pub mod lookup;
pub mod mapping;
pub mod merge;
pub mod outcome;
pub mod rake;
pub mod readers;
pub mod rules;
pub mod store;
pub mod table;
pub mod texts;
pub mod values;
pub mod verdict;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::ingest::{self, IngestError, InputRow};
pub use lookup::{prepare, JoinRecord, Joined, Joins, Prepared};
pub use mapping::{AttrSource, Attribute};
pub use merge::{classify_part, merge, Part};
pub use outcome::{
    shown_id, Accounting, CellProblem, Outcome, OutcomeColumns, Respondent, TableInfo,
};
pub use store::{Classified, Respondents};
pub use values::Val;

/// Classify every row of every table (tables in parallel; results in table order).
pub fn classify(cfg: &Config, tables: &[Joined]) -> Classified {
    merge(cfg, vec![classify_part(cfg, tables)])
}

/// What [`read_and_classify`] made of a folder's files: per readable file its name and hash and
/// its classified part, in the order of the paths; and the errors of the files that could not be
/// read.
#[derive(Debug, Default)]
pub struct ReadClassified {
    pub inputs: Vec<InputRow>,
    pub parts: Vec<Part>,
    pub unreadable: Vec<IngestError>,
}

/// Read and classify every file in parallel, each file's cells dropped as soon as its rows are
/// classified (so memory holds one file's cells per thread, not the folder's). `done` is called
/// once per file, as it is finished.
pub fn read_and_classify(
    cfg: &Config,
    joins: &Joins,
    root: &Path,
    paths: &[PathBuf],
    done: &(dyn Fn() + Sync),
) -> ReadClassified {
    // Columns no field, attribute or flag can use are not read (their cells only count as
    // blank or not).
    let wanted = |layout, columns: &[ingest::Column]| mapping::wanted_columns(cfg, layout, columns);
    let results: Vec<Result<(InputRow, Part), IngestError>> = paths
        .par_iter()
        .map(|p| {
            let f = ingest::read_file_wanting(root, p, Some(&wanted));
            done();
            let f = f?;
            let prepared = lookup::prepare(cfg, joins, f.tables);
            let part = classify_part(cfg, &prepared.tables());
            let input = InputRow {
                source_file: f.source_file,
                sha256: f.sha256,
            };
            Ok((input, part))
        })
        .collect();
    let mut out = ReadClassified::default();
    for r in results {
        match r {
            Ok((i, p)) => {
                out.inputs.push(i);
                out.parts.push(p);
            }
            Err(e) => out.unreadable.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::read_text;

    fn config() -> Config {
        let text = r#"
[fields.respondent_id]
headers = ["ResponseId"]
[fields.date]
kind = "date"
headers = ["RecordedDate"]
[[stages.rules]]
name = "everyone"
stage = "client"
when = { always = true }
"#;
        parse(text)
    }

    fn parse(text: &str) -> Config {
        Config::parse(text, std::path::Path::new("journeygap.toml")).expect("config")
    }

    /// A config of these fields, a `kind` field and one rule: `kind` = client is a client.
    fn kind_config(fields: &str) -> Config {
        parse(&format!(
            r#"{fields}
[fields.kind]
headers = ["Kind"]
[[stages.rules]]
name = "clients"
stage = "client"
when = {{ field = "kind", equals = "client" }}
"#
        ))
    }

    fn part(cfg: &Config, name: &str, csv: &str) -> Part {
        let t = read_text(name, csv.as_bytes(), "csv", None).expect("table");
        classify_part(cfg, &[Joined::plain(&t)])
    }

    /// These (name, CSV text) files, each read as its own part, merged in order.
    fn merged(cfg: &Config, files: &[(&str, &str)]) -> Classified {
        merge(
            cfg,
            files.iter().map(|(n, csv)| part(cfg, n, csv)).collect(),
        )
    }

    #[test]
    fn parts_that_found_other_attributes_are_merged_onto_all_of_them() {
        let cfg = kind_config(
            r#"
[fields.respondent_id]
headers = ["Id"]
[[attribute_sets]]
expectation = '^Imp (\w+)$'
experience = '^Perf (\w+)$'
scale = [1, 5]"#,
        );
        let c = merged(
            &cfg,
            &[
                (
                    "a.csv",
                    "Id,Kind,Imp Speed,Perf Speed,Imp Price,Perf Price\na1,client,5,4,3,2\na2,client,1,2,,5\n",
                ),
                (
                    "b.csv",
                    "Id,Kind,Imp Price,Perf Price,Imp Tone,Perf Tone\nb1,client,4,4,2,1\n",
                ),
            ],
        );
        let names: Vec<&str> = c.attributes.iter().map(|a| a.name.as_str()).collect();
        let mut pairs = Vec::new();
        // Per respondent: its id and its (expectation, experience) numbers per attribute.
        type Pairs = Vec<(Option<f64>, Option<f64>)>;
        let rows: Vec<(String, Pairs)> = c
            .respondents()
            .map(|r| {
                c.pair_ids(r, &mut pairs);
                let nums = pairs.iter().map(|&(e, x)| (c.num(e), c.num(x))).collect();
                (c.respondent_id(r).unwrap_or("").to_string(), nums)
            })
            .collect();
        let at = |n: &str| names.iter().position(|a| *a == n).expect("attribute");
        let (speed, price, tone) = (at("Speed"), at("Price"), at("Tone"));
        assert_eq!(names.len(), 3);
        let get = |row: usize, a: usize| rows[row].1[a];
        assert_eq!(rows[0].0, "a1");
        assert_eq!(get(0, speed), (Some(5.0), Some(4.0)));
        assert_eq!(get(0, price), (Some(3.0), Some(2.0)));
        assert_eq!(get(0, tone), (None, None), "a part without the attribute");
        assert_eq!(get(1, price), (None, Some(5.0)));
        assert_eq!(rows[2].0, "b1");
        assert_eq!(get(2, speed), (None, None));
        assert_eq!(get(2, price), (Some(4.0), Some(4.0)));
        assert_eq!(get(2, tone), (Some(2.0), Some(1.0)));
    }

    #[test]
    fn duplicates_keep_the_latest_response_then_the_last_in_file_order() {
        let cfg = config();
        let c = merged(
            &cfg,
            &[
                (
                    "a.csv",
                    "ResponseId,RecordedDate\nX,2026-01-02\nY,2026-01-01\nZ,2026-01-01\n",
                ),
                (
                    "b.csv",
                    "ResponseId,RecordedDate\nX,2026-01-01\nY,2026-01-01\nW,2026-01-01\nW,2026-01-01\n",
                ),
            ],
        );
        let got: Vec<(Option<&str>, String)> = c
            .respondents()
            .map(|r| {
                let what = match &r.outcome {
                    Outcome::Excluded(why) => why.clone(),
                    Outcome::Classified { .. } => "kept".to_string(),
                    Outcome::Unclassified(why) => why.clone(),
                };
                (c.respondent_id(r), what)
            })
            .collect();
        let kept = "kept".to_string();
        assert_eq!(
            got,
            [
                (Some("X"), kept.clone()),
                (Some("Y"), "duplicate (kept b.csv row 3)".to_string()),
                (Some("Z"), kept.clone()),
                (Some("X"), "duplicate (kept a.csv row 2)".to_string()),
                (Some("Y"), kept.clone()),
                (Some("W"), "duplicate (kept b.csv row 5)".to_string()),
                (Some("W"), kept),
            ]
        );
        assert_eq!(c.len(), 7);
        assert_eq!(
            c.respondents().map(|r| r.index).collect::<Vec<_>>(),
            (0..7).collect::<Vec<_>>()
        );
    }

    /// A cell read once for many rows still counts once per row, with its example once; a
    /// column of distinct cells (read row by row) gives the same values as one read per cell.
    #[test]
    fn shared_readings_count_every_bad_cell_and_keep_every_value() {
        let cfg = kind_config(
            r#"
[fields.respondent_id]
headers = ["ResponseId"]
[fields.date]
kind = "date"
headers = ["RecordedDate"]
[fields.score]
kind = "number"
scale = [0, 10]
headers = ["Score"]
[fields.stamp]
kind = "date"
headers = ["Stamp"]"#,
        );
        let mut csv = String::from("ResponseId,RecordedDate,Score,Kind,Stamp\n");
        for i in 0..40 {
            let score = if i % 4 == 0 { "abc" } else { "7" };
            let kind = if i % 2 == 0 { "Client" } else { "other" };
            // Every stamp differs, so the column is read row by row, not per distinct cell.
            let stamp = if i % 5 == 0 {
                format!("never{i}")
            } else {
                format!("2026-02-01 10:{i:02}:00")
            };
            csv.push_str(&format!(
                "R{i},2026-01-{:02},{score},{kind},{stamp}\n",
                i % 28 + 1
            ));
        }
        let c = merged(&cfg, &[("a.csv", &csv)]);
        let bad: Vec<(&str, u64, &[String])> = c
            .cell_problems
            .iter()
            .map(|p| (p.problem, p.count, p.examples.as_slice()))
            .collect();
        let never = ["never0", "never5", "never10"].map(String::from);
        assert_eq!(
            bad,
            [
                ("not a number", 10, &["abc".to_string()][..]),
                ("not a date", 8, &never[..])
            ]
        );
        let ids: Vec<Option<&str>> = c.respondents().map(|r| c.respondent_id(r)).collect();
        let expect: Vec<String> = (0..40).map(|i| format!("R{i}")).collect();
        assert_eq!(
            ids,
            expect.iter().map(|s| Some(s.as_str())).collect::<Vec<_>>()
        );
        let days: Vec<u32> = c
            .respondents()
            .map(|r| chrono::Datelike::day(&r.date.expect("date")))
            .collect();
        assert_eq!(days, (0..40).map(|i| i % 28 + 1).collect::<Vec<u32>>());
        let staged = c.respondents().filter(|r| r.stage().is_some()).count();
        assert_eq!(
            staged, 20,
            "the rule's text match is folded once and holds for each row"
        );
    }

    #[test]
    fn leaving_unwanted_columns_unread_classifies_every_demo_file_alike() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
        let cfg = Config::load(&root.join("journeygap.toml")).expect("demo config");
        let wanted = |layout, columns: &[crate::ingest::Column]| {
            mapping::wanted_columns(&cfg, layout, columns)
        };
        let (mut csv_files, mut with_unread) = (0, 0);
        for path in crate::ingest::walk(&root).expect("demo files") {
            let full = crate::ingest::read_file(&root, &path).expect("read");
            let part = crate::ingest::read_file_wanting(&root, &path, Some(&wanted)).expect("read");
            let classify = |f: &crate::ingest::InputFile| {
                format!(
                    "{:?}",
                    classify_part(
                        &cfg,
                        &f.tables.iter().map(Joined::plain).collect::<Vec<_>>()
                    )
                )
            };
            assert!(
                classify(&full) == classify(&part),
                "{}: classified differently when unwanted columns are left unread",
                path.display()
            );
            if path.extension().is_some_and(|e| e == "csv") {
                csv_files += 1;
                let unread = |f: &crate::ingest::InputFile| {
                    f.tables[0]
                        .rows
                        .iter()
                        .flat_map(|r| r.iter().cloned().collect::<Vec<_>>())
                        .filter(|c| {
                            *c == crate::ingest::Cell::Text(crate::ingest::grid::UNREAD.into())
                        })
                        .count()
                };
                assert_eq!(unread(&full), 0);
                with_unread += usize::from(unread(&part) > 0);
            }
        }
        assert!(csv_files >= 6, "{csv_files}");
        assert!(
            with_unread >= 3,
            "the Qualtrics exports' unused columns are left unread"
        );
    }
}

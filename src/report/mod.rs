//! Summary → files: CSV tables, `summary.json`, and the atomic write of the period folder.
//!
//! Bytes are produced in memory apart from the writing, so a failure before the final rename
//! leaves any earlier content of the period folder as it was.

pub mod atomic;
pub mod deck;
pub mod document;
pub mod findings;
pub mod outdir;
pub mod respondents;
pub mod xlsx;

use serde::Serialize;
use serde_json::Value;

use std::fmt::Write as _;

use crate::analysis::{Summary, TableVisitor};
use crate::chart::DrawnChart;
pub use respondents::Respondents;

/// Why the period's files could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("tables.xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Deck(#[from] deck::DeckError),
}

/// One file of the period folder, path relative to it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A number as the tables write it (PRODUCT §7): the shortest decimal that reads back as the
/// same double, with a `.`; in exponent form (`8.6e-73`) only when 0 < |x| < 1e-6 or
/// |x| ≥ 1e15; `-0` as `0`; not finite as empty.
pub fn plain_number(x: f64) -> String {
    let mut s = String::new();
    write_plain_number(&mut s, x);
    s
}

/// [`plain_number`] appended to `out` (no allocation of its own, for a million rows).
pub fn write_plain_number(out: &mut String, x: f64) {
    if !x.is_finite() {
        return;
    }
    // Writing to a String cannot fail. Rust's `{}` and `{:e}` both give the shortest digits
    // that read back as the same double.
    if x == 0.0 {
        out.push('0');
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        // A whole number below 2^53 (the weight 1 of an unweighted respondent, on almost
        // every line) prints the same as an integer, faster.
        let _ = write!(out, "{}", x as i64);
    } else if x.abs() < 1e-6 || x.abs() >= 1e15 {
        let _ = write!(out, "{x:e}");
    } else {
        let _ = write!(out, "{x}");
    }
}

/// A CSV writer into memory, with the tables' line ending.
pub(crate) fn csv_writer(capacity: usize) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(capacity))
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => u.to_string(),
            (_, Some(i), _) => i.to_string(),
            (_, _, Some(f)) => plain_number(f),
            _ => String::new(),
        },
        // Never a formula (PRODUCT §7): text from the data that a spreadsheet would run.
        Value::String(s) => crate::escape::csv_cell(s).into_owned(),
        other => other.to_string(),
    }
}

/// One output table: its name, column names and rows of JSON values (the one tidy form that
/// the CSV and xlsx writers both render).
#[derive(Debug, Clone, PartialEq)]
pub struct TidyTable {
    pub name: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// A tidy table from serde rows: the header from the row type's field names.
pub fn tidy<T: Serialize + Default>(
    name: &'static str,
    rows: impl IntoIterator<Item = T>,
) -> TidyTable {
    let header = match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    let rows = rows
        .into_iter()
        .filter_map(|r| match serde_json::to_value(&r) {
            Ok(Value::Object(m)) => Some(m.into_iter().map(|(_, v)| v).collect()),
            _ => None,
        })
        .collect();
    TidyTable { name, header, rows }
}

/// A tidy CSV table: header, then one line per row.
pub fn csv_bytes(t: &TidyTable) -> Vec<u8> {
    let mut w = csv_writer(0);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&t.header);
    for r in &t.rows {
        let _ = w.write_record(r.iter().map(cell));
    }
    w.into_inner().unwrap_or_default()
}

/// A tidy CSV table straight from serde rows.
pub fn csv_table<T: Serialize + Default>(rows: impl IntoIterator<Item = T>) -> Vec<u8> {
    csv_bytes(&tidy("table", rows))
}

/// The tidy form of every table a visit gives.
struct Tidy(Vec<TidyTable>);

impl TableVisitor for Tidy {
    fn table<T: Serialize + Default + Clone>(&mut self, name: &'static str, rows: &[T]) {
        self.0.push(tidy(name, rows.iter().cloned()));
    }
}

/// Every summary table (all but `respondents`, which is written as it is streamed), in README
/// order.
pub fn tables(s: &Summary) -> Vec<TidyTable> {
    let mut t = Tidy(Vec::new());
    s.tables.visit(&mut t);
    t.0
}

/// Every file of the period folder, as bytes: tables, `tables.xlsx`, `summary.json`, the report
/// documents, the deck and the charts; not `respondents.csv`, which [`respondents`] writes as it is
/// made. `resp` is what [`respondents`] gave beside it (it needs no analysis, so it can be
/// made beside it).
pub fn period_files(
    summary: &Summary,
    resp: Respondents,
    charts: Vec<DrawnChart>,
    title: Option<&str>,
) -> Result<Vec<OutputFile>, ReportError> {
    period_files_drawing(summary, resp, title, None, || Ok(charts))
}

/// [`period_files`], the charts drawn by `draw` while the tables, the workbook and
/// `summary.json` are made beside it (they do not need the charts; the documents, which show
/// them, wait for both).
pub fn period_files_drawing<E: From<ReportError> + Send>(
    summary: &Summary,
    resp: Respondents,
    title: Option<&str>,
    template: Option<&deck::Template>,
    draw: impl FnOnce() -> Result<Vec<DrawnChart>, E> + Send,
) -> Result<Vec<OutputFile>, E> {
    let Respondents { sheet, reasons } = resp;
    let (data, charts) = rayon::join(|| data_files(summary, sheet), draw);
    let mut out = data?;
    let charts = charts?;
    out.extend(document::documents(
        summary, reasons, &charts, title, template,
    )?);
    for c in charts {
        out.push(OutputFile {
            path: format!("charts/{}.png", c.name),
            bytes: c.png,
        });
        if let Some(svg) = c.svg {
            out.push(OutputFile {
                path: format!("charts/{}.svg", c.name),
                bytes: svg,
            });
        }
    }
    Ok(out)
}

/// The tables as CSV files and as `tables.xlsx` (the respondents' sheet first), and
/// `summary.json`.
fn data_files(
    summary: &Summary,
    sheet: Result<Option<rust_xlsxwriter::Worksheet>, rust_xlsxwriter::XlsxError>,
) -> Result<Vec<OutputFile>, ReportError> {
    let tables = tables(summary);
    let mut out: Vec<OutputFile> = Vec::with_capacity(tables.len() + 2);
    out.extend(tables.iter().map(|t| OutputFile {
        path: format!("tables/{}.csv", t.name),
        bytes: csv_bytes(t),
    }));
    out.push(OutputFile {
        path: "tables.xlsx".into(),
        bytes: xlsx::workbook(sheet?, &tables)?,
    });
    let mut json = serde_json::to_vec_pretty(summary).unwrap_or_default();
    json.push(b'\n');
    out.push(OutputFile {
        path: "summary.json".into(),
        bytes: json,
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::StageMixRow;

    /// Every table of [`crate::analysis::Tables`] is written: a CSV file and a sheet each. A
    /// table added to the struct but not to the writers fails here.
    #[test]
    fn every_table_is_written_as_csv_and_sheet() {
        use calamine::Reader;
        let resp = respondents::write(Vec::<std::vec::IntoIter<_>>::new(), &mut Vec::new());
        let files = period_files(&Summary::default(), resp.unwrap(), Vec::new(), None).unwrap();
        let json = serde_json::to_value(crate::analysis::Tables::default()).unwrap();
        let names: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert!(names.len() >= 17, "{names:?}");
        let xlsx = files.iter().find(|f| f.path == "tables.xlsx").unwrap();
        let wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        let sheets = wb.sheet_names();
        assert_eq!(sheets.len(), names.len() + 1, "respondents and each table");
        for name in names {
            let csv = format!("tables/{name}.csv");
            assert!(files.iter().any(|f| f.path == csv), "{csv} not written");
            assert!(sheets.contains(name), "no sheet {name} in tables.xlsx");
        }
    }

    #[test]
    fn numbers_are_shortest_and_tiny_ones_in_exponent_form() {
        assert_eq!(plain_number(1e-10), "1e-10");
        assert_eq!(plain_number(8.6e-73), "8.6e-73");
        assert_eq!(plain_number(-3.25e-7), "-3.25e-7");
        assert_eq!(plain_number(0.000001), "0.000001");
        assert_eq!(plain_number(0.0000009999), "9.999e-7");
        assert_eq!(plain_number(123456789012345.6), "123456789012345.6");
        assert_eq!(plain_number(1e15), "1e15");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(0.25), "0.25");
        assert_eq!(plain_number(0.1 + 0.2), "0.30000000000000004");
        // Whole numbers take a faster path that must print as `{}` does.
        for x in [
            1.0,
            -1.0,
            2.0,
            12345.0,
            -98765.0,
            4503599627370496.0 / 8.0,
            999999999999999.0,
        ] {
            assert_eq!(plain_number(x), format!("{x}"), "{x}");
        }
        assert_eq!(plain_number(f64::NAN), "");
        assert_eq!(plain_number(f64::INFINITY), "");
        // Every form reads back as the same double.
        for x in [1e-300, 4.9e-324, 0.3, 1.0 / 3.0, 2.5e16, -7.0e-9, 1e300] {
            assert_eq!(plain_number(x).parse::<f64>().unwrap(), x, "{x}");
        }
    }

    /// A text longer than a cell holds is cut at Excel's limit, at a character's edge, not
    /// fatal; the table's CSV keeps it whole.
    #[test]
    fn an_overlong_text_is_cut_to_what_a_cell_holds() {
        use calamine::Reader;
        let long = "é".repeat(40_000);
        let table = TidyTable {
            name: "themes",
            header: vec!["theme".into()],
            rows: vec![vec![Value::String(long.clone())]],
        };
        let bytes = xlsx::workbook(None, std::slice::from_ref(&table)).unwrap();
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("themes").unwrap();
        let got = range.get_value((1, 0)).unwrap().to_string();
        assert_eq!(got.chars().count(), 32_767);
        assert!(long.starts_with(&got));
        assert!(String::from_utf8(csv_bytes(&table))
            .unwrap()
            .contains(&long));
    }

    #[test]
    fn empty_table_still_has_its_header() {
        let bytes = csv_table(Vec::<StageMixRow>::new());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "period,segment,stage,n,base,share,ci_low,ci_high,low_base,base_eff,label\n"
        );
    }

    #[test]
    fn missing_is_empty_and_booleans_are_words() {
        let row = StageMixRow {
            period: "2026Q1".into(),
            stage: "client".into(),
            low_base: true,
            ..Default::default()
        };
        let text = String::from_utf8(csv_table(vec![row])).unwrap();
        assert!(text.ends_with("2026Q1,,client,0,0,,,,true,,\n"), "{text}");
    }
}

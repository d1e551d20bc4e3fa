//! Summary → files: CSV tables, `summary.json`, and the atomic write of the period folder.
//!
//! Bytes are produced in memory apart from the writing, so a failure before the final rename
//! leaves any earlier content of the period folder as it was.

pub mod atomic;
pub mod document;
pub mod findings;
pub mod xlsx;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use std::fmt::Write as _;

use crate::analysis::{RespondentLine, RespondentRow, Summary};

/// One file of the period folder, path relative to it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A number as a plain decimal with a `.` (never exponent notation); `-0` as `0`.
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
    if x == 0.0 {
        out.push('0');
    } else {
        // Writing to a String cannot fail.
        let _ = write!(out, "{x}");
    }
}

/// A CSV writer into memory, with the tables' line ending.
fn csv_writer(capacity: usize) -> csv::Writer<Vec<u8>> {
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
        Value::String(s) => s.clone(),
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

/// Every table of the period, in README order.
/// Every summary table (all but `respondents`, which is written as it is streamed).
pub fn tables(s: &Summary) -> Vec<TidyTable> {
    vec![
        tidy("data_quality", s.data_quality.iter().cloned()),
        tidy("cell_problems", s.cell_problems.iter().cloned()),
        tidy("stage_mix", s.stage_mix.iter().cloned()),
        tidy("conversion", s.conversion.iter().cloned()),
        tidy("gaps", s.gaps.iter().cloned()),
        tidy("ipa", s.ipa.iter().cloned()),
        tidy("nps", s.nps.iter().cloned()),
        tidy("drivers", s.drivers.iter().cloned()),
        tidy("awareness", s.awareness.iter().cloned()),
        tidy("awareness_breadth", s.awareness_breadth.iter().cloned()),
        tidy("touchpoints", s.touchpoints.iter().cloned()),
        tidy("coverage_index", s.coverage_index.iter().cloned()),
        tidy("themes", s.themes.iter().cloned()),
        tidy("uncoded_words", s.uncoded_words.iter().cloned()),
        tidy("comparisons", s.comparisons.iter().cloned()),
        tidy("trends", s.trends.iter().cloned()),
        tidy("transitions", s.transitions.iter().cloned()),
    ]
}

/// Respondents in `tables.xlsx` only up to this many; `respondents.csv` always holds them all.
pub const XLSX_RESPONDENTS: usize = 100_000;

/// What streaming the respondents gives beside `respondents.csv` itself: the sheet for
/// `tables.xlsx` (when there are at most [`XLSX_RESPONDENTS`]) and the exclusions by reason.
pub struct Respondents {
    /// The sheet, or why it could not be made.
    sheet: Result<Option<rust_xlsxwriter::Worksheet>, String>,
    reasons: std::collections::BTreeMap<String, u64>,
}

/// Write `respondents.csv` into `out` as it is made: the respondents' lines, a few parts at a
/// time in parallel, put together in order, so that at most those parts' bytes are held.
pub fn respondents<'a, I, W>(parts: Vec<I>, out: &mut W) -> std::io::Result<Respondents>
where
    I: ExactSizeIterator<Item = RespondentLine<'a>> + Send,
    W: std::io::Write,
{
    let total: usize = parts.iter().map(ExactSizeIterator::len).sum();
    let keep = total <= XLSX_RESPONDENTS;
    // The header: the CSV of no rows.
    let header = tidy("respondents", std::iter::empty::<RespondentRow>());
    out.write_all(&csv_bytes(&header))?;
    // The sheet is written as the lines come, in order, beside the file.
    let mut sheet = if keep {
        xlsx::Sheet::new(header.name, &header.header).map(Some)
    } else {
        Ok(None)
    };
    let mut excluded = Vec::new();
    let mut parts = parts.into_iter();
    loop {
        let batch: Vec<I> = parts.by_ref().take(16).collect();
        if batch.is_empty() {
            break;
        }
        type Piece<'a> = (Vec<u8>, Vec<RespondentLine<'a>>, Vec<&'a str>);
        let pieces: Vec<Piece<'a>> = batch
            .into_par_iter()
            .map(|lines| {
                let mut w = Vec::with_capacity(lines.len() * 96);
                let (mut rows, mut excluded) = (Vec::new(), Vec::new());
                let mut number = String::new();
                for r in lines {
                    push_respondent_line(&mut w, &mut number, &r);
                    if r.excluded {
                        excluded.push(r.reason);
                    }
                    if keep {
                        rows.push(r);
                    }
                }
                (w, rows, excluded)
            })
            .collect();
        for (bytes, rows, why) in pieces {
            out.write_all(&bytes)?;
            if let Ok(Some(s)) = &mut sheet {
                if let Err(e) = rows.iter().try_for_each(|r| s.push(sheet_cells(r))) {
                    sheet = Err(e);
                }
            }
            excluded.extend(why);
        }
    }
    Ok(Respondents {
        sheet: sheet
            .and_then(|s| s.map(xlsx::Sheet::finish).transpose())
            .map_err(|e| e.to_string()),
        reasons: document::exclusion_reasons(excluded.into_iter()),
    })
}

/// A respondent's line as the cells of the respondents sheet, in the columns of
/// [`RespondentRow`].
fn sheet_cells<'a>(r: &'a RespondentLine) -> [xlsx::XCell<'a>; 11] {
    use std::borrow::Cow::Borrowed;
    use xlsx::XCell::{Bool, Count, Real, Text};
    [
        Text(Borrowed(r.period)),
        Text(Borrowed(r.source_file)),
        Text(Borrowed(r.sheet)),
        Count(r.row as f64),
        Text(Borrowed(&r.respondent_id)),
        Text(Borrowed(r.stage)),
        Text(Borrowed(r.rule)),
        Bool(r.excluded),
        Text(Borrowed(r.reason)),
        Text(Borrowed(&r.panel_key)),
        Real(r.weight),
    ]
}

/// One line of `respondents.csv`, as the csv crate writes it with the tables' settings
/// ([`csv_writer`]; a test holds the two alike). `number` is a buffer for the numbers.
fn push_respondent_line(out: &mut Vec<u8>, number: &mut String, r: &RespondentLine) {
    let mut field = |s: &str, last: bool| {
        push_csv_field(out, s);
        out.push(if last { b'\n' } else { b',' });
    };
    for s in [r.period, r.source_file, r.sheet] {
        field(s, false);
    }
    number.clear();
    let _ = write!(number, "{}", r.row);
    field(number, false);
    for s in [&*r.respondent_id, r.stage, r.rule] {
        field(s, false);
    }
    field(if r.excluded { "true" } else { "false" }, false);
    field(r.reason, false);
    field(&r.panel_key, false);
    number.clear();
    write_plain_number(number, r.weight);
    field(number, true);
}

/// A CSV field as the csv crate writes it with the tables' settings: in quotes, each quote
/// doubled, when it holds a `,`, a `"`, a `\r` or a `\n` (the bytes csv-core quotes for a `\n`
/// terminator), else as it is.
fn push_csv_field(out: &mut Vec<u8>, s: &str) {
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\r' | b'\n');
    if !s.as_bytes().iter().any(special) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    out.push(b'"');
    for &b in s.as_bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// Every file of the period folder, as bytes: tables, `tables.xlsx`, `summary.json`, the report
/// documents and the charts; not `respondents.csv`, which [`respondents`] writes as it is
/// made. `resp` is what [`respondents`] gave beside it (it needs no analysis, so it can be
/// made beside it).
pub fn period_files(
    summary: &Summary,
    resp: Respondents,
    charts: Vec<OutputFile>,
    title: Option<&str>,
) -> Result<Vec<OutputFile>, String> {
    let tables = tables(summary);
    let mut out: Vec<OutputFile> = Vec::with_capacity(tables.len() + charts.len() + 4);
    out.extend(tables.iter().map(|t| OutputFile {
        path: format!("tables/{}.csv", t.name),
        bytes: csv_bytes(t),
    }));
    let first = resp.sheet.map_err(|e| format!("tables.xlsx: {e}"))?;
    out.push(OutputFile {
        path: "tables.xlsx".into(),
        bytes: xlsx::workbook(first, &tables).map_err(|e| format!("tables.xlsx: {e}"))?,
    });
    let mut json = serde_json::to_vec_pretty(summary).unwrap_or_default();
    json.push(b'\n');
    out.push(OutputFile {
        path: "summary.json".into(),
        bytes: json,
    });
    out.extend(document::documents(summary, resp.reasons, &charts, title));
    out.extend(charts);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::StageMixRow;

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(plain_number(1e-10), "0.0000000001");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(0.25), "0.25");
        assert_eq!(plain_number(f64::NAN), "");
    }

    #[test]
    fn respondent_lines_are_written_as_the_csv_crate_writes_them() {
        let texts = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            " spaced ",
            "#hash",
            "é, ü",
            "tab\tin",
            ",",
            "\"\"",
        ];
        let mut mine = Vec::new();
        let mut theirs = csv_writer(0);
        let mut number = String::new();
        for (i, t) in texts.iter().enumerate() {
            let other = texts[(i * 5 + 3) % texts.len()];
            let line = RespondentLine {
                period: t,
                source_file: other,
                sheet: t,
                row: i as u64 * 977,
                respondent_id: std::borrow::Cow::Borrowed(other),
                stage: t,
                rule: other,
                excluded: i % 2 == 0,
                reason: t,
                panel_key: std::borrow::Cow::Borrowed(t),
                weight: [1.0, 0.25, 1e-10, 12345.5, 0.0][i % 5],
            };
            push_respondent_line(&mut mine, &mut number, &line);
            let (row, weight) = (line.row.to_string(), plain_number(line.weight));
            theirs
                .write_record([
                    line.period,
                    line.source_file,
                    line.sheet,
                    &row,
                    &line.respondent_id,
                    line.stage,
                    line.rule,
                    if line.excluded { "true" } else { "false" },
                    line.reason,
                    &line.panel_key,
                    &weight,
                ])
                .unwrap();
        }
        let theirs = theirs.into_inner().unwrap();
        assert_eq!(
            String::from_utf8(mine).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    /// Lines of every kind: texts with the bytes CSV quotes, an excluded row, weights whole,
    /// fractional and not finite.
    fn sample_lines() -> Vec<RespondentLine<'static>> {
        let texts = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "é, ü",
            " spaced ",
            "#hash",
        ];
        let weights = [1.0, 0.25, 1e-10, 12345.5, f64::NAN, 0.0];
        (0..23)
            .map(|i| {
                let (t, other) = (texts[i % texts.len()], texts[(i * 5 + 3) % texts.len()]);
                RespondentLine {
                    period: "2026Q3",
                    source_file: other,
                    sheet: t,
                    row: i as u64 * 977,
                    respondent_id: std::borrow::Cow::Owned(format!("{other}{i}")),
                    stage: t,
                    rule: other,
                    excluded: i % 3 == 0,
                    reason: t,
                    panel_key: std::borrow::Cow::Borrowed(t),
                    weight: weights[i % weights.len()],
                }
            })
            .collect()
    }

    /// The respondents sheet written from the lines as they stream is the sheet the tidy table
    /// of the same rows gives: the workbooks are byte for byte the same.
    #[test]
    fn respondents_sheet_from_lines_is_the_tidy_tables_sheet() {
        let lines = sample_lines();
        let parts = vec![lines[..10].iter().cloned(), lines[10..].iter().cloned()];
        let mut file = Vec::new();
        let streamed = respondents(parts, &mut file).unwrap();
        let streamed = xlsx::workbook(streamed.sheet.unwrap(), &[]).unwrap();
        let table = tidy("respondents", lines.iter().map(RespondentLine::to_row));
        let from_table = xlsx::workbook(None, &[table]).unwrap();
        assert!(streamed == from_table, "the two workbooks differ");
        // And the file beside it holds every line.
        assert_eq!(
            file.iter().filter(|&&b| b == b'\n').count(),
            1 + lines.len()
        );
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

//! `respondents.csv`: one line per data row read, made from the classification alone, so it is
//! written beside the analysis as it is made. This file owns the line's type, its columns and
//! both its encoders: the CSV line and the cells of the `respondents` sheet of `tables.xlsx`.

use std::borrow::Cow;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::{document, write_plain_number, xlsx};
use crate::classify::{shown_id, Classified, Respondent};
use crate::config::Config;

/// Respondents in `tables.xlsx` only up to this many; `respondents.csv` always holds them all.
pub const XLSX_RESPONDENTS: usize = 100_000;

/// The columns of `respondents.csv`, in order: the fields of [`RespondentLine`].
pub const COLUMNS: [&str; 12] = [
    "period",
    "source_file",
    "sheet",
    "row",
    "respondent_id",
    "stage",
    "rule",
    "excluded",
    "reason",
    "panel_key",
    "weight",
    "guess",
];

/// One line of `respondents.csv`, its texts borrowed from the value store so that a million
/// lines are written without copying their strings.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentLine<'a> {
    pub period: &'a str,
    pub source_file: &'a str,
    pub sheet: &'a str,
    pub row: u64,
    /// Owned only when hashed.
    pub respondent_id: Cow<'a, str>,
    pub stage: &'a str,
    pub rule: &'a str,
    pub excluded: bool,
    /// Owned only when hashed (the values the rules saw replaced by their pseudonyms).
    pub reason: Cow<'a, str>,
    pub panel_key: Cow<'a, str>,
    pub weight: f64,
    /// The weakest unconfirmed guess that decided the stage or exclusion; empty when none did.
    pub guess: &'a str,
}

impl RespondentLine<'_> {
    /// The line as the csv crate writes it with the tables' settings (a test holds the two
    /// alike), appended to `out`. `number` is a buffer for the numbers.
    pub fn push_csv(&self, out: &mut Vec<u8>, number: &mut String) {
        let mut field = |s: &str, last: bool| {
            push_csv_field(out, s);
            out.push(if last { b'\n' } else { b',' });
        };
        for s in [self.period, self.source_file, self.sheet] {
            field(s, false);
        }
        number.clear();
        let _ = write!(number, "{}", self.row);
        field(number, false);
        for s in [&*self.respondent_id, self.stage, self.rule] {
            field(s, false);
        }
        field(if self.excluded { "true" } else { "false" }, false);
        field(&self.reason, false);
        field(&self.panel_key, false);
        number.clear();
        write_plain_number(number, self.weight);
        field(number, false);
        field(self.guess, true);
    }

    /// The line as the cells of the respondents sheet, in [`COLUMNS`] order.
    pub fn cells(&self) -> [xlsx::XCell<'_>; 12] {
        use xlsx::XCell::{Bool, Count, Real, Text};
        use Cow::Borrowed;
        [
            Text(Borrowed(self.period)),
            Text(Borrowed(self.source_file)),
            Text(Borrowed(self.sheet)),
            Count(self.row as f64),
            Text(Borrowed(&self.respondent_id)),
            Text(Borrowed(self.stage)),
            Text(Borrowed(self.rule)),
            Bool(self.excluded),
            Text(Borrowed(&self.reason)),
            Text(Borrowed(&self.panel_key)),
            Real(self.weight),
            Text(Borrowed(self.guess)),
        ]
    }
}

/// A CSV field as the csv crate writes it with the tables' settings, after
/// [`crate::escape::csv_cell`]: in quotes, each quote
/// doubled, when it holds a `,`, a `"`, a `\r` or a `\n` (the bytes csv-core quotes for a `\n`
/// terminator), else as it is.
fn push_csv_field(out: &mut Vec<u8>, s: &str) {
    // Never a formula (PRODUCT §7): text from the data that a spreadsheet would run gets a `'`.
    let s = &*crate::escape::csv_cell(s);
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

/// One line for each data row, in parts (one per file read, in file order), which can be
/// encoded in parallel and put together in order.
pub fn line_parts<'a>(
    c: &'a Classified,
    cfg: &'a Config,
    period: &'a str,
    ids: Option<&'a crate::privacy::Pseudonyms>,
) -> Vec<impl ExactSizeIterator<Item = RespondentLine<'a>> + Send + 'a> {
    let line = move |r: &'a Respondent| {
        let t = &c.tables[r.table as usize];
        let o = r.outcome.columns(cfg);
        RespondentLine {
            period,
            source_file: &t.source_file,
            sheet: t.sheet.as_deref().unwrap_or(""),
            row: r.row as u64,
            respondent_id: shown_id(c.respondent_id(r), ids),
            stage: o.stage,
            rule: o.rule,
            excluded: o.excluded,
            reason: match ids {
                Some(p) => p.reason(o.reason),
                None => Cow::Borrowed(o.reason),
            },
            panel_key: shown_id(c.panel_key(r), ids),
            weight: r.weight,
            guess: r.guess.map_or("", |l| l.key()),
        }
    };
    c.respondent_parts().map(|p| p.iter().map(line)).collect()
}

/// What streaming the respondents gives beside `respondents.csv` itself: the sheet for
/// `tables.xlsx` (when there are at most [`XLSX_RESPONDENTS`]) and the exclusions by reason.
pub struct Respondents {
    /// The sheet, or why it could not be made.
    pub(super) sheet: Result<Option<rust_xlsxwriter::Worksheet>, rust_xlsxwriter::XlsxError>,
    pub(super) reasons: std::collections::BTreeMap<String, u64>,
}

/// Write `respondents.csv` into `out` as it is made: the respondents' lines, a few parts at a
/// time in parallel, put together in order, so that at most those parts' bytes are held.
pub fn write<'a, I, W>(parts: Vec<I>, out: &mut W) -> std::io::Result<Respondents>
where
    I: ExactSizeIterator<Item = RespondentLine<'a>> + Send,
    W: std::io::Write,
{
    let total: usize = parts.iter().map(ExactSizeIterator::len).sum();
    let keep = total <= XLSX_RESPONDENTS;
    let mut header = COLUMNS.join(",");
    header.push('\n');
    out.write_all(header.as_bytes())?;
    // The sheet is written as the lines come, in order, beside the file.
    let mut sheet = if keep {
        let names: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        xlsx::Sheet::new("respondents", &names).map(Some)
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
        type Piece<'a> = (Vec<u8>, Vec<RespondentLine<'a>>, Vec<Cow<'a, str>>);
        let pieces: Vec<Piece<'a>> = batch
            .into_par_iter()
            .map(|lines| {
                let mut w = Vec::with_capacity(lines.len() * 96);
                let (mut rows, mut excluded) = (Vec::new(), Vec::new());
                let mut number = String::new();
                for r in lines {
                    r.push_csv(&mut w, &mut number);
                    if r.excluded {
                        excluded.push(r.reason.clone());
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
                if let Err(e) = rows.iter().try_for_each(|r| s.push(r.cells())) {
                    sheet = Err(e);
                }
            }
            excluded.extend(why);
        }
    }
    Ok(Respondents {
        sheet: sheet.and_then(|s| s.map(xlsx::Sheet::finish).transpose()),
        reasons: document::exclusion_reasons(excluded.iter().map(|r| r.as_ref())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{csv_writer, plain_number, TidyTable};
    use serde_json::Value;

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
                reason: Cow::Borrowed(*t),
                panel_key: std::borrow::Cow::Borrowed(t),
                weight: [1.0, 0.25, 1e-10, 12345.5, 0.0][i % 5],
                guess: ["", "sure", "likely", "unsure"][i % 4],
            };
            line.push_csv(&mut mine, &mut number);
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
                    &line.reason,
                    &line.panel_key,
                    &weight,
                    line.guess,
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
                    reason: Cow::Borrowed(t),
                    panel_key: std::borrow::Cow::Borrowed(t),
                    weight: weights[i % weights.len()],
                    guess: ["", "unsure"][i % 2],
                }
            })
            .collect()
    }

    /// A cell as the tidy tables hold it.
    fn json(c: &xlsx::XCell) -> Value {
        match c {
            xlsx::XCell::Blank => Value::Null,
            xlsx::XCell::Bool(b) => Value::Bool(*b),
            xlsx::XCell::Count(x) => Value::from(*x as u64),
            xlsx::XCell::Real(x) => Value::from(*x),
            xlsx::XCell::Text(t) => Value::String(t.to_string()),
        }
    }

    /// The respondents sheet written from the lines as they stream is the sheet the tidy table
    /// of the same rows gives: the workbooks are byte for byte the same.
    #[test]
    fn respondents_sheet_from_lines_is_the_tidy_tables_sheet() {
        let lines = sample_lines();
        let parts = vec![lines[..10].iter().cloned(), lines[10..].iter().cloned()];
        let mut file = Vec::new();
        let streamed = write(parts, &mut file).unwrap();
        let streamed = xlsx::workbook(streamed.sheet.unwrap(), &[]).unwrap();
        let table = TidyTable {
            name: "respondents",
            header: COLUMNS.iter().map(|c| c.to_string()).collect(),
            rows: lines
                .iter()
                .map(|l| l.cells().iter().map(json).collect())
                .collect(),
        };
        let from_table = xlsx::workbook(None, &[table]).unwrap();
        assert!(streamed == from_table, "the two workbooks differ");
        // And the file beside it holds every line.
        assert_eq!(
            file.iter().filter(|&&b| b == b'\n').count(),
            1 + lines.len()
        );
    }
}

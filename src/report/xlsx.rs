//! `tables.xlsx`: every table as a sheet, header row frozen, numbers with formats that suit
//! their column (shares as percentages, p-values with four decimals), widths that fit.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde_json::Value;
use std::borrow::Cow;

use super::TidyTable;

/// Excel's last row (1-based 1,048,576) less the header row.
const MAX_ROWS: usize = 1_048_575;

/// The number format of a column, by its name.
fn format_for(column: &str) -> Format {
    let pct = [
        "share",
        "ci_low",
        "ci_high",
        "typecast_rate",
        "typecast_ci_low",
        "typecast_ci_high",
        "share_of_from",
        "firm_spend_share",
        "promoter_share",
        "detractor_share",
        "breadth_mean",
        "breadth_ci_low",
        "breadth_ci_high",
    ];
    let p = ["p_value", "q_value", "wilcoxon_p"];
    if pct.contains(&column) {
        Format::new().set_num_format("0.0%")
    } else if p.contains(&column) {
        Format::new().set_num_format("0.0000")
    } else {
        Format::new().set_num_format("0.00")
    }
}

/// A cell as a sheet holds it.
pub enum XCell<'a> {
    Blank,
    Bool(bool),
    /// A whole number, written without a number format.
    Count(f64),
    /// A measured number, written with its column's format.
    Real(f64),
    Text(Cow<'a, str>),
}

/// Excel's longest text in a cell; a longer one is cut there (its table's CSV holds it whole).
const MAX_TEXT: usize = 32_767;

/// One sheet as it is written: the header in bold and frozen, rows below it, each column's
/// numbers in the format its name calls for, widths that fit.
pub struct Sheet {
    ws: Worksheet,
    name: String,
    formats: Vec<Format>,
    rows: usize,
}

impl Sheet {
    pub fn new(name: &str, header: &[String]) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        let bold = Format::new().set_bold();
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        Ok(Sheet {
            ws,
            name: name.to_string(),
            formats: header.iter().map(|h| format_for(h)).collect(),
            rows: 0,
        })
    }

    /// The next row, below those before it; rows beyond Excel's last are counted, not written.
    pub fn push<'a>(
        &mut self,
        cells: impl IntoIterator<Item = XCell<'a>>,
    ) -> Result<(), XlsxError> {
        self.rows += 1;
        if self.rows > MAX_ROWS {
            return Ok(());
        }
        let (r, ws) = (self.rows as u32, &mut self.ws);
        for (c, v) in cells.into_iter().enumerate() {
            let col = c as u16;
            match v {
                // A number that is not finite is missing, as in the tables' CSV and JSON.
                XCell::Blank => {}
                XCell::Count(x) | XCell::Real(x) if !x.is_finite() => {}
                XCell::Bool(b) => {
                    ws.write_boolean(r, col, b)?;
                }
                XCell::Count(x) => {
                    ws.write_number(r, col, x)?;
                }
                XCell::Real(x) => match self.formats.get(c) {
                    Some(f) => {
                        ws.write_number_with_format(r, col, x, f)?;
                    }
                    None => {
                        ws.write_number(r, col, x)?;
                    }
                },
                XCell::Text(s) => {
                    ws.write_string(r, col, cut(&s))?;
                }
            }
        }
        Ok(())
    }

    /// The sheet, its overflow noted, ready to go into a workbook.
    pub fn finish(mut self) -> Result<Worksheet, XlsxError> {
        if self.rows > MAX_ROWS {
            let more = self.rows - MAX_ROWS;
            let note = format!("… {more} more rows: see tables/{}.csv", self.name);
            self.ws.write_string(MAX_ROWS as u32, 0, note)?;
        }
        self.ws.set_freeze_panes(1, 0)?;
        self.ws.autofit();
        Ok(self.ws)
    }
}

/// A text cut to [`MAX_TEXT`] characters, at a character's edge.
fn cut(s: &str) -> &str {
    // A text of at most MAX_TEXT bytes has at most as many characters: no need to count them.
    if s.len() <= MAX_TEXT {
        return s;
    }
    match s.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A table's value as a sheet's cell.
fn cell(v: &Value) -> XCell<'_> {
    match v {
        Value::Null => XCell::Blank,
        Value::Bool(b) => XCell::Bool(*b),
        Value::Number(n) if n.is_f64() => XCell::Real(n.as_f64().unwrap_or(0.0)),
        Value::Number(n) => XCell::Count(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => XCell::Text(Cow::Borrowed(s)),
        other => XCell::Text(Cow::Owned(other.to_string())),
    }
}

/// A table as a sheet.
fn table_sheet(t: &TidyTable) -> Result<Worksheet, XlsxError> {
    let mut sheet = Sheet::new(t.name, &t.header)?;
    for row in &t.rows {
        sheet.push(row.iter().map(cell))?;
    }
    sheet.finish()
}

/// The workbook's bytes: `first` (a sheet written as it was made), then every table as a
/// sheet. Properties are fixed so that the same tables give the same bytes.
pub fn workbook(first: Option<Worksheet>, tables: &[TidyTable]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("journeygap")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    if let Some(ws) = first {
        wb.push_worksheet(ws);
    }
    for t in tables {
        wb.push_worksheet(table_sheet(t)?);
    }
    wb.save_to_buffer()
}

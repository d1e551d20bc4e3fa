//! `tables.xlsx`: every table as a sheet, header row frozen, numbers with formats that suit
//! their column (shares as percentages, p-values with four decimals), widths that fit.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use serde_json::Value;

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

/// The workbook's bytes. Properties are fixed so that the same tables give the same bytes.
pub fn workbook(tables: &[TidyTable]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("journeygap")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    let bold = Format::new().set_bold();
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.name)?;
        for (c, h) in t.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        let formats: Vec<Format> = t.header.iter().map(|h| format_for(h)).collect();
        for (r, row) in t.rows.iter().take(MAX_ROWS).enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let col = c as u16;
                match v {
                    Value::Null => {}
                    Value::Bool(b) => {
                        ws.write_boolean(r, col, *b)?;
                    }
                    Value::Number(n) if n.is_f64() => {
                        ws.write_number_with_format(
                            r,
                            col,
                            n.as_f64().unwrap_or(0.0),
                            &formats[c],
                        )?;
                    }
                    Value::Number(n) => {
                        ws.write_number(r, col, n.as_f64().unwrap_or(0.0))?;
                    }
                    Value::String(s) => {
                        ws.write_string(r, col, s)?;
                    }
                    other => {
                        ws.write_string(r, col, other.to_string())?;
                    }
                }
            }
        }
        if t.rows.len() > MAX_ROWS {
            ws.write_string(
                MAX_ROWS as u32,
                0,
                format!(
                    "… {} more rows: see tables/{}.csv",
                    t.rows.len() - MAX_ROWS,
                    t.name
                ),
            )?;
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofit();
    }
    wb.save_to_buffer()
}

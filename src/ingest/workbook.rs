//! Workbooks (`.xlsx .xlsm .xlsb .xls .ods`) through calamine: every sheet is a table.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::cell::{excel_serial_to_datetime, Cell};
use super::{layout, Table, MAX_COLUMNS, MAX_SHEET_CELLS};

/// Read every non-empty sheet of a workbook.
pub fn read_workbook(name: &str, bytes: Vec<u8>) -> Result<Vec<Table>, String> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") && looks_encrypted_ole(&bytes) {
        return Err(
            "the workbook is password-protected (encrypted); save it without a password".into(),
        );
    }
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("not a readable workbook: {e}"))?;
    let mut tables = Vec::new();
    for sheet in wb.sheet_names() {
        let range = wb
            .worksheet_range(&sheet)
            .map_err(|e| format!("sheet '{sheet}': cannot be read: {e}"))?;
        let (height, width) = range.get_size();
        if width > MAX_COLUMNS || (height as u64) * (width as u64) > MAX_SHEET_CELLS {
            return Err(format!(
                "sheet '{sheet}': {height} rows × {width} columns is more than journeygap reads"
            ));
        }
        let Some((row0, col0)) = range.start() else {
            continue; // an empty sheet holds no table
        };
        let lead: Vec<Cell> = vec![Cell::Empty; col0 as usize];
        let grid: Vec<Vec<Cell>> = range
            .rows()
            .map(|r| lead.iter().cloned().chain(r.iter().map(convert)).collect())
            .collect();
        if grid.iter().all(|r| r.iter().all(Cell::is_empty)) {
            continue;
        }
        tables.push(layout::build_table(
            name.to_string(),
            Some(sheet.clone()),
            grid,
            row0 as usize,
        ));
    }
    if tables.is_empty() {
        return Err("no data: every sheet is empty".into());
    }
    Ok(tables)
}

/// An OLE compound file holding an `EncryptedPackage` stream is a password-protected xlsx.
fn looks_encrypted_ole(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) if f.is_finite() => Cell::Number(*f),
        Data::Float(_) => Cell::Error("non-finite number".into()),
        Data::String(s) => Cell::from_text(s),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match excel_serial_to_datetime(dt.as_f64()) {
            Some(d) if dt.is_datetime() => Cell::Date(d),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::from_text(s),
        Data::Error(e) => Cell::Error(format!("#{e:?}").into()),
    }
}

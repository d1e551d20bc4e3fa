//! Workbooks (`.xlsx .xlsm .xlsb .xls .ods`) through calamine: every worksheet is a table
//! (chart, dialog and macro sheets hold no responses and are passed over).

use std::io::Cursor;

use calamine::{
    open_workbook_auto_from_rs, Data, DataRef, Ods, Reader, SheetType, Sheets, Xls, Xlsb, Xlsx,
};

use super::cell::{excel_serial_to_datetime, Cell};
use super::grid::{Grid, GridBuilder, SparseGrid};
use super::{layout, Table, MAX_COLUMNS, MAX_SHEET_CELLS, MAX_UNZIPPED_BYTES};

/// Read every non-empty sheet of a workbook.
pub fn read_workbook(name: &str, bytes: Vec<u8>) -> Result<Vec<Table>, String> {
    let mut wb = open(name, bytes)?;
    let mut tables = Vec::new();
    let sheets: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for sheet in sheets {
        let table = match &mut wb {
            Sheets::Xlsx(x) => read_xlsx_sheet(name, x, &sheet)?,
            other => read_range_sheet(name, other, &sheet)?,
        };
        tables.extend(table);
    }
    if tables.is_empty() {
        return Err("no data: every sheet is empty".into());
    }
    Ok(tables)
}

/// One sheet of an xls, xlsb or ods workbook, from calamine's `Range`; `None` for an empty
/// sheet.
fn read_range_sheet(
    name: &str,
    wb: &mut Sheets<Cursor<Vec<u8>>>,
    sheet: &str,
) -> Result<Option<Table>, String> {
    let range = wb
        .worksheet_range(sheet)
        .map_err(|e| format!("sheet '{sheet}': cannot be read: {e}"))?;
    let (height, width) = range.get_size();
    check_size(sheet, height, width)?;
    let Some((row0, col0)) = range.start() else {
        return Ok(None); // an empty sheet holds no table
    };
    let lead = col0 as usize;
    let mut grid = GridBuilder::default();
    for r in range.rows() {
        for (c, d) in r.iter().enumerate() {
            match d {
                Data::Empty => {}
                Data::String(s) => grid.text(lead + c, s),
                other => grid.cell(lead + c, convert(other)),
            }
        }
        grid.end_row();
    }
    Ok(sheet_table(name, sheet, grid.finish(), row0))
}

/// The table of a sheet's cells; `None` when every cell is blank.
fn sheet_table(name: &str, sheet: &str, grid: Grid, row0: u32) -> Option<Table> {
    (!grid.all_empty()).then(|| {
        layout::build_table(
            name.to_string(),
            Some(sheet.to_string()),
            grid,
            row0 as usize,
        )
    })
}

/// Refuse a sheet larger than journeygap reads.
fn check_size(sheet: &str, height: usize, width: usize) -> Result<(), String> {
    if width > MAX_COLUMNS || (height as u64) * (width as u64) > MAX_SHEET_CELLS {
        return Err(format!(
            "sheet '{sheet}': {height} rows × {width} columns is more than journeygap reads"
        ));
    }
    Ok(())
}

/// One sheet of an xlsx workbook, its cells streamed from the sheet's XML and each distinct
/// cell of a column kept once (no `Range` of owned cells is built); `None` for an empty sheet.
/// The table is the one the calamine `Range` of the sheet gives.
fn read_xlsx_sheet(
    name: &str,
    wb: &mut Xlsx<Cursor<Vec<u8>>>,
    sheet: &str,
) -> Result<Option<Table>, String> {
    let unreadable = |e: &dyn std::fmt::Display| format!("sheet '{sheet}': cannot be read: {e}");
    let mut cells = match wb.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(None),
        Err(e) => return Err(unreadable(&e)),
    };
    let mut grid = SparseGrid::default();
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let (row, col) = cell.get_position();
        let put = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => grid.text(row, col, s),
            DataRef::String(s) => grid.text(row, col, s),
            DataRef::Float(x) if x.is_finite() => grid.number(row, col, *x),
            DataRef::Int(i) => grid.number(row, col, *i as f64),
            other => grid.cell(row, col, convert(&Data::from(other.clone()))),
        };
        put.map_err(|e| format!("sheet '{sheet}': {e}"))?;
    }
    drop(cells);
    let Some((row0, (height, width))) = grid.bounds() else {
        return Ok(None); // an empty sheet holds no table
    };
    check_size(sheet, height, width)?;
    Ok(sheet_table(name, sheet, grid.finish(), row0))
}

/// Open a workbook with the reader its content calls for, so that the error names the real
/// problem (a password, a damaged part) rather than "unknown format".
fn open(name: &str, bytes: Vec<u8>) -> Result<Sheets<Cursor<Vec<u8>>>, String> {
    let unreadable = |e: String| {
        if e.to_lowercase().contains("password") {
            PASSWORD.to_string()
        } else if e.contains("Cell limit exceeded") {
            format!("a sheet claims more cells than journeygap reads ({e}); the file is damaged or hostile")
        } else {
            format!("not a readable workbook ({e}); open it in Excel or LibreOffice and save it again as .xlsx")
        }
    };
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        if looks_encrypted_ole(&bytes) {
            return Err(PASSWORD.into());
        }
        return match Xls::new(Cursor::new(bytes)) {
            Ok(wb) => Ok(Sheets::Xls(wb)),
            Err(calamine::XlsError::Password) => Err(PASSWORD.into()),
            Err(e) => Err(unreadable(e.to_string())),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        check_zip(&bytes)?;
        let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        let first = match ext.as_str() {
            "xlsb" => Xlsb::new(Cursor::new(bytes.clone()))
                .map(Sheets::Xlsb)
                .map_err(|e| e.to_string()),
            "ods" => Ods::new(Cursor::new(bytes.clone()))
                .map(Sheets::Ods)
                .map_err(|e| e.to_string()),
            _ => Xlsx::new(Cursor::new(bytes.clone()))
                .map(Sheets::Xlsx)
                .map_err(|e| e.to_string()),
        };
        return match first {
            Ok(wb) => Ok(wb),
            // Named .xlsx but holding another zip format: let calamine try each.
            Err(e) => open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| unreadable(e)),
        };
    }
    if matches!(
        bytes.get(..2),
        Some([0x09, 0x02 | 0x04 | 0x06]) | Some([0x09, 0x00])
    ) {
        return Err("an Excel 2.x–4.0 worksheet (BIFF2–4, before 1995), which journeygap cannot read; open it in Excel or LibreOffice and save it again as .xlsx".into());
    }
    Err("not a spreadsheet: the file has neither the Excel/ODS zip nor the old Excel signature; if it is text, give it a .csv or .txt extension".into())
}

const PASSWORD: &str = "the workbook is password-protected (encrypted); save it without a password";

/// Refuse a zip (xlsx, xlsm, xlsb, ods) whose entries would unpack to more than
/// [`MAX_UNZIPPED_BYTES`]: a zip bomb is stopped before anything is inflated. The zip reader
/// also refuses an entry that inflates past its declared size.
fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable workbook: a damaged zip archive ({e})"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("not a readable workbook: a damaged zip archive ({e})"))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(format!(
            "the workbook would unpack to {} MiB, more than the {} MiB journeygap reads (a zip bomb, or an export to split)",
            total >> 20,
            MAX_UNZIPPED_BYTES >> 20
        ));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of stored entries whose headers declare `declared` bytes unpacked for each.
    fn zip_declaring(entries: &[(&str, &[u8])], declared: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = Vec::new();
                h.extend(sig.to_le_bytes());
                if central {
                    h.extend(20u16.to_le_bytes()); // made by
                }
                h.extend(20u16.to_le_bytes()); // version needed
                h.extend([0u8; 4]); // flags, method (stored)
                h.extend([0u8; 4]); // time, date
                h.extend([0u8; 4]); // crc
                h.extend((data.len() as u32).to_le_bytes());
                h.extend(declared.to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes()); // extra
                if central {
                    h.extend([0u8; 6]); // comment length, disk, internal attributes
                    h.extend([0u8; 4]); // external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend(*data);
            central.extend(header(0x0201_4b50, true));
        }
        let start = out.len() as u32;
        out.extend(&central);
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(start.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_zip_bomb_is_refused_before_inflating() {
        let bomb = zip_declaring(
            &[("xl/worksheets/sheet1.xml", b"<x/>"), ("b", b"1")],
            0x7FFF_FFFF,
        );
        let e = read_workbook("bomb.xlsx", bomb).unwrap_err();
        assert!(
            e.contains("would unpack to") && e.contains("zip bomb"),
            "{e}"
        );
        let small = zip_declaring(&[("a", b"1")], 1);
        assert!(check_zip(&small).is_ok());
    }

    #[test]
    fn text_named_xls_and_old_biff_get_their_own_message() {
        let e = read_workbook("notes.xls", b"Attachment: see below".to_vec()).unwrap_err();
        assert!(e.starts_with("not a spreadsheet"), "{e}");
        let e = read_workbook("old.xls", vec![0x09, 0x04, 6, 0, 0, 0]).unwrap_err();
        assert!(e.contains("BIFF2–4"), "{e}");
    }
}

//! Workbooks (`.xlsx .xlsm .xlsb .xls .ods`) through calamine: every worksheet is a table
//! (chart, dialog and macro sheets hold no responses and are passed over).

use std::io::Cursor;

use calamine::{
    open_workbook_auto_from_rs, Data, DataRef, Ods, Reader, SheetType, Sheets, Xls, Xlsb, Xlsx,
};

use super::cell::{excel_serial_to_datetime, Cell};
use super::grid::sparse::SparseGrid;
use super::grid::{Grid, GridBuilder, UNREAD};
use super::ReadError;
use super::{layout, Table, Wanted, MAX_COLUMNS, MAX_SHEET_CELLS, MAX_UNZIPPED_BYTES};

/// Read every non-empty sheet of a workbook; with `wanted`, the cells of the columns it does not
/// want are left unread in xlsx sheets (see [`read_xlsx_sheet`]).
pub fn read_workbook(
    name: &str,
    bytes: Vec<u8>,
    wanted: Option<Wanted>,
) -> Result<Vec<Table>, ReadError> {
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
            Sheets::Xlsx(x) => read_xlsx_sheet(name, x, &sheet, wanted)?,
            other => read_range_sheet(name, other, &sheet)?,
        };
        tables.extend(table);
    }
    if tables.is_empty() {
        return Err(ReadError::NoSheetData);
    }
    Ok(tables)
}

/// One sheet of an xls, xlsb or ods workbook, from calamine's `Range`; `None` for an empty
/// sheet.
fn read_range_sheet(
    name: &str,
    wb: &mut Sheets<Cursor<Shared>>,
    sheet: &str,
) -> Result<Option<Table>, ReadError> {
    let range = wb.worksheet_range(sheet).map_err(|e| ReadError::Sheet {
        sheet: sheet.to_string(),
        detail: e.to_string(),
    })?;
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
fn check_size(sheet: &str, height: usize, width: usize) -> Result<(), ReadError> {
    if width > MAX_COLUMNS || (height as u64) * (width as u64) > MAX_SHEET_CELLS {
        return Err(ReadError::SheetTooLarge {
            sheet: sheet.to_string(),
            height,
            width,
        });
    }
    Ok(())
}

/// One sheet of an xlsx workbook, its cells streamed from the sheet's XML and each distinct
/// cell of a column kept once (no `Range` of owned cells is built); `None` for an empty sheet.
/// The table is the one the calamine `Range` of the sheet gives. With `wanted`, the columns it
/// does not want are left unread below the rows the layout is told from; if the whole table's
/// layout then wants one of them, the sheet is read again in full.
fn read_xlsx_sheet(
    name: &str,
    wb: &mut Xlsx<Cursor<Shared>>,
    sheet: &str,
    wanted: Option<Wanted>,
) -> Result<Option<Table>, ReadError> {
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Sheet {
        sheet: sheet.to_string(),
        detail: e.to_string(),
    };
    let mut cells = match wb.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(None),
        Err(e) => return Err(unreadable(&e)),
    };
    let mut grid = SparseGrid::default();
    // The first row with a cell, until the rows below the layout's are reached.
    let mut head: Option<u32> = None;
    let mut unread = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let (row, col) = cell.get_position();
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        if let Some(wanted) = wanted {
            let first = *head.get_or_insert(row);
            if row.saturating_sub(first) >= layout::SNIFF_ROWS as u32 && unread.is_empty() {
                let sniffed = sheet_table(name, sheet, grid.clone().finish(), first);
                unread = sniffed.map_or_else(Vec::new, |t| {
                    wanted(t.layout, &t.columns)
                        .into_iter()
                        .map(|w| !w)
                        .collect()
                });
                unread.push(false); // decided, even for a table of no columns
                grid.leave_unread(unread.clone());
            }
        }
        let put = if grid.is_unread(col) {
            match value {
                DataRef::SharedString(s) => grid.unread(row, col, s),
                DataRef::String(s) => grid.unread(row, col, s),
                DataRef::Float(_) | DataRef::Int(_) => grid.unread(row, col, UNREAD),
                other => {
                    let blank = convert(&Data::from(other.clone())).is_empty();
                    grid.unread(row, col, if blank { "" } else { UNREAD })
                }
            }
        } else {
            match value {
                // Shared strings live in the workbook until it is dropped.
                DataRef::SharedString(s) => grid.shared_text(row, col, s),
                DataRef::String(s) => grid.text(row, col, s),
                DataRef::Float(x) if x.is_finite() => grid.number(row, col, *x),
                DataRef::Int(i) => grid.number(row, col, *i as f64),
                other => grid.cell(row, col, convert(&Data::from(other.clone()))),
            }
        };
        put.map_err(|e| ReadError::InSheet {
            sheet: sheet.to_string(),
            cause: Box::new(e),
        })?;
    }
    drop(cells);
    let Some((row0, (height, width))) = grid.bounds() else {
        return Ok(None); // an empty sheet holds no table
    };
    check_size(sheet, height, width)?;
    let table = sheet_table(name, sheet, grid.finish(), row0);
    if let (Some(wanted), Some(t)) = (wanted, &table) {
        let wants = wanted(t.layout, &t.columns);
        if (wants.iter().zip(&unread)).any(|(&w, &u)| w && u) {
            return read_xlsx_sheet(name, wb, sheet, None);
        }
    }
    Ok(table)
}

/// A workbook's bytes, shared between a first try at its format and the fallback that tries
/// every format, rather than copied for it.
#[derive(Clone)]
pub(super) struct Shared(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// Open a workbook with the reader its content calls for, so that the error names the real
/// problem (a password, a damaged part) rather than "unknown format".
fn open(name: &str, bytes: Vec<u8>) -> Result<Sheets<Cursor<Shared>>, ReadError> {
    let unreadable = |e: String| {
        if e.to_lowercase().contains("password") {
            ReadError::Password
        } else if e.contains("Cell limit exceeded") {
            ReadError::CellLimit(e)
        } else {
            ReadError::NotAWorkbook(e)
        }
    };
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        if looks_encrypted_ole(&bytes) {
            return Err(ReadError::Password);
        }
        super::ole::check(&bytes).map_err(ReadError::DamagedOle)?;
        return match Xls::new(Cursor::new(Shared(bytes.into()))) {
            Ok(wb) => Ok(Sheets::Xls(wb)),
            Err(calamine::XlsError::Password) => Err(ReadError::Password),
            Err(e) => Err(unreadable(e.to_string())),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        check_zip(&bytes)?;
        let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        let bytes = Shared(bytes.into());
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
        return Err(ReadError::OldExcel);
    }
    Err(ReadError::NotASpreadsheet)
}

/// Refuse a zip (xlsx, xlsm, xlsb, ods) whose entries would unpack to more than
/// [`MAX_UNZIPPED_BYTES`]: a zip bomb is stopped before anything is inflated. The zip reader
/// also refuses an entry that inflates past its declared size.
fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let damaged = |e: zip::result::ZipError| ReadError::DamagedZip(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(ReadError::ZipBomb { bytes: total });
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
        let e = read_workbook("bomb.xlsx", bomb, None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("would unpack to") && e.contains("zip bomb"),
            "{e}"
        );
        let small = zip_declaring(&[("a", b"1")], 1);
        assert!(check_zip(&small).is_ok());
    }

    /// An xlsx of `id, note, score` rows, a row with only a note, and `extra` rows of four cells.
    fn notes_workbook(extra: usize) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["id", "note", "score"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for i in 1..=30u32 {
            ws.write_string(i, 0, format!("r{i}")).unwrap();
            ws.write_string(i, 1, format!("n{i}")).unwrap();
            ws.write_number(i, 2, f64::from(i % 5)).unwrap();
        }
        ws.write_number(31, 1, 7.0).unwrap();
        for i in 0..extra as u32 {
            for c in 0..4 {
                ws.write_string(32 + i, c, "x").unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn unwanted_xlsx_columns_are_left_unread_after_the_head_unless_the_table_wants_them() {
        let want_all_but_note = |_: crate::ingest::Layout, cols: &[crate::ingest::Column]| {
            cols.iter()
                .map(|c| c.label() != "note")
                .collect::<Vec<bool>>()
        };
        let read = |bytes, wanted: Option<Wanted>| {
            read_workbook("x.xlsx", bytes, wanted).unwrap().remove(0)
        };
        let t = read(notes_workbook(0), Some(&want_all_but_note));
        let full = read(notes_workbook(0), None);
        assert_eq!((t.columns.clone(), t.rows.len()), (full.columns, 31));
        assert_eq!(
            t.rows.row(29)[1],
            Cell::Text(UNREAD.into()),
            "a row after the head"
        );
        assert_eq!(
            t.rows.row(2)[1],
            Cell::Text("n3".into()),
            "a row of the head"
        );
        assert_eq!(t.rows.row(29)[0], Cell::Text("r30".into()));
        assert_eq!(t.rows.row(29)[2], Cell::Number(0.0));
        assert_eq!(
            t.rows.row(30)[1],
            Cell::Text(UNREAD.into()),
            "a number left unread"
        );
        assert!(
            !t.rows.row(30).iter().all(Cell::is_empty),
            "not an empty row"
        );
        // A wider row below the head makes the table want every column: read again in full.
        let narrow_head = |_: crate::ingest::Layout, cols: &[crate::ingest::Column]| {
            cols.iter()
                .map(|c| cols.len() > 3 || c.label() != "note")
                .collect::<Vec<bool>>()
        };
        let t = read(notes_workbook(1), Some(&narrow_head));
        assert_eq!(t.rows.row(29)[1], Cell::Text("n30".into()));
    }

    #[test]
    fn text_named_xls_and_old_biff_get_their_own_message() {
        let e = read_workbook("notes.xls", b"Attachment: see below".to_vec(), None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("not a spreadsheet"), "{e}");
        let e = read_workbook("old.xls", vec![0x09, 0x04, 6, 0, 0, 0], None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("BIFF2–4"), "{e}");
    }
}

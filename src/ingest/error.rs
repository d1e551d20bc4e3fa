//! Why a file cannot be read, each reason with what to do about it. [`super::IngestError`]
//! names the file beside it.

use super::{MAX_COLUMNS, MAX_UNZIPPED_BYTES};

/// Why a file (or one of its sheets) cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("not a text file (binary content); export it as CSV or xlsx")]
    Binary,
    #[error("record {record}: malformed CSV ({detail})")]
    MalformedCsv { record: usize, detail: String },
    #[error("line {line}: a quote opens a cell and is never closed, so the {lines} lines from there to the end of the file would be one cell; close the quote, or export the file again")]
    UnterminatedQuote { line: usize, lines: usize },
    #[error("line {line}: a quote opens a cell that runs on to line {to_line}, swallowing the records between (they would be one cell); close the quote where the cell ends, or export the file again")]
    SwallowingQuote { line: usize, to_line: usize },
    #[error("line {line}: the record is longer than the {limit_mib} MiB journeygap reads in one record; the file is damaged, or split the export")]
    RecordTooLong { line: usize, limit_mib: usize },
    #[error("line {line}, column {column}: the cell is longer than the {limit_mib} MiB journeygap reads in one cell")]
    CellTooLong {
        line: usize,
        column: String,
        limit_mib: usize,
    },
    #[error("record {record} has {columns} columns, more than the {MAX_COLUMNS} journeygap reads")]
    TooManyFields { record: usize, columns: usize },
    #[error("no data: the file holds no cells")]
    NoCells,
    #[error("no data: every sheet is empty")]
    NoSheetData,
    #[error("sheet '{sheet}': cannot be read: {detail}")]
    Sheet { sheet: String, detail: String },
    #[error("sheet '{sheet}': {height} rows × {width} columns is more than journeygap reads")]
    SheetTooLarge {
        sheet: String,
        height: usize,
        width: usize,
    },
    #[error("sheet '{sheet}': {cause}")]
    InSheet {
        sheet: String,
        cause: Box<ReadError>,
    },
    #[error("a cell in column {column} is beyond the {MAX_COLUMNS} columns journeygap reads")]
    ColumnBeyondLimit { column: usize },
    #[error("the workbook is password-protected (encrypted); save it without a password")]
    Password,
    #[error(
        "a sheet claims more cells than journeygap reads ({0}); the file is damaged or hostile"
    )]
    CellLimit(String),
    #[error(
        "not a readable workbook ({0}); open it in Excel or LibreOffice and save it again as .xlsx"
    )]
    NotAWorkbook(String),
    #[error("not a readable workbook: a damaged compound file ({0})")]
    DamagedOle(String),
    #[error("not a readable workbook: a damaged zip archive ({0})")]
    DamagedZip(String),
    #[error(
        "the workbook would unpack to {} MiB, more than the {} MiB journeygap reads (a zip bomb, or an export to split)",
        .bytes >> 20,
        MAX_UNZIPPED_BYTES >> 20
    )]
    ZipBomb { bytes: u64 },
    #[error("an Excel 2.x–4.0 worksheet (BIFF2–4, before 1995), which journeygap cannot read; open it in Excel or LibreOffice and save it again as .xlsx")]
    OldExcel,
    #[error("not a spreadsheet: the file has neither the Excel/ODS zip nor the old Excel signature; if it is text, give it a .csv or .txt extension")]
    NotASpreadsheet,
}

//! Files → tables: folder walk, workbook and CSV readers, encoding and layout sniffing.
//!
//! Only this module reads input. A file that cannot be read is an [`IngestError`] naming the
//! file and the reason; a bad cell is never an error here (it becomes a counted finding later).

pub mod cell;
pub mod dates;
pub mod error;
pub mod format;
pub mod grid;
pub mod layout;
pub mod lookup;
pub mod ole;
pub mod quotes;

pub mod text;
pub mod workbook;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use cell::Cell;
pub use error::ReadError;
pub use grid::{Grid, RowRef};
pub use layout::Layout;

/// Largest input file read, in bytes: larger ones are refused with a message. A file is read
/// whole, so this bounds the memory one input takes (PRODUCT §8: about 512 MiB).
pub const MAX_FILE_BYTES: u64 = 512 << 20;
/// Largest total a workbook's zip entries may unpack to, in bytes.
pub const MAX_UNZIPPED_BYTES: u64 = 512 << 20;
/// Largest number of cells one sheet may hold.
pub const MAX_SHEET_CELLS: u64 = 200_000_000;
/// Largest number of columns one sheet may hold.
pub const MAX_COLUMNS: usize = 16_384;

/// Extensions read with calamine.
const WORKBOOK_EXT: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];
/// Extensions read with the csv crate.
const TEXT_EXT: [&str; 3] = ["csv", "tsv", "txt"];

/// Why a file could not be read.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
#[error("{file}: {reason}")]
pub struct IngestError {
    /// The file, relative to the input folder.
    pub file: String,
    /// What went wrong and what to do.
    pub reason: String,
}

/// One column of a table: the header texts it can be found under, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header names, normalised (whitespace folded, tags dropped); first is the display name.
    pub names: Vec<String>,
    /// For a column that is one option of a multi-select question: the option's text.
    pub option: Option<String>,
    /// The spreadsheet column letter (`A`, `AB`), for messages.
    pub letter: String,
}

impl Column {
    /// The name shown in tables and messages.
    pub fn label(&self) -> &str {
        self.names.first().map(String::as_str).unwrap_or("")
    }
}

/// One sheet of a workbook, or one CSV file, with its header rows taken off.
#[derive(Debug, Clone)]
pub struct Table {
    /// Source file relative to the input folder, `/`-separated.
    pub source_file: String,
    /// Sheet name; `None` for a CSV file.
    pub sheet: Option<String>,
    pub layout: Layout,
    /// Text encoding (CSV only).
    pub encoding: Option<&'static str>,
    /// Numbers written with a decimal comma (`;`-separated CSV).
    pub decimal_comma: bool,
    pub columns: Vec<Column>,
    /// Data rows, each as long as `columns`.
    pub rows: Grid,
    /// The 1-based record number of `rows[0]` as a spreadsheet program shows it.
    pub first_row_number: usize,
    /// How many of the last rows are notes or totals below the data ("Total", "Notes: …",
    /// "Source", a row of only sums): excluded with the reason `note row`.
    pub note_rows: usize,
    /// Per column, its [`Table::column_format`] once asked for (init's profile, `check` and
    /// each field that reads the column ask for the same).
    pub(crate) formats: Vec<std::sync::OnceLock<format::ColumnFormat>>,
    /// Whether a column writes its numbers with decimal commas ([`Table::comma_numbers`]).
    pub(crate) comma_numbers: std::sync::OnceLock<bool>,
}

/// `file` or `file [sheet]`: how a table is named in messages and reports.
pub fn table_label(source_file: &str, sheet: Option<&str>) -> String {
    match sheet {
        Some(s) => format!("{source_file} [{s}]"),
        None => source_file.to_string(),
    }
}

impl Table {
    /// `file` or `file [sheet]`.
    pub fn label(&self) -> String {
        table_label(&self.source_file, self.sheet.as_deref())
    }

    /// How column `col` writes its numbers and joins its lists, from all its cells
    /// ([`format::column_format`]).
    pub fn column_format(&self, col: usize) -> format::ColumnFormat {
        match self.formats.get(col) {
            Some(known) => *known.get_or_init(|| self.decide_format(col)),
            None => self.decide_format(col),
        }
    }

    fn decide_format(&self, col: usize) -> format::ColumnFormat {
        format::column_format_without(self.rows.distinct(col), self.decimal_comma, |t| {
            self.is_header_cell(col, t)
        })
    }

    /// Whether `text` is one of column `col`'s header rows: the distinct cells of a column
    /// ([`Grid::distinct`]) hold its header rows' cells too.
    pub fn is_header_cell(&self, col: usize, text: &str) -> bool {
        let names = self
            .columns
            .get(col)
            .map(|c| c.names.as_slice())
            .unwrap_or(&[]);
        names.contains(&layout::normalize_header(text))
    }

    /// Whether the file writes numbers the comma countries' way: a `;`-separated file, or a
    /// column whose numbers show a decimal comma in at least three cells and a decimal point
    /// in none (a list of codes such as `1,2` and `1,2,3` shows both, and is no evidence).
    /// A sign of the locale for dates that read either way.
    pub fn comma_numbers(&self) -> bool {
        self.decimal_comma
            || *self.comma_numbers.get_or_init(|| {
                (0..self.columns.len()).any(|c| {
                    let m = format::number_marks(self.rows.distinct(c));
                    m.comma >= 3 && m.point == 0
                })
            })
    }

    /// The 1-based record number of data row `i`.
    pub fn row_number(&self, i: usize) -> usize {
        self.first_row_number + i
    }
}

/// An input file as `summary.json` records it: its name relative to the input folder, and the
/// SHA-256 of its bytes.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct InputRow {
    pub source_file: String,
    pub sha256: String,
}

/// One input file: its tables and its content hash.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub source_file: String,
    pub sha256: String,
    pub tables: Vec<Table>,
}

/// Every data file below `root`, sorted by relative path (hidden and `~$` lock files skipped,
/// and the folders journeygap wrote: see [`walk_exports`]).
pub fn walk(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    walk_exports(root).map(|w| w.files)
}

/// What a walk of an input folder found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The data files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Folders skipped because journeygap wrote them (they hold its `summary.json`): a copied
    /// report period is not exports.
    pub reports: Vec<PathBuf>,
}

/// Every data file below `root`, sorted by relative path. Hidden and `~$` lock files are
/// skipped, and so is every folder that holds a journeygap `summary.json`.
pub fn walk_exports(root: &Path) -> std::io::Result<Walked> {
    let mut w = Walked::default();
    walk_into(root, &mut w)?;
    w.files.sort();
    w.reports.sort();
    Ok(w)
}

fn walk_into(dir: &Path, out: &mut Walked) -> std::io::Result<()> {
    if is_report_summary(&dir.join("summary.json")) {
        out.reports.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk_into(&path, out)?;
        } else if is_data_file(&path) {
            out.files.push(path);
        }
    }
    Ok(())
}

/// Whether `path` is a `summary.json` that journeygap wrote: a JSON object that names the tool
/// (or, written before it did, opens with the schema and tool versions). Only its first bytes
/// are read.
pub fn is_report_summary(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(512);
    if file.take(512).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let head: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    head.starts_with('{')
        && (head.contains(r#""tool":"journeygap""#)
            || (head.contains(r#""schema_version":"#) && head.contains(r#""tool_version":"#)))
}

/// Every regular file below `dir`, whatever its extension, sorted (for tests and snapshots).
pub fn walk_all(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether the extension is one journeygap reads.
pub fn is_data_file(path: &Path) -> bool {
    let ext = extension(path);
    WORKBOOK_EXT.contains(&ext.as_str()) || TEXT_EXT.contains(&ext.as_str())
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Read every file, in parallel, calling `done` after each (for a progress bar); results in the
/// order of `paths`.
pub fn read_all(
    root: &Path,
    paths: &[PathBuf],
    done: &(dyn Fn() + Sync),
) -> Vec<Result<InputFile, IngestError>> {
    paths
        .par_iter()
        .map(|p| {
            let r = read_file(root, p);
            done();
            r
        })
        .collect()
}

/// Which columns of a table a reader must keep, told from the table's layout and columns (as
/// the first rows give them). A reader may leave the others' cells unread: see
/// [`grid::GridBuilder::leave_unread`].
pub type Wanted<'a> = &'a (dyn Fn(Layout, &[Column]) -> Vec<bool> + Sync);

/// Read one file into its tables.
pub fn read_file(root: &Path, path: &Path) -> Result<InputFile, IngestError> {
    read_file_wanting(root, path, None)
}

/// Read one file into its tables; with `wanted`, the cells of the columns it does not want may
/// be left unread (CSV files and xlsx sheets; other workbooks are read in full).
pub fn read_file_wanting(
    root: &Path,
    path: &Path,
    wanted: Option<Wanted>,
) -> Result<InputFile, IngestError> {
    let name = relative_name(root, path);
    let fail = |reason: String| IngestError {
        file: name.clone(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            "not a regular file (a pipe, device or socket); copy the export into the folder as a file".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is {} MiB, more than the {} MiB journeygap reads; split the export",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    if meta.len() == 0 {
        return Err(fail(
            "the file is empty (0 bytes); export it again, or remove it".into(),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let sha256 = sha256_hex(&bytes);
    let ext = extension(path);
    let tables = if WORKBOOK_EXT.contains(&ext.as_str()) {
        // A reader's panic on a hostile workbook is this file's error, never the run's end.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            workbook::read_workbook(&name, bytes, wanted)
        }));
        match read {
            Ok(tables) => tables.map_err(|e| fail(e.to_string()))?,
            Err(_) => {
                return Err(fail(
                    "the workbook reader failed on this file (it is damaged or hostile); open it in Excel or LibreOffice and save it again as .xlsx".into(),
                ))
            }
        }
    } else {
        vec![text::read_text(&name, &bytes, &ext, wanted).map_err(|e| fail(e.to_string()))?]
    };
    Ok(InputFile {
        source_file: name,
        sha256,
        tables,
    })
}

/// The SHA-256 of some bytes, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Spreadsheet column letters for a 0-based index (`0 → A`, `27 → AB`).
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}

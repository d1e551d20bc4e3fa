//! CSV/TSV/TXT files: encoding and delimiter sniffing, then the csv crate.

use std::borrow::Cow;

use encoding_rs::{Encoding, EUC_KR, MACINTOSH, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::grid::GridBuilder;
use super::ReadError;
use super::{layout, Table, Wanted, MAX_COLUMNS};

/// Read a delimited text file into one table. With `wanted`, the columns it does not want are
/// left unread after the rows the layout is told from (see [`GridBuilder::leave_unread`]); if
/// the whole table's layout then wants a column left unread, the file is read again in full.
pub fn read_text(
    name: &str,
    bytes: &[u8],
    ext: &str,
    wanted: Option<Wanted>,
) -> Result<Table, ReadError> {
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    let (text, encoding) = decode(bytes);
    let delimiter = if ext == "tsv" {
        b'\t'
    } else {
        sniff_delimiter(&text)
    };
    // Before the csv crate: a quote never closed, or one swallowing records, and records or
    // cells too long to read are refused, naming the line.
    super::quotes::check(text.as_bytes(), delimiter)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = GridBuilder::default();
    let mut unread = Vec::new();
    // The text is UTF-8, and a record is split at ASCII bytes, so each field is UTF-8 too: the
    // fields are taken as bytes and read as text only where a column meets them first.
    let mut rec = csv::ByteRecord::new();
    let mut i = 0;
    loop {
        match reader.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ReadError::MalformedCsv {
                    record: i + 1,
                    detail: e.to_string(),
                })
            }
        }
        if let (Some(wanted), layout::SNIFF_ROWS) = (wanted, i) {
            let head = layout::build_table(name.to_string(), None, grid.clone().finish(), 0);
            unread = wanted(head.layout, &head.columns)
                .into_iter()
                .map(|w| !w)
                .collect();
            grid.leave_unread(unread.clone());
        }
        i += 1;
        if rec.len() > MAX_COLUMNS {
            return Err(ReadError::TooManyFields {
                record: i,
                columns: rec.len(),
            });
        }
        for (c, field) in rec.iter().enumerate() {
            grid.bytes(c, field);
        }
        grid.end_row();
    }
    let grid = grid.finish();
    if grid.all_empty() {
        return Err(ReadError::NoCells);
    }
    let mut table = layout::build_table(name.to_string(), None, grid, 0);
    if let Some(wanted) = wanted {
        let wants = wanted(table.layout, &table.columns);
        if (wants.iter().zip(&unread)).any(|(&w, &u)| w && u) {
            return read_text(name, bytes, ext, None);
        }
    }
    table.encoding = Some(encoding.name());
    table.decimal_comma = delimiter == b';';
    Ok(table)
}

/// NUL bytes outside a UTF-16 pattern mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// UTF-16 without a byte-order mark: every other byte NUL in the first few hundred.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(512) & !1;
    if n < 4 {
        return None;
    }
    let pairs = n / 2;
    let even_nul = (0..n).step_by(2).filter(|&i| bytes[i] == 0).count();
    let odd_nul = (1..n).step_by(2).filter(|&i| bytes[i] == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode the bytes: BOM first, then UTF-8, then the legacy code pages that real exports use.
/// UTF-8 is borrowed as it is (nearly every export), without a copy.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text, enc);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), UTF_8);
    }
    let enc = guess_legacy(bytes);
    let (text, _, _) = enc.decode(bytes);
    (text, enc)
}

/// Choose among CP949 (Korean), Windows-1252 and Mac Roman for bytes that are not UTF-8.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let (korean, _, had_errors) = EUC_KR.decode(bytes);
    if !had_errors {
        let hangul = korean
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .count();
        let high = bytes.iter().filter(|&&b| b >= 0x80).count();
        if hangul >= 4 && hangul * 2 * 10 >= high * 9 {
            return EUC_KR;
        }
    }
    if mac_roman_score(bytes) > 0 {
        MACINTOSH
    } else {
        WINDOWS_1252
    }
}

/// Positive when the high bytes read better as Mac Roman than as Windows-1252.
fn mac_roman_score(bytes: &[u8]) -> i64 {
    let mut score = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
        match b {
            // Undefined in Windows-1252: only Mac Roman can mean these.
            0x81 | 0x8D | 0x8F | 0x90 | 0x9D => score += 5,
            // Windows-1252 punctuation (curly quotes, dashes, ellipsis, euro, trade mark): common.
            0x80 | 0x85 | 0x91..=0x97 | 0x99 => score -= 2,
            // Rare letters and symbols in Windows-1252 (Œ Š Ž ƒ † ‰ …), plain accented letters in
            // Mac Roman (å é ñ ü …).
            0x82..=0x9F => score += 2,
            // Mac Roman no-break space and curly quotes.
            0xCA | 0xD2..=0xD5 => score += 1,
            // Windows-1252 accented lower-case letters inside a word.
            0xE0..=0xFF if prev.is_ascii_alphabetic() => score -= 1,
            _ => {}
        }
    }
    score
}

/// The delimiter that splits the first lines into the most consistent number of fields.
pub fn sniff_delimiter(text: &str) -> u8 {
    let candidates = [b',', b';', b'\t', b'|'];
    let mut best = (b',', 0usize);
    for &d in &candidates {
        let counts = field_counts(text, d, 20);
        if counts.is_empty() {
            continue;
        }
        let first = counts[0];
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let score = if first > 1 { consistent * first } else { 0 };
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// Fields per record for the first `max` records, honouring quotes.
fn field_counts(text: &str, delim: u8, max: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut in_quotes = false;
    let mut fields = 1;
    for &b in text.as_bytes().iter().take(64 * 1024) {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                counts.push(fields);
                fields = 1;
                if counts.len() >= max {
                    break;
                }
            }
            _ if b == delim && !in_quotes => fields += 1,
            _ => {}
        }
    }
    if counts.len() < max && fields > 1 {
        counts.push(fields);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Cell, Layout};

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("\"x,y\";b\n\"1,2\";3\n"), b';');
    }

    #[test]
    fn encodings() {
        let (t, e) = decode(b"\xEF\xBB\xBFID,x\n");
        assert_eq!((t.as_ref(), e.name()), ("ID,x\n", "UTF-8"));
        let (t, e) = decode(b"\xFF\xFEI\0D\0\n\0");
        assert_eq!((t.as_ref(), e.name()), ("ID\n", "UTF-16LE"));
        let (t, e) = decode(b"I\0D\0,\0x\0\n\0");
        assert_eq!((t.as_ref(), e.name()), ("ID,x\n", "UTF-16LE"));
        let (t, e) = decode(b"caf\xe9 don\x92t\n");
        assert_eq!(
            (t.as_ref(), e.name()),
            ("caf\u{e9} don\u{2019}t\n", "windows-1252")
        );
        let (t, e) = decode(b"caf\x8e\xcadone\n");
        assert_eq!(
            (t.as_ref(), e.name()),
            ("caf\u{e9}\u{a0}done\n", "macintosh")
        );
        let korean = EUC_KR.encode("성별,나이\n여성,20대\n").0.into_owned();
        let (t, e) = decode(&korean);
        assert_eq!((t.as_ref(), e.name()), ("성별,나이\n여성,20대\n", "EUC-KR"));
    }

    #[test]
    fn semicolon_file_uses_decimal_comma() {
        let t = read_text("x.csv", b"id;score\n1;4,5\n", "csv", None).unwrap();
        assert!(t.decimal_comma);
        assert_eq!(t.rows.row(0)[1], crate::ingest::Cell::Text("4,5".into()));
    }

    #[test]
    fn unwanted_columns_are_left_unread_after_the_head_unless_the_table_wants_them() {
        let mut csv = String::from("id,note,score\n");
        for i in 0..30 {
            csv.push_str(&format!("r{i},n{i},{}\n", i % 5));
        }
        csv.push_str(",only a note,\n");
        let want_all_but_note = |_: Layout, cols: &[super::super::Column]| -> Vec<bool> {
            cols.iter().map(|c| c.label() != "note").collect()
        };
        let t = read_text("x.csv", csv.as_bytes(), "csv", Some(&want_all_but_note)).unwrap();
        let full = read_text("x.csv", csv.as_bytes(), "csv", None).unwrap();
        assert_eq!(t.columns, full.columns);
        assert_eq!(t.rows.len(), 31);
        let unread = Cell::Text(super::super::grid::UNREAD.into());
        assert_eq!(t.rows.row(29)[1], unread, "a row after the head");
        assert_eq!(
            t.rows.row(2)[1],
            Cell::Text("n2".into()),
            "a row of the head"
        );
        assert_eq!(t.rows.row(29)[0], Cell::Text("r29".into()));
        assert_eq!(t.rows.row(29)[2], Cell::Text("4".into()));
        assert!(
            !t.rows.row(30).iter().all(Cell::is_empty),
            "not an empty row"
        );
        // A layout that wants more once the whole table is seen (a wider row below the head):
        // the file is read again in full.
        csv.push_str("x,y,z,extra\n");
        let narrow_head = |_: Layout, cols: &[super::super::Column]| -> Vec<bool> {
            cols.iter()
                .map(|c| cols.len() > 3 || c.label() != "note")
                .collect()
        };
        let t = read_text("x.csv", csv.as_bytes(), "csv", Some(&narrow_head)).unwrap();
        assert_eq!(t.rows.row(29)[1], Cell::Text("n29".into()));
    }

    #[test]
    fn binary_is_refused() {
        let e = read_text("x.csv", b"PK\x03\x04\0\0\0garbage", "csv", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a text file"), "{e}");
    }
}

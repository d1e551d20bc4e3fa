//! One pass over a delimited text before the csv crate reads it, with the csv crate's own
//! quoting rules (a quote opens a field only at its start; `""` inside is a quote; after the
//! closing quote the rest of the field is plain text). It refuses what the csv crate would read
//! silently wrong or without bound:
//!
//! - a quote never closed, which would make the rest of the file one cell;
//! - a quoted cell that swallows later records: at least two of its inner lines split into as
//!   many fields as the header (of at least 3), or it runs over more than
//!   [`MAX_CELL_LINES`] lines;
//! - a record or a cell longer than journeygap reads, before the csv crate buffers it.
//!
//! Each error names the line (1-based, as a text editor shows it) and, for a cell, the column.

use memchr::memchr3;

use super::ReadError;

/// Longest record read, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 << 20;
/// Longest cell read, in bytes.
pub const MAX_CELL_BYTES: usize = 16 << 20;
/// Most lines one quoted cell may run over.
pub const MAX_CELL_LINES: usize = 1000;

/// Check the quoting and the sizes of `text`, delimited by `delimiter`.
pub fn check(text: &[u8], delimiter: u8) -> Result<(), ReadError> {
    check_with(text, delimiter, MAX_RECORD_BYTES, MAX_CELL_BYTES)
}

fn check_with(
    text: &[u8],
    delimiter: u8,
    max_record: usize,
    max_cell: usize,
) -> Result<(), ReadError> {
    let mut scan = Scan {
        text,
        delimiter,
        max_record,
        max_cell,
        at: 0,
        line: 1,
        header_fields: None,
    };
    while scan.at < text.len() {
        scan.record()?;
    }
    Ok(())
}

struct Scan<'a> {
    text: &'a [u8],
    delimiter: u8,
    max_record: usize,
    max_cell: usize,
    at: usize,
    line: usize,
    /// Fields of the first record.
    header_fields: Option<usize>,
}

impl Scan<'_> {
    /// One record, from `at` to just past its line end.
    fn record(&mut self) -> Result<(), ReadError> {
        let start = self.at;
        let start_line = self.line;
        let mut fields = 1;
        loop {
            let field_start = self.at;
            let column = fields;
            if self.text.get(self.at) == Some(&b'"') {
                self.quoted()?;
            }
            let end = self.plain();
            if self.at - field_start > self.max_cell {
                return Err(ReadError::CellTooLong {
                    line: start_line,
                    column: super::column_letter(column - 1),
                    limit_mib: self.max_cell >> 20,
                });
            }
            if self.at - start > self.max_record {
                return Err(ReadError::RecordTooLong {
                    line: start_line,
                    limit_mib: self.max_record >> 20,
                });
            }
            match end {
                Some(b) if b == self.delimiter => {
                    self.at += 1;
                    fields += 1;
                }
                Some(_) => {
                    // A line end: `\n`, or `\r` with its `\n`.
                    if self.text[self.at] == b'\r' && self.text.get(self.at + 1) == Some(&b'\n') {
                        self.at += 1;
                    }
                    self.at += 1;
                    self.line += 1;
                    break;
                }
                None => break,
            }
        }
        let blank = fields == 1 && self.at - start <= 2 && self.line == start_line + 1;
        if !(blank && self.header_fields.is_none()) {
            // (the csv crate skips a blank line)
            self.header_fields.get_or_insert(fields);
        }
        Ok(())
    }

    /// Past a quoted part from its opening quote to its closing one, refusing one never closed
    /// or one that swallows records.
    fn quoted(&mut self) -> Result<(), ReadError> {
        let open_line = self.line;
        // An inner line (after a line break in the cell, up to the next) that splits into as
        // many fields as the header looks like a record.
        let record_width = self.header_fields.filter(|&h| h >= 3);
        let (mut delimiters, mut record_like) = (0usize, 0usize);
        self.at += 1;
        loop {
            let rest = &self.text[self.at..];
            match memchr3(b'"', b'\n', self.delimiter, rest) {
                None => {
                    let ends_in_break = self.text.last() == Some(&b'\n');
                    return Err(ReadError::UnterminatedQuote {
                        line: open_line,
                        lines: self.line - open_line + usize::from(!ends_in_break),
                    });
                }
                Some(i) if rest[i] == self.delimiter => {
                    self.at += i + 1;
                    delimiters += 1;
                }
                Some(i) if rest[i] == b'\n' => {
                    self.at += i + 1;
                    if self.line > open_line && record_width.is_some_and(|w| delimiters + 1 >= w) {
                        record_like += 1;
                    }
                    self.line += 1;
                    delimiters = 0;
                }
                Some(i) => {
                    self.at += i + 1;
                    if self.text.get(self.at) == Some(&b'"') {
                        self.at += 1; // a doubled quote inside
                        continue;
                    }
                    if record_like >= 2 || self.line - open_line > MAX_CELL_LINES {
                        return Err(ReadError::SwallowingQuote {
                            line: open_line,
                            to_line: self.line,
                        });
                    }
                    return Ok(());
                }
            }
        }
    }

    /// Past plain text up to the delimiter or the line end, which it gives (`None`: the end).
    fn plain(&mut self) -> Option<u8> {
        let rest = &self.text[self.at..];
        match memchr3(self.delimiter, b'\n', b'\r', rest) {
            Some(i) => {
                self.at += i;
                let b = rest[i];
                if b == b'\r' && rest.get(i + 1) != Some(&b'\n') {
                    // A lone CR inside a field is text; the csv crate ends a record on it too.
                    return Some(b'\r');
                }
                Some(b)
            }
            None => {
                self.at = self.text.len();
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Result<(), ReadError> {
        check(text.as_bytes(), b',')
    }

    #[test]
    fn sound_files_pass() {
        ok("id,why\n1,plain\n2,\"quoted, with comma\"\n").unwrap();
        ok("id,why\r\n1,\"two\nlines\"\r\n2,\"a \"\"quote\"\" inside\"\r\n").unwrap();
        ok("id,why\n1,ab\"c\n2,x").unwrap(); // a quote inside a plain field is text
        ok("").unwrap();
    }

    #[test]
    fn an_unterminated_quote_names_its_line() {
        let mut text = String::from("id,why\n");
        for i in 1..=100 {
            let why = if i == 10 { "\"never closed" } else { "fine" };
            text.push_str(&format!("{i},{why}\n"));
        }
        let e = ok(&text).unwrap_err();
        assert_eq!(
            e,
            ReadError::UnterminatedQuote {
                line: 11,
                lines: 91
            }
        );
    }

    #[test]
    fn a_quote_swallowing_records_is_refused() {
        let text = "id,why,score\n1,\"opened,3\n2,fine,4\n3,fine,5\n4,closed here\",5\n5,ok,6\n";
        let e = ok(text).unwrap_err();
        assert_eq!(
            e,
            ReadError::SwallowingQuote {
                line: 2,
                to_line: 5
            }
        );
        // Free text over a few lines, commas and all, is a cell.
        ok("id,why,score\n1,\"good, fast\nand cheap, too\nreally\",3\n").unwrap();
    }

    #[test]
    fn long_records_and_cells_are_refused_before_they_are_read() {
        let line = format!("id,why\n1,{}\n", "x".repeat(5000));
        let e = check_with(line.as_bytes(), b',', 100_000, 1000).unwrap_err();
        assert!(matches!(e, ReadError::CellTooLong { line: 2, ref column, .. } if column == "B"));
        let e = check_with(line.as_bytes(), b',', 1000, 100_000).unwrap_err();
        assert!(matches!(e, ReadError::RecordTooLong { line: 2, .. }));
    }
}

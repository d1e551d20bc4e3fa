//! How a column writes its numbers and joins its multi-select answers, decided once from all
//! its cells, as its dates' order is: a decimal comma or point (and so the thousands mark), and
//! the separator of its lists. A cell that contradicts its column's decision is read as no
//! number (a counted bad cell), never the other way round.

use super::cell::{trim, Cell};

/// A column's number format and list separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnFormat {
    /// Numbers written `1.234,5` (comma decimals, point or space thousands) rather than
    /// `1,234.5`.
    pub decimal_comma: bool,
    /// What joins a multi-select's answers in one cell: `,` `;` `|` or a line break.
    pub separator: &'static str,
}

impl ColumnFormat {
    /// The format of a column nothing decides: the file's decimal mark, a comma list.
    pub fn plain(decimal_comma: bool) -> ColumnFormat {
        ColumnFormat {
            decimal_comma,
            separator: ",",
        }
    }
}

/// What one number's text says of its decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Comma,
    Point,
}

/// The decimal mark a number's shape shows, when it shows one: the later of a comma and a
/// point (`1.234,5`, `1,234.5`); a single mark not followed by exactly three digits (`10,8`,
/// `3.25`); a mark written twice is the thousands mark (`1,234,567`). `1,234` and `1.234` show
/// nothing.
fn mark(text: &str) -> Option<Mark> {
    let t = trim(text).trim_end_matches('%');
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    if t.is_empty()
        || !t.as_bytes()[0].is_ascii_digit()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\''))
    {
        return None;
    }
    let commas = t.matches(',').count();
    let points = t.matches('.').count();
    match (commas, points) {
        (0, 0) => None,
        (c, p) if c > 0 && p > 0 => {
            if t.rfind(',') > t.rfind('.') {
                Some(Mark::Comma)
            } else {
                Some(Mark::Point)
            }
        }
        (1, 0) => single(t, ',').then_some(Mark::Comma),
        (0, 1) => single(t, '.').then_some(Mark::Point),
        (_, 0) => Some(Mark::Point),
        _ => Some(Mark::Comma),
    }
}

/// Whether a number's one `mark` is a decimal mark: not exactly three digits after it.
fn single(t: &str, mark: char) -> bool {
    t.rsplit_once(mark)
        .is_some_and(|(_, frac)| frac.len() != 3 || !frac.bytes().all(|b| b.is_ascii_digit()))
}

/// How many of a column's cells show a decimal comma and how many a decimal point.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberMarks {
    pub comma: usize,
    pub point: usize,
}

/// The decimal marks a column's cells show ([`mark`]).
pub fn number_marks(cells: &[Cell]) -> NumberMarks {
    let mut m = NumberMarks::default();
    for cell in cells {
        if let Cell::Text(t) = cell {
            match mark(t) {
                Some(Mark::Comma) => m.comma += 1,
                Some(Mark::Point) => m.point += 1,
                None => {}
            }
        }
    }
    m
}

/// A column's format, from all its distinct cells: the decimal mark most of its numbers show
/// (the file's, `file_comma`, when none shows one: a `;`-separated file is a comma country's);
/// the list separator its texts use: a line break, `;` or `|` where any cell has one (a
/// trailing one too), else `,`.
pub fn column_format(cells: &[Cell], file_comma: bool) -> ColumnFormat {
    column_format_without(cells, file_comma, |_| false)
}

/// [`column_format`] not counting the separators of the cells `is_header` says are the
/// column's header rows (a multi-line header is no line-break list).
pub fn column_format_without(
    cells: &[Cell],
    file_comma: bool,
    is_header: impl Fn(&str) -> bool,
) -> ColumnFormat {
    let (mut comma, mut point) = (0usize, 0usize);
    let mut seps = [0usize; 3];
    for cell in cells {
        let Cell::Text(t) = cell else { continue };
        match mark(t) {
            Some(Mark::Comma) => comma += 1,
            Some(Mark::Point) => point += 1,
            None => {}
        }
        let t = trim(t);
        if t.contains(['\n', ';', '|']) && !is_header(t) {
            for (n, sep) in seps.iter_mut().zip(["\n", ";", "|"]) {
                if t.contains(sep) {
                    *n += 1;
                }
            }
        }
    }
    let decimal_comma = match comma.cmp(&point) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => file_comma,
    };
    let best = (0..3).max_by_key(|&i| (seps[i], std::cmp::Reverse(i)));
    let separator = match best {
        Some(i) if seps[i] > 0 => ["\n", ";", "|"][i],
        _ => ",",
    };
    ColumnFormat {
        decimal_comma,
        separator,
    }
}

/// A number in its column's format: `decimal_comma` reads `39.000,00` as 39000 and `10,8` as
/// 10.8; otherwise `1,234.5` is 1234.5. Thousands marks (the other mark, a space, a no-break
/// space, an apostrophe) must group three digits; a decimal mark of the other format, or a
/// second decimal mark, is no number.
pub fn parse_local(text: &str, decimal_comma: bool) -> Option<f64> {
    let t = trim(text).trim_end_matches('%');
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let (sign, body) = match t.as_bytes()[0] {
        b'-' => ("-", &t[1..]),
        b'+' => ("", &t[1..]),
        _ => ("", t),
    };
    let (dec, group) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    // The standard form (digits, a point, an exponent), unless a point is a thousands mark
    // here; `inf` and `NaN` parse but are no finite number.
    if !(decimal_comma && body.contains('.')) {
        if let Ok(x) = body.parse::<f64>() {
            return Some(if sign == "-" { -x } else { x }).filter(|x| x.is_finite());
        }
    }
    let (int, frac) = match body.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let is_group = |c: char| c == group || matches!(c, ' ' | '\u{a0}' | '\'');
    let groups: Vec<&str> = int.split(is_group).collect();
    let ok = !groups[0].is_empty()
        && groups[0].bytes().all(|b| b.is_ascii_digit())
        && (groups.len() == 1
            || groups[0].len() <= 3
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())));
    if !ok {
        return None;
    }
    let digits: String = groups.concat();
    let s = match frac {
        Some(f) => format!("{sign}{digits}.{f}"),
        None => format!("{sign}{digits}"),
    };
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<Cell> {
        v.iter().map(|s| Cell::Text((*s).into())).collect()
    }

    /// Comma decimals with point thousands (a Spanish or German Excel), and the reverse, each
    /// decided from the column and read so; a cell of the other format is no number.
    #[test]
    fn numbers_in_the_columns_own_format() {
        let es = column_format(&cells(&["39.000,00", "10,8", "1.234", "7"]), false);
        assert!(es.decimal_comma);
        assert_eq!(parse_local("39.000,00", true), Some(39000.0));
        assert_eq!(parse_local("10,8", true), Some(10.8));
        assert_eq!(parse_local("1.234", true), Some(1234.0));
        assert_eq!(parse_local("1 234,5", true), Some(1234.5));
        assert_eq!(parse_local("-0,25", true), Some(-0.25));
        assert_eq!(
            parse_local("1.5", true),
            None,
            "a point decimal in a comma column"
        );
        let us = column_format(&cells(&["39,000.00", "10.8", "1,234", "7"]), true);
        assert!(!us.decimal_comma, "the cells outvote the `;` file");
        assert_eq!(parse_local("39,000.00", false), Some(39000.0));
        assert_eq!(parse_local("1,234", false), Some(1234.0));
        assert_eq!(
            parse_local("10,8", false),
            None,
            "a comma decimal in a point column"
        );
        assert_eq!(parse_local("12,34,5", false), None);
        assert_eq!(parse_local("1e3", false), Some(1000.0));
        // Nothing decides: the file's mark.
        assert!(column_format(&cells(&["1.234", "5"]), true).decimal_comma);
        assert!(!column_format(&cells(&["1.234", "5"]), false).decimal_comma);
        assert_eq!(parse_local("4", true), Some(4.0));
        assert_eq!(parse_local("abc", false), None);
        assert_eq!(parse_local("1.2.3", false), None);
    }

    /// The list separator per column: `;` with a trailing `;`, line breaks, `|`, else `,`.
    #[test]
    fn separators_per_column() {
        let f = |v: &[&str]| column_format(&cells(v), false).separator;
        assert_eq!(f(&["Audit; Tax;", "Tax;", "Advisory, legal"]), ";");
        assert_eq!(f(&["LinkedIn\nEvents", "Referrals"]), "\n");
        assert_eq!(f(&["A|B", "C"]), "|");
        assert_eq!(f(&["Audit, Tax", "Tax"]), ",");
        assert_eq!(f(&["Audit"]), ",");
    }
}

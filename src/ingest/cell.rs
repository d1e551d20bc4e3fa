//! One spreadsheet cell as read, before any field gives it a meaning.

use chrono::{NaiveDate, NaiveDateTime};

/// A cell value as it came out of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(Box<str>),
    Bool(bool),
    /// A true date/time cell of a workbook.
    Date(NaiveDateTime),
    /// A formula error such as `#N/A`; always missing, always counted.
    Error(Box<str>),
}

/// Texts that spreadsheets write for formula errors.
const FORMULA_ERRORS: [&str; 9] = [
    "#N/A",
    "#ERROR!",
    "#VALUE!",
    "#DIV/0!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

/// `s.trim()`, answered at once when both ends are ASCII bytes other than white space (as
/// nearly every cell is): a Unicode white-space character never starts or ends with one.
#[inline]
pub fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if is_ascii_solid(*first) && is_ascii_solid(*last) => s,
        [only] if is_ascii_solid(*only) => s,
        _ => s.trim(),
    }
}

/// An ASCII byte that [`str::trim`] keeps.
#[inline]
pub(super) fn is_ascii_solid(b: u8) -> bool {
    b.is_ascii() && b != b' ' && !(0x09..=0x0D).contains(&b)
}

impl Cell {
    /// A cell from CSV text: empty, a formula error, or text (numbers stay text until a field
    /// says how to read them, so that a comma-decimal file is read with its own rule).
    pub fn from_text(s: &str) -> Cell {
        let t = trim(s);
        if t.is_empty() {
            Cell::Empty
        } else if t.starts_with('#') && FORMULA_ERRORS.iter().any(|e| e.eq_ignore_ascii_case(t)) {
            Cell::Error(t.into())
        } else {
            Cell::Text(s.into())
        }
    }

    /// True when the cell holds nothing (empty, or only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => trim(t).is_empty(),
            _ => false,
        }
    }

    /// [`Cell::as_text`], borrowed from a text cell.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(t) => std::borrow::Cow::Borrowed(trim(t)),
            other => std::borrow::Cow::Owned(other.as_text()),
        }
    }

    /// The cell as display text (numbers without a trailing `.0`).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(x) => format_number(*x),
            Cell::Text(t) => trim(t).to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.format("%Y-%m-%d").to_string()
                } else {
                    d.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            Cell::Error(e) => e.to_string(),
        }
    }
}

/// Format a number the way a person typed it: `4`, not `4.0`.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Parse a number written as text: `4`, `4.0`, ` 4 `, `4,5` (when `decimal_comma`), `1,234.5`.
pub fn parse_number(s: &str, decimal_comma: bool) -> Option<f64> {
    let t = trim(s).trim_end_matches('%');
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let cleaned: std::borrow::Cow<str> = if decimal_comma {
        t.replace(['.', ' ', '\u{a0}'], "").replace(',', ".").into()
    } else if t.contains(',') && t.contains('.') {
        t.replace(',', "").into()
    } else {
        t.into()
    };
    let first = cleaned.chars().next()?;
    if !(first.is_ascii_digit() || first == '-' || first == '+' || first == '.') {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Convert an Excel serial day number (1900 system) to a date and time.
pub fn excel_serial_to_datetime(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let millis = (serial * 86_400_000.0).round() as i64;
    base.checked_add_signed(chrono::Duration::milliseconds(millis))
}

/// Text date formats seen in survey exports, tried in order.
const DATE_TIME_FORMATS: [&str; 12] = [
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%d.%m.%Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
];
const DATE_FORMATS: [&str; 9] = [
    "%Y-%m-%d",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B, %Y",
];

/// Parse a date written as text in one of the common export formats.
pub fn parse_date_text(s: &str) -> Option<NaiveDateTime> {
    // The two layouts of nearly every export first, without chrono's format interpreter;
    // anything else (or anything odd in them) goes the general way.
    fast_date(trim(s)).or_else(|| parse_date_text_general(s))
}

/// `2026-09-23 16:02:59` (Qualtrics, Google Forms) and `09/19/2026 07:13:41 PM`
/// (SurveyMonkey): what the first format of [`DATE_TIME_FORMATS`] to accept them gives.
fn fast_date(t: &str) -> Option<NaiveDateTime> {
    let b = t.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    match b.len() {
        19 if at(4, b'-') && at(7, b'-') && at(10, b' ') && at(13, b':') && at(16, b':') => {
            let d = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
            d.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)
        }
        22 if at(2, b'/') && at(5, b'/') && at(10, b' ') && at(13, b':') && at(16, b':') => {
            let pm = match &b[19..22] {
                b" AM" | b" am" => false,
                b" PM" | b" pm" => true,
                _ => return None,
            };
            let h12 = num(11..13)?;
            if !(1..=12).contains(&h12) {
                return None;
            }
            let h = h12 % 12 + if pm { 12 } else { 0 };
            let d = NaiveDate::from_ymd_opt(num(6..10)? as i32, num(0..2)?, num(3..5)?)?;
            d.and_hms_opt(h, num(14..16)?, num(17..19)?)
        }
        _ => None,
    }
}

fn parse_date_text_general(s: &str) -> Option<NaiveDateTime> {
    let t = s.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    // Drop fractional seconds and a trailing zone such as `Z` or `-05:00` (the wall-clock
    // time is read).
    let t = t.trim_end_matches('Z');
    let t = match t.find('T').or_else(|| t.find(' ')) {
        Some(i) if t.len() > 16 => {
            let (d, clock) = t.split_at(i);
            &t[..d.len() + super::dates::without_offset(clock).len()]
        }
        _ => t,
    };
    let t = match t.find('.') {
        Some(i) if i > 16 => &t[..i],
        _ => t,
    };
    for f in DATE_TIME_FORMATS {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
            return Some(d);
        }
    }
    for f in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return d.and_hms_opt(0, 0, 0);
        }
    }
    super::dates::with_month_name(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_trim_is_str_trim() {
        let ends = [
            "", "a", " ", "\t", "\u{b}", "\u{c}", "\r", "\n", "\u{1c}", "\u{1f}", "\u{85}",
            "\u{a0}", "\u{3000}", "\u{2028}", "é", "#", "~", "\u{7f}", "\u{0}",
        ];
        for a in ends {
            for mid in ["", "x", " y z ", "\u{a0}"] {
                for b in ends {
                    let s = format!("{a}{mid}{b}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_in_text() {
        assert_eq!(parse_number("4", false), Some(4.0));
        assert_eq!(parse_number(" 4.0 ", false), Some(4.0));
        assert_eq!(parse_number("4,5", true), Some(4.5));
        assert_eq!(parse_number("1,234.5", false), Some(1234.5));
        assert_eq!(parse_number("Strongly agree", false), None);
        assert_eq!(parse_number("NaN", false), None);
        assert_eq!(parse_number("inf", false), None);
    }

    #[test]
    fn fast_dates_agree_with_the_general_parser() {
        let mut cases: Vec<String> = [
            "2026-09-23 16:02:59",
            "2026-02-29 10:00:00",
            "2024-02-29 10:00:00",
            "2026-13-01 10:00:00",
            "2026-01-01 24:00:00",
            "2026-01-01 23:59:60",
            "0000-01-01 00:00:00",
            "09/19/2026 07:13:41 PM",
            "09/19/2026 12:13:41 AM",
            "09/19/2026 12:13:41 PM",
            "09/19/2026 00:13:41 PM",
            "09/19/2026 13:13:41 PM",
            "09/19/2026 07:13:41 pm",
            "09/19/2026 07:13:41 XM",
            "02/30/2026 07:13:41 AM",
            "2026-09-23T16:02:59",
            "2026-9-23 16:02:59",
            "+2026-09-23 16:02:5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every hour, and a spread of days and months, in both layouts.
        for h in 0..24 {
            cases.push(format!("2026-03-{:02} {h:02}:05:09", h + 1));
            let (h12, p) = (
                if h % 12 == 0 { 12 } else { h % 12 },
                if h < 12 { "AM" } else { "PM" },
            );
            cases.push(format!(
                "{:02}/{:02}/2025 {h12:02}:59:00 {p}",
                h % 12 + 1,
                h + 5
            ));
        }
        for c in &cases {
            if let Some(d) = fast_date(c) {
                assert_eq!(Some(d), parse_date_text_general(c), "{c}");
            }
            assert_eq!(parse_date_text(c), parse_date_text_general(c), "{c}");
        }
        assert!(fast_date("2026-09-23 16:02:59").is_some());
        assert!(fast_date("09/19/2026 07:13:41 PM").is_some());
    }

    #[test]
    fn formula_errors_are_errors() {
        assert_eq!(Cell::from_text("#ERROR!"), Cell::Error("#ERROR!".into()));
        assert_eq!(Cell::from_text("#n/a"), Cell::Error("#n/a".into()));
        assert_eq!(Cell::from_text("  "), Cell::Empty);
    }

    #[test]
    fn dates_in_common_formats() {
        let d = |s| parse_date_text(s).map(|d| d.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(
            d("2017-07-18 08:28:09").as_deref(),
            Some("2017-07-18 08:28")
        );
        assert_eq!(d("1/15/2025 21:53:05").as_deref(), Some("2025-01-15 21:53"));
        assert_eq!(d("5/10/18 4:01").as_deref(), Some("2018-05-10 04:01"));
        assert_eq!(
            d("03/02/2023 10:05:01 PM").as_deref(),
            Some("2023-03-02 22:05")
        );
        assert_eq!(d("2026-07-01").as_deref(), Some("2026-07-01 00:00"));
        assert_eq!(d("not a date"), None);
        let s = excel_serial_to_datetime(45_000.5).map(|d| d.to_string());
        assert_eq!(s.as_deref(), Some("2023-03-15 12:00:00"));
    }
}

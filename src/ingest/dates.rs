//! Text dates read in one order per column. Whether `01/11/2024` is the 1st of November or the
//! 11th of January is never guessed cell by cell: the order (day-first, month-first,
//! year-first) is decided once for the whole column from all its cells (a first part above 12
//! means day-first, a second part above 12 month-first), else from the file's locale, and every
//! cell is read that way; a cell that contradicts it is not a date.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;

/// The order of a numeric date's day, month and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// `16/10/2024`: the UK, most of Europe.
    Dmy,
    /// `10/16/2024`: the US.
    Mdy,
    /// `2024-10-16`.
    Ymd,
}

impl DateOrder {
    /// How `check` says it.
    pub fn describe(self) -> &'static str {
        match self {
            DateOrder::Dmy => "day-first (dd/mm/yyyy)",
            DateOrder::Mdy => "month-first (mm/dd/yyyy)",
            DateOrder::Ymd => "year-first (yyyy-mm-dd)",
        }
    }
}

/// A date text's numeric parts: `(first, second, third, first has four digits, separator)`.
type Parts = (u32, u32, u32, bool, u8);

/// The three numbers of a date like `16/10/2024`, `2024-10-16` or `16.10.24`, and what follows
/// it (the time), or `None` when the text does not start with one.
fn split(t: &str) -> Option<(Parts, &str)> {
    let end = t
        .find(|c: char| c.is_whitespace() || c == 'T')
        .unwrap_or(t.len());
    let (date, rest) = t.split_at(end);
    let sep = *date
        .as_bytes()
        .iter()
        .find(|b| matches!(b, b'/' | b'-' | b'.'))?;
    let mut it = date.split(sep as char);
    let (a, b, c) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let parts = (num(a)?, num(b)?, num(c)?, a.len() == 4, sep);
    Some((parts, rest))
}

/// A two-digit year as chrono's `%y` reads it: 69–99 in the 1900s, 00–68 in the 2000s.
fn year(y: u32, digits_four: bool) -> i32 {
    match (digits_four, y) {
        (true, _) => y as i32,
        (false, 0..=68) => 2000 + y as i32,
        (false, _) => 1900 + y as i32,
    }
}

/// A time without its UTC offset (`08:03:00.000-05:00` → `08:03:00.000`): the wall-clock time
/// the respondent answered at, as the export wrote it, is the one read.
pub(super) fn without_offset(t: &str) -> &str {
    let Some(i) = t.rfind(['+', '-']) else {
        return t;
    };
    let (clock, off) = (&t[..i], &t[i + 1..]);
    let digits: String = off.chars().filter(|c| *c != ':').collect();
    let offset = matches!(digits.len(), 2 | 4)
        && digits.bytes().all(|b| b.is_ascii_digit())
        && off.len() <= 5
        && clock.contains(':');
    if offset {
        clock.trim_end()
    } else {
        t
    }
}

/// `HH:MM`, `HH:MM:SS`, with fractional seconds, a trailing `Z` or UTC offset (`-05:00`), and
/// `AM`/`PM`; empty is midnight.
fn time(rest: &str) -> Option<(u32, u32, u32)> {
    let t = rest.trim_start_matches(['T', ' ']).trim();
    if t.is_empty() {
        return Some((0, 0, 0));
    }
    let t = without_offset(t.trim_end_matches(['Z', 'z']));
    let (clock, pm) = match t.len().checked_sub(2).and_then(|i| t.get(i..)) {
        Some(m) if m.eq_ignore_ascii_case("am") => (t[..t.len() - 2].trim(), Some(false)),
        Some(m) if m.eq_ignore_ascii_case("pm") => (t[..t.len() - 2].trim(), Some(true)),
        _ => (t, None),
    };
    let mut it = clock.split(':');
    let h: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let s: u32 = match it.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if it.next().is_some() {
        return None;
    }
    let h = match pm {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => h,
    };
    Some((h, m, s))
}

/// The words of written-out dates in every lexicon language: month word → month, and the
/// fillers, number endings and clock markers a date may hold.
struct DateVocabulary {
    months: std::collections::HashMap<&'static str, u32>,
    fillers: std::collections::HashSet<&'static str>,
    units: Vec<&'static str>,
    am: std::collections::HashSet<&'static str>,
    pm: std::collections::HashSet<&'static str>,
}

static VOCABULARY: std::sync::LazyLock<DateVocabulary> = std::sync::LazyLock::new(|| {
    let mut v = DateVocabulary {
        months: Default::default(),
        fillers: Default::default(),
        units: Vec::new(),
        am: Default::default(),
        pm: Default::default(),
    };
    for l in crate::lexicon::LANGUAGES {
        let d = &l.dates;
        for (m, names) in (1u32..).zip(d.months.iter()) {
            for n in names.iter() {
                v.months.insert(n, m);
            }
        }
        v.fillers.extend(d.fillers.iter().copied());
        v.units.extend(d.units.iter().copied());
        v.am.extend(d.am.iter().copied());
        v.pm.extend(d.pm.iter().copied());
    }
    v
});

/// A date written with a month name in any lexicon language — `Jul 2, 2027`, `2 juil. 2027`,
/// `2. Juli 2027 10:15`, `2 de julio de 2027`, `2 lipca 2027 r.`, `2027년 7월 2일 오후 3:05` —
/// as one month word, a day of 1–31 and a four-digit year in any order, with at most a time
/// (`HH:MM[:SS]`, and a 12-hour clock's marker) and the language's fillers beside them.
pub fn with_month_name(s: &str) -> Option<NaiveDateTime> {
    let t = s.trim();
    if t.is_empty() || t.len() > 60 || !t.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let v = &*VOCABULARY;
    let lower = t.to_lowercase();
    let (mut month, mut numbers, mut clock, mut half) = (None, Vec::new(), None, None);
    for raw in lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-')) {
        let w = raw.trim_matches(|c: char| matches!(c, '.' | '(' | ')'));
        if w.is_empty() {
            continue;
        }
        if w.contains(':') {
            if clock.is_some() {
                return None;
            }
            // A clock with its marker written on (`3:05pm`).
            let (c, marker) = match w.find(|c: char| c.is_alphabetic()) {
                Some(i) => w.split_at(i),
                None => (w, ""),
            };
            clock = Some(c.to_string());
            if !marker.is_empty() {
                half = Some(marker_half(v, marker)?);
            }
            continue;
        }
        if let Some(&m) = v.months.get(w) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        if v.fillers.contains(w) {
            continue;
        }
        if let Some(h) = marker_half(v, raw.trim_end_matches(',')).or_else(|| marker_half(v, w)) {
            half = Some(h);
            continue;
        }
        // A number, alone or with an ending (`2nd`, `1er`, `2027년`, `2일`).
        let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (n, ending) = w.split_at(digits);
        if n.is_empty()
            || !(ending.is_empty() || v.fillers.contains(ending) || v.units.contains(&ending))
        {
            return None;
        }
        numbers.push((n.parse::<u32>().ok()?, n.len()));
    }
    let month = month?;
    let (year, day) = match numbers.as_slice() {
        [(y, 4), (d, 1..=2)] | [(d, 1..=2), (y, 4)] => (*y, *d),
        _ => return None,
    };
    let (h, mi, se) = match clock {
        None => (0, 0, 0),
        Some(c) => {
            let with = match half {
                Some(true) => format!("{c} pm"),
                Some(false) => format!("{c} am"),
                None => c,
            };
            time(&with)?
        }
    };
    NaiveDate::from_ymd_opt(year as i32, month, day)?.and_hms_opt(h, mi, se)
}

/// `Some(true)` for an afternoon marker (`pm`), `Some(false)` for a morning one.
fn marker_half(v: &DateVocabulary, w: &str) -> Option<bool> {
    if v.pm.contains(w) {
        Some(true)
    } else if v.am.contains(w) {
        Some(false)
    } else {
        None
    }
}

/// A date text read in `order` (a four-digit first part is always year-first). Texts with a
/// month name (`16 October 2024`) have no order to decide and are read as they are.
pub fn parse_ordered(s: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let t = s.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let Some(((a, b, c, four, _), rest)) = split(t) else {
        return super::cell::parse_date_text(t)
            .filter(|_| has_month_name(t))
            .or_else(|| with_month_name(t));
    };
    let (y, m, d) = match (four, order) {
        (true, _) => (year(a, true), b, c),
        (false, DateOrder::Dmy) => (year(c, c >= 1000), b, a),
        (false, DateOrder::Mdy) => (year(c, c >= 1000), a, b),
        (false, DateOrder::Ymd) => (year(a, false), b, c),
    };
    let (h, mi, se) = time(rest)?;
    NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, mi, se)
}

fn has_month_name(t: &str) -> bool {
    t.chars().any(|c| c.is_alphabetic()) && !t.contains('/')
}

/// What a column's date texts say of their order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateEvidence {
    /// Cells whose first part is above 12 (and a day): day-first.
    pub day_first: usize,
    /// Cells whose second part is above 12: month-first.
    pub month_first: usize,
    /// Cells with a four-digit first part.
    pub year_first: usize,
    /// Cells both of whose first parts are 12 or less.
    pub ambiguous: usize,
    /// Cells written with dots (`16.10.2024`), the day-first habit of much of Europe.
    pub dotted: usize,
}

impl DateEvidence {
    /// The evidence of some date texts.
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> DateEvidence {
        let mut e = DateEvidence::default();
        for t in texts {
            let Some(((a, b, _, four, sep), _)) = split(t.trim()) else {
                continue;
            };
            if four {
                e.year_first += 1;
                continue;
            }
            if sep == b'.' {
                e.dotted += 1;
            }
            match (a, b) {
                (13..=31, 1..=12) => e.day_first += 1,
                (1..=12, 13..=31) => e.month_first += 1,
                (1..=12, 1..=12) => e.ambiguous += 1,
                _ => {}
            }
        }
        e
    }
}

/// Why a column's dates are read in their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateWhy {
    /// The field's `date_order`.
    Config,
    /// Cells that can only be read one way.
    Cells(DateEvidence),
    /// Every cell reads either way: the file's locale decided (the reason).
    Locale(&'static str, DateEvidence),
    /// Every cell is year-first (or has a month name): nothing to decide.
    Unambiguous,
}

/// What the file says of its locale, for a column whose dates all read either way.
#[derive(Debug, Clone, Copy, Default)]
pub struct Locale {
    /// Decimal commas or a `;` delimiter.
    pub comma_decimals: bool,
    /// A Qualtrics or SurveyMonkey export (US tools: month-first).
    pub us_platform: bool,
    /// Headers in a language other than English.
    pub non_english: bool,
}

/// The order of a column's dates: `configured` when set, else from the cells, else from the
/// locale.
pub fn decide(
    configured: Option<DateOrder>,
    e: DateEvidence,
    locale: Locale,
) -> (DateOrder, DateWhy) {
    if let Some(o) = configured {
        return (o, DateWhy::Config);
    }
    if e.day_first + e.month_first > 0 {
        // The larger count wins; a tie goes month-first on a US platform, else day-first.
        let month_first =
            e.month_first > e.day_first || (e.month_first == e.day_first && locale.us_platform);
        let order = if month_first {
            DateOrder::Mdy
        } else {
            DateOrder::Dmy
        };
        return (order, DateWhy::Cells(e));
    }
    if e.ambiguous == 0 {
        return (DateOrder::Mdy, DateWhy::Unambiguous);
    }
    let (order, why) = if e.dotted > 0 {
        (DateOrder::Dmy, "dates written with dots")
    } else if locale.comma_decimals {
        (DateOrder::Dmy, "a file with decimal commas")
    } else if locale.us_platform {
        (DateOrder::Mdy, "a Qualtrics or SurveyMonkey export")
    } else if locale.non_english {
        (DateOrder::Dmy, "headers not in English")
    } else {
        (
            DateOrder::Mdy,
            "no sign of the locale; month-first, as US exports write",
        )
    };
    (order, DateWhy::Locale(why, e))
}

/// The order of the text dates in columns `cols` of `t` (one field's columns), and why.
pub fn column_order(
    t: &super::Table,
    cols: &[usize],
    configured: Option<DateOrder>,
) -> (DateOrder, DateWhy) {
    use super::Cell;
    let texts = cols
        .iter()
        .flat_map(|&c| t.rows.distinct(c))
        .filter_map(|cell| match cell {
            Cell::Text(s) => Some(&**s),
            _ => None,
        });
    let evidence = DateEvidence::of(texts);
    // The numbers' format is asked only when the dates cannot decide (it reads every column).
    let undecided = configured.is_none()
        && evidence.day_first + evidence.month_first == 0
        && evidence.ambiguous > 0;
    let locale = Locale {
        comma_decimals: t.decimal_comma || (undecided && t.comma_numbers()),
        us_platform: t.layout.us_dates(),
        non_english: t.columns.iter().any(|c| {
            c.label()
                .chars()
                .any(|ch| ch.is_alphabetic() && !ch.is_ascii())
        }),
    };
    decide(configured, evidence, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ISO 8601 with fractional seconds and a UTC offset, and month names before the day
    /// (`Jul 2, 2027`), are dates: the wall-clock time as written.
    #[test]
    fn offsets_and_month_first_names_are_dates() {
        let read = |s: &str| parse_ordered(s, DateOrder::Dmy).map(|d| d.to_string());
        let want = Some("2027-09-15 08:03:00".to_string());
        assert_eq!(read("2027-09-15T08:03:00.000-05:00"), want);
        assert_eq!(read("2027-09-15T08:03:00+0200"), want);
        assert_eq!(read("2027-09-15 08:03:00+05:30"), want);
        assert_eq!(read("2027-09-15T08:03:00Z"), want);
        let day = Some("2027-07-02 00:00:00".to_string());
        assert_eq!(read("Jul 2, 2027"), day);
        assert_eq!(read("July 2, 2027"), day);
        assert_eq!(read("2 July 2027"), day);
        assert_eq!(
            super::super::cell::parse_date_text("2027-09-15T08:03:00-05:00").map(|d| d.to_string()),
            want
        );
        // A minus that is no offset is kept (and the text is no date).
        assert_eq!(read("2027-09-15 08:03-x"), None);
    }

    /// Month names and abbreviations in every lexicon language, in each language's order and
    /// with its fillers; a time beside them, a 12-hour clock's marker in English and Korean.
    #[test]
    fn month_names_in_every_language() {
        let day = "2027-07-02 00:00:00";
        for (text, want) in [
            ("Jul 2, 2027", day),
            ("Friday, July 2nd, 2027", day),
            ("2-Jul-2027", day),
            ("02 Jul 2027 3:05 PM", "2027-07-02 15:05:00"),
            ("Jul 2, 2027 10:15:30 am", "2027-07-02 10:15:30"),
            ("2 juil. 2027", day),
            ("vendredi 2 juillet 2027 à 10:15", "2027-07-02 10:15:00"),
            ("1er févr. 2027", "2027-02-01 00:00:00"),
            ("2 août 2027", "2027-08-02 00:00:00"),
            ("2. Juli 2027", day),
            ("2. Jul. 2027 10:15", "2027-07-02 10:15:00"),
            ("12. März 2027", "2027-03-12 00:00:00"),
            ("2 de julio de 2027", day),
            ("2 jul. 2027", day),
            ("15 dic 2027", "2027-12-15 00:00:00"),
            ("2 lipca 2027 r.", day),
            ("2 lip 2027", day),
            ("15 października 2027", "2027-10-15 00:00:00"),
            ("2 Juli 2027", day),
            ("17 Agustus 2027 pukul 09:30", "2027-08-17 09:30:00"),
            ("2 Mei 2027", "2027-05-02 00:00:00"),
            ("2027년 7월 2일", day),
            ("2027년 7월 2일 오후 3:05", "2027-07-02 15:05:00"),
        ] {
            let got = with_month_name(text).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(want), "{text}");
            // And as a date cell of any order.
            assert_eq!(at(text, DateOrder::Mdy).as_deref(), Some(want), "{text}");
        }
        for bad in [
            "July 2027",
            "Jul 2",
            "2 juil. 27",
            "31 févr. 2027",
            "Jul Aug 2, 2027",
            "2 July 2027 and 3 more",
            "We met in July 2027",
            "Total 2 July 2027",
            "2 July 2027 10:15 11:20",
            "32 Jul 2027",
        ] {
            assert_eq!(with_month_name(bad), None, "{bad}");
        }
    }

    /// No month word of one language is another month in another, or a filler anywhere.
    #[test]
    fn month_words_mean_one_month() {
        let mut seen: std::collections::HashMap<&str, (u32, &str)> = Default::default();
        let fillers: Vec<&str> = crate::lexicon::LANGUAGES
            .iter()
            .flat_map(|l| l.dates.fillers.iter().copied())
            .collect();
        for l in crate::lexicon::LANGUAGES {
            for (m, names) in (1u32..).zip(l.dates.months.iter()) {
                for n in names.iter() {
                    assert_eq!(n.to_lowercase(), *n, "{}: {n} in lower case", l.code);
                    if let Some((other, lang)) = seen.insert(n, (m, l.code)) {
                        assert_eq!(other, m, "{n}: month {other} in {lang}, {m} in {}", l.code);
                    }
                    assert!(!fillers.contains(n), "{n} is a month and a filler");
                }
            }
        }
    }

    fn at(s: &str, o: DateOrder) -> Option<String> {
        parse_ordered(s, o).map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
    }

    #[test]
    fn each_order_reads_its_dates_and_refuses_the_other_way() {
        use DateOrder::*;
        assert_eq!(
            at("16/10/2024 17:11", Dmy).as_deref(),
            Some("2024-10-16 17:11:00")
        );
        assert_eq!(at("16/10/2024 17:11", Mdy), None, "no 16th month");
        assert_eq!(
            at("01/11/2024", Dmy).as_deref(),
            Some("2024-11-01 00:00:00")
        );
        assert_eq!(
            at("01/11/2024", Mdy).as_deref(),
            Some("2024-01-11 00:00:00")
        );
        assert_eq!(
            at("10/16/2024 05:11:03 PM", Mdy).as_deref(),
            Some("2024-10-16 17:11:03")
        );
        assert_eq!(at("16.10.24", Dmy).as_deref(), Some("2024-10-16 00:00:00"));
        assert_eq!(
            at("2024-10-16T17:11:03.250Z", Dmy).as_deref(),
            Some("2024-10-16 17:11:03")
        );
        assert_eq!(
            at("2024/10/16 17:11:03", Mdy).as_deref(),
            Some("2024-10-16 17:11:03")
        );
        assert_eq!(at("24/10/16", Ymd).as_deref(), Some("2024-10-16 00:00:00"));
        assert_eq!(
            at("12/01/2024 12:30 AM", Mdy).as_deref(),
            Some("2024-12-01 00:30:00")
        );
        assert_eq!(
            at("16 October 2024", Mdy).as_deref(),
            Some("2024-10-16 00:00:00")
        );
        for bad in [
            "",
            "not a date",
            "31/02/2024",
            "1/2",
            "1/2/3/4",
            "16/10/2024 25:00",
            "13/13/2024",
        ] {
            assert_eq!(at(bad, Dmy), None, "{bad}");
        }
    }

    #[test]
    fn the_column_decides_from_its_cells_then_its_locale() {
        let e =
            DateEvidence::of(["16/10/2024 17:11", "01/11/2024 09:00", "03/11/2024"].into_iter());
        assert_eq!((e.day_first, e.ambiguous), (1, 2));
        let l = Locale::default();
        assert_eq!(decide(None, e, l).0, DateOrder::Dmy);
        let us = DateEvidence::of(["10/16/2024", "11/01/2024"].into_iter());
        assert_eq!(decide(None, us, l).0, DateOrder::Mdy);
        let all_ambiguous = DateEvidence::of(["01/11/2024", "03/04/2024"].into_iter());
        let (o, why) = decide(
            None,
            all_ambiguous,
            Locale {
                comma_decimals: true,
                ..l
            },
        );
        assert_eq!(o, DateOrder::Dmy);
        assert!(matches!(why, DateWhy::Locale(_, _)));
        let (o, _) = decide(
            None,
            all_ambiguous,
            Locale {
                us_platform: true,
                ..l
            },
        );
        assert_eq!(o, DateOrder::Mdy);
        let (o, why) = decide(Some(DateOrder::Dmy), us, l);
        assert_eq!((o, why), (DateOrder::Dmy, DateWhy::Config));
        let iso = DateEvidence::of(["2024-10-16", "2024-11-01"].into_iter());
        assert_eq!(decide(None, iso, l).1, DateWhy::Unambiguous);
        let dots = DateEvidence::of(["01.11.2024", "03.04.2024"].into_iter());
        assert_eq!(decide(None, dots, l).0, DateOrder::Dmy);
    }
}

//! The reporting period: `--period`, else the input folder's name, else the response dates.

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The share of the dated responses one quarter must hold to be taken as the period when the
/// dates span several (fieldwork that crosses a quarter's end).
pub const MAJORITY: f64 = 0.8;

/// Normalise a period name such as `2026-Q4`, `2026q4` or `2026 Q4` to `2026Q4`.
pub fn parse_quarter(s: &str) -> Option<String> {
    let re = Regex::new(r"(?i)(?:^|[^0-9])((?:19|20)\d{2})[-_ ]?Q([1-4])(?:$|[^0-9])")
        .expect("valid regex");
    re.captures(s).map(|c| format!("{}Q{}", &c[1], &c[2]))
}

/// Why the period cannot be told.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PeriodError {
    #[error(
        "--period '{0}' is not a period; give a quarter (2026Q4 or 2026-Q4), a half (2026H1), a month (2026-03) or a year (2026)"
    )]
    NotAPeriod(String),
    #[error(
        "cannot tell the period: the folder name '{0}' is not a quarter (like 2026Q4) and no \
         response dates were found; pass --period 2026Q4"
    )]
    NoDates(String),
    #[error(
        "cannot tell the period: the folder name '{name}' is not a quarter and the response dates \
         span {count} quarters ({shares}), none holding 80 % of them; pass --period (a quarter, \
         or a half or year that holds them all)"
    )]
    ManyQuarters {
        name: String,
        count: usize,
        /// Each quarter with its share of the dated responses, as `2026Q3 60 %`.
        shares: String,
    },
}

/// How the period was decided.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum How {
    /// Given with `--period`.
    #[default]
    Explicit,
    /// The input folder's name.
    Folder,
    /// The quarter of the response dates holding `share` of them (1 when they are all in it).
    Dates { share: f64 },
}

/// The period decided, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    pub name: String,
    pub how: How,
}

/// A `--period` value: a quarter (`2026Q4`, `2026-Q4`, written `2026Q4`), a half (`2026H1`), a
/// month (`2026-03`) or a year (`2026`), as PRODUCT §7 names periods; anything else is refused.
pub fn validate_explicit(s: &str) -> Result<String, PeriodError> {
    let t = s.trim();
    let quarter = Regex::new(r"(?i)^((?:19|20)\d{2})-?Q([1-4])$").expect("valid regex");
    if let Some(c) = quarter.captures(t) {
        return Ok(format!("{}Q{}", &c[1], &c[2]));
    }
    let half = Regex::new(r"(?i)^((?:19|20)\d{2})H([12])$").expect("valid regex");
    if let Some(c) = half.captures(t) {
        return Ok(format!("{}H{}", &c[1], &c[2]));
    }
    let month_or_year =
        Regex::new(r"^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?$").expect("valid regex");
    if month_or_year.is_match(t) {
        return Ok(t.to_string());
    }
    Err(PeriodError::NotAPeriod(s.to_string()))
}

/// The quarter of a date, as `2026Q4`.
pub fn quarter_of(d: &NaiveDateTime) -> String {
    format!("{}Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// Decide the period, or say why it cannot be told: `--period`, else a quarter in the input
/// folder's name, else the quarter holding all the response dates or at least [`MAJORITY`] of
/// them.
pub fn decide(
    explicit: Option<&str>,
    input: &Path,
    dates: impl Iterator<Item = NaiveDateTime>,
) -> Result<Decided, PeriodError> {
    if let Some(p) = explicit {
        return validate_explicit(p).map(|name| Decided {
            name,
            how: How::Explicit,
        });
    }
    let name = input
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| input.to_string_lossy().into_owned());
    if let Some(q) = parse_quarter(&name) {
        return Ok(Decided {
            name: q,
            how: How::Folder,
        });
    }
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for d in dates {
        *counts.entry(quarter_of(&d)).or_default() += 1;
    }
    let total: u64 = counts.values().sum();
    // The quarter holding most (the earliest of equals).
    let Some((top, n)) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
    else {
        return Err(PeriodError::NoDates(name));
    };
    let share = *n as f64 / total as f64;
    if share >= MAJORITY {
        return Ok(Decided {
            name: top.clone(),
            how: How::Dates { share },
        });
    }
    let shares: Vec<String> = counts
        .iter()
        .map(|(q, n)| match 100.0 * *n as f64 / total as f64 {
            p if p < 0.5 => format!("{q} <1 %"),
            p => format!("{q} {p:.0} %"),
        })
        .collect();
    Err(PeriodError::ManyQuarters {
        name,
        count: counts.len(),
        shares: shares.join(", "),
    })
}

/// The days a period name covers: its first day and the first day after it (`None` for a name
/// that is not one of the period forms).
pub fn bounds(name: &str) -> Option<(NaiveDate, NaiveDate)> {
    let name = validate_explicit(name).ok()?;
    let year: i32 = name.get(..4)?.parse().ok()?;
    let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let (first, months) = match &name[4..] {
        "" => (1, 12),
        rest if rest.starts_with('Q') => ((rest[1..].parse::<u32>().ok()? - 1) * 3 + 1, 3),
        rest if rest.starts_with('H') => ((rest[1..].parse::<u32>().ok()? - 1) * 6 + 1, 6),
        rest => (rest.trim_start_matches('-').parse::<u32>().ok()?, 1),
    };
    let end = first + months;
    let after = if end > 12 {
        ymd(year + 1, end - 12)
    } else {
        ymd(year, end)
    }?;
    Some((ymd(year, first)?, after))
}

/// When the fieldwork ran against the period named: the first and last response dates, and how
/// many responses are dated outside the period (PRODUCT §3).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Fieldwork {
    /// The first and last response date, `YYYY-MM-DD` (empty when no response is dated).
    pub first: String,
    pub last: String,
    pub dated: u64,
    pub undated: u64,
    pub outside_period: u64,
    /// How the period was decided: `--period`, `folder name` or `dates`.
    pub period_from: String,
    /// With `dates`: the share of the dated responses in the period's quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_share: Option<f64>,
}

impl Fieldwork {
    /// The fieldwork of the responses whose dates are `dates` (`None`: undated), against the
    /// period decided.
    pub fn of(decided: &Decided, dates: impl Iterator<Item = Option<NaiveDateTime>>) -> Fieldwork {
        let span = bounds(&decided.name);
        let (mut first, mut last): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
        let mut f = Fieldwork {
            period_from: match decided.how {
                How::Explicit => "--period",
                How::Folder => "folder name",
                How::Dates { .. } => "dates",
            }
            .into(),
            period_share: match decided.how {
                How::Dates { share } => Some(share),
                _ => None,
            },
            ..Fieldwork::default()
        };
        for d in dates {
            let Some(d) = d.map(|d| d.date()) else {
                f.undated += 1;
                continue;
            };
            f.dated += 1;
            first = Some(first.map_or(d, |x| x.min(d)));
            last = Some(last.map_or(d, |x| x.max(d)));
            if !within(span, d) {
                f.outside_period += 1;
            }
        }
        f.first = first.map(|d| d.to_string()).unwrap_or_default();
        f.last = last.map(|d| d.to_string()).unwrap_or_default();
        f
    }
}

/// Whether a date lies within a period's days (every date does when the name has none).
pub fn within(span: Option<(NaiveDate, NaiveDate)>, d: NaiveDate) -> bool {
    span.is_none_or(|(a, b)| a <= d && d < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_from_names() {
        assert_eq!(parse_quarter("2026Q4").as_deref(), Some("2026Q4"));
        assert_eq!(parse_quarter("exports/2026-q3").as_deref(), Some("2026Q3"));
        assert_eq!(
            parse_quarter("survey 2026_Q1 final").as_deref(),
            Some("2026Q1")
        );
        assert_eq!(parse_quarter("12026Q4"), None);
        assert_eq!(parse_quarter("2026Q5"), None);
        assert_eq!(validate_explicit("2026-Q4").unwrap(), "2026Q4");
        assert!(validate_explicit("../x").is_err());
    }

    /// `--period` takes the forms of PRODUCT §7 and nothing else.
    #[test]
    fn only_the_period_forms_are_accepted() {
        for (given, name) in [
            ("2026Q4", "2026Q4"),
            ("2026q1", "2026Q1"),
            ("2026-Q2", "2026Q2"),
            ("2026H1", "2026H1"),
            ("2026h2", "2026H2"),
            ("2026-03", "2026-03"),
            ("2026-12", "2026-12"),
            ("2026", "2026"),
        ] {
            assert_eq!(validate_explicit(given).unwrap(), name, "{given}");
        }
        for bad in [
            "last quarter",
            "2026Q5",
            "2026-13",
            "2026-00",
            "2026 Q4",
            "2026_Q4",
            "Q4",
            "26Q4",
            "2026H3",
            "1826",
            "2026-3",
            "",
            "../2026Q4",
        ] {
            let e = validate_explicit(bad).unwrap_err().to_string();
            assert!(e.contains("2026H1") && e.contains("2026-03"), "{bad}: {e}");
        }
    }

    #[test]
    fn quarter_from_dates() {
        let d = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let one = vec![d("2026-07-02 10:00"), d("2026-09-30 23:00")];
        let x = Path::new("/nonexistent/x");
        assert_eq!(
            decide(None, x, one.into_iter()).unwrap(),
            Decided {
                name: "2026Q3".into(),
                how: How::Dates { share: 1.0 }
            }
        );
        let two = vec![d("2026-06-30 10:00"), d("2026-07-01 10:00")];
        let e = decide(None, x, two.into_iter()).unwrap_err();
        assert!(e.to_string().contains("--period"), "{e}");
    }

    /// Fieldwork across a quarter's end: 85 % in one quarter takes it, 60/40 asks for
    /// `--period`, and `--period` or the folder's name are taken whatever the dates.
    #[test]
    fn the_quarter_holding_most() {
        let at = |m: u32, day: u32| {
            NaiveDate::from_ymd_opt(2027, m, day)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap()
        };
        let split = |inside: usize, outside: usize| -> Vec<NaiveDateTime> {
            let mut v = vec![at(9, 20); inside];
            v.extend(vec![at(10, 3); outside]);
            v
        };
        let x = Path::new("/nonexistent/x");
        let d = decide(None, x, split(17, 3).into_iter()).unwrap();
        assert_eq!(d.name, "2027Q3");
        assert_eq!(d.how, How::Dates { share: 0.85 });
        let f = Fieldwork::of(&d, split(17, 3).into_iter().map(Some).chain([None]));
        assert_eq!(
            (
                f.first.as_str(),
                f.last.as_str(),
                f.dated,
                f.undated,
                f.outside_period
            ),
            ("2027-09-20", "2027-10-03", 20, 1, 3)
        );
        assert_eq!(f.period_share, Some(0.85));
        // Exactly 80 % is enough; 60/40 is not, and the message gives the shares.
        assert_eq!(
            decide(None, x, split(8, 2).into_iter()).unwrap().name,
            "2027Q3"
        );
        let e = decide(None, x, split(6, 4).into_iter())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("2027Q3 60 %") && e.contains("2027Q4 40 %"),
            "{e}"
        );
        assert!(e.contains("--period"), "{e}");
        // The user's period is taken, and the responses outside it counted.
        let given = decide(Some("2027Q4"), x, split(6, 4).into_iter()).unwrap();
        assert_eq!(given.how, How::Explicit);
        let f = Fieldwork::of(&given, split(6, 4).into_iter().map(Some));
        assert_eq!((f.outside_period, f.period_from.as_str()), (6, "--period"));
        let half = decide(Some("2027H2"), x, split(6, 4).into_iter()).unwrap();
        assert_eq!(
            Fieldwork::of(&half, split(6, 4).into_iter().map(Some)).outside_period,
            0
        );
    }

    #[test]
    fn the_days_of_each_period_form() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(bounds("2026Q4"), Some((day(2026, 10, 1), day(2027, 1, 1))));
        assert_eq!(bounds("2026Q1"), Some((day(2026, 1, 1), day(2026, 4, 1))));
        assert_eq!(bounds("2026H2"), Some((day(2026, 7, 1), day(2027, 1, 1))));
        assert_eq!(bounds("2026-12"), Some((day(2026, 12, 1), day(2027, 1, 1))));
        assert_eq!(bounds("2026-03"), Some((day(2026, 3, 1), day(2026, 4, 1))));
        assert_eq!(bounds("2026"), Some((day(2026, 1, 1), day(2027, 1, 1))));
        assert_eq!(bounds("last quarter"), None);
        assert!(within(bounds("2026Q4"), day(2026, 12, 31)));
        assert!(!within(bounds("2026Q4"), day(2027, 1, 1)));
    }
}

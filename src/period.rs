//! The reporting period: `--period`, else the input folder's name, else the response dates.

use std::path::Path;

use chrono::{Datelike, NaiveDateTime};
use regex::Regex;

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
         span {count} quarters ({first} … {last}); pass --period"
    )]
    ManyQuarters {
        name: String,
        count: usize,
        first: String,
        last: String,
    },
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

/// Decide the period, or say why it cannot be told.
pub fn decide(
    explicit: Option<&str>,
    input: &Path,
    dates: impl Iterator<Item = NaiveDateTime>,
) -> Result<String, PeriodError> {
    if let Some(p) = explicit {
        return validate_explicit(p);
    }
    let name = input
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| input.to_string_lossy().into_owned());
    if let Some(q) = parse_quarter(&name) {
        return Ok(q);
    }
    let mut quarters: Vec<String> = dates.map(|d| quarter_of(&d)).collect();
    quarters.sort();
    quarters.dedup();
    match quarters.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(PeriodError::NoDates(name)),
        [first, .., last] => Err(PeriodError::ManyQuarters {
            name,
            count: quarters.len(),
            first: first.clone(),
            last: last.clone(),
        }),
    }
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
        assert_eq!(
            decide(None, Path::new("/nonexistent/x"), one.into_iter()).unwrap(),
            "2026Q3"
        );
        let two = vec![d("2026-06-30 10:00"), d("2026-07-01 10:00")];
        let e = decide(None, Path::new("/nonexistent/x"), two.into_iter()).unwrap_err();
        assert!(e.to_string().contains("--period"), "{e}");
    }
}

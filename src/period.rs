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
    #[error("--period '{0}' is not usable as a folder name; use e.g. 2026Q4")]
    NotAFolderName(String),
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

/// A `--period` value must be usable as a folder name.
pub fn validate_explicit(s: &str) -> Result<String, PeriodError> {
    let whole = Regex::new(r"(?i)^((?:19|20)\d{2})[-_ ]?Q([1-4])$").expect("valid regex");
    if let Some(c) = whole.captures(s.trim()) {
        return Ok(format!("{}Q{}", &c[1], &c[2]));
    }
    let ok = !s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok && !s.starts_with('-') {
        Ok(s.to_string())
    } else {
        Err(PeriodError::NotAFolderName(s.to_string()))
    }
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

//! Alchemer (SurveyGizmo until 2020): one header row, its metadata block first (`Response ID`,
//! `Time Started`, `Date Submitted`, `Status`, `Contact ID`, `Legacy Comments`, `Comments`,
//! `Language`, `Referer`, `SessionID`, `User Agent`, `Tags`, `IP Address`, `Longitude`,
//! `Latitude`, `Country`, `City`, `State/Region`, `Postal`), then the questions. A checkbox
//! question or a grid is one column per option or row, headed `Option:Question`. Learned from
//! Alchemer's help, "CSV/Excel export" and "Response status": `Status` is `Complete`,
//! `Partial` (left before the end), `Disqualified` (screened out by logic or a quota), and
//! test responses are marked `Test` (`Complete (Test)`).

use std::collections::BTreeMap;

use super::{flag, has, option_column, plain_column, FlagKind, Head, Layout, RowFlag};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    (has(r0, &["Response ID"])
        && has(r0, &["Time Started"])
        && has(r0, &["Date Submitted", "Status"]))
    .then(|| (Layout::Alchemer, columns(r0)))
}

/// `Option:Question` headers split where two or more columns share the question: the column is
/// that question's option (a checkbox's choice, a grid's row), named `Question - Option`
/// besides its own header, so that a pair finder or a multi-select reads (question, option).
fn columns(r0: &[String]) -> Vec<Column> {
    let split = |h: &str| -> Option<(String, String)> {
        let (option, question) = h.split_once(':')?;
        let (option, question) = (option.trim(), question.trim());
        (!option.is_empty() && !question.is_empty()).then(|| (option.into(), question.into()))
    };
    let mut shared: BTreeMap<String, usize> = BTreeMap::new();
    for h in r0 {
        if let Some((_, q)) = split(h) {
            *shared.entry(q).or_default() += 1;
        }
    }
    r0.iter()
        .enumerate()
        .map(|(i, h)| match split(h) {
            Some((option, question)) if shared[&question] >= 2 => {
                option_column(i, h, &question, &option)
            }
            _ => plain_column(i, h),
        })
        .collect()
}

pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    let status = |kind, test| flag(columns, &["Status"], kind, test);
    [
        status(FlagKind::Preview, |s| s.contains("test")),
        status(FlagKind::Unfinished, |s| s.starts_with("partial")),
        status(FlagKind::Disqualified, |s| s.starts_with("disqualified")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

//! SoSci Survey: its system variables (`CASE`, `SERIAL`, `QUESTNNR`, `STARTED`, `FINISHED`,
//! `Q_VIEWER`, `LASTPAGE`, `TIME_SUM`…) in capitals, with or without a row of labels below
//! the codes. Learned from SoSci's manual, "Variables in the data set": `FINISHED` is 1 when
//! the respondent reached the last page, `Q_VIEWER` 1 when the questionnaire was only viewed
//! (the "questionnaire viewer", mandatory questions skipped), as a test or preview is.

use super::code_label::{all_text, repeated_below};
use super::qualtrics::is_unfinished;
use super::{flag, has, plain, two_level, FlagKind, Found, Head, Layout, RowFlag};
use crate::ingest::cell::Cell;
use crate::ingest::Column;

/// Two or more of SoSci's own system variables in the first row.
fn is_sosci(r0: &[String]) -> bool {
    const SYSTEM: [&str; 6] = [
        "CASE", "QUESTNNR", "FINISHED", "Q_VIEWER", "LASTPAGE", "MAXPAGE",
    ];
    r0.first().is_some_and(|h| h == "CASE")
        && SYSTEM.iter().filter(|s| r0.iter().any(|h| h == *s)).count() >= 2
}

/// Codes above labels.
pub(super) fn detect(h: &Head) -> Option<Found> {
    let [r0, r1, _] = &h.rows;
    (is_sosci(r0)
        && labels(r1, h.grid.get(1).map(Vec::as_slice))
        && !repeated_below(r1, h.grid.get(2..).unwrap_or(&[])))
    .then(|| (Layout::SoSci, 2, two_level(r0, r1)))
}

/// Whether the row under SoSci's codes is its labels: mostly filled, all text, no number (the
/// codes themselves are SoSci's, so the platform's mark is already seen).
fn labels(row: &[String], cells: Option<&[Cell]>) -> bool {
    let filled = row.iter().filter(|t| !t.is_empty()).count();
    filled * 10 >= row.len() * 8 && all_text(cells)
}

/// Codes only.
pub(super) fn detect_one_row(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    (is_sosci(r0) && has(r0, &["FINISHED", "QUESTNNR"])).then(|| (Layout::SoSci, plain(r0)))
}

pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    [
        flag(columns, &["FINISHED"], FlagKind::Unfinished, is_unfinished),
        flag(columns, &["Q_VIEWER"], FlagKind::Preview, |s| s == "1"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

//! Qualtrics: three header rows (column ids, question text, `{"ImportId":…}`), the two-row
//! export of the same, and the legacy (pre-2017) export with `V1…V10` ids above a label row.
//! `Status` marks previews, tests and spam; `Finished` unfinished responses.

use super::{flag, has, two_level, FlagKind, Found, Head, Layout, RowFlag};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<Found> {
    let [r0, r1, r2] = &h.rows;
    let import_id = r2
        .iter()
        .any(|h| h.starts_with("{\"ImportId\"") || h.starts_with("{'ImportId'"));
    if import_id
        && has(
            r0,
            &[
                "StartDate",
                "ResponseId",
                "ResponseID",
                "Status",
                "Finished",
            ],
        )
    {
        return Some((Layout::Qualtrics, 3, two_level(r0, r1)));
    }
    if r0.first().map(String::as_str) == Some("V1") && has(r1, &["ResponseID", "ResponseSet"]) {
        return Some((Layout::QualtricsLegacy, 2, two_level(r0, r1)));
    }
    if has(r0, &["StartDate", "ResponseId"]) && has(r1, &["Start Date", "Response ID"]) {
        return Some((Layout::Qualtrics, 2, two_level(r0, r1)));
    }
    None
}

/// `Status` (`Survey Preview`, `Survey Test`, `Spam`, or their codes 1, 2, 8) and `Finished`
/// (`0` / `False`).
pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    [
        flag(columns, &["Status"], FlagKind::Preview, is_preview),
        flag(columns, &["Finished"], FlagKind::Unfinished, is_unfinished),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A Qualtrics `Status` (lower-cased) of a preview, test or spam response.
pub fn is_preview(status: &str) -> bool {
    matches!(
        status,
        "survey preview" | "survey test" | "spam" | "1" | "2" | "8"
    )
}

/// A `Finished` (lower-cased) of an unfinished response.
pub fn is_unfinished(finished: &str) -> bool {
    matches!(finished, "0" | "false")
}

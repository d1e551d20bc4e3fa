//! Qualtrics: three header rows (column ids, question text, `{"ImportId":…}`), the two-row
//! export of the same, and the legacy (pre-2017) export with `V1…V10` ids above a label row.

use super::{has, two_level, Found, Head, Layout};

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

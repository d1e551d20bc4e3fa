//! LimeSurvey: its response table's own columns (`id`, `submitdate`, `lastpage`,
//! `startlanguage`, `seed`, `startdate`, `datestamp`) as codes, as text (`Response ID`,
//! `Date submitted`, `Last page`, `Start language`), or codes above text. Sub-questions are
//! `Q1[SQ001]` as codes and `Question [Item]` as text. Learned from the LimeSurvey manual,
//! "Exporting results": a response with no submit date was not completed (the respondent left
//! before the last page).

use super::code_label::{code_and_label, repeated_below};
use super::{has, plain, two_level, FlagKind, Found, Head, Layout, RowFlag};
use crate::ingest::Column;

const CODES: [&str; 4] = ["id", "submitdate", "lastpage", "startlanguage"];
const TEXTS: [&str; 4] = [
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
];

/// Whether a row has LimeSurvey's `id` (or `Response ID`) and two more of its own columns.
fn is_lime(row: &[String], names: &[&str; 4]) -> bool {
    has(row, &names[..1])
        && names[1..]
            .iter()
            .filter(|n| row.iter().any(|h| h.eq_ignore_ascii_case(n)))
            .count()
            >= 2
}

/// Codes above text.
pub(super) fn detect(h: &Head) -> Option<Found> {
    let [r0, r1, _] = &h.rows;
    (is_lime(r0, &CODES)
        && (is_lime(r1, &TEXTS)
            || code_and_label(r0, r1, h.grid.get(1).map(Vec::as_slice))
                && !repeated_below(r1, h.grid.get(2..).unwrap_or(&[]))))
    .then(|| (Layout::LimeSurvey, 2, two_level(r0, r1)))
}

/// Codes or text, one row.
pub(super) fn detect_one_row(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    (is_lime(r0, &CODES) || is_lime(r0, &TEXTS)).then(|| (Layout::LimeSurvey, plain(r0)))
}

/// An empty `submitdate` (its code or its text, in either header row): the response was not
/// completed.
pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    let names = ["submitdate", "Date submitted"];
    columns
        .iter()
        .position(|c| {
            c.names
                .iter()
                .any(|n| names.iter().any(|x| n.eq_ignore_ascii_case(x)))
        })
        .map(|col| RowFlag {
            col,
            kind: FlagKind::Unfinished,
            test: str::is_empty,
        })
        .into_iter()
        .collect()
}

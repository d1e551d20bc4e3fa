//! Typeform: one header row, `#` (the response token) first, the questions, then
//! `Start Date (UTC)`, `Submit Date (UTC)` (newer exports add `Response Type` and
//! `Stage Date (UTC)`), `Network ID` and `Tags`. Learned from Typeform's help centre,
//! "Download your responses": a partial submission is exported with no submit date (and, where
//! the export has it, `Response Type` = `partial`); a multiple-selection question is one column
//! per choice, headed by the choice, whose cell repeats it when chosen (grouped by
//! [`super::choices`]).

use super::{flag, has, plain, FlagKind, Head, Layout, RowFlag};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    let first = r0.first().is_some_and(|f| f == "#");
    let dated = has(r0, &["Submit Date (UTC)", "Start Date (UTC)"]);
    (dated && (first || has(r0, &["Network ID"]))).then(|| (Layout::Typeform, plain(r0)))
}

pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    let unfinished = |names: &[&str], test| flag(columns, names, FlagKind::Unfinished, test);
    [
        unfinished(&["Submit Date (UTC)"], str::is_empty),
        unfinished(&["Response Type"], |s| s == "partial"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

//! Jotform: one header row with `Submission Date` (usually first) and, in newer exports,
//! `Submission ID`, `Submission IP` and `Last Update Date`. Learned from Jotform's guide
//! "How to download form submissions": only submitted forms are exported (no partials), and a
//! checkbox question's choices are joined by line breaks in one cell (read by the separator
//! decided per column).

use super::{has, plain, Head, Layout};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    let first = r0
        .first()
        .is_some_and(|f| f.eq_ignore_ascii_case("Submission Date"));
    (has(r0, &["Submission Date"])
        && (first || has(r0, &["Submission ID", "Submission IP", "Last Update Date"])))
    .then(|| (Layout::Jotform, plain(r0)))
}

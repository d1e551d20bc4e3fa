//! Google Forms: one header row, `Timestamp` first, in the language of the form (each
//! language's word is in its lexicon file).

use super::{plain, Head, Layout};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    r0.first()
        .is_some_and(|h| is_timestamp_header(h))
        .then(|| (Layout::GoogleForms, plain(r0)))
}

/// Google Forms' `Timestamp` header in languages that have no lexicon yet (Portuguese,
/// Italian, Dutch); the others are each language's (`crate::lexicon`).
const OTHER_TIMESTAMP_HEADERS: [&str; 3] = [
    "carimbo de data/hora",
    "informazioni cronologiche",
    "tijdstempel",
];

/// Whether a header is Google Forms' `Timestamp` in one of the languages it is exported in.
fn is_timestamp_header(h: &str) -> bool {
    let lower = h.to_lowercase();
    crate::lexicon::is_timestamp_header(&lower) || OTHER_TIMESTAMP_HEADERS.contains(&lower.as_str())
}

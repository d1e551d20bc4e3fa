//! Google Forms: one header row, `Timestamp` first (in the language of the form).

use super::Layout;

pub(super) fn detect(r0: &[String]) -> Option<Layout> {
    r0.first()
        .is_some_and(|h| is_timestamp_header(h))
        .then_some(Layout::GoogleForms)
}

/// Google Forms' `Timestamp` header in languages that have no lexicon yet (Portuguese,
/// Italian); the others are each language's (`crate::lexicon`).
const OTHER_TIMESTAMP_HEADERS: [&str; 2] = ["carimbo de data/hora", "informazioni cronologiche"];

/// Whether a header is Google Forms' `Timestamp` in one of the languages it is exported in.
fn is_timestamp_header(h: &str) -> bool {
    let lower = h.to_lowercase();
    crate::lexicon::is_timestamp_header(&lower) || OTHER_TIMESTAMP_HEADERS.contains(&lower.as_str())
}

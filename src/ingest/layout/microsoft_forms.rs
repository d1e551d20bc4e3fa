//! Microsoft Forms: one header row that begins `ID, Start time, Completion time` (then
//! `Email`, `Name`), translated with the form's language (`Id, Startzeit,
//! Fertigstellungszeit`; `ID, Heure de début, Heure de fin`); each language's words are in its
//! lexicon file. Only submitted responses are exported.

use super::{plain, Head, Layout};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    let lower = |i: usize| r0.get(i).map(|h| h.to_lowercase()).unwrap_or_default();
    (r0.len() >= 3 && crate::lexicon::is_forms_header(&lower(0), &lower(1), &lower(2)))
        .then(|| (Layout::MicrosoftForms, plain(r0)))
}

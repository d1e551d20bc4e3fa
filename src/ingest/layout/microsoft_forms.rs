//! Microsoft Forms: one header row that begins `ID, Start time, Completion time`.

use super::Layout;

pub(super) fn detect(r0: &[String]) -> Option<Layout> {
    (r0.len() >= 3
        && r0[0].eq_ignore_ascii_case("ID")
        && r0[1].eq_ignore_ascii_case("Start time")
        && r0[2].eq_ignore_ascii_case("Completion time"))
    .then_some(Layout::MicrosoftForms)
}

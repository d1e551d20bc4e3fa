//! A row of short variable codes above a row of question labels (Unipark, an unknown
//! platform's; SoSci Survey and LimeSurvey have files of their own): both rows are headers, and
//! a field matches either. Unipark's `dispcode` says how a response ended: 31 and 32 are
//! completed, 20–23 not (Unipark's manual, "Disposition codes").

use super::{flag, two_level, FlagKind, Found, Head, Layout, RowFlag};
use crate::ingest::cell::Cell;
use crate::ingest::Column;

pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    flag(columns, &["dispcode"], FlagKind::Unfinished, |s| {
        matches!(s, "20" | "21" | "22" | "23")
    })
    .into_iter()
    .collect()
}

/// Whether a row's cells are all text with no number among them (or empty): a label row.
pub(super) fn all_text(cells: Option<&[Cell]>) -> bool {
    cells.is_some_and(|cells| {
        cells.iter().all(|c| match c {
            Cell::Text(t) => crate::ingest::cell::parse_number(t, false).is_none(),
            Cell::Empty => true,
            _ => false,
        })
    })
}

pub(super) fn detect(h: &Head) -> Option<Found> {
    let [r0, r1, _] = &h.rows;
    (code_and_label(r0, r1, h.grid.get(1).map(Vec::as_slice))
        && !repeated_below(r1, h.grid.get(2..).unwrap_or(&[])))
    .then(|| (Layout::CodeLabel, 2, two_level(r0, r1)))
}

/// A variable code: a letter or `_` first, then letters, digits and `_ . - [ ]`, at most 32
/// characters, no space (`A001_01`, `Q2[SQ001]`, `v_12`, `CASE`).
fn is_code(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.len() <= 32
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']'))
}

/// Whether the first two rows are a code row and a label row: nearly every cell of the first a
/// variable code, and a third of them numbered (`A001_01`, `v_3`, `Q2`: the mark of a
/// platform's codes, which a team's own `id, stage, why` lacks); the second as full, all text,
/// no number among it, mostly unlike the codes above it, and worded (with spaces) as questions
/// are.
pub(super) fn code_and_label(
    codes: &[String],
    labels: &[String],
    label_cells: Option<&[Cell]>,
) -> bool {
    let filled: Vec<(&String, &String)> = codes
        .iter()
        .zip(labels)
        .filter(|(c, _)| !c.is_empty())
        .collect();
    let n = filled.len();
    if n < 3 {
        return false;
    }
    let coded = filled.iter().filter(|(c, _)| is_code(c)).count();
    let numbered = filled
        .iter()
        .filter(|(c, _)| c.chars().any(|ch| ch.is_ascii_digit() || ch == '_'))
        .count();
    let labelled = filled.iter().filter(|(_, l)| !l.is_empty()).count();
    let differs = filled
        .iter()
        .filter(|(c, l)| !l.is_empty() && !l.eq_ignore_ascii_case(c))
        .count();
    let worded = filled
        .iter()
        .filter(|(_, l)| l.trim().contains(' '))
        .count();
    let all_text = all_text(label_cells);
    coded * 10 >= n * 9
        && numbered * 3 >= n
        && labelled * 10 >= n * 8
        && differs * 2 >= n
        && worded * 3 >= n
        && all_text
}

/// Whether a quarter or more of a row's texts come again in the same column in the rows below
/// it: answers repeat down a column (`Strongly agree`), a question's label does not.
pub(super) fn repeated_below(row: &[String], below: &[Vec<Cell>]) -> bool {
    let filled: Vec<(usize, &String)> = row
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let again = filled
        .iter()
        .filter(|(c, t)| {
            below.iter().any(|r| {
                r.get(*c)
                    .is_some_and(|cell| cell.as_text().trim() == t.as_str())
            })
        })
        .count();
    again * 4 >= filled.len().max(1)
}

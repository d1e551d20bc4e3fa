//! One-column-per-choice multi-selects that no platform header marked: a run of two or more
//! neighbouring columns, each of whose answers is its own header (the choice written again
//! when it was chosen, as Typeform and many hand-made sheets write it), is one question. The
//! choices are decided from the rows [`super::build_table`] sniffs, so the sniff and the full
//! read agree. A column with no answer in those rows inside such a run (a choice nobody in the
//! first rows took) belongs to it too.

use crate::ingest::cell::Cell;
use crate::ingest::Column;

/// What a column's sniffed answers say.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    /// Every answer is the header.
    Choice,
    /// No answer.
    Blank,
    Other,
}

pub(super) fn group(mut columns: Vec<Column>, rows: &[Vec<Cell>]) -> Vec<Column> {
    let seen: Vec<Seen> = columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            if col.option.is_some() || col.names.len() != 1 || col.label().is_empty() {
                return Seen::Other;
            }
            let header = super::fold(col.label());
            let mut any = false;
            for row in rows {
                let text = row.get(c).map(Cell::as_text).unwrap_or_default();
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                if super::fold(text) != header {
                    return Seen::Other;
                }
                any = true;
            }
            if any {
                Seen::Choice
            } else {
                Seen::Blank
            }
        })
        .collect();
    let mut c = 0;
    while c < columns.len() {
        if seen[c] != Seen::Choice {
            c += 1;
            continue;
        }
        // The run: choices and blanks, ending at its last choice.
        let mut end = c;
        let mut k = c;
        while k < columns.len() && seen[k] != Seen::Other {
            if seen[k] == Seen::Choice {
                end = k;
            }
            k += 1;
        }
        if end > c {
            let question = super::choices_question(columns[c..=end].iter().map(Column::label));
            for col in &mut columns[c..=end] {
                let choice = col.label().to_string();
                col.names = vec![choice.clone(), question.clone()];
                col.option = Some(choice);
            }
        }
        c = end + 1;
    }
    columns
}

//! SurveyMonkey: a question row, then a row of sub-answers (`Response`, `Open-Ended Response`,
//! or the option of a multi-select); the question runs on over blank header cells.

use super::{has, Found, Head, Layout};
use crate::ingest::{column_letter, Column};

pub(super) fn detect(h: &Head) -> Option<Found> {
    let [r0, r1, _] = &h.rows;
    let second = has(r1, &["Response", "Open-Ended Response"]);
    let first = has(r0, &["Respondent ID", "RespondentID"]) || r0.iter().any(String::is_empty);
    (second && first).then(|| (Layout::SurveyMonkey, 2, survey_monkey(r0, r1)))
}

/// SurveyMonkey: the question runs on over blank header cells; the second row names the option.
fn survey_monkey(questions: &[String], subs: &[String]) -> Vec<Column> {
    let mut current = String::new();
    let mut out = Vec::with_capacity(questions.len());
    for (i, (q, sub)) in questions.iter().zip(subs).enumerate() {
        if !q.is_empty() {
            current = q.clone();
        }
        let plain = sub.is_empty()
            || sub.eq_ignore_ascii_case("Response")
            || sub.eq_ignore_ascii_case("Open-Ended Response");
        let column = if plain {
            let name = if current.is_empty() {
                sub.clone()
            } else {
                current.clone()
            };
            Column {
                names: vec![name],
                option: None,
                letter: column_letter(i),
            }
        } else if current.is_empty() {
            Column {
                names: vec![sub.clone()],
                option: None,
                letter: column_letter(i),
            }
        } else {
            Column {
                names: vec![format!("{current} - {sub}"), current.clone()],
                option: Some(sub.clone()),
                letter: column_letter(i),
            }
        };
        out.push(column);
    }
    out
}

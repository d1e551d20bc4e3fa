//! How sure the code of each answer of a journey column is: the stage families its words
//! point at, and the words that change their sense.

use super::Level;
use crate::init::profile::Profile;
use crate::lexicon;

/// What reads an answer from its parts of meaning ([`lexicon::meaning::read`]).
pub(super) type Reader<'a> = &'a dyn Fn(&str) -> Option<lexicon::meaning::Reading>;

/// A table of coded phrases.
pub(super) type Phrases<'a> = &'a [(&'static str, crate::lexicon::Lazy)];

/// The stage family a code places a row in: past clients (former, betweener, past) are one.
pub(super) fn family(code: &str) -> &str {
    match code {
        "former" | "betweener" | "past" => "past client",
        "not-now" | "open" => "prospect",
        "hired" => "client",
        c => c,
    }
}

/// Every code whose words a text holds, in a table of coded patterns.
fn all_codes(text: &str, table: Phrases) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = table
        .iter()
        .filter(|(_, re)| re.is_match(text))
        .map(|(c, _)| *c)
        .collect();
    v.dedup();
    v
}

/// How sure the code of each answer of a journey column is, and why: `sure` when the header
/// says what the column is and the answer's words name one stage with nothing that changes
/// their sense; `likely` with one of the two; `unsure` when the words name several stages, a
/// qualifier (past, another firm, potential, negation) contradicts the code, or nothing in the
/// lexicon reads the answer. Where a `reader` reads the answer's parts of meaning: a reading
/// that agrees with the phrase settles the qualifiers; one of another stage is a conflict
/// (unsure); a reading with no phrase is one piece of evidence (likely).
pub(super) fn answer_levels(
    p: &Profile,
    header_agrees: bool,
    (table, reader): (Option<Phrases>, Option<Reader>),
    code: &dyn Fn(&str) -> Option<&'static str>,
) -> Vec<(String, Level, String)> {
    p.answers
        .iter()
        .map(|(a, n)| {
            let Some(c) = code(a) else {
                return (
                    a.clone(),
                    Level::Unsure,
                    format!("{n} row(s): nothing in the lexicon reads this answer, so its rows are unclassified until you code it"),
                );
            };
            let mut codes = table.map(|t| all_codes(a, t)).unwrap_or_else(|| vec![c]);
            let reading = reader.and_then(|r| r(a));
            // Whether a phrase of the lexicon names the very code (not just "past").
            let phrased = codes.contains(&c);
            if let Some(r) = &reading {
                // The reading's code counts once, where a phrase said it less precisely.
                codes.retain(|&k| !(k == "past" && family(r.code) == "past client"));
                if !codes.contains(&r.code) {
                    codes.push(r.code);
                }
            }
            let mut families: Vec<&str> = codes.iter().map(|c| family(c)).collect();
            families.sort_unstable();
            families.dedup();
            let parts = reading
                .as_ref()
                .map(|r| r.parts.join(", "))
                .unwrap_or_default();
            let (level, why) = if families.len() > 1 && reading.as_ref().is_some_and(|r| r.code == c) {
                // The phrases disagree, and its parts side with one of them.
                (
                    Level::Likely,
                    format!("{n} row(s): its phrases point at several stages ({}), and its parts ({parts}) read as {c}", codes.join(", ")),
                )
            } else if families.len() > 1 {
                (
                    Level::Unsure,
                    format!("{n} row(s): its words point at several stages ({})", codes.join(", ")),
                )
            } else if reading.is_none() && lexicon::qualified(a, c) {
                (
                    Level::Unsure,
                    format!("{n} row(s): read as {c}, but a word in it (past, another firm, potential, not) may change that"),
                )
            } else if !phrased {
                (
                    Level::Likely,
                    format!("{n} row(s): read as {c} from its parts ({parts}); no phrase of the lexicon says so"),
                )
            } else if header_agrees {
                (
                    Level::Sure,
                    format!("{n} row(s): the header and the answer's words agree on {c}"),
                )
            } else {
                (
                    Level::Likely,
                    format!("{n} row(s): the answer's words say {c}; the header does not say what the question is"),
                )
            };
            (a.clone(), level, why)
        })
        .collect()
}

//! The code an answer, a file name or a sheet name gives a row: the lexicon's phrases, read
//! together with an answer's parts of meaning ([`super::meaning`]). Apart from `mod.rs`, which
//! holds the lexicon's types and compiles its concepts.

use super::{meaning, words};

/// The relationship code of an answer: the lexicon's phrase, unless the answer's parts of
/// meaning ([`meaning::read`]) say more ("past" → former or betweener) or otherwise (a present
/// phrase inside a sentence whose past or other firm makes it a former client).
pub fn relationship_code(text: &str) -> Option<&'static str> {
    relationship_code_with(text, &meaning::Names::default())
}

/// [`relationship_code`], knowing the firm's name.
pub fn relationship_code_with(text: &str, names: &meaning::Names) -> Option<&'static str> {
    let phrase = code_of(text, &words().relationship);
    let reading = meaning::read_with(text, names);
    let ended = reading.as_ref().is_some_and(|r| r.parts.contains(&"ended"));
    match (phrase, reading.map(|r| r.code)) {
        (None, r) => r,
        (p, None) => p,
        (Some("past"), Some(r @ ("former" | "betweener"))) => Some(r),
        // "Nie współpracujemy już z …": a "not working with" phrase in an answer whose parts
        // say the relationship ended ("już": no longer).
        (Some("prospect"), Some("former")) if ended => Some("former"),
        (Some("client"), Some(r)) => Some(r),
        (p, Some(_)) => p,
    }
}

/// The outcome code of an answer of a buyer's search: the lexicon's phrase, unless the
/// answer's parts of meaning ([`meaning::read_outcome`]) say otherwise where the phrase is
/// the unqualified "hired" ("we hired another firm" is a got-away) or a bare "we chose" whose
/// object is the firm, or no phrase reads it.
pub fn outcome_code(text: &str) -> Option<&'static str> {
    outcome_code_with(text, &meaning::Names::default())
}

/// [`outcome_code`], knowing the firm's name.
pub fn outcome_code_with(text: &str, names: &meaning::Names) -> Option<&'static str> {
    let phrase = code_of(text, &words().outcome);
    let reading = meaning::read_outcome_with(text, names);
    match (phrase, reading) {
        (None, r) => r.map(|r| r.code),
        (Some("hired"), Some(r)) => Some(r.code),
        // A bare "we chose" phrase is a got-away; the firm named as the one chosen is a hire.
        (Some("got-away"), Some(r)) if r.code == "hired" && r.parts.contains(&"the firm") => {
            Some("hired")
        }
        (p, _) => p,
    }
}

/// The code of the first group whose words a text holds.
pub fn code_of(text: &str, table: &[(&'static str, super::Lazy)]) -> Option<&'static str> {
    table
        .iter()
        .find(|(_, re)| re.is_match(text))
        .map(|(c, _)| *c)
}

/// Whether a text holds a word that changes what `code` means: for "client" (and "hired") any
/// qualifier — past, another party, potential, paused or leaving, negation; for "prospect" a
/// past one.
pub fn qualified(text: &str, code: &str) -> bool {
    let q = &words().qualifiers;
    match code {
        "client" => q.iter().any(|r| r.is_match(text)),
        "hired" => q[1].is_match(text) || q[3].is_match(text),
        "prospect" => q[0].is_match(text),
        _ => false,
    }
}

/// The stage a whole answer names (`"Got-away"`, `"Closed lost"`, `"Ehemalige Kunden"`).
pub fn stage_answer(answer: &str) -> Option<&'static str> {
    let a = answer.trim().trim_end_matches(['.', ':']).trim();
    let a: String = a.split_whitespace().collect::<Vec<_>>().join(" ");
    code_of(&a, &words().stage_names)
}

/// The stage a file or sheet name names, and how surely: `true` for the narrow stages
/// (got-away, former, betweener), whose name says who every row is; `false` for "client" and
/// "prospect", which also name surveys of several stages ("client survey", "prospect study").
pub fn stage_in_name(name: &str) -> Option<(&'static str, bool)> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim_end_matches(|c: char| c != '.' && !c.is_alphanumeric());
    let stem = base
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .map_or(base, |(s, _)| s);
    let words: Vec<String> = stem
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .flat_map(|w| w.split('-').map(str::to_string).chain([w.to_string()]))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    // Pairs of words first ("former clients", "got aways"), then single words.
    let pairs = words.windows(2).map(|w| format!("{} {}", w[0], w[1]));
    if let Some(found) = pairs.clone().find_map(|w| stage_answer(&w)) {
        return Some((found, matches!(found, "got-away" | "former" | "betweener")));
    }
    let found = words.iter().find_map(|w| stage_answer(w))?;
    // "potential-clients.csv", "clients-leaving.xlsx": a word that changes what "client" or
    // "prospect" means makes the name say no stage.
    let spaced = stem.replace(['-', '_', '.'], " ");
    if matches!(found, "client" | "prospect") && qualified(&spaced, found) {
        return None;
    }
    Some((found, matches!(found, "got-away" | "former" | "betweener")))
}

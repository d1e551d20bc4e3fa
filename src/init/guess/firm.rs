//! The firm's name as a folder spells it, learnt from its headers and answers, so that the
//! readings of answers know when an answer names the firm ("A Sequeira trata da nossa
//! contabilidade").

use std::collections::BTreeMap;

use crate::init::profile::Profile;
use crate::lexicon::meaning::{self, Names};

/// Words that may be the firm's name: capitalised words (three letters or more) of the
/// folder's headers, not a header's first word, not a word the lexicon reads as "you", that at
/// least two distinct answers also spell, or one where two headers spell the word ("Sequeira"
/// in "Qual é a relação … com a Sequeira & Associados?" and in "A Sequeira trata da nossa
/// contabilidade"), or, never written in lower case and no word of the lexicon, one that two
/// headers spell or one answer ("Quill" in "Would you recommend Quill & Co?" and "Went with
/// Quill & Co"). Their readings name it among their parts.
pub(super) fn firm_names(profiles: &[Profile]) -> Names {
    let capitalised = |w: &&str| {
        w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
    };
    let split = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    // Each candidate and the number of headers that spell it.
    let mut candidates: BTreeMap<String, usize> = BTreeMap::new();
    for p in profiles {
        let mut here: Vec<&str> = Vec::new();
        for w in split(&p.header)
            .iter()
            .skip(1)
            .map(String::as_str)
            .filter(capitalised)
        {
            if !meaning::is_you(w) && !here.contains(&w) {
                here.push(w);
                *candidates.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    if candidates.is_empty() {
        return Names::default();
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for p in profiles {
        for a in p.answers.keys() {
            let mut here: Vec<String> = split(a);
            here.sort();
            here.dedup();
            for w in &here {
                if let Some((c, _)) = candidates.get_key_value(w.as_str()) {
                    *seen.entry(c.as_str()).or_default() += 1;
                }
            }
        }
    }
    // A word spelt less often (two headers and no answer, one header and one answer) is the
    // firm's name where it is never written in lower case (a name keeps its capital; "Are"
    // and "Service" of a title-case header do not, elsewhere) and no language's parts read it
    // ("Beratung").
    let lower: std::collections::BTreeSet<String> = profiles
        .iter()
        .flat_map(|p| {
            std::iter::once(p.header.as_str()).chain(p.answers.keys().map(String::as_str))
        })
        .flat_map(split)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.to_lowercase())
        .collect();
    let name_like = |w: &str| !lower.contains(&w.to_lowercase()) && !meaning::has_meaning(w);
    let found: Vec<String> = candidates
        .iter()
        .filter(|(w, &headers)| {
            let answers = seen.get(w.as_str()).copied().unwrap_or(0);
            answers >= 2
                || headers >= 2 && answers >= 1
                || (headers >= 2 || answers >= 1) && name_like(w)
        })
        .map(|(w, _)| w.clone())
        .collect();
    Names::new(&found)
}

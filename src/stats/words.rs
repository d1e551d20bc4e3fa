//! Word counts of uncoded open-text answers, stop words of the answers' language dropped, to
//! help extend the theme codebook.

use std::collections::BTreeMap;

const EN: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "but",
    "not",
    "you",
    "all",
    "any",
    "can",
    "had",
    "her",
    "was",
    "one",
    "our",
    "out",
    "has",
    "have",
    "him",
    "his",
    "how",
    "its",
    "may",
    "new",
    "now",
    "old",
    "see",
    "two",
    "who",
    "did",
    "get",
    "let",
    "she",
    "too",
    "use",
    "that",
    "with",
    "they",
    "this",
    "from",
    "what",
    "were",
    "when",
    "your",
    "said",
    "each",
    "which",
    "their",
    "there",
    "will",
    "would",
    "about",
    "into",
    "than",
    "them",
    "then",
    "these",
    "some",
    "very",
    "just",
    "also",
    "been",
    "more",
    "much",
    "only",
    "other",
    "over",
    "such",
    "could",
    "should",
    "after",
    "because",
    "being",
    "both",
    "does",
    "doing",
    "during",
    "here",
    "itself",
    "most",
    "same",
    "where",
    "while",
    "why",
    "yours",
    "ourselves",
    "again",
    "against",
    "before",
    "below",
    "between",
    "down",
    "few",
    "off",
    "once",
    "own",
    "under",
    "until",
    "why",
    "we",
    "us",
    "me",
    "my",
    "it",
    "is",
    "be",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "an",
    "or",
    "as",
    "if",
    "so",
    "do",
    "no",
    "up",
    "don",
    "didn",
    "wasn",
    "isn",
    "there",
    "those",
    "through",
    "like",
    "well",
    "really",
];
const DE: &[&str] = &[
    "und", "der", "die", "das", "nicht", "mit", "sich", "des", "auf", "für", "ist", "dem", "den",
    "ein", "eine", "wir", "sie", "war", "auch", "hat", "bei", "aus", "nach", "wie", "noch", "sehr",
    "aber", "oder",
];
const FR: &[&str] = &[
    "les", "des", "une", "est", "que", "qui", "dans", "pour", "pas", "par", "sur", "avec", "nous",
    "vous", "mais", "très", "aux", "ont", "été", "cette", "son", "ses",
];
const ES: &[&str] = &[
    "los", "las", "una", "que", "por", "con", "para", "del", "muy", "pero", "como", "más", "sus",
    "fue", "este", "esta", "nos", "les",
];

/// Lower-case words of three or more letters (numbers dropped).
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
}

/// The four stop-word lists, in the order they are tried.
const LISTS: [&[&str]; 4] = [EN, DE, FR, ES];

/// One text's words, ready to be counted with others: its tokens (three or more letters) and
/// how many of its words each stop-word list holds. Bags are mergeable: the top words of many
/// texts come from their bags alone, so a text is tokenised once however many groups count it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordBag {
    pub tokens: Vec<String>,
    pub stop_hits: [usize; 4],
}

/// The bag of one text.
pub fn bag(text: &str) -> WordBag {
    let mut stop_hits = [0; 4];
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
    {
        for (h, list) in stop_hits.iter_mut().zip(LISTS) {
            if list.contains(&w.as_str()) {
                *h += 1;
            }
        }
    }
    WordBag {
        tokens: tokens(text).collect(),
        stop_hits,
    }
}

/// The stop-word list of the language the texts are most likely in (English by default).
fn stop_list(hits: [usize; 4]) -> &'static [&'static str] {
    let mut best = (EN, 0usize);
    for (list, h) in LISTS.into_iter().zip(hits) {
        if h > best.1 {
            best = (list, h);
        }
    }
    best.0
}

/// The `k` most frequent words, ties in alphabetical order.
pub fn top_words(texts: &[String], k: usize) -> Vec<(String, u64)> {
    let bags: Vec<WordBag> = texts.iter().map(|t| bag(t)).collect();
    top_words_of(
        bags.iter()
            .map(|b| (b.stop_hits, b.tokens.iter().map(String::as_str))),
        k,
    )
}

/// [`top_words`] from bags: per text, its stop-list hits and its tokens.
pub fn top_words_of<'a, T: Iterator<Item = &'a str>>(
    bags: impl Iterator<Item = ([usize; 4], T)> + Clone,
    k: usize,
) -> Vec<(String, u64)> {
    let mut hits = [0usize; 4];
    for (h, _) in bags.clone() {
        for (a, b) in hits.iter_mut().zip(h) {
            *a += b;
        }
    }
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, tokens) in bags {
        for w in tokens {
            *counts.entry(w).or_default() += 1;
        }
    }
    top_of_counts(hits, counts, k)
}

/// The `k` most frequent words, from each distinct word's count over the bags whose stop-list
/// hits sum to `hits`: stop words dropped, ties by word.
pub fn top_of_counts<'a>(
    hits: [usize; 4],
    counts: impl IntoIterator<Item = (&'a str, u64)>,
    k: usize,
) -> Vec<(String, u64)> {
    let stop = stop_list(hits);
    let mut v: Vec<(String, u64)> = counts
        .into_iter()
        .filter(|(w, n)| *n > 0 && !stop.contains(w) && !EN.contains(w))
        .map(|(w, n)| (w.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(k);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_without_stop_words() {
        let texts = vec![
            "The fees were too high, fees!".to_string(),
            "High fees and slow replies".to_string(),
        ];
        assert_eq!(
            top_words(&texts, 2),
            vec![("fees".to_string(), 3), ("high".to_string(), 2)]
        );
        let de = vec!["Die Beratung war sehr gut und die Beratung war schnell".to_string()];
        assert_eq!(top_words(&de, 1), vec![("beratung".to_string(), 2)]);
    }
}

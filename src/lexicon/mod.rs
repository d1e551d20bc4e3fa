//! The words journeygap reads headers, answers and file names by, one file per language: a
//! [`Lexicon`] value each ([`en`], [`de`], [`fr`], [`es`], [`pt`], [`it`], [`nl`], [`pl`], [`id`],
//! [`ko`]), listed once in
//! [`LANGUAGES`]. A `Lexicon` is a struct literal, so a language file that leaves out a concept
//! does not compile; a concept a language has no words for yet is an empty list, in plain sight.
//!
//! The readers — `init`'s guesses, its rating scales, the layout sniffing of `ingest` — read the
//! concepts of [`words`], never a language: each concept is one case-insensitive regular
//! expression made of every language's words, compiled once. Stems are matched as word
//! beginnings where the language has spaces, so that "rate" finds "rate" and "rating" but not
//! "separate".
//!
//! The lexicon is its own module, not `init`'s, because `ingest` reads it too (the platforms'
//! headers in each language), and `ingest` sits below `init`.
//!
//! Adding a language: one file like `en.rs`, and its name in the `languages!` line.

/// Each language's module and its [`Lexicon`], declared together.
macro_rules! languages {
    ($($module:ident :: $lexicon:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// Every language, in the order their words are tried (it matters only for the rating
        /// scales: the first of two equally short scales that hold a column's answers is taken).
        pub static LANGUAGES: &[&Lexicon] = &[$(&$module::$lexicon),*];
    };
}

languages!(
    en::EN,
    de::DE,
    fr::FR,
    es::ES,
    pt::PT,
    it::IT,
    nl::NL,
    pl::PL,
    id::ID,
    ko::KO
);

mod codes;
mod compiled;
pub mod meaning;
pub use codes::{
    code_of, outcome_code, outcome_code_with, qualified, relationship_code, relationship_code_with,
    stage_answer, stage_in_name,
};
pub use compiled::{words, Compiled, Lazy};
pub use meaning::Meaning;

/// A list of regular-expression alternatives (or plain words, where a field says so).
pub type Words = &'static [&'static str];

/// Everything one language says that journeygap reads.
#[derive(Debug)]
pub struct Lexicon {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The language's English name.
    pub name: &'static str,
    /// Words of headers and question stems, by what the column holds.
    pub headers: Headers,
    /// Firmographic headers, by concept.
    pub firmographics: Firmographics,
    /// The platforms' own headers in this language.
    pub platform: Platform,
    /// The stages as a whole answer (a CRM stage column, a sheet of a coded interview workbook,
    /// a file name's word): the stage name, plurals and the usual synonyms; whole-answer
    /// patterns.
    pub stage_names: StageNames,
    /// Questions only one stage is asked: a file that asks them is a file of that stage.
    pub stage_questions: StageQuestions,
    /// Relationship answers, by the code the stage rules read.
    pub relationship: Relationship,
    /// Outcome answers of a buyer's search, by the code the outcome rules read.
    pub outcome: Outcome,
    /// The parts of meaning of a relationship answer (a relationship, now, before, ended, a
    /// negation, another party, a return, potential), read together by [`meaning::read`].
    pub meaning: Meaning,
    /// Labelled rating scales: `name: point; point; …` from the lowest point, the wordings of a
    /// point separated by `|` (plain text, not patterns).
    pub scales: Words,
    /// Words that change what a stage word or a relationship phrase means: past (used to, no
    /// longer), another party (another firm, a competitor), potential, paused or leaving, and
    /// negation. A name or answer with one of them is not read as "client" or "prospect".
    pub qualifiers: Words,
    /// Month names and the other words of a date written out (`2 juil. 2027`).
    pub dates: DateWords,
    /// Answers that say "no answer" in a rating column (plain text, compared without case).
    pub no_answer: Words,
    /// The words a rating scale's labels are built of, for a scale the lexicon does not list
    /// (read by its shape, `init::shape`).
    pub scale_words: ScaleWords,
}

/// The words of a rating scale's labels besides what is rated: a negation, how strongly, and
/// the midpoint. Plain lower-case words or phrases (no patterns), compared whole and without
/// accents; a phrase in two lists (French "peu": a negation, and slight) counts in both, and
/// longer phrases are read first ("un peu" is slight, not "peu").
#[derive(Debug)]
pub struct ScaleWords {
    /// Negations: not, no, none.
    pub negative: Words,
    /// The poles' intensity: extremely, completely, at all, definitely.
    pub extreme: Words,
    /// very, highly, strongly.
    pub strong: Words,
    /// somewhat, moderately, fairly, rather, probably.
    pub weak: Words,
    /// slightly, a little.
    pub slight: Words,
    /// The midpoint: neutral, neither … nor, average.
    pub middle: Words,
}

/// The words of a date written out, all plain lower-case text (no patterns); a word's
/// trailing dot (`juil.`) is dropped before it is looked up, and accents count.
#[derive(Debug)]
pub struct DateWords {
    /// Each month's names and abbreviations, January first, in every grammatical form a date
    /// uses (Polish `lipca`).
    pub months: [Words; 12],
    /// Words a date may hold beside its numbers and month: `de`, `le`, weekdays, ordinal
    /// endings (`st`, `er`), `r.` (Polish `roku`).
    pub fillers: Words,
    /// Endings of a number that say it is a year or a day (Korean `2027년`, `2일`).
    pub units: Words,
    /// Markers of a 12-hour clock's morning and afternoon (`am`, `pm`, `오후`).
    pub am: Words,
    pub pm: Words,
}

/// Header and question-stem words.
#[derive(Debug)]
pub struct Headers {
    /// A stem asking what matters: importance, priority.
    pub importance: Words,
    /// A stem about expectations (the expectation side unless it also asks how the firm did).
    pub expectation: Words,
    /// A stem asking how the firm did: rating, performance, satisfaction, experience.
    pub experience: Words,
    /// Likelihood to recommend.
    pub recommend: Words,
    /// A multi-select question about where buyers look, hear, find or learn.
    pub channel_question: Words,
    /// A question about the survey itself ("this survey", "ce questionnaire"): how the
    /// respondent heard of the survey is no channel, recommending it is no NPS.
    pub about_survey: Words,
    /// Something recommended that is not the firm: an event, a webinar, a course, a
    /// newsletter, an app, a product, a website, a report (a recommend question about it is no
    /// NPS of the firm; the firm, "us", its name or no object at all are).
    pub other_object: Words,
    /// A question about the services the firm offers.
    pub service: Words,
    /// Services the respondent knows of.
    pub known: Words,
    /// Services the respondent bought or used.
    pub bought: Words,
    /// An open question whose answers are reasons or comments.
    pub free_text: Words,
    /// A "why" question (its answers use the journey's words without being journey answers).
    pub reason: Words,
    /// The relationship question.
    pub relationship: Words,
    /// The outcome of a buyer's search.
    pub outcome: Words,
    /// A stage, status or type column.
    pub stage: Words,
    /// A would-return question.
    pub would_return: Words,
    /// The respondent id: whole-header patterns.
    pub respondent_id: Words,
    /// An e-mail address.
    pub email: Words,
    /// The same client across quarters: whole-header patterns.
    pub panel_key: Words,
    /// The response date: whole-header patterns.
    pub response_date: Words,
    /// A date that is a start, not the response date.
    pub start: Words,
    /// The end of the last engagement.
    pub last_engagement: Words,
    /// Seconds taken.
    pub duration: Words,
}

/// Firmographic headers, in the order they are tried.
#[derive(Debug)]
pub struct Firmographics {
    pub industry: Words,
    pub sector: Words,
    pub company_size: Words,
    pub employees: Words,
    pub revenue: Words,
    pub region: Words,
    pub country: Words,
    pub role: Words,
    pub seniority: Words,
}

/// The platforms' own headers.
#[derive(Debug)]
pub struct Platform {
    /// Platform metadata: never a channel, a segment or a journey question.
    pub metadata: Words,
    /// Google Forms' first header (`Timestamp`) as it is exported in this language (plain text,
    /// lower case).
    pub timestamp: Words,
    /// Microsoft Forms' first three headers in this language (plain text, lower case): the id,
    /// the start time and the completion time.
    pub forms_id: Words,
    pub forms_start: Words,
    pub forms_completion: Words,
    /// The first cell of a note or total row below a sheet's data (patterns, matched at the
    /// start of the folded cell): total, sum, notes, source.
    pub note_rows: Words,
}

/// Stage names, in the order they are tried.
#[derive(Debug)]
pub struct StageNames {
    pub got_away: Words,
    pub former: Words,
    pub betweener: Words,
    pub prospect: Words,
    pub client: Words,
}

/// Questions only one stage is asked, in the order they are tried.
#[derive(Debug)]
pub struct StageQuestions {
    pub former: Words,
    pub got_away: Words,
    pub client: Words,
    pub prospect: Words,
}

/// Relationship answers, in the order they are tried (the first that matches decides, so the
/// negations come first): `former` (will not return, no longer works with the firm),
/// `betweener` (worked with it before and would again), `prospect` (never worked with it),
/// `client` (working with it now), `past` (worked with it before, no more said).
#[derive(Debug)]
pub struct Relationship {
    pub former: Words,
    pub betweener: Words,
    pub prospect: Words,
    pub client: Words,
    pub past: Words,
}

/// Outcome answers, in the order they are tried: a named other firm (`got-away`) before
/// `not-now` (on hold, postponed), `open` (still comparing or deciding), `hired` (chose the
/// firm), and last the bare "went with", "chose", "lost" (`got-away`).
#[derive(Debug)]
pub struct Outcome {
    pub other_firm: Words,
    pub not_now: Words,
    pub open: Words,
    pub hired: Words,
    pub lost: Words,
}

/// A text without its accents and other combining marks (`já não` → `ja nao`, `Führung` →
/// `Fuhrung`), its other letters as they are (Hangul syllables recomposed, `ł` kept).
pub fn without_accents(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if text.is_ascii() {
        return text.to_string();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

/// The language a table's headers and answers are written in, by whatlang: its English name
/// and whether the lexicon covers it; `None` when the text is too short or mixed to tell.
pub fn language_of(texts: &[&str]) -> Option<(&'static str, bool)> {
    // Headers and answers, letters only, up to a few thousand characters.
    let mut text = String::new();
    for t in texts {
        if text.len() > 4000 {
            break;
        }
        if t.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            text.push_str(t);
            text.push_str(". ");
        }
    }
    let info = whatlang::detect(&text)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    // The lexicon's ISO 639-1 codes against whatlang's ISO 639-3.
    const CODES: [(&str, &str); 10] = [
        ("en", "eng"),
        ("de", "deu"),
        ("fr", "fra"),
        ("es", "spa"),
        ("pt", "por"),
        ("it", "ita"),
        ("nl", "nld"),
        ("pl", "pol"),
        ("id", "ind"),
        ("ko", "kor"),
    ];
    let code = info.lang().code();
    let covered = LANGUAGES.iter().any(|l| {
        CODES
            .iter()
            .any(|(two, three)| *two == l.code && *three == code)
    });
    Some((info.lang().eng_name(), covered))
}

/// Every language's rating scales, in [`LANGUAGES`] order.
pub fn scales() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().flat_map(|l| l.scales.iter().copied())
}

/// Every language's "no answer" words.
pub fn no_answers() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().flat_map(|l| l.no_answer.iter().copied())
}

/// Whether a header (lower-cased) is Google Forms' `Timestamp` in some language.
pub fn is_timestamp_header(lower: &str) -> bool {
    LANGUAGES
        .iter()
        .any(|l| l.platform.timestamp.contains(&lower))
}

/// Whether three headers (lower case) are Microsoft Forms' id, start time and completion time
/// in one of the lexicon's languages.
pub fn is_forms_header(id: &str, start: &str, completion: &str) -> bool {
    LANGUAGES.iter().any(|l| {
        let p = &l.platform;
        (id == "id" || p.forms_id.contains(&id))
            && p.forms_start.contains(&start)
            && p.forms_completion.contains(&completion)
    })
}

/// Whether a row's first cell (folded) opens a note or total row in one of the lexicon's
/// languages.
pub fn is_note_row(first: &str) -> bool {
    words().note_row.is_match(first)
}

/// The side a question stem is on: `Some(0)` expectation (importance words, or expectation
/// words without experience words), `Some(1)` experience.
pub fn side_of(stem: &str) -> Option<usize> {
    let w = words();
    if w.importance.is_match(stem) {
        Some(0)
    } else if w.experience.is_match(stem) {
        Some(1)
    } else if w.expectation.is_match(stem) {
        Some(0)
    } else {
        None
    }
}

/// The firmographic concept a header names, if any: a short header (a long one is a question
/// that mentions staff or size in passing).
pub fn firmographic(header: &str) -> Option<&'static str> {
    if header.chars().count() > 60 {
        return None;
    }
    words()
        .firmographics
        .iter()
        .find(|(_, re)| re.find_iter(header).any(|m| word_ending(header, m.end())))
        .map(|(c, _)| *c)
}

/// Whether a header word matched up to byte `end` ends there or within a short ending: a stem
/// of a firmographic noun takes its inflections (`industr` → industry, industries, industrial;
/// `region` → regional), not another word built on it (`hierarch` is not "hierarchically").
/// Where the language writes compounds the pattern says so itself.
fn word_ending(text: &str, end: usize) -> bool {
    const MAX_ENDING: usize = 4;
    text[end..]
        .chars()
        .take(MAX_ENDING + 1)
        .take_while(|c| c.is_alphabetic())
        .count()
        <= MAX_ENDING
}

#[cfg(test)]
mod tests;

//! Every concept of the lexicon compiled from every language: the header words, the phrases
//! of stages, relationships and outcomes, the qualifiers, each pattern compiled the first time
//! it is used.

use std::sync::LazyLock;

use regex::Regex;

use super::{Lexicon, Words, LANGUAGES};

/// A pattern of the lexicon, compiled the first time it is used: a run uses a few of the
/// concepts `init` needs, and compiling them all took a tenth of a demo run.
pub struct Lazy {
    pattern: String,
    re: std::sync::OnceLock<Regex>,
}

impl Lazy {
    fn new(pattern: String) -> Lazy {
        Lazy {
            pattern,
            re: std::sync::OnceLock::new(),
        }
    }
    /// Compile now, saying whether the pattern is a regex.
    fn force(&self) -> Result<(), regex::Error> {
        if self.re.get().is_none() {
            let re = Regex::new(&self.pattern)?;
            let _ = self.re.set(re);
        }
        Ok(())
    }
}

impl std::ops::Deref for Lazy {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        // Every built-in pattern is compiled by a test (`Compiled::of`); one that failed
        // would match nothing rather than stop a run.
        self.re.get_or_init(|| {
            Regex::new(&self.pattern)
                .unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("an empty class compiles"))
        })
    }
}

/// Every concept, compiled from every language.
pub struct Compiled {
    pub importance: Lazy,
    pub expectation: Lazy,
    pub experience: Lazy,
    pub recommend: Lazy,
    pub channel_question: Lazy,
    pub about_survey: Lazy,
    pub other_object: Lazy,
    pub service: Lazy,
    pub known: Lazy,
    pub bought: Lazy,
    pub free_text: Lazy,
    pub reason: Lazy,
    pub relationship_header: Lazy,
    pub outcome_header: Lazy,
    pub stage_header: Lazy,
    pub would_return: Lazy,
    pub respondent_id: Lazy,
    pub email: Lazy,
    pub panel_key: Lazy,
    pub response_date: Lazy,
    pub start: Lazy,
    pub last_engagement: Lazy,
    pub duration: Lazy,
    pub metadata: Lazy,
    /// The first cell of a note or total row: one of its words at the start.
    pub note_row: Lazy,
    /// Firmographic concepts: the field name each gives, and its header words.
    pub firmographics: Vec<(&'static str, Lazy)>,
    /// Whole answers that name a stage, by stage code.
    pub stage_names: Vec<(&'static str, Lazy)>,
    pub stage_questions: Vec<(&'static str, Lazy)>,
    pub relationship: Vec<(&'static str, Lazy)>,
    pub outcome: Vec<(&'static str, Lazy)>,
    /// Past, another party, potential-paused-leaving, negation: each from every language.
    pub qualifiers: Vec<Lazy>,
}

/// The words of one concept in these languages, in their order.
fn all(langs: &[&Lexicon], concept: fn(&Lexicon) -> Words) -> Vec<&'static str> {
    langs
        .iter()
        .flat_map(|l| concept(l).iter().copied())
        .collect()
}

impl Compiled {
    /// Every concept of these languages, compiled: each as any of its words found anywhere, or
    /// (ids, dates, stage names) as one of its words being the whole text.
    pub fn of(langs: &[&Lexicon]) -> Result<Compiled, regex::Error> {
        let c = Compiled::lazy(langs);
        c.each().try_for_each(Lazy::force)?;
        Ok(c)
    }

    /// [`Compiled::of`], each pattern compiled when first used.
    fn lazy(langs: &[&Lexicon]) -> Compiled {
        let any = |concept| Lazy::new(format!("(?i){}", all(langs, concept).join("|")));
        let whole = |concept| Lazy::new(format!("(?i)^(?:{})$", all(langs, concept).join("|")));
        Compiled {
            importance: any(|l| l.headers.importance),
            expectation: any(|l| l.headers.expectation),
            experience: any(|l| l.headers.experience),
            recommend: any(|l| l.headers.recommend),
            channel_question: any(|l| l.headers.channel_question),
            about_survey: any(|l| l.headers.about_survey),
            other_object: any(|l| l.headers.other_object),
            service: any(|l| l.headers.service),
            known: any(|l| l.headers.known),
            bought: any(|l| l.headers.bought),
            free_text: any(|l| l.headers.free_text),
            reason: any(|l| l.headers.reason),
            relationship_header: any(|l| l.headers.relationship),
            outcome_header: any(|l| l.headers.outcome),
            stage_header: any(|l| l.headers.stage),
            would_return: any(|l| l.headers.would_return),
            respondent_id: whole(|l| l.headers.respondent_id),
            email: any(|l| l.headers.email),
            panel_key: whole(|l| l.headers.panel_key),
            response_date: whole(|l| l.headers.response_date),
            start: any(|l| l.headers.start),
            last_engagement: any(|l| l.headers.last_engagement),
            duration: any(|l| l.headers.duration),
            metadata: any(|l| l.platform.metadata),
            note_row: Lazy::new(format!(
                r"(?i)^\s*({})(\b|\s|:|$)",
                all(langs, |l| l.platform.note_rows).join("|")
            )),
            firmographics: vec![
                ("industry", any(|l| l.firmographics.industry)),
                ("sector", any(|l| l.firmographics.sector)),
                ("company_size", any(|l| l.firmographics.company_size)),
                ("employees", any(|l| l.firmographics.employees)),
                ("revenue", any(|l| l.firmographics.revenue)),
                ("region", any(|l| l.firmographics.region)),
                ("country", any(|l| l.firmographics.country)),
                ("role", any(|l| l.firmographics.role)),
                ("seniority", any(|l| l.firmographics.seniority)),
            ],
            stage_names: vec![
                ("got-away", whole(|l| l.stage_names.got_away)),
                ("former", whole(|l| l.stage_names.former)),
                ("betweener", whole(|l| l.stage_names.betweener)),
                ("prospect", whole(|l| l.stage_names.prospect)),
                ("client", whole(|l| l.stage_names.client)),
            ],
            stage_questions: vec![
                ("former", any(|l| l.stage_questions.former)),
                ("got-away", any(|l| l.stage_questions.got_away)),
                ("client", any(|l| l.stage_questions.client)),
                ("prospect", any(|l| l.stage_questions.prospect)),
            ],
            relationship: vec![
                ("former", any(|l| l.relationship.former)),
                ("betweener", any(|l| l.relationship.betweener)),
                ("prospect", any(|l| l.relationship.prospect)),
                ("client", any(|l| l.relationship.client)),
                ("past", any(|l| l.relationship.past)),
            ],
            outcome: vec![
                ("got-away", any(|l| l.outcome.other_firm)),
                ("not-now", any(|l| l.outcome.not_now)),
                ("open", any(|l| l.outcome.open)),
                ("hired", any(|l| l.outcome.hired)),
                ("got-away", any(|l| l.outcome.lost)),
            ],
            qualifiers: (0..4)
                .map(|i| {
                    let parts: Vec<&str> = langs
                        .iter()
                        .filter_map(|l| l.qualifiers.get(i).copied())
                        .collect();
                    Lazy::new(format!("(?i){}", parts.join("|")))
                })
                .collect(),
        }
    }

    /// Every pattern.
    fn each(&self) -> impl Iterator<Item = &Lazy> {
        [
            &self.importance,
            &self.expectation,
            &self.experience,
            &self.recommend,
            &self.channel_question,
            &self.about_survey,
            &self.other_object,
            &self.service,
            &self.known,
            &self.bought,
            &self.free_text,
            &self.reason,
            &self.relationship_header,
            &self.outcome_header,
            &self.stage_header,
            &self.would_return,
            &self.respondent_id,
            &self.email,
            &self.panel_key,
            &self.response_date,
            &self.start,
            &self.last_engagement,
            &self.duration,
            &self.metadata,
            &self.note_row,
        ]
        .into_iter()
        .chain(
            [
                &self.firmographics,
                &self.stage_names,
                &self.stage_questions,
                &self.relationship,
                &self.outcome,
            ]
            .into_iter()
            .flatten()
            .map(|(_, re)| re),
        )
        .chain(&self.qualifiers)
    }
}

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| Compiled::lazy(LANGUAGES));

/// Every concept, compiled once.
pub fn words() -> &'static Compiled {
    &COMPILED
}

//! The respondents of the demo firm, Northwind Advisory, with their planted profiles.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::stage::Stage;

/// The six rated attributes.
pub const ATTRIBUTES: [&str; 6] = [
    "Relevant expertise",
    "Responsiveness",
    "Value for money",
    "Understanding of our business",
    "Proactive ideas",
    "Ease of working together",
];

/// Importance (expectation) means on 1–5, the same for every stage.
const IMPORTANCE: [f64; 6] = [4.5, 4.1, 3.9, 4.2, 3.6, 3.8];

/// Performance (experience) means on 1–5 by stage; clients' responsiveness drops each quarter.
fn performance(stage: Stage, quarter: usize) -> [f64; 6] {
    match stage {
        Stage::Client => [4.4, 4.1 - 0.45 * quarter as f64, 3.8, 4.3, 2.9, 3.9],
        Stage::GotAway => [2.8, 3.6, 3.4, 3.4, 3.2, 3.6],
        Stage::Prospect => [4.1, 3.9, 3.6, 3.7, 3.4, 3.7],
        Stage::Betweener => [4.3, 3.9, 3.7, 4.0, 3.1, 3.9],
        Stage::Former => [3.6, 3.2, 3.0, 3.3, 2.9, 3.3],
    }
}

/// Shares of promoters and detractors (0–10 recommend) by stage.
fn nps_mix(stage: Stage) -> (f64, f64) {
    match stage {
        Stage::Client => (0.55, 0.15),
        Stage::GotAway => (0.10, 0.60),
        Stage::Prospect => (0.25, 0.30),
        Stage::Betweener => (0.40, 0.20),
        Stage::Former => (0.45, 0.45),
    }
}

/// The firm's services.
pub const SERVICES: [&str; 6] = [
    "Strategy",
    "Operations",
    "Finance transformation",
    "Technology advisory",
    "People & change",
    "Risk & compliance",
];

/// Channels buyers may use.
pub const CHANNELS: [&str; 6] = [
    "Referral from a colleague",
    "LinkedIn",
    "Industry events",
    "Search engine",
    "Trade press",
    "Webinars",
];

/// Probability of using each channel, by stage: buyers at pre-purchase go to industry events,
/// where the firm's plan has no presence.
fn channel_use(stage: Stage) -> [f64; 6] {
    match stage {
        Stage::Prospect | Stage::GotAway => [0.6, 0.4, 0.55, 0.35, 0.08, 0.15],
        Stage::Client => [0.1, 0.3, 0.2, 0.1, 0.1, 0.45],
        Stage::Betweener => [0.2, 0.35, 0.15, 0.1, 0.05, 0.3],
        Stage::Former => [0.3, 0.3, 0.1, 0.2, 0.05, 0.1],
    }
}

/// "Why" answers by stage with their weights: got-aways mostly cite another firm's expertise.
fn why_answers(stage: Stage) -> &'static [(&'static str, u32)] {
    match stage {
        Stage::GotAway => &[
            (
                "Another firm had more relevant expertise in our industry.",
                6,
            ),
            ("Their fees were lower.", 2),
            ("Timing did not suit our budget cycle.", 2),
        ],
        Stage::Prospect => &[
            ("Still comparing proposals from three firms.", 6),
            ("Fees look high for the scope.", 3),
            ("They knew our sector inside out.", 1),
        ],
        Stage::Client => &[
            ("Great team, easy to work with.", 4),
            ("They knew our sector inside out.", 3),
            ("Slow to answer emails during the project.", 2),
            ("Reports always arrive on schedule.", 1),
        ],
        Stage::Betweener => &[
            ("Great team, easy to work with.", 5),
            ("We will call again for the next project.", 5),
        ],
        Stage::Former => &[
            ("We had no further need after the project ended.", 5),
            ("Slow to answer emails during the project.", 3),
            ("Fees were too high for what we got.", 2),
        ],
    }
}

const INDUSTRIES: [&str; 4] = [
    "Manufacturing",
    "Financial services",
    "Healthcare",
    "Technology",
];
const SIZES: [&str; 3] = ["Under 250 staff", "250–1,000 staff", "Over 1,000 staff"];

/// One respondent as generated.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The stage the config's rules must give; `None` for a row that no rule matches.
    pub stage: Option<Stage>,
    /// Why the row must be excluded, if it must.
    pub excluded: Option<&'static str>,
    pub id: String,
    pub account: String,
    pub email: String,
    pub when: NaiveDateTime,
    pub importance: [u8; 6],
    pub performance: [u8; 6],
    /// Overall quality of deliverables (experience only, 1–5): Qualtrics and Google Forms ask it.
    pub deliverables: u8,
    pub recommend: u8,
    pub industry: &'static str,
    pub size: &'static str,
    /// Pre-purchase outcome wording (prospects and got-aways).
    pub outcome: &'static str,
    /// Relationship wording (clients and past clients).
    pub relationship: &'static str,
    pub last_project: Option<NaiveDate>,
    pub would_return: &'static str,
    pub duration_s: u32,
    pub why: &'static str,
    /// Services the respondent knows the firm offers.
    pub known: Vec<&'static str>,
    /// Services bought (past and current clients).
    pub bought: Vec<&'static str>,
    pub channels: Vec<&'static str>,
    /// The opportunity stage in the firm's CRM (SurveyMonkey prospects; empty: not in it).
    pub crm: &'static str,
}

/// One quarter's respondents, by the file they answer in.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub qualtrics: Vec<Person>,
    pub surveymonkey: Vec<Person>,
    pub forms: Vec<Person>,
    pub interviews_former: Vec<Person>,
    pub interviews_got_away: Vec<Person>,
}

impl Batch {
    pub fn all(&self) -> Vec<&Person> {
        self.qualtrics
            .iter()
            .chain(&self.surveymonkey)
            .chain(&self.forms)
            .chain(&self.interviews_former)
            .chain(&self.interviews_got_away)
            .collect()
    }
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Mean recommend score of a stage's respondents under [`nps_mix`] (9–10, 0–6 and 7–8 drawn
/// uniformly).
fn mean_recommend(stage: Stage) -> f64 {
    let (p, d) = nps_mix(stage);
    p * 9.5 + d * 3.0 + (1.0 - p - d) * 7.5
}

/// How far *Understanding of our business* moves with each point of recommend above or below
/// the stage's mean: the planted key driver of recommending.
const UNDERSTANDING_DRIVES: f64 = 0.3;

fn rating(rng: &mut ChaCha8Rng, mean: f64) -> u8 {
    (mean + 0.8 * normal(rng)).round().clamp(1.0, 5.0) as u8
}

fn recommend(rng: &mut ChaCha8Rng, stage: Stage) -> u8 {
    let (p, d) = nps_mix(stage);
    let u: f64 = rng.random_range(0.0..1.0);
    if u < p {
        rng.random_range(9..=10)
    } else if u < p + d {
        rng.random_range(0..=6)
    } else {
        rng.random_range(7..=8)
    }
}

fn quarter_start(q: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1 + 3 * q as u32, 1).expect("valid quarter start")
}

fn moment(rng: &mut ChaCha8Rng, q: usize) -> NaiveDateTime {
    let day = quarter_start(q) + chrono::Days::new(rng.random_range(0..89));
    day.and_hms_opt(
        rng.random_range(7..20),
        rng.random_range(0..60),
        rng.random_range(0..60),
    )
    .expect("valid time")
}

fn pick_weighted(rng: &mut ChaCha8Rng, options: &[(&'static str, u32)]) -> &'static str {
    let total: u32 = options.iter().map(|o| o.1).sum();
    let mut x = rng.random_range(0..total);
    for (s, w) in options {
        if x < *w {
            return s;
        }
        x -= w;
    }
    options[0].0
}

/// Services bought and known: betweeners bought one service and mostly know only that one
/// (typecast); clients know most of the range.
fn services(rng: &mut ChaCha8Rng, stage: Stage) -> (Vec<&'static str>, Vec<&'static str>) {
    let main = rng.random_range(0..SERVICES.len());
    let (bought, p_other) = match stage {
        Stage::Client => (vec![main], 0.6),
        Stage::Betweener => (vec![main], 0.06),
        Stage::Former => (vec![main], 0.2),
        Stage::Prospect | Stage::GotAway => (vec![], 0.35),
    };
    let known: Vec<&'static str> = (0..SERVICES.len())
        .filter(|&k| bought.contains(&k) || rng.random_range(0.0..1.0) < p_other)
        .map(|k| SERVICES[k])
        .collect();
    (known, bought.into_iter().map(|k| SERVICES[k]).collect())
}

pub(super) struct Spec {
    pub stage: Stage,
    pub account: String,
}

pub(super) fn person(rng: &mut ChaCha8Rng, q: usize, n: usize, spec: Spec, prefix: &str) -> Person {
    let mut perf = performance(spec.stage, q);
    let when = moment(rng, q);
    let rec = recommend(rng, spec.stage);
    let lift = f64::from(rec) - mean_recommend(spec.stage);
    perf[3] += UNDERSTANDING_DRIVES * lift;
    let mut p = Person {
        stage: Some(spec.stage),
        excluded: None,
        id: format!("{prefix}{:02}{:04}", q + 1, n),
        account: spec.account,
        // One address per person: the survey's prefix keeps the people of two surveys apart.
        email: format!(
            "contact.{}{:04}.q{}@example.com",
            prefix.to_lowercase().replace('_', ""),
            n,
            q + 1
        ),
        when,
        importance: IMPORTANCE.map(|m| rating(rng, m)),
        performance: perf.map(|m| rating(rng, m)),
        deliverables: rating(rng, 3.9 + 0.05 * lift),
        recommend: rec,
        industry: INDUSTRIES[rng.random_range(0..INDUSTRIES.len())],
        size: SIZES[rng.random_range(0..SIZES.len())],
        outcome: "",
        relationship: "",
        last_project: None,
        would_return: "",
        duration_s: rng.random_range(240..1500),
        why: pick_weighted(rng, why_answers(spec.stage)),
        known: Vec::new(),
        bought: Vec::new(),
        channels: Vec::new(),
        crm: "",
    };
    let (known, bought) = services(rng, spec.stage);
    let use_p = channel_use(spec.stage);
    p.channels = CHANNELS
        .iter()
        .zip(use_p)
        .filter_map(|(c, q)| (rng.random_range(0.0..1.0) < q).then_some(*c))
        .collect();
    if p.channels.is_empty() {
        p.channels.push(CHANNELS[1]);
    }
    p.known = if known.is_empty() {
        vec![SERVICES[0]]
    } else {
        known
    };
    p.bought = bought;
    p
}

pub(super) fn months_before(d: NaiveDateTime, m: u32) -> NaiveDate {
    d.date()
        .checked_sub_months(Months::new(m))
        .unwrap_or(d.date())
        .with_day(15)
        .unwrap_or(d.date())
}

/// Qualtrics client survey: clients, betweeners, former clients, plus rows to exclude.
fn qualtrics(rng: &mut ChaCha8Rng, q: usize) -> Vec<Person> {
    let mut out = Vec::new();
    qualtrics_stages(rng, q, &mut out);
    qualtrics_to_exclude(rng, q, &mut out);
    out
}

/// The Qualtrics survey's clients, betweeners (twenty of them last quarter's clients) and
/// former clients.
fn qualtrics_stages(rng: &mut ChaCha8Rng, q: usize, out: &mut Vec<Person>) {
    for i in 0..120 {
        let mut p = person(
            rng,
            q,
            i,
            Spec {
                stage: Stage::Client,
                account: format!("ACC-{:04}", 20 * q + i + 1),
            },
            "R_",
        );
        p.relationship = "We are currently working with Northwind";
        out.push(p);
    }
    for i in 0..50 {
        // The first twenty were clients last quarter: the planted client → betweener flow.
        let account = if q > 0 && i < 20 {
            format!("ACC-{:04}", 20 * (q - 1) + i + 1)
        } else {
            format!("ACC-{:04}", 1000 + 50 * q + i)
        };
        let mut p = person(
            rng,
            q,
            200 + i,
            Spec {
                stage: Stage::Betweener,
                account,
            },
            "R_",
        );
        p.relationship = "We have worked with Northwind in the past";
        p.last_project = Some(months_before(p.when, rng.random_range(3..20)));
        p.would_return = if i % 3 == 0 { "Maybe" } else { "Yes" };
        out.push(p);
    }
    for i in 0..40 {
        let mut p = person(
            rng,
            q,
            300 + i,
            Spec {
                stage: Stage::Former,
                account: format!("ACC-{:04}", 2000 + 40 * q + i),
            },
            "R_",
        );
        p.relationship = "We have worked with Northwind in the past";
        if i % 5 < 3 {
            p.would_return = "No";
            p.last_project = Some(months_before(p.when, rng.random_range(4..30)));
        } else {
            p.would_return = "Maybe";
            p.last_project = Some(months_before(p.when, rng.random_range(26..40)));
        }
        out.push(p);
    }
}

/// The Qualtrics rows a run leaves out or cannot place: "Other" relationships, previews,
/// unfinished responses, speeders and submissions made twice.
fn qualtrics_to_exclude(rng: &mut ChaCha8Rng, q: usize, out: &mut Vec<Person>) {
    for i in 0..4 {
        let mut p = person(
            rng,
            q,
            400 + i,
            Spec {
                stage: Stage::Client,
                account: String::new(),
            },
            "R_",
        );
        p.stage = None;
        p.relationship = "Other (supplier, partner, press)";
        out.push(p);
    }
    let excluded = [("preview/test", 3), ("unfinished", 4), ("speeder", 2)];
    for (reason, k) in excluded {
        for i in 0..k {
            let mut p = person(
                rng,
                q,
                500 + out.len() + i,
                Spec {
                    stage: Stage::Client,
                    account: String::new(),
                },
                "R_",
            );
            p.relationship = "We are currently working with Northwind";
            p.excluded = Some(reason);
            if reason == "speeder" {
                p.duration_s = rng.random_range(20..55);
            }
            out.push(p);
        }
    }
    // Three respondents submitted twice: the earlier submission is the duplicate.
    for i in 0..3 {
        let mut dup = person(
            rng,
            q,
            10 * i,
            Spec {
                stage: Stage::Client,
                account: out[10 * i].account.clone(),
            },
            "R_",
        );
        dup.id = out[10 * i].id.clone();
        dup.relationship = out[10 * i].relationship;
        dup.when = out[10 * i].when - chrono::Duration::days(2);
        dup.excluded = Some("duplicate");
        out.push(dup);
    }
}

/// SurveyMonkey prospect survey: got-aways, prospects (not now / still deciding), a few hires.
fn surveymonkey(rng: &mut ChaCha8Rng, q: usize) -> Vec<Person> {
    let plan: [(Stage, &str, usize); 5] = [
        (Stage::GotAway, "We chose another firm", 45),
        (Stage::GotAway, "Northwind was not on our shortlist", 25),
        (Stage::Prospect, "We have put the project on hold", 30),
        (Stage::Prospect, "We are still deciding", 30),
        (Stage::Client, "We hired Northwind Advisory", 10),
    ];
    let mut out = Vec::new();
    for (stage, outcome, k) in plan {
        for _ in 0..k {
            let n = out.len();
            let mut p = person(
                rng,
                q,
                n,
                Spec {
                    stage,
                    account: String::new(),
                },
                "1",
            );
            p.outcome = outcome;
            p.crm = match stage {
                Stage::GotAway => "Closed Lost",
                Stage::Client => "Closed Won",
                _ if outcome.contains("on hold") => "On hold",
                _ => "Open",
            };
            if n % 17 == 3 {
                // A few contacts were never entered in the CRM.
                p.crm = "";
            } else if outcome.contains("still deciding") && n % 5 == 0 {
                // The CRM knows better: one in five who say they are still deciding has been
                // marked lost by the firm's partner.
                p.crm = "Closed Lost";
                p.stage = Some(Stage::GotAway);
            }
            out.push(p);
        }
    }
    for _ in 0..2 {
        let n = out.len();
        let mut p = person(
            rng,
            q,
            n,
            Spec {
                stage: Stage::Prospect,
                account: String::new(),
            },
            "1",
        );
        p.stage = None;
        out.push(p);
    }
    // Interleave so that the file is not sorted by outcome.
    out.sort_by_key(|p| p.when);
    out
}

/// Google Forms client pulse: clients and past clients (betweeners), two internal test rows.
fn forms(rng: &mut ChaCha8Rng, q: usize) -> Vec<Person> {
    let mut out = Vec::new();
    for i in 0..65 {
        let stage = if i < 50 {
            Stage::Client
        } else {
            Stage::Betweener
        };
        let mut p = person(
            rng,
            q,
            600 + i,
            Spec {
                stage,
                account: format!("ACC-{:04}", 3000 + 65 * q + i),
            },
            "G",
        );
        p.relationship = if stage == Stage::Client {
            "Current client"
        } else {
            "Past client"
        };
        p.would_return = "Yes";
        out.push(p);
    }
    for i in 0..2 {
        let mut p = person(
            rng,
            q,
            700 + i,
            Spec {
                stage: Stage::Client,
                account: String::new(),
            },
            "G",
        );
        p.relationship = "Current client";
        p.email = format!("test{}@northwind-advisory.com", i + 1);
        p.excluded = Some("internal");
        out.push(p);
    }
    out.sort_by_key(|p| p.when);
    out
}

fn interviews(rng: &mut ChaCha8Rng, q: usize, stage: Stage, k: usize) -> Vec<Person> {
    (0..k)
        .map(|i| {
            let mut p = person(
                rng,
                q,
                800 + i + 100 * stage.index(),
                Spec {
                    stage,
                    account: format!("ACC-{:04}", 4000 + 100 * q + i + 50 * stage.index()),
                },
                "I",
            );
            if stage == Stage::Former {
                p.relationship = "Past client";
                p.would_return = "No";
                p.last_project = Some(months_before(p.when, rng.random_range(6..30)));
            } else {
                p.outcome = "Chose another firm";
            }
            p
        })
        .collect()
}

/// Everyone who answers in quarter `q` (0-based).
pub fn quarter(rng: &mut ChaCha8Rng, q: usize) -> Batch {
    Batch {
        qualtrics: qualtrics(rng, q),
        surveymonkey: surveymonkey(rng, q),
        forms: forms(rng, q),
        interviews_former: interviews(rng, q, Stage::Former, 25),
        interviews_got_away: interviews(rng, q, Stage::GotAway, 20),
    }
}

//! From column profiles to a guessed config: which column is the relationship question, which
//! ratings pair up as expectation and experience, where likelihood to recommend is, and the stage
//! rules the relationship and outcome answers suggest.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::likert::LikertSet;
use super::profile::{Kind, Profile};

/// One guessed field.
#[derive(Debug, Clone, PartialEq)]
pub struct GField {
    pub name: String,
    pub headers: Vec<String>,
    /// `text`, `number`, `date` or `multi`.
    pub kind: &'static str,
    pub scale: Option<(f64, f64)>,
    pub value_map: Option<&'static str>,
    /// Answer → code, for the relationship and outcome questions.
    pub values: Vec<(String, String)>,
    /// Why this guess, written above the field.
    pub why: String,
}

/// One guessed exclusion or stage rule, its condition already in TOML.
#[derive(Debug, Clone, PartialEq)]
pub struct GRule {
    pub name: String,
    pub stage_or_reason: String,
    pub when: String,
    pub why: String,
}

/// Everything `init` guessed.
#[derive(Debug, Default)]
pub struct Guess {
    pub fields: Vec<GField>,
    pub value_maps: Vec<&'static LikertSet>,
    /// (attribute name, expectation field, experience field, scale).
    pub attributes: Vec<(String, String, String)>,
    pub exclusions: Vec<GRule>,
    pub stages: Vec<GRule>,
    pub segments: Vec<String>,
    pub outcome: bool,
    /// (offered, known field, bought field).
    pub services: Option<(Vec<String>, String, Option<String>)>,
    /// (used field, channel names).
    pub channels: Option<(String, Vec<String>)>,
    /// The open-text field and its most frequent words.
    pub why: Option<(String, Vec<String>)>,
    /// What could not be guessed: the user must fill it in.
    pub missing: Vec<String>,
}

fn re(s: &str) -> Regex {
    Regex::new(&format!("(?i){s}")).expect("built-in pattern compiles")
}

/// A code for an answer, by the first pattern that matches it.
fn code(answer: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    table
        .iter()
        .find(|(p, _)| re(p).is_match(answer))
        .map(|(_, c)| *c)
}

const RELATIONSHIP_CODES: [(&str, &str); 3] = [
    (r"never|not yet|considering|prospect|potential", "prospect"),
    (
        r"past|former|previous|used to|have worked|no longer",
        "past",
    ),
    (r"current|working with|active|existing|ongoing", "client"),
];

const OUTCOME_CODES: [(&str, &str); 4] = [
    (
        r"another (firm|advisor|provider|company)|someone else|competitor|shortlist|\blost\b|went with|did not choose|didn't choose",
        "got-away",
    ),
    (r"on hold|postpone|not now|paused|shelved|cancel", "not-now"),
    (
        r"still deciding|undecided|evaluating|not decided|\bopen\b",
        "open",
    ),
    (
        r"hired|appointed|engaged|selected|signed|chose (you|us)|\bwon\b",
        "hired",
    ),
];

/// Work out the config from the column profiles.
pub fn guess(profiles: &[Profile]) -> Guess {
    let mut g = Guess::default();
    let kinds: Vec<Kind> = profiles.iter().map(Profile::kind).collect();
    let mut pk = Picker {
        profiles,
        kinds: &kinds,
        used: BTreeSet::new(),
    };
    let header = |i: &usize| profiles[*i].header.clone();
    let hdrs = |ix: &[usize]| -> Vec<String> { ix.iter().map(header).collect() };

    // Ids and keys.
    let id_re = re(
        r"^(response ?id|respondent ?id|id|interviewee|participant( id)?|record ?id|submission ?id)$",
    );
    let email_re = re(r"e-?mail");
    let panel_re =
        re(r"^(account|client|customer|company|organi[sz]ation|panel)[ _]?(id|key|no\.?|number)$");
    let ids = pk.take(&|p, _| id_re.is_match(p.header.trim()));
    let emails = pk.take(&|p, k| email_re.is_match(&p.header) && *k == Kind::Id);
    let panel = pk.take(&|p, _| panel_re.is_match(p.header.trim()));
    if !ids.is_empty() || !emails.is_empty() {
        let mut h = hdrs(&ids);
        h.extend(hdrs(&emails));
        g.fields.push(text_field(
            "respondent_id",
            h,
            "one per respondent; duplicates keep the latest",
        ));
    } else {
        g.missing
            .push("respondent id (duplicates cannot be found without one)".into());
    }
    if !panel.is_empty() {
        g.fields.push(text_field(
            "panel_key",
            hdrs(&panel),
            "the same client across quarters, for panel transitions",
        ));
    }

    // Dates: the response date, and the end of the last engagement.
    let last_re = re(
        r"(last|most recent|latest|previous).*(engagement|project|assignment)|(engagement|project).*(end|finish)",
    );
    let last = pk.take(&|p, k| *k == Kind::Date && last_re.is_match(&p.header));
    let dates = pk.take(&|p, k| {
        *k == Kind::Date && !re(r"start").is_match(&p.header)
            || re(r"^(timestamp|completion time|submitted|end ?date|recorded ?date)$")
                .is_match(p.header.trim())
    });
    if !dates.is_empty() {
        g.fields
            .push(typed("date", hdrs(&dates), "date", "response date"));
    } else {
        g.missing.push("response date".into());
    }

    // Exclusions: speeders and the firm's own staff.
    let durations =
        pk.take(&|p, k| *k == Kind::Number && re(r"duration|seconds").is_match(&p.header));
    if let Some(median) = durations.first().and_then(|&i| profiles[i].median()) {
        g.fields.push(typed(
            "duration",
            hdrs(&durations),
            "number",
            "seconds taken",
        ));
        let limit = (median / 5.0 / 10.0).floor() * 10.0;
        g.exclusions.push(GRule {
            name: String::new(),
            stage_or_reason: "speeder".into(),
            when: format!("{{ field = \"duration\", lt = {limit} }}"),
            why: format!("faster than a fifth of the median duration ({median:.0} s)"),
        });
    }
    let all_emails: Vec<usize> = (0..profiles.len())
        .filter(|&i| email_re.is_match(&profiles[i].header))
        .collect();
    if let Some(domain) = own_domain(profiles, &all_emails) {
        g.fields
            .push(text_field("email", hdrs(&all_emails), "email address"));
        g.exclusions.push(GRule {
            name: String::new(),
            stage_or_reason: "internal".into(),
            when: format!("{{ field = \"email\", contains = \"@{domain}\" }}"),
            why: "the firm's own domain: its name is in the questions".into(),
        });
    }

    // The journey questions.
    let relationship = pk.take(&|p, k| {
        *k == Kind::Category
            && (re(r"relationship").is_match(&p.header)
                || share_coded(p, &RELATIONSHIP_CODES) >= 0.5)
    });
    let outcome = pk.take(&|p, k| {
        *k == Kind::Category
            && (re(r"outcome|result").is_match(&p.header) && share_coded(p, &OUTCOME_CODES) >= 0.3
                || share_coded(p, &OUTCOME_CODES) >= 0.6)
    });
    let returns = pk.take(&|p, k| {
        let yes_no = *k == Kind::YesNo
            || *k == Kind::Category && p.answers.keys().any(|a| a.eq_ignore_ascii_case("no"));
        yes_no && re(r"again|return|rehire|come back").is_match(&p.header)
    });
    let rel_codes = coded(profiles, &relationship, &RELATIONSHIP_CODES);
    let out_codes = coded(profiles, &outcome, &OUTCOME_CODES);
    if !relationship.is_empty() {
        let mut f = text_field(
            "relationship",
            hdrs(&relationship),
            "relationship with the firm",
        );
        f.values = rel_codes.clone();
        g.fields.push(f);
    }
    if !outcome.is_empty() {
        let mut f = text_field("outcome", hdrs(&outcome), "outcome of the buyer's search");
        f.values = out_codes.clone();
        g.fields.push(f);
        g.outcome = true;
    }
    if !last.is_empty() {
        g.fields.push(typed(
            "last_project",
            hdrs(&last),
            "date",
            "end of the last engagement",
        ));
    }
    if !returns.is_empty() {
        g.fields.push(text_field(
            "would_return",
            hdrs(&returns),
            "would hire the firm again",
        ));
    }
    g.stages = stage_rules(
        &rel_codes,
        &out_codes,
        !returns.is_empty(),
        !last.is_empty(),
    );
    if g.stages.is_empty() {
        g.missing
            .push("the relationship or outcome question: write [[stages.rules]] by hand".into());
    }

    // Likelihood to recommend.
    let recommend = pk.take(&|_, k| *k == Kind::Recommend);
    if recommend.is_empty() {
        g.missing.push("likelihood to recommend (0-10)".into());
    } else {
        let mut f = typed("recommend", hdrs(&recommend), "number", "0-10, for NPS");
        f.scale = Some((0.0, 10.0));
        g.fields.push(f);
    }

    attributes(&mut g, &mut pk);
    multi_fields(&mut g, &mut pk);

    // Open text and segments.
    let why = pk.take(&|p, k| {
        matches!(k, Kind::FreeText | Kind::Category)
            && re(r"why|reason|anything else|comment|quote|feedback|explain|tell us")
                .is_match(&p.header)
    });
    if !why.is_empty() {
        g.fields.push(text_field(
            "why",
            hdrs(&why),
            "open-text reasons, for themes",
        ));
        let texts: Vec<String> = why
            .iter()
            .flat_map(|&i| profiles[i].answers.keys().cloned())
            .collect();
        let words = crate::stats::words::top_words(&texts, 12)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        g.why = Some(("why".into(), words));
    }
    let seg_re = re(
        r"industry|sector|size|region|country|segment|revenue|employees|staff|market|office|practice",
    );
    let segments = pk.take(&|p, k| *k == Kind::Category && seg_re.is_match(&p.header));
    for i in segments {
        let name = unique(&g, &slug(&profiles[i].header));
        g.fields
            .push(text_field(&name, vec![header(&i)], "a segment to split by"));
        g.segments.push(name);
    }
    g
}

/// Columns not yet given to a field.
struct Picker<'a> {
    profiles: &'a [Profile],
    kinds: &'a [Kind],
    used: BTreeSet<usize>,
}

impl Picker<'_> {
    /// The unused columns `pred` accepts, now used.
    fn take(&mut self, pred: &dyn Fn(&Profile, &Kind) -> bool) -> Vec<usize> {
        let found: Vec<usize> = (0..self.profiles.len())
            .filter(|&i| !self.used.contains(&i) && pred(&self.profiles[i], &self.kinds[i]))
            .collect();
        self.used.extend(found.iter().copied());
        found
    }
}

fn text_field(name: &str, headers: Vec<String>, why: &str) -> GField {
    typed(name, headers, "text", why)
}

fn typed(name: &str, headers: Vec<String>, kind: &'static str, why: &str) -> GField {
    GField {
        name: name.into(),
        headers,
        kind,
        scale: None,
        value_map: None,
        values: Vec::new(),
        why: why.into(),
    }
}

/// Share of a column's distinct answers that one of the patterns codes.
fn share_coded(p: &Profile, table: &[(&str, &'static str)]) -> f64 {
    if p.answers.is_empty() {
        return 0.0;
    }
    let n = p
        .answers
        .keys()
        .filter(|a| code(a, table).is_some())
        .count();
    n as f64 / p.answers.len() as f64
}

/// Answer → code for every answer of the columns that a pattern codes.
fn coded(
    profiles: &[Profile],
    ix: &[usize],
    table: &[(&str, &'static str)],
) -> Vec<(String, String)> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for &i in ix {
        for a in profiles[i].answers.keys() {
            if let Some(c) = code(a, table) {
                out.insert(a.clone(), c.to_string());
            }
        }
    }
    out.into_iter().collect()
}

/// The ordered stage rules the codes found allow.
fn stage_rules(
    rel: &[(String, String)],
    out: &[(String, String)],
    returns: bool,
    last: bool,
) -> Vec<GRule> {
    let has = |v: &[(String, String)], c: &str| v.iter().any(|(_, x)| x == c);
    let rule = |name: &str, stage: &str, when: String, why: &str| GRule {
        name: name.into(),
        stage_or_reason: stage.into(),
        when,
        why: why.into(),
    };
    let mut rules = Vec::new();
    if has(out, "got-away") {
        rules.push(rule(
            "lost the pitch",
            "got-away",
            r#"{ field = "outcome", equals = "got-away" }"#.into(),
            "chose another firm",
        ));
    }
    let waiting: Vec<&str> = ["not-now", "open"]
        .into_iter()
        .filter(|c| has(out, c))
        .collect();
    if !waiting.is_empty() {
        let list: Vec<String> = waiting.iter().map(|c| format!("\"{c}\"")).collect();
        rules.push(rule(
            "still buying",
            "prospect",
            format!("{{ field = \"outcome\", one_of = [{}] }}", list.join(", ")),
            "on hold or still deciding",
        ));
    }
    if has(out, "hired") {
        rules.push(rule(
            "hired us",
            "client",
            r#"{ field = "outcome", equals = "hired" }"#.into(),
            "hired the firm",
        ));
    }
    if has(rel, "prospect") {
        rules.push(rule(
            "not yet a client",
            "prospect",
            r#"{ field = "relationship", equals = "prospect" }"#.into(),
            "never worked with the firm",
        ));
    }
    if has(rel, "client") {
        rules.push(rule(
            "current client",
            "client",
            r#"{ field = "relationship", equals = "client" }"#.into(),
            "working with the firm now",
        ));
    }
    if has(rel, "past") {
        let mut gone = Vec::new();
        if returns {
            gone.push(r#"{ field = "would_return", equals = "No" }"#.to_string());
        }
        if last {
            gone.push(r#"{ field = "last_project", older_than_months = 24 }"#.to_string());
        }
        if !gone.is_empty() {
            let when = format!(
                "{{ all = [{{ field = \"relationship\", equals = \"past\" }}, {{ any = [{}] }}] }}",
                gone.join(", ")
            );
            rules.push(rule("gone for good", "former", when, "past client who would not return, or whose last engagement ended over 24 months ago"));
        }
        rules.push(rule(
            "between engagements",
            "betweener",
            r#"{ field = "relationship", equals = "past" }"#.into(),
            "past client who might return",
        ));
    }
    rules
}

/// An email domain whose name appears in the question texts: the firm's own staff.
fn own_domain(profiles: &[Profile], emails: &[usize]) -> Option<String> {
    const PUBLIC: [&str; 8] = [
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "yahoo",
        "icloud",
        "example",
        "live",
    ];
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let questions: String = profiles
        .iter()
        .map(|p| squash(&p.header))
        .collect::<Vec<_>>()
        .join("|");
    let mut domains: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in emails {
        for (d, n) in &profiles[i].domains {
            *domains.entry(d).or_default() += n;
        }
    }
    domains
        .into_keys()
        .find(|d| {
            let label = d.split('.').next().unwrap_or("");
            let name = squash(label);
            name.len() >= 4 && !PUBLIC.contains(&label) && questions.contains(&name)
        })
        .map(str::to_string)
}

/// A rating header split into (stem, item): `stem - item`, `stem [item]`, `item (stem)`, or a
/// SurveyMonkey (question, option).
fn split_item(p: &Profile) -> Option<(String, String)> {
    if let Some((q, o)) = &p.option {
        return Some((q.clone(), o.clone()));
    }
    let h = p.header.trim();
    if let Some(rest) = h.strip_suffix(']') {
        if let Some((stem, item)) = rest.rsplit_once('[') {
            return Some((stem.trim().into(), item.trim().into()));
        }
    }
    if let Some(rest) = h.strip_suffix(')') {
        if let Some((item, stem)) = rest.rsplit_once('(') {
            return Some((stem.trim().into(), item.trim().into()));
        }
    }
    h.rsplit_once(" - ")
        .map(|(stem, item)| (stem.trim().into(), item.trim().into()))
}

/// Pair rating columns whose stems say importance/expectation and performance/experience.
fn attributes(g: &mut Guess, pk: &mut Picker) {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    let expect = re(r"importan|expect|priorit|matter|기대");
    let experience = re(r"perform|experien|deliver|satisf|rating|compared|how well|인지|인식|성과");
    // item (lower-case) → (display, expectation columns, experience columns)
    let mut items: BTreeMap<String, (String, Vec<usize>, Vec<usize>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        if pk.used.contains(&i) || !matches!(kinds[i], Kind::Rating { .. }) {
            continue;
        }
        let Some((stem, item)) = split_item(p) else {
            continue;
        };
        let side = if expect.is_match(&stem) {
            0
        } else if experience.is_match(&stem) {
            1
        } else {
            continue;
        };
        let key = item.to_lowercase();
        let e = items.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (item.clone(), Vec::new(), Vec::new())
        });
        if side == 0 {
            e.1.push(i)
        } else {
            e.2.push(i)
        }
    }
    let mut pairs: Vec<(String, Vec<usize>, Vec<usize>)> = order
        .into_iter()
        .map(|k| items.remove(&k).expect("every ordered key is an item"))
        .filter(|(_, e, x)| !e.is_empty() && !x.is_empty())
        .collect();
    if pairs.is_empty() {
        pairs = numbered_pairs(profiles, kinds, &pk.used);
    }
    for (name, exp, expc) in &pairs {
        let base = unique(g, &slug(name));
        let mut names = Vec::new();
        for (ix, side) in [(exp, "expectation"), (expc, "experience")] {
            pk.used.extend(ix.iter().copied());
            let mut f = typed(
                &format!("{base}_{side}"),
                ix.iter().map(|&i| profiles[i].header.clone()).collect(),
                "number",
                &format!("{name}: {side}"),
            );
            let mut lo = f64::INFINITY;
            let mut hi = f64::NEG_INFINITY;
            for &i in ix.iter() {
                if let Kind::Rating { scale, labels } = &kinds[i] {
                    lo = lo.min(scale.0);
                    hi = hi.max(scale.1);
                    if let Some(l) = labels {
                        f.value_map = Some(l.name);
                        if !g.value_maps.contains(l) {
                            g.value_maps.push(l);
                        }
                    }
                }
            }
            f.scale = Some((lo, hi));
            names.push(f.name.clone());
            g.fields.push(f);
        }
        g.attributes
            .push((name.clone(), names[0].clone(), names[1].clone()));
    }
    if g.attributes.is_empty() {
        g.missing
            .push("attribute pairs (importance/expectation against performance/experience)".into());
    }
}

/// Numbered item pairs (`3-1. …` the expectation, `3-2. …` the experience), when at least three
/// numbers have both.
fn numbered_pairs(
    profiles: &[Profile],
    kinds: &[Kind],
    used: &BTreeSet<usize>,
) -> Vec<(String, Vec<usize>, Vec<usize>)> {
    let num = re(r"^\s*(?:Q\s*)?(\d+)\s*[-_.]\s*([12])\b\.?\s*(.*)$");
    // item number → (name, sub-item 1 columns, sub-item 2 columns)
    let mut by: BTreeMap<u32, (String, Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in profiles.iter().enumerate() {
        if used.contains(&i) || !matches!(kinds[i], Kind::Rating { .. }) {
            continue;
        }
        let Some(c) = num.captures(p.header.trim()) else {
            continue;
        };
        let Ok(n) = c[1].parse::<u32>() else {
            continue;
        };
        let e = by.entry(n).or_default();
        if &c[2] == "1" {
            e.1.push(i);
        } else {
            let text = c[3].split(" (").next().unwrap_or("").trim();
            let text: String = text.chars().take(50).collect();
            if e.0.is_empty() && !text.is_empty() {
                e.0 = format!("{n}. {text}");
            }
            e.2.push(i);
        }
    }
    let pairs: Vec<(String, Vec<usize>, Vec<usize>)> = by
        .into_iter()
        .filter(|(_, (_, a, b))| !a.is_empty() && !b.is_empty())
        .map(|(n, (name, a, b))| {
            let name = if name.is_empty() {
                format!("Item {n}")
            } else {
                name
            };
            (name, a, b)
        })
        .collect();
    if pairs.len() >= 3 {
        pairs
    } else {
        Vec::new()
    }
}

/// Services known and bought, and channels used: multi-select questions, in one cell or spread
/// over option columns.
fn multi_fields(g: &mut Guess, pk: &mut Picker) {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    // question → (option or part → count), column indexes
    let mut groups: Vec<(String, BTreeMap<String, usize>, Vec<usize>)> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        if pk.used.contains(&i) {
            continue;
        }
        let (question, options): (String, BTreeMap<String, usize>) = match (&kinds[i], &p.option) {
            (Kind::Option, Some((q, o))) => (q.clone(), BTreeMap::from([(o.clone(), p.filled)])),
            (Kind::Multi | Kind::Category, _) => (p.header.clone(), p.parts.clone()),
            _ => continue,
        };
        match groups
            .iter_mut()
            .find(|g| g.0.eq_ignore_ascii_case(&question))
        {
            Some(gr) => {
                for (o, n) in options {
                    *gr.1.entry(o).or_default() += n;
                }
                gr.2.push(i);
            }
            None => groups.push((question, options, vec![i])),
        }
    }
    let service = re(r"service");
    let known_re = re(r"aware|know|heard|familiar");
    let bought_re = re(r"bought|purchas|buy|used|engaged");
    let channel_re =
        re(r"channel|where did you (look|search|find|go)|source|how did you (hear|find|learn)");
    let mut take = |pred: &dyn Fn(&str) -> bool| -> (Vec<String>, BTreeMap<String, usize>) {
        let mut headers = Vec::new();
        let mut options = BTreeMap::new();
        for (q, o, ix) in &groups {
            if pred(q) {
                headers.push(q.clone());
                for (k, n) in o {
                    *options.entry(k.clone()).or_default() += n;
                }
                pk.used.extend(ix.iter().copied());
            }
        }
        (headers, options)
    };
    let (known, known_opts) = take(&|q| service.is_match(q) && known_re.is_match(q));
    let (bought, bought_opts) = take(&|q| service.is_match(q) && bought_re.is_match(q));
    let (channels, channel_opts) = take(&|q| channel_re.is_match(q));
    let multi = |name: &str, h: Vec<String>, why: &str| GField {
        name: name.into(),
        headers: h,
        kind: "multi",
        scale: None,
        value_map: None,
        values: Vec::new(),
        why: why.into(),
    };
    if !known.is_empty() {
        g.fields.push(multi(
            "services_known",
            known,
            "services the respondent knows the firm offers",
        ));
        let bought_field = (!bought.is_empty()).then(|| {
            g.fields
                .push(multi("services_bought", bought, "services bought"));
            "services_bought".to_string()
        });
        let mut all = known_opts;
        for (k, n) in bought_opts {
            *all.entry(k).or_default() += n;
        }
        g.services = Some((by_count(all), "services_known".into(), bought_field));
    }
    if !channels.is_empty() {
        g.fields
            .push(multi("channels_used", channels, "where buyers look"));
        g.channels = Some(("channels_used".into(), by_count(channel_opts)));
    }
}

/// Keys by falling count, then by name.
fn by_count(m: BTreeMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

/// A field name from a header: lower-case ASCII words joined by `_` (a bare TOML key).
pub fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let s = words.join("_");
    if s.is_empty() {
        "field".into()
    } else {
        s
    }
}

fn unique(g: &Guess, base: &str) -> String {
    let taken = |n: &str| g.fields.iter().any(|f| f.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base}_{i}"))
        .find(|n| !taken(n))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_relationship_and_outcome_answers() {
        let c = |a: &str| code(a, &RELATIONSHIP_CODES);
        assert_eq!(c("We are currently working with Northwind"), Some("client"));
        assert_eq!(c("We have worked with Northwind in the past"), Some("past"));
        assert_eq!(c("Past client"), Some("past"));
        assert_eq!(c("We have never worked with them"), Some("prospect"));
        assert_eq!(c("Other (supplier, partner, press)"), None);
        let o = |a: &str| code(a, &OUTCOME_CODES);
        assert_eq!(o("We chose another firm"), Some("got-away"));
        assert_eq!(o("Northwind was not on our shortlist"), Some("got-away"));
        assert_eq!(o("We have put the project on hold"), Some("not-now"));
        assert_eq!(o("We are still deciding"), Some("open"));
        assert_eq!(o("We hired Northwind Advisory"), Some("hired"));
    }

    #[test]
    fn splits_rating_headers() {
        let p = |h: &str| Profile::named(h);
        assert_eq!(
            split_item(&p("Importance - Value for money")),
            Some(("Importance".into(), "Value for money".into()))
        );
        assert_eq!(
            split_item(&p("Performance [Value for money]")),
            Some(("Performance".into(), "Value for money".into()))
        );
        assert_eq!(
            split_item(&p("Value for money (importance)")),
            Some(("importance".into(), "Value for money".into()))
        );
        assert_eq!(slug("Company size"), "company_size");
        assert_eq!(slug("1. 키오스크는 정확하다"), "1");
        assert_eq!(slug("귀하의 성별"), "field");
    }
}

//! Multi-select questions (services known and bought, channels used), in one cell or spread
//! over option columns; the open-text "why" questions; and the segments.

use std::collections::BTreeMap;

use super::{by_count, text_field, unique, GField, Guess, Picker};
use crate::init::profile::Kind;
use crate::lexicon::{self, words};

/// A multi-select question: its text, its options (or parts) with their counts, its columns.
type Group = (String, BTreeMap<String, usize>, Vec<usize>);

/// The unused multi-select questions, their option columns put together.
fn groups(pk: &Picker) -> Vec<Group> {
    let (profiles, kinds) = (pk.profiles, pk.kinds);
    let mut groups: Vec<Group> = Vec::new();
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
    groups
}

/// Whether a group of option columns has no question text: its question is its options' own
/// headers joined ([`crate::ingest::layout::choices_question`], as ingest names such a run).
fn unnamed(pk: &Picker, question: &str, ix: &[usize]) -> bool {
    let options: Vec<&str> = ix
        .iter()
        .filter_map(|&i| pk.profiles[i].option.as_ref().map(|(_, o)| o.as_str()))
        .collect();
    options.len() == ix.len()
        && crate::ingest::layout::choices_question(options.iter().copied()) == question
}

/// Services known and bought, and channels used: multi-select questions, in one cell or spread
/// over option columns.
pub(super) fn multi_fields(g: &mut Guess, pk: &mut Picker) {
    let groups = groups(pk);
    let w = words();
    let (service, known_re, bought_re) = (&w.service, &w.known, &w.bought);
    // Where buyers look: a question that asks it, never platform metadata.
    let channel_re = |q: &str| {
        w.channel_question.is_match(q) && !w.metadata.is_match(q) && !w.about_survey.is_match(q)
    };
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
    let (mut known, mut known_opts) = take(&|q| service.is_match(q) && known_re.is_match(q));
    let (mut bought, mut bought_opts) = take(&|q| service.is_match(q) && bought_re.is_match(q));
    let (mut channels, mut channel_opts) = take(&|q| channel_re(q));
    // A question with no text of its own (one column per choice, headed by the choice, as
    // Typeform exports it) joins the question of another file whose options it shares.
    for (q, o, ix) in &groups {
        if !unnamed(pk, q, ix) || ix.iter().any(|i| pk.used.contains(i)) {
            continue;
        }
        let shares = |theirs: &BTreeMap<String, usize>| {
            let common = o
                .keys()
                .filter(|k| theirs.keys().any(|t| t.eq_ignore_ascii_case(k)))
                .count();
            !theirs.is_empty() && common * 2 >= o.len().max(1)
        };
        let target = if shares(&known_opts) {
            Some((&mut known, &mut known_opts))
        } else if shares(&bought_opts) {
            Some((&mut bought, &mut bought_opts))
        } else if shares(&channel_opts) {
            Some((&mut channels, &mut channel_opts))
        } else {
            None
        };
        if let Some((headers, opts)) = target {
            headers.push(q.clone());
            for (k, n) in o {
                *opts.entry(k.clone()).or_default() += n;
            }
            pk.used.extend(ix.iter().copied());
        }
    }
    let multi = |name: &str, h: Vec<String>, why: &str| GField {
        name: name.into(),
        headers: h,
        kind: "multi",
        scale: None,
        value_map: None,
        anchors: Vec::new(),
        values: Vec::new(),
        why: why.into(),
        level: super::Level::Likely,
        value_levels: Vec::new(),
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
        g.services_level = Some((
            super::Level::Likely,
            "a multi-select question about the firm's services; keep in `offered` only the firm's own".into(),
        ));
    }
    if !channels.is_empty() {
        g.fields
            .push(multi("channels_used", channels, "where buyers look"));
        g.channels = Some(("channels_used".into(), by_count(channel_opts)));
        g.channels_level = Some((
            super::Level::Likely,
            "a multi-select question about where buyers look, hear or find; the firm's plan (where it is present) is missing: only you know it".into(),
        ));
    }
}

/// The open-text "why" questions, with their most frequent words to start a codebook.
pub(super) fn open_text(g: &mut Guess, pk: &mut Picker) {
    let why = pk.take(&|p, k| {
        matches!(k, Kind::FreeText | Kind::Category)
            && words().free_text.is_match(&p.header)
            && varies(p)
    });
    if !why.is_empty() {
        g.fields.push(text_field(
            "why",
            pk.headers(&why),
            "open-text reasons, for themes",
        ));
        let texts: Vec<String> = why
            .iter()
            .flat_map(|&i| pk.profiles[i].answers.keys().cloned())
            .collect();
        let words = crate::stats::words::top_words(&texts, 12)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        g.why = Some(("why".into(), words));
    }
}

/// Whether a column's answers are free text that varies: at least three different answers, and
/// as many different answers as half the answers given (a consent line, a checkbox, a single
/// choice of reasons repeat a few answers).
fn varies(p: &crate::init::profile::Profile) -> bool {
    let given: usize = p.answers.values().sum();
    p.overflow || (p.answers.len() >= 3 && 2 * p.answers.len() >= given)
}

/// Whether a category's values are each held by several respondents: at most one value in five
/// (and at least one) is a single respondent's, and the answers are at least twice the values
/// (a one-off free answer is no segment value).
fn shared_values(p: &crate::init::profile::Profile) -> bool {
    let given: usize = p.answers.values().sum();
    let single = p.answers.values().filter(|&&n| n == 1).count();
    single <= (p.answers.len() / 5).max(1) && given >= 2 * p.answers.len()
}

/// At most three segments: categories of 2–12 answers whose header names a firmographic
/// (industry, sector, size, employees, revenue, region, country, role, seniority), never
/// metadata; each named after its firmographic.
pub(super) fn segments(g: &mut Guess, pk: &mut Picker) {
    let fits = |p: &crate::init::profile::Profile, k: &Kind| {
        *k == Kind::Category
            && (2..=12).contains(&p.answers.len())
            && !p.overflow
            && shared_values(p)
            && !words().metadata.is_match(&p.header)
            && lexicon::firmographic(&p.header).is_some()
    };
    let found: Vec<usize> = (0..pk.profiles.len())
        .filter(|&i| !pk.used.contains(&i) && fits(&pk.profiles[i], &pk.kinds[i]))
        .take(3)
        .collect();
    pk.used.extend(found.iter().copied());
    for i in found {
        let header = pk.profiles[i].header.clone();
        let concept = lexicon::firmographic(&header).unwrap_or("segment");
        let name = unique(g, concept);
        g.fields.push(text_field(
            &name,
            vec![header],
            &format!("a segment to split by ({concept})"),
        ));
        g.segments.push(name);
    }
    if !g.segments.is_empty() {
        g.segments_level = Some((
            super::Level::Likely,
            "categories of 2–12 answers whose headers name a firmographic".into(),
        ));
    }
}

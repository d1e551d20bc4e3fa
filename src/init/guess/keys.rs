//! Ids and keys, the response and last-engagement dates, and the exclusions they allow
//! (speeders, the firm's own staff).

use std::collections::BTreeMap;

use super::{text_field, typed, GRule, Guess, Level, Picker};
use crate::init::cond;
use crate::init::profile::{Kind, Profile};
use crate::lexicon::words;

/// The respondent id (or e-mail) and the panel key.
pub(super) fn ids(g: &mut Guess, pk: &mut Picker) {
    let w = words();
    let (id_re, email_re, panel_re) = (&w.respondent_id, &w.email, &w.panel_key);
    let ids = pk.take(&|p, _| p.is_named(id_re));
    let emails = pk.take(&|p, k| p.is_named(email_re) && *k == Kind::Id);
    let panel = pk.take(&|p, _| p.is_named(panel_re));
    if !ids.is_empty() || !emails.is_empty() {
        let mut h = pk.headers(&ids);
        h.extend(pk.headers(&emails));
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
            pk.headers(&panel),
            "the same client across quarters, for panel transitions",
        ));
    }
}

/// The response date; gives the columns of the end of the last engagement (a field once the
/// journey questions are known).
pub(super) fn dates(g: &mut Guess, pk: &mut Picker) -> Vec<usize> {
    let w = words();
    let last = pk.take(&|p, k| *k == Kind::Date && w.last_engagement.is_match(&p.header));
    let dates = pk.take(&|p, k| {
        *k == Kind::Date && !w.start.is_match(&p.header)
            || w.response_date.is_match(p.header.trim())
    });
    if !dates.is_empty() {
        g.fields
            .push(typed("date", pk.headers(&dates), "date", "response date"));
    } else {
        g.missing.push("response date".into());
    }
    last
}

/// Speeders (under a fifth of the median duration, only where a few completes are) and the firm's own staff (e-mails at a
/// domain whose name is in the questions).
pub(super) fn exclusions(g: &mut Guess, pk: &mut Picker) {
    let profiles = pk.profiles;
    let duration_re = &words().duration;
    let durations = pk.take(&|p, k| *k == Kind::Number && p.is_named(duration_re));
    if let Some(median) = durations.first().and_then(|&i| profiles[i].median()) {
        g.fields.push(typed(
            "duration",
            pk.headers(&durations),
            "number",
            "seconds taken",
        ));
        let limit = (median / 5.0 / 10.0).floor() * 10.0;
        // Only where the durations show speeders: some completes far below the median, and
        // few of them (at most a tenth). A cut-off that no response falls under, or one that
        // would drop a large share of genuine completes, is no rule.
        let samples = &profiles[durations[0]].samples;
        let under = samples.iter().filter(|&&x| x < limit).count();
        if limit > 0.0 && under > 0 && under * 10 <= samples.len() {
            g.exclusions.push(speeder(limit, median));
        }
    }
    internal(g, pk);
}

/// The speeder rule: faster than `limit` seconds, a fifth of the median duration.
fn speeder(limit: f64, median: f64) -> GRule {
    GRule {
        name: String::new(),
        stage_or_reason: "speeder".into(),
        when: cond::lt("duration", limit),
        why: format!("faster than a fifth of the median duration ({median:.0} s)"),
        level: Level::Unsure,
    }
}

/// The firm's own staff: e-mails at a domain whose name is in the questions.
fn internal(g: &mut Guess, pk: &mut Picker) {
    let profiles = pk.profiles;
    let email_re = &words().email;
    let all_emails: Vec<usize> = (0..profiles.len())
        .filter(|&i| profiles[i].is_named(email_re))
        .collect();
    if let Some(domain) = own_domain(profiles, &all_emails) {
        g.fields.push(text_field(
            "email",
            pk.headers(&all_emails),
            "email address",
        ));
        g.exclusions.push(GRule {
            name: String::new(),
            stage_or_reason: "internal".into(),
            when: cond::contains("email", &format!("@{domain}")),
            why: "the firm's own domain: its name is in the questions".into(),
            level: Level::Likely,
        });
    }
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

//! Resolving what the analyses need beyond the fields: outcome codes, services, channel plan, the theme
//! codebook and the stage comparisons.

use std::collections::BTreeMap;

use super::ctx::Ctx;
use super::raw::{PlanValue, RawConfig};
use super::{
    fold, Channels, Comparisons, ConfigError, FieldKind, Journey, PlanEntry, Services, Theme,
};
use crate::stage::Stage;

pub(super) fn resolve_journey(ctx: &Ctx, raw: &RawConfig) -> Result<Journey, ConfigError> {
    let j = &raw.journey;
    let outcome = match &j.outcome {
        Some(f) => Some(ctx.field(f, 0, "journey.outcome")?),
        None => None,
    };
    let folded = |v: &[String]| v.iter().map(|s| fold(s)).collect();
    Ok(Journey {
        outcome,
        hired: folded(&j.hired),
        got_away: folded(&j.got_away),
        not_now: folded(&j.not_now),
    })
}

fn multi_field(
    ctx: &Ctx,
    raw: &RawConfig,
    name: &str,
    at: usize,
    key: &str,
) -> Result<usize, ConfigError> {
    let id = ctx.field(name, at, key)?;
    let kind = raw.fields.values().nth(id).map(|f| f.get_ref().kind);
    if kind != Some(FieldKind::Multi) {
        return ctx.err(
            at,
            key,
            format!("field '{name}' must be kind = \"multi\" (several answers per respondent)"),
        );
    }
    Ok(id)
}

pub(super) fn resolve_services(
    ctx: &Ctx,
    raw: &RawConfig,
) -> Result<Option<Services>, ConfigError> {
    let Some(s) = &raw.services else {
        return Ok(None);
    };
    let at = s.span().start;
    let r = s.get_ref();
    if r.offered.is_empty() {
        return ctx.err(at, "services.offered", "list the services the firm offers");
    }
    let known = multi_field(ctx, raw, &r.known, at, "services.known")?;
    let bought = match &r.bought {
        Some(b) => Some(multi_field(ctx, raw, b, at, "services.bought")?),
        None => None,
    };
    Ok(Some(Services {
        offered: r.offered.clone(),
        known,
        bought,
    }))
}

pub(super) fn resolve_channels(
    ctx: &Ctx,
    raw: &RawConfig,
) -> Result<Option<Channels>, ConfigError> {
    let Some(c) = &raw.channels else {
        return Ok(None);
    };
    let at = c.span().start;
    let r = c.get_ref();
    let used = multi_field(ctx, raw, &r.used, at, "channels.used")?;
    if !(r.threshold > 0.0 && r.threshold < 1.0) {
        return ctx.err(
            at,
            "channels.threshold",
            "expected a share between 0 and 1, e.g. 0.2",
        );
    }
    let mut plan = BTreeMap::new();
    for (stage, channels) in &r.plan {
        let Some(s) = Stage::from_key(stage) else {
            return ctx.err(
                at,
                &format!("channels.plan.{stage}"),
                "not a stage; expected prospect, got-away, client, betweener or former",
            );
        };
        let mut entries = Vec::new();
        for (name, v) in channels {
            let (present, spend) = match v {
                PlanValue::Present(b) => (*b, None),
                PlanValue::Spend(x) if x.is_finite() && *x >= 0.0 => (*x > 0.0, Some(*x)),
                PlanValue::Spend(_) => {
                    return ctx.err(
                        at,
                        &format!("channels.plan.{stage}.{name}"),
                        "expected true/false or a spend of 0 or more",
                    );
                }
            };
            entries.push(PlanEntry {
                channel: name.clone(),
                present,
                spend,
            });
        }
        plan.insert(s, entries);
    }
    Ok(Some(Channels {
        used,
        threshold: r.threshold,
        plan,
    }))
}

/// Most themes a codebook may hold: each is a compiled pattern (about 140 KiB), and memory is
/// bounded (2,000 small themes on a 2-row file: a peak of 300 MiB).
pub const MAX_THEMES: usize = 2000;
/// Most characters all the keywords of a codebook may hold together.
pub const MAX_KEYWORD_CHARS: usize = 200_000;

pub(super) fn resolve_themes(ctx: &Ctx, raw: &RawConfig) -> Result<Vec<Theme>, ConfigError> {
    let mut out = Vec::new();
    let mut chars = 0;
    for (i, t) in raw.themes.iter().enumerate() {
        chars += t
            .get_ref()
            .keywords
            .iter()
            .map(|k| k.chars().count())
            .sum::<usize>();
        if chars > MAX_KEYWORD_CHARS {
            return ctx.err(
                t.span().start,
                &format!("themes[{i}].keywords"),
                format!("the codebook's keywords run past {MAX_KEYWORD_CHARS} characters, more than journeygap matches; shorten or merge them"),
            );
        }
    }
    if let Some(t) = raw.themes.get(MAX_THEMES) {
        return ctx.err(
            t.span().start,
            &format!("themes[{MAX_THEMES}]"),
            format!(
                "the codebook holds {} themes, more than the {MAX_THEMES} journeygap matches; merge themes, or list more keywords per theme",
                raw.themes.len()
            ),
        );
    }
    for (i, t) in raw.themes.iter().enumerate() {
        let at = t.span().start;
        let r = t.get_ref();
        let key = format!("themes[{i}]");
        let field = ctx.field(&r.field, at, &format!("{key}.field"))?;
        if r.keywords.iter().all(|k| k.trim().is_empty()) {
            return ctx.err(
                at,
                &format!("{key}.keywords"),
                "list the words or phrases that mark this theme",
            );
        }
        let alternatives: Vec<String> = r
            .keywords
            .iter()
            .filter(|k| !k.trim().is_empty())
            .map(|k| regex::escape(&fold(k)).replace(' ', r"\s+"))
            .collect();
        let pattern = regex::RegexBuilder::new(&format!(
            r"(?:^|\b|\W)(?:{})(?:\b|\W|$)",
            alternatives.join("|")
        ))
        .case_insensitive(true)
        .size_limit(1 << 20)
        // The lazy DFA's cache, per pattern and thread: small, so a large codebook stays small.
        .dfa_size_limit(1 << 16)
        .build()
        .or_else(|e| {
            ctx.err(
                at,
                &format!("{key}.keywords"),
                format!("cannot be matched: {e}"),
            )
        })?;
        out.push(Theme {
            field,
            name: r.name.clone(),
            pattern,
        });
    }
    Ok(out)
}

pub(super) fn resolve_comparisons(ctx: &Ctx, raw: &RawConfig) -> Result<Comparisons, ConfigError> {
    let default = super::raw::RawComparisons::default();
    let (at, r) = match &raw.comparisons {
        Some(c) => (c.span().start, c.get_ref()),
        None => (0, &default),
    };
    let stage = |s: &str| {
        Stage::from_key(s.trim()).map_or_else(
            || ctx.err(at, "comparisons.pairs", format!("'{s}' is not a stage; expected prospect, got-away, client, betweener or former")),
            Ok,
        )
    };
    let pairs = match &r.pairs {
        Some(list) => list
            .iter()
            .map(|[a, b]| Ok((stage(a)?, stage(b)?)))
            .collect::<Result<Vec<_>, ConfigError>>()?,
        None => Stage::ALL
            .iter()
            .filter(|s| **s != Stage::Client)
            .map(|s| (*s, Stage::Client))
            .collect(),
    };
    let fields = r
        .fields
        .iter()
        .map(|f| ctx.field(f, at, "comparisons.fields"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut positive = BTreeMap::new();
    for (f, v) in &r.positive {
        positive.insert(ctx.field(f, at, "comparisons.positive")?, fold(v));
    }
    Ok(Comparisons {
        pairs,
        fields,
        positive,
    })
}

//! Raw config → validated [`Config`]: field references checked, regexes compiled, conditions
//! compiled, each error with its line.

use std::collections::BTreeMap;

use regex::Regex;
use toml::Spanned;

use super::ctx::Ctx;
use super::raw::{MapValue, RawAttributeSet, RawConfig, RawField};
use super::{
    fold, AttributeDef, AttributeSet, Config, ConfigError, Exclusion, Field, FieldKind, Report,
    Roles, StageRule,
};
use crate::stage::Stage;

pub(super) fn resolve(
    raw: RawConfig,
    text: &str,
    file: &str,
    path: &std::path::Path,
) -> Result<Config, ConfigError> {
    let ctx = Ctx {
        text,
        file,
        names: raw.fields.keys().cloned().collect(),
    };
    let mut fields = Vec::new();
    for (name, spec) in &raw.fields {
        fields.push(resolve_field(&ctx, name, spec, &raw.value_maps)?);
    }
    let roles = Roles {
        respondent_id: ctx.names.iter().position(|n| n == "respondent_id"),
        panel_key: ctx.names.iter().position(|n| n == "panel_key"),
        date: ctx.names.iter().position(|n| n == "date"),
        weight: ctx.names.iter().position(|n| n == "weight"),
        recommend: ctx.names.iter().position(|n| n == "recommend"),
    };
    let mut exclusions = resolve_exclusions(&ctx, &raw)?;
    let mut stage_rules = resolve_rules(&ctx, &raw)?;
    let sources = number_sources(&mut exclusions, &mut stage_rules);
    let (guesses, row_guesses) = super::guesses::resolve(&ctx, &raw, &stage_rules, &exclusions)?;
    let stage_labels = resolve_labels(&ctx, &raw)?;
    let attributes = resolve_attributes(&ctx, &raw)?;
    let mut attribute_sets = Vec::new();
    for (i, s) in raw.attribute_sets.iter().enumerate() {
        attribute_sets.push(resolve_set(&ctx, s, i, &raw.value_maps)?);
    }
    let mut segments = Vec::new();
    for s in &raw.segments {
        segments.push(ctx.field(s.get_ref(), s.span().start, "segments")?);
    }
    let report = resolve_report(&ctx, &raw, path)?;
    let input = resolve_input(&ctx, &raw)?;
    let journey = super::analyses::resolve_journey(&ctx, &raw)?;
    let services = super::analyses::resolve_services(&ctx, &raw)?;
    let channels = super::analyses::resolve_channels(&ctx, &raw)?;
    let themes = super::analyses::resolve_themes(&ctx, &raw)?;
    let comparisons = super::analyses::resolve_comparisons(&ctx, &raw)?;
    let weighting = super::joins::resolve_weighting(&ctx, &raw, &fields)?;
    let lookups = super::joins::resolve_lookups(&ctx, &raw, path)?;
    Ok(Config {
        weighting,
        lookups,
        secret: raw.privacy.secret.clone(),
        guesses,
        row_guesses,
        journey,
        services,
        channels,
        themes,
        comparisons,
        path: Default::default(),
        input,
        hash: String::new(),
        fields,
        roles,
        preview: raw.exclude.preview,
        unfinished: raw.exclude.unfinished,
        disqualified: raw.exclude.disqualified,
        duplicates: raw.exclude.duplicates,
        exclusions,
        stage_rules,
        sources,
        stage_labels,
        attributes,
        attribute_sets,
        segments,
        report,
    })
}

fn resolve_exclusions(ctx: &Ctx, raw: &RawConfig) -> Result<Vec<Exclusion>, ConfigError> {
    let mut exclusions = Vec::new();
    for (i, ex) in raw.exclude.rules.iter().enumerate() {
        let key = format!("exclude.rules[{i}]");
        let when = super::condition::compile(ctx, &ex.get_ref().when, ex.span().start, &key)?;
        exclusions.push(Exclusion {
            reason: ex.get_ref().reason.clone(),
            when,
        });
    }
    Ok(exclusions)
}

/// Number the source conditions of the exclusions and stage rules: a table's verdicts on them
/// are found by that number.
fn number_sources(
    exclusions: &mut [Exclusion],
    stage_rules: &mut [StageRule],
) -> Vec<super::SourceGlob> {
    let mut globs = Vec::new();
    for c in exclusions
        .iter_mut()
        .map(|e: &mut super::Exclusion| &mut e.when)
        .chain(stage_rules.iter_mut().map(|r| &mut r.when))
    {
        c.sources_mut(&mut globs);
    }
    globs
        .into_iter()
        .enumerate()
        .map(|(id, g)| {
            g.id = id;
            g.clone()
        })
        .collect()
}

fn resolve_attributes(ctx: &Ctx, raw: &RawConfig) -> Result<Vec<AttributeDef>, ConfigError> {
    let mut attributes = Vec::new();
    for (i, a) in raw.attributes.iter().enumerate() {
        let key = format!("attributes[{i}]");
        let at = a.span().start;
        let r = a.get_ref();
        let expectation = match &r.expectation {
            Some(e) => Some(ctx.field(e, at, &format!("{key}.expectation"))?),
            None => None,
        };
        let experience = ctx.field(&r.experience, at, &format!("{key}.experience"))?;
        attributes.push(AttributeDef {
            name: r.name.clone(),
            dimension: r.dimension.clone(),
            expectation,
            experience,
        });
    }
    Ok(attributes)
}

/// `[input]`: which files are read and skipped, by glob, and which sheets.
fn resolve_input(ctx: &Ctx, raw: &RawConfig) -> Result<super::InputFilter, ConfigError> {
    let globs = |list: &[String], key: &str| -> Result<Vec<Regex>, ConfigError> {
        list.iter()
            .map(|g| {
                super::glob_regex(g).or_else(|e| {
                    ctx.err(0, key, format!("'{g}' is not a usable file pattern: {e}"))
                })
            })
            .collect()
    };
    Ok(super::InputFilter {
        files: globs(&raw.input.files, "input.files")?,
        skip_files: globs(&raw.input.skip_files, "input.skip_files")?,
        sheets: raw.input.sheets.clone(),
    })
}

fn compile_regex(ctx: &Ctx, p: &str, at: usize, key: &str) -> Result<Regex, ConfigError> {
    regex::RegexBuilder::new(p)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .or_else(|e| ctx.err(at, key, format!("not a valid regular expression (to match ( ) [ ] . * + ? literally, write them as \\\\( \\\\) and so on; to match a header exactly, use headers = [...]):\n{e}")))
}

fn value_map(
    ctx: &Ctx,
    inline: &BTreeMap<String, MapValue>,
    shared: Option<&String>,
    maps: &BTreeMap<String, BTreeMap<String, MapValue>>,
    at: usize,
    key: &str,
) -> Result<BTreeMap<String, MapValue>, ConfigError> {
    let mut values = BTreeMap::new();
    if let Some(name) = shared {
        let Some(m) = maps.get(name) else {
            return ctx.err(
                at,
                key,
                format!("no value map named '{name}' under [value_maps]"),
            );
        };
        values.extend(m.iter().map(|(k, v)| (fold(k), v.clone())));
    }
    values.extend(inline.iter().map(|(k, v)| (fold(k), v.clone())));
    Ok(values)
}

fn resolve_scale(
    ctx: &Ctx,
    s: Option<[f64; 2]>,
    at: usize,
    key: &str,
) -> Result<Option<(f64, f64)>, ConfigError> {
    match s {
        Some([lo, hi]) if lo.is_finite() && hi.is_finite() && lo < hi => Ok(Some((lo, hi))),
        Some(_) => ctx.err(at, key, "expected [low, high] with low < high, e.g. [1, 5]"),
        None => Ok(None),
    }
}

fn resolve_field(
    ctx: &Ctx,
    name: &str,
    spec: &Spanned<RawField>,
    maps: &BTreeMap<String, BTreeMap<String, MapValue>>,
) -> Result<Field, ConfigError> {
    let at = spec.span().start;
    let f = spec.get_ref();
    let key = format!("fields.{name}");
    if f.headers.is_empty() && f.patterns.is_empty() {
        return ctx.err(
            at,
            &key,
            "a field needs `headers` or `patterns` to be found in the files",
        );
    }
    let patterns = f
        .patterns
        .iter()
        .map(|p| compile_regex(ctx, p, at, &format!("{key}.patterns")))
        .collect::<Result<Vec<_>, _>>()?;
    let values = value_map(
        ctx,
        &f.values,
        f.value_map.as_ref(),
        maps,
        at,
        &format!("{key}.value_map"),
    )?;
    let scale = resolve_scale(ctx, f.scale, at, &format!("{key}.scale"))?;
    if name == "recommend" && f.kind != FieldKind::Number {
        return ctx.err(
            at,
            &format!("{key}.kind"),
            "the recommend field must be kind = \"number\" (0–10)",
        );
    }
    if name == "weight" && f.kind != FieldKind::Number {
        return ctx.err(
            at,
            &format!("{key}.kind"),
            "the weight field must be kind = \"number\"",
        );
    }
    if name == "date" && f.kind != FieldKind::Date {
        return ctx.err(
            at,
            &format!("{key}.kind"),
            "the date field must be kind = \"date\"",
        );
    }
    // A weight below 0 is a bad cell (counted as out of scale), never a silent 0.
    let scale = match scale {
        None if name == "weight" => Some((0.0, f64::MAX)),
        s => s,
    };
    Ok(Field {
        name: name.to_string(),
        headers: f.headers.iter().map(|h| fold(h)).collect(),
        patterns,
        kind: f.kind,
        values,
        scale,
        separator: f.separator.clone(),
        date_order: f.date_order,
    })
}

fn resolve_rules(ctx: &Ctx, raw: &RawConfig) -> Result<Vec<StageRule>, ConfigError> {
    if raw.stages.rules.is_empty() && raw.stages.default.is_none() {
        return ctx.err(
            0,
            "stages.rules",
            "at least one stage rule, or [stages] default, is needed",
        );
    }
    let mut out = Vec::new();
    for (i, r) in raw.stages.rules.iter().enumerate() {
        let at = r.span().start;
        let rule = r.get_ref();
        let key = format!("stages.rules[{i}]");
        let Some(stage) = Stage::from_key(rule.stage.trim()) else {
            return ctx.err(
                at,
                &format!("{key}.stage"),
                format!(
                    "'{}' is not a stage; expected one of prospect, got-away, client, betweener, former",
                    rule.stage
                ),
            );
        };
        let when = super::condition::compile(ctx, &rule.when, at, &format!("{key}.when"))?;
        out.push(StageRule {
            name: rule
                .name
                .clone()
                .unwrap_or_else(|| format!("rule {}", i + 1)),
            stage,
            when,
        });
    }
    if let Some(d) = &raw.stages.default {
        let Some(stage) = Stage::from_key(d.trim()) else {
            return ctx.err(
                0,
                "stages.default",
                format!("'{d}' is not a stage; expected one of prospect, got-away, client, betweener, former"),
            );
        };
        let always = crate::config::raw::RawCondition {
            always: Some(true),
            ..Default::default()
        };
        out.push(StageRule {
            name: "default".into(),
            stage,
            when: super::condition::compile(ctx, &always, 0, "stages.default")?,
        });
    }
    Ok(out)
}

fn resolve_labels(ctx: &Ctx, raw: &RawConfig) -> Result<[String; 5], ConfigError> {
    let mut labels = Stage::ALL.map(|s| s.default_label().to_string());
    for (k, v) in &raw.stages.labels {
        match Stage::from_key(k) {
            Some(s) => labels[s.index()] = v.clone(),
            None => {
                return ctx.err(
                    0,
                    &format!("stages.labels.{k}"),
                    "not a stage; expected prospect, got-away, client, betweener or former",
                )
            }
        }
    }
    Ok(labels)
}

fn resolve_set(
    ctx: &Ctx,
    s: &Spanned<RawAttributeSet>,
    i: usize,
    maps: &BTreeMap<String, BTreeMap<String, MapValue>>,
) -> Result<AttributeSet, ConfigError> {
    let at = s.span().start;
    let r = s.get_ref();
    let key = format!("attribute_sets[{i}]");
    let expectation = match &r.expectation {
        Some(e) => Some(compile_regex(ctx, e, at, &format!("{key}.expectation"))?),
        None => None,
    };
    let experience = compile_regex(ctx, &r.experience, at, &format!("{key}.experience"))?;
    let sides = [
        (expectation.as_ref(), "expectation"),
        (Some(&experience), "experience"),
    ];
    for (re, k) in sides.iter().filter_map(|(re, k)| Some(((*re)?, *k))) {
        if re.captures_len() < 2 {
            return ctx.err(
                at,
                &format!("{key}.{k}"),
                "the pattern needs a capture group, e.g. '^(\\d+)-1\\.', to name each attribute",
            );
        }
    }
    Ok(AttributeSet {
        expectation,
        experience,
        scale: resolve_scale(ctx, r.scale, at, &format!("{key}.scale"))?,
        dimension: r.dimension.clone(),
        values: value_map(
            ctx,
            &r.values,
            r.value_map.as_ref(),
            maps,
            at,
            &format!("{key}.value_map"),
        )?,
    })
}

fn resolve_report(
    ctx: &Ctx,
    raw: &RawConfig,
    path: &std::path::Path,
) -> Result<Report, ConfigError> {
    let r = &raw.report;
    if !(r.confidence > 0.5 && r.confidence < 1.0) {
        return ctx.err(
            0,
            "report.confidence",
            "expected a level between 0.5 and 1, e.g. 0.95",
        );
    }
    if r.min_base.is_nan() || r.min_base < 0.0 {
        return ctx.err(
            0,
            "report.min_base",
            "expected a base of 0 or more, e.g. 30",
        );
    }
    if !(400..=8000).contains(&r.chart_width) || !(300..=8000).contains(&r.chart_height) {
        return ctx.err(
            0,
            "report.chart_width",
            "expected a chart size from 400×300 to 8000×8000 pixels",
        );
    }
    Ok(Report {
        confidence: r.confidence,
        min_base: r.min_base,
        chart_width: r.chart_width,
        chart_height: r.chart_height,
        title: r.title.clone(),
        study: r
            .study
            .clone()
            .or_else(|| r.title.clone())
            .unwrap_or_default(),
        ipa_midpoint: r.ipa_crosshair == super::raw::IpaCrosshair::Midpoint,
        ipa_derived: r.ipa_importance == super::raw::IpaImportance::Derived,
        // Resolved against the config file's folder, as the lookups are.
        deck_template: r.deck_template.as_ref().map(|t| {
            (
                path.parent().unwrap_or(std::path::Path::new("")).join(t),
                t.clone(),
            )
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use std::path::Path;

    const BASE: &str = r#"
[fields.relationship]
headers = ["Relationship"]
values = { "Current client" = "client" }

[fields.recommend]
headers = ["How likely"]
kind = "number"
scale = [0, 10]

[[stages.rules]]
stage = "client"
when = { field = "relationship", equals = "client" }
"#;

    #[test]
    fn parses_a_small_config() {
        let c = Config::parse(BASE, Path::new("j.toml")).unwrap();
        assert_eq!(c.stage_rules.len(), 1);
        assert_eq!(c.roles.recommend, c.field_id("recommend"));
        assert!(c.roles.recommend.is_some());
        assert_eq!(c.report.confidence, 0.95);
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let text = format!("{BASE}\n[report]\nconfidnce = 0.9\n");
        let e = Config::parse(&text, Path::new("j.toml")).unwrap_err();
        assert_eq!(e.line, Some(16), "{e}");
        assert!(e.to_string().contains("confidnce"), "{e}");
        assert!(e.to_string().starts_with("j.toml, line 16"), "{e}");
    }

    #[test]
    fn bad_value_names_line_and_key() {
        let text = format!("{BASE}\n[report]\nconfidence = \"high\"\n");
        let e = Config::parse(&text, Path::new("j.toml")).unwrap_err();
        assert_eq!(e.line, Some(16), "{e}");
        assert!(e.to_string().contains("confidence"), "{e}");
    }

    #[test]
    fn unknown_stage_and_field_are_errors() {
        let text = BASE.replace("stage = \"client\"", "stage = \"customer\"");
        let e = Config::parse(&text, Path::new("j.toml")).unwrap_err();
        assert!(e.to_string().contains("'customer' is not a stage"), "{e}");
        assert_eq!(e.line, Some(11));
        let text = BASE.replace("field = \"relationship\"", "field = \"relation\"");
        let e = Config::parse(&text, Path::new("j.toml")).unwrap_err();
        assert!(e.to_string().contains("no field named 'relation'"), "{e}");
    }

    #[test]
    fn condition_needs_exactly_one_operator() {
        let text = BASE.replace(
            "equals = \"client\"",
            "equals = \"client\", contains = \"x\"",
        );
        let e = Config::parse(&text, Path::new("j.toml")).unwrap_err();
        assert!(e.to_string().contains("exactly one of"), "{e}");
    }
}

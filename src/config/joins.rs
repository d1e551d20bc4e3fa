//! `[weighting]` (raking targets) and `[[lookups]]` (tables joined by a key), resolved.

use super::ctx::Ctx;
use super::raw::RawConfig;
use super::{fold, line_of, ConfigError, Field, Lookup, RakeField, Weighting};

/// Targets of a field must sum to 1 within this.
pub const TARGET_SUM_TOLERANCE: f64 = 1e-6;

pub(super) fn resolve_weighting(
    ctx: &Ctx,
    raw: &RawConfig,
    fields: &[Field],
) -> Result<Option<Weighting>, ConfigError> {
    let Some(w) = &raw.weighting else {
        return Ok(None);
    };
    let at = w.span().start;
    let r = w.get_ref();
    if r.rake.is_empty() {
        return ctx.err(at, "weighting.rake", "name at least one field to rake on");
    }
    if raw.fields.contains_key("weight") {
        return ctx.err(
            at,
            "weighting",
            "respondents are weighted either by the field `weight` or by raking, not both; remove one",
        );
    }
    if let Some(cap) = r.cap.filter(|c| !(c.is_finite() && *c > 1.0)) {
        return ctx.err(
            at,
            "weighting.cap",
            format!("{cap} is not a usable cap; expected a number above 1 (trim weights above cap × the mean)"),
        );
    }
    if let Some(name) = r.targets.keys().find(|k| !r.rake.contains(k)) {
        return ctx.err(
            r.targets[name].span().start,
            &format!("weighting.targets.{name}"),
            format!("'{name}' is not in weighting.rake ({})", r.rake.join(", ")),
        );
    }
    let mut rake = Vec::new();
    for (i, name) in r.rake.iter().enumerate() {
        let key = format!("weighting.rake[{i}]");
        let field = ctx.field(name, at, &key)?;
        if rake.iter().any(|f: &RakeField| f.field == field) {
            return ctx.err(at, &key, format!("'{name}' is named twice"));
        }
        if fields[field].kind == super::FieldKind::Multi {
            return ctx.err(
                at,
                &key,
                format!("'{name}' is a multi-select field; raking needs one value per respondent"),
            );
        }
        let key = format!("weighting.targets.{name}");
        let Some(t) = r.targets.get(name) else {
            return ctx.err(
                at,
                &key,
                format!("no targets for '{name}'; add [weighting.targets.{name}] with each value's share (\"(blank)\" for none)"),
            );
        };
        let tat = t.span().start;
        let targets = resolve_targets(ctx, &key, t)?;
        rake.push(RakeField {
            field,
            targets,
            line: line_of(ctx.text, tat),
        });
    }
    Ok(Some(Weighting { rake, cap: r.cap }))
}

/// One rake field's targets: each value's share, from 0 to 1, no value twice, summing to 1.
fn resolve_targets(
    ctx: &Ctx,
    key: &str,
    t: &toml::Spanned<std::collections::BTreeMap<String, f64>>,
) -> Result<Vec<(String, String, f64)>, ConfigError> {
    let tat = t.span().start;
    let mut targets = Vec::new();
    for (value, &share) in t.get_ref() {
        if !(0.0..=1.0).contains(&share) {
            return ctx.err(
                tat,
                &format!("{key}.\"{value}\""),
                format!("{share} is not a share; expected a number from 0 to 1"),
            );
        }
        let folded = fold(value);
        if targets.iter().any(|(_, f, _)| *f == folded) {
            return ctx.err(tat, key, format!("'{value}' is given twice"));
        }
        targets.push((value.clone(), folded, share));
    }
    let sum: f64 = targets.iter().map(|t| t.2).sum();
    if (sum - 1.0).abs() > TARGET_SUM_TOLERANCE {
        return ctx.err(
            tat,
            key,
            format!("the targets sum to {sum}; expected 1 (±{TARGET_SUM_TOLERANCE:e})"),
        );
    }
    Ok(targets)
}

pub(super) fn resolve_lookups(
    ctx: &Ctx,
    raw: &RawConfig,
    config_path: &std::path::Path,
) -> Result<Vec<Lookup>, ConfigError> {
    let base = config_path.parent().unwrap_or(std::path::Path::new(""));
    let mut out = Vec::new();
    for (i, l) in raw.lookups.iter().enumerate() {
        let at = l.span().start;
        let r = l.get_ref();
        let key = ctx.field(&r.key, at, &format!("lookups[{i}].key"))?;
        if r.column.trim().is_empty() {
            return ctx.err(
                at,
                &format!("lookups[{i}].column"),
                "name the lookup's key column",
            );
        }
        out.push(Lookup {
            file: base.join(&r.file),
            file_shown: r.file.clone(),
            sheet: r.sheet.clone(),
            key,
            column: r.column.clone(),
            line: line_of(ctx.text, at),
        });
    }
    Ok(out)
}

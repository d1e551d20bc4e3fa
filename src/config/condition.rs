//! Compiling stage and exclusion conditions: exactly one operator each, fields checked.

use super::ctx::Ctx;
use super::raw::{MapValue, RawCondition};
use super::{fold, CmpOp, Cond, ConfigError, FieldId, Target};

fn target(v: &MapValue) -> Target {
    match v {
        MapValue::Number(x) => Target {
            text: crate::ingest::cell::format_number(*x),
            number: Some(*x),
        },
        MapValue::Text(t) => Target {
            text: fold(t),
            number: crate::ingest::cell::parse_number(t, false),
        },
    }
}

/// Compile one condition: exactly one operator.
pub(super) fn compile(
    ctx: &Ctx,
    c: &RawCondition,
    at: usize,
    key: &str,
) -> Result<Cond, ConfigError> {
    let mut ops = field_ops(ctx, c, at, key)?;
    ops.extend(combining_ops(ctx, c, at, key)?);
    if ops.len() != 1 {
        return ctx.err(
            at,
            key,
            format!(
                "expected exactly one of equals, one_of, contains, gt, ge, lt, le, empty, not_empty, \
                 older_than_months, within_months, source, all, any, not, always = true; found {}",
                ops.len()
            ),
        );
    }
    if matches!(ops[0], Cond::Months { .. }) && !ctx.names.iter().any(|n| n == "date") {
        return ctx.err(
            at,
            key,
            "a months condition compares with the response date: define [fields.date]",
        );
    }
    Ok(ops.remove(0))
}

/// The conditions on one field's value that `c` states (each needs `field`).
fn field_ops(ctx: &Ctx, c: &RawCondition, at: usize, key: &str) -> Result<Vec<Cond>, ConfigError> {
    let field = |op: &str| -> Result<FieldId, ConfigError> {
        match &c.field {
            Some(f) => ctx.field(f, at, &format!("{key}.field")),
            None => ctx.err(
                at,
                key,
                format!("`{op}` needs `field = \"…\"` to say what it tests"),
            ),
        }
    };
    let mut ops: Vec<Cond> = Vec::new();
    if let Some(v) = &c.equals {
        ops.push(Cond::OneOf {
            field: field("equals")?,
            targets: vec![target(v)],
        });
    }
    if let Some(vs) = &c.one_of {
        ops.push(Cond::OneOf {
            field: field("one_of")?,
            targets: vs.iter().map(target).collect(),
        });
    }
    if let Some(n) = &c.contains {
        ops.push(Cond::Contains {
            field: field("contains")?,
            needle: fold(n),
        });
    }
    for (v, op, name) in [
        (c.gt, CmpOp::Gt, "gt"),
        (c.ge, CmpOp::Ge, "ge"),
        (c.lt, CmpOp::Lt, "lt"),
        (c.le, CmpOp::Le, "le"),
    ] {
        if let Some(value) = v {
            ops.push(Cond::Cmp {
                field: field(name)?,
                op,
                value,
            });
        }
    }
    for (e, name, empty) in [(c.empty, "empty", true), (c.not_empty, "not_empty", false)] {
        if let Some(e) = e {
            ops.push(Cond::IsEmpty {
                field: field(name)?,
                empty: if empty { e } else { !e },
            });
        }
    }
    for (m, name, older) in [
        (c.older_than_months, "older_than_months", true),
        (c.within_months, "within_months", false),
    ] {
        if let Some(months) = m {
            ops.push(Cond::Months {
                field: field(name)?,
                months,
                older,
            });
        }
    }
    Ok(ops)
}

/// The conditions of `c` that combine others or stand alone: all, any, not, always, source.
fn combining_ops(
    ctx: &Ctx,
    c: &RawCondition,
    at: usize,
    key: &str,
) -> Result<Vec<Cond>, ConfigError> {
    let mut ops: Vec<Cond> = Vec::new();
    if let Some(cs) = &c.all {
        ops.push(Cond::All(compile_list(ctx, cs, at, &format!("{key}.all"))?));
    }
    if let Some(cs) = &c.any {
        ops.push(Cond::Any(compile_list(ctx, cs, at, &format!("{key}.any"))?));
    }
    if let Some(inner) = &c.not {
        ops.push(Cond::Not(Box::new(compile(
            ctx,
            inner,
            at,
            &format!("{key}.not"),
        )?)));
    }
    if c.always == Some(true) {
        ops.push(Cond::Always);
    }
    if let Some(g) = &c.source {
        match super::glob_regex(g) {
            Ok(re) => ops.push(Cond::Source(super::SourceGlob {
                glob: g.clone(),
                re,
                id: 0,
            })),
            Err(e) => {
                return ctx.err(
                    at,
                    &format!("{key}.source"),
                    format!("'{g}' is not a usable glob ({e})"),
                )
            }
        }
    }
    Ok(ops)
}

fn compile_list(
    ctx: &Ctx,
    cs: &[RawCondition],
    at: usize,
    key: &str,
) -> Result<Vec<Cond>, ConfigError> {
    cs.iter()
        .enumerate()
        .map(|(i, c)| compile(ctx, c, at, &format!("{key}[{i}]")))
        .collect()
}

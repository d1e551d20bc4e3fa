//! Guessed conditions as values of the config's own condition type, serialised as TOML inline
//! tables: a guess is always a condition the config reads back.

use crate::config::raw::RawCondition;
use crate::config::MapValue;

/// `{ field = "f", equals = "v" }`.
pub fn equals(field: &str, value: &str) -> RawCondition {
    RawCondition {
        field: Some(field.into()),
        equals: Some(MapValue::Text(value.into())),
        ..RawCondition::default()
    }
}

/// `{ field = "f", one_of = ["a", "b"] }`.
pub fn one_of(field: &str, values: &[&str]) -> RawCondition {
    RawCondition {
        field: Some(field.into()),
        one_of: Some(
            values
                .iter()
                .map(|v| MapValue::Text(v.to_string()))
                .collect(),
        ),
        ..RawCondition::default()
    }
}

/// `{ field = "f", contains = "text" }`.
pub fn contains(field: &str, text: &str) -> RawCondition {
    RawCondition {
        field: Some(field.into()),
        contains: Some(text.into()),
        ..RawCondition::default()
    }
}

/// `{ field = "f", lt = x }`.
pub fn lt(field: &str, x: f64) -> RawCondition {
    RawCondition {
        field: Some(field.into()),
        lt: Some(x),
        ..RawCondition::default()
    }
}

/// `{ field = "f", older_than_months = n }`.
pub fn older_than_months(field: &str, months: u32) -> RawCondition {
    RawCondition {
        field: Some(field.into()),
        older_than_months: Some(months),
        ..RawCondition::default()
    }
}

/// `{ all = [...] }`.
pub fn all(conds: Vec<RawCondition>) -> RawCondition {
    RawCondition {
        all: Some(conds),
        ..RawCondition::default()
    }
}

/// `{ any = [...] }`.
pub fn any(conds: Vec<RawCondition>) -> RawCondition {
    RawCondition {
        any: Some(conds),
        ..RawCondition::default()
    }
}

/// `{ source = "glob" }`.
pub fn source(glob: &str) -> RawCondition {
    RawCondition {
        source: Some(glob.into()),
        ..RawCondition::default()
    }
}

/// `{ always = true }`.
pub fn always() -> RawCondition {
    RawCondition {
        always: Some(true),
        ..RawCondition::default()
    }
}

/// The condition as a TOML inline table, keys in the order of [`RawCondition`]'s fields.
pub fn to_toml(c: &RawCondition) -> String {
    use serde::Serialize;
    let mut out = String::new();
    // Serialising plain strings, numbers and nested tables into a String cannot fail.
    let _ = c.serialize(toml::ser::ValueSerializer::new(&mut out));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_read_as_a_person_writes_them() {
        assert_eq!(
            to_toml(&equals("relationship", "client")),
            r#"{ field = "relationship", equals = "client" }"#
        );
        assert_eq!(
            to_toml(&lt("duration", 70.0)),
            r#"{ field = "duration", lt = 70 }"#
        );
        assert_eq!(
            to_toml(&lt("duration", 2.5)),
            r#"{ field = "duration", lt = 2.5 }"#
        );
        assert_eq!(
            to_toml(&one_of("outcome", &["not-now", "open"])),
            r#"{ field = "outcome", one_of = ["not-now", "open"] }"#
        );
        let nested = all(vec![
            equals("relationship", "past"),
            any(vec![older_than_months("last_project", 24)]),
        ]);
        assert_eq!(
            to_toml(&nested),
            r#"{ all = [{ field = "relationship", equals = "past" }, { any = [{ field = "last_project", older_than_months = 24 }] }] }"#
        );
        assert_eq!(to_toml(&always()), "{ always = true }");
        assert_eq!(
            to_toml(&contains("email", "say \"hi\"@x")),
            r#"{ field = "email", contains = 'say "hi"@x' }"#
        );
    }

    /// Every guessed condition is one the config reads back as the same value.
    #[test]
    fn a_serialised_condition_parses_back() {
        let c = all(vec![
            equals("relationship", "past"),
            any(vec![equals("would_return", "No"), lt("duration", 12.25)]),
        ]);
        let text = format!("when = {}", to_toml(&c));
        #[derive(serde::Deserialize)]
        struct W {
            when: RawCondition,
        }
        let back: W = toml::from_str(&text).expect("parses");
        assert_eq!(back.when, c);
    }
}

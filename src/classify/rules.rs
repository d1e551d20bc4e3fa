//! Evaluating compiled conditions against one row's values.

use chrono::{Months, NaiveDateTime};

use super::values::Val;
use crate::config::{fold, CmpOp, Cond, Target};
use crate::ingest::cell::{format_number, parse_number};

/// One row's field values and its response date.
pub struct RowView<'a> {
    pub vals: &'a [&'a Val],
    /// Per field, its value's [`folded_texts`] when already made (the classifier makes them
    /// once per distinct answer); made here for a field not given.
    pub texts: &'a [Option<&'a [String]>],
    pub response_date: Option<NaiveDateTime>,
    /// Whether the row's table matches each of the config's source conditions, by id.
    pub sources: &'a [bool],
}

/// Folded texts a value can be compared as: the answer, and its code.
pub fn folded_texts(v: &Val) -> Vec<String> {
    match v {
        Val::Missing => vec![],
        Val::Num(x) => vec![format_number(*x)],
        Val::Text { raw, code } => {
            let mut v = vec![fold(raw)];
            v.extend(code.as_deref().map(fold));
            v
        }
        Val::Date(d) => vec![d.format("%Y-%m-%d").to_string()],
        Val::Multi(opts) => opts.iter().map(|o| fold(o)).collect(),
    }
}

impl RowView<'_> {
    /// Whether the condition holds. A missing value matches only `empty`.
    pub fn eval(&self, c: &Cond) -> bool {
        match c {
            Cond::Always => true,
            Cond::OneOf { field, targets } => {
                self.texts(*field)
                    .iter()
                    .any(|t| targets.iter().any(|g| hit(t, g)))
                    || self.vals[*field]
                        .as_num()
                        .is_some_and(|x| targets.iter().any(|g| g.number == Some(x)))
            }
            Cond::Contains { field, needle } => self
                .texts(*field)
                .iter()
                .any(|t| t.contains(needle.as_str())),
            Cond::Cmp { field, op, value } => self.number(*field).is_some_and(|x| match op {
                CmpOp::Gt => x > *value,
                CmpOp::Ge => x >= *value,
                CmpOp::Lt => x < *value,
                CmpOp::Le => x <= *value,
            }),
            Cond::IsEmpty { field, empty } => self.vals[*field].is_missing() == *empty,
            Cond::Months {
                field,
                months,
                older,
            } => match (&self.vals[*field], self.response_date) {
                (Val::Date(d), Some(resp)) => match resp.checked_sub_months(Months::new(*months)) {
                    Some(cut) => (*d < cut) == *older,
                    None => false,
                },
                _ => false,
            },
            Cond::Source(g) => self.sources.get(g.id).copied().unwrap_or(false),
            Cond::All(cs) => cs.iter().all(|c| self.eval(c)),
            Cond::Any(cs) => cs.iter().any(|c| self.eval(c)),
            Cond::Not(c) => !self.eval(c),
        }
    }

    /// The field's [`folded_texts`].
    fn texts(&self, field: usize) -> std::borrow::Cow<'_, [String]> {
        match self.texts.get(field).copied().flatten() {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(folded_texts(self.vals[field])),
        }
    }

    fn number(&self, field: usize) -> Option<f64> {
        match &self.vals[field] {
            Val::Num(x) => Some(*x),
            Val::Text { raw, code } => code
                .as_deref()
                .and_then(|c| parse_number(c, false))
                .or_else(|| parse_number(raw, false)),
            _ => None,
        }
    }
}

fn hit(text: &str, target: &Target) -> bool {
    text == target.text || (target.number.is_some() && parse_number(text, false) == target.number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Target;

    fn t(s: &str) -> Target {
        Target {
            text: fold(s),
            number: parse_number(s, false),
        }
    }

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{s} 00:00"), "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn conditions_on_text_codes_numbers_dates_and_missing() {
        let vals = [
            Val::Text {
                raw: "We have worked with  Northwind".into(),
                code: Some("past".into()),
            },
            Val::Num(45.0),
            Val::Date(dt("2023-01-15")),
            Val::Missing,
            Val::Multi(vec!["Audit".into(), "Tax advice".into()]),
        ];
        let vals: Vec<&Val> = vals.iter().collect();
        let v = RowView {
            vals: &vals,
            texts: &[],
            response_date: Some(dt("2026-02-01")),
            sources: &[],
        };
        let one_of = |f, s: &[&str]| Cond::OneOf {
            field: f,
            targets: s.iter().map(|x| t(x)).collect(),
        };
        assert!(
            v.eval(&one_of(0, &["PAST"])),
            "matches the mapped code, case-insensitively"
        );
        assert!(
            v.eval(&one_of(0, &["we have worked with northwind"])),
            "matches the answer, whitespace folded"
        );
        assert!(!v.eval(&one_of(0, &["client"])));
        assert!(v.eval(&one_of(1, &["45"])));
        assert!(v.eval(&Cond::Cmp {
            field: 1,
            op: CmpOp::Lt,
            value: 60.0
        }));
        assert!(
            !v.eval(&Cond::Cmp {
                field: 3,
                op: CmpOp::Lt,
                value: 60.0
            }),
            "missing is not less than anything"
        );
        assert!(v.eval(&Cond::Contains {
            field: 0,
            needle: "northwind".into()
        }));
        assert!(v.eval(&Cond::Contains {
            field: 4,
            needle: "tax".into()
        }));
        assert!(v.eval(&Cond::IsEmpty {
            field: 3,
            empty: true
        }));
        assert!(v.eval(&Cond::IsEmpty {
            field: 2,
            empty: false
        }));
        assert!(v.eval(&Cond::Months {
            field: 2,
            months: 36,
            older: true
        }));
        assert!(!v.eval(&Cond::Months {
            field: 2,
            months: 37,
            older: true
        }));
        assert!(v.eval(&Cond::Months {
            field: 2,
            months: 37,
            older: false
        }));
        assert!(
            !v.eval(&Cond::Months {
                field: 3,
                months: 1,
                older: true
            }),
            "no date, no match"
        );
        let any = Cond::Any(vec![
            one_of(0, &["client"]),
            Cond::Not(Box::new(one_of(1, &["44"]))),
        ]);
        assert!(v.eval(&any));
        assert!(!v.eval(&Cond::All(vec![
            any,
            Cond::IsEmpty {
                field: 1,
                empty: true
            }
        ])));
        assert!(v.eval(&Cond::Always));
    }
}

//! Reading a cell as a field's value, counting every cell that cannot be read.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::config::{fold, Field, FieldKind, MapValue};
use crate::ingest::cell::{excel_serial_to_datetime, format_number, parse_date_text, parse_number};
use crate::ingest::dates::{parse_ordered, DateOrder};
use crate::ingest::format::{parse_local, ColumnFormat};
use crate::ingest::Cell;

/// A field's value in one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Missing,
    Num(f64),
    /// Text as answered, and its code from the value map when there is one.
    Text {
        raw: Arc<str>,
        code: Option<Arc<str>>,
    },
    Date(NaiveDateTime),
    /// The options chosen in a multi-select answer.
    Multi(Vec<Arc<str>>),
}

impl Val {
    pub fn is_missing(&self) -> bool {
        match self {
            Val::Missing => true,
            Val::Multi(v) => v.is_empty(),
            _ => false,
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match self {
            Val::Num(x) => Some(*x),
            _ => None,
        }
    }

    /// [`Val::as_text`], borrowed where the value holds the text.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Val::Text { raw, code } => {
                Some(std::borrow::Cow::Borrowed(code.as_deref().unwrap_or(raw)))
            }
            other => other.as_text().map(std::borrow::Cow::Owned),
        }
    }

    /// The value as text for ids, segments and messages (the code when mapped).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Val::Missing => None,
            Val::Num(x) => Some(format_number(*x)),
            Val::Text { raw, code } => Some(code.as_deref().unwrap_or(raw).to_string()),
            Val::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
            Val::Multi(v) => (!v.is_empty()).then(|| v.join("; ")),
        }
    }
}

/// Each distinct value once; rows hold `u32` ids into it (id 0 is always [`Val::Missing`]).
/// Values repeat across respondents (ratings, options, codes, canned phrases), so a row of ids
/// takes a few bytes per field instead of a `Val` and its texts.
#[derive(Debug, Clone)]
pub struct ValPool {
    vals: Vec<Val>,
    /// Hash of a value → the latest id with that hash; `next` chains to the earlier ones.
    index: HashMap<u64, u32>,
    /// Per id: the previous id with the same hash (0: none).
    next: Vec<u32>,
}

impl Default for ValPool {
    fn default() -> Self {
        ValPool {
            vals: vec![Val::Missing],
            index: HashMap::new(),
            next: vec![0],
        }
    }
}

impl ValPool {
    /// The id of `v`, adding it when new.
    pub fn id(&mut self, v: &Val) -> u32 {
        if matches!(v, Val::Missing) {
            return 0;
        }
        let h = val_hash(v);
        let head = self.index.get(&h).copied().unwrap_or(0);
        let mut at = head;
        while at != 0 {
            if same(&self.vals[at as usize], v) {
                return at;
            }
            at = self.next[at as usize];
        }
        let i = u32::try_from(self.vals.len()).unwrap_or(u32::MAX);
        self.index.insert(h, i);
        self.next.push(head);
        self.vals.push(v.clone());
        i
    }

    /// Add every value of `other`; per id of `other`, its id here.
    pub fn absorb(&mut self, other: &ValPool) -> Vec<u32> {
        other.vals.iter().map(|v| self.id(v)).collect()
    }

    /// The value of an id (`Missing` for an id it never gave).
    pub fn get(&self, id: u32) -> &Val {
        static MISSING: Val = Val::Missing;
        self.vals.get(id as usize).unwrap_or(&MISSING)
    }

    /// The values in id order.
    pub fn values(&self) -> &[Val] {
        &self.vals
    }

    /// Drop the lookup index once no more values will be added.
    pub fn seal(&mut self) {
        self.index = HashMap::new();
        self.next = Vec::new();
        self.vals.shrink_to_fit();
    }
}

/// Same value, bit for bit (so `-0.0` and `0.0` stay apart and print as they came).
fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Num(x), Val::Num(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

fn val_hash(v: &Val) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match v {
        Val::Missing => 0u8.hash(&mut h),
        Val::Num(x) => {
            1u8.hash(&mut h);
            x.to_bits().hash(&mut h);
        }
        Val::Text { raw, code } => {
            2u8.hash(&mut h);
            raw.hash(&mut h);
            code.hash(&mut h);
        }
        Val::Date(d) => {
            3u8.hash(&mut h);
            d.hash(&mut h);
        }
        Val::Multi(o) => {
            4u8.hash(&mut h);
            o.hash(&mut h);
        }
    }
    h.finish()
}

/// What was wrong with a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    FormulaError,
    NotANumber,
    OutOfScale,
    NotADate,
    UnknownAnswer,
    /// A multi-select cell that is no list of options: more than [`MAX_OPTIONS`] parts, or a
    /// part longer than [`MAX_OPTION_CHARS`] (a pasted document, not a choice).
    NotAList,
}

/// The most options one multi-select answer can hold.
pub const MAX_OPTIONS: usize = 200;
/// The longest option of a multi-select answer, in characters.
pub const MAX_OPTION_CHARS: usize = 200;

impl Problem {
    pub fn name(self) -> &'static str {
        match self {
            Problem::FormulaError => "formula error",
            Problem::NotANumber => "not a number",
            Problem::OutOfScale => "out of scale",
            Problem::NotADate => "not a date",
            Problem::UnknownAnswer => "unknown answer",
            Problem::NotAList => "not a list of options",
        }
    }
}

/// Count and first examples of one kind of problem in one column for one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProblemTally {
    pub count: u64,
    pub examples: Vec<String>,
}

/// Key: (column index, field name, problem).
pub type Problems = BTreeMap<(usize, String, Problem), ProblemTally>;

/// How many distinct examples are kept per problem.
const EXAMPLES: usize = 3;

/// Record one bad cell.
pub fn note(problems: &mut Problems, col: usize, field: &str, problem: Problem, example: &str) {
    let t = problems
        .entry((col, field.to_string(), problem))
        .or_default();
    t.count += 1;
    let ex: String = example.chars().take(60).collect();
    if t.examples.len() < EXAMPLES && !t.examples.contains(&ex) {
        t.examples.push(ex);
    }
}

/// How one field reads its cells: the field's kind, map and scale (attribute sets bring their
/// own), and for a date field the order its column's text dates are read in.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    pub name: &'a str,
    pub kind: FieldKind,
    pub values: &'a BTreeMap<String, MapValue>,
    pub scale: Option<(f64, f64)>,
    pub separator: Option<&'a str>,
    /// The column's date order (see [`crate::ingest::dates`]); `None` reads any common format.
    pub date_order: Option<DateOrder>,
}

impl<'a> Reader<'a> {
    pub fn of(f: &'a Field) -> Self {
        Reader {
            name: &f.name,
            kind: f.kind,
            values: &f.values,
            scale: f.scale,
            separator: f.separator.as_deref(),
            date_order: f.date_order,
        }
    }

    /// Whether the field reads numbers or lists, and so needs its column's [`ColumnFormat`].
    pub fn needs_format(&self) -> bool {
        matches!(self.kind, FieldKind::Number | FieldKind::Multi)
    }

    /// Read one cell in its column's format; bad cells become `Missing` and are counted in
    /// `problems`.
    pub fn read(&self, cell: &Cell, col: usize, fmt: ColumnFormat, problems: &mut Problems) -> Val {
        match cell {
            Cell::Empty => return Val::Missing,
            Cell::Text(t) if crate::ingest::cell::trim(t).is_empty() => return Val::Missing,
            Cell::Error(e) => {
                note(problems, col, self.name, Problem::FormulaError, e);
                return Val::Missing;
            }
            _ => {}
        }
        match self.kind {
            FieldKind::Number => self.number(cell, col, fmt.decimal_comma, problems),
            FieldKind::Text => {
                let raw = cell.text();
                let code = self.lookup(&raw).map(|v| match v {
                    MapValue::Number(x) => Arc::from(format_number(*x)),
                    MapValue::Text(t) => Arc::from(t.as_str()),
                });
                Val::Text {
                    raw: Arc::from(raw.as_ref()),
                    code,
                }
            }
            FieldKind::Date => self.date(cell, col, problems),
            FieldKind::Multi => {
                let raw = cell.as_text();
                let sep = self.separator.unwrap_or(fmt.separator);
                let parts: Vec<&str> = raw
                    .split(sep)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .take(MAX_OPTIONS + 1)
                    .collect();
                // Counted and read as missing: thousands of "options" would be thousands of
                // categories in every table and chart.
                if parts.len() > MAX_OPTIONS
                    || parts.iter().any(|p| {
                        p.len() > MAX_OPTION_CHARS * 4 || p.chars().count() > MAX_OPTION_CHARS
                    })
                {
                    note(problems, col, self.name, Problem::NotAList, &raw);
                    return Val::Missing;
                }
                let parts = parts
                    .into_iter()
                    .map(|s| match self.lookup(s) {
                        Some(MapValue::Text(t)) => Arc::from(t.as_str()),
                        Some(MapValue::Number(x)) => Arc::from(format_number(*x)),
                        None => Arc::from(s),
                    })
                    .collect();
                Val::Multi(parts)
            }
        }
    }

    /// The value map's entry for an answer (folded), if the field has a map.
    fn lookup(&self, answer: &str) -> Option<&MapValue> {
        if self.values.is_empty() {
            return None;
        }
        self.values.get(&fold(answer))
    }

    fn number(&self, cell: &Cell, col: usize, decimal_comma: bool, problems: &mut Problems) -> Val {
        // A number cell of a field without a map needs no text at all.
        if let (Cell::Number(x), true) = (cell, self.values.is_empty()) {
            return self.in_scale(*x, col, problems, || cell.as_text());
        }
        let text = cell.as_text();
        let x = match (cell, self.lookup(&text)) {
            (_, Some(MapValue::Number(x))) => Some(*x),
            (_, Some(MapValue::Text(t))) => parse_number(t, false),
            (Cell::Number(x), None) => Some(*x),
            (Cell::Bool(b), None) => Some(if *b { 1.0 } else { 0.0 }),
            (_, None) => parse_local(&text, decimal_comma).or_else(|| leading_number(&text)),
        };
        let Some(x) = x else {
            let p = if self.values.is_empty() {
                Problem::NotANumber
            } else {
                Problem::UnknownAnswer
            };
            note(problems, col, self.name, p, &text);
            return Val::Missing;
        };
        self.in_scale(x, col, problems, || text.clone())
    }

    /// `x` unless it is outside the field's scale (then counted, with the cell's text).
    fn in_scale(
        &self,
        x: f64,
        col: usize,
        problems: &mut Problems,
        text: impl Fn() -> String,
    ) -> Val {
        match self.scale {
            Some((lo, hi)) if x < lo || x > hi => {
                note(problems, col, self.name, Problem::OutOfScale, &text());
                Val::Missing
            }
            _ => Val::Num(x),
        }
    }

    fn date(&self, cell: &Cell, col: usize, problems: &mut Problems) -> Val {
        let d = match cell {
            Cell::Date(d) => Some(*d),
            Cell::Number(x) if (1.0..200_000.0).contains(x) => excel_serial_to_datetime(*x),
            other => match self.date_order {
                Some(order) => parse_ordered(&other.text(), order),
                None => parse_date_text(&other.text()),
            },
        };
        match d {
            Some(d) => Val::Date(d),
            None => {
                note(problems, col, self.name, Problem::NotADate, &cell.as_text());
                Val::Missing
            }
        }
    }
}

/// `5 - Excellent`, `7 (very likely)`: a rating label that starts with its number.
fn leading_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if end == 0 || end == t.len() {
        return None;
    }
    let rest = t[end..].trim_start();
    if rest.starts_with(['-', '(', '=', ':', '–']) || t[end..].starts_with(' ') {
        t[..end].parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pool_gives_one_id_per_distinct_value() {
        let mut p = ValPool::default();
        let text = |raw: &str, code: Option<&str>| Val::Text {
            raw: raw.into(),
            code: code.map(Into::into),
        };
        assert_eq!(p.id(&Val::Missing), 0);
        let a = p.id(&Val::Num(3.0));
        assert_eq!(p.id(&Val::Num(3.0)), a);
        // Bit for bit: -0.0 stays apart from 0.0, so it prints as it came.
        assert_ne!(p.id(&Val::Num(0.0)), p.id(&Val::Num(-0.0)));
        let t = p.id(&text("Yes", Some("yes")));
        assert_ne!(p.id(&text("Yes", None)), t);
        assert_eq!(p.id(&text("Yes", Some("yes"))), t);
        let m = p.id(&Val::Multi(vec!["a".into(), "b".into()]));
        assert_ne!(p.id(&Val::Multi(vec!["b".into(), "a".into()])), m);
        assert_eq!(p.get(t), &text("Yes", Some("yes")));
        assert_eq!(p.get(9999), &Val::Missing);
        p.seal();
        assert_eq!(p.get(a), &Val::Num(3.0));
    }

    use super::*;

    fn reader<'a>(values: &'a BTreeMap<String, MapValue>, scale: Option<(f64, f64)>) -> Reader<'a> {
        Reader {
            name: "r",
            kind: FieldKind::Number,
            values,
            scale,
            separator: None,
            date_order: None,
        }
    }

    #[test]
    fn ratings_from_numbers_labels_and_text() {
        let mut map = BTreeMap::new();
        map.insert("strongly agree".to_string(), MapValue::Number(5.0));
        let r = reader(&map, Some((1.0, 5.0)));
        let mut p = Problems::new();
        assert_eq!(
            r.read(
                &Cell::Text("Strongly  Agree".into()),
                0,
                ColumnFormat::plain(false),
                &mut p
            ),
            Val::Num(5.0)
        );
        assert_eq!(
            r.read(
                &Cell::Text("4,0".into()),
                0,
                ColumnFormat::plain(true),
                &mut p
            ),
            Val::Num(4.0)
        );
        assert_eq!(
            r.read(&Cell::Number(3.0), 0, ColumnFormat::plain(false), &mut p),
            Val::Num(3.0)
        );
        assert_eq!(
            r.read(
                &Cell::Text("2 - Poor".into()),
                0,
                ColumnFormat::plain(false),
                &mut p
            ),
            Val::Num(2.0)
        );
        assert_eq!(
            r.read(&Cell::Number(9.0), 1, ColumnFormat::plain(false), &mut p),
            Val::Missing
        );
        assert_eq!(
            r.read(
                &Cell::Text("Agreee".into()),
                1,
                ColumnFormat::plain(false),
                &mut p
            ),
            Val::Missing
        );
        assert_eq!(
            r.read(
                &Cell::Error("#N/A".into()),
                1,
                ColumnFormat::plain(false),
                &mut p
            ),
            Val::Missing
        );
        assert_eq!(p.len(), 3);
        let oos = &p[&(1, "r".to_string(), Problem::OutOfScale)];
        assert_eq!(
            (oos.count, oos.examples.clone()),
            (1, vec!["9".to_string()])
        );
    }
}

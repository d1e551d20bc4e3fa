//! Which columns of a table hold which field, and which attributes the config's patterns find.

use std::collections::BTreeSet;

use crate::config::{fold, Config, Field, FieldKind};
use crate::ingest::{Column, Table};

/// Where one attribute's two ratings come from.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrSource {
    /// Named in `[[attributes]]`: two fields, or the experience field alone.
    Fields {
        expectation: Option<usize>,
        experience: usize,
    },
    /// Found by an `[[attribute_sets]]` pattern.
    Set { set: usize },
}

/// One rated attribute of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub dimension: Option<String>,
    pub source: AttrSource,
}

/// Column indices of every field, attribute and platform flag in one table.
#[derive(Debug, Clone, Default)]
pub struct TableMap {
    /// Per field: the matching columns (one for a single field, several for a multi-select).
    pub fields: Vec<Vec<usize>>,
    /// Per attribute: expectation and experience columns.
    pub attributes: Vec<(Option<usize>, Option<usize>)>,
    /// The platform's columns that flag previews, unfinished and disqualified responses.
    pub flags: Vec<crate::ingest::layout::RowFlag>,
}

/// Each name [`fold`]ed, made once per column for every field to compare.
fn folded(names: &[String]) -> Vec<String> {
    names.iter().map(|n| fold(n)).collect()
}

/// Whether a column's names (and the same [`folded`]) match a field.
fn matches_folded(field: &Field, names: &[String], folded: &[String]) -> bool {
    folded.iter().any(|f| field.headers.contains(f))
        || names
            .iter()
            .any(|n| field.patterns.iter().any(|p| p.is_match(n)))
}

/// Whether any field's headers or patterns match a column.
pub fn any_field_matches(cfg: &Config, c: &Column) -> bool {
    let folded = folded(&c.names);
    cfg.fields
        .iter()
        .any(|f| matches_folded(f, &c.names, &folded))
}

/// Which columns of a table (given its layout and columns) [`map_table`] can use under any
/// attribute list: every column a field matches, every column an attribute set's patterns
/// capture a name from, and the platform's flag columns (Qualtrics' `Status` and `Finished`,
/// Alchemer's `Status`, Typeform's submit date…). A reader may leave the other columns' cells
/// unread (`run` does, to spare the time).
pub fn wanted_columns(
    cfg: &Config,
    layout: crate::ingest::Layout,
    columns: &[Column],
) -> Vec<bool> {
    let flags = crate::ingest::layout::row_flags(layout, columns);
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let folded = folded(&c.names);
            cfg.fields
                .iter()
                .any(|f| matches_folded(f, &c.names, &folded))
                || cfg.attribute_sets.iter().any(|s| {
                    s.expectation
                        .iter()
                        .chain([&s.experience])
                        .any(|re| capture(re, &c.names).is_some())
                })
                || flags.iter().any(|f| f.col == i)
        })
        .collect()
}

/// The attribute name a pattern captures from a column, if any.
fn capture(re: &regex::Regex, names: &[String]) -> Option<String> {
    names.iter().find_map(|n| {
        re.captures(n)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string())
    })
}

/// Every attribute: the named ones in config order, then those the patterns find in any table,
/// in natural order (`2` before `10`).
pub fn attributes(cfg: &Config, tables: &[&Table]) -> Vec<Attribute> {
    attributes_from(cfg, &set_names(cfg, tables))
}

/// Per attribute set, the attribute names its patterns capture from the tables' headers.
pub fn set_names(cfg: &Config, tables: &[&Table]) -> Vec<BTreeSet<String>> {
    cfg.attribute_sets
        .iter()
        .map(|set| {
            let mut found = BTreeSet::new();
            for t in tables {
                for c in &t.columns {
                    for re in set.expectation.iter().chain([&set.experience]) {
                        found.extend(capture(re, &c.names));
                    }
                }
            }
            found
        })
        .collect()
}

/// Every attribute from the names each set found (see [`set_names`]).
pub fn attributes_from(cfg: &Config, found: &[BTreeSet<String>]) -> Vec<Attribute> {
    let mut out: Vec<Attribute> = cfg
        .attributes
        .iter()
        .map(|a| Attribute {
            name: a.name.clone(),
            dimension: a.dimension.clone(),
            source: AttrSource::Fields {
                expectation: a.expectation,
                experience: a.experience,
            },
        })
        .collect();
    for ((si, set), found) in cfg.attribute_sets.iter().enumerate().zip(found) {
        let mut names: Vec<String> = found.iter().cloned().collect();
        names.sort_by_key(|a| natural_key(a));
        for name in names {
            if out.iter().any(|a| a.name == name) {
                continue;
            }
            out.push(Attribute {
                name,
                dimension: set.dimension.clone(),
                source: AttrSource::Set { set: si },
            });
        }
    }
    out
}

/// Sort key that orders embedded numbers by value.
fn natural_key(s: &str) -> (u64, String) {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), s.to_string())
}

/// Per column of a table, the attribute name one pattern captures from its header, if any.
type Captured = Vec<Option<String>>;

/// Per field, every column of the table its headers or patterns match, in table order.
pub fn candidates(cfg: &Config, t: &Table) -> Vec<Vec<usize>> {
    let folded: Vec<Vec<String>> = t.columns.iter().map(|c| folded(&c.names)).collect();
    cfg.fields
        .iter()
        .map(|f| {
            t.columns
                .iter()
                .zip(&folded)
                .enumerate()
                .filter(|(_, (c, folded))| matches_folded(f, &c.names, folded))
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

/// Whether a field reads every column it matches: a multi-select, or an open-text field the
/// codebook reads (a Qualtrics loop's copies, the same "why" asked twice). Any other field
/// reads one column.
pub fn reads_all(cfg: &Config, f: usize) -> bool {
    cfg.fields[f].kind == FieldKind::Multi || cfg.themes.iter().any(|t| t.field == f)
}

/// Of the columns a single-valued field matches, the one it reads: the column of its earliest
/// header (in the order the config lists them), then of its earliest pattern; on a tie the
/// first in the table.
fn chosen(f: &Field, t: &Table, cols: &[usize]) -> Option<usize> {
    let rank = |c: usize| {
        let names = &t.columns[c].names;
        let folded = folded(names);
        let by_header = f.headers.iter().position(|h| folded.contains(h));
        let by_pattern = f
            .patterns
            .iter()
            .position(|p| names.iter().any(|n| p.is_match(n)));
        match (by_header, by_pattern) {
            (Some(h), _) => h,
            (None, Some(p)) => f.headers.len() + p,
            (None, None) => usize::MAX,
        }
    };
    cols.iter().copied().min_by_key(|&c| (rank(c), c))
}

/// Map one table's columns.
pub fn map_table(cfg: &Config, attrs: &[Attribute], t: &Table) -> TableMap {
    let fields: Vec<Vec<usize>> = candidates(cfg, t)
        .into_iter()
        .enumerate()
        .map(|(fi, cols)| {
            if reads_all(cfg, fi) && cols.iter().any(|&c| t.columns[c].option.is_some()) {
                // A multi-select's option columns are its answer; a column of the same question
                // with the choices joined (KoboToolbox writes both) says it again.
                cols.into_iter()
                    .filter(|&c| t.columns[c].option.is_some())
                    .collect()
            } else if reads_all(cfg, fi) || cols.len() < 2 {
                cols
            } else {
                chosen(&cfg.fields[fi], t, &cols).into_iter().collect()
            }
        })
        .collect();
    // Per attribute set, the name each column's header gives its two patterns, found once
    // for all the set's attributes.
    let captured: Vec<[Captured; 2]> = cfg
        .attribute_sets
        .iter()
        .map(|s| {
            let of = |re: &regex::Regex| -> Captured {
                t.columns.iter().map(|c| capture(re, &c.names)).collect()
            };
            let none = || vec![None; t.columns.len()];
            [
                s.expectation.as_ref().map_or_else(none, of),
                of(&s.experience),
            ]
        })
        .collect();
    let attributes = attrs
        .iter()
        .map(|a| match &a.source {
            AttrSource::Fields {
                expectation,
                experience,
            } => (
                expectation.and_then(|e| fields[e].first().copied()),
                fields[*experience].first().copied(),
            ),
            AttrSource::Set { set } => {
                let [expectation, experience] = &captured[*set];
                let find = |names: &[Option<String>]| {
                    names
                        .iter()
                        .position(|n| n.as_deref() == Some(a.name.as_str()))
                };
                (find(expectation), find(experience))
            }
        })
        .collect();
    TableMap {
        fields,
        attributes,
        flags: crate::ingest::layout::row_flags(t.layout, &t.columns),
    }
}

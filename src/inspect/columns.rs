//! What `check` says of each table's columns: which columns every field reads (and which others
//! it matched), and the order each date column is read in.

use super::{info, short, warn, Finding};
use crate::classify::mapping;
use crate::config::{Config, FieldKind};
use crate::ingest::Table;

/// Per table and field, the columns it reads: letter, header, and the Qualtrics id where the
/// export has one. A warning when a single-valued field matched several columns and read one.
pub(super) fn columns_read(
    cfg: &Config,
    tables: &[&Table],
    maps: &[mapping::TableMap],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (t, map) in tables.iter().zip(maps) {
        let matched = mapping::candidates(cfg, t);
        for (f, cols) in map.fields.iter().enumerate() {
            if cols.is_empty() {
                continue;
            }
            let name = |c: usize| column_name(t, c);
            let read: Vec<String> = cols.iter().map(|&c| name(c)).collect();
            let text = format!(
                "{}: {} ← {}",
                t.label(),
                cfg.fields[f].name,
                read.join(", ")
            );
            let others: Vec<String> = matched[f]
                .iter()
                .filter(|c| !cols.contains(c))
                .map(|&c| name(c))
                .collect();
            out.push(if others.is_empty() {
                info(text)
            } else {
                warn(format!(
                    "{text}; it also matched {} but a {} field reads one column (the one of its first header); list only the header you mean",
                    others.join(", "),
                    cfg.fields[f].kind.name()
                ))
            });
        }
    }
    out
}

/// A column as `check` names it: `C "question text" (Q3_2)`, the id where the export has one.
fn column_name(t: &Table, c: usize) -> String {
    let col = &t.columns[c];
    let id = t
        .layout
        .column_id(col)
        .map(|id| format!(" ({id})"))
        .unwrap_or_default();
    let label = col
        .names
        .get(1)
        .or(col.names.first())
        .map_or("", String::as_str);
    format!("{} \"{}\"{id}", col.letter, short(label))
}

/// How each date field's text dates are read in each table: the order decided for its column
/// and why; a warning when every date reads either way and the file's locale decided.
pub(super) fn dates(cfg: &Config, tables: &[&Table], maps: &[mapping::TableMap]) -> Vec<Finding> {
    use crate::ingest::dates::{column_order, DateWhy};
    let mut out = Vec::new();
    for (t, map) in tables.iter().zip(maps) {
        for (f, cols) in map.fields.iter().enumerate() {
            let field = &cfg.fields[f];
            if field.kind != FieldKind::Date || cols.is_empty() {
                continue;
            }
            let (order, why) = column_order(t, cols, field.date_order);
            let columns: Vec<String> = cols
                .iter()
                .map(|&c| {
                    format!(
                        "{} \"{}\"",
                        t.columns[c].letter,
                        short(t.columns[c].label())
                    )
                })
                .collect();
            let head = format!(
                "{}: {} ({}) read {}",
                t.label(),
                field.name,
                columns.join(", "),
                order.describe()
            );
            out.push(match why {
                DateWhy::Config => info(format!("{head}, as its date_order says")),
                DateWhy::Unambiguous => continue,
                DateWhy::Cells(e) => info(format!(
                    "{head}: {} date(s) can only be read day-first, {} only month-first",
                    e.day_first, e.month_first
                )),
                DateWhy::Locale(reason, e) => warn(format!(
                    "{head}: every date there reads either way ({} of them), so the locale decided ({reason}); set date_order = \"dmy\" or \"mdy\" on [fields.{}] if that is wrong",
                    e.ambiguous,
                    field.name
                )),
            });
        }
    }
    out
}

/// How each number and multi-select field's columns are read, where it matters: numbers with
/// decimal commas (`1.234,5`), or a column whose cells show both marks (those written the other
/// way are counted as not a number); a list separator other than the comma.
pub(super) fn formats(cfg: &Config, tables: &[&Table], maps: &[mapping::TableMap]) -> Vec<Finding> {
    use crate::ingest::format::number_marks;
    let mut out = Vec::new();
    for (t, map) in tables.iter().zip(maps) {
        for (f, cols) in map.fields.iter().enumerate() {
            let field = &cfg.fields[f];
            for &c in cols {
                let fmt = t.column_format(c);
                let head = format!(
                    "{}: {} ({} \"{}\")",
                    t.label(),
                    field.name,
                    t.columns[c].letter,
                    short(t.columns[c].label())
                );
                match field.kind {
                    FieldKind::Number => {
                        let m = number_marks(t.rows.distinct(c));
                        let (mark, with, against) = if fmt.decimal_comma {
                            ("decimal commas (1.234,5)", m.comma, m.point)
                        } else {
                            ("decimal points (1,234.5)", m.point, m.comma)
                        };
                        if with + against == 0 || (!fmt.decimal_comma && against == 0) {
                            continue;
                        }
                        let text = format!(
                            "{head}: numbers read with {mark}: {with} distinct value(s) show it"
                        );
                        out.push(if against > 0 {
                            warn(format!(
                                "{text}, {against} the other mark; those are not numbers here (counted as bad cells)"
                            ))
                        } else {
                            info(text)
                        });
                    }
                    FieldKind::Multi if t.columns[c].option.is_none() && fmt.separator != "," => {
                        let sep = match fmt.separator {
                            "\n" => "a line break",
                            ";" => "\";\"",
                            _ => "\"|\"",
                        };
                        out.push(info(format!("{head}: answers split at {sep}")));
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

//! KoboToolbox: one header row with the form's own columns (`start`, `end`, `today`,
//! `deviceid`) first, the questions as group paths (`group/question`, or the labels'
//! `Group label/Question label`), and its metadata at the end (`_id`, `_uuid`,
//! `_submission_time`, `_validation_status`, `_notes`, `_status`, `_submitted_by`,
//! `__version__`, `_tags`, `_index`). A select-multiple question is a column of its chosen codes
//! joined by spaces and then one column per choice (`question/choice`, 1 or 0). Learned from
//! KoboToolbox's help, "Downloading data" and "Validating submissions": a reviewer's
//! `validation_status_not_approved` is a rejected submission.

use std::collections::BTreeMap;

use super::{flag, has, option_column, plain_column, FlagKind, Head, Layout, RowFlag};
use crate::ingest::Column;

pub(super) fn detect(h: &Head) -> Option<(Layout, Vec<Column>)> {
    let r0 = &h.rows[0];
    (has(r0, &["_uuid"]) && has(r0, &["_submission_time", "_id"]))
        .then(|| (Layout::KoboToolbox, columns(r0)))
}

/// A path's parent and its last part (`a/b/c` → `a/b`, `c`).
fn split(h: &str) -> Option<(&str, &str)> {
    let (parent, leaf) = h.rsplit_once('/')?;
    (!h.starts_with('_') && !parent.trim().is_empty() && !leaf.trim().is_empty())
        .then(|| (parent.trim(), leaf.trim()))
}

/// A leaf's prefix and item (`imp_speed` → `imp`, `speed`).
fn prefixed(leaf: &str) -> Option<(&str, &str)> {
    let (p, item) = leaf.split_once('_')?;
    (!p.is_empty() && p.chars().all(char::is_alphabetic) && !item.is_empty()).then_some((p, item))
}

/// Group paths become (stem, item): `group/imp_speed` and `group/perf_speed` are the items
/// `speed` of the stems `group/imp` and `group/perf` when two prefixes of one group share two
/// or more items (a battery asked twice); a select-multiple's `question/choice` columns, whose
/// `question` is a column too, are the options `choice` of `question`. Other paths keep their
/// name.
fn columns(r0: &[String]) -> Vec<Column> {
    // Per (parent, prefix): the items.
    let mut items: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for h in r0 {
        if let Some((parent, leaf)) = split(h) {
            if let Some((p, item)) = prefixed(leaf) {
                items.entry((parent, p)).or_default().push(item);
            }
        }
    }
    let battery = |parent: &str, p: &str| -> bool {
        let Some(mine) = items.get(&(parent, p)) else {
            return false;
        };
        items.iter().any(|((par, q), theirs)| {
            *par == parent && *q != p && mine.iter().filter(|i| theirs.contains(i)).count() >= 2
        })
    };
    let is_question = |path: &str| r0.iter().any(|h| h == path);
    r0.iter()
        .enumerate()
        .map(|(i, h)| {
            let named = split(h).and_then(|(parent, leaf)| match prefixed(leaf) {
                Some((p, item)) if battery(parent, p) => Some((format!("{parent}/{p}"), item)),
                _ => is_question(parent).then(|| (parent.to_string(), leaf)),
            });
            match named {
                Some((stem, item)) => option_column(i, h, &stem, item),
                None => plain_column(i, h),
            }
        })
        .collect()
}

pub(super) fn flags(columns: &[Column]) -> Vec<RowFlag> {
    flag(
        columns,
        &["_validation_status"],
        FlagKind::Disqualified,
        |s| s.contains("not_approved") || s == "not approved",
    )
    .into_iter()
    .collect()
}

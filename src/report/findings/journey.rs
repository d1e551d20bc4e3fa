//! Where respondents are and how they move: the stage mix and the conversion rates, each with
//! the rows no stage rule placed said beside the figures they are missing from.

use super::{capital, d, label, pct};
use crate::analysis::Summary;

pub(super) fn stage_mix(s: &Summary) -> Vec<String> {
    let rows: Vec<_> = s
        .tables
        .stage_mix
        .iter()
        .filter(|r| r.segment == "all" && r.n > 0)
        .collect();
    let Some(top) = rows.iter().max_by_key(|r| r.n) else {
        return vec!["No respondent was classified.".into()];
    };
    let mut out = Vec::new();
    if let Some((stage, n)) = &s.assumed_default {
        let all = rows.len() == 1;
        out.push(format!(
            "{} {n} respondents were *taken as* {}: nothing in the files named their stage, so the config's `[stages] default` (a guess nobody confirmed) placed them{}.",
            if all { "All" } else { "Of the classified," },
            d(&label(s, stage).to_lowercase()),
            if all { "; this report has no stage comparisons" } else { "" }
        ));
        if all {
            return out;
        }
    }
    let left_out = unclassified_note(s);
    if rows.len() == 1 {
        // One stage: nothing to compare, and the report says so once instead of showing empty
        // stage comparisons.
        out.push(format!(
            "All {} classified respondents are {}: the files hold no other stage, so this report has no stage comparisons.",
            top.n,
            d(&top.label.to_lowercase())
        ));
        out.extend(left_out);
        return out;
    }
    out.push(format!(
        "{} are the largest group: {} of the {} classified respondents (n = {}).",
        d(&top.label),
        pct(top.share.unwrap_or(0.0)),
        top.base,
        top.n
    ));
    let rest: Vec<String> = rows
        .iter()
        .filter(|r| r.stage != top.stage)
        .map(|r| {
            format!(
                "{} {}",
                d(&r.label.to_lowercase()),
                pct(r.share.unwrap_or(0.0))
            )
        })
        .collect();
    if !rest.is_empty() {
        out.push(format!("The others: {}.", rest.join(", ")));
    }
    out.extend(left_out);
    out
}

/// The rows no stage rule placed.
fn unplaced(s: &Summary) -> u64 {
    s.tables
        .data_quality
        .iter()
        .map(|d| d.rows_unclassified)
        .sum()
}

/// The rows no stage rule placed, said beside the figures they are missing from: a stage's
/// share, a conversion rate may change once they are placed.
fn unclassified_note(s: &Summary) -> Option<String> {
    let n = unplaced(s);
    (n > 0).then(|| {
        format!(
            "{n} more row(s) matched no stage rule and are left out of these shares, which may change once they have a stage{}.",
            if s.guesses.provisional() {
                " (the box above lists the answers nobody has coded)"
            } else {
                " (`tables/respondents.csv` shows what the rules saw)"
            }
        )
    })
}

pub(super) fn conversion(s: &Summary) -> Vec<String> {
    let mut out: Vec<String> = s
        .tables
        .conversion
        .iter()
        .filter(|r| r.segment == "all" && r.denominator > 0)
        // A win rate needs buyers both won and lost: without a got-away it is 100% by
        // construction (everyone placed in a won stage), not a finding.
        .filter(|r| r.metric != "win rate" || (r.numerator > 0 && r.numerator < r.denominator))
        .map(|r| {
            let ci = match (r.ci_low, r.ci_high) {
                (Some(a), Some(b)) => format!(
                    ", {:.0}% interval {}–{}",
                    s.confidence * 100.0,
                    pct(a),
                    pct(b)
                ),
                _ => String::new(),
            };
            let low = if r.low_base { " (low base)" } else { "" };
            format!(
                "{}: {} ({} of {}{ci}){low}.",
                capital(&r.metric),
                pct(r.share.unwrap_or(0.0)),
                r.numerator,
                r.denominator
            )
        })
        .collect();
    let n = unplaced(s);
    if !out.is_empty() && n > 0 {
        out.push(format!(
            "These rates leave out the {n} row(s) no stage rule placed (see above)."
        ));
    }
    out
}

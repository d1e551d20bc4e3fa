//! The data-quality tables of a period — every table read and every file skipped, the bad
//! cells — and what `--hash-ids` leaves out of them.

use super::{CellProblemRow, DataQualityRow, Tables};
use crate::classify::Classified;
use crate::config::Config;

/// With `--hash-ids`: the uncoded words (free text can name people) left out, and the examples
/// of bad cells in the id fields, or that look like an e-mail, phone number or IP address.
pub(super) fn leave_out_personal_data(cfg: &Config, t: &mut Tables) {
    t.uncoded_words.clear();
    let ids: Vec<&str> = [cfg.roles.respondent_id, cfg.roles.panel_key]
        .into_iter()
        .flatten()
        .map(|f| cfg.fields[f].name.as_str())
        .collect();
    for p in &mut t.cell_problems {
        if ids.contains(&p.field.as_str()) {
            p.examples.clear();
            continue;
        }
        let kept: Vec<&str> = p
            .examples
            .split(" | ")
            .filter(|e| !crate::privacy::looks_personal(e))
            .collect();
        p.examples = kept.join(" | ");
    }
}

/// An exclusion rule of the config: its reason and its condition in words.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct ExclusionRuleRow {
    pub reason: String,
    pub condition: String,
}

/// The config's exclusion rules in words (a speeder's cut-off), for the report.
pub(super) fn exclusion_rules(cfg: &Config) -> Vec<ExclusionRuleRow> {
    cfg.exclusions
        .iter()
        .map(|e| ExclusionRuleRow {
            reason: e.reason.clone(),
            condition: e.when.describe(&|f| cfg.fields[f].name.clone()),
        })
        .collect()
}

/// When the fieldwork ran against `period`, decided `how`.
pub(super) fn fieldwork(
    c: &Classified,
    period: &str,
    how: crate::period::How,
) -> crate::period::Fieldwork {
    let decided = crate::period::Decided {
        name: period.to_string(),
        how,
    };
    crate::period::Fieldwork::of(&decided, c.response_dates())
}

/// One row per table read, then one per file skipped.
pub(super) fn data_quality(
    c: &Classified,
    period: &str,
    skipped: &[crate::ingest::IngestError],
) -> Vec<DataQualityRow> {
    let skipped = skipped.iter().map(|e| DataQualityRow {
        period: period.into(),
        source_file: e.file.clone(),
        layout: "skipped".into(),
        skipped_reason: e.reason.clone(),
        ..DataQualityRow::default()
    });
    // The classified responses of each table dated outside the period.
    let span = crate::period::bounds(period);
    let mut outside = vec![0u64; c.tables.len()];
    for r in c.respondents().filter(|r| r.stage().is_some()) {
        if let Some(d) = r.date {
            if !crate::period::within(span, d.date()) {
                outside[r.table as usize] += 1;
            }
        }
    }
    c.tables
        .iter()
        .zip(&c.accounting)
        .zip(outside)
        .map(|((t, a), outside)| DataQualityRow {
            period: period.into(),
            source_file: t.source_file.clone(),
            sheet: t.sheet.clone().unwrap_or_default(),
            layout: t.layout.name().into(),
            rows_read: a.rows_read,
            rows_excluded: a.excluded,
            rows_classified: a.classified,
            rows_unclassified: a.unclassified,
            rows_outside_period: outside,
            encoding: t.encoding.unwrap_or("").into(),
            columns: (t.column_labels.len() - t.join.added_columns) as u64,
            lookup_unmatched: t
                .join
                .unmatched
                .iter()
                .flatten()
                .copied()
                .reduce(|a, b| a + b),
            skipped_reason: String::new(),
        })
        .chain(skipped)
        .collect()
}

pub(super) fn cell_problems(c: &Classified, period: &str) -> Vec<CellProblemRow> {
    c.cell_problems
        .iter()
        .map(|p| CellProblemRow {
            period: period.into(),
            source_file: c.tables[p.table].source_file.clone(),
            sheet: c.tables[p.table].sheet.clone().unwrap_or_default(),
            column: p.column.clone(),
            field: p.field.clone(),
            problem: p.problem.into(),
            count: p.count,
            examples: p.examples.join(" | "),
        })
        .collect()
}

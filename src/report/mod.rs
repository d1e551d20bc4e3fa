//! Summary → files: CSV tables, `summary.json`, and the atomic write of the period folder.
//!
//! Bytes are produced in memory apart from the writing, so a failure before the final rename
//! leaves any earlier content of the period folder as it was.

pub mod atomic;

use serde::Serialize;
use serde_json::Value;

use crate::analysis::{RespondentRow, Summary};

/// One file of the period folder, path relative to it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A number as a plain decimal with a `.` (never exponent notation); `-0` as `0`.
pub fn plain_number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x == 0.0 {
        return "0".into();
    }
    format!("{x}")
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => u.to_string(),
            (_, Some(i), _) => i.to_string(),
            (_, _, Some(f)) => plain_number(f),
            _ => String::new(),
        },
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A tidy CSV table: header from the row type's field names, one line per row.
pub fn csv_table<T: Serialize + Default>(rows: impl IntoIterator<Item = T>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header = match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    for r in rows {
        if let Ok(Value::Object(m)) = serde_json::to_value(&r) {
            let _ = w.write_record(m.values().map(cell));
        }
    }
    w.into_inner().unwrap_or_default()
}

/// Every table file of the period, plus `summary.json`.
pub fn table_files(
    summary: &Summary,
    respondents: impl Iterator<Item = RespondentRow>,
) -> Vec<OutputFile> {
    let f = |name: &str, bytes: Vec<u8>| OutputFile {
        path: format!("tables/{name}.csv"),
        bytes,
    };
    let mut json = serde_json::to_vec_pretty(summary).unwrap_or_default();
    json.push(b'\n');
    vec![
        f("respondents", csv_table(respondents)),
        f(
            "data_quality",
            csv_table(summary.data_quality.iter().cloned()),
        ),
        f(
            "cell_problems",
            csv_table(summary.cell_problems.iter().cloned()),
        ),
        f("stage_mix", csv_table(summary.stage_mix.iter().cloned())),
        f("gaps", csv_table(summary.gaps.iter().cloned())),
        f("nps", csv_table(summary.nps.iter().cloned())),
        f("conversion", csv_table(summary.conversion.iter().cloned())),
        f("ipa", csv_table(summary.ipa.iter().cloned())),
        f("awareness", csv_table(summary.awareness.iter().cloned())),
        f(
            "awareness_breadth",
            csv_table(summary.awareness_breadth.iter().cloned()),
        ),
        f(
            "touchpoints",
            csv_table(summary.touchpoints.iter().cloned()),
        ),
        f(
            "coverage_index",
            csv_table(summary.coverage_index.iter().cloned()),
        ),
        f("drivers", csv_table(summary.drivers.iter().cloned())),
        f("themes", csv_table(summary.themes.iter().cloned())),
        f(
            "uncoded_words",
            csv_table(summary.uncoded_words.iter().cloned()),
        ),
        f(
            "comparisons",
            csv_table(summary.comparisons.iter().cloned()),
        ),
        f("trends", csv_table(summary.trends.iter().cloned())),
        f(
            "transitions",
            csv_table(summary.transitions.iter().cloned()),
        ),
        OutputFile {
            path: "summary.json".into(),
            bytes: json,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::StageMixRow;

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(plain_number(1e-10), "0.0000000001");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(0.25), "0.25");
        assert_eq!(plain_number(f64::NAN), "");
    }

    #[test]
    fn empty_table_still_has_its_header() {
        let bytes = csv_table(Vec::<StageMixRow>::new());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "period,segment,stage,n,base,share,ci_low,ci_high,low_base,base_eff,label\n"
        );
    }

    #[test]
    fn missing_is_empty_and_booleans_are_words() {
        let row = StageMixRow {
            period: "2026Q1".into(),
            stage: "client".into(),
            low_base: true,
            ..Default::default()
        };
        let text = String::from_utf8(csv_table(vec![row])).unwrap();
        assert!(text.ends_with("2026Q1,,client,0,0,,,,true,,\n"), "{text}");
    }
}

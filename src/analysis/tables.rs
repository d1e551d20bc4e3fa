//! Every output table of a period in one [`Tables`] value. Its fields are the only list of
//! tables: the per-group results are merged through it, `summary.json` serialises it, and the
//! CSV and xlsx writers walk it through [`Tables::visit`]. Both [`Tables::merge`] and
//! [`Tables::visit`] take the value apart field by field, so a table added to the struct and
//! left out of either does not compile.

use serde::{Deserialize, Serialize};

use super::rows::*;

/// Every table of a period but `respondents` (written as it is streamed; see
/// `report::respondents`). Field order is `summary.json` order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tables {
    pub data_quality: Vec<DataQualityRow>,
    pub cell_problems: Vec<CellProblemRow>,
    pub stage_mix: Vec<StageMixRow>,
    pub gaps: Vec<GapRow>,
    pub nps: Vec<NpsRow>,
    pub conversion: Vec<ConversionRow>,
    pub ipa: Vec<IpaRow>,
    pub awareness: Vec<AwarenessRow>,
    pub awareness_breadth: Vec<BreadthRow>,
    pub touchpoints: Vec<TouchpointRow>,
    pub coverage_index: Vec<CoverageRow>,
    pub drivers: Vec<DriverRow>,
    pub themes: Vec<ThemeRow>,
    pub uncoded_words: Vec<UncodedWordRow>,
    pub comparisons: Vec<ComparisonRow>,
    pub trends: Vec<TrendRow>,
    pub transitions: Vec<TransitionRow>,
    pub weighting: Vec<WeightingRow>,
}

/// What walks every table: called once per table, with its name (the CSV file's and the xlsx
/// sheet's) and its rows, whose serde field names are the columns.
pub trait TableVisitor {
    fn table<T: Serialize + Default + Clone>(&mut self, name: &'static str, rows: &[T]);
}

impl Tables {
    /// `other`'s rows after this one's, table by table.
    pub fn merge(&mut self, other: Tables) {
        let Tables {
            data_quality,
            cell_problems,
            stage_mix,
            gaps,
            nps,
            conversion,
            ipa,
            awareness,
            awareness_breadth,
            touchpoints,
            coverage_index,
            drivers,
            themes,
            uncoded_words,
            comparisons,
            trends,
            transitions,
            weighting,
        } = other;
        self.data_quality.extend(data_quality);
        self.cell_problems.extend(cell_problems);
        self.stage_mix.extend(stage_mix);
        self.gaps.extend(gaps);
        self.nps.extend(nps);
        self.conversion.extend(conversion);
        self.ipa.extend(ipa);
        self.awareness.extend(awareness);
        self.awareness_breadth.extend(awareness_breadth);
        self.touchpoints.extend(touchpoints);
        self.coverage_index.extend(coverage_index);
        self.drivers.extend(drivers);
        self.themes.extend(themes);
        self.uncoded_words.extend(uncoded_words);
        self.comparisons.extend(comparisons);
        self.trends.extend(trends);
        self.transitions.extend(transitions);
        self.weighting.extend(weighting);
    }

    /// Every table, in the README's order (the order of the sheets of `tables.xlsx`).
    pub fn visit(&self, v: &mut impl TableVisitor) {
        let Tables {
            data_quality,
            cell_problems,
            stage_mix,
            gaps,
            nps,
            conversion,
            ipa,
            awareness,
            awareness_breadth,
            touchpoints,
            coverage_index,
            drivers,
            themes,
            uncoded_words,
            comparisons,
            trends,
            transitions,
            weighting,
        } = self;
        v.table("data_quality", data_quality);
        v.table("weighting", weighting);
        v.table("cell_problems", cell_problems);
        v.table("stage_mix", stage_mix);
        v.table("conversion", conversion);
        v.table("gaps", gaps);
        v.table("ipa", ipa);
        v.table("nps", nps);
        v.table("drivers", drivers);
        v.table("awareness", awareness);
        v.table("awareness_breadth", awareness_breadth);
        v.table("touchpoints", touchpoints);
        v.table("coverage_index", coverage_index);
        v.table("themes", themes);
        v.table("uncoded_words", uncoded_words);
        v.table("comparisons", comparisons);
        v.table("trends", trends);
        v.table("transitions", transitions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names(Vec<&'static str>);

    impl TableVisitor for Names {
        fn table<T: Serialize + Default + Clone>(&mut self, name: &'static str, _: &[T]) {
            self.0.push(name);
        }
    }

    /// Every table is visited once, under the name `summary.json` gives it.
    #[test]
    fn every_table_is_visited_under_its_field_name() {
        let mut names = Names(Vec::new());
        Tables::default().visit(&mut names);
        let mut visited = names.0.clone();
        visited.sort_unstable();
        visited.dedup();
        assert_eq!(visited.len(), names.0.len(), "a table is visited twice");
        let json = serde_json::to_value(Tables::default()).expect("tables serialise");
        let mut fields: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort_unstable();
        assert_eq!(visited, fields);
    }
}

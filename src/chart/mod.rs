//! Summary → chart specs (pure) → PNG through plotters with an embedded font.
//!
//! Each stage keeps one Okabe–Ito colour in every chart; low-base estimates are drawn faded and
//! hatched, with a note under the chart.

pub mod draw;
pub mod specs;

use crate::analysis::Summary;
pub use specs::{
    Bar, BarChart, Heatmap, JourneyMap, LineChart, Scatter, Section, Series, ValueFormat,
};

/// A chart that could not be drawn (plotters or the PNG encoder failed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("chart drawing failed: {0}")]
pub struct ChartError(pub String);

/// A chart drawn: its name, the report section it is shown in, its PNG and, when asked, its
/// SVG, and the spec it was drawn from (the deck's native charts are made from it).
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnChart {
    pub name: String,
    pub section: Section,
    pub png: Vec<u8>,
    pub svg: Option<Vec<u8>>,
    pub spec: Chart,
}

/// Any chart journeygap draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Bar(BarChart),
    Line(LineChart),
    Heat(Heatmap),
    Scatter(Scatter),
    Map(JourneyMap),
}

impl Chart {
    /// File name without extension, under `charts/`.
    pub fn name(&self) -> &str {
        match self {
            Chart::Bar(c) => &c.name,
            Chart::Line(c) => &c.name,
            Chart::Heat(c) => &c.name,
            Chart::Scatter(c) => &c.name,
            Chart::Map(c) => &c.name,
        }
    }

    /// The stage a chart is about (`gaps_client`, `ipa_former`, `trend_gaps_got-away`), from
    /// the `_<stage>` its name ends with; `None` for a chart of every stage.
    pub fn stage(&self) -> Option<crate::stage::Stage> {
        let name = self.name();
        crate::stage::Stage::ALL
            .into_iter()
            .find(|st| name.ends_with(&format!("_{}", st.key())))
    }

    /// Its title, subtitle and notes (what a slide says beside a native chart).
    pub fn texts(&self) -> (&str, &str, &[String]) {
        match self {
            Chart::Bar(c) => (&c.title, &c.subtitle, &c.notes),
            Chart::Line(c) => (&c.title, &c.subtitle, &c.notes),
            Chart::Heat(c) => (&c.title, &c.subtitle, &c.notes),
            Chart::Scatter(c) => (&c.title, &c.subtitle, &c.notes),
            Chart::Map(c) => (&c.title, &c.subtitle, &c.notes),
        }
    }

    /// The report section it is shown in.
    pub fn section(&self) -> Section {
        match self {
            Chart::Bar(c) => c.section,
            Chart::Line(c) => c.section,
            Chart::Heat(c) => c.section,
            Chart::Scatter(c) => c.section,
            Chart::Map(c) => c.section,
        }
    }

    /// The chart drawn at `size` pixels: PNG, and SVG when `svg`.
    pub fn draw(&self, size: (u32, u32), svg: bool) -> Result<DrawnChart, ChartError> {
        // Drawn and typeset once; the PNG and the SVG are two renderings of the same tree.
        let tree = draw::canvas::typeset(&self.plot(size)?)?;
        Ok(DrawnChart {
            name: self.name().to_string(),
            section: self.section(),
            png: draw::canvas::rasterise(&tree, size)?,
            svg: svg.then(|| draw::canvas::outlines(&tree)),
            spec: self.clone(),
        })
    }

    /// The chart as plotters' SVG at `size` pixels, before typesetting.
    fn plot(&self, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
        match self {
            Chart::Bar(c) => draw::bar::plot(c, size),
            Chart::Line(c) => draw::line::plot(c, size),
            Chart::Heat(c) => draw::heatmap::plot(c, size),
            Chart::Scatter(c) => draw::scatter::plot(c, size),
            Chart::Map(c) => draw::map::plot(c, size),
        }
    }
}

/// Every chart of the period.
pub fn all_charts(s: &Summary) -> Vec<Chart> {
    use specs::{bar, heatmap, line, map, scatter};
    // The journey on one page first: the report opens with it.
    let mut out = vec![Chart::Map(map::journey_map(s))];
    out.extend(bar::charts(s).into_iter().map(Chart::Bar));
    out.extend(scatter::ipa(s).into_iter().map(Chart::Scatter));
    match scatter::drivers(s) {
        Some(c) => out.push(Chart::Scatter(c)),
        None => out.extend(bar::drivers(s).map(Chart::Bar)),
    }
    out.extend(heatmap::awareness_heatmap(s).map(Chart::Heat));
    out.extend(heatmap::touchpoint_matrix(s).map(Chart::Heat));
    out.extend(heatmap::theme_heatmaps(s).into_iter().map(Chart::Heat));
    out.extend(line::trend_charts(s).into_iter().map(Chart::Line));
    out.extend(heatmap::transition_heatmap(s).map(Chart::Heat));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: two charts were once drawn twice, and report.html showed them twice.
    #[test]
    fn every_chart_name_is_drawn_once() {
        let dir = tempfile::tempdir().unwrap();
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
        let args = crate::cli::RunArgs {
            input: demo.join("2026Q1"),
            out: dir.path().to_path_buf(),
            config: Some(demo.join("journeygap.toml")),
            period: None,
            jobs: Some(1),
            skip_bad_files: false,
            hash_ids: false,
            format: crate::cli::ChartFormat::Png,
            quiet: true,
        };
        crate::cmd::run::run(&args).unwrap();
        let json = std::fs::read(dir.path().join("2026Q1/summary.json")).unwrap();
        let summary: Summary = serde_json::from_slice(&json).unwrap();
        let mut names: Vec<String> = all_charts(&summary)
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "{names:?}");
    }
}

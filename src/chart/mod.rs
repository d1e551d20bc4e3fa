//! Summary → chart specs (pure) → PNG through plotters with an embedded font.
//!
//! Each stage keeps one Okabe–Ito colour in every chart; low-base estimates are drawn faded and
//! hatched, with a note under the chart.

pub mod draw;
pub mod draw_more;
pub mod history;
pub mod journey;
pub mod scatter;
pub mod spec;

use crate::analysis::Summary;
pub use history::{Heatmap, LineChart, Series};
pub use spec::{Bar, BarChart, ValueFormat};

/// A chart that could not be drawn (plotters or the PNG encoder failed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("chart drawing failed: {0}")]
pub struct ChartError(pub String);

/// Any chart journeygap draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Bar(BarChart),
    Line(LineChart),
    Heat(Heatmap),
    Scatter(scatter::Scatter),
}

impl Chart {
    /// File name without extension, under `charts/`.
    pub fn name(&self) -> &str {
        match self {
            Chart::Bar(c) => &c.name,
            Chart::Line(c) => &c.name,
            Chart::Heat(c) => &c.name,
            Chart::Scatter(c) => &c.name,
        }
    }

    /// SVG text of the chart at `size` pixels.
    pub fn svg(&self, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
        match self {
            Chart::Bar(c) => draw::svg(c, size),
            Chart::Line(c) => draw_more::line_svg(c, size),
            Chart::Heat(c) => draw_more::heatmap_svg(c, size),
            Chart::Scatter(c) => scatter::svg(c, size),
        }
    }

    /// PNG bytes of the chart at `size` pixels.
    pub fn png(&self, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
        match self {
            Chart::Bar(c) => draw::png(c, size),
            Chart::Line(c) => draw_more::line_png(c, size),
            Chart::Heat(c) => draw_more::heatmap_png(c, size),
            Chart::Scatter(c) => scatter::png(c, size),
        }
    }
}

/// Every chart of the period.
pub fn all_charts(s: &Summary) -> Vec<Chart> {
    let mut out: Vec<Chart> = spec::charts(s).into_iter().map(Chart::Bar).collect();
    out.extend(scatter::ipa(s).into_iter().map(Chart::Scatter));
    out.extend(scatter::drivers(s).map(Chart::Scatter));
    out.extend(journey::awareness_heatmap(s).map(Chart::Heat));
    out.extend(journey::touchpoint_matrix(s).map(Chart::Heat));
    out.extend(journey::theme_heatmaps(s).into_iter().map(Chart::Heat));
    out.extend(history::trend_charts(s).into_iter().map(Chart::Line));
    out.extend(history::transition_heatmap(s).map(Chart::Heat));
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

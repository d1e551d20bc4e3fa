//! Chart specs built from the Summary (pure, testable): what to draw, by shape, with no
//! drawing. Each spec names the report [`Section`] it belongs to.

pub mod bar;
pub mod heatmap;
pub mod line;
pub mod scatter;

pub(crate) use bar::label;
pub use bar::{Bar, BarChart, ValueFormat};
pub use heatmap::{CellMark, Heatmap};
pub use line::{LineChart, Series, TrendPoint};
pub use scatter::{Point, Scatter};

/// The section of the report a chart is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Where respondents are in the journey (the stage mix).
    Journey,
    /// Where expectations and experience diverge (gaps, IPA).
    Gaps,
    /// Who recommends the firm (NPS, drivers).
    Advocacy,
    /// What clients know of the firm's services.
    Awareness,
    /// Where buyers look.
    Touchpoints,
    /// Why (the themes of open answers).
    Why,
    /// Against earlier periods (trends, transitions).
    History,
}

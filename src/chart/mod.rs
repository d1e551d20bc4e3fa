//! Summary → chart specs (pure) → PNG through plotters with an embedded font.
//!
//! Each stage keeps one Okabe–Ito colour in every chart; low-base estimates are drawn faded and
//! hatched, with a note under the chart.

pub mod draw;
pub mod spec;

pub use spec::{charts, Bar, BarChart, ValueFormat};

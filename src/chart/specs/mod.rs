//! Chart specs built from the Summary (pure, testable): what to draw, by shape, with no
//! drawing. Each spec names the report [`Section`] it belongs to.

pub mod bar;
pub mod heatmap;
pub mod line;
pub mod map;
pub mod scatter;

pub use bar::{Bar, BarChart, ValueFormat};
pub use heatmap::{CellMark, Heatmap};
pub use line::{LineChart, Series, TrendPoint};
pub use map::{Evidence, JourneyMap, MapCell, MapLine};
pub use scatter::{Point, Scatter};

/// The longest label a chart draws; longer ones end in "…" (tables keep them whole).
pub const MAX_LABEL: usize = 60;

/// A label of at most [`MAX_LABEL`] characters: a longer one is cut at a word and ends in "…".
/// Cutting first keeps the pixel fitting of the drawing short, whatever an answer holds.
pub fn short(s: &str) -> String {
    short_to(s, MAX_LABEL)
}

/// A text of at most `max` characters: a longer one is cut at a word and ends in "…".
pub fn short_to(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match head.rfind(' ') {
        Some(i) if i >= max / 2 => &head[..i],
        _ => head.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// The section of the report a chart is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The journey on one page (the map), the report's first section.
    Map,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_end_in_an_ellipsis() {
        assert_eq!(short("LinkedIn"), "LinkedIn");
        let long = "Recommendation from a colleague at another company in our industry association";
        let s = short(long);
        assert!(s.chars().count() <= MAX_LABEL, "{s}");
        assert_eq!(
            s,
            "Recommendation from a colleague at another company in our…"
        );
        let huge = "x".repeat(4_000_000);
        assert_eq!(short(&huge).chars().count(), MAX_LABEL);
    }
}

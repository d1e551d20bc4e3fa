//! Which slides the deck has, in the report's order, and what each shows (pure): the title
//! slide, the provisional slide, a slide per chart under the finding it shows, the findings no
//! chart showed, data quality and method.

use super::DeckInput;
use crate::chart::{Chart, DrawnChart, Section as ChartSection};
use crate::escape::slide_line;
use crate::report::findings::Section;

/// What a slide shows below its title.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Body {
    /// The title slide: subtitle lines.
    Opening(Vec<String>),
    Bullets(Vec<String>),
    /// A chart drawn as a picture: its index among the drawn charts.
    Picture(usize),
    /// A native chart: its index among the drawn charts.
    Native(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Slide {
    pub title: String,
    pub body: Body,
    pub notes: Vec<String>,
}

/// At most this many bullets a slide; more go on the next one.
const BULLETS: usize = 6;

/// A finding as a slide's title: the sentence without its closing brackets of figures (they
/// are in the notes).
pub(super) fn headline(finding: &str) -> String {
    let plain = slide_line(finding);
    let t = plain.trim_end();
    if let Some(body) = t.strip_suffix(").") {
        if let Some(open) = body.rfind(" (") {
            return format!("{}.", &body[..open]);
        }
    }
    t.to_string()
}

pub(super) fn plain(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| slide_line(l)).collect()
}

/// Bullets in slides of at most [`BULLETS`], the title numbered when there are several.
fn bullet_slides(title: &str, lines: &[String], notes: &[String]) -> Vec<Slide> {
    let chunks: Vec<&[String]> = lines.chunks(BULLETS).collect();
    let n = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, c)| Slide {
            title: if n > 1 {
                format!("{title} ({}/{n})", i + 1)
            } else {
                title.to_string()
            },
            body: Body::Bullets(plain(c)),
            notes: notes.to_vec(),
        })
        .collect()
}

/// The slides, in the report's order.
pub(super) fn plan(input: &DeckInput) -> Vec<Slide> {
    let mut out = vec![Slide {
        title: slide_line(&input.title),
        body: Body::Opening(plain(&input.lines)),
        notes: plain(&input.lines),
    }];
    if let Some((heading, lines)) = &input.provisional {
        out.extend(bullet_slides(&slide_line(heading), lines, &plain(lines)));
    }
    for sec in input.sections {
        out.extend(section_slides(input, sec));
    }
    out.extend(bullet_slides(
        "Data quality",
        &input.quality,
        &plain(&input.quality),
    ));
    out.extend(bullet_slides(
        "Method",
        &input.method,
        &plain(&input.method),
    ));
    out
}

/// A section's slides: one per chart, then the findings no chart showed, in their order, on
/// slides of their own (the map's line says how it is read: it stays in the notes).
fn section_slides(input: &DeckInput, sec: &Section) -> Vec<Slide> {
    let findings = plain(&sec.findings);
    let charts: Vec<(usize, &DrawnChart)> = sec
        .charts
        .iter()
        .filter_map(|name| {
            input
                .drawn
                .iter()
                .enumerate()
                .find(|(_, c)| &c.name == name)
        })
        .collect();
    let stage_less = charts
        .iter()
        .filter(|(_, c)| c.spec.stage().is_none())
        .count();
    let mut used = vec![false; sec.findings.len()];
    let mut out = Vec::new();
    for &(i, chart) in &charts {
        let spec = &chart.spec;
        let map = chart.section == ChartSection::Map;
        let title = match (!map)
            .then(|| finding_for(input, sec, spec, stage_less == 1, &used))
            .flatten()
        {
            Some(k) => {
                used[k] = true;
                headline(&sec.findings[k])
            }
            None if !map => spec.texts().0.to_string(),
            None => sec.title.clone(),
        };
        let (t, sub, chart_notes) = spec.texts();
        let mut notes = findings.clone();
        notes.push(format!("Chart: {t}. {sub}."));
        notes.extend(chart_notes.iter().cloned());
        let body = match spec {
            Chart::Heat(_) | Chart::Map(_) => Body::Picture(i),
            _ => Body::Native(i),
        };
        out.push(Slide { title, body, notes });
    }
    let rest: Vec<String> = sec
        .findings
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f.clone())
        .collect();
    let map_section = charts.iter().any(|(_, c)| c.section == ChartSection::Map);
    if !rest.is_empty() && !map_section {
        let title = if sec.charts.is_empty() {
            sec.title.clone()
        } else {
            format!("{} — findings", sec.title)
        };
        out.extend(bullet_slides(&title, &rest, &findings));
    }
    out
}

/// The finding a chart shows: for a stage's chart, the first about that stage (it starts with
/// the stage's label); for the `sole` chart of a section not about a stage, the section's
/// first (one with its figures before one without: "read from “…”" says no result). Any other
/// chart keeps its own title: a finding is never put over a chart that does not show it.
fn finding_for(
    input: &DeckInput,
    sec: &Section,
    spec: &Chart,
    sole: bool,
    used: &[bool],
) -> Option<usize> {
    let label = spec
        .stage()
        .map(|st| input.summary.stage_label(st.key()).to_lowercase());
    if label.is_none() && !sole {
        return None;
    }
    let about = |k: usize| {
        let f = slide_line(&sec.findings[k]);
        !used[k]
            && label
                .as_ref()
                .is_none_or(|l| f.to_lowercase().starts_with(l.as_str()))
    };
    let with_figures =
        |k: usize| headline(&sec.findings[k]) != slide_line(&sec.findings[k]).trim_end();
    let n = sec.findings.len();
    (0..n)
        .filter(|&k| with_figures(k))
        .chain((0..n).filter(|&k| !with_figures(k)))
        .find(|&k| about(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_findings_figures_go_to_the_notes_not_the_title() {
        let f = "Got-aways rate *\u{E000}Relevant expertise\u{E001}* 1.10 points below its importance (q < 0.001, n = 84).";
        assert_eq!(
            headline(f),
            "Got-aways rate Relevant expertise 1.10 points below its importance."
        );
        assert_eq!(headline("No gap is significant."), "No gap is significant.");
    }
}

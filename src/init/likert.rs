//! Answer labels of the common rating scales, so that `init` can read a rating exported as text
//! ("Very important", "Stimme eher zu", "매우 만족") and write its value map with the numbers.
//!
//! The scales are each language's (`crate::lexicon`: importance, agreement, satisfaction,
//! quality or performance, likelihood, frequency and sentiment scales of 5 and 7 points, each
//! point with its usual wordings). The 4- and
//! 6-point forms are the 5- and 7-point ones without their midpoint. A 0–10 scale whose ends
//! carry labels ("0 - Not at all likely") is read by its numbers (see the profile).

use std::sync::LazyLock;

/// One labelled scale: its points from lowest (1) to highest, each with its wordings.
#[derive(Debug, PartialEq)]
pub struct LikertSet {
    /// The name of the `[value_maps]` table written for it.
    pub name: String,
    /// The wordings of each point; the first is the one shown.
    pub points: Vec<Vec<String>>,
    /// A 4- or 6-point form made by leaving out the midpoint: only taken when enough answers
    /// show that the midpoint is not there.
    pub derived: bool,
    /// Read from a column's labels by their shape ([`super::shape`]), not one of the
    /// lexicon's scales: a guess, `likely`.
    pub by_shape: bool,
}

impl LikertSet {
    /// The point (1-based) of an answer, compared without case, surrounding space or a
    /// trailing full stop.
    pub fn point(&self, answer: &str) -> Option<usize> {
        let a = norm(answer);
        self.points
            .iter()
            .position(|p| p.iter().any(|l| norm(l) == a))
            .map(|i| i + 1)
    }
}

/// Answers that say "no answer" in a rating column: not a point of the scale, not a reason
/// to call the column a category.
pub fn is_no_answer(answer: &str) -> bool {
    let a = norm(answer);
    crate::lexicon::no_answers().any(|n| n == a)
}

fn norm(s: &str) -> String {
    let s = s.trim().trim_end_matches('.').trim().replace('’', "'");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn parse(def: &str) -> LikertSet {
    let (name, body) = def.split_once(':').expect("a scale has a name");
    LikertSet {
        name: name.trim().to_string(),
        points: body
            .split(';')
            .map(|p| p.split('|').map(|l| l.trim().to_string()).collect())
            .collect(),
        derived: false,
        by_shape: false,
    }
}

/// The scale without its midpoint: `agree5` gives `agree4`.
fn without_midpoint(s: &LikertSet) -> LikertSet {
    let n = s.points.len();
    let mut points = s.points.clone();
    points.remove(n / 2);
    let (base, lang) = s
        .name
        .split_once('_')
        .map_or((s.name.as_str(), ""), |(b, l)| (b, l));
    let stem = base.trim_end_matches(|c: char| c.is_ascii_digit());
    let name = if lang.is_empty() {
        format!("{stem}{}", n - 1)
    } else {
        format!("{stem}{}_{lang}", n - 1)
    };
    LikertSet {
        name,
        points,
        derived: true,
        by_shape: false,
    }
}

/// The 5-point forms of a 7-point scale: its poles, its midpoint and one point on each side
/// (`Strongly disagree`, `Somewhat disagree`, `Neutral`, `Somewhat agree`, `Strongly agree`
/// are five points, not points 1, 3, 4, 5 and 7 of seven). Each side's inner or outer point.
fn five_of_seven(s: &LikertSet) -> Vec<LikertSet> {
    if s.points.len() != 7 {
        return Vec::new();
    }
    let (base, lang) = s
        .name
        .split_once('_')
        .map_or((s.name.as_str(), ""), |(b, l)| (b, l));
    let stem = base.trim_end_matches(|c: char| c.is_ascii_digit());
    [([0, 2, 3, 4, 6], "a"), ([0, 1, 3, 5, 6], "b")]
        .into_iter()
        .map(|(keep, variant)| LikertSet {
            name: if lang.is_empty() {
                format!("{stem}5of7{variant}")
            } else {
                format!("{stem}5of7{variant}_{lang}")
            },
            points: keep.iter().map(|&i| s.points[i].clone()).collect(),
            derived: true,
            by_shape: false,
        })
        .collect()
}

/// Every scale: the defined ones, then the 4- and 6-point forms of the odd ones that have no
/// such form of their own, and the 5-point forms of the 7-point ones.
pub static SETS: LazyLock<Vec<LikertSet>> = LazyLock::new(|| {
    let defined: Vec<LikertSet> = crate::lexicon::scales().map(parse).collect();
    let mut derived: Vec<LikertSet> = defined
        .iter()
        .filter(|s| s.points.len() % 2 == 1 && !s.name.starts_with("quality"))
        .map(without_midpoint)
        .chain(defined.iter().flat_map(five_of_seven))
        .filter(|d| !defined.iter().any(|s| s.name == d.name))
        .collect();
    derived.sort_by(|a, b| a.name.cmp(&b.name));
    derived.dedup_by(|a, b| a.name == b.name);
    let mut all = defined;
    all.extend(derived);
    all
});

/// Answers needed before a midpoint that nobody chose (every other point being chosen) is
/// taken as a scale without one.
const DERIVED_MIN: usize = 20;

/// The scale that holds every answer (at least two distinct ones, answers that say "no answer"
/// aside), no two answers on one point: the one with the fewest points, then the first. `n` is
/// the number of answers behind them.
pub fn find<'a>(answers: impl Iterator<Item = &'a str>, n: usize) -> Option<&'static LikertSet> {
    let answers: Vec<&str> = answers.filter(|a| !is_no_answer(a)).collect();
    if answers.len() < 2 {
        return None;
    }
    let mut best: Option<&'static LikertSet> = None;
    for set in SETS.iter() {
        if set.derived && n < DERIVED_MIN {
            continue;
        }
        let mut seen = vec![false; set.points.len()];
        let fits = answers.iter().all(|a| match set.point(a) {
            Some(p) if !seen[p - 1] => {
                seen[p - 1] = true;
                true
            }
            _ => false,
        });
        // A scale without its midpoint only when every other point was chosen.
        let whole = !set.derived || seen.iter().all(|&x| x);
        if fits && whole && best.is_none_or(|b| set.points.len() < b.points.len()) {
            best = Some(set);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: &[&str]) -> Option<&'static str> {
        find(v.iter().copied(), 100).map(|s| s.name.as_str())
    }

    #[test]
    fn finds_the_scale_that_covers_every_answer() {
        assert_eq!(
            f(&["Very important", "slightly important"]),
            Some("importance5")
        );
        assert_eq!(f(&["Very poor", "Good"]), Some("performance5"));
        assert_eq!(f(&["Very good", "Good"]), Some("quality5"));
        assert_eq!(f(&["Somewhat agree", "Agree"]), Some("agree7"));
        assert_eq!(f(&["Agree", "Maybe"]), None);
        assert_eq!(f(&["Agree"]), None);
    }

    #[test]
    fn scales_in_seven_languages_and_sizes() {
        assert_eq!(
            f(&["Stimme eher zu", "Stimme voll und ganz zu", "Weder noch"]),
            Some("agree5_de")
        );
        assert_eq!(
            f(&["Stimme nicht zu", "Stimme eher nicht zu", "Stimme zu"]),
            Some("agree7_de")
        );
        assert_eq!(
            f(&["Très satisfait", "Plutôt satisfait", "N/A"]),
            Some("satisfied5_fr")
        );
        assert_eq!(f(&["Muy de acuerdo", "En desacuerdo"]), Some("agree5_es"));
        assert_eq!(
            f(&["Raczej tak", "Zdecydowanie tak", "Raczej nie"]).map(|s| &s[..5]),
            Some("agree")
        );
        assert_eq!(
            f(&["Sangat puas", "Puas", "Tidak puas"]),
            Some("satisfied5_id")
        );
        assert_eq!(f(&["매우 만족", "만족", "보통"]), Some("satisfied5_ko"));
        assert_eq!(
            f(&["Low importance", "Neutral", "Extremely important"]),
            Some("importance7")
        );
        assert_eq!(
            f(&[
                "Strongly negative",
                "Somewhat positive",
                "Neutral",
                "Positive"
            ]),
            Some("sentiment7")
        );
        // No midpoint among many answers: the 4-point form.
        assert_eq!(
            f(&["Strongly disagree", "Disagree", "Agree", "Strongly agree"]),
            Some("agree4")
        );
        assert_eq!(
            find(["Disagree", "Agree", "Strongly agree"].into_iter(), 5).map(|s| s.name.as_str()),
            Some("agree5"),
            "too few answers to call the midpoint absent"
        );
        let s = SETS.iter().find(|s| s.name == "agree4").unwrap();
        assert_eq!(s.point("Strongly agree"), Some(4));
    }

    /// Five labels of a seven-point scale, every one chosen among many answers, are a
    /// five-point scale (1–5), not points 1, 3, 4, 5 and 7 of seven; with few answers, or one
    /// point unchosen, the seven-point scale stays.
    #[test]
    fn five_labels_are_a_five_point_scale() {
        let five = [
            "Strongly disagree",
            "Somewhat disagree",
            "Neither agree nor disagree",
            "Somewhat agree",
            "Strongly agree",
        ];
        assert!(
            SETS.iter()
                .find(|s| s.name == "agree5")
                .is_some_and(|s| s.point("Somewhat agree").is_none()),
            "the stock 5-point agreement scale words its inner points otherwise"
        );
        let s = find(five.into_iter(), 100).unwrap();
        assert_eq!(s.points.len(), 5, "{}", s.name);
        assert_eq!(s.point("Strongly disagree"), Some(1));
        assert_eq!(s.point("Somewhat agree"), Some(4));
        assert_eq!(s.point("Strongly agree"), Some(5));
        assert_eq!(find(five.into_iter(), 10).unwrap().points.len(), 7);
        assert_eq!(
            find(five[..4].iter().copied(), 100).unwrap().points.len(),
            7
        );
    }
}

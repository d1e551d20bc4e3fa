//! Answer labels of the common rating scales, so that `init` can write a value map for a rating
//! exported as text ("Very important", "Strongly agree").

/// One labelled scale: its labels from lowest (1) to highest.
#[derive(Debug, PartialEq)]
pub struct LikertSet {
    /// The name of the `[value_maps]` table written for it.
    pub name: &'static str,
    pub labels: &'static [&'static str],
}

/// The scales recognised, in the order they are tried.
pub const SETS: [LikertSet; 7] = [
    LikertSet {
        name: "importance5",
        labels: &[
            "Not at all important",
            "Slightly important",
            "Moderately important",
            "Very important",
            "Extremely important",
        ],
    },
    LikertSet {
        name: "performance5",
        labels: &["Very poor", "Poor", "Fair", "Good", "Excellent"],
    },
    LikertSet {
        name: "quality5",
        labels: &["Poor", "Fair", "Good", "Very good", "Excellent"],
    },
    LikertSet {
        name: "agree5",
        labels: &[
            "Strongly disagree",
            "Disagree",
            "Neither agree nor disagree",
            "Agree",
            "Strongly agree",
        ],
    },
    LikertSet {
        name: "satisfied5",
        labels: &[
            "Very dissatisfied",
            "Dissatisfied",
            "Neither satisfied nor dissatisfied",
            "Satisfied",
            "Very satisfied",
        ],
    },
    LikertSet {
        name: "likely5",
        labels: &[
            "Very unlikely",
            "Unlikely",
            "Neither likely nor unlikely",
            "Likely",
            "Very likely",
        ],
    },
    LikertSet {
        name: "agree7",
        labels: &[
            "Strongly disagree",
            "Disagree",
            "Somewhat disagree",
            "Neither agree nor disagree",
            "Somewhat agree",
            "Agree",
            "Strongly agree",
        ],
    },
];

/// The first scale whose labels cover every answer (at least two answers, compared without case
/// or surrounding space).
pub fn find<'a>(answers: impl Iterator<Item = &'a str>) -> Option<&'static LikertSet> {
    let answers: Vec<String> = answers.map(|a| a.trim().to_lowercase()).collect();
    if answers.len() < 2 {
        return None;
    }
    SETS.iter().find(|set| {
        answers
            .iter()
            .all(|a| set.labels.iter().any(|l| l.eq_ignore_ascii_case(a)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_scale_that_covers_every_answer() {
        let f = |v: &[&str]| find(v.iter().copied()).map(|s| s.name);
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
}

//! Answer labels of the common rating scales, so that `init` can read a rating exported as text
//! ("Very important", "Stimme eher zu", "매우 만족") and write its value map with the numbers.
//!
//! The built-in lexicon holds importance, agreement, satisfaction, quality or performance,
//! likelihood, frequency and sentiment scales of 5 and 7 points in English, German, French,
//! Spanish, Polish, Indonesian and Korean, each point with its usual wordings. The 4- and
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

/// The scales: `name: point; point; …`, the wordings of a point separated by `|`.
const DEFS: &[&str] = &[
    // English (the first seven keep their names of earlier versions)
    "importance5: Not at all important | Not important; Slightly important | Of little importance; Moderately important | Somewhat important; Very important; Extremely important | Critical",
    "performance5: Very poor; Poor; Fair | Average; Good; Excellent",
    "quality5: Poor; Fair; Good; Very good; Excellent",
    "agree5: Strongly disagree; Disagree; Neither agree nor disagree | Neither agree or disagree | Neutral; Agree; Strongly agree",
    "satisfied5: Very dissatisfied; Dissatisfied | Somewhat dissatisfied; Neither satisfied nor dissatisfied | Neutral; Satisfied | Somewhat satisfied; Very satisfied | Extremely satisfied",
    "likely5: Very unlikely | Extremely unlikely; Unlikely | Somewhat unlikely; Neither likely nor unlikely | Neutral; Likely | Somewhat likely; Very likely | Extremely likely",
    "agree7: Strongly disagree; Disagree; Somewhat disagree | Slightly disagree; Neither agree nor disagree | Neither agree or disagree | Neutral; Somewhat agree | Slightly agree; Agree; Strongly agree",
    "importance7: Not at all important; Low importance; Slightly important; Neutral; Moderately important; Very important; Extremely important",
    "importance4: Not important; Somewhat important; Important; Very important",
    "satisfied7: Very dissatisfied | Extremely dissatisfied; Dissatisfied | Moderately dissatisfied; Somewhat dissatisfied | Slightly dissatisfied; Neither satisfied nor dissatisfied | Neutral; Somewhat satisfied | Slightly satisfied; Satisfied | Moderately satisfied; Very satisfied | Extremely satisfied",
    "likely7: Extremely unlikely; Very unlikely; Somewhat unlikely; Neither likely nor unlikely | Neutral; Somewhat likely; Very likely; Extremely likely",
    "frequency5: Never; Rarely; Sometimes; Often | Very often; Always",
    "sentiment5: Very negative | Strongly negative; Negative | Somewhat negative; Neutral | Neither positive nor negative | Neither negative nor positive; Positive | Somewhat positive; Very positive | Strongly positive",
    "sentiment7: Strongly negative | Very negative | Extremely negative; Negative; Somewhat negative | Slightly negative; Neutral | Neither positive nor negative | Neither negative nor positive; Somewhat positive | Slightly positive; Positive; Strongly positive | Very positive | Extremely positive",
    "performance5b: Very poor; Below average | Poor; Average; Above average | Good; Excellent | Very good",
    // German
    "agree5_de: Stimme überhaupt nicht zu | Stimme gar nicht zu | Trifft überhaupt nicht zu | Trifft gar nicht zu; Stimme eher nicht zu | Stimme nicht zu | Trifft eher nicht zu | Trifft nicht zu; Weder noch | Teils, teils | Teils/teils | Teils-teils | Neutral | Weder Zustimmung noch Ablehnung; Stimme eher zu | Stimme zu | Trifft eher zu | Trifft zu; Stimme voll und ganz zu | Stimme voll zu | Trifft voll und ganz zu | Trifft voll zu | Stimme völlig zu",
    "agree7_de: Stimme überhaupt nicht zu | Trifft überhaupt nicht zu; Stimme nicht zu | Trifft nicht zu; Stimme eher nicht zu | Trifft eher nicht zu; Weder noch | Teils, teils | Neutral; Stimme eher zu | Trifft eher zu; Stimme zu | Trifft zu; Stimme voll und ganz zu | Trifft voll und ganz zu",
    "importance5_de: Unwichtig | Überhaupt nicht wichtig | Gar nicht wichtig | Völlig unwichtig; Eher unwichtig | Wenig wichtig | Weniger wichtig; Teils, teils | Teils/teils | Mittelmäßig wichtig | Neutral | Mittel; Eher wichtig | Wichtig; Sehr wichtig | Äußerst wichtig | Extrem wichtig",
    "importance5b_de: Überhaupt nicht wichtig; Wenig wichtig; Mittelmäßig wichtig | Ziemlich wichtig; Sehr wichtig; Äußerst wichtig | Extrem wichtig",
    "satisfied5_de: Sehr unzufrieden | Überhaupt nicht zufrieden; Unzufrieden | Eher unzufrieden | Weniger zufrieden; Weder zufrieden noch unzufrieden | Weder noch | Teils, teils | Neutral; Zufrieden | Eher zufrieden; Sehr zufrieden | Äußerst zufrieden | Vollkommen zufrieden",
    "satisfied7_de: Sehr unzufrieden; Unzufrieden; Eher unzufrieden; Weder zufrieden noch unzufrieden | Weder noch | Neutral; Eher zufrieden; Zufrieden; Sehr zufrieden",
    "quality5_de: Sehr schlecht; Schlecht | Eher schlecht; Mittelmäßig | Befriedigend | Durchschnittlich | Teils, teils; Gut | Eher gut; Sehr gut | Ausgezeichnet | Hervorragend",
    "grades6_de: Ungenügend; Mangelhaft; Ausreichend; Befriedigend; Gut; Sehr gut",
    "likely5_de: Sehr unwahrscheinlich | Äußerst unwahrscheinlich; Unwahrscheinlich | Eher unwahrscheinlich; Weder noch | Neutral | Weder wahrscheinlich noch unwahrscheinlich; Wahrscheinlich | Eher wahrscheinlich; Sehr wahrscheinlich | Äußerst wahrscheinlich",
    "frequency5_de: Nie | Niemals; Selten; Manchmal | Gelegentlich; Oft | Häufig; Immer | Sehr oft | Sehr häufig",
    // French
    "agree5_fr: Pas du tout d'accord | Tout à fait en désaccord | Fortement en désaccord | Totalement en désaccord; Pas d'accord | Plutôt pas d'accord | Plutôt en désaccord | En désaccord; Ni d'accord ni pas d'accord | Ni d'accord ni en désaccord | Neutre; D'accord | Plutôt d'accord; Tout à fait d'accord | Fortement d'accord | Totalement d'accord",
    "importance5_fr: Pas du tout important | Pas important; Peu important; Moyennement important | Assez important | Neutre; Important | Très important; Extrêmement important | Essentiel | Primordial",
    "satisfied5_fr: Très insatisfait | Pas du tout satisfait; Insatisfait | Plutôt insatisfait | Peu satisfait | Plutôt pas satisfait; Ni satisfait ni insatisfait | Neutre; Satisfait | Plutôt satisfait | Assez satisfait; Très satisfait | Extrêmement satisfait",
    "quality5_fr: Très mauvais | Très mauvaise; Mauvais | Mauvaise | Médiocre; Moyen | Moyenne | Passable | Correct; Bon | Bonne; Très bon | Très bonne | Excellent | Excellente",
    "likely5_fr: Très peu probable | Pas du tout probable; Peu probable; Ni probable ni improbable | Neutre; Probable | Assez probable | Plutôt probable; Très probable | Extrêmement probable",
    "frequency5_fr: Jamais; Rarement; Parfois | De temps en temps; Souvent; Toujours | Très souvent",
    // Spanish
    "agree5_es: Totalmente en desacuerdo | Muy en desacuerdo | Completamente en desacuerdo; En desacuerdo | Algo en desacuerdo; Ni de acuerdo ni en desacuerdo | Neutral | Indiferente; De acuerdo | Algo de acuerdo; Totalmente de acuerdo | Muy de acuerdo | Completamente de acuerdo",
    "importance5_es: Nada importante | Sin importancia; Poco importante; Moderadamente importante | Algo importante | Medianamente importante | Neutral; Importante | Muy importante; Extremadamente importante | Sumamente importante | Imprescindible",
    "satisfied5_es: Muy insatisfecho | Nada satisfecho; Insatisfecho | Algo insatisfecho | Poco satisfecho; Ni satisfecho ni insatisfecho | Neutral | Indiferente; Satisfecho | Algo satisfecho; Muy satisfecho | Totalmente satisfecho",
    "quality5_es: Muy malo | Muy mala | Pésimo; Malo | Mala | Deficiente; Regular | Normal | Aceptable; Bueno | Buena; Muy bueno | Muy buena | Excelente",
    "likely5_es: Muy improbable | Muy poco probable | Nada probable; Improbable | Poco probable; Ni probable ni improbable | Neutral; Probable | Algo probable; Muy probable | Extremadamente probable",
    "frequency5_es: Nunca; Rara vez | Casi nunca; A veces | Algunas veces | Ocasionalmente; A menudo | Frecuentemente | Casi siempre; Siempre",
    // Polish
    "agree5_pl: Zdecydowanie się nie zgadzam | Zdecydowanie nie zgadzam się | Zdecydowanie nie; Nie zgadzam się | Raczej się nie zgadzam | Raczej nie zgadzam się | Raczej nie; Ani się zgadzam, ani nie zgadzam | Ani tak, ani nie | Nie mam zdania | Trudno powiedzieć; Zgadzam się | Raczej się zgadzam | Raczej zgadzam się | Raczej tak; Zdecydowanie się zgadzam | Zdecydowanie zgadzam się | Zdecydowanie tak",
    "importance5_pl: Zupełnie nieważne | Całkowicie nieistotne | Nieważne | Zupełnie nieistotne | Nieistotne; Mało ważne | Raczej nieważne | Mało istotne; Średnio ważne | Umiarkowanie ważne | Trudno powiedzieć; Ważne | Raczej ważne | Istotne; Bardzo ważne | Niezwykle ważne | Bardzo istotne",
    "satisfied5_pl: Bardzo niezadowolony | Zdecydowanie niezadowolony; Niezadowolony | Raczej niezadowolony; Ani zadowolony, ani niezadowolony | Neutralny | Trudno powiedzieć; Zadowolony | Raczej zadowolony; Bardzo zadowolony | Zdecydowanie zadowolony",
    "quality5_pl: Bardzo źle | Bardzo słabo | Bardzo zła | Bardzo zły; Źle | Słabo | Zła | Zły; Przeciętnie | Średnio | Przeciętna | Przeciętny; Dobrze | Dobra | Dobry; Bardzo dobrze | Bardzo dobra | Bardzo dobry | Doskonale | Doskonała",
    "likely5_pl: Bardzo mało prawdopodobne | Zdecydowanie nie; Mało prawdopodobne | Raczej nie; Trudno powiedzieć | Ani tak, ani nie; Prawdopodobne | Raczej tak; Bardzo prawdopodobne | Zdecydowanie tak",
    "frequency5_pl: Nigdy; Rzadko; Czasami | Czasem; Często; Zawsze | Bardzo często",
    // Indonesian
    "agree5_id: Sangat tidak setuju; Tidak setuju | Kurang setuju; Netral | Ragu-ragu | Biasa saja; Setuju; Sangat setuju",
    "importance5_id: Sangat tidak penting; Tidak penting | Kurang penting; Cukup penting | Netral | Biasa saja; Penting; Sangat penting",
    "satisfied5_id: Sangat tidak puas; Tidak puas | Kurang puas; Netral | Cukup puas | Biasa saja; Puas; Sangat puas",
    "quality5_id: Sangat buruk | Sangat jelek; Buruk | Jelek | Kurang baik; Cukup | Sedang | Cukup baik | Biasa saja; Baik | Bagus; Sangat baik | Sangat bagus",
    "likely5_id: Sangat tidak mungkin; Tidak mungkin | Kurang mungkin; Netral | Ragu-ragu; Mungkin; Sangat mungkin",
    "frequency5_id: Tidak pernah; Jarang; Kadang-kadang | Kadang; Sering; Selalu | Sangat sering",
    // Korean
    "agree5_ko: 전혀 그렇지 않다 | 매우 그렇지 않다 | 전혀 동의하지 않음 | 매우 동의하지 않음 | 전혀 아니다; 그렇지 않다 | 동의하지 않음 | 아니다; 보통이다 | 보통 | 중립; 그렇다 | 동의함; 매우 그렇다 | 매우 동의함",
    "importance5_ko: 전혀 중요하지 않음 | 전혀 중요하지 않다; 중요하지 않음 | 중요하지 않다; 보통 | 보통이다; 중요함 | 중요하다; 매우 중요함 | 매우 중요하다",
    "satisfied5_ko: 매우 불만족 | 매우 불만; 불만족 | 불만; 보통 | 보통이다; 만족; 매우 만족",
    "quality5_ko: 매우 나쁨 | 매우 나쁘다; 나쁨 | 나쁘다; 보통 | 보통이다; 좋음 | 좋다; 매우 좋음 | 매우 좋다",
    "likely5_ko: 전혀 가능성 없음 | 매우 낮음; 가능성 없음 | 낮음; 보통; 가능성 있음 | 높음; 매우 가능성 높음 | 매우 높음",
    "frequency5_ko: 전혀 없음 | 전혀; 거의 없음 | 드물게; 가끔 | 때때로; 자주; 항상",
];

/// Answers that say "no answer" in a rating column: not a point of the scale, not a reason
/// to call the column a category.
pub fn is_no_answer(answer: &str) -> bool {
    const NONE: [&str; 22] = [
        "n/a",
        "na",
        "not applicable",
        "don't know",
        "dont know",
        "do not know",
        "no opinion",
        "prefer not to say",
        "no basis for evaluation",
        "keine angabe",
        "weiß nicht",
        "weiss nicht",
        "ne sais pas",
        "sans opinion",
        "non applicable",
        "no sé",
        "no aplica",
        "nie wiem",
        "nie dotyczy",
        "tidak tahu",
        "모름",
        "해당 없음",
    ];
    let a = norm(answer);
    NONE.contains(&a.as_str())
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
    }
}

/// Every scale: the defined ones, then the 4- and 6-point forms of the odd ones that have no
/// such form of their own.
pub static SETS: LazyLock<Vec<LikertSet>> = LazyLock::new(|| {
    let defined: Vec<LikertSet> = DEFS.iter().map(|d| parse(d)).collect();
    let mut derived: Vec<LikertSet> = defined
        .iter()
        .filter(|s| s.points.len() % 2 == 1 && !s.name.starts_with("quality"))
        .map(without_midpoint)
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
}

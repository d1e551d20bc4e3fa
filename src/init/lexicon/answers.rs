//! The answers, file names and questions that say a stage: stage names (CRM words too), the
//! relationship and outcome phrases, and the questions only one stage is asked.

use std::sync::LazyLock;

use regex::Regex;

use super::compile;

/// The stages as a whole answer (a CRM stage column, a sheet of a coded interview workbook):
/// the stage name, plurals and the usual synonyms.
pub const STAGE_NAMES: [(&str, &[&str]); 5] = [
    (
        "got-away",
        &[
            r"got[- ]?aways?",
            r"lost( (deal|opportunit(y|ies)|bids?|pitch(es)?|prospects?))?",
            r"closed[- ]lost",
            r"verloren(e)?( (angebote|ausschreibungen|interessenten))?",
            r"perdus?",
            r"perdid[oa]s?",
            r"utracen[iey]",
            r"przegran[ea]",
            r"kalah",
            r"hilang",
            r"이탈 ?가망 ?고객",
            r"놓친 ?고객",
            r"수주 ?실패",
        ],
    ),
    (
        "former",
        &[
            r"former( clients?| customers?)?",
            r"churned( clients?| customers?)?",
            r"lapsed( clients?)?",
            r"ex[- ]clients?",
            r"ex[- ]customers?",
            r"lost (clients?|customers?|accounts?)",
            r"ehemalige( kunden| mandanten)?",
            r"anciens? clients?",
            r"antiguos? clientes?",
            r"ex[- ]?clientes?",
            r"byli klienci",
            r"byli",
            r"były klient",
            r"mantan( klien| pelanggan)?",
            r"이전 ?고객",
            r"이탈 ?고객",
        ],
    ),
    (
        "betweener",
        &[
            r"betweeners?",
            r"between (engagements|projects|mandates)",
            r"dormant( clients?)?",
            r"inactive( clients?)?",
            r"zwischen (zwei )?(projekten|mandaten)",
            r"ruhende kunden",
            r"entre deux (missions|projets)",
            r"clients? inactifs?",
            r"entre proyectos",
            r"clientes? inactivos?",
            r"między projektami",
            r"nieaktywn[iy]( klienci)?",
            r"di antara proyek",
            r"klien tidak aktif",
            r"휴면 ?고객",
        ],
    ),
    (
        "prospect",
        &[
            r"prospects?",
            r"open( opportunit(y|ies)| deals?)?",
            r"qualified( leads?)?",
            r"(mql|sql|opportunit(y|ies)|proposal( sent)?|negotiation|in negotiation|pitching|contacted|discovery)",
            r"pending( decision)?",
            r"leads?",
            r"potential (clients?|customers?)",
            r"pipeline",
            r"buyers?",
            r"interessenten",
            r"potenzielle kunden",
            r"prospects?",
            r"clients? potentiels?",
            r"prospectos?",
            r"clientes? potenciales?",
            r"potencjaln[iy] klienci",
            r"potencjalny klient",
            r"prospek",
            r"calon (klien|pelanggan)",
            r"잠재 ?고객",
            r"가망 ?고객",
        ],
    ),
    (
        "client",
        &[
            r"clients?",
            r"closed[- ]won|won( deals?)?",
            r"active( (clients?|customers?|accounts?))?",
            r"customers?",
            r"active (clients?|customers?)",
            r"current (clients?|customers?)",
            r"kunden?",
            r"mandanten?",
            r"bestandskunden",
            r"clientes?",
            r"klienci",
            r"klient",
            r"klien",
            r"pelanggan",
            r"고객",
            r"현재 ?고객",
        ],
    ),
];

/// A whole answer (or a file-name token) that is a stage name.
static STAGE_ANSWER: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    STAGE_NAMES
        .iter()
        .map(|(stage, words)| {
            let alt = words.join("|");
            (
                *stage,
                Regex::new(&format!("(?i)^(?:{alt})$")).expect("stage names compile"),
            )
        })
        .collect()
});

/// The stage a whole answer names (`"Got-away"`, `"Closed lost"`, `"Ehemalige Kunden"`).
pub fn stage_answer(answer: &str) -> Option<&'static str> {
    let a = answer.trim().trim_end_matches(['.', ':']).trim();
    let a: String = a.split_whitespace().collect::<Vec<_>>().join(" ");
    STAGE_ANSWER
        .iter()
        .find(|(_, re)| re.is_match(&a))
        .map(|(s, _)| *s)
}

/// The stage a file or sheet name names, and how surely: `true` for the narrow stages
/// (got-away, former, betweener), whose name says who every row is; `false` for "client" and
/// "prospect", which also name surveys of several stages ("client survey", "prospect study").
pub fn stage_in_name(name: &str) -> Option<(&'static str, bool)> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim_end_matches(|c: char| c != '.' && !c.is_alphanumeric());
    let stem = base
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .map_or(base, |(s, _)| s);
    let words: Vec<String> = stem
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .flat_map(|w| w.split('-').map(str::to_string).chain([w.to_string()]))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    // Pairs of words first ("former clients", "got aways"), then single words.
    let pairs = words.windows(2).map(|w| format!("{} {}", w[0], w[1]));
    let found = pairs
        .chain(words.iter().cloned())
        .find_map(|w| stage_answer(&w))?;
    Some((found, matches!(found, "got-away" | "former" | "betweener")))
}

/// Questions that only make sense for one stage, by stage: a file that asks them is a file of
/// that stage.
pub static STAGE_QUESTIONS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "former",
            compile(&[
                r"\bmove on from (us|the firm)",
                r"\bmoved on\b",
                r"\bstop(ped)? working with (us|the firm)",
                r"\bleave (us|the firm)",
                r"\bleft (us|the firm)",
                r"\bwhy did you (end|stop|leave)",
                r"\bno longer work",
                r"\bwin you back\b",
                r"\bcome back to (us|the firm)",
                r"\bnicht mehr mit uns\b",
                r"\bzusammenarbeit (beendet|eingestellt)",
                r"\bverlassen\b",
                r"\bcessé de travailler",
                r"\bquitté\b",
                r"\bdejó de trabajar",
                r"\bdejaron de trabajar",
                r"\bdejar de trabajar",
                r"\bprzestal[iy]? współpracować",
                r"\bzakończy(li|ł)",
                r"\bberhenti bekerja sama",
                r"\bmeninggalkan\b",
                r"거래를 중단",
                r"떠나",
                r"그만",
            ]),
        ),
        (
            "got-away",
            compile(&[
                r"\bwhy did you (choose|select|go with|pick) (another|a different|someone|the other)",
                r"\bwin your business\b",
                r"\bwon the (work|pitch|mandate)\b",
                r"\bwhy (was|were) (we|the firm) not (chosen|selected)",
                r"\bwhat could we have done\b",
                r"\bthe firm you chose\b",
                r"\bwinning firm\b",
                r"\bwarum haben sie sich (gegen uns|für einen anderen)",
                r"\bpourquoi avez-vous choisi un autre",
                r"\bpor qué eligió otr",
                r"\bdlaczego wybral[iy]? inn",
                r"\bmengapa memilih (firma|perusahaan) lain",
                r"왜 다른 (회사|업체)",
            ]),
        ),
        (
            "client",
            compile(&[
                r"\bhow long have you been (a client|a customer|working with)",
                r"\byour current (engagement|project)\b",
                r"\bsince you became a client\b",
                r"\bseit wann sind sie kunde",
                r"\bdepuis combien de temps êtes-vous client",
                r"\bdesde cuándo es cliente",
                r"\bod jak dawna jest",
                r"\bsejak kapan menjadi klien",
                r"얼마나 오래 거래",
            ]),
        ),
        (
            "prospect",
            compile(&[
                r"\bwhat would make you consider (us|the firm)",
                r"\bwhen do you (plan|expect) to (choose|appoint|hire)",
                r"\bare you currently looking for\b",
                r"\bwas würde sie dazu bewegen",
                r"\bqu'est-ce qui vous ferait envisager",
                r"\bqué le haría considerar",
                r"\bco skłoniłoby",
                r"\bapa yang akan membuat anda mempertimbangkan",
                r"고려하게",
            ]),
        ),
    ]
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_in_answers_and_file_names() {
        assert_eq!(stage_answer("Got-away"), Some("got-away"));
        assert_eq!(stage_answer("Closed lost"), Some("got-away"));
        assert_eq!(stage_answer("Ehemalige Kunden"), Some("former"));
        assert_eq!(stage_answer("Cliente"), Some("client"));
        assert_eq!(stage_answer("Lead"), Some("prospect"));
        assert_eq!(stage_answer("Client satisfaction"), None);
        for (a, st) in [
            ("Closed Won", "client"),
            ("Qualified lead", "prospect"),
            ("Proposal sent", "prospect"),
            ("Active", "client"),
            ("Inactive", "betweener"),
            ("Ex-customer", "former"),
            ("Lost deal", "got-away"),
        ] {
            assert_eq!(stage_answer(a), Some(st), "{a}");
        }
        assert_eq!(
            stage_in_name("crm/former-clients-2026Q3.csv"),
            Some(("former", true))
        );
        assert_eq!(stage_in_name("Got-aways"), Some(("got-away", true)));
        assert_eq!(
            stage_in_name("client_survey_2026Q1.csv"),
            Some(("client", false))
        );
        assert_eq!(
            stage_in_name("verlorene_Ausschreibungen.xlsx"),
            Some(("got-away", true))
        );
        assert_eq!(stage_in_name("survey.csv"), None);
    }
}

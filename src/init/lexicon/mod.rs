//! The words `init` reads headers, answers and file names by, in English, German, French,
//! Spanish, Polish, Indonesian and Korean: which stem asks for importance and which for
//! experience, which answers name a stage or a relationship or an outcome, which questions ask
//! where buyers look, which headers are firmographics and which are platform metadata.
//!
//! Each concept is one case-insensitive regular expression, its alternatives grouped by
//! language, compiled once. Stems are matched as word beginnings where the language has spaces,
//! so that "rate" finds "rate" and "rating" but not "separate".

use std::sync::LazyLock;

use regex::Regex;

mod answers;
mod phrases;

pub use answers::*;
pub use phrases::*;

fn compile(parts: &[&str]) -> Regex {
    Regex::new(&format!("(?i){}", parts.join("|"))).expect("built-in lexicon compiles")
}

/// A question stem asking what matters: importance, priority.
pub static EXPECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        // en
        r"\bimportan",
        r"\bmatter",
        r"\bpriorit",
        r"\bessential",
        r"\bvalue most",
        // de
        r"\bwichtig",
        r"\bbedeut",
        r"\bpriorität",
        // fr
        r"\bimportan",
        r"\bcompte",
        r"\bprioritaire",
        // es
        r"\bimportan",
        r"\bprioridad",
        // pl
        r"\bważn",
        r"\bistotn",
        r"\bpriorytet",
        // id
        r"\bpenting",
        r"\bkepentingan",
        r"\bprioritas",
        // ko
        r"중요",
        r"우선",
    ])
});

/// A stem about expectations: the expectation side unless it also asks how the firm did
/// ("How well did we meet your expectations?").
pub static EXPECTATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        r"\bexpect",
        r"\berwart",
        r"\battente",
        r"\battendez",
        r"\bespera",
        r"\bexpectativ",
        r"\boczekiw",
        r"\bharap",
        r"기대",
    ])
});

/// The side a question stem is on: `Some(0)` expectation (importance words, or expectation
/// words without experience words), `Some(1)` experience.
pub fn side_of(stem: &str) -> Option<usize> {
    if EXPECT.is_match(stem) {
        Some(0)
    } else if EXPERIENCE.is_match(stem) {
        Some(1)
    } else if EXPECTATION.is_match(stem) {
        Some(0)
    } else {
        None
    }
}

/// A question stem asking how the firm did: rating, performance, satisfaction, experience.
pub static EXPERIENCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        // en
        r"\brate\b",
        r"\brating",
        r"\bhow (did|does|do|well|good)\b",
        r"\bperform",
        r"\bsatisf",
        r"\bexperien",
        r"\bdeliver",
        r"\bcompared",
        r"\bscore",
        r"\bevaluat",
        r"\bjudge",
        // de
        r"\bzufrieden",
        r"\bbewert",
        r"\bleistung",
        r"\berfahr",
        r"\berleb",
        r"\bbeurteil",
        // fr
        r"\bsatisf",
        r"\bévalu",
        r"\bnote",
        r"\bnotez",
        r"\bperformance",
        r"\bexpérience",
        r"\bjugez",
        // es
        r"\bsatisf",
        r"\bevalú",
        r"\bcalific",
        r"\bdesempeño",
        r"\brendimiento",
        r"\bexperiencia",
        r"\bvalor[ea]",
        // pl
        r"\bzadowol",
        r"\bocen",
        r"\bdoświadcz",
        r"\bwydajn",
        r"\bjakoś",
        // id
        r"\bpuas",
        r"\bkepuasan",
        r"\bkinerja",
        r"\bnilai",
        r"\bpengalaman",
        r"\bmenilai",
        // ko
        r"만족",
        r"성과",
        r"평가",
        r"경험",
        r"인식",
        r"인지",
        r"성능",
    ])
});

/// A header asking for likelihood to recommend.
pub static RECOMMEND: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        // en
        r"\brecommend",
        r"\bnps\b",
        r"net promoter",
        r"\bpromoter score",
        // de
        r"\bempfehl",
        r"\bweiterempfehl",
        // fr
        r"\brecommand",
        // es
        r"\brecomend",
        r"\brecomiend",
        // pl
        r"\bpolec",
        r"\brekomend",
        // id
        r"\bmerekomendasi",
        r"\brekomendasi",
        r"\bmenyarankan",
        // ko
        r"추천",
    ])
});

/// A multi-select question about where buyers look, hear, find or learn.
pub static CHANNEL_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        // en
        r"\bwhere (do|did|would) (you|they)\b",
        r"\bhow did you (hear|find|learn|come)",
        r"\bhear(d)? (about|of)\b",
        r"\b(look|search)(ed|ing)? for\b",
        r"\bfind (out|information|advisers|advisors|a firm|providers)",
        r"\blearn(ed)? about\b",
        r"\bsources? of information\b",
        r"\binformation sources?\b",
        r"\bchannels? (do|did|you|used)",
        r"\btouchpoints?\b",
        r"\bwhere .* (look|search|find|learn|hear)",
        // de
        r"\bwo (haben|suchen|informieren|finden)",
        r"\bwie (haben sie|sind sie) .*(erfahren|aufmerksam|gefunden)",
        r"\binformationsquelle",
        r"\bgesucht\b",
        r"\berfahren\b",
        r"\baufmerksam",
        // fr
        r"\boù (avez|cherchez|vous)",
        r"\bcomment avez-vous (connu|entendu|trouvé)",
        r"\bentendu parler",
        r"\bsources? d'information",
        r"\bcherch",
        // es
        r"\bdónde (busc|encontr|se enter|oy)",
        r"\bcómo (se enteró|nos conoció|encontró|supo)",
        r"\bfuentes? de información",
        r"\bse enter",
        r"\bbusc(a|ó|an)\b",
        // pl
        r"\bgdzie (szuka|szukał|dowiedział|znalaz)",
        r"\bjak (się )?dowiedział",
        r"\bźródł[ao] informacji",
        r"\bszuka",
        r"\bdowiedzia",
        // id
        r"\bdi mana (anda )?(mencari|menemukan|mengetahui|mendengar)",
        r"\bbagaimana anda (mengetahui|menemukan|mendengar)",
        r"\bsumber informasi",
        r"\bmencari\b",
        r"\bmengetahui tentang",
        // ko
        r"어디(에서|서)",
        r"알게",
        r"찾",
        r"검색",
        r"정보 ?(출처|경로)",
        r"접점",
    ])
});

/// A question about services the firm offers.
pub static SERVICE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        r"\bservice",
        r"\bofferings?\b",
        r"\bpractice areas?\b",
        r"\bcapabilit",
        r"\bleistung",
        r"\bdienstleistung",
        r"\bangebot",
        r"\bprestation",
        r"\bservicio",
        r"\busług",
        r"\blayanan",
        r"\bjasa\b",
        r"서비스",
    ])
});

/// Services the respondent knows of.
pub static KNOWN: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        r"\baware",
        r"\bknow",
        r"\bheard",
        r"\bfamiliar",
        r"\brecogni",
        r"\bkennen",
        r"\bbekannt",
        r"\bwissen",
        r"\bconnaiss",
        r"\bsavez",
        r"\bconoc",
        r"\bsabe",
        r"\bzna",
        r"\bwie(sz|dział)",
        r"\btahu",
        r"\bmengetahui",
        r"\bmengenal",
        r"알고",
        r"인지",
    ])
});

/// Services the respondent bought or used.
pub static BOUGHT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        r"\bbought",
        r"\bpurchas",
        r"\bbuy",
        r"\bused\b",
        r"\bengaged",
        r"\bhired",
        r"\bgekauft",
        r"\bgenutzt",
        r"\bin anspruch",
        r"\bbeauftragt",
        r"\bachet",
        r"\butilis",
        r"\bcompr",
        r"\bcontrat",
        r"\butiliz",
        r"\bkupi",
        r"\bkorzysta",
        r"\bzlec",
        r"\bmembeli",
        r"\bmenggunakan",
        r"\bmemakai",
        r"구매",
        r"이용",
        r"사용",
    ])
});

/// Platform metadata: never a channel, a segment or a journey question.
pub static METADATA: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[
        r"^\s*(distribution ?channel|collector ?(id|name)?|ip ?address|ipaddress|location ?(latitude|longitude)|latitude|longitude)\s*$",
        r"^\s*(recipient ?(last ?name|first ?name|email)|external ?(data ?)?reference|user ?language|status|progress|finished|duration.*|response ?(id|type)|start ?date|end ?date|recorded ?date|q_.*|custom data.*|email address|first name|last name)\s*$",
        r"\bconsent\b",
        r"\bembedded\b",
        r"\bmeta ?data\b",
        r"\bbrowser\b",
        r"\boperating system\b",
        r"\bscreen resolution\b",
        r"\buser ?agent\b",
        r"\bpanel ?id\b",
        r"\bdevice\b",
        r"\beinwillig",
        r"\bconsentement",
        r"\bconsentimiento",
        r"\bzgod[ay]",
        r"\bpersetujuan",
        r"동의",
    ])
});

/// A firmographic, by concept: the field name it gives and the words of its header.
pub static FIRMOGRAPHICS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        (
            "industry",
            &[
                r"\bindustr",
                r"\bbranche",
                r"\bsecteur",
                r"\bbranż",
                r"업종",
                r"산업",
            ][..],
        ),
        ("sector", &[r"\bsector", r"\bsektor"]),
        (
            "company_size",
            &[
                r"\bsize\b",
                r"\bcompany size",
                r"\bgröße",
                r"\bunternehmensgröße",
                r"\btaille",
                r"\btamaño",
                r"\bwielkoś",
                r"\bukuran",
                r"규모",
            ],
        ),
        (
            "employees",
            &[
                r"\bemployees",
                r"\bheadcount",
                r"\bstaff\b",
                r"\bmitarbeiter",
                r"\beffectif",
                r"\bsalariés",
                r"\bempleados",
                r"\bpracownik",
                r"\bkaryawan",
                r"\bpegawai",
                r"직원 ?수",
                r"종업원 ?수",
            ],
        ),
        (
            "revenue",
            &[
                r"\brevenue",
                r"\bturnover",
                r"\bumsatz",
                r"\bchiffre d'affaires",
                r"\bingresos",
                r"\bfacturación",
                r"\bprzych",
                r"\bobrót",
                r"\bpendapatan",
                r"\bomzet",
                r"매출",
            ],
        ),
        (
            "region",
            &[
                r"\bregion",
                r"\brégion",
                r"\bwojew",
                r"\bwilayah",
                r"\bdaerah",
                r"지역",
            ],
        ),
        (
            "country",
            &[
                r"\bcountry",
                r"\bland\b",
                r"\bpays\b",
                r"\bpaís",
                r"\bkraj",
                r"\bnegara",
                r"국가",
                r"나라",
            ],
        ),
        (
            "role",
            &[
                r"\brole\b",
                r"\bjob title",
                r"\bfunction\b",
                r"\bposition\b",
                r"\brolle",
                r"\bfunktion",
                r"\brôle",
                r"\bfonction",
                r"\bposte\b",
                r"\brol\b",
                r"\bcargo\b",
                r"\bpuesto",
                r"\bstanowisk",
                r"\brola\b",
                r"\bperan\b",
                r"\bjabatan",
                r"직무",
                r"직책",
                r"역할",
            ],
        ),
        (
            "seniority",
            &[
                r"\bseniority",
                r"\b(job|management|position|career|hierarchy) level",
                r"\bhierarch",
                r"\bführungsebene",
                r"\bniveau hiérarchique",
                r"\bnivel jerárquico",
                r"\bszczeb",
                r"\btingkat jabatan",
                r"직급",
            ],
        ),
    ]
    .into_iter()
    .map(|(name, words)| (name, compile(words)))
    .collect()
});

/// The firmographic concept a header names, if any: a short header (a long one is a question
/// that mentions staff or size in passing).
pub fn firmographic(header: &str) -> Option<&'static str> {
    if header.chars().count() > 60 {
        return None;
    }
    FIRMOGRAPHICS
        .iter()
        .find(|(_, re)| re.is_match(header))
        .map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_in_seven_languages() {
        for s in [
            "How important is each of the following?",
            "Wie wichtig sind Ihnen die folgenden Punkte?",
            "Quelle importance accordez-vous à",
            "¿Qué tan importante es",
            "Jak ważne są dla Państwa",
            "Seberapa penting",
            "다음 항목은 얼마나 중요합니까",
            "What matters most when choosing an adviser",
            "What did you expect",
        ] {
            assert_eq!(side_of(s), Some(0), "{s}");
        }
        for s in [
            "How did Northwind do on",
            "Please rate our performance",
            "Wie zufrieden waren Sie mit",
            "Comment évaluez-vous",
            "¿Qué tan satisfecho está con",
            "Jak oceniają Państwo",
            "Seberapa puas Anda",
            "만족도",
            "How well did we meet your expectations?",
        ] {
            assert_eq!(side_of(s), Some(1), "{s}");
        }
        assert!(!EXPERIENCE.is_match("separate the items"));
    }

    #[test]
    fn metadata_and_firmographics() {
        for h in [
            "Distribution Channel",
            "DistributionChannel",
            "Collector ID",
            "IP Address",
            "LocationLatitude",
            "Consent to take part",
        ] {
            assert!(METADATA.is_match(h), "{h}");
        }
        assert!(!METADATA.is_match("Industry"));
        assert_eq!(
            firmographic("What industry is your company in?"),
            Some("industry")
        );
        assert_eq!(firmographic("Unternehmensgröße"), Some("company_size"));
        assert_eq!(firmographic("업종"), Some("industry"));
        assert_eq!(firmographic("How satisfied are you"), None);
    }
}

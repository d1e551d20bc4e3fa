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

/// A relationship answer, by phrase, as the code its stage rules read: `client` (working with
/// the firm now), `betweener` (worked with it before and would again), `former` (will not
/// return, no longer works with it), `prospect` (never worked with it), `past` (worked with it
/// before, no more said). The first group that matches decides, so the negations come first.
pub static RELATIONSHIP: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "former",
            compile(&[
                r"\bno longer\b",
                r"\bnot any ?more\b",
                r"\bnever again\b",
                r"\bwill not (return|come back|work|use|hire)",
                r"\bwon'?t (return|come back|work|use|hire)",
                r"\bwould not (return|come back|work|use|hire)",
                r"\bwouldn'?t (return|work|use|hire)",
                r"\bstopped (working|using)",
                r"\bformer (client|customer)",
                r"\bchurned",
                r"\bended (our|the) (relationship|engagement)",
                r"\bnicht mehr\b",
                r"\bnie wieder\b",
                r"\behemalige",
                r"\bnicht wieder\b",
                r"\bne .*plus\b",
                r"\bancien client",
                r"\bplus jamais\b",
                r"\bya no\b",
                r"\bnunca más\b",
                r"\bno volver",
                r"\bex ?cliente",
                r"\bantiguo cliente",
                r"\bjuż nie\b",
                r"\bnigdy więcej\b",
                r"\bnie wróc",
                r"\bbył(ym|y)? klient",
                r"\btidak lagi\b",
                r"\btidak akan kembali\b",
                r"\bmantan (klien|pelanggan)",
                r"\bberhenti\b",
                r"더 이상",
                r"다시는",
                r"이전 고객",
                r"거래를 중단",
                r"중단했",
            ]),
        ),
        (
            "betweener",
            compile(&[
                r"\b(again|return|come back)\b.*\b(would|will|happy|plan|intend|likely)\b",
                r"\b(would|will|happy to|plan to|intend to|likely to) .*\b(again|return|come back)\b",
                r"\bbetween (projects|engagements|mandates)",
                r"\bnot currently\b.*\b(but|will|would)\b",
                r"\bwieder\b",
                r"\bzwischen (zwei )?(projekten|mandaten)",
                r"\bà nouveau\b",
                r"\bde nouveau\b",
                r"\bentre deux (missions|projets)",
                r"\bde nuevo\b",
                r"\botra vez\b",
                r"\bvolver(íamos|emos)",
                r"\bentre proyectos",
                r"\bponownie\b",
                r"\bznowu\b",
                r"\bmiędzy projektami",
                r"\blagi\b",
                r"\bkembali bekerja",
                r"\bdi antara proyek",
                r"다시",
                r"프로젝트 사이",
            ]),
        ),
        (
            "prospect",
            compile(&[
                r"\bnever\b",
                r"\bnot yet\b",
                r"\bhave not (yet )?worked",
                r"\bhaven'?t (yet )?worked",
                r"\bconsidering\b",
                r"\bprospect",
                r"\bpotential\b",
                r"\bno relationship\b",
                r"\bnoch nie\b",
                r"\bnoch nicht\b",
                r"\bnie\b",
                r"\binteressent",
                r"\bpotenziell",
                r"\bjamais\b",
                r"\bpas encore\b",
                r"\bpotentiel",
                r"\bnunca\b",
                r"\btodavía no\b",
                r"\baún no\b",
                r"\bpotencial\b",
                r"\bprospecto",
                r"\bnigdy\b",
                r"\bjeszcze nie\b",
                r"\bpotencjaln",
                r"\bbelum pernah\b",
                r"\btidak pernah\b",
                r"\bbelum\b",
                r"\bcalon\b",
                r"\bprospek",
                r"없",
                r"아직",
                r"잠재",
            ]),
        ),
        (
            "client",
            compile(&[
                r"\bcurrent",
                r"\bworking with\b",
                r"\bwork with (you|them|us)\b",
                r"\bactive\b",
                r"\bexisting\b",
                r"\bongoing\b",
                r"\bright now\b",
                r"\bat present\b",
                r"\bderzeit",
                r"\baktuell",
                r"\bzurzeit",
                r"\bbestehende",
                r"\barbeiten mit\b",
                r"\bactuellement\b",
                r"\bclient actuel",
                r"\ben cours\b",
                r"\btravaillons avec\b",
                r"\bactualmente\b",
                r"\bcliente actual",
                r"\btrabajamos con\b",
                r"\bobecnie\b",
                r"\baktualnie\b",
                r"\bobecny klient",
                r"\bwspółpracujemy\b",
                r"\bsaat ini\b",
                r"\bsedang bekerja",
                r"\bklien aktif",
                r"\bmasih bekerja",
                r"현재",
                r"거래 중",
                r"진행 중",
                r"협력 중",
            ]),
        ),
        (
            "past",
            compile(&[
                r"\bpast\b",
                r"\bprevious",
                r"\bused to\b",
                r"\bhave worked\b",
                r"\bworked with\b",
                r"\bbefore\b",
                r"\bformer",
                r"\bearlier\b",
                r"\bfrüher",
                r"\bin der vergangenheit\b",
                r"\bhaben .*gearbeitet",
                r"\behemals",
                r"\bpar le passé\b",
                r"\bauparavant\b",
                r"\bprécédemment\b",
                r"\bavons travaillé\b",
                r"\ben el pasado\b",
                r"\banteriormente\b",
                r"\bhemos trabajado\b",
                r"\btrabajamos\b",
                r"\bwcześniej\b",
                r"\bw przeszłości\b",
                r"\bwspółpracowaliśmy\b",
                r"\bsebelumnya\b",
                r"\bdulu\b",
                r"\bpernah\b",
                r"과거",
                r"이전에",
                r"예전에",
                r"적이 있",
            ]),
        ),
    ]
});

/// An outcome answer, by phrase, as the code the outcome rules read: `got-away` (chose
/// another firm), `not-now` (on hold, postponed), `open` (still comparing or deciding), `hired`
/// (chose the firm). A named competitor is read before "went with" and "chose".
pub static OUTCOME: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "got-away",
            compile(&[
                r"\bnot on (our|the) (short ?list|list)",
                r"\banother (firm|advis|provider|company|consult|agency|vendor|supplier|partner|practice|team)",
                r"\bsomeone else\b",
                r"\bcompetitor",
                r"\bother (firm|provider|advis|consult|agency|vendor)",
                r"\banderen? (anbieter|berater|firma|kanzlei|dienstleister|agentur|unternehmen)",
                r"\bwettbewerb",
                r"\bkonkurren",
                r"\bmitbewerber",
                r"\bautre (cabinet|prestataire|société|fournisseur|conseil|agence|entreprise)",
                r"\bconcurren",
                r"\botr[oa] (firma|empresa|consultora|proveedor|despacho|asesor|agencia)",
                r"\bcompetidor",
                r"\bcompetencia\b",
                r"\binn(ą|ej|y|ego|ym) (firm|dostawc|kancelari|agencj|doradc|konsult)",
                r"\bkonkurenc",
                r"\b(firma|perusahaan|penyedia|konsultan|agensi|vendor) lain\b",
                r"\bpesaing\b",
                r"\bkompetitor\b",
                r"다른 (회사|업체|기업|컨설팅|곳)",
                r"경쟁",
            ]),
        ),
        (
            "not-now",
            compile(&[
                r"\bon hold\b",
                r"\bpostpone",
                r"\bnot now\b",
                r"\bpaused\b",
                r"\bshelved\b",
                r"\bcancel",
                r"\bdelayed\b",
                r"\bdeferred\b",
                r"\bno budget\b",
                r"\bzurückgestellt",
                r"\bverschoben",
                r"\bpausiert",
                r"\bauf eis\b",
                r"\babgesagt",
                r"\ben attente\b",
                r"\breporté",
                r"\bsuspendu",
                r"\ben pause\b",
                r"\bannulé",
                r"\ben espera\b",
                r"\bpospuesto",
                r"\baplazado",
                r"\ben pausa\b",
                r"\bcancelado",
                r"\bwstrzyman",
                r"\bodłożon",
                r"\bprzełożon",
                r"\bzawieszon",
                r"\banulowan",
                r"\bditunda\b",
                r"\btertunda\b",
                r"\bdibatalkan\b",
                r"\bdihentikan sementara",
                r"보류",
                r"연기",
                r"취소",
            ]),
        ),
        (
            "open",
            compile(&[
                r"\bstill (deciding|comparing|evaluating|looking|considering|reviewing)",
                r"\bundecided\b",
                r"\bpending\b",
                r"\bawaiting\b",
                r"\bin (discussion|negotiation)s?\b",
                r"\bevaluating\b",
                r"\bnot (yet )?decided\b",
                r"\bcomparing\b",
                r"\bshortlist",
                r"\bin progress\b",
                r"\bno decision\b",
                r"\bopen\b",
                r"\bnoch (nicht )?entschieden",
                r"\bin der (entscheidung|auswahl|prüfung)",
                r"\bvergleichen\b",
                r"\bnoch offen\b",
                r"\ben cours (de|d')",
                r"\bpas encore (décidé|choisi)",
                r"\ben réflexion\b",
                r"\bcompar",
                r"\b(aún|todavía) (decidiendo|comparando|evaluando|no (hemos )?decidido)",
                r"\bsin decidir\b",
                r"\ben evaluación\b",
                r"\bjeszcze (nie )?(zdecydowal|decyduj|porównuj|wybral)",
                r"\bporównuj",
                r"\bw trakcie\b",
                r"\bmasih (membandingkan|memutuskan|mempertimbangkan|mengevaluasi)",
                r"\bbelum (memutuskan|diputuskan|memilih)",
                r"비교 ?중",
                r"검토 ?중",
                r"결정하지",
                r"아직 결정",
                r"미정",
            ]),
        ),
        (
            "hired",
            compile(&[
                r"\bhired\b",
                r"\bappointed\b",
                r"\bengaged (you|them|the firm)",
                r"\bselected (you|your|the firm)",
                r"\bsigned\b",
                r"\bchose (you|us|your|the firm)",
                r"\bwent with (you|your|the firm)",
                r"\bwon\b",
                r"\bawarded\b",
                r"\bbeauftragt",
                r"\bentschieden uns für (sie|euch|ihr)",
                r"\bmandatiert",
                r"\bchoisi (votre|vous)",
                r"\bretenu (votre|vous)",
                r"\bmandaté",
                r"\bsigné",
                r"\bcontratad[oa]",
                r"\bcontratamos\b",
                r"\belegimos (a )?(ustedes|su|vuestr)",
                r"\bfirmamos\b",
                r"\bzatrudni",
                r"\bwybraliśmy (was|państwa|waszą)",
                r"\bzleciliśmy\b",
                r"\bpodpisaliśmy\b",
                r"\bmenunjuk\b",
                r"\bmemilih (anda|kalian|perusahaan anda)",
                r"\bmengontrak\b",
                r"\bmenandatangani\b",
                r"선정",
                r"계약",
                r"선택했",
            ]),
        ),
        (
            "got-away",
            compile(&[
                r"\bwent with\b",
                r"\blost\b",
                r"\bnot selected\b",
                r"\bdid not (choose|select|hire)",
                r"\bdidn'?t (choose|select|hire)",
                r"\bchose\b",
                r"\bselected\b",
                r"\bentschieden uns für\b",
                r"\bnicht (ausgewählt|beauftragt)",
                r"\bavons choisi\b",
                r"\bnon retenu",
                r"\belegimos\b",
                r"\bno (fue|fueron) seleccionad",
                r"\bwybraliśmy\b",
                r"\bnie wybral",
                r"\bmemilih\b",
                r"\btidak terpilih",
                r"선택하지",
                r"탈락",
            ]),
        ),
    ]
});

/// The code of the first group whose phrases an answer holds.
pub fn code_of(answer: &str, table: &[(&'static str, Regex)]) -> Option<&'static str> {
    table
        .iter()
        .find(|(_, re)| re.is_match(answer))
        .map(|(c, _)| *c)
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

    #[test]
    fn relationship_and_outcome_phrases() {
        let r = |a: &str| code_of(a, &RELATIONSHIP);
        assert_eq!(r("We are currently working with Northwind"), Some("client"));
        assert_eq!(r("We have worked with Northwind in the past"), Some("past"));
        assert_eq!(
            r("Worked with them before and would again"),
            Some("betweener")
        );
        assert_eq!(
            r("Worked with them before, will not return"),
            Some("former")
        );
        assert_eq!(r("We no longer work with them"), Some("former"));
        assert_eq!(r("We have never worked with them"), Some("prospect"));
        assert_eq!(r("Wir arbeiten derzeit mit ihnen"), Some("client"));
        assert_eq!(r("Nous ne travaillons plus avec eux"), Some("former"));
        assert_eq!(r("Nunca hemos trabajado con ellos"), Some("prospect"));
        assert_eq!(
            r("Współpracowaliśmy wcześniej i chętnie ponownie"),
            Some("betweener")
        );
        assert_eq!(r("Saat ini bekerja sama"), Some("client"));
        assert_eq!(r("현재 거래 중"), Some("client"));
        let o = |a: &str| code_of(a, &OUTCOME);
        assert_eq!(o("We chose another firm"), Some("got-away"));
        assert_eq!(o("Went with a competitor"), Some("got-away"));
        assert_eq!(o("We have put the project on hold"), Some("not-now"));
        assert_eq!(o("Still comparing offers"), Some("open"));
        assert_eq!(o("We hired Northwind Advisory"), Some("hired"));
        assert_eq!(
            o("Wir haben uns für einen anderen Anbieter entschieden"),
            Some("got-away")
        );
        assert_eq!(o("Projekt verschoben"), Some("not-now"));
        assert_eq!(o("Nous avons choisi votre cabinet"), Some("hired"));
        assert_eq!(o("Elegimos otra consultora"), Some("got-away"));
        assert_eq!(o("다른 회사를 선택했습니다"), Some("got-away"));
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

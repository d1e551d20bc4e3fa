//! The lexicon read as the guesses read it: stems, metadata, firmographics, stage names and
//! the relationship and outcome phrases, in the seven languages.

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
    assert!(!words().experience.is_match("separate the items"));
    // Whole words for open text and reasons.
    for h in [
        "Why?",
        "Any comments",
        "Reasons for leaving",
        "Pourquoi ?",
        "Motivo principal",
    ] {
        assert!(words().free_text.is_match(h), "{h}");
    }
    for h in [
        "Was the fee reasonable?",
        "Comparaison des offres",
        "How often do you read our commentary?",
        "Results-driven approach rating",
    ] {
        assert!(!words().free_text.is_match(h), "{h}");
    }
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
        assert!(words().metadata.is_match(h), "{h}");
    }
    assert!(!words().metadata.is_match("Industry"));
    assert_eq!(
        firmographic("What industry is your company in?"),
        Some("industry")
    );
    assert_eq!(firmographic("Unternehmensgröße"), Some("company_size"));
    assert_eq!(firmographic("업종"), Some("industry"));
    assert_eq!(firmographic("How satisfied are you"), None);
    // A stem takes a noun's endings, not another word built on it.
    assert_eq!(firmographic("Industries served"), Some("industry"));
    assert_eq!(firmographic("Hierarchy level"), Some("seniority"));
    assert_eq!(firmographic("Regional office"), Some("region"));
    assert_eq!(
        firmographic("How hierarchically severe was the issue?"),
        None
    );
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
    let r = |a: &str| code_of(a, &words().relationship);
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
    let o = |a: &str| code_of(a, &words().outcome);
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

/// Every language's words compile on their own (a new language's bad pattern is caught here,
/// by name), and its scales have a name and at least four points.
#[test]
fn every_language_compiles_on_its_own() {
    // All together, as a run compiles them (each when first used).
    if let Err(e) = Compiled::of(LANGUAGES) {
        panic!("every language together: {e}");
    }
    for l in LANGUAGES {
        if let Err(e) = Compiled::of(&[l]) {
            panic!("{}: {e}", l.name);
        }
        for s in l.scales {
            let (name, points) = s.split_once(':').expect("a scale has a name");
            assert!(!name.trim().is_empty(), "{}: {s}", l.name);
            assert!(points.split(';').count() >= 4, "{}: {s}", l.name);
        }
        assert_eq!(l.code.len(), 2, "{}", l.name);
        assert!(
            l.platform.timestamp.iter().all(|t| t.to_lowercase() == *t),
            "{}: timestamp headers are written in lower case",
            l.name
        );
    }
}

/// Portuguese, Italian and Dutch, each read as the other languages are: the stems of a rating
/// battery, firmographics, stage names, relationship and outcome phrases, the readings of
/// answers no phrase holds, and Microsoft Forms' headers. Written and checked by reading each
/// sentence as a native professional-services buyer would write it (European Portuguese and
/// Brazilian forms both; Italian; Netherlands Dutch).
#[test]
fn portuguese_italian_and_dutch() {
    // Importance, then performance.
    for s in [
        "Qual a importância de cada um dos seguintes aspetos?",
        "Quanto è importante per voi ciascuno dei seguenti aspetti?",
        "Hoe belangrijk vindt u de volgende punten?",
    ] {
        assert_eq!(side_of(s), Some(0), "{s}");
    }
    for s in [
        "Como avalia o desempenho do escritório em",
        "Quanto è soddisfatto di",
        "Hoe tevreden bent u over",
    ] {
        assert_eq!(side_of(s), Some(1), "{s}");
    }
    assert_eq!(firmographic("Setor de atividade"), Some("sector"));
    assert_eq!(firmographic("Numero di dipendenti"), Some("employees"));
    assert_eq!(firmographic("Bedrijfsgrootte"), Some("company_size"));
    assert_eq!(firmographic("Omzet (EUR)"), Some("revenue"));
    for (a, st) in [
        ("Ex-clientes", "former"),
        ("Clientes atuais", "client"),
        ("Ex clienti", "former"),
        ("Clienti potenziali", "prospect"),
        ("Oud-klanten", "former"),
        ("Huidige klanten", "client"),
        ("Verloren offertes", "got-away"),
    ] {
        assert_eq!(stage_answer(a), Some(st), "{a}");
    }
    let r = |a: &str| code_of(a, &words().relationship);
    assert_eq!(r("Atualmente trabalhamos com o escritório"), Some("client"));
    assert_eq!(r("Já não trabalhamos com eles"), Some("former"));
    assert_eq!(r("Nunca trabalhámos com este escritório"), Some("prospect"));
    assert_eq!(r("Attualmente lavoriamo con voi"), Some("client"));
    assert_eq!(r("Non lavoriamo più con loro"), Some("former"));
    assert_eq!(r("Non abbiamo mai lavorato con voi"), Some("prospect"));
    assert_eq!(r("Momenteel werken we met hen"), Some("client"));
    assert_eq!(r("We werken niet meer met hen samen"), Some("former"));
    assert_eq!(r("We hebben nog nooit met hen gewerkt"), Some("prospect"));
    let o = |a: &str| code_of(a, &words().outcome);
    assert_eq!(o("Escolhemos outro escritório"), Some("got-away"));
    assert_eq!(o("O projeto foi adiado"), Some("not-now"));
    assert_eq!(o("Ainda não decidimos"), Some("open"));
    assert_eq!(o("Abbiamo scelto un altro studio"), Some("got-away"));
    assert_eq!(o("Progetto rimandato"), Some("not-now"));
    assert_eq!(o("Stiamo ancora valutando le offerte"), Some("open"));
    assert_eq!(
        o("We hebben voor een ander kantoor gekozen"),
        Some("got-away")
    );
    assert_eq!(o("Het project is uitgesteld"), Some("not-now"));
    assert_eq!(o("We zijn nog aan het vergelijken"), Some("open"));
    // Readings of answers no phrase holds: tense, negation, the other party.
    let m = |t: &str| meaning::read(t).map(|r| r.code);
    for (t, want) in [
        ("Somos clientes e temos um projeto em curso", Some("client")),
        (
            "Éramos clientes, mas hoje trabalhamos com outra sociedade",
            Some("former"),
        ),
        (
            "Trabalhámos convosco no passado e gostaríamos de voltar",
            Some("betweener"),
        ),
        (
            "Nunca recorremos aos vossos serviços de assessoria",
            Some("prospect"),
        ),
        ("Siamo clienti con un incarico in corso", Some("client")),
        (
            "In passato eravamo clienti, ora ci rivolgiamo a un altro studio",
            Some("former"),
        ),
        (
            "Abbiamo lavorato con voi prima e vorremmo tornare",
            Some("betweener"),
        ),
        (
            "Non abbiamo mai affidato incarichi allo studio",
            Some("prospect"),
        ),
        ("Wij zijn klant en er loopt een opdracht", Some("client")),
        (
            "Wij waren klant, maar werken nu met een ander kantoor",
            Some("former"),
        ),
        (
            "We hebben eerder samengewerkt en komen graag terug",
            Some("betweener"),
        ),
        ("Wij zijn nooit klant geweest", Some("prospect")),
    ] {
        assert_eq!(m(t), want, "{t}");
    }
    // Their platforms' headers.
    assert!(is_forms_header("id", "hora de início", "hora de conclusão"));
    assert!(is_forms_header(
        "id",
        "ora di inizio",
        "ora di completamento"
    ));
    assert!(is_forms_header("id", "begintijd", "tijd van voltooien"));
    assert!(!is_forms_header(
        "id",
        "ora di inizio",
        "tijd van voltooien"
    ));
}

/// Per language: a relationship answer in the present, one in the past with another firm now,
/// one in the past with a return, one never (negation); two outcome answers (another firm
/// chosen; postponed). Sentences written for the test, not taken from the lexicon's phrases.
type Tenses = (&'static str, [&'static str; 4], [&'static str; 2]);

fn tenses_and_negation() -> [Tenses; 10] {
    [
        (
            "en",
            [
                "Right now we are clients with a mandate open",
                "We used them years ago and have since moved to a rival firm",
                "We worked with them on a deal before and would return",
                "We have never instructed this firm",
            ],
            [
                "We awarded the work to another provider",
                "The project was postponed",
            ],
        ),
        (
            "de",
            [
                "Wir arbeiten aktuell mit der Kanzlei an einem Projekt",
                "Früher waren wir Mandant, inzwischen betreut uns eine andere Kanzlei",
                "Wir hatten früher ein Projekt mit Ihnen und kommen gern wieder",
                "Wir haben noch nie mit Ihnen zusammengearbeitet",
            ],
            [
                "Wir haben einen anderen Anbieter beauftragt",
                "Das Vorhaben wurde verschoben",
            ],
        ),
        (
            "fr",
            [
                "Nous travaillons en ce moment avec le cabinet sur un dossier",
                "Nous étions clients autrefois ; un autre cabinet nous accompagne aujourd'hui",
                "Nous avons travaillé ensemble par le passé et reviendrons volontiers",
                "Nous n'avons jamais fait appel à ce cabinet",
            ],
            [
                "Nous avons choisi un autre prestataire",
                "Le projet a été reporté",
            ],
        ),
        (
            "es",
            [
                "Actualmente trabajamos con el despacho en un asunto",
                "Antes éramos clientes, ahora nos asesora otra firma",
                "Trabajamos con ustedes hace años y volveríamos a contratarlos",
                "Nunca hemos contratado a este despacho",
            ],
            ["Elegimos a un competidor", "El proyecto se ha aplazado"],
        ),
        (
            "pt",
            [
                "Neste momento trabalhamos com o escritório num processo",
                "Antes éramos clientes, agora trabalhamos com outro escritório",
                "Já trabalhámos convosco e voltaríamos a contratar",
                "Nunca contratámos este escritório",
            ],
            ["Escolhemos outra consultora", "O projeto foi suspenso"],
        ),
        (
            "it",
            [
                "Attualmente lavoriamo con lo studio su un incarico",
                "Eravamo clienti, ora ci segue un altro studio",
                "Abbiamo lavorato con voi in passato e torneremmo",
                "Non abbiamo mai lavorato con questo studio",
            ],
            [
                "Abbiamo scelto un altro fornitore",
                "Il progetto è stato rinviato",
            ],
        ),
        (
            "nl",
            [
                "Op dit moment werken we met het kantoor aan een opdracht",
                "Vroeger waren we klant, nu werken we met een ander bureau",
                "We hebben eerder met u gewerkt en komen graag weer terug",
                "We hebben nooit met dit kantoor gewerkt",
            ],
            [
                "We hebben een ander bureau gekozen",
                "Het traject is uitgesteld",
            ],
        ),
        (
            "pl",
            [
                "Obecnie współpracujemy z kancelarią przy projekcie",
                "Kiedyś byliśmy klientem, teraz korzystamy z innej kancelarii",
                "Współpracowaliśmy wcześniej i chcielibyśmy wrócić",
                "Nigdy nie współpracowaliśmy z tą kancelarią",
            ],
            ["Wybraliśmy inną kancelarię", "Projekt został odłożony"],
        ),
        (
            "id",
            [
                "Saat ini kami masih menjadi klien",
                "Dulu kami klien, sekarang memakai firma lain",
                "Kami pernah bekerja sama dan ingin kembali lagi",
                "Kami belum pernah bekerja sama dengan firma ini",
            ],
            ["Kami memilih firma lain", "Proyek ditunda"],
        ),
        (
            "ko",
            [
                "현재 고객으로 프로젝트를 진행 중입니다",
                "예전에는 고객이었지만 지금은 다른 회사와 일합니다",
                "이전에 함께 일했고 다시 의뢰할 생각입니다",
                "아직 거래한 적이 없습니다",
            ],
            ["다른 회사를 선택했습니다", "프로젝트가 보류되었습니다"],
        ),
    ]
}

/// In every language, [`tenses_and_negation`] read right: the relationships by the lexicon's
/// reading of an answer ([`relationship_code`]), the outcomes by its phrases.
#[test]
fn tenses_and_negation_in_every_language() {
    let mut wrong = Vec::new();
    for (lang, rel, out) in tenses_and_negation() {
        for (t, want) in rel
            .iter()
            .zip(["client", "former", "betweener", "prospect"])
        {
            let got = relationship_code(t);
            if got != Some(want) {
                wrong.push(format!("{lang}: {t:?} read {got:?}, not {want}"));
            }
        }
        for (t, want) in out.iter().zip(["got-away", "not-now"]) {
            let got = code_of(t, &words().outcome);
            if got != Some(want) {
                wrong.push(format!("{lang}: {t:?} read {got:?}, not {want}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

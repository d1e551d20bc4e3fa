//! Six firms' quarters that nothing in journeygap was built against ("Ask, don't guess"): a
//! generator of its own, apart from the demo's (`src/demo`) and the first-contact corpus
//! (`tests/unseen`), with wordings written for it and never added to the lexicon. Each folder
//! knows the true stage of every row, and the true stage of each answer and of each table (what
//! a truthful user answers `init`'s questions with).
//!
//! - `halvorsen` (English, law): a "client pulse" whose relationship column names four stages in
//!   the firm's own words, and a debrief workbook whose sheet "Lost pitches" holds got-aways;
//! - `ruiz` (Spanish, law): a client survey with a relationship question, and a file of lost
//!   proposals with an outcome question;
//! - `brandt` (German, tax advisers): a client survey with a relationship question;
//! - `moreau` (French, accounting): a file per stage, named after it, with no stage column;
//! - `almeida` (Portuguese, a language the lexicon lacked when it was written, covered since
//!   issue 30 and its wordings never added to it): a client survey with a relationship
//!   question;
//! - `kowalski` (English, engineering consultancy): a file named "clients" whose relationship
//!   column says three stages, and a file of potential clients;
//! - `lindqvist` (English), `dubois` (French), `garcia` (Spanish), `weber` (German): one survey
//!   each, written later, after the reading of an answer's parts was built (`later_firms`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One folder: where it is, and the truth.
pub struct Firm {
    pub name: &'static str,
    /// The period folder (`…/2026Q4`).
    pub dir: PathBuf,
    /// Whether the lexicon covers its language.
    pub covered: bool,
    /// (source_file, sheet, row as respondents.csv counts it) → true stage.
    pub rows: BTreeMap<(String, String, usize), &'static str>,
    /// Answer text → true stage, for every answer of a stage-bearing column.
    pub answers: BTreeMap<String, &'static str>,
    /// `file` or `file [sheet]` → the stage of all its rows, when they are all one.
    pub tables: BTreeMap<String, &'static str>,
}

/// A small deterministic generator (no dependency on the demo's).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A CSV cell, quoted when it must be.
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One table's columns, a row at a time, with the row's true stage.
struct Sheet {
    header: Vec<String>,
    rows: Vec<(Vec<String>, &'static str)>,
}

impl Firm {
    fn new(root: &Path, name: &'static str, covered: bool) -> Firm {
        let dir = root.join(name).join("2026Q4");
        std::fs::create_dir_all(&dir).unwrap();
        Firm {
            name,
            dir,
            covered,
            rows: BTreeMap::new(),
            answers: BTreeMap::new(),
            tables: BTreeMap::new(),
        }
    }

    fn record(&mut self, file: &str, sheet: &str, s: &Sheet) {
        for (i, (_, stage)) in s.rows.iter().enumerate() {
            self.rows
                .insert((file.to_string(), sheet.to_string(), i + 2), stage);
        }
        let mut stages: Vec<&str> = s.rows.iter().map(|r| r.1).collect();
        stages.sort_unstable();
        stages.dedup();
        if let [one] = stages[..] {
            let label = if sheet.is_empty() {
                file.to_string()
            } else {
                format!("{file} [{sheet}]")
            };
            self.tables.insert(label, one);
        }
    }

    fn csv(&mut self, file: &str, s: &Sheet) {
        let mut text = s
            .header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(",");
        text.push('\n');
        for (r, _) in &s.rows {
            text.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
            text.push('\n');
        }
        std::fs::write(self.dir.join(file), text).unwrap();
        self.record(file, "", s);
    }

    fn xlsx(&mut self, file: &str, sheets: &[(&str, Sheet)]) {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (name, s) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(*name).unwrap();
            for (c, h) in s.header.iter().enumerate() {
                ws.write_string(0, c as u16, h).unwrap();
            }
            for (r, (row, _)) in s.rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    match v.parse::<f64>() {
                        Ok(x) => ws.write_number(r as u32 + 1, c as u16, x).unwrap(),
                        Err(_) => ws.write_string(r as u32 + 1, c as u16, v).unwrap(),
                    };
                }
            }
        }
        wb.save(self.dir.join(file)).unwrap();
        for (name, s) in sheets {
            self.record(file, name, s);
        }
    }
}

/// `n` rows: an id, an answer of `answers` (with its stage), a 0–10 score, two ratings and a
/// reason; the answers' share by weight.
fn survey(
    rng: &mut Lcg,
    prefix: &str,
    n: usize,
    answers: &[(&str, &'static str, u64)],
    reasons: &[&str],
) -> Vec<(Vec<String>, &'static str)> {
    let total: u64 = answers.iter().map(|a| a.2).sum();
    (0..n)
        .map(|i| {
            let mut pick = rng.below(total);
            let (answer, stage, _) = answers
                .iter()
                .find(|a| {
                    if pick < a.2 {
                        true
                    } else {
                        pick -= a.2;
                        false
                    }
                })
                .unwrap();
            let score = match *stage {
                "client" => 6 + rng.below(5),
                "former" => rng.below(7),
                _ => 3 + rng.below(7),
            };
            let row = vec![
                format!("{prefix}{i:03}"),
                answer.to_string(),
                score.to_string(),
                (1 + rng.below(5)).to_string(),
                (1 + rng.below(5)).to_string(),
                reasons[rng.below(reasons.len() as u64) as usize].to_string(),
            ];
            (row, *stage)
        })
        .collect()
}

/// The header of a [`survey`] table.
fn header(cols: [&str; 6]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

fn learn(f: &mut Firm, answers: &[(&str, &'static str, u64)]) {
    for (a, st, _) in answers {
        f.answers.insert(a.to_string(), st);
    }
}

fn halvorsen(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "halvorsen", true);
    let rel = [
        (
            "We have an active matter with Halvorsen right now",
            "client",
            5,
        ),
        (
            "Halvorsen handled matters for us in earlier years; we now use another firm",
            "former",
            2,
        ),
        (
            "We used Halvorsen before and expect to instruct them again",
            "betweener",
            2,
        ),
        ("We have not instructed Halvorsen yet", "prospect", 2),
    ];
    learn(&mut f, &rel);
    let s = Sheet {
        header: header([
            "Response ref",
            "Which of these fits you best today?",
            "How likely is it that you would recommend Halvorsen to a colleague? (0-10)",
            "Responsiveness - importance",
            "Responsiveness - our performance",
            "What is the main reason for your score?",
        ]),
        rows: survey(
            rng,
            "HP",
            110,
            &rel,
            &["Quick answers", "Fees", "Knows our sector"],
        ),
    };
    f.csv("Halvorsen client pulse 2026 Q4.csv", &s);
    let lost = [
        ("Awarded to a competitor", "got-away", 3),
        ("Went with the incumbent firm", "got-away", 2),
    ];
    learn(&mut f, &lost);
    let s = Sheet {
        header: header([
            "Debrief no",
            "What happened after our proposal?",
            "Likelihood to recommend us (0-10)",
            "Price - importance",
            "Price - our performance",
            "Comments",
        ]),
        rows: survey(
            rng,
            "LP",
            40,
            &lost,
            &["Cheaper elsewhere", "Slow to reply"],
        ),
    };
    f.xlsx("pitch-debrief.xlsx", &[("Lost pitches", s)]);
    f
}

fn ruiz(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "ruiz", true);
    let rel = [
        ("Actualmente trabajamos con ustedes", "client", 5),
        ("Trabajamos juntos en el pasado pero ya no", "former", 2),
        (
            "Fuimos clientes y volveríamos a contratarles",
            "betweener",
            2,
        ),
        ("Todavía no hemos trabajado con ustedes", "prospect", 2),
    ];
    learn(&mut f, &rel);
    let s = Sheet {
        header: header([
            "N.º",
            "¿Cómo describiría su relación con el despacho?",
            "¿Recomendaría el despacho a un colega? (0-10)",
            "Importancia: rapidez",
            "Valoración: rapidez",
            "¿Por qué?",
        ]),
        rows: survey(
            rng,
            "RZ",
            120,
            &rel,
            &["Buen trato", "Honorarios altos", "Rapidez"],
        ),
    };
    f.csv("encuesta_clientes_2026T4.csv", &s);
    let lost = [
        ("Elegimos otro despacho", "got-away", 3),
        ("Aplazamos el proyecto", "prospect", 1),
    ];
    learn(&mut f, &lost);
    let s = Sheet {
        header: header([
            "N.º propuesta",
            "¿Qué decidieron tras nuestra propuesta?",
            "¿Recomendaría el despacho a un colega? (0-10)",
            "Importancia: precio",
            "Valoración: precio",
            "Comentarios",
        ]),
        rows: survey(rng, "PP", 45, &lost, &["Precio", "Plazos"]),
    };
    f.csv("propuestas_perdidas.csv", &s);
    f
}

fn brandt(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "brandt", true);
    let rel = [
        ("Wir sind derzeit Mandant", "client", 5),
        (
            "Wir waren Mandant, arbeiten aber inzwischen mit einer anderen Kanzlei",
            "former",
            2,
        ),
        (
            "Wir waren Mandant und würden wieder beauftragen",
            "betweener",
            2,
        ),
        ("Wir haben noch nicht mit Ihnen gearbeitet", "prospect", 2),
    ];
    learn(&mut f, &rel);
    let s = Sheet {
        header: header([
            "Lfd. Nr.",
            "Wie ist Ihre Beziehung zu Brandt & Partner?",
            "Würden Sie uns weiterempfehlen? (0-10)",
            "Wichtigkeit: Erreichbarkeit",
            "Zufriedenheit: Erreichbarkeit",
            "Warum?",
        ]),
        rows: survey(
            rng,
            "BP",
            130,
            &rel,
            &["Schnelle Antworten", "Zu teuer", "Kompetent"],
        ),
    };
    f.csv("mandantenbefragung_2026Q4.csv", &s);
    f
}

fn moreau(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "moreau", true);
    let cols = |q: &'static str| {
        header([
            "Numéro",
            q,
            "Recommanderiez-vous le cabinet à un confrère ? (0-10)",
            "Importance : disponibilité",
            "Satisfaction : disponibilité",
            "Pourquoi ?",
        ])
    };
    let files = [
        (
            "anciens-clients.csv",
            "Depuis quand avez-vous quitté le cabinet ?",
            "former",
            "AC",
        ),
        (
            "prospects_T4.csv",
            "Comment avez-vous connu le cabinet ?",
            "prospect",
            "PR",
        ),
        (
            "clients-actuels.csv",
            "Depuis combien d'années êtes-vous client ?",
            "client",
            "CL",
        ),
    ];
    for (file, q, stage, prefix) in files {
        // The second column is a question of that stage; its answers are not stages.
        let answers = [
            ("Moins d'un an", stage, 1),
            ("Entre un et trois ans", stage, 1),
        ];
        let s = Sheet {
            header: cols(q),
            rows: survey(rng, prefix, 50, &answers, &["Disponibles", "Honoraires"]),
        };
        f.csv(file, &s);
    }
    f
}

fn almeida(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "almeida", true);
    let rel = [
        ("Somos clientes atualmente", "client", 5),
        (
            "Já fomos clientes, hoje trabalhamos com outro escritório",
            "former",
            2,
        ),
        ("Fomos clientes e voltaríamos a contratar", "betweener", 2),
        ("Ainda não trabalhamos juntos", "prospect", 2),
    ];
    learn(&mut f, &rel);
    let s = Sheet {
        header: header([
            "Código",
            "Como descreve a sua relação com o escritório?",
            "Qual a probabilidade de nos recomendar a um colega? (0-10)",
            "Importância: prazos",
            "Desempenho: prazos",
            "Por que motivo?",
        ]),
        rows: survey(
            rng,
            "AL",
            120,
            &rel,
            &["Atendimento rápido", "Honorários", "Competência"],
        ),
    };
    f.csv("pesquisa_clientes.csv", &s);
    f
}

fn kowalski(root: &Path, rng: &mut Lcg) -> Firm {
    let mut f = Firm::new(root, "kowalski", true);
    let rel = [
        ("Client with work in progress", "client", 5),
        ("Former client", "former", 2),
        ("Prospect", "prospect", 2),
    ];
    learn(&mut f, &rel);
    let s = Sheet {
        header: header([
            "Ref",
            "Current relationship",
            "How likely are you to recommend Kowalski Engineering? (0-10)",
            "Site support - importance",
            "Site support - performance",
            "Why?",
        ]),
        rows: survey(
            rng,
            "KW",
            100,
            &rel,
            &["On site fast", "Costly", "Good drawings"],
        ),
    };
    f.csv("clients.csv", &s);
    let potential = [
        ("Within six months", "prospect", 1),
        ("Not this year", "prospect", 1),
    ];
    let s = Sheet {
        header: header([
            "Ref",
            "When do you expect to start the project?",
            "How likely are you to recommend Kowalski Engineering? (0-10)",
            "Site support - importance",
            "Site support - performance",
            "Why?",
        ]),
        rows: survey(rng, "PC", 40, &potential, &["Heard good things", "Price"]),
    };
    f.csv("potential-clients.csv", &s);
    f
}

/// The six folders under `root`.
/// A firm of one survey file: a relationship question and its answers (with their stages and
/// weights), a recommend question, ratings and a reason.
fn one_survey(
    root: &Path,
    rng: &mut Lcg,
    name: &'static str,
    cols: [&str; 6],
    rel: &[(&str, &'static str, u64)],
) -> Firm {
    let mut f = Firm::new(root, name, true);
    learn(&mut f, rel);
    let s = Sheet {
        header: header(cols),
        rows: survey(rng, "S", 120, rel, &["Fast", "Fees", "Expertise"]),
    };
    f.csv("survey.csv", &s);
    f
}

/// Four more firms, written after the reading of an answer's parts (`lexicon/meaning.rs`) was
/// built and measured once before anything was changed for them (the note of "Ask, don't
/// guess" gives those first figures): one relationship question each, in four languages.
fn later_firms(root: &Path, rng: &mut Lcg) -> Vec<Firm> {
    vec![
        one_survey(
            root,
            rng,
            "lindqvist",
            [
                "ID",
                "Your status with Lindqvist Partners",
                "How likely are you to recommend Lindqvist? (0-10)",
                "Rigour - importance",
                "Rigour - how we did",
                "Why?",
            ],
            &[
                ("Lindqvist is advising us on a live programme", "client", 5),
                (
                    "Our last assignment with Lindqvist finished and we'd gladly bring them back",
                    "betweener",
                    2,
                ),
                (
                    "We switched to a different consultancy after our last programme",
                    "former",
                    2,
                ),
                ("We've only met Lindqvist at events", "prospect", 1),
                ("Not a client yet", "prospect", 2),
            ],
        ),
        one_survey(
            root,
            rng,
            "dubois",
            [
                "ID",
                "Votre relation avec le cabinet Dubois",
                "Recommanderiez-vous le cabinet à un confrère ? (0-10)",
                "Importance : réactivité",
                "Satisfaction : réactivité",
                "Pourquoi ?",
            ],
            &[
                ("Nous sommes client du cabinet depuis 2019", "client", 5),
                (
                    "Nous avons fait appel au cabinet par le passé et le referions volontiers",
                    "betweener",
                    2,
                ),
                (
                    "Nous étions clients mais avons rejoint un autre cabinet",
                    "former",
                    2,
                ),
                (
                    "Nous n'avons jamais travaillé avec le cabinet",
                    "prospect",
                    2,
                ),
            ],
        ),
        one_survey(
            root,
            rng,
            "garcia",
            [
                "ID",
                "¿Cuál es su situación con la consultora?",
                "¿Con qué probabilidad recomendaría la consultora? (0-10)",
                "Importancia: plazos",
                "Valoración: plazos",
                "¿Por qué?",
            ],
            &[
                ("Seguimos trabajando con la consultora", "client", 5),
                (
                    "Contratamos a la consultora hace dos años y ahora trabajamos con otra",
                    "former",
                    2,
                ),
                ("Hemos trabajado con ustedes y repetiríamos", "betweener", 2),
                ("Nunca hemos contratado sus servicios", "prospect", 2),
            ],
        ),
        one_survey(
            root,
            rng,
            "weber",
            [
                "ID",
                "Ihr Verhältnis zu Weber Ingenieure",
                "Wie wahrscheinlich empfehlen Sie Weber weiter? (0-10)",
                "Wichtigkeit: Termintreue",
                "Bewertung: Termintreue",
                "Warum?",
            ],
            &[
                (
                    "Wir arbeiten aktuell an einem Projekt mit Weber",
                    "client",
                    5,
                ),
                ("Früher Kunde, heute bei einem Wettbewerber", "former", 2),
                (
                    "Wir haben Weber schon beauftragt und würden es wieder tun",
                    "betweener",
                    2,
                ),
                ("Bisher keine Zusammenarbeit", "prospect", 2),
            ],
        ),
    ]
}

pub fn all(root: &Path) -> Vec<Firm> {
    let mut rng = Lcg(20_261_207);
    let mut v = vec![
        halvorsen(root, &mut rng),
        ruiz(root, &mut rng),
        brandt(root, &mut rng),
        moreau(root, &mut rng),
        almeida(root, &mut rng),
        kowalski(root, &mut rng),
    ];
    v.extend(later_firms(root, &mut rng));
    v
}

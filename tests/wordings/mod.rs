//! Six firms' quarters in new wordings (issue 30, "every firm's wording"): a generator of its
//! own, apart from the demo's (`src/demo`), the first-contact corpus (`tests/unseen`) and the
//! new-firms corpus (`tests/newfirms`), its wordings written for it and never added to the
//! lexicon nor used in its tests (the nineteen of `more.rs` were held out too, until their
//! misses taught the readings what they lacked). One folder in each new language (Portuguese, Italian, Dutch)
//! and three in older ones; the relationship or outcome answers say their stage by tense,
//! negation and who is meant, not by a stock phrase; each row knows its true stage.
//!
//! - `sousa` (Portuguese, Google Forms): relationship, an importance and a satisfaction grid in
//!   `[item]` columns with Portuguese labels, recommend, sector;
//! - `ferrari` (Italian, Microsoft Forms): relationship, ratings 1–5, recommend;
//! - `dejong` (Dutch, a `;` file with decimal commas): relationship, recommend, a fee;
//! - `oduya` (English): relationship answers in a consultancy's own words;
//! - `hartmann` (German): relationship, the ex-clients told by tense;
//! - `leroux` (French): an outcome question worded around the firm's proposal;
//! - and eighty-one more (`more.rs`, `later.rs`, `rounds.rs`), the held-out folders of this
//!   issue's later rounds.

mod later;
mod more;
mod rounds;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One folder: where it is, and the true stage of each row.
pub struct Folder {
    pub name: &'static str,
    /// The period folder (`…/2026Q4`).
    pub dir: PathBuf,
    /// (source_file, row as respondents.csv counts it) → true stage.
    pub rows: BTreeMap<(String, usize), &'static str>,
}

/// A deterministic generator of its own (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn quoted(s: &str, sep: char) -> String {
    if s.contains([sep, '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// What a folder's one file holds: its header, and per row its cells and true stage.
struct Table {
    header: Vec<String>,
    rows: Vec<(Vec<String>, &'static str)>,
}

impl Table {
    fn write(self, root: &Path, name: &'static str, file: &str, sep: char) -> Folder {
        let dir = root.join(name).join("2026Q4");
        std::fs::create_dir_all(&dir).unwrap();
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|c| quoted(c, sep))
                .collect::<Vec<_>>()
                .join(&sep.to_string())
        };
        let mut text = line(&self.header) + "\n";
        let mut rows = BTreeMap::new();
        for (i, (cells, stage)) in self.rows.iter().enumerate() {
            text.push_str(&line(cells));
            text.push('\n');
            rows.insert((file.to_string(), i + 2), *stage);
        }
        std::fs::write(dir.join(file), text).unwrap();
        Folder { name, dir, rows }
    }
}

/// One answer of `answers` by its weight, with its stage.
fn pick<'a>(rng: &mut Rng, answers: &[(&'a str, &'static str, usize)]) -> (&'a str, &'static str) {
    let total: usize = answers.iter().map(|a| a.2).sum();
    let mut k = rng.below(total);
    for (a, s, w) in answers {
        if k < *w {
            return (a, s);
        }
        k -= w;
    }
    unreachable!()
}

fn score(rng: &mut Rng, stage: &str) -> usize {
    match stage {
        "client" => 6 + rng.below(5),
        "former" => rng.below(7),
        _ => 2 + rng.below(8),
    }
}

fn sousa(root: &Path, rng: &mut Rng) -> Folder {
    let rel = [
        (
            "Somos clientes e temos neste momento um mandato em curso",
            "client",
            6,
        ),
        (
            "Continuamos a trabalhar convosco todos os meses",
            "client",
            5,
        ),
        (
            "Fomos clientes até 2024; hoje a nossa assessoria é feita por outra sociedade",
            "former",
            3,
        ),
        ("Já não recorremos aos vossos serviços", "former", 2),
        (
            "Trabalhámos convosco num projeto anterior e voltaríamos a contratar-vos",
            "betweener",
            3,
        ),
        ("Nunca contratámos a vossa sociedade", "prospect", 4),
    ];
    let items = [
        "Rapidez",
        "Conhecimento do setor",
        "Clareza dos honorários",
        "Proatividade",
    ];
    let imp = [
        "Pouco importante",
        "Importante",
        "Muito importante",
        "Extremamente importante",
    ];
    let sat = [
        "Insatisfeito",
        "Nem satisfeito nem insatisfeito",
        "Satisfeito",
        "Muito satisfeito",
    ];
    let sectors = ["Banca", "Energia", "Retalho", "Saúde"];
    let mut header = vec![
        "Carimbo de data/hora".to_string(),
        "Qual é a sua relação com a Sousa & Associados?".to_string(),
    ];
    for i in items {
        header.push(format!(
            "Que importância tem cada aspeto na escolha de um escritório? [{i}]"
        ));
    }
    for i in items {
        header.push(format!(
            "Quão satisfeito está com o nosso trabalho em cada aspeto? [{i}]"
        ));
    }
    header.push("Qual a probabilidade de recomendar a Sousa & Associados a um colega?".into());
    header.push("Setor da sua empresa".into());
    let rows = (0..110)
        .map(|i| {
            let (a, stage) = pick(rng, &rel);
            let mut row = vec![
                format!("2026/10/{:02} 09:{:02}:00", 1 + i % 28, i % 60),
                a.into(),
            ];
            for _ in items {
                row.push(imp[rng.below(4)].into());
            }
            for _ in items {
                row.push(sat[rng.below(4)].into());
            }
            row.push(score(rng, stage).to_string());
            row.push(sectors[rng.below(4)].into());
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "sousa", "Inquérito clientes (respostas).csv", ',')
}

fn ferrari(root: &Path, rng: &mut Rng) -> Folder {
    let rel = [
        (
            "Siamo vostri clienti e seguite oggi una nostra pratica",
            "client",
            6,
        ),
        (
            "Collaboriamo con lo studio in modo continuativo",
            "client",
            4,
        ),
        (
            "Eravamo clienti, ma da quest'anno ci affidiamo a un altro studio",
            "former",
            3,
        ),
        ("Non siamo più clienti dello studio", "former", 2),
        (
            "Abbiamo lavorato insieme in passato e torneremmo volentieri",
            "betweener",
            3,
        ),
        (
            "Non abbiamo mai conferito incarichi allo studio",
            "prospect",
            4,
        ),
    ];
    let header: Vec<String> = [
        "ID",
        "Ora di inizio",
        "Ora di completamento",
        "Posta elettronica",
        "Nome",
        "Come descriverebbe il suo rapporto con lo Studio Ferrari?",
        "Quanto è probabile che consigli lo Studio Ferrari a un collega?",
        "Settore di attività",
    ]
    .map(String::from)
    .to_vec();
    let sectors = ["Manifattura", "Servizi finanziari", "Sanità"];
    let rows = (0..100)
        .map(|i| {
            let (a, stage) = pick(rng, &rel);
            let day = 1 + i % 28;
            let row = vec![
                (i + 1).to_string(),
                format!("11/{day:02}/2026 10:00:00"),
                format!("11/{day:02}/2026 10:07:00"),
                "anonymous".into(),
                String::new(),
                a.into(),
                score(rng, stage).to_string(),
                sectors[rng.below(3)].into(),
            ];
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "ferrari", "Sondaggio clienti 2026.csv", ',')
}

fn dejong(root: &Path, rng: &mut Rng) -> Folder {
    let rel = [
        (
            "Wij zijn klant en er loopt op dit moment een traject",
            "client",
            6,
        ),
        (
            "We schakelen het kantoor nog altijd in voor ons werk",
            "client",
            4,
        ),
        (
            "Vroeger waren we klant, inmiddels zitten we bij een ander kantoor",
            "former",
            3,
        ),
        ("We zijn geen klant meer", "former", 2),
        (
            "Eerder hebben we samengewerkt en dat willen we graag weer doen",
            "betweener",
            3,
        ),
        ("We hebben nooit met het kantoor gewerkt", "prospect", 4),
    ];
    let header: Vec<String> = [
        "Respondent",
        "Datum",
        "Wat is uw relatie met De Jong Advocaten?",
        "Hoe waarschijnlijk is het dat u De Jong Advocaten aanbeveelt aan een collega?",
        "Honorarium (EUR)",
    ]
    .map(String::from)
    .to_vec();
    let rows = (0..100)
        .map(|i| {
            let (a, stage) = pick(rng, &rel);
            let row = vec![
                format!("NL-{i:04}"),
                format!("{:02}-11-2026", 1 + i % 28),
                a.into(),
                score(rng, stage).to_string(),
                format!(
                    "{}.{:03},{:02}",
                    1 + rng.below(40),
                    rng.below(1000),
                    rng.below(100)
                ),
            ];
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "dejong", "klantonderzoek.csv", ';')
}

fn oduya(root: &Path, rng: &mut Rng) -> Folder {
    let rel = [
        (
            "Oduya Partners currently advises us on two live assignments",
            "client",
            5,
        ),
        (
            "We still bring them in for most of our restructuring work",
            "client",
            4,
        ),
        (
            "They were our advisers until last spring; another consultancy handles it now",
            "former",
            3,
        ),
        ("We stopped using Oduya Partners in 2024", "former", 2),
        (
            "We hired them for a past assignment and expect to come back",
            "betweener",
            3,
        ),
        ("We have not engaged Oduya Partners so far", "prospect", 4),
    ];
    let header: Vec<String> = [
        "Response number",
        "Submitted at",
        "Describe your organisation's relationship with Oduya Partners",
        "On a scale of 0-10, how likely would you be to recommend Oduya Partners?",
        "Sector",
    ]
    .map(String::from)
    .to_vec();
    let sectors = ["Logistics", "Public sector", "Telecoms"];
    let rows = (0..100)
        .map(|i| {
            let (a, stage) = pick(rng, &rel);
            let row = vec![
                (1000 + i).to_string(),
                format!("2026-11-{:02}T14:20:00Z", 1 + i % 28),
                a.into(),
                score(rng, stage).to_string(),
                sectors[rng.below(3)].into(),
            ];
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "oduya", "relationship_pulse.csv", ',')
}

fn hartmann(root: &Path, rng: &mut Rng) -> Folder {
    let rel = [
        (
            "Wir sind Mandant und betreuen mit Hartmann gerade ein Projekt",
            "client",
            6,
        ),
        ("Hartmann berät uns nach wie vor laufend", "client", 4),
        (
            "Früher waren wir Mandant, heute arbeiten wir mit einer anderen Kanzlei",
            "former",
            3,
        ),
        ("Wir sind kein Mandant mehr", "former", 2),
        (
            "Wir hatten früher ein Mandat bei Hartmann und würden wieder beauftragen",
            "betweener",
            3,
        ),
        ("Wir haben Hartmann noch nie beauftragt", "prospect", 4),
    ];
    let header: Vec<String> = [
        "Lfd. Nr.",
        "Zeitstempel",
        "Wie würden Sie Ihre Beziehung zu Hartmann Steuerberatung beschreiben?",
        "Wie wahrscheinlich ist es, dass Sie Hartmann Steuerberatung weiterempfehlen?",
        "Branche",
    ]
    .map(String::from)
    .to_vec();
    let sectors = ["Handel", "Industrie", "Gesundheitswesen"];
    let rows = (0..100)
        .map(|i| {
            let (a, stage) = pick(rng, &rel);
            let row = vec![
                (i + 1).to_string(),
                format!("{:02}.11.2026 08:15", 1 + i % 28),
                a.into(),
                score(rng, stage).to_string(),
                sectors[rng.below(3)].into(),
            ];
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "hartmann", "mandantenbefragung.csv", ',')
}

fn leroux(root: &Path, rng: &mut Rng) -> Folder {
    // An outcome question worded around the firm's proposal, not the buyer's search.
    let out = [
        (
            "Nous avons confié la mission à un autre cabinet",
            "got-away",
            5,
        ),
        ("Un concurrent a été retenu", "got-away", 3),
        ("Nous avons retenu votre cabinet", "client", 4),
        ("Le projet est reporté à l'an prochain", "prospect", 3),
        ("Nous comparons encore les propositions", "prospect", 3),
    ];
    let header: Vec<String> = [
        "N°",
        "Date de réponse",
        "Qu'est-il advenu de la proposition de Leroux Conseil ?",
        "Quelle est la probabilité que vous recommandiez Leroux Conseil ?",
        "Secteur d'activité",
    ]
    .map(String::from)
    .to_vec();
    let sectors = ["Industrie", "Distribution", "Services"];
    let rows = (0..100)
        .map(|i| {
            let (a, stage) = pick(rng, &out);
            let row = vec![
                (i + 1).to_string(),
                format!("{:02}/11/2026", 1 + i % 28),
                a.into(),
                score(rng, stage).to_string(),
                sectors[rng.below(3)].into(),
            ];
            (row, stage)
        })
        .collect();
    Table { header, rows }.write(root, "leroux", "propositions_2026.csv", ',')
}

/// Every folder, written under `root`.
pub fn all(root: &Path) -> Vec<Folder> {
    let mut rng = Rng(0x5eed_2026_1207);
    vec![
        sousa(root, &mut rng),
        ferrari(root, &mut rng),
        dejong(root, &mut rng),
        oduya(root, &mut rng),
        hartmann(root, &mut rng),
        leroux(root, &mut rng),
    ]
    .into_iter()
    .chain(more::all(
        root,
        &mut rng,
        more::SPECS.iter().chain(later::SPECS).chain(rounds::SPECS),
    ))
    .collect()
}

//! Nineteen more firms' folders in new wordings, written as held-out corpora after this issue's
//! readings were built (three rounds: seven, six and six folders), kept here so that what
//! they taught stays learnt. Each is one or two files of an id, a date, the relationship (or
//! outcome) answer, a recommend score and a segment; the answers tell their stage by tense,
//! negation, a change of party, the firm's name with "our", or knowing the firm only by name.

use super::{pick, score, Folder, Rng, Table};
use std::path::Path;

/// One file of a folder: its name, separator, header, answers (text, true stage, weight), row
/// count, how its id and date are written, whether it has a recommend score, its segments.
pub(super) struct Spec {
    pub(super) folder: &'static str,
    pub(super) file: &'static str,
    pub(super) sep: char,
    pub(super) header: &'static [&'static str],
    pub(super) answers: &'static [(&'static str, &'static str, usize)],
    pub(super) rows: usize,
    pub(super) id: Option<fn(usize) -> String>,
    pub(super) date: fn(usize) -> String,
    pub(super) nps: bool,
    pub(super) segments: &'static [&'static str],
}

impl Spec {
    fn write(&self, root: &Path, rng: &mut Rng) -> Folder {
        let header = self.header.iter().map(|h| h.to_string()).collect();
        let rows = (0..self.rows)
            .map(|i| {
                let (a, stage) = pick(rng, self.answers);
                let mut row = Vec::new();
                if let Some(id) = self.id {
                    row.push(id(i));
                }
                row.push((self.date)(i));
                row.push(a.to_string());
                if self.nps {
                    row.push(score(rng, stage).to_string());
                }
                row.push(self.segments[rng.below(self.segments.len())].to_string());
                (row, stage)
            })
            .collect();
        Table { header, rows }.write(root, self.folder, self.file, self.sep)
    }
}

pub(super) fn day(i: usize) -> usize {
    1 + i % 28
}

pub(super) const SPECS: &[Spec] = &[
    Spec {
        folder: "tavares",
        file: "respostas.csv",
        sep: ',',
        header: &[
            "Carimbo de data/hora",
            "Como você descreve o vínculo da sua empresa com o Tavares Advogados?",
            "Qual a probabilidade de recomendar o Tavares Advogados? (0-10)",
            "Setor",
        ],
        answers: &[
            ("Somos atendidos pelo Tavares desde 2021", "client", 1),
            (
                "Temos um processo em andamento com o escritório",
                "client",
                1,
            ),
            (
                "Trocamos o Tavares por outro escritório no ano passado",
                "former",
                1,
            ),
            ("Já não contamos com os serviços deles", "former", 1),
            (
                "Contratamos o escritório em 2022 e voltaríamos a contratar",
                "betweener",
                1,
            ),
            ("Nunca utilizamos os serviços do escritório", "prospect", 1),
        ],
        rows: 80,
        id: None,
        date: |i| format!("{:02}/11/2026 10:{:02}:00", day(i), i % 60),
        nps: true,
        segments: &["Indústria", "Serviços", "Comércio"],
    },
    Spec {
        folder: "ferri",
        file: "ferri.csv",
        sep: ',',
        header: &[
            "ID risposta",
            "Data",
            "Qual è oggi il vostro rapporto con Ferri & Soci?",
            "Quanto raccomanderebbe Ferri & Soci? (0-10)",
            "Settore",
        ],
        answers: &[
            ("Ferri & Soci ci assiste da anni", "client", 1),
            ("Abbiamo un mandato attivo con loro", "client", 1),
            ("Ci siamo rivolti ad altri consulenti dal 2024", "former", 1),
            ("Abbiamo interrotto la collaborazione", "former", 1),
            (
                "Li abbiamo incaricati in passato e torneremmo volentieri",
                "betweener",
                1,
            ),
            ("Non abbiamo ancora lavorato insieme", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: true,
        segments: &["Moda", "Alimentare", "Logistica"],
    },
    Spec {
        folder: "vandijk",
        file: "export.csv",
        sep: ';',
        header: &[
            "Respondent",
            "Ingevuld op",
            "Wat is uw huidige relatie met Van Dijk Advies?",
            "Hoe waarschijnlijk is het dat u Van Dijk Advies aanbeveelt? (0-10)",
            "Branche",
        ],
        answers: &[
            ("Van Dijk Advies is momenteel onze adviseur", "client", 1),
            ("We lopen nu een traject met hen", "client", 1),
            ("We zijn overgestapt naar een ander kantoor", "former", 1),
            ("Vroeger waren we klant, nu niet meer", "former", 1),
            (
                "We hebben eerder met hen samengewerkt en zouden dat weer doen",
                "betweener",
                1,
            ),
            ("Wij hebben nooit met Van Dijk gewerkt", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("{:02}-11-2026", day(i)),
        nps: true,
        segments: &["Zorg", "Bouw", "ICT"],
    },
    Spec {
        folder: "ashford",
        file: "clients.csv",
        sep: ',',
        header: &[
            "Response ID",
            "Recorded Date",
            "Which describes you best?",
            "How likely are you to recommend Ashford Carter? (0-10)",
            "Sector",
        ],
        answers: &[
            (
                "We currently retain Ashford Carter for tax work",
                "client",
                1,
            ),
            (
                "Ashford Carter handles our payroll audit at the moment",
                "client",
                1,
            ),
            ("We moved our account to a rival in 2025", "former", 1),
            (
                "Our contract with them ended and we did not renew it",
                "former",
                1,
            ),
            (
                "We hired them once and would happily do so again",
                "betweener",
                1,
            ),
            ("We have not yet used Ashford Carter", "prospect", 1),
        ],
        rows: 60,
        id: Some(|i| format!("R_a{i:03}")),
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: true,
        segments: &["Energy", "Retail", "Public sector"],
    },
    Spec {
        folder: "ashford",
        file: "pitch.csv",
        sep: ',',
        header: &[
            "Response ID",
            "Recorded Date",
            "Result of the tender you ran",
            "Sector",
        ],
        answers: &[
            ("Awarded to a competing firm", "got-away", 1),
            ("We appointed Ashford Carter", "client", 1),
            ("Tender postponed until next year", "prospect", 1),
            ("Still evaluating the bids", "prospect", 1),
        ],
        rows: 40,
        id: Some(|i| format!("R_p{i:03}")),
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: false,
        segments: &["Energy", "Retail", "Public sector"],
    },
    Spec {
        folder: "krueger",
        file: "umfrage.csv",
        sep: ';',
        header: &[
            "Lfd. Nr.",
            "Datum",
            "Wie würden Sie Ihr Verhältnis zu Krüger beschreiben?",
            "Wie wahrscheinlich empfehlen Sie Krüger Steuerberatung weiter? (0-10)",
            "Branche",
        ],
        answers: &[
            ("Krüger betreut unsere Buchhaltung seit Jahren", "client", 1),
            ("Wir sind zurzeit Mandant der Kanzlei", "client", 1),
            ("Wir haben zu einer anderen Kanzlei gewechselt", "former", 1),
            ("Das Mandat wurde 2024 beendet", "former", 1),
            (
                "Wir hatten schon einmal ein Mandat bei Krüger und würden wieder kommen",
                "betweener",
                1,
            ),
            ("Wir waren noch nie Mandant bei Krüger", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("{:02}.11.2026", day(i)),
        nps: true,
        segments: &["Handel", "Handwerk", "Gastronomie"],
    },
    Spec {
        folder: "moreau",
        file: "reponses.csv",
        sep: ',',
        header: &[
            "Horodateur",
            "Où en est votre relation avec le cabinet ?",
            "Quelle est la probabilité que vous recommandiez le cabinet Moreau-Blanc ? (0-10)",
            "Secteur",
        ],
        answers: &[
            (
                "Le cabinet nous accompagne actuellement sur une restructuration",
                "client",
                1,
            ),
            ("Nous sommes clients depuis 2019", "client", 1),
            (
                "Nous avons quitté le cabinet pour un concurrent",
                "former",
                1,
            ),
            ("Nous ne faisons plus appel à eux", "former", 1),
            (
                "Nous avons déjà travaillé avec eux et le referions",
                "betweener",
                1,
            ),
            ("Nous n'avons jamais fait appel au cabinet", "prospect", 1),
        ],
        rows: 80,
        id: None,
        date: |i| format!("{:02}/11/2026 14:00:00", day(i)),
        nps: true,
        segments: &["Industrie", "Banque", "Santé"],
    },
    Spec {
        folder: "navarro",
        file: "clientes.csv",
        sep: ',',
        header: &[
            "ID",
            "Fecha",
            "¿Cómo describiría su relación con Navarro Abogados?",
            "¿Recomendaría Navarro Abogados? (0-10)",
            "Sector",
        ],
        answers: &[
            ("Navarro nos asesora actualmente", "client", 1),
            ("Tenemos un encargo en curso con el despacho", "client", 1),
            ("Cambiamos a otro despacho el año pasado", "former", 1),
            ("Dejamos de trabajar con ellos", "former", 1),
            (
                "Trabajamos con Navarro hace años y volveríamos",
                "betweener",
                1,
            ),
            ("Todavía no hemos trabajado con ellos", "prospect", 1),
        ],
        rows: 60,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("{:02}/11/2026", day(i)),
        nps: true,
        segments: &["Banca", "Turismo", "Energía"],
    },
    Spec {
        folder: "navarro",
        file: "licitacion.csv",
        sep: ',',
        header: &[
            "ID",
            "Fecha",
            "Resultado del proceso de selección",
            "Sector",
        ],
        answers: &[
            ("Se adjudicó a otra firma", "got-away", 1),
            ("Elegimos a Navarro Abogados", "client", 1),
            ("Proceso aplazado", "prospect", 1),
            ("Seguimos analizando propuestas", "prospect", 1),
        ],
        rows: 40,
        id: Some(|i| (1000 + i).to_string()),
        date: |i| format!("{:02}/11/2026", day(i)),
        nps: false,
        segments: &["Banca", "Turismo", "Energía"],
    },
    Spec {
        folder: "sequeira",
        file: "inquerito.csv",
        sep: ',',
        header: &[
            "Data",
            "Qual é a relação atual da vossa empresa com a Sequeira & Associados?",
            "Recomendaria a Sequeira & Associados? (0-10)",
            "Dimensão",
        ],
        answers: &[
            (
                "A Sequeira trata da nossa contabilidade neste momento",
                "client",
                1,
            ),
            ("Continuamos a trabalhar com a Sequeira", "client", 1),
            ("Deixámos de recorrer à Sequeira em 2024", "former", 1),
            ("Passámos a trabalhar com outra sociedade", "former", 1),
            (
                "Trabalhámos com eles num projeto e repetiríamos",
                "betweener",
                1,
            ),
            (
                "Ainda não tivemos oportunidade de trabalhar com a Sequeira",
                "prospect",
                1,
            ),
        ],
        rows: 80,
        id: None,
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: true,
        segments: &["PME", "Grande empresa"],
    },
    Spec {
        folder: "rinaldi",
        file: "sondaggio.csv",
        sep: ',',
        header: &[
            "Timestamp",
            "Come definirebbe il suo rapporto con lo Studio Rinaldi?",
            "Con quale probabilità consiglierebbe lo Studio Rinaldi? (0-10)",
            "Dimensione aziendale",
        ],
        answers: &[
            ("Lo Studio Rinaldi segue la nostra contabilità", "client", 1),
            ("Siamo clienti attivi dello studio", "client", 1),
            ("Abbiamo lasciato lo studio per un concorrente", "former", 1),
            ("Non siamo più clienti", "former", 1),
            (
                "Abbiamo collaborato in passato e vorremmo ricominciare",
                "betweener",
                1,
            ),
            ("Non siamo mai stati seguiti dallo studio", "prospect", 1),
        ],
        rows: 80,
        id: None,
        date: |i| format!("2026-11-{:02} 09:00:00", day(i)),
        nps: true,
        segments: &["PMI", "Grande impresa"],
    },
    Spec {
        folder: "dekker",
        file: "dekker.csv",
        sep: ';',
        header: &[
            "Nr",
            "Datum",
            "Welke situatie past bij uw organisatie?",
            "Zou u Dekker Juristen aanbevelen? (0-10)",
            "Omvang",
        ],
        answers: &[
            ("Dekker Juristen staat ons op dit moment bij", "client", 1),
            ("We zijn al jaren klant bij Dekker", "client", 1),
            (
                "We hebben afscheid genomen van Dekker en werken nu met een ander kantoor",
                "former",
                1,
            ),
            ("Onze samenwerking is beëindigd", "former", 1),
            (
                "We zijn eerder klant geweest en komen graag terug",
                "betweener",
                1,
            ),
            ("We zijn nog nooit klant geweest", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: true,
        segments: &["MKB", "Groot"],
    },
    Spec {
        folder: "hollis",
        file: "feedback.csv",
        sep: ',',
        header: &[
            "Respondent ID",
            "Submitted at",
            "Tell us about your relationship with Hollis Grant",
            "How likely is it that you would recommend Hollis Grant to a friend or colleague?",
            "Company size",
        ],
        answers: &[
            ("Hollis Grant is our current auditor", "client", 1),
            (
                "We have been working with Hollis Grant since 2020 and still do",
                "client",
                1,
            ),
            ("We took our business elsewhere last spring", "former", 1),
            (
                "We stopped using Hollis Grant after the merger",
                "former",
                1,
            ),
            (
                "We engaged Hollis Grant in 2023 and would consider them again",
                "betweener",
                1,
            ),
            ("We have only met Hollis Grant at events", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| format!("h{i}")),
        date: |i| format!("2026-11-{:02}T10:00:00Z", day(i)),
        nps: true,
        segments: &["SME", "Enterprise"],
    },
    Spec {
        folder: "brandes",
        file: "brandes.csv",
        sep: ';',
        header: &[
            "ID",
            "Eingang",
            "In welcher Beziehung stehen Sie zu Brandes Consulting?",
            "Würden Sie Brandes Consulting empfehlen? (0-10)",
            "Unternehmensgröße",
        ],
        answers: &[
            (
                "Brandes Consulting begleitet uns derzeit bei der Digitalisierung",
                "client",
                1,
            ),
            ("Wir sind Kunde von Brandes", "client", 1),
            (
                "Wir arbeiten inzwischen mit einem Wettbewerber",
                "former",
                1,
            ),
            (
                "Wir haben die Zusammenarbeit mit Brandes beendet",
                "former",
                1,
            ),
            (
                "Wir hatten früher ein Projekt mit Brandes und würden sie erneut beauftragen",
                "betweener",
                1,
            ),
            ("Wir kennen Brandes nur dem Namen nach", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("{:02}.11.2026", day(i)),
        nps: true,
        segments: &["KMU", "Konzern"],
    },
    Spec {
        folder: "ibarra",
        file: "encuesta.csv",
        sep: ',',
        header: &[
            "Marca temporal",
            "¿Cuál es su situación actual con Ibarra Consultores?",
            "¿Qué probabilidad hay de que recomiende Ibarra Consultores? (0-10)",
            "Tamaño",
        ],
        answers: &[
            (
                "Ibarra Consultores nos acompaña en un proyecto ahora mismo",
                "client",
                1,
            ),
            ("Somos clientes de Ibarra desde hace tiempo", "client", 1),
            ("Ya no trabajamos con Ibarra", "former", 1),
            ("Pasamos a otra consultora en 2025", "former", 1),
            (
                "Contratamos a Ibarra una vez y repetiríamos",
                "betweener",
                1,
            ),
            ("Nunca hemos contratado a Ibarra", "prospect", 1),
        ],
        rows: 80,
        id: None,
        date: |i| format!("{:02}/11/2026 12:00:00", day(i)),
        nps: true,
        segments: &["Pyme", "Gran empresa"],
    },
    Spec {
        folder: "moura",
        file: "pesquisa.csv",
        sep: ',',
        header: &[
            "Enviado em",
            "Em que pé está a relação da sua empresa com a Moura Consultoria?",
            "Indicaria a Moura Consultoria a um colega? (0 a 10)",
            "Porte",
        ],
        answers: &[
            (
                "a Moura cuida do nosso planejamento tributário",
                "client",
                1,
            ),
            ("Estamos com um contrato vigente com a Moura", "client", 1),
            ("Rompemos com a Moura em 2024", "former", 1),
            ("Hoje quem nos atende é outra consultoria", "former", 1),
            (
                "Já fizemos um projeto com a Moura e faríamos de novo",
                "betweener",
                1,
            ),
            ("Conhecemos a Moura só de nome", "prospect", 1),
        ],
        rows: 80,
        id: None,
        date: |i| format!("{:02}/11/2026", day(i)),
        nps: true,
        segments: &["Pequena", "Média", "Grande"],
    },
    Spec {
        folder: "colombo",
        file: "risposte.csv",
        sep: ',',
        header: &[
            "Codice",
            "Data compilazione",
            "Situazione attuale con Colombo Partners",
            "Raccomanderebbe Colombo Partners a un collega? (0-10)",
            "Regione",
        ],
        answers: &[
            (
                "Colombo Partners gestisce il nostro contenzioso",
                "client",
                1,
            ),
            ("Siamo seguiti da Colombo Partners da tre anni", "client", 1),
            ("Abbiamo cambiato consulente lo scorso anno", "former", 1),
            ("Il rapporto con Colombo Partners si è chiuso", "former", 1),
            (
                "Abbiamo già lavorato con loro e ci piacerebbe ripetere",
                "betweener",
                1,
            ),
            (
                "Non abbiamo mai avuto rapporti con lo studio",
                "prospect",
                1,
            ),
        ],
        rows: 80,
        id: Some(|i| format!("C{i:03}")),
        date: |i| format!("2026-11-{:02}", day(i)),
        nps: true,
        segments: &["Nord", "Centro", "Sud"],
    },
    Spec {
        folder: "visscher",
        file: "visscher.csv",
        sep: ';',
        header: &[
            "Volgnummer",
            "Datum",
            "Beschrijf uw band met Visscher Accountants",
            "Hoe groot is de kans dat u Visscher Accountants aanbeveelt? (0-10)",
            "Regio",
        ],
        answers: &[
            (
                "Visscher Accountants verzorgt onze jaarrekening",
                "client",
                1,
            ),
            ("We zijn klant bij Visscher", "client", 1),
            ("We zijn bij Visscher weggegaan", "former", 1),
            (
                "Een ander kantoor doet sinds vorig jaar onze administratie",
                "former",
                1,
            ),
            (
                "We hebben Visscher eerder ingeschakeld en zouden dat opnieuw doen",
                "betweener",
                1,
            ),
            ("We kennen Visscher alleen van een beurs", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("{:02}-11-2026", day(i)),
        nps: true,
        segments: &["Noord", "Zuid", "Randstad"],
    },
    Spec {
        folder: "pryce",
        file: "pryce.csv",
        sep: ',',
        header: &[
            "ResponseId",
            "EndDate",
            "Current status with Pryce & Lowe",
            "Likelihood to recommend Pryce & Lowe (0-10)",
            "Region",
        ],
        answers: &[
            ("Pryce & Lowe manage our employment matters", "client", 1),
            ("Active client, two matters open", "client", 1),
            ("We switched to another law firm in 2024", "former", 1),
            (
                "Haven't used Pryce & Lowe since 2022, we went elsewhere",
                "former",
                1,
            ),
            ("Used them before and would go back", "betweener", 1),
            ("Never instructed them", "prospect", 1),
        ],
        rows: 70,
        id: Some(|i| format!("R_{i:05}")),
        date: |i| format!("2026-11-{:02} 12:00:00", day(i)),
        nps: true,
        segments: &["North", "South", "London"],
    },
    Spec {
        folder: "pryce",
        file: "bids.csv",
        sep: ',',
        header: &[
            "ResponseId",
            "EndDate",
            "What happened with the panel review?",
            "Region",
        ],
        answers: &[
            ("Another firm was picked", "got-away", 1),
            ("Pryce & Lowe were selected", "client", 1),
            ("Review on hold", "prospect", 1),
            ("No decision yet", "prospect", 1),
        ],
        rows: 30,
        id: Some(|i| format!("R_b{i:04}")),
        date: |i| format!("2026-11-{:02} 12:00:00", day(i)),
        nps: false,
        segments: &["North", "South", "London"],
    },
    Spec {
        folder: "albrecht",
        file: "albrecht.csv",
        sep: ';',
        header: &[
            "Nr.",
            "Zeitstempel",
            "Wie ist Ihr Stand mit Albrecht & Co.?",
            "Würden Sie Albrecht & Co. weiterempfehlen? (0-10)",
            "Region",
        ],
        answers: &[
            ("Albrecht & Co. prüft unseren Jahresabschluss", "client", 1),
            ("Wir arbeiten aktuell mit Albrecht zusammen", "client", 1),
            ("Wir haben uns von Albrecht getrennt", "former", 1),
            (
                "Seit 2025 ist eine andere Kanzlei für uns tätig",
                "former",
                1,
            ),
            (
                "Wir waren schon Mandant und kommen gern zurück",
                "betweener",
                1,
            ),
            ("Wir hatten mit Albrecht noch nichts zu tun", "prospect", 1),
        ],
        rows: 80,
        id: Some(|i| (i + 1).to_string()),
        date: |i| format!("2026-11-{:02} 08:00:00", day(i)),
        nps: true,
        segments: &["Nord", "Süd", "West"],
    },
    Spec {
        folder: "garnier",
        file: "garnier.csv",
        sep: ',',
        header: &[
            "Horodateur",
            "Votre situation vis-à-vis de Garnier Avocats",
            "Recommanderiez-vous Garnier Avocats ? (0-10)",
            "Région",
        ],
        answers: &[
            ("Garnier Avocats gère nos contentieux", "client", 1),
            ("Nous sommes client du cabinet Garnier", "client", 1),
            ("Nous nous sommes séparés de Garnier en 2024", "former", 1),
            (
                "Un autre cabinet s'occupe désormais de nos dossiers",
                "former",
                1,
            ),
            (
                "Nous avons déjà fait appel à Garnier et recommencerions",
                "betweener",
                1,
            ),
            (
                "Nous ne connaissons Garnier que de réputation",
                "prospect",
                1,
            ),
        ],
        rows: 80,
        id: None,
        date: |i| format!("{:02}/11/2026 11:00:00", day(i)),
        nps: true,
        segments: &["Nord", "Sud", "Île-de-France"],
    },
];

/// Every folder of these specs, a folder's files together.
pub(super) fn all<'a>(
    root: &Path,
    rng: &mut Rng,
    specs: impl Iterator<Item = &'a Spec>,
) -> Vec<Folder> {
    let mut out: Vec<Folder> = Vec::new();
    for spec in specs {
        let f = spec.write(root, rng);
        match out.iter_mut().find(|o| o.name == f.name) {
            Some(o) => o.rows.extend(f.rows),
            None => out.push(f),
        }
    }
    out
}

//! The relationship and outcome answers, by phrase, as the codes the stage rules read.

use std::sync::LazyLock;

use regex::Regex;

use super::compile;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}

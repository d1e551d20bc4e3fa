//! Header layouts of survey platforms: how many header rows, and what each column is called.
//!
//! Each platform is recognised in a file of its own ([`qualtrics`], [`sosci`], [`limesurvey`],
//! [`code_label`], [`surveymonkey`], [`google_forms`], [`microsoft_forms`], [`typeform`],
//! [`alchemer`], [`jotform`], [`kobo`]), listed once below in the order they are tried; each
//! file also says which of its columns flag a preview, an unfinished or a disqualified response
//! ([`row_flags`]) and which is the platform's own response id ([`response_id`]). What a layout
//! means for the rest of the program ([`Layout`]'s methods) is answered here, in exhaustive
//! matches, so that a new layout does not compile until each is answered.
//! Adding a layout: its file, its variant, its arms, its place in [`PLATFORMS`] or [`ONE_ROW`].
//!
//! After the layout, [`choices::group`] finds one-column-per-choice multi-selects that no
//! platform header marked (Typeform's, a team's own checkbox columns): whatever the platform,
//! a run of columns whose cells repeat their own header is one question's options.

use super::cell::Cell;
use super::{column_letter, Column, Grid, Table};

mod alchemer;
mod choices;
mod code_label;
mod google_forms;
mod jotform;
mod kobo;
mod limesurvey;
mod microsoft_forms;
mod qualtrics;
mod sosci;
mod surveymonkey;
mod typeform;

/// A layout found: the layout, how many header rows it has, and its columns.
type Found = (Layout, usize, Vec<Column>);

/// A one-row platform's test of the header row (the [`Head`] starts at it): its layout and
/// its columns.
type OneRow = fn(&Head) -> Option<(Layout, Vec<Column>)>;

/// The first three rows of a table as header texts, and the cells they came from.
pub(super) struct Head<'a> {
    pub(super) grid: &'a [Vec<Cell>],
    pub(super) rows: [Vec<String>; 3],
}

/// Whether any of a row's headers is one of `names` (ASCII case aside).
pub(super) fn has(row: &[String], names: &[&str]) -> bool {
    row.iter()
        .any(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

/// The multi-row platform layouts, tried in this order on the first three rows.
const PLATFORMS: [fn(&Head) -> Option<Found>; 5] = [
    limesurvey::detect,
    qualtrics::detect,
    sosci::detect,
    code_label::detect,
    surveymonkey::detect,
];

/// The platforms of one header row, tried in this order on the header row.
const ONE_ROW: [OneRow; 8] = [
    google_forms::detect,
    microsoft_forms::detect,
    typeform::detect,
    alchemer::detect,
    limesurvey::detect_one_row,
    sosci::detect_one_row,
    jotform::detect,
    kobo::detect,
];

/// The multi-row platform layouts, recognised from the first three rows.
fn detect_platform(grid: &[Vec<Cell>], width: usize) -> Option<Found> {
    let head = Head {
        grid,
        rows: [0, 1, 2].map(|r| row_texts(grid, r, width)),
    };
    PLATFORMS.iter().find_map(|detect| detect(&head))
}

/// One header row: a one-row platform's, or a sheet of the team's own.
fn detect_single(grid: &[Vec<Cell>], width: usize) -> Found {
    let head = Head {
        grid,
        rows: [0, 1, 2].map(|r| row_texts(grid, r, width)),
    };
    let (layout, columns) = ONE_ROW
        .iter()
        .find_map(|detect| detect(&head))
        .unwrap_or_else(|| (Layout::SingleHeader, plain(&head.rows[0])));
    (layout, 1, columns)
}

/// One column per header, named by it.
pub(super) fn plain(headers: &[String]) -> Vec<Column> {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| plain_column(i, h))
        .collect()
}

/// Column `i`, named by its header alone.
pub(super) fn plain_column(i: usize, header: &str) -> Column {
    Column {
        names: vec![header.to_string()],
        option: None,
        letter: column_letter(i),
    }
}

/// Column `i`, one `option` (a choice, a grid's row, a battery's item) of `question`: found by
/// its own header and by the question.
pub(super) fn option_column(i: usize, header: &str, question: &str, option: &str) -> Column {
    Column {
        names: vec![header.to_string(), question.to_string()],
        option: Some(option.to_string()),
        letter: column_letter(i),
    }
}

/// The question of a run of one-column-per-choice columns with no text of its own: its
/// choices, joined ([`choices::group`] names it so, and `init` knows it by this name).
pub fn choices_question<'a>(choices: impl IntoIterator<Item = &'a str>) -> String {
    choices.into_iter().collect::<Vec<_>>().join(" / ")
}

/// The first column whose first name is one of `names` (ASCII case aside).
pub(super) fn find(columns: &[Column], names: &[&str]) -> Option<usize> {
    columns.iter().position(|c| {
        c.names
            .first()
            .is_some_and(|n| names.iter().any(|x| n.eq_ignore_ascii_case(x)))
    })
}

/// A flag of `kind` on the first column named one of `names` ([`find`]), if there is one.
pub(super) fn flag(
    columns: &[Column],
    names: &[&str],
    kind: FlagKind,
    test: fn(&str) -> bool,
) -> Option<RowFlag> {
    find(columns, names).map(|col| RowFlag { col, kind, test })
}

/// What a flag column says of a row: a preview or test, an unfinished response, one the
/// platform disqualified (screened out, over quota, rejected by a reviewer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    Preview,
    Unfinished,
    Disqualified,
}

impl FlagKind {
    /// The reason a flagged row is excluded with.
    pub fn reason(self) -> &'static str {
        match self {
            FlagKind::Preview => "preview/test",
            FlagKind::Unfinished => "unfinished",
            FlagKind::Disqualified => "disqualified",
        }
    }
}

/// A platform's column that flags rows: which, what it flags, and the test of its cell's text
/// (trimmed, lower-cased; an empty cell is `""`).
#[derive(Debug, Clone, Copy)]
pub struct RowFlag {
    pub col: usize,
    pub kind: FlagKind,
    pub test: fn(&str) -> bool,
}

/// A flag cell's text as [`RowFlag::test`] reads it: trimmed and lower-cased.
pub fn flag_text(cell: &Cell) -> String {
    cell.as_text().trim().to_lowercase()
}

/// The columns of a table's platform that flag previews, unfinished and disqualified rows.
pub fn row_flags(layout: Layout, columns: &[Column]) -> Vec<RowFlag> {
    match layout {
        Layout::Qualtrics | Layout::QualtricsLegacy => qualtrics::flags(columns),
        Layout::SoSci => sosci::flags(columns),
        Layout::LimeSurvey => limesurvey::flags(columns),
        Layout::CodeLabel => code_label::flags(columns),
        Layout::Typeform => typeform::flags(columns),
        Layout::Alchemer => alchemer::flags(columns),
        Layout::KoboToolbox => kobo::flags(columns),
        Layout::SingleHeader
        | Layout::SurveyMonkey
        | Layout::GoogleForms
        | Layout::MicrosoftForms
        | Layout::Jotform => Vec::new(),
    }
}

/// The platform's own response id: a number or key it gives each response of one export
/// (`ResponseId`, `#`, `_id`, `Submission ID`), unique there and nowhere else.
pub fn response_id(layout: Layout, columns: &[Column]) -> Option<usize> {
    let names: &[&str] = match layout {
        Layout::Qualtrics => &["ResponseId", "ResponseID", "_recordId"],
        Layout::QualtricsLegacy => &["V1", "ResponseID"],
        Layout::SurveyMonkey => &["Respondent ID", "RespondentID"],
        Layout::MicrosoftForms => &["ID", "Id", "Identyfikator"],
        Layout::SoSci => &["CASE"],
        Layout::LimeSurvey => &["id", "Response ID"],
        Layout::Typeform => &["#", "Response ID", "Token"],
        Layout::Alchemer => &["Response ID"],
        Layout::Jotform => &["Submission ID"],
        Layout::KoboToolbox => &["_id", "_uuid"],
        Layout::SingleHeader | Layout::GoogleForms | Layout::CodeLabel => return None,
    };
    find(columns, names)
}

/// The export layout a table was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// One header row (a team's own sheet, or an unknown platform).
    SingleHeader,
    /// Qualtrics: column ids, question text, `{"ImportId":…}`.
    Qualtrics,
    /// Qualtrics legacy (pre-2017): `V1…V10` ids and a label row.
    QualtricsLegacy,
    /// SurveyMonkey: question row, then sub-answer / `Response` row.
    SurveyMonkey,
    /// Google Forms: `Timestamp` first.
    GoogleForms,
    /// Microsoft Forms: `ID, Start time, Completion time, …`.
    MicrosoftForms,
    /// A row of short variable codes above a row of question labels (Unipark, an unknown
    /// platform's): both rows are headers, and a field matches either.
    CodeLabel,
    /// SoSci Survey: `CASE`, `FINISHED`, `Q_VIEWER`, codes with or without labels below.
    SoSci,
    /// LimeSurvey: `id`, `submitdate`, `lastpage` (or `Response ID`, `Date submitted`), one
    /// header row or codes above labels.
    LimeSurvey,
    /// Typeform: `#` first, `Start Date (UTC)`, `Submit Date (UTC)`, `Network ID`, `Tags`.
    Typeform,
    /// Alchemer (SurveyGizmo): `Response ID`, `Time Started`, `Date Submitted`, `Status`.
    Alchemer,
    /// Jotform: `Submission Date`, `Submission ID`.
    Jotform,
    /// KoboToolbox: `start`, `end`, `_id`, `_uuid`, `_submission_time`, group paths.
    KoboToolbox,
}

impl Layout {
    /// The name written in `data_quality.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::SingleHeader => "single-header",
            Layout::Qualtrics => "qualtrics",
            Layout::QualtricsLegacy => "qualtrics-legacy",
            Layout::SurveyMonkey => "surveymonkey",
            Layout::GoogleForms => "google-forms",
            Layout::MicrosoftForms => "microsoft-forms",
            Layout::CodeLabel => "code-and-label",
            Layout::SoSci => "sosci",
            Layout::LimeSurvey => "limesurvey",
            Layout::Typeform => "typeform",
            Layout::Alchemer => "alchemer",
            Layout::Jotform => "jotform",
            Layout::KoboToolbox => "kobotoolbox",
        }
    }

    /// Whether the platform writes its own dates month first (US order) whatever the
    /// respondent's language: Qualtrics, SurveyMonkey and Alchemer do; the others write ISO
    /// dates, the locale's order, or the dates as the user typed them.
    pub fn us_dates(self) -> bool {
        match self {
            Layout::Qualtrics
            | Layout::QualtricsLegacy
            | Layout::SurveyMonkey
            | Layout::Alchemer => true,
            Layout::SingleHeader
            | Layout::GoogleForms
            | Layout::MicrosoftForms
            | Layout::CodeLabel
            | Layout::SoSci
            | Layout::LimeSurvey
            | Layout::Typeform
            | Layout::Jotform
            | Layout::KoboToolbox => false,
        }
    }

    /// Which of a column's header rows ([`Column::names`]) holds its question text, where the
    /// export puts a code or id above it (`Q3_2` over "How important is…"); `None` where the
    /// first row is the question (or the question and its option, as SurveyMonkey has them).
    pub fn question_row(self) -> Option<usize> {
        match self {
            Layout::Qualtrics
            | Layout::QualtricsLegacy
            | Layout::CodeLabel
            | Layout::SoSci
            | Layout::LimeSurvey => Some(1),
            Layout::SingleHeader
            | Layout::SurveyMonkey
            | Layout::GoogleForms
            | Layout::MicrosoftForms
            | Layout::Typeform
            | Layout::Alchemer
            | Layout::Jotform
            | Layout::KoboToolbox => None,
        }
    }

    /// A column's id, where the export gives each column one above its question text.
    pub fn column_id(self, col: &Column) -> Option<&str> {
        match (self.question_row(), col.names.as_slice()) {
            (Some(_), [id, _, ..]) => Some(id),
            _ => None,
        }
    }

    /// The header a column is shown and grouped under: the question text where the export has
    /// codes above it, else its label.
    pub fn shown_header(self, col: &Column) -> &str {
        match self.question_row().and_then(|r| col.names.get(r)) {
            Some(q) if !q.is_empty() => q,
            _ => col.label(),
        }
    }
}

/// Normalise a header for matching: tags dropped, whitespace (newlines, tabs, no-break spaces)
/// folded to one space, trimmed.
pub fn normalize_header(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let mut space = false;
    let bytes_lt = s.contains('<') && s.contains('>');
    for c in s.chars() {
        if bytes_lt && c == '<' {
            in_tag = true;
            space = true;
            continue;
        }
        if in_tag {
            if c == '>' {
                in_tag = false;
            }
            continue;
        }
        if c.is_whitespace() || c == '\u{feff}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Normalise an answer or header for comparison: whitespace folded, lower-cased.
pub fn fold(s: &str) -> String {
    // Fast path: plain ASCII with single inner spaces needs only lower-casing (this runs for
    // every text cell a value map or a rule reads).
    let b = s.as_bytes();
    let plain = !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && b.iter()
            .all(|&c| c.is_ascii() && c != b'<' && (c == b' ' || !c.is_ascii_whitespace()))
        && !s.contains("  ");
    if plain {
        return s.to_ascii_lowercase();
    }
    normalize_header(s).to_lowercase()
}

pub(super) fn text_at(grid: &[Vec<Cell>], r: usize, c: usize) -> String {
    grid.get(r)
        .and_then(|row| row.get(c))
        .map(|cell| normalize_header(&cell.as_text()))
        .unwrap_or_default()
}

pub(super) fn row_texts(grid: &[Vec<Cell>], r: usize, width: usize) -> Vec<String> {
    (0..width).map(|c| text_at(grid, r, c)).collect()
}

/// Find the layout, the header row(s) and the column names, and build the table.
/// `row_offset` is the 0-based sheet row of the grid's first row.
pub fn build_table(
    source_file: String,
    sheet: Option<String>,
    grid: Grid,
    row_offset: usize,
) -> Table {
    let width = grid.width();
    // The layout is told from the first rows: the platform headers are in the first three, and
    // a header row below a title is looked for in the first ten.
    let head = grid.head(SNIFF_ROWS);
    let (start, (layout, header_rows, columns)) = match detect_platform(&head, width) {
        Some(found) => (0, found),
        None => {
            let start = header_row(&head, width);
            (start, detect_single(&head[start..], width))
        }
    };
    let data_start = start + header_rows;
    let columns = choices::group(columns, head.get(data_start..).unwrap_or(&[]));
    let rows = grid.skip_rows(data_start);
    let note_rows = note_rows(&rows);
    Table {
        source_file,
        sheet,
        layout,
        encoding: None,
        decimal_comma: false,
        columns,
        rows,
        first_row_number: row_offset + data_start + 1,
        note_rows,
        formats: vec![std::sync::OnceLock::new(); width],
        comma_numbers: std::sync::OnceLock::new(),
    }
}

/// How many of a table's last rows are notes or totals: from the bottom (blank rows aside),
/// each row whose first filled cell opens with a note or total word of a lexicon language
/// ("Total", "Notes:", "Quelle", "합계") with only numbers beside it, or whose only filled cells
/// are numbers above their columns' values with its first cell blank (a row of sums), up to 20
/// rows and never the first
/// data row.
fn note_rows(rows: &Grid) -> usize {
    let n = rows.len();
    let mut notes = 0;
    for r in (1..n).rev().take(20) {
        let row = rows.row(r);
        let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_empty()).collect();
        let Some(first) = filled.first() else {
            continue;
        };
        // The word, and nothing but numbers beside it: a respondent named "Total Energies"
        // has answers beside the name.
        let note = matches!(first, Cell::Text(t) if crate::lexicon::is_note_row(&fold(t)))
            && filled[1..].iter().all(|c| {
                matches!(c, Cell::Number(_)) || {
                    let t = c.as_text();
                    crate::ingest::format::parse_local(&t, false).is_some()
                        || crate::ingest::format::parse_local(&t, true).is_some()
                }
            });
        // A row of sums: numbers only, its first cell blank, each above every value of its
        // column in the rows above (a respondent's ratings are not).
        let sums = row.get(0).is_none_or(Cell::is_empty)
            && filled.len() >= 2
            && row.iter().enumerate().all(|(c, cell)| match cell {
                Cell::Empty => true,
                Cell::Number(x) => (0..r).all(|above| match rows.row(above).get(c) {
                    Some(Cell::Number(y)) => y < x,
                    _ => true,
                }),
                _ => false,
            });
        if !(note || sums) {
            break;
        }
        notes = n - r;
    }
    notes
}

/// How many rows [`build_table`] looks at: the ten probed for a header, and the one after.
pub(crate) const SNIFF_ROWS: usize = 11;

/// The first row that looks like a header: at least half as full as the widest of the first ten
/// rows, all text. Title rows above it (an interview sheet's heading) are header rows, not data.
fn header_row(grid: &[Vec<Cell>], width: usize) -> usize {
    let probe = grid.len().min(10);
    let filled = |r: &Vec<Cell>| r.iter().filter(|c| !c.is_empty()).count();
    let widest = grid[..probe].iter().map(filled).max().unwrap_or(0);
    for (i, row) in grid[..probe].iter().enumerate() {
        let n = filled(row);
        let all_text = row.iter().all(|c| matches!(c, Cell::Text(_) | Cell::Empty));
        if n >= 1 && n * 2 >= widest.max(1) && all_text && n.min(width) > 0 {
            return i;
        }
        // Only titles (one cell) and blank rows may sit above the header: a fuller row is data,
        // and the header is the first row.
        if n > 1 {
            return 0;
        }
    }
    0
}

/// Two header rows, a code or id above the question text (Qualtrics, the code-and-label
/// exports): a column is found by either.
pub(super) fn two_level(ids: &[String], texts: &[String]) -> Vec<Column> {
    ids.iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (id, text))| {
            let mut names = vec![id.clone()];
            if !text.is_empty() && text != id {
                names.push(text.clone());
            }
            Column {
                names,
                option: None,
                letter: column_letter(i),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::from_rows(
            rows.iter()
                .map(|r| r.iter().map(|s| Cell::from_text(s)).collect())
                .collect(),
        )
    }
    /// A row of variable codes above a row of question labels (SoSci Survey, LimeSurvey,
    /// Unipark): both are headers, the data starts below them, and a column is found by either.
    #[test]
    fn code_and_label_rows_are_both_headers() {
        let sosci = grid(&[
            &["CASE", "SERIAL", "STARTED", "A001_01", "A001_02", "B002"],
            &[
                "Interview-Nummer (fortlaufend)",
                "Seriennummer (sofern verwendet)",
                "Zeitpunkt zu dem der Fragebogen gestartet wurde",
                "Wichtigkeit: Fachkompetenz",
                "Wichtigkeit: Erreichbarkeit",
                "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
            ],
            &["12", "", "2024-10-16 17:11:03", "4", "5", "9"],
            &["13", "", "2024-10-17 09:02:11", "3", "5", "7"],
        ]);
        let t = build_table("sosci.csv".into(), None, sosci, 0);
        assert_eq!(t.layout, Layout::CodeLabel);
        assert_eq!(t.rows.len(), 2, "the label row is not a respondent");
        assert_eq!(t.first_row_number, 3);
        assert_eq!(
            t.columns[3].names,
            ["A001_01", "Wichtigkeit: Fachkompetenz"]
        );
        let lime = grid(&[
            &["id", "submitdate", "lastpage", "Q1[SQ001]", "Q1[SQ002]"],
            &[
                "Response ID",
                "Date submitted",
                "Last page",
                "How important is speed?",
                "How important is price?",
            ],
            &["1", "2024-10-16 17:11:03", "3", "4", "2"],
        ]);
        assert_eq!(
            build_table("lime.csv".into(), None, lime, 0).layout,
            Layout::LimeSurvey
        );
    }

    /// A team's own sheet whose first answers are words is not taken for a label row.
    #[test]
    fn a_plain_sheet_with_worded_answers_keeps_its_first_respondent() {
        let own = grid(&[
            &["id", "stage", "why", "industry"],
            &["Acme Ltd", "past client", "slow to answer", "Health care"],
            &["Borg plc", "client", "great team", "Retail"],
        ]);
        let t = build_table("own.csv".into(), None, own, 0);
        assert_eq!(t.layout, Layout::SingleHeader);
        assert_eq!(t.rows.len(), 2);
        let coded_but_data = grid(&[
            &["Q1", "Q2", "Q3_1", "Q3_2"],
            &["Strongly agree", "Agree", "Very satisfied", "4"],
        ]);
        let t = build_table("q.csv".into(), None, coded_but_data, 0);
        assert_eq!(t.layout, Layout::SingleHeader, "a number in the row: data");
        assert_eq!(t.rows.len(), 1);
        let worded_answers = grid(&[
            &["Q1", "Q2", "Q3_1", "Q3_2"],
            &["Strongly agree", "Agree", "Very satisfied", "Not at all"],
            &["Agree", "Agree", "Very satisfied", "Somewhat"],
            &["Strongly agree", "Disagree", "Satisfied", "Not at all"],
        ]);
        let t = build_table("w.csv".into(), None, worded_answers, 0);
        assert_eq!(
            t.layout,
            Layout::SingleHeader,
            "its answers come again below: data"
        );
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn normalises_headers() {
        assert_eq!(normalize_header(" 1-1.\tKiosk \n item "), "1-1. Kiosk item");
        assert_eq!(normalize_header("Risk<br>taker"), "Risk taker");
        assert_eq!(normalize_header("\u{feff}ID"), "ID");
        assert_eq!(normalize_header("a\u{a0}b"), "a b");
    }

    #[test]
    fn qualtrics_three_rows() {
        let g = grid(&[
            &["StartDate", "Status", "Q1"],
            &["Start Date", "Response Type", "How likely?"],
            &[
                "{\"ImportId\":\"startDate\"}",
                "{\"ImportId\":\"status\"}",
                "{\"ImportId\":\"QID1\"}",
            ],
            &["2026-01-02", "IP Address", "9"],
        ]);
        let t = build_table("q.csv".into(), None, g, 0);
        assert_eq!(t.layout, Layout::Qualtrics);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.first_row_number, 4);
        assert_eq!(t.columns[2].names, vec!["Q1", "How likely?"]);
    }

    #[test]
    fn surveymonkey_two_rows_with_options() {
        let g = grid(&[
            &[
                "Respondent ID",
                "Which services do you know?",
                "",
                "Comments",
            ],
            &["", "Audit", "Tax", "Open-Ended Response"],
            &["1", "Audit", "", "ok"],
        ]);
        let t = build_table("s.csv".into(), None, g, 0);
        assert_eq!(t.layout, Layout::SurveyMonkey);
        assert_eq!(t.columns[2].names[0], "Which services do you know? - Tax");
        assert_eq!(t.columns[2].option.as_deref(), Some("Tax"));
        assert_eq!(t.columns[3].names, vec!["Comments"]);
        assert_eq!(t.first_row_number, 3);
    }

    #[test]
    fn title_row_above_header_is_skipped() {
        let g = grid(&[
            &["Interview coding, Q3", "", "", ""],
            &["", "", "", ""],
            &["Interviewee", "Relationship", "Expertise", "Notes"],
            &["A", "Past client", "4", "x"],
        ]);
        let t = build_table("i.xlsx".into(), Some("S".into()), g, 0);
        assert_eq!(t.layout, Layout::SingleHeader);
        assert_eq!(t.columns[1].label(), "Relationship");
        assert_eq!(t.first_row_number, 4);
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn forms_layouts() {
        let g = grid(&[&["Timestamp", "Q"], &["1/15/2025 21:53:05", "yes"]]);
        assert_eq!(
            build_table("g.csv".into(), None, g, 0).layout,
            Layout::GoogleForms
        );
        let g = grid(&[
            &["Id", "Start time", "Completion time", "Email"],
            &["1", "a", "b", "c"],
        ]);
        assert_eq!(
            build_table("m.csv".into(), None, g, 0).layout,
            Layout::MicrosoftForms
        );
    }

    /// Note and total rows at the end of a coded sheet are counted, in a lexicon language, with
    /// only numbers beside the word; a respondent named "Total Energies" is not one.
    #[test]
    fn note_and_total_rows_at_the_end() {
        let mut rows = vec![
            vec![
                Cell::from_text("id"),
                Cell::from_text("stage"),
                Cell::from_text("score"),
            ],
            vec![
                Cell::from_text("A"),
                Cell::from_text("client"),
                Cell::Number(4.0),
            ],
            vec![
                Cell::from_text("Total Energies"),
                Cell::from_text("client"),
                Cell::Number(5.0),
            ],
            vec![
                Cell::from_text("B"),
                Cell::from_text("former"),
                Cell::Number(3.0),
            ],
            vec![Cell::from_text("Total"), Cell::Empty, Cell::Number(12.0)],
            vec![Cell::Empty, Cell::Empty, Cell::Empty],
            vec![
                Cell::from_text("Notes: coded by JS"),
                Cell::Empty,
                Cell::Empty,
            ],
        ];
        let t = build_table("c.xlsx".into(), None, Grid::from_rows(rows.clone()), 0);
        assert_eq!(t.rows.len(), 6);
        assert_eq!(t.note_rows, 3, "the total, the blank and the notes");
        rows.truncate(4);
        rows.push(vec![
            Cell::from_text("Summe"),
            Cell::Empty,
            Cell::Number(12.0),
        ]);
        assert_eq!(
            build_table("d.xlsx".into(), None, Grid::from_rows(rows.clone()), 0).note_rows,
            1
        );
        rows.pop();
        rows.push(vec![Cell::Empty, Cell::Empty, Cell::Number(12.0)]);
        rows.push(vec![Cell::Empty, Cell::Number(2.0), Cell::Number(3.0)]);
        let t = build_table("e.xlsx".into(), None, Grid::from_rows(rows), 0);
        assert_eq!(
            t.note_rows, 0,
            "ratings with no id are a respondent, not sums"
        );
    }

    /// Microsoft Forms with its headers in the form's language.
    #[test]
    fn microsoft_forms_in_other_languages() {
        for head in [
            ["Id", "Startzeit", "Fertigstellungszeit"],
            ["ID", "Heure de début", "Heure de fin"],
            ["Id", "Hora de inicio", "Hora de finalización"],
            ["Identyfikator", "Godzina rozpoczęcia", "Godzina ukończenia"],
        ] {
            let g = grid(&[&head, &["1", "a", "b"]]);
            assert_eq!(
                build_table("m.csv".into(), None, g, 0).layout,
                Layout::MicrosoftForms,
                "{head:?}"
            );
        }
    }

    /// Columns whose answers repeat their own header are one multi-select's options, a choice
    /// nobody in the first rows took among them; Alchemer's `Option:Question` too.
    #[test]
    fn choice_columns_are_one_question() {
        let g = grid(&[
            &["#", "Audit", "Tax", "Advisory", "Why?"],
            &["a1", "Audit", "", "Advisory", "fast"],
            &["a2", "", "", "Advisory", "Audit"],
        ]);
        let t = build_table("t.csv".into(), None, g, 0);
        assert_eq!(t.columns[2].option.as_deref(), Some("Tax"));
        assert_eq!(t.columns[1].names[1], "Audit / Tax / Advisory");
        assert!(t.columns[4].option.is_none() && t.columns[0].option.is_none());
        let g = grid(&[
            &[
                "Response ID",
                "Time Started",
                "Status",
                "Audit:Which do you know?",
                "Tax:Which do you know?",
            ],
            &["1", "x", "Complete", "Audit", ""],
        ]);
        let t = build_table("a.csv".into(), None, g, 0);
        assert_eq!(t.layout, Layout::Alchemer);
        assert_eq!(
            t.columns[4].names,
            ["Tax:Which do you know?", "Which do you know?"]
        );
        assert_eq!(t.columns[4].option.as_deref(), Some("Tax"));
    }
}

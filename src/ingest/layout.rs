//! Header layouts of survey platforms: how many header rows, and what each column is called.

use super::cell::Cell;
use super::{column_letter, Column, Grid, Table};

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
    /// A row of short variable codes above a row of question labels (SoSci Survey, LimeSurvey,
    /// Unipark, Alchemer): both rows are headers, and a field matches either.
    CodeLabel,
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
        }
    }

    /// Whether the platform writes its own dates month first (US order) whatever the
    /// respondent's language: Qualtrics and SurveyMonkey do; the others write the locale's order
    /// or leave the dates as the user typed them.
    pub fn us_dates(self) -> bool {
        match self {
            Layout::Qualtrics | Layout::QualtricsLegacy | Layout::SurveyMonkey => true,
            Layout::SingleHeader
            | Layout::GoogleForms
            | Layout::MicrosoftForms
            | Layout::CodeLabel => false,
        }
    }

    /// Whether the export has Qualtrics' `Status` and `Finished` columns, which mark previews,
    /// tests, spam and unfinished responses.
    pub fn response_flags(self) -> bool {
        match self {
            Layout::Qualtrics | Layout::QualtricsLegacy => true,
            Layout::SingleHeader
            | Layout::SurveyMonkey
            | Layout::GoogleForms
            | Layout::MicrosoftForms
            | Layout::CodeLabel => false,
        }
    }

    /// Which of a column's header rows ([`Column::names`]) holds its question text, where the
    /// export puts a code or id above it (`Q3_2` over "How important is…"); `None` where the
    /// first row is the question (or the question and its option, as SurveyMonkey has them).
    pub fn question_row(self) -> Option<usize> {
        match self {
            Layout::Qualtrics | Layout::QualtricsLegacy | Layout::CodeLabel => Some(1),
            Layout::SingleHeader
            | Layout::SurveyMonkey
            | Layout::GoogleForms
            | Layout::MicrosoftForms => None,
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

/// Google Forms' `Timestamp` header in languages that have no lexicon yet (Portuguese,
/// Italian); the others are each language's (`crate::lexicon`).
const OTHER_TIMESTAMP_HEADERS: [&str; 2] = ["carimbo de data/hora", "informazioni cronologiche"];

/// Whether a header is Google Forms' `Timestamp` in one of the languages it is exported in.
fn is_timestamp_header(h: &str) -> bool {
    let lower = h.to_lowercase();
    crate::lexicon::is_timestamp_header(&lower) || OTHER_TIMESTAMP_HEADERS.contains(&lower.as_str())
}

fn text_at(grid: &[Vec<Cell>], r: usize, c: usize) -> String {
    grid.get(r)
        .and_then(|row| row.get(c))
        .map(|cell| normalize_header(&cell.as_text()))
        .unwrap_or_default()
}

fn row_texts(grid: &[Vec<Cell>], r: usize, width: usize) -> Vec<String> {
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
    Table {
        source_file,
        sheet,
        layout,
        encoding: None,
        decimal_comma: false,
        columns,
        rows: grid.skip_rows(data_start),
        first_row_number: row_offset + data_start + 1,
    }
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

/// The multi-row platform layouts, recognised from the first three rows.
fn detect_platform(grid: &[Vec<Cell>], width: usize) -> Option<(Layout, usize, Vec<Column>)> {
    let r0 = row_texts(grid, 0, width);
    let r1 = row_texts(grid, 1, width);
    let r2 = row_texts(grid, 2, width);
    let has = |row: &[String], names: &[&str]| {
        row.iter()
            .any(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    };
    let import_id = r2
        .iter()
        .any(|h| h.starts_with("{\"ImportId\"") || h.starts_with("{'ImportId'"));
    if import_id
        && has(
            &r0,
            &[
                "StartDate",
                "ResponseId",
                "ResponseID",
                "Status",
                "Finished",
            ],
        )
    {
        return Some((Layout::Qualtrics, 3, two_level(&r0, &r1)));
    }
    if r0.first().map(String::as_str) == Some("V1") && has(&r1, &["ResponseID", "ResponseSet"]) {
        return Some((Layout::QualtricsLegacy, 2, two_level(&r0, &r1)));
    }
    if has(&r0, &["StartDate", "ResponseId"]) && has(&r1, &["Start Date", "Response ID"]) {
        return Some((Layout::Qualtrics, 2, two_level(&r0, &r1)));
    }
    if code_and_label(&r0, &r1, grid.get(1).map(Vec::as_slice))
        && !repeated_below(&r1, grid.get(2..).unwrap_or(&[]))
    {
        return Some((Layout::CodeLabel, 2, two_level(&r0, &r1)));
    }
    let sm_second = has(&r1, &["Response", "Open-Ended Response"]);
    let sm_first = has(&r0, &["Respondent ID", "RespondentID"]) || r0.iter().any(String::is_empty);
    if sm_second && sm_first {
        return Some((Layout::SurveyMonkey, 2, survey_monkey(&r0, &r1)));
    }
    None
}

/// A variable code: a letter or `_` first, then letters, digits and `_ . - [ ]`, at most 32
/// characters, no space (`A001_01`, `Q2[SQ001]`, `v_12`, `CASE`).
fn is_code(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.len() <= 32
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']'))
}

/// Whether the first two rows are a code row and a label row: nearly every cell of the first a
/// variable code, and a third of them numbered (`A001_01`, `v_3`, `Q2`: the mark of a
/// platform's codes, which a team's own `id, stage, why` lacks); the second as full, all text,
/// no number among it, mostly unlike the codes above it, and worded (with spaces) as questions
/// are.
fn code_and_label(codes: &[String], labels: &[String], label_cells: Option<&[Cell]>) -> bool {
    let filled: Vec<(&String, &String)> = codes
        .iter()
        .zip(labels)
        .filter(|(c, _)| !c.is_empty())
        .collect();
    let n = filled.len();
    if n < 3 {
        return false;
    }
    let coded = filled.iter().filter(|(c, _)| is_code(c)).count();
    let numbered = filled
        .iter()
        .filter(|(c, _)| c.chars().any(|ch| ch.is_ascii_digit() || ch == '_'))
        .count();
    let labelled = filled.iter().filter(|(_, l)| !l.is_empty()).count();
    let differs = filled
        .iter()
        .filter(|(c, l)| !l.is_empty() && !l.eq_ignore_ascii_case(c))
        .count();
    let worded = filled
        .iter()
        .filter(|(_, l)| l.trim().contains(' '))
        .count();
    let all_text = label_cells.is_some_and(|cells| {
        cells.iter().all(|c| match c {
            Cell::Text(t) => super::cell::parse_number(t, false).is_none(),
            Cell::Empty => true,
            _ => false,
        })
    });
    coded * 10 >= n * 9
        && numbered * 3 >= n
        && labelled * 10 >= n * 8
        && differs * 2 >= n
        && worded * 3 >= n
        && all_text
}

/// Whether a quarter or more of a row's texts come again in the same column in the rows below
/// it: answers repeat down a column (`Strongly agree`), a question's label does not.
fn repeated_below(row: &[String], below: &[Vec<Cell>]) -> bool {
    let filled: Vec<(usize, &String)> = row
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let again = filled
        .iter()
        .filter(|(c, t)| {
            below.iter().any(|r| {
                r.get(*c)
                    .is_some_and(|cell| cell.as_text().trim() == t.as_str())
            })
        })
        .count();
    again * 4 >= filled.len().max(1)
}

/// One header row: Google Forms, Microsoft Forms, or a sheet of the team's own.
fn detect_single(grid: &[Vec<Cell>], width: usize) -> (Layout, usize, Vec<Column>) {
    let r0 = row_texts(grid, 0, width);
    let layout = if r0.first().is_some_and(|h| is_timestamp_header(h)) {
        Layout::GoogleForms
    } else if r0.len() >= 3
        && r0[0].eq_ignore_ascii_case("ID")
        && r0[1].eq_ignore_ascii_case("Start time")
        && r0[2].eq_ignore_ascii_case("Completion time")
    {
        Layout::MicrosoftForms
    } else {
        Layout::SingleHeader
    };
    let columns = r0
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            names: vec![h.clone()],
            option: None,
            letter: column_letter(i),
        })
        .collect();
    (layout, 1, columns)
}

/// Qualtrics: a column is found by its id (`Q3_2`) or by its question text.
fn two_level(ids: &[String], texts: &[String]) -> Vec<Column> {
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

/// SurveyMonkey: the question runs on over blank header cells; the second row names the option.
fn survey_monkey(questions: &[String], subs: &[String]) -> Vec<Column> {
    let mut current = String::new();
    let mut out = Vec::with_capacity(questions.len());
    for (i, (q, sub)) in questions.iter().zip(subs).enumerate() {
        if !q.is_empty() {
            current = q.clone();
        }
        let plain = sub.is_empty()
            || sub.eq_ignore_ascii_case("Response")
            || sub.eq_ignore_ascii_case("Open-Ended Response");
        let column = if plain {
            let name = if current.is_empty() {
                sub.clone()
            } else {
                current.clone()
            };
            Column {
                names: vec![name],
                option: None,
                letter: column_letter(i),
            }
        } else if current.is_empty() {
            Column {
                names: vec![sub.clone()],
                option: None,
                letter: column_letter(i),
            }
        } else {
            Column {
                names: vec![format!("{current} - {sub}"), current.clone()],
                option: Some(sub.clone()),
                letter: column_letter(i),
            }
        };
        out.push(column);
    }
    out
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
            Layout::CodeLabel
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
}

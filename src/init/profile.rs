//! What each column holds: counts of numbers, dates, answers and list parts, merged across every
//! table the same header appears in, and the kind inferred from them.

use std::collections::{BTreeMap, BTreeSet};

use crate::ingest::cell::parse_date_text;
use crate::ingest::{Cell, Table};

use super::likert::{self, LikertSet};

/// Distinct answers kept per column; beyond this a column is free text or ids.
const MAX_DISTINCT: usize = 400;
/// Numbers kept per column for its median.
const MAX_SAMPLES: usize = 100_000;

/// What a column holds, as far as the values show.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Empty,
    /// Unique per row: a response id, an email.
    Id,
    Date,
    /// Whole numbers 0–10 under a "recommend" question.
    Recommend,
    /// A rating on `scale`, as numbers or as the labels of `labels`.
    Rating {
        scale: (f64, f64),
        labels: Option<&'static LikertSet>,
    },
    Number,
    YesNo,
    /// Several answers joined by `,` in one cell.
    Multi,
    /// One option of a multi-select question spread over columns (SurveyMonkey).
    Option,
    /// A few distinct answers.
    Category,
    FreeText,
}

impl Kind {
    /// The word written in the commented config.
    pub fn describe(&self) -> String {
        match self {
            Kind::Empty => "empty".into(),
            Kind::Id => "id".into(),
            Kind::Date => "date".into(),
            Kind::Recommend => "0-10 recommend".into(),
            Kind::Rating { scale, labels } => match labels {
                Some(l) => format!("rating {}-{} (labels: {})", scale.0, scale.1, l.name),
                None => format!("rating {}-{}", scale.0, scale.1),
            },
            Kind::Number => "number".into(),
            Kind::YesNo => "yes/no".into(),
            Kind::Multi => "multi-select".into(),
            Kind::Option => "multi-select option column".into(),
            Kind::Category => "category".into(),
            Kind::FreeText => "free text".into(),
        }
    }
}

/// One header across every table it appears in.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The header as shown (question text for Qualtrics, `question - option` for SurveyMonkey).
    pub header: String,
    /// For a SurveyMonkey option column: (question, option).
    pub option: Option<(String, String)>,
    /// Every name the column has in any table: the codes above a Qualtrics or SoSci label too
    /// (`ResponseId` above `Antwort-ID`).
    pub names: BTreeSet<String>,
    /// `file` or `file [sheet]` where the column was found.
    pub tables: BTreeSet<String>,
    pub rows: usize,
    pub filled: usize,
    pub numbers: usize,
    pub integers: usize,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The numbers seen in responses (up to `MAX_SAMPLES`), for medians: not in Qualtrics
    /// previews or unfinished responses, which `run` excludes.
    pub samples: Vec<f64>,
    pub dates: usize,
    /// Answer text → count (text cells only, up to `MAX_DISTINCT` distinct).
    pub answers: BTreeMap<String, usize>,
    /// More distinct answers than kept.
    pub overflow: bool,
    /// Text cells of more than one comma-separated part, and the parts.
    pub with_comma: usize,
    pub parts: BTreeMap<String, usize>,
    /// Parts seen in cells of more than one part.
    joined: BTreeSet<String>,
    /// Email domains seen.
    pub domains: BTreeMap<String, usize>,
    /// Per table (`file` or `file [sheet]`): its text answers and their counts (up to
    /// `MAX_PER_TABLE` distinct), to tell what a journey column says in one table.
    pub by_table: BTreeMap<String, BTreeMap<String, usize>>,
    pub text_chars: usize,
    pub texts: usize,
    /// Distinct non-empty values seen, as text, up to `MAX_DISTINCT + 1`.
    distinct: BTreeSet<String>,
    /// Answers that are a number with its label ("10 - Extremely likely"), and the number.
    pub anchors: BTreeMap<String, f64>,
    /// Text cells that say "no answer" ("N/A", "Keine Angabe").
    pub no_answer: usize,
}

/// Rows a text column needs before its labels are read as a scale by their shape.
const SHAPE_MIN_ROWS: usize = 10;

impl Profile {
    /// An empty profile under `header`.
    pub fn named(header: &str) -> Profile {
        Profile {
            header: header.into(),
            ..Profile::default()
        }
    }

    /// Add a cell; `response`: its row is one `run` keeps (its numbers count for the median).
    #[cfg(test)]
    fn add(&mut self, cell: &Cell, response: bool) {
        self.add_in(
            cell,
            response,
            crate::ingest::format::ColumnFormat::plain(false),
        );
    }

    /// [`Profile::add`] in the column's own format (its decimal mark, its list separator).
    fn add_in(&mut self, cell: &Cell, response: bool, fmt: crate::ingest::format::ColumnFormat) {
        self.rows += 1;
        if cell.is_empty() || matches!(cell, Cell::Error(_)) {
            return;
        }
        let text = cell.as_text();
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.filled += 1;
        if self.distinct.len() <= MAX_DISTINCT {
            self.distinct.insert(text.to_string());
        }
        let number = match cell {
            Cell::Number(x) => Some(*x),
            Cell::Text(t) => {
                crate::ingest::format::parse_local(t, fmt.decimal_comma).or_else(|| {
                    let x = anchor(text)?;
                    if self.anchors.len() < 50 {
                        self.anchors.insert(text.to_string(), x);
                    }
                    Some(x)
                })
            }
            _ => None,
        };
        if let Some(x) = number {
            self.numbers += 1;
            if x.fract() == 0.0 {
                self.integers += 1;
            }
            self.min = Some(self.min.map_or(x, |m| m.min(x)));
            self.max = Some(self.max.map_or(x, |m| m.max(x)));
            if response && self.samples.len() < MAX_SAMPLES {
                self.samples.push(x);
            }
            return;
        }
        if matches!(cell, Cell::Date(_)) || parse_date_text(text).is_some() {
            self.dates += 1;
            return;
        }
        if likert::is_no_answer(text) {
            self.no_answer += 1;
        }
        self.texts += 1;
        self.text_chars += text.chars().count();
        if let Some((_, domain)) = text.rsplit_once('@') {
            if !domain.contains(' ') && domain.contains('.') {
                *self.domains.entry(domain.to_lowercase()).or_default() += 1;
            }
        }
        let parts = split_list(text, fmt.separator);
        if parts.len() > 1 {
            self.with_comma += 1;
            for part in &parts {
                if self.joined.len() < MAX_DISTINCT {
                    self.joined.insert(part.to_string());
                }
            }
        }
        for part in parts {
            if self.parts.len() < MAX_DISTINCT || self.parts.contains_key(part) {
                *self.parts.entry(part.to_string()).or_default() += 1;
            }
        }
        if self.answers.len() < MAX_DISTINCT || self.answers.contains_key(text) {
            *self.answers.entry(text.to_string()).or_default() += 1;
        } else {
            self.overflow = true;
        }
    }

    /// Whether any of the column's names matches `re`.
    pub fn is_named(&self, re: &regex::Regex) -> bool {
        re.is_match(self.header.trim()) || self.names.iter().any(|n| re.is_match(n.trim()))
    }

    /// Distinct non-empty values (capped just above the kept maximum).
    pub fn distinct(&self) -> usize {
        self.distinct.len()
    }

    /// The median of the numbers seen.
    pub fn median(&self) -> Option<f64> {
        let mut v = self.samples.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        Some(if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        })
    }

    /// Whether an option column's answers only mark its option chosen or not: the option's
    /// own text, or 1 / 0, true / false, yes / no, x (a platform's one column per choice).
    fn marks_choice(&self) -> bool {
        let Some((_, option)) = &self.option else {
            return false;
        };
        let option = option.to_lowercase();
        self.distinct.len() <= 2
            && self.distinct.iter().all(|v| {
                let v = v.trim().to_lowercase();
                v == option
                    || matches!(
                        v.as_str(),
                        "1" | "0"
                            | "true"
                            | "false"
                            | "yes"
                            | "no"
                            | "x"
                            | "selected"
                            | "not selected"
                    )
            })
    }

    /// The kind the values show.
    pub fn kind(&self) -> Kind {
        if self.filled == 0 {
            return Kind::Empty;
        }
        let header = self.header.to_lowercase();
        if self.marks_choice() {
            return Kind::Option;
        }
        let labelled = likert::find(self.answers.keys().map(String::as_str), self.texts)
            .or_else(|| self.by_shape());
        let answered = self.filled - self.no_answer;
        if labelled.is_some() || answered > 0 && self.numbers * 10 >= answered * 9 {
            return self.numeric_kind(&header, labelled);
        }
        if self.option.is_some() {
            return Kind::Option;
        }
        if self.dates * 10 >= self.filled * 9 {
            return Kind::Date;
        }
        let folded: BTreeSet<String> = self.answers.keys().map(|a| a.to_lowercase()).collect();
        if !folded.is_empty()
            && folded
                .iter()
                .all(|a| matches!(a.as_str(), "yes" | "no" | "true" | "false" | "y" | "n"))
        {
            return Kind::YesNo;
        }
        let mean_len = self.text_chars / self.texts.max(1);
        if self.with_comma * 5 >= self.texts && self.is_list() {
            return Kind::Multi;
        }
        if self.distinct() * 20 >= self.filled * 19 && self.filled >= 5 && mean_len < 60 {
            let spaced = self.answers.keys().filter(|a| a.contains(' ')).count();
            if spaced * 4 < self.answers.len().max(1) {
                return Kind::Id;
            }
        }
        // Long answers that many respondents give alike are a choice's options written out
        // ("We moved everything to an in-house team last year…"), not free text, which
        // varies.
        let repeated = self.answers.values().all(|&n| n >= 2) && self.filled >= 3 * self.distinct();
        if self.distinct() <= 15.max(self.filled / 10)
            && (mean_len < 60 || repeated)
            && !self.overflow
        {
            return Kind::Category;
        }
        Kind::FreeText
    }

    /// The scale a text column's labels form by their shape (see [`super::shape`]), when
    /// enough rows answer it that the labels are a column's scale, not a few one-off answers.
    fn by_shape(&self) -> Option<&'static LikertSet> {
        if self.texts < SHAPE_MIN_ROWS || self.overflow {
            return None;
        }
        let answers: Vec<&str> = self.answers.keys().map(String::as_str).collect();
        super::shape::read(&answers)
    }

    /// Whether comma-joined answers look like a multi-select list rather than sentences: a few
    /// short options that repeat, most of them also chosen alone, or combined in many ways.
    fn is_list(&self) -> bool {
        let n = self.parts.len();
        if n == 0 || n > 40 || n * 3 > self.texts.max(3) {
            return false;
        }
        let mean_part = self.parts.keys().map(|p| p.chars().count()).sum::<usize>() / n;
        if mean_part > 40 {
            return false;
        }
        let alone = self
            .joined
            .iter()
            .filter(|p| self.answers.contains_key(*p))
            .count();
        alone * 2 >= self.joined.len() || self.answers.len() * 2 >= n * 3
    }

    fn numeric_kind(&self, header: &str, labelled: Option<&'static LikertSet>) -> Kind {
        if let Some(set) = labelled {
            let lo = self.min.unwrap_or(1.0).min(1.0);
            let hi = self.max.unwrap_or(0.0).max(set.points.len() as f64);
            return Kind::Rating {
                scale: (lo, hi),
                labels: Some(set),
            };
        }
        let (Some(lo), Some(hi)) = (self.min, self.max) else {
            return Kind::Number;
        };
        let whole = self.integers == self.numbers;
        if whole
            && lo >= 0.0
            && hi <= 10.0
            && (hi > 5.0 || lo == 0.0)
            && crate::lexicon::words().recommend.is_match(header)
        {
            return Kind::Recommend;
        }
        if !whole || self.distinct() > 11 {
            return Kind::Number;
        }
        let scales = [(1.0, 5.0), (1.0, 7.0), (0.0, 10.0), (1.0, 10.0)];
        match scales.iter().find(|(a, b)| lo >= *a && hi <= *b) {
            Some(&(a, b)) if hi > 1.0 => Kind::Rating {
                scale: if a == 0.0 && lo >= 1.0 {
                    (1.0, b)
                } else {
                    (a, b)
                },
                labels: None,
            },
            _ => Kind::Number,
        }
    }
}

/// The number of an answer that is a number with its label: `0 - Not at all likely`,
/// `10 = Äußerst wahrscheinlich`, `5 (neutral)`, `(0) None`, `[4] Critical`.
pub fn anchor(text: &str) -> Option<f64> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?:(-?\d{1,2})\s*(?:[-–—=:.)]\s*|\(\s*)|[(\[]\s*(-?\d{1,2})\s*[)\]]\s*[-–—=:.]?\s*)\p{L}",
        )
        .expect("compiles")
    });
    RE.captures(text)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .and_then(|m| m.as_str().parse().ok())
}

/// The parts of a joined answer; a comma between digits (`1,000`) does not split.
fn split_list<'a>(text: &'a str, separator: &str) -> Vec<&'a str> {
    if separator != "," {
        return text
            .split(separator)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let b = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        let digits =
            i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
        if c == b',' && !digits {
            parts.push(text[start..i].trim());
            start = i + 1;
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Which rows of a table are responses: none of its platform's flags (a preview, test or spam,
/// an unfinished or disqualified response) says otherwise, as `run` excludes them by default.
/// Their numbers would distort the medians, the speeders' median duration above all.
fn responses(t: &Table) -> Vec<bool> {
    let flags = crate::ingest::layout::row_flags(t.layout, &t.columns);
    t.rows
        .iter()
        .map(|row| {
            !flags
                .iter()
                .any(|f| (f.test)(&crate::ingest::layout::flag_text(&row[f.col])))
        })
        .collect()
}

/// Distinct answers kept per table in [`Profile::by_table`].
const MAX_PER_TABLE: usize = 60;

/// Profile every column of every table, merged by header (case-insensitive), in first-seen order.
/// Medians count responses only (see [`responses`]); kinds and samples every row.
pub fn profile(tables: &[&Table]) -> Vec<Profile> {
    let mut out: Vec<Profile> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for t in tables {
        let name = t.label();
        let keep = responses(t);
        for (c, col) in t.columns.iter().enumerate() {
            let header = t.layout.shown_header(col).to_string();
            if header.is_empty() {
                continue;
            }
            let key = header.to_lowercase();
            let fmt = t.column_format(c);
            let i = *index.entry(key).or_insert_with(|| {
                out.push(Profile {
                    header: header.clone(),
                    option: col
                        .option
                        .as_ref()
                        .and_then(|o| col.names.get(1).map(|q| (q.clone(), o.clone()))),
                    ..Profile::default()
                });
                out.len() - 1
            });
            let p = &mut out[i];
            p.tables.insert(name.clone());
            p.names
                .extend(col.names.iter().filter(|n| !n.is_empty()).cloned());
            for (row, &response) in t.rows.iter().zip(&keep) {
                let cell = row.get(c).unwrap_or(&Cell::Empty);
                p.add_in(cell, response, fmt);
                if let Cell::Text(_) = cell {
                    let answers = p.by_table.entry(name.clone()).or_default();
                    let text = cell.as_text();
                    let text = text.trim();
                    if answers.len() < MAX_PER_TABLE || answers.contains_key(text) {
                        *answers.entry(text.to_string()).or_default() += 1;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers with their labels, in the shapes exports write them; a number inside a sentence
    /// is none.
    #[test]
    fn anchored_labels() {
        for (t, x) in [
            ("0 - Not at all likely", 0.0),
            ("10 = Äußerst wahrscheinlich", 10.0),
            ("5 (neutral)", 5.0),
            ("(0) None", 0.0),
            ("(4) Critical", 4.0),
            ("[2] Moderate", 2.0),
            ("(3) - Serious", 3.0),
        ] {
            assert_eq!(anchor(t), Some(x), "{t}");
        }
        for t in ["10 apples", "(see notes)", "2026 was good", "(12345) code"] {
            assert_eq!(anchor(t), None, "{t}");
        }
    }

    /// Regression: previews and unfinished responses entered the median duration, so the
    /// speeder cut-off followed the test clicks, not the respondents.
    #[test]
    fn previews_and_unfinished_responses_are_not_profiled() {
        let mut csv = String::from(
            "StartDate,Status,Finished,Duration (in seconds),ResponseId\n\
             Start Date,Response Type,Finished,Duration (in seconds),Response ID\n\
             {\"ImportId\":\"startDate\"},{\"ImportId\":\"status\"},{\"ImportId\":\"finished\"},{\"ImportId\":\"duration\"},{\"ImportId\":\"_recordId\"}\n",
        );
        for i in 0..10 {
            csv.push_str(&format!(
                "2026-10-{:02} 10:00:00,IP Address,True,600,R_{i}\n",
                i + 1
            ));
        }
        // No response under the cut-off: no speeder rule (issue 29: only where the durations
        // show one).
        let no_speeder = csv.clone();
        csv.push_str("2026-10-11 10:00:00,IP Address,True,30,R_fast\n");
        for i in 0..4 {
            csv.push_str(&format!(
                "2026-10-01 09:00:00,Survey Preview,True,10,P_{i}\n"
            ));
        }
        for i in 0..3 {
            csv.push_str(&format!("2026-10-01 09:00:00,IP Address,False,12,U_{i}\n"));
        }
        let t = crate::ingest::text::read_text("q.csv", csv.as_bytes(), "csv", None).unwrap();
        assert_eq!(t.layout, crate::ingest::Layout::Qualtrics);
        let profiles = profile(&[&t]);
        let d = profiles
            .iter()
            .find(|p| p.header.starts_with("Duration"))
            .unwrap();
        assert_eq!(d.median(), Some(600.0));
        let text = super::super::config_text("q", &[&t], &[]);
        assert!(text.contains("lt = 120"), "{text}");
        let t =
            crate::ingest::text::read_text("q.csv", no_speeder.as_bytes(), "csv", None).unwrap();
        let text = super::super::config_text("q", &[&t], &[]);
        assert!(!text.contains("speeder"), "{text}");
    }

    fn prof(header: &str, cells: &[Cell]) -> Profile {
        let mut p = Profile {
            header: header.into(),
            ..Profile::default()
        };
        for c in cells {
            p.add(c, true);
        }
        p
    }

    fn texts(v: &[&str]) -> Vec<Cell> {
        v.iter().map(|s| Cell::from_text(s)).collect()
    }

    #[test]
    fn kinds_from_values() {
        let nums: Vec<Cell> = [1.0, 5.0, 3.0, 4.0, 2.0].map(Cell::Number).to_vec();
        assert_eq!(
            prof("Rate us", &nums).kind(),
            Kind::Rating {
                scale: (1.0, 5.0),
                labels: None
            }
        );
        let nps: Vec<Cell> = [0.0, 10.0, 7.0, 9.0].map(Cell::Number).to_vec();
        assert_eq!(
            prof("How likely to recommend", &nps).kind(),
            Kind::Recommend
        );
        let yn = texts(&["Yes", "No", "yes", ""]);
        assert_eq!(prof("Again?", &yn).kind(), Kind::YesNo);
        let multi = texts(&["A, B", "B", "A, C", "C, B", "A"].repeat(3));
        assert_eq!(prof("Which?", &multi).kind(), Kind::Multi);
        let sentences = texts(&[
            "Great team, easy to work with.",
            "Slow, late.",
            "Great team, easy to work with.",
        ]);
        assert_ne!(prof("Why?", &sentences).kind(), Kind::Multi);
        // Long options many respondents chose alike are a category; long answers that vary
        // are free text.
        let long_options = texts(
            &[
                "We moved everything to an in-house team last year and use no outside counsel",
                "They did a restructuring for us in 2022 and we would call them again for the next",
            ]
            .repeat(4),
        );
        assert_eq!(
            prof("Where do you stand?", &long_options).kind(),
            Kind::Category
        );
        let essays: Vec<String> = (0..8)
            .map(|i| {
                format!("Answer {i}: a long free comment about the service, the team and the fees")
            })
            .collect();
        let essays: Vec<&str> = essays.iter().map(String::as_str).collect();
        assert_eq!(
            prof("Anything else?", &texts(&essays)).kind(),
            Kind::FreeText
        );
        let sizes = texts(&["250–1,000 staff", "Under 250 staff", "250–1,000 staff"]);
        assert_eq!(prof("Company size", &sizes).kind(), Kind::Category);
        let ids = texts(&["R_1", "R_2", "R_3", "R_4", "R_5"]);
        assert_eq!(prof("ResponseId", &ids).kind(), Kind::Id);
        let dates = texts(&["2026-01-02", "2026-03-04 10:00:00"]);
        assert_eq!(prof("Date", &dates).kind(), Kind::Date);
        let labels = texts(&["Very poor", "Good", "Excellent", "Fair"]);
        assert!(matches!(
            prof("Performance", &labels).kind(),
            Kind::Rating {
                labels: Some(_),
                ..
            }
        ));
        assert_eq!(prof("Empty", &texts(&["", " "])).kind(), Kind::Empty);
    }
}

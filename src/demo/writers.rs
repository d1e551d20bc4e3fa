//! Writing the demo respondents in each platform's own export layout.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::people::{Batch, Person, ATTRIBUTES, CHANNELS, SERVICES};

type Files = Vec<(String, Vec<u8>)>;

/// Every file of one quarter, as (path relative to the quarter folder, bytes).
pub fn files(b: &Batch, quarter: &str, qi: usize) -> Result<Files, String> {
    let err = |e: XlsxError| e.to_string();
    Ok(vec![
        (
            format!("qualtrics/client_survey_{quarter}.csv"),
            qualtrics_csv(&b.qualtrics),
        ),
        (
            format!("surveymonkey/prospect_survey_{quarter}.xlsx"),
            surveymonkey_xlsx(&b.surveymonkey, qi).map_err(err)?,
        ),
        (
            format!("googleforms/client_pulse_{quarter}.csv"),
            forms_csv(&b.forms),
        ),
        (
            format!("interviews/interview_coding_{quarter}.xlsx"),
            interviews_xlsx(&b.interviews_former, &b.interviews_got_away, quarter).map_err(err)?,
        ),
    ])
}

pub(super) fn csv_bytes(rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for r in rows {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

fn s(x: impl ToString) -> String {
    x.to_string()
}

fn qualtrics_csv(people: &[Person]) -> Vec<u8> {
    csv_bytes(qualtrics_rows(people))
}

/// The Qualtrics export as rows of text: three header rows, then one row per person.
pub(super) fn qualtrics_rows(people: &[Person]) -> Vec<Vec<String>> {
    let mut rows = qualtrics_header();
    rows.extend(people.iter().map(qualtrics_row));
    rows
}

/// The three Qualtrics header rows: column ids, question texts, ImportIds.
fn qualtrics_header() -> Vec<Vec<String>> {
    let mut ids: Vec<String> = [
        "StartDate",
        "EndDate",
        "Status",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "ResponseId",
        "RecipientEmail",
        "AccountID",
        "Q1",
        "Q2",
        "Q3",
    ]
    .map(s)
    .to_vec();
    let mut texts: Vec<String> = [
        "Start Date",
        "End Date",
        "Response Type",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "Recorded Date",
        "Response ID",
        "Recipient Email",
        "AccountID",
    ]
    .map(s)
    .to_vec();
    texts.push("Which best describes your relationship with Northwind Advisory?".into());
    texts.push("When did your most recent engagement with Northwind end?".into());
    texts.push("Would you consider hiring Northwind again?".into());
    for (i, a) in ATTRIBUTES.iter().enumerate() {
        ids.push(format!("Q4_{}", i + 1));
        texts.push(format!("Importance when choosing an advisor - {a}"));
    }
    for (i, a) in ATTRIBUTES.iter().enumerate() {
        ids.push(format!("Q5_{}", i + 1));
        texts.push(format!("Northwind's performance - {a}"));
    }
    for (id, t) in [
        (
            "Q6",
            "How likely are you to recommend Northwind Advisory to a colleague?",
        ),
        ("Q7", "Industry"),
        ("Q8", "Company size"),
        ("Q9", "Why did you give that score?"),
        ("Q10", "Which of Northwind's services are you aware of?"),
        ("Q11", "Which services have you bought from Northwind?"),
        (
            "Q12",
            "Where did you look for advice when choosing an advisor?",
        ),
        (
            "Q13",
            "Overall, how would you rate the quality of Northwind's deliverables?",
        ),
    ] {
        ids.push(id.into());
        texts.push(t.into());
    }
    let imports = import_ids(&ids);
    vec![ids, texts, imports]
}

/// Qualtrics' third header row: each column's ImportId (metadata columns by name, with their
/// time zone; questions by their QID).
fn import_ids(ids: &[String]) -> Vec<String> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            if i < 10 {
                format!(
                    "{{\"ImportId\":\"{}\",\"timeZone\":\"Europe/London\"}}",
                    id.to_lowercase()
                )
            } else {
                format!("{{\"ImportId\":\"QID{}\"}}", id.trim_start_matches('Q'))
            }
        })
        .collect()
}

/// One respondent's Qualtrics row.
fn qualtrics_row(p: &Person) -> Vec<String> {
    let when = p.when.format("%Y-%m-%d %H:%M:%S").to_string();
    let unfinished = p.excluded == Some("unfinished");
    let mut r = vec![
        when.clone(),
        when.clone(),
        if p.excluded == Some("preview/test") {
            "Survey Preview"
        } else {
            "IP Address"
        }
        .into(),
        if unfinished { "40" } else { "100" }.into(),
        s(p.duration_s),
        if unfinished { "False" } else { "True" }.into(),
        when,
        p.id.clone(),
        p.email.clone(),
        p.account.clone(),
        p.relationship.into(),
        p.last_project
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        p.would_return.into(),
    ];
    r.extend(p.importance.iter().map(s));
    if unfinished {
        r.extend(std::iter::repeat_n(String::new(), 14));
    } else {
        r.extend(p.performance.iter().map(s));
        r.extend([
            s(p.recommend),
            p.industry.into(),
            p.size.into(),
            p.why.into(),
        ]);
        r.extend([p.known.join(","), p.bought.join(","), p.channels.join(",")]);
        r.push(s(p.deliverables));
    }
    r
}

const IMPORTANCE_LABELS: [&str; 5] = [
    "Not at all important",
    "Slightly important",
    "Moderately important",
    "Very important",
    "Extremely important",
];
const PERFORMANCE_LABELS: [&str; 5] = ["Very poor", "Poor", "Fair", "Good", "Excellent"];

fn forms_csv(people: &[Person]) -> Vec<u8> {
    let mut header: Vec<String> = vec![
        "Timestamp".into(),
        "Email address".into(),
        "Your relationship with Northwind Advisory".into(),
    ];
    header.extend(
        ATTRIBUTES
            .iter()
            .map(|a| format!("Importance when choosing an advisor [{a}]")),
    );
    header.extend(
        ATTRIBUTES
            .iter()
            .map(|a| format!("Northwind's performance [{a}]")),
    );
    header.extend(
        [
            "How likely are you to recommend Northwind Advisory to a colleague?",
            "Industry",
            "Company size",
            "Account ID",
            "Anything else you'd like to tell us?",
            "Which Northwind services do you know of?",
            "Which services have you bought from Northwind?",
            "Where did you look for advice when choosing an advisor?",
            "Overall, how would you rate the quality of our deliverables?",
        ]
        .map(s),
    );
    let mut rows = vec![header];
    for p in people {
        let mut r = vec![
            p.when.format("%-m/%-d/%Y %H:%M:%S").to_string(),
            p.email.clone(),
            p.relationship.into(),
        ];
        r.extend(
            p.importance
                .iter()
                .map(|&x| IMPORTANCE_LABELS[x as usize - 1].to_string()),
        );
        r.extend(
            p.performance
                .iter()
                .map(|&x| PERFORMANCE_LABELS[x as usize - 1].to_string()),
        );
        let note = if p.recommend <= 3 {
            format!("{}\nPlease call me.", p.why)
        } else {
            p.why.to_string()
        };
        r.extend([
            s(p.recommend),
            p.industry.into(),
            p.size.into(),
            p.account.clone(),
            note,
        ]);
        r.extend([
            p.known.join(", "),
            p.bought.join(", "),
            p.channels.join(", "),
            PERFORMANCE_LABELS[p.deliverables as usize - 1].to_string(),
        ]);
        rows.push(r);
    }
    csv_bytes(rows)
}

/// Partners who own the CRM's opportunities.
const OWNERS: [&str; 3] = ["A. Patel", "M. Jansen", "S. Okafor"];

/// The firm's CRM pipeline export: one row per SurveyMonkey prospect entered in it (every
/// quarter), keyed by the survey's respondent id (the CRM integration stores it).
pub(super) fn crm_csv(people: &[&Person]) -> Vec<u8> {
    let mut rows = vec![[
        "Contact ID",
        "Contact email",
        "Opportunity stage",
        "Owner",
        "Last activity",
    ]
    .map(s)
    .to_vec()];
    for (i, p) in people.iter().filter(|p| !p.crm.is_empty()).enumerate() {
        rows.push(vec![
            p.id.clone(),
            p.email.clone(),
            p.crm.to_string(),
            OWNERS[i % OWNERS.len()].to_string(),
            p.when.format("%Y-%m-%d").to_string(),
        ]);
    }
    csv_bytes(rows)
}

pub(super) fn fixed_properties() -> Result<DocProperties, XlsxError> {
    Ok(DocProperties::new()
        .set_author("journeygap demo generator")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 10, 1)?))
}

/// The SurveyMonkey prospect survey's two header rows (question, then sub-answer) after the
/// metadata columns `lead`.
pub(super) fn surveymonkey_header(lead: &[&str]) -> (Vec<String>, Vec<String>) {
    let mut q: Vec<String> = lead.iter().map(|h| h.to_string()).collect();
    let mut sub: Vec<String> = vec![String::new(); lead.len()];
    q.push("What was the outcome of your recent search for an advisor?".into());
    sub.push("Response".into());
    let blocks: [(&str, &[&str]); 2] = [
        ("Importance when choosing an advisor", &ATTRIBUTES),
        ("How Northwind's performance compared", &ATTRIBUTES),
    ];
    let multi: [(&str, &[&str]); 2] = [
        (
            "Which of these Northwind services had you heard of?",
            &SERVICES,
        ),
        (
            "Where did you look for advice when choosing an advisor?",
            &CHANNELS,
        ),
    ];
    let grouped = |title: &str, options: &[&str], q: &mut Vec<String>, sub: &mut Vec<String>| {
        for (i, o) in options.iter().enumerate() {
            q.push(if i == 0 {
                title.to_string()
            } else {
                String::new()
            });
            sub.push(o.to_string());
        }
    };
    for (title, options) in blocks {
        grouped(title, options, &mut q, &mut sub);
    }
    for t in [
        "How likely are you to recommend Northwind Advisory to a colleague?",
        "Industry",
        "Company size",
    ] {
        q.push(t.into());
        sub.push("Response".into());
    }
    q.push("What was the main reason for your decision?".into());
    sub.push("Open-Ended Response".into());
    for (title, options) in multi {
        grouped(title, options, &mut q, &mut sub);
    }
    (q, sub)
}

fn surveymonkey_xlsx(people: &[Person], qi: usize) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties()?);
    let ws = wb.add_worksheet();
    ws.set_name("Sheet")?;
    let (q, sub) = surveymonkey_header(&[
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "Email Address",
    ]);
    write_row(ws, 0, &q)?;
    write_row(ws, 1, &sub)?;
    for (ri, p) in people.iter().enumerate() {
        let r = ri as u32 + 2;
        let when = p.when.format("%m/%d/%Y %I:%M:%S %p").to_string();
        ws.write_number(r, 0, p.id.parse::<f64>().unwrap_or(0.0))?;
        ws.write_number(r, 1, 400_000_000.0 + qi as f64)?;
        ws.write_string(r, 2, &when)?;
        ws.write_string(r, 3, &when)?;
        ws.write_string(r, 4, &p.email)?;
        if !p.outcome.is_empty() {
            ws.write_string(r, 5, p.outcome)?;
        }
        for i in 0..6 {
            ws.write_number(r, 6 + i as u16, p.importance[i] as f64)?;
            // A few prospects could not judge value for money.
            if i == 2 && ri % 40 == 7 {
                ws.write_string(r, 12 + i as u16, "Don't know")?;
            } else {
                ws.write_number(r, 12 + i as u16, p.performance[i] as f64)?;
            }
        }
        ws.write_number(r, 18, p.recommend as f64)?;
        ws.write_string(r, 19, p.industry)?;
        ws.write_string(r, 20, p.size)?;
        ws.write_string(r, 21, p.why)?;
        for (k, o) in SERVICES.iter().enumerate() {
            if p.known.contains(o) {
                ws.write_string(r, 22 + k as u16, *o)?;
            }
        }
        for (k, o) in CHANNELS.iter().enumerate() {
            if p.channels.contains(o) {
                ws.write_string(r, 28 + k as u16, *o)?;
            }
        }
    }
    wb.save_to_buffer()
}

fn write_row(ws: &mut Worksheet, r: u32, cells: &[String]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(r, c as u16, v)?;
        }
    }
    Ok(())
}

fn interviews_xlsx(
    former: &[Person],
    got_away: &[Person],
    quarter: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties()?);
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (name, people) in [("Former clients", former), ("Got-aways", got_away)] {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.write_string(
            0,
            0,
            format!("Northwind Advisory — interview coding, {quarter} — {name}"),
        )?;
        let mut header: Vec<String> = [
            "Interviewee",
            "Account ID",
            "Interview date",
            "Relationship",
            "Outcome",
            "Would hire again",
        ]
        .map(s)
        .to_vec();
        for a in ATTRIBUTES {
            header.push(format!("{a} (importance)"));
            header.push(format!("{a} (performance)"));
        }
        header.extend(
            [
                "Recommend (0-10)",
                "Industry",
                "Company size",
                "Key quote",
                "Services known",
                "Services bought",
                "Channels",
            ]
            .map(s),
        );
        write_row(ws, 2, &header)?;
        for (ri, p) in people.iter().enumerate() {
            let r = ri as u32 + 3;
            ws.write_string(r, 0, &p.id)?;
            ws.write_string(r, 1, &p.account)?;
            let d = p.when.date();
            let dt = ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string())?;
            ws.write_datetime_with_format(r, 2, &dt, &date_format)?;
            ws.write_string(r, 3, p.relationship)?;
            ws.write_string(r, 4, p.outcome)?;
            ws.write_string(r, 5, p.would_return)?;
            for i in 0..6 {
                ws.write_number(r, 6 + 2 * i as u16, p.importance[i] as f64)?;
                ws.write_number(r, 7 + 2 * i as u16, p.performance[i] as f64)?;
            }
            ws.write_number(r, 18, p.recommend as f64)?;
            ws.write_string(r, 19, p.industry)?;
            ws.write_string(r, 20, p.size)?;
            ws.write_string(r, 21, p.why)?;
            ws.write_string(r, 22, p.known.join(", "))?;
            ws.write_string(r, 23, p.bought.join(", "))?;
            ws.write_string(r, 24, p.channels.join(", "))?;
        }
    }
    wb.save_to_buffer()
}

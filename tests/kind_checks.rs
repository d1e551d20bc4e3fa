//! A guess must fit its column's kind (issue 30, item 3): `init` writes no channels field for
//! "how did you hear about this survey", no NPS from recommending the survey, no open-text
//! "why" from a consent line or a single choice of reasons, no segment whose values are one-off
//! free answers or whose header word only starts like a firmographic ("hierarchically").

mod common;

use common::*;

#[test]
fn init_guesses_only_fields_whose_columns_fit() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("exports");
    std::fs::create_dir_all(&input).unwrap();
    let mut csv = String::from(
        "Respondent ID,Which best describes your relationship with us?,\
         How likely are you to recommend us to a colleague?,\
         How likely are you to recommend this survey to others?,\
         How did you hear about this survey?,\
         Main reason for your choice,\
         Comments: I have read the privacy notice,\
         Why did you choose us?,\
         How hierarchically severe was the problem?,\
         Region,\
         Industry\n",
    );
    let reasons = ["Price", "Expertise", "Speed", "Reputation"];
    let heard = ["E-mail invitation", "LinkedIn post", "Newsletter"];
    let severity = ["Low", "Medium", "High"];
    let industries = ["Banking", "Retail", "Energy"];
    let why = [
        "They knew our sector inside out",
        "A partner we trusted from an earlier deal",
        "The proposal was the clearest we received",
        "Good value for a fixed fee",
        "Recommended by our auditors",
    ];
    for i in 0..40 {
        let rel = if i % 2 == 0 {
            "We are currently working with you"
        } else {
            "We have never worked with you"
        };
        csv.push_str(&format!(
            "{},{rel},{},{},{},{},I agree,\"{} ({i})\",{},{},{}\n",
            i + 1,
            i % 11,
            (i * 7) % 11,
            heard[i % 3],
            reasons[i % 4],
            why[i % 5],
            severity[i % 3],
            // Six one-off free answers beside two shared ones.
            if i < 6 {
                format!("Office {i}")
            } else {
                ["North", "South"][i % 2].to_string()
            },
            industries[i % 3],
        ));
    }
    std::fs::write(input.join("survey.csv"), csv).unwrap();
    let cfg_path = tmp.path().join("cfg.toml");
    let cfg = init_no_input(&input, &cfg_path);
    let fields: Vec<&str> = cfg
        .lines()
        .filter_map(|l| l.strip_prefix("[fields.")?.strip_suffix(']'))
        .collect();
    // Fields and the headers they were given.
    let headers_of = |f: &str| -> String {
        let start = cfg.find(&format!("[fields.{f}]")).unwrap();
        let rest = &cfg[start..];
        let end = rest[1..].find("\n[").map_or(rest.len(), |e| e + 1);
        rest[..end].to_string()
    };
    assert!(!fields.contains(&"channels_used"), "{cfg}");
    assert!(!cfg.contains("hear about this survey?\"\n]\nkind = \"multi\""));
    let recommend = headers_of("recommend");
    assert!(
        recommend.contains("recommend us to a colleague"),
        "{recommend}"
    );
    assert!(!recommend.contains("this survey"), "{recommend}");
    let why_field = headers_of("why");
    assert!(why_field.contains("Why did you choose us?"), "{why_field}");
    assert!(!why_field.contains("Main reason"), "{why_field}");
    assert!(!why_field.contains("privacy notice"), "{why_field}");
    // Industry is a segment; a region of one-off answers and a severity rating are not.
    assert!(fields.contains(&"industry"), "{cfg}");
    assert!(!fields.contains(&"seniority"), "{cfg}");
    assert!(!fields.contains(&"region"), "{cfg}");
}

/// A recommend question about something other than the firm (a webinar, an app) is no NPS of
/// the firm, in any language; the firm by name, "us" or "our firm" is.
#[test]
fn recommend_names_the_firm_as_its_object() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("exports");
    std::fs::create_dir_all(&input).unwrap();
    let mut webinar = String::from(
        "Respondent ID,Which best describes your relationship with us?,\
         How likely are you to recommend our webinar series to a colleague? (0-10)\n",
    );
    let mut kanzlei = String::from(
        "Teilnehmer,Wie ist Ihre Beziehung zu Lindner & Partner?,\
         Wie wahrscheinlich ist es, dass Sie Lindner & Partner weiterempfehlen? (0-10),\
         Wie wahrscheinlich ist es, dass Sie diese Veranstaltung weiterempfehlen? (0-10)\n",
    );
    for i in 0..30 {
        let rel = [
            "We are currently working with you",
            "We have never worked with you",
        ][i % 2];
        webinar.push_str(&format!("{},{rel},{}\n", i + 1, i % 11));
        let bez = [
            "Wir sind derzeit Mandant",
            "Wir haben noch nie mit Ihnen gearbeitet",
        ][i % 2];
        kanzlei.push_str(&format!(
            "{},{bez},{},{}\n",
            i + 1,
            (i * 3) % 11,
            (i * 7) % 11
        ));
    }
    let cfg_of = |name: &str, csv: &str| -> String {
        let dir = input.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("survey.csv"), csv).unwrap();
        let cfg_path = tmp.path().join(format!("{name}.toml"));
        init_no_input(&dir, &cfg_path)
    };
    let cfg = cfg_of("webinar", &webinar);
    assert!(!cfg.contains("[fields.recommend]"), "{cfg}");
    assert!(cfg.contains("asks of \"our webinar\""), "{cfg}");
    let cfg = cfg_of("kanzlei", &kanzlei);
    let start = cfg
        .find("[fields.recommend]")
        .expect("the firm's NPS is read");
    let field = &cfg[start..start + cfg[start..].find("\n[").unwrap_or(cfg.len() - start)];
    assert!(
        field.contains("Lindner & Partner weiterempfehlen"),
        "{field}"
    );
    assert!(!field.contains("Veranstaltung"), "{field}");
}

/// A question whose header names the firm asks of it: its answers, a third of them read and
/// two stages among them, make it the relationship question, as a header saying so would.
#[test]
fn a_header_naming_the_firm_asks_of_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("exports");
    std::fs::create_dir_all(&input).unwrap();
    let answers = [
        "We are clients of Okoro Reed at present",
        "We have never worked with Okoro Reed",
        "Quarterly reviews, mostly",
        "A mix of things",
        "Hard to put in words",
    ];
    let mut csv = String::from(
        "Response ID,Where are you with Okoro Reed?,How likely are you to recommend Okoro Reed? (0-10)\n",
    );
    for i in 0..50 {
        csv.push_str(&format!("R{i},{},{}\n", answers[i % 5], i % 11));
    }
    std::fs::write(input.join("survey.csv"), csv).unwrap();
    let cfg_path = tmp.path().join("cfg.toml");
    let cfg = init_no_input(&input, &cfg_path);
    let start = cfg
        .find("[fields.relationship]")
        .expect("the relationship question");
    assert!(
        cfg[start..]
            .starts_with("[fields.relationship]\nheaders = [\"Where are you with Okoro Reed?\"]"),
        "{cfg}"
    );
}

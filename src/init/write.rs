//! The guessed config as commented TOML: what was found in which file, then every section, each
//! guess with the reason for it, and what is left for the user to fill in.

use std::fmt::Write;

use super::cond;
use super::guess::{GField, Guess};
use super::profile::{Kind, Profile};
use crate::config::guesses::Level;
use crate::ingest::IngestError;

/// One table read, for the header comment.
pub struct TableLine {
    pub name: String,
    pub layout: &'static str,
    pub encoding: Option<&'static str>,
    pub rows: usize,
    pub columns: usize,
    /// Its language, and whether the lexicon covers it.
    pub language: Option<(&'static str, bool)>,
}

/// `guess = "level: evidence"`, the line that marks a guess (deleting it confirms the guess).
fn guess_line(level: Level, evidence: &str) -> String {
    format!(
        "guess = {}",
        q(&format!("{level}: {}", whole_line(evidence)))
    )
}

fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| q(s)).collect();
    format!("[{}]", items.join(", "))
}

fn num(x: f64) -> String {
    crate::ingest::cell::format_number(x)
}

/// Render the whole file.
pub fn render(
    folder: &str,
    tables: &[TableLine],
    skipped: &[crate::ingest::IngestError],
    profiles: &[Profile],
    g: &Guess,
) -> String {
    let mut s = String::new();
    let w = &mut s;
    header(w, folder, tables, skipped);
    columns(w, profiles, g);
    top_level(w, g, skipped);
    fields(w, g);
    rules(w, g);
    journey(w, g);
    s
}

/// What was read: the command, the tables and the files that could not be read.
fn header(w: &mut String, folder: &str, tables: &[TableLine], skipped: &[IngestError]) {
    let _ = writeln!(
        w,
        "# journeygap.toml written by `journeygap init {folder}`."
    );
    let _ = writeln!(
        w,
        "# Every section below is a guess from the files: read it, correct it, then run"
    );
    let _ = writeln!(
        w,
        "# `journeygap check {folder}` to see what maps and what does not.\n#"
    );
    let _ = writeln!(w, "# Files read ({}):", tables.len());
    for t in tables {
        let enc = t.encoding.map(|e| format!(", {e}")).unwrap_or_default();
        let lang = match t.language {
            Some((name, true)) => format!(", in {name}"),
            Some((name, false)) => format!(
                ", in {name}, which the lexicon does not cover: its phrase-based guesses are unsure"
            ),
            None => String::new(),
        };
        let _ = writeln!(
            w,
            "#   {} — {}{enc}, {} rows, {} columns{lang}",
            crate::escape::shown(&t.name),
            t.layout,
            t.rows,
            t.columns
        );
    }
    for b in skipped {
        let _ = writeln!(w, "#   not read: {}", crate::escape::shown(&b.to_string()));
    }
}

/// Every column found, with its kind and samples, and what could not be guessed.
fn columns(w: &mut String, profiles: &[Profile], g: &Guess) {
    let _ = writeln!(
        w,
        "#\n# Columns found (header — kind — tables — sample values):"
    );
    for p in profiles {
        let _ = writeln!(
            w,
            "#   {} — {} — {} — {}",
            whole_line(&p.header),
            p.kind().describe(),
            p.tables.len(),
            samples(p)
        );
    }
    if !g.missing.is_empty() {
        let _ = writeln!(w, "#\n# Not found, fill in by hand:");
        for m in &g.missing {
            let _ = writeln!(w, "#   - {m}");
        }
    }
    let _ = writeln!(w);
}

/// The segments, the files to skip and the report settings.
fn top_level(w: &mut String, g: &Guess, skipped: &[IngestError]) {
    if !g.segments.is_empty() {
        let _ = writeln!(
            w,
            "# Every analysis is also split by these fields.\nsegments = {}",
            list(&g.segments)
        );
        if let Some((level, why)) = &g.segments_level {
            let _ = writeln!(w, "segments_{}", guess_line(*level, why));
        }
        let _ = writeln!(w);
    }
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().map(|e| e.file.replace('*', "?")).collect();
        let _ = writeln!(w, "# These files cannot be read (see above), so they are skipped.\n[input]\nskip_files = {}\n", list(&names));
    }
    // With no importance question, an experience-only survey gets its IPA quadrants from the
    // drivers.
    let derived = !g.attributes.is_empty() && g.attributes.iter().all(|a| a.1.is_none());
    let _ = writeln!(
        w,
        "[report]\nconfidence = 0.95\nmin_base = 30\n{}",
        if derived {
            "# No importance question: IPA importance is each attribute's relative weight in recommending.\nipa_importance = \"derived\"\n"
        } else {
            ""
        }
    );
    let _ = writeln!(
        w,
        "# The key of `run --hash-ids` (HMAC-SHA-256 pseudonyms of ids, panel keys and the values in\n# reasons): without it nobody can match a hashed id against a list of e-mails. Keep this file\n# private, keep the secret the same every quarter (transitions link the hashed panel keys), or\n# delete it here and set the environment variable {} instead.\n[privacy]\nsecret = \"{}\"\n",
        crate::privacy::SECRET_ENV,
        crate::privacy::new_secret()
    );
}

/// Every field, the value maps of label scales, and the attribute pairs.
fn fields(w: &mut String, g: &Guess) {
    let _ = writeln!(w, "# ---- Fields: where each logical field is found ----\n");
    for f in &g.fields {
        field(w, f);
    }
    for m in &g.value_maps {
        if m.by_shape {
            let _ = writeln!(
                w,
                "# Read as a {}; check the numbers.",
                super::guess::shape_words(m)
            );
        }
        let _ = writeln!(w, "[value_maps.{}]", m.name);
        for (i, point) in m.points.iter().enumerate() {
            for l in point {
                let _ = writeln!(w, "{} = {}", q(l), i + 1);
            }
        }
        let _ = writeln!(w);
    }
    if !g.attributes.is_empty() {
        let _ = writeln!(
            w,
            "# ---- Attributes: expectation against experience ----\n"
        );
        for n in &g.attribute_notes {
            let _ = writeln!(w, "# Note: {n}.");
        }
        for (name, e, x) in &g.attributes {
            // One piece of evidence: the two questions' items are the same set.
            let guess = guess_line(Level::Likely, "two rating questions over the same items");
            match e {
                Some(e) => {
                    let _ = writeln!(
                        w,
                        "[[attributes]]\nname = {}\nexpectation = {}\nexperience = {}\n{guess}\n",
                        q(name),
                        q(e),
                        q(x)
                    );
                }
                None => {
                    let _ = writeln!(
                        w,
                        "[[attributes]]            # rated on experience only: drivers, not gaps\nname = {}\nexperience = {}\n{guess}\n",
                        q(name),
                        q(x)
                    );
                }
            }
        }
    }
}

/// The exclusion rules and the stage rules, each with its reason; a placeholder rule (and an
/// example) when no stage could be guessed.
fn rules(w: &mut String, g: &Guess) {
    let _ = writeln!(w, "# ---- Exclusions (Qualtrics previews, unfinished responses and duplicates are on by default) ----\n");
    for r in &g.exclusions {
        let _ = writeln!(
            w,
            "# {}\n[[exclude.rules]]\nreason = {}\nwhen = {}\n{}\n",
            r.why,
            q(&r.stage_or_reason),
            cond::to_toml(&r.when),
            guess_line(r.level, &r.why)
        );
    }
    let _ = writeln!(
        w,
        "# ---- Stage rules: the first that matches gives the stage ----\n"
    );
    if let Some(stage) = g.default_stage {
        let example = cond::to_toml(&cond::equals("relationship", "client"));
        let _ = writeln!(w, "# Nothing in these files points at a stage: no relationship, outcome or stage column, no file\n# or sheet named after a stage. A satisfaction survey of current clients is common, so every\n# respondent is a {stage}. Stage-dependent analyses (conversion, stage comparisons, transitions)\n# will be empty. If the folder holds other stages, write rules such as\n#   [[stages.rules]]\n#   name = \"current client\"\n#   stage = \"client\"\n#   when = {example}");
        let _ = writeln!(
            w,
            "[stages]\ndefault = {}\ndefault_{}\n",
            q(stage),
            guess_line(Level::Unsure, &g.default_why)
        );
    }
    for r in &g.stages {
        let _ = writeln!(
            w,
            "# {}\n[[stages.rules]]\nname = {}\nstage = {}\nwhen = {}\n{}\n",
            r.why,
            q(&r.name),
            q(&r.stage_or_reason),
            cond::to_toml(&r.when),
            guess_line(r.level, &r.why)
        );
    }
}

/// The outcome field, the services, the channels (with a plan to fill in) and a codebook to
/// start from.
fn journey(w: &mut String, g: &Guess) {
    if g.outcome {
        let _ = writeln!(w, "[journey]\noutcome = \"outcome\"\n");
    }
    if let Some((offered, known, bought)) = &g.services {
        let _ = writeln!(
            w,
            "# ---- Services: the options found in the answers; keep the firm's own ----\n"
        );
        let _ = writeln!(
            w,
            "[services]\noffered = {}\nknown = {}",
            list(offered),
            q(known)
        );
        if let Some(b) = bought {
            let _ = writeln!(w, "bought = {}", q(b));
        }
        if let Some((level, why)) = &g.services_level {
            let _ = writeln!(w, "{}", guess_line(*level, why));
        }
        let _ = writeln!(w);
    }
    if let Some((used, names)) = &g.channels {
        let _ = writeln!(w, "# ---- Channels: where buyers look. Add the firm's plan per stage (true, or spend) ----\n");
        let _ = writeln!(w, "[channels]\nused = {}\nthreshold = 0.2", q(used));
        if let Some((level, why)) = &g.channels_level {
            let _ = writeln!(w, "{}", guess_line(*level, why));
        }
        let _ = writeln!(w);
        let _ = writeln!(w, "# [channels.plan.prospect]");
        for n in names {
            let _ = writeln!(w, "# {} = true", q(n));
        }
        let _ = writeln!(w);
    }
    if let Some((field, words)) = &g.why {
        let _ = writeln!(
            w,
            "# ---- Themes: write a codebook for the open-text answers. Most frequent words: ----"
        );
        let _ = writeln!(w, "# {}", words.join(", "));
        let _ = writeln!(w, "# [[themes]]\n# field = {}\n# name = \"Price\"\n# keywords = [\"price\", \"fees\", \"expensive\"]", q(field));
    }
}

fn field(w: &mut String, f: &GField) {
    let _ = writeln!(w, "# {}\n[fields.{}]", f.why, f.name);
    if f.kind != "text" {
        let _ = writeln!(w, "kind = {}", q(f.kind));
    }
    if f.kind == "multi" {
        // No separator: each column's is decided from its cells (`,` `;` `|` or a line break).
        let _ = writeln!(
            w,
            "# separator: each column's own (`,` `;` `|` or a line break, decided from its cells); set one to force it"
        );
    }
    if let Some((lo, hi)) = f.scale {
        let _ = writeln!(w, "scale = [{}, {}]", num(lo), num(hi));
    }
    if let Some(m) = f.value_map {
        let _ = writeln!(w, "value_map = {}", q(m));
    }
    if f.headers.len() == 1 {
        let _ = writeln!(w, "headers = {}", list(&f.headers));
    } else {
        let _ = writeln!(w, "headers = [");
        for h in &f.headers {
            let _ = writeln!(w, "  {},", q(h));
        }
        let _ = writeln!(w, "]");
    }
    let _ = writeln!(w, "{}", guess_line(f.level, &f.why));
    if !f.values.is_empty() || !f.anchors.is_empty() {
        let _ = writeln!(w, "[fields.{}.values]", f.name);
        for (a, c) in &f.values {
            let _ = writeln!(w, "{} = {}", q(a), q(c));
        }
        for (a, x) in &f.anchors {
            let _ = writeln!(w, "{} = {}", q(a), num(*x));
        }
    }
    if !f.value_levels.is_empty() {
        let _ = writeln!(
            w,
            "# How sure each answer's code is (delete a line to confirm it; an answer with no code\n# above stays unclassified until you give it one).\n[fields.{}.value_guesses]",
            f.name
        );
        for (a, level, why) in &f.value_levels {
            let _ = writeln!(
                w,
                "{} = {}",
                q(a),
                q(&format!("{level}: {}", whole_line(why)))
            );
        }
    }
    let _ = writeln!(w);
}

/// A header on one comment line, whole: matrix items and long questions included.
fn whole_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn one_line(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if t.chars().count() > 90 {
        format!("{}…", t.chars().take(89).collect::<String>())
    } else {
        t
    }
}

use crate::privacy::looks_personal;

/// What stands for samples that are all personal data.
const PERSONAL: &str = "(personal data: e-mails, phone numbers or IP addresses, not shown)";

/// A few sample values: the range of numbers, or the most frequent answers (none that looks
/// like an e-mail address, a phone number or an IP address).
fn samples(p: &Profile) -> String {
    let kind = p.kind();
    match (kind, p.min, p.max) {
        (
            Kind::Number | Kind::Recommend | Kind::Rating { labels: None, .. },
            Some(lo),
            Some(hi),
        ) => {
            format!("{}–{}", num(lo), num(hi))
        }
        (Kind::Id, _, _) => {
            let first: Vec<&str> = p
                .answers
                .keys()
                .filter(|a| !looks_personal(a))
                .take(2)
                .map(String::as_str)
                .collect();
            if first.is_empty() {
                PERSONAL.to_string()
            } else {
                format!("{} …", one_line(&first.join(", ")))
            }
        }
        _ => {
            // Never an e-mail, phone number or IP address in the config.
            let mut top: Vec<(&String, &usize)> = p
                .answers
                .iter()
                .filter(|(a, _)| !looks_personal(a))
                .collect();
            if top.is_empty() && !p.answers.is_empty() {
                return PERSONAL.to_string();
            }
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let v: Vec<String> = top
                .iter()
                .take(3)
                .map(|(a, n)| {
                    format!(
                        "{} ({n})",
                        one_line(&a.chars().take(40).collect::<String>())
                    )
                })
                .collect();
            if v.is_empty() {
                format!("{} filled", p.filled)
            } else {
                v.join("; ")
            }
        }
    }
}

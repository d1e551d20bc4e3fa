//! Rules on the source: what a file's or sheet's name, or a question only one stage is asked,
//! says of its rows, weighed against what its journey columns' answers say.

use super::answers::family;
use super::{re, rule, GRule, Level};
use crate::init::cond;
use crate::init::profile::Profile;
use crate::lexicon::{self, words};

/// One table the folder holds, for rules on the source.
#[derive(Debug, Clone)]
pub struct Source {
    /// `file` or `file [sheet]`, as the profiles name tables.
    pub label: String,
    /// The file, relative to the input folder.
    pub file: String,
    pub sheet: Option<String>,
}

/// Whether a source glob matches a table.
pub fn source_matches(glob: &str, s: &Source) -> bool {
    crate::config::glob_regex(glob).is_ok_and(|re| {
        let name = s.file.rsplit('/').next().unwrap_or(&s.file);
        let with_sheet = |f: &str| s.sheet.as_ref().map(|sh| format!("{f} [{sh}]"));
        re.is_match(&s.file)
            || re.is_match(name)
            || with_sheet(&s.file).is_some_and(|x| re.is_match(&x))
            || with_sheet(name).is_some_and(|x| re.is_match(&x))
    })
}

/// A glob for a table that next quarter's file also matches: the file's year and quarter
/// become `*`, unless the glob would then also match a table of another stage.
fn source_glob(s: &Source, sources: &[Source], same: &dyn Fn(&Source) -> bool) -> String {
    let exact = match &s.sheet {
        Some(sh) => format!("{} [{sh}]", s.file),
        None => s.file.clone(),
    };
    let exact = exact.replace(['*', '?'], "?");
    let dated = re(r"(19|20)\d\d([-_ .]?(q[1-4]|h[12]|\d\d))?|q[1-4][-_ .]?(19|20)\d\d");
    let (dir, name) = exact
        .rsplit_once('/')
        .map_or(("", exact.as_str()), |(d, n)| (d, n));
    let (file, sheet) = name
        .split_once(" [")
        .map_or((name, ""), |(f, _)| (f, &name[f.len()..]));
    let general = format!(
        "{}{}{}{sheet}",
        dir,
        if dir.is_empty() { "" } else { "/" },
        dated.replace_all(file, "*")
    );
    let clash = sources
        .iter()
        .any(|o| o.label != s.label && !same(o) && source_matches(&general, o));
    if general != exact && !clash {
        general
    } else {
        exact
    }
}

/// Rules on the source: a sheet or file named after a narrow stage (got-away, former,
/// betweener) says who every row is and comes before the column rules; for the tables the
/// columns cannot place, a sheet or file named "client" or "prospect", or questions only one
/// stage is asked, come after them.
pub(super) fn source_rules(
    profiles: &[Profile],
    sources: &[Source],
    said: &dyn Fn(&str) -> Vec<&'static str>,
) -> (Vec<GRule>, Vec<GRule>) {
    // Each table's stage by name: the sheet's, else the file's (folders included).
    let named = |s: &Source| {
        s.sheet
            .as_deref()
            .and_then(lexicon::stage_in_name)
            .or_else(|| s.file.split('/').rev().find_map(lexicon::stage_in_name))
    };
    let asked = |s: &Source| -> Option<(&'static str, String)> {
        let mut found: Vec<(&'static str, String)> = Vec::new();
        for p in profiles.iter().filter(|p| p.tables.contains(&s.label)) {
            if let Some(st) = lexicon::code_of(&p.header, &words().stage_questions) {
                found.push((st, p.header.clone()));
            }
        }
        let first = found.first()?.0;
        found
            .iter()
            .all(|(st, _)| *st == first)
            .then(|| found.swap_remove(0))
    };
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for s in sources {
        let families = said(&s.label);
        let placed = !families.is_empty();
        let asked_here = asked(s);
        // (stage, why, before the column rules, level)
        let (stage, why, sure, level) = match (named(s), placed) {
            // "client" or "prospect" in the name of a table a column places: the name also
            // names surveys of several stages ("client survey"); the column decides alone.
            (Some((_, false)), true) => continue,
            // The columns' answers agree with the name: two pieces that agree.
            (Some((stage, _)), true) if families == [family(stage)] => (
                stage,
                format!(
                    "the name \"{}\" says every row is a {stage}, and the answers of its journey column agree",
                    s.label
                ),
                true,
                Level::Sure,
            ),
            // The columns say other stages: they outweigh the name, which places only the rows
            // they leave unplaced, as a conflict to be confirmed.
            (Some((stage, _)), true) => (
                stage,
                format!(
                    "conflict: the name \"{}\" says {stage}, but the answers of its journey column say {}; the column decides, this rule places only the rows it leaves",
                    s.label,
                    families.join(", ")
                ),
                false,
                Level::Unsure,
            ),
            (Some((stage, _)), false) => {
                let agrees = asked_here.as_ref().is_some_and(|(st, _)| *st == stage);
                (
                    stage,
                    if agrees {
                        format!(
                            "the name \"{}\" says its rows are {stage}s, and it asks a question only a {stage} is asked",
                            s.label
                        )
                    } else {
                        format!(
                            "the name \"{}\" says its rows are {stage}s (no column says which stage)",
                            s.label
                        )
                    },
                    false,
                    if agrees { Level::Sure } else { Level::Likely },
                )
            }
            (None, false) => match asked_here {
                Some((stage, q)) => (
                    stage,
                    format!(
                        "the file asks \"{}\", a question only a {stage} is asked",
                        one_line(&q)
                    ),
                    false,
                    Level::Likely,
                ),
                None => continue,
            },
            _ => continue,
        };
        let same = |o: &Source| named(o).map(|n| n.0) == Some(stage);
        let glob = source_glob(s, sources, &same);
        let rules = if sure { &mut strong } else { &mut weak };
        if rules
            .iter()
            .any(|r: &GRule| r.when.source.as_deref() == Some(glob.as_str()))
        {
            continue;
        }
        let mut r = rule(
            &format!("{stage}: {}", s.label),
            stage,
            cond::source(&glob),
            &why,
        );
        r.level = level;
        rules.push(r);
    }
    (strong, weak)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_globs_follow_the_quarter() {
        let src = |f: &str, sh: Option<&str>| Source {
            label: f.into(),
            file: f.into(),
            sheet: sh.map(str::to_string),
        };
        let all = [
            src("crm/former-clients-2026Q3.csv", None),
            src("interviews_2026-Q3.xlsx", Some("Got-aways")),
        ];
        assert_eq!(
            source_glob(&all[0], &all, &|_| false),
            "crm/former-clients-*.csv"
        );
        assert_eq!(
            source_glob(&all[1], &all, &|_| false),
            "interviews_*.xlsx [Got-aways]"
        );
        assert!(source_matches("interviews_*.xlsx [Got-aways]", &all[1]));
    }
}

//! `report.md` (charts linked from `charts/`) and `report.html` (one self-contained file, charts
//! embedded): title page, sections with their charts and findings, data quality, method.

use std::collections::BTreeMap;

use base64::Engine;

use super::findings::{sections, Section};
use super::OutputFile;
use crate::analysis::Summary;
use crate::chart::DrawnChart;
use crate::escape::{data as d, html as escape, html_line, markdown_line};

/// Facts for the data-quality section.
struct Quality {
    files: usize,
    tables: usize,
    read: u64,
    excluded: u64,
    classified: u64,
    unclassified: u64,
    reasons: BTreeMap<String, u64>,
    problems: BTreeMap<String, u64>,
}

/// Exclusions by reason, the reason cut at its first " (" (a duplicate's "kept …" detail).
pub fn exclusion_reasons<'a>(reasons: impl Iterator<Item = &'a str>) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for r in reasons {
        let reason = r.split(" (").next().unwrap_or("").to_string();
        *out.entry(reason).or_default() += 1;
    }
    out
}

fn quality(s: &Summary, reasons: BTreeMap<String, u64>) -> Quality {
    let sum = |f: &dyn Fn(&crate::analysis::DataQualityRow) -> u64| {
        s.tables.data_quality.iter().map(f).sum()
    };
    let mut problems = BTreeMap::new();
    for p in &s.tables.cell_problems {
        *problems.entry(p.problem.clone()).or_default() += p.count;
    }
    Quality {
        files: s.inputs.len(),
        tables: s
            .tables
            .data_quality
            .iter()
            .filter(|d| d.skipped_reason.is_empty())
            .count(),
        read: sum(&|d| d.rows_read),
        excluded: sum(&|d| d.rows_excluded),
        classified: sum(&|d| d.rows_classified),
        unclassified: sum(&|d| d.rows_unclassified),
        reasons,
        problems,
    }
}

fn quality_lines(q: &Quality, s: &Summary) -> Vec<String> {
    let mut out = vec![format!(
        "{} read: {} rows = {} excluded + {} classified + {} unclassified.",
        files_and_tables(q.files, q.tables),
        q.read,
        q.excluded,
        q.classified,
        q.unclassified
    )];
    if !s.skipped_files.is_empty() {
        let list: Vec<String> = s
            .skipped_files
            .iter()
            .map(|f| format!("{} ({})", d(&f.source_file), d(&f.reason)))
            .collect();
        out.push(format!(
            "Skipped, unreadable (`--skip-bad-files`): {}. Their rows are not in this report.",
            list.join("; ")
        ));
    }
    if !q.reasons.is_empty() {
        let list: Vec<String> = q
            .reasons
            .iter()
            .map(|(r, n)| {
                // A rule of the config says what it removed: a speeder's cut-off, a domain.
                let rules: Vec<String> = s
                    .exclusion_rules
                    .iter()
                    .filter(|e| &e.reason == r)
                    .map(|e| d(&e.condition))
                    .collect();
                match rules.as_slice() {
                    [] => format!("{} {n}", d(r)),
                    _ => format!("{} {n} (the config's rule: {})", d(r), rules.join("; or ")),
                }
            })
            .collect();
        out.push(format!("Excluded: {}.", list.join(", ")));
    }
    if q.unclassified > 0 {
        out.push(format!("{} rows matched no stage rule: see `tables/respondents.csv` for the values the rules saw.", q.unclassified));
    }
    if !q.problems.is_empty() {
        let list: Vec<String> = q
            .problems
            .iter()
            .map(|(p, n)| format!("{} {n}", d(p)))
            .collect();
        out.push(format!(
            "Cells read as missing: {} (details in `tables/cell_problems.csv`).",
            list.join(", ")
        ));
    }
    out.extend(lookup_lines(s));
    out.extend(weighting_lines(s));
    out.extend(
        s.history_warnings
            .iter()
            .map(|w| format!("Warning: {}", d(w))),
    );
    out
}

/// Lookups: each file joined, and the rows of each table whose key it does not hold.
fn lookup_lines(s: &Summary) -> Vec<String> {
    if s.lookups.is_empty() {
        return Vec::new();
    }
    let files: Vec<String> = s.lookups.iter().map(|l| d(&l.file)).collect();
    let tables: Vec<String> = s
        .tables
        .data_quality
        .iter()
        .filter_map(|r| {
            let n = r.lookup_unmatched?;
            let name = crate::ingest::table_label(
                &r.source_file,
                (!r.sheet.is_empty()).then_some(r.sheet.as_str()),
            );
            Some(format!(
                "{}: {n} of {} rows not found",
                d(&name),
                r.rows_read
            ))
        })
        .collect();
    vec![format!(
        "Joined from {}: {} (`lookup_unmatched` in `tables/data_quality.csv`; `check` lists the keys).",
        files.join(", "),
        if tables.is_empty() {
            "no table has the key".to_string()
        } else {
            tables.join("; ")
        }
    )]
}

/// Raking: per field, each value's target against its shares before and after; then the
/// weights' range, mean, design effect and iterations.
fn weighting_lines(s: &Summary) -> Vec<String> {
    let rows = &s.tables.weighting;
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let mut fields: Vec<&str> = rows.iter().map(|r| r.field.as_str()).collect();
    fields.dedup();
    let mut out: Vec<String> = fields
        .iter()
        .map(|f| {
            let values: Vec<String> = rows
                .iter()
                .filter(|r| r.field == *f)
                .map(|r| {
                    format!(
                        "{} target {}, sample {} (n={}), weighted {}",
                        d(&r.value),
                        pct(r.target),
                        pct(r.unweighted_share),
                        r.n,
                        pct(r.weighted_share)
                    )
                })
                .collect();
            format!("Raked on *{}*: {}.", d(f), values.join("; "))
        })
        .collect();
    out.push(format!(
        "Weights: min {:.3}, max {:.3}, mean {:.3}; design effect {:.2} (every base is the Kish effective n); {} iterations (details in `tables/weighting.csv`).",
        first.weights_min, first.weights_max, first.weights_mean, first.design_effect, first.iterations
    ));
    out
}

/// `1 file (2 tables)`, `3 files (3 tables)`.
fn files_and_tables(files: usize, tables: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} ({})",
        plural(files, "file", "files"),
        plural(tables, "table", "tables")
    )
}

/// The line under the title: how many respondents, in which stages, from how many files.
fn overview(s: &Summary, q: &Quality) -> String {
    let stages: Vec<&crate::analysis::StageMixRow> = s
        .tables
        .stage_mix
        .iter()
        .filter(|r| r.segment == "all" && r.n > 0)
        .collect();
    let files = if q.files == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", q.files)
    };
    match stages.as_slice() {
        [one] => format!(
            "{} respondents, all {}, from {files}",
            q.classified,
            d(&one.label.to_lowercase())
        ),
        _ => format!(
            "{} respondents classified into stages from {files}",
            q.classified
        ),
    }
}

/// When the fieldwork ran, and the responses dated outside the period named, with how the
/// period was decided.
fn fieldwork(s: &Summary) -> String {
    let f = &s.fieldwork;
    let period = d(&s.period);
    let from = match (f.period_from.as_str(), f.period_share) {
        ("--period", _) => "given with `--period`".to_string(),
        ("folder name", _) => "from the input folder's name".to_string(),
        (_, Some(share)) if share < 1.0 => format!(
            "the quarter holding {:.0} % of the response dates",
            share * 100.0
        ),
        _ => "the quarter of the response dates".to_string(),
    };
    if f.dated == 0 {
        return format!("Period {period} ({from}); no response is dated");
    }
    let days = if f.first == f.last {
        format!("Fieldwork {}", f.first)
    } else {
        format!("Fieldwork {} to {}", f.first, f.last)
    };
    let outside = match f.outside_period {
        0 => format!("all {} dated responses in period {period}", f.dated),
        n => format!(
            "{n} of {} dated responses ({:.0} %) dated outside period {period}",
            f.dated,
            100.0 * n as f64 / f.dated as f64
        ),
    };
    let undated = match f.undated {
        0 => String::new(),
        n => format!(", {n} undated"),
    };
    format!("{days}: {outside}{undated} ({from})")
}

/// The box that opens a report resting on guesses nobody confirmed: its heading, then one line
/// per guess that decides what the report says (weakest first), then how to confirm them.
fn provisional(s: &Summary) -> Option<(String, Vec<String>)> {
    let g = &s.guesses;
    if !g.provisional() {
        return None;
    }
    let shown: Vec<&crate::analysis::guesses::GuessRow> = g
        .unconfirmed
        .iter()
        .filter(|g| g.decides_findings)
        .collect();
    let n = g.unconfirmed.len();
    let heading = format!(
        "Provisional: this report rests on {n} guess{} nobody has confirmed.",
        if n == 1 { "" } else { "es" }
    );
    let mut lines: Vec<String> = shown
        .iter()
        .take(12)
        .map(|g| {
            let rows = match g.rows {
                0 => String::new(),
                1 => ", deciding 1 row".into(),
                r => format!(", deciding {r} rows"),
            };
            format!(
                "{} ({}{rows}): {}",
                d(&g.what),
                g.confidence,
                d(&g.evidence)
            )
        })
        .collect();
    if shown.len() > 12 {
        lines.push(format!("… and {} more.", shown.len() - 12));
    }
    let r = &g.rows;
    if r.sure + r.likely + r.unsure > 0 {
        lines.push(format!(
            "Rows by the weakest guess that decided their stage or exclusion: {} unsure, {} likely, {} sure, {} confirmed (column `guess` of `tables/respondents.csv`).",
            r.unsure, r.likely, r.sure, r.confirmed
        ));
    }
    let (check, init) = match &s.config_given {
        Some(c) => (
            format!("{} --config {}", s.input_folder, c),
            format!("--output {} {}", c, s.input_folder),
        ),
        None => (s.input_folder.clone(), s.input_folder.clone()),
    };
    lines.push(format!(
        "Run `journeygap check {}` to see every guess, and `journeygap init {}` in a terminal to answer them; a guess is confirmed when its `guess` key is deleted from the config.",
        d(&check),
        d(&init)
    ));
    Some((heading, lines))
}

fn method_lines(s: &Summary) -> Vec<String> {
    let c = s.confidence * 100.0;
    vec![
        format!("Intervals at {c:.0}%: Wilson score for shares, t for means, adjusted Wald for NPS, Fisher z for correlations."),
        "Gaps: experience − expectation over respondents who answered both; paired t-test, Cohen's d_z, Wilcoxon signed-rank (normal approximation).".into(),
        "NPS = % promoters (9–10) − % detractors (0–6). Stage comparisons: Welch t, pooled two-proportion z, chi-square without continuity correction.".into(),
        format!("q-values: Benjamini–Hochberg within each table. Estimates on a base below {:.0} are flagged low base.", s.min_base),
        format!("{}Tool version {}; config SHA-256 {}.", if s.weighted { "Weighted: Kish effective bases. " } else { "" }, s.tool_version, s.config_hash),
    ]
}

fn title(s: &Summary, title: Option<&str>) -> String {
    format!(
        "{} — {}",
        d(title.unwrap_or("Client journey report")),
        s.period
    )
}

/// Markdown with `*emphasis*` kept; charts linked.
fn markdown(s: &Summary, secs: &[Section], q: &Quality, heading: &str) -> String {
    // Text from the exports and the config is escaped for Markdown (and HTML inside it):
    // `markdown_line` escapes what the sentences mark as data.
    let mut md = format!(
        "# {}\n\n{}.\n\n{}.\n\n",
        markdown_line(heading),
        markdown_line(&overview(s, q)),
        markdown_line(&fieldwork(s))
    );
    if let Some((heading, lines)) = provisional(s) {
        md.push_str(&format!("> **{}**\n>\n", markdown_line(&heading)));
        for l in &lines {
            md.push_str(&format!("> - {}\n", markdown_line(l)));
        }
        md.push('\n');
    }
    for sec in secs {
        md.push_str(&format!("## {}\n\n", sec.title));
        for c in &sec.charts {
            md.push_str(&format!("![{c}](charts/{c}.png)\n\n"));
        }
        for f in &sec.findings {
            md.push_str(&format!("- {}\n", markdown_line(f)));
        }
        md.push('\n');
    }
    md.push_str("## Data quality\n\n");
    quality_lines(q, s)
        .iter()
        .for_each(|l| md.push_str(&format!("- {}\n", markdown_line(l))));
    md.push_str("\n## Method\n\n");
    method_lines(s)
        .iter()
        .for_each(|l| md.push_str(&format!("- {}\n", markdown_line(l))));
    md
}

const CSS: &str = "body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;color:#222;line-height:1.5}\
h1{font-size:2em;border-bottom:3px solid #0072B2}h2{margin-top:2em;color:#0072B2}img{width:100%;border:1px solid #ddd;margin:.5em 0}\
li{margin:.3em 0}.meta{color:#555}\
.provisional{border:2px solid #D55E00;background:#FFF4EC;padding:.3em 1em;margin:1em 0}";

fn html(
    s: &Summary,
    secs: &[Section],
    q: &Quality,
    heading: &str,
    charts: &BTreeMap<String, &[u8]>,
) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title><style>{CSS}</style></head><body>\n<h1>{t}</h1>\n<p class=\"meta\">{}; period {}.<br>{}.</p>\n",
        html_line(&overview(s, q)),
        escape(&s.period),
        html_line(&fieldwork(s)),
        t = html_line(heading)
    );
    if let Some((heading, lines)) = provisional(s) {
        h.push_str(&format!(
            "<div class=\"provisional\"><p><strong>{}</strong></p>\n<ul>\n",
            html_line(&heading)
        ));
        lines
            .iter()
            .for_each(|l| h.push_str(&format!("<li>{}</li>\n", html_line(l))));
        h.push_str("</ul></div>\n");
    }
    for sec in secs {
        h.push_str(&format!("<h2>{}</h2>\n", escape(&sec.title)));
        for c in &sec.charts {
            if let Some(bytes) = charts.get(c) {
                h.push_str(&format!(
                    "<img alt=\"{}\" src=\"data:image/png;base64,{}\">\n",
                    escape(c),
                    b64.encode(bytes)
                ));
            }
        }
        h.push_str("<ul>\n");
        sec.findings
            .iter()
            .for_each(|f| h.push_str(&format!("<li>{}</li>\n", html_line(f))));
        h.push_str("</ul>\n");
    }
    for (name, lines) in [
        ("Data quality", quality_lines(q, s)),
        ("Method", method_lines(s)),
    ] {
        h.push_str(&format!("<h2>{name}</h2>\n<ul>\n"));
        lines
            .iter()
            .for_each(|l| h.push_str(&format!("<li>{}</li>\n", html_line(l))));
        h.push_str("</ul>\n");
    }
    // Records, once the page has loaded, how many charts the browser decoded (checked by the
    // browser test; harmless to a reader).
    h.push_str("<script>window.addEventListener('load',function(){var i=document.images,n=0;for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0){n++}}document.body.setAttribute('data-images-loaded',n+'/'+i.length)});</script>\n");
    h.push_str("</body></html>\n");
    h
}

/// `report.md`, `report.html` and `deck.pptx` for the period (the deck in the look of
/// `template` when there is one).
pub fn documents(
    s: &Summary,
    reasons: BTreeMap<String, u64>,
    charts: &[DrawnChart],
    report_title: Option<&str>,
    template: Option<&super::deck::Template>,
) -> Result<Vec<OutputFile>, super::ReportError> {
    let by_name: BTreeMap<String, &[u8]> = charts
        .iter()
        .map(|c| (c.name.clone(), c.png.as_slice()))
        .collect();
    let secs = sections(s, charts);
    let q = quality(s, reasons);
    let heading = title(s, report_title);
    let deck = super::deck::deck(
        &super::deck::DeckInput {
            summary: s,
            title: heading.clone(),
            lines: vec![
                format!("{}.", overview(s, &q)),
                format!("{}.", fieldwork(s)),
            ],
            provisional: provisional(s),
            sections: &secs,
            drawn: charts,
            quality: quality_lines(&q, s),
            method: method_lines(s),
        },
        template,
    )?;
    Ok(vec![
        OutputFile {
            path: "report.md".into(),
            bytes: markdown(s, &secs, &q, &heading).into_bytes(),
        },
        OutputFile {
            path: "report.html".into(),
            bytes: html(s, &secs, &q, &heading, &by_name).into_bytes(),
        },
        OutputFile {
            path: "deck.pptx".into(),
            bytes: deck,
        },
    ])
}

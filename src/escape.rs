//! Text from the exports made harmless where it lands: in a terminal (control characters
//! shown, never obeyed), in a CSV cell (never a formula, OWASP's CSV-injection rule) and in
//! Markdown (never markup).

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` for a terminal: every control character (ANSI escapes, carriage returns, newlines) is
/// written as `\u{…}`, so a file name cannot move the cursor or recolour the screen.
pub fn shown(s: &str) -> Cow<'_, str> {
    escape_controls(s, false)
}

/// [`shown`], but newlines kept: for messages of several lines.
pub fn shown_lines(s: &str) -> Cow<'_, str> {
    escape_controls(s, true)
}

fn escape_controls(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(keep_newlines && c == '\n');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a CSV cell would be read as a formula by a spreadsheet program: it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return and is not a number.
pub fn is_formula_like(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'=' | b'@' | b'\t' | b'\r') => true,
        Some(b'+' | b'-') => !is_number(s),
        _ => false,
    }
}

/// `s` as a CSV cell that no spreadsheet runs: a leading `'` when [`is_formula_like`].
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if is_formula_like(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell as journeygap wrote it read back: the `'` that [`csv_cell`] put before a formula-like
/// text taken off again (for the earlier periods' `respondents.csv`).
pub fn csv_uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest,
        _ => s,
    }
}

/// A plain decimal number (`-3`, `+0.5`, `-1e-9`): the tables' own numbers stay numbers.
fn is_number(s: &str) -> bool {
    let t = s.trim_start_matches(['+', '-']);
    s.len() - t.len() == 1
        && t.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && t.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Text from the data for `report.md`: Markdown's punctuation escaped with `\`, and `<`, `>`,
/// `&` as HTML entities, so a channel named `<img src=x onerror=…>` or `[x](javascript:…)` is
/// text, never an image, a link or a tag; newlines become spaces.
pub fn markdown(s: &str) -> Cow<'_, str> {
    const SPECIAL: &[char] = &[
        '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~', '<', '>', '&',
        '\n', '\r',
    ];
    if !s.contains(SPECIAL) && !s.starts_with(['-', '.', '=']) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let word = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Only an `&` that could begin an entity (`&lt;`, `&#60;`) needs one.
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '\n' | '\r' => out.push(' '),
            '-' | '.' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            // An `_` inside a word (`company_size`) cannot open or close emphasis.
            '_' if word(i.checked_sub(1)) && word(Some(i + 1)) => out.push(c),
            '&' => out.push(c),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Where a text from the data begins and ends inside a report sentence (private-use
/// characters, taken out of the data itself): the sentence's own markup (`*…*`, `` `…` ``)
/// stays markup, the data between them is escaped by each renderer.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A text from the exports or the config, marked for a report sentence.
pub fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push(OPEN);
    out.extend(s.chars().filter(|&c| c != OPEN && c != CLOSE));
    out.push(CLOSE);
    out
}

/// A report sentence as Markdown: the data in it escaped by [`markdown`], the markers gone.
pub fn markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let end = after.find(CLOSE).unwrap_or(after.len());
        out.push_str(&markdown(&after[..end]));
        rest = after.get(end + CLOSE.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// A report sentence as HTML: everything escaped, the sentence's own `*…*` as `<em>…</em>`
/// and its own backticks as `<code>…</code>` (a `*` or a backtick inside the data is itself),
/// the markers gone.
pub fn html_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let (mut in_data, mut em, mut code) = (false, false, false);
    for c in line.chars() {
        match c {
            OPEN => in_data = true,
            CLOSE => in_data = false,
            '*' if !in_data && !code => {
                out.push_str(if em { "</em>" } else { "<em>" });
                em = !em;
            }
            '`' if !in_data => {
                out.push_str(if code { "</code>" } else { "<code>" });
                code = !code;
            }
            c => push_html(&mut out, c),
        }
    }
    if code {
        out.push_str("</code>");
    }
    if em {
        out.push_str("</em>");
    }
    out
}

/// `s` with `&`, `<`, `>` and `"` as HTML entities.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    s.chars().for_each(|c| push_html(&mut out, c));
    out
}

fn push_html(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        c => out.push(c),
    }
}

/// A report sentence as text for a slide: the markers and the sentence's own `*` and
/// backticks gone (the data keeps its own).
pub fn slide_line(line: &str) -> String {
    let mut in_data = false;
    line.chars()
        .filter(|&c| match c {
            OPEN => {
                in_data = true;
                false
            }
            CLOSE => {
                in_data = false;
                false
            }
            '*' | '`' => in_data,
            _ => true,
        })
        .collect()
}

/// A report sentence as plain text: the markers gone.
pub fn plain_line(line: &str) -> String {
    line.chars().filter(|&c| c != OPEN && c != CLOSE).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_a_quote_and_numbers_do_not() {
        for s in [
            "=1+1",
            "+cmd",
            "-x",
            "@SUM(A1)",
            "\t=1+1",
            "\r=2",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(csv_cell(s), format!("'{s}"), "{s:?}");
        }
        for s in ["-3", "+0.5", "-1e-9", "-0.25", "4", "plain", "", "a=b"] {
            assert_eq!(csv_cell(s), s, "{s:?}");
        }
        assert_eq!(csv_cell("-inf"), "'-inf");
        assert_eq!(csv_cell("--1"), "'--1");
        assert_eq!(csv_uncell("'=1+1"), "=1+1");
        assert_eq!(csv_uncell("'plain"), "'plain");
    }

    #[test]
    fn markup_is_text() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(markdown("Web search"), "Web search");
        assert_eq!(markdown("# title"), "\\# title");
        assert_eq!(markdown("a_b *c*"), "a_b \\*c\\*");
        assert_eq!(markdown("_a_ b_"), "\\_a\\_ b\\_");
        assert_eq!(markdown("People & change"), "People & change");
        assert_eq!(markdown("&lt;b&gt;"), "&amp;lt;b&amp;gt;");
    }

    #[test]
    fn data_in_a_sentence_is_escaped_by_each_renderer() {
        let line = format!(
            "Clients use *{}* where the firm is absent.",
            data("<b>x*y</b>")
        );
        assert_eq!(
            markdown_line(&line),
            "Clients use *&lt;b&gt;x\\*y&lt;/b&gt;* where the firm is absent."
        );
        assert_eq!(
            html_line(&line),
            "Clients use <em>&lt;b&gt;x*y&lt;/b&gt;</em> where the firm is absent."
        );
        assert_eq!(
            plain_line(&line),
            "Clients use *<b>x*y</b>* where the firm is absent."
        );
        let line = format!("See `tables/respondents.csv` for {}.", data("a`b"));
        assert_eq!(
            html_line(&line),
            "See <code>tables/respondents.csv</code> for a`b."
        );
    }

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(shown("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(shown("two\nlines"), "two\\u{a}lines");
        assert_eq!(shown_lines("two\nlines"), "two\nlines");
        assert_eq!(shown("plain.csv"), "plain.csv");
    }
}

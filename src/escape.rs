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
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '-' | '.' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
        assert_eq!(markdown("a_b *c*"), "a\\_b \\*c\\*");
    }

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(shown("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(shown("two\nlines"), "two\\u{a}lines");
        assert_eq!(shown_lines("two\nlines"), "two\nlines");
        assert_eq!(shown("plain.csv"), "plain.csv");
    }
}

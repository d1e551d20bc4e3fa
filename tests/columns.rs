//! A field whose headers match several columns of one table (PRODUCT §3): open-text and
//! multi-select fields read every one; any other field reads the column of its first header,
//! and `check` lists the columns read and warns about the others.

mod common;

use common::*;

const CSV: &str = "ID,Why did you pick us? (closed),Why did you pick us?,Any other reason?,Score\n\
1,Price,Their fees were fair,,9\n\
2,Team,,The team knew our sector,8\n\
3,Price,Fair fees and a quick start,Quick to start,10\n";

fn folder(dir: &std::path::Path, cfg: &str) {
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    std::fs::write(dir.join("exports/pulse.csv"), CSV).unwrap();
    std::fs::write(dir.join("journeygap.toml"), cfg).unwrap();
}

const RULES: &str = "[fields.respondent_id]\nheaders = [\"ID\"]\n[[stages.rules]]\nname = \"all\"\nstage = \"client\"\nwhen = { always = true }\n";

/// Regression: the field read only the first column found, a closed question that shadowed the
/// open one; the same "why" asked twice lost its second answers.
#[test]
fn an_open_text_field_reads_every_column_it_matches() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = format!(
        "{RULES}[fields.why]\npatterns = ['^Why did you pick us\\?$', '^Any other reason']\n\
         [[themes]]\nfield = \"why\"\nname = \"Price\"\nkeywords = [\"fees\"]\n\
         [[themes]]\nfield = \"why\"\nname = \"Sector\"\nkeywords = [\"sector\"]\n\
         [[themes]]\nfield = \"why\"\nname = \"Speed\"\nkeywords = [\"quick\"]\n"
    );
    folder(tmp.path(), &cfg);
    let themes = read_csv(&run_exports(tmp.path(), "2026Q4").join("themes.csv"));
    let hits = |theme: &str| {
        themes
            .iter()
            .find(|r| r["segment"] == "all" && r["theme"] == theme)
            .map(|r| r["mentions"].clone())
            .unwrap_or_default()
    };
    assert_eq!(hits("Price"), "2", "{themes:?}");
    assert_eq!(hits("Sector"), "1", "from the second column");
    assert_eq!(
        hits("Speed"),
        "1",
        "one respondent, in both columns: one answer"
    );
}

/// A single-valued field reads the column of its first header, whatever the table's order, and
/// `check` warns that it matched another.
#[test]
fn a_single_field_reads_its_first_header_and_check_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = format!(
        "{RULES}[fields.reason]\nheaders = [\"Why did you pick us?\", \"Why did you pick us? (closed)\"]\n"
    );
    folder(tmp.path(), &cfg);
    let text = check_exports(tmp.path());
    let line = text
        .lines()
        .find(|l| l.contains("reason ←"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("warning:"), "{line}");
    assert!(
        line.contains("reason ← C \"Why did you pick us?\""),
        "{line}"
    );
    assert!(line.contains("also matched B"), "{line}");
    assert!(text.contains("respondent_id ← A \"ID\""), "{text}");
}

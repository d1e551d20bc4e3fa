//! What a command tells the user beside its output (as ripgrep's `messages`): warnings, each
//! printed on standard error as `warning: …` the moment it is known, through one type, so that
//! every warning is worded and escaped the same way. File, sheet and column names in a warning
//! come from the exports: they are shown with their control characters escaped, never obeyed by
//! the terminal.

/// The warnings of one command.
#[derive(Debug, Default)]
pub struct Warnings;

impl Warnings {
    pub fn new() -> Warnings {
        Warnings
    }

    /// Print one warning, its lines kept, each escaped.
    pub fn warn(&self, text: impl AsRef<str>) {
        eprintln!("warning: {}", crate::escape::shown_lines(text.as_ref()));
    }
}

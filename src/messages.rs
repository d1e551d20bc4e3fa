//! What a command tells the user beside its output (as ripgrep's `messages`): warnings, each
//! printed on standard error as `warning: …` the moment it is known, through one type, so that
//! every warning is worded, escaped and counted the same way. File, sheet and column names in a
//! warning come from the exports: they are shown with their control characters escaped, never
//! obeyed by the terminal.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The warnings of one command.
#[derive(Debug, Default)]
pub struct Warnings {
    count: AtomicUsize,
}

impl Warnings {
    pub fn new() -> Warnings {
        Warnings::default()
    }

    /// Print one warning (its lines kept, each escaped) and count it.
    pub fn warn(&self, text: impl AsRef<str>) {
        self.count.fetch_add(1, Ordering::Relaxed);
        eprintln!("warning: {}", crate::escape::shown_lines(text.as_ref()));
    }

    /// How many warnings were printed.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }
}

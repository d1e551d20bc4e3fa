//! Progress bars on the terminal (indicatif) for work that takes more than about a second:
//! hidden at first, shown once a second has passed; never shown when stderr is not a terminal
//! or with `--quiet`. The bar never touches the outputs, so results stay byte-identical.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A bar over `len` steps that appears only for slow work.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    enabled: bool,
    shown: AtomicBool,
}

impl Progress {
    /// A bar titled `what`; `quiet` (or stderr not a terminal) keeps it hidden.
    pub fn new(len: usize, what: &str, quiet: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{msg:>16} [{bar:40}] {pos}/{len} {elapsed}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Progress {
            bar,
            start: Instant::now(),
            enabled: !quiet && std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// One step done (callable from any thread).
    pub fn inc(&self) {
        self.bar.inc(1);
        if self.enabled
            && self.start.elapsed() >= DELAY
            && self
                .shown
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

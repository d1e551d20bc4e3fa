//! Phase timings and peak memory, printed to stderr when `JOURNEYGAP_TIMINGS` is set (for the
//! benchmark); otherwise nothing is measured or printed.

use std::time::Instant;

/// Marks the end of each phase of a run.
pub struct Timings {
    on: bool,
    last: Instant,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            on: std::env::var_os("JOURNEYGAP_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// The phase called `name` ends now.
    pub fn mark(&mut self, name: &str) {
        if self.on {
            let now = Instant::now();
            eprintln!(
                "timing {name} {:.3} s (resident {} MiB)",
                now.duration_since(self.last).as_secs_f64(),
                status_kib("VmRSS:") / 1024
            );
            self.last = now;
        }
    }

    /// Print the peak resident memory (Linux: `VmHWM` of /proc/self/status).
    pub fn peak(&self) {
        if !self.on {
            return;
        }
        eprintln!("peak_rss_kib {}", status_kib("VmHWM:"));
    }
}

/// A memory figure of /proc/self/status in KiB (Linux; 0 elsewhere).
fn status_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

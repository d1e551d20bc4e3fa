//! The five client-journey stages: one closed set, one order, one colour each.

use serde::{Deserialize, Serialize};

/// A stage of the client journey (PRODUCT §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Prospect,
    GotAway,
    Client,
    Betweener,
    Former,
}

impl Stage {
    /// Every stage, in journey order: the order of every table and chart.
    pub const ALL: [Stage; 5] = [
        Stage::Prospect,
        Stage::GotAway,
        Stage::Client,
        Stage::Betweener,
        Stage::Former,
    ];

    /// The machine name used in tables and config (`got-away`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Prospect => "prospect",
            Stage::GotAway => "got-away",
            Stage::Client => "client",
            Stage::Betweener => "betweener",
            Stage::Former => "former",
        }
    }

    /// The default display label.
    pub fn default_label(self) -> &'static str {
        match self {
            Stage::Prospect => "Prospects",
            Stage::GotAway => "Got-aways",
            Stage::Client => "Clients",
            Stage::Betweener => "Betweeners",
            Stage::Former => "Former clients",
        }
    }

    /// Position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parse a machine name (as written in config files).
    pub fn from_key(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.key() == s)
    }

    /// Colour of this stage in every chart: Okabe–Ito, colour-blind safe.
    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            Stage::Prospect => (0, 114, 178),  // blue
            Stage::GotAway => (213, 94, 0),    // vermillion
            Stage::Client => (0, 158, 115),    // bluish green
            Stage::Betweener => (230, 159, 0), // orange
            Stage::Former => (204, 121, 167),  // reddish purple
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

//! Personal data: keyed pseudonyms for `--hash-ids`, and what looks like an e-mail address,
//! a phone number or an IP address (kept out of the outputs when hashing, and out of the
//! config `init` writes, always).
//!
//! A pseudonym is `h` and the first 16 hex digits of HMAC-SHA-256(secret, value). Keyed, so
//! that nobody holding a list of e-mails can hash them and match: only the holder of the secret
//! can. The same secret every quarter gives the same pseudonym, so panel transitions still
//! link a client across periods.

use std::borrow::Cow;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The environment variable that holds the secret (it wins over the config's).
pub const SECRET_ENV: &str = "JOURNEYGAP_SECRET";

/// Shortest secret accepted, in characters.
pub const MIN_SECRET_CHARS: usize = 16;

/// The keyed hash of `--hash-ids`.
#[derive(Clone)]
pub struct Pseudonyms {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for Pseudonyms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonyms(..)") // never the secret
    }
}

impl Pseudonyms {
    /// Pseudonyms keyed with `secret`.
    pub fn new(secret: &str) -> Pseudonyms {
        Pseudonyms {
            // HMAC takes a key of any length.
            mac: Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length"),
        }
    }

    /// The secret from the environment, else the config's, checked; `None` with why.
    pub fn from_secret(config_secret: Option<&str>) -> Result<Pseudonyms, String> {
        let env = std::env::var(SECRET_ENV)
            .ok()
            .filter(|s| !s.trim().is_empty());
        let Some(secret) = env.as_deref().or(config_secret) else {
            return Err(format!(
                "--hash-ids needs a secret to key the hashes with: set [privacy] secret in the config (`journeygap init` writes a random one) or the environment variable {SECRET_ENV}; keep it, and use the same one every quarter"
            ));
        };
        if secret.chars().count() < MIN_SECRET_CHARS {
            return Err(format!(
                "the --hash-ids secret is {} characters; use at least {MIN_SECRET_CHARS} (a random one, as `journeygap init` writes)",
                secret.chars().count()
            ));
        }
        Ok(Pseudonyms::new(secret))
    }

    /// The pseudonym of `value`.
    pub fn of(&self, value: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(value.as_bytes());
        let digest = mac.finalize().into_bytes();
        format!("h{}", &crate::ingest::hex(&digest)[..16])
    }

    /// `reason` with every quoted value the rules saw (`field = "value"`) replaced by its
    /// pseudonym, so a reason names fields, never their values.
    pub fn reason<'a>(&self, reason: &'a str) -> Cow<'a, str> {
        if !reason.contains('"') {
            return Cow::Borrowed(reason);
        }
        let mut out = String::with_capacity(reason.len());
        let mut rest = reason;
        while let Some(open) = rest.find('"') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('"') else {
                out.push_str("\"…\"");
                return Cow::Owned(out);
            };
            out.push('"');
            out.push_str(&self.of(&after[..close]));
            out.push('"');
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        Cow::Owned(out)
    }
}

/// A new random secret, as `init` writes it: 32 random bytes as hex.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: the clock and the process, hashed. Still unguessable from
        // the outside in practice, and the user can replace it.
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        bytes.copy_from_slice(&sha2::Digest::finalize(
            <Sha256 as sha2::Digest>::new_with_prefix(seed),
        ));
    }
    crate::ingest::hex(&bytes)
}

/// Whether `s` holds what looks like an e-mail address, a phone number or an IP address.
pub fn looks_personal(s: &str) -> bool {
    has_email(s) || has_ip(s) || has_phone(s)
}

fn has_email(s: &str) -> bool {
    s.match_indices('@').any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = &s[i + 1..];
        let word = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
        before.is_some_and(word)
            && after
                .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .next()
                .is_some_and(|d| d.contains('.') && !d.starts_with('.') && !d.ends_with('.'))
    })
}

fn has_ip(s: &str) -> bool {
    let v4 = s
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|w| {
            let parts: Vec<&str> = w.split('.').collect();
            parts.len() == 4
                && parts.iter().all(|p| {
                    !p.is_empty() && p.len() <= 3 && p.parse::<u16>().is_ok_and(|n| n <= 255)
                })
        });
    let v6 = s
        .split(|c: char| !(c.is_ascii_hexdigit() || c == ':'))
        .any(|w| w.matches(':').count() >= 2 && w.parse::<std::net::Ipv6Addr>().is_ok());
    v4 || v6
}

/// A run of digits, spaces, dashes, dots, slashes and brackets holding at least 7 digits,
/// with a leading `+`, a bracket or a separator between the digits (a bare number is a number),
/// and not a date (`2026-03-14`, `14.03.2026`).
fn has_phone(s: &str) -> bool {
    let in_run = |c: char| c.is_ascii_digit() || " +-.()/".contains(c);
    s.split(|c: char| !in_run(c)).any(|run| {
        let run = run.trim_matches(|c: char| c == ' ' || c == '.' || c == '-' || c == '/');
        let digits = run.chars().filter(char::is_ascii_digit).count();
        let separated = run.chars().any(|c| !c.is_ascii_digit());
        digits >= 7 && separated && !is_date(run)
    })
}

fn is_date(run: &str) -> bool {
    let parts: Vec<&str> = run.split(['-', '.', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_keyed_and_stable() {
        let a = Pseudonyms::new("a secret of some length");
        let b = Pseudonyms::new("another secret entirely");
        assert_eq!(a.of("ana@example.com"), a.of("ana@example.com"));
        assert_ne!(a.of("ana@example.com"), b.of("ana@example.com"));
        // Not the unkeyed SHA-256 anyone could compute.
        let plain = &crate::ingest::sha256_hex(b"ana@example.com")[..16];
        assert_ne!(a.of("ana@example.com"), format!("h{plain}"));
        assert_eq!(a.of("x").len(), 17);
    }

    /// RFC 4231, test case 2: HMAC-SHA-256 with key "Jefe".
    #[test]
    fn the_hmac_is_rfc_4231s() {
        let p = Pseudonyms::new("Jefe");
        assert_eq!(p.of("what do ya want for nothing?"), "h5bdcc146bf60754e");
    }

    #[test]
    fn reasons_name_fields_not_values() {
        let p = Pseudonyms::new("a secret of some length");
        let r = r#"no stage rule matched (ip = "203.0.113.86"; name = "Nguyen"; outcome empty)"#;
        let shown = p.reason(r);
        assert!(
            !shown.contains("203.0.113.86") && !shown.contains("Nguyen"),
            "{shown}"
        );
        assert!(
            shown.contains("ip = \"h") && shown.contains("outcome empty"),
            "{shown}"
        );
        assert_eq!(p.reason("unfinished"), "unfinished");
    }

    #[test]
    fn personal_data_is_told_from_other_answers() {
        for s in [
            "ana.silva@example.com",
            "203.0.113.86",
            "2001:db8::1",
            "+44 20 7946 0958",
            "(555) 123-4567",
            "call 030/1234567",
        ] {
            assert!(looks_personal(s), "{s}");
        }
        for s in [
            "4",
            "3.5",
            "1234567",
            "2026-03-14",
            "Very satisfied",
            "Q3_2",
            "10:30",
            "1.2.3",
            "@home",
            "a@b",
        ] {
            assert!(!looks_personal(s), "{s}");
        }
    }
}

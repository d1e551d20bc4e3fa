//! The declared Rust version is true: no package in the build (dependencies, build and dev
//! dependencies, for this machine's platform) declares a newer `rust-version` than journeygap's
//! `Cargo.toml`, and the README names the same version.

use std::process::Command;

/// `1.88` and `1.88.0` alike, as (major, minor, patch).
fn version(v: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    parts.resize(3, 0);
    parts
}

fn host() -> String {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc names its host")
        .trim()
        .to_string()
}

#[test]
fn no_dependency_needs_a_newer_rust_than_declared() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--filter-platform"])
        .arg(host())
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = m["packages"].as_array().expect("packages");
    let declared = packages
        .iter()
        .find(|p| p["name"] == "journeygap")
        .and_then(|p| p["rust_version"].as_str())
        .expect("Cargo.toml declares a rust-version")
        .to_string();
    // Only the packages the resolved build holds (metadata lists every package of the lock).
    let in_build: Vec<&str> = m["resolve"]["nodes"]
        .as_array()
        .expect("resolve")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let mut newer = Vec::new();
    let mut highest = (Vec::new(), String::new());
    for p in packages {
        if !in_build.contains(&p["id"].as_str().unwrap_or("")) || p["name"] == "journeygap" {
            continue;
        }
        if let Some(rv) = p["rust_version"].as_str() {
            let name = format!(
                "{} {} (rust-version {rv})",
                p["name"].as_str().unwrap_or(""),
                p["version"].as_str().unwrap_or("")
            );
            if version(rv) > version(&declared) {
                newer.push(name.clone());
            }
            if version(rv) > highest.0 {
                highest = (version(rv), name);
            }
        }
    }
    assert!(
        newer.is_empty(),
        "Cargo.toml declares rust-version {declared}, but these need a newer Rust: {newer:?}"
    );
    assert!(
        !highest.1.is_empty(),
        "no dependency declares a rust-version"
    );
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README");
    let short: String = declared.split('.').take(2).collect::<Vec<_>>().join(".");
    assert!(
        readme.contains(&format!("({short} or newer)")),
        "the README names a Rust version other than Cargo.toml's {declared} (highest a dependency needs: {})",
        highest.1
    );
}

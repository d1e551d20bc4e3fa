//! The report folder's safety: journeygap replaces only what it wrote, never writes into (or
//! above) the exports it reads, and lets one run at a time write into one `--out`.
//!
//! [`check`] tells where `--out` lies against the input folder before anything is read;
//! [`OutDir::open`] makes it and takes its lock (`<out>/.journeygap.lock`, an advisory lock the system releases
//! when the process ends, however it ends). [`OutDir::check_period`] then refuses a
//! `<out>/<period>` that journeygap did not write.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::ingest;

/// The name of the lock file in `--out`.
pub const LOCK_FILE: &str = ".journeygap.lock";

/// A report folder held for one run.
pub struct OutDir {
    out: PathBuf,
    /// Whether this run made the folder: a run that fails leaves no folder behind it then.
    made: bool,
    /// Held open for the run: closing it releases the lock.
    _lock: fs::File,
}

impl Drop for OutDir {
    /// A folder this run made and left holding nothing but the lock (the run failed) is
    /// removed: a failed run writes nothing.
    fn drop(&mut self) {
        if !self.made {
            return;
        }
        let only_lock = fs::read_dir(&self.out).is_ok_and(|entries| {
            entries
                .flatten()
                .all(|e| e.file_name().to_str() == Some(LOCK_FILE))
        });
        if only_lock {
            let _ = fs::remove_file(self.out.join(LOCK_FILE));
            let _ = fs::remove_dir(&self.out);
        }
    }
}

impl OutDir {
    /// Make `out` (where [`check`] found it may be) and take its lock, or refuse when another
    /// run holds it.
    pub fn open(out: &Path) -> Result<OutDir> {
        let made = !out.exists();
        fs::create_dir_all(out).with_context(|| format!("cannot make {}", out.display()))?;
        let path = out.join(LOCK_FILE);
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot make the lock file {}", path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => bail!(
                "{}: another journeygap run is writing into this folder; wait for it to finish, then run again",
                out.display()
            ),
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", path.display()))
            }
        }
        Ok(OutDir {
            out: out.to_path_buf(),
            made,
            _lock: lock,
        })
    }

    /// Refuse `<out>/<period>` when it exists and journeygap did not write it.
    pub fn check_period(&self, period: &str) -> Result<()> {
        check_period(&self.out, period)
    }
}

/// `<out>/<period>` may be replaced: it does not exist, or it is a link to one of journeygap's
/// own version folders, or a folder holding a journeygap `summary.json` and only files that a
/// period folder holds.
pub fn check_period(out: &Path, period: &str) -> Result<()> {
    let target = out.join(period);
    let Ok(meta) = fs::symlink_metadata(&target) else {
        return Ok(());
    };
    let refuse = |what: &str| {
        anyhow::anyhow!(
            "{}: {what}, which journeygap did not write; it is left as it is and nothing was read. Move it away, or pass another --out",
            target.display()
        )
    };
    if meta.file_type().is_symlink() {
        let to = fs::read_link(&target).unwrap_or_default();
        let own = to.components().count() == 1
            && to
                .to_str()
                .is_some_and(|s| super::atomic::is_version_name(s, period));
        return if own {
            Ok(())
        } else {
            Err(refuse(&format!("a link to {}", to.display())))
        };
    }
    if !meta.is_dir() {
        return Err(refuse("a file"));
    }
    if !ingest::is_report_summary(&target.join("summary.json")) {
        return Err(refuse("a folder with no journeygap summary.json"));
    }
    if let Some(stranger) = foreign_file(&target) {
        return Err(refuse(&format!(
            "a report folder holding {}, a file journeygap does not write",
            stranger.display()
        )));
    }
    Ok(())
}

/// The first file under a period folder that journeygap would not have written there.
fn foreign_file(dir: &Path) -> Option<PathBuf> {
    for file in ingest::walk_all(dir) {
        let rel = file.strip_prefix(dir).unwrap_or(&file);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let ext = |name: &str, exts: &[&str]| {
            exts.iter()
                .any(|e| name.to_ascii_lowercase().ends_with(&format!(".{e}")))
        };
        let ours = match parts.as_slice() {
            [name] => matches!(
                name.as_str(),
                "summary.json" | "report.md" | "report.html" | "tables.xlsx" | "deck.pptx"
            ),
            [folder, name] if folder == "tables" => ext(name, &["csv"]),
            [folder, name] if folder == "charts" => ext(name, &["png", "svg"]),
            _ => false,
        };
        if !ours {
            return Some(rel.to_path_buf());
        }
    }
    None
}

/// Refuse an `--out` that is a file, or is the input folder, holds it or lies inside it.
pub fn check(input: &Path, out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        bail!(
            "{}: exists and is not a folder; pass --out with the folder reports go into",
            out.display()
        );
    }
    check_apart(input, out)
}

/// Refuse an `--out` that is the input folder, holds it or lies inside it.
fn check_apart(input: &Path, out: &Path) -> Result<()> {
    let (Some(i), Some(o)) = (absolute(input), absolute(out)) else {
        return Ok(());
    };
    let relation = if i == o {
        "is the input folder"
    } else if i.starts_with(&o) {
        "holds the input folder"
    } else if o.starts_with(&i) {
        "lies inside the input folder"
    } else {
        return Ok(());
    };
    bail!(
        "--out {} {relation} {}: a run would write over or beside the exports it reads. Nothing was read or written; pass an --out outside the exports, e.g. a `reports` folder next to them",
        out.display(),
        input.display()
    )
}

/// `path` made absolute with its links resolved, as far as it exists; the rest appended.
fn absolute(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut head = path.to_path_buf();
    loop {
        if let Ok(c) = head.canonicalize() {
            let mut p = c;
            for part in rest.iter().rev() {
                p.push(part);
            }
            return Some(p);
        }
        match (head.file_name(), head.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                head = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => {
                // `..` at the end of a path that does not exist: leave it to the file system.
                if path.components().any(|c| c == Component::ParentDir) {
                    return None;
                }
                return std::env::current_dir().ok().map(|d| d.join(path));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_must_lie_apart_from_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let q = dir.path().join("q");
        let input = q.join("2026Q1");
        fs::create_dir_all(&input).unwrap();
        let e = check_apart(&input, &q).unwrap_err().to_string();
        assert!(e.contains("holds the input folder"), "{e}");
        let e = check_apart(&input, &input).unwrap_err().to_string();
        assert!(e.contains("is the input folder"), "{e}");
        let e = check_apart(&input, &input.join("reports/new"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("lies inside"), "{e}");
        check_apart(&input, &dir.path().join("reports")).unwrap();
        check_apart(&input, &q.join("reports")).unwrap();
    }

    #[test]
    fn a_hand_made_folder_or_a_foreign_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("2026Q1")).unwrap();
        fs::write(dir.path().join("2026Q1/notes.txt"), b"mine").unwrap();
        let e = check_period(dir.path(), "2026Q1").unwrap_err().to_string();
        assert!(e.contains("no journeygap summary.json"), "{e}");
        check_period(dir.path(), "2026Q2").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("elsewhere", dir.path().join("2026Q3")).unwrap();
            let e = check_period(dir.path(), "2026Q3").unwrap_err().to_string();
            assert!(e.contains("a link to elsewhere"), "{e}");
        }
    }

    #[test]
    fn a_report_folder_with_a_file_of_the_users_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("2026Q1");
        fs::create_dir_all(p.join("tables")).unwrap();
        fs::write(
            p.join("summary.json"),
            br#"{"tool":"journeygap","schema_version":1,"tool_version":"0.1.0"}"#,
        )
        .unwrap();
        fs::write(p.join("tables/nps.csv"), b"x").unwrap();
        check_period(dir.path(), "2026Q1").unwrap();
        fs::write(p.join("exports.xlsx"), b"mine").unwrap();
        let e = check_period(dir.path(), "2026Q1").unwrap_err().to_string();
        assert!(e.contains("exports.xlsx"), "{e}");
    }

    #[test]
    fn a_second_run_into_one_out_is_refused_while_the_first_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = OutDir::open(&out).unwrap();
        let e = OutDir::open(&out).err().unwrap().to_string();
        assert!(e.contains("another journeygap run"), "{e}");
        drop(first);
        assert!(
            !out.exists(),
            "a folder the run made and left empty is removed"
        );
        let again = OutDir::open(&out).unwrap();
        fs::write(out.join("kept.txt"), b"x").unwrap();
        drop(again);
        assert!(out.join("kept.txt").exists());
    }
}

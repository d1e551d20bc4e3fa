//! Writing a period folder atomically. Everything is written into a hidden version folder
//! beside it (`.2026Q4.<nonce>`); then `2026Q4`, a symbolic link, is switched to the new version
//! by one `rename`, which replaces the old link atomically. A crash or Ctrl-C at any point leaves
//! either the previous complete folder or the new complete one, never a mix. Stale versions of
//! crashed runs are removed by the next run. [`Staging`] is that version folder while it is
//! written: files go in as they are ready, and it is removed unless committed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::OutputFile;

/// A period folder being written: its hidden version folder, which files go into as they are
/// ready, and which [`Staging::commit`] switches `<out>/<period>` to. Dropped without a
/// commit (an error on the way), it is removed, and the earlier folder stays as it was.
pub struct Staging {
    out: PathBuf,
    period: String,
    nonce: String,
    version: String,
    committed: bool,
}

impl Staging {
    /// Make the hidden version folder of `period` under `out` (and `out` itself if need be).
    pub fn new(out: &Path, period: &str) -> io::Result<Staging> {
        let nonce = nonce();
        let version = format!(".{period}.{nonce}");
        fs::create_dir_all(out.join(&version))?;
        Ok(Staging {
            out: out.to_path_buf(),
            period: period.to_string(),
            nonce,
            version,
            committed: false,
        })
    }

    /// Write these files into the version folder.
    pub fn write(&self, files: &[OutputFile]) -> io::Result<()> {
        write_all(&self.out.join(&self.version), files)
    }

    /// Create one file in the version folder (and its folder), to be written as it is made.
    pub fn create(&self, path: &str) -> io::Result<fs::File> {
        fs::File::create(with_folder(&self.out.join(&self.version), path)?)
    }

    /// Point `<out>/<period>` at the version folder, remove stale versions, and give the
    /// period folder's path.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        // Checked again at the last moment: what is not journeygap's is never replaced.
        super::outdir::check_period(&self.out, &self.period)
            .map_err(|e| io::Error::other(format!("{e:#}")))?;
        switch(&self.out, &self.period, &self.version, &self.nonce)?;
        self.committed = true;
        remove_stale(&self.out, &self.period, &self.version);
        Ok(self.out.join(&self.period))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(self.out.join(&self.version));
        }
    }
}

/// Write one file whole or not at all: a hidden temporary file beside it, then one `rename`.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}", nonce()));
    let written = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Whether `name` is one of this period's version folders (`.2026Q4.<pid>-<nanos>`).
pub fn is_version_name(name: &str, period: &str) -> bool {
    after_period(name, period).is_some_and(is_nonce)
}

/// What follows `.<period>.` in `name`.
fn after_period<'a>(name: &'a str, period: &str) -> Option<&'a str> {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(period))
        .and_then(|n| n.strip_prefix('.'))
}

/// `<pid>-<nanos>`, as [`nonce`] makes it.
fn is_nonce(s: &str) -> bool {
    s.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// Whether `name` is something journeygap makes beside the period while it writes it: a
/// version folder, or the link or old folder of a switch.
fn is_own_name(name: &str, period: &str) -> bool {
    let Some(rest) = after_period(name, period) else {
        return false;
    };
    let rest = rest
        .strip_prefix("link-")
        .or_else(|| rest.strip_prefix("old-"))
        .unwrap_or(rest);
    is_nonce(rest)
}

fn nonce() -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}-{t}", std::process::id())
}

/// Write the files into `dir`, in parallel (`respondents.csv` alone is most of the bytes); the
/// error reported is that of the first file, in the given order, that failed.
fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    use rayon::prelude::*;
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|f| with_folder(dir, &f.path))
        .collect::<io::Result<_>>()?;
    let results: Vec<io::Result<()>> = files
        .par_iter()
        .zip(&paths)
        .map(|(f, path)| fs::write(path, &f.bytes))
        .collect();
    results.into_iter().collect()
}

/// `dir/path`, its folder made if need be.
fn with_folder(dir: &Path, path: &str) -> io::Result<PathBuf> {
    let path = dir.join(path);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    Ok(path)
}

/// Point `<out>/<period>` at the version folder.
#[cfg(unix)]
fn switch(out: &Path, period: &str, version: &str, nonce: &str) -> io::Result<()> {
    let target = out.join(period);
    let link = out.join(format!(".{period}.link-{nonce}"));
    std::os::unix::fs::symlink(version, &link)?;
    let is_real_dir = fs::symlink_metadata(&target)
        .map(|m| m.file_type().is_dir())
        .unwrap_or(false);
    let result = if is_real_dir {
        // A plain folder (written by hand, or by another tool) cannot be swapped in one step.
        let old = out.join(format!(".{period}.old-{nonce}"));
        fs::rename(&target, &old)
            .and_then(|_| fs::rename(&link, &target))
            .map(|_| {
                let _ = fs::remove_dir_all(&old);
            })
    } else {
        fs::rename(&link, &target)
    };
    if result.is_err() {
        let _ = fs::remove_file(&link);
    }
    result
}

/// Without symbolic links: move the old folder aside, move the new one in.
#[cfg(not(unix))]
fn switch(out: &Path, period: &str, version: &str, nonce: &str) -> io::Result<()> {
    let target = out.join(period);
    let old = out.join(format!(".{period}.old-{nonce}"));
    let had_old = target.exists();
    if had_old {
        fs::rename(&target, &old)?;
    }
    if let Err(e) = fs::rename(out.join(version), &target) {
        if had_old {
            let _ = fs::rename(&old, &target);
        }
        return Err(e);
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Remove the versions of this period that the link no longer points at (of crashed runs;
/// another run cannot be writing: the report folder's lock is held). Only names journeygap
/// makes are touched.
fn remove_stale(out: &Path, period: &str, keep: &str) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_own_name(&name, period) && name != keep {
            let p = e.path();
            let _ = if p.is_dir() && !p.is_symlink() {
                fs::remove_dir_all(&p)
            } else {
                fs::remove_file(&p)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write `files` as `<out>/<period>/` in one go, replacing any earlier folder of that
    /// period whole.
    fn write_period(out: &Path, period: &str, files: &[OutputFile]) -> io::Result<PathBuf> {
        let staging = Staging::new(out, period)?;
        staging.write(files)?;
        staging.commit()
    }

    #[test]
    fn replaces_whole_folder_and_leaves_one_version() {
        let dir = tempfile::tempdir().unwrap();
        let a = OutputFile {
            path: "tables/a.csv".into(),
            bytes: b"1".to_vec(),
        };
        let b = OutputFile {
            path: "b.txt".into(),
            bytes: b"2".to_vec(),
        };
        write_period(dir.path(), "2026Q1", &[a.clone(), b]).unwrap();
        write_period(dir.path(), "2026Q1", &[a]).unwrap();
        let p = dir.path().join("2026Q1");
        assert_eq!(fs::read(p.join("tables/a.csv")).unwrap(), b"1");
        assert!(
            !p.join("b.txt").exists(),
            "stale file from the earlier run survived"
        );
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(names[1], "2026Q1");
        assert!(names[0].starts_with(".2026Q1."), "{names:?}");
    }

    #[test]
    fn a_staging_dropped_before_its_commit_leaves_the_earlier_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = |bytes: &[u8]| OutputFile {
            path: "tables/a.csv".into(),
            bytes: bytes.to_vec(),
        };
        write_period(dir.path(), "2026Q1", &[file(b"old")]).unwrap();
        let count = || fs::read_dir(dir.path()).unwrap().count();
        let before = count();
        let staging = Staging::new(dir.path(), "2026Q1").unwrap();
        staging.write(&[file(b"new, half-way")]).unwrap();
        assert_eq!(count(), before + 1, "the hidden version folder");
        drop(staging);
        assert_eq!(count(), before, "removed without its commit");
        let p = dir.path().join("2026Q1/tables/a.csv");
        assert_eq!(fs::read(p).unwrap(), b"old");
    }

    #[test]
    fn a_plain_folder_not_written_by_journeygap_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("2026Q1")).unwrap();
        fs::write(dir.path().join("2026Q1/export.csv"), b"x").unwrap();
        let file = OutputFile {
            path: "new.txt".into(),
            bytes: b"y".to_vec(),
        };
        let e = write_period(dir.path(), "2026Q1", &[file]).unwrap_err();
        assert!(e.to_string().contains("did not write"), "{e}");
        assert_eq!(
            fs::read(dir.path().join("2026Q1/export.csv")).unwrap(),
            b"x"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the staging is gone"
        );
    }

    #[test]
    fn a_plain_report_folder_from_before_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("2026Q1")).unwrap();
        let summary = br#"{"tool":"journeygap","schema_version":1,"tool_version":"0.1.0"}"#;
        fs::write(dir.path().join("2026Q1/summary.json"), summary).unwrap();
        fs::write(dir.path().join("2026Q1/report.md"), b"x").unwrap();
        write_period(
            dir.path(),
            "2026Q1",
            &[OutputFile {
                path: "new.txt".into(),
                bytes: b"y".to_vec(),
            }],
        )
        .unwrap();
        assert!(dir.path().join("2026Q1/new.txt").exists());
        assert!(!dir.path().join("2026Q1/report.md").exists());
    }
}

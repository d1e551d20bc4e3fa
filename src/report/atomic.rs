//! Writing a period folder atomically: everything goes into a hidden sibling folder, which then
//! replaces the period folder by rename. A failure leaves the earlier folder as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::OutputFile;

/// Write `files` as `<out>/<period>/`, replacing any earlier folder of that period whole.
pub fn write_period(out: &Path, period: &str, files: &[OutputFile]) -> io::Result<PathBuf> {
    fs::create_dir_all(out)?;
    let pid = std::process::id();
    let tmp = out.join(format!(".{period}.tmp-{pid}"));
    let old = out.join(format!(".{period}.old-{pid}"));
    let target = out.join(period);
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    if let Err(e) = write_all(&tmp, files) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let had_old = target.exists();
    if had_old {
        if let Err(e) = fs::rename(&target, &old) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    }
    if let Err(e) = fs::rename(&tmp, &target) {
        if had_old {
            let _ = fs::rename(&old, &target);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(target)
}

fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    for f in files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &f.bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_folder_and_leaves_no_temp() {
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
        assert!(p.join("tables/a.csv").exists());
        assert!(
            !p.join("b.txt").exists(),
            "stale file from the earlier run survived"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

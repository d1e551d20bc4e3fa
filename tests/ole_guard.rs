//! The OLE guard (`ingest::ole`) against every real compound file beside the project: it
//! refuses none that calamine reads, and refuses the hostile ones in one pass.

mod common;

use common::*;

/// Compound files whose chains are broken: the guard refuses them (calamine refused them too,
/// with a sector past the end of the file).
const BROKEN: &[&str] = &["hostile-calamine/OOM_alloc3.xls"];

#[test]
fn the_guard_passes_every_sound_real_compound_file() {
    let Some(real) = realdata() else { return };
    let mut refused = Vec::new();
    let mut passed = 0;
    for path in journeygap::ingest::walk_all(&real) {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if !bytes.starts_with(b"\xD0\xCF\x11\xE0") {
            continue;
        }
        let name = path.strip_prefix(&real).unwrap().display().to_string();
        match journeygap::ingest::ole::check(&bytes) {
            Ok(()) => passed += 1,
            Err(e) => refused.push(format!("{name}: {e}")),
        }
    }
    eprintln!("{passed} passed; refused: {refused:#?}");
    assert!(passed > 20, "{passed}");
    let names: Vec<&str> = refused
        .iter()
        .map(|r| r.split(':').next().unwrap())
        .collect();
    assert_eq!(names, BROKEN, "{refused:#?}");
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;

/// A 1.5 KB compound file: the header, one FAT sector and one directory sector whose FAT entry
/// is `dir_next`, the header claiming `fat_len` FAT sectors.
fn compound_file(dir_next: u32, fat_len: u32) -> Vec<u8> {
    let mut b = vec![0u8; 512 * 3];
    let mut put = |at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put(44, fat_len);
    put(48, 1); // the directory starts at sector 1
    put(60, ENDOFCHAIN); // no mini FAT
    put(68, ENDOFCHAIN); // no DIFAT sectors
    put(76, 0); // the FAT is sector 0
    for i in 1..109 {
        put(76 + 4 * i, FREESECT);
    }
    put(512, 0xFFFF_FFFD);
    put(516, dir_next);
    for i in 2..128 {
        put(512 + 4 * i, FREESECT);
    }
    b[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    b[26..28].copy_from_slice(&3u16.to_le_bytes());
    b[30..32].copy_from_slice(&9u16.to_le_bytes());
    b[32..34].copy_from_slice(&6u16.to_le_bytes());
    b
}

/// [`compound_file`] with a third sector, the mini FAT, whose FAT entry points back at it, and
/// a header claiming 2³¹ mini FAT sectors.
fn looping_mini_fat() -> Vec<u8> {
    let mut b = compound_file(ENDOFCHAIN, 1);
    b.extend([0u8; 512]);
    b[60..64].copy_from_slice(&2u32.to_le_bytes());
    b[64..68].copy_from_slice(&(1u32 << 31).to_le_bytes());
    b[520..524].copy_from_slice(&2u32.to_le_bytes());
    b
}

/// The hostile files of the issue, each alone in a folder: `run` names the file and the broken
/// chain and writes nothing (calamine 0.38 alone grows without bound on the first and third).
#[test]
fn a_looping_or_oversized_compound_file_is_refused_by_run() {
    let cases = [
        (
            compound_file(1, 1),
            "the directory chain loops back to sector 1",
        ),
        (
            compound_file(ENDOFCHAIN, 1 << 31),
            "claims 2147483648 FAT sectors",
        ),
        (looping_mini_fat(), "claims 2147483648 mini FAT sectors"),
    ];
    for (bytes, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("exports");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("answers.xls"), &bytes).unwrap();
        let config = root().join("fixtures/demo/journeygap.toml");
        let started = std::time::Instant::now();
        let out = run_with(
            &input,
            &config,
            &dir.path().join("out"),
            &["--period", "2026Q1"],
        )
        .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        eprintln!("{:?}: {err}", started.elapsed());
        assert!(err.contains("answers.xls") && err.contains(says), "{err}");
        assert!(!dir.path().join("out/2026Q1").exists());
    }
}

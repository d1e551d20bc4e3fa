//! A guard for OLE compound files (`.xls`) before calamine reads them.
//!
//! calamine 0.38's `cfb` reader follows sector chains without remembering where it has been:
//! a FAT whose chain points back at itself makes `Sectors::get_chain` append the same sector
//! forever (the directory chain is read with no length limit), and a chain that names a sector
//! past the end of the FAT indexes out of bounds. A 1.5 KB file takes all memory that way.
//! [`check`] walks every chain calamine will walk — the DIFAT, the directory, the mini FAT, the
//! mini stream and each stream's own chain — with a visited set and the file's own sector count
//! as the bound, and checks the header's FAT and mini FAT sector counts against the file's, so a
//! hostile file is refused in one pass over its bytes, before calamine is given it. (A header
//! claiming 2³¹ mini FAT sectors over a mini FAT chain that loops makes calamine read up to a
//! TiB.) Keep it until a calamine release bounds its chains.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
const SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Streams of fewer bytes than this live in the mini stream.
const MINI_CUTOFF: u64 = 4096;
const MINI_SECTOR: usize = 64;

/// Refuse a compound file whose chains loop, leave the file or run past their tables, with
/// the reason. A file that is not a compound file at all is left to calamine's own message.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 512 || &bytes[..8] != SIGNATURE {
        return Ok(());
    }
    let sector = match u16_at(bytes, 30) {
        9 => 512usize,
        12 => 4096,
        _ => return Ok(()), // calamine names the bad sector shift
    };
    let file = File { bytes, sector };
    let n_sectors = file.sectors();
    let fat_len = u32_at(bytes, 44) as usize;
    if fat_len > n_sectors {
        return Err(format!(
            "the header claims {fat_len} FAT sectors, but the file holds {n_sectors} sectors; the file is damaged or hostile"
        ));
    }
    let fat_ids = file.difat(n_sectors)?;
    let mut fat = Vec::with_capacity(fat_ids.len() * sector / 4);
    for id in fat_ids {
        fat.extend(file.sector_words(id)?);
    }
    let dir = file.chain(&fat, u32_at(bytes, 48), "directory")?;
    let dir_bytes = file.gather(&dir);
    let entries: Vec<Entry> = dir_bytes
        .chunks_exact(128)
        .map(|c| Entry::read(c, sector))
        .collect();
    let mini_fat_len = u32_at(bytes, 64) as usize;
    if mini_fat_len > n_sectors {
        // calamine reads the mini FAT chain up to this many sectors' bytes.
        return Err(format!(
            "the header claims {mini_fat_len} mini FAT sectors, but the file holds {n_sectors} sectors; the file is damaged or hostile"
        ));
    }
    let mut mini_fat = Vec::new();
    if mini_fat_len > 0 {
        let chain = file.chain(&fat, u32_at(bytes, 60), "mini FAT")?;
        mini_fat = words(&file.gather(&chain)).collect();
    }
    let Some(root) = entries.first() else {
        return Ok(()); // calamine says the root directory is empty
    };
    let mini_stream = if mini_fat_len > 0 {
        file.chain(&fat, root.start, "mini stream")?.len() * sector / MINI_SECTOR
    } else {
        0
    };
    for (i, e) in entries.iter().enumerate().skip(1) {
        if e.kind != 2 || e.len == 0 {
            continue; // only streams are read
        }
        let what = format!("stream {i}");
        if e.len < MINI_CUTOFF && mini_fat_len > 0 {
            walk(&mini_fat, e.start, mini_stream, &what)?;
        } else {
            file.chain(&fat, e.start, &what)?;
        }
    }
    Ok(())
}

struct File<'a> {
    bytes: &'a [u8],
    sector: usize,
}

impl File<'_> {
    /// The sectors after the header.
    fn sectors(&self) -> usize {
        (self.bytes.len().saturating_sub(self.sector)).div_ceil(self.sector)
    }

    /// The bytes of sector `id` (the last one may be short).
    fn sector_bytes(&self, id: u32) -> Result<&[u8], String> {
        let start = (id as usize + 1) * self.sector;
        if id >= MAX_REGULAR || start >= self.bytes.len() {
            return Err(format!(
                "sector {id} lies past the end of the file; the file is damaged or hostile"
            ));
        }
        Ok(&self.bytes[start..(start + self.sector).min(self.bytes.len())])
    }

    fn sector_words(&self, id: u32) -> Result<impl Iterator<Item = u32> + '_, String> {
        Ok(words(self.sector_bytes(id)?))
    }

    /// The FAT sector ids: the header's 109, then the DIFAT chain's.
    fn difat(&self, n_sectors: usize) -> Result<Vec<u32>, String> {
        let mut ids: Vec<u32> = words(&self.bytes[76..512]).collect();
        let mut next = u32_at(self.bytes, 68);
        let mut seen = vec![false; n_sectors];
        while next < MAX_REGULAR {
            let i = next as usize;
            if i >= n_sectors || seen[i] {
                return Err(format!(
                    "the DIFAT chain {} at sector {next}; the file is damaged or hostile",
                    if i >= n_sectors {
                        "leaves the file"
                    } else {
                        "loops"
                    }
                ));
            }
            seen[i] = true;
            let w: Vec<u32> = self.sector_words(next)?.collect();
            let (last, body) = w.split_last().ok_or("an empty DIFAT sector")?;
            ids.extend_from_slice(body);
            next = *last;
        }
        ids.retain(|&id| id < MAX_REGULAR);
        if ids.len() > n_sectors {
            return Err(format!(
                "{} FAT sectors named in a file of {n_sectors} sectors; the file is damaged or hostile",
                ids.len()
            ));
        }
        Ok(ids)
    }

    /// The sectors of the chain from `start` in `fat`, checked.
    fn chain(&self, fat: &[u32], start: u32, what: &str) -> Result<Vec<u32>, String> {
        walk(fat, start, self.sectors(), what)
    }

    fn gather(&self, chain: &[u32]) -> Vec<u8> {
        let mut out = Vec::with_capacity(chain.len() * self.sector);
        for &id in chain {
            if let Ok(b) = self.sector_bytes(id) {
                out.extend_from_slice(b);
            }
        }
        out
    }
}

/// Follow a chain in `table` from `start`: every link inside the table and below `limit`,
/// none visited twice.
fn walk(table: &[u32], start: u32, limit: usize, what: &str) -> Result<Vec<u32>, String> {
    let mut chain = Vec::new();
    let mut seen = vec![false; table.len().min(limit)];
    let mut id = start;
    while id != ENDOFCHAIN {
        if id == FREESECT && chain.is_empty() {
            break; // an empty stream
        }
        let i = id as usize;
        if i >= seen.len() {
            return Err(format!(
                "the {what} chain names sector {id}, outside the file's {} sectors; the file is damaged or hostile",
                seen.len()
            ));
        }
        if seen[i] {
            return Err(format!(
                "the {what} chain loops back to sector {id}; the file is damaged or hostile"
            ));
        }
        seen[i] = true;
        chain.push(id);
        id = table[i];
    }
    Ok(chain)
}

struct Entry {
    kind: u8,
    start: u32,
    len: u64,
}

impl Entry {
    fn read(c: &[u8], sector: usize) -> Entry {
        let len = if sector == 512 {
            u64::from(u32_at(c, 120))
        } else {
            u64::from(u32_at(c, 120)) | (u64::from(u32_at(c, 124)) << 32)
        };
        Entry {
            kind: c[66],
            start: u32_at(c, 116),
            len,
        }
    }
}

fn words(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compound file of 512-byte sectors: one FAT sector (sector 0), one directory sector
    /// (sector 1) whose FAT entry is `dir_next`, and `fat_len` in the header.
    fn cfb(dir_next: u32, fat_len: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(SIGNATURE);
        b[26..28].copy_from_slice(&3u16.to_le_bytes());
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[32..34].copy_from_slice(&6u16.to_le_bytes());
        b[44..48].copy_from_slice(&fat_len.to_le_bytes());
        b[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory starts at sector 1
        b[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        b[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        for i in 0..109 {
            let v = if i == 0 { 0 } else { FREESECT };
            b[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let fat = 512;
        let mut put =
            |i: usize, v: u32| b[fat + 4 * i..fat + 4 * i + 4].copy_from_slice(&v.to_le_bytes());
        put(0, 0xFFFF_FFFD); // the FAT sector itself
        put(1, dir_next);
        for i in 2..128 {
            put(i, FREESECT);
        }
        b
    }

    #[test]
    fn a_sound_chain_passes() {
        assert_eq!(check(&cfb(ENDOFCHAIN, 1)), Ok(()));
    }

    #[test]
    fn a_chain_pointing_back_at_itself_is_refused() {
        let e = check(&cfb(1, 1)).unwrap_err();
        assert!(e.contains("loops back to sector 1"), "{e}");
    }

    #[test]
    fn a_chain_leaving_the_file_is_refused() {
        let e = check(&cfb(90, 1)).unwrap_err();
        assert!(e.contains("outside the file"), "{e}");
    }

    #[test]
    fn a_header_claiming_two_to_the_31_fat_sectors_is_refused() {
        let e = check(&cfb(ENDOFCHAIN, 1 << 31)).unwrap_err();
        assert!(e.contains("claims 2147483648 FAT sectors"), "{e}");
    }

    #[test]
    fn not_a_compound_file_is_left_to_calamine() {
        assert_eq!(check(b"hello"), Ok(()));
    }
}

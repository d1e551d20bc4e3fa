//! Duplicate responses: the latest per respondent id is kept. A platform's response id (or a
//! counter) marks duplicates only within its own export; where such an export also has a
//! person's id (an e-mail, a contact id) the respondent id field matched, that marks them,
//! within the export and across exports alike.

use rayon::prelude::*;

use super::outcome::{Outcome, TableInfo};
use super::store::Chunk;

/// Keep the latest response per respondent id (by response date, then file order); the others
/// are excluded as duplicates.
pub(super) fn mark_duplicates(chunks: &mut [Chunk], tables: &[TableInfo]) {
    use std::hash::{Hash, Hasher};
    // The key a response is compared by: the person's id where there is one, else the
    // respondent id (within its export when it numbers the export's responses).
    let person = |c: u32, l: u32| {
        chunks
            .get(c as usize)
            .and_then(|ch| ch.ids.get(3 * l as usize + 2))
    };
    let id_of = |c: u32, l: u32| {
        person(c, l).or_else(|| {
            chunks
                .get(c as usize)
                .and_then(|ch| ch.ids.get(3 * l as usize))
        })
    };
    let resp = |c: u32, l: u32| {
        chunks
            .get(c as usize)
            .and_then(|ch| ch.respondents.get(l as usize))
    };
    // A table whose ids number its own responses: its ids are compared within it only.
    let per_export = |table: u32| tables.get(table as usize).is_some_and(|t| t.ids_per_export);
    let scope = |c: u32, l: u32| {
        resp(c, l)
            .map(|r| r.table)
            .filter(|&t| per_export(t) && person(c, l).is_none())
    };
    // (hash of the id, chunk, position) of every response with an id that is not excluded,
    // sorted: equal ids end up side by side, in file order. 16 bytes a response, where a map
    // from id to response took 80. SipHash, not the fast hash: a run of equal hashes is split
    // by comparing texts, which ids made to collide would make quadratic.
    let mut keys: Vec<(u64, u32, u32)> = chunks
        .par_iter()
        .flat_map_iter(|c| {
            c.respondents
                .iter()
                .enumerate()
                .filter(|(_, r)| !matches!(r.outcome, Outcome::Excluded(_)))
                .filter_map(|(i, r)| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    match c.ids.get(3 * i + 2) {
                        Some(person) => person.hash(&mut h),
                        None => {
                            c.ids.get(3 * i)?.hash(&mut h);
                            if per_export(r.table) {
                                r.table.hash(&mut h);
                            }
                        }
                    }
                    Some((h.finish(), r.chunk, r.local))
                })
        })
        .collect();
    keys.par_sort_unstable();
    let mut marks = Vec::new();
    for run in keys.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        // Usually one id per hash; split the run by id text all the same.
        type At = (u32, u32); // (chunk, position)
        let mut left: Vec<At> = run.iter().map(|k| (k.1, k.2)).collect();
        while let Some(&(c0, l0)) = left.first() {
            let id = (id_of(c0, l0), scope(c0, l0));
            let (same, rest): (Vec<At>, Vec<At>) = left
                .iter()
                .partition(|&&(c, l)| (id_of(c, l), scope(c, l)) == id);
            left = rest;
            if same.len() < 2 {
                continue;
            }
            // The latest response (by date, then file order) is kept.
            let Some(&(kc, kl)) = same
                .iter()
                .max_by_key(|&&(c, l)| (resp(c, l).and_then(|r| r.date), c, l))
            else {
                continue;
            };
            let Some(kept) = resp(kc, kl) else { continue };
            let at = match tables.get(kept.table as usize) {
                Some(t) => format!("{} row {}", t.label(), kept.row),
                None => format!("row {}", kept.row),
            };
            for &(c, l) in same.iter().filter(|&&k| k != (kc, kl)) {
                marks.push(((c, l), format!("duplicate (kept {at})")));
            }
        }
    }
    drop(keys);
    for ((c, l), reason) in marks {
        if let Some(r) = chunks
            .get_mut(c as usize)
            .and_then(|c| c.respondents.get_mut(l as usize))
        {
            r.outcome = Outcome::Excluded(reason);
            r.guess = None;
        }
    }
}

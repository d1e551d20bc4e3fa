//! The keys that find a column's earlier copy of a cell fast: short texts as four words
//! ([`ShortKey`]), texts by key or by text ([`TextIds`]), and 256 slots by a byte
//! ([`ByteSlots`]) for one-byte texts and the whole numbers 0 to 255.

use std::collections::HashMap;

use crate::FxBuildHasher;

/// The ids of a column's texts: a text of at most [`ShortKey::MAX`] bytes by its bytes as
/// words, a longer one by its text.
#[derive(Debug, Default, Clone)]
pub(crate) struct TextIds {
    pub(crate) short: HashMap<ShortKey, u32, FxBuildHasher>,
    pub(crate) long: HashMap<Box<str>, u32, FxBuildHasher>,
}

impl TextIds {
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        match ShortKey::of(s.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(s).copied(),
        }
    }

    /// [`TextIds::get`] of a text given as its bytes (read as text only when long).
    pub(crate) fn get_bytes(&self, b: &[u8]) -> Option<u32> {
        match ShortKey::of(b) {
            Some(key) => self.short.get(&key).copied(),
            None => std::str::from_utf8(b).ok().and_then(|s| self.get(s)),
        }
    }

    pub(crate) fn insert(&mut self, s: &str, id: u32) {
        match ShortKey::of(s.as_bytes()) {
            Some(key) => self.short.insert(key, id),
            None => self.long.insert(s.into(), id),
        };
    }
}

/// Ids by a byte, 256 slots, made on the first id set.
#[derive(Debug, Default, Clone)]
pub(crate) struct ByteSlots(Vec<u32>);

impl ByteSlots {
    /// `u32::MAX` marks an empty slot.
    pub(crate) const EMPTY: u32 = u32::MAX;

    pub(crate) fn get(&self, k: u8) -> Option<u32> {
        self.0
            .get(usize::from(k))
            .copied()
            .filter(|&id| id != Self::EMPTY)
    }

    pub(crate) fn set(&mut self, k: u8, id: u32) {
        self.0.resize(256, Self::EMPTY);
        if let Some(slot) = self.0.get_mut(usize::from(k)) {
            *slot = id;
        }
    }
}

/// A text of at most [`ShortKey::MAX`] bytes as four words: its bytes, zero-padded, with its
/// length in the last byte. Most cells of a survey column are short (ratings, options, codes),
/// and such a key is found again by comparing four words, not by hashing and comparing bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShortKey([u64; 4]);

impl ShortKey {
    pub(crate) const MAX: usize = 31;

    pub(crate) fn of(b: &[u8]) -> Option<ShortKey> {
        if b.len() > Self::MAX {
            return None;
        }
        let mut buf = [0u8; 32];
        buf[..b.len()].copy_from_slice(b);
        buf[31] = b.len() as u8;
        let mut words = [0u64; 4];
        for (w, chunk) in words.iter_mut().zip(buf.chunks_exact(8)) {
            let mut x = [0u8; 8];
            x.copy_from_slice(chunk);
            *w = u64::from_le_bytes(x);
        }
        Some(ShortKey(words))
    }
}

impl std::hash::Hash for ShortKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let [a, b, c, d] = self.0;
        h.write_u64(a ^ b.rotate_left(16) ^ c.rotate_left(32) ^ d.rotate_left(48));
    }
}

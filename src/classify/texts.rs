//! Respondent ids, panel keys and the person ids of platform exports, three per respondent,
//! in one text buffer instead of heap strings each (a million respondents' ids are tens of megabytes, not a hundred).

/// Texts of respondents in index order: respondent `i` has entries `2i` (its id) and `2i + 1`
/// (its panel key).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    buf: String,
    /// End of each entry in `buf`, with [`NONE`] set for an absent one.
    ends: Vec<u64>,
}

/// Marks an absent entry in [`Texts::ends`].
const NONE: u64 = 1 << 63;

impl Texts {
    pub fn with_capacity(entries: usize) -> Texts {
        Texts {
            buf: String::new(),
            ends: Vec::with_capacity(entries),
        }
    }

    pub fn push(&mut self, t: Option<&str>) {
        let end = match t {
            Some(t) => {
                self.buf.push_str(t);
                self.buf.len() as u64
            }
            None => self.buf.len() as u64 | NONE,
        };
        self.ends.push(end);
    }

    /// The `i`-th entry.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        if end & NONE != 0 {
            return None;
        }
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] & !NONE,
        };
        self.buf.get(start as usize..end as usize)
    }

    /// Add every entry of `other` after these.
    pub fn append(&mut self, other: &Texts) {
        let offset = self.buf.len() as u64;
        self.buf.push_str(&other.buf);
        self.ends.extend(other.ends.iter().map(|&e| {
            let flag = e & NONE;
            ((e & !NONE) + offset) | flag
        }));
    }

    pub fn shrink_to_fit(&mut self) {
        self.buf.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_as_pushed_and_appended() {
        let mut a = Texts::default();
        a.push(Some("R_1"));
        a.push(None);
        a.push(Some(""));
        let mut b = Texts::default();
        b.push(None);
        b.push(Some("ACC-9"));
        a.append(&b);
        let got: Vec<Option<&str>> = (0..6).map(|i| a.get(i)).collect();
        assert_eq!(
            got,
            [Some("R_1"), None, Some(""), None, Some("ACC-9"), None]
        );
    }
}

//! The table of short function words: each word's language bits, looked up by the word's
//! bytes as numbers (most words of a text are short, and this lookup is done for every one).

/// Longest function word, in bytes, kept in [`ShortWords`] (longer ones: a hash map).
pub(super) const SHORT: usize = 16;

/// The function words of at most [`SHORT`] bytes with their language bits: an open-addressing
/// table keyed by the word's bytes as two little-endian numbers and its length (no string
/// hashing or comparison for the words of a text, most of which are short).
#[derive(Debug)]
pub(super) struct ShortWords {
    slots: Vec<Slot>,
    /// 64 minus log2 of the number of slots.
    shift: u32,
}

/// A word of [`ShortWords`]: its key and `len << 16 | mask` (0: an empty slot, for a stored
/// word has a language).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    tag: u32,
}

impl ShortWords {
    /// A table for up to `n` words, at most a quarter full.
    pub(super) fn with_capacity(n: usize) -> Self {
        let size = (4 * n).next_power_of_two().max(16);
        ShortWords {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// Where the probe for a word with bytes `(lo, hi)` starts (words that differ only in
    /// length, by trailing zero bytes, share a probe sequence).
    #[inline]
    fn start(&self, lo: u64, hi: u64) -> usize {
        let mix = (lo ^ hi.rotate_left(32)).wrapping_mul(crate::kernels::GOLDEN);
        (mix >> self.shift) as usize
    }

    /// Adds language bits `mask` (not 0) to the word `w` (at most SHORT bytes).
    pub(super) fn add(&mut self, w: &[u8], mask: u16) {
        let (lo, hi) = match w.split_first_chunk::<8>() {
            Some((lo, rest)) => (u64::from_le_bytes(*lo), crate::matcher::load8(rest, 0)),
            None => (crate::matcher::load8(w, 0), 0),
        };
        // SHORT < 2^16: the length fits its half of the tag.
        let len = w.len() as u32;
        let wrap = self.slots.len() - 1;
        let mut i = self.start(lo, hi);
        loop {
            let s = &mut self.slots[i];
            if s.tag == 0 || (s.lo == lo && s.hi == hi && s.tag >> 16 == len) {
                *s = Slot {
                    lo,
                    hi,
                    tag: len << 16 | s.tag & 0xFFFF | u32::from(mask),
                };
                return;
            }
            i = (i + 1) & wrap;
        }
    }

    /// The language bits of the word of `len` bytes whose first eight bytes are `lo` and
    /// next eight `hi` (little-endian, zeros past its end: with the length, this says which
    /// word it is); 0 when it is none's.
    #[inline]
    pub(super) fn get(&self, lo: u64, hi: u64, len: usize) -> u16 {
        let wrap = self.slots.len().wrapping_sub(1);
        let mut i = self.start(lo, hi);
        // The probe stays inside the table and ends at an empty slot (there are many).
        while let Some(s) = self.slots.get(i) {
            if s.tag == 0 {
                return 0;
            }
            // (A stored word of at most eight bytes has hi 0.)
            if s.lo == lo && (s.tag >> 16) as usize == len && (len <= 8 || s.hi == hi) {
                return s.tag as u16;
            }
            i = (i + 1) & wrap;
        }
        0
    }
}

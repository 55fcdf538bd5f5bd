//! The table of short function words: each word's language bits, looked up by the word's
//! bytes as numbers (most words of a text are short, and this lookup is done for every one).

use crate::kernels::{OpenKey, OpenMap, GOLDEN};
use std::num::NonZeroU16;

/// Longest function word, in bytes, kept in [`ShortWords`] (longer ones: a hash map).
pub(super) const SHORT: usize = 16;

/// The function words of at most [`SHORT`] bytes with their language bits: a
/// [`crate::kernels::OpenMap`] keyed by the word's bytes as two little-endian numbers and its
/// length (no string hashing or comparison for the words of a text, most of which are short).
#[derive(Debug)]
pub(super) struct ShortWords(OpenMap<Short, u16>);

/// A word of [`ShortWords`]: its first eight bytes and next eight (little-endian, zeros past
/// its end) and its length (with the length, the bytes say which word it is; no word is
/// empty, so an empty slot of the map costs no room: `Option<(Short, u16)>` is 24 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Short {
    lo: u64,
    hi: u64,
    len: NonZeroU16,
}

impl OpenKey for Short {
    /// (Words that differ only in length, by trailing zero bytes, share a probe sequence.)
    #[inline]
    fn hash(&self) -> u64 {
        (self.lo ^ self.hi.rotate_left(32)).wrapping_mul(GOLDEN)
    }
}

impl ShortWords {
    /// A table for up to `n` words, at most a quarter full.
    pub(super) fn with_capacity(n: usize) -> Self {
        ShortWords(OpenMap::with_capacity(n))
    }

    /// Adds language bits `mask` (not 0) to the word `w` (1 to SHORT bytes).
    pub(super) fn add(&mut self, w: &[u8], mask: u16) {
        let (lo, hi) = match w.split_first_chunk::<8>() {
            Some((lo, rest)) => (u64::from_le_bytes(*lo), crate::matcher::load8(rest, 0)),
            None => (crate::matcher::load8(w, 0), 0),
        };
        // (SHORT < 2^16: the length fits.)
        let Some(len) = NonZeroU16::new(w.len() as u16) else {
            return;
        };
        let key = Short { lo, hi, len };
        let old = self.0.get(&key).unwrap_or(0);
        self.0.insert(key, old | mask);
    }

    /// The language bits of the word of `len` bytes whose first eight bytes are `lo` and
    /// next eight `hi` (little-endian, zeros past its end); 0 when it is none's.
    #[inline]
    pub(super) fn get(&self, lo: u64, hi: u64, len: usize) -> u16 {
        let Some(len) = NonZeroU16::new(len as u16) else {
            return 0;
        };
        self.0.get(&Short { lo, hi, len }).unwrap_or(0)
    }
}

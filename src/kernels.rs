//! Small shared tools of the rules' gates: the one multiplicative hash and a fixed-size bit
//! set (a "may contain" filter over small numbers). A rule asks a bit set before a real
//! lookup; a clear bit means "certainly not", a set bit only "maybe".

/// 2^64 divided by the golden ratio (Fibonacci hashing): multiplying by it spreads nearby
/// keys over the high bits. The one hash constant of the crate.
pub const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The top `bits` bits (1–63) of `x` multiplied by [`GOLDEN`]: an index into a table of
/// `2^bits` entries.
#[inline(always)]
pub fn spread(x: u64, bits: u32) -> usize {
    (x.wrapping_mul(GOLDEN) >> (64 - bits)) as usize
}

/// A set of the numbers below `64 * N`, one bit each; a number at or above is taken modulo
/// `64 * N` (so the set becomes a filter: "maybe" for every number sharing its bit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet<const N: usize>([u64; N]);

impl<const N: usize> Default for BitSet<N> {
    fn default() -> Self {
        BitSet([0; N])
    }
}

impl<const N: usize> BitSet<N> {
    /// How many numbers the set holds apart (its bits).
    pub const BITS: usize = 64 * N;

    /// The set of every number (a filter that rules nothing out).
    pub fn full() -> Self {
        BitSet([u64::MAX; N])
    }

    /// Adds `i` (modulo [`Self::BITS`]).
    #[inline]
    pub fn insert(&mut self, i: usize) {
        let i = i % Self::BITS;
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// True when `i` (modulo [`Self::BITS`]) was added.
    #[inline(always)]
    pub fn contains(&self, i: usize) -> bool {
        let i = i % Self::BITS;
        self.0[i / 64] >> (i % 64) & 1 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::{spread, BitSet};

    #[test]
    fn a_bit_set_holds_what_was_added_and_nothing_else() {
        let mut s = BitSet::<2>::default();
        for i in [0, 5, 63, 64, 127] {
            s.insert(i);
        }
        for i in 0..128 {
            assert_eq!(s.contains(i), [0, 5, 63, 64, 127].contains(&i), "{i}");
        }
        // Numbers past the end share the bit of their remainder.
        assert!(s.contains(128 + 5));
        assert!(!s.contains(128 + 6));
        assert!((0..1000).all(|i| BitSet::<2>::full().contains(i)));
    }

    #[test]
    fn spread_stays_inside_the_table() {
        for bits in [1, 10, 16, 32, 63] {
            for x in [0u64, 1, 2, 12345, u64::MAX] {
                assert!(spread(x, bits) < 1 << bits, "{x} {bits}");
            }
        }
        // Neighbouring keys land apart.
        assert_ne!(spread(1, 16), spread(2, 16));
    }
}

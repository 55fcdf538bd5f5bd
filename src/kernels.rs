//! Small shared tools of the rules' gates: the one multiplicative hash, a fixed-size bit
//! set (a "may contain" filter over small numbers) and a small open-addressing map for keys
//! with a cheap hash of their own. A rule asks a bit set before a real lookup; a clear bit
//! means "certainly not", a set bit only "maybe".

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

/// A key of an [`OpenMap`]: a small `Copy` value with a hash of its own, cheaper than hashing
/// every byte (its top bits choose the slot, so it should be spread, e.g. by [`GOLDEN`]).
pub trait OpenKey: Copy + Eq {
    /// The key's hash.
    fn hash(&self) -> u64;
}

/// A map from small keys to small values: open addressing with linear probing, the entries
/// stored in the slots themselves (a lookup reads one slot, and usually stops there), at most
/// half full (it doubles when more is added). For the per-word tables that are asked about
/// every word of a text, where a general hash map's byte-by-byte hashing would dominate.
#[derive(Debug, Clone)]
pub struct OpenMap<K, V> {
    slots: Vec<Option<(K, V)>>,
    /// Number of entries.
    len: usize,
    /// 64 minus log2 of the number of slots: `hash >> shift` is a slot.
    shift: u32,
}

impl<K: OpenKey, V: Copy> OpenMap<K, V> {
    /// A map for `n` entries without growing, at most a quarter full with them (the probes of
    /// a miss stay short).
    pub fn with_capacity(n: usize) -> Self {
        let size = (4 * n).next_power_of_two().max(16);
        OpenMap {
            slots: vec![None; size],
            len: 0,
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The slot holding `key`, or the empty one where it goes.
    #[inline]
    fn slot(&self, key: &K) -> usize {
        let wrap = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        // The probe ends: there is always an empty slot.
        while let Some((k, _)) = &self.slots[i] {
            if k == key {
                break;
            }
            i = (i + 1) & wrap;
        }
        i
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &K) -> Option<V> {
        self.slots[self.slot(key)].map(|(_, v)| v)
    }

    /// Sets the value of `key`, replacing the one it had.
    pub fn insert(&mut self, key: K, value: V) {
        let i = self.slot(&key);
        if self.slots[i].is_none() {
            self.len += 1;
        }
        self.slots[i] = Some((key, value));
        if self.len * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![None; size]);
            self.shift -= 1;
            for (k, v) in old.into_iter().flatten() {
                let i = self.slot(&k);
                self.slots[i] = Some((k, v));
            }
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::{spread, BitSet, OpenKey, OpenMap};

    /// A key whose hash is itself: colliding keys are easy to make.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    struct Raw(u64, u8);

    impl OpenKey for Raw {
        fn hash(&self) -> u64 {
            self.0
        }
    }

    #[test]
    fn an_open_map_keeps_every_key_apart_through_collisions_and_growth() {
        let mut m = OpenMap::with_capacity(2);
        // Keys of one hash, differing only in their second part, and many more: the map
        // grows past its first size several times.
        for i in 0..1000u64 {
            m.insert(Raw((i / 8) << 40, i as u8), i);
        }
        assert_eq!(m.len(), 1000);
        for i in 0..1000u64 {
            assert_eq!(m.get(&Raw((i / 8) << 40, i as u8)), Some(i), "{i}");
        }
        assert_eq!(m.get(&Raw(0, 9)), None);
        assert_eq!(m.get(&Raw(5000 << 40, 0)), None);
        // Inserting a key again replaces its value.
        m.insert(Raw(0, 0), 7);
        assert_eq!((m.get(&Raw(0, 0)), m.len()), (Some(7), 1000));
        assert!(OpenMap::<Raw, u8>::with_capacity(0).is_empty());
    }

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

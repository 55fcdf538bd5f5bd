//! Shared matching helpers: phrase lists compiled into one aho-corasick automaton, matched
//! case-insensitively at word boundaries. Rules that look phrases up use these, never a regex
//! per phrase.

use crate::kernels::BitSet;
use crate::text::Word;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use std::ops::{Range, RangeInclusive};

/// True when `range` of `text` neither starts nor ends inside a word.
pub fn at_word_boundaries(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.start..].chars().next();
    let last = text[..range.end].chars().next_back();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let starts_inside = inner(before) && inner(first);
    let ends_inside = inner(after) && inner(last);
    !starts_inside && !ends_inside
}

/// Bytes tested together by [`any_byte`], [`byte_classes`] and [`byte_positions`].
const BLOCK: usize = 32;

/// Calls `f` on the blocks of `text` to test together until it returns true: its 32-byte
/// blocks, then one more for the rest. The last block overlaps the one before it (or, in a
/// text shorter than a block, repeats the first byte): a union over bytes does not change
/// when a byte is counted twice.
#[inline(always)]
fn any_block(text: &[u8], mut f: impl FnMut(&[u8; BLOCK]) -> bool) -> bool {
    let mut full = text.chunks_exact(BLOCK);
    if full.any(|b| b.first_chunk().is_some_and(&mut f)) {
        return true;
    }
    if full.remainder().is_empty() {
        return false;
    }
    match text.last_chunk::<BLOCK>() {
        Some(b) => f(b),
        None => {
            let mut b = [text[0]; BLOCK];
            b[..text.len()].copy_from_slice(text);
            f(&b)
        }
    }
}

/// True when `pred` holds for some byte of `text`. The bytes are tested 32 at a time without
/// branching inside a block, which the compiler turns into vector instructions: a scan costs a
/// fraction of an instruction per byte. `pred` must be branch-free (combine comparisons with
/// `|` and `&`, not `||` and `&&`).
#[inline(always)]
pub fn any_byte(text: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    any_block(text, |b| block_any(b, &pred))
}

/// The union of `class(b)` (a bit set) over the bytes of `text`, computed like [`any_byte`]:
/// one vectorized pass tells which kinds of bytes a text has. `class` must be branch-free.
#[inline(always)]
pub fn byte_classes(text: &[u8], class: impl Fn(u8) -> u8) -> u8 {
    // One accumulator per lane, folded once at the end.
    let mut acc = [0u8; BLOCK];
    any_block(text, |b| {
        for (a, &c) in acc.iter_mut().zip(b) {
            *a |= class(c);
        }
        false
    });
    acc.iter().fold(0, |a, &c| a | c)
}

/// True when `pred` holds for a byte of `block` (vectorized: no branch inside; not inlined,
/// where the compiler vectorizes it worse).
#[inline(never)]
fn block_any(block: &[u8; BLOCK], pred: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(0u8, |acc, &c| acc | u8::from(pred(c))) != 0
}

/// Bit `k`: `pred` holds for `block[k]`. The tests are vectorized ([`block_ones`]); each
/// group of eight results becomes eight bits by one multiplication.
#[inline(always)]
fn mask32(block: &[u8; BLOCK], pred: impl Fn(u8) -> bool) -> u32 {
    let ones = block_ones(block, pred);
    ones.chunks_exact(8).rev().fold(0, |m, g| {
        let x = g.first_chunk::<8>().map_or(0, |&g| u64::from_le_bytes(g));
        m << 8 | (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    })
}

/// Byte `k`: 1 when `pred` holds for `block[k]`, else 0 (vectorized: not inlined, where the
/// compiler would mix it with the rest of [`mask32`] and test byte by byte).
#[inline(never)]
fn block_ones(block: &[u8; BLOCK], pred: impl Fn(u8) -> bool) -> [u8; BLOCK] {
    let mut ones = [0u8; BLOCK];
    for (o, &c) in ones.iter_mut().zip(block) {
        *o = u8::from(pred(c));
    }
    ones
}

/// The positions of the bytes of `text` for which `pred` holds, in order. Blocks of 32 bytes
/// without one are skipped by a vectorized test (see [`any_byte`]); `pred` must be
/// branch-free.
pub fn byte_positions<P: Fn(u8) -> bool>(text: &[u8], pred: P) -> BytePositions<'_, P> {
    BytePositions {
        text,
        pred,
        next: 0,
        base: 0,
        mask: 0,
    }
}

/// True when `f(i)` holds for a position `i` of `text` whose byte satisfies `pred`: a plain
/// loop for a short text, [`byte_positions`] for a longer one.
#[inline]
fn any_position(text: &[u8], pred: impl Fn(u8) -> bool, mut f: impl FnMut(usize) -> bool) -> bool {
    if text.len() < BLOCK {
        (0..text.len()).any(|i| pred(text[i]) && f(i))
    } else {
        byte_positions(text, pred).any(f)
    }
}

/// The indices of the set bits of a word mask (bit `k` for word `k`), in increasing order.
#[derive(Debug, Clone, Copy)]
pub struct Bits(pub u64);

impl Iterator for Bits {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let k = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(k)
    }
}

/// Iterator of [`byte_positions`].
#[derive(Debug, Clone)]
pub struct BytePositions<'a, P> {
    text: &'a [u8],
    pred: P,
    /// Start of the next block to test.
    next: usize,
    /// Start of the block `mask` describes.
    base: usize,
    /// Bit `k`: `pred` holds for the byte at `base + k` (not yet returned).
    mask: u32,
}

impl<P: Fn(u8) -> bool> Iterator for BytePositions<'_, P> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let start = self.next;
            let len = self.text.len();
            if start >= len {
                return None;
            }
            self.next = start + BLOCK;
            // A whole block; or the last 32 bytes, without the positions already seen; or a
            // short text, padded (the padding masked off).
            let mut padded = [0u8; BLOCK];
            let (base, block, keep) = if start + BLOCK <= len {
                (start, &self.text[start..start + BLOCK], u32::MAX)
            } else if len >= BLOCK {
                let from = len - BLOCK;
                (from, &self.text[from..], u32::MAX << (start - from))
            } else {
                padded[..len].copy_from_slice(self.text);
                (0, &padded[..], (1u32 << len) - 1)
            };
            let block = block.first_chunk::<BLOCK>()?;
            if block_any(block, &self.pred) {
                self.base = base;
                self.mask = mask32(block, &self.pred) & keep;
            }
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

/// A test for some phrases of a [`PhraseSet`] (made by [`PhraseSet::filter`]): where they
/// may match.
#[derive(Debug, Clone)]
pub struct PhraseFilter {
    starts: Starts,
}

impl PhraseFilter {
    /// False when no match of these phrases that [`PhraseSet::find`] yields in the sentence
    /// has its first letter or digit at a byte in `at` (a match without letters or digits
    /// counts anywhere). Much cheaper than `find`: most positions are ruled out by their first
    /// bytes, the rest by a search of the set's automaton there (which may find another
    /// phrase of the set: then the answer is true, which is never wrong).
    ///
    /// Why it is exact: a match `find` yields does not start inside a word
    /// ([`at_word_boundaries`]). If its phrase starts with a letter or digit, the character
    /// before it is not one, so the match starts a word of the sentence, or follows an
    /// apostrophe or a combining mark that the tokenizer keeps inside a word (both found by
    /// their bytes: `'` and non-ASCII). Those positions in `at` are tested. A phrase that
    /// starts otherwise ("(continued)") is tested at every position of its first byte from
    /// which its first letter could fall in `at`.
    pub fn may_match(&self, sentence: &Candidates<'_>, at: RangeInclusive<usize>) -> bool {
        self.starts.may_match(sentence, at)
    }
}

/// A sentence as [`PhraseSet::may_match`] reads it: its text, its words
/// ([`crate::text::words`]) and whether it has a byte after which a phrase could start
/// inside a word (an apostrophe or a non-ASCII character), found once for every call.
#[derive(Debug, Clone, Copy)]
pub struct Candidates<'a> {
    text: &'a str,
    words: &'a [Word],
    joins: bool,
}

impl<'a> Candidates<'a> {
    /// `words` must be the words of `text`.
    pub fn new(text: &'a str, words: &'a [Word]) -> Self {
        let joins = any_byte(text.as_bytes(), |c| (c == b'\'') | (c >= 0x80));
        Candidates { text, words, joins }
    }
}

/// A list of phrases, each with a value, matched case-insensitively (ASCII letters; other
/// letters in the case the phrase gives, its lower-case and its capitalized form) at word
/// boundaries, leftmost-longest.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    ac: Option<AhoCorasick>,
    values: Vec<V>,
    starts: Starts,
}

/// Where the phrases of a [`PhraseSet`] can start, to rule out most positions of a text
/// before the automaton looks at them ([`PhraseSet::may_match`]).
#[derive(Debug, Clone)]
struct Starts {
    /// Bit sets of 2^16 bits over the first bytes of the phrases ([`fold8`], hashed):
    /// [`T2`], [`T3`]: all bytes of the phrases of 2 and 3 bytes; [`T4`]: the first 4 bytes
    /// of the longer ones; [`T4_7`]: the first 4 bytes of those of 4–7 bytes (all their
    /// bytes are tested by the automaton); [`T8`]: the first 8 bytes of those of 8 bytes or
    /// more.
    tables: Box<[BitSet<TABLE_WORDS>; 5]>,
    /// Some phrase has 2 or 3 bytes.
    short: bool,
    /// The automaton of the set (shared), to test a position that passes the tables.
    ac: Option<AhoCorasick>,
    /// First bytes of the phrases that start with a character that is neither a letter nor a
    /// digit (such a match can start anywhere, not only at a word).
    odd: Vec<u8>,
    /// Most bytes before the first letter or digit in such a phrase (`usize::MAX` when one
    /// has none).
    odd_lead: usize,
    /// Most runs of letters and digits in one phrase ("Read the full article" has four).
    max_runs: usize,
    /// Some phrase is shorter than two bytes: every position is possible.
    off: bool,
}

/// 64-bit words of each table of [`Starts::tables`]: 2^16 bits, [`prefix_index`]'s range.
const TABLE_WORDS: usize = (1 << 16) / 64;

const T2: usize = 0;
const T3: usize = 1;
const T4: usize = 2;
const T4_7: usize = 3;
const T8: usize = 4;

/// Eight bytes (little-endian) with bit 5 set in each: ASCII letters in lower case, as the
/// automaton compares them. Other bytes can change too (`@` becomes `` ` ``), which only
/// makes the test coarser: bytes the automaton takes as equal stay equal.
#[inline(always)]
fn fold8(x: u64) -> u64 {
    x | 0x2020_2020_2020_2020
}

/// The bit of the first `len` bytes of `x` (folded) in a table of 2^16 bits.
#[inline(always)]
fn prefix_index(x: u64, len: usize) -> usize {
    let key = if len >= 8 {
        x
    } else {
        x & ((1 << (8 * len)) - 1)
    };
    crate::kernels::spread(key, 16)
}

/// Up to eight bytes of `b` from `p` as a little-endian number (zeros past the end).
#[inline(always)]
pub fn load8(b: &[u8], p: usize) -> u64 {
    let n = b.len();
    match b.get(p..).and_then(|r| r.first_chunk::<8>()) {
        Some(&w) => u64::from_le_bytes(w),
        // The last eight bytes, shifted down to start at `p`.
        None if n >= 8 && p < n => {
            let w = b[n - 8..]
                .first_chunk::<8>()
                .map_or(0, |&w| u64::from_le_bytes(w));
            w >> (8 * (p - (n - 8)))
        }
        None => load_short(b.get(p..).unwrap_or_default()),
    }
}

/// Fewer than eight bytes as a little-endian number (zeros past the end); from four bytes on, by
/// two overlapping loads (the overlapping bytes are the same bytes: or-ing them changes
/// nothing).
#[inline]
fn load_short(b: &[u8]) -> u64 {
    match *b {
        [] => 0,
        [x] => u64::from(x),
        [x, y] => u64::from(u16::from_le_bytes([x, y])),
        [x, y, z] => u64::from(u16::from_le_bytes([x, y])) | u64::from(z) << 16,
        _ => match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(&first), Some(&last)) => {
                u64::from(u32::from_le_bytes(first))
                    | u64::from(u32::from_le_bytes(last)) << (8 * (b.len() - 4))
            }
            _ => 0,
        },
    }
}

impl Starts {
    fn new(pats: &[String], ac: Option<AhoCorasick>) -> Self {
        let mut st = Starts {
            ac,
            tables: Box::new(std::array::from_fn(|_| BitSet::default())),
            short: false,
            odd: Vec::new(),
            odd_lead: 0,
            max_runs: 0,
            off: false,
        };
        for p in pats {
            let b = p.as_bytes();
            let x = fold8(load8(b, 0));
            let mut set = |t: usize, len: usize| {
                st.tables[t].insert(prefix_index(x, len));
            };
            match b.len() {
                0 | 1 => st.off = true,
                2 => set(T2, 2),
                3 => set(T3, 3),
                4..=7 => {
                    set(T4, 4);
                    set(T4_7, 4);
                }
                _ => {
                    set(T4, 4);
                    set(T8, 8);
                }
            }
            st.short |= (2..4).contains(&b.len());
            if !p.starts_with(char::is_alphanumeric) {
                if let Some(&first) = b.first() {
                    if !st.odd.contains(&first) {
                        st.odd.push(first);
                    }
                }
                let lead = p.find(char::is_alphanumeric).unwrap_or(usize::MAX);
                st.odd_lead = st.odd_lead.max(lead);
            }
            let mut runs = 0;
            let mut inside = false;
            for c in p.chars() {
                let a = c.is_alphanumeric();
                runs += usize::from(a && !inside);
                inside = a;
            }
            st.max_runs = st.max_runs.max(runs);
        }
        st
    }

    /// True when the first `len` bytes of `x` may start a phrase of table `t`.
    #[inline(always)]
    fn hit(&self, t: usize, x: u64, len: usize) -> bool {
        self.tables[t].contains(prefix_index(x, len))
    }

    /// True when some phrase matches `b` at `p` (ASCII letters in either case).
    #[inline(always)]
    fn matches_at(&self, b: &[u8], p: usize) -> bool {
        // The first bytes (eight, four, or all of a shorter phrase) rule out most positions.
        let Some(&w) = b.get(p..).and_then(|r| r.first_chunk::<8>()) else {
            return self.matches_near_end(b, p);
        };
        let x = fold8(u64::from_le_bytes(w));
        let long = self.hit(T4, x, 4) && (self.hit(T4_7, x, 4) || self.hit(T8, x, 8));
        let short = self.short && (self.hit(T2, x, 2) || self.hit(T3, x, 3));
        (long || short) && self.walk(b, p)
    }

    /// See [`PhraseFilter::may_match`].
    fn may_match(&self, sentence: &Candidates<'_>, at: RangeInclusive<usize>) -> bool {
        if self.ac.is_none() {
            return false;
        }
        if self.off {
            return true;
        }
        let st = self;
        let (b, words) = (sentence.text.as_bytes(), sentence.words);
        let matches_at = |p: usize| st.matches_at(b, p);
        let (lo, hi) = (*at.start(), (*at.end()).min(b.len()));
        if lo <= hi {
            let first = if lo == 0 {
                0
            } else {
                words.partition_point(|w| w.start < lo)
            };
            let last = if hi == b.len() {
                words.len()
            } else {
                words.partition_point(|w| w.start <= hi)
            };
            if st.any_word(b, &words[first..last.max(first)]) {
                return true;
            }
            // After an apostrophe or a non-ASCII character (a combining mark, or "’"): the
            // bytes in `lo - 1 .. hi`.
            if sentence.joins {
                let from = lo.saturating_sub(1);
                let joins = |c: u8| (c == b'\'') | (c >= 0x80);
                if any_position(&b[from..hi], joins, |q| {
                    from + q + 1 >= lo && matches_at(from + q + 1)
                }) {
                    return true;
                }
            }
        }
        if st.odd.is_empty() {
            return false;
        }
        // A phrase starting otherwise has its first letter at most `odd_lead` bytes after its
        // start (or none: then anywhere).
        let (from, to) = if st.odd_lead == usize::MAX {
            (0, b.len())
        } else {
            (
                lo.saturating_sub(st.odd_lead),
                hi.max(lo.saturating_sub(st.odd_lead)),
            )
        };
        st.odd
            .iter()
            .any(|&o| any_position(&b[from..to], |c| c == o, |q| matches_at(from + q)))
    }

    /// True when some phrase matches `b` at the start of one of `words`.
    #[inline(never)]
    fn any_word(&self, b: &[u8], words: &[Word]) -> bool {
        if self.short {
            return words.iter().any(|w| self.matches_at(b, w.start));
        }
        // No phrase of 2 or 3 bytes: the four-byte test alone.
        words.iter().any(|w| {
            let p = w.start;
            let Some(&x) = b.get(p..).and_then(|r| r.first_chunk::<8>()) else {
                return self.matches_near_end(b, p);
            };
            let x = fold8(u64::from_le_bytes(x));
            self.hit(T4, x, 4) && (self.hit(T4_7, x, 4) || self.hit(T8, x, 8)) && self.walk(b, p)
        })
    }

    /// [`Starts::matches_at`] for the last seven bytes of `b`.
    #[inline(never)]
    fn matches_near_end(&self, b: &[u8], p: usize) -> bool {
        let rest = b.len().saturating_sub(p);
        let x = fold8(load8(b, p));
        let possible = rest >= 2 && self.hit(T2, x, 2)
            || rest >= 3 && self.hit(T3, x, 3)
            || rest >= 4 && self.hit(T4_7, x, 4);
        possible && self.walk(b, p)
    }

    /// True when some phrase matches `b` at `p`: the leftmost match in the window of the
    /// longest phrase from `p` starts at `p` exactly when one does. (The automaton is built
    /// for unanchored searches only: a small set then gets a DFA.)
    #[inline(never)]
    fn walk(&self, b: &[u8], p: usize) -> bool {
        let Some(ac) = &self.ac else {
            return true;
        };
        let end = b.len().min(p + ac.max_pattern_len());
        ac.find(Input::new(b).range(p..end))
            .is_some_and(|m| m.start() == p)
    }
}

impl<V: Clone> PhraseSet<V> {
    /// Builds the set from `(phrase, value)` pairs. Empty phrases are skipped.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut pats: Vec<String> = Vec::new();
        let mut values = Vec::new();
        for (p, v) in pairs {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            for f in forms(p) {
                pats.push(f);
                values.push(v.clone());
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .ok()
        };
        let starts = Starts::new(&pats, ac.clone());
        PhraseSet { ac, values, starts }
    }

    /// Most runs of letters and digits in one phrase ("Read the full article" has four): a
    /// match that ends after the last letter or digit of a text starts at or after the first
    /// letter of its last `max_runs` words.
    pub fn max_runs(&self) -> usize {
        self.starts.max_runs
    }

    /// False when no match that [`PhraseSet::find`] yields in the sentence has its first
    /// letter or digit at a byte in `at` (a match without letters or digits counts anywhere).
    /// Much cheaper than `find`: see [`PhraseFilter::may_match`].
    pub fn may_match(&self, sentence: &Candidates<'_>, at: RangeInclusive<usize>) -> bool {
        self.starts.may_match(sentence, at)
    }

    /// A [`PhraseFilter`] for some of the phrases of the set (as given to
    /// [`PhraseSet::new`]), sharing its automaton.
    pub fn filter<'a>(&self, phrases: impl IntoIterator<Item = &'a str>) -> PhraseFilter {
        let pats: Vec<String> = phrases
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .flat_map(forms)
            .collect();
        PhraseFilter {
            starts: Starts::new(&pats, self.ac.clone()),
        }
    }

    /// Every match at word boundaries: `(range, value)`, left to right, not overlapping.
    pub fn find<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (Range<usize>, &'s V)> + 's {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .filter(move |m| at_word_boundaries(text, m.range()))
            .map(move |m| (m.range(), &self.values[m.pattern().as_usize()]))
    }

    /// The match covering the whole of `text` (trimmed of surrounding punctuation), if any.
    pub fn whole<'s>(&'s self, text: &'s str) -> Option<&'s V> {
        let t = text.trim_matches(|c: char| !c.is_alphanumeric());
        let off = text.find(t).unwrap_or(0);
        self.find(text)
            .find(|(r, _)| r.start == off && r.end == off + t.len())
            .map(|(_, v)| v)
    }

    /// True when the set has no phrases.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// The forms of a phrase (trimmed, not empty) that a [`PhraseSet`] matches, each with ASCII
/// letters in any case: the phrase as given and, when it is not ASCII, its lower-case and
/// capitalized forms.
pub fn forms(p: &str) -> Vec<String> {
    let mut forms = vec![p.to_string()];
    if !p.is_ascii() {
        forms.push(p.to_lowercase());
        forms.push(capitalize(&p.to_lowercase()));
    }
    forms.sort();
    forms.dedup();
    forms
}

/// A regex compiled on first use. Unicode-class regexes cost milliseconds to compile; a rule
/// whose cheap prefilter rarely passes should not pay that at start-up.
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    re: std::sync::OnceLock<Option<regex::Regex>>,
}

impl LazyRegex {
    /// Checks that `pattern` parses (cheap) and defers compiling it.
    pub fn new(pattern: String) -> Result<Self, regex::Error> {
        regex_syntax::Parser::new()
            .parse(&pattern)
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(LazyRegex {
            pattern,
            re: std::sync::OnceLock::new(),
        })
    }

    /// The compiled regex (`None` only if it exceeds the regex size limits).
    pub fn get(&self) -> Option<&regex::Regex> {
        self.re
            .get_or_init(|| regex::Regex::new(&self.pattern).ok())
            .as_ref()
    }
}

/// Upper-cases the first character.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_scans_agree_with_plain_loops() {
        let text: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
        for len in 0..text.len() {
            for start in [0, 1, 5] {
                let t = &text[start.min(len)..len];
                let pred = |c: u8| (c % 7 == 3) & (c > 100);
                assert_eq!(any_byte(t, pred), t.iter().any(|&c| pred(c)));
                let class = |c: u8| (1u8 << (c % 8)) & ((c > 200) as u8 * 0xFF);
                assert_eq!(
                    byte_classes(t, class),
                    t.iter().fold(0, |a, &c| a | class(c))
                );
                let got: Vec<usize> = byte_positions(t, pred).collect();
                let want: Vec<usize> = (0..t.len()).filter(|&i| pred(t[i])).collect();
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn may_match_never_misses_a_match() {
        let phrases = [
            "Share",
            "Read more:",
            "To the homepage",
            "By",
            "(continued)",
            "Übersicht",
            "Читайте также:",
            "l'accueil",
            "Leave a Reply",
            "e-mail",
            "« Voir",
            "* * *",
        ];
        let set = PhraseSet::new(phrases.iter().enumerate().map(|(i, &p)| (p, i)));
        // A filter for every other phrase.
        let half = set.filter(phrases.iter().step_by(2).copied());
        let pieces = [
            "share",
            "SHARE",
            "Share",
            "shares",
            "read",
            "more",
            ":",
            " ",
            " ",
            " ",
            "to",
            "the",
            "homepage",
            "by",
            "By",
            "(",
            "continued",
            ")",
            "übersicht",
            "ÜBERSICHT",
            "Читайте",
            "также",
            "l'",
            "accueil",
            "’",
            "'",
            "leave",
            "a",
            "reply",
            "e",
            "-",
            "mail",
            "x",
            "\u{301}",
            "“",
            "”",
            ".",
            "9",
            "«",
            "voir",
            "*",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut found, mut said) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let words = crate::text::words(&text);
            let (lo, hi) = (next(text.len() + 1), next(text.len() + 1));
            let range = lo.min(hi)..=lo.max(hi);
            let counts = |r: &Range<usize>| {
                let m = &text[r.clone()];
                m.find(char::is_alphanumeric)
                    .is_none_or(|i| range.contains(&(r.start + i)))
            };
            let want = set.find(&text).any(|(r, _)| counts(&r));
            let c = Candidates::new(&text, &words);
            let got = set.may_match(&c, range.clone());
            assert!(got || !want, "{text:?} {range:?}");
            let want_half = set.find(&text).any(|(r, &i)| i % 2 == 0 && counts(&r));
            assert!(
                half.may_match(&c, range.clone()) || !want_half,
                "{text:?} {range:?}"
            );
            found += usize::from(want);
            said += usize::from(got);
        }
        // The test texts hit phrases often; the prefilter is coarser ("shares" starts with
        // "share") but still rules out most texts.
        assert!(found > 1000 && said < found * 4, "{found} {said}");
    }

    #[test]
    fn word_boundaries() {
        assert!(at_word_boundaries("a share b", 2..7));
        assert!(!at_word_boundaries("shares", 0..5));
        assert!(!at_word_boundaries("timeshare", 4..9));
    }

    #[test]
    fn phrases_match_case_insensitively_at_boundaries() {
        let set = PhraseSet::new([("read more", 1), ("Übersicht", 2)]);
        let t = "READ MORE here; übersicht; readmore; Read moreover";
        let found: Vec<_> = set.find(t).map(|(r, &v)| (&t[r], v)).collect();
        assert_eq!(found, vec![("READ MORE", 1), ("übersicht", 2)]);
        assert_eq!(set.whole("  Read more » "), Some(&1));
        assert_eq!(set.whole("Read more about it"), None);
    }
}

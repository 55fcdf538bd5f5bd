//! Spellings compared letter by letter: the lower-case [`Letters`] of a form, their first
//! letter class and letter bits, and the Damerau–Levenshtein distance that pairs two
//! spellings of one name (Kazakhstan / Kazakstan).

use super::forms::{Form, Forms};
use super::NameVariant;
use crate::lexicon::WordFreq;
use std::ops::Range;

/// The lower-case letters of a form of five letters or more, for the comparison by edit
/// distance: an ASCII form's are the bytes of its `lower` (its ASCII lower case), the others'
/// are in a buffer of characters.
struct Letters {
    form: usize,
    /// [`letter_class`] of the first letter.
    class: char,
    /// Number of letters.
    len: usize,
    /// [`letter_bits`] of the letters.
    bits: u64,
    /// In the buffer, for a form that is not ASCII.
    chars: Option<Range<usize>>,
    /// The next entry of its class ([`NameVariant::close_pairs`]).
    next: usize,
}

impl Letters {
    /// The letters of `names` that have five or more, in that order, and the buffer.
    fn of(forms: &[Form<'_>], names: impl Iterator<Item = usize>) -> (Vec<Letters>, Vec<char>) {
        let mut chars: Vec<char> = Vec::new();
        let mut entries: Vec<Letters> = Vec::with_capacity(forms.len());
        for n in names {
            let form = &forms[n];
            let (first, len, bits, range) = if form.ascii {
                let l = form.lower.as_bytes();
                if l.len() < 5 {
                    continue;
                }
                // (`letter_bits` of the bytes as characters.)
                let bits = l.iter().fold(0, |m, &b| m | 1 << (b % 64));
                (char::from(l[0]), l.len(), bits, None)
            } else {
                let start = chars.len();
                chars.extend(form.text.to_lowercase().chars());
                let l = &chars[start..];
                if l.len() < 5 {
                    chars.truncate(start);
                    continue;
                }
                (
                    l[0],
                    l.len(),
                    letter_bits(l.iter().copied()),
                    Some(start..chars.len()),
                )
            };
            entries.push(Letters {
                form: n,
                class: letter_class(first),
                len,
                bits,
                chars: range,
                next: usize::MAX,
            });
        }
        (entries, chars)
    }
}

/// Most distinct capitalized forms compared by edit distance in one document.
pub(super) const MAX_EDIT_FORMS: usize = 20_000;

/// A first letter class: letters that transliterations swap count as one.
#[inline]
fn letter_class(c: char) -> char {
    let c = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match c {
        'w' | 'v' => 'v',
        'j' | 'y' | 'i' => 'y',
        's' | 'z' => 's',
        'c' | 'k' => 'k',
        o => o,
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance, or `max + 1` when larger.
fn distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    // Three rows of `b.len() + 1` cells: on the stack for a name (in one buffer otherwise).
    let n = b.len();
    let mut stack = [0usize; 3 * 33];
    let mut heap = Vec::new();
    let cells: &mut [usize] = if 3 * (n + 1) <= stack.len() {
        &mut stack[..3 * (n + 1)]
    } else {
        heap.resize(3 * (n + 1), 0);
        &mut heap
    };
    let (prev2, rest) = cells.split_at_mut(n + 1);
    let (mut prev, mut cur) = rest.split_at_mut(n + 1);
    let mut prev2 = prev2;
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

/// The letters of a word as bits (`c mod 64`). One edit step (insertion, deletion,
/// substitution, transposition) adds at most one bit and removes at most one, so two words
/// within distance `d` differ in at most `2 d` bits: a test before [`distance`].
fn letter_bits(w: impl Iterator<Item = char>) -> u64 {
    w.fold(0, |m, c| m | 1 << (u32::from(c) % 64))
}

/// True when the lower-case letters `la` and `lc` (`lc` not shorter) are a name spelled two
/// ways: not one the other's beginning, not one stem with different endings, and within edit
/// distance 1 (2 from nine letters). `bits` is the difference of their [`letter_bits`].
fn close<T: PartialEq>(la: &[T], lc: &[T], bits: u64) -> bool {
    // Each test drops the pair; the cheap ones come first.
    let common = la.iter().zip(lc).take_while(|(p, q)| p == q).count();
    if common == la.len() {
        return false;
    }
    // Different endings of at most two letters on one stem are inflections and derivations
    // (Koreas / Korean, Zelensky / Zelenska, Heraclitus / Heraclitan).
    if la.len() - common <= 2 && lc.len() - common <= 2 {
        return false;
    }
    let max = if la.len().min(lc.len()) >= 9 { 2 } else { 1 };
    bits.count_ones() as usize <= 2 * max && distance(la, lc, max) <= max
}

/// A lower-case word with British and American spelling differences levelled
/// (Rumours / Rumors, Organisation / Organization, Centre / Center): such pairs are spelling
/// conventions, not names spelled two ways.
fn us_uk(w: &str) -> String {
    w.replace("our", "or")
        .replace("ise", "ize")
        .replace("isa", "iza")
        .replace("yse", "yze")
        .replace("tre", "ter")
        .replace("ogue", "og")
        .replace("ll", "l")
        .replace("ae", "e")
        .replace("oe", "e")
}

impl NameVariant {
    /// Pairs of spellings at a small edit distance, within first-letter classes, both ways, in
    /// an order of their own (the order decides nothing: see [`NameVariant::dominant`]): the
    /// forms are chained by first-letter class, and only forms of one class are compared,
    /// without sorting.
    pub(super) fn close_pairs(
        &self,
        f: &Forms<'_>,
        en: &WordFreq,
        related: &mut Vec<(usize, usize, bool)>,
    ) {
        let (mut entries, chars) = Letters::of(&f.forms, 0..f.forms.len());
        // The entries of a class (its code mod 64) in a chain through `next`, from `heads`.
        let mut heads = [usize::MAX; 64];
        for (k, e) in entries.iter_mut().enumerate() {
            let h = e.class as usize % 64;
            e.next = heads[h];
            heads[h] = k;
        }
        for head in heads {
            let mut a = head;
            while a != usize::MAX {
                let mut b = entries[a].next;
                while b != usize::MAX {
                    let (x, y) = (&entries[a], &entries[b]);
                    b = y.next;
                    if x.class != y.class || x.len.abs_diff(y.len) > 2 {
                        continue;
                    }
                    // The shorter first (on equal lengths either: the test is symmetric).
                    let (x, y) = if x.len <= y.len { (x, y) } else { (y, x) };
                    if self.close_pair(&f.forms, &chars, x, y, en) {
                        related.push((x.form, y.form, true));
                        related.push((y.form, x.form, true));
                    }
                }
                a = entries[a].next;
            }
        }
    }

    /// True when the forms of `x` and `y` (of one class, `y` not shorter, at most two letters
    /// longer) are one name spelled two ways: [`close`], not both known English spellings, not
    /// a British and an American spelling.
    fn close_pair(
        &self,
        forms: &[Form<'_>],
        chars: &[char],
        x: &Letters,
        y: &Letters,
        en: &WordFreq,
    ) -> bool {
        // (What `close` tests last, on the letter bits and by the distance, first: most pairs
        // fail it.)
        let bits = x.bits ^ y.bits;
        let max = if x.len.min(y.len) >= 9 { 2 } else { 1 };
        if y.len - x.len > max || bits.count_ones() as usize > 2 * max {
            return false;
        }
        let letters = |e: &Letters| -> Vec<char> {
            match &e.chars {
                Some(r) => chars[r.clone()].to_vec(),
                None => forms[e.form].lower.chars().collect(),
            }
        };
        let close = match (&x.chars, &y.chars) {
            (None, None) => close(
                forms[x.form].lower.as_bytes(),
                forms[y.form].lower.as_bytes(),
                bits,
            ),
            _ => close(&letters(x), &letters(y), bits),
        };
        if !close {
            return false;
        }
        let (fx, fy) = (&forms[x.form], &forms[y.form]);
        if self.known(fx, en) && self.known(fy, en) {
            return false;
        }
        let lower = |e: &Letters| letters(e).into_iter().collect::<String>();
        us_uk(&lower(x)) != us_uk(&lower(y))
    }
}

//! The spellings of a document: the capitalized words collected with where they occur
//! ([`Forms`]), the table from spelling to form ([`Spellings`]), and the checks that decide
//! which occurrences count.

use super::{NameVariant, Tables};
use crate::kernels::{OpenKey, OpenMap};
use crate::lexicon::WordFreq;
use crate::sentence::{Context, Sentence};
use crate::text::{capital_at, char_len, is_capitalized, lower};
use crate::translit::{all_caps, has_apostrophe, next_capital, EXCEPTION_WORD, PHRASE_WORD};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;

/// One spelling: how often it occurs, where (a chain through [`Occurrence::next`]), and what
/// the tables say about it.
#[derive(Debug)]
pub(super) struct Form<'a> {
    pub(super) text: &'a str,
    /// `lower(text)`.
    pub(super) lower: Cow<'a, str>,
    /// `text` is ASCII.
    pub(super) ascii: bool,
    pub(super) count: u32,
    pub(super) first: usize,
    pub(super) last: usize,
    /// The English count of the word at its first occurrence (0 when that had a possessive):
    /// more than 0 means that the English word list has `lower`.
    pub(super) en_count: u32,
    pub(super) tables: Option<&'a Tables>,
}

impl Form<'_> {
    /// True when the English word list has the form's lower-case form.
    pub(super) fn in_english(&self, en: &WordFreq) -> bool {
        self.en_count > 0 || en.contains(&self.lower)
    }

    /// `text.to_lowercase()`, compared without allocating for ASCII forms.
    pub(super) fn same_lower(&self, other: &Form<'_>) -> bool {
        if self.ascii && other.ascii {
            self.text.eq_ignore_ascii_case(other.text)
        } else {
            self.text.to_lowercase() == other.text.to_lowercase()
        }
    }
}

/// Where a spelling occurs: word `word` of sentence `sentence` (positions in
/// `Context::sentences`), its first `len` bytes (without a possessive).
#[derive(Debug)]
pub(super) struct Occurrence {
    pub(super) sentence: usize,
    pub(super) word: usize,
    pub(super) len: usize,
    /// The next occurrence of the same spelling (`usize::MAX` at the end).
    pub(super) next: usize,
}

/// The spellings of one document.
pub(super) struct Forms<'a> {
    pub(super) forms: Vec<Form<'a>>,
    pub(super) occurrences: Vec<Occurrence>,
    pub(super) sentences: &'a [crate::sentence::Sentence<'a>],
    /// Some form is in `variants.tsv`; some form is not ASCII.
    pub(super) variants: bool,
    pub(super) non_ascii: bool,
}

impl<'a> Forms<'a> {
    /// The occurrences of form `f`, in document order.
    pub(super) fn places(&self, f: usize) -> impl Iterator<Item = &Occurrence> + '_ {
        let mut k = self.forms[f].first;
        std::iter::from_fn(move || {
            let o = self.occurrences.get(k)?;
            k = o.next;
            Some(o)
        })
    }

    /// Capitalized words right before (first names, titles) and right after (surnames) the
    /// occurrences of form `f`.
    fn neighbours(&self, f: usize, fw: &FxHashSet<String>) -> (Vec<&'a str>, Vec<&'a str>) {
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for o in self.places(f) {
            let s = &self.sentences[o.sentence];
            let (i, w) = (o.word, &s.words[o.word]);
            // Neighbouring names: capitalized, not function words, not opening the sentence.
            let name_at = |k: usize| -> Option<&'a str> {
                let n = s.words.get(k)?;
                let nt = base(n.text(s.text));
                let gap = if k < i {
                    &s.text[n.end..w.start]
                } else {
                    &s.text[w.end..n.start]
                };
                (k > 0
                    && is_capitalized(nt)
                    && gap.chars().all(|c| c == ' ')
                    && !fw.contains(lower(nt).as_ref()))
                .then_some(nt)
            };
            before.extend(i.checked_sub(1).and_then(name_at));
            after.extend(name_at(i + 1));
        }
        (before, after)
    }

    /// The pairs of forms that occur (counted) and are not two people.
    pub(super) fn pairs(
        &self,
        pairs: &[(usize, usize, bool)],
        fw: &FxHashSet<String>,
    ) -> Vec<(usize, usize)> {
        pairs
            .iter()
            .filter(|&&(a, b, people)| {
                self.forms[a].count > 0
                    && self.forms[b].count > 0
                    && !(people && self.different_people(a, b, fw))
            })
            .map(|&(a, b, _)| (a, b))
            .collect()
    }

    /// True when both spellings have neighbouring names and none is shared: two people
    /// (Helmut Schmidt, Carl Schmitt; Sergei Lavrov, Sergey Brin).
    fn different_people(&self, a: usize, b: usize, fw: &FxHashSet<String>) -> bool {
        let (ab, aa) = self.neighbours(a, fw);
        let (bb, ba) = self.neighbours(b, fw);
        let disjoint = |x: &[&str], y: &[&str]| {
            !x.is_empty() && !y.is_empty() && !x.iter().any(|w| y.contains(w))
        };
        disjoint(&ab, &bb) || disjoint(&aa, &ba)
    }
}

/// In the table of spellings ([`NameVariant::collect`]): a capitalized common word, no form.
pub(super) const COMMON: usize = usize::MAX;

/// The form spelled `text`, from the table of [`NameVariant::collect`].
pub(super) fn form_of(index: &Spellings<'_>, text: &str) -> Option<usize> {
    index.get(text).filter(|&f| f != COMMON)
}

/// The table of spellings of [`NameVariant::collect`]: spelling → form number (or
/// [`COMMON`]), a [`crate::kernels::OpenMap`] asked about every capitalized word.
pub(super) struct Spellings<'a>(OpenMap<Spelling<'a>, usize>);

/// A spelling's bytes, as a key of [`Spellings`]: its hash is its first and last eight bytes
/// (or four) and its length, a few instructions instead of hashing every byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Spelling<'a>(&'a [u8]);

impl OpenKey for Spelling<'_> {
    #[inline]
    fn hash(&self) -> u64 {
        let t = self.0;
        let n = t.len();
        let word = |i: usize| {
            t[i..i + 8]
                .iter()
                .rev()
                .fold(0u64, |x, &b| x << 8 | u64::from(b))
        };
        let half = |i: usize| {
            t[i..i + 4]
                .iter()
                .rev()
                .fold(0u64, |x, &b| x << 8 | u64::from(b))
        };
        let x = if n >= 8 {
            word(0) ^ word(n - 8).rotate_left(29)
        } else if n >= 4 {
            half(0) | half(n - 4) << 32
        } else {
            t.iter().fold(0u64, |x, &b| x << 8 | u64::from(b))
        };
        (x ^ n as u64).wrapping_mul(crate::kernels::GOLDEN)
    }
}

impl<'a> Spellings<'a> {
    /// An empty table, room for 32 spellings before it grows.
    pub(super) fn new() -> Self {
        Spellings(OpenMap::with_capacity(32))
    }

    /// The value of spelling `t`.
    fn get(&self, t: &str) -> Option<usize> {
        self.0.get(&Spelling(t.as_bytes()))
    }

    /// The value of the spelling with bytes `t`.
    fn find(&self, t: &[u8]) -> Option<usize> {
        self.0.get(&Spelling(t))
    }

    /// Adds spelling `t` with value `v`.
    fn insert(&mut self, t: &'a str, v: usize) {
        self.0.insert(Spelling(t.as_bytes()), v);
    }
}

/// Whether all bytes of `b` are ASCII, and whether one of them is `'`: one vectorized pass.
fn ascii_and_quote(b: &[u8]) -> (bool, bool) {
    let k = crate::matcher::byte_classes(b, |c| u8::from(c >= 0x80) | (u8::from(c == b'\'') << 1));
    (k & 1 == 0, k & 2 != 0)
}

/// [`ascii_and_quote`] of the `len` bytes of `text` from `start`: a word of up to sixteen
/// bytes (most) is tested eight bytes at a time, read from the text around it.
fn ascii_and_quote_at(text: &[u8], start: usize, len: usize) -> (bool, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let load = |at: usize| text.get(at..at + 8).and_then(|b| b.first_chunk::<8>());
    // The high bits, and where `x` has a quote (`x ^ 0x27…` has a zero byte: the usual test, which
    // is exact for "some byte").
    let test = |x: u64| {
        let q = x ^ (ONES * u64::from(b'\''));
        (x & HIGH, q.wrapping_sub(ONES) & !q & HIGH)
    };
    let (high, quote) = match (load(start), len) {
        (Some(&x), 1..=8) => {
            // The bytes after the word become `A`: ASCII, no quote.
            let keep = u64::MAX >> (64 - 8 * len);
            test(u64::from_le_bytes(x) & keep | (ONES * u64::from(b'A')) & !keep)
        }
        (Some(&x), 9..=16) => match load(start + len - 8) {
            Some(&y) => {
                let (h1, q1) = test(u64::from_le_bytes(x));
                let (h2, q2) = test(u64::from_le_bytes(y));
                (h1 | h2, q1 | q2)
            }
            None => return ascii_and_quote(&text[start..start + len]),
        },
        _ => return ascii_and_quote(&text[start..start + len]),
    };
    (high == 0, quote != 0)
}

/// The base form of a word: possessive `'s` / `’s` / `'S` / `’S` removed.
fn base(w: &str) -> &str {
    &w[..base_len(w.as_bytes())]
}

/// The length of [`base`] of the word with bytes `b`.
fn base_len(b: &[u8]) -> usize {
    let n = b.len();
    if n >= 2 && matches!(b[n - 1], b's' | b'S') {
        if b[n - 2] == b'\'' {
            return n - 2;
        }
        // `’` is E2 80 99 in UTF-8.
        if n >= 4 && b[n - 4..n - 1] == [0xE2, 0x80, 0x99] {
            return n - 4;
        }
    }
    n
}

impl NameVariant {
    /// The spellings of the document: capitalized words of four letters or more, in the order
    /// of their first occurrence; `index` gets their numbers. With `checked`, only the
    /// occurrences that count ([`NameVariant::counts`]) and no capitalized common words of the
    /// document (`index` has them as [`COMMON`]); without, every capitalized word is a
    /// candidate and [`NameVariant::keep_counted`] makes the checks later, for the spellings
    /// that matter.
    pub(super) fn collect<'a>(
        &'a self,
        cx: &Context<'a>,
        fw: &FxHashSet<String>,
        index: &mut Spellings<'a>,
        checked: bool,
    ) -> Forms<'a> {
        let mut forms: Vec<Form<'a>> = Vec::with_capacity(64);
        let mut occurrences: Vec<Occurrence> = Vec::with_capacity(128);
        for (si, s) in cx.sentences.iter().enumerate() {
            if s.lang_detected && s.lang != cx.target {
                continue;
            }
            // The exception phrases are looked up once per sentence, when a word needs them.
            let mut ranges: Option<Vec<Range<usize>>> = None;
            let text = s.text.as_bytes();
            let mut next = 0;
            loop {
                // Most words fail here: a capital letter (the base form starts with the word's
                // first letter), letters only, four of them at least (bytes ≥ letters).
                let i = next_capital(text, s.words, next);
                let Some(w) = s.words.get(i) else {
                    break;
                };
                next = i + 1;
                if w.end - w.start < 4 || !w.alpha || !capital_at(s.text, w.start) {
                    continue;
                }
                // The word's bytes without a possessive; a `&str` is made only for a new
                // spelling (or a word that is not ASCII).
                let bytes = &text[w.start..w.end];
                let tlen = base_len(bytes);
                if tlen < 4 {
                    continue;
                }
                let tb = &bytes[..tlen];
                let t = || &s.text[w.start..w.start + tlen];
                // (`all_caps`: a lower-case ASCII second byte says no at once.)
                if !tb[1].is_ascii_lowercase() && all_caps(t()) {
                    continue;
                }
                // An ASCII word without `'`: bytes are letters, and no apostrophe (`’` is not
                // ASCII). Other words are looked at closely.
                let (ascii, quote) = ascii_and_quote_at(text, w.start, tlen);
                if (ascii && quote) || (!ascii && (char_len(t()) < 4 || has_apostrophe(t()))) {
                    continue;
                }
                // `lower(t)`: the word's lower-case form, without the possessive (lower-casing
                // an ASCII letter does not depend on the letters around it).
                let facts = &s.facts[i];
                let possessive = tlen != bytes.len();
                let lt = || -> Cow<'a, str> {
                    let lower_whole = s.lower(i);
                    if !possessive {
                        Cow::Borrowed(lower_whole)
                    } else if ascii {
                        Cow::Borrowed(&lower_whole[..tlen])
                    } else {
                        lower(t())
                    }
                };
                if checked && !self.counts(s, i, t(), &lt(), fw, &mut ranges) {
                    continue;
                }
                let f = match index.find(tb) {
                    // Seen before: a form, or (checked) a common word of the document
                    // capitalized.
                    Some(COMMON) => continue,
                    Some(f) => f,
                    None => {
                        let (t, lt) = (t(), lt());
                        // (Checked: the lower-case form occurs, looked up once per spelling.)
                        if checked && cx.doc_count(&lt) > 0 {
                            index.insert(t, COMMON);
                            continue;
                        }
                        forms.push(Form {
                            text: t,
                            lower: lt,
                            ascii,
                            count: 0,
                            first: occurrences.len(),
                            last: occurrences.len(),
                            en_count: if possessive { 0 } else { facts.en },
                            tables: if self.table_shapes.may_contain(t) {
                                self.tables.get(t)
                            } else {
                                None
                            },
                        });
                        index.insert(t, forms.len() - 1);
                        forms.len() - 1
                    }
                };
                let o = occurrences.len();
                occurrences.push(Occurrence {
                    sentence: si,
                    word: i,
                    len: tlen,
                    next: usize::MAX,
                });
                let form = &mut forms[f];
                if form.count > 0 {
                    occurrences[form.last].next = o;
                    form.last = o;
                }
                form.count += 1;
            }
        }
        Forms {
            variants: forms
                .iter()
                .any(|f| f.tables.is_some_and(|t| t.variant.is_some())),
            non_ascii: forms.iter().any(|f| !f.ascii),
            forms,
            occurrences,
            sentences: cx.sentences,
        }
    }

    /// True when occurrence `i` of sentence `s` — spelling `t` (the word without a
    /// possessive), lower case `lt` — counts: no capitalized function word opening the
    /// sentence (it names nothing; other capitalized words count, and a pair of two common
    /// words is dropped later: both are known English words), and none of the guards of the
    /// transliteration tables: an exception word, a word inside an exception phrase, a first
    /// name of a family with its own spelling (the whole word, with a possessive, is what they
    /// cover). `ranges` caches the sentence's exception phrases.
    fn counts(
        &self,
        s: &Sentence<'_>,
        i: usize,
        t: &str,
        lt: &str,
        fw: &FxHashSet<String>,
        ranges: &mut Option<Vec<Range<usize>>>,
    ) -> bool {
        let w = &s.words[i];
        let facts = &s.facts[i];
        let possessive = t.len() != w.end - w.start;
        // (The function-word bit of English is that of the whole word, `lt` without a
        // possessive.)
        let function = if possessive || self.en_function == 0 {
            fw.contains(lt)
        } else {
            facts.function & self.en_function != 0
        };
        if function
            && (i == 0
                || s.text[..w.start]
                    .trim_end()
                    .ends_with([':', '“', '"', '‘', '(', '–', '—']))
        {
            return false;
        }
        let flags = self.translit.guard_flags(s.lower(i));
        if flags & EXCEPTION_WORD != 0 || self.translit.own_spelling_follows(s, i) {
            return false;
        }
        if flags & PHRASE_WORD != 0 {
            let ranges = ranges.get_or_insert_with(|| self.translit.exception_ranges(s.text));
            if ranges.iter().any(|r| r.start <= w.start && w.end <= r.end) {
                return false;
            }
        }
        true
    }

    /// For the forms `involved` of a document collected without the checks: keeps the
    /// occurrences that count, as [`NameVariant::collect`] with the checks would have (a
    /// capitalized common word keeps none), and sets the counts.
    pub(super) fn keep_counted(
        &self,
        cx: &Context<'_>,
        fw: &FxHashSet<String>,
        f: &mut Forms<'_>,
        involved: &[usize],
    ) {
        // (sentence, its exception phrases)
        let mut ranges: (usize, Option<Vec<Range<usize>>>) = (usize::MAX, None);
        for &n in involved {
            let (t, common) = {
                let form = &f.forms[n];
                (form.text, cx.doc_count(&form.lower) > 0)
            };
            let mut kept: Vec<usize> = Vec::new();
            if !common {
                let mut k = f.forms[n].first;
                while let Some(o) = f.occurrences.get(k) {
                    let s = &f.sentences[o.sentence];
                    if ranges.0 != o.sentence {
                        ranges = (o.sentence, None);
                    }
                    if self.counts(s, o.word, t, &f.forms[n].lower, fw, &mut ranges.1) {
                        kept.push(k);
                    }
                    k = o.next;
                }
            }
            for p in kept.windows(2) {
                f.occurrences[p[0]].next = p[1];
            }
            if let Some(&last) = kept.last() {
                f.occurrences[last].next = usize::MAX;
            }
            let form = &mut f.forms[n];
            form.count = kept.len() as u32;
            form.first = kept.first().copied().unwrap_or(usize::MAX);
            form.last = kept.last().copied().unwrap_or(usize::MAX);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn byte_helpers_agree_with_the_plain_tests() {
        for w in [
            "Putin",
            "Putin's",
            "Putin’s",
            "PUTIN'S",
            "O'Brien",
            "D’Angelo",
            "Zürich",
            "s",
            "'s",
            "Abcdefghijklmnopq'",
            "Abcdefghijklmnop",
            "Ab’c",
            "É",
            "",
        ] {
            let plain = ["'s", "’s", "'S", "’S"]
                .iter()
                .find_map(|suf| w.strip_suffix(suf))
                .unwrap_or(w);
            assert_eq!(super::base(w), plain, "{w}");
            assert_eq!(
                super::ascii_and_quote(w.as_bytes()),
                (w.is_ascii(), w.contains('\'')),
                "{w}"
            );
            // In a text, at every place and with every length.
            for pad in ["", "x", "’'’", "abcdefghijklmnopqrst"] {
                let text = format!("{pad}{w}{pad}");
                let b = text.as_bytes();
                for len in 0..=w.len() {
                    let part = &b[pad.len()..pad.len() + len];
                    assert_eq!(
                        super::ascii_and_quote_at(b, pad.len(), len),
                        (part.is_ascii(), part.contains(&b'\'')),
                        "{text:?} {len}"
                    );
                }
            }
        }
    }
}

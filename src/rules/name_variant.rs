//! `name-variant`: the same name spelled two ways in one document (Kazakhstan/Kazakstan,
//! Vladimir/Wladimir, Zelensky/Selenskyj).
//!
//! Capitalized words of at least four letters (possessive `'s` removed) are grouped into pairs
//! of spellings either by the German-style transliteration rewrites ([`crate::translit`]) or by
//! a small edit distance (Damerau–Levenshtein ≤ 1 for five to eight letters, ≤ 2 from nine, the
//! same or a transliteration-equivalent first letter). The rarer spelling is flagged in every
//! sentence where it occurs, with the dominant one as suggestion.

use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::rules::{DocFinding, Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::{capital_at, char_len, is_capitalized, lower};
use crate::translit::{
    all_caps, fold, has_apostrophe, next_capital, Shapes, Translit, EXCEPTION_WORD, PHRASE_WORD,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

static INFO: RuleInfo = RuleInfo {
    code: "name-variant",
    severity: Severity::Major,
    targets: &["en"],
    summary:
        "the same name spelled two ways in one document (Kazakhstan/Kazakstan, Vladimir/Wladimir)",
    explain: r#"## What it does
Finds names spelled in two ways in the same document: a letter dropped or swapped
(*Kazakhstan* … *Kazakstan*), or an English and a German-style transliteration of the same
Russian or Ukrainian name (*Vladimir* … *Wladimir*, *Zelensky* … *Selenskyj*). The rarer
spelling is flagged wherever it occurs; the suggestion is the spelling the document uses most
(on a tie, the one that is a known English form).

## Why is this bad?
Inconsistent names are a classic sign of careless editing or of a machine translation that
copied some names from the source and translated others. Readers wonder whether two people or
places are meant.

## Example
```text
Vladimir Putin arrived in Astana on Thursday. … said Wladimir Putin.
```
Use instead:
```text
Vladimir Putin arrived in Astana on Thursday. … said Vladimir Putin.
```

## Stays clean
- Inflections and possessives: *Putin* / *Putin's*, *Russia* / *Russian*, *Kazakh* /
  *Kazakhstan*, *America* / *Americans*.
- Different names that happen to be close: *Austria* / *Australia*, *Iran* / *Iraq*,
  *Slovakia* / *Slovenia*, *Georgia* / *George*, *Mario* / *Maria* (both spellings are known
  words, or the difference is more than one letter for short names).
- Case variants and acronyms (*MOSCOW* / *Moscow*), words shorter than four letters.
- People's own spellings such as *Wladimir Klitschko* next to *Vladimir Putin*.
"#,
};

/// The `name-variant` rule.
#[derive(Debug)]
pub struct NameVariant {
    translit: Arc<Translit>,
    /// What the tables say about a single word: its group in `variants.tsv` and its English
    /// form if it is a foreign form (Moskau → Moscow). One lookup per spelling.
    tables: FxHashMap<String, Tables>,
    /// The shapes of the `tables` keys: most spellings are ruled out without a lookup.
    table_shapes: Shapes,
    /// The bit of English in [`super::Sentence::function_mask`].
    en_function: u16,
}

/// What the tables say about one spelling.
#[derive(Debug, Default)]
struct Tables {
    /// Its group in `variants.tsv`.
    variant: Option<usize>,
    /// Its English form, if it is a single-word foreign form (Moskau → Moscow).
    exonym: Option<String>,
}

impl NameVariant {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let (translit, list) = Translit::shared(lex)?;
        let mut tables: FxHashMap<String, Tables> = FxHashMap::default();
        // (A later row for the same form wins, in both tables.)
        for e in list
            .iter()
            .filter(|e| !e.foreign.contains(' ') && !e.english.contains(' '))
        {
            tables.entry(e.foreign.clone()).or_default().exonym = Some(e.english.clone());
        }
        for (i, e) in lex
            .entries("foreign_spelling/variants.tsv")
            .into_iter()
            .enumerate()
        {
            for f in e.text.split('\t').map(str::trim).filter(|f| !f.is_empty()) {
                tables.entry(f.to_string()).or_default().variant = Some(i);
            }
        }
        let en = crate::lexicon::LANGS.iter().position(|&l| l == "en");
        let table_shapes = Shapes::new(tables.keys().map(String::as_str));
        Ok(NameVariant {
            translit,
            tables,
            table_shapes,
            en_function: en.map_or(0, |k| 1 << k),
        })
    }

    /// True when the form is a known English spelling.
    fn known(&self, f: &Form<'_>, en: &WordFreq) -> bool {
        self.translit.known(f.text).is_some() || f.in_english(en)
    }
}

/// One spelling: how often it occurs, where (a chain through [`Occurrence::next`]), and what
/// the tables say about it.
#[derive(Debug)]
struct Form<'a> {
    text: &'a str,
    /// `lower(text)`.
    lower: Cow<'a, str>,
    /// `text` is ASCII.
    ascii: bool,
    count: u32,
    first: usize,
    last: usize,
    /// The English count of the word at its first occurrence (0 when that had a possessive):
    /// more than 0 means that the English word list has `lower`.
    en_count: u32,
    tables: Option<&'a Tables>,
}

impl Form<'_> {
    /// True when the English word list has the form's lower-case form.
    fn in_english(&self, en: &WordFreq) -> bool {
        self.en_count > 0 || en.contains(&self.lower)
    }

    /// `text.to_lowercase()`, compared without allocating for ASCII forms.
    fn same_lower(&self, other: &Form<'_>) -> bool {
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
struct Occurrence {
    sentence: usize,
    word: usize,
    len: usize,
    /// The next occurrence of the same spelling (`usize::MAX` at the end).
    next: usize,
}

/// The spellings of one document.
struct Forms<'a> {
    forms: Vec<Form<'a>>,
    occurrences: Vec<Occurrence>,
    sentences: &'a [crate::sentence::Sentence<'a>],
    /// Some form is in `variants.tsv`; some form is not ASCII.
    variants: bool,
    non_ascii: bool,
}

impl<'a> Forms<'a> {
    /// The occurrences of form `f`, in document order.
    fn places(&self, f: usize) -> impl Iterator<Item = &Occurrence> + '_ {
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
    fn pairs(&self, pairs: &[(usize, usize, bool)], fw: &FxHashSet<String>) -> Vec<(usize, usize)> {
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
const COMMON: usize = usize::MAX;

/// The form spelled `text`, from the table of [`NameVariant::collect`].
fn form_of(index: &Spellings<'_>, text: &str) -> Option<usize> {
    index.get(text).filter(|&f| f != COMMON)
}

/// The table of spellings of [`NameVariant::collect`]: spelling → form number (or
/// [`COMMON`]). A hash table of its own: the hash of a spelling is its first and last eight
/// bytes (or four) and its length, a few instructions instead of hashing every byte, and a
/// spelling is compared only on a full hash match.
struct Spellings<'a> {
    /// Open addressing, linear probing: 0 for an empty slot, else 1 + a position in `entries`.
    slots: Vec<u32>,
    /// (hash, spelling, value), in the order of insertion.
    entries: Vec<(u64, &'a str, usize)>,
}

impl<'a> Spellings<'a> {
    fn new() -> Self {
        Spellings {
            slots: vec![0; 128],
            entries: Vec::with_capacity(64),
        }
    }

    fn hash(t: &[u8]) -> u64 {
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

    /// The slot of `t` (with hash `h`): holding it, or the empty slot where it goes.
    fn slot(&self, t: &[u8], h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (h >> 40) as usize & mask;
        loop {
            let e = self.slots[k] as usize;
            if e == 0 || (self.entries[e - 1].0 == h && self.entries[e - 1].1.as_bytes() == t) {
                return k;
            }
            k = (k + 1) & mask;
        }
    }

    /// The value of spelling `t`.
    fn get(&self, t: &str) -> Option<usize> {
        let t = t.as_bytes();
        let e = self.slots[self.slot(t, Self::hash(t))] as usize;
        (e > 0).then(|| self.entries[e - 1].2)
    }

    /// The value of spelling `t`, or `Err` with what [`Spellings::insert`] needs to add it.
    fn find(&self, t: &[u8]) -> Result<usize, (u64, usize)> {
        let h = Self::hash(t);
        let k = self.slot(t, h);
        match self.slots[k] as usize {
            0 => Err((h, k)),
            e => Ok(self.entries[e - 1].2),
        }
    }

    /// Adds spelling `t` with value `v` where [`Spellings::find`] said it goes.
    fn insert(&mut self, t: &'a str, (h, k): (u64, usize), v: usize) {
        self.entries.push((h, t, v));
        self.slots[k] = self.entries.len() as u32;
        // At most half full: the table doubles.
        if self.entries.len() * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            let mask = self.slots.len() - 1;
            for (e, &(h, _, _)) in self.entries.iter().enumerate() {
                let mut k = (h >> 40) as usize & mask;
                while self.slots[k] != 0 {
                    k = (k + 1) & mask;
                }
                self.slots[k] = e as u32 + 1;
            }
        }
    }
}

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
const MAX_EDIT_FORMS: usize = 20_000;

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

/// Lower case with German letters written out (ä → ae, ö → oe, ü → ue, ß → ss): Muenchen and
/// München, Aidenbachstrasse and Aidenbachstraße are one spelling.
fn german_ascii(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 4);
    for c in w.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// True when an ASCII word may be a German spelling with the letters written out.
fn has_written_out_letter(w: &str) -> bool {
    w.as_bytes()
        .windows(2)
        .any(|p| matches!(p, b"ss" | b"ae" | b"oe" | b"ue"))
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
    fn collect<'a>(
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
                    Ok(COMMON) => continue,
                    Ok(f) => f,
                    Err(at) => {
                        let (t, lt) = (t(), lt());
                        // (Checked: the lower-case form occurs, looked up once per spelling.)
                        if checked && cx.doc_count(&lt) > 0 {
                            index.insert(t, at, COMMON);
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
                        index.insert(t, at, forms.len() - 1);
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
    fn keep_counted(
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

    /// Groups of spellings that are one name: a group of `variants.tsv` (Kyiv / Kiev), the
    /// same letters without accents (Erdogan / Erdoğan), German letters written out
    /// (Schöneberg / Schoeneberg). Members in the order of `names`; only groups that can pair
    /// two spellings. The groups themselves come in no particular order.
    fn groups(&self, names: &[usize], f: &Forms<'_>) -> Vec<Vec<usize>> {
        let forms = &f.forms;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        // (Most documents have no spelling of `variants.tsv` and only ASCII ones: nothing to
        // group.)
        if !f.variants && !f.non_ascii {
            return groups;
        }
        // (group, position in `names`, name)
        let mut hits: Vec<(usize, usize, usize)> = names
            .iter()
            .enumerate()
            .filter_map(|(k, &n)| Some((forms[n].tables?.variant?, k, n)))
            .collect();
        hits.sort_unstable();
        for run in hits.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            groups.push(run.iter().map(|&(_, _, n)| n).collect());
        }
        // Without accents / with German letters written out: an ASCII name's key is its
        // lower-case form, so the ASCII names of a key have one lower-case form and make no
        // pair among themselves. Only the keys of non-ASCII names can pair spellings.
        let keys: Vec<(usize, String, String)> = names
            .iter()
            .filter(|&&n| !forms[n].ascii)
            .map(|&n| (n, fold(forms[n].text), german_ascii(forms[n].text)))
            .collect();
        if keys.is_empty() {
            return groups;
        }
        let mut folded: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut german: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (_, fk, gk) in &keys {
            folded.entry(fk).or_default();
            german.entry(gk).or_default();
        }
        let mut k = keys.iter().peekable();
        for &n in names {
            let t = forms[n].text;
            if let Some((_, fk, gk)) = k.next_if(|(m, _, _)| *m == n) {
                folded.entry(fk).or_default().push(n);
                german.entry(gk).or_default().push(n);
                continue;
            }
            // (`lower` of an ASCII name is its ASCII lower case: its folded and German forms.)
            let l = forms[n].lower.as_ref();
            if let Some(g) = folded.get_mut(l) {
                g.push(n);
            }
            if has_written_out_letter(t) {
                if let Some(g) = german.get_mut(l) {
                    g.push(n);
                }
            }
        }
        groups.extend(folded.into_values().filter(|g| g.len() > 1));
        groups.extend(german.into_values().filter(|g| g.len() > 1));
        groups
    }

    /// Pairs (rarer candidate, related spelling, whether two people may be meant), made by
    /// visiting the spellings in the order of their first occurrence. What makes a pair is the two spellings
    /// themselves; where they occur decides only whether they are two people
    /// ([`Forms::different_people`], left to the caller).
    fn related(
        &self,
        f: &Forms<'_>,
        index: &Spellings<'_>,
        en: &WordFreq,
    ) -> Vec<(usize, usize, bool)> {
        let forms = &f.forms;
        let names = 0..forms.len();
        let mut related: Vec<(usize, usize, bool)> = Vec::new();
        // Transliteration: a German-style form whose English reading the document uses.
        for n in names.clone() {
            let form = &forms[n];
            // (An English count says "in English" without a lookup: tested first.)
            if form.en_count > 0 || !Translit::may_be_german_style(form.text) || form.in_english(en)
            {
                continue;
            }
            self.translit.with_readings(form.text, |readings| {
                for c in readings.iter() {
                    if let Some(k) = form_of(index, c) {
                        related.push((n, k, false));
                    }
                }
            });
        }
        // Exonyms (Moskau → Moscow): the foreign form is the variant.
        for n in names.clone() {
            if let Some(e) = forms[n].tables.and_then(|x| x.exonym.as_deref()) {
                if let Some(k) = form_of(index, e) {
                    related.push((n, k, false));
                }
            }
        }
        // Known alternative spellings (Kyiv / Kiev) and accent variants (Erdogan / Erdoğan).
        let all: Vec<usize> = names.clone().collect();
        for g in self.groups(&all, f) {
            for &a in &g {
                for &b in &g {
                    if a != b && !forms[a].same_lower(&forms[b]) {
                        related.push((a, b, true));
                    }
                }
            }
        }
        // A book-length document with tens of thousands of names: the quadratic comparison is
        // skipped (the transliteration, exonym and variant relations above still apply).
        if names.len() <= MAX_EDIT_FORMS {
            self.close_pairs(f, en, &mut related);
        }
        related
    }

    /// Pairs of spellings at a small edit distance, within first-letter classes, both ways, in
    /// an order of their own (the order decides nothing: see [`NameVariant::dominant`]): the
    /// forms are chained by first-letter class, and only forms of one class are compared,
    /// without sorting.
    fn close_pairs(&self, f: &Forms<'_>, en: &WordFreq, related: &mut Vec<(usize, usize, bool)>) {
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

    /// For each form, the dominant related spelling, if one dominates it: the most frequent
    /// one, and of equally frequent ones the one the document uses first (the forms are
    /// numbered in the order of their first occurrence). The one tie-break: it makes the
    /// answer independent of the order of `related`.
    fn dominant(
        &self,
        f: &Forms<'_>,
        related: &[(usize, usize)],
        en: &WordFreq,
    ) -> Vec<Option<usize>> {
        let forms = &f.forms;
        let mut best: Vec<Option<usize>> = vec![None; forms.len()];
        for &(r, d) in related {
            let (cr, cd) = (forms[r].count, forms[d].count);
            let dominates =
                cd > cr || (cd == cr && self.known(&forms[d], en) && !self.known(&forms[r], en));
            if !dominates {
                continue;
            }
            let e = best[r].get_or_insert(d);
            let ce = forms[*e].count;
            if cd > ce || (cd == ce && d < *e) {
                *e = d;
            }
        }
        best
    }
}

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let en = cx.lex.words("en");
        let fw = cx.lex.function_words("en");
        // Every capitalized word is a candidate spelling at first. What relates two spellings
        // is the spellings themselves, so the pairs of forms are the pairs of candidates whose
        // spellings both count: only the spellings in a pair are checked where they occur
        // (most are in none).
        let mut index = Spellings::new();
        let mut f = self.collect(cx, fw, &mut index, false);
        if f.forms.len() < 2 {
            return;
        }
        // A book of names (more candidates than `MAX_EDIT_FORMS`): whether spellings are
        // compared by edit distance depends on the number of forms that count, so they are
        // collected again, with the checks.
        let checked = f.forms.len() > MAX_EDIT_FORMS;
        if checked {
            index = Spellings::new();
            f = self.collect(cx, fw, &mut index, true);
        }
        let pairs = self.related(&f, &index, en);
        if !checked {
            let mut involved: Vec<usize> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
            involved.sort_unstable();
            involved.dedup();
            self.keep_counted(cx, fw, &mut f, &involved);
        }
        let related = f.pairs(&pairs, fw);
        let best = self.dominant(&f, &related, en);
        let forms = &f.forms;
        let mut flagged: Vec<(&str, &str, usize)> = best
            .iter()
            .enumerate()
            .filter_map(|(r, d)| Some((forms[r].text, forms[(*d)?].text, r)))
            .collect();
        flagged.sort();
        for (r, d, n) in flagged {
            for o in f.places(n) {
                let start = f.sentences[o.sentence].words[o.word].start;
                out.push(DocFinding {
                    sentence: f.sentences[o.sentence].index,
                    finding: Finding::new(
                        &INFO,
                        start..start + o.len,
                        format!("\"{r}\" is spelled \"{d}\" elsewhere in this document"),
                    )
                    .with_suggestion(d.to_string()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

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

    #[test]
    fn flags_a_dropped_letter() {
        let text = "Kazakhstan is the largest country in Central Asia. Trade with Kazakhstan grew. \
                    Officials in Kazakhstan's capital agreed. Kazakstan is not a member of the court.";
        let f = findings("name-variant", "en", text);
        assert_eq!(
            f,
            vec![("Kazakstan".to_string(), Some("Kazakhstan".to_string()))]
        );
    }

    #[test]
    fn flags_a_german_style_spelling() {
        let text = "Vladimir Putin flew to Astana. Vladimir Putin met the president. \
                    At the press conference stressed Wladimir Putin the cooperation.";
        assert_eq!(matched("name-variant", text), vec!["Wladimir"]);
        let text =
            "President Zelensky spoke in Kyiv. Zelensky's office said Selenskyj would travel.";
        assert_eq!(matched("name-variant", text), vec!["Selenskyj"]);
        let text =
            "Tokayev spoke first. Tokayev then thanked his guest, and Tokajew's aides nodded.";
        assert_eq!(matched("name-variant", text), vec!["Tokajew"]);
    }

    #[test]
    fn flags_exonyms_and_known_alternative_spellings() {
        let text =
            "Moscow rejected the plan. Officials in Moscow said so. The talks in Moskau ended.";
        assert_eq!(
            findings("name-variant", "en", text),
            vec![("Moskau".to_string(), Some("Moscow".to_string()))]
        );
        let text = "In Kyiv, sirens sounded. Kyiv's mayor spoke. The Kiev administration said 20 drones fell.";
        assert_eq!(matched("name-variant", text), vec!["Kiev"]);
        let text = "Sergei Lavrov arrived. Sergey Lavrov spoke. Later Sergei Lavrov left.";
        assert_eq!(matched("name-variant", text), vec!["Sergey"]);
    }

    #[test]
    fn flags_accent_and_umlaut_variants() {
        let text = "Firefighters from Schöneberg arrived. Schöneberg's mayor thanked them. \
                    Residents of Schoeneberg were evacuated.";
        assert_eq!(matched("name-variant", text), vec!["Schoeneberg"]);
        let text = "Erdoğan spoke first. Erdoğan then left. Erdogan's aides stayed.";
        assert_eq!(matched("name-variant", text), vec!["Erdogan"]);
    }

    #[test]
    fn a_foreign_majority_does_not_turn_the_english_form_into_the_variant() {
        // Moskau three times, Moscow once: the foreign form is foreign-spelling's business;
        // flagging "Moscow" would suggest the German form.
        let text = "Moskau said no. Moskau said it again. Moskau is far. Moscow is cold.";
        assert!(!matched("name-variant", text).contains(&"Moscow".to_string()));
    }

    #[test]
    fn a_tie_suggests_the_spelling_the_document_uses_first() {
        // Zelensky and Zelenskiy twice each dominate Zelenskyy (once): the one seen first is
        // the suggestion, whichever it is.
        let text = "Officials said Zelensky spoke first on Monday. Reporters asked Zelenskiy \
                    about the talks. Later Zelensky left the capital. Zelenskiy stayed in the \
                    city. Later Zelenskyy came to the meeting.";
        assert_eq!(
            findings("name-variant", "en", text),
            vec![("Zelenskyy".to_string(), Some("Zelensky".to_string()))]
        );
        let swapped = text
            .replace("Zelensky ", "@ ")
            .replace("Zelenskiy ", "Zelensky ")
            .replace("@ ", "Zelenskiy ");
        assert!(
            swapped.starts_with("Officials said Zelenskiy spoke"),
            "{swapped}"
        );
        assert_eq!(
            findings("name-variant", "en", &swapped),
            vec![("Zelenskyy".to_string(), Some("Zelenskiy".to_string()))]
        );
    }

    #[test]
    fn inflections_and_different_names_stay_clean() {
        assert_clean(
            "name-variant",
            &[
                "Putin arrived. Putin's plane landed in Russia. Russian officials and Russians cheered.",
                "Ukraine asked for help. The Ukrainian army and America's allies and American troops.",
                "Kazakh officials said Kazakhstan would not join. Kazakhs voted.",
                "Austria and Australia played. Iran and Iraq signed. Slovakia and Slovenia met.",
                "Georgia's leader met George Smith. Mario and Maria arrived. John and Joan left.",
                "MOSCOW — Officials in Moscow said the talks went well.",
                "Vladimir Putin met Wladimir Klitschko, whose brother Vitali Klitschko is mayor of Kyiv.",
                "NATO and Nato are both used. The EU and the European Union agreed.",
                "The two Koreas met. A Korean official spoke. Olena Zelenska joined Zelensky.",
                "Helmut Schmidt met Carl Schmitt. Later Helmut Schmidt wrote that Schmidt's view won.",
                "Sergei Lavrov met Sergey Brin. Sergei Lavrov said little.",
                "The album Rumours sold well. Rumors of a reunion grew. Rumors spread.",
                "The Labour Party and the Labor Party met. Labor won.",
                "The ideas of Heraclitus were debated. A Heraclitan view prevailed. Heraclitus won.",
            ],
        );
    }

    #[test]
    fn one_spelling_each_stays_clean() {
        assert_clean(
            "name-variant",
            &["Wladimir Klitschko trained in Hamburg. Klitschko later went into politics."],
        );
    }
}

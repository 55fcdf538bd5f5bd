//! Shared by `foreign-spelling` and `name-variant`: German-style (Duden) transliterations of
//! Russian, Ukrainian, Belarusian and Kazakh names read back into English spelling
//! (Wladimir → Vladimir, Selenskyj → Zelensky, Tokajew → Tokayev), the list of well-known
//! English name forms, and the guards that keep people's own spellings clean
//! (Wladimir Klitschko).
//!
//! Data: `lexicons/foreign_spelling/translit_de.tsv`, `names_en.txt`, `own_spelling.txt`,
//! `exceptions.tsv`.

use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::matcher::PhraseSet;
use crate::sentence::Sentence;
use crate::text::Word;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

/// Most English readings generated for one word.
const MAX_CANDIDATES: usize = 128;

/// Where a rewrite pattern may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Any,
    Initial,
    Final,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Lower-case letters (matched against the bytes of a lower-case word at a character
    /// boundary: equal bytes there are equal characters).
    german: String,
    english: Vec<String>,
    place: Place,
    strong: bool,
    /// The first eight bytes of `german` (little-endian, zeros after it), and the mask of
    /// them: compared with eight bytes of a word at once.
    key: u64,
    mask: u64,
}

/// What a known English name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A first name: shared with other languages, so it needs a surname next to it.
    Given,
    /// A surname.
    Surname,
    /// A place.
    Place,
}

/// The rewrite table, the known names and the guards.
#[derive(Debug)]
pub struct Translit {
    /// A number of its own, for the readings a thread keeps ([`Translit::with_readings`]).
    id: u64,
    /// The rewrite patterns, grouped by their first character (in file order within a group).
    patterns: Vec<Pattern>,
    /// The group of each ASCII first character (one array access per letter of a word instead
    /// of a hash lookup); `other` has the groups of the other characters.
    ascii: Vec<Range<usize>>,
    other: FxHashMap<char, Range<usize>>,
    /// A pattern starts with the ASCII byte (`ascii` has a group for it).
    ascii_starts: [bool; 128],
    /// Known English names: exact form → (kind, priority: earlier lines first).
    names: FxHashMap<String, (NameKind, usize)>,
    /// Surnames whose bearers spell their first names the German way.
    own_spelling: FxHashSet<String>,
    /// Single words never flagged (lower case).
    exception_words: FxHashSet<String>,
    /// Phrases that stay clean as a whole.
    exception_phrases: PhraseSet<()>,
    /// Lower-case word → [`EXCEPTION_WORD`] | [`PHRASE_WORD`]: one lookup tells
    /// [`Translit::guarded`] whether the word is an exception and whether it may lie inside an
    /// exception phrase.
    guard_words: FxHashMap<String, u8>,
    /// The shapes of the `guard_words` keys, of the `own_spelling` surnames and of the known
    /// names: most words are ruled out without a lookup.
    guard_shapes: Shapes,
    own_shapes: Shapes,
    name_shapes: Shapes,
}

/// [`Translit::guard_flags`]: the word is an exception word.
pub const EXCEPTION_WORD: u8 = 1;
/// [`Translit::guard_flags`]: the word is a word of an exception phrase, lower-cased either
/// way a sentence word inside a phrase match may be (the phrase set matches ASCII letters in
/// any case and other letters as given, lower-cased or capitalized).
pub const PHRASE_WORD: u8 = 2;

/// The shapes of a set of words — first two bytes and length, one of 2^16 bits — for a test
/// before a hash lookup: a word whose shape is not in the set is not in the set. A few
/// instructions instead of hashing and comparing the whole word.
#[derive(Debug, Clone)]
pub struct Shapes(Vec<u64>);

impl Shapes {
    /// The shapes of `words`.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; 1 << 10];
        for w in words {
            let (word, bit) = Self::key(w.as_bytes());
            bits[word] |= bit;
        }
        Shapes(bits)
    }

    /// The shape of a word as (a `u64` of the table, a bit in it): the first two bytes pick
    /// the `u64`, the length the bit.
    #[inline]
    fn key(w: &[u8]) -> (usize, u64) {
        let b0 = usize::from(w.first().copied().unwrap_or(0));
        let b1 = usize::from(w.get(1).copied().unwrap_or(0));
        ((b0 * 31 + b1) & 1023, 1 << (w.len() & 63))
    }

    /// False when the word with bytes `w` is certainly not one of the words.
    #[inline]
    pub fn may_contain_bytes(&self, w: &[u8]) -> bool {
        let (word, bit) = Self::key(w);
        self.0[word] & bit != 0
    }

    /// [`Shapes::may_contain_bytes`] of the `len` bytes of `text` from `start`, without
    /// branches: for loops over many words.
    #[inline]
    pub fn may_contain_at(&self, text: &[u8], start: usize, len: usize) -> bool {
        let b0 = usize::from(text.get(start).copied().unwrap_or(0)) * usize::from(len >= 1);
        let b1 = usize::from(text.get(start + 1).copied().unwrap_or(0)) * usize::from(len >= 2);
        self.0[(b0 * 31 + b1) & 1023] >> (len & 63) & 1 != 0
    }

    /// False when `w` is certainly not one of the words.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        self.may_contain_bytes(w.as_bytes())
    }
}

impl Translit {
    /// Loads the tables.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let file = "foreign_spelling/translit_de.tsv";
        let mut patterns: Vec<(char, Pattern)> = Vec::new();
        for (i, row) in lex.table(file, 4)?.into_iter().enumerate() {
            let err = |m: &str| LexiconError {
                file: file.to_string(),
                line: 0,
                message: format!("row {}: {m}", i + 1),
            };
            let german = row[0].trim().to_lowercase();
            let Some(first) = german.chars().next() else {
                return Err(err("empty pattern"));
            };
            let place = match row[2].trim() {
                "any" => Place::Any,
                "initial" => Place::Initial,
                "final" => Place::Final,
                _ => return Err(err("where must be any, initial or final")),
            };
            let strong = match row[3].trim() {
                "yes" => true,
                "no" => false,
                _ => return Err(err("strong must be yes or no")),
            };
            let english: Vec<String> = row[1].split('|').map(|s| s.trim().to_string()).collect();
            let n = german.len().min(8);
            let p = Pattern {
                key: crate::matcher::load8(german.as_bytes(), 0),
                mask: u64::MAX >> (64 - 8 * n),
                german,
                english,
                place,
                strong,
            };
            patterns.push((first, p));
        }
        // Grouped by first character; the sort is stable: file order within a group.
        patterns.sort_by_key(|&(c, _)| c);
        let mut ascii = vec![0..0; 128];
        let mut other: FxHashMap<char, Range<usize>> = FxHashMap::default();
        let mut start = 0;
        for run in patterns.chunk_by(|a, b| a.0 == b.0) {
            let (c, r) = (run[0].0, start..start + run.len());
            start = r.end;
            if c.is_ascii() {
                ascii[c as usize] = r;
            } else {
                other.insert(c, r);
            }
        }
        let patterns: Vec<Pattern> = patterns.into_iter().map(|(_, p)| p).collect();
        let mut names = FxHashMap::default();
        for (i, e) in lex
            .entries("foreign_spelling/names_en.txt")
            .into_iter()
            .enumerate()
        {
            let mut it = e.text.split('\t');
            let name = it.next().unwrap_or("").trim();
            let kind = match it.next().map(str::trim) {
                Some("given") => NameKind::Given,
                Some("surname") => NameKind::Surname,
                Some("place") => NameKind::Place,
                _ => {
                    return Err(LexiconError {
                        file: "foreign_spelling/names_en.txt".into(),
                        line: e.line,
                        message: "kind must be given, surname or place".into(),
                    })
                }
            };
            names.entry(name.to_string()).or_insert((kind, i));
        }
        let own_spelling: FxHashSet<String> = lex
            .list("foreign_spelling/own_spelling.txt")
            .into_iter()
            .map(str::to_string)
            .collect();
        let own_shapes = Shapes::new(own_spelling.iter().map(String::as_str));
        let mut exception_words = FxHashSet::default();
        let mut phrases = Vec::new();
        for row in lex.table("foreign_spelling/exceptions.tsv", 2)? {
            let form = row[0].trim();
            if form.contains(' ') {
                phrases.push(form);
            } else {
                exception_words.insert(form.to_lowercase());
            }
        }
        // A sentence word inside a phrase match equals a word of the phrase (or of its lower-case
        // or capitalized form, which the phrase set also matches) up to ASCII case.
        let mut guard_words: FxHashMap<String, u8> = FxHashMap::default();
        for p in &phrases {
            let lower = p.to_lowercase();
            for form in [p.to_string(), crate::matcher::capitalize(&lower), lower] {
                for w in crate::text::words(&form) {
                    let t = w.text(&form);
                    *guard_words.entry(t.to_lowercase()).or_default() |= PHRASE_WORD;
                    *guard_words.entry(t.to_ascii_lowercase()).or_default() |= PHRASE_WORD;
                }
            }
        }
        for w in &exception_words {
            *guard_words.entry(w.clone()).or_default() |= EXCEPTION_WORD;
        }
        let guard_shapes = Shapes::new(guard_words.keys().map(String::as_str));
        let name_shapes = Shapes::new(names.keys().map(String::as_str));
        let ascii_starts = std::array::from_fn(|b| !ascii[b].is_empty());
        Ok(Translit {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            patterns,
            ascii_starts,
            ascii,
            other,
            names,
            own_spelling,
            exception_words,
            exception_phrases: PhraseSet::new(phrases.into_iter().map(|p| (p, ()))),
            guard_words,
            guard_shapes,
            own_shapes,
            name_shapes,
        })
    }

    /// True when the word contains a letter group that German-style spelling uses for
    /// Russian sounds (w, j, z, ch); a cheap test before [`Translit::readings`].
    pub fn may_be_german_style(word: &str) -> bool {
        // One pass over the bytes: an ASCII pair "ch" in UTF-8 is the characters "ch".
        let mut prev = 0u8;
        for &b in word.as_bytes() {
            match b {
                b'w' | b'W' | b'j' | b'J' | b'z' | b'Z' => return true,
                b'h' if prev == b'c' => return true,
                _ => {}
            }
            prev = b;
        }
        word.starts_with("Ch")
    }

    /// English readings of a German-style form (`Wladimir` → `Vladimir`, …), capitalized like
    /// the word, without the word itself, sorted. Empty when no strong pattern applies.
    pub fn candidates(&self, word: &str) -> Vec<String> {
        self.readings(word).iter().map(str::to_string).collect()
    }

    /// The longest pattern that applies at byte `pos` (a character boundary) of the
    /// lower-case word `w`, as an index into `patterns`. `padded` is `w` with eight zero bytes
    /// or more after it: a pattern's first eight bytes are compared with eight of the word at
    /// once (a pattern has no zero byte: it cannot match the padding).
    #[inline(always)]
    fn pattern_at(&self, w: &[u8], padded: &[u8], pos: usize) -> Option<usize> {
        let b = w[pos];
        let group = if b.is_ascii() {
            // (Most letters start no pattern.)
            if !self.ascii_starts[usize::from(b)] {
                return None;
            }
            self.ascii[usize::from(b)].clone()
        } else {
            let end = (pos + utf8_len(b)).min(w.len());
            let c = std::str::from_utf8(&w[pos..end]).ok()?.chars().next()?;
            self.other.get(&c).cloned().unwrap_or(0..0)
        };
        let x = crate::matcher::load8(padded, pos);
        let mut best: Option<usize> = None;
        for k in group {
            let p = &self.patterns[k];
            let g = p.german.as_bytes();
            let end = pos + g.len();
            if x & p.mask != p.key || end > w.len() || (g.len() > 8 && w[pos..end] != *g) {
                continue;
            }
            let ok = match p.place {
                Place::Any => true,
                Place::Initial => pos == 0,
                Place::Final => end == w.len(),
            };
            // (Of two patterns matching here one is a prefix of the other: longer in bytes is
            // longer in characters.)
            if ok && best.is_none_or(|b| g.len() > self.patterns[b].german.len()) {
                best = Some(k);
            }
        }
        best
    }

    /// English readings of a German-style form (`Wladimir` → `Vladimir`, …), capitalized like
    /// the word, without the word itself, sorted and without duplicates. Empty when no strong
    /// pattern applies.
    pub fn readings(&self, word: &str) -> Readings {
        let mut r = Readings::default();
        self.readings_into(word, &mut r);
        r
    }

    /// Calls `f` with the readings of `word` ([`Translit::readings`]). They are made once per
    /// thread and kept (a name recurs in its document and in others): the readings are a
    /// function of the word and of these tables alone. `f` must not call this again: the store
    /// is in use.
    pub fn with_readings<R>(&self, word: &str, f: impl FnOnce(&Readings) -> R) -> R {
        MEMO.with_borrow_mut(|m| {
            // (Two rules may hold tables of their own, built from the same lexicons.)
            let k = match m.tables.iter().position(|(id, _)| *id == self.id) {
                Some(k) => k,
                None => {
                    if m.tables.len() >= MEMO_TABLES {
                        m.tables.remove(0);
                    }
                    m.tables.push((self.id, FxHashMap::default()));
                    m.tables.len() - 1
                }
            };
            let readings = &mut m.tables[k].1;
            if let Some(r) = readings.get(word) {
                return f(r);
            }
            if readings.len() >= MEMO_WORDS {
                readings.clear();
            }
            self.readings_into(word, &mut m.work);
            let kept = Readings {
                text: m.work.text.clone(),
                spans: m.work.spans.clone(),
                ..Readings::default()
            };
            readings.insert(word.to_string(), kept);
            f(&m.work)
        })
    }

    /// [`Translit::readings`] into `out`, reusing its buffers.
    ///
    /// The pattern chosen at a position (the longest that applies there) depends only on the
    /// word, so the word is cut into pieces once; the readings are the combinations of the
    /// pieces' alternatives, the first `MAX_CANDIDATES` in order (first piece slowest).
    pub fn readings_into(&self, word: &str, out: &mut Readings) {
        out.text.clear();
        out.spans.clear();
        out.pieces.clear();
        // The lower-case word (an ASCII word's bytes lower-cased are its `to_lowercase`).
        out.lower.clear();
        if word.is_ascii() {
            out.lower.push_str(word);
            out.lower.make_ascii_lowercase();
        } else {
            out.lower.push_str(&word.to_lowercase());
        }
        let w = out.lower.as_str();
        out.padded.clear();
        out.padded.extend_from_slice(w.as_bytes());
        out.padded.extend_from_slice(&[0; 8]);
        out.pieces.reserve(w.len());
        // The pieces: (byte position, pattern); characters between them are copied.
        let mut strong = false;
        let mut pos = 0;
        while pos < w.len() {
            match self.pattern_at(w.as_bytes(), &out.padded, pos) {
                Some(k) => {
                    strong |= self.patterns[k].strong;
                    out.pieces.push((pos, k));
                    pos += self.patterns[k].german.len();
                }
                None => pos += utf8_len(w.as_bytes()[pos]),
            }
        }
        if !strong {
            return;
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        // (Room for a few readings: the buffers are kept when `out` is reused.)
        out.text.reserve(4 * (w.len() + 8));
        out.spans.reserve(4);
        // The readings in order: the pieces' alternatives counted like the digits of a number,
        // the last piece fastest.
        out.choice.clear();
        out.choice.resize(out.pieces.len(), 0);
        for _ in 0..MAX_CANDIDATES {
            let start = out.text.len();
            let mut from = 0;
            for (&(pos, p), &c) in out.pieces.iter().zip(&out.choice) {
                let p = &self.patterns[p];
                out.text.push_str(&w[from..pos]);
                out.text.push_str(&p.english[c]);
                from = pos + p.german.len();
            }
            out.text.push_str(&w[from..]);
            if out.text[start..] == *w {
                out.text.truncate(start);
            } else {
                if cap {
                    capitalize_at(&mut out.text, start);
                }
                out.spans.push(start..out.text.len());
            }
            // The next combination; none after the last.
            let mut k = out.pieces.len();
            loop {
                if k == 0 {
                    break;
                }
                k -= 1;
                out.choice[k] += 1;
                if out.choice[k] < self.patterns[out.pieces[k].1].english.len() {
                    break;
                }
                out.choice[k] = 0;
            }
            if out.choice.iter().all(|&c| c == 0) {
                break;
            }
        }
        let text = &out.text;
        out.spans
            .sort_unstable_by(|a, b| text[a.clone()].cmp(&text[b.clone()]));
        out.spans
            .dedup_by(|a, b| text[a.clone()] == text[b.clone()]);
    }

    /// The kind of a known English name (exact form).
    pub fn known(&self, name: &str) -> Option<NameKind> {
        if !self.name_shapes.may_contain(name) {
            return None;
        }
        self.names.get(name).map(|&(k, _)| k)
    }

    /// The known English name among `candidates` listed first in `names_en.txt`.
    pub fn best_known<'c>(
        &self,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> Option<(&'c str, NameKind)> {
        candidates
            .into_iter()
            .filter_map(|c| self.names.get(c).map(|&(k, p)| (c, k, p)))
            .min_by_key(|&(_, _, p)| p)
            .map(|(c, k, _)| (c, k))
    }

    /// True when the word is a known surname, in English form or in a German-style form that
    /// reads back to one (`Putin`, `Medwedew`).
    pub fn is_known_surname(&self, word: &str) -> bool {
        if self.known(word) == Some(NameKind::Surname) {
            return true;
        }
        Self::may_be_german_style(word)
            && self
                .best_known(self.readings(word).iter())
                .is_some_and(|(_, k)| k == NameKind::Surname)
    }

    /// [`EXCEPTION_WORD`] and [`PHRASE_WORD`] bits of a lower-case word (as
    /// [`crate::text::lower`] gives it); 0 for most words.
    #[inline]
    pub fn guard_flags(&self, lower: &str) -> u8 {
        if !self.guard_shapes.may_contain(lower) {
            return 0;
        }
        self.guard_words.get(lower).copied().unwrap_or(0)
    }

    /// Ranges of the sentence covered by exception phrases.
    pub fn exception_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.exception_phrases.find(text).map(|(r, _)| r).collect()
    }

    /// True when word `i` is a first name right before a surname whose family spells it this
    /// way (`Wladimir Klitschko`).
    #[inline]
    pub fn own_spelling_follows(&self, s: &Sentence<'_>, i: usize) -> bool {
        let Some(next) = s.words.get(i + 1) else {
            return false;
        };
        if !self
            .own_shapes
            .may_contain_bytes(&s.text.as_bytes()[next.start..next.end])
        {
            return false;
        }
        let nt = next.text(s.text);
        let gap = &s.text[s.words[i].end..next.start];
        gap.trim().is_empty() && self.own_spelling.contains(nt)
    }

    /// True when word `i` of the sentence must stay clean: an exception word, inside an
    /// exception phrase (`ranges`, from [`Translit::exception_ranges`]), or a first name right
    /// before a surname whose family spells it this way (`Wladimir Klitschko`).
    pub fn guarded(&self, s: &Sentence<'_>, i: usize, ranges: &[Range<usize>]) -> bool {
        let w = &s.words[i];
        ranges.iter().any(|r| r.start <= w.start && w.end <= r.end)
            || self.guard_flags(s.lower(i)) & EXCEPTION_WORD != 0
            || self.own_spelling_follows(s, i)
    }

    /// True when the (lower-case) word is an exception word.
    pub fn is_exception_word(&self, lower: &str) -> bool {
        self.exception_words.contains(lower)
    }
}

/// The first word of `words` from `from` on (the words of `text`) that may be capitalized
/// ([`crate::text::capital_at`]): its first byte is an upper-case ASCII letter or not ASCII. `words.len()`
/// when there is none. Most words are not capitalized: a tight loop of a table lookup per word
/// (not inlined, where it would share registers with the caller's work).
#[inline(never)]
pub fn next_capital(text: &[u8], words: &[Word], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = words.get(i) {
        if CAPITAL_START[usize::from(text[w.start])] {
            break;
        }
        i += 1;
    }
    i
}

/// The bytes that may start a capitalized word: upper-case ASCII letters and non-ASCII bytes.
static CAPITAL_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b.wrapping_sub(b'A' as usize) < 26 || b >= 0x80;
        b += 1;
    }
    t
};

/// [`crate::text::is_all_caps`]; an ASCII lower-case second byte (a letter that is not upper
/// case) settles it at once.
#[inline]
pub fn all_caps(w: &str) -> bool {
    match w.as_bytes().get(1) {
        Some(b) if b.is_ascii_lowercase() => false,
        _ => crate::text::is_all_caps(w),
    }
}

/// True when the word has an apostrophe (`'` or `’`). A word without the byte `'` and without
/// 0xE2 (the first byte of `’`) has none: most words are ruled out by that byte scan.
#[inline]
pub fn has_apostrophe(w: &str) -> bool {
    w.bytes().any(|b| b == b'\'' || b == 0xE2) && w.contains(['\'', '’'])
}

/// The English readings of one word ([`Translit::readings`]): sorted, without duplicates.
/// Reused, it keeps its buffers.
#[derive(Debug, Default)]
pub struct Readings {
    /// The readings one after the other.
    text: String,
    /// Where each reading is in `text`.
    spans: Vec<Range<usize>>,
    /// Work space: the lower-case word, its pieces (byte position, pattern) and the
    /// alternative taken at each.
    lower: String,
    /// `lower` and eight zero bytes ([`Translit::pattern_at`]).
    padded: Vec<u8>,
    pieces: Vec<(usize, usize)>,
    choice: Vec<usize>,
}

impl Readings {
    /// True when there is no reading.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The readings, in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.spans.iter().map(|r| &self.text[r.clone()])
    }
}

/// The readings a thread made ([`Translit::with_readings`]) by the tables they were made
/// with ([`Translit::id`]), and a work space.
#[derive(Default)]
struct Memo {
    tables: Vec<(u64, FxHashMap<String, Readings>)>,
    work: Readings,
}

/// Most words whose readings a thread keeps for one table (then it starts again), and most
/// tables.
const MEMO_WORDS: usize = 4096;
const MEMO_TABLES: usize = 4;

thread_local! {
    /// The readings of [`Translit::with_readings`].
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// The next [`Translit::id`] (0 is no table's).
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Length in bytes of the UTF-8 character whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Upper-cases the first character of `text[start..]`.
fn capitalize_at(text: &mut String, start: usize) {
    let Some(c) = text[start..].chars().next() else {
        return;
    };
    if c.is_ascii() {
        text[start..start + 1].make_ascii_uppercase();
    } else {
        let upper: String = c.to_uppercase().collect();
        text.replace_range(start..start + c.len_utf8(), &upper);
    }
}

/// A foreign name form and its English form.
#[derive(Debug, Clone)]
pub struct Exonym {
    /// The foreign form (`Moskau`).
    pub foreign: String,
    /// The English form (`Moscow`).
    pub english: String,
    /// The foreign form is written capitalized (then only capitalized matches count).
    pub capitalized: bool,
    /// A person's name (`Poutine`): needs a first name or title before it, or the English form
    /// in the same document.
    pub person: bool,
}

/// Lower case without accents, `Saint` for `St.`, letters and single spaces only.
pub fn fold(s: &str) -> String {
    // One pass: decompose only non-ASCII characters, drop marks, lower-case, and turn every
    // run of non-letters into one space. Called for thousands of exonyms at start-up.
    let mut out = String::with_capacity(s.len());
    let mut words: Vec<(usize, bool)> = Vec::new(); // (start, followed by a period)
    let mut push = |c: char, out: &mut String| {
        if c.is_alphabetic() {
            if out.is_empty() || out.ends_with(' ') {
                words.push((out.len(), false));
            }
            out.extend(c.to_lowercase());
        } else {
            if c == '.' && !out.ends_with(' ') {
                if let Some(w) = words.last_mut() {
                    w.1 = true;
                }
            }
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            for d in std::iter::once(c).nfd() {
                if !crate::text::is_mark(d) {
                    push(d, &mut out);
                }
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    // "St." and "Ste." stand for Saint and Sainte.
    if words.iter().any(|&(i, dot)| {
        dot && matches!(&out[i..], w if w.starts_with("st ") || w.starts_with("ste "))
    }) {
        let mut res = String::with_capacity(out.len() + 8);
        for (k, w) in out.split(' ').enumerate() {
            if k > 0 {
                res.push(' ');
            }
            let dot = words.get(k).is_some_and(|&(_, d)| d);
            match w {
                "st" if dot => res.push_str("saint"),
                "ste" if dot => res.push_str("sainte"),
                _ => res.push_str(w),
            }
        }
        return res;
    }
    out
}

/// True when the words of `a` are a run of the words of `b`.
fn words_inside(a: &str, b: &str) -> bool {
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').collect();
    aw.len() <= bw.len() && bw.windows(aw.len()).any(|w| w == aw.as_slice())
}

impl Translit {
    /// True when English also uses the foreign form `f`: every word of it is in the English
    /// word list, it is an English name of the table or a known name, an exception, it differs
    /// from the English form only in accents or `Saint`/`St.`, or one contains the other
    /// (`Ho Chi Minh`, `Brunei Darussalam`).
    fn english_uses(
        &self,
        f: &str,
        english: &str,
        en: &WordFreq,
        english_names: &FxHashSet<String>,
    ) -> bool {
        let fl = f.to_lowercase();
        let mut words = fl
            .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty());
        if words.all(|w| en.contains(w)) {
            return true;
        }
        if english_names.contains(&fold(f))
            || self.known(f).is_some()
            || self.exception_words.contains(&fl)
        {
            return true;
        }
        let (a, b) = (fold(f), fold(english));
        a == b || words_inside(&a, &b) || words_inside(&b, &a)
    }

    /// The tables and the filtered exonyms, built once per set of lexicons and shared by
    /// `foreign-spelling` and `name-variant`.
    pub fn shared(lex: &Lexicons) -> Result<(Arc<Translit>, Arc<Vec<Exonym>>), LexiconError> {
        lex.shared("translit", || {
            let t = Translit::new(lex)?;
            let e = t.build_exonyms(lex)?;
            Ok::<_, LexiconError>((Arc::new(t), Arc::new(e)))
        })
        .as_ref()
        .clone()
    }

    /// The exonyms to flag: the generated CLDR table `exonyms.tsv` and the hand-written
    /// `foreign_spelling/exonyms_extra.tsv`, without forms English also uses
    /// ([`Translit::english_uses`]) and forms with two different English readings. (Language
    /// names their own language does not use were left out by `scripts/build_lexicons.py`.)
    fn build_exonyms(&self, lex: &Lexicons) -> Result<Vec<Exonym>, LexiconError> {
        let en = lex.words("en");
        let mut rows: Vec<Vec<&str>> = lex.table("exonyms.tsv", 4)?;
        rows.extend(lex.table("foreign_spelling/exonyms_extra.tsv", 4)?);
        let english_names: FxHashSet<String> = rows.iter().map(|r| fold(r[2])).collect();
        let mut by_form: FxHashMap<&str, (Vec<&str>, bool)> = FxHashMap::default();
        let mut order: Vec<&str> = Vec::new();
        for r in &rows {
            let (f, _lang, english, kind) = (r[0], r[1], r[2], r[3]);
            let person = kind == "person";
            if !person && self.english_uses(f, english, en, &english_names) {
                continue;
            }
            if !f.chars().next().is_some_and(char::is_uppercase) {
                // Lower-case forms (Romance language names: inglés, russe) are ordinary words of
                // their language, for `untranslated`; as parts of English compounds
                // (Serbo-Croatian) they would be false alarms here.
                continue;
            }
            let v = by_form.entry(f).or_insert_with(|| {
                order.push(f);
                (Vec::new(), person)
            });
            if !v.0.contains(&english) {
                v.0.push(english);
            }
        }
        Ok(order
            .into_iter()
            .filter_map(|f| {
                let (v, person) = &by_form[f];
                (v.len() == 1).then(|| Exonym {
                    foreign: f.to_string(),
                    english: v[0].to_string(),
                    capitalized: f.chars().next().is_some_and(char::is_uppercase),
                    person: *person,
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr() -> Translit {
        Translit::new(Lexicons::builtin()).expect("tables")
    }

    #[test]
    fn fold_drops_accents_case_and_punctuation() {
        assert_eq!(fold("St. Petersburg"), "saint petersburg");
        assert_eq!(fold("Ste. Foy"), "sainte foy");
        assert_eq!(fold("Stuttgart"), "stuttgart");
        assert_eq!(fold("São Tomé"), "sao tome");
        assert_eq!(fold("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(fold("  Multiple---spaces. "), "multiple spaces");
        assert_eq!(fold("Zürich"), "zurich");
    }

    #[test]
    fn german_forms_read_back_to_english() {
        let t = tr();
        for (de, en) in [
            ("Wladimir", "Vladimir"),
            ("Selenskyj", "Zelensky"),
            ("Tokajew", "Tokayev"),
            ("Chodorkowski", "Khodorkovsky"),
            ("Gorbatschow", "Gorbachev"),
            ("Jelzin", "Yeltsin"),
            ("Charkiw", "Kharkiv"),
            ("Chruschtschow", "Khrushchev"),
            ("Prigoschin", "Prigozhin"),
            ("Tichanowskaja", "Tikhanovskaya"),
            ("Saporischschja", "Zaporizhzhia"),
            ("Jewgeni", "Yevgeny"),
            ("Medwedew", "Medvedev"),
        ] {
            let c = t.candidates(de);
            assert!(c.iter().any(|x| x == en), "{de}: {c:?}");
        }
    }

    #[test]
    fn no_rewrite_without_a_strong_pattern() {
        let t = tr();
        assert!(t.candidates("Sakharov").is_empty());
        assert!(t.candidates("Putin").is_empty());
    }

    #[test]
    fn known_surnames() {
        let t = tr();
        assert!(t.is_known_surname("Putin"));
        assert!(t.is_known_surname("Medwedew"));
        assert!(!t.is_known_surname("Klitschko"));
        assert!(!t.is_known_surname("Jankowski"));
    }

    /// The readings as they were first computed: a recursive expansion over the characters,
    /// looking the longest pattern up at every step of every branch.
    fn reference_readings(t: &Translit, word: &str) -> Vec<String> {
        fn expand(
            t: &Translit,
            w: &[char],
            pos: usize,
            buf: &mut String,
            strong: bool,
            out: &mut Vec<String>,
        ) {
            if out.len() >= MAX_CANDIDATES {
                return;
            }
            if pos == w.len() {
                if strong {
                    out.push(buf.clone());
                }
                return;
            }
            let mut best: Option<&Pattern> = None;
            for p in &t.patterns {
                let g: Vec<char> = p.german.chars().collect();
                let end = pos + g.len();
                if g[0] != w[pos] || end > w.len() || w[pos..end] != g[..] {
                    continue;
                }
                let ok = match p.place {
                    Place::Any => true,
                    Place::Initial => pos == 0,
                    Place::Final => end == w.len(),
                };
                if ok && best.is_none_or(|b| g.len() > b.german.chars().count()) {
                    best = Some(p);
                }
            }
            let len = buf.len();
            match best {
                Some(p) => {
                    for e in &p.english {
                        buf.push_str(e);
                        expand(
                            t,
                            w,
                            pos + p.german.chars().count(),
                            buf,
                            strong || p.strong,
                            out,
                        );
                        buf.truncate(len);
                    }
                }
                None => {
                    buf.push(w[pos]);
                    expand(t, w, pos + 1, buf, strong, out);
                    buf.truncate(len);
                }
            }
        }
        let chars: Vec<char> = word.to_lowercase().chars().collect();
        let mut out = Vec::new();
        expand(t, &chars, 0, &mut String::new(), false, &mut out);
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        let mut res: Vec<String> = out
            .into_iter()
            .filter(|c| *c != lower)
            .map(|c| {
                if cap {
                    crate::matcher::capitalize(&c)
                } else {
                    c
                }
            })
            .collect();
        res.sort();
        res.dedup();
        res
    }

    #[test]
    fn readings_are_those_of_the_recursive_expansion() {
        let t = tr();
        for w in [
            "Wladimir",
            "Selenskyj",
            "Saporischschja",
            "Chruschtschow",
            "Jewgenij",
            "Jelzin",
            "Tichanowskaja",
            "Kowalczyk",
            "Elmsworth",
            "Westmoor",
            "Schöneberg",
            "Žižek",
            "Zürich",
            "Schtschedrin",
            "Wasserjewskajaschtschow",
            "jew",
            "J",
            "",
            "ČECH",
            "Sjusjowskischtschitsch",
            "Zazazazazazazazazazazaza",
            "Ijsselmeer",
        ] {
            assert_eq!(t.candidates(w), reference_readings(&t, w), "{w}");
        }
        // More than `MAX_CANDIDATES` combinations: the first ones, in order.
        let long = "Zsezsezsezsezsezsezsezse";
        assert_eq!(t.candidates(long), reference_readings(&t, long));
    }

    #[test]
    fn shapes_keep_every_word() {
        let words = ["Klitschko", "a", "", "Ünal", "x".repeat(70).leak()];
        let shapes = Shapes::new(words);
        for w in words {
            assert!(shapes.may_contain(w), "{w}");
        }
        // The same answers from a text around the word.
        for w in ["Klitschko", "a", "", "Ünal", "ab", "xyz", "Kl", "K"] {
            let text = format!("{w}Q");
            assert_eq!(
                shapes.may_contain_at(text.as_bytes(), 0, w.len()),
                shapes.may_contain(w),
                "{w}"
            );
        }
    }
}

//! Phrase words: finding which phrases of a list may match a plain sentence by its words'
//! facts alone, without running an automaton (shared by `boilerplate` and `truncated`).

use crate::kernels::BitSet;
use crate::lexicon::Lexicons;
use crate::sentence::Sentence;
use crate::translit::Shapes;
use rustc_hash::FxHashMap;

/// Words of phrases to look for in the words of a plain sentence (ASCII, without an
/// apostrophe: most): a test of each word's facts instead of the automaton. Each phrase is
/// looked for by one of its words, the key, and the words right before and after the key in
/// the phrase, if any.
///
/// Why it is exact: in a plain sentence a phrase match starts and ends at word boundaries with
/// no apostrophe or combining mark to join it to the words around it, so the runs of letters
/// and digits of the matched phrase are words of the sentence, one after the other, the same
/// up to ASCII case (`crate::text::words` cuts both alike); and a phrase that is not ASCII or
/// has an apostrophe matches no plain sentence. A phrase without letters or digits is looked
/// for by its first byte.
#[derive(Debug)]
pub struct PhraseWords {
    /// Key (lower case) → the words before and after it in a phrase (`None`: not looked at).
    keys: FxHashMap<String, Vec<Neighbours>>,
    /// The English counts of the keys (modulo 4096, plenty for a few hundred keys): a word
    /// is a key only if its count (a fact of the word, [`crate::rules::WordFacts::en`]) is
    /// one of them. Most words are ruled out by one bit.
    counts: BitSet<64>,
    /// The shapes of the keys not in the English word list (count 0, like most names).
    unknown: Shapes,
    /// First bytes of the phrases without letters or digits.
    letterless: Vec<u8>,
}

/// The words before and after a key in a phrase, when they are looked at.
type Neighbours = (Option<String>, Option<String>);

impl PhraseWords {
    /// For each phrase (as matched: see [`crate::matcher::forms`]) that can match a plain
    /// sentence and has letters or digits, the key (a position in its words, in lower case)
    /// that `pick` chooses and, when `neighbours`, the words around it.
    pub fn new<'p>(
        lex: &Lexicons,
        phrases: impl IntoIterator<Item = &'p str>,
        pick: impl Fn(&[String]) -> usize,
        neighbours: bool,
    ) -> Self {
        let (mut keys, mut letterless) = (FxHashMap::default(), Vec::new());
        for p in phrases.into_iter().map(str::trim) {
            if !p.is_ascii() || p.contains('\'') || p.is_empty() {
                continue;
            }
            let ws: Vec<String> = crate::text::words(p)
                .iter()
                .map(|w| w.text(p).to_ascii_lowercase())
                .collect();
            if ws.is_empty() {
                letterless.push(p.as_bytes()[0]);
                continue;
            }
            let k = pick(&ws).min(ws.len() - 1);
            let around = |j: Option<usize>| j.and_then(|j| ws.get(j)).filter(|_| neighbours);
            let n: Neighbours = (
                around(k.checked_sub(1)).cloned(),
                around(Some(k + 1)).cloned(),
            );
            let v: &mut Vec<Neighbours> = keys.entry(ws[k].clone()).or_default();
            if !v.contains(&n) {
                v.push(n);
            }
        }
        let en = lex.words("en");
        let mut counts = BitSet::default();
        for k in keys.keys() {
            counts.insert(en.count(k) as usize);
        }
        let unknown = Shapes::new(keys.keys().map(String::as_str).filter(|k| en.count(k) == 0));
        PhraseWords {
            keys,
            counts,
            unknown,
            letterless,
        }
    }

    /// True when the sentence is plain: ASCII, without an apostrophe.
    pub fn plain(s: &Sentence<'_>) -> bool {
        !crate::matcher::any_byte(s.text.as_bytes(), |c| (c == b'\'') | (c >= 0x80))
    }

    /// True when a word of `words` (of the plain sentence `s`) is a key with its neighbours
    /// around it, or the sentence has a first byte of a phrase without letters or digits.
    pub fn any(&self, s: &Sentence<'_>, words: std::ops::Range<usize>) -> bool {
        let form = |i: usize| (i < s.facts.len()).then(|| s.lower(i));
        let is = |i: Option<usize>, w: &Option<String>| {
            w.as_ref()
                .is_none_or(|w| i.and_then(form) == Some(w.as_str()))
        };
        // (The counts of the keys hold for the sentence's facts: the engine builds its rules
        // from the lexicons it computes the facts with, so no address needs checking.)
        let mut from = words.start;
        let end = words.end.min(s.facts.len());
        while let Some(i) = self.next_candidate(s, from, end) {
            from = i + 1;
            let found = (self.keys.get(form(i).unwrap_or_default())).is_some_and(|v| {
                v.iter()
                    .any(|(b, a)| is(i.checked_sub(1), b) && is(Some(i + 1), a))
            });
            if found {
                return true;
            }
        }
        !self.letterless.is_empty() && s.text.bytes().any(|c| self.letterless.contains(&c))
    }

    /// The first word from `from` to `end` that may be a key: by its English count, or (a word
    /// not in the list) by its shape. Not inlined: a tight loop.
    #[inline(never)]
    fn next_candidate(&self, s: &Sentence<'_>, from: usize, end: usize) -> Option<usize> {
        let lower = s.lower_text.as_bytes();
        let facts = s.facts.get(from..end)?;
        let k = facts.iter().position(|f| {
            let c = f.en as usize;
            if c != 0 {
                self.counts.contains(c)
            } else {
                let len = f.lower_end.wrapping_sub(f.lower_start);
                self.unknown.may_contain_at(lower, f.lower_start, len)
            }
        })?;
        Some(from + k)
    }
}

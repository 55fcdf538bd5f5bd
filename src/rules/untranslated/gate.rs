//! The gate of `untranslated` ([`crate::rules::Rule::may_fire`]): false only when no word
//! of the sentence can become a hit of `check`. It applies the hit conditions that depend on
//! the word alone (and on the word after it for phrases), through the same tests as `check`
//! ([`Untranslated::entry_ratio`], [`Untranslated::content_lang`]), reading the pipeline's
//! English count first: most words of an English sentence are ruled out with a few
//! comparisons and no lookup.

use super::tables::{Judged, Start, PASSING_WORDS};
use super::{
    is_cyrillic, Untranslated, EN, FLOOR, LANGS, MAX_CONTENT_EN_COUNT, MIN_CONTENT_LOG_P,
    MIN_FUNCTION_RATIO, TARGETS,
};
use crate::kernels::BitSet;
use crate::sentence::{Context, Sentence, WordFacts};
use crate::text::{is_capitalized, lower};

/// The index of the first word of `facts` whose English count has its bit set in `bits`
/// ([`Target::passing`]). (A tight loop of its own: most words of a sentence are passed
/// over in it.)
#[inline(never)]
fn next_passing(facts: &[WordFacts], bits: &BitSet<PASSING_WORDS>) -> Option<usize> {
    facts.iter().position(|f| bits.contains(f.en as usize))
}

/// The words (bit `i` for word `i`, the first 64) that hold a non-ASCII character, found by
/// the lead bytes of their characters (0xC0 and above) in one vectorized pass: most sentences
/// have none.
fn non_ascii_words(s: &Sentence<'_>) -> u64 {
    let mut m = 0u64;
    for p in crate::matcher::byte_positions(s.text.as_bytes(), |b| b >= 0xC0) {
        // The word holding byte `p`, if any: the first that ends after it.
        let k = s.words.partition_point(|w| w.end <= p);
        if k < 64 && s.words.get(k).is_some_and(|w| w.start <= p) {
            m |= 1 << k;
        }
    }
    m
}

/// The dictionary key of one word, as [`key`] builds it.
fn word_key<'a>(s: &Sentence<'a>, i: usize) -> std::borrow::Cow<'a, str> {
    // An ASCII lower-case form is the key: `to_lowercase` and `text::lower` agree on ASCII
    // words and on words with an upper-case letter, and an ASCII form holds no ’.
    let l = s.lower(i);
    if l.is_ascii() {
        l.into()
    } else {
        s.word(i).to_lowercase().replace('’', "'").into()
    }
}

impl Untranslated {
    /// The sentence prefilter: false only when no word can become a hit of [`Rule::check`]
    /// (a dictionary phrase, a content word or a Cyrillic word), so that the sentence has no
    /// finding. It applies the hit conditions that depend on the word alone (and on the word
    /// after it for phrases), reading the pipeline's English count first: most words of an
    /// English sentence are ruled out by it with a few comparisons and no lookup. (Not inlined:
    /// the loop keeps its registers.)
    #[inline(never)]
    pub(super) fn may_hit(&self, s: &Sentence<'_>, cx: &Context<'_>, ti: usize) -> bool {
        let tg = &self.targets[ti];
        let judged = match cx.source {
            None => tg.default,
            Some(_) => Judged::new(TARGETS[ti] == "en", tg.all_langs, cx.source),
        };
        let (langs, content) = (judged.langs, judged.content);
        // The word tests of `check` that come before the dictionary: of letters, not
        // capitalized after the first.
        #[inline(always)]
        fn may_be_hit(s: &Sentence<'_>, i: usize) -> bool {
            let w = s.words[i];
            let first = s.text.as_bytes()[w.start];
            w.alpha
                && !(i > 0
                    && (first.is_ascii_uppercase()
                        || first >= 0x80 && is_capitalized(&s.text[w.start..w.end])))
        }
        // `start`: false when the word's count tells that it is no key of `starts` (an ASCII
        // word: its key is its lower-case form).
        let word_test = |i: usize, start: bool| {
            may_be_hit(s, i) && self.word_may_hit(s, cx, ti, langs, content, i, start)
        };
        // (`start_counts` and `passing` hold for `cx.lex`: the engine builds its rules from
        // the lexicons it passes them, so a rule never sees counts of other lexicons.)
        // The common case, with the English count of the lower-case form (looked up once by
        // the pipeline): an ASCII word (so not Cyrillic, and its dictionary key is its
        // lower-case form) whose count no start word has and that cannot be a content word.
        // (The count first: it rules out most words.)
        let by_count = |e: u32| !judged.content_count(e) && !tg.may_start(e);
        let n = s.words.len();
        // (Most sentences are ASCII: one vectorized test tells.)
        let non_ascii = if n <= 64 && !crate::matcher::any_byte(s.text.as_bytes(), |b| b >= 0x80) {
            0
        } else {
            non_ascii_words(s)
        };
        if non_ascii == 0 && n <= 64 {
            // Without a source language, `passing` rules out most words with one bit.
            let passing = tg.passing.as_deref().filter(|_| cx.source.is_none());
            let next = |from: usize| match passing {
                Some(bits) => next_passing(&s.facts[from..], bits),
                None => tg.next_by_count(&s.facts[from..], judged),
            };
            let mut i = 0;
            while let Some(k) = next(i) {
                i += k;
                if may_be_hit(s, i)
                    && self.word_may_hit(s, cx, ti, langs, content, i, tg.may_start(s.facts[i].en))
                {
                    return true;
                }
                i += 1;
            }
            return false;
        }
        let bytes = s.text.as_bytes();
        let ascii = |i: usize| {
            let w = s.words[i];
            if i < 64 {
                non_ascii & (1 << i) == 0
            } else {
                bytes[w.start..w.end].iter().all(u8::is_ascii)
            }
        };
        (0..n).any(|i| {
            let e = s.facts[i].en;
            let ascii = ascii(i);
            !(by_count(e) && ascii) && word_test(i, !ascii || tg.may_start(e))
        })
    }

    /// The hit conditions of word `i` that depend on the word (and the next) alone. (Called
    /// for few words: kept out of the loop.)
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn word_may_hit(
        &self,
        s: &Sentence<'_>,
        cx: &Context<'_>,
        ti: usize,
        langs: u8,
        content: u8,
        i: usize,
        start: bool,
    ) -> bool {
        let tg = &self.targets[ti];
        let into_en = TARGETS[ti] == "en";
        let word = s.word(i);
        let e = s.en_count(i);
        // A dictionary phrase starts with a key of `starts` (`word_key` gives the word's);
        // not when `may_start` tells (`start`) that no key is this ASCII word.
        if start {
            let k = word_key(s, i);
            if let Some(st) = tg.starts.get(k.as_ref()) {
                if self.phrase_may_hit(s, cx, ti, langs, st, &k, i) {
                    return true;
                }
            }
        }
        // A content word: at least five letters, in lower case, not first, rare in the
        // target list and frequent in a content language.
        if content != 0
            && i > 0
            && word.len() >= 5
            && !(into_en && e > MAX_CONTENT_EN_COUNT)
            && !(content == 1 << EN && e == 0)
            && (word.is_ascii() || word.chars().count() >= 5)
            && self.content_may_hit(s, cx, TARGETS[ti], content, i)
        {
            return true;
        }
        // A Cyrillic word.
        !word.is_ascii() && word.chars().count() >= 3 && word.chars().all(is_cyrillic)
    }

    /// True when the dictionary entries starting with word `i` (key `k`, entries `st`) can
    /// make a hit: the one-word entry passes the ratio tests of `check` for one of `langs`,
    /// or the next word is the second word of a longer entry.
    #[allow(clippy::too_many_arguments)]
    fn phrase_may_hit(
        &self,
        s: &Sentence<'_>,
        cx: &Context<'_>,
        ti: usize,
        langs: u8,
        st: &Start,
        k: &str,
        i: usize,
    ) -> bool {
        let tl = TARGETS[ti];
        let single = st.single & langs;
        let passes = |li: usize| {
            Untranslated::entry_ratio(cx, tl, li, k, true).is_some_and(|r| r >= MIN_FUNCTION_RATIO)
        };
        if (0..LANGS.len()).any(|li| single & (1 << li) != 0 && passes(li)) {
            return true;
        }
        if !st.next.is_empty() && i + 1 < s.words.len() {
            let k2 = word_key(s, i + 1);
            return st.next.iter().any(|x| *x == k2);
        }
        false
    }

    /// The second, coarser pass of the gate: true when some word starts a dictionary entry,
    /// may be a content word of a judged language or holds a Cyrillic letter, by the words'
    /// lower-case forms alone (capitalized words after the first are never hits).
    pub(super) fn may_leak(&self, s: &Sentence<'_>, cx: &Context<'_>, ti: usize) -> bool {
        let (tg, tl, lex) = (&self.targets[ti], TARGETS[ti], cx.lex);
        let tw = lex.words(tl);
        let content = Judged::new(tl == "en", tg.all_langs, cx.source).content;
        (0..s.words.len()).any(|i| {
            let w = s.word(i);
            if i > 0 && is_capitalized(w) {
                return false;
            }
            let lw = lower(w);
            // Dictionary keys write the apostrophe straight ("aujourd'hui").
            tg.starts.contains_key(lw.as_ref())
                || (lw.contains('’') && tg.starts.contains_key(&lw.replace('’', "'")))
                || (lw.len() >= 5
                    && tw.count(&lw) <= MAX_CONTENT_EN_COUNT
                    && (0..LANGS.len()).any(|li| {
                        content & (1 << li) != 0
                            && lex.words(LANGS[li].0).log_p(&lw, FLOOR) >= MIN_CONTENT_LOG_P
                    }))
                || lw.chars().any(is_cyrillic)
        })
    }

    /// The content-word test of `check` for word `i` without the checks that only rule
    /// words out (British spelling, inflection, borrowing, typo).
    fn content_may_hit(
        &self,
        s: &Sentence<'_>,
        cx: &Context<'_>,
        tl: &str,
        content: u8,
        i: usize,
    ) -> bool {
        // (Into English the target count is the word's English count.)
        let target_count = if tl == "en" {
            s.en_count(i)
        } else {
            cx.lex.words(tl).count(s.lower(i))
        };
        Untranslated::content_lang(cx, tl, content, s.lower(i), target_count).is_some()
    }
}

//! The pipeline's data as the rules read it: one [`Sentence`] with the facts of its words
//! ([`WordFacts`], computed once per word by [`word_facts`]), and the [`Context`] of the
//! document (languages, lexicons, every sentence, word counts through [`DocWords`]).

use crate::lexicon::Lexicons;
use crate::text::Word;
use rustc_hash::FxHashMap;
use std::cell::{Cell, OnceCell, RefCell};

/// One sentence as the rules see it.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// 0-based index in the document.
    pub index: usize,
    /// The NFC-normalized text.
    pub text: &'a str,
    /// Its words.
    pub words: &'a [Word],
    /// What the pipeline knows about each word (same index as `words`): its lower-case form,
    /// its English count, its function-word languages. Computed once; read it instead of
    /// lower-casing and looking words up again.
    pub facts: &'a [WordFacts],
    /// The lower-case forms of the document's words, one after the other; [`Sentence::lower`]
    /// reads word `i`'s form from it.
    pub lower_text: &'a str,
    /// Language of the sentence (ISO 639-1 where one exists).
    pub lang: &'static str,
    /// Confidence of that language, 0–1.
    pub lang_confidence: f64,
    /// True when the language was detected for this sentence with confidence rather than
    /// taken over from the document.
    pub lang_detected: bool,
    /// The sentence begins a line.
    pub line_start: bool,
    /// The sentence ends its line.
    pub line_end: bool,
    /// A blank line or the end of the document follows.
    pub paragraph_end: bool,
}

impl<'a> Sentence<'a> {
    /// The text of word `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.words[i].text(self.text)
    }

    /// The lower-case form of word `i` (as [`crate::text::lower`] gives it).
    #[inline]
    pub fn lower(&self, i: usize) -> &'a str {
        let f = &self.facts[i];
        &self.lower_text[f.lower_start..f.lower_end]
    }

    /// The bytes of [`Sentence::lower`]`(i)` (no character-boundary checks: for comparing).
    #[inline]
    pub fn lower_bytes(&self, i: usize) -> &'a [u8] {
        let f = &self.facts[i];
        &self.lower_text.as_bytes()[f.lower_start..f.lower_end]
    }

    /// Count of word `i` in the English word list (0 when unknown).
    #[inline]
    pub fn en_count(&self, i: usize) -> u32 {
        self.facts[i].en
    }

    /// The languages (bit `k` for [`crate::lexicon::LANGS`]`[k]`) of which word `i` is a
    /// function word.
    #[inline]
    pub fn function_mask(&self, i: usize) -> u16 {
        self.facts[i].function
    }

    /// The sentence is a line of its own (headline, UI string, caption line).
    pub fn standalone(&self) -> bool {
        self.line_start && self.line_end
    }
}

/// What the pipeline knows about one word of a sentence, computed once per word and read by
/// every rule (lower-casing and looking up the same word in each rule was most of their cost).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// Start of the lower-case form in [`Sentence::lower_text`].
    pub lower_start: usize,
    /// End of the lower-case form in [`Sentence::lower_text`].
    pub lower_end: usize,
    /// Count of the lower-case form in the English word list (0 when unknown).
    pub en: u32,
    /// Languages of which it is a function word: bit `k` for [`crate::lexicon::LANGS`]`[k]`.
    pub function: u16,
}

/// Appends the lower-case forms of `words` of `text` to `lower_text` and their facts to `out`.
/// `en` gives a lower-case word's English count and `function` its function-word languages.
pub fn word_facts(
    text: &str,
    words: &[Word],
    lower_text: &mut String,
    out: &mut Vec<WordFacts>,
    en: impl Fn(&str) -> u32,
    function: impl Fn(&str) -> u16,
) {
    // An ASCII sentence is lower-cased whole, in one pass: its words keep their offsets.
    let ascii = text.is_ascii();
    let base = lower_text.len();
    if ascii {
        lower_text.push_str(text);
        lower_text[base..].make_ascii_lowercase();
    }
    for w in words {
        let (start, end) = if ascii {
            (base + w.start, base + w.end)
        } else {
            let start = lower_text.len();
            crate::text::lower_into(w.text(text), lower_text);
            (start, lower_text.len())
        };
        let l = &lower_text[start..end];
        out.push(WordFacts {
            lower_start: start,
            lower_end: end,
            en: en(l),
            function: function(l),
        });
    }
}

/// Everything a rule may read besides the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The language the text should be in.
    pub target: &'static str,
    /// The language it was translated from, when known.
    pub source: Option<&'static str>,
    /// The lexicons.
    pub lex: &'a Lexicons,
    /// Every sentence of the document, in order.
    pub sentences: &'a [Sentence<'a>],
    /// How often each word form (exact case) occurs in the document (read it with
    /// [`Context::doc_count`]).
    pub doc_words: &'a (dyn WordCounts + 'a),
    /// Bilingual mode: the source text of the document.
    pub source_text: Option<&'a str>,
}

impl Context<'_> {
    /// Occurrences of the exact word form in the document.
    pub fn doc_count(&self, word: &str) -> u32 {
        self.doc_words.count(word)
    }
}

/// How often a word form occurs in a document.
pub trait WordCounts: std::fmt::Debug {
    /// Occurrences of the exact word form.
    fn count(&self, word: &str) -> u32;
}

/// How many words [`DocWords`] answers by searching the text before it counts every word into
/// a table: a news document is asked about ten, so 32 leaves room and a document asking more
/// is one whose table pays for itself.
const SEARCHES: u32 = 32;

/// The word counts of a document's sentences, for the rules that ask. Almost every document
/// is asked about a few words (about ten in news), so the first questions are answered by a
/// vectorized search of the document's text, which costs less than counting every word into a
/// table; the table is built only for a document that keeps asking.
#[derive(Debug)]
pub struct DocWords<'a> {
    sentences: &'a [Sentence<'a>],
    text: &'a str,
    /// `(byte offset in text, sentence index)` of the sentences whose text is the document's
    /// own, in order.
    kept: Vec<(usize, usize)>,
    /// The other sentences (normalization changed their text).
    changed: Vec<usize>,
    /// Searches left before the table is built (starts at [`SEARCHES`]).
    scans_left: Cell<u32>,
    /// Words already searched for, with their counts (rules ask about the same names).
    answers: RefCell<Vec<(Box<str>, u32)>>,
    counts: OnceCell<FxHashMap<&'a str, u32>>,
}

impl<'a> DocWords<'a> {
    /// Counts for these sentences, not yet counted; `starts[i]` is the byte offset of sentence
    /// `i`'s text in `text`, when its text is that slice of `text` unchanged.
    pub fn new(text: &'a str, sentences: &'a [Sentence<'a>], starts: &[Option<usize>]) -> Self {
        let mut kept = Vec::with_capacity(sentences.len());
        let mut changed = Vec::new();
        for (i, start) in starts.iter().enumerate().take(sentences.len()) {
            match start {
                Some(b) => kept.push((*b, i)),
                None => changed.push(i),
            }
        }
        DocWords {
            sentences,
            text,
            kept,
            changed,
            scans_left: Cell::new(SEARCHES),
            answers: RefCell::new(Vec::new()),
            counts: OnceCell::new(),
        }
    }

    /// Occurrences found by searching the text: a match counts where a word of its sentence
    /// starts and ends exactly there.
    fn search(&self, word: &str) -> u32 {
        let finder = memchr::memmem::Finder::new(word);
        let is_word = |s: &Sentence<'_>, at: usize| {
            s.words
                .binary_search_by_key(&at, |w| w.start)
                .is_ok_and(|i| s.words[i].end == at + word.len())
        };
        let mut n = 0;
        for &i in &self.changed {
            let s = &self.sentences[i];
            n += finder
                .find_iter(s.text.as_bytes())
                .filter(|&at| is_word(s, at))
                .count() as u32;
        }
        // The other sentences: one search over the whole text.
        for at in finder.find_iter(self.text.as_bytes()) {
            let k = self.kept.partition_point(|&(b, _)| b <= at);
            if k == 0 {
                continue;
            }
            let (b, i) = self.kept[k - 1];
            let s = &self.sentences[i];
            if at + word.len() <= b + s.text.len() && is_word(s, at - b) {
                n += 1;
            }
        }
        n
    }
}

impl WordCounts for DocWords<'_> {
    fn count(&self, word: &str) -> u32 {
        if word.is_empty() {
            return 0;
        }
        if self.counts.get().is_none() {
            if let Some(&(_, n)) = self.answers.borrow().iter().find(|(w, _)| **w == *word) {
                return n;
            }
            if self.scans_left.get() > 0 {
                self.scans_left.set(self.scans_left.get() - 1);
                let n = self.search(word);
                self.answers.borrow_mut().push((word.into(), n));
                return n;
            }
        }
        let counts = self.counts.get_or_init(|| {
            let n = self.sentences.iter().map(|s| s.words.len()).sum();
            let mut m = FxHashMap::with_capacity_and_hasher(n, Default::default());
            for s in self.sentences {
                for w in s.words {
                    *m.entry(w.text(s.text)).or_insert(0) += 1;
                }
            }
            m
        });
        counts.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    /// Counts of `probes` from the search (the first [`SEARCHES`] questions) and from the
    /// table (the rest), for a document made of `parts`: `(sentence text, kept as in the
    /// document)`.
    fn counts(parts: &[(&str, bool)], probes: &[&str]) -> Vec<(u32, u32)> {
        let mut doc = String::new();
        let mut starts = Vec::new();
        let texts: Vec<String> = parts.iter().map(|(t, _)| t.to_string()).collect();
        for (t, kept) in parts {
            starts.push(kept.then_some(doc.len()));
            // A changed sentence stands in the document in another form.
            doc.push_str(if *kept { t } else { "Xx xx." });
            doc.push(' ');
        }
        let ws: Vec<Vec<Word>> = texts.iter().map(|t| words(t)).collect();
        let sentences: Vec<Sentence<'_>> = texts
            .iter()
            .zip(&ws)
            .enumerate()
            .map(|(index, (t, w))| Sentence {
                index,
                text: t,
                words: w,
                facts: &[],
                lower_text: "",
                lang: "en",
                lang_confidence: 1.0,
                lang_detected: false,
                line_start: index == 0,
                line_end: false,
                paragraph_end: false,
            })
            .collect();
        let searched = DocWords::new(&doc, &sentences, &starts);
        let tabled = DocWords::new(&doc, &sentences, &starts);
        tabled.scans_left.set(0);
        probes
            .iter()
            .map(|p| (searched.count(p), tabled.count(p)))
            .collect()
    }

    #[test]
    fn document_word_counts_are_whole_words_of_every_sentence() {
        let parts = [
            ("Merkel met Merkels' aides in Berlin.", true),
            ("Angela Merkel said so.", true),
            ("Mehr zu Merkel: Café Müller.", false),
            ("Merkel", true),
        ];
        // "Merkel" is asked twice: the second answer is the remembered one.
        let probes = [
            "Merkel", "Merkels", "erkel", "Berlin", "Café", "Xx", "said so", "M", "Merkel",
        ];
        let got = counts(&parts, &probes);
        let want = [4, 1, 0, 1, 1, 0, 0, 0, 4];
        for ((p, (searched, tabled)), w) in probes.iter().zip(got).zip(want) {
            assert_eq!((searched, tabled), (w, w), "{p}");
        }
    }
}

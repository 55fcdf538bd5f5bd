//! The tables of `untranslated`, built once from the lexicons: per target language the
//! dictionaries, loanwords and the words that start them, and the bit sets the gate reads.

use super::{phrase_key, Untranslated, EN, LANGS, MAX_CONTENT_EN_COUNT, TARGETS};
use crate::kernels::{spread, BitSet};
use crate::lexicon::{LexiconError, Lexicons};
use crate::sentence::WordFacts;
use rustc_hash::{FxHashMap, FxHashSet};

/// Per target language: dictionaries, loanwords and the words that start them.
#[derive(Debug)]
pub(super) struct Target {
    /// Per source language (index of [`LANGS`]): phrase (lower case, words joined by one
    /// space) → suggestion in the target language (`None`: none or ambiguous).
    pub(super) dicts: Vec<FxHashMap<String, Option<String>>>,
    /// Loanwords and set phrases, as lower-case word sequences joined by one space.
    pub(super) loans: FxHashSet<String>,
    /// First words of dictionary entries: only words in this set start a phrase lookup
    /// (keeps the hot path free of allocations). What each one starts: see [`Start`].
    pub(super) starts: FxHashMap<String, Start>,
    /// Bit [`count_bit`] of the English count of every key of `starts` (English list of
    /// the lexicons the rule was built from): a word whose bit is clear is not a start.
    pub(super) start_counts: BitSet<COUNT_WORDS>,
    /// The source languages other than the target, as a bit set of [`LANGS`] indices.
    pub(super) all_langs: u8,
    /// What `may_hit` judges when no source language is given.
    pub(super) default: Judged,
    /// When `default` admits only a few English counts of content words (into English): bit
    /// `c % 65536` set for every such count `c` and the English count of every key of
    /// `starts`. A word whose bit is clear can only be passed over by `may_hit` (if ASCII).
    pub(super) passing: Option<Box<BitSet<PASSING_WORDS>>>,
    /// First words of loan phrases.
    pub(super) loan_starts: FxHashSet<String>,
    /// Articles and determiners: into French and Spanish a lone content word counts only
    /// after one of these.
    pub(super) determiners: FxHashSet<String>,
}

/// What the gate (`Untranslated::may_hit`) and `check` judge, for a target and a source language (or none).
#[derive(Debug, Clone, Copy)]
pub(super) struct Judged {
    /// The source languages judged (`langs` of `check`), a bit set of [`LANGS`] indices.
    pub(super) langs: u8,
    /// Those whose content words count (`content_langs` of `check`).
    pub(super) content: u8,
    /// The English counts a content word can have: `e - lo <= span` in 64 bits (one
    /// comparison; `lo = u64::MAX` admits no count). Into English at most
    /// MAX_CONTENT_EN_COUNT (its count in the target list); into the other targets, when
    /// only English content words count, above 0 (an English log probability of at least
    /// MIN_CONTENT_LOG_P needs one); none without content languages.
    pub(super) lo: u64,
    pub(super) span: u64,
}

impl Judged {
    pub(super) fn new(into_en: bool, all_langs: u8, source: Option<&str>) -> Self {
        let langs = match source {
            None => all_langs,
            Some(src) => LANGS
                .iter()
                .position(|&(l, _)| l == src)
                .map_or(0, |li| all_langs & (1 << li)),
        };
        let content = if into_en || source.is_some() {
            langs
        } else {
            langs & (1 << EN)
        };
        let (lo, span) = if content == 0 {
            (u64::MAX, 0)
        } else if into_en {
            (0, u64::from(MAX_CONTENT_EN_COUNT))
        } else if content == 1 << EN {
            (1, u64::from(u32::MAX) - 1)
        } else {
            (0, u64::from(u32::MAX))
        };
        Judged {
            langs,
            content,
            lo,
            span,
        }
    }

    /// True when a content word may have the English count `e`.
    pub(super) fn content_count(&self, e: u32) -> bool {
        u64::from(e).wrapping_sub(self.lo) <= self.span
    }
}

/// The dictionary entries a word starts, for the sentence prefilter.
#[derive(Debug, Default)]
pub(super) struct Start {
    /// Bit `li` set when the dictionary of source language `li` ([`LANGS`]) has the word
    /// alone as an entry.
    pub(super) single: u8,
    /// Second words of the longer entries it starts.
    pub(super) next: Vec<String>,
}

/// Size of [`Target::start_counts`] in 64-bit words (4096 bits: few false positives for the
/// few dozen distinct counts of the start words).
const COUNT_WORDS: usize = 64;

/// Bit index (0–4095) of an English count in [`Target::start_counts`]: the counts are
/// spread over the bits (nearby counts are common).
fn count_bit(c: u32) -> usize {
    spread(u64::from(c), BitSet::<COUNT_WORDS>::BITS.trailing_zeros())
}

/// Size of [`Target::passing`] in 64-bit words: a bit for each count below 65536 (the
/// counts a content word may have into English are far fewer).
pub(super) const PASSING_WORDS: usize = 1024;

impl Target {
    /// False when no key of `starts` has the English count `c`.
    pub(super) fn may_start(&self, c: u32) -> bool {
        self.start_counts.contains(count_bit(c))
    }

    /// The index of the first word of `facts` whose English count is not ruled out: a
    /// content word or a start word may have it. (A tight loop of its own: most words of a
    /// sentence are passed over in it.)
    #[inline(never)]
    pub(super) fn next_by_count(&self, facts: &[WordFacts], judged: Judged) -> Option<usize> {
        facts
            .iter()
            .position(|f| judged.content_count(f.en) || self.may_start(f.en))
    }
}

impl Untranslated {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        // Source → English dictionaries (`de_en.tsv` …) and English → target (`en_de.tsv` …).
        let mut into_en: Vec<FxHashMap<String, String>> = Vec::new();
        let mut max_words = 1;
        for (l, _) in &LANGS[..EN] {
            let mut d = FxHashMap::default();
            for row in lex.table(&format!("untranslated/{l}_en.tsv"), 2)? {
                let k = phrase_key(row[0]);
                max_words = max_words.max(k.split(' ').count());
                d.insert(k, row[1].to_string());
            }
            into_en.push(d);
        }
        let common_loans: Vec<String> = lex
            .list("untranslated/loanwords.txt")
            .into_iter()
            .map(phrase_key)
            .collect();
        let first = |k: &String| k.split(' ').next().unwrap_or("").to_string();
        let mut targets = Vec::new();
        let mut max_loan_words = 1;
        for t in TARGETS {
            let mut dicts: Vec<FxHashMap<String, Option<String>>> =
                vec![FxHashMap::default(); LANGS.len()];
            for (li, d) in into_en.iter().enumerate() {
                if LANGS[li].0 == t {
                    continue;
                }
                // Into English the dictionary's English is the suggestion; into another
                // target it only says that the word is foreign.
                dicts[li] = d
                    .iter()
                    .map(|(k, v)| (k.clone(), (t == "en").then(|| v.clone())))
                    .collect();
            }
            let mut loans: FxHashSet<String> = common_loans.iter().cloned().collect();
            if t != "en" {
                for row in lex.table(&format!("untranslated/en_{t}.tsv"), 2)? {
                    let k = phrase_key(row[0]);
                    max_words = max_words.max(k.split(' ').count());
                    let v = (row[1] != "?").then(|| row[1].to_string());
                    dicts[EN].insert(k, v);
                }
                loans.extend(
                    lex.list(&format!("untranslated/loanwords_{t}.txt"))
                        .into_iter()
                        .map(phrase_key),
                );
            }
            max_loan_words = loans
                .iter()
                .map(|l| l.split(' ').count())
                .max()
                .unwrap_or(1)
                .max(max_loan_words);
            let mut starts: FxHashMap<String, Start> = FxHashMap::default();
            for (li, d) in dicts.iter().enumerate() {
                for k in d.keys() {
                    let mut parts = k.split(' ');
                    let st = starts
                        .entry(parts.next().unwrap_or("").to_string())
                        .or_default();
                    match parts.next() {
                        None => st.single |= 1 << li,
                        Some(second) => st.next.push(second.to_string()),
                    }
                }
            }
            let en = lex.words("en");
            let mut start_counts = BitSet::default();
            for k in starts.keys() {
                start_counts.insert(count_bit(en.count(k)));
            }
            let loan_starts = loans.iter().map(first).collect();
            let determiners = if matches!(t, "fr" | "es") {
                lex.list(&format!("untranslated/determiners_{t}.txt"))
                    .into_iter()
                    .map(phrase_key)
                    .collect()
            } else {
                FxHashSet::default()
            };
            let all_langs = (0..LANGS.len())
                .filter(|&li| LANGS[li].0 != t)
                .fold(0, |m, li| m | 1 << li);
            let default = Judged::new(t == "en", all_langs, None);
            let passing = ((default.span as usize) < BitSet::<PASSING_WORDS>::BITS).then(|| {
                let mut bits = Box::<BitSet<PASSING_WORDS>>::default();
                let mut set = |c: u64| bits.insert(c as usize);
                for k in starts.keys() {
                    set(u64::from(en.count(k)));
                }
                if default.lo != u64::MAX {
                    (default.lo..=default.lo + default.span).for_each(&mut set);
                }
                bits
            });
            targets.push(Target {
                dicts,
                loans,
                starts,
                start_counts,
                all_langs,
                default,
                passing,
                loan_starts,
                determiners,
            });
        }
        Ok(Untranslated {
            targets,
            max_words,
            max_loan_words,
        })
    }
}

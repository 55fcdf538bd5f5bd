//! `untranslated`: source-language words left inside a sentence of the target language
//! ("financially und militarily", "selon the minister", "Die Regierung hat the new rules
//! beschlossen", "Le gouvernement a annoncé the measures").
//!
//! Targets: English (sources German, French, Spanish, Italian, Portuguese, Dutch) and German,
//! French, Spanish (sources English and the other languages). Decided by comparing how likely
//! a word is in each source language and in the target (log10 of the ratio of relative
//! frequencies), never by membership alone: English knows "die", "will" and "also", German
//! "in", "so", "was", French "on", "me", "plus", Spanish "he", "no", "a". Evidence must be
//! strong: a function word of a hand-written dictionary, or a frequent source-language content
//! word that the target does not know, written in lower case in the middle of the sentence
//! (into German, French and Spanish, whose word lists are small, only in a run of such words
//! or, in French and Spanish, right after an article).

use super::{Context, Finding, Rule, RuleInfo, Sentence, Severity, WordFacts};
use crate::lexicon::{LexiconError, Lexicons};
use crate::text::{is_apostrophe, lower};
use rustc_hash::{FxHashMap, FxHashSet};

static INFO: RuleInfo = RuleInfo {
    code: "untranslated",
    severity: Severity::Major,
    targets: &["en", "de", "fr", "es"],
    summary: "source-language words left inside a sentence (\"financially und militarily\", \"hat the new rules beschlossen\")",
    explain: r#"## What it does
Flags words of another language left in a sentence of the target language:
- into English: German, French, Spanish, Italian, Portuguese and Dutch words, function words
  that are not English at all ("und", "selon", "pero", "niet") and frequent source-language
  words that English does not know, in lower case in the middle of the sentence
  ("le gouvernement");
- into German, French and Spanish: English function words that are not words of the target
  ("the", "and", "which", "however", "according to"), runs of frequent English words
  ("because the virus"), an English noun right after a French or Spanish article ("les
  farmers", "los farmers"), and function words of the other languages ("und" in French,
  "mais" in Spanish);
- Cyrillic words in a Latin-script sentence.

The message names the language; the suggestion is the target word when the function-word
dictionary knows a single one (none for "the": der, die or das?).

## Why is this bad?
An untranslated word is a sure sign of machine translation that nobody reviewed, and the
reader may not understand it.

## Example
```text
The country is supported financially und militarily by its allies.
Die Regierung hat the new rules am Montag beschlossen.
```
Use instead:
```text
The country is supported financially and militarily by its allies.
Die Regierung hat die neuen Regeln am Montag beschlossen.
```

## Stays clean
Words that are also words of the target ("die", "also", "will" in English; "in", "so",
"was", "man" in German; "on", "me", "plus", "or", "but" in French; "he", "me", "no", "has" in
Spanish), loanwords and set phrases ("kindergarten", "per se", "de facto"; Anglicisms of the
target: "online", "live", "Homeoffice", "last but not least", "le week-end", "le parking",
"el marketing", "el software"), capitalized words (names, titles, German nouns: "Meeting",
"Team"), titles and names with English words ("Fridays for Future", "Bank of America",
"Lord of the Rings", "The Guardian"), name particles ("de Gaulle", "von der Leyen",
"da Silva"), quoted text ("„The Crown“", "« The Crown »"), inflected target words a small
word list lacks ("fragile", "miles"), and sentences that are not in the target language as a
whole (those are `wrong-language`).
"#,
};

/// Source languages the rule knows, with their display names. English is a source too (for
/// German, French and Spanish targets): its index is [`EN`].
const LANGS: [(&str, &str); 7] = [
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("en", "English"),
];

/// Index of English in [`LANGS`].
const EN: usize = 6;

/// Target languages the rule judges.
const TARGETS: [&str; 4] = ["en", "de", "fr", "es"];

/// log10 relative frequency given to a word a list does not know.
const FLOOR: f64 = -9.0;
/// A dictionary word must be this much (log10) more likely in its language than in the target.
const MIN_FUNCTION_RATIO: f64 = 1.5;
/// A dictionary word English uses more often than this (count) is taken as English
/// ("pour", "encore"); one-letter words have their own guard.
const MAX_DICT_EN_COUNT: u32 = 5000;
/// A content word must be this much more likely in its language than in the target …
const MIN_CONTENT_RATIO: f64 = 2.5;
/// … this common in its language (log10 relative frequency) …
const MIN_CONTENT_LOG_P: f64 = -5.5;
/// … and at most this common in the target (count; pyspellchecker's filler count is 50).
const MAX_CONTENT_EN_COUNT: u32 = 50;

/// A hit before merging: word range, language index, suggestion.
struct Hit {
    first: usize,
    last: usize,
    lang: usize,
    english: Option<String>,
    /// A lone content word (no dictionary entry): weak evidence on its own.
    weak: bool,
}

/// Per target language: dictionaries, loanwords and the words that start them.
#[derive(Debug)]
struct Target {
    /// Per source language (index of [`LANGS`]): phrase (lower case, words joined by one
    /// space) → suggestion in the target language (`None`: none or ambiguous).
    dicts: Vec<FxHashMap<String, Option<String>>>,
    /// Loanwords and set phrases, as lower-case word sequences joined by one space.
    loans: FxHashSet<String>,
    /// First words of dictionary entries: only words in this set start a phrase lookup
    /// (keeps the hot path free of allocations). What each one starts: see [`Start`].
    starts: FxHashMap<String, Start>,
    /// Bit [`count_bit`] of the English count of every key of `starts` (English list of
    /// the lexicons the rule was built from): a word whose bit is clear is not a start.
    start_counts: [u64; COUNT_WORDS],
    /// The source languages other than the target, as a bit set of [`LANGS`] indices.
    all_langs: u8,
    /// What `may_hit` judges when no source language is given.
    default: Judged,
    /// When `default` admits only a few English counts of content words (into English): bit
    /// `c % 65536` set for every such count `c` and the English count of every key of
    /// `starts`. A word whose bit is clear can only be passed over by `may_hit` (if ASCII).
    passing: Option<Box<[u64; 1024]>>,
    /// First words of loan phrases.
    loan_starts: FxHashSet<String>,
    /// Articles and determiners: into French and Spanish a lone content word counts only
    /// after one of these.
    determiners: FxHashSet<String>,
}

/// What [`Untranslated::may_hit`] judges, for a target and a source language (or none).
#[derive(Debug, Clone, Copy)]
struct Judged {
    /// The source languages judged (`langs` of `check`), a bit set of [`LANGS`] indices.
    langs: u8,
    /// Those whose content words count (`content_langs` of `check`).
    content: u8,
    /// The English counts a content word can have: `e - lo <= span` in 64 bits (one
    /// comparison; `lo = u64::MAX` admits no count). Into English at most
    /// MAX_CONTENT_EN_COUNT (its count in the target list); into the other targets, when
    /// only English content words count, above 0 (an English log probability of at least
    /// MIN_CONTENT_LOG_P needs one); none without content languages.
    lo: u64,
    span: u64,
}

impl Judged {
    fn new(into_en: bool, all_langs: u8, source: Option<&str>) -> Self {
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
    fn content_count(&self, e: u32) -> bool {
        u64::from(e).wrapping_sub(self.lo) <= self.span
    }
}

/// The dictionary entries a word starts, for the sentence prefilter.
#[derive(Debug, Default)]
struct Start {
    /// Bit `li` set when the dictionary of source language `li` ([`LANGS`]) has the word
    /// alone as an entry.
    single: u8,
    /// Second words of the longer entries it starts.
    next: Vec<String>,
}

/// Size of [`Target::start_counts`] in 64-bit words (4096 bits: few false positives for the
/// few dozen distinct counts of the start words).
const COUNT_WORDS: usize = 64;

/// Bit index (0–4095) of an English count in [`Target::start_counts`].
fn count_bit(c: u32) -> usize {
    (c.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl Target {
    /// False when no key of `starts` has the English count `c`.
    fn may_start(&self, c: u32) -> bool {
        let b = count_bit(c);
        self.start_counts[b / 64] & (1 << (b % 64)) != 0
    }

    /// The index of the first word of `facts` whose English count is not ruled out: a
    /// content word or a start word may have it. (A tight loop of its own: most words of a
    /// sentence are passed over in it.)
    #[inline(never)]
    fn next_by_count(&self, facts: &[WordFacts], judged: Judged) -> Option<usize> {
        facts
            .iter()
            .position(|f| judged.content_count(f.en) || self.may_start(f.en))
    }
}

/// The `untranslated` rule.
#[derive(Debug)]
pub struct Untranslated {
    /// One entry per [`TARGETS`].
    targets: Vec<Target>,
    /// Longest dictionary phrase, in words.
    max_words: usize,
    /// Longest loan phrase, in words.
    max_loan_words: usize,
    /// Address of the lexicons the rule was built from: `start_counts` holds for them only.
    lex_addr: usize,
}

/// Lower-cases and splits a phrase into words the way the tokenizer does.
fn phrase_key(p: &str) -> String {
    let lower = p.to_lowercase();
    crate::text::words(&lower)
        .iter()
        .map(|w| w.text(&lower).replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
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
            let mut start_counts = [0u64; COUNT_WORDS];
            for k in starts.keys() {
                let b = count_bit(en.count(k));
                start_counts[b / 64] |= 1 << (b % 64);
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
            let passing = (default.span < 65536).then(|| {
                let mut bits = Box::new([0u64; 1024]);
                let mut set = |c: u64| bits[(c % 65536) as usize / 64] |= 1 << (c % 64);
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
            lex_addr: std::ptr::from_ref(lex) as usize,
        })
    }
}

/// True when a British spelling of a known (American) English word: "programme",
/// "organisation", "labour", "centre", "analyse".
fn british_spelling(en: &crate::lexicon::WordFreq, w: &str) -> bool {
    const REWRITES: [(&str, &str); 10] = [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("mme", "m"),
        ("tre", "ter"),
        ("yse", "yze"),
        ("ence", "ense"),
        ("ogue", "og"),
    ];
    let stems = ["", "s", "es"];
    for suffix in stems {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        for (gb, us) in REWRITES {
            if let Some(stem) = base.strip_suffix(gb) {
                if en.count(&format!("{stem}{us}")) > MAX_CONTENT_EN_COUNT {
                    return true;
                }
            }
        }
        if let Some(k) = base.find("our") {
            if en.count(&format!("{}or{}", &base[..k], &base[k + 3..])) > MAX_CONTENT_EN_COUNT {
                return true;
            }
        }
    }
    false
}

/// True when one edit (a letter dropped, added, changed or two swapped) turns the word into
/// a common English word: a typo ("corna"), not a foreign word.
fn near_english(en: &crate::lexicon::WordFreq, w: &str, common: u32) -> bool {
    #[allow(non_snake_case)]
    let COMMON = common;
    let chars: Vec<char> = w.chars().collect();
    let hit = |v: &[char]| en.count(&v.iter().collect::<String>()) >= COMMON;
    let mut buf: Vec<char> = Vec::with_capacity(chars.len() + 1);
    for k in 0..chars.len() {
        buf.clear();
        buf.extend(
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, &c)| c),
        );
        if hit(&buf) {
            return true;
        }
        if k + 1 < chars.len() {
            buf.clear();
            buf.extend_from_slice(&chars);
            buf.swap(k, k + 1);
            if hit(&buf) {
                return true;
            }
        }
    }
    for k in 0..=chars.len() {
        for c in 'a'..='z' {
            buf.clear();
            buf.extend_from_slice(&chars[..k]);
            buf.push(c);
            buf.extend_from_slice(&chars[k..]);
            if hit(&buf) {
                return true;
            }
            if k < chars.len() && chars[k] != c {
                buf.clear();
                buf.extend_from_slice(&chars);
                buf[k] = c;
                if hit(&buf) {
                    return true;
                }
            }
        }
    }
    false
}

/// The count that makes a word "common" in list `tw`: 1000 in the English list, scaled by
/// the size of the other lists (their corpora are smaller).
fn near_threshold(tw: &crate::lexicon::WordFreq, en: &crate::lexicon::WordFreq) -> u32 {
    if en.total() == 0 {
        return 1000;
    }
    let scaled = 1000.0 * tw.total() as f64 / en.total() as f64;
    (scaled.round() as u32).clamp(20, 1000)
}

/// True when the target's list knows another inflected form of the word: the German, French
/// and Spanish lists hold only their commonest forms ("stabile" → "stabil", "flexibles").
fn inflected(target: &str, tw: &crate::lexicon::WordFreq, w: &str) -> bool {
    let endings: &[&str] = match target {
        "de" => &["e", "en", "er", "es", "em", "n", "s"],
        "fr" => &["e", "s", "es", "x", "ent"],
        "es" => &["s", "es", "a", "as", "o", "os"],
        _ => &[],
    };
    let mut stems = vec![w];
    stems.extend(endings.iter().filter_map(|e| w.strip_suffix(e)));
    stems.iter().any(|stem| {
        stem.chars().count() >= 3
            && (tw.count(stem) > 0 || endings.iter().any(|e| tw.count(&format!("{stem}{e}")) > 0))
    })
}

/// True when a lower-case word is spelled like a German word: umlauts, ß, or a German noun
/// or adjective ending ("Länder", "Regierung", "Gesellschaft", "Mehrheit").
fn looks_german(w: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät", "chen",
        "lich", "isch",
    ];
    w.chars().any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß')) || ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The lower-case key of words `i..j` of the sentence.
fn key(s: &Sentence<'_>, i: usize, j: usize) -> String {
    let mut k = String::new();
    for n in i..j {
        if n > i {
            k.push(' ');
        }
        k.push_str(&s.word(n).to_lowercase().replace('’', "'"));
    }
    k
}

/// Words `i..j` are separated only by single spaces (a phrase, not across punctuation).
fn contiguous(s: &Sentence<'_>, i: usize, j: usize) -> bool {
    (i + 1..j).all(|n| &s.text[s.words[n - 1].end..s.words[n].start] == " ")
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Marks the words inside quotation marks (quoted foreign text is there on purpose). German
/// opens with „ and closes with “; English, French and Spanish open with “ « and close with ” ».
fn quoted_words(s: &Sentence<'_>, target: &str) -> Vec<bool> {
    let n = s.words.len();
    let mut quoted = vec![false; n];
    let mut inside = false;
    let mut wi = 0;
    let german = target == "de";
    for (b, c) in s.text.char_indices() {
        while wi < n && s.words[wi].start < b {
            quoted[wi] = inside;
            wi += 1;
        }
        match c {
            '„' => inside = true,
            '“' if german => inside = false,
            '“' => inside = true,
            '«' | '»' if german => inside = !inside,
            '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            _ => {}
        }
    }
    while wi < n {
        quoted[wi] = inside;
        wi += 1;
    }
    quoted
}

/// The index of the first word of `facts` whose English count has its bit set in `bits`
/// ([`Target::passing`]). (A tight loop of its own: most words of a sentence are passed
/// over in it.)
#[inline(never)]
fn next_passing(facts: &[WordFacts], bits: &[u64; 1024]) -> Option<usize> {
    facts.iter().position(|f| {
        let c = f.en as usize % 65536;
        bits[c / 64] & (1 << (c % 64)) != 0
    })
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
    fn may_hit(&self, s: &Sentence<'_>, cx: &Context<'_>, ti: usize) -> bool {
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
                        || first >= 0x80 && starts_upper(&s.text[w.start..w.end])))
        }
        // `start`: false when the word's count tells that it is no key of `starts` (an ASCII
        // word: its key is its lower-case form).
        let word_test = |i: usize, start: bool| {
            may_be_hit(s, i) && self.word_may_hit(s, cx, ti, langs, content, i, start)
        };
        // `start_counts` and `passing` were computed from the lexicons the rule was built
        // from.
        if std::ptr::from_ref(cx.lex) as usize != self.lex_addr {
            return (0..s.words.len()).any(|i| word_test(i, true));
        }
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
        let into_en = tl == "en";
        let lex = cx.lex;
        let tw = lex.words(tl);
        let single = st.single & langs;
        for (li, (l, _)) in LANGS.iter().enumerate() {
            if single & (1 << li) == 0 {
                continue;
            }
            // The same tests as the dictionary loop of `check` for a one-word key.
            if into_en && k.chars().count() > 1 && lex.words("en").count(k) > MAX_DICT_EN_COUNT {
                continue;
            }
            if !into_en && li != EN && tw.count(k) > MAX_CONTENT_EN_COUNT {
                continue;
            }
            let r = if tw.count(k) == 0 {
                9.0
            } else {
                lex.words(l).log_p(k, FLOOR) - tw.log_p(k, FLOOR)
            };
            if r >= MIN_FUNCTION_RATIO {
                return true;
            }
        }
        if !st.next.is_empty() && i + 1 < s.words.len() {
            let k2 = word_key(s, i + 1);
            return st.next.iter().any(|x| *x == k2);
        }
        false
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
        let lw = s.lower(i);
        let tw = cx.lex.words(tl);
        // (Into English the target count is the word's English count.)
        let target_count = if tl == "en" {
            s.en_count(i)
        } else {
            tw.count(lw)
        };
        if target_count > MAX_CONTENT_EN_COUNT {
            return false;
        }
        LANGS.iter().enumerate().any(|(li, (l, _))| {
            if content & (1 << li) == 0 {
                return false;
            }
            let lp = cx.lex.words(l).log_p(lw, FLOOR);
            lp >= MIN_CONTENT_LOG_P && lp - tw.log_p(lw, FLOOR) >= MIN_CONTENT_RATIO
        })
    }
}

impl Rule for Untranslated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(ti) = TARGETS.iter().position(|&t| t == cx.target) else {
            return;
        };
        let tl = cx.target;
        if s.lang != tl || s.words.len() < 3 {
            return;
        }
        // Prefilter (exact): every finding is made of hits, and `may_hit` is true whenever a
        // word could be one. Most sentences have none.
        if !self.may_hit(s, cx, ti) {
            return;
        }
        let tg = &self.targets[ti];
        let into_en = tl == "en";
        let all: Vec<usize> = (0..LANGS.len()).filter(|&l| LANGS[l].0 != tl).collect();
        let langs: Vec<usize> = match cx.source {
            Some(src) => all.iter().copied().filter(|&l| LANGS[l].0 == src).collect(),
            None => all.clone(),
        };
        // Content words (not in a dictionary) count only from English into another target,
        // or from the given source: the smaller lists of German, French and Spanish do not
        // hold every inflected form, and related languages share many.
        let content_langs: Vec<usize> = if into_en || cx.source.is_some() {
            langs.clone()
        } else {
            langs.iter().copied().filter(|&l| l == EN).collect()
        };
        // A source without a word list here (Russian) still gets the Cyrillic check.
        let lex = cx.lex;
        let tw = lex.words(tl);
        let en = lex.words("en");
        let t_function = lex.function_words(tl);
        let n = s.words.len();
        // Cheap pre-scan: most sentences have no word that could be a leak.
        let maybe = (0..n).any(|i| {
            let w = s.word(i);
            if i > 0 && starts_upper(w) {
                return false;
            }
            let lw = lower(w);
            // Dictionary keys write the apostrophe straight ("aujourd'hui").
            tg.starts.contains_key(lw.as_ref())
                || (lw.contains('’') && tg.starts.contains_key(&lw.replace('’', "'")))
                || (lw.len() >= 5
                    && tw.count(&lw) <= MAX_CONTENT_EN_COUNT
                    && content_langs
                        .iter()
                        .any(|&li| lex.words(LANGS[li].0).log_p(&lw, FLOOR) >= MIN_CONTENT_LOG_P))
                || lw.chars().any(is_cyrillic)
        });
        if !maybe {
            return;
        }
        // A sentence mostly in another language is `wrong-language`, not a few leaked words
        // (short sentences fall back to the document's language, so check the words).
        let mut foreign = 0;
        let mut counted = 0;
        for i in 0..n {
            if !s.words[i].alpha || (i > 0 && starts_upper(s.word(i))) {
                continue;
            }
            counted += 1;
            let lw = lower(s.word(i));
            let p_t = tw.log_p(&lw, FLOOR);
            // Into English, unknown to English counts too: the source lists hold only their
            // commonest words. The other targets' lists are smaller: there a word must be
            // known elsewhere.
            if (into_en && p_t <= FLOOR)
                || all
                    .iter()
                    .any(|&l| lex.words(LANGS[l].0).log_p(&lw, FLOOR) > p_t + 1.0)
                || lw.chars().any(is_cyrillic)
            {
                foreign += 1;
            }
        }
        // Into German, French or Spanish, two function words of the target that English
        // lacks ("der", "und", "les", "los") make it a target sentence with leaked words.
        let own_function = if into_en {
            0
        } else {
            let en_function = lex.function_words("en");
            (0..n)
                .filter(|&i| {
                    let lw = lower(s.word(i));
                    t_function.contains(lw.as_ref()) && !en_function.contains(lw.as_ref())
                })
                .count()
        };
        if foreign * 2 > counted && own_function < 2 {
            return;
        }
        let quoted = quoted_words(s, tl);
        // Loan phrases cover their words.
        let mut loan = vec![false; n];
        for i in 0..n {
            for j in (i + 1..=(i + self.max_loan_words).min(n)).rev() {
                if !tg.loan_starts.contains(lower(s.word(i)).as_ref()) && !s.word(i).contains('’')
                {
                    break;
                }
                if (contiguous(s, i, j) || j == i + 1) && tg.loans.contains(&key(s, i, j)) {
                    loan[i..j].iter_mut().for_each(|x| *x = true);
                    break;
                }
            }
        }
        // A capitalized word that reads as a name or title: in German every noun is
        // capitalized, so there only a word more common in a source language than in German
        // ("Fridays for Future", "Bank of America") counts; elsewhere any capitalized word.
        // The German list lacks most nouns, so a noun counts as German by its spelling.
        // Next to an English word ("the Guardian", "Fridays for Future") the name must be an
        // English word too: "Cybersecurity and Datenschutz" is a leak.
        let name_like = |m: usize, english: bool| -> bool {
            let w = s.word(m);
            if !starts_upper(w) {
                return false;
            }
            // An acronym ("USA", "BBC") is a name in any language.
            if tl != "de" || (w.chars().count() >= 2 && !w.chars().any(char::is_lowercase)) {
                return true;
            }
            let lw = lower(w);
            !(looks_german(&lw)
                || (tw.count(&lw) > 0 && tw.log_p(&lw, FLOOR) >= en.log_p(&lw, FLOOR))
                || (english && en.count(&lw) <= MAX_CONTENT_EN_COUNT))
        };
        // More likely in some source language than in the target.
        let source_like = |m: usize| -> bool {
            let lw = lower(s.word(m));
            let p_t = tw.log_p(&lw, FLOOR);
            all.iter()
                .any(|&l| lex.words(LANGS[l].0).log_p(&lw, FLOOR) > p_t)
        };
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < n {
            let w = s.words[i];
            let word = w.text(s.text);
            let before = s.text[..w.start].chars().next_back();
            let skip = !w.alpha
                || quoted[i]
                || loan[i]
                || (starts_upper(word) && i > 0)
                // Glued to a hyphen, slash or dot: part of a compound, a URL or a code.
                || before.is_some_and(|c| matches!(c, '-' | '/' | '.' | '@' | '_'))
                || s.text[w.end..]
                    .chars()
                    .next()
                    .is_some_and(|c| matches!(c, '-' | '/' | '@' | '_') || is_apostrophe(c));
            if skip {
                i += 1;
                continue;
            }
            // A short lower-case word next to a capitalized one is a name particle
            // ("de Gaulle", "von der Leyen", "da Silva", "Gazzetta dello Sport").
            let english = !into_en && tg.dicts[EN].contains_key(lower(word).as_ref());
            let cap_next = i + 1 < n && name_like(i + 1, english);
            let cap_prev = i > 0 && i - 1 > 0 && name_like(i - 1, english);
            let len = word.chars().count();
            if (len <= 3 && (cap_next || cap_prev)) || (len <= 5 && cap_next && cap_prev) {
                i += 1;
                continue;
            }
            if !into_en {
                // A capitalized first word before a name is a title ("The Guardian …").
                if i == 0 && cap_next {
                    i += 1;
                    continue;
                }
                // A lower-case run between two names is a title ("Lord of the Rings",
                // "Gone with the Wind").
                let mut l = i;
                while l > 0 && !starts_upper(s.word(l - 1)) && i - l < 3 {
                    l -= 1;
                }
                let mut r = i + 1;
                while r < n && !starts_upper(s.word(r)) && r - i < 3 {
                    r += 1;
                }
                if l > 1
                    && r < n
                    && name_like(l - 1, true)
                    && name_like(r, true)
                    && (l..r).all(&source_like)
                {
                    i += 1;
                    continue;
                }
            }
            // A one-letter word ("y") needs a content word before it: "x and y" is English.
            // Into the other targets one-letter words are never judged ("a" is French and
            // Spanish, "I" an English pronoun but also a Roman numeral).
            let one_letter_ok = len > 1
                || (into_en
                    && i > 0
                    && s.word(i - 1).chars().count() >= 3
                    && !t_function.contains(lower(s.word(i - 1)).as_ref()));
            // Dictionary phrases, longest first.
            let mut found: Option<Hit> = None;
            let known_start = one_letter_ok
                && (tg.starts.contains_key(lower(word).as_ref()) || word.contains('’'));
            'len: for j in (i + 1..=(i + self.max_words).min(n)).rev() {
                if !known_start {
                    break;
                }
                if !contiguous(s, i, j)
                    || (j > i + 1
                        && (i + 1..j).any(|m| starts_upper(s.word(m)) || loan[m] || quoted[m]))
                {
                    continue;
                }
                let k = key(s, i, j);
                let mut best: Option<(f64, usize)> = None;
                for &li in &langs {
                    if !tg.dicts[li].contains_key(&k) {
                        continue;
                    }
                    // A single word must be far more likely in its language than in the
                    // target (a word no target list knows counts as far more likely).
                    // A word English itself uses often ("pour") is English here.
                    if into_en
                        && j == i + 1
                        && k.chars().count() > 1
                        && en.count(&k) > MAX_DICT_EN_COUNT
                    {
                        continue;
                    }
                    // Into German, French or Spanish, a word of a third language that the
                    // target's list knows is a homograph ("sur" is Spanish, "las" German,
                    // "dus" French). English is different: English songs and titles give
                    // its words counts in every list, and its dictionary leaves homographs out.
                    if !into_en && li != EN && j == i + 1 && tw.count(&k) > MAX_CONTENT_EN_COUNT {
                        continue;
                    }
                    let r = if j > i + 1 || tw.count(&k) == 0 {
                        9.0
                    } else {
                        lex.words(LANGS[li].0).log_p(&k, FLOOR) - tw.log_p(&k, FLOOR)
                    };
                    if r >= MIN_FUNCTION_RATIO && best.is_none_or(|(b, _)| r > b) {
                        best = Some((r, li));
                    }
                }
                if let Some((_, li)) = best {
                    found = Some(Hit {
                        first: i,
                        last: j - 1,
                        lang: li,
                        english: tg.dicts[li].get(&k).cloned().flatten(),
                        weak: false,
                    });
                    break 'len;
                }
            }
            // A frequent source-language content word that the target does not know.
            if found.is_none() && len >= 5 && !starts_upper(word) && i > 0 {
                let lw = lower(word);
                if tw.count(&lw) <= MAX_CONTENT_EN_COUNT {
                    let mut best: Option<(f64, usize)> = None;
                    for &li in &content_langs {
                        let wf = lex.words(LANGS[li].0);
                        let lp = wf.log_p(&lw, FLOOR);
                        let r = lp - tw.log_p(&lw, FLOOR);
                        if lp >= MIN_CONTENT_LOG_P
                            && r >= MIN_CONTENT_RATIO
                            && best.is_none_or(|(b, _)| lp > b)
                        {
                            best = Some((lp, li));
                        }
                    }
                    // British spellings ("programme") and typos ("corna") of target words
                    // are not foreign (checked last: the typo test is the costly one).
                    if let Some((_, li)) = best {
                        // Into German, French or Spanish, an English word that another
                        // European language has borrowed ("ballet", "jeans", "fitness") is
                        // likely borrowed by the target too, even if its small list lacks it.
                        let borrowed = !into_en
                            && li == EN
                            && LANGS[..EN].iter().any(|&(l, _)| {
                                l != tl && lex.words(l).count(&lw) > MAX_CONTENT_EN_COUNT
                            });
                        let target_form = if into_en {
                            british_spelling(en, &lw)
                        } else {
                            inflected(tl, tw, &lw)
                        };
                        if !borrowed
                            && !target_form
                            && !near_english(tw, &lw, near_threshold(tw, en))
                        {
                            found = Some(Hit {
                                first: i,
                                last: i,
                                lang: li,
                                english: None,
                                weak: true,
                            });
                        }
                    }
                }
            }
            // A Cyrillic word inside a Latin-script sentence.
            if found.is_none() && !starts_upper(word) && len >= 3 && word.chars().all(is_cyrillic) {
                found = Some(Hit {
                    first: i,
                    last: i,
                    lang: LANGS.len(),
                    english: None,
                    weak: false,
                });
            }
            match found {
                Some(h) => {
                    i = h.last + 1;
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        if hits.is_empty() {
            return;
        }
        // Merge adjacent hits of the same language into one run ("le gouvernement").
        let mut merged: Vec<Hit> = Vec::new();
        for h in hits {
            if let Some(m) = merged.last_mut() {
                if m.lang == h.lang && h.first == m.last + 1 && contiguous(s, m.last, h.first + 1) {
                    m.last = h.last;
                    m.english = None;
                    m.weak = false;
                    continue;
                }
            }
            merged.push(h);
        }
        for h in merged {
            // The German, French and Spanish word lists are too small to vouch for a lone
            // content word ("fragile" is an inflected German adjective, "miles" Spanish): there
            // only a run of words counts, or, in French and Spanish, a word right after an
            // article ("los farmers").
            if h.weak
                && !into_en
                && !(h.first > 0
                    && contiguous(s, h.first - 1, h.first + 1)
                    && tg.determiners.contains(lower(s.word(h.first - 1)).as_ref()))
            {
                continue;
            }
            let span = s.words[h.first].start..s.words[h.last].end;
            let text = &s.text[span.clone()];
            let name = LANGS.get(h.lang).map_or("Russian", |l| l.1);
            let msg = if h.first == h.last {
                format!("{name} word “{text}” left untranslated")
            } else {
                format!("{name} words “{text}” left untranslated")
            };
            let mut f = Finding::new(&INFO, span, msg);
            if let Some(e) = h.english {
                f = f.with_suggestion(e);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "untranslated";

    #[test]
    fn fires_on_german_function_word() {
        let f = findings(
            CODE,
            "en",
            "The country is supported financially und militarily by its western allies.",
        );
        assert_eq!(f, vec![("und".to_string(), Some("and".to_string()))]);
    }

    #[test]
    fn a_curly_apostrophe_reads_like_a_straight_one() {
        for t in [
            "The ministers will meet aujourd'hui in Brussels to discuss the budget.",
            "The ministers will meet aujourd’hui in Brussels to discuss the budget.",
        ] {
            assert_eq!(matched(CODE, t).len(), 1, "{t}");
        }
    }

    #[test]
    fn fires_on_french_and_spanish_function_words() {
        assert_eq!(
            matched(
                CODE,
                "The new law, selon the minister, will take effect next year in all regions."
            ),
            vec!["selon"]
        );
        assert_eq!(
            matched(
                CODE,
                "The talks were difficult, sin embargo both sides agreed to meet again soon."
            ),
            vec!["sin embargo"]
        );
    }

    #[test]
    fn fires_on_spanish_conjunction() {
        assert_eq!(
            matched(
                CODE,
                "The plan includes the sale of state companies y a sharp cut in spending."
            ),
            vec!["y"]
        );
    }

    #[test]
    fn fires_on_german_phrase() {
        assert_eq!(
            matched(
                CODE,
                "The minister said that the plan was nicht sehr good for the farmers."
            ),
            vec!["nicht sehr"]
        );
    }

    #[test]
    fn english_homographs_stay_clean() {
        assert_clean(
            CODE,
            &[
                "Many patients will die if the hospital closes, and also the staff will leave.",
                "They pour water on the fire, and a dove sat on the silver pendant.",
                "Plot the values on the x and y axes before the meeting starts.",
                "The fox returned to its den before the hunters arrived in the morning.",
                "The tabloid Bild reported that the Bundestag would vote on the bill next week.",
                "He felt a deep angst about the zeitgeist, but the kindergarten stayed open.",
            ],
        );
    }

    #[test]
    fn loanwords_and_names_stay_clean() {
        assert_clean(
            CODE,
            &[
                "The de facto ruler is not, per se, a dictator, and vis-à-vis the coup d'état he said nothing.",
                "Ursula von der Leyen met Jean-Luc Mélenchon and Lula da Silva in Paris after visiting the tomb of de Gaulle.",
                "The village fiesta drew a large crowd, and the siesta that followed was long.",
                "Protesters chanted “liberté, égalité, fraternité” outside the embassy on Sunday.",
            ],
        );
    }

    #[test]
    fn british_spelling_and_quoted_names_stay_clean() {
        assert_clean(
            CODE,
            &[
                "The organisation said the recovery programme would start at the centre in June.",
                "Eleven players tested positive for corna on Sunday, the club said.",
                "Nothing like it had happened before”, wrote the “Corriere dello Sport” on Monday.",
            ],
        );
    }

    #[test]
    fn fires_on_content_word_left_in_lower_case() {
        assert_eq!(
            matched(
                CODE,
                "The officials said the gouvernement would decide on the budget soon."
            ),
            vec!["gouvernement"]
        );
    }

    #[test]
    fn fires_on_sentence_initial_phrase_and_unlisted_words() {
        assert_eq!(
            matched(
                CODE,
                "Sin embargo, the opposition criticized the secrecy of the talks."
            ),
            vec!["Sin embargo"]
        );
        assert_eq!(
            matched(
                CODE,
                "The rise, según the ministry, will help two million workers."
            ),
            vec!["según"]
        );
        assert_eq!(
            matched(
                CODE,
                "The ministry called the sanctions незаконными and promised a response."
            ),
            vec!["незаконными"]
        );
    }

    #[test]
    fn short_foreign_sentences_are_not_this_rule() {
        assert_clean(
            CODE,
            &[
                "La patronal rechazó firmar el acuerdo.",
                "De regering noemde het plan onverantwoord.",
                "¿Llegarán las ayudas a tiempo?",
            ],
        );
    }

    #[test]
    fn whole_foreign_sentences_are_not_this_rule() {
        assert!(matched(
            CODE,
            "Die Regierung hat am Donnerstag beschlossen, die Steuern nicht zu erhöhen, und die Opposition protestiert."
        )
        .is_empty());
    }

    fn matched_in(target: &'static str, text: &str) -> Vec<String> {
        findings(CODE, target, text)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    fn assert_clean_in(target: &'static str, texts: &[&str]) {
        for t in texts {
            let f = findings(CODE, target, t);
            assert!(
                f.is_empty(),
                "{CODE} fired on clean {target} text {t:?}: {f:?}"
            );
        }
    }

    #[test]
    fn fires_on_english_function_words_in_german() {
        assert_eq!(
            matched_in(
                "de",
                "Das Kabinett hat the new rules am Mittwoch beschlossen."
            ),
            vec!["the"]
        );
        assert_eq!(
            findings(
                CODE,
                "de",
                "Die Landesregierung lobte die Einigung, however bleiben viele Fragen offen."
            ),
            vec![("however".to_string(), Some("jedoch".to_string()))]
        );
        // Between two German nouns "and" is a leak, not part of a name.
        assert_eq!(
            matched_in(
                "de",
                "Am Ende verständigten sich Bund and Länder auf neue Regeln."
            ),
            vec!["and"]
        );
    }

    #[test]
    fn fires_on_english_adverbs_and_numbers() {
        assert_eq!(
            findings(
                CODE,
                "es",
                "Las ventas crecieron un 4 %, mostly por el turismo extranjero."
            ),
            vec![("mostly".to_string(), Some("sobre todo".to_string()))]
        );
        assert_eq!(
            matched_in(
                "fr",
                "Deux immeubles ont été évacués, two of them en pleine nuit."
            ),
            vec!["two of them"]
        );
        // "fast" is German ("almost") and stays clean.
        assert_clean_in(
            "de",
            &["Die Halle war fast leer, als der Minister um zehn Uhr eintraf."],
        );
    }

    #[test]
    fn fires_on_english_runs_in_german() {
        assert_eq!(
            matched_in(
                "de",
                "Die Kliniken sind überlastet, because the virus sich rasch ausbreitet."
            ),
            vec!["because the"]
        );
    }

    #[test]
    fn german_anglicisms_and_english_names_stay_clean() {
        assert_clean_in(
            "de",
            &[
                "Das Meeting des Teams wurde abgesagt, der Manager arbeitet heute im Homeoffice.",
                "Das Start-up aus Leipzig verkauft seine Software online und per E-Mail.",
                "Vor dem Rathaus demonstrierten Hunderte Anhänger von Fridays for Future.",
                "Human Rights Watch und Black Lives Matter riefen zu Protesten auf.",
                "Die Serie „The Crown“ wurde um eine weitere Staffel verlängert.",
                "Die Zuschauer sahen „Pirates of the Caribbean“ im Freiluftkino.",
                "Zum Abschluss sang er den Klassiker Born in the USA.",
                "Der Sender wiederholt die Serie House of Cards ab Montag.",
                "The Guardian hatte zuerst über die Pläne berichtet.",
                "Die Bank of America hat ihre Prognose gesenkt, so ein Sprecher.",
                "Was die Gewerkschaft will, ist also noch offen, man wartet ab.",
                "Er las die Erklärung vor, dann verließ er den Saal.",
                "Last but not least dankte die Trainerin den Fans für ihre Unterstützung.",
                "Das Konzert wird live übertragen, die Band spielt auch ihren Hit „Heroes“.",
            ],
        );
    }

    #[test]
    fn inflected_german_words_are_not_english() {
        // "fragile", "massive" and "flexible" are German adjective forms the list may lack.
        assert_clean_in(
            "de",
            &[
                "Die ohnehin fragile Waffenruhe wurde am Abend erneut gebrochen.",
                "Die Firma setzt auf flexible Arbeitszeiten und massive Investitionen.",
            ],
        );
    }

    #[test]
    fn fires_on_english_in_french_and_spanish() {
        assert_eq!(
            findings(
                CODE,
                "fr",
                "La ministre a présenté le plan, however les syndicats le rejettent."
            ),
            vec![("however".to_string(), Some("cependant".to_string()))]
        );
        assert_eq!(
            matched_in(
                "fr",
                "Le préfet a rencontré les farmers du département jeudi."
            ),
            vec!["farmers"]
        );
        assert_eq!(
            matched_in("es", "El Ayuntamiento aprobó the measures por unanimidad."),
            vec!["the measures"]
        );
        assert_eq!(
            findings(
                CODE,
                "es",
                "Los vecinos protestaron because el parque será cerrado."
            ),
            vec![("because".to_string(), Some("porque".to_string()))]
        );
    }

    #[test]
    fn fires_on_other_source_languages_in_french_and_spanish() {
        assert_eq!(
            matched_in(
                "fr",
                "La grève continue und les syndicats appellent à manifester mardi."
            ),
            vec!["und"]
        );
        assert_eq!(
            matched_in(
                "es",
                "El acuerdo sigue en pie, mais las negociaciones continúan."
            ),
            vec!["mais"]
        );
    }

    #[test]
    fn french_homographs_and_anglicisms_stay_clean() {
        assert_clean_in(
            "fr",
            &[
                "On me dit qu'il y a plus de parkings en ville ce week-end.",
                "Les montants dus seront versés en mars, a précisé le ministère.",
                "Or, le but de la start-up est de lever des fonds avant l'été.",
                "Le coach a salué le fair-play des joueurs, selon le Guardian.",
                "La série « The Crown » sera diffusée en replay sur la plateforme.",
                "Les militants de Fridays for Future ont bloqué le pont mardi.",
                "Le marketing et le design de la marque ont été confiés à une agence.",
                "Le leader de l'opposition a reçu Wladimir Klitschko et le patron de PricewaterhouseCoopers.",
            ],
        );
    }

    #[test]
    fn spanish_homographs_and_anglicisms_stay_clean() {
        assert_clean_in(
            "es",
            &[
                "No he dicho eso, me parece que a nadie le interesa, afirmó el alcalde.",
                "La startup invirtió en marketing y software para su nueva app.",
                "Miles de fans vieron el partido online y en directo.",
                "La tormenta azotó el sur del país, y el as argentino ganó la carrera.",
                "El ballet y el sándwich de la cafetería, los jeans y el bikini de la tienda.",
                "El diario The Economist dedicó su portada a la crisis, según la agencia.",
                "La serie «The Crown» ha terminado tras seis temporadas.",
                "Human Rights Watch y Black Lives Matter denunciaron la detención.",
                "El cantante de Rage Against the Machine suspendió la gira.",
            ],
        );
    }

    #[test]
    fn cyrillic_in_german() {
        assert_eq!(
            matched_in(
                "de",
                "Das Ministerium nannte die Sanktionen незаконными und kündigte Schritte an."
            ),
            vec!["незаконными"]
        );
    }
}

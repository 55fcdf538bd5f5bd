//! Language identification per document and per sentence.
//!
//! whatlang is slow (about 70 µs a sentence) and unreliable on short text, so most decisions
//! are made from function words: each language's most common words, from the lexicons. whatlang
//! is asked, with an allowlist, only about sentences that remain in doubt; a short or unsure
//! sentence takes the document's language.

use crate::lexicon::{Lexicons, LANGS};
use crate::text::Word;
use rustc_hash::FxHashMap;

/// ISO 639-1 code for a whatlang language, or its ISO 639-3 code where none exists.
pub fn code_of(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Ell => "el",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Vie => "vi",
        Ind => "id",
        Tha => "th",
        _ => l.code(),
    }
}

/// Parses a language given by the user: ISO 639-1 (`en`) or 639-3 (`eng`), any case.
pub fn parse(s: &str) -> Option<&'static str> {
    let s = s.trim().to_lowercase();
    if let Some(l) = whatlang::Lang::from_code(&s) {
        return Some(code_of(l));
    }
    whatlang::Lang::all()
        .iter()
        .map(|&l| code_of(l))
        .find(|&c| c == s)
}

/// The decision for a text: its language, how sure, and whether it was detected from the text
/// itself (false: taken over from the document).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    /// ISO 639-1 code where one exists.
    pub lang: &'static str,
    /// 0–1.
    pub confidence: f64,
    /// Detected from this text rather than taken over.
    pub detected: bool,
}

/// Language identifier built from the function-word lexicons.
#[derive(Debug)]
pub struct LangId {
    /// For each lower-case function word of at most [`SHORT`] bytes, a bit per language of
    /// [`LANGS`].
    short: ShortWords,
    /// The same for the longer function words.
    function: FxHashMap<String, u16>,
    /// Byte length of the longest function word.
    function_max_len: usize,
    allow: whatlang::Detector,
    /// Word lists, parsed on first use (only sentences in doubt need them).
    lex: &'static Lexicons,
}

/// Function-word hits of a sentence: per language of [`LANGS`], and the number of words
/// (letters only) looked at.
#[derive(Debug, Clone, Copy)]
pub struct Hits {
    per_lang: [u32; LANGS.len()],
    words: usize,
}

/// Fewer words than this: the sentence takes the document's language.
const MIN_WORDS: usize = 5;
/// log10 relative frequency given to a word missing from a language's list.
const FLOOR: f64 = -7.5;
/// Average advantage per word (in decades of frequency) another language needs over the
/// document's before a sentence is called that language.
const MIN_MARGIN: f64 = 0.5;
/// The margin at which the word lists decide even when whatlang names a third language.
const STRONG_MARGIN: f64 = 1.2;

impl LangId {
    /// Builds the identifier.
    pub fn new(lex: &'static Lexicons) -> Self {
        let sets = LANGS.map(|l| lex.function_words(l));
        let mut short = ShortWords::with_capacity(sets.iter().map(|s| s.len()).sum());
        let mut function: FxHashMap<String, u16> = FxHashMap::default();
        let mut function_max_len = 0;
        for (i, set) in sets.iter().enumerate() {
            for w in *set {
                function_max_len = function_max_len.max(w.len());
                if w.len() <= SHORT {
                    short.add(w.as_bytes(), 1 << i);
                } else {
                    *function.entry(w.clone()).or_insert(0) |= 1 << i;
                }
            }
        }
        let allow = whatlang::Detector::with_allowlist(
            LANGS
                .iter()
                .filter_map(|c| whatlang::Lang::from_code(iso3(c)))
                .collect(),
        );
        LangId {
            short,
            function,
            function_max_len,
            allow,
            lex,
        }
    }

    fn hits(&self, text: &str, words: &[Word], limit: usize) -> ([u32; LANGS.len()], usize) {
        let mut hits = [0u32; LANGS.len()];
        let mut n = 0;
        for w in words.iter().filter(|w| w.alpha).take(limit) {
            n += 1;
            let m = crate::text::with_lower(w.text(text), |l| self.function_mask(l));
            for (i, h) in hits.iter_mut().enumerate() {
                *h += u32::from(m >> i) & 1;
            }
        }
        (hits, n)
    }

    /// The languages of which the lower-case word is a function word (bit `k` for `LANGS[k]`).
    pub fn function_mask(&self, lower: &str) -> u16 {
        // Most words are longer than any function word: no hash needed for them.
        let n = lower.len();
        if n > self.function_max_len {
            return 0;
        }
        // Every function word of at most SHORT bytes is in the table, every longer one in the map.
        if n <= SHORT {
            return self.short.get(lower.as_bytes());
        }
        self.function.get(lower).copied().unwrap_or(0)
    }

    /// [`LangId::sentence_hits`] from the words' facts, already looked up.
    pub fn hits_from_facts(words: &[Word], facts: &[crate::rules::WordFacts]) -> Hits {
        let mut per_lang = [0u32; LANGS.len()];
        let mut n = 0;
        // Up to 255 words at a time, one byte-wide counter per language in one u64 (see
        // SPREAD): a count cannot pass 255 inside a chunk, so no lane carries into the next.
        for (ws, fs) in words.chunks(255).zip(facts.chunks(255)) {
            let mut lanes = 0u64;
            for (w, f) in ws.iter().zip(fs) {
                let alpha = u64::from(w.alpha);
                lanes += SPREAD[usize::from(f.function & 0xFF)] * alpha;
                n += alpha as usize;
            }
            for (i, h) in per_lang.iter_mut().enumerate() {
                *h += (lanes >> (8 * i)) as u32 & 0xFF;
            }
        }
        Hits { per_lang, words: n }
    }

    /// The function-word hits of a whole sentence, computed once for [`LangId::document_with`]
    /// and [`LangId::sentence_with`].
    pub fn sentence_hits(&self, text: &str, words: &[Word]) -> Hits {
        let (per_lang, words) = self.hits(text, words, usize::MAX);
        Hits { per_lang, words }
    }

    /// The dominant language of a document, from the words of its sentences.
    pub fn document(&self, sentences: &[(&str, &[Word])]) -> Guess {
        self.document_with(sentences, &[])
    }

    /// [`LangId::document`], with the sentences' hits from [`LangId::sentence_hits`] (in the
    /// same order; missing ones are computed).
    pub fn document_with(&self, sentences: &[(&str, &[Word])], pre: &[Hits]) -> Guess {
        let mut hits = [0u32; LANGS.len()];
        let mut n = 0;
        for (i, (t, w)) in sentences.iter().enumerate() {
            // Only the first 4000 words count: a sentence crossing that line is counted again.
            let (h, k) = match pre.get(i) {
                Some(p) if n + p.words <= 4000 => (p.per_lang, p.words),
                _ => self.hits(t, w, 4000usize.saturating_sub(n)),
            };
            n += k;
            for (a, b) in hits.iter_mut().zip(h) {
                *a += b;
            }
            if n >= 4000 {
                break;
            }
        }
        let (best, second) = top2(&hits);
        if hits[best] >= 3 && hits[best] >= 2 * hits[second].max(1) {
            let conf = f64::from(hits[best] - hits[second]) / f64::from(hits[best]);
            return Guess {
                lang: LANGS[best],
                confidence: round2(0.5 + conf / 2.0),
                detected: true,
            };
        }
        // Few function words: another script, or a language we hold no lexicon for.
        let mut sample = String::new();
        for (t, _) in sentences {
            if sample.len() > 2000 {
                break;
            }
            sample.push_str(t);
            sample.push(' ');
        }
        match whatlang::detect(&sample) {
            Some(info) => Guess {
                lang: code_of(info.lang()),
                confidence: round2(info.confidence()),
                detected: true,
            },
            None => Guess {
                lang: "en",
                confidence: 0.0,
                detected: false,
            },
        }
    }

    /// The language of one sentence, falling back to the document's (`doc`, with `detected`
    /// cleared) unless the sentence itself says otherwise with confidence.
    ///
    /// Three stages, cheapest first:
    /// 1. a sentence mostly in another script is asked of whatlang directly;
    /// 2. a Latin-script sentence of fewer than `MIN_WORDS` words, or one whose function words
    ///    are those of the document's language, keeps the document's language (almost every
    ///    sentence stops here: one hash lookup per word);
    /// 3. a sentence in doubt is scored by a unigram model over the word-frequency lexicons of
    ///    every language and by whatlang (with an allowlist); both must name the same other
    ///    language, by a clear margin, for the sentence to be called that language.
    pub fn sentence(&self, text: &str, words: &[Word], doc: Guess) -> Guess {
        self.sentence_with(text, words, doc, None, None)
    }

    /// [`LangId::sentence`], with the sentence's hits from [`LangId::sentence_hits`].
    pub fn sentence_with(
        &self,
        text: &str,
        words: &[Word],
        doc: Guess,
        pre: Option<Hits>,
        facts: Option<(&[crate::rules::WordFacts], &str)>,
    ) -> Guess {
        let fallback = Guess {
            detected: false,
            ..doc
        };
        if mostly_other_script(text) {
            return self.other_script(text, doc).unwrap_or(fallback);
        }
        // Quoted titles and quotations ("La película «Everything Everywhere All at Once» ganó
        // …") are not the sentence's language.
        // A sentence that is mostly a quotation is judged by the quotation.
        let unquoted;
        let (words, pre, facts) = if has_quote(text) {
            unquoted = outside_quotes(text, words);
            let rest = unquoted.iter().filter(|w| w.alpha).count();
            if rest >= MIN_WORDS {
                (unquoted.as_slice(), None, None)
            } else {
                (words, pre, facts)
            }
        } else {
            (words, pre, facts)
        };
        let (hits, n) = match pre {
            Some(p) => (p.per_lang, p.words),
            None => self.hits(text, words, usize::MAX),
        };
        if n < MIN_WORDS {
            return fallback;
        }
        let Some(d) = LANGS.iter().position(|&l| l == doc.lang) else {
            // No lexicon for the document's language: only a long sentence that whatlang is
            // sure of can be told apart.
            return self.unlisted(text, n, doc).unwrap_or(fallback);
        };
        let doc_hits = hits[d] as usize;
        let other_hits = (0..LANGS.len())
            .filter(|&i| i != d)
            .map(|i| hits[i] as usize)
            .max()
            .unwrap_or(0);
        // A sentence of the document's language has function words of its own (about a
        // third of running text; fewer in headlines): only sentences short of them, or richer
        // in another language's, are looked at closer.
        let in_doubt = (other_hits >= 2 && other_hits > doc_hits)
            || doc_hits * 6 < n
            || self.unknown_words(text, words, d, facts);
        if !in_doubt {
            return fallback;
        }
        // Only languages with function words in the sentence compete with the document's:
        // their word lists are parsed on first use, and most never are.
        let mut candidates = [false; LANGS.len()];
        for (i, c) in candidates.iter_mut().enumerate() {
            *c = i == d || hits[i] > 0;
        }
        self.in_doubt(text, words, d, n, doc, candidates)
            .unwrap_or(fallback)
    }

    /// True when most lower-case words of the sentence (names aside) are missing from the
    /// document language's word list: a sentence in a neighbouring language that shares its
    /// function words ("le", "un", "a" are Spanish and French).
    fn unknown_words(
        &self,
        text: &str,
        words: &[Word],
        d: usize,
        facts: Option<(&[crate::rules::WordFacts], &str)>,
    ) -> bool {
        let wf = self.lex.words(LANGS[d]);
        if wf.is_empty() {
            return false;
        }
        // English counts were looked up with the words' facts (for their lower-case forms,
        // which are the words themselves when they have no capital).
        let en_facts = facts.filter(|_| LANGS[d] == "en");
        let (mut seen, mut unknown) = (0usize, 0usize);
        for (i, w) in words.iter().enumerate().filter(|(_, w)| w.alpha).take(16) {
            let t = w.text(text);
            if t.len() < 4 {
                continue;
            }
            // The first letter's case, from its byte when it is ASCII (most words).
            let b = t.as_bytes()[0];
            if b.is_ascii_uppercase() || (!b.is_ascii() && t.starts_with(char::is_uppercase)) {
                continue;
            }
            seen += 1;
            let known = match en_facts {
                Some((f, lower)) if &lower[f[i].lower_start..f[i].lower_end] == t => f[i].en > 0,
                _ => wf.contains(t),
            };
            if !known {
                unknown += 1;
            }
        }
        seen >= 3 && unknown * 2 > seen
    }

    /// A sentence mostly in a non-Latin script: whatlang, which tells scripts apart reliably.
    fn other_script(&self, text: &str, doc: Guess) -> Option<Guess> {
        let info = whatlang::detect(text)?;
        let lang = code_of(info.lang());
        if lang == doc.lang || info.confidence() < 0.5 {
            return None;
        }
        // Two languages of the same script (Russian and Ukrainian, say) are told apart less
        // well than scripts are: only a reliable answer counts.
        if script_of(lang) == script_of(doc.lang) && !info.is_reliable() {
            return None;
        }
        Some(Guess {
            lang,
            confidence: round2(info.confidence()),
            detected: true,
        })
    }

    /// A document language without lexicons: whatlang over all languages, when it is sure.
    fn unlisted(&self, text: &str, n: usize, doc: Guess) -> Option<Guess> {
        if n < 8 {
            return None;
        }
        let info = whatlang::detect(text)?;
        let lang = code_of(info.lang());
        (lang != doc.lang && info.is_reliable() && info.confidence() >= 0.9).then_some(Guess {
            lang,
            confidence: round2(info.confidence()),
            detected: true,
        })
    }

    /// The closer look: unigram scores from the word lists, and whatlang.
    fn in_doubt(
        &self,
        text: &str,
        words: &[Word],
        d: usize,
        n: usize,
        doc: Guess,
        candidates: [bool; LANGS.len()],
    ) -> Option<Guess> {
        let mut lm = [0f64; LANGS.len()];
        let mut known = [0usize; LANGS.len()];
        let empty = crate::lexicon::WordFreq::default();
        let lists: Vec<&crate::lexicon::WordFreq> = LANGS
            .iter()
            .zip(candidates)
            .map(|(l, c)| if c { self.lex.words(l) } else { &empty })
            .collect();
        // Words "won" by each language (its frequency is the highest of all): a mixed
        // sentence ("Laut dem Bericht the number rose") is not wholly in another language.
        let mut won = [0usize; LANGS.len()];
        for w in words.iter().filter(|w| w.alpha) {
            let lw = crate::text::lower(w.text(text));
            let mut top = (FLOOR, usize::MAX);
            for (i, wf) in lists.iter().enumerate() {
                let lp = wf.log_p(&lw, FLOOR).max(FLOOR);
                lm[i] += lp;
                if lp > FLOOR {
                    known[i] += 1;
                }
                if lp > top.0 {
                    top = (lp, i);
                }
            }
            if top.1 != usize::MAX {
                won[top.1] += 1;
            }
        }
        let best = (0..LANGS.len())
            .filter(|&i| !lists[i].is_empty())
            .max_by(|&a, &b| lm[a].total_cmp(&lm[b]))?;
        if known[best] * 2 < n && known[d] * 3 < n {
            // Most words are in no list we hold: a language we have no lexicon for?
            if let Some(g) = self.unlisted(text, n, doc) {
                if !LANGS.contains(&g.lang) {
                    return Some(g);
                }
            }
        }
        if best == d {
            return None;
        }
        // Two lower-case function words of the document's language that the other language
        // lacks ("Die Regierung hat the new rules am Montag beschlossen"): a sentence of the
        // document's language with words left untranslated (`untranslated` flags them), not
        // a sentence in another language. Capitalized words do not count: "Die Linke said …"
        // is an English sentence that names a German party.
        let own = words
            .iter()
            .filter(|w| w.alpha && !crate::text::is_capitalized(w.text(text)))
            .filter(|w| {
                let m = self.function_mask(&crate::text::lower(w.text(text)));
                m & (1 << d) != 0 && m & (1 << best) == 0
            })
            .count();
        if own >= 2 {
            return None;
        }
        let margin = (lm[best] - lm[d]) / n as f64;
        // At least three words, and a third of them, known in the other language: names and
        // numbers alone never decide.
        if margin < MIN_MARGIN || known[best] < 3 || known[best] * 3 < n || won[best] < 2 * won[d] {
            return None;
        }
        let info = self.allow.detect(text)?;
        let lang = code_of(info.lang());
        // whatlang confuses neighbours (German and Dutch) on short sentences: when the word
        // lists are clearly for one language, whatlang need only not insist on the document's.
        let agree = lang == LANGS[best];
        let overruled = lang == doc.lang && info.is_reliable();
        if !(agree || (margin >= STRONG_MARGIN && !overruled)) {
            return None;
        }
        let lang = LANGS[best];
        // Both agree: confidence grows with the margin and with whatlang's own.
        let conf = (0.5 + margin / 4.0).min(0.99).max(info.confidence());
        Some(Guess {
            lang,
            confidence: round2(conf.min(0.99)),
            detected: true,
        })
    }
}

/// The script family of a language code, coarsely (enough to tell "same script" apart).
fn script_of(lang: &str) -> &'static str {
    match lang {
        "ru" | "uk" | "bg" | "sr" | "be" | "mk" => "cyrillic",
        "zh" | "ja" => "han",
        "ar" | "fa" | "ur" => "arabic",
        "hi" | "mr" | "ne" => "devanagari",
        "el" => "greek",
        "he" | "yi" => "hebrew",
        "ko" => "hangul",
        "th" => "thai",
        _ => "latin",
    }
}

/// The words that are not inside quotation marks (« », „ “ ”, “ ”, " ").
fn outside_quotes(text: &str, words: &[Word]) -> Vec<Word> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None if matches!(c, '«' | '„' | '“' | '"') => open = Some((i, c)),
            Some((start, o)) => {
                let closes = match o {
                    '«' => c == '»',
                    '„' => c == '“' || c == '”',
                    '“' => c == '”',
                    _ => c == '"',
                };
                if closes {
                    spans.push((start, i));
                    open = None;
                }
            }
            None => {}
        }
    }
    words
        .iter()
        .filter(|w| !spans.iter().any(|&(a, b)| a < w.start && w.end <= b))
        .copied()
        .collect()
}

/// Longest function word, in bytes, kept in [`ShortWords`] (longer ones: a hash map).
const SHORT: usize = 16;

// One byte lane per language in SPREAD's u64.
const _: () = assert!(LANGS.len() == 8);

/// Byte `k` of `SPREAD[m]` is bit `k` of `m`: adding `SPREAD[mask]` counts a word for each of
/// its languages at once.
const SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut m = 0;
    while m < 256 {
        let mut k = 0;
        while k < 8 {
            t[m] |= ((m as u64 >> k) & 1) << (8 * k);
            k += 1;
        }
        m += 1;
    }
    t
};

/// The function words of at most [`SHORT`] bytes with their language bits: an open-addressing
/// table keyed by the word's bytes as two little-endian numbers and its length (no string
/// hashing or comparison for the words of a text, most of which are short).
#[derive(Debug)]
struct ShortWords {
    slots: Vec<Slot>,
    /// 64 minus log2 of the number of slots.
    shift: u32,
}

/// A word of [`ShortWords`]; `mask == 0`: an empty slot (a stored word has a language).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: usize,
    mask: u16,
}

impl ShortWords {
    /// A table for up to `n` words, at most a quarter full.
    fn with_capacity(n: usize) -> Self {
        let size = (4 * n).next_power_of_two().max(16);
        ShortWords {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The slot of the word with key `(lo, hi, len)`, or the empty slot where it would go.
    fn find(&self, lo: u64, hi: u64, len: usize) -> usize {
        let mix = (lo ^ hi.rotate_left(32) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len() - 1;
        let mut i = (mix >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.mask == 0 || (s.lo == lo && s.hi == hi && s.len == len) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds language bits `mask` (not 0) to the word `w` (at most SHORT bytes).
    fn add(&mut self, w: &[u8], mask: u16) {
        let (lo, hi) = key(w);
        let i = self.find(lo, hi, w.len());
        let s = &mut self.slots[i];
        *s = Slot {
            lo,
            hi,
            len: w.len(),
            mask: s.mask | mask,
        };
    }

    /// The language bits of the word `w` (at most SHORT bytes); 0 when it is none's.
    #[inline]
    fn get(&self, w: &[u8]) -> u16 {
        let (lo, hi) = key(w);
        self.slots[self.find(lo, hi, w.len())].mask
    }
}

/// The bytes of a word of at most 16 bytes as two little-endian numbers, zeros past its end
/// (with its length, the key says which word it is).
#[inline]
fn key(w: &[u8]) -> (u64, u64) {
    match w.split_first_chunk::<8>() {
        Some((lo, rest)) => (u64::from_le_bytes(*lo), load_le(rest)),
        None => (load_le(w), 0),
    }
}

/// Up to eight bytes as a little-endian number, by (at most three) overlapping loads: the
/// overlapping bytes are the same bytes, so or-ing them changes nothing.
#[inline]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(&first), Some(&last)) => {
            u64::from(u32::from_le_bytes(first))
                | u64::from(u32::from_le_bytes(last)) << (8 * (n - 4))
        }
        _ if n > 0 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        _ => 0,
    }
}

fn top2(h: &[u32]) -> (usize, usize) {
    let mut idx: Vec<usize> = (0..h.len()).collect();
    idx.sort_by_key(|&i| (std::cmp::Reverse(h[i]), i));
    (idx[0], idx[1])
}

/// True when the text has more letters in other scripts than in the Latin script, and at
/// least eight of them.
fn mostly_other_script(text: &str) -> bool {
    // ASCII text has no letter of another script.
    if text.is_ascii() {
        return false;
    }
    let (latin, other) = scripts(text);
    other > latin && other >= 8
}

/// True when the text has a quotation mark that opens a quotation or a title.
fn has_quote(text: &str) -> bool {
    if text.is_ascii() {
        return text.as_bytes().contains(&b'"');
    }
    text.contains(['«', '»', '„', '“', '”', '"'])
}

/// Counts letters in the Latin script and in other scripts.
fn scripts(text: &str) -> (usize, usize) {
    let (mut latin, mut other) = (0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        {
            latin += 1;
        } else {
            other += 1;
        }
    }
    (latin, other)
}

fn iso3(c: &str) -> &'static str {
    match c {
        "en" => "eng",
        "de" => "deu",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "nl" => "nld",
        "ru" => "rus",
        _ => "eng",
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn guess(text: &str, doc: &'static str) -> Guess {
        let id = LangId::new(Lexicons::builtin());
        let w = words(text);
        id.sentence(
            text,
            &w,
            Guess {
                lang: doc,
                confidence: 0.9,
                detected: true,
            },
        )
    }

    #[test]
    fn parse_codes() {
        assert_eq!(parse("en"), Some("en"));
        assert_eq!(parse("DEU"), Some("de"));
        assert_eq!(parse("xx"), None);
    }

    #[test]
    fn partly_translated_sentences_keep_the_document_language() {
        // Two German function words English lacks: German with English words left in it.
        for t in [
            "Nach Angaben der Stadt wurden bis Freitag the remaining families in the city housed.",
            "Die Regierung hat the new rules for the trade of the country am Montag beschlossen.",
        ] {
            assert_eq!(guess(t, "de").lang, "de", "{t}");
        }
        // One, or only capitalized ones (a name): an English sentence.
        for t in [
            "Laut dem Bericht the number of applications rose sharply last year.",
            "Die Linke said on Monday that the party would vote against the plan.",
        ] {
            assert_eq!(guess(t, "de").lang, "en", "{t}");
        }
    }

    #[test]
    fn german_sentence_in_english_document() {
        let g = guess(
            "Die Regierung hat am Montag die neuen Regeln für den Handel beschlossen.",
            "en",
        );
        assert_eq!(g.lang, "de");
        assert!(g.detected);
    }

    #[test]
    fn english_sentence_stays_english() {
        let g = guess(
            "The government adopted the new trade rules on Monday.",
            "en",
        );
        assert_eq!(g.lang, "en");
    }

    #[test]
    fn short_sentence_falls_back() {
        let g = guess("Danke schön", "en");
        assert_eq!(g.lang, "en");
        assert!(!g.detected);
    }

    #[test]
    fn quoted_titles_are_not_the_sentence_language() {
        let g = guess(
            "La película «Everything Everywhere All at Once» ganó siete Óscar.",
            "es",
        );
        assert_eq!(g.lang, "es");
        let g = guess(
            "The chancellor said that „Wir schaffen das“ had become a slogan of the campaign.",
            "en",
        );
        assert_eq!(g.lang, "en");
        // Unquoted, the same German sentence is German.
        let g = guess(
            "Die Kanzlerin sagte am Montag, dass wir das schaffen werden.",
            "en",
        );
        assert_eq!(g.lang, "de");
    }

    #[test]
    fn function_mask_matches_the_word_lists() {
        let lex = Lexicons::builtin();
        let id = LangId::new(lex);
        let mask = |w: &str| {
            LANGS
                .iter()
                .enumerate()
                .filter(|(_, l)| lex.function_words(l).contains(w))
                .fold(0u16, |m, (i, _)| m | 1 << i)
        };
        let mut n = 0;
        for l in LANGS {
            for w in lex.function_words(l) {
                assert_eq!(id.function_mask(w), mask(w), "{w}");
                // Prefixes, extensions and padded forms are other words (mostly none).
                for v in [
                    format!("{w}\0"),
                    format!("{w}s"),
                    format!("x{w}"),
                    w.chars().skip(1).collect(),
                    w.chars()
                        .take(w.chars().count().saturating_sub(1))
                        .collect(),
                ] {
                    assert_eq!(id.function_mask(&v), mask(&v), "{v:?}");
                }
                n += 1;
            }
        }
        assert!(n > 500);
        assert_eq!(id.function_mask(""), mask(""));
        assert_eq!(id.function_mask("government"), 0);
    }

    #[test]
    fn cyrillic_sentence() {
        let g = guess(
            "Президент России провёл переговоры в Астане в четверг.",
            "en",
        );
        assert_eq!(g.lang, "ru");
    }
}

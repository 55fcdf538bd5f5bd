//! Language identification per document and per sentence.
//!
//! whatlang is slow (about 70 µs a sentence) and unreliable on short text, so most decisions
//! are made from function words: each language's most common words, from the lexicons. whatlang
//! is asked, with an allowlist, only about sentences that remain in doubt; a short or unsure
//! sentence takes the document's language.

mod quotes;
mod short_words;

use crate::languages::{self, EN, LEXICON_LANGS as LANGS};
use crate::lexicon::Lexicons;
use crate::text::Word;
use quotes::{inside_quotes, quote_marks, Judged};
use rustc_hash::FxHashMap;
use short_words::{ShortWords, SHORT};
use std::sync::Arc;

pub use crate::languages::{code_of, parse};

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
    lex: Arc<Lexicons>,
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
/// Words of a document whose function words decide its language: enough for any document,
/// and a long one costs no more than this.
const DOC_WORDS: usize = 4000;
/// Bytes of a document's text (whole sentences, a little more) whatlang reads when the
/// function words do not decide.
const DOC_SAMPLE: usize = 2000;
/// Words counted in one byte-wide lane of [`SPREAD`] before they are added up: a byte holds
/// at most 255.
const LANE_WORDS: usize = 255;
/// Words of a sentence [`LangId::unknown_words`] looks at: its beginning says enough.
const UNKNOWN_PROBE: usize = 16;

impl LangId {
    /// Builds the identifier.
    pub fn new(lex: Arc<Lexicons>) -> Self {
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
            languages::LANGUAGES[..languages::LEXICON_COUNT]
                .iter()
                .map(|l| l.whatlang)
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
        // Every function word of at most SHORT bytes is in the table, every longer one in the
        // map; most words have at most eight bytes.
        let b = lower.as_bytes();
        if b.len() <= 8 {
            return self.short.get(crate::matcher::load8(b, 0), 0, b.len());
        }
        self.longer_mask(lower)
    }

    /// [`LangId::function_mask`] of a word of more than eight bytes (out of line: the short
    /// words' path stays small).
    #[inline(never)]
    fn longer_mask(&self, lower: &str) -> u16 {
        let b = lower.as_bytes();
        // Most long words are longer than any function word: nothing to look up.
        if b.len() > self.function_max_len {
            return 0;
        }
        match b.split_first_chunk::<8>() {
            Some((lo, rest)) if b.len() <= SHORT => self.short.get(
                u64::from_le_bytes(*lo),
                crate::matcher::load8(rest, 0),
                b.len(),
            ),
            _ => self.function.get(lower).copied().unwrap_or(0),
        }
    }

    /// [`LangId::sentence_hits`] from the words' facts, already looked up.
    pub fn hits_from_facts(words: &[Word], facts: &[crate::sentence::WordFacts]) -> Hits {
        let len = words.len().min(facts.len());
        let (words, facts) = (&words[..len], &facts[..len]);
        // Most sentences: one chunk, whose counters are the counts.
        if len <= LANE_WORDS {
            let (lanes, n) = tally(words, facts);
            return Hits {
                per_lang: lanes.to_le_bytes().map(u32::from),
                words: n,
            };
        }
        let mut hits = Hits {
            per_lang: [0; LANGS.len()],
            words: 0,
        };
        for (ws, fs) in words.chunks(LANE_WORDS).zip(facts.chunks(LANE_WORDS)) {
            let (lanes, n) = tally(ws, fs);
            unpack(lanes, &mut hits.per_lang);
            hits.words += n;
        }
        hits
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
            // Only the first DOC_WORDS words count: a sentence crossing that line is counted
            // again.
            let (h, k) = match pre.get(i) {
                Some(p) if n + p.words <= DOC_WORDS => (p.per_lang, p.words),
                _ => self.hits(t, w, DOC_WORDS.saturating_sub(n)),
            };
            n += k;
            for (a, b) in hits.iter_mut().zip(h) {
                *a += b;
            }
            if n >= DOC_WORDS {
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
            if sample.len() > DOC_SAMPLE {
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
    ///    sentence stops here: one hash lookup per word, none with the words' facts);
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
        facts: Option<(&[crate::sentence::WordFacts], &str)>,
    ) -> Guess {
        let fallback = Guess {
            detected: false,
            ..doc
        };
        // One pass over the bytes: bit 7, a byte that is not ASCII; bit 0, a '"'.
        let kinds =
            crate::matcher::byte_classes(text.as_bytes(), |c| (c & 0x80) | u8::from(c == b'"'));
        let ascii = kinds & 0x80 == 0;
        // ASCII text has no letter of another script.
        if !ascii && mostly_other_script(text) {
            return self.other_script(text, doc).unwrap_or(fallback);
        }
        let all = Judged {
            text,
            words,
            facts,
            outside: false,
            inside: None,
        };
        // Quoted titles and quotations ("La película «Everything Everywhere All at Once» ganó
        // …") are not the sentence's language.
        // A sentence that is mostly a quotation is judged by the quotation.
        let outside = Judged {
            outside: true,
            ..all
        };
        // The only quotation mark in ASCII is '"'.
        let quoted = if ascii {
            kinds & 1 != 0
        } else {
            quote_marks(text).next().is_some()
        };
        // (The words inside quotations of a sentence of at most 64 words, found once.)
        let inside = (quoted && words.len() <= 64).then(|| inside_quotes(text, words));
        let outside = Judged { inside, ..outside };
        let rest = if quoted {
            self.judged_hits(&outside)
        } else {
            ([0; LANGS.len()], 0)
        };
        let (sel, (hits, n)) = if rest.1 >= MIN_WORDS {
            (outside, rest)
        } else {
            let hits = match pre {
                Some(p) => (p.per_lang, p.words),
                None => self.judged_hits(&all),
            };
            (all, hits)
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
            || self.unknown_words(&sel, d);
        if !in_doubt {
            return fallback;
        }
        // Only languages with function words in the sentence compete with the document's:
        // their word lists are parsed on first use, and most never are.
        let mut candidates = [false; LANGS.len()];
        for (i, c) in candidates.iter_mut().enumerate() {
            *c = i == d || hits[i] > 0;
        }
        self.in_doubt(&sel, d, n, doc, candidates)
            .unwrap_or(fallback)
    }

    /// Function-word hits of the words judged (from their facts or looked up) and their
    /// number.
    fn judged_hits(&self, sel: &Judged<'_>) -> ([u32; LANGS.len()], usize) {
        let mut hits = [0u32; LANGS.len()];
        let mut n = 0;
        // Byte-wide counters as in hits_from_facts, added up every LANE_WORDS words.
        let mut lanes = 0u64;
        for (i, w) in sel.iter().filter(|(_, w)| w.alpha) {
            lanes += SPREAD[usize::from(sel.function(self, i, w) & 0xFF)];
            n += 1;
            if n % LANE_WORDS == 0 {
                unpack(std::mem::take(&mut lanes), &mut hits);
            }
        }
        unpack(lanes, &mut hits);
        (hits, n)
    }

    /// True when most lower-case words of the sentence (names aside) are missing from the
    /// document language's word list: a sentence in a neighbouring language that shares its
    /// function words ("le", "un", "a" are Spanish and French).
    fn unknown_words(&self, sel: &Judged<'_>, d: usize) -> bool {
        match sel.facts {
            Some((facts, lower)) if d == EN && !sel.outside => {
                unknown_english(sel.text, sel.words, facts, lower, self.lex.words("en"))
            }
            _ if sel.outside => self.unknown_among(sel, d, sel.iter()),
            _ => self.unknown_among(sel, d, sel.words.iter().enumerate()),
        }
    }

    /// [`LangId::unknown_words`] over `words` (those of `sel`, with their indices).
    fn unknown_among<'a>(
        &self,
        sel: &Judged<'a>,
        d: usize,
        words: impl Iterator<Item = (usize, &'a Word)>,
    ) -> bool {
        let wf = self.lex.words(LANGS[d]);
        if wf.is_empty() {
            return false;
        }
        // English counts were looked up with the words' facts (for their lower-case forms,
        // which are the words themselves when they have no capital).
        let en_facts = sel.facts.filter(|_| d == EN);
        mostly_unknown(sel.text, words, sel.words.len(), |i, w, t| match en_facts {
            // Outside quotations the list itself is asked, as it always was there: a word
            // listed with a count of 0 is known to it, though not to the facts.
            Some((f, lower))
                if lower
                    .as_bytes()
                    .get(f[i].lower_start..f[i].lower_end)
                    .is_some_and(|l| same_bytes(l, t)) =>
            {
                f[i].en > 0 || (sel.outside && wf.contains(w.text(sel.text)))
            }
            _ => wf.contains(w.text(sel.text)),
        })
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
        if languages::script(lang) == languages::script(doc.lang) && !info.is_reliable() {
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

    /// The closer look: unigram scores from the word lists, and whatlang. (Out of line: few
    /// sentences get here, and the common path stays small.)
    #[inline(never)]
    fn in_doubt(
        &self,
        sel: &Judged<'_>,
        d: usize,
        n: usize,
        doc: Guess,
        candidates: [bool; LANGS.len()],
    ) -> Option<Guess> {
        let text = sel.text;
        let mut lm = [0f64; LANGS.len()];
        let mut known = [0usize; LANGS.len()];
        let empty = crate::lexicon::WordFreq::default();
        let lists: [&crate::lexicon::WordFreq; LANGS.len()] = std::array::from_fn(|i| {
            if candidates[i] {
                self.lex.words(LANGS[i])
            } else {
                &empty
            }
        });
        // Words "won" by each language (its frequency is the highest of all): a mixed
        // sentence ("Laut dem Bericht the number rose") is not wholly in another language.
        let mut won = [0usize; LANGS.len()];
        // Only the candidates' scores are read below (`best` has a list, `d` is one): the
        // others are not computed. In order, as ties go to the first.
        let mut ids = [0usize; LANGS.len()];
        let mut k = 0;
        for i in (0..LANGS.len()).filter(|&i| candidates[i]) {
            ids[k] = i;
            k += 1;
        }
        for (j, w) in sel.iter().filter(|(_, w)| w.alpha) {
            let lw = sel.lower(j, w);
            // The word's count in the English list, when its facts have it (the same list).
            let en = sel.facts.map(|(f, _)| f[j].en);
            let mut top = (FLOOR, usize::MAX);
            for &i in &ids[..k] {
                let wf = lists[i];
                let lp = match en {
                    // What log_p gives for that count (a word missing or listed with 0: the
                    // floor, as after max below).
                    Some(c) if i == EN => {
                        if c > 0 && wf.total() > 0 {
                            (f64::from(c) / wf.total() as f64).log10()
                        } else {
                            FLOOR
                        }
                    }
                    _ => wf.log_p(&lw, FLOOR),
                }
                .max(FLOOR);
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
        let own = sel
            .iter()
            .filter(|(_, w)| w.alpha && !crate::text::is_capitalized(w.text(text)))
            .filter(|&(j, w)| {
                let m = sel.function(self, j, w);
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

/// [`LangId::unknown_words`] for all words of an English sentence with their facts (`en`: the
/// English list, whose counts the facts hold): most sentences, in one tight loop.
fn unknown_english(
    text: &str,
    words: &[Word],
    facts: &[crate::sentence::WordFacts],
    lower: &str,
    en: &crate::lexicon::WordFreq,
) -> bool {
    if en.is_empty() {
        return false;
    }
    let lower = lower.as_bytes();
    let n = words.len().min(facts.len());
    // The English count was looked up for the lower-case form, which is the word itself when
    // it has no capital.
    mostly_unknown(text, words[..n].iter().enumerate(), n, |i, w, t| {
        let f = &facts[i];
        match lower.get(f.lower_start..f.lower_end) {
            Some(l) if same_bytes(l, t) => f.en > 0,
            _ => en.contains(w.text(text)),
        }
    })
}

/// The count of [`LangId::unknown_words`]: of the first [`UNKNOWN_PROBE`] letter-only
/// `words` of `text` (with their indices, below `total`), those of four letters or more
/// without a capital are seen, and most of at least three seen are not `known` (asked with
/// the index, the word and its bytes).
#[inline(always)]
fn mostly_unknown<'a>(
    text: &str,
    words: impl Iterator<Item = (usize, &'a Word)>,
    total: usize,
    mut known: impl FnMut(usize, &Word, &[u8]) -> bool,
) -> bool {
    let bytes = text.as_bytes();
    let (mut seen, mut unknown, mut looked) = (0usize, 0usize, 0usize);
    for (i, w) in words {
        if !w.alpha {
            continue;
        }
        if looked == UNKNOWN_PROBE {
            break;
        }
        looked += 1;
        // (A word ending before it starts fails below, where Word::text fails.)
        if w.end.wrapping_sub(w.start) < 4 {
            continue;
        }
        let t = &bytes[w.start..w.end];
        // The first letter's case, from its byte when it is ASCII (most words).
        if t[0].is_ascii_uppercase()
            || (!t[0].is_ascii() && w.text(text).starts_with(char::is_uppercase))
        {
            continue;
        }
        seen += 1;
        unknown += usize::from(!known(i, w, t));
        // Even were every word left (at most UNKNOWN_PROBE - looked, and no more than the
        // sentence has after this one) seen and unknown, they would not be the majority: no.
        if 2 * unknown + (UNKNOWN_PROBE - looked).min(total - i - 1) <= seen {
            return false;
        }
    }
    seen >= 3 && unknown * 2 > seen
}

/// `a == b`, without a call for slices of four to eight bytes (most words): their first four
/// and last four bytes are all their bytes.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (a.first_chunk::<4>(), a.last_chunk::<4>()) {
        (Some(a0), Some(a1)) if a.len() <= 8 => {
            Some(a0) == b.first_chunk::<4>() && Some(a1) == b.last_chunk::<4>()
        }
        _ => a == b,
    }
}

/// The function words of `words` (letters only) per language, as byte-wide counters (see
/// [`SPREAD`]: at most [`LANE_WORDS`] words, so that no count carries into the next
/// language's), and the number of those words.
#[inline]
fn tally(words: &[Word], facts: &[crate::sentence::WordFacts]) -> (u64, usize) {
    let (mut lanes, mut n) = (0u64, 0);
    for (w, f) in words.iter().zip(facts) {
        let alpha = u64::from(w.alpha);
        lanes += SPREAD[usize::from(f.function & 0xFF)] * alpha;
        n += alpha as usize;
    }
    (lanes, n)
}

/// Adds the byte-wide counters of `lanes` (see [`SPREAD`]) to the counts per language.
#[inline]
fn unpack(lanes: u64, per_lang: &mut [u32; LANGS.len()]) {
    let counts = lanes.to_le_bytes().map(u32::from);
    for (h, c) in per_lang.iter_mut().zip(counts) {
        *h += c;
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
    // A letter of another script starts with a byte of at least 0xC0 (below: ASCII and
    // continuation bytes) outside 0xC3..=0xC8 (the lead bytes of U+00C0–U+023F, Latin letters
    // or no letters): fewer than eight such bytes, fewer than eight such letters.
    let leads = count_bytes(text.as_bytes(), |b| {
        (b >= 0xC0) & !(0xC3..=0xC8).contains(&b)
    });
    if leads < 8 {
        return false;
    }
    let (latin, other) = scripts(text);
    other > latin && other >= 8
}

/// The number of bytes for which `pred` holds (branch-free: it is vectorized).
fn count_bytes(b: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    // A byte-wide count per chunk of 255 bytes cannot overflow.
    b.chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &x| n + u8::from(pred(x)))))
        .sum()
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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::WordFacts;
    use crate::text::words;

    fn guess(text: &str, doc: &'static str) -> Guess {
        let id = LangId::new(Lexicons::builtin_shared());
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
        let id = LangId::new(Lexicons::builtin_shared());
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

    /// The words outside quotation marks, as they were found before [`Judged`].
    fn outside_reference(text: &str, words: &[Word]) -> Vec<Word> {
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

    #[test]
    fn words_outside_quotations_as_before() {
        let mut lengths = Vec::new();
        let long = "A long sentence, well over thirty-two bytes, «with a title» and \"a quote\" \
                    and „one more“ that “closes” late in the text and the end."
            .repeat(2);
        let longer = long.repeat(3);
        let texts = [
            "La película «Everything Everywhere All at Once» ganó siete Óscar.",
            "He said „Wir schaffen das” and “quoted words” and \"plain ones\" end",
            "Unclosed «quote here and “more words",
            "»Closing« first « then » twice « a » b",
            "“Nested „inner“ outer” tail words",
            "\"a\" \"b\" \"c d",
            "No quotes at all here.",
            "Look-alike bytes: \u{202B}x ₜ Ĝ ’ é — «real one» too",
            "«»“”„“\"\"",
            long.as_str(),
            longer.as_str(),
        ];
        for t in texts {
            let w = words(t);
            let mut reversed = w.clone();
            reversed.reverse();
            for ws in [&w, &reversed] {
                let sel = Judged {
                    text: t,
                    words: ws,
                    facts: None,
                    outside: true,
                    inside: None,
                };
                let got: Vec<Word> = sel.iter().map(|(_, w)| *w).collect();
                let want = outside_reference(t, ws);
                assert_eq!(got, want, "{t}");
                assert!(sel.iter().all(|(i, x)| ws[i] == *x));
                // The words left out, once found, leave out the same words.
                let inside = (ws.len() <= 64).then(|| inside_quotes(t, ws));
                lengths.push(ws.len());
                let known = Judged { inside, ..sel };
                let again: Vec<Word> = known.iter().map(|(_, w)| *w).collect();
                assert_eq!(again, want, "{t}");
                let all = Judged {
                    outside: false,
                    ..known
                };
                assert_eq!(all.iter().count(), ws.len());
            }
            let has = t.contains(['«', '»', '„', '“', '”', '"']);
            assert_eq!(quote_marks(t).next().is_some(), has, "{t}");
        }
        assert!(lengths.iter().any(|&n| n > 64) && lengths.iter().any(|&n| n > 40 && n <= 64));
    }

    #[test]
    fn other_script_bound_is_exact() {
        let reference = |t: &str| {
            let (latin, other) = scripts(t);
            other > latin && other >= 8
        };
        let texts = [
            "Президент России провёл переговоры в Астане в четверг.",
            "ªµºªµºªµº abc",
            "ªµºªµºªµº abcdefghijk",
            "ḀḁḂḃḄḅḆḇḈḉ ab",
            "ɐɑɒɓɔɕɖɗɘəɚ ab",
            "“Quoted” — “again” — “and” — “more” — “text” words here",
            "日本語のテキストです。漢字とかなを含みます。",
            "Ελληνικά κείμενα εδώ με λίγο English",
            "Ééééééééééééééééé ÀÀÀÀ ȀȀȀȀ",
            "plain ASCII only",
        ];
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain([texts[0].repeat(20)])
        {
            assert_eq!(mostly_other_script(&t), reference(&t), "{t}");
        }
        assert!(mostly_other_script(texts[0]));
        assert!(mostly_other_script(texts[1]));
        assert!(!mostly_other_script(texts[2]));
        assert!(!mostly_other_script(texts[3]));
        assert!(mostly_other_script(texts[4]));
    }

    #[test]
    fn unknown_words_stops_early_only_when_the_answer_is_no() {
        let lex = Lexicons::builtin();
        let id = LangId::new(Lexicons::builtin_shared());
        let en = lex.words("en");
        // The test as it was: every one of the first 16 letter-only words looked at.
        let reference = |text: &str, ws: &[Word], facts: Option<(&[WordFacts], &str)>| {
            let (mut seen, mut unknown) = (0usize, 0usize);
            for (i, w) in ws.iter().enumerate().filter(|(_, w)| w.alpha).take(16) {
                let t = w.text(text);
                if t.len() < 4 || t.starts_with(char::is_uppercase) {
                    continue;
                }
                seen += 1;
                let known = match facts {
                    Some((f, lower)) if &lower[f[i].lower_start..f[i].lower_end] == t => {
                        f[i].en > 0
                    }
                    _ => en.contains(t),
                };
                unknown += usize::from(!known);
            }
            seen >= 3 && unknown * 2 > seen
        };
        let pool = [
            "the",
            "government",
            "said",
            "xqzt",
            "blorvak",
            "Minister",
            "zuvek",
            "trade",
            "rules",
            "on",
            "monday",
            "plimf",
            "über",
            "straße",
            "ÜBER",
            "2024",
            "frobnitz",
            "report",
            "families",
            "grelp",
            "NATO",
            "iPhone",
            "wrokle",
            "city",
        ];
        let mut x = 12345u64;
        let mut trues = 0;
        for _ in 0..3000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 1 + (x >> 59) as usize % 24;
            let text: Vec<&str> = (0..len)
                .map(|k| pool[((x >> (k % 40)) as usize + 7 * k) % pool.len()])
                .collect();
            let text = text.join(" ");
            let ws = words(&text);
            let (mut lower, mut facts) = (String::new(), Vec::new());
            crate::sentence::word_facts(
                &text,
                &ws,
                &mut lower,
                &mut facts,
                |l| en.count(l),
                |l| id.function_mask(l),
            );
            for f in [None, Some((facts.as_slice(), lower.as_str()))] {
                let sel = Judged {
                    text: &text,
                    words: &ws,
                    facts: f,
                    outside: false,
                    inside: None,
                };
                let want = reference(&text, &ws, f);
                assert_eq!(id.unknown_words(&sel, EN), want, "{text}");
                trues += usize::from(want);
            }
        }
        assert!(trues > 100, "{trues}");
    }

    #[test]
    fn hits_from_facts_count_as_lookups_do() {
        let lex = Lexicons::builtin();
        let id = LangId::new(Lexicons::builtin_shared());
        let en = lex.words("en");
        let mut max = 0;
        for text in [
            "The government said on Monday that it would not change the rules.".to_string(),
            "Die Regierung hat am Montag die neuen Regeln beschlossen, 2024.".to_string(),
            "the de la in of 42 und et ".repeat(100),
            String::new(),
        ] {
            let ws = words(&text);
            let (mut lower, mut facts) = (String::new(), Vec::new());
            crate::sentence::word_facts(
                &text,
                &ws,
                &mut lower,
                &mut facts,
                |l| en.count(l),
                |l| id.function_mask(l),
            );
            let (a, b) = (
                LangId::hits_from_facts(&ws, &facts),
                id.sentence_hits(&text, &ws),
            );
            assert_eq!((a.per_lang, a.words), (b.per_lang, b.words), "{text}");
            max = max.max(a.per_lang[EN]);
        }
        // Past what one byte-wide counter holds.
        assert!(max > 255, "{max}");
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

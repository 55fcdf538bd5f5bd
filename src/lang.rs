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
    /// For each lower-case function word, a bit per language of [`LANGS`].
    function: FxHashMap<String, u16>,
    allow: whatlang::Detector,
}

const MIN_WORDS: usize = 4;

impl LangId {
    /// Builds the identifier.
    pub fn new(lex: &Lexicons) -> Self {
        let mut function: FxHashMap<String, u16> = FxHashMap::default();
        for (i, l) in LANGS.iter().enumerate() {
            for w in lex.function_words(l) {
                *function.entry(w.clone()).or_insert(0) |= 1 << i;
            }
        }
        let allow = whatlang::Detector::with_allowlist(
            LANGS
                .iter()
                .filter_map(|c| whatlang::Lang::from_code(iso3(c)))
                .collect(),
        );
        LangId { function, allow }
    }

    fn hits(&self, text: &str, words: &[Word], limit: usize) -> ([u32; LANGS.len()], usize) {
        let mut hits = [0u32; LANGS.len()];
        let mut n = 0;
        for w in words.iter().filter(|w| w.alpha).take(limit) {
            n += 1;
            let t = w.text(text);
            let mask = if t.chars().any(char::is_uppercase) {
                self.function.get(t.to_lowercase().as_str())
            } else {
                self.function.get(t)
            };
            if let Some(&m) = mask {
                for (i, h) in hits.iter_mut().enumerate() {
                    if m & (1 << i) != 0 {
                        *h += 1;
                    }
                }
            }
        }
        (hits, n)
    }

    /// The dominant language of a document, from the words of its sentences.
    pub fn document(&self, sentences: &[(&str, &[Word])]) -> Guess {
        let mut hits = [0u32; LANGS.len()];
        let mut n = 0;
        for (t, w) in sentences {
            let (h, k) = self.hits(t, w, 4000usize.saturating_sub(n));
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

    /// The language of one sentence, falling back to the document's.
    pub fn sentence(&self, text: &str, words: &[Word], doc: Guess) -> Guess {
        let fallback = Guess {
            detected: false,
            ..doc
        };
        let (hits, n) = self.hits(text, words, usize::MAX);
        let (latin, other) = scripts(text);
        if other > latin && other >= 8 {
            // Mostly a non-Latin script in a Latin-script document (or the reverse).
            if let Some(info) = whatlang::detect(text) {
                let lang = code_of(info.lang());
                if lang != doc.lang && info.confidence() >= 0.5 {
                    return Guess {
                        lang,
                        confidence: round2(info.confidence()),
                        detected: true,
                    };
                }
            }
            return fallback;
        }
        if n < MIN_WORDS {
            return fallback;
        }
        let doc_i = LANGS.iter().position(|&l| l == doc.lang);
        let doc_hits = doc_i.map_or(0, |i| hits[i]);
        let (best, _) = top2(&hits);
        let best_other = (0..LANGS.len())
            .filter(|&i| Some(i) != doc_i)
            .max_by_key(|&i| (hits[i], std::cmp::Reverse(i)))
            .unwrap_or(best);
        let other_hits = hits[best_other];
        let in_doubt = (other_hits >= 2 && other_hits > 2 * doc_hits)
            || (doc_hits == 0 && n >= 6 && doc_i.is_some());
        if !in_doubt {
            return fallback;
        }
        match self.allow.detect(text) {
            Some(info) => {
                let lang = code_of(info.lang());
                let strong = info.is_reliable() || (info.confidence() >= 0.6 && n >= 6);
                if lang != doc.lang && strong && (lang == LANGS[best_other] || other_hits == 0) {
                    Guess {
                        lang,
                        confidence: round2(info.confidence()),
                        detected: true,
                    }
                } else {
                    fallback
                }
            }
            None => fallback,
        }
    }
}

fn top2(h: &[u32]) -> (usize, usize) {
    let mut idx: Vec<usize> = (0..h.len()).collect();
    idx.sort_by_key(|&i| (std::cmp::Reverse(h[i]), i));
    (idx[0], idx[1])
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
    fn cyrillic_sentence() {
        let g = guess(
            "Президент России провёл переговоры в Астане в четверг.",
            "en",
        );
        assert_eq!(g.lang, "ru");
    }
}

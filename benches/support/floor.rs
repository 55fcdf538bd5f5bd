//! The spec's *floor*: read, split into sentences and words (mtlint's own segmenter and
//! tokenizer), lower-case, and one hash lookup per word against the English word list. The
//! segmenter is built from the same lexicon lists as `Engine::new` builds it.
//!
//! Included with `#[path = ...] mod floor;` from benches and examples.

#![allow(dead_code)]

use mtlint::lexicon::{Lexicons, WordFreq};
use mtlint::segment::Segmenter;

/// The floor pass.
pub struct Floor {
    /// The segmenter, as the engine builds it.
    pub seg: Segmenter,
    words: &'static WordFreq,
}

/// The segmenter `Engine::new` builds (its field is private, so this mirrors its code).
pub fn engine_segmenter(lex: &'static Lexicons) -> Segmenter {
    let starters: Vec<&str> = lex.list("segment/starters.txt");
    let mut abbreviations: Vec<&str> = Vec::new();
    for p in lex.paths().filter(|p| p.starts_with("abbreviations/")) {
        let lang = p
            .trim_start_matches("abbreviations/")
            .trim_end_matches(".txt");
        let words = lex.words(lang);
        abbreviations.extend(lex.list(p).into_iter().filter(|a| {
            let bare = a.trim_end_matches('.');
            bare.contains('.') || words.count(&bare.to_lowercase()) < 1000
        }));
    }
    abbreviations.extend(lex.list("segment/abbreviations.txt"));
    Segmenter::new(abbreviations, lex.list("segment/titles.txt"), starters)
}

/// What the floor counted (so that the optimizer cannot drop the work).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FloorCount {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Words found in the word list.
    pub known: usize,
}

impl Floor {
    /// Builds the floor (loads the English word list once).
    pub fn new() -> Self {
        let lex = Lexicons::builtin();
        let words = lex.words("en");
        assert!(!words.is_empty(), "lexicons/words/en.tsv is missing");
        Floor {
            seg: engine_segmenter(lex),
            words,
        }
    }

    /// Runs the floor pass over one text.
    pub fn run(&self, text: &str, acc: &mut FloorCount) {
        for sp in self.seg.split(text) {
            acc.sentences += 1;
            let s = &text[sp.start..sp.end];
            for w in mtlint::text::words(s) {
                acc.words += 1;
                let lower = mtlint::text::lower(w.text(s));
                if self.words.contains(&lower) {
                    acc.known += 1;
                }
            }
        }
    }
}

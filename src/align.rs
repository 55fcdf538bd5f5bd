//! The bilingual helpers the three bilingual rules (`source-copy`, `number-mismatch`,
//! `name-mismatch`) share: splitting the source into sentences, guessing its language cheaply
//! from function words, picking the target sentence that corresponds to a source sentence,
//! and reporting what the translation lacks.

use crate::rules::{DocFinding, Finding, RuleInfo};
use crate::sentence::Context;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// Languages whose function words can tell the source language: those the lexicons hold.
const GUESS_LANGS: [&str; 8] = crate::languages::LEXICON_LANGS;

/// Reports what the source has and the translation lacks: one finding per target sentence,
/// with an empty span, the missing items as evidence and `message(list)` as the message
/// (`list` = the items quoted and joined).
pub fn report_missing<T: AsRef<str>>(
    info: &'static RuleInfo,
    missing: Vec<(usize, Vec<T>)>,
    message: impl Fn(&str) -> String,
    out: &mut Vec<DocFinding>,
) {
    for (sentence, items) in missing {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        let list = items
            .iter()
            .map(|n| format!("“{n}”"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(DocFinding {
            sentence,
            finding: Finding::new(info, 0..0, message(&list)).with_evidence(items.join(", ")),
        });
    }
}

/// Byte ranges of the sentences of `text`: split at line breaks and at `.!?…` followed by a
/// space and an upper-case letter, digit or quote.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        if !t.is_empty() {
            out.push(a + lead..a + lead + t.len());
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            push(&mut out, start, pos);
            start = pos + 1;
        } else if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '"' | '”' | '»' | '“' | '\'' | '’' | ')')
            {
                j += 1;
            }
            // The word before the stop: an ordinal ("9."), an initial or a short title
            // ("Dr.") does not end a sentence.
            let before = &text[..pos];
            let prev = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default();
            let no_break = c == '.'
                && (prev.chars().all(|c| c.is_ascii_digit())
                    || prev.chars().count() == 1
                    || prev.starts_with(char::is_uppercase) && prev.chars().count() <= 3);
            if !no_break && j < chars.len() && chars[j].1 == ' ' {
                let k = j + 1;
                if k < chars.len()
                    && (chars[k].1.is_uppercase()
                        || chars[k].1.is_ascii_digit()
                        || "\"„“«'(".contains(chars[k].1))
                {
                    let end = chars[j].0;
                    push(&mut out, start, end);
                    start = end;
                    i = j;
                }
            }
        }
        i += 1;
    }
    push(&mut out, start, text.len());
    out
}

/// The source language: the one given, else the one whatlang is sure of, else the language
/// (other than the target) whose word list covers most of the source words (at least 40 %
/// of them) when trigrams are unsure; `None` when nothing fits.
pub fn source_lang(cx: &Context<'_>, src: &str) -> Option<&'static str> {
    if let Some(s) = cx.source {
        return Some(s);
    }
    // Trigrams first (whatlang, cheap): a reliable language without word lists of ours
    // (Romanian, Estonian, …) means no guess at all.
    if let Some(info) = whatlang::detect(src) {
        let c = crate::languages::code_of(info.lang());
        if GUESS_LANGS.contains(&c) && c != cx.target && info.is_reliable() {
            return Some(c);
        }
        if !GUESS_LANGS.contains(&c) && info.is_reliable() {
            return None;
        }
    }
    let words: Vec<String> = crate::text::words(src)
        .iter()
        .take(400)
        .map(|w| w.text(src).to_lowercase())
        .collect();
    // Below this share of known words no language of ours fits (Romanian, Estonian, …).
    let need = (words.len() as f64 * 0.4).ceil().max(2.0) as usize;
    let mut best = (need.saturating_sub(1), None);
    for &l in &GUESS_LANGS {
        if l == cx.target {
            continue;
        }
        let (fw, wf) = (cx.lex.function_words(l), cx.lex.words(l));
        let n = words
            .iter()
            .filter(|w| fw.contains(w.as_str()) || wf.contains(w.as_str()))
            .count();
        if n > best.0 {
            best = (n, Some(l));
        }
    }
    best.1
}

/// Lower-case content words (three letters or more) and numbers of `s`.
pub fn key_words(s: &str) -> FxHashSet<String> {
    crate::text::words(s)
        .iter()
        .map(|w| w.text(s))
        .filter(|w| w.chars().count() >= 3 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// The index of the target sentence that best corresponds to source sentence `si` of `n_src`:
/// the one sharing most names and numbers with it; the same position on a tie when the
/// counts match; else the first.
pub fn best_target(cx: &Context<'_>, src_sentence: &str, si: usize, n_src: usize) -> usize {
    let n = cx.sentences.len();
    if n <= 1 {
        return 0;
    }
    let keys = key_words(src_sentence);
    let mut best = (0usize, if n == n_src { si.min(n - 1) } else { 0 });
    for s in cx.sentences {
        let shared = key_words(s.text).intersection(&keys).count();
        if shared > best.0 {
            best = (shared, s.index);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_source_sentences() {
        let s = "Er kam am 9. November. Dann ging er. „Gut“, sagte sie.\nNeue Zeile";
        let parts: Vec<&str> = super::split_sentences(s)
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(
            parts,
            vec![
                "Er kam am 9. November.",
                "Dann ging er.",
                "„Gut“, sagte sie.",
                "Neue Zeile"
            ]
        );
    }
}

//! `source-copy` (bilingual mode): a target sentence that is the source text, or one of its
//! sentences, copied untranslated (compared after normalizing case, spaces and punctuation).
//!
//! Also home of the small helpers the three bilingual rules share: splitting the source into
//! sentences, guessing its language cheaply from function words, and picking the target
//! sentence that corresponds to a source sentence.

use super::{Context, DocFinding, Finding, Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};
use rustc_hash::FxHashSet;
use std::ops::Range;

static INFO: RuleInfo = RuleInfo {
    code: "source-copy",
    severity: Severity::Critical,
    targets: &["*"],
    summary: "bilingual mode: the target sentence is the source sentence, untranslated",
    explain: r#"## What it does
In bilingual mode (a source text is given), flags a target sentence that is identical or
nearly identical to the source text or to one of its sentences, after lower-casing and
ignoring spaces and punctuation: the engine copied the source instead of translating it.

## Why is this bad?
The reader gets the original language; the sentence is unusable.

## Example
Source `Die Regierung hat den Haushalt am Montag verabschiedet.`, target
`Die Regierung hat den Haushalt am Montag verabschiedet.` → `The government passed the
budget on Monday.`

## Stays clean
Sentences that are only names, numbers or URLs ("Manchester United 2, Chelsea 1",
"www.example.org"), short titles of three words or fewer ("Angela Merkel", "Tour de France"),
a target that shares names and numbers with the source but translates the rest.
"#,
};

/// Languages whose function words can tell the source language.
const GUESS_LANGS: [&str; 8] = ["en", "de", "fr", "es", "it", "pt", "nl", "ru"];

/// Reports what the source has and the translation lacks: one finding per target sentence,
/// with an empty span, the missing items as evidence and `message(list)` as the message
/// (`list` = the items quoted and joined).
pub(crate) fn report_missing<T: AsRef<str>>(
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
pub(crate) fn split_sentences(text: &str) -> Vec<Range<usize>> {
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
pub(crate) fn source_lang(cx: &Context<'_>, src: &str) -> Option<&'static str> {
    if let Some(s) = cx.source {
        return Some(s);
    }
    // Trigrams first (whatlang, cheap): a reliable language without word lists of ours
    // (Romanian, Estonian, …) means no guess at all.
    if let Some(info) = whatlang::detect(src) {
        let c = crate::lang::code_of(info.lang());
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
pub(crate) fn key_words(s: &str) -> FxHashSet<String> {
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
pub(crate) fn best_target(cx: &Context<'_>, src_sentence: &str, si: usize, n_src: usize) -> usize {
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

/// Lower-case words of `s`, letters and digits only.
fn norm(s: &str) -> Vec<String> {
    crate::text::words(s)
        .iter()
        .map(|w| w.text(s).to_lowercase())
        .collect()
}

/// The `source-copy` rule.
#[derive(Debug)]
pub struct SourceCopy;

impl SourceCopy {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(SourceCopy)
    }
}

/// Share of the words of `a` found in `b` (as a multiset, in any order).
fn covered(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let mut pool: Vec<&String> = b.iter().collect();
    let mut hit = 0;
    for w in a {
        if let Some(p) = pool.iter().position(|x| *x == w) {
            pool.swap_remove(p);
            hit += 1;
        }
    }
    hit as f64 / a.len() as f64
}

impl Rule for SourceCopy {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let Some(src) = cx.source_text else {
            return;
        };
        let mut units: Vec<Vec<String>> = split_sentences(src)
            .into_iter()
            .map(|r| norm(&src[r]))
            .collect();
        units.push(norm(src));
        for s in cx.sentences {
            let t = norm(s.text);
            // Names, numbers and short titles are the same in any language.
            let lower_words = s
                .words
                .iter()
                .filter(|w| w.alpha && w.text(s.text).starts_with(char::is_lowercase))
                .count();
            if t.len() <= 3 || lower_words < 2 {
                continue;
            }
            let copied = units.iter().any(|u| {
                u.len() >= 3 && (*u == t || (covered(&t, u) >= 0.9 && covered(u, &t) >= 0.8))
            });
            if copied {
                let body = s.text.trim_end().len();
                out.push(DocFinding {
                    sentence: s.index,
                    finding: Finding::new(
                        &INFO,
                        0..body,
                        "the sentence is the source text, untranslated",
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {

    pub(crate) fn bi(code: &str, target: &'static str, src: &str, tgt: &str) -> Vec<String> {
        crate::rules::testing::bilingual(code, target, src, tgt)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    #[test]
    fn translations_and_names_stay_clean() {
        let cases = [
            (
                "Die Regierung hat den Haushalt am Montag verabschiedet.",
                "The government passed the budget on Monday.",
            ),
            ("Angela Merkel", "Angela Merkel"),
            ("Tour de France", "Tour de France"),
            (
                "FC Bayern München 3, Borussia Dortmund 1",
                "FC Bayern München 3, Borussia Dortmund 1",
            ),
            (
                "Weitere Informationen unter www.example.org",
                "More information at www.example.org",
            ),
            (
                "Wladimir Klitschko trifft BioNTech-Chef Uğur Şahin in Berlin.",
                "Wladimir Klitschko meets BioNTech boss Uğur Şahin in Berlin.",
            ),
        ];
        for (s, t) in cases {
            let f = bi("source-copy", "en", s, t);
            assert!(f.is_empty(), "{s:?} → {t:?}: {f:?}");
        }
        assert!(bi("source-copy", "en", "", "The talks ended on Friday.").is_empty());
    }

    #[test]
    fn copied_sentence_fires() {
        let f = bi(
            "source-copy",
            "en",
            "Die Regierung hat den Haushalt am Montag verabschiedet. Die Opposition kritisierte das.",
            "The government passed the budget on Monday. Die Opposition kritisierte das.",
        );
        assert_eq!(f, vec!["Die Opposition kritisierte das."]);
        // Nearly identical: one word of ten changed.
        let f = bi(
            "source-copy",
            "en",
            "Der Minister sagte am Montag, dass die Gespräche weitergehen würden.",
            "The minister sagte am Montag, dass die Gespräche weitergehen würden.",
        );
        assert_eq!(f.len(), 1);
        let f = bi(
            "source-copy",
            "en",
            "Le gouvernement a adopté le budget lundi.",
            "le gouvernement a adopté le budget lundi",
        );
        assert_eq!(f.len(), 1);
    }

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

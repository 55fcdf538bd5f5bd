//! `source-copy` (bilingual mode): a target sentence that is the source text, or one of its
//! sentences, copied untranslated (compared after normalizing case, spaces and punctuation).

use crate::align::split_sentences;
use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{DocFinding, Finding, Rule, RuleInfo, Severity};
use crate::sentence::Context;

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
}

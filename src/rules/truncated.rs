//! `truncated`: text cut off — a paragraph that stops on "…" in the middle of a clause, one
//! that stops on a word that cannot end a sentence ("… said that the"), and the announcements
//! that the rest is elsewhere ("Read the full article here", "Continue reading", "(continued)").
//!
//! Ownership: link buttons such as "Read more", "Weiterlesen", "Lire la suite" are
//! `boilerplate`; announcements of a cut-off article (`lexicons/truncated/phrases.txt`) are
//! here, so one artifact gets one flag.

use crate::lexicon::{LexiconError, Lexicons};
use crate::matcher::{Candidates, PhraseSet};
use crate::phrases::PhraseWords;
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use rustc_hash::FxHashSet;

static INFO: RuleInfo = RuleInfo {
    code: "truncated",
    severity: Severity::Major,
    targets: &["*"],
    summary: "text cut off (\"… visited…\" ending a paragraph, \"… said that the\", \"Read the full article here\")",
    explain: r#"## What it does
Flags text that was cut off: a paragraph whose last sentence stops on an ellipsis in the
middle of a clause ("… comes days after the president visited…"), a paragraph that stops
without final punctuation on a word that cannot end a sentence ("… the minister said that
the"), and lines announcing that the rest of the article is elsewhere ("Read the full article
here", "Continue reading", "(continued)"; `lexicons/truncated/phrases.txt`). The words that
cannot end a sentence are in `lexicons/truncated/dangling/<lang>.txt`.

## Why is this bad?
Teasers and feeds cut articles at a fixed length; the reader gets half a sentence and a link
that no longer works.

## Example
```text
The visit comes days after the president travelled…

Read the full article here
```
→ the full last sentence, without the link line.

## Stays clean
A quoted trailing-off speech ("“I just don’t know…” she said."), an ellipsis inside a
sentence ("We waited … and waited."), "etc.", short teaser headlines ending in "…", a line
that ends with a complete sentence, "He will continue reading the report tomorrow."
"#,
};

/// The `truncated` rule.
#[derive(Debug)]
pub struct Truncated {
    phrases: PhraseSet<()>,
    /// The first words of the phrases, for plain sentences.
    first_words: PhraseWords,
    dangling: Vec<(&'static str, FxHashSet<String>)>,
}

const LANGS: [&str; 4] = ["en", "de", "fr", "es"];

/// Minimum words of a sentence before its trailing ellipsis or dangling word counts.
const MIN_WORDS: usize = 6;

impl Truncated {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let list = lex.list("truncated/phrases.txt");
        let first_words = PhraseWords::new(lex, list.iter().copied(), |_| 0, false);
        let phrases = PhraseSet::new(list.into_iter().map(|p| (p, ())));
        let dangling = LANGS
            .iter()
            .map(|&l| {
                let set = lex
                    .list(&format!("truncated/dangling/{l}.txt"))
                    .into_iter()
                    .map(str::to_lowercase)
                    .collect();
                (l, set)
            })
            .collect();
        Ok(Truncated {
            phrases,
            first_words,
            dangling,
        })
    }

    /// Part 1 of [`Truncated::check`] (a sentence that starts or ends a line): true when it
    /// reported a link to the rest of the article.
    /// False when no phrase of [`Truncated::phrases`] can start or end the line `s`: in a
    /// plain sentence none of their first words is there, or the automaton's first bytes
    /// ([`PhraseSet::may_match`]) are not where such a match would start.
    fn link_may_match(&self, s: &Sentence<'_>) -> bool {
        let n = s.words.len();
        let last = n.saturating_sub(self.phrases.max_runs());
        if PhraseWords::plain(s)
            && !(s.line_start && self.first_words.any(s, 0..n.min(1))
                || s.line_end && self.first_words.any(s, last..n))
        {
            return false;
        }
        let first = s.words.first().map_or(0, |w| w.start);
        let last = s.words.get(last).map_or(0, |w| w.start);
        let c = Candidates::new(s.text, s.words);
        s.line_start && self.phrases.may_match(&c, first..=first)
            || s.line_end && self.phrases.may_match(&c, last..=s.text.len())
    }

    fn cut_off_link(&self, s: &Sentence<'_>, out: &mut Vec<Finding>) -> bool {
        let t = s.text;
        if !crate::gate::open(self.link_may_match(s)) {
            return false;
        }
        let body = t.trim_end();
        for (r, _) in self.phrases.find(t) {
            let before = &t[..r.start];
            let after = &t[r.end..];
            let lead = s.line_start && !before.chars().any(char::is_alphanumeric);
            let short_rest = word_count(after) <= 3 && !after.trim_end().ends_with(['.', '?', '!']);
            let tail = s.line_end && !after.chars().any(char::is_alphanumeric);
            if lead && short_rest
                || tail && t[r.clone()].starts_with(|c: char| c.is_uppercase() || c == '(')
            {
                out.push(
                    Finding::new(
                        &INFO,
                        r.start..body.len().max(r.end),
                        "the article is cut off here and points elsewhere",
                    )
                    .with_suggestion(""),
                );
                return true;
            }
        }
        false
    }

    fn dangling_set(&self, lang: &str) -> Option<&FxHashSet<String>> {
        self.dangling
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| s)
    }
}

/// Words of `t[from..]` (a rough count: runs separated by spaces containing a letter).
fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl Rule for Truncated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let t = s.text;
        // 1. "Read the full article here" as a line of its own (or starting one, with at most
        //    a few words after it), or "(continued)" ending a line.
        //    Such a phrase starts a line (nothing alphanumeric before it: its first letter is
        //    the first of the sentence) or ends one (nothing alphanumeric after it: its first
        //    letter is in the last words); `may_match` rules out the other sentences without
        //    running the automaton. In a plain sentence (most) that first letter starts one of
        //    the phrases' first words ([`PhraseWords`]): one test per word before.
        if (s.line_start || s.line_end) && self.cut_off_link(s, out) {
            return;
        }
        if !(s.paragraph_end || s.line_end) || s.words.len() < MIN_WORDS {
            return;
        }
        let body = t.trim_end();
        // 2. A paragraph ending on an ellipsis in mid-clause.
        let ell = if body.ends_with('…') {
            Some(body.len() - '…'.len_utf8())
        } else if body.ends_with("...") {
            Some(body.len() - 3)
        } else {
            None
        };
        if let Some(e) = ell {
            if !s.paragraph_end {
                return;
            }
            let before = t[..e].trim_end();
            let Some(last) = s.words.iter().rev().find(|w| w.end <= e) else {
                return;
            };
            let lw = last.text(t);
            // The clause must run straight into the ellipsis: a word, not a quote or a comma.
            let joined = last.end == before.len();
            let etc = matches!(
                crate::text::lower(lw).as_ref(),
                "etc" | "usw" | "usf" | "etcetera"
            );
            // Quoted speech left open: an opening quote without a closing one.
            let open_quote = t.matches(['“', '„', '«']).count() > t.matches(['”', '»']).count()
                || t.matches('"').count() % 2 == 1;
            if joined && !etc && !open_quote {
                let start = last.start;
                out.push(Finding::new(
                    &INFO,
                    start..body.len(),
                    "the paragraph stops on an ellipsis in the middle of a sentence: the text was cut off",
                ));
            }
            return;
        }
        // 3. A paragraph ending without punctuation on a word that cannot end a sentence.
        if !s.paragraph_end || !body.ends_with(char::is_alphabetic) {
            return;
        }
        let lang = if s.lang_detected { s.lang } else { cx.target };
        let Some(set) = self.dangling_set(lang) else {
            return;
        };
        let last = s.words[s.words.len() - 1];
        let lw = last.text(t);
        if lw.chars().all(char::is_lowercase) && set.contains(lw) && last.end == body.len() {
            // A headline in title case would have a capitalized word before; skip those.
            out.push(Finding::new(
                &INFO,
                last.span(),
                format!("the paragraph stops on \"{lw}\": the text was cut off"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    #[test]
    fn complete_text_stays_clean() {
        assert_clean(
            "truncated",
            &[
                "“I just don’t know…” she said.\n",
                "“I just don’t know what to do now…”\n",
                "We waited … and waited, and then the bus finally came.\n",
                "They sold apples, pears, plums, cherries, grapes, etc.\n",
                "What happens next…\n",
                "And then there were none…\n",
                "He will continue reading the report tomorrow morning.\n",
                "The minister said she would read the full article before commenting.\n",
                "The talks ended without an agreement on Friday.\n",
                "Where the money goes and who pays for it\n",
                "Five things the bond market is waiting for\n",
                "Nobody knew who the minister had been talking to\n",
                "The prize money will be shared between the two of them each\n",
            ],
        );
    }

    #[test]
    fn cut_off_paragraph_fires() {
        let m = matched(
            "truncated",
            "The visit comes days after the French president travelled to the region and visited…\n\nThe end.",
        );
        assert_eq!(m, vec!["visited…"]);
        let m = matched(
            "truncated",
            "The trip to Astana comes only days after the minister had visited...\n",
        );
        assert_eq!(m, vec!["visited..."]);
    }

    #[test]
    fn dangling_function_word_fires() {
        let m = matched(
            "truncated",
            "The spokesman told reporters on Monday that the\n\nNext paragraph here.",
        );
        assert_eq!(m, vec!["the"]);
        for clean in [
            "Am Ende wusste jeder im Saal ganz genau das\n",
            "Früher ging es nicht, heute geht es auch ohne\n",
        ] {
            assert!(findings("truncated", "de", clean).is_empty(), "{clean}");
        }
        let de = findings(
            "truncated",
            "de",
            "Der Sprecher sagte am Montag vor Journalisten, dass der\n",
        );
        assert_eq!(de.len(), 1, "{de:?}");
    }

    #[test]
    fn read_the_full_article_fires_once() {
        let m = matched(
            "truncated",
            "The talks ended on Friday.\n\nRead the full article here\n\nComments\n",
        );
        assert_eq!(m, vec!["Read the full article here"]);
        let m = matched(
            "truncated",
            "The talks ended on Friday.\n\nContinue reading\n",
        );
        assert_eq!(m, vec!["Continue reading"]);
        let de = findings(
            "truncated",
            "de",
            "Die Gespräche endeten am Freitag.\n\nWeiterlesen auf unserer Webseite\n",
        );
        assert_eq!(de.len(), 1, "{de:?}");
        assert!(findings("boilerplate", "de", "Weiterlesen auf unserer Webseite\n").is_empty());
        let b = findings("boilerplate", "en", "Read the full article here\n");
        assert!(
            b.is_empty(),
            "boilerplate must leave this to truncated: {b:?}"
        );
    }

    #[test]
    fn every_phrase_is_found_on_a_plain_line() {
        // In any ASCII case, starting or ending a line without apostrophes or other
        // characters than ASCII: the first words of the phrases are looked for first.
        let lex = crate::lexicon::Lexicons::builtin();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for phrase in lex.list("truncated/phrases.txt") {
            if !phrase.is_ascii() || phrase.contains('\'') {
                continue;
            }
            let cased = crate::rules::testing::mixed_case(phrase, &mut seed);
            for text in [
                format!("The talks went on.\n\n{cased}\n\nThe end came."),
                format!("The talks went on.\n\nThe minister said that it was over {cased}\n"),
            ] {
                let found = crate::rules::testing::matched("truncated", &text);
                let lead = text.contains(&format!("\n{cased}\n"));
                let starts_upper = cased.starts_with(|c: char| c.is_uppercase() || c == '(');
                if lead || starts_upper {
                    assert!(
                        found.iter().any(|m| m.eq_ignore_ascii_case(phrase)),
                        "{text:?}: {found:?}"
                    );
                }
            }
        }
    }
}

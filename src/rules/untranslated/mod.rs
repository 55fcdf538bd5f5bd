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

mod gate;
mod tables;
mod words;

use crate::lexicon::WordFreq;
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::{is_apostrophe, is_capitalized, lower};
use rustc_hash::FxHashSet;
use tables::{Judged, Target};
use words::{
    british_spelling, inflected, looks_german, near_english, near_threshold, quoted_words,
};

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
/// The `untranslated` rule.
#[derive(Debug)]
pub struct Untranslated {
    /// One entry per [`TARGETS`].
    targets: Vec<Target>,
    /// Longest dictionary phrase, in words.
    max_words: usize,
    /// Longest loan phrase, in words.
    max_loan_words: usize,
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

/// True for a letter of the basic Cyrillic block.
fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

impl Untranslated {
    /// The ratio by which dictionary entry `k` of source language `li` is more likely in its
    /// language than in the target `tl` (9 for a longer phrase or a word no target list
    /// knows), or `None` when a one-word entry is ruled out: a word English itself uses
    /// often ("pour") into English, a word the target's list knows into the other targets.
    /// The one test of a dictionary entry, for `check` and its gate.
    fn entry_ratio(cx: &Context<'_>, tl: &str, li: usize, k: &str, one_word: bool) -> Option<f64> {
        let (lex, into_en) = (cx.lex, tl == "en");
        let tw = lex.words(tl);
        if one_word {
            // A single word must be far more likely in its language than in the target (a
            // word no target list knows counts as far more likely). A word English itself
            // uses often ("pour") is English here.
            if into_en && k.chars().count() > 1 && lex.words("en").count(k) > MAX_DICT_EN_COUNT {
                return None;
            }
            // Into German, French or Spanish, a word of a third language that the target's
            // list knows is a homograph ("sur" is Spanish, "las" German, "dus" French).
            // English is different: English songs and titles give its words counts in every
            // list, and its dictionary leaves homographs out.
            if !into_en && li != EN && tw.count(k) > MAX_CONTENT_EN_COUNT {
                return None;
            }
        }
        Some(if !one_word || tw.count(k) == 0 {
            9.0
        } else {
            lex.words(LANGS[li].0).log_p(k, FLOOR) - tw.log_p(k, FLOOR)
        })
    }

    /// The content language (of the bit set `content`) in which the lower-case word `lw`,
    /// whose count in the target list is `target_count`, is frequent and far more likely
    /// than in the target `tl`, with its log probability: the likeliest, the first of
    /// [`LANGS`] on a tie. The one content-word test, for `check` and its gate.
    fn content_lang(
        cx: &Context<'_>,
        tl: &str,
        content: u8,
        lw: &str,
        target_count: u32,
    ) -> Option<(f64, usize)> {
        if target_count > MAX_CONTENT_EN_COUNT {
            return None;
        }
        let tw = cx.lex.words(tl);
        let mut best: Option<(f64, usize)> = None;
        for li in (0..LANGS.len()).filter(|li| content & (1 << li) != 0) {
            let lp = cx.lex.words(LANGS[li].0).log_p(lw, FLOOR);
            let r = lp - tw.log_p(lw, FLOOR);
            if lp >= MIN_CONTENT_LOG_P && r >= MIN_CONTENT_RATIO && best.is_none_or(|(b, _)| lp > b)
            {
                best = Some((lp, li));
            }
        }
        best
    }
}

/// True when `check` judges the sentence at all: in the target language, three words or
/// more.
fn judged_sentence(s: &Sentence<'_>, cx: &Context<'_>) -> bool {
    s.lang == cx.target && s.words.len() >= 3
}

/// One sentence as `check` reads it: the target, its lists, the languages judged and what
/// covers words (quotes, loan phrases).
struct Scan<'s, 'a> {
    rule: &'s Untranslated,
    s: &'s Sentence<'a>,
    cx: &'s Context<'a>,
    tg: &'s Target,
    tl: &'static str,
    into_en: bool,
    judged: Judged,
    tw: &'s WordFreq,
    en: &'s WordFreq,
    t_function: &'s FxHashSet<String>,
    quoted: Vec<bool>,
    loan: Vec<bool>,
}

impl Scan<'_, '_> {
    /// The source languages other than the target (not only those judged).
    fn all(&self) -> impl Iterator<Item = usize> + '_ {
        (0..LANGS.len()).filter(|&l| LANGS[l].0 != self.tl)
    }

    /// True when the sentence is mostly in another language: that is `wrong-language`, not a
    /// few leaked words (short sentences fall back to the document's language, so the words
    /// are counted).
    fn mostly_foreign(&self) -> bool {
        let (s, lex, tw) = (self.s, self.cx.lex, self.tw);
        let n = s.words.len();
        let mut foreign = 0;
        let mut counted = 0;
        for i in 0..n {
            if !s.words[i].alpha || (i > 0 && is_capitalized(s.word(i))) {
                continue;
            }
            counted += 1;
            let lw = lower(s.word(i));
            let p_t = tw.log_p(&lw, FLOOR);
            // Into English, unknown to English counts too: the source lists hold only their
            // commonest words. The other targets' lists are smaller: there a word must be
            // known elsewhere.
            if (self.into_en && p_t <= FLOOR)
                || self
                    .all()
                    .any(|l| lex.words(LANGS[l].0).log_p(&lw, FLOOR) > p_t + 1.0)
                || lw.chars().any(is_cyrillic)
            {
                foreign += 1;
            }
        }
        // Into German, French or Spanish, two function words of the target that English
        // lacks ("der", "und", "les", "los") make it a target sentence with leaked words.
        let own_function = if self.into_en {
            0
        } else {
            let en_function = lex.function_words("en");
            (0..n)
                .filter(|&i| {
                    let lw = lower(s.word(i));
                    self.t_function.contains(lw.as_ref()) && !en_function.contains(lw.as_ref())
                })
                .count()
        };
        foreign * 2 > counted && own_function < 2
    }

    /// The words covered by loan phrases.
    fn loan_words(rule: &Untranslated, s: &Sentence<'_>, tg: &Target) -> Vec<bool> {
        let n = s.words.len();
        let mut loan = vec![false; n];
        for i in 0..n {
            for j in (i + 1..=(i + rule.max_loan_words).min(n)).rev() {
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
        loan
    }

    /// True when word `m` reads as a name or title. In German every noun is capitalized, so
    /// there only a word more common in a source language than in German ("Fridays for
    /// Future", "Bank of America") counts; elsewhere any capitalized word. The German list
    /// lacks most nouns, so a noun counts as German by its spelling. Next to an English word
    /// (`english`: "the Guardian", "Fridays for Future") the name must be an English word
    /// too: "Cybersecurity and Datenschutz" is a leak.
    fn name_like(&self, m: usize, english: bool) -> bool {
        let w = self.s.word(m);
        if !is_capitalized(w) {
            return false;
        }
        // An acronym ("USA", "BBC") is a name in any language.
        if self.tl != "de" || (w.chars().count() >= 2 && !w.chars().any(char::is_lowercase)) {
            return true;
        }
        let lw = lower(w);
        !(looks_german(&lw)
            || (self.tw.count(&lw) > 0 && self.tw.log_p(&lw, FLOOR) >= self.en.log_p(&lw, FLOOR))
            || (english && self.en.count(&lw) <= MAX_CONTENT_EN_COUNT))
    }

    /// True when word `m` is more likely in some source language than in the target.
    fn source_like(&self, m: usize) -> bool {
        let lw = lower(self.s.word(m));
        let p_t = self.tw.log_p(&lw, FLOOR);
        self.all()
            .any(|l| self.cx.lex.words(LANGS[l].0).log_p(&lw, FLOOR) > p_t)
    }

    /// True when word `i` is not judged: not a word of letters, quoted, part of a loan
    /// phrase, capitalized after the first word, glued to a hyphen, slash or dot (part of a
    /// compound, a URL or a code), or a name particle or a word of a title.
    fn passed_over(&self, i: usize) -> bool {
        let (s, n) = (self.s, self.s.words.len());
        let w = s.words[i];
        let word = w.text(s.text);
        let before = s.text[..w.start].chars().next_back();
        if !w.alpha
            || self.quoted[i]
            || self.loan[i]
            || (is_capitalized(word) && i > 0)
            || before.is_some_and(|c| matches!(c, '-' | '/' | '.' | '@' | '_'))
            || s.text[w.end..]
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '-' | '/' | '@' | '_') || is_apostrophe(c))
        {
            return true;
        }
        // A short lower-case word next to a capitalized one is a name particle
        // ("de Gaulle", "von der Leyen", "da Silva", "Gazzetta dello Sport").
        let english = !self.into_en && self.tg.dicts[EN].contains_key(lower(word).as_ref());
        let cap_next = i + 1 < n && self.name_like(i + 1, english);
        let cap_prev = i > 0 && i - 1 > 0 && self.name_like(i - 1, english);
        let len = word.chars().count();
        if (len <= 3 && (cap_next || cap_prev)) || (len <= 5 && cap_next && cap_prev) {
            return true;
        }
        if !self.into_en {
            // A capitalized first word before a name is a title ("The Guardian …").
            if i == 0 && cap_next {
                return true;
            }
            // A lower-case run between two names is a title ("Lord of the Rings",
            // "Gone with the Wind").
            let mut l = i;
            while l > 0 && !is_capitalized(s.word(l - 1)) && i - l < 3 {
                l -= 1;
            }
            let mut r = i + 1;
            while r < n && !is_capitalized(s.word(r)) && r - i < 3 {
                r += 1;
            }
            if l > 1
                && r < n
                && self.name_like(l - 1, true)
                && self.name_like(r, true)
                && (l..r).all(|m| self.source_like(m))
            {
                return true;
            }
        }
        false
    }

    /// The longest dictionary phrase starting at word `i`, in the language where it is the
    /// likeliest.
    fn dictionary_hit(&self, i: usize) -> Option<Hit> {
        let (s, n) = (self.s, self.s.words.len());
        let word = s.word(i);
        // A one-letter word ("y") needs a content word before it: "x and y" is English.
        // Into the other targets one-letter words are never judged ("a" is French and
        // Spanish, "I" an English pronoun but also a Roman numeral).
        let one_letter_ok = word.chars().count() > 1
            || (self.into_en
                && i > 0
                && s.word(i - 1).chars().count() >= 3
                && !self.t_function.contains(lower(s.word(i - 1)).as_ref()));
        let known_start = one_letter_ok
            && (self.tg.starts.contains_key(lower(word).as_ref()) || word.contains('’'));
        if !known_start {
            return None;
        }
        // Longest first.
        for j in (i + 1..=(i + self.rule.max_words).min(n)).rev() {
            if !contiguous(s, i, j)
                || (j > i + 1
                    && (i + 1..j)
                        .any(|m| is_capitalized(s.word(m)) || self.loan[m] || self.quoted[m]))
            {
                continue;
            }
            let k = key(s, i, j);
            let mut best: Option<(f64, usize)> = None;
            for li in (0..LANGS.len()).filter(|li| self.judged.langs & (1 << li) != 0) {
                if !self.tg.dicts[li].contains_key(&k) {
                    continue;
                }
                let Some(r) = Untranslated::entry_ratio(self.cx, self.tl, li, &k, j == i + 1)
                else {
                    continue;
                };
                if r >= MIN_FUNCTION_RATIO && best.is_none_or(|(b, _)| r > b) {
                    best = Some((r, li));
                }
            }
            if let Some((_, li)) = best {
                return Some(Hit {
                    first: i,
                    last: j - 1,
                    lang: li,
                    english: self.tg.dicts[li].get(&k).cloned().flatten(),
                    weak: false,
                });
            }
        }
        None
    }

    /// A frequent source-language content word at `i` that the target does not know.
    fn content_hit(&self, i: usize) -> Option<Hit> {
        let word = self.s.word(i);
        if word.chars().count() < 5 || is_capitalized(word) || i == 0 {
            return None;
        }
        let lw = lower(word);
        let (_, li) = Untranslated::content_lang(
            self.cx,
            self.tl,
            self.judged.content,
            &lw,
            self.tw.count(&lw),
        )?;
        // British spellings ("programme") and typos ("corna") of target words are not
        // foreign (checked last: the typo test is the costly one).
        // Into German, French or Spanish, an English word that another European language has
        // borrowed ("ballet", "jeans", "fitness") is likely borrowed by the target too, even if
        // its small list lacks it.
        let lex = self.cx.lex;
        let borrowed = !self.into_en
            && li == EN
            && LANGS[..EN]
                .iter()
                .any(|&(l, _)| l != self.tl && lex.words(l).count(&lw) > MAX_CONTENT_EN_COUNT);
        let target_form = if self.into_en {
            british_spelling(self.en, &lw)
        } else {
            inflected(self.tl, self.tw, &lw)
        };
        (!borrowed && !target_form && !near_english(self.tw, &lw, near_threshold(self.tw, self.en)))
            .then_some(Hit {
                first: i,
                last: i,
                lang: li,
                english: None,
                weak: true,
            })
    }

    /// A Cyrillic word at `i` inside a Latin-script sentence.
    fn cyrillic_hit(&self, i: usize) -> Option<Hit> {
        let word = self.s.word(i);
        (!is_capitalized(word) && word.chars().count() >= 3 && word.chars().all(is_cyrillic))
            .then_some(Hit {
                first: i,
                last: i,
                lang: LANGS.len(),
                english: None,
                weak: false,
            })
    }

    /// Every hit, left to right; a phrase hit covers its words.
    fn hits(&self) -> Vec<Hit> {
        let n = self.s.words.len();
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < n {
            let found = if self.passed_over(i) {
                None
            } else {
                self.dictionary_hit(i)
                    .or_else(|| self.content_hit(i))
                    .or_else(|| self.cyrillic_hit(i))
            };
            match found {
                Some(h) => {
                    i = h.last + 1;
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The findings of the hits: adjacent hits of one language merged into one run ("le
    /// gouvernement"); into German, French and Spanish a lone content word only after an
    /// article (French, Spanish).
    fn report(&self, hits: Vec<Hit>, out: &mut Vec<Finding>) {
        let s = self.s;
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
                && !self.into_en
                && !(h.first > 0
                    && contiguous(s, h.first - 1, h.first + 1)
                    && self
                        .tg
                        .determiners
                        .contains(lower(s.word(h.first - 1)).as_ref()))
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

impl Rule for Untranslated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn may_fire(&self, s: &Sentence<'_>, cx: &Context<'_>) -> bool {
        // (The sentence test of `check` first: it costs nothing and rules out most sentences
        // of other languages.)
        let Some(ti) = TARGETS.iter().position(|&t| t == cx.target) else {
            return false;
        };
        judged_sentence(s, cx) && self.may_hit(s, cx, ti) && self.may_leak(s, cx, ti)
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(ti) = TARGETS.iter().position(|&t| t == cx.target) else {
            return;
        };
        if !judged_sentence(s, cx) {
            return;
        }
        let tg = &self.targets[ti];
        let tl = TARGETS[ti];
        let lex = cx.lex;
        // The languages judged: every source but the target, or the given one. Content words
        // (not in a dictionary) count only from English into another target, or from the
        // given source: the smaller lists of German, French and Spanish do not hold every
        // inflected form, and related languages share many. (A source without a word list
        // here, Russian, still gets the Cyrillic check.)
        let judged = Judged::new(tl == "en", tg.all_langs, cx.source);
        let mut scan = Scan {
            rule: self,
            s,
            cx,
            tg,
            tl,
            into_en: tl == "en",
            judged,
            tw: lex.words(tl),
            en: lex.words("en"),
            t_function: lex.function_words(tl),
            quoted: Vec::new(),
            loan: Vec::new(),
        };
        if scan.mostly_foreign() {
            return;
        }
        scan.quoted = quoted_words(s, tl);
        scan.loan = Scan::loan_words(self, s, tg);
        let hits = scan.hits();
        scan.report(hits, out);
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

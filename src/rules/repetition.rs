//! `repetition`: a word typed twice ("the the"; minor), and a verb repeated inside one clause
//! ("has expressed his reluctance … Ukraine conflict expressed."; major).
//!
//! The second kind is what machine translation makes of the German verb bracket ("hat … in
//! den vergangenen Monaten … geäußert"): the participle is translated in English position
//! *and* left at the end of the clause. It is recognised, in English only, by its shape: the
//! same verb form (an "-ed" participle whose stem is an English word, an irregular participle
//! from `repetition/participles_en.txt`, or a base form after a modal) first after an
//! auxiliary, then again as the last word of the same clause, with no clause boundary
//! (punctuation, a conjunction, a relative or wh-word: `repetition/clause_en.tsv`) between.
//! Doubled words that are correct ("had had", "die die") are listed with their reason in
//! `repetition/allowed.tsv`.

use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::matcher::Bits;
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence, WordFacts};
use crate::text::is_capitalized;
use crate::text::EN_FUNCTION;
use rustc_hash::{FxHashMap, FxHashSet};

static INFO: RuleInfo = RuleInfo {
    code: "repetition",
    severity: Severity::Minor,
    targets: &["en", "de", "fr", "es"],
    summary: "a repeated word (\"the the\"), or a verb repeated in the same clause (\"has expressed … expressed\")",
    explain: r#"## What it does
Flags two kinds of repetition:
- a word typed twice in a row ("the the", "of of", "und und"): minor, suggestion = the word once;
- (English) a verb repeated inside one clause, the second time as the clause's last word
  ("President Tokayev has expressed his reluctance in recent months Ukraine conflict
  expressed."): major. Machine translation from German produces it: the participle at the end
  of the German clause is translated twice, once in English position and once where German
  put it.

## Why is this bad?
A doubled word is a visible slip. A verb left at the end of the clause makes the sentence
ungrammatical and shows the reader that the text is an unedited machine translation.

## Example
```
The the minister said he had expressed his concern in recent weeks about the reform expressed.
```
→ "The minister said he had expressed his concern about the reform in recent weeks."

## Stays clean
- Correct doubled words: "they had had enough", "he said that that was wrong", "what it is is
  a scam", "a very very long day", "bye bye"; German "die die" and "sie sie", French "nous
  nous" (see `repetition/allowed.tsv`).
- Names and titles: "Walla Walla", "Bora Bora", "Duran Duran".
- Repetition across punctuation or sentences: "no, no", "Yes. Yes.", "again and again".
- A verb repeated in another clause or after a wh-word: "he said what he said", "it is what it
  is", "prices rose more than expected, and costs rose too", "step by step", "face to face".
"#,
};

/// The `repetition` rule.
#[derive(Debug)]
pub struct Repetition {
    /// Doubled words allowed, per language ("*" for all): word → only in a pseudo-cleft.
    allowed: FxHashMap<String, FxHashMap<String, bool>>,
    participles: FxHashSet<String>,
    boundary: FxHashSet<String>,
    auxiliary: FxHashSet<String>,
    modal: FxHashSet<&'static str>,
    function_en: FxHashSet<String>,
}

impl Repetition {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut allowed: FxHashMap<String, FxHashMap<String, bool>> = FxHashMap::default();
        for row in lex.table("repetition/allowed.tsv", 3)? {
            let cleft = match row[2] {
                "always" => false,
                "cleft" => true,
                other => {
                    return Err(LexiconError {
                        file: "repetition/allowed.tsv".into(),
                        line: 0,
                        message: format!("unknown condition {other:?} for {:?}", row[1]),
                    })
                }
            };
            allowed
                .entry(row[0].to_string())
                .or_default()
                .insert(row[1].to_lowercase(), cleft);
        }
        let participles = lex
            .list("repetition/participles_en.txt")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let (mut boundary, mut auxiliary) = (FxHashSet::default(), FxHashSet::default());
        for row in lex.table("repetition/clause_en.tsv", 2)? {
            match row[1] {
                "boundary" => boundary.insert(row[0].to_lowercase()),
                "auxiliary" => auxiliary.insert(row[0].to_lowercase()),
                other => {
                    return Err(LexiconError {
                        file: "repetition/clause_en.tsv".into(),
                        line: 0,
                        message: format!("unknown role {other:?} for {:?}", row[0]),
                    })
                }
            };
        }
        Ok(Repetition {
            allowed,
            participles,
            boundary,
            auxiliary,
            modal: [
                "will", "would", "can", "could", "should", "shall", "must", "may", "might",
            ]
            .into_iter()
            .collect(),
            function_en: lex.function_words("en").clone(),
        })
    }

    /// True when "w w" is correct in `lang`; `cleft` tells whether the sentence so far has a
    /// pseudo-cleft opener ("what", "all", "thing").
    fn is_allowed(&self, lang: &str, w: &str, cleft: bool) -> bool {
        [lang, "*"].iter().any(|l| {
            self.allowed
                .get(*l)
                .and_then(|m| m.get(w))
                .is_some_and(|&needs_cleft| !needs_cleft || cleft)
        })
    }

    /// (a) The same word twice in a row, separated only by spaces.
    /// `ks`: the word indices `k` (from 1) to test as the second word.
    #[inline(never)]
    fn doubled(
        &self,
        s: &Sentence<'_>,
        lang: &str,
        ks: impl Iterator<Item = usize>,
        out: &mut Vec<Finding>,
    ) {
        let text = s.text;
        for k in ks {
            let (a, b) = (s.words[k - 1], s.words[k]);
            // Same lower-case form needs the same byte length (tested below): most pairs of
            // words fail this before their text is read.
            if !a.alpha || !b.alpha || a.end - a.start != b.end - b.start {
                continue;
            }
            let gap = &text[a.end..b.start];
            if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\u{A0}') {
                continue;
            }
            let (wa, wb) = (a.text(text), b.text(text));
            if wa.len() != wb.len()
                || !wa.eq_ignore_ascii_case(wb) && s.lower_bytes(k - 1) != s.lower_bytes(k)
            {
                continue;
            }
            // "Walla Walla", "Bora Bora", "I I": a capitalized second word is a name or a
            // title, not a slip.
            if is_capitalized(wb) {
                continue;
            }
            let lw = s.lower(k);
            let cleft =
                (0..k - 1).any(|m| matches!(s.lower(m), "what" | "whatever" | "all" | "thing"));
            // Three in a row is never right ("die die die").
            let triple = k >= 2
                && s.words[k - 2].text(text).eq_ignore_ascii_case(wa)
                && text[s.words[k - 2].end..a.start].chars().all(|c| c == ' ');
            if !triple && self.is_allowed(lang, lw, cleft) {
                continue;
            }
            out.push(
                Finding::new(
                    &INFO,
                    a.start..b.end,
                    format!("the word {wb:?} is repeated"),
                )
                .with_suggestion(wa),
            );
        }
    }

    /// True when `w` (lower case) looks like an English past participle or past tense.
    fn participle(&self, w: &str, en: &WordFreq) -> bool {
        if self.participles.contains(w) {
            return true;
        }
        let Some(stem) = w.strip_suffix("ed") else {
            return false;
        };
        if stem.len() < 3 {
            return false;
        }
        // expressed → express, used → use, stopped → stop, carried → carry.
        let known = |s: &str| en.count(s) >= 50;
        // criticised → criticize: the word list is American.
        let british = stem.strip_suffix("is").map(|s| format!("{s}ize"));
        if known(stem)
            || known(&format!("{stem}e"))
            || known(w)
            || british.is_some_and(|b| known(&b))
        {
            return true;
        }
        let b = stem.as_bytes();
        if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && known(&stem[..stem.len() - 1]) {
            return true;
        }
        stem.strip_suffix('i')
            .is_some_and(|s| known(&format!("{s}y")))
    }

    /// True when word `j` ends its clause: only closing punctuation or the end follows.
    /// (The text after such a word starts with a `clause_final_first_byte`.)
    fn clause_final(text: &str, end: usize) -> bool {
        // Most words are followed by a space: not trimmed below, and no punctuation.
        if text.as_bytes().get(end) == Some(&b' ') {
            return false;
        }
        let rest = text[end..].trim_start_matches(['"', '”', '’', '\'', ')', '»', '“']);
        match rest.chars().next() {
            None => true,
            Some(c) => matches!(c, '.' | '!' | '?' | ';' | ':' | ',' | '…'),
        }
    }

    /// True when a word `i` in `lo..j - 1` has the lower-case form `form` and no ASCII
    /// punctuation stands between it and word `j - 1` (the walk of `verb_bracket` stops at
    /// any character but white space, '-' and apostrophes; this stops at fewer).
    fn earlier_in_clause(s: &Sentence<'_>, lo: usize, j: usize, form: &str) -> bool {
        // The nearest such word decides: punctuation between it and word `j - 1` also stands
        // between any word before it and word `j - 1`. When word `j`'s own lower-case form is
        // `form`, words of another English count are passed over without reading their text
        // (equal lower-case forms have equal counts).
        let window = &s.facts[lo..j - 1];
        let is_form = |f: &WordFacts| fact_is(s, f, form);
        let found = if lower_is(s, j, form) {
            let count = s.en_count(j);
            window.iter().rposition(|f| f.en == count && is_form(f))
        } else {
            window.iter().rposition(is_form)
        };
        let Some(i) = found.map(|p| lo + p) else {
            return false;
        };
        let bytes = s.text.as_bytes();
        (i..j - 1).all(|m| {
            let (end, next) = (s.words[m].end, s.words[m + 1].start);
            (next == end + 1 && bytes[end] == b' ')
                || !bytes[end..next].iter().any(|&b| {
                    b < 0x80
                        && !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'\'')
                })
        })
    }

    /// (b) English: a verb repeated inside one clause, the second time at its end.
    /// `js`: the word indices `j` to test as the stranded verb, those for which
    /// [`bracket_candidate`] holds.
    #[inline(never)]
    fn verb_bracket(
        &self,
        s: &Sentence<'_>,
        lex: &Lexicons,
        js: impl Iterator<Item = usize>,
        out: &mut Vec<Finding>,
    ) {
        let text = s.text;
        let words = s.words;
        for j in js {
            let wj = words[j];
            // (`bracket_candidate` has tested the length, the word before and the first byte
            // after)
            if !Self::clause_final(text, wj.end) {
                continue;
            }
            let form = wj.text(text);
            if is_capitalized(form) {
                continue;
            }
            // Prefilter, exact: a finding needs a word of the window whose lower-case form is
            // `form`, reached before punctuation (the walk below reports only at such a word,
            // and stops earlier than the prefilter does).
            let lo = j.saturating_sub(WINDOW);
            if !Self::earlier_in_clause(s, lo, j, form) || self.function_en.contains(form) {
                continue;
            }
            if self.auxiliary.contains(s.lower(j - 1)) {
                continue;
            }
            let en = lex.words("en");
            let is_participle = self.participle(form, en);
            // Walk back through the clause.
            for i in (lo..j - 1).rev() {
                let wi = words[i];
                // Punctuation between words i and i+1 ends the search.
                let gap = &text[wi.end..words[i + 1].start];
                if gap
                    .chars()
                    .any(|c| !c.is_whitespace() && c != '-' && c != '\'' && c != '’')
                {
                    break;
                }
                let lt = s.lower(i);
                if lt == form {
                    // The first occurrence follows an auxiliary (within two words):
                    // "has expressed", "has repeatedly expressed", "will visit".
                    let aux = (i.saturating_sub(2)..i).rev().find_map(|k| {
                        let w = s.lower(k);
                        if self.modal.contains(w) {
                            Some(true)
                        } else if self.auxiliary.contains(w) {
                            Some(false)
                        } else {
                            None
                        }
                    });
                    let verb = match aux {
                        Some(_) if is_participle => true,
                        // A finite past form far back in the same clause, with no boundary
                        // word between: "The president stressed in his speech … stressed."
                        None => is_participle && j - i >= 4,
                        // A base form after a modal: "will visit … visit."
                        Some(true) => en.count(form) >= 50,
                        _ => false,
                    };
                    if verb {
                        out.push(
                            Finding::new(
                                &INFO,
                                wj.span(),
                                format!(
                                    "the verb {form:?} is repeated at the end of its clause (the source's word order kept)"
                                ),
                            )
                            .with_severity(Severity::Major),
                        );
                    }
                    break;
                }
                if self.boundary.contains(lt) {
                    break;
                }
            }
        }
    }
}

/// True when word `i`'s lower-case form is `w` (compared as bytes: lengths first, then byte by
/// byte: the words are short, a call to `memcmp` costs more).
fn lower_is(s: &Sentence<'_>, i: usize, w: &str) -> bool {
    fact_is(s, &s.facts[i], w)
}

/// True when the lower-case form of the word with facts `f` is `w`: lengths first (read
/// from the facts), then byte by byte (the words are short: a call to `memcmp` costs more).
fn fact_is(s: &Sentence<'_>, f: &WordFacts, w: &str) -> bool {
    f.lower_end - f.lower_start == w.len()
        && s.lower_text.as_bytes()[f.lower_start..f.lower_end]
            .iter()
            .zip(w.as_bytes())
            .all(|(x, y)| x == y)
}

/// True when the word is one of [`ADVERBIAL`], in any case (ASCII).
fn adverbial(w: &[u8]) -> bool {
    // (The length first: most words have none of theirs.)
    matches!(w.len(), 2 | 4 | 6)
        && ADVERBIAL
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a.as_bytes()))
}

/// True for the first bytes of the characters [`Repetition::clause_final`] trims or accepts
/// first: " ' ) . ! ? ; : , and E2 (” ’ “ …), C2 (»).
fn clause_final_first_byte(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\'' | b')' | b'.' | b'!' | b'?' | b';' | b':' | b',' | 0xE2 | 0xC2
    )
}

/// How far back (in words) the first occurrence of a stranded verb may be.
const WINDOW: usize = 22;

/// Prepositions that open a time or place adverbial between a verb and its repetition
/// ("announced on Thursday announced").
const ADVERBIAL: [&str; 6] = ["on", "at", "in", "during", "last", "this"];

impl Repetition {
    /// (b') English: a past verb repeated right after a short adverbial, not at the clause end
    /// ("The police reported on Sunday reported that …"): the German verb-second order
    /// ("Die Polizei berichtete am Sonntag, …") translated twice.
    /// `is`: the word indices `i` to test as the first verb, those for which
    /// [`adverbial_candidate`] holds.
    #[inline(never)]
    fn verb_adverbial(
        &self,
        s: &Sentence<'_>,
        lex: &Lexicons,
        is: impl Iterator<Item = usize>,
        out: &mut Vec<Finding>,
    ) {
        let text = s.text;
        let words = s.words;
        for i in is {
            let form = words[i].text(text);
            if is_capitalized(form) {
                continue;
            }
            // Prefilter, exact: the only finding is at a word j in i+3..i+6 whose lower-case
            // form is `form`.
            if !(i + 3..(i + 6).min(words.len())).any(|j| lower_is(s, j, form))
                || !self.participle(form, lex.words("en"))
            {
                continue;
            }
            // The first verb must be the clause's main verb, not one inside a relative or
            // subordinate clause ("Those who voted in 2019 voted again").
            let mut k = i;
            let mut subordinate = false;
            while k > 0 {
                let gap = &text[words[k - 1].end..words[k].start];
                if gap.chars().any(|c| !c.is_whitespace() && c != '-') {
                    break;
                }
                k -= 1;
                if self.boundary.contains(s.lower(k)) {
                    subordinate = true;
                    break;
                }
            }
            if subordinate {
                continue;
            }
            for j in i + 3..(i + 6).min(words.len()) {
                let wj = words[j];
                let gap = &text[words[j - 1].end..wj.start];
                if gap.chars().any(|c| !c.is_whitespace()) {
                    break;
                }
                let t = s.lower(j);
                if t == form {
                    out.push(
                        Finding::new(
                            &INFO,
                            wj.span(),
                            format!("the verb {form:?} is repeated after the adverbial (the source's word order kept)"),
                        )
                        .with_severity(Severity::Major),
                    );
                    break;
                }
                // Only a short adverbial between: "on Sunday", "at the weekend", "last week".
                if self.boundary.contains(t)
                    || self.auxiliary.contains(t)
                    || matches!(t, "he" | "she" | "it" | "they" | "we" | "i" | "you")
                {
                    break;
                }
            }
        }
    }
}

/// True when word `j` may be the stranded verb of `verb_bracket`: from the third word on, of
/// letters, 4 bytes or more, then what `Repetition::clause_final` allows (its first byte,
/// or the end), after a word that is no English function word (an auxiliary, pronoun,
/// determiner or "to" makes it an ordinary verb or noun phrase: "no one had seen", "the
/// visit").
fn bracket_candidate(s: &Sentence<'_>, j: usize) -> bool {
    let w = s.words[j];
    j >= 2
        && w.alpha
        && w.end - w.start >= 4
        && s.text
            .as_bytes()
            .get(w.end)
            .is_none_or(|&b| clause_final_first_byte(b))
        && s.function_mask(j - 1) & EN_FUNCTION == 0
}

/// True when word `i` may be the first verb of `verb_adverbial`: of letters, 4 bytes or more,
/// and a preposition of time or place follows.
fn adverbial_candidate(s: &Sentence<'_>, i: usize) -> bool {
    let w = s.words[i];
    w.alpha
        && w.end - w.start >= 4
        && s.words
            .get(i + 1)
            .is_some_and(|n| adverbial(&s.text.as_bytes()[n.start..n.end]))
}

/// The words (as bits: at most 64) for which [`Repetition::doubled`] may report as the second
/// word (a test it implies), [`bracket_candidate`] and [`adverbial_candidate`] hold (the last
/// two in English only), computed in one pass: most words pass none, after a few
/// comparisons.
fn candidates<const EN: bool>(s: &Sentence<'_>) -> (u64, u64, u64) {
    let bytes = s.text.as_bytes();
    let words = s.words;
    let (mut dbl, mut brk, mut adv) = (0u64, 0u64, 0u64);
    // The length of the previous word; 0 before the first (words are never empty).
    let mut prev_len = 0;
    for (k, w) in words.iter().enumerate() {
        let len = w.end - w.start;
        // `doubled`: two words of letters of the same length, equal up to ASCII case or of
        // equal lower-case forms; either way their first bytes are equal up to ASCII case
        // unless one of them is not ASCII.
        if len == prev_len {
            let a = words[k - 1];
            let (x, y) = (bytes[a.start], bytes[w.start]);
            if a.alpha && w.alpha && ((x | 0x20) == (y | 0x20) || (x | y) >= 0x80) {
                dbl |= 1 << k;
            }
        }
        if !EN {
            prev_len = len;
            continue;
        }
        // `bracket_candidate` (never before a space).
        let next = bytes.get(w.end).copied();
        if next != Some(b' ')
            && k >= 2
            && w.alpha
            && len >= 4
            && next.is_none_or(clause_final_first_byte)
            && s.function_mask(k - 1) & EN_FUNCTION == 0
        {
            brk |= 1 << k;
        }
        // `adverbial_candidate` of the word before.
        if matches!(len, 2 | 4 | 6)
            && adverbial(&bytes[w.start..w.end])
            && prev_len >= 4
            && words[k - 1].alpha
        {
            adv |= 1 << (k - 1);
        }
        prev_len = len;
    }
    (dbl, brk, adv)
}

impl Rule for Repetition {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let en = cx.target == "en";
        let words = s.words;
        let n = words.len();
        if n > 64 {
            // (too long for the bit sets below: every word is tried)
            self.doubled(s, cx.target, 1..n, out);
            if en {
                let first = out.len();
                let js = (2..n).filter(|&j| bracket_candidate(s, j));
                self.verb_bracket(s, cx.lex, js, out);
                if out.len() == first {
                    let is = (0..n).filter(|&i| adverbial_candidate(s, i));
                    self.verb_adverbial(s, cx.lex, is, out);
                }
            }
            return;
        }
        let (dbl, brk, adv) = if en {
            candidates::<true>(s)
        } else {
            candidates::<false>(s)
        };
        // (Each check is called only when some word passed its first tests.)
        if dbl != 0 {
            self.doubled(s, cx.target, Bits(dbl), out);
        }
        if en {
            let first = out.len();
            if brk != 0 {
                self.verb_bracket(s, cx.lex, Bits(brk), out);
            }
            if out.len() == first && adv != 0 {
                self.verb_adverbial(s, cx.lex, Bits(adv), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "repetition";

    #[test]
    fn long_sentences_are_checked_whole() {
        // More than 64 words: no bit sets.
        let t = format!("{}and then the the end came.", "xx yy, ".repeat(50));
        assert_eq!(matched(CODE, &t), vec!["the the"]);
        let t = "the minister had taken the decision after long talks with the unions taken.";
        let long = format!("{}{t}", "yes, ".repeat(70));
        assert_eq!(matched(CODE, &long), vec!["taken"]);
        assert_eq!(
            super::Bits(0b1010_0110).collect::<Vec<_>>(),
            vec![1, 2, 5, 7]
        );
    }

    #[test]
    fn clause_final_first_bytes_cover_its_characters() {
        for c in [
            '"', '”', '’', '\'', ')', '»', '“', '.', '!', '?', ';', ':', ',', '…',
        ] {
            let mut b = [0u8; 4];
            let first = c.encode_utf8(&mut b).as_bytes()[0];
            assert!(super::clause_final_first_byte(first), "{c}");
        }
    }

    #[test]
    fn adverbial_is_the_list_in_any_case() {
        for w in [
            "on", "ON", "At", "in", "iN", "during", "DURING", "Last", "this", "THIS",
        ] {
            assert!(super::adverbial(w.as_bytes()), "{w}");
        }
        for w in [
            "",
            "o",
            "of",
            "an",
            "is",
            "durinG1",
            "lost",
            "that",
            "Ön",
            "\u{212A}n",
            "@T",
            "iN\0",
            "durin\u{7}",
            "LAST!",
            "\u{f}n",
        ] {
            assert!(!super::adverbial(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn doubled_words_are_flagged_with_the_word_once() {
        assert_eq!(
            findings(
                CODE,
                "en",
                "The minister signed the the agreement on Monday."
            ),
            vec![("the the".to_string(), Some("the".to_string()))]
        );
        assert!(
            matched(CODE, "The The minister arrived.").is_empty(),
            "title case is a name"
        );
        assert_eq!(matched(CODE, "The the minister arrived."), vec!["The the"]);
        assert_eq!(
            matched(CODE, "It was the end of of the talks."),
            vec!["of of"]
        );
    }

    #[test]
    fn doubled_words_in_german_french_spanish() {
        assert_eq!(
            findings(CODE, "de", "Die Regierung und und die Opposition stritten.").len(),
            1
        );
        assert_eq!(
            findings(CODE, "fr", "Le gouvernement a a annoncé une réforme.").len(),
            1
        );
        assert_eq!(
            findings(CODE, "es", "El gobierno de de España anunció un plan.").len(),
            1
        );
    }

    #[test]
    fn legitimate_doubles_stay_clean() {
        assert_clean(
            CODE,
            &[
                "By then they had had enough of the talks.",
                "He said that that was a mistake.",
                "What it is is a scam, the prosecutor said.",
                "It was a very very long day for the negotiators.",
                "He waved and said bye bye to the crowd.",
                "The delegation flew from Walla Walla to Bora Bora.",
                "No, no, the minister said; it will not happen.",
                "Yes. Yes. That is what we want.",
                "The score was 5 5 at half-time in the shoot-out.",
                "He gave her her passport back.",
                "Prices rose again and again in the spring.",
            ],
        );
    }

    #[test]
    fn german_legitimate_doubles_stay_clean() {
        for t in [
            "Frauen, die die Regeln kennen, wissen das.",
            "Wenn sie sie sehen, freuen sie sich.",
            "Das war sehr sehr knapp.",
        ] {
            assert!(findings(CODE, "de", t).is_empty(), "{t}");
        }
        assert!(findings(CODE, "fr", "Nous nous sommes rencontrés à Paris.").is_empty());
    }

    #[test]
    fn verb_left_at_clause_end_is_major() {
        let t = "Although Kazakhstan is a partner of Russia, President Karimov has expressed his doubts in recent months Ukraine war expressed.";
        assert_eq!(matched(CODE, t), vec!["expressed"]);
        let t = "The governor has announced his decision to do so in the coming weeks budget talks announced.";
        assert_eq!(matched(CODE, t), vec!["announced"]);
        let t = "The chancellor has repeatedly criticised the plans of the commission in Brussels criticised.";
        assert_eq!(matched(CODE, t), vec!["criticised"]);
        let t = "The minister had taken the decision after long talks with the unions taken.";
        assert_eq!(matched(CODE, t), vec!["taken"]);
        let t = "The minister had promised at a meeting in Leipzig on Monday a new start for the region in the second half of the year promised.";
        assert_eq!(matched(CODE, t), vec!["promised"]);
        let t = "The president will visit next week the new factory in Dresden visit.";
        assert_eq!(matched(CODE, t), vec!["visit"]);
    }

    #[test]
    fn finite_verb_repeated_at_clause_end() {
        let m = matched(
            "repetition",
            "The minister stressed in her speech on Monday the stability of the currency stressed.",
        );
        assert_eq!(m, vec!["stressed"]);
        assert_clean(
            "repetition",
            &[
                "They worked and worked until the job was finished.",
                "What she expressed was exactly what she expressed last year.",
                "He said he said it because he had to.",
                "The plan that the minister presented was the plan she presented.",
                "We tried, and for a long time we tried.",
            ],
        );
    }

    #[test]
    fn verb_repeated_after_adverbial() {
        let t = "The fire brigade reported on Saturday reported that nobody was hurt.";
        assert_eq!(matched(CODE, t), vec!["reported"]);
        let t = "The mayor announced at the weekend announced new parking rules.";
        assert_eq!(matched(CODE, t), vec!["announced"]);
        assert_clean(
            CODE,
            &[
                "The police reported on Sunday that they reported the case.",
                "She worked in Paris and worked in Rome.",
                "Those who voted in 2019 voted again.",
            ],
        );
    }

    #[test]
    fn pseudo_clefts_and_triples() {
        assert_eq!(
            matched(CODE, "Among the guests was was the mayor."),
            vec!["was was"]
        );
        assert!(matched(CODE, "What it was was a misunderstanding.").is_empty());
        assert_eq!(
            findings(CODE, "de", "Zwei Männer, die die die Tat gestanden haben.").len(),
            1
        );
    }

    #[test]
    fn verb_bracket_finding_is_major() {
        use crate::analyze::{Document, Engine, Options};
        let eng = Engine::new(Options {
            target: Some("en"),
            only: Some(vec![CODE.to_string()]),
            ..Options::default()
        })
        .expect("engine");
        let r = eng.analyze(&Document::new(
            "t",
            "The mayor has announced new rules for the city centre announced.",
        ));
        let f: Vec<_> = r.sentences.iter().flat_map(|s| &s.findings).collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::rules::Severity::Major);
    }

    #[test]
    fn legitimate_repeated_verbs_stay_clean() {
        assert_clean(
            CODE,
            &[
                "He said he said it, and nobody believed him.",
                "He said what he said.",
                "It is what it is.",
                "The more we learn, the more we know.",
                "Progress was made step by step, day after day.",
                "We need more, more and more.",
                "The leaders met face to face.",
                "He had seen things no one had seen.",
                "Costs have increased faster than anyone expected.",
                "The team has played well and the fans have played their part, the coach played down.",
                "They have worked hard, as they always worked.",
                "She has visited Paris and has visited Rome.",
                "Prices were expected to rise more than expected.",
                "The company has reported profits, its rival reported losses.",
                "He has been tested and retested, tested.",
                "She has worked hard all year, so she worked.",
                "We had to do what we had to do.",
                "It will cost what it will cost.",
                "They have done all they have done.",
                "The police have arrested two men; officers arrested.",
            ],
        );
    }
}

//! `untranslated`: source-language words left inside an English sentence ("financially und
//! militarily", "selon the minister").
//!
//! Decided by comparing how likely a word is in each source language and in English
//! (log10 of the ratio of relative frequencies), never by English membership alone: the
//! English list knows "die", "will" and "also". Evidence must be strong: a function word of a
//! hand-written dictionary, or a frequent source-language content word that English does not
//! know, written in lower case in the middle of the sentence.

use super::{Context, Finding, Rule, RuleInfo, Sentence, Severity};
use crate::lexicon::{LexiconError, Lexicons};
use crate::text::{is_apostrophe, lower};
use rustc_hash::{FxHashMap, FxHashSet};

static INFO: RuleInfo = RuleInfo {
    code: "untranslated",
    severity: Severity::Major,
    targets: &["en"],
    summary:
        "Source-language words left inside an English sentence (\"financially und militarily\")",
    explain: r#"## What it does
Flags German, French, Spanish, Italian, Portuguese and Dutch words left in an English
sentence: function words that are not English at all ("und", "selon", "pero", "niet"), and
frequent source-language words that English does not know, in lower case in the middle of
the sentence ("le gouvernement"). The message names the language; the suggestion is the
English word when the function-word dictionary knows it.

## Why is this bad?
An untranslated word is a sure sign of machine translation that nobody reviewed, and the
reader may not understand it.

## Example
```text
The country is supported financially und militarily by its allies.
```
Use instead:
```text
The country is supported financially and militarily by its allies.
```

## Stays clean
Words that are also English ("die", "also", "will", "den"), loanwords and set phrases
("kindergarten", "angst", "zeitgeist", "per se", "de facto", "coup d'état"), capitalized
words (names, titles of newspapers: "Bild", "the Bundestag"), name particles ("de Gaulle",
"von der Leyen", "da Silva"), quoted foreign text, and sentences that are not English as a
whole (those are `wrong-language`).
"#,
};

/// Source languages the rule knows, with their display names.
const LANGS: [(&str, &str); 6] = [
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
];

/// log10 relative frequency given to a word a list does not know.
const FLOOR: f64 = -9.0;
/// A dictionary word must be this much (log10) more likely in its language than in English.
const MIN_FUNCTION_RATIO: f64 = 1.5;
/// A dictionary word English uses more often than this (count) is taken as English
/// ("pour", "encore"); one-letter words have their own guard.
const MAX_DICT_EN_COUNT: u32 = 5000;
/// A content word must be this much more likely in its language than in English …
const MIN_CONTENT_RATIO: f64 = 2.5;
/// … this common in its language (log10 relative frequency) …
const MIN_CONTENT_LOG_P: f64 = -5.5;
/// … and at most this common in English (count; pyspellchecker's filler count is 50).
const MAX_CONTENT_EN_COUNT: u32 = 50;

/// A hit before merging: word range, language index, suggestion.
struct Hit {
    first: usize,
    last: usize,
    lang: usize,
    english: Option<String>,
}

/// The `untranslated` rule.
#[derive(Debug)]
pub struct Untranslated {
    /// Per language: foreign phrase (lower case, words joined by one space) → English.
    dicts: Vec<FxHashMap<String, String>>,
    /// Longest dictionary phrase, in words.
    max_words: usize,
    /// Loanwords and set phrases, as lower-case word sequences joined by one space.
    loans: FxHashSet<String>,
    /// Longest loan phrase, in words.
    max_loan_words: usize,
    /// First words of dictionary entries: only words in this set start a phrase lookup
    /// (keeps the hot path free of allocations).
    starts: FxHashSet<String>,
    /// First words of loan phrases.
    loan_starts: FxHashSet<String>,
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

impl Untranslated {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut dicts = Vec::new();
        let mut max_words = 1;
        for (l, _) in LANGS {
            let mut d = FxHashMap::default();
            for row in lex.table(&format!("untranslated/{l}_en.tsv"), 2)? {
                let k = phrase_key(row[0]);
                max_words = max_words.max(k.split(' ').count());
                d.insert(k, row[1].to_string());
            }
            dicts.push(d);
        }
        let loans: FxHashSet<String> = lex
            .list("untranslated/loanwords.txt")
            .into_iter()
            .map(phrase_key)
            .collect();
        let max_loan_words = loans
            .iter()
            .map(|l| l.split(' ').count())
            .max()
            .unwrap_or(1);
        let first = |k: &String| k.split(' ').next().unwrap_or("").to_string();
        let starts = dicts.iter().flat_map(|d| d.keys()).map(first).collect();
        let loan_starts = loans.iter().map(first).collect();
        Ok(Untranslated {
            starts,
            loan_starts,
            dicts,
            max_words,
            loans,
            max_loan_words,
        })
    }

    /// log10(p_lang / p_en) of a lower-case word.
    fn ratio(lex: &Lexicons, lang: &str, w: &str) -> f64 {
        lex.words(lang).log_p(w, FLOOR) - lex.words("en").log_p(w, FLOOR)
    }
}

/// True when a British spelling of a known (American) English word: "programme",
/// "organisation", "labour", "centre", "analyse".
fn british_spelling(en: &crate::lexicon::WordFreq, w: &str) -> bool {
    const REWRITES: [(&str, &str); 10] = [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("mme", "m"),
        ("tre", "ter"),
        ("yse", "yze"),
        ("ence", "ense"),
        ("ogue", "og"),
    ];
    let stems = ["", "s", "es"];
    for suffix in stems {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        for (gb, us) in REWRITES {
            if let Some(stem) = base.strip_suffix(gb) {
                if en.count(&format!("{stem}{us}")) > MAX_CONTENT_EN_COUNT {
                    return true;
                }
            }
        }
        if let Some(k) = base.find("our") {
            if en.count(&format!("{}or{}", &base[..k], &base[k + 3..])) > MAX_CONTENT_EN_COUNT {
                return true;
            }
        }
    }
    false
}

/// True when one edit (a letter dropped, added, changed or two swapped) turns the word into
/// a common English word: a typo ("corna"), not a foreign word.
fn near_english(en: &crate::lexicon::WordFreq, w: &str) -> bool {
    const COMMON: u32 = 1000;
    let chars: Vec<char> = w.chars().collect();
    let hit = |v: &[char]| en.count(&v.iter().collect::<String>()) >= COMMON;
    let mut buf: Vec<char> = Vec::with_capacity(chars.len() + 1);
    for k in 0..chars.len() {
        buf.clear();
        buf.extend(
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, &c)| c),
        );
        if hit(&buf) {
            return true;
        }
        if k + 1 < chars.len() {
            buf.clear();
            buf.extend_from_slice(&chars);
            buf.swap(k, k + 1);
            if hit(&buf) {
                return true;
            }
        }
    }
    for k in 0..=chars.len() {
        for c in 'a'..='z' {
            buf.clear();
            buf.extend_from_slice(&chars[..k]);
            buf.push(c);
            buf.extend_from_slice(&chars[k..]);
            if hit(&buf) {
                return true;
            }
            if k < chars.len() && chars[k] != c {
                buf.clear();
                buf.extend_from_slice(&chars);
                buf[k] = c;
                if hit(&buf) {
                    return true;
                }
            }
        }
    }
    false
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

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Rule for Untranslated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.target != "en" || s.lang != "en" || s.words.len() < 3 {
            return;
        }
        let langs: Vec<usize> = match cx.source {
            Some(src) => LANGS
                .iter()
                .position(|&(l, _)| l == src)
                .into_iter()
                .collect(),
            None => (0..LANGS.len()).collect(),
        };
        // A source without a word list here (Russian) still gets the Cyrillic check.
        let lex = cx.lex;
        let en = lex.words("en");
        let en_function = lex.function_words("en");
        let n = s.words.len();
        // Cheap pre-scan: most sentences have no word that could be a leak.
        let maybe = (0..n).any(|i| {
            let w = s.word(i);
            if i > 0 && starts_upper(w) {
                return false;
            }
            let lw = lower(w);
            self.starts.contains(lw.as_ref())
                || (lw.len() >= 5
                    && en.count(&lw) <= MAX_CONTENT_EN_COUNT
                    && langs
                        .iter()
                        .any(|&li| lex.words(LANGS[li].0).log_p(&lw, FLOOR) >= MIN_CONTENT_LOG_P))
                || lw.chars().any(is_cyrillic)
        });
        if !maybe {
            return;
        }
        // A sentence mostly in another language is `wrong-language`, not a few leaked words
        // (short sentences fall back to the document's language, so check the words).
        let mut foreign = 0;
        let mut counted = 0;
        for i in 0..n {
            if !s.words[i].alpha || (i > 0 && starts_upper(s.word(i))) {
                continue;
            }
            counted += 1;
            let lw = lower(s.word(i));
            let p_en = en.log_p(&lw, FLOOR);
            // Unknown to English counts too: the source lists hold only their commonest words.
            if p_en <= FLOOR
                || LANGS
                    .iter()
                    .any(|(l, _)| lex.words(l).log_p(&lw, FLOOR) > p_en + 1.0)
                || lw.chars().any(is_cyrillic)
            {
                foreign += 1;
            }
        }
        if foreign * 2 > counted {
            return;
        }
        // Words inside quotation marks are quoted foreign text, on purpose.
        let mut quoted = vec![false; n];
        let mut inside = false;
        let mut wi = 0;
        for (b, c) in s.text.char_indices() {
            while wi < n && s.words[wi].start < b {
                quoted[wi] = inside;
                wi += 1;
            }
            match c {
                '“' | '„' | '«' => inside = true,
                '”' | '»' => inside = false,
                '"' => inside = !inside,
                _ => {}
            }
        }
        while wi < n {
            quoted[wi] = inside;
            wi += 1;
        }
        // Loan phrases cover their words.
        let mut loan = vec![false; n];
        for i in 0..n {
            for j in (i + 1..=(i + self.max_loan_words).min(n)).rev() {
                if !self.loan_starts.contains(lower(s.word(i)).as_ref()) && !s.word(i).contains('’')
                {
                    break;
                }
                if (contiguous(s, i, j) || j == i + 1) && self.loans.contains(&key(s, i, j)) {
                    loan[i..j].iter_mut().for_each(|x| *x = true);
                    break;
                }
            }
        }
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < n {
            let w = s.words[i];
            let word = w.text(s.text);
            let before = s.text[..w.start].chars().next_back();
            let skip = !w.alpha
                || quoted[i]
                || loan[i]
                || (starts_upper(word) && i > 0)
                // Glued to a hyphen, slash or dot: part of a compound, a URL or a code.
                || before.is_some_and(|c| matches!(c, '-' | '/' | '.' | '@' | '_'))
                || s.text[w.end..]
                    .chars()
                    .next()
                    .is_some_and(|c| matches!(c, '-' | '/' | '@' | '_') || is_apostrophe(c));
            if skip {
                i += 1;
                continue;
            }
            // A short lower-case word next to a capitalized one is a name particle
            // ("de Gaulle", "von der Leyen", "da Silva", "Gazzetta dello Sport").
            let cap_next = i + 1 < n && starts_upper(s.word(i + 1));
            let cap_prev = i > 0 && starts_upper(s.word(i - 1)) && i - 1 > 0;
            let len = word.chars().count();
            if (len <= 3 && (cap_next || cap_prev)) || (len <= 5 && cap_next && cap_prev) {
                i += 1;
                continue;
            }
            // A one-letter word ("y") needs a content word before it: "x and y" is English.
            let one_letter_ok = len > 1
                || (i > 0
                    && s.word(i - 1).chars().count() >= 3
                    && !en_function.contains(lower(s.word(i - 1)).as_ref()));
            // Dictionary phrases, longest first.
            let mut found: Option<Hit> = None;
            let known_start =
                one_letter_ok && (self.starts.contains(lower(word).as_ref()) || word.contains('’'));
            'len: for j in (i + 1..=(i + self.max_words).min(n)).rev() {
                if !known_start {
                    break;
                }
                if !contiguous(s, i, j)
                    || (j > i + 1 && (i + 1..j).any(|m| starts_upper(s.word(m)) || loan[m]))
                {
                    continue;
                }
                let k = key(s, i, j);
                let mut best: Option<(f64, usize)> = None;
                for &li in &langs {
                    let Some(_) = self.dicts[li].get(&k) else {
                        continue;
                    };
                    // A single word must be far more likely in its language than in English.
                    // (a word no English list knows counts as far more likely).
                    // A word English itself uses often ("pour") is English here.
                    if j == i + 1 && k.chars().count() > 1 && en.count(&k) > MAX_DICT_EN_COUNT {
                        continue;
                    }
                    let r = if j > i + 1 || en.count(&k) == 0 {
                        9.0
                    } else {
                        Self::ratio(lex, LANGS[li].0, &k)
                    };
                    if r >= MIN_FUNCTION_RATIO && best.is_none_or(|(b, _)| r > b) {
                        best = Some((r, li));
                    }
                }
                if let Some((_, li)) = best {
                    found = Some(Hit {
                        first: i,
                        last: j - 1,
                        lang: li,
                        english: self.dicts[li].get(&k).cloned(),
                    });
                    break 'len;
                }
            }
            // A frequent source-language content word that English does not know.
            if found.is_none() && word.chars().count() >= 5 && !starts_upper(word) {
                let lw = lower(word);
                if en.count(&lw) <= MAX_CONTENT_EN_COUNT && i > 0 {
                    let mut best: Option<(f64, usize)> = None;
                    for &li in &langs {
                        let wf = lex.words(LANGS[li].0);
                        let lp = wf.log_p(&lw, FLOOR);
                        let r = lp - en.log_p(&lw, FLOOR);
                        if lp >= MIN_CONTENT_LOG_P
                            && r >= MIN_CONTENT_RATIO
                            && best.is_none_or(|(b, _)| lp > b)
                        {
                            best = Some((lp, li));
                        }
                    }
                    // British spellings ("programme") and typos ("corna") of English words
                    // are not foreign (checked last: the typo test is the costly one).
                    if let Some((_, li)) = best {
                        if !british_spelling(en, &lw) && !near_english(en, &lw) {
                            found = Some(Hit {
                                first: i,
                                last: i,
                                lang: li,
                                english: None,
                            });
                        }
                    }
                }
            }
            // A Cyrillic word inside an English sentence.
            if found.is_none()
                && !starts_upper(word)
                && word.chars().count() >= 3
                && word.chars().all(is_cyrillic)
            {
                found = Some(Hit {
                    first: i,
                    last: i,
                    lang: LANGS.len(),
                    english: None,
                });
            }
            match found {
                Some(h) => {
                    i = h.last + 1;
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        if hits.is_empty() {
            return;
        }
        // Merge adjacent hits of the same language into one run ("le gouvernement").
        let mut merged: Vec<Hit> = Vec::new();
        for h in hits {
            if let Some(m) = merged.last_mut() {
                if m.lang == h.lang && h.first == m.last + 1 && contiguous(s, m.last, h.first + 1) {
                    m.last = h.last;
                    m.english = None;
                    continue;
                }
            }
            merged.push(h);
        }
        for h in merged {
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
}

//! `broken-clause`: garbled clauses whose function-word sequences English grammar does not
//! allow ("the of", "a the", "that he the contract", "in March of arrest warrant",
//! "protect to the young people").
//!
//! The pairs come from `lexicons/broken_clause/impossible_en.tsv`, rebuilt by
//! `scripts/build_broken_clause.py` from counts over permissively licensed English prose;
//! the hand-written patterns from `lexicons/broken_clause/patterns_en.tsv`.

use crate::kernels::{spread, BitSet};
use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::is_capitalized;
use crate::text::EN_FUNCTION;
use rustc_hash::{FxHashMap, FxHashSet};

static INFO: RuleInfo = RuleInfo {
    code: "broken-clause",
    severity: Severity::Major,
    targets: &["en"],
    summary: "garbled clause: a function-word sequence English grammar does not allow",
    explain: r#"## What it does
Flags a sentence in which two function words stand next to each other in an order English
grammar does not allow ("the of", "a the", "of is", "he the"), a month phrase continued
with a bare noun ("in March of arrest warrant issued"), or a transitive verb followed by
"to" and its object ("protect to the young people").

The pairs are learned from data: adjacent function-word pairs that are frequent enough to
be expected hundreds of times in a large body of clean English prose but never occur
(`lexicons/broken_clause/impossible_en.tsv`, rebuilt by `scripts/build_broken_clause.py`).

## Why is this bad?
Machine translation of long German clauses (extended participle attributes, dative objects)
leaves word salad that a reader cannot parse. No editor would let it through.

## Example
Bad: "Since then Ukraine war and that in March of Arrest warrant issued against him, …"
Good: "Since the Ukraine war and the arrest warrant issued against him in March, …"

Bad: "The measures protect to the young people."
Good: "The measures protect young people."

## Stays clean
- "in March of last year", "in May of 2020", "Vitamin A and B", "the will of the people",
  "all the while", "a human being", "the over" (cricket)
- questions and inversions: "Was he a member?", "Had they the means …"
- words joined by punctuation: "the “of” in the title", "the to-do list"
- capitalized words that are names: "Will Smith", "Theresa May of …", "Can Dündar"
"#,
};

const OBJECTS: [&str; 17] = [
    "the", "a", "an", "his", "her", "their", "our", "its", "my", "your", "this", "these", "those",
    "them", "him", "us", "me",
];
const ATTR_DETS: [&str; 8] = ["the", "a", "an", "its", "their", "our", "my", "your"];
const ATTR_PREPS: [&str; 14] = [
    "to", "by", "with", "of", "in", "on", "at", "for", "from", "into", "against", "during",
    "through", "between",
];
const MONTH_PREPS: [&str; 6] = ["in", "since", "until", "by", "from", "during"];
const AUX: [&str; 22] = [
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must", "shall", "am",
];

/// The `broken-clause` rule.
#[derive(Debug)]
pub struct BrokenClause {
    /// first word → the second words that may not follow it.
    pairs: FxHashMap<String, FxHashSet<String>>,
    months: FxHashSet<String>,
    month_ok: FxHashSet<String>,
    no_to: FxHashSet<String>,
    /// Every (first word in lower case, second word as written) that a pattern can match.
    combos: PairShapes,
    /// Second words of listed pairs and of `ATTR_PREPS`, "of", "to" that are not English
    /// function words (the others are: the English bit of the word's facts).
    extra_second: Vec<String>,
    /// Bit `len % 64` for the length of the lower-case form of each word of `extra_second`.
    second_lens: u64,
    /// First words of listed pairs and of `ATTR_DETS` that are not English function words.
    extra_first: Vec<String>,
    /// Bit `len % 64` for the length of each word of `extra_first`.
    first_lens: u64,
}

/// The shapes of a set of word pairs: a test without lookup that rules out most other pairs.
/// A pair whose shape is absent is not in the set; a pair whose shape is present may be.
#[derive(Debug)]
struct PairShapes(Box<BitSet<1024>>);

impl PairShapes {
    fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut bits = Box::<BitSet<1024>>::default();
        for (a, b) in pairs {
            bits.insert(Self::key(a.as_bytes(), b.as_bytes()));
        }
        PairShapes(bits)
    }

    /// A word's shape: the low 5 bits of its first and last bytes, and its length.
    fn shape(w: &[u8]) -> u32 {
        match (w.first(), w.last()) {
            (Some(&f), Some(&l)) => {
                u32::from(f & 31) | u32::from(l & 31) << 5 | (w.len().min(63) as u32) << 10
            }
            _ => 0,
        }
    }

    /// The bit of a pair: its two shapes, mixed down to 16 bits (the set's 65536).
    fn key(a: &[u8], b: &[u8]) -> usize {
        let x = Self::shape(a) << 16 | Self::shape(b);
        spread(u64::from(x), 16)
    }

    /// False when the pair is surely not one of the set.
    fn may_contain(&self, a: &[u8], b: &[u8]) -> bool {
        self.0.contains(Self::key(a, b))
    }
}

impl BrokenClause {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut pairs = FxHashMap::default();
        for row in lex.table("broken_clause/impossible_en.tsv", 2)? {
            pairs
                .entry(row[0].to_lowercase())
                .or_insert_with(FxHashSet::default)
                .insert(row[1].to_lowercase());
        }
        let mut month_ok = FxHashSet::default();
        let mut no_to = FxHashSet::default();
        for row in lex.table("broken_clause/patterns_en.tsv", 2)? {
            match row[0] {
                "month-of-ok" => month_ok.insert(row[1].to_lowercase()),
                "no-to-verb" => no_to.insert(row[1].to_lowercase()),
                _ => false,
            };
        }
        let mut months = FxHashSet::default();
        for row in lex.table("calendar/en.tsv", 2)? {
            if row[1] == "month" && row[0].chars().count() > 3 {
                months.insert(row[0].to_string());
            }
        }
        // What each pattern compares: the first word's lower-case form, the second word as
        // written. 1: a listed pair; 1b: a determiner and a preposition; 2: a month and "of";
        // 3: a verb and "to".
        let lower_months: Vec<String> = months
            .iter()
            .map(|m| crate::text::lower(m).into_owned())
            .collect();
        let combos = PairShapes::new(
            pairs
                .iter()
                .flat_map(|(a, bs)| bs.iter().map(move |b| (a.as_str(), b.as_str())))
                .chain(
                    ATTR_DETS
                        .iter()
                        .flat_map(|&a| ATTR_PREPS.iter().map(move |&b| (a, b))),
                )
                .chain(lower_months.iter().map(|a| (a.as_str(), "of")))
                .chain(no_to.iter().map(|a| (a.as_str(), "to"))),
        );
        let fw = lex.function_words("en");
        let mut extra_second: Vec<String> = pairs
            .values()
            .flatten()
            .map(String::as_str)
            .chain(ATTR_PREPS)
            .chain(["of", "to"])
            .filter(|w| !fw.contains(*w))
            .map(str::to_string)
            .collect();
        extra_second.sort();
        extra_second.dedup();
        let mut extra_first: Vec<String> = pairs
            .keys()
            .map(String::as_str)
            .chain(ATTR_DETS)
            .filter(|w| !fw.contains(*w))
            .map(str::to_string)
            .collect();
        extra_first.sort();
        extra_first.dedup();
        Ok(BrokenClause {
            pairs,
            months,
            month_ok,
            no_to,
            combos,
            // (A text word equal to one of these has its lower-case form: this length.)
            second_lens: (extra_second.iter())
                .fold(0, |m, w| m | 1 << (crate::text::lower(w).len() & 63)),
            first_lens: extra_first.iter().fold(0, |m, w| m | 1 << (w.len() & 63)),
            extra_second,
            extra_first,
        })
    }
}

/// True when only spaces separate word `i` from word `i + 1`.
fn joined(s: &Sentence<'_>, i: usize) -> bool {
    let gap = &s.text[s.words[i].end..s.words[i + 1].start];
    !gap.is_empty() && gap.bytes().all(|c| c == b' ')
}

impl BrokenClause {
    /// The first `i` from `from` on whose pair of words (`i`, `i + 1`) may match a pattern.
    ///
    /// Exact: every pattern needs both words to be letters and (the first word in lower case,
    /// the second as written) to be one of `combos` (a listed pair, a determiner and a
    /// preposition, a month and "of", a verb and "to"). So the second word is an English
    /// function word or one of `extra_second` (a second word of `combos` is lower case: its
    /// facts are its own), and the first a function word, one of `extra_first`, or a month or
    /// verb before "of" or "to". Most pairs fail these tests on the facts (the words of
    /// `extra_second`, `extra_first`, "of" and "to" are looked at only when their lengths fit);
    /// the shape test, on bytes, rules out most others.
    /// (Not inlined: its loop keeps its values in registers.)
    #[inline(never)]
    fn next_candidate(&self, s: &Sentence<'_>, from: usize) -> Option<usize> {
        let (text, lower) = (s.text.as_bytes(), s.lower_text.as_bytes());
        let words = s.words.get(from..)?;
        let facts = s.facts.get(from..)?;
        let n = words.len().min(facts.len());
        let (words, facts) = (&words[..n], &facts[..n]);
        // (The first byte before the bytes: no call to compare most words.)
        let is = |list: &[String], x: &[u8]| {
            list.iter()
                .any(|e| e.as_bytes().first() == x.first() && e.as_bytes() == x)
        };
        // (A length of 64 or more counts as its low six bits: only a coarser test.)
        let fits = |lens: u64, len: usize| lens >> (len & 63) & 1 != 0;
        // `k`: the second word of the pair.
        for k in 1..n {
            let f1 = &facts[k];
            // (A word equal to one of `extra_second` has the lower-case form of that word: the
            // length in the facts rules out most words without reading the word.)
            if f1.function & EN_FUNCTION == 0
                && !(fits(self.second_lens, f1.lower_end - f1.lower_start)
                    && is(&self.extra_second, &text[words[k].start..words[k].end]))
            {
                continue;
            }
            let w1 = &words[k];
            let (w0, f0) = (&words[k - 1], &facts[k - 1]);
            if f0.function & EN_FUNCTION == 0
                && !(w1.end - w1.start == 2
                    && matches!(
                        (text[w1.start], text[w1.start + 1]),
                        (b'o', b'f') | (b't', b'o')
                    ))
                && !(fits(self.first_lens, f0.lower_end - f0.lower_start)
                    && is(&self.extra_first, &lower[f0.lower_start..f0.lower_end]))
            {
                continue;
            }
            if w0.alpha
                && w1.alpha
                && self.combos.may_contain(
                    &lower[f0.lower_start..f0.lower_end],
                    &text[w1.start..w1.end],
                )
            {
                return Some(from + k - 1);
            }
        }
        None
    }
}

/// True when word `i` is the first word of the sentence (only punctuation before it).
fn first(i: usize) -> bool {
    i == 0
}

impl Rule for BrokenClause {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if judged(s, cx) {
            self.check_from(s, 0, out);
        }
    }

    fn may_fire(&self, s: &Sentence<'_>, cx: &Context<'_>) -> bool {
        // (Most sentences have no candidate: the patterns are looked at only after one. The
        // sentence test first: it rules out the other languages at no cost.)
        judged(s, cx) && self.next_candidate(s, 0).is_some()
    }
}

/// True when the rule judges the sentence: English, three words or more.
fn judged(s: &Sentence<'_>, cx: &Context<'_>) -> bool {
    cx.target == "en" && s.lang == "en" && s.words.len() >= 3
}

impl BrokenClause {
    /// [`Rule::check`] from the pair of words `start` and `start + 1` on.
    #[inline(never)]
    fn check_from(&self, s: &Sentence<'_>, start: usize, out: &mut Vec<Finding>) {
        let n = s.words.len();
        let mut i = start;
        while i + 1 < n {
            // The pairs before the next candidate can match no pattern (`next_candidate`).
            if !crate::gate::opened() {
                match self.next_candidate(s, i) {
                    Some(k) => i = k,
                    None => break,
                }
            }
            if !joined(s, i) {
                i += 1;
                continue;
            }
            let a = s.word(i);
            let b = s.word(i + 1);
            // 1. an impossible function-word pair, both in lower case (the first may open
            //    the sentence); names such as "Will", "May", "Can" stay out.
            let a_ok = a.chars().all(char::is_lowercase) || (first(i) && is_capitalized(a));
            // compounds and abbreviations: "the by-election", "a.k.a the", "an in-depth"
            let before = s.text[..s.words[i].start].chars().next_back();
            let after = s.text[s.words[i + 1].end..].chars().next();
            let free = !before
                .is_some_and(|c| matches!(c, '.' | '-' | '‐' | '/' | '\'' | '’' | '&' | '_'))
                && !after.is_some_and(|c| matches!(c, '-' | '‐' | '/' | '\'' | '’' | '&' | '_'));
            let pair = |la: &str| self.pairs.get(la).is_some_and(|set| set.contains(b));
            if a_ok && free && b.chars().all(char::is_lowercase) && pair(s.lower(i)) {
                // inversions: "was he a member", "had they the means"; questions.
                let inverted = i > 0 && AUX.contains(&s.lower(i - 1));
                let question = || s.text.trim_end().ends_with('?');
                if !(inverted || question()) {
                    let span = s.words[i].start..s.words[i + 1].end;
                    out.push(Finding::new(
                        &INFO,
                        span,
                        format!("\"{a} {b}\": English grammar does not put these words next to each other"),
                    ));
                    i += 2;
                    continue;
                }
            }
            // 1b. determiner + preposition + determiner: a German extended attribute
            //     ("a to the reality adapted law", "the by the government planned cuts")
            if a_ok
                && free
                && i + 2 < n
                && joined(s, i + 1)
                && ATTR_DETS.contains(&s.lower(i))
                && ATTR_PREPS.contains(&b)
                && ATTR_DETS.contains(&s.word(i + 2))
            {
                let span = s.words[i].start..s.words[i + 2].end;
                out.push(Finding::new(
                    &INFO,
                    span.clone(),
                    format!(
                        "\"{}\": a prepositional phrase inside a noun phrase, in German order",
                        &s.text[span]
                    ),
                ));
                i += 3;
                continue;
            }
            // 2a. "… in May of." — the month phrase breaks off
            if i >= 1
                && b == "of"
                && i + 2 == n
                && self.months.contains(a)
                && joined(s, i - 1)
                && MONTH_PREPS.contains(&s.lower(i - 1))
                && s.text[s.words[i + 1].end..]
                    .trim_start()
                    .starts_with(['.', '!', ';'])
            {
                let span = s.words[i - 1].start..s.words[i + 1].end;
                out.push(Finding::new(
                    &INFO,
                    span.clone(),
                    format!("\"{}\": the month phrase breaks off", &s.text[span]),
                ));
                break;
            }
            // 2. "in March of <bare noun>"
            if i >= 1
                && i + 2 < n
                && b == "of"
                && self.months.contains(a)
                && joined(s, i - 1)
                && MONTH_PREPS.contains(&s.lower(i - 1))
                && joined(s, i + 1)
                && s.words[i + 2].alpha
            {
                let next = s.word(i + 2);
                if !self.month_ok.contains(s.lower(i + 2)) && !self.months.contains(next) {
                    let span = s.words[i - 1].start..s.words[i + 2].end;
                    out.push(Finding::new(
                        &INFO,
                        span.clone(),
                        format!(
                            "\"{}\": a month phrase runs into a bare noun",
                            &s.text[span.clone()]
                        ),
                    ));
                    i += 3;
                    continue;
                }
            }
            // 3. "protect to the young people"
            if b == "to" && i + 2 < n && joined(s, i + 1) && self.no_to.contains(s.lower(i)) {
                let c = s.word(i + 2);
                if OBJECTS.contains(&c) {
                    let span = s.words[i].start..s.words[i + 2].end;
                    out.push(Finding::new(
                        &INFO,
                        span.clone(),
                        format!(
                            "\"{}\": this verb takes a direct object, not \"to\"",
                            &s.text[span]
                        ),
                    ));
                    i += 3;
                    continue;
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, matched};

    #[test]
    fn fires_on_german_participle_attribute() {
        let m = matched(
            "broken-clause",
            "Since then Ukraine war and that in February of Detention order issued against the general by the court, visits abroad by the general have become rare.",
        );
        assert_eq!(m, vec!["in February of Detention"]);
    }

    #[test]
    fn fires_on_impossible_pairs() {
        assert_eq!(
            matched(
                "broken-clause",
                "The report of the of commission was published on Monday."
            ),
            vec!["the of"]
        );
        assert_eq!(
            matched(
                "broken-clause",
                "She said that he the contract signed last week."
            ),
            vec!["he the"]
        );
        assert_eq!(
            matched(
                "broken-clause",
                "The minister wants a the new rules for schools."
            ),
            vec!["a the"]
        );
    }

    #[test]
    fn fires_on_a_pair_whose_second_word_is_no_function_word() {
        // "every" is not in function/en.txt: the prefilter lets it through by name.
        assert_eq!(
            matched(
                "broken-clause",
                "The committee said that they every proposal rejected."
            ),
            vec!["they every"]
        );
    }

    #[test]
    fn fires_on_month_phrase_breaking_off() {
        assert_eq!(
            matched(
                "broken-clause",
                "The trial will last 30 days, the first of which in June of."
            ),
            vec!["in June of"]
        );
        assert_clean(
            "broken-clause",
            &["The strike began in June of 2021.", "It was a hot June."],
        );
    }

    #[test]
    fn fires_on_extended_attribute() {
        assert_eq!(
            matched(
                "broken-clause",
                "She spoke of a to the needs of farmers adjusted subsidy."
            ),
            vec!["a to the"]
        );
        assert_clean(
            "broken-clause",
            &[
                "He knows the subject from a to z.",
                "The in-laws and the by-election.",
            ],
        );
    }

    #[test]
    fn fires_on_verb_with_to() {
        assert_eq!(
            matched(
                "broken-clause",
                "The new law is meant to protect to the young people from gambling."
            ),
            vec!["protect to the"]
        );
    }

    #[test]
    fn clean_english_stays_clean() {
        assert_clean(
            "broken-clause",
            &[
                "In March of last year the company cut 300 jobs.",
                "The plant opened in May of 2019 and closed in June of that year.",
                "Theresa May of the Conservative Party spoke first.",
                "Will Smith and Can Dündar were among the guests.",
                "Vitamin A and zinc are sold in a can of the same size.",
                "It was the will of the people, and all the while a human being watched.",
                "Was he a member of the party? Had they the means to pay?",
                "The word “the” is the most common word in English.",
                "Only then will the ministers decide, and nor will the courts.",
                "The government pledged support to the rebels and help to the poor.",
                "He was accused of fraud and was thanked for his help.",
                "All of you be careful, said the coach to the players.",
                "We the people of the United States agree.",
                "He won the by-election, a.k.a the vote, after an in-depth campaign.",
            ],
        );
    }
}

//! `capitalized-noun`: a common noun capitalized in the middle of an English sentence, the way
//! German capitalizes every noun ("of Arrest warrant", "higher Prices in the Supermarket").
//!
//! Names are the trap: a capitalized word is flagged only when it is a common English word,
//! stands alone between lower-case words, is not a name-like word (institutions, titles,
//! places, nationalities, months), and the sentence or the document gives evidence — a second
//! such word in the sentence, or the same word in lower case elsewhere in the document.

use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::EN_FUNCTION;
use crate::text::{is_all_caps, is_apostrophe};
use crate::translit::next_capital;
use rustc_hash::FxHashSet;

static INFO: RuleInfo = RuleInfo {
    code: "capitalized-noun",
    severity: Severity::Minor,
    targets: &["en"],
    summary: "a common noun capitalized mid-sentence, as German does (\"of Arrest warrant\")",
    explain: r#"## What it does
Flags common English words capitalized in the middle of a sentence the way German
capitalizes nouns. The word must stand alone between lower-case words and there must be
evidence that it is a noun and not a name: two of them in the sentence ("higher Prices in
the Supermarket"), an indefinite or possessive determiner before it ("a Permit", "their
Electricity"), an abstract-noun suffix after a determiner or preposition ("the
Construction industry"), or the same word in lower case more often elsewhere in the
document. The suggestion is the word in lower case.

## Why is this bad?
English capitalizes names, not nouns. A capitalized common noun is a typical trace of
machine translation from German and looks careless to the reader.

## Example
```text
The court issued an Arrest warrant and higher Prices followed in the Supermarket.
```
Use instead:
```text
The court issued an arrest warrant and higher prices followed in the supermarket.
```

## Stays clean
Names and titles ("President Biden", "the Foreign Minister", "the Federal Reserve",
"the International Criminal Court"), institutions used as names ("the Kremlin",
"the Church", "Parliament", "the Government" in British style), nationalities, months and
days, acronyms, headlines in title case, the first word of a sentence and words after a
colon, a quotation mark or a bullet, quoted titles, and "I".
"#,
};

/// A word must be at least this common in English (lower-case count) to count as a common word.
const MIN_COMMON_COUNT: u32 = 2000;

/// An abstract noun (by its suffix) must be at least this common.
const MIN_ABSTRACT_COUNT: u32 = 100;

/// The `capitalized-noun` rule.
#[derive(Debug)]
pub struct CapitalizedNoun {
    /// Lower-case words that are names often enough to be left alone.
    proper: FxHashSet<String>,
    /// Lower-case month and weekday names.
    calendar: FxHashSet<String>,
}

impl CapitalizedNoun {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut proper: FxHashSet<String> = lex
            .list("capitalized_noun/proper.txt")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        // Months and weekdays.
        let mut calendar = FxHashSet::default();
        for row in lex.table("calendar/en.tsv", 1)? {
            proper.insert(row[0].to_lowercase());
            calendar.insert(row[0].to_lowercase());
        }
        // Countries, cities and languages (which double as nationalities: German, Russian).
        for row in lex.table("exonyms.tsv", 3)? {
            for w in crate::text::words(row[2]) {
                proper.insert(w.text(row[2]).to_lowercase());
            }
        }
        Ok(CapitalizedNoun { proper, calendar })
    }

    /// True when the nearest word across one or two connectors on either side (within the
    /// same phrase: spaces only) is capitalized, is not the first word of the sentence and is
    /// not a month or weekday ("in March of Arrest warrant" is no name).
    fn linked_to_capital(&self, s: &Sentence<'_>, i: usize) -> bool {
        let n = s.words.len();
        let space = |a: usize, b: usize| s.text[s.words[a].end..s.words[b].start] == *" ";
        let named = |j: usize| {
            crate::text::is_capitalized(s.word(j)) && !self.calendar.contains(s.lower(j))
        };
        let mut j = i + 1;
        let mut hops = 0;
        while j < n && hops < 2 && space(j - 1, j) && CONNECTORS.contains(&s.word(j)) {
            j += 1;
            hops += 1;
        }
        if hops > 0 && j < n && space(j - 1, j) && named(j) {
            return true;
        }
        let mut j = i;
        let mut hops = 0;
        while j > 0 && hops < 2 && space(j - 1, j) && CONNECTORS.contains(&s.word(j - 1)) {
            j -= 1;
            hops += 1;
        }
        hops > 0 && j > 1 && space(j - 2, j - 1) && named(j - 1)
    }

    /// True when the word looks like a nationality or a follower (Ukrainian, Chinese, Israeli,
    /// Marxist).
    fn demonym_like(lw: &str) -> bool {
        ["ian", "ean", "ese", "ish", "ans", "ist", "ists", "i"]
            .iter()
            .any(|s| lw.ends_with(s))
    }
}

/// The word is written Xxxx: an upper-case letter then only lower-case letters.
fn title_case(w: &str) -> bool {
    // (ASCII: the same tests on bytes.)
    if w.is_ascii() {
        let b = w.as_bytes();
        return b.first().is_some_and(u8::is_ascii_uppercase)
            && b[1..].iter().all(|&c| c.is_ascii_lowercase() || c == b'\'');
    }
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || is_apostrophe(c))
}

/// Sentence-initial determiners after which the next word is judged like a mid-sentence one.
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "many", "several", "some", "most", "all", "these", "those", "their", "our",
];

/// Determiners that names rarely follow.
const INDEFINITE: [&str; 17] = [
    "a", "an", "their", "his", "her", "its", "our", "my", "your", "many", "several", "some", "few",
    "every", "each", "further", "higher",
];

/// Suffixes of abstract common nouns.
const ABSTRACT: [&str; 8] = [
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship",
];

/// Words that join the parts of a multi-word name.
const CONNECTORS: [&str; 8] = ["of", "for", "and", "the", "on", "de", "du", "to"];

/// Verbs of saying, usually followed by the speaker's name.
const SPEECH: [&str; 10] = [
    "said",
    "says",
    "told",
    "asked",
    "added",
    "wrote",
    "explained",
    "stated",
    "warned",
    "noted",
];

/// The word starts with a lower-case letter.
fn starts_lower(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.chars().next().is_some_and(char::is_lowercase),
    }
}

/// Whether a word starts inside quotation marks, for words met left to right: the marks
/// before it are scanned once, from where the previous question left off.
struct Quotes {
    pos: usize,
    inside: bool,
}

impl Quotes {
    /// True when the text before `start` leaves a quotation open (“ „ « open, ” » close, "
    /// toggles). `start` must not be before the previous call's.
    fn at(&mut self, text: &str, start: usize) -> bool {
        let b = text.as_bytes();
        let mut k = self.pos;
        while k < start {
            match b[k] {
                b'"' => self.inside = !self.inside,
                // “ (E2 80 9C), ” (E2 80 9D), „ (E2 80 9E): whole characters, as `start` and
                // `pos` are character boundaries.
                0xE2 if b[k + 1] == 0x80 => match b[k + 2] {
                    0x9C | 0x9E => self.inside = true,
                    0x9D => self.inside = false,
                    _ => {}
                },
                // « (C2 AB), » (C2 BB)
                0xC2 => match b[k + 1] {
                    0xAB => self.inside = true,
                    0xBB => self.inside = false,
                    _ => {}
                },
                _ => {}
            }
            k += 1;
        }
        self.pos = start;
        self.inside
    }
}

impl Rule for CapitalizedNoun {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if s.lang != "en" || s.words.len() < 4 {
            return;
        }
        let n = s.words.len();
        // Words inside quotation marks (titles of works, quoted slogans) are left alone.
        let mut quotes = Quotes {
            pos: 0,
            inside: false,
        };
        let mut candidates: Vec<usize> = Vec::new();
        let mut strong: Vec<usize> = Vec::new();
        let text = s.text.as_bytes();
        let mut from = 1;
        loop {
            // Cheapest tests first, on the word's first byte and its facts: it starts with an
            // upper-case letter (`title_case` below; a tight loop skips the words whose first
            // byte is a lower-case ASCII letter or no letter, most), it is all letters, and its
            // lower-case form counts at least MIN_ABSTRACT_COUNT in English (below that it is
            // neither common nor an abstract noun: see `count`). Most words fail.
            let i = next_capital(text, s.words, from);
            if i >= n {
                break;
            }
            from = i + 1;
            let w = s.words[i];
            if !w.alpha
                || s.en_count(i) < MIN_ABSTRACT_COUNT
                || (text[w.start] >= 0x80 && !crate::text::is_capitalized(w.text(s.text)))
            {
                continue;
            }
            // After a colon, a quotation mark, a bracket, a dash or a bullet a capital is normal.
            // (Bytes: a character other than these has bytes other than these.)
            let p = s.words[i - 1];
            let (mut odd, mut comma) = (false, false);
            for &c in &text[p.end..w.start] {
                odd |= c != b' ' && c != b',';
                comma |= c == b',';
            }
            if odd {
                continue;
            }
            // Lone capital: the neighbours are lower case (else a multi-word name); a comma
            // ends the previous name. (The first byte of the previous word decides for an ASCII
            // letter.)
            let prev_lower = || s.lower(i - 1);
            let lower_first = match text[p.start] {
                b if b.is_ascii() => b.is_ascii_lowercase(),
                _ => starts_lower(&s.text[p.start..p.end]),
            };
            if !(comma || lower_first || i == 1 && DETERMINERS.contains(&prev_lower())) {
                continue;
            }
            let prev = s.word(i - 1);
            if i + 1 < n {
                let next = s.word(i + 1);
                let next_gap = &s.text[w.end..s.words[i + 1].start];
                if crate::text::is_capitalized(next) && next_gap.trim().is_empty() {
                    continue;
                }
                // Hyphenated compounds are names ("Trump-style"); a number or a quoted name
                // makes a name ("Formula 1", "Terminal 2", Hurricane “Douglas”).
                if next_gap.starts_with('-')
                    || next_gap.trim_start().starts_with(['"', '“', '„', '«'])
                    || (next_gap == " " && next.starts_with(|c: char| c.is_ascii_digit()))
                {
                    continue;
                }
            }
            let word = w.text(s.text);
            // (A lower-case ASCII second letter: not all capitals, without reading further.)
            if crate::text::char_len(word) < 3
                || !title_case(word)
                || !text[w.start + 1].is_ascii_lowercase() && is_all_caps(word)
            {
                continue;
            }
            // A name joined to other capitalized words by connectors: "the Office for the
            // Protection of the Constitution", "Traffic and Environment".
            if self.linked_to_capital(s, i) {
                continue;
            }
            // Possessives are names ("the Group's"); speech verbs are followed by names.
            if word.chars().any(is_apostrophe) || SPEECH.contains(&prev) {
                continue;
            }
            let lw = s.lower(i);
            // An abstract-noun suffix: names rarely end in "-tion", "-ment", "-ness", so a
            // known English word of that shape is a common noun even when it is rare.
            let count = s.en_count(i);
            let abstract_noun = count >= MIN_ABSTRACT_COUNT
                && lw.len() >= 7
                && ABSTRACT.iter().any(|x| lw.ends_with(x));
            if self.proper.contains(lw)
                || Self::demonym_like(lw)
                || (count < MIN_COMMON_COUNT && !abstract_noun)
            {
                continue;
            }
            // (Asked last: it reads the text up to the word. The words are met in order.)
            if quotes.at(s.text, w.start) {
                continue;
            }
            // After an indefinite, possessive or quantifying determiner a capitalized common
            // word is a noun, not a name ("a Permit", "their Electricity", "Many Farmers").
            // The abstract noun must follow a determiner or a preposition: after a common noun
            // it is a name ("the rover Perseverance").
            let after_function_word = !comma && s.function_mask(i - 1) & EN_FUNCTION != 0;
            if (abstract_noun && after_function_word)
                || (!comma && INDEFINITE.contains(&prev_lower()))
            {
                strong.push(i);
            }
            candidates.push(i);
        }
        if candidates.is_empty() {
            return;
        }
        // Headline case: most longer words capitalized and at most one lower-case word of five
        // letters or more (title case leaves only short function words in lower case; a
        // sentence full of names still has lower-case verbs and nouns).
        let (mut long, mut caps, mut lower5) = (0, 0, 0);
        for i in 0..n {
            let w = s.word(i);
            let len = crate::text::char_len(w);
            if len < 4 {
                continue;
            }
            long += 1;
            caps += usize::from(crate::text::is_capitalized(w));
            lower5 += usize::from(len >= 5 && w.chars().next().is_some_and(char::is_lowercase));
        }
        if caps * 2 >= long && lower5 <= 1 {
            return;
        }

        let many = candidates.len() >= 2;
        for i in candidates {
            let word = s.word(i);
            let lw = s.lower(i);
            // The document writes the word in lower case, and more often than capitalized.
            let lower_in_doc = {
                let l = cx.doc_count(lw);
                l >= 2 && l >= cx.doc_count(word)
            };
            if !(many || strong.contains(&i) || lower_in_doc) {
                continue;
            }
            out.push(
                Finding::new(
                    &INFO,
                    s.words[i].span(),
                    format!("common noun “{word}” capitalized mid-sentence, as German does"),
                )
                .with_suggestion(lw),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "capitalized-noun";

    #[test]
    fn fires_on_two_capitalized_nouns() {
        assert_eq!(
            matched(
                CODE,
                "Shoppers now pay higher Prices in the Supermarket than last year."
            ),
            vec!["Prices", "Supermarket"]
        );
    }

    #[test]
    fn fires_when_document_uses_lower_case() {
        let f = findings(
            CODE,
            "en",
            "The court issued a warrant. Police could not serve the Warrant because he had left. A second warrant followed.",
        );
        assert_eq!(
            f,
            vec![("Warrant".to_string(), Some("warrant".to_string()))]
        );
    }

    #[test]
    fn fires_on_german_style_clause() {
        assert_eq!(
            matched(
                CODE,
                "Since the war and the warrant issued in March of Arrest against him by the court, Foreign trips have become rare."
            ),
            vec!["Arrest", "Foreign"]
        );
    }

    #[test]
    fn fires_after_indefinite_determiner() {
        assert_eq!(
            matched(
                CODE,
                "Landlords would then need a Permit for every flat they rent out."
            ),
            vec!["Permit"]
        );
        assert_eq!(
            matched(CODE, "Many Farmers fear that the cuts will ruin them."),
            vec!["Farmers"]
        );
    }

    #[test]
    fn fires_on_abstract_noun() {
        assert_eq!(
            matched(
                CODE,
                "Tenants fear the Cancellation of their contracts by the city."
            ),
            vec!["Cancellation"]
        );
        assert_eq!(
            matched(
                CODE,
                "The purchase still needs the Approval of parliament and the Construction permit."
            ),
            vec!["Approval", "Construction"]
        );
    }

    #[test]
    fn names_after_determiners_stay_clean() {
        assert_clean(
            CODE,
            &[
                "He won an Oscar and a Nobel, and his Majesty thanked him.",
                "Prices fell during the Depression and rose after the Reformation, the Commission said.",
                "The rock will calibrate detectors on the rover Perseverance, and Christianity spread.",
                "A Democrat and several Republicans voted for the bill.",
                "The Kremlin said a Russian delegation would travel to Astana.",
                "He spent a year in an Israeli kibbutz and a Pakistani village.",
                "The hurricane grew. In the Pacific, Hurricane “Douglas” was heading for Hawaii.",
                "The hurricane season began. A second hurricane formed, and the Hurricane Centre warned.",
                "The rules of the formula are strict, and a Formula 1 race needs a Terminal 2 gate.",
            ],
        );
    }

    #[test]
    fn titles_names_and_institutions_stay_clean() {
        assert_clean(
            CODE,
            &[
                "The Foreign Minister met President Biden and the Federal Reserve chair in Washington.",
                "The International Criminal Court said the Kremlin had ignored the Church and the Pope.",
                "Parliament rejected the plan, and the Government said it would appeal to the Court.",
                "Most Russian and German voters in the West backed the deal in March.",
                "He told reporters: Nothing has changed, and I will stay.",
                "They are watched by the Office for the Protection of the Constitution, said Walter.",
                "She heads the department Traffic and Environment at the club, and Green wanted the Group's profits.",
            ],
        );
    }

    #[test]
    fn headlines_quotes_and_single_capitals_stay_clean() {
        assert_clean(
            CODE,
            &[
                "Putin Praises Closest Allies At Summit In Astana",
                "She starred in “Gone with the Wind” and later in the play “Death of a Salesman”.",
                "The company said Apple's new phone would be sold in the autumn.",
                "Tokayev greeted Vladimir Putin in Astana on Thursday.",
            ],
        );
    }
}

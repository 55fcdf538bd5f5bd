//! `word-order`: German word order kept in English. Verb-second after a fronted phrase
//! ("At a press conference … emphasized Putin on Thursday the importance …", "Since the
//! beginning of the war have more than six million people fled") and verbs stranded at the
//! end of their clause ("… has expressed his reluctance … Ukraine conflict expressed.",
//! "… that he the contract signed.").
//!
//! Every pattern asks for two independent signs of the German order, because English has
//! legitimate inversions (quotative "said the minister", locative "In the corner stood a
//! piano", negative "Never before had …") and relative clauses that end in a verb ("the law
//! that parliament passed"). Verb lists: `lexicons/word_order/verbs_en.txt`; phrase openers:
//! `lexicons/word_order/starters_en.txt`.

use crate::lexicon::{LexiconError, Lexicons};
use crate::matcher::Bits;
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::EN_FUNCTION;
use crate::text::{capital_at, is_capitalized};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

mod dateline;
mod de;
mod verb_last;
mod verb_second;

use dateline::{dateline_end, gaps};

static INFO: RuleInfo = RuleInfo {
    code: "word-order",
    severity: Severity::Major,
    targets: &["en", "de"],
    summary: "source-language (German) word order in English, English word order in German: where the finite verb stands",
    explain: r#"## What it does
Flags German word order left in English by machine translation:
- **verb second**: a sentence opens with a prepositional or time phrase, then the finite verb,
  then the subject, then the object ("At the summit emphasized Putin the importance of …",
  "In his address said Selenskyj that …", "Since the war have more than six million people
  fled");
- **verb last**: the verb or participle stranded at the end of its clause ("… has expressed
  his reluctance in recent months Ukraine conflict expressed.", "… has the problem for years
  ignored.", "… that he the contract signed.", "… because the government the law passed has.").

Into German, the opposite: English word order left in a German sentence (only with a finite
auxiliary or modal, a closed class, so that no verb dictionary is needed):
- the finite verb second in a subordinate clause: "…, weil die Gespräche sind gescheitert"
  (German: "weil die Gespräche gescheitert sind");
- the subject between a fronted adverb or time phrase and the verb: "Gestern die Regierung hat
  …", "Am Montag der Präsident hat …" (German: "Am Montag hat der Präsident …").

## Why is this bad?
German puts the finite verb second and the participle last; English does not. A reader has
to re-parse the sentence, and often cannot tell who did what.

## Example
Bad: "At a joint press conference with his counterpart emphasized Putin on Thursday the importance of cooperation."
Good: "At a joint press conference with his counterpart on Thursday, Putin emphasized the importance of cooperation."

Bad: "Since the beginning of the war have more than six million people fled."
Good: "Since the beginning of the war, more than six million people have fled."

## Stays clean
- quotative inversion: "“We will win,” said the minister.", "…, said Smith on Monday."
- locative and existential inversion: "In the corner stood a piano.", "Among the victims were two children.", "In Western countries there are concerns …"
- negative and restrictive fronting: "Never before had …", "Only then did …", "In no case have …"
- ordinary fronting with the subject first: "At the summit Merkel praised Macron.", "On Thursday the ministers met in Brussels."
- ditransitive verbs: "At the meeting Scholz told Macron the news."
- relative clauses and passives that end in a verb: "the law that parliament passed.", "the money was spent.", "as expected.", "the plan they had proposed."
- German: focus particles before the subject ("Auch die Regierung hat …"), genitives after a
  fronted noun ("Nach Angaben der Polizei hat …", "Am Ende der Woche hat …"), words that are
  prepositions as well as conjunctions ("Während der Sitzung hat er …", "Mehr als die Hälfte
  ist …"), full verbs in second place after "weil" (colloquial, and not told apart from
  adverbs without a dictionary).
"#,
};

/// Words that end a fronted phrase without a German verb-second reading: a subject or
/// relative pronoun, negation, auxiliaries.
const STOP: [&str; 44] = [
    "i", "he", "she", "we", "they", "it", "you", "there", "who", "which", "that", "whom", "whose",
    "what", "how", "why", "where", "when", "whether", "if", "not", "no", "never", "only", "nor",
    "neither", "is", "are", "was", "were", "am", "be", "been", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must",
];
const PERFECT: [&str; 3] = ["has", "have", "had"];
const MODALS: [&str; 7] = ["will", "would", "can", "could", "should", "must", "shall"];
const BE: [&str; 4] = ["is", "are", "was", "were"];
/// Words after which "will" is the noun: "his last will", "the political will".
const WILL_NOUN: [&str; 9] = [
    "last", "free", "good", "own", "his", "her", "their", "popular", "general",
];
/// What may follow the participle of a German-order passive ("were … flooded after …").
const BE_AFTER: [&str; 10] = [
    "after",
    "during",
    "on",
    "yesterday",
    "today",
    "last",
    "when",
    "because",
    "following",
    "overnight",
];
/// Nouns of time that can end a short fronted phrase ("On Tuesday announced the government …").
const TIME_WORDS: [&str; 22] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "week",
    "weekend",
    "year",
    "month",
    "morning",
    "evening",
    "afternoon",
    "night",
    "summer",
    "winter",
    "spring",
    "autumn",
    "future",
];
const OPENERS: [&str; 8] = ["the", "a", "an", "his", "her", "its", "their", "that"];
const QUANT: [&str; 20] = [
    "more",
    "the",
    "a",
    "an",
    "some",
    "many",
    "several",
    "most",
    "all",
    "about",
    "over",
    "nearly",
    "almost",
    "around",
    "hundreds",
    "thousands",
    "millions",
    "dozens",
    "tens",
    "numerous",
];
const TIME: [&str; 24] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "next",
    "following",
    "previous",
    "same",
    "other",
    "last",
    "first",
    "time",
    "moment",
    "whole",
    "rest",
];
const ADVERBIAL: [&str; 9] = [
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "yesterday",
    "today",
    "and",
];
const DETS: [&str; 9] = [
    "the", "a", "an", "his", "her", "its", "their", "our", "this",
];
const SUBJ: [&str; 5] = ["i", "he", "she", "we", "they"];
const SUBORD: [&str; 8] = [
    "that", "because", "since", "although", "while", "when", "if", "whether",
];
/// The verb of a verb-second sentence ("At the summit in Brussels demanded …") is looked
/// for among the first this many words after the first: a fronted phrase is short.
const MAX_FRONTED_WORDS: usize = 17;

/// The head of a sentence (bytes) where a dateline's dash is looked for ("Berlin (dpa) – ").
const DATELINE_BYTES: usize = 60;

/// Prepositions that open a phrase inside a fronted chain of prepositional phrases ("At the
/// summit in Brussels on Monday …"). The chain of `pp_chain` may also hold a place
/// ([`PLACE_PREPS`]); the one before an auxiliary in second place (`aux_second`) a time
/// ([`TIME_PREPS`]).
const LINKING_PREPS: [&str; 11] = [
    "of", "in", "on", "at", "with", "for", "by", "from", "during", "against", "between",
];
/// Prepositions of place that continue a chain of `pp_chain`.
const PLACE_PREPS: [&str; 3] = ["near", "outside", "inside"];
/// Prepositions of time that continue the chain before an auxiliary in second place.
const TIME_PREPS: [&str; 3] = ["since", "after", "before"];
const GERMAN_PREPS: [&str; 11] = [
    "in", "on", "at", "during", "since", "for", "over", "last", "before", "after", "within",
];

/// The `word-order` rule.
#[derive(Debug)]
pub struct WordOrder {
    report: FxHashSet<String>,
    say: FxHashSet<String>,
    participle: FxHashSet<String>,
    fronting: FxHashSet<String>,
    clause_openers: FxHashSet<String>,
    /// The checks for German targets.
    german: de::GermanOrder,
    /// Lower-case words of `clause_openers` (bit `OPENER`) and `say` (bit `SAY`).
    first_words: FxHashMap<String, u8>,
    /// Bit `b - b'a'` of entry `len.min(31)`: `is_participle` may hold for a word of `len`
    /// bytes ending with the lower-case letter `b` (all bits when a listed participle ends
    /// otherwise).
    participle_ends: [u32; 32],
    /// Bit `b - b'a'` of entry `len`: a key of `first_words` has `len` bytes and starts with
    /// the lower-case letter `b` (all bits when some key is longer or starts otherwise).
    first_keys: [u32; 32],
}

const OPENER: u8 = 1;
const SAY: u8 = 2;

impl WordOrder {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut r = WordOrder {
            report: FxHashSet::default(),
            say: FxHashSet::default(),
            participle: FxHashSet::default(),
            fronting: FxHashSet::default(),
            clause_openers: FxHashSet::default(),
            german: de::GermanOrder::new(lex)?,
            first_words: FxHashMap::default(),
            first_keys: [0; 32],
            participle_ends: [0; 32],
        };
        for row in lex.table("word_order/verbs_en.txt", 2)? {
            let w = row[1].to_lowercase();
            match row[0] {
                "say" => {
                    r.say.insert(w.clone());
                    r.report.insert(w.clone());
                    r.participle.insert(w);
                }
                "report" => {
                    r.report.insert(w.clone());
                    r.participle.insert(w);
                }
                "present" => {
                    r.report.insert(w);
                }
                "participle" => {
                    r.participle.insert(w);
                }
                _ => {}
            }
        }
        for row in lex.table("word_order/starters_en.txt", 2)? {
            let w = row[1].to_lowercase();
            if row[0] != "clause" {
                r.fronting.insert(w.clone());
            }
            r.clause_openers.insert(w);
        }
        for w in &r.clause_openers {
            *r.first_words.entry(w.clone()).or_default() |= OPENER;
        }
        for w in &r.say {
            *r.first_words.entry(w.clone()).or_default() |= SAY;
        }
        // Regular participles: five bytes or more, ending in "ed".
        for ends in &mut r.participle_ends[5..] {
            *ends |= 1 << (b'd' - b'a');
        }
        for w in &r.participle {
            match w.as_bytes().last() {
                Some(&b) if b.is_ascii_lowercase() => {
                    r.participle_ends[w.len().min(31)] |= 1 << (b - b'a');
                }
                _ => r.participle_ends = [u32::MAX; 32],
            }
        }
        for w in r.first_words.keys() {
            match w.as_bytes().first() {
                Some(&b) if w.len() < 32 && b.is_ascii_lowercase() => {
                    r.first_keys[w.len()] |= 1 << (b - b'a');
                }
                _ => r.first_keys = [u32::MAX; 32],
            }
        }
        Ok(r)
    }

    /// A past participle: listed, or a regular -ed form known to the English word list (of
    /// `lex`, read only then).
    fn is_participle(&self, w: &str, lex: &Lexicons) -> bool {
        if !w.bytes().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        // (Most words end with a letter no participle of their length ends with.)
        if let Some(&b) = w.as_bytes().last() {
            if self.participle_ends[w.len().min(31)] & (1 << (b - b'a')) == 0 {
                return false;
            }
        }
        self.participle.contains(w)
            || (w.len() >= 5
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && lex.words("en").contains(w))
    }
}

fn gap<'a>(s: &Sentence<'a>, i: usize) -> &'a str {
    &s.text[s.words[i].end..s.words[i + 1].start]
}

/// Inside one phrase: spaces, a hyphen (Kassym-Jomart), brackets around a date.
fn phrase_gap(g: &str) -> bool {
    !g.is_empty() && g.chars().all(|c| matches!(c, ' ' | '-' | '(' | ')'))
}

/// True when words `1..j` (after the opening preposition) form a chain of prepositional
/// phrases with one noun phrase each: a determiner, quantifier or number may only open a
/// phrase, so "At the meeting the ministers" (two noun phrases: a subject) is not a chain.
fn pp_chain(s: &Sentence<'_>, j: usize) -> bool {
    let mut seg_start = 1;
    for i in 1..j {
        let w = s.word(i);
        let lw = s.lower(i);
        if is_lower(w) && (LINKING_PREPS.contains(&lw) || PLACE_PREPS.contains(&lw)) {
            seg_start = i + 1;
            continue;
        }
        if (DETS.contains(&lw) || QUANT.contains(&lw) || !s.words[i].alpha) && i != seg_start {
            return false;
        }
        if STOP.contains(&lw) || lw == "and" || lw == "or" {
            return false;
        }
    }
    seg_start < j
}

/// Word `i` is an English function word (its lower-case form is in `function/en.txt`).
fn en_function(s: &Sentence<'_>, i: usize) -> bool {
    s.function_mask(i) & EN_FUNCTION != 0
}

fn is_lower(w: &str) -> bool {
    w.chars().all(char::is_lowercase)
}

/// True when word `i` ends its clause: only a full stop, exclamation mark, semicolon or
/// closing quotes/brackets follow, or nothing. (White space first: the gap after a word is
/// mostly one space.)
fn clause_end(s: &Sentence<'_>, i: usize) -> bool {
    let last = i + 1 == s.words.len();
    let rest = if last {
        &s.text[s.words[i].end..]
    } else {
        gap(s, i)
    };
    let t = rest.trim_start();
    t.starts_with(['.', '!', ';']) || last && t.is_empty()
}

impl Rule for WordOrder {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.target == "de" {
            if s.lang == "de" {
                if let Some((span, msg)) = self.german.check(s) {
                    out.push(Finding::new(&INFO, span, msg));
                }
            }
            return;
        }
        if cx.target != "en" || s.lang != "en" || s.words.len() < 4 {
            return;
        }
        let wf = cx.lex;
        // A dateline ("Berlin – At the meeting emphasized …") is not part of the clause: the
        // fronted phrase starts after it. (`dateline_end` looks for its dash only in stretches
        // of three bytes or more between the words of the first 60 bytes: `gaps` tells whether
        // there is one.)
        let (odd, stretch) = gaps(s);
        let shifted: Vec<crate::text::Word>;
        let dated: Sentence<'_>;
        let (s, off, odd) = match stretch.then(|| dateline_end(s)).flatten() {
            Some(off) => {
                let first = s.words.partition_point(|w| w.start < off);
                shifted = s.words[first..]
                    .iter()
                    .map(|w| crate::text::Word {
                        start: w.start - off,
                        end: w.end - off,
                        alpha: w.alpha,
                    })
                    .collect();
                dated = Sentence {
                    text: &s.text[off..],
                    words: &shifted,
                    facts: &s.facts[first..],
                    ..s.clone()
                };
                (&dated, off, gaps(&dated).0)
            }
            None => (s, 0, odd),
        };
        if s.words.len() < 4 {
            return;
        }
        // Both verb-second patterns need a capitalized first word in `clause_openers`
        // (`fronting` is part of it), "said first" one in `say`: one lookup for the three,
        // after its length and first byte (`first_keys`) rule out most words.
        let first = if capital_at(s.text, s.words[0].start) {
            let l0 = s.lower(0);
            match self.may_be_first(l0) {
                true => self.first_words.get(l0).copied().unwrap_or(0),
                false => 0,
            }
        } else {
            0
        };
        let found = (first & OPENER != 0)
            .then(|| self.verb_second(s, wf).or_else(|| self.aux_second(s, wf)))
            .flatten()
            .or_else(|| (first & SAY != 0).then(|| self.said_first(s)).flatten())
            .or_else(|| {
                // A modal after a comma, and a clause end before anything but the last word,
                // both need a gap other than one space (`gap(s, i - 1)` trims to ","; see
                // `clause_end`): only the words after such gaps are tried.
                let n = s.words.len();
                match odd {
                    Some(Bits(odd)) => {
                        // `modal_after_comma` at words `2..n - 2`; `verb_last` at the words
                        // before those gaps and at the last word, from the fourth word on,
                        // after one space (a gap not in `odd`: `verb_last` asks for it).
                        let middle = (u64::MAX >> (64 - (n - 2))) & !0b11;
                        let ends = ((odd >> 1) | 1 << (n - 1)) & !odd & !0b111;
                        self.modal_after_comma(s, Bits(odd & middle))
                            .or_else(|| self.verb_last(s, wf, Bits(ends)))
                    }
                    None => self
                        .modal_after_comma(s, 2..n.saturating_sub(2))
                        .or_else(|| self.verb_last(s, wf, 3..n)),
                }
            });
        // Questions are left alone (the patterns above only read, so asking last is the same
        // as asking first, and most sentences have no finding to drop).
        if let Some((span, msg)) = found {
            if !s.text.contains('?') {
                out.push(Finding::new(&INFO, span.start + off..span.end + off, msg));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, matched};

    #[test]
    fn long_sentences_past_the_odd_gaps_are_checked_whole() {
        let t = "She said that he the contract signed.";
        assert_eq!(matched("word-order", t), vec!["he the contract signed"]);
        // More than 64 words: `odd_gaps` gives up, every word is tried.
        let t = format!(
            "{}and she said that he the contract signed.",
            "Yes, ".repeat(40)
        );
        assert_eq!(matched("word-order", &t), vec!["he the contract signed"]);
    }

    #[test]
    fn prefilters_hold_for_the_word_lists() {
        assert_eq!(crate::lexicon::LANGS[0], "en");
        for m in super::MODALS {
            assert!(
                (3..=6).contains(&m.len()) && matches!(m.as_bytes()[0], b'c' | b'm' | b's' | b'w')
            );
        }
    }

    #[test]
    fn a_german_date_in_the_adverbial_does_not_hide_verb_second() {
        assert_eq!(
            matched(
                "word-order",
                "At the meeting in the Chancellery emphasized Olaf Scholz on Wednesday (14. February) the importance of the deal."
            ),
            vec!["emphasized Olaf Scholz"]
        );
    }

    #[test]
    fn a_dateline_does_not_hide_verb_second() {
        assert_eq!(
            matched(
                "word-order",
                "Brussels – At the summit of the European leaders demanded Olaf Scholz on Monday a faster expansion of the grids."
            ),
            vec!["demanded Olaf Scholz"]
        );
        assert_clean(
            "word-order",
            &[
                "WASHINGTON (AP) — On Monday the president said he would veto the bill.",
                "Berlin – At the meeting in the Chancellery, Olaf Scholz stressed the importance of the deal.",
                "Paris - Never before had the museum received so many visitors in one day.",
                // Multi-byte characters around the 60th byte (found on real data).
                "Labour could have to pay damages of between £3million and £8million, according to reports.",
                "The film premiered in Germany under the title “Mutterherz”.",
            ],
        );
    }

    #[test]
    fn fires_on_verb_second_with_name_subject() {
        assert_eq!(
            matched(
                "word-order",
                "At a joint news conference with his Kyrgyz counterpart Sadyr Japarov underlined Wladimir Putin on Friday (March 3rd) the importance of economic ties."
            ),
            vec!["underlined Wladimir Putin"]
        );
        assert_eq!(
            matched(
                "word-order",
                "In his evening address said Selenskyj that the front was holding."
            ),
            vec!["said Selenskyj"]
        );
    }

    #[test]
    fn fires_on_modal_and_short_fronting() {
        assert_eq!(
            matched(
                "word-order",
                "In the next few weeks will the regional parliament vote on the budget."
            ),
            vec!["will the"]
        );
        assert_eq!(
            matched(
                "word-order",
                "On Wednesday presented the health ministry a new plan for hospitals."
            ),
            vec!["presented the"]
        );
        assert_eq!(
            matched(
                "word-order",
                "Yesterday announced the mayor a ban on fireworks."
            ),
            vec!["announced the"]
        );
        assert_eq!(
            matched(
                "word-order",
                "In Dresden were dozens of cellars flooded after the heavy rain."
            ),
            vec!["were dozens of cellars flooded"]
        );
        assert_eq!(
            matched(
                "word-order",
                "Because the negotiations collapsed, will the trains stand still on Friday."
            ),
            vec!["will the"]
        );
        assert_eq!(
            matched(
                "word-order",
                "Declared the chancellor that the budget was safe."
            ),
            vec!["Declared the chancellor"]
        );
    }

    #[test]
    fn fires_on_determiner_subject_after_prepositional_chain() {
        assert_eq!(
            matched(
                "word-order",
                "At the meeting in Vienna proposed the finance minister a new tax on kerosene."
            ),
            vec!["proposed the finance minister"]
        );
    }

    #[test]
    fn ordinary_fronting_stays_clean() {
        assert_clean(
            "word-order",
            &[
                "Yesterday was the anniversary of the flood. Today is the day.",
                "In his last will the writer left everything to his daughter.",
                "In Hamburg the streets were flooded after the storm.",
                "In the box were several letters written by her father.",
                "If prices rise, so will the wages.",
                "On Monday Merkel announced the new rules. In 2020 Apple announced the phone.",
                "In 2021 the company announced a new chief executive.",
                "On Tuesday officials announced the closure of the plant.",
                "Will the strike go on? Asked about it, the minister said nothing.",
                "Said one official: “We will see.”",
                "“If you ask me, will the economy recover?” the banker asked.",
                "In the coming weeks the council will vote on the plan.",
                "At the meeting the ministers discussed the budget a second time.",
                "At the summit in Brussels leaders discussed the budget the ministers had proposed.",
                "In the afternoon the mayor presented the plan a second time.",
                "In the budget talks the government announced a cut in fuel tax.",
            ],
        );
    }

    #[test]
    fn fires_on_auxiliary_second() {
        assert_eq!(
            matched("word-order", "Since the start of the fighting have more than two million people fled the region."),
            vec!["have more than two million people fled"]
        );
    }

    #[test]
    fn fires_on_stranded_verb() {
        assert_eq!(
            matched(
                "word-order",
                "Although Hungary is a member of the union, the prime minister has expressed his doubts about it in recent weeks Ukraine aid expressed."
            ),
            vec!["expressed"]
        );
        assert_eq!(
            matched(
                "word-order",
                "The council has the problem for many years ignored."
            ),
            vec!["ignored"]
        );
        assert_eq!(
            matched(
                "word-order",
                "She said that he the contract on Monday signed."
            ),
            vec!["he the contract on Monday signed"]
        );
        assert_eq!(
            matched(
                "word-order",
                "The tax rose because the government the new law passed has."
            ),
            vec!["passed has"]
        );
    }

    #[test]
    fn english_inversions_stay_clean() {
        assert_clean(
            "word-order",
            &[
                "“We will not give up,” said the minister on Monday.",
                "The talks will continue, said Smith, a spokesman for the agency.",
                "In the corner stood a piano. On the table lay a letter.",
                "Among the victims were two children. Among those present were the mayor and his wife.",
                "Never before had the city seen such crowds. Only then did the police arrive.",
                "In no case have the authorities confirmed the figures.",
                "In Western countries there are still concerns about the deal.",
                "At the summit Merkel praised Macron for his courage.",
                "At the summit Merkel praised Macron the day after the vote.",
                "At the meeting Scholz told Macron the news.",
                "On Thursday the ministers met in Brussels.",
                "In his address Selenskyj said that the front was holding.",
                "At a press conference Tokayev emphasized Russia's role in the region.",
                "In which year did the war begin?",
                "Here comes the bride, and so do I.",
                "After the president announced the measures, the opposition protested.",
                "Since 2015 Germany has taken in more than a million refugees.",
                "In recent years more than six million people have fled the country.",
                "In the standard library panicking has a defined behaviour.",
                "In recent years inflation has the highest recorded rate in Europe.",
            ],
        );
    }

    #[test]
    fn names_headlines_and_numbers_stay_clean() {
        assert_clean(
            "word-order",
            &[
                "At the gala Wladimir Klitschko thanked BioNTech for the donation.",
                "In Warsaw Jankowski met PricewaterhouseCoopers partners the day before.",
                "On Friday McDonald's and eBay reported higher sales.",
                "In 2022 BioNTech reported a profit of 9.4 billion euros.",
                "Putin visits Kazakhstan as Moscow courts old allies",
                "“I have signed it,” he said. “The contract is signed.”",
                "With inflation at 3.8 percent, the bank has held rates steady.",
            ],
        );
    }

    #[test]
    fn clause_final_verbs_in_english_stay_clean() {
        assert_clean(
            "word-order",
            &[
                "The money was spent. The case was closed, as expected.",
                "He has never been married, he said.",
                "It was the plan they had proposed.",
                "It is a deal that both sides welcomed.",
                "These are the laws parliament passed.",
                "The minister had his car repaired.",
                "Wladimir Klitschko has expressed his support, and his brother has too.",
                "He signed the contract because he wanted the job.",
                "The figures in the report published on Monday were revised.",
            ],
        );
    }
}

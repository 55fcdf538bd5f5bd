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

use super::{Context, Finding, Rule, RuleInfo, Sentence, Severity};
use crate::lexicon::{LexiconError, Lexicons};
use crate::matcher::Bits;
use crate::text::{capital_at, is_capitalized};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

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
/// Bit of English in [`Sentence::function_mask`] (`crate::lexicon::LANGS[0]`).
const EN_FUNCTION: u16 = 1;
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
    german: super::word_order_de::GermanOrder,
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
            german: super::word_order_de::GermanOrder::new(lex)?,
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
        if is_lower(w)
            && matches!(
                lw,
                "of" | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "for"
                    | "by"
                    | "from"
                    | "during"
                    | "against"
                    | "between"
                    | "near"
                    | "outside"
                    | "inside"
            )
        {
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
/// closing quotes/brackets follow, or nothing.
#[inline(always)]
fn clause_end(s: &Sentence<'_>, i: usize) -> bool {
    // Most words: one space, then the next word (the gap trims to nothing: no clause end).
    let end = s.words[i].end;
    if let Some(next) = s.words.get(i + 1) {
        if next.start == end + 1 && s.text.as_bytes()[end] == b' ' {
            return false;
        }
    }
    // The first byte after the word decides, unless it is white space or not ASCII (what
    // `clause_end_bytes` reads first).
    match s.text.as_bytes().get(end) {
        Some(b'.' | b'!' | b';') => true,
        Some(&b) if b < 0x80 && !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') => false,
        _ => clause_end_bytes(s, i),
    }
}

/// [`clause_end`] on bytes, the same answer: skip ASCII white space; then a full stop,
/// exclamation mark or semicolon ends the clause, other ASCII does not; only white space
/// ends it after the last word. Other bytes (maybe Unicode white space) take the slow path.
fn clause_end_bytes(s: &Sentence<'_>, i: usize) -> bool {
    let last = i + 1 == s.words.len();
    let stop = if last {
        s.text.len()
    } else {
        s.words[i + 1].start
    };
    for &b in &s.text.as_bytes()[s.words[i].end..stop] {
        match b {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => {}
            b'.' | b'!' | b';' => return true,
            0x80.. => return clause_end_slow(s, i),
            _ => return false,
        }
    }
    last
}

/// [`clause_end`] on characters.
fn clause_end_slow(s: &Sentence<'_>, i: usize) -> bool {
    let rest = if i + 1 < s.words.len() {
        gap(s, i)
    } else {
        &s.text[s.words[i].end..]
    };
    let t = rest.trim_start();
    (t.is_empty() || t.starts_with(['.', '!', ';']))
        && (i + 1 == s.words.len() || t.starts_with(['.', '!', ';']))
}

impl WordOrder {
    /// False when `verb_last_at` cannot report the word `w`: it is neither "has", "have" nor
    /// "had" (the perfect pattern, `PERFECT` in lower case) nor ends with a letter that a
    /// participle of its length may end with (`is_participle`, which asks for lower-case
    /// ASCII letters).
    fn may_end_verb(&self, w: &[u8]) -> bool {
        match w {
            b"has" | b"have" | b"had" => true,
            [.., b] if b.is_ascii_lowercase() => {
                self.participle_ends[w.len().min(31)] & (1 << (b - b'a')) != 0
            }
            _ => false,
        }
    }

    /// False when no key of `first_words` can be the lower-case word `lw` (by its length and
    /// first byte).
    fn may_be_first(&self, lw: &str) -> bool {
        match lw.as_bytes().first() {
            Some(&b) if lw.len() < 32 && b.is_ascii_lowercase() => {
                self.first_keys[lw.len()] & (1 << (b - b'a')) != 0
            }
            _ => self.first_keys[0] == u32::MAX,
        }
    }

    /// Noun-like word before a verb: a name, or a lower-case content word.
    fn noun_like(&self, s: &Sentence<'_>, i: usize) -> bool {
        let lw = s.lower(i);
        s.function_mask(i) & EN_FUNCTION == 0 && !lw.ends_with("ly") && !STOP.contains(&lw)
    }

    /// "At … emphasized Putin (on Thursday) the importance …", "In … said Selenskyj that …"
    fn verb_second(&self, s: &Sentence<'_>, wf: &Lexicons) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if n < 6 || !self.fronting.contains(s.lower(0)) || !is_capitalized(s.word(0)) {
            return None;
        }
        for j in 1..n.min(18) {
            if !phrase_gap(gap(s, j - 1)) {
                return None;
            }
            let w = s.word(j);
            let lw = s.lower(j);
            if is_lower(w) && self.report.contains(lw) {
                let lone_adverb = j == 1 && TIME_WORDS.contains(&s.lower(0));
                if (j < 2 && !lone_adverb) || !self.noun_like(s, j - 1) {
                    return None;
                }
                if let Some(f) = self.verb_second_tail(s, j) {
                    return Some(f);
                }
                if let Some(f) = self.verb_second_short(s, j) {
                    return Some(f);
                }
                return self.verb_second_det(s, j);
            }
            if STOP.contains(&lw) || PERFECT.contains(&lw) {
                return None;
            }
            if is_lower(w) && self.is_participle(w, wf) {
                return None;
            }
        }
        None
    }

    fn verb_second_tail(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j + 2 >= n || gap(s, j) != " " {
            return None;
        }
        // the subject: a name of one to four capitalized words, not a possessive.
        let mut k = j + 1;
        while k < n && is_capitalized(s.word(k)) && s.words[k].alpha && !en_function(s, k) {
            if s.word(k).ends_with("'s") || s.word(k).ends_with("’s") {
                return None;
            }
            if k > j + 1 && !matches!(gap(s, k - 1), " " | "-") {
                break;
            }
            k += 1;
        }
        let name = k - (j + 1);
        if name == 0 || name > 4 {
            return None;
        }
        // optional adverbial ("on Thursday (November 9th)", "(14. February)"), then the object.
        let mut m = k;
        while m < n && m < k + 7 {
            let day_dot = gap(s, m - 1) == ". "
                && s.word(m - 1).len() <= 2
                && s.word(m - 1).bytes().all(|b| b.is_ascii_digit());
            if !phrase_gap(gap(s, m - 1)) && !day_dot {
                return None;
            }
            let w = s.word(m);
            let lw = s.lower(m);
            if is_lower(w) && OPENERS.contains(&lw) {
                if lw == "that" {
                    if !self.say.contains(s.lower(j)) {
                        return None;
                    }
                } else if m + 1 >= n || TIME.contains(&s.lower(m + 1)) {
                    return None;
                }
                let verb = s.word(j);
                let subj = &s.text[s.words[j + 1].start..s.words[k - 1].end];
                return Some((
                    s.words[j].start..s.words[k - 1].end,
                    format!(
                        "\"{verb} {subj}\": verb before its subject after a fronted phrase (German verb-second order); English puts the subject first: \"{subj} {verb}\""
                    ),
                ));
            }
            if (is_lower(w) && ADVERBIAL.contains(&lw)) || is_capitalized(w) || !s.words[m].alpha {
                m += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// "At the summit in Brussels demanded the chancellor a faster expansion …": a fronted
    /// chain of prepositional phrases (one noun phrase after each preposition, so no room for
    /// a subject), the verb, a determiner subject of at most four words, then "a"/"an" opening
    /// the object (or "that" after a verb of saying).
    fn verb_second_det(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if !pp_chain(s, j) || j + 3 >= n || gap(s, j) != " " {
            return None;
        }
        let det = s.word(j + 1);
        if !matches!(det, "the" | "his" | "her" | "its" | "their") {
            return None;
        }
        for m in j + 2..n.min(j + 7) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if !is_lower(w) {
                return None;
            }
            if m >= j + 3
                && (matches!(w, "a" | "an") || (w == "that" && self.say.contains(s.lower(j))))
            {
                let verb = s.word(j);
                let subj = &s.text[s.words[j + 1].start..s.words[m - 1].end];
                return Some((
                    s.words[j].start..s.words[m - 1].end,
                    format!(
                        "\"{verb} {subj}\": verb before its subject after a fronted phrase (German verb-second order); English puts the subject first: \"{subj} {verb}\""
                    ),
                ));
            }
            if en_function(s, m)
                || STOP.contains(&w)
                || w.ends_with("ly")
                || self.report.contains(w)
                || w.ends_with("ed")
            {
                return None;
            }
        }
        None
    }

    /// "On Tuesday announced the government new relief …": a fronted time phrase with no room
    /// for a subject, then the verb, then a determiner.
    fn verb_second_short(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j > 3 || j + 2 >= n || gap(s, j) != " " {
            return None;
        }
        let prev = s.word(j - 1);
        let time = TIME_WORDS.contains(&s.lower(j - 1)) || prev.chars().all(|c| c.is_ascii_digit());
        let next = s.word(j + 1);
        let ln = s.lower(j + 1);
        if !time || !is_lower(next) || !DETS.contains(&ln) || TIME.contains(&s.lower(j + 2)) {
            return None;
        }
        let verb = s.word(j);
        Some((
            s.words[j].start..s.words[j + 1].end,
            format!("\"{verb} {next} …\": verb before its subject after a fronted phrase (German verb-second order)"),
        ))
    }

    /// "Said the president that …": a reporting verb opening the sentence, its subject, then "that".
    fn said_first(&self, s: &Sentence<'_>) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        let w0 = s.word(0);
        if n < 5 || !is_capitalized(w0) || !self.say.contains(s.lower(0)) || gap(s, 0) != " " {
            return None;
        }
        for k in 1..n.min(6) {
            if k > 1 && gap(s, k - 1) != " " {
                return None;
            }
            let w = s.word(k);
            if w == "that" && k >= 2 {
                return Some((
                    s.words[0].start..s.words[k - 1].end,
                    format!(
                        "\"{}\": verb before its subject (German verb-second order)",
                        &s.text[s.words[0].start..s.words[k - 1].end]
                    ),
                ));
            }
            let lw = s.lower(k);
            if STOP.contains(&lw) || (en_function(s, k) && !DETS.contains(&lw)) {
                return None;
            }
        }
        None
    }

    /// "Because the talks failed, will the strike continue": a modal opening a main clause
    /// after a comma, followed by its subject, in a sentence that is not a question.
    /// `is`: the indices to try, in order (all of `2..n - 2` or those of them that may pass).
    fn modal_after_comma(
        &self,
        s: &Sentence<'_>,
        is: impl Iterator<Item = usize>,
    ) -> Option<(Range<usize>, String)> {
        for i in is {
            // A comma before (tested below: the gap trims to ","), a modal of 3 to 6 letters
            // starting with c, m, s or w: most words are ruled out on bytes, without
            // comparing them with the list.
            let wi = s.words[i];
            let bytes = s.text.as_bytes();
            if !(3..=6).contains(&(wi.end - wi.start))
                || !matches!(bytes[wi.start], b'c' | b'm' | b's' | b'w')
            {
                continue;
            }
            let gap_before = &bytes[s.words[i - 1].end..wi.start];
            if gap_before == b" " || !gap_before.contains(&b',') {
                continue;
            }
            let w = s.word(i);
            if !MODALS.contains(&w) || gap(s, i - 1).trim() != "," || gap(s, i) != " " {
                continue;
            }
            let next = s.word(i + 1);
            if !DETS.contains(&next) || TIME.contains(&s.lower(i + 2)) {
                continue;
            }
            return Some((
                s.words[i].start..s.words[i + 1].end,
                format!("\"{w} {next}\": modal verb before its subject after a fronted clause (German verb-second order)"),
            ));
        }
        None
    }

    /// "Since the beginning of the war have more than six million people fled."
    fn aux_second(&self, s: &Sentence<'_>, wf: &Lexicons) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if n < 7 || !self.clause_openers.contains(s.lower(0)) || !is_capitalized(s.word(0)) {
            return None;
        }
        let mut seg_start = 1; // first word after the last preposition
        let mut dets_in_seg = 0;
        for j in 1..n.min(14) {
            if !phrase_gap(gap(s, j - 1)) {
                return None;
            }
            let w = s.word(j);
            let lw = s.lower(j);
            if is_lower(w) && PERFECT.contains(&lw) {
                if j < 2 || is_capitalized(s.word(j - 1)) || !self.noun_like(s, j - 1) {
                    return None;
                }
                return self.aux_second_tail(s, j, wf);
            }
            if is_lower(w) && MODALS.contains(&lw) {
                return self.modal_second(s, j);
            }
            if is_lower(w) && BE.contains(&lw) {
                return self.be_second(s, j, wf);
            }
            if STOP.contains(&lw) {
                return None;
            }
            if is_lower(w) && self.is_participle(w, wf) {
                return None;
            }
            if is_lower(w)
                && matches!(
                    lw,
                    "of" | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "for"
                        | "by"
                        | "from"
                        | "since"
                        | "during"
                        | "after"
                        | "before"
                        | "against"
                        | "between"
                )
            {
                seg_start = j + 1;
                dets_in_seg = 0;
                continue;
            }
            // one noun phrase per preposition: a determiner or quantifier later in the
            // segment starts a second noun phrase, which would be an English subject.
            if DETS.contains(&lw) || QUANT.contains(&lw) || !s.words[j].alpha {
                dets_in_seg += 1;
                if j != seg_start || dets_in_seg > 1 {
                    return None;
                }
            }
        }
        None
    }

    /// "In the coming weeks will the council vote …"
    fn modal_second(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j < 2 || j + 2 >= n || gap(s, j) != " " || !self.noun_like(s, j - 1) {
            return None;
        }
        let modal = s.word(j);
        // "in his last will the writer …": the noun "will"
        if modal == "will" && (WILL_NOUN.contains(&s.lower(j - 1)) || s.word(j - 1).ends_with("al"))
        {
            return None;
        }
        let next = s.word(j + 1);
        let ln = s.lower(j + 1);
        let subject = (is_lower(next) && (DETS.contains(&ln) || QUANT.contains(&ln)))
            || (is_capitalized(next) && s.words[j + 1].alpha && !en_function(s, j + 1));
        if !subject || TIME.contains(&s.lower(j + 2)) {
            return None;
        }
        Some((
            s.words[j].start..s.words[j + 1].end,
            format!("\"{modal} {next}\": modal verb before its subject after a fronted phrase (German verb-second order)"),
        ))
    }

    /// "In Hamburg were several streets flooded after the storm."
    fn be_second(
        &self,
        s: &Sentence<'_>,
        j: usize,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j < 2 || j + 3 >= n || gap(s, j) != " " || !self.noun_like(s, j - 1) {
            return None;
        }
        let ln = s.lower(j + 1);
        if !(is_lower(s.word(j + 1)) && (DETS.contains(&ln) || QUANT.contains(&ln))) {
            return None;
        }
        for m in j + 2..n.min(j + 6) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if self.is_participle(w, wf) {
                let after_ok = clause_end(s, m)
                    || (m + 1 < n && gap(s, m) == " " && BE_AFTER.contains(&s.lower(m + 1)));
                if !after_ok {
                    return None;
                }
                return Some((
                    s.words[j].start..s.words[m].end,
                    format!(
                        "\"{}\": verb before its subject after a fronted phrase (German verb-second order)",
                        &s.text[s.words[j].start..s.words[m].end]
                    ),
                ));
            }
            let lw = s.lower(m);
            if STOP.contains(&lw)
                || lw == "to"
                || en_function(s, m) && !QUANT.contains(&lw) && lw != "of"
            {
                return None;
            }
        }
        None
    }

    fn aux_second_tail(
        &self,
        s: &Sentence<'_>,
        j: usize,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        let k = j + 1;
        if k >= n || gap(s, j) != " " {
            return None;
        }
        let first = s.word(k);
        if !(QUANT.contains(&first)
            || s.words[k].start < s.words[k].end && first.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        for m in k + 1..n.min(k + 9) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if self.is_participle(w, wf) {
                // "has a defined behaviour", "had the highest recorded rate": adjectives
                let adjective =
                    m == k + 1 || (m + 1 < n && gap(s, m) == " " && !en_function(s, m + 1));
                if adjective {
                    return None;
                }
                let aux = s.word(j);
                return Some((
                    s.words[j].start..s.words[m].end,
                    format!(
                        "\"{}\": auxiliary \"{aux}\" before its subject after a fronted phrase (German verb-second order)",
                        &s.text[s.words[j].start..s.words[m].end]
                    ),
                ));
            }
            let lw = s.lower(m);
            if STOP.contains(&lw) || PERFECT.contains(&lw) || lw == "to" {
                return None;
            }
        }
        None
    }

    /// Verb stranded at clause end.
    /// `es`: the indices to try, in order (all of `3..n` or those of them that may pass).
    #[inline(never)]
    fn verb_last(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
        es: impl Iterator<Item = usize>,
    ) -> Option<(Range<usize>, String)> {
        let bytes = s.text.as_bytes();
        for e in es {
            // Both patterns need one space before word `e` (`gap(s, e - 1) == " "` or
            // `one_space`) and its first character in lower case (`is_lower` or
            // `is_participle`): tested on bytes first, most words fail here.
            let (we, before) = (s.words[e], s.words[e - 1]);
            let first = bytes[we.start];
            if we.start == before.end + 1
                && bytes[before.end] == b' '
                && (first.is_ascii_lowercase() || first >= 0x80)
                && self.may_end_verb(&bytes[we.start..we.end])
                && clause_end(s, e)
            {
                if let Some(f) = self.verb_last_at(s, wf, e) {
                    return Some(f);
                }
            }
        }
        None
    }

    /// [`WordOrder::verb_last`] at word `e`, which ends its clause.
    #[inline(never)]
    fn verb_last_at(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
        e: usize,
    ) -> Option<(Range<usize>, String)> {
        {
            let w = s.word(e);
            let lw = s.lower(e);
            // "… because the government the law passed has."
            if PERFECT.contains(&lw)
                && is_lower(w)
                && self.is_participle(s.word(e - 1), wf)
                && gap(s, e - 1) == " "
                && self.noun_like(s, e - 2)
                && gap(s, e - 2) == " "
            {
                let span = s.words[e - 1].start..s.words[e].end;
                return Some((span.clone(), format!("\"{}\": verb and auxiliary at the end of the clause (German verb-final order)", &s.text[span])));
            }
            // (The cheap tests first: one space before, a word before that is no function
            // word, as `noun_like` asks; then the participle.)
            let one_space = s.words[e].start == s.words[e - 1].end + 1
                && s.text.as_bytes()[s.words[e - 1].end] == b' ';
            if !one_space
                || en_function(s, e - 1)
                || !self.is_participle(w, wf)
                || !self.noun_like(s, e - 1)
            {
                return None;
            }
            // (1) the same verb earlier in the clause: "has expressed … expressed."
            // (2) perfect with its object and an adverbial before the participle:
            //     "has the problem for years ignored."
            // (3) subordinate clause: "that he the contract signed."
            let mut q = e;
            let mut saw_prep = false;
            let mut strict = true;
            while q > 0 {
                q -= 1;
                if q + 1 < e && !phrase_gap(gap(s, q)) {
                    break;
                }
                let wq = s.word(q);
                let lq = s.lower(q);
                if q + 1 < e && wq == w && q >= 1 && PERFECT.contains(&s.lower(q - 1)) {
                    return Some((
                        s.words[e].start..s.words[e].end,
                        format!("\"{w}\" stranded at the end of the clause (German verb-final order); it already stands after \"{}\"", s.word(q - 1)),
                    ));
                }
                if matches!(lq, "and" | "or" | "but" | "which" | "who" | "that") || e - q > 16 {
                    break;
                }
                if !strict {
                    continue;
                }
                if GERMAN_PREPS.contains(&lq) {
                    saw_prep = true;
                }
                if q + 2 < e && PERFECT.contains(&lq) && is_lower(wq) {
                    let next = s.lower(q + 1);
                    if DETS.contains(&next) && e - q >= 5 && saw_prep {
                        return Some((
                            s.words[e].start..s.words[e].end,
                            format!("\"{w}\" stranded at the end of the clause, far from \"{wq}\" (German verb-final order)"),
                        ));
                    }
                    strict = false;
                    continue;
                }
                if q + 2 < e && SUBJ.contains(&lq) && is_lower(wq) {
                    let next = s.lower(q + 1);
                    if DETS.contains(&next)
                        && gap(s, q) == " "
                        && q >= 1
                        && SUBORD.contains(&s.lower(q - 1))
                    {
                        return Some((
                            s.words[q].start..s.words[e].end,
                            format!("\"{}\": verb at the end of the clause after its object (German verb-final order)", &s.text[s.words[q].start..s.words[e].end]),
                        ));
                    }
                    strict = false;
                    continue;
                }
                if STOP.contains(&lq) || lq == "to" {
                    strict = false;
                }
            }
        }
        None
    }
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

/// The words after a gap other than one space (see [`odd_gaps`]), and whether the first 60
/// bytes have a stretch of three bytes or more before, between or after the words (where
/// [`dateline_end`] looks for a dash). For more than 64 words: no bits, and such a stretch
/// may be anywhere.
fn gaps(s: &Sentence<'_>) -> (Option<Bits>, bool) {
    let Some(odd) = odd_gaps(s) else {
        return (None, true);
    };
    let head = s.text.len().min(60);
    let (Some(first), Some(last)) = (s.words.first(), s.words.last()) else {
        return (Some(odd), head >= 3);
    };
    // (A stretch counts when it holds a byte of a dash, '-' or E2, as `has_dash_byte` asks.)
    let b = s.text.as_bytes();
    let dash = |from: usize, to: usize| {
        to >= from + 3 && b[from..to].iter().any(|&c| c == b'-' || c == 0xE2)
    };
    let stretch = dash(0, first.start.min(head)) || dash(last.end, head) || { odd }
        .any(|k| dash(s.words[k - 1].end, s.words[k].start.min(head)));
    (Some(odd), stretch)
}

/// The indices `k` (from 1) of the words after a gap other than one space, as bits; `None`
/// for sentences of more than 64 words.
fn odd_gaps(s: &Sentence<'_>) -> Option<Bits> {
    if s.words.len() > 64 {
        return None;
    }
    let mut odd = 0u64;
    let bytes = s.text.as_bytes();
    for (k, pair) in s.words.windows(2).enumerate() {
        let (end, next) = (pair[0].end, pair[1].start);
        if next != end + 1 || bytes[end] != b' ' {
            odd |= 1 << (k + 1);
        }
    }
    Some(Bits(odd))
}

/// The byte offset where the clause starts after a dateline: one to four capitalized words (or
/// an agency in parentheses) and a dash, at the very start of the sentence.
fn dateline_end(s: &Sentence<'_>) -> Option<usize> {
    // The dash lies in the first 60 bytes. (Cutting them back to a character boundary
    // changes nothing: a dash ends with a space, itself a boundary.)
    let head = &s.text.as_bytes()[..s.text.len().min(60)];
    // Most sentences have no dash at all: their heads have no byte of '-' (2D) or of the
    // first byte of '–' and '—' (E2).
    if !has_dash_byte(head) {
        return None;
    }
    // A dash has no word characters: it lies in one stretch of text before, between or after
    // the words. The first of them (in order) holding a dash holds the first dash; stretches
    // shorter than a dash (3 bytes), most of them, are not searched.
    let mut dash = None;
    let mut from = 0;
    for k in 0..=s.words.len() {
        if from >= head.len() {
            break;
        }
        let to = s
            .words
            .get(k)
            .map_or(s.text.len(), |w| w.start)
            .min(head.len());
        if to >= from + 3 {
            if let Some((at, len)) = first_dash(&head[from..to]) {
                dash = Some((from + at, len));
                break;
            }
        }
        if let Some(w) = s.words.get(k) {
            from = w.end;
        }
    }
    let dash = dash?;
    // One to four words before it, all capitalized.
    let mut words = 0;
    for w in s.text[..dash.0]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == '(' || c == ')' || c == ','))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if words > 4 || !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    (words >= 1).then_some(dash.0 + dash.1)
}

/// True when `head` has a byte 2D ('-') or E2 (first byte of '–' and '—'), vectorized.
fn has_dash_byte(head: &[u8]) -> bool {
    crate::matcher::any_byte(head, |b| (b == b'-') | (b == 0xE2))
}

/// The first " – ", " — " or " - " in `head`: its offset and length.
fn first_dash(head: &[u8]) -> Option<(usize, usize)> {
    for k in 0..head.len() {
        if head[k] != b' ' {
            continue;
        }
        let rest = &head[k + 1..];
        if rest.starts_with(b"- ") {
            return Some((k, 3));
        }
        // – is E2 80 93, — is E2 80 94
        if rest.starts_with(b"\xE2\x80\x93 ") || rest.starts_with(b"\xE2\x80\x94 ") {
            return Some((k, 5));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, matched};

    #[test]
    fn first_dash_is_the_earliest_of_the_three() {
        for t in [
            "Berlin – At the meeting",
            "Berlin (dpa) — In the",
            "A-B - c – d",
            "no dash here",
            "x –y — z",
            "x ’ - y",
            "ends with a dash –",
            "– starts",
        ] {
            let old = [" – ", " — ", " - "]
                .iter()
                .filter_map(|d| t.find(d).map(|i| (i, d.len())))
                .min();
            assert_eq!(super::first_dash(t.as_bytes()), old, "{t}");
        }
    }

    #[test]
    fn dash_bytes_are_found_anywhere() {
        for n in 0..40 {
            for (byte, found) in [(b'-', true), (0xE2, true), (b'a', false), (0xE3, false)] {
                for at in 0..n {
                    let mut v = vec![b'x'; n];
                    v[at] = byte;
                    assert_eq!(super::has_dash_byte(&v), found, "{n} {at} {byte}");
                }
            }
            assert!(!super::has_dash_byte(&vec![b'x'; n]));
        }
        // bytes next to the searched ones
        assert!(!super::has_dash_byte(&[
            0x2C,
            0x2E,
            0xE1,
            0xE3,
            0x2D ^ 0x80,
            0,
            0xFF,
            0x01
        ]));
    }

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

//! `run-together`: words fused without a space — lost link spaces ("travelagriculture"),
//! camel-case fusions of ordinary words ("SpaceTravel", "KievKyiv") and a missing space after
//! sentence punctuation ("Warsaw.The").
//!
//! Decided by word frequency: a token unknown in English and in every source-language list is
//! segmented into two (at most three) common English words by maximum probability; names,
//! brands and legitimate closed compounds are kept out by the conditions in [`RunTogether`].

use crate::kernels::BitSet;
use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::{is_all_caps, lower};
use rustc_hash::FxHashSet;

static INFO: RuleInfo = RuleInfo {
    code: "run-together",
    severity: Severity::Major,
    targets: &["en", "de", "fr", "es"],
    summary: "words fused without a space (\"travelagriculture\", \"Warsaw.The\")",
    explain: r#"## What it does
Flags words that lost the space between them: two link texts fused when a web page was
converted ("travelagriculture", "nuclearenergy"), a function word glued to the word before
it ("costsand", "Republicwas"), camel-case fusions of names ("KievKyiv" when the document
also writes "Kyiv", "AzerbaijanGeorgia"), and a missing space after a full stop
("Warsaw.The"). The suggestion is the split.

A fused token is only flagged when it is unknown in English and in the German, French,
Spanish, Italian, Portuguese and Dutch word lists, and its most probable split (by English
word frequency) gives two or three common English words of at least three letters each,
none of them a prefix, suffix or compound head that makes an ordinary English word.

Into German, French and Spanish only the missing space after a full stop, question or
exclamation mark is flagged ("in Warschau statt.Die Delegationen"): their compounds are
legitimate words, and a fused word cannot be told from one by frequency.

## Why is this bad?
A reader stumbles over the fused word; it is a sure sign of careless conversion of a web
page or of machine translation output that was not reviewed.

## Example
```text
He suggested cooperation in space travelagriculture and nuclear energy.
The talks ended in Warsaw.The minister left.
```
Use instead:
```text
He suggested cooperation in space travel, agriculture and nuclear energy.
The talks ended in Warsaw. The minister left.
```

## Stays clean
Names and brands (BioNTech, PricewaterhouseCoopers, LinkedIn, eBay, McDonald's, YouTube,
HelloFresh, iPhone, Bednyakov, Greenwood), words the document uses more than once, closed
compounds and derived words (breakthrough, nevertheless, lockdown, smartphone, livestream,
counterterrorism, spokeswoman, tensioning), a word quoted on its own, sentences with many
words English does not know (foreign or technical text), abbreviations and initials
("U.S.", "e.g.", "Ph.D", "J.R.R."), decimals, domain names and file names ("example.com",
"Node.js").
"#,
};

/// Source languages whose word lists must not know a token before it is split.
const SOURCE_LANGS: [&str; 6] = ["de", "fr", "es", "it", "pt", "nl"];

/// A part of a split must be at least this common in English (OpenSubtitles counts).
const MIN_PART_COUNT: u32 = 100;

/// The word before a glued function word must be this common (or a name of the document).
const MIN_CAMEL_PART_COUNT: u32 = 2000;

/// The `run-together` rule.
#[derive(Debug)]
pub struct RunTogether {
    /// Lower-case tokens that are never flagged (modern compounds, brands).
    allowed: FxHashSet<String>,
    /// First parts that make a legitimate closed compound (`over`, `counter`, `cyber`).
    prefixes: FxHashSet<String>,
    /// Last parts that make a legitimate closed compound (`down`, `woman`, `wide`).
    heads: FxHashSet<String>,
    /// Function words a lost space glues to the previous word (`and`, `was`).
    tails: Vec<String>,
    /// The same as a set, and their distinct lengths (to test a word's endings quickly).
    tail_set: FxHashSet<String>,
    tail_lens: Vec<usize>,
    /// Bit `pair_bit(x, y)`: a tail ends with the lower-case letters `x y` (all bits when a
    /// tail does not end with two of them): a word ending otherwise has no tail.
    tail_pairs: BitSet<PAIR_WORDS>,
    /// Lower-case words of English place names (countries, cities) from the exonym table.
    places: FxHashSet<String>,
    /// Suffixes that derive a word from a known one (`ing`, `ness`).
    suffixes: Vec<String>,
    /// Lower-case abbreviations without their final period (`st`, `gen`, `approx`).
    abbreviations: FxHashSet<String>,
}

impl RunTogether {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let set = |p: &str| -> FxHashSet<String> {
            lex.list(p).into_iter().map(str::to_lowercase).collect()
        };
        let mut abbreviations = FxHashSet::default();
        let lists = lex
            .paths()
            .filter(|p| p.starts_with("abbreviations/") || *p == "segment/abbreviations.txt");
        for p in lists {
            for a in lex.list(p) {
                abbreviations.insert(a.trim_end_matches('.').to_lowercase());
            }
        }
        let mut places = FxHashSet::default();
        for row in lex.table("exonyms.tsv", 4)? {
            if row[3] != "language" {
                for w in crate::text::words(row[2]) {
                    places.insert(w.text(row[2]).to_lowercase());
                }
            }
        }
        let tails: Vec<String> = lex
            .list("run_together/function_words.txt")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let mut tail_lens: Vec<usize> = tails.iter().map(String::len).collect();
        tail_lens.sort_unstable();
        tail_lens.dedup();
        let mut tail_pairs = BitSet::default();
        for t in &tails {
            match t.as_bytes() {
                [.., x, y] if x.is_ascii_lowercase() && y.is_ascii_lowercase() => {
                    tail_pairs.insert(pair_bit(*x, *y));
                }
                _ => tail_pairs = BitSet::full(),
            }
        }
        Ok(RunTogether {
            tail_pairs,
            tail_set: tails.iter().cloned().collect(),
            tail_lens,
            tails,
            places,
            allowed: set("run_together/allowed.txt"),
            prefixes: set("run_together/prefixes.txt"),
            heads: set("run_together/heads.txt"),
            suffixes: lex
                .list("run_together/suffixes.txt")
                .into_iter()
                .map(str::to_lowercase)
                .collect(),
            abbreviations,
        })
    }

    /// True when no word list (English or source) knows the lower-case token.
    fn unknown_everywhere(lex: &Lexicons, w: &str) -> bool {
        !lex.words("en").contains(w) && SOURCE_LANGS.iter().all(|l| !lex.words(l).contains(w))
    }

    /// The most probable split of the lower-case ASCII token into 2 or 3 common English words
    /// of at least 3 letters each, as byte offsets of the cut points.
    fn segment(en: &WordFreq, w: &str) -> Option<Vec<usize>> {
        let n = w.len();
        // `-en.log_p(part, -12.0)` computed from the count already looked up: a part with a
        // count is in the list, and the list's total is at least that count, so `log_p`
        // takes this very expression.
        let total = en.total() as f64;
        let cost = |part: &str| -> Option<f64> {
            if part.len() < 3 {
                return None;
            }
            let c = en.count(part);
            (c >= MIN_PART_COUNT).then(|| -(f64::from(c) / total).log10())
        };
        // The best split so far: its cost and its one or two cut points.
        let mut best: Option<(f64, usize, Option<usize>)> = None;
        let mut consider = |c: f64, i: usize, j: Option<usize>| {
            if best.is_none_or(|(b, _, _)| c < b) {
                best = Some((c, i, j));
            }
        };
        for i in 3..=n.saturating_sub(3) {
            let Some(c1) = cost(&w[..i]) else { continue };
            if let Some(c2) = cost(&w[i..]) {
                consider(c1 + c2, i, None);
            }
            for j in i + 3..=n.saturating_sub(3) {
                // (The last part first: a lookup less when it is no word.)
                let Some(c3) = cost(&w[j..]) else { continue };
                let Some(c2) = cost(&w[i..j]) else { continue };
                // A third part must pay for itself: a small penalty per extra word.
                consider(c1 + c2 + c3 + 1.0, i, Some(j));
            }
        }
        best.map(|(_, i, j)| std::iter::once(i).chain(j).collect())
    }

    /// True when the token is a known English word with a prefix or a suffix
    /// ("readmissions", "tensioning").
    fn derived(&self, en: &WordFreq, w: &str) -> bool {
        let known = |x: &str| x.len() >= 3 && en.contains(x);
        // (`starts`, `ends`: `strip_prefix`, `strip_suffix` without a call to `memcmp` for
        // every affix.)
        self.prefixes
            .iter()
            .any(|p| starts(w, p).then(|| &w[p.len()..]).is_some_and(known))
            || self.suffixes.iter().any(|x| {
                ends(w, x)
                    .then(|| &w[..w.len() - x.len()])
                    .is_some_and(|stem| {
                        known(stem) || (stem.len() >= 3 && en.contains(&format!("{stem}e")))
                    })
            })
    }

    /// True when the parts look like a legitimate closed compound rather than two words that
    /// lost their space.
    fn compound_like(&self, parts: &[&str]) -> bool {
        let first = parts[0];
        let last = parts[parts.len() - 1];
        if self.prefixes.contains(first) || self.heads.contains(last) {
            return true;
        }
        // Two short parts (smartphone, lockdown, lifestyle): closed compounds are short, lost
        // link spaces join whole words or phrases.
        let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
        let total: usize = parts.iter().map(|p| p.len()).sum();
        longest < 6 || total < 10
    }

    /// True when a word next to word `i` is capitalized (multi-word names).
    fn capitalized_neighbour(s: &Sentence<'_>, i: usize) -> bool {
        let cap = |j: usize| s.word(j).chars().next().is_some_and(char::is_uppercase);
        (i > 0 && cap(i - 1)) || (i + 1 < s.words.len() && cap(i + 1))
    }

    /// True when the lower-case ASCII word ends with a tail after at least four letters.
    fn has_tail(&self, lw: &str) -> bool {
        // Most words end with two letters no tail ends with: one bit tells.
        if let [.., x, y] = lw.as_bytes() {
            if x.is_ascii_lowercase()
                && y.is_ascii_lowercase()
                && !self.tail_pairs.contains(pair_bit(*x, *y))
            {
                return false;
            }
        }
        // (`lw` is ASCII: any byte offset is a character boundary.)
        self.tail_lens
            .iter()
            .any(|&l| lw.len() >= l + 4 && self.tail_set.contains(&lw[lw.len() - l..]))
    }

    /// A fused lower-case or capitalized word: "travelagriculture", "Ukraineconflict".
    fn check_fused(&self, s: &Sentence<'_>, cx: &Context<'_>, i: usize, out: &mut Vec<Finding>) {
        let word = s.word(i);
        // Seven bytes or more, all ASCII: an ASCII letter, then lower-case ones.
        let b = word.as_bytes();
        if b.len() < 7 || !b[1..].iter().all(u8::is_ascii_lowercase) {
            return;
        }
        let capitalized = b[0].is_ascii_uppercase();
        if !capitalized && !b[0].is_ascii_lowercase() {
            return;
        }
        // The lower-case form `crate::text::lower` gives, computed once per document.
        let lw = s.lower(i);
        // What can still be reported: a split (nine letters or more; a capitalized word only
        // without a capitalized neighbour, at the end) or a glued function word (a tail after
        // at least four letters, below). Tested first: the tests in between only return.
        let long = b.len() >= 9 && !(capitalized && Self::capitalized_neighbour(s, i));
        if !long && !self.has_tail(lw) {
            return;
        }
        // A word the document uses again is a term or a name, not an accident. (Tested
        // before the word lists: one lookup instead of seven, and both tests only return.)
        if cx.doc_count(word) > 1 {
            return;
        }
        if self.allowed.contains(lw) {
            return;
        }
        // `unknown_everywhere` (seven lookups) only returns: it is asked last, before a
        // report, when the cheaper tests have ruled out most words.
        let en = cx.lex.words("en");
        // A function word glued to a common word or a name: "costsand", "Republicwas". (Only
        // a word `has_tail` accepts ends with a tail after four letters or more.)
        let tails = if self.has_tail(lw) {
            &self.tails[..]
        } else {
            &[]
        };
        for t in tails {
            let Some(stem) = lw.strip_suffix(t.as_str()) else {
                continue;
            };
            let stem_word = &word[..stem.len()];
            if stem.len() >= 4
                && (en.count(stem) >= MIN_CAMEL_PART_COUNT
                    || (capitalized && cx.doc_count(stem_word) > 0))
            {
                if Self::unknown_everywhere(cx.lex, lw) {
                    let split = format!("{stem_word} {}", &word[stem.len()..]);
                    out.push(fused(s, i, word, split));
                }
                return;
            }
        }
        // (A long word that is not `long` is capitalized with a capitalized neighbour: it
        // would return at the end.)
        if word.len() < 9 || !long {
            return;
        }
        let Some(cuts) = Self::segment(en, lw) else {
            return;
        };
        let mut parts = Vec::with_capacity(3);
        let mut prev = 0;
        for &c in cuts.iter().chain(std::iter::once(&lw.len())) {
            parts.push(&lw[prev..c]);
            prev = c;
        }
        // Both only return (the cheaper first).
        if self.compound_like(&parts) || self.derived(en, lw) {
            return;
        }
        if capitalized {
            // Capitalized fusions are mostly names (Greenwood, Blackwell, Goldsmith): demand
            // long parts and no capitalized neighbour (multi-word names).
            if parts.iter().any(|p| p.len() < 4) || parts[parts.len() - 1].len() < 6 {
                return;
            }
            if Self::capitalized_neighbour(s, i) {
                return;
            }
        }
        if !Self::unknown_everywhere(cx.lex, lw) {
            return;
        }
        let mut split = String::with_capacity(word.len() + 2);
        let mut prev = 0;
        for &c in cuts.iter().chain(std::iter::once(&word.len())) {
            if prev > 0 {
                split.push(' ');
            }
            split.push_str(&word[prev..c]);
            prev = c;
        }
        out.push(fused(s, i, word, split));
    }

    /// A camel-case fusion inside a sentence: "SpaceTravel", "KievKyiv".
    fn check_camel(&self, s: &Sentence<'_>, cx: &Context<'_>, i: usize, out: &mut Vec<Finding>) {
        let word = s.word(i);
        // A word English knows is miscased, not fused ("BackGround": background).
        if !s.words[i].alpha || is_all_caps(word) || s.facts[i].en != 0 {
            return;
        }
        // Cut before every upper-case letter that follows a lower-case one.
        let mut cuts = Vec::new();
        let mut prev_lower = false;
        for (k, c) in word.char_indices() {
            if c.is_uppercase() && prev_lower {
                cuts.push(k);
            }
            prev_lower = c.is_lowercase();
        }
        if cuts.is_empty() || cuts.len() > 2 {
            return;
        }
        let mut parts = Vec::with_capacity(3);
        let mut prev = 0;
        for &c in cuts.iter().chain(std::iter::once(&word.len())) {
            parts.push(&word[prev..c]);
            prev = c;
        }
        // Every part a capitalized word of three letters or more (BioNTech, McDonald, eBay,
        // LinkedIn, iPhone fail here).
        let title = |p: &str| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().count() >= 2
                && cs.all(char::is_lowercase)
        };
        if !parts.iter().all(|p| title(p)) {
            return;
        }
        if cx.doc_count(word) > 1 {
            return;
        }
        let lw = s.lower(i);
        if self.allowed.contains(lw) {
            return;
        }
        let en = cx.lex.words("en");
        // Evidence from the document: a part is used on its own ("Kyiv … KievKyiv") and the
        // others are known words.
        // Or every part is a place name ("AzerbaijanGeorgia"). Camel-case fusions of common
        // words are mostly brands (HelloFresh, PayPal) and are left alone.
        let count = |p: &str| en.count(&p.to_lowercase());
        let in_doc = parts.iter().any(|p| cx.doc_count(p) > 0)
            && parts.iter().all(|p| cx.doc_count(p) > 0 || count(p) > 0);
        let places = parts
            .iter()
            .all(|p| p.len() >= 4 && self.places.contains(&p.to_lowercase()));
        if !(in_doc || places) {
            return;
        }
        let split = parts.join(" ");
        out.push(fused(s, i, word, split));
    }

    /// A fused word at word `i` (camel case or not), unless it is glued to punctuation or
    /// quoted on its own. (Called for few words: kept out of the loop.)
    #[inline(never)]
    fn check_word(&self, s: &Sentence<'_>, cx: &Context<'_>, i: usize, out: &mut Vec<Finding>) {
        let w = s.words[i];
        let word = w.text(s.text);
        let camel = if word.is_ascii() {
            word.as_bytes()[1..].iter().any(u8::is_ascii_uppercase)
        } else {
            word.chars().skip(1).any(char::is_uppercase)
        };
        // `check_fused` returns at once on words shorter than seven bytes.
        if !camel && word.len() < 7 {
            return;
        }
        // Skip words glued to digits, hyphens or dots on either side (codes, file names,
        // hyphenated compounds are not fused words).
        let before = s.text[..w.start].chars().next_back();
        let after = s.text[w.end..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '_' | '/' | '@' | '.'));
        // A word quoted on its own is a name or a title ("the association “Sandtogether”").
        let quote = |c: Option<char>| {
            c.is_some_and(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\''))
        };
        let lone_quoted = quote(before) && quote(after);
        if w.alpha && !glued(before) && !glued(after) && !lone_quoted {
            if camel {
                self.check_camel(s, cx, i, out);
            } else {
                self.check_fused(s, cx, i, out);
            }
        }
    }

    /// A missing space after sentence punctuation: "Warsaw.The", "said.He". (Called for few
    /// words: kept out of the loop.)
    #[inline(never)]
    fn check_punct(&self, s: &Sentence<'_>, i: usize, out: &mut Vec<Finding>) {
        let (a, Some(&b)) = (s.words[i], s.words.get(i + 1)) else {
            return;
        };
        if b.start != a.end + 1 {
            return;
        }
        let punct = &s.text[a.end..b.start];
        if !matches!(punct, "." | "!" | "?") {
            return;
        }
        let left = a.text(s.text);
        let right = b.text(s.text);
        // "A" and "I" begin sentences too ("Tuesday.A spokesman").
        let one_letter = matches!(right, "A" | "I")
            && left.chars().count() >= 3
            && s.text[b.end..].starts_with(' ');
        if !a.alpha
            || !b.alpha
            || left.chars().count() < 2
            || (right.chars().count() < 2 && !one_letter)
        {
            return;
        }
        // Left ends in lower case (not U.S, not J.R.R); right is a capitalized word (not
        // Node.js, example.com, Ph.D).
        if !left.chars().next_back().is_some_and(char::is_lowercase) {
            return;
        }
        let mut rc = right.chars();
        if !one_letter
            && (!rc.next().is_some_and(char::is_uppercase)
                || !rc.next().is_some_and(char::is_lowercase))
        {
            return;
        }
        if self.abbreviations.contains(lower(left).as_ref()) {
            return;
        }
        // The white-space delimited chunk must not be a URL, an address or a dotted name.
        // White space may be multi-byte (no-break space): step over the whole character.
        let chunk_start = s.text[..a.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let chunk_end = s.text[b.end..]
            .find(char::is_whitespace)
            .map_or(s.text.len(), |k| b.end + k);
        let chunk = &s.text[chunk_start..chunk_end];
        if chunk.contains(['/', '@', '\\', '_', '=', '#'])
            || chunk.contains("www")
            || chunk.matches(['.', '!', '?']).count() > 2
            || s.text[b.end..chunk_end].starts_with(['.', '-'])
                && s.text[b.end..chunk_end]
                    .chars()
                    .nth(1)
                    .is_some_and(char::is_alphanumeric)
        {
            return;
        }
        let span = a.start..b.end;
        let suggestion = format!("{left}{punct} {right}");
        out.push(
            Finding::new(
                &INFO,
                span,
                format!("missing space after “{punct}”: “{left}{punct}{right}”"),
            )
            .with_suggestion(suggestion),
        );
    }
}

/// `w.starts_with(p)`, byte by byte (the words are short).
fn starts(w: &str, p: &str) -> bool {
    w.len() >= p.len() && w.bytes().zip(p.bytes()).all(|(a, b)| a == b)
}

/// `w.ends_with(x)`, byte by byte (the words are short).
fn ends(w: &str, x: &str) -> bool {
    w.len() >= x.len() && w.bytes().rev().zip(x.bytes().rev()).all(|(a, b)| a == b)
}

/// 64-bit words of [`RunTogether::tail_pairs`]: a bit for each of the 26 × 26 pairs of
/// lower-case letters.
const PAIR_WORDS: usize = (26 * 26usize).div_ceil(64);

/// The bit (0–675) of a pair of lower-case ASCII letters in [`RunTogether::tail_pairs`].
fn pair_bit(x: u8, y: u8) -> usize {
    usize::from(x - b'a') * 26 + usize::from(y - b'a')
}

/// The finding for word `i`, `word`, read as the words of `split`.
fn fused(s: &Sentence<'_>, i: usize, word: &str, split: String) -> Finding {
    Finding::new(
        &INFO,
        s.words[i].span(),
        format!("“{word}” looks like words run together: “{split}”"),
    )
    .with_suggestion(split)
}

impl Rule for RunTogether {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let bytes = s.text.as_bytes();
        // Prefilter (exact) of `check_punct`, which returns unless the byte after word `i` is a
        // full stop, an exclamation or a question mark and the next word starts right after
        // it. (The byte first: it rules out most words.)
        let punct = |i: usize, end: usize| {
            bytes
                .get(end)
                .is_some_and(|&b| matches!(b, b'.' | b'!' | b'?'))
                && s.words.get(i + 1).is_some_and(|next| next.start == end + 1)
        };
        if cx.target != "en" || s.lang != "en" {
            // Other targets: only the missing space after sentence punctuation, which does
            // not depend on the vocabulary (German compounds are words, not fusions).
            if cx.target != "en" && s.lang == cx.target {
                for (i, w) in s.words.iter().enumerate() {
                    if crate::gate::open(punct(i, w.end)) {
                        self.check_punct(s, i, out);
                    }
                }
            }
            return;
        }
        let first = out.len();
        for (i, (w, f)) in s.words.iter().zip(s.facts).enumerate() {
            // Gate (exact): `check_camel` and `check_fused` report no word with an English
            // count (the one asks for none, the other for `unknown_everywhere`, which needs
            // the English list not to contain the word, and a word with a count is in it). Most words of an English
            // sentence have one: they cost one comparison. Neither reports a word of letters
            // shorter than six bytes (`check_fused` needs seven, `check_camel` two parts of
            // three letters), and `check_word` only returns before them.
            if crate::gate::open(f.en == 0 && w.alpha && w.end - w.start >= 6) {
                self.check_word(s, cx, i, out);
            }
            if crate::gate::open(punct(i, w.end)) {
                self.check_punct(s, i, out);
            }
        }
        // A sentence with many words English does not know is foreign or technical: a fused
        // word cannot be told from its own vocabulary (checked only when something was found).
        if out.len() > first {
            let en = cx.lex.words("en");
            let alpha = s.words.iter().filter(|w| w.alpha).count();
            // (A word with an English count is in the list; the others are looked up.)
            let unknown = (0..s.words.len())
                .filter(|&i| s.words[i].alpha && s.facts[i].en == 0 && !en.contains(s.lower(i)))
                .count();
            if alpha >= 4 && unknown * 10 >= alpha * 4 {
                out.truncate(first);
            }
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "run-together";

    #[test]
    fn multibyte_space_before_a_fused_sentence_is_stepped_over() {
        // Found by the property test (it panicked): the chunk before "Warsaw.The" starts
        // after U+3000, a three-byte space; the missing space is still found.
        for t in [
            "Talks in\u{3000}Warsaw.The end",
            "Talks in\u{a0}Warsaw.The end",
        ] {
            assert_eq!(matched(CODE, t), vec!["Warsaw.The"], "{t:?}");
        }
    }

    #[test]
    fn miscased_english_word_is_not_a_camel_case_fusion() {
        // "BackGround" is "background" with a stray capital, not "Back Ground"; "Back" used
        // on its own in the document must not make it one.
        assert_clean(
            CODE,
            &["Back then the hall was new. The BackGround was dark."],
        );
        // A camel-case fusion of words English does not know as one still is.
        assert_eq!(
            matched(
                CODE,
                "Troops left Kyiv in spring. Back then KievKyiv was calm."
            ),
            vec!["KievKyiv"]
        );
    }

    #[test]
    fn fires_on_lost_link_space() {
        let f = findings(
            CODE,
            "en",
            "He proposed cooperation in industry, space travelagriculture and nuclear power.",
        );
        assert_eq!(
            f,
            vec![(
                "travelagriculture".to_string(),
                Some("travel agriculture".to_string())
            )]
        );
        assert_eq!(
            matched(
                CODE,
                "The plan covers the nuclearenergy sector and farming."
            ),
            vec!["nuclearenergy"]
        );
    }

    #[test]
    fn fires_on_capitalized_fusion() {
        assert_eq!(
            matched(
                CODE,
                "Officials discussed the Ukraineconflict at length on Monday."
            ),
            vec!["Ukraineconflict"]
        );
    }

    #[test]
    fn fires_on_camel_case_fusion() {
        assert_eq!(
            matched(
                CODE,
                "Partners come from Germany, AzerbaijanGeorgia and Turkey."
            ),
            vec!["AzerbaijanGeorgia"]
        );
        assert_eq!(
            matched(
                CODE,
                "Troops left Kyiv in spring. The city of KievKyiv was calm after that."
            ),
            vec!["KievKyiv"]
        );
    }

    #[test]
    fn fires_on_missing_space_after_full_stop() {
        let f = findings(
            CODE,
            "en",
            "The talks ended in Warsaw.The minister flew home.",
        );
        assert_eq!(
            f,
            vec![("Warsaw.The".to_string(), Some("Warsaw. The".to_string()))]
        );
        assert_eq!(
            matched(CODE, "Nothing was agreed, he said.He left early."),
            vec!["said.He"]
        );
    }

    #[test]
    fn fires_on_glued_function_word() {
        assert_eq!(
            matched(
                CODE,
                "Analysts blame high rates, energy costsand weak demand."
            ),
            vec!["costsand"]
        );
        assert_eq!(
            matched(
                CODE,
                "The choice between Hungary and the Czech Republicwas made in May."
            ),
            vec!["Republicwas"]
        );
        assert_eq!(
            matched(
                CODE,
                "The board met on Tuesday.A spokesman declined to comment."
            ),
            vec!["Tuesday.A"]
        );
    }

    #[test]
    fn words_ending_in_function_words_stay_clean() {
        assert_clean(
            CODE,
            &[
                "Her husband visited Finland, Poland, Holland and Auckland with Ferdinand.",
                "They will command the island forthwith, as Goethe and Cleveland demand.",
            ],
        );
    }

    #[test]
    fn names_and_brands_stay_clean() {
        assert_clean(
            CODE,
            &[
                "BioNTech and PricewaterhouseCoopers signed the deal on LinkedIn.",
                "She sold it on eBay and ate at McDonald's before watching YouTube on her iPhone.",
                "Photo: Pavel Bednyakov. President Kassym-Jomart Tokayev met the delegation.",
                "The BlackRock fund and PayPal shares rose, WhatsApp said.",
                "Mayor Greenwood spoke to Blackwell residents in Springfield.",
                "HelloFresh and Delivery Hero are listed in Frankfurt, like SpaceTravel Inc.",
            ],
        );
    }

    #[test]
    fn compounds_stay_clean() {
        assert_clean(
            CODE,
            &[
                "Nevertheless, the breakthrough came after the lockdown ended.",
                "A spokeswoman said the ceasefire held as the event was shown on a livestream.",
                "Bitcoin is a cryptocurrency, and every smartphone can store it.",
                "The counterterrorism unit works nationwide with the peacekeepers.",
            ],
        );
    }

    #[test]
    fn abbreviations_urls_and_numbers_stay_clean() {
        assert_clean(
            CODE,
            &[
                "The U.S. economy grew 3.5 percent, e.g. in retail.",
                "He holds a Ph.D in physics and reads J.R.R. Tolkien.",
                "The site example.com runs on Node.js and ASP.NET.",
                "See https://www.Example.org/News.Today for details.",
                "Lt.Gen. Smith arrived.",
            ],
        );
    }

    #[test]
    fn other_targets_get_only_the_missing_space() {
        // Compounds are words in German: never split.
        assert!(findings(CODE, "de", "Die Raumfahrtlandwirtschaft wurde genannt.").is_empty());
        assert_eq!(
            findings(
                CODE,
                "de",
                "Die Konferenz fand in Warschau statt.Die Delegationen reisten ab."
            ),
            vec![("statt.Die".to_string(), Some("statt. Die".to_string()))]
        );
        assert_eq!(
            findings(
                CODE,
                "fr",
                "La réunion a eu lieu à Varsovie.Les délégués sont partis."
            )
            .len(),
            1
        );
        for (lang, t) in [
            (
                "de",
                "Dr.Müller kam mit bzw.Frau Schulz, laut spiegel.de und Nr.5.",
            ),
            (
                "de",
                "Die Seite www.Bundesregierung.de nennt das Programm 2.0.",
            ),
            ("fr", "M.Dupont a visité le site www.Elysee.fr hier."),
            ("es", "El Sr.García llegó a las 10.30 horas."),
        ] {
            assert!(
                findings(CODE, lang, t).is_empty(),
                "{t}: {:?}",
                findings(CODE, lang, t)
            );
        }
    }
}

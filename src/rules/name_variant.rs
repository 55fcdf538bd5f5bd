//! `name-variant`: the same name spelled two ways in one document (Kazakhstan/Kazakstan,
//! Vladimir/Wladimir, Zelensky/Selenskyj).
//!
//! Capitalized words of at least four letters (possessive `'s` removed) are grouped into pairs
//! of spellings either by the German-style transliteration rewrites ([`super::translit`]) or by
//! a small edit distance (Damerau–Levenshtein ≤ 1 for five to eight letters, ≤ 2 from nine, the
//! same or a transliteration-equivalent first letter). The rarer spelling is flagged in every
//! sentence where it occurs, with the dominant one as suggestion.

use super::translit::{fold, Translit};
use super::{Context, DocFinding, Finding, Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::text::{char_len, is_all_caps, is_capitalized, lower};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

static INFO: RuleInfo = RuleInfo {
    code: "name-variant",
    severity: Severity::Major,
    targets: &["en"],
    summary:
        "the same name spelled two ways in one document (Kazakhstan/Kazakstan, Vladimir/Wladimir)",
    explain: r#"## What it does
Finds names spelled in two ways in the same document: a letter dropped or swapped
(*Kazakhstan* … *Kazakstan*), or an English and a German-style transliteration of the same
Russian or Ukrainian name (*Vladimir* … *Wladimir*, *Zelensky* … *Selenskyj*). The rarer
spelling is flagged wherever it occurs; the suggestion is the spelling the document uses most
(on a tie, the one that is a known English form).

## Why is this bad?
Inconsistent names are a classic sign of careless editing or of a machine translation that
copied some names from the source and translated others. Readers wonder whether two people or
places are meant.

## Example
```text
Vladimir Putin arrived in Astana on Thursday. … said Wladimir Putin.
```
Use instead:
```text
Vladimir Putin arrived in Astana on Thursday. … said Vladimir Putin.
```

## Stays clean
- Inflections and possessives: *Putin* / *Putin's*, *Russia* / *Russian*, *Kazakh* /
  *Kazakhstan*, *America* / *Americans*.
- Different names that happen to be close: *Austria* / *Australia*, *Iran* / *Iraq*,
  *Slovakia* / *Slovenia*, *Georgia* / *George*, *Mario* / *Maria* (both spellings are known
  words, or the difference is more than one letter for short names).
- Case variants and acronyms (*MOSCOW* / *Moscow*), words shorter than four letters.
- People's own spellings such as *Wladimir Klitschko* next to *Vladimir Putin*.
"#,
};

/// The `name-variant` rule.
#[derive(Debug)]
pub struct NameVariant {
    translit: Arc<Translit>,
    /// Single-word foreign forms → English form (Moskau → Moscow).
    exonyms: FxHashMap<String, String>,
    /// Spelling → its group in `variants.tsv`.
    variants: FxHashMap<String, usize>,
}

impl NameVariant {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let (translit, list) = Translit::shared(lex)?;
        let exonyms = list
            .iter()
            .filter(|e| !e.foreign.contains(' ') && !e.english.contains(' '))
            .map(|e| (e.foreign.clone(), e.english.clone()))
            .collect();
        let mut variants = FxHashMap::default();
        for (i, e) in lex
            .entries("foreign_spelling/variants.tsv")
            .into_iter()
            .enumerate()
        {
            for f in e.text.split('\t').map(str::trim).filter(|f| !f.is_empty()) {
                variants.insert(f.to_string(), i);
            }
        }
        Ok(NameVariant {
            translit,
            exonyms,
            variants,
        })
    }

    /// True when the form is a known English spelling.
    fn known(&self, form: &str, en: &WordFreq) -> bool {
        self.translit.known(form).is_some() || en.contains(&lower(form))
    }
}

/// One spelling and where it occurs.
#[derive(Debug, Default)]
struct Form<'a> {
    count: u32,
    places: Vec<(usize, Range<usize>)>,
    /// Capitalized words right before it (first names, titles): two spellings with different
    /// first names are two people (Helmut Schmidt, Carl Schmitt).
    before: Vec<&'a str>,
    /// Capitalized words right after it (surnames): Sergei Lavrov and Sergey Brin are two
    /// people.
    after: Vec<&'a str>,
}

impl Form<'_> {
    /// True when both spellings have neighbouring names and none is shared: two people.
    fn different_people(&self, other: &Form<'_>) -> bool {
        let disjoint = |x: &[&str], y: &[&str]| {
            !x.is_empty() && !y.is_empty() && !x.iter().any(|w| y.contains(w))
        };
        disjoint(&self.before, &other.before) || disjoint(&self.after, &other.after)
    }
}

/// Most distinct capitalized forms compared by edit distance in one document.
const MAX_EDIT_FORMS: usize = 20_000;

/// A first letter class: letters that transliterations swap count as one.
fn letter_class(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'w' | 'v' => 'v',
        'j' | 'y' | 'i' => 'y',
        's' | 'z' => 's',
        'c' | 'k' => 'k',
        o => o,
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance, or `max + 1` when larger.
fn distance(a: &[char], b: &[char], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

/// A lower-case word with British and American spelling differences levelled
/// (Rumours / Rumors, Organisation / Organization, Centre / Center): such pairs are spelling
/// conventions, not names spelled two ways.
fn us_uk(w: &str) -> String {
    w.replace("our", "or")
        .replace("ise", "ize")
        .replace("isa", "iza")
        .replace("yse", "yze")
        .replace("tre", "ter")
        .replace("ogue", "og")
        .replace("ll", "l")
        .replace("ae", "e")
        .replace("oe", "e")
}

/// Lower case with German letters written out (ä → ae, ö → oe, ü → ue, ß → ss): Muenchen and
/// München, Aidenbachstrasse and Aidenbachstraße are one spelling.
fn german_ascii(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 4);
    for c in w.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// The base form of a word: possessive `'s` / `’s` / final apostrophe removed.
fn base(w: &str) -> &str {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(suf) {
            return b;
        }
    }
    w
}

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let en = cx.lex.words("en");
        let fw = cx.lex.function_words("en");
        let mut forms: FxHashMap<&str, Form> = FxHashMap::default();
        for s in cx.sentences {
            if s.lang_detected && s.lang != cx.target {
                continue;
            }
            // The exception phrases are looked up once per sentence, when a word needs them.
            let mut ranges: Option<Vec<Range<usize>>> = None;
            for (i, w) in s.words.iter().enumerate() {
                let t = base(w.text(s.text));
                if !w.alpha || !is_capitalized(t) || is_all_caps(t) || char_len(t) < 4 {
                    continue;
                }
                if t.contains(['\'', '’']) {
                    continue;
                }
                let lt = lower(t);
                if cx.doc_count(&lt) > 0 {
                    continue;
                }
                // (The whole word, with a possessive, is what a phrase would cover.)
                let whole = w.text(s.text);
                let in_phrase = if whole.len() == t.len() {
                    self.translit.may_be_in_phrase(&lt)
                } else {
                    self.translit.may_be_in_phrase(&lower(whole))
                };
                let ranges: &[Range<usize>] = if in_phrase {
                    ranges.get_or_insert_with(|| self.translit.exception_ranges(s.text))
                } else {
                    &[]
                };
                if self.translit.guarded(s.text, s.words, i, ranges) {
                    continue;
                }
                let span = w.start..w.start + t.len();
                // A capitalized function word opening a sentence names nothing; other
                // capitalized words count (a pair of two common words is dropped later: both
                // are known English words).
                let opens = i == 0
                    || s.text[..w.start]
                        .trim_end()
                        .ends_with([':', '“', '"', '‘', '(', '–', '—']);
                if opens && fw.contains(lt.as_ref()) {
                    continue;
                }
                // Neighbouring names: capitalized, not function words, not opening the sentence.
                let name_at = |k: usize| -> Option<&str> {
                    let n = s.words.get(k)?;
                    let nt = base(n.text(s.text));
                    let gap = if k < i {
                        &s.text[n.end..w.start]
                    } else {
                        &s.text[w.end..n.start]
                    };
                    (k > 0
                        && is_capitalized(nt)
                        && gap.chars().all(|c| c == ' ')
                        && !fw.contains(lower(nt).as_ref()))
                    .then_some(nt)
                };
                let (before, after) = (i.checked_sub(1).and_then(name_at), name_at(i + 1));
                let f = forms.entry(t).or_default();
                f.count += 1;
                f.places.push((s.index, span));
                f.before.extend(before);
                f.after.extend(after);
            }
        }
        if forms.len() < 2 {
            return;
        }
        let names: Vec<&str> = forms.keys().copied().collect();
        // pairs (rarer candidate, related form)
        let mut related: Vec<(&str, &str)> = Vec::new();
        // Transliteration: a German-style form whose English reading the document uses.
        for &n in &names {
            if en.contains(&lower(n)) || !Translit::may_be_german_style(n) {
                continue;
            }
            for c in self.translit.candidates(n) {
                if let Some((&k, _)) = forms.get_key_value(c.as_str()) {
                    related.push((n, k));
                }
            }
        }
        // Exonyms (Moskau → Moscow): the foreign form is the variant.
        for &n in &names {
            if let Some(e) = self.exonyms.get(n) {
                if let Some((&k, _)) = forms.get_key_value(e.as_str()) {
                    related.push((n, k));
                }
            }
        }
        // Known alternative spellings (Kyiv / Kiev) and accent variants (Erdogan / Erdoğan).
        let mut groups: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for &n in &names {
            if let Some(&g) = self.variants.get(n) {
                groups.entry(format!("#{g}")).or_default().push(n);
            }
            // A name is a single word of letters: folding an ASCII one only lower-cases it.
            let folded = if n.is_ascii() {
                n.to_ascii_lowercase()
            } else {
                fold(n)
            };
            groups.entry(folded).or_default().push(n);
            if !n.is_ascii()
                || n.as_bytes()
                    .windows(2)
                    .any(|p| matches!(p, b"ss" | b"ae" | b"oe" | b"ue"))
            {
                groups
                    .entry(format!("=de {}", german_ascii(n)))
                    .or_default()
                    .push(n);
            }
        }
        for g in groups.values().filter(|g| g.len() > 1) {
            for &a in g {
                for &b in g {
                    if a != b
                        && a.to_lowercase() != b.to_lowercase()
                        && !forms[a].different_people(&forms[b])
                    {
                        related.push((a, b));
                    }
                }
            }
        }
        // Edit distance, within first-letter classes. Cheap tests first; the distance last.
        struct Entry<'a> {
            name: &'a str,
            lower: String,
            chars: Vec<char>,
            known: bool,
        }
        let mut buckets: FxHashMap<char, Vec<Entry<'_>>> = FxHashMap::default();
        // A book-length document with tens of thousands of names: the quadratic comparison is
        // skipped (the transliteration, exonym and variant relations above still apply).
        let edit_names: &[&str] = if names.len() > MAX_EDIT_FORMS {
            &[]
        } else {
            &names
        };
        for &n in edit_names {
            let lower = n.to_lowercase();
            let chars: Vec<char> = lower.chars().collect();
            if chars.len() < 5 {
                continue;
            }
            let known = self.known(n, en);
            buckets
                .entry(letter_class(chars[0]))
                .or_default()
                .push(Entry {
                    name: n,
                    lower,
                    chars,
                    known,
                });
        }
        for b in buckets.values_mut() {
            b.sort_by_key(|e| e.chars.len());
            for i in 0..b.len() {
                for j in i + 1..b.len() {
                    let (x, y) = (&b[i], &b[j]);
                    if y.chars.len() > x.chars.len() + 2 {
                        break;
                    }
                    if x.known && y.known {
                        continue;
                    }
                    let (la, lc) = (&x.chars, &y.chars);
                    if la == lc || lc.starts_with(la) {
                        continue;
                    }
                    // Different endings of at most two letters on one stem are inflections and
                    // derivations (Koreas / Korean, Zelensky / Zelenska, Heraclitus / Heraclitan).
                    let common = la.iter().zip(lc).take_while(|(p, q)| p == q).count();
                    if la.len() - common <= 2 && lc.len() - common <= 2 {
                        continue;
                    }
                    let max = if la.len().min(lc.len()) >= 9 { 2 } else { 1 };
                    if distance(la, lc, max) > max {
                        continue;
                    }
                    if us_uk(&x.lower) == us_uk(&y.lower)
                        || forms[x.name].different_people(&forms[y.name])
                    {
                        continue;
                    }
                    related.push((x.name, y.name));
                    related.push((y.name, x.name));
                }
            }
        }
        if related.is_empty() {
            return;
        }
        // For each form, the dominant related spelling, if one dominates it.
        let mut best: FxHashMap<&str, &str> = FxHashMap::default();
        for &(r, d) in &related {
            let (cr, cd) = (forms[r].count, forms[d].count);
            let dominates = cd > cr || (cd == cr && self.known(d, en) && !self.known(r, en));
            if !dominates {
                continue;
            }
            let e = best.entry(r).or_insert(d);
            if forms[d].count > forms[*e].count {
                *e = d;
            }
        }
        let mut flagged: Vec<(&str, &str)> = best.into_iter().collect();
        flagged.sort();
        for (r, d) in flagged {
            for (si, span) in &forms[r].places {
                out.push(DocFinding {
                    sentence: *si,
                    finding: Finding::new(
                        &INFO,
                        span.clone(),
                        format!("\"{r}\" is spelled \"{d}\" elsewhere in this document"),
                    )
                    .with_suggestion(d.to_string()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    #[test]
    fn flags_a_dropped_letter() {
        let text = "Kazakhstan is the largest country in Central Asia. Trade with Kazakhstan grew. \
                    Officials in Kazakhstan's capital agreed. Kazakstan is not a member of the court.";
        let f = findings("name-variant", "en", text);
        assert_eq!(
            f,
            vec![("Kazakstan".to_string(), Some("Kazakhstan".to_string()))]
        );
    }

    #[test]
    fn flags_a_german_style_spelling() {
        let text = "Vladimir Putin flew to Astana. Vladimir Putin met the president. \
                    At the press conference stressed Wladimir Putin the cooperation.";
        assert_eq!(matched("name-variant", text), vec!["Wladimir"]);
        let text =
            "President Zelensky spoke in Kyiv. Zelensky's office said Selenskyj would travel.";
        assert_eq!(matched("name-variant", text), vec!["Selenskyj"]);
        let text =
            "Tokayev spoke first. Tokayev then thanked his guest, and Tokajew's aides nodded.";
        assert_eq!(matched("name-variant", text), vec!["Tokajew"]);
    }

    #[test]
    fn flags_exonyms_and_known_alternative_spellings() {
        let text =
            "Moscow rejected the plan. Officials in Moscow said so. The talks in Moskau ended.";
        assert_eq!(
            findings("name-variant", "en", text),
            vec![("Moskau".to_string(), Some("Moscow".to_string()))]
        );
        let text = "In Kyiv, sirens sounded. Kyiv's mayor spoke. The Kiev administration said 20 drones fell.";
        assert_eq!(matched("name-variant", text), vec!["Kiev"]);
        let text = "Sergei Lavrov arrived. Sergey Lavrov spoke. Later Sergei Lavrov left.";
        assert_eq!(matched("name-variant", text), vec!["Sergey"]);
    }

    #[test]
    fn flags_accent_and_umlaut_variants() {
        let text = "Firefighters from Schöneberg arrived. Schöneberg's mayor thanked them. \
                    Residents of Schoeneberg were evacuated.";
        assert_eq!(matched("name-variant", text), vec!["Schoeneberg"]);
        let text = "Erdoğan spoke first. Erdoğan then left. Erdogan's aides stayed.";
        assert_eq!(matched("name-variant", text), vec!["Erdogan"]);
    }

    #[test]
    fn a_foreign_majority_does_not_turn_the_english_form_into_the_variant() {
        // Moskau three times, Moscow once: the foreign form is foreign-spelling's business;
        // flagging "Moscow" would suggest the German form.
        let text = "Moskau said no. Moskau said it again. Moskau is far. Moscow is cold.";
        assert!(!matched("name-variant", text).contains(&"Moscow".to_string()));
    }

    #[test]
    fn inflections_and_different_names_stay_clean() {
        assert_clean(
            "name-variant",
            &[
                "Putin arrived. Putin's plane landed in Russia. Russian officials and Russians cheered.",
                "Ukraine asked for help. The Ukrainian army and America's allies and American troops.",
                "Kazakh officials said Kazakhstan would not join. Kazakhs voted.",
                "Austria and Australia played. Iran and Iraq signed. Slovakia and Slovenia met.",
                "Georgia's leader met George Smith. Mario and Maria arrived. John and Joan left.",
                "MOSCOW — Officials in Moscow said the talks went well.",
                "Vladimir Putin met Wladimir Klitschko, whose brother Vitali Klitschko is mayor of Kyiv.",
                "NATO and Nato are both used. The EU and the European Union agreed.",
                "The two Koreas met. A Korean official spoke. Olena Zelenska joined Zelensky.",
                "Helmut Schmidt met Carl Schmitt. Later Helmut Schmidt wrote that Schmidt's view won.",
                "Sergei Lavrov met Sergey Brin. Sergei Lavrov said little.",
                "The album Rumours sold well. Rumors of a reunion grew. Rumors spread.",
                "The Labour Party and the Labor Party met. Labor won.",
                "The ideas of Heraclitus were debated. A Heraclitan view prevailed. Heraclitus won.",
            ],
        );
    }

    #[test]
    fn one_spelling_each_stays_clean() {
        assert_clean(
            "name-variant",
            &["Wladimir Klitschko trained in Hamburg. Klitschko later went into politics."],
        );
    }
}

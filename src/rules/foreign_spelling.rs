//! `foreign-spelling`: a name or place in another language's spelling inside an English text —
//! exonyms (Moskau, Kasachstan, Londres, Pékin) and German-style transliterations of Russian,
//! Ukrainian, Belarusian and Kazakh names (Wladimir, Selenskyj, Tokajew).
//!
//! Exonyms come from the generated CLDR table `lexicons/exonyms.tsv` plus the hand-written
//! `lexicons/foreign_spelling/exonyms_extra.tsv`. Foreign forms that English also uses are left
//! out when the table is built: forms in the English word list, forms that are an English name
//! in the table or a known English name, forms that differ from the English one only in accents
//! or by `Saint`/`St.`, and forms that are part of the English name or contain it
//! (`Ho Chi Minh`, `Brunei Darussalam`). Language names count only when the source language's
//! word list knows them. Transliterations are read back with the shared rewrite table
//! ([`crate::translit`]) and flagged only when an English reading is a well-known name or is
//! used in the same document.

use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::matcher::{at_word_boundaries, capitalize};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use crate::text::{capital_at, is_capitalized, lower};
use crate::translit::{all_caps, has_apostrophe, Exonym, NameKind, Readings, Shapes, Translit};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

static INFO: RuleInfo = RuleInfo {
    code: "foreign-spelling",
    severity: Severity::Major,
    targets: &["en", "de", "fr", "es"],
    summary:
        "a name or place in another language's spelling (Moskau or Wladimir in English, Moscow in German)",
    explain: r#"## What it does
Flags names of places and people written the way another language writes them.

In English text: exonyms such as *Moskau*, *Kasachstan*, *Warschau*, *Londres* or *Pékin*, and
German-style transliterations of Russian, Ukrainian, Belarusian and Kazakh names such as
*Wladimir*, *Selenskyj*, *Tokajew*, *Gorbatschow* or *Charkiw*. The suggestion is the English
form.

In German, French and Spanish text: a place left in its English (or another language's)
spelling where the target language has its own form — *Moscow* for German *Moskau*, French
*Moscou*, Spanish *Moscú*; *London* for *Londres*; *Beijing* for *Peking*, *Pékin*, *Pekín*;
*Kyiv*, *Kiev* and *Kharkiv* for German *Kiew* and *Charkiw* — and English spellings of
Russian and Ukrainian persons: German *Wladimir Putin*, *Wolodymyr Selenskyj*, French
*Poutine*. A first name counts only right before a known surname. The suggestion is the
target-language form.

## Why is this bad?
Machine translation often copies names from the source text unchanged. A reader expects the
spelling of their own language's press; *Moskau* in English or *Moscow* in German gives the
translation away and can make a name hard to search for.

## Example
```text
At the summit in Moskau, Wladimir Putin met Kassym-Jomart Tokajew.
Das Treffen fand in Moscow statt; Vladimir Putin sprach mit Volodymyr Zelensky.
```
Use instead:
```text
At the summit in Moscow, Vladimir Putin met Kassym-Jomart Tokayev.
Das Treffen fand in Moskau statt; Wladimir Putin sprach mit Wolodymyr Selenskyj.
```

## Stays clean
- People's own spellings: *Wladimir Klitschko*, *Vitali Klitschko*, *Vladimir Nabokov*.
- Polish and Czech names that natively use w, ch and -owski: *Jankowski*, *Wojciech*,
  *Chmielewski*; German names: *Schumacher*, *Schwarzenegger*, *Wagner*.
- Foreign forms that are also English words or English names: *Nice*, *Georgia*, *Turkey*,
  *Kiev*, and English phrases such as *Peking duck* or *Peking University*.
- In German, French and Spanish: forms that are also a US state, a person or an ordinary word
  (*Georgia*, *Jordan*, *Chad*, *Jersey*, *Chili*, *Roma*), forms both spellings are used for
  (French *Kyiv*/*Kiev*), names inside longer names (*New York*, *Georgia Tech*, *The
  Washington Post*, *Kyiv School of Economics*), English titles in quotation marks, and
  spellings correct in that language (French *Vladimir Poutine*, Spanish *Vladimir Putin*).
- A German-style first name is flagged only next to a known surname or when the document
  itself uses the English form (*Juri Ratas*, *Sergej Milinković-Savić* stay clean).
- Sentences detected as being in another language (quotations).
"#,
};

/// The `foreign-spelling` rule.
#[derive(Debug)]
pub struct ForeignSpelling {
    /// Exonyms by their first word (exact form): a hash lookup per capitalized word is much
    /// cheaper than an automaton over two thousand phrases.
    exonyms: FxHashMap<String, Vec<(String, Exonym)>>,
    /// The shapes of the `exonyms` keys: most capitalized words are ruled out without a lookup.
    exonym_shapes: Shapes,
    translit: Arc<Translit>,
    /// Non-target spellings per target language (de, fr, es): first word → phrases.
    targets: FxHashMap<&'static str, (FormMap, Shapes)>,
    /// Target forms of surnames (Selenskyj, Poutine): a first name may precede them.
    surnames: FxHashSet<String>,
}

/// Non-target spellings of one target language: first word → (phrase, target form), longest first.
type FormMap = FxHashMap<String, Vec<(String, TargetForm)>>;

/// What a non-target spelling stands for in the target language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TargetForm {
    target: String,
    kind: FormKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormKind {
    Place,
    Person,
    Given,
}

/// Target languages judged besides English.
const TARGETS: [&str; 3] = ["de", "fr", "es"];

/// Lower case without accents or punctuation (`Pékin` → `pekin`).
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The non-target spellings for each of [`TARGETS`]: the English form and the other languages'
/// forms of each CLDR name whose target form differs, plus `foreign_spelling/targets.tsv`.
fn build_targets(
    lex: &Lexicons,
) -> Result<(FxHashMap<&'static str, FormMap>, FxHashSet<String>), LexiconError> {
    let rows = lex.table("exonyms.tsv", 4)?;
    let supp = lex.table("foreign_spelling/targets.tsv", 4)?;
    // English name → [(lang, form)], places only (language names are for `untranslated`).
    let mut names: FxHashMap<&str, Vec<(&str, &str)>> = FxHashMap::default();
    let mut order: Vec<&str> = Vec::new();
    for r in &rows {
        if !matches!(r[3].trim(), "country" | "city") {
            continue;
        }
        let v = names.entry(r[2]).or_insert_with(|| {
            order.push(r[2]);
            Vec::new()
        });
        v.push((r[1], r[0]));
    }
    let mut out = FxHashMap::default();
    let mut surnames = FxHashSet::default();
    let en = lex.words("en");
    for t in TARGETS {
        let words = lex.words(t);
        let fw = lex.function_words(t);
        // Every form the target language itself uses for some place.
        let mut used: FxHashSet<String> = FxHashSet::default();
        for e in &order {
            match names[e].iter().find(|(l, _)| *l == t) {
                Some((_, f)) => used.insert(fold(f)),
                None => used.insert(fold(e)),
            };
        }
        let mut map: FxHashMap<String, Option<TargetForm>> = FxHashMap::default();
        let add =
            |form: &str, tf: TargetForm, map: &mut FxHashMap<String, Option<TargetForm>>| match map
                .get(form)
            {
                Some(Some(old)) if *old != tf => {
                    map.insert(form.to_string(), None);
                }
                Some(_) => {}
                None => {
                    map.insert(form.to_string(), Some(tf));
                }
            };
        for e in &order {
            let forms = &names[e];
            let target = forms.iter().find(|(l, _)| *l == t).map_or(*e, |(_, f)| *f);
            let ft = fold(target);
            let mut cands: Vec<&str> = Vec::new();
            if target != *e {
                cands.push(e);
            }
            // Other languages' forms: only ones that are no English word and no saint's name
            // (Granada, Maurice and San Martín are also a city, a first name and a person).
            for (l, f) in forms {
                let saint = ["San ", "Santa ", "Santo ", "Saint", "Sainte"]
                    .iter()
                    .any(|p| f.starts_with(p));
                if *l != t && TARGETS.contains(l) && !saint && !en.contains(&fold(f)) {
                    cands.push(f);
                }
            }
            for c in cands {
                let fc = fold(c);
                let ok = c.chars().next().is_some_and(char::is_uppercase)
                    && !c.contains(['&', '(', '.', ','])
                    && c.split_whitespace().count() <= 3
                    && fc != ft
                    && !ft.contains(&fc)
                    && !fc.contains(&ft)
                    && !used.contains(&fc)
                    && !fw.contains(&fc)
                    && words.count(&fc) < 200;
                if ok {
                    add(
                        c,
                        TargetForm {
                            target: target.to_string(),
                            kind: FormKind::Place,
                        },
                        &mut map,
                    );
                }
            }
        }
        for r in supp.iter().filter(|r| r[1].trim() == t) {
            let form = r[0].trim();
            let target = r[2].trim();
            if target == "-" {
                map.insert(form.to_string(), None);
                continue;
            }
            let note = r[3].trim();
            let kind = if note.starts_with("given") {
                FormKind::Given
            } else if note.starts_with("person") {
                surnames.insert(target.to_string());
                FormKind::Person
            } else {
                FormKind::Place
            };
            map.insert(
                form.to_string(),
                Some(TargetForm {
                    target: target.to_string(),
                    kind,
                }),
            );
        }
        let mut by_first: FormMap = FxHashMap::default();
        for (form, tf) in map {
            let Some(tf) = tf else { continue };
            let phrase: String = form.nfc().collect();
            let Some(first) = crate::text::words(&phrase)
                .first()
                .map(|w| w.text(&phrase).to_string())
            else {
                continue;
            };
            by_first.entry(first).or_default().push((phrase, tf));
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        out.insert(t, by_first);
    }
    Ok((out, surnames))
}

impl ForeignSpelling {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let (translit, list) = Translit::shared(lex)?;
        let mut exonyms: FxHashMap<String, Vec<(String, Exonym)>> = FxHashMap::default();
        for e in list.iter().cloned() {
            let phrase: String = e.foreign.nfc().collect();
            let Some(first) = crate::text::words(&phrase)
                .first()
                .map(|w| w.text(&phrase).to_string())
            else {
                continue;
            };
            exonyms.entry(first).or_default().push((phrase, e));
        }
        for v in exonyms.values_mut() {
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let (targets, surnames) = build_targets(lex)?;
        let exonym_shapes = Shapes::new(exonyms.keys().map(String::as_str));
        let targets = targets
            .into_iter()
            .map(|(t, map)| {
                let shapes = Shapes::new(map.keys().map(String::as_str));
                (t, (map, shapes))
            })
            .collect();
        Ok(ForeignSpelling {
            exonyms,
            exonym_shapes,
            translit,
            targets,
            surnames,
        })
    }

    /// The exonym starting at word `w` (capitalized), if any: the longest phrase starting
    /// there, or a one-word form in capitals (MOSKAU —). `after` is moved to the end of a
    /// phrase match; words before it are not looked at.
    fn exonym_at<'a>(
        &'a self,
        s: &Sentence<'_>,
        w: &crate::text::Word,
        after: &mut usize,
    ) -> Option<(std::ops::Range<usize>, &'a Exonym)> {
        if w.start < *after {
            return None;
        }
        let t = w.text(s.text);
        let cands = if self.exonym_shapes.may_contain(t) {
            self.exonyms.get(t)
        } else {
            None
        };
        let Some(cands) = cands else {
            // A dateline in capitals (MOSKAU —): one-word forms only.
            if crate::text::char_len(t) >= 4 && all_caps(t) {
                let title = capitalize(&t.to_lowercase());
                let hit = self.exonyms.get(&title).into_iter().flatten();
                if let Some((_, e)) = hit.into_iter().find(|(p, _)| *p == title) {
                    return Some((w.span(), e));
                }
            }
            return None;
        };
        for (p, e) in cands {
            let r = w.start..w.start + p.len();
            if s.text[w.start..].starts_with(p.as_str()) && at_word_boundaries(s.text, r.clone()) {
                *after = r.end;
                return Some((r, e));
            }
        }
        None
    }

    /// The English form of a German-style name at word `i` (capitalized), if it should be
    /// flagged.
    fn transliteration(&self, s: &Sentence<'_>, cx: &Context<'_>, i: usize) -> Option<String> {
        // Cheapest tests first (all must hold): letters only, no English word (a word with an
        // English count is in the list), a letter group of German-style spelling.
        if !s.words[i].alpha || s.en_count(i) > 0 {
            return None;
        }
        let w = s.word(i);
        if !Translit::may_be_german_style(w) {
            return None;
        }
        if all_caps(w) || crate::text::char_len(w) < 4 || has_apostrophe(w) {
            return None;
        }
        // (`s.lower(i)` is `lower(w)`.)
        let en = cx.lex.words("en");
        if en.contains(s.lower(i)) || self.translit.known(w).is_some() {
            return None;
        }
        self.translit
            .with_readings(w, |cands| self.judge_readings(s, cx, i, en, cands))
    }

    /// [`ForeignSpelling::transliteration`] once the tests on the word itself have passed.
    fn judge_readings(
        &self,
        s: &Sentence<'_>,
        cx: &Context<'_>,
        i: usize,
        en: &WordFreq,
        cands: &Readings,
    ) -> Option<String> {
        if cands.is_empty() {
            return None;
        }
        // The form the document itself uses wins.
        let in_doc = cands.iter().find(|c| {
            cx.doc_count(c) > 0
                && (self.translit.known(c).is_some() || en.count(&c.to_lowercase()) < 1000)
        });
        if let Some(c) = in_doc {
            return Some(c.to_string());
        }
        let (c, kind) = self.translit.best_known(cands.iter())?;
        if kind == NameKind::Given {
            // A first name needs a known surname right after it.
            let next = s.words.get(i + 1)?;
            if !s.text[s.words[i].end..next.start].trim().is_empty() {
                return None;
            }
            if !self.translit.is_known_surname(next.text(s.text)) {
                return None;
            }
        }
        Some(c.to_string())
    }
}

/// Quotation marks that open or close a quoted title or quotation.
const QUOTES: [char; 9] = ['"', '“', '”', '„', '«', '»', '‚', '‘', '’'];

/// True when `r` lies between two quotation marks of the sentence and another word between them
/// is `english` (an English title: „Lost in Beijing“, « A Week in Beijing »).
fn in_english_quote(
    s: &Sentence<'_>,
    r: std::ops::Range<usize>,
    english: impl Fn(&str) -> bool,
) -> bool {
    let Some(open) = s.text[..r.start].rfind(QUOTES) else {
        return false;
    };
    let Some(close) = s.text[r.end..].find(QUOTES).map(|k| r.end + k) else {
        return false;
    };
    s.words
        .iter()
        .filter(|w| w.start > open && w.end <= close && (w.end <= r.start || w.start >= r.end))
        .any(|w| english(w.text(s.text)))
}

impl ForeignSpelling {
    /// True when `w` is a first name (English or German-style) that may precede a surname.
    fn is_given(&self, map: &FormMap, w: &str) -> bool {
        if self.translit.known(w) == Some(NameKind::Given) {
            return true;
        }
        if map
            .get(w)
            .is_some_and(|v| v.iter().any(|(p, tf)| p == w && tf.kind == FormKind::Given))
        {
            return true;
        }
        Translit::may_be_german_style(w)
            && self
                .translit
                .best_known(self.translit.readings(w).iter())
                .is_some_and(|(_, k)| k == NameKind::Given)
    }

    /// True when `w` is a surname known in English or target spelling.
    fn is_surname(&self, map: &FormMap, w: &str) -> bool {
        self.surnames.contains(w)
            || self.translit.is_known_surname(w)
            || map.get(w).is_some_and(|v| {
                v.iter()
                    .any(|(p, tf)| p == w && tf.kind == FormKind::Person)
            })
    }

    /// Names in a German, French or Spanish text spelled the way English or another language
    /// spells them (Moscow, Moskau in French, Vladimir Putin in German).
    fn check_target(&self, s: &Sentence<'_>, cx: &Context<'_>, t: &str, out: &mut Vec<Finding>) {
        let Some((map, shapes)) = self.targets.get(t) else {
            return;
        };
        let en = cx.lex.words("en");
        let en_fw = cx.lex.function_words("en");
        let fw = cx.lex.function_words(t);
        let tw = cx.lex.words(t);
        // The exception phrases are looked up once, when a match needs them.
        let mut ranges: Option<Vec<std::ops::Range<usize>>> = None;
        let lang = match t {
            "de" => "German",
            "fr" => "French",
            _ => "Spanish",
        };
        // An English word that is no word of the target language: the name is part of an
        // English phrase or title (The Washington Post, Bank of Georgia).
        let english = |x: &str| {
            let l = lower(x);
            en_fw.contains(l.as_ref()) && !fw.contains(l.as_ref()) && !tw.contains(&l)
        };
        // A capitalized neighbour that may form a longer name with the match.
        let joins = |x: &str| {
            if !x.starts_with(char::is_uppercase) {
                return false;
            }
            let l = lower(x);
            !(fw.contains(l.as_ref()) || (tw.contains(&l) && !en.contains(&l)))
        };
        let adjacent = |a: usize, b: usize| s.text[a..b].chars().all(|c| c == ' ');
        let mut after = 0;
        for (i, w) in s.words.iter().enumerate() {
            if w.start < after {
                continue;
            }
            if !capital_at(s.text, w.start) {
                continue;
            }
            let text = w.text(s.text);
            if all_caps(text) || !shapes.may_contain(text) {
                continue;
            }
            let Some(cands) = map.get(text) else {
                continue;
            };
            let Some((r, tf)) = cands.iter().find_map(|(p, tf)| {
                let r = w.start..w.start + p.len();
                (s.text[w.start..].starts_with(p.as_str()) && at_word_boundaries(s.text, r.clone()))
                    .then_some((r, tf))
            }) else {
                continue;
            };
            after = r.end;
            let ranges = ranges.get_or_insert_with(|| self.translit.exception_ranges(s.text));
            if ranges.iter().any(|x| x.start <= r.start && r.end <= x.end) {
                continue;
            }
            // Compounds and possessives (Moscow-Reise, Georgia-Pacific, Moscow's).
            let before = s.text[..r.start].chars().next_back();
            let next_c = s.text[r.end..].chars().next();
            if matches!(before, Some('-' | '/' | '@' | '#' | '.'))
                || matches!(next_c, Some('-' | '\'' | '’' | '/' | '@'))
            {
                continue;
            }
            let j = s.words[i..]
                .iter()
                .position(|x| x.end >= r.end)
                .map_or(i, |k| i + k);
            let prev = i.checked_sub(1).map(|k| &s.words[k]);
            let next = s.words.get(j + 1);
            let prev_adj = prev.filter(|p| adjacent(p.end, r.start));
            let next_adj = next.filter(|n| adjacent(r.end, n.start));
            match tf.kind {
                FormKind::Given => {
                    let Some(n) = next_adj else { continue };
                    if !self.is_surname(map, n.text(s.text)) || self.translit.guarded(s, i, ranges)
                    {
                        continue;
                    }
                    if prev_adj.is_some_and(|p| joins(p.text(s.text))) {
                        continue;
                    }
                }
                FormKind::Person | FormKind::Place => {
                    if next_adj.is_some_and(|n| joins(n.text(s.text))) {
                        continue;
                    }
                    if let Some(p) = prev_adj {
                        let pt = p.text(s.text);
                        let given = tf.kind == FormKind::Person && self.is_given(map, pt);
                        if joins(pt) && !given {
                            continue;
                        }
                    }
                }
            }
            // English words around the name: an English title, quotation or name.
            let lo = i.saturating_sub(4);
            let hi = (j + 5).min(s.words.len());
            if s.words[lo..hi].iter().any(|x| english(x.text(s.text))) {
                continue;
            }
            if in_english_quote(s, r.clone(), |x| {
                let l = lower(x);
                // Clearly more an English word than a target-language one.
                !fw.contains(l.as_ref())
                    && en.contains(&l)
                    && en.log_p(&l, -9.0) > tw.log_p(&l, -9.0) + 1.0
            }) {
                continue;
            }
            let m = &s.text[r.clone()];
            out.push(
                Finding::new(
                    &INFO,
                    r.clone(),
                    format!(
                        "\"{m}\" is not the {lang} spelling; {lang} writes \"{}\"",
                        tf.target
                    ),
                )
                .with_suggestion(tf.target.clone()),
            );
        }
    }
}

impl Rule for ForeignSpelling {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if s.lang_detected && s.lang != cx.target {
            return;
        }
        if cx.target != "en" {
            self.check_target(s, cx, cx.target, out);
            return;
        }
        // The exception phrases are looked up once, when a finding needs them.
        let mut ranges: Option<Vec<std::ops::Range<usize>>> = None;
        // Exonyms reported so far (German-style spellings inside them are not), and the
        // German-style spellings, reported after the exonyms.
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        let mut german: Vec<Finding> = Vec::new();
        let mut after = 0;
        for (i, w) in s.words.iter().enumerate() {
            // Both kinds start with a capital letter.
            if !capital_at(s.text, w.start) {
                continue;
            }
            // Most capitalized words are neither: no exonym has their shape, they are not in
            // capitals (a dateline has four letters or more, and all upper case: an ASCII
            // lower-case second byte rules it out), and they are English words.
            let b = &s.text.as_bytes()[w.start..w.end];
            let exonym = w.start >= after
                && (self.exonym_shapes.may_contain_bytes(b)
                    || (b.len() >= 4 && !b[1].is_ascii_lowercase()));
            let german_style = w.alpha && s.facts[i].en == 0;
            if !exonym && !german_style {
                continue;
            }
            let found = if exonym {
                self.exonym_at(s, w, &mut after)
            } else {
                None
            };
            if let Some((r, ex)) = found {
                let ranges = ranges.get_or_insert_with(|| self.translit.exception_ranges(s.text));
                let excepted = ranges.iter().any(|x| x.start <= r.start && r.end <= x.end);
                // A French name form counts only after a first name or title (Vladimir
                // Poutine), unless the document uses the English form.
                let lone_person = ex.person && cx.doc_count(&ex.english) == 0 && !after_name(s, &r);
                if !excepted && !lone_person {
                    let m = &s.text[r.clone()];
                    out.push(
                        Finding::new(
                            &INFO,
                            r.clone(),
                            format!("\"{m}\" is the foreign spelling of \"{}\"", ex.english),
                        )
                        .with_suggestion(ex.english.clone()),
                    );
                    taken.push(r);
                }
            }
            // (An exonym starts at a word: only those at this word or before can cover it.)
            let span = w.span();
            if taken
                .iter()
                .any(|t| t.start < span.end && span.start < t.end)
            {
                continue;
            }
            if !german_style {
                continue;
            }
            let Some(english) = self.transliteration(s, cx, i) else {
                continue;
            };
            let ranges = ranges.get_or_insert_with(|| self.translit.exception_ranges(s.text));
            if self.translit.guarded(s, i, ranges) {
                continue;
            }
            let m = s.word(i);
            german.push(
                Finding::new(
                    &INFO,
                    span,
                    format!("\"{m}\" is a German-style spelling; English writes \"{english}\""),
                )
                .with_suggestion(english),
            );
        }
        out.append(&mut german);
    }
}

/// True when a capitalized word (a first name or title) comes right before `r`, separated by
/// spaces or hyphens only.
fn after_name(s: &Sentence<'_>, r: &std::ops::Range<usize>) -> bool {
    let prev = s.words.iter().rev().find(|w| w.end <= r.start);
    let adjacent = prev.is_some_and(|w| {
        let gap = &s.text[w.end..r.start];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-')
    });
    adjacent && prev.is_some_and(|w| is_capitalized(w.text(s.text)))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    fn sugg(text: &str) -> Vec<(String, String)> {
        findings("foreign-spelling", "en", text)
            .into_iter()
            .map(|(m, s)| (m, s.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn flags_german_style_names() {
        let f = sugg("On Friday Wladimir Putin received Kassym-Jomart Tokajew in the Kremlin.");
        assert!(f.contains(&("Wladimir".into(), "Vladimir".into())), "{f:?}");
        assert!(f.contains(&("Tokajew".into(), "Tokayev".into())), "{f:?}");
        for (text, m, s) in [
            (
                "Ukraine's president Selenskyj asked for more air defence.",
                "Selenskyj",
                "Zelensky",
            ),
            (
                "The former oil tycoon Chodorkowski spoke from exile in London.",
                "Chodorkowski",
                "Khodorkovsky",
            ),
            (
                "The reforms of Gorbatschow ended the Cold War.",
                "Gorbatschow",
                "Gorbachev",
            ),
            (
                "In 1991 Boris Jelzin stood on a tank outside parliament.",
                "Jelzin",
                "Yeltsin",
            ),
            (
                "Heavy shelling was reported in Charkiw overnight.",
                "Charkiw",
                "Kharkiv",
            ),
            (
                "The ousted Wiktor Janukowitsch fled to Russia in 2014.",
                "Janukowitsch",
                "Yanukovych",
            ),
            (
                "The ousted Wiktor Janukowitsch fled to Russia in 2014.",
                "Wiktor",
                "Viktor",
            ),
        ] {
            let f = sugg(text);
            assert!(f.contains(&(m.into(), s.into())), "{text}: {f:?}");
        }
    }

    #[test]
    fn flags_exonyms() {
        let f = sugg("The delegation flew from Moskau to Kasachstan on Tuesday.");
        assert!(f.contains(&("Moskau".into(), "Moscow".into())), "{f:?}");
        assert!(
            f.contains(&("Kasachstan".into(), "Kazakhstan".into())),
            "{f:?}"
        );
        assert_eq!(
            matched(
                "foreign-spelling",
                "MOSKAU (AP) — The Kremlin said on Monday the talks had failed."
            ),
            vec!["MOSKAU"]
        );
        assert_eq!(
            matched(
                "foreign-spelling",
                "Talks in Warschau ended without a deal."
            ),
            vec!["Warschau"]
        );
        assert_eq!(
            matched(
                "foreign-spelling",
                "The minister will travel to Pékin next week."
            ),
            vec!["Pékin"]
        );
    }

    #[test]
    fn flags_french_name_forms_after_a_first_name() {
        assert_eq!(
            matched(
                "foreign-spelling",
                "Vladimir Poutine spoke for two hours on television."
            ),
            vec!["Poutine"]
        );
        assert_clean(
            "foreign-spelling",
            &["Poutine is a dish of fries, gravy and cheese curds."],
        );
        assert_eq!(
            matched(
                "foreign-spelling",
                "President Kassym-Schomart Tokayev opened the forum."
            ),
            vec!["Schomart"]
        );
    }

    #[test]
    fn english_form_in_the_document_makes_a_first_name_count() {
        let text = "Sergei Ivanov arrived first. Later Sergej Ivanov spoke to reporters.";
        assert_eq!(matched("foreign-spelling", text), vec!["Sergej"]);
    }

    #[test]
    fn own_spellings_and_native_names_stay_clean() {
        assert_clean(
            "foreign-spelling",
            &[
                "Wladimir Klitschko won the heavyweight title in 2006.",
                "Kyiv mayor Vitali Klitschko and his brother Wladimir Klitschko visited troops.",
                "Poland's Jankowski and Wojciech Chmielewski signed the letter.",
                "The Polish striker Wiktor Jankowski scored twice.",
                "Michael Schumacher and Arnold Schwarzenegger were in the audience.",
                "Jessica Jordan said the Wagner group had left the town.",
                "Adam Schiff praised Chekhov's plays at a reading in Moscow.",
                "Estonia's former prime minister Juri Ratas spoke first.",
                "Sergej Milinković-Savić scored twice.",
                "They ate Peking duck near Peking University.",
                "Nice, Georgia and Turkey were on the list, as was Chile.",
                "The Kiev government was formed in 2014.",
                "Tokio Marine reported higher profits.",
                "Bayern München beat FC Köln 3-1 on Saturday.",
                "Experts in Serbo-Croatian and Old Norse were consulted.",
                "Kuba Błaszczykowski and Malte Gallée were named in the squad.",
            ],
        );
    }

    #[test]
    fn quotations_in_another_language_stay_clean() {
        assert_clean(
            "foreign-spelling",
            &["„Wir fahren morgen nach Moskau und dann weiter nach Kasachstan“, sagte er."],
        );
    }

    fn target(lang: &'static str, text: &str) -> Vec<(String, String)> {
        findings("foreign-spelling", lang, text)
            .into_iter()
            .map(|(m, s)| (m, s.unwrap_or_default()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn flags_english_place_names_in_german_french_and_spanish() {
        for (lang, text, want) in [
            (
                "de",
                "Das Treffen der Außenminister fand am Dienstag in Moscow statt.",
                vec![("Moscow", "Moskau")],
            ),
            (
                "de",
                "In der Nacht schlugen in Kharkiv erneut Raketen ein.",
                vec![("Kharkiv", "Charkiw")],
            ),
            (
                "de",
                "Die Regierung in Kyiv bat um weitere Hilfe.",
                vec![("Kyiv", "Kiew")],
            ),
            (
                "fr",
                "Les ministres se sont réunis à Moscow pendant deux jours.",
                vec![("Moscow", "Moscou")],
            ),
            (
                "fr",
                "Le président s'est rendu à Beijing la semaine dernière.",
                vec![("Beijing", "Pékin")],
            ),
            (
                "es",
                "La cumbre se celebrará en London a finales de mayo.",
                vec![("London", "Londres")],
            ),
            (
                "es",
                "El ministro viajará a Beijing el próximo lunes.",
                vec![("Beijing", "Pekín")],
            ),
            (
                "fr",
                "La délégation allemande est arrivée de Moskau mardi soir.",
                vec![("Moskau", "Moscou")],
            ),
        ] {
            assert_eq!(target(lang, text), pairs(&want), "{lang}: {text}");
        }
    }

    #[test]
    fn flags_english_russian_and_ukrainian_names_in_german() {
        assert_eq!(
            target(
                "de",
                "Am Freitag telefonierte Vladimir Putin mit Volodymyr Zelensky."
            ),
            pairs(&[
                ("Vladimir", "Wladimir"),
                ("Volodymyr", "Wolodymyr"),
                ("Zelensky", "Selenskyj"),
            ])
        );
        // French writes Vladimir but Poutine; Spanish writes Vladimir Putin.
        assert_eq!(
            target("fr", "Vladimir Putin a parlé pendant deux heures."),
            pairs(&[("Putin", "Poutine")])
        );
        assert!(target("es", "Vladimir Putin habló durante dos horas.").is_empty());
    }

    #[test]
    fn legitimate_forms_stay_clean_in_german() {
        for text in [
            "Der Gouverneur von Georgia unterzeichnete das Gesetz am Montag.",
            "Georgia Tech gewann das Spiel knapp.",
            "Michael Jordan gewann sechs Meisterschaften mit den Bulls.",
            "Jordan erzielte in der zweiten Halbzeit 30 Punkte.",
            "Chad Smith spielt seit Jahren Schlagzeug in der Band.",
            "In New York und New Jersey fielen die Preise.",
            "Das berichtete die Washington Post am Sonntag.",
            "Das berichtete „The Moscow Times“ am Sonntag.",
            "Sein Buch „Letters from Moscow“ erschien 2019.",
            "Wladimir Klitschko besuchte die Truppen im Osten.",
            "Wladimir Putin empfing Kassym-Schomart Tokajew im Kreml.",
            "Die Regierung in Moskau und die Führung in Kiew verhandeln.",
            "Der Film „Lost in Beijing“ lief auf der Berlinale.",
            "Die Kyiv School of Economics veröffentlichte eine Studie.",
            "Vladimir Nabokov schrieb seine Romane auf Russisch und Englisch.",
            "Chili und Paprika geben dem Gericht seine Schärfe.",
            "Viele Roma leben am Rand der Stadt.",
            "Der Umsatz von Georgia-Pacific stieg im dritten Quartal.",
        ] {
            assert!(
                target("de", text).is_empty(),
                "{text}: {:?}",
                target("de", text)
            );
        }
    }

    #[test]
    fn legitimate_forms_stay_clean_in_french_and_spanish() {
        for (lang, text) in [
            ("fr", "Le gouverneur de Georgia a signé la loi lundi."),
            ("fr", "Michael Jordan a remporté six titres avec les Bulls."),
            (
                "fr",
                "Vladimir Poutine a reçu le président kazakh au Kremlin.",
            ),
            ("fr", "Selon le Washington Post, la réunion a été annulée."),
            ("fr", "Les ministres se sont réunis à Moscou puis à Pékin."),
            ("fr", "Il a lu « A Week in Beijing » pendant le vol."),
            (
                "es",
                "Vladimir Putin recibió al presidente kazajo en el Kremlin.",
            ),
            ("es", "Michael Jordan ganó seis títulos con los Bulls."),
            ("es", "La cumbre se celebrará en Londres y luego en Pekín."),
            ("es", "Según The Washington Post, la reunión fue cancelada."),
            ("es", "El equipo de Georgia Tech viajó a Nueva York."),
            ("es", "Según The New York Times, la reunión fue cancelada."),
        ] {
            assert!(
                target(lang, text).is_empty(),
                "{lang}: {text}: {:?}",
                target(lang, text)
            );
        }
    }
}

//! `name-mismatch` (bilingual mode): a name of the source with no counterpart in the target.
//!
//! A source word counts as a name when it is capitalized, not the first word of its sentence,
//! not an acronym, not a function word, month or weekday, and not a known word of the source
//! language (`words/<lang>.tsv`). In German, where every noun is capitalized, it must also be
//! a place of `exonyms.tsv` or stand in a run of capitalized words right after a title
//! (`name-mismatch/titles.txt`: "Trainer Frank Lampard"), and must not end like a common noun
//! (`name-mismatch/noun-suffixes.txt`).
//!
//! A counterpart is any target word with the same sound skeleton (diacritics, Cyrillic,
//! w/v, z/s, j/y/i, ch/kh folded), an inflected form of it ("Merkels", "Путина"), or an exonym
//! of it (Moskau ↔ Moscow).

use crate::align::{best_target, source_lang, split_sentences};
use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{DocFinding, Rule, RuleInfo, Severity};
use crate::sentence::Context;
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

static INFO: RuleInfo = RuleInfo {
    code: "name-mismatch",
    severity: Severity::Major,
    targets: &["*"],
    summary: "bilingual mode: a name in the source has no counterpart in the target",
    explain: r#"## What it does
In bilingual mode, flags a target sentence when a name of the corresponding source sentence
(a capitalized word that is not sentence-initial, not an acronym and not a common word of
the source language) has no counterpart anywhere in the target. Counterparts are compared
by a sound skeleton, so transliterations and inflections match (Selenskyj ↔ Zelensky,
Tokajew ↔ Tokayev, Merkels ↔ Merkel's, Путина ↔ Putin), and exonyms from `exonyms.tsv` count
(Moskau ↔ Moscow, Pékin ↔ Beijing). In German sources, where every noun is capitalized, a
word only counts as a name in a run of capitalized words right after a title ("Kanzler Olaf
Scholz", "Trainerin Anna Berg") or as a place name of `exonyms.tsv`.

## Why is this bad?
A dropped or mangled name changes who did what; names are also where machine translation
fails most often ("Green" translated as a colour, a surname translated as a word).

## Example
Source `Kanzler Olaf Scholz traf am Montag Wolodymyr Selenskyj.`, target `The chancellor met
the president on Monday.` → `Chancellor Olaf Scholz met Volodymyr Zelensky on Monday.`

## Stays clean
Sentence-initial words, months and weekdays, German common nouns ("Haushalt",
"Bundesverfassungsgericht"), acronyms ("UNO" ↔ "UN"), exonyms and transliterations of the
same name.
"#,
};

/// Languages whose nouns are all capitalized.
const NOUN_CAPS: [&str; 2] = ["de", "lb"];

/// The `name-mismatch` rule.
#[derive(Debug)]
pub struct NameMismatch {
    /// Lower-case exonym form (English or foreign, any language) → its group ids.
    exonyms: FxHashMap<String, Vec<u32>>,
    /// `lang<TAB>lower-case foreign form` → group ids, for the source side.
    foreign: FxHashMap<String, Vec<u32>>,
    /// Lower-case months and weekdays of every language.
    calendar: FxHashSet<String>,
    titles: FxHashSet<String>,
    suffixes: Vec<String>,
}

/// Folds a word to a sound skeleton: lower case, no diacritics, Cyrillic in Latin letters,
/// and the spelling differences of transliterations merged.
fn skeleton(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.nfd() {
        if crate::text::is_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            match l {
                'ß' => s.push_str("ss"),
                'ø' => s.push('o'),
                'æ' => s.push_str("ae"),
                'ł' => s.push('l'),
                'а' => s.push('a'),
                'б' => s.push('b'),
                'в' => s.push('v'),
                'г' => s.push('g'),
                'д' => s.push('d'),
                // "е" after a vowel or at the start is "ye" (Токаев → Tokayev).
                'е' if s.is_empty() || s.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) => {
                    s.push_str("ye")
                }
                'е' | 'э' => s.push('e'),
                'ё' => s.push_str("yo"),
                'ж' => s.push_str("zh"),
                'з' => s.push('z'),
                'и' | 'ы' => s.push('i'),
                'й' => s.push('y'),
                'к' => s.push('k'),
                'л' => s.push('l'),
                'м' => s.push('m'),
                'н' => s.push('n'),
                'о' => s.push('o'),
                'п' => s.push('p'),
                'р' => s.push('r'),
                'с' => s.push('s'),
                'т' => s.push('t'),
                'у' => s.push('u'),
                'ф' => s.push('f'),
                'х' => s.push_str("kh"),
                'ц' => s.push_str("ts"),
                'ч' => s.push_str("ch"),
                'ш' => s.push_str("sh"),
                'щ' => s.push_str("shch"),
                'ъ' | 'ь' => {}
                'ю' => s.push_str("yu"),
                'я' => s.push_str("ya"),
                'і' => s.push('i'),
                'ї' => s.push_str("yi"),
                'є' => s.push_str("ye"),
                _ if l.is_alphanumeric() => s.push(l),
                _ => {}
            }
        }
    }
    let s = s
        .replace("tsch", "ch")
        .replace("sch", "s")
        .replace("sh", "s")
        .replace("zh", "s")
        .replace("ch", "k")
        .replace("ph", "f")
        .replace("th", "t")
        .replace("dt", "t")
        // A soft c sounds like s (Cylons ↔ Zylonen, Cicero ↔ Zizero).
        .replace("ce", "se")
        .replace("ci", "si")
        .replace("cy", "si");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'h' => continue,
            'w' => 'v',
            'z' => 's',
            'c' | 'q' => 'k',
            'y' | 'j' => 'i',
            'x' => 's',
            _ => c,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Levenshtein distance on characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two skeletons name the same thing: equal, one an inflection of the other (a
/// shared start of five letters or all of the shorter one), or close in spelling.
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let short = la.min(lb);
    if short < 3 {
        return false;
    }
    let lcp = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if lcp >= short.min(5) {
        return true;
    }
    let d = distance(a, b);
    (d as f64) <= 0.25 * la.max(lb) as f64
}

impl NameMismatch {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut exonyms: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut foreign: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut groups: FxHashMap<String, u32> = FxHashMap::default();
        let add = |m: &mut FxHashMap<String, Vec<u32>>, k: String, g: u32| {
            let v = m.entry(k).or_default();
            if !v.contains(&g) {
                v.push(g);
            }
        };
        for row in lex.table("exonyms.tsv", 3)? {
            let n = groups.len() as u32;
            let g = *groups.entry(row[2].to_string()).or_insert(n);
            add(&mut exonyms, row[0].to_lowercase(), g);
            add(&mut exonyms, row[2].to_lowercase(), g);
            let lower = row[0].to_lowercase();
            add(&mut foreign, format!("{}\t{lower}", row[1]), g);
            // The stem without a final vowel, for inflected forms (Москва → Москве).
            if let Some(stem) = lower.strip_suffix(|c: char| "aeiouyаеиоуыяэюьй".contains(c))
            {
                if stem.chars().count() >= 4 {
                    add(&mut foreign, format!("{}\t{stem}~", row[1]), g);
                }
            }
        }
        let mut calendar = FxHashSet::default();
        for p in lex.paths().filter(|p| p.starts_with("calendar/")) {
            for e in lex.entries(p) {
                if let Some(w) = e.text.split('\t').next() {
                    calendar.insert(w.trim_end_matches('.').to_lowercase());
                }
            }
        }
        let titles = lex
            .list("name-mismatch/titles.txt")
            .into_iter()
            .map(String::from)
            .collect();
        let suffixes = lex
            .list("name-mismatch/noun-suffixes.txt")
            .into_iter()
            .map(String::from)
            .collect();
        Ok(NameMismatch {
            exonyms,
            foreign,
            calendar,
            titles,
            suffixes,
        })
    }

    /// The exonym groups of a place name of the source language, also inflected: the form
    /// itself, or with one or two letters cut, the form or its stem ("Москве" → "москв~",
    /// "Kiewer" → "kiew").
    fn place(&self, lang: &str, w: &str) -> Option<&Vec<u32>> {
        let lw = w.to_lowercase();
        if let Some(g) = self.foreign.get(&format!("{lang}\t{lw}")) {
            return Some(g);
        }
        let chars: Vec<(usize, char)> = lw.char_indices().collect();
        for cut in 1..=2 {
            if chars.len() < cut + 4 {
                break;
            }
            let stem = &lw[..chars[chars.len() - cut].0];
            for key in [format!("{lang}\t{stem}"), format!("{lang}\t{stem}~")] {
                if let Some(g) = self.foreign.get(&key) {
                    return Some(g);
                }
            }
        }
        None
    }

    /// A title, also as the end of a compound ("Wirtschaftsminister", "Vereinspräsident").
    fn is_title(&self, w: &str) -> bool {
        if self.titles.contains(w) {
            return true;
        }
        let lw = w.to_lowercase();
        self.titles.iter().any(|t| {
            t.chars().count() >= 5
                && lw.len() > t.len() + 2
                && lw.ends_with(t.to_lowercase().as_str())
        })
    }

    /// The exonym groups of a word, trying it bare and without a few adjective endings.
    fn groups(&self, lower: &str) -> Option<&Vec<u32>> {
        self.exonyms.get(lower).or_else(|| {
            ["er", "ern", "es", "s", "e", "ens", "'s", "’s"]
                .iter()
                .filter_map(|suf| lower.strip_suffix(suf))
                .find_map(|stem| self.exonyms.get(stem))
        })
    }
}

impl Rule for NameMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let Some(src) = cx.source_text else {
            return;
        };
        if cx.sentences.is_empty() {
            return;
        }
        let Some(slang) = source_lang(cx, src) else {
            return;
        };
        let fw = cx.lex.function_words(slang);
        let wf = cx.lex.words(slang);
        // Without the language's word list every capitalized word would look like a name.
        if wf.is_empty() || fw.is_empty() {
            return;
        }
        let noun_caps = NOUN_CAPS.contains(&slang);
        // Skeletons of every target word, and the exonym groups they belong to.
        let mut tsk: Vec<String> = Vec::new();
        let mut tgroups: FxHashSet<u32> = FxHashSet::default();
        for s in cx.sentences {
            for w in s.words {
                let t = w.text(s.text);
                if let Some(g) = self.groups(&t.to_lowercase()) {
                    tgroups.extend(g.iter().copied());
                }
                tsk.push(skeleton(t));
            }
        }
        // Exonyms of two or three words ("North Korea", "New York").
        for s in cx.sentences {
            for n in 2..=3 {
                for win in s.words.windows(n) {
                    let k = s.text[win[0].start..win[n - 1].end].to_lowercase();
                    if let Some(g) = self.exonyms.get(&k) {
                        tgroups.extend(g.iter().copied());
                    }
                }
            }
        }
        tsk.sort();
        tsk.dedup();
        // Long documents: compare only with target words of the same first letter (every
        // rule of `same_name` needs it, except a distance that changes the first letter,
        // which is given up for speed).
        let mut by_first: FxHashMap<char, Vec<&str>> = FxHashMap::default();
        for k in &tsk {
            if let Some(c) = k.chars().next() {
                by_first.entry(c).or_default().push(k.as_str());
            }
        }
        let sents = split_sentences(src);
        let mut missing: Vec<(usize, Vec<String>)> = Vec::new();
        for (si, r) in sents.iter().enumerate() {
            let st = &src[r.clone()];
            let ws = crate::text::words(st);
            let unknown = |i: usize| -> bool {
                let Some(w) = ws.get(i) else { return false };
                let t = w.text(st);
                let lw = t.to_lowercase();
                i > 0
                    && w.alpha
                    && crate::text::is_capitalized(t)
                    && !crate::text::is_all_caps(t)
                    && t.chars().count() >= 3
                    && !fw.contains(&lw)
                    && !wf.contains(&lw)
                    && !self.calendar.contains(&lw)
            };
            for (i, w) in ws.iter().enumerate() {
                let t = w.text(st);
                // Places of exonyms.tsv count even when they are common words ("Moskau").
                let groups = if i > 0
                    && w.alpha
                    && crate::text::is_capitalized(t)
                    && !crate::text::is_all_caps(t)
                {
                    self.place(slang, t)
                } else {
                    None
                };
                let place = groups.is_some();
                if !place && !unknown(i) {
                    continue;
                }
                // Not after a colon or an opening quote (a new sentence starts there).
                let before = st[..w.start].trim_end();
                if before.ends_with([':', '"', '„', '“', '«', '(', '–', '-', '—']) {
                    continue;
                }
                let sk = skeleton(t);
                if noun_caps && groups.is_none() {
                    let lw = t.to_lowercase();
                    if self.suffixes.iter().any(|s| lw.ends_with(s.as_str())) {
                        continue;
                    }
                    // A run of unknown capitalized words right after a title ("Trainer
                    // Frank Lampard"); a capitalized word elsewhere may be a common noun.
                    let mut j = i;
                    while j > 0
                        && unknown(j - 1)
                        && !self.is_title(ws[j - 1].text(st))
                        && &st[ws[j - 1].end..ws[j].start] == " "
                    {
                        j -= 1;
                    }
                    let titled = j > 0
                        && self.is_title(ws[j - 1].text(st))
                        && &st[ws[j - 1].end..ws[j].start] == " ";
                    if !titled || self.is_title(t) {
                        continue;
                    }
                }
                let found = sk
                    .chars()
                    .next()
                    .and_then(|c| by_first.get(&c))
                    .is_some_and(|v| v.iter().any(|k| same_name(&sk, k)))
                    || groups.is_some_and(|g| g.iter().any(|x| tgroups.contains(x)));
                if !found {
                    let ti = best_target(cx, st, si, sents.len());
                    match missing.iter_mut().find(|(i, _)| *i == ti) {
                        Some((_, v)) => {
                            if !v.iter().any(|x| x == t) {
                                v.push(t.to_string());
                            }
                        }
                        None => missing.push((ti, vec![t.to_string()])),
                    }
                }
            }
        }
        crate::align::report_missing(
            &INFO,
            missing,
            |list| format!("the source's name {list} has no counterpart in the translation"),
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{same_name, skeleton};

    fn messages(target: &'static str, src: &str, tgt: &str) -> Vec<String> {
        crate::rules::testing::bilingual("name-mismatch", target, src, tgt)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn skeletons_merge_transliterations() {
        assert!(same_name(&skeleton("Selenskyj"), &skeleton("Zelensky")));
        assert!(same_name(&skeleton("Tokajew"), &skeleton("Tokayev")));
        assert!(same_name(&skeleton("Kasachstan"), &skeleton("Kazakhstan")));
        assert!(same_name(&skeleton("Путина"), &skeleton("Putin")));
        assert!(same_name(&skeleton("Cylons"), &skeleton("Zylonen")));
        assert!(!same_name(&skeleton("Scholz"), &skeleton("Merkel")));
    }

    #[test]
    fn names_with_counterparts_stay_clean() {
        let cases = [
            (
                "Kanzler Olaf Scholz traf am Montag Wolodymyr Selenskyj in Kiew.",
                "Chancellor Olaf Scholz met Volodymyr Zelensky in Kyiv on Monday.",
            ),
            (
                "Putin reiste nach Moskau zurück.",
                "Putin returned to Moscow.",
            ),
            (
                "Die Grenze zu Nordkorea ist geschlossen.",
                "The border with North Korea is closed.",
            ),
            (
                "Verteidiger David Alaba fehlt.",
                "Defender David Alaba is missing.",
            ),
            (
                "Der Verteidiger fehlte im Spiel gegen Bayern.",
                "The defender was missing in the game against Bayern.",
            ),
            (
                "Der Haushalt wurde vom Bundesverfassungsgericht gestoppt.",
                "The budget was stopped by the Constitutional Court.",
            ),
            (
                "Die Regierung will im März neue Gesetze vorlegen.",
                "The government wants to present new laws in March.",
            ),
            (
                "Sie trafen sich am Dienstag mit Vertretern der UNO.",
                "They met representatives of the UN on Tuesday.",
            ),
            (
                "Merkels Nachfolger kam aus Hamburg.",
                "Merkel's successor came from Hamburg.",
            ),
            (
                "Wladimir Klitschko und BioNTech-Chef Uğur Şahin sprachen mit Reportern.",
                "Wladimir Klitschko and BioNTech boss Ugur Sahin spoke to reporters.",
            ),
            (
                "Le président Emmanuel Macron a reçu Olaf Scholz à Paris.",
                "President Emmanuel Macron received Olaf Scholz in Paris.",
            ),
            (
                "Путин встретился с Токаевым в Астане.",
                "Putin met Tokayev in Astana.",
            ),
        ];
        for (s, t) in cases {
            let f = messages("en", s, t);
            assert!(f.is_empty(), "{s:?} → {t:?}: {f:?}");
        }
    }

    #[test]
    fn dropped_or_translated_name_fires() {
        let f = messages(
            "en",
            "Kanzler Olaf Scholz traf am Montag Präsident Wolodymyr Selenskyj.",
            "The chancellor met the president on Monday.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].contains("Scholz") && f[0].contains("Selenskyj"),
            "{f:?}"
        );
        let f = messages(
            "en",
            "Встреча прошла в Москве.",
            "The meeting took place in Minsk.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let f = messages(
            "en",
            "Wirtschaftsminister Robert Habeck besuchte das Werk.",
            "The minister visited the plant.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let f = messages(
            "en",
            "Die Delegation flog nach Moskau.",
            "The delegation flew to Minsk.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let f = messages(
            "en",
            "Le président a reçu le chancelier Scholz à Paris.",
            "The president received the chancellor in Paris.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }
}

//! `name-variant`: the same name spelled two ways in one document (Kazakhstan/Kazakstan,
//! Vladimir/Wladimir, Zelensky/Selenskyj).
//!
//! Capitalized words of at least four letters (possessive `'s` removed) are grouped into pairs
//! of spellings either by the German-style transliteration rewrites ([`crate::translit`]) or by
//! a small edit distance (Damerau–Levenshtein ≤ 1 for five to eight letters, ≤ 2 from nine, the
//! same or a transliteration-equivalent first letter). The rarer spelling is flagged in every
//! sentence where it occurs, with the dominant one as suggestion.

mod distance;
mod forms;
mod groups;

use crate::lexicon::{LexiconError, Lexicons, WordFreq};
use crate::rules::{DocFinding, Finding, Rule, RuleInfo, Severity};
use crate::sentence::Context;
use crate::translit::{Shapes, Translit};
use distance::MAX_EDIT_FORMS;
use forms::{Form, Forms, Spellings};
use rustc_hash::FxHashMap;
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
    /// What the tables say about a single word: its group in `variants.tsv` and its English
    /// form if it is a foreign form (Moskau → Moscow). One lookup per spelling.
    tables: FxHashMap<String, Tables>,
    /// The shapes of the `tables` keys: most spellings are ruled out without a lookup.
    table_shapes: Shapes,
    /// The bit of English in [`super::Sentence::function_mask`].
    en_function: u16,
}

/// What the tables say about one spelling.
#[derive(Debug, Default)]
struct Tables {
    /// Its group in `variants.tsv`.
    variant: Option<usize>,
    /// Its English form, if it is a single-word foreign form (Moskau → Moscow).
    exonym: Option<String>,
}

impl NameVariant {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let (translit, list) = Translit::shared(lex)?;
        let mut tables: FxHashMap<String, Tables> = FxHashMap::default();
        // (A later row for the same form wins, in both tables.)
        for e in list
            .iter()
            .filter(|e| !e.foreign.contains(' ') && !e.english.contains(' '))
        {
            tables.entry(e.foreign.clone()).or_default().exonym = Some(e.english.clone());
        }
        for (i, e) in lex
            .entries("foreign_spelling/variants.tsv")
            .into_iter()
            .enumerate()
        {
            for f in e.text.split('\t').map(str::trim).filter(|f| !f.is_empty()) {
                tables.entry(f.to_string()).or_default().variant = Some(i);
            }
        }
        let en = crate::lexicon::LANGS.iter().position(|&l| l == "en");
        let table_shapes = Shapes::new(tables.keys().map(String::as_str));
        Ok(NameVariant {
            translit,
            tables,
            table_shapes,
            en_function: en.map_or(0, |k| 1 << k),
        })
    }

    /// True when the form is a known English spelling.
    fn known(&self, f: &Form<'_>, en: &WordFreq) -> bool {
        self.translit.known(f.text).is_some() || f.in_english(en)
    }
}

impl NameVariant {
    /// For each form, the dominant related spelling, if one dominates it: the most frequent
    /// one, and of equally frequent ones the one the document uses first (the forms are
    /// numbered in the order of their first occurrence). The one tie-break: it makes the
    /// answer independent of the order of `related`.
    fn dominant(
        &self,
        f: &Forms<'_>,
        related: &[(usize, usize)],
        en: &WordFreq,
    ) -> Vec<Option<usize>> {
        let forms = &f.forms;
        let mut best: Vec<Option<usize>> = vec![None; forms.len()];
        for &(r, d) in related {
            let (cr, cd) = (forms[r].count, forms[d].count);
            let dominates =
                cd > cr || (cd == cr && self.known(&forms[d], en) && !self.known(&forms[r], en));
            if !dominates {
                continue;
            }
            let e = best[r].get_or_insert(d);
            let ce = forms[*e].count;
            if cd > ce || (cd == ce && d < *e) {
                *e = d;
            }
        }
        best
    }
}

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let en = cx.lex.words("en");
        let fw = cx.lex.function_words("en");
        // Every capitalized word is a candidate spelling at first. What relates two spellings
        // is the spellings themselves, so the pairs of forms are the pairs of candidates whose
        // spellings both count: only the spellings in a pair are checked where they occur
        // (most are in none).
        let mut index = Spellings::new();
        let mut f = self.collect(cx, fw, &mut index, false);
        if f.forms.len() < 2 {
            return;
        }
        // A book of names (more candidates than `MAX_EDIT_FORMS`): whether spellings are
        // compared by edit distance depends on the number of forms that count, so they are
        // collected again, with the checks.
        let checked = f.forms.len() > MAX_EDIT_FORMS;
        if checked {
            index = Spellings::new();
            f = self.collect(cx, fw, &mut index, true);
        }
        let pairs = self.related(&f, &index, en);
        if !checked {
            let mut involved: Vec<usize> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
            involved.sort_unstable();
            involved.dedup();
            self.keep_counted(cx, fw, &mut f, &involved);
        }
        let related = f.pairs(&pairs, fw);
        let best = self.dominant(&f, &related, en);
        let forms = &f.forms;
        let mut flagged: Vec<(&str, &str, usize)> = best
            .iter()
            .enumerate()
            .filter_map(|(r, d)| Some((forms[r].text, forms[(*d)?].text, r)))
            .collect();
        flagged.sort();
        for (r, d, n) in flagged {
            for o in f.places(n) {
                let start = f.sentences[o.sentence].words[o.word].start;
                out.push(DocFinding {
                    sentence: f.sentences[o.sentence].index,
                    finding: Finding::new(
                        &INFO,
                        start..start + o.len,
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
    fn a_tie_suggests_the_spelling_the_document_uses_first() {
        // Zelensky and Zelenskiy twice each dominate Zelenskyy (once): the one seen first is
        // the suggestion, whichever it is.
        let text = "Officials said Zelensky spoke first on Monday. Reporters asked Zelenskiy \
                    about the talks. Later Zelensky left the capital. Zelenskiy stayed in the \
                    city. Later Zelenskyy came to the meeting.";
        assert_eq!(
            findings("name-variant", "en", text),
            vec![("Zelenskyy".to_string(), Some("Zelensky".to_string()))]
        );
        let swapped = text
            .replace("Zelensky ", "@ ")
            .replace("Zelenskiy ", "Zelensky ")
            .replace("@ ", "Zelenskiy ");
        assert!(
            swapped.starts_with("Officials said Zelenskiy spoke"),
            "{swapped}"
        );
        assert_eq!(
            findings("name-variant", "en", &swapped),
            vec![("Zelenskyy".to_string(), Some("Zelenskiy".to_string()))]
        );
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

//! `wrong-language`: a whole sentence in a language other than the target (a paragraph the
//! MT system skipped, a quotation left in the original, a source-language caption).
//!
//! The language of each sentence is decided once, in [`crate::lang`]; this rule only reads it.
//! It fires only when the sentence's language was *detected from the sentence itself* with
//! confidence (`lang_detected`), never when it was taken over from the document, so short
//! lines, names and numbers cannot trigger it.

use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};

static INFO: RuleInfo = RuleInfo {
    code: "wrong-language",
    severity: Severity::Critical,
    targets: &["*"],
    summary: "a whole sentence in a language other than the target",
    explain: r#"## What it does
Flags a sentence that is, as a whole, written in another language than the target: a
paragraph the machine translation left out, a quotation or caption kept in the source
language, a sentence in a third language.

## Why is this bad?
A reader of the English page cannot read it at all: the sentence is lost, and the page
looks broken. It is the most serious kind of non-translation.

## Example
In an English text:
```
Die Regierung will die Steuern im kommenden Jahr deutlich senken.
```
→ translate it: "The government wants to cut taxes significantly next year."

## Stays clean
- Short lines and sentences of fewer than about five words ("Danke schön", "Merci!").
- Names, titles and numbers ("Bayern München 2, Borussia Dortmund 1").
- A foreign word or phrase inside an English sentence (see `untranslated` for that).
- A sentence translated in part, with two or more lower-case function words of the target
  that the other language lacks ("Die Regierung hat the new rules am Montag beschlossen" in
  a German text): it is a target sentence with words left over, for `untranslated`. With fewer
  ("Laut dem Bericht the number of applications rose sharply") most of it is another language,
  and this rule flags it.
- Sentences whose language cannot be told with confidence: they take the document's language.
"#,
};

/// The `wrong-language` rule.
#[derive(Debug)]
pub struct WrongLanguage;

impl WrongLanguage {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(WrongLanguage)
    }
}

impl Rule for WrongLanguage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !s.lang_detected || s.lang == cx.target {
            return;
        }
        let t = s.text.trim_end();
        let start = s.text.len() - s.text.trim_start().len();
        if start >= t.len() {
            return;
        }
        out.push(Finding::new(
            &INFO,
            start..t.len(),
            format!(
                "the sentence is in {} (confidence {:.2}), not in the target language ({})",
                crate::languages::name(s.lang),
                s.lang_confidence,
                crate::languages::name(cx.target)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "wrong-language";

    fn flagged(target: &'static str, text: &str) -> usize {
        findings(CODE, target, text).len()
    }

    #[test]
    fn english_news_stays_clean() {
        assert_clean(
            CODE,
            &[
                "The government adopted the new trade rules on Monday, officials said.",
                "Danke schön",
                "“Merci beaucoup,” she said, smiling at the crowd.",
                "Bayern München 2, Borussia Dortmund 1",
                "Wladimir Klitschko met Jarosław Kaczyński and Jean-Luc Mélenchon in Brussels.",
                "The motto of the festival, “Liberté, égalité, fraternité”, was painted on the wall.",
                "Lufthansa, Deutsche Bahn and Volkswagen reported higher sales in the third quarter.",
            ],
        );
    }

    #[test]
    fn german_sentence_in_english_text() {
        let text = "The chancellor spoke in Berlin on Monday. Die Regierung will die Steuern im kommenden Jahr deutlich senken. He then left for Paris.";
        let m = matched(CODE, text);
        assert_eq!(
            m,
            vec!["Die Regierung will die Steuern im kommenden Jahr deutlich senken."]
        );
    }

    #[test]
    fn french_spanish_italian_dutch_portuguese_russian_in_english() {
        let intro = "The minister arrived in the capital on Tuesday evening. ";
        for foreign in [
            "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour les salariés.",
            "El presidente del Gobierno anunció el martes un nuevo plan para la vivienda.",
            "Il governo ha approvato ieri sera la nuova legge sul bilancio dello Stato.",
            "De regering heeft dinsdag een nieuw plan voor de woningmarkt gepresenteerd.",
            "O governo anunciou nesta terça-feira um novo plano para a habitação no país.",
            "Президент России провёл переговоры с главой Казахстана в четверг в Астане.",
        ] {
            let text = format!("{intro}{foreign}");
            let m = matched(CODE, &text);
            assert_eq!(m, vec![foreign.to_string()], "not flagged: {foreign}");
        }
    }

    #[test]
    fn five_word_german_sentence_is_flagged_but_two_words_are_not() {
        let text = "The team lost again. Die Bauern haben alles verloren. Danke schön. The coach resigned.";
        assert_eq!(
            matched(CODE, text),
            vec!["Die Bauern haben alles verloren."]
        );
    }

    #[test]
    fn polish_sentence_in_english_text() {
        let text = "The mayor spoke on Monday. Prezydent miasta zapowiedział w poniedziałek budowę nowego mostu przez rzekę.";
        let f = findings(CODE, "en", text);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn english_headlines_and_name_lists_stay_clean() {
        assert_clean(
            CODE,
            &[
                "Queen and Adam Lambert: Brian May celebrates Roger Taylor's birthday",
                "Sassuolo's Filip Djuricic was denied two goals by Napoli.",
                "Kassym-Jomart Tokayev, Olaf Scholz, Emmanuel Macron and Giorgia Meloni attended.",
                "Borussia Mönchengladbach beat Eintracht Frankfurt 3-1 at the Borussia-Park.",
                "The song “Non, je ne regrette rien” was played at the funeral.",
                "“Wir schaffen das”, Chancellor Angela Merkel said in 2015.",
                "The newspaper Süddeutsche Zeitung called it “ein Sieg der Vernunft”.",
                "His last words were “Es lebe die Freiheit”, according to the court records.",
                "Real Madrid beat Atlético de Madrid at the Santiago Bernabéu on Sunday.",
                "The Académie française and the Comédie-Française are in Paris.",
            ],
        );
    }

    #[test]
    fn french_sentence_in_spanish_target() {
        // French and Spanish share function words ("le", "un", "a"): the unknown words decide.
        let text = "El Gobierno aprobó el martes el nuevo presupuesto. Le ministre a présenté un nouveau projet de budget. La oposición votó en contra.";
        assert_eq!(flagged("es", text), 1);
        let clean = "El Gobierno aprobó el martes el nuevo presupuesto para el año que viene. La oposición votó en contra del proyecto.";
        assert_eq!(flagged("es", clean), 0);
    }

    #[test]
    fn english_sentence_in_german_target() {
        let text = "Die Regierung hat am Montag neue Regeln beschlossen. The government wants to cut taxes significantly next year. Das sagte der Minister.";
        assert_eq!(flagged("de", text), 1);
    }

    #[test]
    fn german_text_with_german_target_stays_clean() {
        let text = "Die Regierung hat am Montag neue Regeln für den Handel beschlossen. Der Minister sagte, das sei ein guter Tag für die Wirtschaft. Danke schön!";
        assert_eq!(flagged("de", text), 0);
    }

    #[test]
    fn message_names_the_language_and_has_no_suggestion() {
        use crate::analyze::{Document, Engine, Options};
        let eng = Engine::new(Options {
            target: Some("en"),
            only: Some(vec![CODE.to_string()]),
            ..Options::default()
        })
        .expect("engine");
        let text = "The talks went on late. Die Gespräche dauerten bis tief in die Nacht und wurden am Morgen fortgesetzt.";
        let r = eng.analyze(&Document::new("t", text));
        let f: Vec<_> = r.sentences.iter().flat_map(|s| &s.findings).collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("German"), "{}", f[0].message);
        assert!(f[0].suggestion.is_none());
    }
}

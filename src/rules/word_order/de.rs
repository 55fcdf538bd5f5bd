//! The German half of `word-order`: English word order left in a German translation. Two
//! patterns, both built on a closed class (the finite forms of auxiliaries and modals), so that
//! no dictionary of verb forms is needed:
//!
//! - a subordinate clause with its finite verb in second place: "…, weil die Gespräche sind
//!   gescheitert" (German puts it last: "weil die Gespräche gescheitert sind");
//! - a subject between a fronted phrase and the finite verb: "Gestern die Regierung hat …",
//!   "Am Montag der Präsident hat …" (German: "Am Montag hat der Präsident …").
//!
//! The word classes are in `lexicons/word_order/de.txt`.

use crate::lexicon::{LexiconError, Lexicons};
use crate::sentence::Sentence;
use crate::text::is_capitalized;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// The German word-order checks.
#[derive(Debug, Default)]
pub struct GermanOrder {
    subordinator: FxHashSet<String>,
    finite: FxHashSet<String>,
    pronoun: FxHashSet<String>,
    determiner: FxHashSet<String>,
    adverb: FxHashSet<String>,
    preposition: FxHashSet<String>,
    /// Weekday and month names (lower case): a fronted "Am Montag" is a time, so "der" after
    /// it starts a subject rather than a genitive ("am Ende der Woche").
    calendar: FxHashSet<String>,
}

impl GermanOrder {
    /// Builds the checks from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut g = GermanOrder::default();
        for row in lex.table("word_order/de.txt", 2)? {
            let w = row[1].to_lowercase();
            let set = match row[0] {
                "subordinator" => &mut g.subordinator,
                "finite" => &mut g.finite,
                "pronoun" => &mut g.pronoun,
                "determiner" => &mut g.determiner,
                "adverb" => &mut g.adverb,
                "preposition" => &mut g.preposition,
                _ => continue,
            };
            set.insert(w);
        }
        for row in lex.table("calendar/de.tsv", 2)? {
            if !row[0].ends_with('.') && row[0].chars().count() > 3 {
                g.calendar.insert(row[0].to_lowercase());
            }
        }
        Ok(g)
    }

    /// The span (subject and finite verb) and message of the first pattern found.
    pub fn check(&self, s: &Sentence<'_>) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if n < 4 {
            return None;
        }
        // Most sentences have no finite auxiliary or modal after their first word.
        if !(1..n).any(|i| self.finite.contains(s.lower(i))) {
            return None;
        }
        self.fronted(s).or_else(|| self.subordinate(s))
    }

    /// "…, weil die Gespräche sind gescheitert": subordinator, subject, finite verb, and more
    /// of the clause after it.
    fn subordinate(&self, s: &Sentence<'_>) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        for i in 0..n.saturating_sub(3) {
            if !self.subordinator.contains(s.lower(i)) {
                continue;
            }
            // A subordinate clause opens the sentence, follows a comma, or a conjunction.
            let opens = i == 0
                || gap(s, i - 1, i).contains(',')
                || matches!(s.lower(i - 1), "und" | "oder" | "aber");
            if !opens || (i > 0 && is_capitalized(s.word(i))) {
                continue;
            }
            if let Some(hit) = self.subject_then_verb(s, i + 1, true) {
                let verb = s.word(hit.1);
                let sub = s.word(i);
                return Some((
                    s.words[i + 1].start..s.words[hit.1].end,
                    format!(
                        "English word order: in a clause opened by \"{sub}\" the finite verb \"{verb}\" goes to the end"
                    ),
                ));
            }
        }
        None
    }

    /// "Gestern die Regierung hat …", "Am Montag der Präsident hat …": a fronted adverb or
    /// prepositional phrase, then the subject, then the finite verb.
    fn fronted(&self, s: &Sentence<'_>) -> Option<(Range<usize>, String)> {
        let first = s.lower(0);
        let subject = if self.adverb.contains(first) {
            1
        } else if self.preposition.contains(first) {
            self.phrase_end(s)?
        } else {
            return None;
        };
        let der_ok = subject == 1 || self.calendar.contains(s.lower(subject - 1));
        // The subject must open with a pronoun or a determiner: a capitalized word right after
        // the phrase belongs to it ("Im Landkreis Hof hat …").
        let l = s.lower(subject);
        if !(self.pronoun.contains(l) || self.determiner.contains(l)) {
            return None;
        }
        let (start, verb) = self.subject_then_verb(s, subject, der_ok)?;
        if !joined(s, 0, start) {
            return None;
        }
        let front = &s.text[s.words[0].start..s.words[subject - 1].end];
        let v = s.word(verb);
        Some((
            s.words[start].start..s.words[verb].end,
            format!(
                "English word order: after \"{front}\" the finite verb \"{v}\" comes before the subject"
            ),
        ))
    }

    /// The word after a fronted prepositional phrase ("Am Montag", "Im vergangenen Jahr",
    /// "Am 14. Februar"): up to three lower-case words or numbers, then one capitalized noun.
    fn phrase_end(&self, s: &Sentence<'_>) -> Option<usize> {
        let n = s.words.len();
        let mut k = 1;
        while k < n && k <= 3 && !is_capitalized(s.word(k)) {
            if self.finite.contains(s.lower(k)) || self.pronoun.contains(s.lower(k)) {
                return None;
            }
            k += 1;
        }
        if k >= n || !is_capitalized(s.word(k)) {
            return None;
        }
        // A hyphenated compound is one noun ("Coronavirus-Pandemie").
        while k + 1 < n && gap(s, k, k + 1) == "-" {
            k += 1;
        }
        Some(k + 1)
    }

    /// A subject starting at word `j` directly followed by a finite auxiliary or modal and at
    /// least one more word of the same clause: the index where the subject starts and the
    /// verb's index. `der_ok`: "der" may open the subject (not right after a noun, where it is
    /// a genitive: "Nach Angaben der Polizei hat …").
    fn subject_then_verb(
        &self,
        s: &Sentence<'_>,
        j: usize,
        der_ok: bool,
    ) -> Option<(usize, usize)> {
        let n = s.words.len();
        if j >= n {
            return None;
        }
        let l = s.lower(j);
        let mut k = j;
        if self.pronoun.contains(l) {
            k += 1;
        } else {
            if self.determiner.contains(l) {
                if !der_ok && (l == "der" || is_capitalized(s.word(j))) {
                    return None;
                }
                k += 1;
                // Adjectives: lower-case words ("die neuen Regeln").
                let adj = k;
                while k < n && k - adj < 3 && s.words[k].alpha && !is_capitalized(s.word(k)) {
                    if self.finite.contains(s.lower(k)) {
                        return None;
                    }
                    k += 1;
                }
            }
            // The noun or name: one or two capitalized words.
            let noun = k;
            while k < n && k - noun < 2 && s.words[k].alpha && is_capitalized(s.word(k)) {
                k += 1;
                // A hyphenated compound is one noun ("EU-Kommission").
                while k < n && gap(s, k - 1, k) == "-" {
                    k += 1;
                }
            }
            if k == noun {
                return None;
            }
        }
        let verb = k;
        let ok = verb + 1 < n
            && self.finite.contains(s.lower(verb))
            && !is_capitalized(s.word(verb))
            && joined(s, j, verb + 1)
            && s.words[verb + 1].alpha;
        ok.then_some((j, verb))
    }
}

/// The text between words `a` and `b`.
fn gap<'a>(s: &Sentence<'a>, a: usize, b: usize) -> &'a str {
    &s.text[s.words[a].end..s.words[b].start]
}

/// True when words `a..=b` follow each other with nothing but spaces or hyphens between them
/// (no comma, dash, bracket or quotation mark: the phrase is one stretch of one clause).
fn joined(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|m| {
        gap(s, m, m + 1)
            .chars()
            .all(|c| c.is_whitespace() || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    fn flagged(text: &str) -> Vec<String> {
        findings("word-order", "de", text)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    #[test]
    fn verb_second_in_subordinate_clauses() {
        assert_eq!(
            flagged("Weil die Verhandlungen sind gescheitert, streiken die Piloten weiter."),
            vec!["die Verhandlungen sind"]
        );
        assert_eq!(
            flagged("Die Sprecherin erklärte, dass der Konzern wird alle Standorte erhalten."),
            vec!["der Konzern wird"]
        );
        assert_eq!(
            flagged("Unklar blieb, ob sie kann das Amt behalten."),
            vec!["sie kann"]
        );
    }

    #[test]
    fn subject_after_a_fronted_phrase() {
        assert_eq!(
            flagged("Gestern die Regierung hat ein neues Gesetz beschlossen."),
            vec!["die Regierung hat"]
        );
        assert_eq!(
            flagged("Am Dienstag der Kanzler hat die Delegation empfangen."),
            vec!["der Kanzler hat"]
        );
    }

    #[test]
    fn german_order_stays_clean() {
        for t in [
            "Weil die Verhandlungen gescheitert sind, streiken die Piloten weiter.",
            "Die Sprecherin erklärte, dass der Konzern alle Standorte erhalten wird.",
            "Am Montag hat der Präsident neue Sanktionen angekündigt.",
            "Am Ende der Woche hat der Minister seinen Rücktritt erklärt.",
            "Nach Angaben der Polizei hat der Fahrer das Auto verlassen.",
            "Auch die Regierung hat den Plan gebilligt.",
            "Nur die Opposition ist dagegen.",
            "Während der Sitzung hat er kein Wort gesagt.",
            "Mehr als die Hälfte ist bereits verkauft.",
            "Seit die Grenze offen ist, kommen mehr Touristen.",
            "Er fragte, ob die Kosten gestiegen sind und wer sie trägt.",
            "Wir wissen, dass sie ist, wie sie ist.",
            "Gestern war die Regierung noch anderer Meinung.",
            "Heute ist er Bürgermeister der Stadt.",
            "Im Februar hat die Zahl der Anträge zugenommen.",
            "Wenn es regnet, wird das Spiel verschoben.",
            "Am 14. Februar wird der Präsident in Berlin erwartet.",
            "Wegen der Corona-Pandemie wird das Spiel ohne Publikum ausgetragen.",
            "Im Landkreis Hof hat sich die Lage beruhigt.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }
}

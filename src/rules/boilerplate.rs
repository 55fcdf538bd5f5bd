//! `boilerplate`: web-page chrome and UI text left in an article ("Share", "Split" for German
//! "Teilen", "View photo series", "Home page politics", "Leave a Reply", bylines, leaked date
//! labels), in any language and in its literal machine translation.
//!
//! The phrases are data: every file under `lexicons/boilerplate/` (including
//! `boilerplate/config.txt`, which the engine writes from the configuration's extra phrases).
//! Each line is `phrase<TAB>kind<TAB>note`; a missing kind means `anywhere`. Kinds:
//! - `anywhere`: long, unmistakable phrases ("Leave a Reply"), matched anywhere.
//! - `line`: short UI words ("Share", "Comments") that only count as a whole line, or at the
//!   end of a line without final punctuation right after a lower-case word
//!   ("… the Russian president's confidants Share"), never inside a sentence ("Shares fell").
//! - `byline`: "From:", "By", "Von:" starting a short line that is otherwise only a name.
//! - `date`: a label ("date", "Stand:") at the start of a line followed by a date.
//!
//! "Read the full article here", "Continue reading" and "(continued)" belong to `truncated`,
//! not here, so that one artifact gets one flag.
//!
//! Suggestion: the empty string, meaning "delete the matched text".

use super::Severity;
use crate::lexicon::{LexiconError, Lexicons};
use crate::matcher::{Candidates, PhraseFilter, PhraseSet};
use crate::phrases::PhraseWords;
use crate::rules::{Finding, Rule, RuleInfo};
use crate::sentence::{Context, Sentence};

static INFO: RuleInfo = RuleInfo {
    code: "boilerplate",
    severity: Severity::Major,
    targets: &["en", "de", "fr", "es"],
    summary: "web-page chrome and UI text (\"Share\", \"Split\", \"View photo series\", bylines) in any language or its machine translation",
    explain: r#"## What it does
Flags web-page chrome left in the text of an article: share and print buttons ("Share",
"Teilen", "Partager" — and "Split", the machine translation of German "Teilen"), navigation
("Home page politics" for "Startseite Politik", "To the homepage"), gallery links ("View photo
series" for "Bilderstrecke ansehen"), comment forms ("Leave a Reply", "Your email address will
not be published."), newsletter and cookie prompts, "Advertisement", bylines on a line of
their own ("From: Jane Miller", "Von: Jane Miller") and leaked date labels ("date 2023-11-09").
The phrases come from `lexicons/boilerplate/` (English, German, French, Spanish, Italian,
Portuguese, Dutch, Russian and their literal English translations) plus the configuration's
`boilerplate` list.

The suggestion is the empty string: delete the matched text.

## Why is this bad?
Scraped pages bring their buttons and menus along, and a machine translation turns them into
nonsense ("Split", "Home page politics") inside the body text. A reader sees at once that the
text was copied and machine-translated without an editor.

## Example
```text
date 2023-11-09 Home page politics
From: Jane Miller
Split
The minister visited the harbour on Monday.
```
→
```text
The minister visited the harbour on Monday.
```

## Stays clean
Short UI words only count as a line of their own or trailing a line without final
punctuation: "Shares fell 3 percent.", "They split the bill.", "The comments he made were
widely criticised.", "Subscribe to the idea that …", "By the end of the year, …",
"From Monday, the rules change." all stay clean. "Read the full article here" is reported by
`truncated`, not here.
"#,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Anywhere,
    Byline,
    Date,
}

/// The `boilerplate` rule.
#[derive(Debug)]
pub struct Boilerplate {
    set: PhraseSet<usize>,
    /// The `anywhere` phrases of `set` alone: the only ones that count inside a line.
    anywhere: PhraseFilter,
    /// The forms ([`crate::matcher::forms`]) of the `line` phrases that end with one of
    /// [`FINAL`] ("Loading...").
    line_final: Vec<String>,
    /// Per phrase: kind, the phrase as written, its note.
    phrases: Vec<(Kind, String, String)>,
    /// Lower-case particles allowed inside a byline name ("von", "de", "and").
    particles: Vec<&'static str>,
    /// For plain sentences ([`PhraseWords`]): the rarest word of each `anywhere` phrase (all
    /// its words are words of a sentence it matches), and the first word of each phrase.
    anywhere_words: PhraseWords,
    first_words: PhraseWords,
}

/// What ends a sentence: a `line` phrase followed by one of these is no trailing button.
const FINAL: [char; 8] = ['.', '?', '!', '…', '"', '”', '’', ')'];

const PARTICLES: [&str; 16] = [
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al",
    "ibn", "dos",
];

/// Words joining two authors ("From: Jane Miller and John Smith"); only after a colon, since
/// without one "Von Merkel und Scholz" is a headline.
const CONNECTORS: [&str; 6] = ["and", "und", "et", "y", "e", "en"];

impl Boilerplate {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut phrases = Vec::new();
        let paths: Vec<&str> = lex
            .paths()
            .filter(|p| p.starts_with("boilerplate/"))
            .collect();
        for p in paths {
            for e in lex.entries(p) {
                let mut cols = e.text.split('\t').map(str::trim);
                let phrase = cols.next().unwrap_or_default();
                if phrase.is_empty() {
                    continue;
                }
                let kind = match cols.next().unwrap_or("") {
                    "" | "anywhere" => Kind::Anywhere,
                    "line" => Kind::Line,
                    "byline" => Kind::Byline,
                    "date" => Kind::Date,
                    other => {
                        return Err(LexiconError {
                            file: p.to_string(),
                            line: e.line,
                            message: format!(
                                "unknown kind {other:?} (line, anywhere, byline, date)"
                            ),
                        })
                    }
                };
                let note = cols.next().unwrap_or("").to_string();
                phrases.push((kind, phrase.to_string(), note));
            }
        }
        // "Read also:" also as "Read also :" and with a no-break space (French typography,
        // often kept by machine translation).
        let mut forms: Vec<(String, usize)> = Vec::new();
        for (i, (_, p, _)) in phrases.iter().enumerate() {
            forms.push((p.clone(), i));
            if let Some(stem) = p.strip_suffix(':') {
                let stem = stem.trim_end();
                forms.push((format!("{stem} :"), i));
                forms.push((format!("{stem}\u{a0}:"), i));
                forms.push((format!("{stem}\u{202f}:"), i));
            }
        }
        let set = PhraseSet::new(forms.iter().map(|(p, i)| (p.as_str(), *i)));
        let anywhere = set.filter(
            forms
                .iter()
                .filter(|(_, i)| phrases[*i].0 == Kind::Anywhere)
                .map(|(p, _)| p.as_str()),
        );
        // A phrase is looked for by its rarest word (the least frequent in English, function
        // words the most frequent; then the longest) and its neighbours; at a line's start or
        // end, by its first word.
        let (en, fw) = (lex.words("en"), lex.function_words("en"));
        let rarest = |ws: &[String]| {
            (0..ws.len())
                .min_by_key(|&k| {
                    let w = &ws[k];
                    let count = if fw.contains(w) {
                        u32::MAX
                    } else {
                        en.count(w)
                    };
                    (count, std::cmp::Reverse(w.len()))
                })
                .unwrap_or(0)
        };
        let anywhere_words = PhraseWords::new(
            lex,
            (forms.iter())
                .filter(|(_, i)| phrases[*i].0 == Kind::Anywhere)
                .map(|(p, _)| p.as_str()),
            rarest,
            true,
        );
        let first_words =
            PhraseWords::new(lex, forms.iter().map(|(p, _)| p.as_str()), |_| 0, false);
        let line_final = phrases
            .iter()
            .filter(|(k, p, _)| *k == Kind::Line && p.trim().ends_with(FINAL))
            .flat_map(|(_, p, _)| crate::matcher::forms(p.trim()))
            .collect();
        Ok(Boilerplate {
            set,
            anywhere,
            line_final,
            phrases,
            particles: PARTICLES.to_vec(),
            anywhere_words,
            first_words,
        })
    }

    fn message(&self, i: usize, what: &str) -> String {
        let (_, p, note) = &self.phrases[i];
        if note.is_empty() {
            format!("{what} left in the text: \"{p}\"")
        } else {
            format!("{what} left in the text: \"{p}\" ({note})")
        }
    }

    /// A byline: after the prefix only a short name (1–5 capitalized words, particles,
    /// an agency after a slash or comma), no final full stop.
    fn byline_end(&self, s: &Sentence<'_>, end: usize, colon: bool) -> Option<usize> {
        let rest = &s.text[end..];
        let trimmed = rest.trim_end();
        if trimmed.is_empty()
            || trimmed.ends_with(['.', '?', '!', ':', ';']) && !trimmed.ends_with(" .")
        {
            return None;
        }
        let ws: Vec<&crate::text::Word> = s.words.iter().filter(|w| w.start >= end).collect();
        if ws.is_empty() || ws.len() > 6 {
            return None;
        }
        // Without a colon ("By Jane Miller") the line must hold at least two name words.
        let mut caps = 0;
        for w in &ws {
            let t = w.text(s.text);
            if crate::text::is_capitalized(t) {
                caps += 1;
            } else if !(self.particles.contains(&t) || colon && CONNECTORS.contains(&t)) {
                return None;
            }
        }
        if !crate::text::is_capitalized(ws[0].text(s.text)) || caps < if colon { 1 } else { 2 } {
            return None;
        }
        // Only name-like characters between the words.
        let ok = rest
            .chars()
            .all(|c| c.is_alphanumeric() || " -'’./,&".contains(c) || crate::text::is_mark(c));
        ok.then_some(end + trimmed.len())
    }
}

impl Boilerplate {
    /// False when no `line` phrase can trail the line `t`: a trailing phrase is followed by
    /// nothing but spaces and punctuation other than [`FINAL`], so when `t` ends with a mark
    /// of [`FINAL`], the phrase itself must end `t` ("… Loading...").
    fn may_trail(&self, t: &str) -> bool {
        let t = t.trim_end();
        !t.ends_with(FINAL)
            || self.line_final.iter().any(|f| {
                t.len() >= f.len()
                    && t.as_bytes()[t.len() - f.len()..].eq_ignore_ascii_case(f.as_bytes())
            })
    }
}

/// Length of a date at the start of `t` ("2023-11-09", "9.11.2023", "09/11/2023"), if any.
fn date_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let d1 = digits(0);
    if d1 == 0 || d1 > 4 {
        return None;
    }
    let sep = *b.get(d1)?;
    if !matches!(sep, b'-' | b'.' | b'/') {
        return None;
    }
    let d2 = digits(d1 + 1);
    if d2 == 0 || d2 > 2 || b.get(d1 + 1 + d2) != Some(&sep) {
        return None;
    }
    let d3 = digits(d1 + 2 + d2);
    let ok = (d1 == 4 && d3 <= 2 && d3 > 0) || (d1 <= 2 && (d3 == 4 || d3 == 2));
    ok.then_some(d1 + 2 + d2 + d3)
}

/// German capitalizes every noun: a capitalized word ending a headline is no button.
fn noun_caps(s: &Sentence<'_>, cx: &Context<'_>) -> bool {
    s.lang == "de" || cx.target == "de"
}

/// True when the part of `t` before `i` is only spaces and punctuation.
fn only_punct_before(t: &str, i: usize) -> bool {
    !t[..i].chars().any(char::is_alphanumeric)
}

impl Rule for Boilerplate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// False when no phrase match in `s` can become a finding, without running the automaton
    /// over the sentence ([`PhraseSet::may_match`] tests only where a match could start):
    /// - `anywhere` phrases count anywhere;
    /// - the others only in a sentence that starts or ends a line: bylines and date labels
    ///   with nothing alphanumeric before them, a `line` phrase as the whole line (their first
    ///   letter is the first of the sentence), or a `line` phrase trailing the line (nothing
    ///   alphanumeric after it: its first letter is in the last words; see
    ///   `Boilerplate::may_trail`).
    fn may_fire(&self, s: &Sentence<'_>, cx: &Context<'_>) -> bool {
        let noun_caps = noun_caps(s, cx);
        let t = s.text;
        // A plain sentence (most) without the words a match needs ([`PhraseWords`]): the
        // tests below on the automaton would fail.
        if PhraseWords::plain(s) {
            let n = s.words.len();
            let trailing = || s.line_end && !noun_caps && self.may_trail(t);
            let last = n.saturating_sub(self.set.max_runs())..n;
            if !self.anywhere_words.any(s, 0..n)
                && !((s.line_start || s.line_end)
                    && (self.first_words.any(s, 0..n.min(1))
                        || trailing() && self.first_words.any(s, last)))
            {
                return false;
            }
        }
        let c = Candidates::new(t, s.words);
        if self.anywhere.may_match(&c, 0..=t.len()) {
            return true;
        }
        if !(s.line_start || s.line_end) {
            return false;
        }
        let first = s.words.first().map_or(0, |w| w.start);
        if self.set.may_match(&c, first..=first) {
            return true;
        }
        let trailing = s.line_end && !noun_caps && self.may_trail(t);
        let last = s.words.len().saturating_sub(self.set.max_runs());
        let last = s.words.get(last).map_or(0, |w| w.start);
        trailing && self.set.may_match(&c, last..=t.len())
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let noun_caps = noun_caps(s, cx);
        let t = s.text;
        for (r, &i) in self.set.find(t) {
            let kind = self.phrases[i].0;
            let span = match kind {
                Kind::Anywhere => Some(r.clone()),
                Kind::Line => {
                    let body = t.trim_matches(|c: char| !c.is_alphanumeric());
                    let whole = &t[r.clone()] == body;
                    let after = t[r.end..].trim();
                    // "… confidants Share": at the line end, no final punctuation, the phrase
                    // capitalized as a button and the word before it in lower case.
                    let trailing = !noun_caps
                        && s.line_end
                        && after
                            .chars()
                            .all(|c| !c.is_alphanumeric() && !FINAL.contains(&c))
                        && t[r.clone()].starts_with(char::is_uppercase)
                        && s.words
                            .iter()
                            .rev()
                            .find(|w| w.end <= r.start)
                            .is_some_and(|w| {
                                let p = w.text(t);
                                p.starts_with(char::is_lowercase)
                                    && t[w.end..r.start].trim().is_empty()
                            });
                    (whole && (s.line_start || s.line_end) || trailing).then(|| r.clone())
                }
                Kind::Byline => {
                    if s.line_start && only_punct_before(t, r.start) {
                        let colon = t[r.clone()].ends_with(':');
                        self.byline_end(s, r.end, colon).map(|e| r.start..e)
                    } else {
                        None
                    }
                }
                Kind::Date => {
                    if s.line_start && only_punct_before(t, r.start) {
                        let rest = &t[r.end..];
                        let skip = rest.len() - rest.trim_start_matches([' ', ':', '\u{a0}']).len();
                        date_len(&rest[skip..]).map(|n| r.start..r.end + skip + n)
                    } else {
                        None
                    }
                }
            };
            if let Some(span) = span {
                let what = match kind {
                    Kind::Byline => "byline",
                    Kind::Date => "date label",
                    _ => "web-page chrome",
                };
                out.push(Finding::new(&INFO, span, self.message(i, what)).with_suggestion(""));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    #[test]
    fn ordinary_sentences_with_ui_words_stay_clean() {
        assert_clean(
            "boilerplate",
            &[
                "Shares fell 3 percent on Monday.",
                "They split the bill after dinner.",
                "The comments he made on Tuesday were widely criticised.",
                "Readers who subscribe to the paper get the newsletter free.",
                "By the end of the year, the company had hired 200 people.",
                "From Monday, the new rules apply to all drivers.",
                "By Thursday the talks had collapsed.",
                "The date of the election has not been set.",
                "She opened a photo gallery in Leipzig last spring.",
                "Why the Party Could Split",
                "The court will share its findings with the ministry.",
                "Home secretary Priya Shah said the plan would go ahead.",
                "Print media have lost readers for two decades.",
                "The Advertising Standards Authority upheld the complaint.",
            ],
        );
    }

    #[test]
    fn names_after_by_inside_sentences_stay_clean() {
        assert_clean(
            "boilerplate",
            &[
                "The song was written by Wladimir Klitschko's brother.",
                "Published in 2021, the report by PricewaterhouseCoopers found gaps.",
                "From: the minutes of the meeting, page 4.",
            ],
        );
    }

    #[test]
    fn machine_translated_chrome_fires() {
        let text = "date 2023-11-09 Home page politics\n\nFrom: Jane Miller\n\nSplit\n\nThe minister visited the harbour on Monday.\n";
        let m = matched("boilerplate", text);
        assert!(m.contains(&"date 2023-11-09".to_string()), "{m:?}");
        assert!(m.contains(&"Home page politics".to_string()), "{m:?}");
        assert!(m.contains(&"From: Jane Miller".to_string()), "{m:?}");
        assert!(m.contains(&"Split".to_string()), "{m:?}");
        assert_eq!(m.len(), 4, "{m:?}");
    }

    #[test]
    fn trailing_gallery_link_fires() {
        let m = matched(
            "boilerplate",
            "The mayor's inner circle – the people who run the city View photo series\n",
        );
        assert_eq!(m, vec!["View photo series"]);
        let m = matched(
            "boilerplate",
            "The mayor's inner circle and his many advisers Share\n",
        );
        assert_eq!(m, vec!["Share"]);
    }

    #[test]
    fn comment_form_fires_with_delete_suggestion() {
        let f = findings(
            "boilerplate",
            "en",
            "The talks ended.\n\nComments\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n",
        );
        let m: Vec<&str> = f.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            m,
            vec![
                "Comments",
                "Leave a Reply",
                "Your email address will not be published",
                "Required fields are marked"
            ]
        );
        assert!(f.iter().all(|(_, s)| s.as_deref() == Some("")));
    }

    #[test]
    fn foreign_chrome_fires() {
        assert_eq!(
            matched("boilerplate", "Teilen\n\nThe talks ended.\n"),
            vec!["Teilen"]
        );
        assert_eq!(
            matched("boilerplate", "Lire aussi\n\nThe talks ended.\n"),
            vec!["Lire aussi"]
        );
        assert_eq!(
            matched(
                "boilerplate",
                "Read also : Farmers fear new tariffs\n\nThe talks ended.\n"
            ),
            vec!["Read also :"]
        );
        let de = findings(
            "boilerplate",
            "de",
            "Zur Startseite\n\nVon: Anna Schmidt\n\nDie Gespräche endeten am Montag.\n",
        );
        assert_eq!(de.len(), 2, "{de:?}");
        let de_clean = findings(
            "boilerplate",
            "de",
            "Scholz verteidigt den Haushalt gegen die Kommentare\n",
        );
        assert!(de_clean.is_empty(), "{de_clean:?}");
        let de_clean = findings(
            "boilerplate",
            "de",
            "Die Kommentare des Ministers wurden scharf kritisiert.\n",
        );
        assert!(de_clean.is_empty(), "{de_clean:?}");
    }

    #[test]
    fn literal_translations_of_other_languages_fire() {
        let m = matched(
            "boilerplate",
            "To share\n\nMain page\n\nThe talks ended.\n\nNews on the topic\n",
        );
        assert_eq!(m, vec!["To share", "Main page", "News on the topic"]);
        assert_clean(
            "boilerplate",
            &[
                "The unions want to share the costs.\n",
                "The main page of the report lists the donors.\n",
            ],
        );
    }

    #[test]
    fn standalone_byline_without_colon() {
        assert_eq!(
            matched("boilerplate", "By Jane Miller\n\nThe talks ended.\n"),
            vec!["By Jane Miller"]
        );
        assert!(matched("boilerplate", "By Air\n\nThe talks ended.\n").is_empty());
        assert!(findings(
            "boilerplate",
            "de",
            "Von Merkel und Scholz\n\nDie Gespräche endeten.\n"
        )
        .is_empty());
        let m = matched(
            "boilerplate",
            "From: Jane Miller and John Smith\n\nThe talks ended.\n",
        );
        assert_eq!(m, vec!["From: Jane Miller and John Smith"]);
    }

    #[test]
    fn every_anywhere_phrase_is_found_in_a_plain_sentence() {
        // In any ASCII case, amid words, in a sentence without apostrophes or other
        // characters than ASCII: the words of the phrase are looked for, not the phrase.
        let lex = crate::lexicon::Lexicons::builtin();
        let mut seed = crate::kernels::GOLDEN;
        for p in lex.paths().filter(|p| p.starts_with("boilerplate/")) {
            for e in lex.entries(p) {
                let mut cols = e.text.split('\t').map(str::trim);
                let phrase = cols.next().unwrap_or_default();
                let kind = cols.next().unwrap_or_default();
                if !matches!(kind, "" | "anywhere") || !phrase.is_ascii() || phrase.contains('\'') {
                    continue;
                }
                let cased = crate::rules::testing::mixed_case(phrase, &mut seed);
                let text = format!("The minister said, {cased} and the talks went on today.");
                let found = matched("boilerplate", &text);
                assert!(
                    found.iter().any(|m| m.eq_ignore_ascii_case(phrase)),
                    "{text:?}: {found:?}"
                );
            }
        }
    }
}

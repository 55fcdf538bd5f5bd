//! `credit`: photo credits, caption position codes and agency sign-offs left in body copy
//! ("© Jane Miller/dpa", "Credit: AP/Jane Miller", "(M,l)", "(dpa/AFP/tkr)",
//! "(abc/with material from dpa and AFP)").
//!
//! Agencies (`lexicons/credit/agencies.txt`), labels (`credit/labels.txt`) and the words allowed
//! inside a sign-off (`credit/connectors.txt`) are data. A credit only counts in credit form:
//! after "©" or a label and a colon, as a `Name/Agency` chain ending a line, or as a
//! parenthesised sign-off; "AP reported that …", "according to Reuters" stay clean.

use crate::lexicon::{LexiconError, Lexicons};
use crate::matcher::LazyRegex;
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use regex::Regex;
use rustc_hash::FxHashSet;

static INFO: RuleInfo = RuleInfo {
    code: "credit",
    severity: Severity::Minor,
    targets: &["*"],
    summary: "photo credits, caption codes and agency sign-offs left in body copy (\"© X/dpa\", \"Credit: AP/…\", \"(M,l)\", \"(dpa/AFP/tkr)\")",
    explain: r#"## What it does
Flags the credit lines, caption position codes and agency sign-offs that a copy of a web page
drags into the body text: "© Jane Miller/dpa", "Credit: AP/Jane Miller", "Photo : AFP",
"Foto: dpa", "picture alliance / dpa", German caption codes "(M,l)", "(l.)", "(v.l.)" and
sign-offs such as "(dpa/AFP/tkr)", "(abc/with material from dpa and AFP)" or "(AFP)" ending a
paragraph. The suggestion is the empty string: delete the matched text.

## Why is this bad?
Credits belong under a picture, not in the running text; a machine translation that keeps
them ("with material from") shows that the page was copied wholesale.

## Example
```text
The minister arrives at the airport (M,l). © Jane Miller/dpa
```
→
```text
The minister arrives at the airport.
```

## Stays clean
Agencies as sources inside a sentence: "AP reported that …", "according to Reuters", "an
AP/NORC poll found …", datelines "WASHINGTON (AP) — …"; "the photo was taken in May";
ordinary parentheses "(M&A)", "(l/100 km)", "(R-Texas)".
"#,
};

/// The `credit` rule.
#[derive(Debug)]
pub struct Credit {
    agencies: FxHashSet<String>,
    connectors: FxHashSet<String>,
    /// A label, a colon and a short credit ending the sentence.
    label: LazyRegex,
    /// Kinds of the labels, by lower-case label.
    source_labels: FxHashSet<String>,
    /// `Name/Agency` chain ending the sentence.
    chain: LazyRegex,
    /// Any parenthesised group.
    paren: Regex,
}

const NAME: &str = r"(?:[\p{Lu}][\p{L}\p{M}'’.\-]*|[a-z]{2,}(?:[ \-][a-z]+)?)(?:[ \u{a0}](?:[\p{Lu}][\p{L}\p{M}'’.\-]*|von|van|de|der|del|da|di|du|la|le))*";

/// Bits of the byte kinds a sentence holds: the byte A9 (the second of "©", C2 A9), ":",
/// "/" or "|", "(".
const COPYRIGHT: u8 = 1;
const COLON: u8 = 2;
const SLASH: u8 = 4;
const PAREN: u8 = 8;

/// False when `label` and `chain` cannot match `t`, whose last byte for which `sep` holds is
/// the colon after the label (or the last `/` or `|` of the chain): both regexes run from
/// that separator to the end of the sentence over names ([`NAME`]: letters, marks, `'’.-`
/// and spaces), the separators `/|,`, a final `.`, `)` or `]` and white space. A digit or
/// any other ASCII punctuation after the last separator rules them out; non-ASCII bytes are
/// let through (letters, marks, no-break spaces).
fn name_tail(t: &str, sep: impl Fn(u8) -> bool) -> bool {
    let b = t.as_bytes();
    let Some(last) = b.iter().rposition(|&c| sep(c)) else {
        return false;
    };
    b[last + 1..].iter().all(|&c| {
        !c.is_ascii()
            || c.is_ascii_alphabetic()
            || c.is_ascii_whitespace()
            || matches!(
                c,
                b' ' | b'\'' | b'.' | b'-' | b'/' | b'|' | b',' | b')' | b']' | 0x0B
            )
    })
}

/// Caption position codes (German "Mitte, links, rechts").
const POSITIONS: [&str; 16] = [
    "M", "m", "l", "r", "li", "re", "Mitte", "links", "rechts", "v", "n", "o", "u", "hinten",
    "vorne", "vl",
];

impl Credit {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let agencies: FxHashSet<String> = lex
            .list("credit/agencies.txt")
            .into_iter()
            .map(String::from)
            .collect();
        let connectors = lex
            .list("credit/connectors.txt")
            .into_iter()
            .map(String::from)
            .collect();
        let labels = lex.table("credit/labels.txt", 2)?;
        let source_labels = labels
            .iter()
            .filter(|r| r[1] == "source")
            .map(|r| r[0].to_lowercase())
            .collect();
        let mut lab: Vec<String> = labels.iter().map(|r| regex::escape(r[0])).collect();
        lab.sort_by_key(|l| std::cmp::Reverse(l.len()));
        let label = LazyRegex::new(format!(
            r"(?:^|[\s(\[.;])((?i:{}))[ \u{{a0}}]?:[ \u{{a0}}]*({NAME}(?:[ \u{{a0}}]*[/|,][ \u{{a0}}]*{NAME})*)[ \u{{a0}}]*\.?[)\]]?\s*$",
            lab.join("|")
        ))
        .map_err(|e| LexiconError {
            file: "credit/labels.txt".into(),
            line: 0,
            message: e.to_string(),
        })?;
        let chain = LazyRegex::new(format!(
            r"(?:^|[\s.;:!?])({NAME}(?:[ \u{{a0}}]*[/|][ \u{{a0}}]*{NAME})+)\s*$"
        ))
        .expect("regex");
        let paren = Regex::new(r"\(([^()]{1,80})\)").expect("regex");
        Ok(Credit {
            agencies,
            connectors,
            label,
            source_labels,
            chain,
            paren,
        })
    }

    /// True when a credit part such as "Jane Miller", "dpa" or "AP Photo" names an agency.
    fn has_agency(&self, s: &str) -> bool {
        s.split(['/', '|', ','])
            .map(str::trim)
            .any(|p| self.agencies.contains(p) || p.split(' ').any(|w| self.agencies.contains(w)))
    }

    fn is_position_code(&self, inner: &str, before: &str) -> bool {
        let toks: Vec<&str> = inner
            .split([',', '.', ' '])
            .filter(|t| !t.is_empty())
            .collect();
        if toks.is_empty() || toks.len() > 4 || !toks.iter().all(|t| POSITIONS.contains(t)) {
            return false;
        }
        if !inner
            .chars()
            .all(|c| c.is_alphabetic() || ", .".contains(c))
        {
            return false;
        }
        // A single code needs a name (capitalized word) right before it: "Jane Miller (l.)".
        let prev = before.trim_end();
        let name_before = prev
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        toks.len() >= 2 || inner.contains('.') || name_before && toks[0] != "m"
    }

    /// "(dpa)", "(dpa/AFP/tkr)", "(abc/with material from dpa and AFP)".
    fn is_signoff(&self, inner: &str, at_edge: bool) -> bool {
        let mut agencies = 0;
        let mut initials = 0;
        let mut connectors = 0;
        for part in inner.split('/').map(str::trim) {
            if part.is_empty() {
                return false;
            }
            if self.agencies.contains(part) {
                agencies += 1;
                continue;
            }
            if part.len() <= 4
                && part.chars().all(|c| c.is_ascii_lowercase())
                && inner.contains('/')
            {
                initials += 1;
                continue;
            }
            for w in part.split([' ', ',']).filter(|w| !w.is_empty()) {
                if self.agencies.contains(w) {
                    agencies += 1;
                } else if self.connectors.contains(w) {
                    connectors += 1;
                } else {
                    return false;
                }
            }
        }
        agencies > 0 && (at_edge || initials > 0 || connectors > 0)
    }
}

impl Rule for Credit {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
        let t = s.text;
        let mut push = |span: std::ops::Range<usize>, msg: &str| {
            out.push(Finding::new(&INFO, span, msg).with_suggestion(""));
        };
        let mut covered = usize::MAX;
        // Which of the characters the checks start from occur, in one pass over the bytes
        // (© is C2 A9; the others are ASCII).
        let kinds = crate::matcher::byte_classes(t.as_bytes(), |c| {
            ((c == 0xA9) as u8 * COPYRIGHT)
                | ((c == b':') as u8 * COLON)
                | (((c == b'/') | (c == b'|')) as u8 * SLASH)
                | ((c == b'(') as u8 * PAREN)
        });
        // "©" after a letter is mojibake ("RenÃ©"), not a credit.
        let copyright = if kinds & COPYRIGHT == 0 {
            None
        } else {
            t.match_indices('©').map(|(i, _)| i).find(|&i| {
                !t[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
        };
        if let Some(i) = copyright {
            let tail = t[i..].trim_end();
            if tail.len() <= 100 {
                covered = i;
                push(i..i + tail.len(), "copyright credit left in the text");
            }
        }
        if kinds & COLON != 0 && covered == usize::MAX && name_tail(t, |c| c == b':') {
            if let Some(c) = self.label.get().and_then(|re| re.captures(t)) {
                let (l, body) = (c.get(1).expect("group"), c.get(2).expect("group"));
                let is_source = self.source_labels.contains(&l.as_str().to_lowercase());
                let ok = body.as_str().len() <= 60
                    && (self.has_agency(body.as_str())
                        || !is_source && body.as_str().starts_with(char::is_uppercase)
                        || body.as_str().contains('/'));
                if ok {
                    covered = l.start();
                    push(
                        l.start()..t.trim_end().len(),
                        "photo credit left in the text",
                    );
                }
            }
        }
        if covered == usize::MAX
            && kinds & SLASH != 0
            && !t.trim_end().ends_with(['.', '!', '?', '"', '”'])
            && name_tail(t, |c| c == b'/' || c == b'|')
        {
            if let Some(c) = self.chain.get().and_then(|re| re.captures(t)) {
                let m = c.get(1).expect("group");
                if self.has_agency(m.as_str()) && m.as_str().len() <= 80 {
                    covered = m.start();
                    push(m.start()..m.end(), "photo credit left in the text");
                }
            }
        }
        // A line ending on an agency alone ("… on Monday. Getty Images").
        if covered == usize::MAX && s.line_end && !s.line_start {
            let body = t.trim().trim_end_matches('.');
            if body.len() <= 40
                && body
                    .split(['/', '|', ','])
                    .all(|p| self.agencies.contains(p.trim()))
            {
                let start = t.len() - t.trim_start().len();
                covered = start;
                push(start..start + body.len(), "photo credit left in the text");
            }
        }
        if kinds & PAREN != 0 {
            let body_end = t.trim_end().len();
            for c in self.paren.captures_iter(t) {
                let m = c.get(0).expect("group");
                if m.start() >= covered {
                    break;
                }
                let inner = c.get(1).expect("group").as_str();
                if self.is_position_code(inner, &t[..m.start()]) {
                    push(m.range(), "caption position code left in the text");
                    continue;
                }
                let after = t[m.end()..body_end]
                    .trim_matches(|c: char| c.is_whitespace() || ".".contains(c));
                let at_end = after.is_empty() && (s.line_end || s.paragraph_end);
                let at_start = s.line_start && t[..m.start()].trim().is_empty();
                if self.is_signoff(inner, at_end || at_start) {
                    push(m.range(), "agency sign-off left in the text");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings, matched};

    #[test]
    fn agencies_as_sources_stay_clean() {
        assert_clean(
            "credit",
            &[
                "AP reported that the talks had failed.",
                "The figures were confirmed, according to Reuters.",
                "An AP/NORC poll found that most voters disagree.",
                "WASHINGTON (AP) — The Senate passed the bill on Friday.",
                "The photo was taken in May by a tourist.",
                "Source: the ministry said the number was rising.",
                "The deal boosted mergers and acquisitions (M&A) activity.",
                "The car uses 4.5 litres (l/100 km) on the motorway.",
                "Senator Ted Cruz (R-Texas) opposed the measure.",
                "Getty Images, the photo agency, said it would appeal.",
                "He sold the rights to Getty Images in 2019.",
                "The price was 3 euros (m) per unit.",
                "They cheered (loudly) when the results came in.",
                "The lawyer, Dr. RenÃ© Albrecht, rejected the allegations.",
            ],
        );
    }

    #[test]
    fn credits_fire() {
        assert_eq!(
            matched(
                "credit",
                "The minister greets his guest at the airport. © Jane Miller/dpa\n"
            ),
            vec!["© Jane Miller/dpa"]
        );
        assert_eq!(
            matched("credit", "The ministers attend a ceremony in the capital on Thursday. Credit: AP/Jane Miller\n"),
            vec!["Credit: AP/Jane Miller"]
        );
        assert_eq!(
            matched("credit", "Le ministre à Paris. Photo : AFP\n"),
            vec!["Photo : AFP"]
        );
        assert_eq!(matched("credit", "Foto: dpa\n"), vec!["Foto: dpa"]);
        assert_eq!(
            matched(
                "credit",
                "The minister at the airport on Monday. Getty Images\n"
            ),
            vec!["Getty Images"]
        );
        assert!(matched("credit", "Reuters\n\nThe talks ended.\n").is_empty());
        assert_eq!(
            matched(
                "credit",
                "The minister at the airport. picture alliance / dpa / Jane Miller\n"
            ),
            vec!["picture alliance / dpa / Jane Miller"]
        );
    }

    #[test]
    fn caption_codes_fire() {
        assert_eq!(
            matched(
                "credit",
                "John Smith (M,l), President of the club, talks to Anna Berg.\n"
            ),
            vec!["(M,l)"]
        );
        assert_eq!(
            matched("credit", "Anna Berg (r.) and John Smith shake hands.\n"),
            vec!["(r.)"]
        );
    }

    #[test]
    fn signoffs_fire() {
        assert_eq!(
            matched(
                "credit",
                "The meeting is planned for next month.\n\n(abc/with material from dpa and AFP)"
            ),
            vec!["(abc/with material from dpa and AFP)"]
        );
        assert_eq!(
            matched(
                "credit",
                "The meeting is planned for next month. (dpa/AFP/tkr)\n"
            ),
            vec!["(dpa/AFP/tkr)"]
        );
        assert_eq!(
            matched("credit", "The meeting is planned for next month (AFP).\n"),
            vec!["(AFP)"]
        );
        let de = findings(
            "credit",
            "de",
            "Das Treffen ist für nächsten Monat geplant. (dpa)\n",
        );
        assert_eq!(de.len(), 1, "{de:?}");
    }
}

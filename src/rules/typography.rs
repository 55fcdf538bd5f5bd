//! `typography`: conventions of the source language's typesetting left in the target text —
//! quotation marks, decimal and thousands separators, date and spacing conventions.
//!
//! The checks depend on the target:
//! - English: German quotes „…“ ‚…‘, guillemets « » ‹ ›, a decimal comma ("3,8 percent"; a
//!   comma before exactly three digits is a thousands separator and stays clean), a German date
//!   ("14. February", "9. November"; month names from `calendar/<lang>.tsv`), thousands grouped
//!   with spaces ("80 000"), a space before ? ! : ; (French spacing), "n°".
//! - German: English opening quotes “ at the start of a word, guillemets with French spacing
//!   ("« Wort »"), a decimal point before a unit ("3.8 Prozent"; dates, times and versions stay
//!   clean), English thousands separators in numbers of several groups ("1,200,000").
//! - French (lenient, French typography varies): English quotes “…” and a decimal point before a
//!   unit ("3.8 %").
//! - Spanish: German quotes, guillemets with French spacing, a space before ? ! : ;. English
//!   quotes and decimal points are correct in Spanish of some countries and are not flagged.

use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

static INFO: RuleInfo = RuleInfo {
    code: "typography",
    severity: Severity::Minor,
    targets: &["en", "de", "fr", "es"],
    summary: "source-locale typography: „German quotes“, « guillemets », decimal comma, \"14. February\", \"80 000\", space before \"?\"",
    explain: r#"## What it does
Flags typographic conventions of the source language that a translation kept, and suggests
the target's form. In English text:
- German quotation marks „…“ and ‚…‘, French guillemets « » and ‹ › → “…” and ‘…’;
- a decimal comma: "3,8 percent" → "3.8 percent";
- a German date: "14. February" → "14 February";
- thousands grouped with spaces: "80 000 barrels" → "80,000 barrels";
- a space before ? ! : ; (French spacing): "Why ?" → "Why?";
- "n° 5" → "No. 5".

In German text: English quotes “…” → „…“, "« Wort »" → »Wort«, "3.8 Prozent" → "3,8 Prozent",
"1,200,000" → "1.200.000". In French text (leniently): English quotes “…” → « … » and
"3.8 %" → "3,8 %". In Spanish text: German quotes and French spacing.

## Why is this bad?
These are the fingerprints of an unedited translation: a reader of English stumbles over
„quotes“ or reads "3,8 percent" as a list of two numbers, or "1,200" in German as 1.2.

## Example
```
Trade rose by 3,8 percent to 80 000 barrels a day, Tokayev said on 14. February.
```
→ "Trade rose by 3.8 percent to 80,000 barrels a day, Tokayev said on 14 February."

## Stays clean
- Thousands separators: "1,200", "27,000", "$1,200.50".
- Scores and times: "won 5 : 3", "at 10:30", ratios "2:1".
- German dates, times and versions in German text: "9.11.2023", "10.30 Uhr", "Web 2.0".
- English quotes in Spanish; French spacing in French; Spanish decimal points.
- Emoticons and URLs: "see :)", "https://example.org".
"#,
};

/// Which checks run for a target.
#[derive(Debug, Clone, Copy)]
struct Checks {
    low_quotes: bool,
    guillemets_any: bool,
    guillemets_spaced: bool,
    english_quotes: Option<(&'static str, &'static str)>,
    decimal_comma: bool,
    decimal_point: bool,
    german_date: bool,
    space_groups: bool,
    /// Thousands separator of the target for English-style "1,200,000", if it is flagged.
    comma_groups: Option<&'static str>,
    /// US dates "2/14/2024" (month first) are flagged.
    us_dates: bool,
    /// Spanish ¿ ¡ are flagged.
    inverted_marks: bool,
    french_spacing: bool,
    numero: bool,
}

/// No check.
const NONE: Checks = Checks {
    low_quotes: false,
    guillemets_any: false,
    guillemets_spaced: false,
    english_quotes: None,
    decimal_comma: false,
    decimal_point: false,
    german_date: false,
    space_groups: false,
    comma_groups: None,
    us_dates: false,
    inverted_marks: false,
    french_spacing: false,
    numero: false,
};

fn checks(target: &str) -> Option<Checks> {
    // (Constants: nothing is built per sentence.)
    const EN: Checks = Checks {
        low_quotes: true,
        guillemets_any: true,
        decimal_comma: true,
        german_date: true,
        space_groups: true,
        french_spacing: true,
        numero: true,
        inverted_marks: true,
        ..NONE
    };
    const DE: Checks = Checks {
        guillemets_spaced: true,
        english_quotes: Some(("„", "“")),
        decimal_point: true,
        comma_groups: Some("."),
        us_dates: true,
        ..NONE
    };
    const FR: Checks = Checks {
        english_quotes: Some(("«\u{A0}", "\u{A0}»")),
        decimal_point: true,
        comma_groups: Some("\u{202F}"),
        us_dates: true,
        ..NONE
    };
    const ES: Checks = Checks {
        low_quotes: true,
        guillemets_spaced: true,
        french_spacing: true,
        us_dates: true,
        ..NONE
    };
    Some(match target {
        "en" => EN,
        "de" => DE,
        "fr" => FR,
        "es" => ES,
        _ => return None,
    })
}

/// The `typography` rule.
#[derive(Debug)]
pub struct Typography {
    /// Month names (English and German forms, lower case) → the English month name.
    months: FxHashMap<String, String>,
    /// Unit words per target language, lower case.
    units: FxHashMap<String, FxHashSet<String>>,
}

impl Typography {
    /// Builds the rule from the lexicons.
    pub fn new(lex: &Lexicons) -> Result<Self, LexiconError> {
        let mut english: FxHashMap<u32, String> = FxHashMap::default();
        let en = lex.table("calendar/en.tsv", 3)?;
        for row in &en {
            if row[1] != "month" {
                continue;
            }
            let i: u32 = row[2].parse().unwrap_or(0);
            let e = english.entry(i).or_default();
            if row[0].chars().count() > e.chars().count() {
                *e = row[0].to_string();
            }
        }
        let mut months = FxHashMap::default();
        for lang in ["en", "de"] {
            for row in lex.table(&format!("calendar/{lang}.tsv"), 3)? {
                if row[1] != "month" || row[0].ends_with('.') {
                    continue;
                }
                let i: u32 = row[2].parse().unwrap_or(0);
                if let Some(e) = english.get(&i) {
                    months.insert(row[0].to_lowercase(), e.clone());
                }
            }
        }
        let mut units: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        for row in lex.table("typography/units.tsv", 2)? {
            units
                .entry(row[0].to_string())
                .or_default()
                .insert(row[1].to_lowercase());
        }
        Ok(Typography { months, units })
    }
}

/// A number as written: runs of ASCII digits (groups) joined by single separators. What the
/// checks read of its groups and separators is summed up while scanning, without storing them.
#[derive(Debug, Clone)]
struct Num {
    span: Range<usize>,
    /// The first group.
    first: Range<usize>,
    /// The second group (empty when there is one group).
    second: Range<usize>,
    /// Number of separators.
    seps: usize,
    /// The first separator (`'\0'` when there is none).
    first_sep: char,
    /// Every separator is a comma (true when there is none).
    all_comma: bool,
    /// Every separator is a space (true when there is none).
    all_space: bool,
    /// Every group after the first has three digits (true when there is one group).
    rest_three: bool,
}

impl Num {
    /// The groups joined by `sep` ("80 000" → "80,000"): every character of the number that
    /// is not a digit is a separator.
    fn join(&self, text: &str, sep: &str) -> String {
        let mut out = String::with_capacity(self.span.len() + sep.len() * self.seps);
        for c in text[self.span.clone()].chars() {
            if c.is_ascii_digit() {
                out.push(c);
            } else {
                out.push_str(sep);
            }
        }
        out
    }
}

fn is_space_sep(c: char) -> bool {
    c == ' ' || c == '\u{A0}' || c == '\u{202F}'
}

/// Every number of `text`, left to right: runs of ASCII digits joined by single `,` `.` or
/// spaces.
fn numbers(text: &str) -> impl Iterator<Item = Num> + '_ {
    let b = text.as_bytes();
    let mut digits = crate::matcher::byte_positions(b, |c| c.wrapping_sub(b'0') < 10);
    let mut i = 0;
    std::iter::from_fn(move || {
        // The first digit after the previous number.
        i = digits.find(|&d| d >= i)?;
        let start = i;
        let mut n = Num {
            span: start..start,
            first: start..start,
            second: start..start,
            seps: 0,
            first_sep: '\0',
            all_comma: true,
            all_space: true,
            rest_three: true,
        };
        let mut g = i;
        loop {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            match n.seps {
                0 => n.first = g..i,
                1 => n.second = g..i,
                _ => {}
            }
            if n.seps > 0 {
                n.rest_three &= i - g == 3;
            }
            // A separator followed by a digit continues the number.
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !(c == ',' || c == '.' || is_space_sep(c)) {
                break;
            }
            let next = i + c.len_utf8();
            if next < b.len() && b[next].is_ascii_digit() {
                if n.seps == 0 {
                    n.first_sep = c;
                }
                n.seps += 1;
                n.all_comma &= c == ',';
                n.all_space &= is_space_sep(c);
                i = next;
                g = i;
            } else {
                break;
            }
        }
        n.span = start..i;
        Some(n)
    })
}

/// The word after byte `end` (skipping spaces), and whether `%` directly follows.
fn next_word(text: &str, end: usize) -> &str {
    let rest = text[end..].trim_start_matches(is_space_sep);
    if rest.starts_with('%') {
        return "%";
    }
    let e = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..e]
}

impl Typography {
    fn numbers(&self, s: &Sentence<'_>, target: &str, ck: Checks, out: &mut Vec<Finding>) {
        let text = s.text;
        let mut prev_end: Option<usize> = None;
        for n in numbers(text) {
            // A number right after another one ("in 2019 100 people"): a list, not a group.
            let prev = prev_end.replace(n.span.end);
            // The conditions on the number itself of each finding below (the tests in
            // between only skip it): most numbers ("2024", "5") meet none.
            let (first_len, second_len) = (n.first.len(), n.second.len());
            let may_report =
                (ck.decimal_comma && n.seps == 1 && n.first_sep == ',' && second_len != 3)
                    || (ck.space_groups && n.all_space && n.seps > 0 && n.rest_three)
                    || (ck.decimal_point
                        && n.seps == 1
                        && n.first_sep == '.'
                        && (1..=2).contains(&second_len))
                    || (ck.comma_groups.is_some() && n.all_comma && n.rest_three && n.seps >= 1)
                    || (ck.german_date
                        && n.seps == 0
                        && first_len <= 2
                        && text[n.span.end..].starts_with(". "));
            if !may_report {
                continue;
            }
            let prev_is_number = prev.is_some_and(|e| text[e..n.span.start].trim().is_empty());
            let before = text[..n.span.start].chars().next_back();
            // Part of a code, an identifier or a longer construction ("A1,2", "v2.5.1").
            if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',' || c == '_') {
                continue;
            }
            let after = text[n.span.end..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric() && !c.is_alphabetic()) {
                continue;
            }
            let num = &text[n.span.clone()];
            let first = &text[n.first.clone()];
            let second = &text[n.second.clone()];
            // A pair in brackets ("[1,1]", "(0,5)") is coordinates or a vector.
            let bracketed = before.is_some_and(|c| matches!(c, '[' | '(' | '{'))
                && after.is_some_and(|c| matches!(c, ']' | ')' | '}'));
            if ck.decimal_comma
                && !bracketed
                && n.seps == 1
                && n.first_sep == ','
                && second.len() != 3
            {
                let fixed = num.replace(',', ".");
                out.push(
                    Finding::new(
                        &INFO,
                        n.span.clone(),
                        "decimal comma: English writes a decimal point",
                    )
                    .with_suggestion(fixed),
                );
                continue;
            }
            if ck.space_groups
                && !prev_is_number
                && n.all_space
                && n.seps > 0
                && (1..=3).contains(&first.len())
                && !first.starts_with('0')
                && n.rest_three
                // Not a compound ("4 100-metre") nor followed by a decimal part.
                && !after.is_some_and(|c| c == '-' || c == ',' && text[n.span.end + 1..].starts_with(|d: char| d.is_ascii_digit()))
            {
                out.push(
                    Finding::new(
                        &INFO,
                        n.span.clone(),
                        "thousands grouped with spaces: English uses commas",
                    )
                    .with_suggestion(n.join(text, ",")),
                );
                continue;
            }
            if ck.decimal_point
                && n.seps == 1
                && n.first_sep == '.'
                && (1..=2).contains(&second.len())
            {
                let unit = next_word(text, n.span.end).to_lowercase();
                if self.units.get(target).is_some_and(|u| u.contains(&unit)) {
                    out.push(
                        Finding::new(
                            &INFO,
                            n.span.clone(),
                            "decimal point: this language writes a decimal comma",
                        )
                        .with_suggestion(num.replace('.', ",")),
                    );
                    continue;
                }
            }
            // "1,200,000", or "1,200" / "27,000": a decimal comma is not followed by three
            // digits ending in "00" (nobody writes 1,200 for 1.2).
            let english_groups = n.all_comma
                && n.rest_three
                && (n.seps >= 2 || (n.seps == 1 && first != "0" && second.ends_with("00")));
            if let Some(sep) = ck.comma_groups.filter(|_| english_groups) {
                out.push(
                    Finding::new(
                        &INFO,
                        n.span.clone(),
                        "English thousands separators: this language groups thousands otherwise",
                    )
                    .with_suggestion(n.join(text, sep)),
                );
                continue;
            }
            if ck.german_date && n.seps == 0 && first.len() <= 2 {
                let day: u32 = first.parse().unwrap_or(0);
                let rest = &text[n.span.end..];
                if (1..=31).contains(&day) && rest.starts_with(". ") {
                    let w = next_word(text, n.span.end + 1);
                    if let Some(m) = self.months.get(&w.to_lowercase()) {
                        if crate::text::is_capitalized(w) {
                            let end = n.span.end + 2 + w.len();
                            out.push(
                                Finding::new(
                                    &INFO,
                                    n.span.start..end,
                                    "German date: English writes no point after the day",
                                )
                                .with_suggestion(format!("{day} {m}")),
                            );
                        }
                    }
                }
            }
        }
    }

    /// "14. February" split by the sentence splitter after "14.": the sentence ends with a day
    /// number and a point, and the next one, on the same line, starts with a month name.
    fn split_date(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = s.text;
        let Some(body) = text.strip_suffix('.') else {
            return;
        };
        let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&digits) || s.line_end {
            return;
        }
        let start = body.len() - digits;
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && c != '(')
        {
            return;
        }
        let day: u32 = body[start..].parse().unwrap_or(0);
        let Some(next) = cx.sentences.get(s.index + 1) else {
            return;
        };
        let w = next.words.first().map_or("", |w| w.text(next.text));
        if !(1..=31).contains(&day) || !crate::text::is_capitalized(w) || !next.text.starts_with(w)
        {
            return;
        }
        if let Some(m) = self.months.get(&w.to_lowercase()) {
            out.push(
                Finding::new(
                    &INFO,
                    start..text.len(),
                    format!("German date \"{day}. {w}\": English writes \"{day} {m}\""),
                )
                .with_suggestion(day.to_string()),
            );
        }
    }

    /// "2/14/2024": a US date (month first, day above 12) in a language that puts the day first.
    fn us_dates(&self, s: &Sentence<'_>, target: &str, out: &mut Vec<Finding>) {
        let sep = if target == "de" { '.' } else { '/' };
        let text = s.text;
        if !text.contains('/') {
            return;
        }
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit()
                || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/'))
            {
                i += 1;
                continue;
            }
            let field = |k: usize| {
                let e = (k..b.len())
                    .find(|&e| !b[e].is_ascii_digit())
                    .unwrap_or(b.len());
                (e, &text[k..e])
            };
            let (e1, m) = field(i);
            if !(e1 < b.len() && b[e1] == b'/' && m.len() <= 2) {
                i = e1.max(i + 1);
                continue;
            }
            let (e2, d) = field(e1 + 1);
            if !(e2 < b.len() && b[e2] == b'/' && (1..=2).contains(&d.len())) {
                i = e2.max(i + 1);
                continue;
            }
            let (e3, y) = field(e2 + 1);
            let after_ok = e3 >= b.len() || !(b[e3].is_ascii_alphanumeric() || b[e3] == b'/');
            let (mv, dv): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
            if y.len() == 4 && after_ok && (1..=12).contains(&mv) && (13..=31).contains(&dv) {
                out.push(
                    Finding::new(
                        &INFO,
                        i..e3,
                        "US date (month first): this language puts the day first",
                    )
                    .with_suggestion(format!("{dv}{sep}{mv}{sep}{y}")),
                );
            }
            i = e3.max(i + 1);
        }
    }

    fn quotes(&self, s: &Sentence<'_>, ck: Checks, out: &mut Vec<Finding>) {
        let text = s.text;
        if text.is_ascii() {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            let prev = i.checked_sub(1).map(|k| chars[k].1);
            let next = chars.get(i + 1).map(|&(_, n)| n);
            match c {
                '„' | '‚' if ck.low_quotes => {
                    let (close, en_open, en_close) = if c == '„' {
                        ('“', '“', '”')
                    } else {
                        ('‘', '‘', '’')
                    };
                    if let Some(j) = (i + 1..chars.len())
                        .find(|&j| chars[j].1 == close || chars[j].1 == '”' && c == '„')
                    {
                        let end = chars[j].0 + chars[j].1.len_utf8();
                        let inner = &text[b + c.len_utf8()..chars[j].0];
                        out.push(
                            Finding::new(&INFO, b..end, "German quotation marks")
                                .with_suggestion(format!("{en_open}{inner}{en_close}")),
                        );
                        i = j + 1;
                        continue;
                    }
                    // ‚ alone is as often a misplaced comma: only „ is flagged unpaired.
                    if c == '„' {
                        out.push(
                            Finding::new(
                                &INFO,
                                b..b + c.len_utf8(),
                                "German opening quotation mark",
                            )
                            .with_suggestion("“"),
                        );
                    }
                }
                '«' | '‹'
                    if ck.guillemets_any
                        || (ck.guillemets_spaced
                            && next.is_some_and(is_space_sep)
                            && prev.is_none_or(|p| p.is_whitespace() || p == '(')) =>
                {
                    let close = if c == '«' { '»' } else { '›' };
                    let (o, cl) = if c == '«' {
                        ('“', '”')
                    } else {
                        ('‘', '’')
                    };
                    if let Some(j) = (i + 1..chars.len()).find(|&j| chars[j].1 == close) {
                        let end = chars[j].0 + chars[j].1.len_utf8();
                        let inner = text[b + c.len_utf8()..chars[j].0].trim_matches(is_space_sep);
                        let sugg = if ck.guillemets_any {
                            format!("{o}{inner}{cl}")
                        } else if ck.english_quotes == Some(("„", "“")) {
                            format!("»{inner}«")
                        } else {
                            format!("«{inner}»")
                        };
                        let msg = if ck.guillemets_any {
                            "guillemets"
                        } else {
                            "guillemets with French spacing"
                        };
                        out.push(Finding::new(&INFO, b..end, msg).with_suggestion(sugg));
                        i = j + 1;
                        continue;
                    }
                    out.push(
                        Finding::new(&INFO, b..b + c.len_utf8(), "guillemet")
                            .with_suggestion(o.to_string()),
                    );
                }
                '“' if ck.english_quotes.is_some()
                    && prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == '[')
                    && next.is_some_and(char::is_alphanumeric) =>
                {
                    let (o, cl) = ck.english_quotes.unwrap_or(("„", "“"));
                    if let Some(j) = (i + 1..chars.len()).find(|&j| chars[j].1 == '”') {
                        let end = chars[j].0 + chars[j].1.len_utf8();
                        let inner = &text[b + c.len_utf8()..chars[j].0];
                        out.push(
                            Finding::new(&INFO, b..end, "English quotation marks")
                                .with_suggestion(format!("{o}{inner}{cl}")),
                        );
                        i = j + 1;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// French spacing before ? ! : ;, Spanish ¿ ¡ and "n°". Only the bytes that can start a
    /// finding are visited: ? ! : ; and the lead byte C2 of ¿ ¡ ° (U+00BF, U+00A1, U+00B0).
    /// "n°" is reported when its "°" is reached: the "n" before it starts no other finding,
    /// so the findings keep their left-to-right order.
    fn spacing(&self, s: &Sentence<'_>, ck: Checks, out: &mut Vec<Finding>) {
        let text = s.text;
        let b = text.as_bytes();
        let (punct, c2) = (ck.french_spacing, ck.inverted_marks || ck.numero);
        let starts = crate::matcher::byte_positions(b, |c| {
            (punct & ((c == b'?') | (c == b'!') | (c == b':') | (c == b';'))) | (c2 & (c == 0xC2))
        });
        for i in starts {
            let byte = b[i];
            let c = match byte {
                b'?' | b'!' | b':' | b';' if ck.french_spacing => byte as char,
                0xC2 if ck.inverted_marks || ck.numero => match b.get(i + 1) {
                    Some(0xBF) => '¿',
                    Some(0xA1) => '¡',
                    Some(0xB0) => '°',
                    _ => continue,
                },
                _ => continue,
            };
            if ck.french_spacing && matches!(c, '?' | '!' | ':' | ';') && i > 1 {
                let before = &text[..i];
                let trimmed = before.trim_end_matches(is_space_sep);
                if trimmed.len() == before.len() || trimmed.is_empty() {
                    continue;
                }
                let p = trimmed.chars().next_back().unwrap_or(' ');
                // A word or a closing quote before the space: French spacing. Not "5 : 3"
                // (scores), " :)" (emoticons), " ... ?" or a mark opening a list line.
                // A digit counts before ? and ! ("in 2028 !"), not before : and ; ("5 : 3").
                let digit = p.is_ascii_digit() && matches!(c, '?' | '!');
                if !(digit || p.is_alphabetic() || matches!(p, '"' | '”' | '»' | ')' | '’')) {
                    continue;
                }
                let after = text[i + 1..].chars().next();
                let closing = |a: char| {
                    matches!(a, '"' | '”' | '»')
                        || (matches!(c, '?' | '!') && matches!(a, '?' | '!' | ')'))
                };
                if after.is_some_and(|a| !a.is_whitespace() && !closing(a)) {
                    continue;
                }
                out.push(
                    Finding::new(
                        &INFO,
                        trimmed.len()..i + 1,
                        format!("space before {c:?} (French spacing)"),
                    )
                    .with_suggestion(c.to_string()),
                );
            }
            if ck.inverted_marks && (c == '¿' || c == '¡') {
                out.push(
                    Finding::new(
                        &INFO,
                        i..i + c.len_utf8(),
                        format!("Spanish {c:?}: English has no inverted marks"),
                    )
                    .with_suggestion(""),
                );
            }
            // "n°": the "n" is the byte before the "°".
            if ck.numero && c == '°' && i > 0 && matches!(b[i - 1], b'n' | b'N') {
                let i = i - 1;
                let word_start = i == 0
                    || !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                let rest = text[i + 1 + '°'.len_utf8()..].trim_start_matches(is_space_sep);
                if word_start && rest.starts_with(|d: char| d.is_ascii_digit()) {
                    let end = i + 1 + '°'.len_utf8();
                    out.push(
                        Finding::new(&INFO, i..end, "\"n°\": English writes \"No.\"")
                            .with_suggestion("No."),
                    );
                }
            }
        }
    }
}

/// Kinds of bytes a sentence holds (bits of [`byte_kinds`]).
const DIGIT: u8 = 1;
/// ! and 0x3A–0x3F, which include ? : ;
const PUNCT: u8 = 2;
/// The lead byte C2 of ¿ ¡ ° (U+00BF, U+00A1, U+00B0), where `spacing` looks besides ? ! : ;.
const C2: u8 = 4;
/// A byte of a non-ASCII character (« ¿ ¡ ° „ ‚ “ ‹ are all non-ASCII): its high bit.
const NON_ASCII: u8 = 0x80;

/// Which of the bytes the checks look for occur in `t`, in one vectorized pass. The classes
/// are wide (a range is as cheap to test as one byte) and the checks look again at the
/// exact bytes they need.
fn byte_kinds(t: &[u8]) -> u8 {
    crate::matcher::byte_classes(t, |c| {
        (u8::from(c.wrapping_sub(b'0') < 10) * DIGIT)
            | (u8::from((c.wrapping_sub(0x3A) < 6) | (c == b'!')) * PUNCT)
            | (u8::from(c == 0xC2) * C2)
            | (c & NON_ASCII)
    })
}

/// True when `t` holds a quotation mark [`Typography::quotes`] acts on for these checks:
/// „ ‚ (U+201E, U+201A: E2 80 9E, 9A) for `low_quotes`, « ‹ (U+00AB, U+2039: C2 AB,
/// E2 80 B9) for guillemets, “ (U+201C: E2 80 9C) for `english_quotes`. Every arm of `quotes`
/// starts at one of them and is guarded by its check.
fn has_quotes(t: &[u8], ck: Checks) -> bool {
    let guillemets = ck.guillemets_any || ck.guillemets_spaced;
    let english = ck.english_quotes.is_some();
    let at = |i: usize| t.get(i).copied().unwrap_or(0);
    let mut leads = crate::matcher::byte_positions(t, |c| (c == 0xC2) | (c == 0xE2));
    leads.any(|i| match t[i] {
        0xC2 => guillemets && at(i + 1) == 0xAB,
        0xE2 if at(i + 1) == 0x80 => match at(i + 2) {
            0x9E | 0x9A => ck.low_quotes,
            0xB9 => guillemets,
            0x9C => english,
            _ => false,
        },
        _ => false,
    })
}

impl Rule for Typography {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(ck) = checks(cx.target) else {
            return;
        };
        // A sentence in another language (a quotation left in the original) keeps its own
        // typography: wrong-language reports it.
        if s.lang_detected && s.lang != cx.target {
            return;
        }
        // Each check needs certain bytes (numbers and dates a digit, US dates a slash, quotes
        // and marks their non-ASCII lead bytes, French spacing ? ! : ;): one pass over the
        // bytes rules out the checks that cannot fire.
        let kinds = byte_kinds(s.text.as_bytes());
        if kinds & DIGIT != 0 {
            self.numbers(s, cx.target, ck, out);
            if ck.german_date {
                self.split_date(s, cx, out);
            }
            if ck.us_dates {
                self.us_dates(s, cx.target, out);
            }
        }
        if kinds & NON_ASCII != 0 && has_quotes(s.text.as_bytes(), ck) {
            self.quotes(s, ck, out);
        }
        let spacing = (ck.french_spacing && kinds & PUNCT != 0)
            || ((ck.inverted_marks || ck.numero) && kinds & C2 != 0);
        if spacing {
            self.spacing(s, ck, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, findings};

    const CODE: &str = "typography";

    fn f(target: &'static str, text: &str) -> Vec<(String, String)> {
        findings(CODE, target, text)
            .into_iter()
            .map(|(m, s)| (m, s.unwrap_or_default()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn english_decimal_comma_and_space_groups() {
        assert_eq!(
            f(
                "en",
                "Trade rose by 3,8 percent to 2,65 billion euros and 80 000 barrels a day."
            ),
            vec![
                pair("3,8", "3.8"),
                pair("2,65", "2.65"),
                pair("80 000", "80,000")
            ]
        );
        assert_eq!(
            f("en", "About 1\u{202F}200\u{202F}000 people voted."),
            vec![pair("1\u{202F}200\u{202F}000", "1,200,000")]
        );
    }

    #[test]
    fn english_german_dates() {
        // The sentence splitter may cut after "14.": then "14." is flagged, with "14" as the
        // replacement; otherwise the whole date is.
        let got = f(
            "en",
            "The talks on 14. February and 9. November failed; the next round is on 3. März.",
        );
        let days: Vec<&str> = got
            .iter()
            .map(|(m, _)| m.split('.').next().unwrap_or(""))
            .collect();
        assert_eq!(days, vec!["14", "9", "3"], "{got:?}");
        let expected = ["14 February", "9 November", "3 March"];
        for ((m, sugg), e) in got.iter().zip(expected) {
            assert!(
                m.as_str() == format!("{sugg}.") || sugg == e,
                "{m} → {sugg}"
            );
        }
    }

    #[test]
    fn english_german_quotes_and_guillemets() {
        assert_eq!(
            f(
                "en",
                "Tokayev spoke of a „new chapter“ and of « old friends »."
            ),
            vec![
                pair("„new chapter“", "“new chapter”"),
                pair("« old friends »", "“old friends”")
            ]
        );
        assert_eq!(
            f("en", "He called it ‚historic‘ on Monday."),
            vec![pair("‚historic‘", "‘historic’")]
        );
    }

    #[test]
    fn english_french_spacing_and_numero() {
        assert_eq!(
            f("en", "What happens now ? The minister said : nothing."),
            vec![pair(" ?", "?"), pair(" :", ":")]
        );
        assert_eq!(
            f("en", "He lives at n° 12 rue de Rivoli."),
            vec![pair("n°", "No.")]
        );
        assert_eq!(
            f("en", "The prototypes should be ready in 2028 !"),
            vec![pair(" !", "!")]
        );
        assert_eq!(
            f("en", "¿Will the employers accept the offer?"),
            vec![pair("¿", "")]
        );
    }

    #[test]
    fn english_stays_clean() {
        assert_clean(
            CODE,
            &[
                "The company hired 1,200 workers and 27,000 contractors for $1,200.50 each.",
                "Inflation was 3.8 percent in 2023, after 8.6 percent in 2022.",
                "Bayern won 5 : 3 on penalties, or 2:1 in the league, at 10:30 on Saturday.",
                "The meeting is on 14 February; the 9th of November is a holiday.",
                "“We are not just allies,” he said, ‘but closest allies.’",
                "Scores: Arsenal 2, Chelsea 1. Smile :) and see https://example.org/a?b=1.",
                "In 2019 100 people died, in 2020 200.",
                "The vote was 52-48; the numbers 1, 2 and 3 were drawn.",
                "Version 2.5.1 of the app, released on 9.11.2023, costs 4.99 euros.",
                "He was born in 1990. November was cold.",
                "Article 5. Paragraph 2 applies.",
                "Channel 4 100-metre final and the M25 motorway.",
                "The input [1,1] gives 0 and (0,1) gives 1.",
            ],
        );
    }

    #[test]
    fn german_target() {
        assert_eq!(
            f(
                "de",
                "Der Umsatz stieg um 3.8 Prozent auf 1,200,000 Euro, sagte er zum “Handelsblatt”."
            ),
            vec![
                pair("3.8", "3,8"),
                pair("1,200,000", "1.200.000"),
                pair("“Handelsblatt”", "„Handelsblatt“")
            ]
        );
        assert_eq!(
            f(
                "de",
                "Der Konzern streicht 1,200 Stellen und 27,000 Tonnen."
            ),
            vec![pair("1,200", "1.200"), pair("27,000", "27.000")]
        );
        assert_eq!(
            f("de", "Der Vertrag wurde am 2/14/2024 unterzeichnet."),
            vec![pair("2/14/2024", "14.2.2024")]
        );
        assert_eq!(
            f("de", "Er sprach von « alten Freunden »."),
            vec![pair("« alten Freunden »", "»alten Freunden«")]
        );
    }

    #[test]
    fn german_target_stays_clean() {
        for t in [
            "Am 9.11.2023 um 10.30 Uhr stieg der Kurs um 3,8 Prozent auf 4.840 Punkte.",
            "Er sagte: „Das ist ein neues Kapitel“ – und ging.",
            "Die Version 2.0 kostet 1,250 Euro; »Die Zeit« berichtete.",
            "Der Zins liegt bei 0,500 Prozent; am 3/4/2024 und am 14/2/2024 wurde gezahlt.",
            "Bayern gewann 5:3 im Elfmeterschießen, Fragen? Nein!",
            "Der Film „Oppenheimer“ gewann 7 Oscars.",
        ] {
            assert!(f("de", t).is_empty(), "{t}: {:?}", f("de", t));
        }
    }

    #[test]
    fn french_target_is_lenient() {
        assert_eq!(
            f("fr", "Le PIB a progressé de 3.8 % selon “Le Monde”."),
            vec![
                pair("3.8", "3,8"),
                pair("“Le Monde”", "«\u{A0}Le Monde\u{A0}»")
            ]
        );
        for t in [
            "Pourquoi ? Parce que : « le 14 février », a-t-il dit ; 3,8 % et 1 200 euros.",
            "Le « Figaro » écrit qu’il a gagné 5 : 3.",
        ] {
            assert!(f("fr", t).is_empty(), "{t}: {:?}", f("fr", t));
        }
    }

    #[test]
    fn french_thousands() {
        assert_eq!(
            f("fr", "Le contrat porte sur 2,500,000 euros."),
            vec![pair("2,500,000", "2\u{202F}500\u{202F}000")]
        );
    }

    #[test]
    fn spanish_target() {
        assert!(f("es", "El PIB creció un 3.8 por ciento, según “El País”.").is_empty());
        assert_eq!(
            f("es", "Habló de un „nuevo capítulo“."),
            vec![pair("„nuevo capítulo“", "“nuevo capítulo”")]
        );
    }
}

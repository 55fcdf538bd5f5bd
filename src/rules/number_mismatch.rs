//! `number-mismatch` (bilingual mode): a number of the source that the target lacks.
//!
//! Numbers are compared by value, whatever the locale writes: "3,8" ↔ "3.8", "80 000" /
//! "80.000" ↔ "80,000", "9." ↔ "9th", "2,5 Millionen" ↔ "2.5 million" / "2,500,000",
//! "14.30 Uhr" ↔ "2.30 pm", a date "9.11.2023" ↔ "November 9, 2023". Small integers (20 and
//! below) may be spelled out and are not required; numbers glued to letters ("A380", "90er")
//! are skipped.

use crate::align::{best_target, split_sentences};
use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{DocFinding, Rule, RuleInfo, Severity};
use crate::sentence::Context;

static INFO: RuleInfo = RuleInfo {
    code: "number-mismatch",
    severity: Severity::Major,
    targets: &["*"],
    summary: "bilingual mode: a number in the source is missing from the target",
    explain: r#"## What it does
In bilingual mode, flags a target sentence when a number of the corresponding source
sentence appears nowhere in the target text. Numbers are compared by value, so locale
formats match: "3,8" ↔ "3.8", "80.000" and "80 000" ↔ "80,000", "9." ↔ "9th",
"2,5 Millionen" ↔ "2.5 million", "14.30 Uhr" ↔ "2:30 pm", "9.11.2023" ↔ "November 9, 2023".
The finding is attached to the target sentence that shares most words with the source
sentence (or the first); its span may be empty.

## Why is this bad?
A dropped or changed number is a meaning error that a reader cannot notice.

## Example
Source `Die Inflation lag im März bei 3,8 Prozent.`, target `Inflation was 3.6 percent in
March.` → `Inflation was 3.8 percent in March.`

## Stays clean
Small numbers written as words ("drei" → "three"), numbers glued to letters ("A380",
"90er-Jahre"), a number moved to another sentence of the same target text, other formats of
the same value.
"#,
};

/// The `number-mismatch` rule.
#[derive(Debug)]
pub struct NumberMismatch;

impl NumberMismatch {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(NumberMismatch)
    }
}

/// A number as written: its digit groups and separators.
#[derive(Debug, Clone)]
struct Num<'a> {
    text: &'a str,
    groups: Vec<&'a str>,
    seps: Vec<char>,
    glued: bool,
    /// Followed by "Uhr" or "h" (a time of day).
    clock: bool,
    /// "69" in "1968/69": the full year it abbreviates.
    year: Option<f64>,
}

fn numbers(t: &str) -> Vec<Num<'_>> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut groups = Vec::new();
        let mut seps = Vec::new();
        let mut gs = i;
        loop {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push(&t[gs..i]);
            // A separator followed by a digit continues the number.
            let rest = &t[i..];
            let Some(c) = rest.chars().next() else { break };
            let sep_ok = matches!(c, '.' | ',' | ':' | '\'' | ' ' | '\u{a0}' | '\u{202f}');
            let next = i + c.len_utf8();
            if !sep_ok || next >= b.len() || !b[next].is_ascii_digit() {
                break;
            }
            if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'') {
                // Thousands grouping only: 1–3 digits before, exactly 3 after.
                let after = t[next..].bytes().take_while(u8::is_ascii_digit).count();
                if groups.last().map_or(0, |g| g.len()) > 3 || after != 3 {
                    break;
                }
            }
            seps.push(c);
            i = next;
            gs = i;
        }
        let end = i;
        let before = t[..start].chars().next_back();
        let after = t[end..].chars().next();
        let glued = before.is_some_and(char::is_alphabetic)
            || after.is_some_and(char::is_alphabetic) && !ordinal_suffix(&t[start..end], &t[end..]);
        let tail = t[end..].trim_start();
        let clock = tail.starts_with("Uhr") || tail.starts_with("h ") || tail == "h";
        let year = match (out.last(), t[..start].chars().next_back()) {
            (Some(p), Some('/' | '-' | '–')) if groups.len() == 1 && groups[0].len() == 2 => {
                let prev: &Num<'_> = p;
                let prev_end = prev.text.as_ptr() as usize - t.as_ptr() as usize + prev.text.len();
                let adjacent = t[prev_end..start].chars().count() == 1;
                (adjacent && prev.groups.len() == 1 && prev.groups[0].len() == 4)
                    .then(|| parse(&format!("{}{}", &prev.groups[0][..2], groups[0])))
            }
            _ => None,
        };
        out.push(Num {
            text: &t[start..end],
            groups,
            seps,
            glued,
            clock,
            year,
        });
    }
    out
}

/// "9th", "1st", "3rd", "2nd", "5e", "1er", "3º": an ordinal written after the digits.
/// German decades ("90er") are not ordinals: "er"/"re" only after 1 (French "1er", "1re").
fn ordinal_suffix(digits: &str, rest: &str) -> bool {
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if matches!(w.as_str(), "er" | "re") {
        return digits == "1";
    }
    matches!(
        w.to_lowercase().as_str(),
        "st" | "nd"
            | "rd"
            | "th"
            | "e"
            | "er"
            | "re"
            | "ème"
            | "º"
            | "ª"
            | "o"
            | "a"
            | "mo"
            | "ma"
            | "s"
    )
}

fn parse(digits: &str) -> f64 {
    digits.parse::<f64>().unwrap_or(f64::NAN)
}

/// Every value the number may stand for.
fn values(n: &Num<'_>) -> Vec<f64> {
    let mut v = Vec::with_capacity(6);
    let all: String = n.groups.concat();
    v.push(parse(&all));
    if n.groups.len() >= 2 {
        let k = n.groups.len() - 1;
        let int: String = n.groups[..k].concat();
        v.push(parse(&format!("{int}.{}", n.groups[k])));
        if n.groups.len() == 2 && matches!(n.seps[0], '.' | ':') {
            let (h, m) = (parse(n.groups[0]), parse(n.groups[1]));
            if h <= 24.0 && n.groups[1].len() == 2 && m <= 59.0 && h > 12.0 {
                v.push(parse(&format!("{}.{}", h - 12.0, n.groups[1])));
                v.push((h - 12.0) * 100.0 + m);
            }
        }
    }
    if let Some(y) = n.year {
        v.push(y);
    }
    if n.clock && n.groups.len() == 1 {
        let h = parse(n.groups[0]);
        if h > 12.0 && h <= 24.0 {
            v.push(h - 12.0);
        }
    }
    v
}

fn same(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1.0);
    (a - b).abs() <= 1e-9 * scale
}

/// True when `a` equals `b` up to a factor of a thousand, million or billion.
fn matches_value(a: f64, b: f64) -> bool {
    [1.0, 1e3, 1e6, 1e9]
        .iter()
        .any(|&f| same(a * f, b) || same(a, b * f))
}

impl Rule for NumberMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_document(&self, cx: &Context<'_>, out: &mut Vec<DocFinding>) {
        let Some(src) = cx.source_text else {
            return;
        };
        if !src.bytes().any(|b| b.is_ascii_digit()) || cx.sentences.is_empty() {
            return;
        }
        // Every value of the target, with the components of dates and times.
        let mut tv: Vec<f64> = Vec::new();
        for s in cx.sentences {
            for n in numbers(s.text) {
                tv.extend(values(&n));
                tv.extend(n.groups.iter().map(|g| parse(g)));
            }
        }
        let sents = split_sentences(src);
        let mut missing: Vec<(usize, Vec<&str>)> = Vec::new();
        for (si, r) in sents.iter().enumerate() {
            let st = &src[r.clone()];
            for n in numbers(st) {
                if n.glued {
                    continue;
                }
                let vs = values(&n);
                if n.seps.is_empty() && vs[0] <= 20.0 {
                    continue;
                }
                let found = vs.iter().any(|&a| tv.iter().any(|&b| matches_value(a, b)));
                // A date or time: every part above 20 present somewhere ("9.11.2023").
                let parts = n.seps.len() >= 2
                    && n.groups.iter().any(|g| parse(g) > 20.0)
                    && n.groups
                        .iter()
                        .map(|g| parse(g))
                        .filter(|&p| p > 20.0)
                        .all(|p| tv.iter().any(|&b| same(p, b)));
                // A score or a time ("1:2", "17:21", "13.25 Uhr"): every part present, the
                // hour possibly on a 12-hour clock ("1:25 p.m.", "17-21").
                let has = |p: f64| tv.iter().any(|&b| same(p, b));
                let score = (n.clock || n.seps.iter().all(|&c| c == ':'))
                    && !n.seps.is_empty()
                    && n.groups.iter().enumerate().all(|(i, g)| {
                        let p = parse(g);
                        has(p) || i == 0 && n.clock && p > 12.0 && has(p - 12.0)
                    });
                if !found && !parts && !score {
                    let ti = best_target(cx, st, si, sents.len());
                    match missing.iter_mut().find(|(i, _)| *i == ti) {
                        Some((_, v)) => v.push(n.text),
                        None => missing.push((ti, vec![n.text])),
                    }
                }
            }
        }
        crate::align::report_missing(
            &INFO,
            missing,
            |list| format!("the source's number {list} is missing from the translation"),
            out,
        );
    }
}

#[cfg(test)]
mod tests {

    fn messages(src: &str, tgt: &str) -> Vec<String> {
        crate::rules::testing::bilingual("number-mismatch", "en", src, tgt)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn locale_formats_of_the_same_number_stay_clean() {
        let cases = [
            (
                "Die Inflation lag bei 3,8 Prozent.",
                "Inflation was 3.8 percent.",
            ),
            ("Rund 80.000 Menschen kamen.", "Around 80,000 people came."),
            ("Rund 80 000 Menschen kamen.", "Around 80,000 people came."),
            (
                "Am 9. November 2023 traf er Putin.",
                "On November 9th, 2023, he met Putin.",
            ),
            (
                "Der Zug fährt um 14.30 Uhr ab.",
                "The train leaves at 2.30 pm.",
            ),
            ("Das Spiel beginnt um 20 Uhr.", "The game starts at 8 pm."),
            (
                "Der Vertrag wurde am 9.11.2023 unterzeichnet.",
                "The treaty was signed on November 9, 2023.",
            ),
            (
                "Es kostet 2,5 Millionen Euro.",
                "It costs 2.5 million euros.",
            ),
            ("Es kostet 2,5 Millionen Euro.", "It costs 2,500,000 euros."),
            (
                "Drei Männer und 12 Frauen wurden verletzt.",
                "Three men and twelve women were injured.",
            ),
            (
                "Der Airbus A380 landete in den 90er-Jahren.",
                "The Airbus landed in the nineties.",
            ),
            (
                "Wladimir Klitschko gewann 64 Kämpfe.",
                "Wladimir Klitschko won 64 fights.",
            ),
            ("Keine Zahl hier.", "No number here."),
            (
                "Sie verloren 1:2 (17:21, 21:17).",
                "They lost 1-2 (17-21, 21-17).",
            ),
            (
                "Der Unfall geschah gegen 13.25 Uhr.",
                "The accident happened at around 1:25 p.m.",
            ),
            (
                "Im Winter 1968/69 kam der Erfolg.",
                "Success came in the winter of 1968/1969.",
            ),
        ];
        for (s, t) in cases {
            let f = messages(s, t);
            assert!(f.is_empty(), "{s:?} → {t:?}: {f:?}");
        }
    }

    #[test]
    fn missing_or_changed_number_fires() {
        let f = messages(
            "Die Inflation lag bei 3,8 Prozent.",
            "Inflation was 3.6 percent.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("3,8"), "{f:?}");
        let f = messages(
            "Rund 80.000 Menschen kamen am Samstag.",
            "Around 8,000 people came on Saturday.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let f = messages(
            "Der Haushalt wurde verabschiedet. Er umfasst 476 Milliarden Euro.",
            "The budget was passed. It comprises billions of euros.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }
}

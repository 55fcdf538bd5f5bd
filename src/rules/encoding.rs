//! `encoding`: text damaged on its way through the pipeline: mojibake (UTF-8 read as
//! Windows-1252 or Latin-1: "FranÃ§ois", "â€“"), the replacement character U+FFFD, control
//! characters, zero-width characters and stray bidirectional controls.
//!
//! Mojibake is recognised by its byte pattern, not by a list: a run of characters whose
//! Windows-1252 bytes form one valid UTF-8 sequence (a lead byte 0xC2–0xF4 followed by the
//! right number of continuation bytes 0x80–0xBF) that decodes to a character plausible in
//! text. The repair is that decoding, so the suggestion is exact. Legitimate text almost never
//! has a letter such as "Ã" directly followed by the symbols of the continuation range
//! ("São", "Ãnfora" stay clean: "o" and "n" are not continuation bytes).

use crate::lexicon::{LexiconError, Lexicons};
use crate::rules::{Finding, Rule, RuleInfo, Severity};
use crate::sentence::{Context, Sentence};
use std::ops::Range;

static INFO: RuleInfo = RuleInfo {
    code: "encoding",
    severity: Severity::Major,
    targets: &["*"],
    summary:
        "mojibake (\"FranÃ§ois\", \"â€“\"), U+FFFD, control, zero-width and stray bidi characters",
    explain: r#"## What it does
Flags characters damaged by a wrong character encoding or left over from the tools the text
went through:
- mojibake: UTF-8 text read as Windows-1252 or Latin-1 ("FranÃ§ois", "donâ€™t", "â€“",
  "MÃ¼nchen"), with the repaired text as the suggestion;
- the replacement character U+FFFD (�), where a decoder gave up;
- control characters other than tab and line breaks (C0 and C1);
- zero-width characters (U+200B, U+2060, a byte-order mark U+FEFF inside the text, and
  U+200C/U+200D between Latin letters);
- bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) in text without
  right-to-left letters, or left unclosed.

## Why is this bad?
Readers see garbage ("FranÃ§ois"); invisible characters break search, spell checking,
hyphenation and copy-paste ("Kazakh<U+200B>stan" with a zero-width space is not found by a search
for "Kazakhstan").

## Example
```
Prime Minister FranÃ§ois Bayrou met workers â€“ and unions â€“ in Lyon.
```
→ "Prime Minister François Bayrou met workers – and unions – in Lyon."

## Stays clean
- Portuguese and Vietnamese letters ("São Paulo", "Ãnfora", "Nguyễn").
- Emoji sequences joined by U+200D (the family emoji), joiners in Arabic or Indic scripts.
- A byte-order mark at the very start of a document; tabs and line breaks.
- Right-to-left text with its marks ("the name שלום, with its marks, means peace").
"#,
};

/// The `encoding` rule.
#[derive(Debug)]
pub struct Encoding;

impl Encoding {
    /// Builds the rule (it needs no lexicon: mojibake is recognised by its byte pattern).
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Encoding)
    }
}

/// The Windows-1252 byte a character stands for, when text was decoded as Windows-1252 (or
/// Latin-1, whose C1 controls fill the five holes of Windows-1252).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// A character that mojibake plausibly stood for: letters of the Latin, Greek and Cyrillic
/// blocks, Latin Extended Additional (Vietnamese), general punctuation, currency and letterlike
/// symbols, arrows, and the emoji planes. Anything else (a CJK ideograph decoded from "café…”",
/// a Syriac letter from "Ü“") is a coincidence, not mojibake.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0x52F | 0x1E00..=0x1EFF | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x21FF
        | 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}

/// If a mojibake sequence starts at `chars[i]`, its length in characters and the character
/// it stands for.
fn mojibake_at(chars: &[(usize, char)], i: usize) -> Option<(usize, char)> {
    let lead = cp1252_byte(chars[i].1)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    if i + len > chars.len() {
        return None;
    }
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for k in 1..len {
        let b = cp1252_byte(chars[i + k].1)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes[k] = b;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    plausible(decoded).then_some((len, decoded))
}

/// Repairs every mojibake sequence of `s` (repeatedly, for text encoded twice).
fn repair(s: &str) -> String {
    let mut cur = s.to_string();
    for _ in 0..3 {
        let chars: Vec<(usize, char)> = cur.char_indices().collect();
        let mut out = String::with_capacity(cur.len());
        let mut i = 0;
        let mut changed = false;
        while i < chars.len() {
            if let Some((len, c)) = mojibake_at(&chars, i) {
                out.push(c);
                i += len;
                changed = true;
            } else {
                out.push(chars[i].1);
                i += 1;
            }
        }
        if !changed {
            break;
        }
        cur = out;
    }
    cur
}

/// What kind of invisible or control character `c` is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Invisible {
    Replacement,
    Control,
    ZeroWidth,
    Joiner,
    Bom,
    BidiOpen,
    BidiClose,
    BidiMark,
}

fn classify(c: char) -> Option<Invisible> {
    use Invisible::*;
    Some(match c {
        '\u{FFFD}' => Replacement,
        '\t' | '\n' | '\r' => return None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Control,
        '\u{200B}' | '\u{2060}' => ZeroWidth,
        '\u{200C}' | '\u{200D}' => Joiner,
        '\u{FEFF}' => Bom,
        '\u{202A}'..='\u{202B}' | '\u{202D}'..='\u{202E}' | '\u{2066}'..='\u{2068}' => BidiOpen,
        '\u{202C}' | '\u{2069}' => BidiClose,
        '\u{200E}' | '\u{200F}' => BidiMark,
        _ => return None,
    })
}

/// Letters of the Latin script (where joiners have no business).
fn latin_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c))
}

/// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
fn rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) && c != '\u{FEFF}'
}

/// The span of the non-space token around `r`, trimmed of ASCII punctuation at its edges.
fn token_around(text: &str, r: Range<usize>) -> Range<usize> {
    let start = text[..r.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[r.end..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| r.end + i);
    let tok = &text[start..end];
    let lead = tok.len()
        - tok
            .trim_start_matches(|c: char| c.is_ascii_punctuation())
            .len();
    let trail = tok.len()
        - tok
            .trim_end_matches(|c: char| c.is_ascii_punctuation())
            .len();
    let (s2, e2) = ((start + lead).min(r.start), (end - trail).max(r.end));
    s2..e2
}

/// Mojibake whose fraction character was later decomposed by compatibility normalization:
/// "MÃ¼nchen" → "MÃ1 ⁄ 4nchen" (¼ = byte 0xBC). Returns the byte length of the sequence after
/// the lead character and the continuation byte it stood for.
fn fraction_tail(rest: &str) -> Option<(usize, u8)> {
    let b = rest.as_bytes();
    let num = *b.first()?;
    let mut k = 1;
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    let slash = '⁄'.len_utf8();
    if !rest.get(k..)?.starts_with('⁄') {
        return None;
    }
    k += slash;
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    let den = *b.get(k)?;
    let byte = match (num, den) {
        (b'1', b'4') => 0xBC,
        (b'1', b'2') => 0xBD,
        (b'3', b'4') => 0xBE,
        _ => return None,
    };
    Some((k + 1, byte))
}

/// True when `t` holds a character some check below looks for: a control character (C0 other
/// than tab and line breaks, DEL, C1), a mojibake lead character U+00C2–U+00F4 (which
/// includes the "Ã" and "Â" of [`Encoding::decomposed`]), the fraction slash U+2044, or one of
/// the invisible characters of [`classify`]. Without one, no check can fire: `decomposed`
/// needs U+2044, `mojibake` a lead character, `invisible` a character `classify` names.
/// Only the bytes that can start one of them are visited (a vectorized scan skips the rest).
fn suspicious(t: &[u8]) -> bool {
    // The UTF-8 forms: C1 controls U+0080–U+009F are C2 80–9F; U+00C2–U+00F4 are C3 82–B4;
    // U+200B–U+200F are E2 80 8B–8F; U+202A–U+202E are E2 80 AA–AE; U+2044, U+2060 and
    // U+2066–U+2069 are E2 81 84, A0, A6–A9; U+FEFF is EF BB BF; U+FFFD is EF BF BD.
    // The scan stops at controls and at every non-ASCII byte (one cheap test per byte); the
    // bytes there are then looked at exactly.
    let mut starts = crate::matcher::byte_positions(t, |c| c.wrapping_sub(0x20) >= 0x5F);
    let at = |i: usize| t.get(i).copied().unwrap_or(0);
    starts.any(|i| match t[i] {
        b'\t' | b'\n' | b'\r' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(at(i + 1), 0x80..=0x9F),
        0xC3 => matches!(at(i + 1), 0x82..=0xB4),
        0xE2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8B..=0x8F | 0xAA..=0xAE) | (0x81, 0x84 | 0xA0 | 0xA6..=0xA9)
        ),
        0xEF => matches!((at(i + 1), at(i + 2)), (0xBB, 0xBF) | (0xBF, 0xBD)),
        _ => false,
    })
}

impl Encoding {
    /// "MÃ1 ⁄ 4nchen": see [`fraction_tail`].
    fn decomposed(&self, text: &str, out: &mut Vec<Finding>) {
        if !text.contains('⁄') {
            return;
        }
        for (i, c) in text.char_indices() {
            let lead = match c {
                'Ã' => 0xC3u8,
                'Â' => 0xC2,
                _ => continue,
            };
            let after = i + c.len_utf8();
            let Some((len, byte)) = fraction_tail(&text[after..]) else {
                continue;
            };
            let Some(decoded) = std::str::from_utf8(&[lead, byte])
                .ok()
                .and_then(|s| s.chars().next())
            else {
                continue;
            };
            let span = token_around(text, i..after + len);
            let fixed = format!(
                "{}{decoded}{}",
                &text[span.start..i],
                &text[after + len..span.end.max(after + len)]
            );
            out.push(
                Finding::new(
                    &INFO,
                    span,
                    "mojibake: UTF-8 text decoded as Windows-1252, then normalized",
                )
                .with_suggestion(fixed),
            );
        }
    }

    fn mojibake(&self, text: &str, out: &mut Vec<Finding>) {
        // Fast path: every mojibake sequence has a lead character in U+00C2–U+00F4.
        if text.is_ascii() || !text.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c)) {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut last_end = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            if !('\u{C2}'..='\u{F4}').contains(&c) {
                i += 1;
                continue;
            }
            let standalone = |i: usize| {
                let before = i == 0 || chars[i - 1].1.is_whitespace();
                let after = chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace());
                before && after
            };
            let hit = if let Some((len, _)) = mojibake_at(&chars, i) {
                Some((
                    chars[i].0,
                    chars.get(i + len).map_or(text.len(), |&(b, _)| b),
                    len,
                ))
            } else if (c == 'Ã' && standalone(i))
                || (c == 'Â' && chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace()))
            {
                // "Ã la" ("à" whose no-break space became a space) and "10Â km" (a no-break
                // space, C2 A0, whose second byte became a space).
                Some((chars[i].0, chars[i].0 + c.len_utf8(), 1))
            } else {
                None
            };
            let Some((s, e, len)) = hit else {
                i += 1;
                continue;
            };
            let span = token_around(text, s..e);
            i += len;
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            // Advance past the token: one finding per word.
            while i < chars.len() && chars[i].0 < span.end {
                i += 1;
            }
            let tok = &text[span.clone()];
            let fixed = if tok == "Ã" {
                "à".to_string()
            } else if tok.ends_with('Â') {
                tok.trim_end_matches('Â').to_string()
            } else {
                repair(tok)
            };
            let f = Finding::new(
                &INFO,
                span,
                "mojibake: UTF-8 text decoded as Windows-1252/Latin-1",
            );
            out.push(if fixed.is_empty() || fixed == tok {
                f
            } else {
                f.with_suggestion(fixed)
            });
        }
    }

    /// Invisible and control characters, except inside the mojibake spans `covered`.
    fn invisible(&self, s: &Sentence<'_>, covered: &[Range<usize>], out: &mut Vec<Finding>) {
        let text = s.text;
        if !text.chars().any(|c| classify(c).is_some()) {
            return;
        }
        let has_rtl = text.chars().any(rtl);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut open: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            let Some(kind) = classify(c) else {
                i += 1;
                continue;
            };
            if covered.iter().any(|r| r.contains(&b)) {
                i += 1;
                continue;
            }
            // A run of the same character makes one finding.
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 == c {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            let prev = i.checked_sub(1).map(|k| chars[k].1);
            let next = chars.get(j).map(|&(_, n)| n);
            let name = format!("U+{:04X}", c as u32);
            let msg = match kind {
                Invisible::Replacement => Some(format!(
                    "replacement character {name}: a character was lost in decoding"
                )),
                Invisible::Control => Some(format!("control character {name}")),
                Invisible::ZeroWidth => Some(format!("zero-width character {name}")),
                Invisible::Bom if !(s.index == 0 && b == 0) => {
                    Some(format!("byte-order mark {name} inside the text"))
                }
                Invisible::Joiner
                    if prev.is_some_and(latin_letter) || next.is_some_and(latin_letter) =>
                {
                    Some(format!("zero-width joiner {name} inside Latin-script text"))
                }
                Invisible::BidiOpen => {
                    open.push(i);
                    (!has_rtl)
                        .then(|| format!("bidirectional control {name} in left-to-right text"))
                }
                Invisible::BidiClose => {
                    if open.pop().is_none() {
                        Some(format!("bidirectional control {name} closes nothing"))
                    } else {
                        (!has_rtl)
                            .then(|| format!("bidirectional control {name} in left-to-right text"))
                    }
                }
                Invisible::BidiMark => {
                    (!has_rtl).then(|| format!("bidirectional mark {name} in left-to-right text"))
                }
                _ => None,
            };
            if let Some(m) = msg {
                let f = Finding::new(&INFO, b..end, m);
                out.push(match kind {
                    Invisible::ZeroWidth
                    | Invisible::Bom
                    | Invisible::Joiner
                    | Invisible::BidiMark => f.with_suggestion(""),
                    _ => f,
                });
            }
            i = j;
        }
        // Openers never closed, in text with right-to-left letters (otherwise already flagged).
        if has_rtl {
            for k in open {
                let (b, c) = chars[k];
                out.push(Finding::new(
                    &INFO,
                    b..b + c.len_utf8(),
                    format!("bidirectional control U+{:04X} is never closed", c as u32),
                ));
            }
        }
    }
}

impl Rule for Encoding {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, s: &Sentence<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !suspicious(s.text.as_bytes()) {
            return;
        }
        let first = out.len();
        self.decomposed(s.text, out);
        self.mojibake(s.text, out);
        let covered: Vec<Range<usize>> = out[first..].iter().map(|f| f.span.clone()).collect();
        self.invisible(s, &covered, out);
    }
}

#[cfg(test)]
mod tests {
    use super::repair;
    use crate::rules::testing::{assert_clean, findings, matched};

    const CODE: &str = "encoding";

    fn suggestions(text: &str) -> Vec<(String, Option<String>)> {
        findings(CODE, "en", text)
    }

    #[test]
    fn repairs_classic_mojibake() {
        assert_eq!(repair("FranÃ§ois"), "François");
        assert_eq!(repair("donâ€™t"), "don’t");
        assert_eq!(repair("â€“"), "–");
        assert_eq!(repair("MÃ¼nchen"), "München");
        assert_eq!(repair("SÃ£o"), "São");
        // Encoded twice.
        assert_eq!(repair("FranÃƒÂ§ois"), "François");
    }

    #[test]
    fn flags_mojibake_words_with_the_repair() {
        let f =
            suggestions("Prime Minister FranÃ§ois Bayrou met workers â€“ and unions in MÃ¼nchen.");
        assert_eq!(
            f,
            vec![
                ("FranÃ§ois".to_string(), Some("François".to_string())),
                ("â€“".to_string(), Some("–".to_string())),
                ("MÃ¼nchen".to_string(), Some("München".to_string())),
            ]
        );
    }

    #[test]
    fn flags_mojibake_apostrophe_and_quotes() {
        let f = suggestions("The minister said she didnâ€™t know about the â€œdealâ€\u{9d}.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0], ("didnâ€™t".to_string(), Some("didn’t".to_string())));
    }

    #[test]
    fn flags_mojibake_with_decomposed_fractions() {
        let f = suggestions("The match in MÃ1 ⁄ 4nchen ended 2-1.");
        assert_eq!(
            f,
            vec![("MÃ1 ⁄ 4nchen".to_string(), Some("München".to_string()))]
        );
        assert!(suggestions("Add 1 ⁄ 4 cup of sugar and Ã la carte.").len() == 1);
    }

    #[test]
    fn flags_lost_no_break_spaces() {
        let f = suggestions("The route is 10Â km long and runs Ã la carte.");
        assert_eq!(
            f,
            vec![
                ("10Â".to_string(), Some("10".to_string())),
                ("Ã".to_string(), Some("à".to_string())),
            ]
        );
    }

    #[test]
    fn flags_cyrillic_mojibake() {
        let f = suggestions("The word ÐœÐ¾ÑÐºÐ²Ð° appeared in the caption.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn flags_replacement_and_control_characters() {
        assert_eq!(
            matched(CODE, "The mayor of Z\u{FFFD}rich resigned on Monday.").len(),
            1
        );
        assert_eq!(matched(CODE, "The mayor resigned\u{7} on Monday.").len(), 1);
        assert_eq!(
            matched(CODE, "The mayor resigned\u{85} on Monday.").len(),
            1
        );
    }

    #[test]
    fn flags_zero_width_characters() {
        let f = suggestions("Kazakh\u{200B}stan has become a key partner.");
        assert_eq!(f, vec![("\u{200B}".to_string(), Some(String::new()))]);
        assert_eq!(
            matched(CODE, "The talks\u{2060} resumed on Friday.").len(),
            1
        );
        assert_eq!(
            matched(CODE, "The talks resumed. On\u{FEFF} Friday they ended.").len(),
            1
        );
        assert_eq!(matched(CODE, "Astana\u{200D}s mayor spoke.").len(), 1);
    }

    #[test]
    fn flags_bidi_controls_in_ltr_text() {
        assert_eq!(
            matched(CODE, "The file is named \u{202E}gpj.exe on the server.").len(),
            1
        );
        assert_eq!(
            matched(CODE, "The minister\u{200E} spoke on Monday.").len(),
            1
        );
    }

    #[test]
    fn legitimate_text_stays_clean() {
        assert_clean(
            CODE,
            &[
                "São Paulo and Ãnfora are places; Nguyễn Phú Trọng met officials.",
                "ÃO is an unusual word; ROMÂNIA, Câmpina and Târgu Mureș are in Romania.",
                "He ordered a café…” and left, said the report.",
                "The slogan „ÄRGER“ was printed in capitals.",
                "Family emoji 👩\u{200D}👩\u{200D}👧 and a flag 🏳\u{FE0F}\u{200D}🌈 appeared.",
                "The word \u{200F}שלום\u{200F} means peace.",
                "Tabs\tare fine, and so are line\nbreaks.",
                "Prices rose 3% — the “largest” rise in years, said Müller’s office.",
                "Señor Muñoz, Ødegaard, Łódź, Dvořák and Ægir went to Zürich.",
                "It cost €5, £4, ¥600 or 10 ¢; © AP; 25 °C; ½ of ¾.",
                "¿Qué pasa? ¡Olé! «Bonjour», dit-il.",
                "Der Fußball-Klub „Gelb-Weiß“ gewann.",
            ],
        );
    }

    #[test]
    fn prefilter_passes_every_character_a_check_reads() {
        // Every character that `classify`, `mojibake` or `decomposed` looks at must pass the
        // byte prefilter; characters near them in the code space must not.
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let wanted = super::classify(c).is_some()
                || ('\u{C2}'..='\u{F4}').contains(&c)
                || c == '\u{2044}';
            let s = format!("ab{c}cd");
            assert_eq!(super::suspicious(s.as_bytes()), wanted, "U+{u:04X}");
        }
    }

    #[test]
    fn bom_at_document_start_is_fine() {
        assert!(matched(CODE, "\u{FEFF}The government met on Monday.").is_empty());
    }

    #[test]
    fn joiners_in_scripts_that_need_them_are_fine() {
        assert_clean(
            CODE,
            &[
                "The Persian word می\u{200C}خواهم means “I want”.",
                "क्\u{200D}ष is a conjunct.",
            ],
        );
    }
}

//! Localization files (XLIFF 1.2 and 2.x, gettext PO, TMX 1.4): read into translation units,
//! each unit's target checked as a document of its own with its source beside it (so the
//! bilingual rules compare a unit with its own source), and the unit reports stitched into one
//! report per file.
//!
//! Why one analysis per unit rather than one over the whole file: the unit *is* the alignment
//! in these formats, so `source-copy`, `number-mismatch` and `name-mismatch` must see one
//! unit's source and target and nothing else; sentences never cross a unit; and each unit
//! carries its own languages (an XLIFF file may hold several `<file>`s, a TMX several target
//! languages). The cost: document-level rules (`name-variant`) compare spellings within a unit,
//! not across the file.
//!
//! The file's text (what `start`, `end` and `line` count in) is the units' targets in file
//! order, joined by a blank line (`\n\n`).

mod po;
mod tmx;
mod xliff;
mod xml;

use crate::analyze::{DocReport, Document, Engine, FindingReport, SentenceReport};
use crate::input::{decode, looks_binary, Format, InputError, Item};
use crate::text::char_len;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;

/// The code of the finding an empty or missing target gets: Xbench's "untranslated segment".
pub const EMPTY_TARGET_CODE: &str = "untranslated";

/// What stands between two units in the file's joined text.
pub const UNIT_SEPARATOR: &str = "\n\n";

/// One translation unit: an XLIFF `<trans-unit>`/`<unit>`, a PO entry (one per plural form), a
/// TMX `<tu>` (one per target variant).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    /// The unit's id (XLIFF `id`, TMX `tuid`, PO `msgctxt|msgid`, with `[N]` for plural forms).
    pub id: String,
    /// The line of the file where the unit starts.
    pub line: usize,
    /// The source text, if the unit has one.
    pub source: Option<String>,
    /// The target text; empty when the unit has none.
    pub target: String,
    /// The target language the file declares for the unit.
    pub target_lang: Option<&'static str>,
    /// The source language the file declares for the unit.
    pub source_lang: Option<&'static str>,
}

/// What a parser produced from one file: its units and the problems it met (warnings, or
/// errors about single entries that did not stop the rest of the file).
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub units: Vec<Unit>,
    pub notes: Vec<Item>,
}

impl Parsed {
    pub fn warn(&mut self, origin: String, message: impl Into<String>) {
        self.notes
            .push(Item::Warning(InputError::new(origin, message)));
    }
}

/// A language tag from a file (`en-US`, `pt_BR`, `de`) as mtlint's code, or `None` for a tag
/// it does not know (the language is then detected).
pub(crate) fn lang_code(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_', '@', '.']).next()?;
    crate::lang::parse(primary)
}

/// Reads one localization file and emits its document (or the error that stopped it).
pub(crate) fn read(
    name: &str,
    mut reader: impl Read,
    format: Format,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return emit(Item::Error(InputError::new(name, e.to_string())));
    }
    let text = match utf16(&bytes) {
        Some(t) => t,
        None => {
            if looks_binary(&bytes) {
                return emit(Item::Error(InputError::new(
                    name,
                    "binary file (contains NUL bytes), skipped",
                )));
            }
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes.drain(..3);
            }
            match decode(name, bytes, 1, emit) {
                Some(t) => t,
                None => return false,
            }
        }
    };
    let parsed = match format {
        Format::Po => Ok(po::parse(name, &text)),
        Format::Tmx => tmx::parse(name, &text),
        _ => xliff::parse(name, &text),
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => return emit(Item::Error(e)),
    };
    for n in parsed.notes {
        if !emit(n) {
            return false;
        }
    }
    if parsed.units.is_empty() {
        return emit(Item::Warning(InputError::new(
            name,
            "no translation units, nothing to check",
        )));
    }
    emit(Item::Doc(document(name, parsed.units)))
}

/// A UTF-16 file (by its byte-order mark) decoded; `None` for anything else.
fn utf16(bytes: &[u8]) -> Option<String> {
    let le = bytes.starts_with(&[0xFF, 0xFE]);
    if !le && !bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
}

/// The document of a file: its id is the path, its text the targets joined by
/// [`UNIT_SEPARATOR`].
pub fn document(name: &str, units: Vec<Unit>) -> Document {
    let mut text = String::new();
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            text.push_str(UNIT_SEPARATOR);
        }
        text.push_str(&u.target);
    }
    Document {
        id: name.to_string(),
        text,
        source: None,
        units: Some(units),
        page: None,
    }
}

/// Checks each unit as its own document and stitches the reports into one: sentences
/// renumbered, offsets and lines moved into the file's joined text, each sentence tagged with
/// its unit. A unit with an empty target gets one empty sentence with an
/// [`EMPTY_TARGET_CODE`] finding, so that it is never missing from the output.
pub fn analyze(engine: &Engine, doc: &Document, units: &[Unit]) -> DocReport {
    let mut sentences: Vec<SentenceReport> = Vec::new();
    // Words per language, to name the file's dominant and target languages.
    let mut langs: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut targets: FxHashMap<&'static str, usize> = FxHashMap::default();
    let (mut chars, mut bytes, mut lines) = (0usize, 0usize, 0usize);
    // Units are independent: a large file is checked on every worker thread, and the reports
    // are collected in file order, so the output does not depend on `--jobs`.
    let reports: Vec<DocReport> = units
        .par_iter()
        .map(|u| {
            let unit_doc = Document {
                id: doc.id.clone(),
                text: u.target.clone(),
                source: source_of(u).map(str::to_string),
                units: None,
                page: None,
            };
            engine.analyze_in(&unit_doc, u.target_lang, u.source_lang)
        })
        .collect();
    for (k, (u, r)) in units.iter().zip(reports).enumerate() {
        if k > 0 {
            chars += char_len(UNIT_SEPARATOR);
            bytes += UNIT_SEPARATOR.len();
            lines += UNIT_SEPARATOR.matches('\n').count();
        }
        let words: usize = r.sentences.iter().map(|s| s.words).sum();
        *langs.entry(r.lang).or_default() += words.max(1);
        *targets.entry(r.target).or_default() += words.max(1);
        if r.sentences.is_empty() {
            let mut row = empty_target(engine, u, source_of(u), r.target, chars, bytes);
            row.index = sentences.len() + 1;
            row.line = lines + 1;
            sentences.push(row);
        }
        for mut s in r.sentences {
            s.index = sentences.len() + 1;
            s.line += lines;
            s.start += chars;
            s.end += chars;
            s.start_byte += bytes;
            s.end_byte += bytes;
            for f in &mut s.findings {
                f.start += chars;
                f.end += chars;
                f.start_byte += bytes;
                f.end_byte += bytes;
            }
            s.unit = Some(u.id.clone());
            sentences.push(s);
        }
        chars += char_len(&u.target);
        bytes += u.target.len();
        lines += u.target.matches('\n').count();
    }
    let scores = engine.document_scores(&sentences);
    DocReport {
        id: doc.id.clone(),
        lang: most(&langs),
        target: most(&targets),
        sentences,
        score: scores.score,
        verdict: engine.scoring().verdict(f64::from(scores.score)),
        translation_score: scores.translation_score,
        page_score: scores.page_score,
        penalty: scores.penalty,
        words: scores.words,
        // The file's languages, or --target, name the target of every unit.
        target_assumed: false,
        page: None,
    }
}

/// A unit's source, if it has one that is not blank.
fn source_of(u: &Unit) -> Option<&str> {
    u.source.as_deref().filter(|s| !s.trim().is_empty())
}

/// The key with the largest count (ties: the smallest key, so the result does not depend on
/// hash order).
fn most(counts: &FxHashMap<&'static str, usize>) -> &'static str {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or("und", |(k, _)| *k)
}

/// The row of a unit whose target is empty or missing: no text, at the unit's place in the
/// joined text, with a finding when there was something to translate (and the code is not
/// turned off).
fn empty_target(
    engine: &Engine,
    u: &Unit,
    source: Option<&str>,
    lang: &'static str,
    chars: usize,
    bytes: usize,
) -> SentenceReport {
    let mut findings = Vec::new();
    if let (Some(src), Some(severity)) = (source, engine.severity_of(EMPTY_TARGET_CODE)) {
        findings.push(FindingReport {
            code: EMPTY_TARGET_CODE,
            severity,
            start: chars,
            end: chars,
            start_byte: bytes,
            end_byte: bytes,
            matched: src.nfc().collect(),
            message: format!(
                "empty target: unit {:?} (line {}) has no translation",
                u.id, u.line
            ),
            suggestion: None,
        });
    }
    let scoring = engine.scoring();
    let penalty = scoring.penalty(findings.iter().map(|f| f.severity));
    let score = scoring.score(penalty);
    SentenceReport {
        index: 0,
        line: 0,
        start: chars,
        end: chars,
        start_byte: bytes,
        end_byte: bytes,
        lang,
        lang_confidence: 0.0,
        score,
        penalty,
        verdict: scoring.verdict(f64::from(score)),
        findings,
        unit: Some(u.id.clone()),
        words: 0,
        text: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, source: &str, target: &str) -> Unit {
        Unit {
            id: id.into(),
            line: 1,
            source: Some(source.into()),
            target: target.into(),
            target_lang: Some("en"),
            source_lang: Some("de"),
        }
    }

    #[test]
    fn stitched_offsets_and_lines_point_into_the_joined_text() {
        let engine = Engine::default_engine().unwrap();
        let doc = document(
            "f.xlf",
            vec![
                unit(
                    "a",
                    "Der Rat tagte.",
                    "The council met. It voted on Monday.",
                ),
                unit("b", "Leer.", ""),
                unit(
                    "c",
                    "Zwei Zeilen.",
                    "First line here.\nSecond line, the the end.",
                ),
            ],
        );
        assert_eq!(
            doc.text,
            "The council met. It voted on Monday.\n\n\n\nFirst line here.\nSecond line, the the end."
        );
        let r = engine.analyze(&doc);
        let units: Vec<&str> = r
            .sentences
            .iter()
            .map(|s| s.unit.as_deref().unwrap())
            .collect();
        assert_eq!(units, vec!["a", "a", "b", "c", "c"]);
        for (i, s) in r.sentences.iter().enumerate() {
            assert_eq!(s.index, i + 1);
            assert_eq!(&doc.text[s.start_byte..s.end_byte], s.text, "{s:?}");
            let by_chars: String = doc
                .text
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect();
            assert_eq!(by_chars, s.text);
            assert_eq!(s.line, 1 + doc.text[..s.start_byte].matches('\n').count());
            for f in &s.findings {
                assert!(s.start <= f.start && f.end <= s.end.max(f.start), "{f:?}");
                assert!(s.start_byte <= f.start_byte && f.end_byte <= s.end_byte.max(f.start_byte));
            }
        }
        // The empty target sits between the units, on its own line, with its finding.
        let e = &r.sentences[2];
        assert_eq!((e.start_byte, e.line), (38, 3));
        assert_eq!(e.findings[0].code, EMPTY_TARGET_CODE);
        assert_eq!(e.findings[0].matched, "Leer.");
        // A finding in the last unit is located in the joined text.
        let rep = r.sentences[4]
            .findings
            .iter()
            .find(|f| f.code == "repetition")
            .expect("the the");
        assert_eq!(&doc.text[rep.start_byte..rep.end_byte], rep.matched);
        assert!(rep.matched.contains("the"), "{rep:?}");
    }

    #[test]
    fn ignoring_the_code_keeps_the_empty_row_without_a_finding() {
        let engine = Engine::new(crate::analyze::Options {
            ignore: vec![EMPTY_TARGET_CODE.into()],
            ..Default::default()
        })
        .unwrap();
        let r = engine.analyze(&document("f.po", vec![unit("x", "Etwas.", "  ")]));
        assert_eq!(r.sentences.len(), 1);
        assert!(r.sentences[0].findings.is_empty());
        assert_eq!(r.sentences[0].unit.as_deref(), Some("x"));
    }

    #[test]
    fn language_tags_from_files() {
        assert_eq!(lang_code("en-US"), Some("en"));
        assert_eq!(lang_code("pt_BR"), Some("pt"));
        assert_eq!(lang_code("x-klingon"), None);
    }
}

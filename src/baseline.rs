//! Remembered decisions: a baseline file lists findings a reviewer dismissed, so that they are
//! not shown again (`--baseline FILE`); `--write-baseline FILE` writes the current findings.
//!
//! A finding is keyed by its code and a hash of its sentence's NFC text, so the key survives
//! the sentence moving within or between files and changes when its text is edited. The file
//! is plain UTF-8, one finding a line, tab-separated, in the order the findings were met:
//!
//! ```text
//! # mtlint baseline 1: code<TAB>hash<TAB>sentence; hash = FNV-1a 64 of the sentence's NFC text (UTF-8), 16 hex digits
//! run-together<TAB>c86f6b07c0636365<TAB>The talks concerned trade, climate policyagriculture and security.
//! ```
//!
//! The sentence is there for people (tabs, line breaks and backslashes escaped as `\t`, `\n`,
//! `\r`, `\\`); only the code and the hash are read. Lines starting with `#` and blank lines are
//! comments. An empty sentence (a translation unit without target) is keyed by the text its
//! finding names instead (the source that lacks a translation): otherwise dismissing one
//! empty target would dismiss them all. A dismissed finding is removed from its sentence, and the sentence's and the
//! document's scores are computed again without it.

use crate::analyze::{DocReport, Engine, FindingReport, SentenceReport};
use rustc_hash::FxHashSet;
use std::io::{self, Write};
use std::path::Path;

/// The first line of a baseline file.
pub const HEADER: &str = "# mtlint baseline 1: code<TAB>hash<TAB>sentence; hash = FNV-1a 64 of the sentence's NFC text (UTF-8), 16 hex digits";

/// FNV-1a, 64 bits: fixed by its definition, so the same on every platform and in every run.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The hash of a sentence's text as the file writes it. The text must already be NFC, as
/// every `SentenceReport::text` is.
pub fn sentence_hash(nfc_text: &str) -> String {
    format!("{:016x}", fnv1a64(nfc_text.as_bytes()))
}

/// The text a finding is keyed by: its sentence, or for an empty sentence what the finding
/// names.
fn key_text<'a>(s: &'a SentenceReport, f: &'a FindingReport) -> &'a str {
    if s.text.is_empty() {
        &f.matched
    } else {
        &s.text
    }
}

/// A problem with a baseline file, naming its line.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct BaselineError {
    /// `file:line`.
    pub origin: String,
    /// What went wrong.
    pub message: String,
}

/// The dismissed findings, as (code, hash) pairs.
#[derive(Debug, Default)]
pub struct Baseline {
    keys: FxHashSet<(String, u64)>,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError {
            origin: name.clone(),
            message: format!("cannot read the baseline: {e}"),
        })?;
        Baseline::parse(&name, &text)
    }

    /// Parses a baseline file's text.
    pub fn parse(name: &str, text: &str) -> Result<Baseline, BaselineError> {
        let mut keys = FxHashSet::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (code, hash) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            let hash = (hash.len() == 16)
                .then(|| u64::from_str_radix(hash, 16).ok())
                .flatten();
            match hash {
                Some(h) if !code.is_empty() => {
                    keys.insert((code.to_string(), h));
                }
                _ => {
                    return Err(BaselineError {
                        origin: format!("{name}:{}", i + 1),
                        message: "expected code<TAB>hash (16 hex digits)<TAB>sentence".into(),
                    })
                }
            }
        }
        Ok(Baseline { keys })
    }

    /// Number of dismissed findings.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when nothing is dismissed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Removes the dismissed findings from a report and scores it again. Returns how many were
    /// removed.
    pub fn apply(&self, report: &mut DocReport, engine: &Engine) -> usize {
        if self.keys.is_empty() {
            return 0;
        }
        let scoring = engine.scoring();
        let mut removed = 0;
        for s in &mut report.sentences {
            if s.findings.is_empty() {
                continue;
            }
            let before = s.findings.len();
            let keep: Vec<bool> = s
                .findings
                .iter()
                .map(|f| {
                    let h = fnv1a64(key_text(s, f).as_bytes());
                    !self.keys.contains(&(f.code.to_string(), h))
                })
                .collect();
            let mut k = keep.iter();
            s.findings.retain(|_| *k.next().unwrap_or(&true));
            if s.findings.len() != before {
                removed += before - s.findings.len();
                s.penalty = scoring.penalty(s.findings.iter().map(|f| f.severity));
                s.score = scoring.score(s.penalty);
                s.verdict = scoring.verdict(f64::from(s.score));
            }
        }
        if removed > 0 {
            let scores = engine.document_scores(&report.sentences);
            report.score = scores.score;
            report.verdict = scoring.verdict(f64::from(scores.score));
            report.translation_score = scores.translation_score;
            report.page_score = scores.page_score;
            report.penalty = scores.penalty;
        }
        removed
    }
}

/// Writes the findings of a run as a baseline file, each (code, sentence) once.
pub struct BaselineWriter<W: Write> {
    w: W,
    seen: FxHashSet<(&'static str, u64)>,
}

impl<W: Write> BaselineWriter<W> {
    /// A writer; writes the header line.
    pub fn new(mut w: W) -> io::Result<Self> {
        writeln!(w, "{HEADER}")?;
        Ok(BaselineWriter {
            w,
            seen: FxHashSet::default(),
        })
    }

    /// Records the findings of one document.
    pub fn write(&mut self, report: &DocReport) -> io::Result<()> {
        for s in &report.sentences {
            for f in &s.findings {
                let text = key_text(s, f);
                let h = fnv1a64(text.as_bytes());
                if self.seen.insert((f.code, h)) {
                    writeln!(self.w, "{}\t{h:016x}\t{}", f.code, escape(text))?;
                }
            }
        }
        Ok(())
    }

    /// Flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// The sentence on one line: tabs, line breaks and backslashes escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Document;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // From the FNV reference (draft-eastlake-fnv): "" and "a" and "foobar".
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
        // The example in the module documentation, computed by a separate Python FNV-1a.
        assert_eq!(
            sentence_hash("The talks concerned trade, climate policyagriculture and security."),
            "c86f6b07c0636365"
        );
    }

    #[test]
    fn dismissed_findings_go_and_the_score_comes_back() {
        let engine = Engine::default_engine().unwrap();
        let doc = Document::new(
            "d",
            "He spoke about the the budget.\n\nThe the vote was close.",
        );
        let mut r = engine.analyze(&doc);
        assert!(r.sentences.iter().all(|s| !s.findings.is_empty()), "{r:?}");
        let first = &r.sentences[0];
        let line = format!(
            "{HEADER}\n{}\t{}\t{}\n",
            first.findings[0].code,
            sentence_hash(&first.text),
            first.text
        );
        let b = Baseline::parse("b.tsv", &line).unwrap();
        let before = r.score;
        let removed = b.apply(&mut r, &engine);
        assert_eq!(removed, 1);
        assert!(r.sentences[0].findings.is_empty());
        assert_eq!(r.sentences[0].score, 100);
        // The other sentence's finding (same code, other text) stays.
        assert!(!r.sentences[1].findings.is_empty());
        assert!(r.score > before);
    }

    #[test]
    fn writer_output_reads_back_and_bad_lines_name_their_line() {
        let engine = Engine::default_engine().unwrap();
        let mut r = engine.analyze(&Document::new("d", "The the\tvote was close."));
        let mut buf = Vec::new();
        let mut w = BaselineWriter::new(&mut buf).unwrap();
        w.write(&r).unwrap();
        w.write(&r).unwrap();
        w.finish().unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains("The the\\tvote"), "{text}");
        let b = Baseline::parse("b", &text).unwrap();
        assert_eq!(b.len(), 1);
        b.apply(&mut r, &engine);
        assert!(r.sentences[0].findings.is_empty());
        let e = Baseline::parse("b.tsv", "# c\nrepetition\tzz\n").unwrap_err();
        assert_eq!(e.origin, "b.tsv:2");
    }
}

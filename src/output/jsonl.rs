//! JSONL writer: the CSV fields of each sentence plus its findings and byte offsets.

use super::{evidence, flags, ReportWriter, RowFilter};
use crate::analyze::{DocReport, FindingReport};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    sentence: usize,
    line: usize,
    start: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
    lang: &'a str,
    lang_confidence: f64,
    score: u32,
    penalty: f64,
    verdict: &'a str,
    flags: String,
    evidence: String,
    suggestions: String,
    text: &'a str,
    /// Localization files only: the translation unit's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    findings: &'a [FindingReport],
    /// Web pages: the sentence's byte range in the page's (UTF-8) HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    html_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html_end: Option<usize>,
}

/// Writes one JSON object per sentence.
pub struct JsonlWriter<W: Write> {
    w: W,
    filter: RowFilter,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer.
    pub fn new(w: W, filter: RowFilter) -> Self {
        JsonlWriter { w, filter }
    }
}

impl<W: Write> ReportWriter for JsonlWriter<W> {
    fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        for s in doc.sentences.iter().filter(|s| self.filter.keep(s)) {
            let html = doc.page.as_ref().map(|p| {
                let last = s.text.chars().next_back().map_or(0, char::len_utf8);
                let end = p.html_offset(s.end_byte.saturating_sub(last.max(1))) + last;
                (p.html_offset(s.start_byte), end)
            });
            let row = Row {
                doc: &doc.id,
                sentence: s.index,
                line: s.line,
                start: s.start,
                end: s.end,
                start_byte: s.start_byte,
                end_byte: s.end_byte,
                lang: s.lang,
                lang_confidence: s.lang_confidence,
                score: s.score,
                penalty: s.penalty,
                verdict: s.verdict.as_str(),
                flags: flags(s),
                evidence: evidence(s),
                suggestions: super::suggestions(s),
                text: &s.text,
                unit: s.unit.as_deref(),
                findings: &s.findings,
                html_start: html.map(|h| h.0),
                html_end: html.map(|h| h.1),
            };
            serde_json::to_writer(&mut self.w, &row)?;
            self.w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

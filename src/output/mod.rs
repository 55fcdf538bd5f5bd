//! Output writers: one row per sentence as CSV or TSV (the spreadsheet contract), or JSONL
//! with the findings; and the one-row-per-document summary.

mod csv;
mod jsonl;

pub use self::csv::{CsvWriter, SummaryFormat, SummaryRow, SummaryWriter, SUMMARY_HEADER};
pub use self::jsonl::JsonlWriter;

use crate::analyze::{DocReport, SentenceReport};
use std::io;

/// The fixed CSV header, part of the interface.
pub const HEADER: [&str; 14] = [
    "doc",
    "sentence",
    "line",
    "start",
    "end",
    "lang",
    "lang_confidence",
    "score",
    "penalty",
    "verdict",
    "flags",
    "evidence",
    "suggestions",
    "text",
];

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Comma-separated, RFC 4180 quoting.
    Csv,
    /// Tab-separated, quoted like CSV where needed.
    Tsv,
    /// One JSON object per sentence, with findings.
    Jsonl,
}

/// Which rows to write.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowFilter {
    /// Only sentences with at least one finding.
    pub only_flagged: bool,
    /// Only sentences scoring at least this.
    pub min_score: Option<u32>,
}

impl RowFilter {
    /// True when the sentence is written.
    pub fn keep(&self, s: &SentenceReport) -> bool {
        (!self.only_flagged || !s.findings.is_empty())
            && self.min_score.is_none_or(|m| s.score >= m)
    }
}

/// A sink for document reports.
pub trait ReportWriter {
    /// Writes the rows of one document.
    fn write(&mut self, doc: &DocReport) -> io::Result<()>;
    /// Flushes.
    fn finish(&mut self) -> io::Result<()>;
}

/// Distinct codes in order of first occurrence, joined by `;`.
pub fn flags(s: &SentenceReport) -> String {
    let mut out = String::new();
    push_flags(s, &mut out);
    out
}

/// Appends [`flags`] to `out`.
pub fn push_flags(s: &SentenceReport, out: &mut String) {
    let mut first = true;
    for (i, f) in s.findings.iter().enumerate() {
        if s.findings[..i].iter().all(|g| g.code != f.code) {
            if !first {
                out.push(';');
            }
            first = false;
            out.push_str(f.code);
        }
    }
}

/// Each finding as `code: "matched"`, joined by ` | `.
pub fn evidence(s: &SentenceReport) -> String {
    let mut out = String::new();
    push_evidence(s, &mut out);
    out
}

/// Appends [`evidence`] to `out`.
pub fn push_evidence(s: &SentenceReport, out: &mut String) {
    for (i, f) in s.findings.iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        out.push_str(f.code);
        out.push_str(": \"");
        out.push_str(&f.matched);
        out.push('"');
    }
}

/// Each finding with a suggestion as `"matched" → "replacement"`, joined by ` | `.
pub fn suggestions(s: &SentenceReport) -> String {
    let mut out = String::new();
    push_suggestions(s, &mut out);
    out
}

/// Appends [`suggestions`] to `out`.
pub fn push_suggestions(s: &SentenceReport, out: &mut String) {
    let mut first = true;
    for f in &s.findings {
        if let Some(r) = &f.suggestion {
            if !first {
                out.push_str(" | ");
            }
            first = false;
            out.push('"');
            out.push_str(&f.matched);
            out.push_str("\" → \"");
            out.push_str(r);
            out.push('"');
        }
    }
}

/// True when a cell would start a spreadsheet formula (see [`safe_cell`]).
pub fn needs_formula_guard(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Neutralizes spreadsheet formulas: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading `'`.
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_formula_guard(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A language confidence with at most two decimals.
pub fn format_conf(c: f64) -> String {
    let s = format!("{c:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_injection_is_neutralized() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1"), "'+1");
        assert_eq!(safe_cell("-"), "'-");
        assert_eq!(safe_cell("@SUM"), "'@SUM");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("plain = fine"), "plain = fine");
    }

    #[test]
    fn confidence_format() {
        assert_eq!(format_conf(0.5), "0.5");
        assert_eq!(format_conf(1.0), "1");
        assert_eq!(format_conf(0.123), "0.12");
        assert_eq!(format_conf(0.0), "0");
    }
}

//! Output writers: one row per sentence as CSV or TSV (the spreadsheet contract), or JSONL
//! with the findings; an XLSX workbook or an HTML report for reviewers; and the
//! one-row-per-document summary.

mod csv;
mod html;
mod jsonl;
mod xlsx;

pub use self::csv::{CsvWriter, SummaryFormat, SummaryRow, SummaryWriter, SUMMARY_HEADER};
pub use self::html::HtmlWriter;
pub use self::jsonl::JsonlWriter;
pub use self::xlsx::{XlsxTarget, XlsxWriter};

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
    /// An Excel workbook: the sentences and a summary sheet.
    Xlsx,
    /// One self-contained HTML page for a reviewer.
    Html,
}

impl OutputFormat {
    /// The format an output file's extension names (`report.xlsx`), if any.
    pub fn from_path(p: &std::path::Path) -> Option<Self> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => OutputFormat::Csv,
            "tsv" | "tab" => OutputFormat::Tsv,
            "jsonl" | "ndjson" => OutputFormat::Jsonl,
            "xlsx" => OutputFormat::Xlsx,
            "html" | "htm" => OutputFormat::Html,
            _ => return None,
        })
    }
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
    /// Hands what is written so far to the output (after each batch, so that a pipe gets the
    /// rows of what it sent); a format that is only whole at the end (a workbook) keeps them.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Writes the end of the output (for some formats) and flushes.
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
    if s.starts_with(['\t', '\r']) {
        return true;
    }
    // Spreadsheets skip leading spaces, and some (with an East Asian input method) read the
    // full-width and small forms of the formula characters as the characters themselves.
    s.trim_start().starts_with([
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\u{fe66}', '\u{fe62}',
        '\u{fe63}', '\u{fe6b}',
    ])
}

/// Neutralizes spreadsheet formulas: a cell starting with `=`, `+`, `-`, `@` (also after
/// white space, and in their full-width and small forms `＝＋－＠﹦﹢﹣﹫`), tab or carriage
/// return gets a leading `'`.
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_formula_guard(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// What a NUL byte of the input is written as in CSV and TSV cells: U+2400 SYMBOL FOR NULL,
/// one character like the NUL, so offsets still count right. Raw NULs end a cell early in
/// many tools (C strings) and make spreadsheets refuse the file.
pub const NUL_SYMBOL: &str = "\u{2400}";

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
        assert_eq!(safe_cell("  =1+1"), "'  =1+1");
        assert_eq!(safe_cell("\u{a0}@x"), "'\u{a0}@x");
        for c in [
            '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\u{fe66}', '\u{fe62}', '\u{fe63}',
            '\u{fe6b}',
        ] {
            assert_eq!(safe_cell(&format!("{c}1")), format!("'{c}1"));
            assert_eq!(safe_cell(&format!("a {c} 1")), format!("a {c} 1"));
        }
    }

    #[test]
    fn confidence_format() {
        assert_eq!(format_conf(0.5), "0.5");
        assert_eq!(format_conf(1.0), "1");
        assert_eq!(format_conf(0.123), "0.12");
        assert_eq!(format_conf(0.0), "0");
    }
}

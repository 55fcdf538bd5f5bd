//! XLSX writer: a native Excel workbook (rust_xlsxwriter) with the CSV's columns on a sheet
//! "sentences" and the summary's on a sheet "summary".
//!
//! Both sheets are written in rust_xlsxwriter's constant-memory mode: each row goes to a
//! temporary file as it is written, so memory does not grow with the run. That mode needs rows
//! in order and forbids going back, which suits a stream of documents; the autofilter and the
//! frozen pane are sheet settings, not cells, so they are set when the run ends (the
//! autofilter then covers every row written).

use super::{
    needs_formula_guard, push_evidence, push_flags, push_suggestions, ReportWriter, RowFilter,
    SummaryRow, HEADER, SUMMARY_HEADER,
};
use crate::analyze::{DocReport, SentenceReport};
use crate::score::Verdict;
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};
use std::path::PathBuf;

/// Appends a text column of a sentence (flags, evidence, suggestions) to a buffer.
type Fill = fn(&SentenceReport, &mut String);

/// The most characters Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// The last row index of a sheet (Excel has 1,048,576 rows; row 0 is the header).
const MAX_ROW: u32 = 1_048_575;

/// Where the workbook goes when the run ends.
pub enum XlsxTarget {
    /// A file.
    File(PathBuf),
    /// Any stream (standard output when it is not a terminal).
    Stream(Box<dyn Write + Send>),
}

/// Writes the workbook; nothing is saved until [`ReportWriter::finish`].
pub struct XlsxWriter {
    workbook: Workbook,
    sentences: Worksheet,
    summary: Worksheet,
    target: Option<XlsxTarget>,
    filter: RowFilter,
    safe: bool,
    /// The next row of each sheet (row 0 holds the header).
    row: u32,
    summary_row: u32,
    formats: Formats,
    /// Reused for flags, evidence and suggestions.
    scratch: String,
    /// Cells cut to Excel's limit (reported on standard error when the run ends).
    cut: usize,
}

struct Formats {
    header: Format,
    /// A text cell that would start a formula if a user re-typed it (see [`XlsxWriter::text`]).
    guarded: Format,
    ok: Format,
    review: Format,
    reject: Format,
}

fn io_err(e: XlsxError) -> io::Error {
    match e {
        XlsxError::IoError(e) => e,
        e => io::Error::other(format!("cannot write the workbook: {e}")),
    }
}

impl XlsxWriter {
    /// A workbook that will be saved to `target`; `safe` marks cells that start like a
    /// formula as quote-prefixed text.
    pub fn new(target: XlsxTarget, safe: bool, filter: RowFilter) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        let mut sentences = workbook.new_worksheet_with_constant_memory();
        let mut summary = workbook.new_worksheet_with_constant_memory();
        sentences.set_name("sentences").map_err(io_err)?;
        summary.set_name("summary").map_err(io_err)?;
        // Excel's own "Good", "Neutral" and "Bad" cell styles.
        let band = |fill: u32, font: u32| {
            Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        let formats = Formats {
            header: Format::new().set_bold(),
            guarded: Format::new().set_quote_prefix(),
            ok: band(0xC6EFCE, 0x006100),
            review: band(0xFFEB9C, 0x9C5700),
            reject: band(0xFFC7CE, 0x9C0006),
        };
        for (col, h) in HEADER.iter().enumerate() {
            sentences
                .write_string_with_format(0, col as u16, *h, &formats.header)
                .map_err(io_err)?;
        }
        for (col, h) in SUMMARY_HEADER.iter().enumerate() {
            summary
                .write_string_with_format(0, col as u16, *h, &formats.header)
                .map_err(io_err)?;
        }
        // Widths in characters: the text, evidence and suggestions are what a reviewer reads.
        for (col, width) in [(0, 24), (10, 24), (11, 40), (12, 32), (13, 90)] {
            sentences.set_column_width(col, width).map_err(io_err)?;
        }
        summary.set_column_width(0, 24).map_err(io_err)?;
        summary.set_column_width(8, 40).map_err(io_err)?;
        Ok(XlsxWriter {
            workbook,
            sentences,
            summary,
            target: Some(target),
            filter,
            safe,
            row: 1,
            summary_row: 1,
            formats,
            scratch: String::new(),
            cut: 0,
        })
    }

    /// Writes a text cell as a string, never as a formula. With `safe`, a text that starts
    /// like a formula (`=`, `+`, `-`, `@`, tab, CR) also gets Excel's quote prefix, the cell
    /// attribute a typed `'` sets: the value stays the exact text, and editing the cell in
    /// Excel keeps it text instead of turning it into a formula.
    fn text(
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        text: &str,
        guard: Option<&Format>,
        cut: &mut usize,
    ) -> io::Result<()> {
        let text = fit(text, cut);
        match guard.filter(|_| needs_formula_guard(&text)) {
            Some(f) => sheet.write_string_with_format(row, col, text, f),
            None => sheet.write_string(row, col, text),
        }
        .map_err(io_err)?;
        Ok(())
    }

    fn sentence(&mut self, doc: &DocReport, s: &SentenceReport) -> io::Result<()> {
        if self.row > MAX_ROW {
            return Err(io::Error::other(
                "a workbook sheet holds at most 1,048,575 sentences: write CSV or JSONL for \
                 this run, or narrow it (--only-flagged, --min-score)",
            ));
        }
        let (r, guard) = (self.row, self.safe.then_some(&self.formats.guarded));
        let sh = &mut self.sentences;
        let cut = &mut self.cut;
        Self::text(sh, r, 0, &doc.id, guard, cut)?;
        let numbers = [
            (1, s.index as f64),
            (2, s.line as f64),
            (3, s.start as f64),
            (4, s.end as f64),
            // As the CSV writes it: two decimals.
            (6, (s.lang_confidence * 100.0).round() / 100.0),
            (7, f64::from(s.score)),
            (8, s.penalty),
        ];
        for (col, n) in numbers {
            sh.write_number(r, col, n).map_err(io_err)?;
        }
        Self::text(sh, r, 5, s.lang, None, cut)?;
        let band = match s.verdict {
            Verdict::Ok => &self.formats.ok,
            Verdict::Review => &self.formats.review,
            Verdict::Reject => &self.formats.reject,
        };
        sh.write_string_with_format(r, 9, s.verdict.as_str(), band)
            .map_err(io_err)?;
        if !s.findings.is_empty() {
            let fills: [(u16, Fill); 3] = [
                (10, push_flags),
                (11, push_evidence),
                (12, push_suggestions),
            ];
            for (col, fill) in fills {
                self.scratch.clear();
                fill(s, &mut self.scratch);
                if !self.scratch.is_empty() {
                    Self::text(sh, r, col, &self.scratch, guard, cut)?;
                }
            }
        }
        Self::text(sh, r, 13, &s.text, guard, cut)?;
        self.row += 1;
        Ok(())
    }

    fn summary_line(&mut self, doc: &DocReport) -> io::Result<()> {
        if self.summary_row > MAX_ROW {
            return Err(io::Error::other(
                "the summary sheet holds at most 1,048,575 documents: use --summary FILE",
            ));
        }
        let r = self.summary_row;
        let guard = self.safe.then_some(&self.formats.guarded);
        // The summary's fields by name (the row serializes with the header's names), so that
        // a column added to the summary reaches the sheet too.
        let row = serde_json::to_value(SummaryRow::of(doc)).map_err(io::Error::other)?;
        for (col, name) in SUMMARY_HEADER.iter().enumerate() {
            let col = col as u16;
            match &row[*name] {
                serde_json::Value::Number(n) => {
                    let n = n.as_f64().unwrap_or(f64::NAN);
                    self.summary.write_number(r, col, n).map_err(io_err)?;
                }
                serde_json::Value::String(s) => {
                    Self::text(&mut self.summary, r, col, s, guard, &mut self.cut)?
                }
                _ => {}
            }
        }
        self.summary_row += 1;
        Ok(())
    }
}

/// The text, or its first characters and a note when it is longer than a cell can hold
/// (Excel refuses longer cells); `cut` counts such cells.
fn fit<'a>(text: &'a str, cut: &mut usize) -> std::borrow::Cow<'a, str> {
    // A byte count below the limit is a character count below it too.
    if text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS {
        return text.into();
    }
    *cut += 1;
    let total = text.chars().count();
    let note = format!(" … [cut: {total} characters; CSV and JSONL keep the whole text]");
    let keep = MAX_CELL_CHARS - note.chars().count();
    let mut s: String = text.chars().take(keep).collect();
    s.push_str(&note);
    s.into()
}

impl ReportWriter for XlsxWriter {
    fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        let filter = self.filter;
        for s in doc.sentences.iter().filter(|s| filter.keep(s)) {
            self.sentence(doc, s)?;
        }
        self.summary_line(doc)
    }

    fn finish(&mut self) -> io::Result<()> {
        let Some(target) = self.target.take() else {
            return Ok(());
        };
        let last = (self.row - 1, self.summary_row - 1);
        self.sentences.set_freeze_panes(1, 0).map_err(io_err)?;
        self.summary.set_freeze_panes(1, 0).map_err(io_err)?;
        self.sentences
            .autofilter(0, 0, last.0, HEADER.len() as u16 - 1)
            .map_err(io_err)?;
        self.summary
            .autofilter(0, 0, last.1, SUMMARY_HEADER.len() as u16 - 1)
            .map_err(io_err)?;
        self.workbook
            .push_worksheet(std::mem::replace(&mut self.sentences, Worksheet::new()));
        self.workbook
            .push_worksheet(std::mem::replace(&mut self.summary, Worksheet::new()));
        if self.cut > 0 {
            eprintln!(
                "mtlint: warning: {} cell(s) longer than Excel's {MAX_CELL_CHARS} characters were \
                 cut in the workbook (each says so at its end)",
                self.cut
            );
        }
        match target {
            XlsxTarget::File(p) => self
                .workbook
                .save(&p)
                .map_err(|e| io::Error::other(format!("{}: {}", p.display(), io_err(e)))),
            XlsxTarget::Stream(mut w) => {
                self.workbook.save_to_writer(&mut w).map_err(io_err)?;
                w.flush()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_with_a_note() {
        let mut cut = 0;
        assert_eq!(fit("short", &mut cut), "short");
        assert_eq!(cut, 0);
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let f = fit(&long, &mut cut);
        assert_eq!(f.chars().count(), MAX_CELL_CHARS);
        assert!(f.ends_with("[cut: 32777 characters; CSV and JSONL keep the whole text]"));
        assert_eq!(cut, 1);
        // Exactly at the limit: kept whole.
        let edge = "é".repeat(MAX_CELL_CHARS);
        assert_eq!(fit(&edge, &mut cut).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cut, 1);
    }
}

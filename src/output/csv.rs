//! CSV and TSV writers for sentences and for the per-document summary.

use super::{evidence, flags, format_conf, safe_cell, ReportWriter, RowFilter, HEADER};
use crate::analyze::DocReport;
use crate::score::format_penalty;
use std::io::{self, Write};

fn writer<W: Write>(w: W, delimiter: u8) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(w)
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        k => io::Error::other(format!("{k:?}")),
    }
}

/// Writes one row per sentence with the fixed header.
pub struct CsvWriter<W: Write> {
    w: csv::Writer<W>,
    filter: RowFilter,
    safe: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer; `tab` for TSV, `bom` for Excel, `safe` neutralizes formulas.
    pub fn new(
        mut out: W,
        tab: bool,
        bom: bool,
        safe: bool,
        filter: RowFilter,
    ) -> io::Result<Self> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = writer(out, if tab { b'\t' } else { b',' });
        w.write_record(HEADER).map_err(io_err)?;
        Ok(CsvWriter { w, filter, safe })
    }
}

impl<W: Write> ReportWriter for CsvWriter<W> {
    fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        let cell = |s: &str| -> String {
            if self.safe {
                safe_cell(s).into_owned()
            } else {
                s.to_string()
            }
        };
        // Standard input is named `-` (the spec's `doc` column); a lone `-` is no formula.
        let id = if doc.id == "-" {
            doc.id.clone()
        } else {
            cell(&doc.id)
        };
        for s in doc.sentences.iter().filter(|s| self.filter.keep(s)) {
            let row = [
                id.clone(),
                s.index.to_string(),
                s.line.to_string(),
                s.start.to_string(),
                s.end.to_string(),
                s.lang.to_string(),
                format_conf(s.lang_confidence),
                s.score.to_string(),
                format_penalty(s.penalty),
                s.verdict.as_str().to_string(),
                cell(&flags(s)),
                cell(&evidence(s)),
                cell(&super::suggestions(s)),
                cell(&s.text),
            ];
            self.w.write_record(&row).map_err(io_err)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// Writes one row per document: `doc,lang,target,sentences,words,flagged,score,verdict,flags`
/// where `flags` counts each code (`boilerplate:3;credit:1`).
pub struct SummaryWriter<W: Write> {
    w: csv::Writer<W>,
    safe: bool,
}

impl<W: Write> SummaryWriter<W> {
    /// A summary writer.
    pub fn new(out: W, safe: bool) -> io::Result<Self> {
        let mut w = writer(out, b',');
        w.write_record([
            "doc",
            "lang",
            "target",
            "sentences",
            "words",
            "flagged",
            "score",
            "verdict",
            "flags",
        ])
        .map_err(io_err)?;
        Ok(SummaryWriter { w, safe })
    }

    /// Writes a document's row.
    pub fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for f in doc.sentences.iter().flat_map(|s| &s.findings) {
            match counts.iter_mut().find(|(c, _)| *c == f.code) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.code, 1)),
            }
        }
        let flags = counts
            .iter()
            .map(|(c, n)| format!("{c}:{n}"))
            .collect::<Vec<_>>()
            .join(";");
        let id = if self.safe && doc.id != "-" {
            safe_cell(&doc.id).into_owned()
        } else {
            doc.id.clone()
        };
        let row = [
            id,
            doc.lang.to_string(),
            doc.target.to_string(),
            doc.sentences.len().to_string(),
            doc.sentences
                .iter()
                .map(|s| s.words)
                .sum::<usize>()
                .to_string(),
            doc.sentences
                .iter()
                .filter(|s| !s.findings.is_empty())
                .count()
                .to_string(),
            doc.score.to_string(),
            doc.verdict.as_str().to_string(),
            flags,
        ];
        self.w.write_record(&row).map_err(io_err)
    }

    /// Flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

//! CSV and TSV writers for sentences and for the per-document summary.

use super::{
    format_conf, needs_formula_guard, push_evidence, push_flags, push_suggestions, safe_cell,
    ReportWriter, RowFilter, HEADER, NUL_SYMBOL,
};
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
///
/// The rows are encoded here, into a buffer that is reused, exactly as the `csv` crate
/// writes them with `writer` (RFC 4180: a field is quoted when it holds the delimiter, a
/// quote or a line break, and its quotes are doubled; records end with `\n`): building a
/// `String` per field and a record per row cost more than the analysis of some rules.
pub struct CsvWriter<W: Write> {
    out: W,
    /// Encoded rows not yet written to `out`.
    buf: Vec<u8>,
    delimiter: u8,
    filter: RowFilter,
    safe: bool,
    /// Reused for the flags, evidence and suggestions of a row.
    scratch: String,
    /// Per byte: 1 when a field holding it is quoted (the delimiter, line breaks), 3 for the
    /// quote itself (quoted and doubled), 4 for NUL (replaced by [`NUL_SYMBOL`]).
    special: [u8; 256],
}

/// Bytes collected before they are written to the output.
const FLUSH_AT: usize = 1 << 16;

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
        let delimiter = if tab { b'\t' } else { b',' };
        let mut special = [0; 256];
        for c in [delimiter, b'\n', b'\r'] {
            special[usize::from(c)] = 1;
        }
        special[usize::from(b'"')] = 3;
        special[0] = 4;
        let mut w = CsvWriter {
            out,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            delimiter,
            filter,
            safe,
            scratch: String::new(),
            special,
        };
        for (i, h) in HEADER.iter().enumerate() {
            w.field(i, h, false);
        }
        w.buf.push(b'\n');
        Ok(w)
    }

    /// Appends field number `i` of a row: after a delimiter unless it is the first, with a
    /// leading `'` when `guard`, quoted when it holds the delimiter, a quote or a line break,
    /// NUL bytes written as [`NUL_SYMBOL`].
    #[inline]
    fn field(&mut self, i: usize, text: &str, guard: bool) {
        let d = self.delimiter;
        let b = text.as_bytes();
        // Bit 1: the field must be quoted; bit 2: it holds a quote to double; bit 4: a NUL.
        let kinds = if b.len() < 32 {
            b.iter().fold(0, |k, &c| k | self.special[usize::from(c)])
        } else {
            crate::matcher::byte_classes(b, |c| {
                u8::from((c == d) | (c == b'\n') | (c == b'\r'))
                    | (u8::from(c == b'"') * 3)
                    | (u8::from(c == 0) * 4)
            })
        };
        if kinds & 4 != 0 {
            let clean = text.replace('\0', NUL_SYMBOL);
            return self.field(i, &clean, guard);
        }
        if i > 0 {
            self.buf.push(self.delimiter);
        }
        let quote = kinds != 0;
        let buf = &mut self.buf;
        if quote {
            buf.push(b'"');
        }
        if guard {
            buf.push(b'\'');
        }
        if kinds & 2 != 0 {
            for (k, part) in b.split(|&c| c == b'"').enumerate() {
                if k > 0 {
                    buf.extend_from_slice(b"\"\"");
                }
                buf.extend_from_slice(part);
            }
        } else {
            buf.extend_from_slice(b);
        }
        if quote {
            buf.push(b'"');
        }
    }

    /// A field that holds text from the input: neutralized when `safe` and it starts a formula.
    fn cell(&mut self, i: usize, text: &str) {
        let guard = self.safe && needs_formula_guard(text);
        self.field(i, text, guard);
    }

    /// A number field (digits never need quotes).
    fn number(&mut self, i: usize, n: u64) {
        if i > 0 {
            self.buf.push(self.delimiter);
        }
        push_u64(&mut self.buf, n);
    }

    /// The scratch text as a cell (the scratch is taken out and put back to reuse it).
    fn scratch_cell(&mut self, i: usize, fill: impl FnOnce(&mut String)) {
        let mut t = std::mem::take(&mut self.scratch);
        t.clear();
        fill(&mut t);
        self.cell(i, &t);
        self.scratch = t;
    }
}

/// Appends the decimal digits of `n` (as `n.to_string()` writes them).
#[inline]
fn push_u64(buf: &mut Vec<u8>, mut n: u64) {
    if n < 10 {
        buf.push(b'0' + n as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
}

/// Appends [`format_conf`]`(c)` without formatting a float: `c` rounded to two decimals is
/// computed in integers when `c` is a confidence in 0–1 that is not (nearly) halfway between
/// two hundredths, where the rounding of the formatter is left to itself.
fn push_conf(buf: &mut Vec<u8>, c: f64) {
    let y = c * 100.0;
    let near_tie = (y - y.floor() - 0.5).abs() < 1e-6;
    if !(0.0..=1.0).contains(&c) || c.is_sign_negative() || near_tie {
        buf.extend_from_slice(format_conf(c).as_bytes());
        return;
    }
    // |y - 100c| is below 1e-13, far less than the distance to a tie: rounding y to the
    // nearest integer is rounding the exact 100c.
    let k = y.round() as u64;
    let (int, frac) = (k / 100, k % 100);
    push_u64(buf, int);
    if frac != 0 {
        buf.push(b'.');
        buf.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            buf.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// Appends [`format_penalty`]`(p)`: an integer penalty without formatting a float.
fn push_penalty(buf: &mut Vec<u8>, p: f64) {
    if p.fract() == 0.0 {
        // `format_penalty` writes `p as i64`.
        let i = p as i64;
        if i < 0 {
            buf.push(b'-');
        }
        push_u64(buf, i.unsigned_abs());
    } else {
        buf.extend_from_slice(format_penalty(p).as_bytes());
    }
}

impl<W: Write> ReportWriter for CsvWriter<W> {
    fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        // Standard input is named `-` (the spec's `doc` column); a lone `-` is no formula.
        let id_guard = self.safe && doc.id != "-" && needs_formula_guard(&doc.id);
        let filter = self.filter;
        for s in doc.sentences.iter().filter(|s| filter.keep(s)) {
            self.field(0, &doc.id, id_guard);
            self.number(1, s.index as u64);
            self.number(2, s.line as u64);
            self.number(3, s.start as u64);
            self.number(4, s.end as u64);
            self.field(5, s.lang, false);
            self.buf.push(self.delimiter);
            push_conf(&mut self.buf, s.lang_confidence);
            self.number(7, u64::from(s.score));
            self.buf.push(self.delimiter);
            push_penalty(&mut self.buf, s.penalty);
            self.field(9, s.verdict.as_str(), false);
            if s.findings.is_empty() {
                // Empty flags, evidence and suggestions.
                self.buf.extend_from_slice(&[self.delimiter; 3]);
            } else {
                self.scratch_cell(10, |t| push_flags(s, t));
                self.scratch_cell(11, |t| push_evidence(s, t));
                self.scratch_cell(12, |t| push_suggestions(s, t));
            }
            self.cell(13, &s.text);
            self.buf.push(b'\n');
            if self.buf.len() >= FLUSH_AT {
                self.out.write_all(&self.buf)?;
                self.buf.clear();
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.finish()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

impl<W: Write> Drop for CsvWriter<W> {
    /// Writes what is left, like the `csv` crate's writer (errors cannot be reported here).
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// The summary's columns, in order (the first nine are those of earlier versions; new ones
/// are only ever added at the end).
pub const SUMMARY_HEADER: [&str; 15] = [
    "doc",
    "lang",
    "target",
    "sentences",
    "words",
    "flagged",
    "score",
    "verdict",
    "flags",
    "penalty",
    "translation_score",
    "page_score",
    "html_kept_chars",
    "html_left_out_chars",
    "html_left_out_blocks",
];

/// One document's summary row: `flags` counts each code (`boilerplate:3;credit:1`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SummaryRow {
    /// The document id.
    pub doc: String,
    /// Detected dominant language.
    pub lang: &'static str,
    /// The language the rules judged against.
    pub target: &'static str,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of words.
    pub words: usize,
    /// Sentences with at least one finding.
    pub flagged: usize,
    /// The document score (MQM per-word penalty over the tolerance).
    pub score: u32,
    /// Its band.
    pub verdict: &'static str,
    /// Count of each code, in order of first occurrence.
    pub flags: String,
    /// Total penalty.
    pub penalty: f64,
    /// The score over translation errors only.
    pub translation_score: u32,
    /// The score over page junk only (boilerplate, credit, truncated, encoding).
    pub page_score: u32,
    /// Web pages: non-space characters of text written (empty for other inputs).
    pub html_kept_chars: Option<usize>,
    /// Web pages: non-space characters of visible text not written.
    pub html_left_out_chars: Option<usize>,
    /// Web pages: blocks of visible text not written.
    pub html_left_out_blocks: Option<usize>,
}

impl SummaryRow {
    /// The summary of a document.
    pub fn of(doc: &DocReport) -> SummaryRow {
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
        SummaryRow {
            doc: doc.id.clone(),
            lang: doc.lang,
            target: doc.target,
            sentences: doc.sentences.len(),
            words: doc.words,
            flagged: doc
                .sentences
                .iter()
                .filter(|s| !s.findings.is_empty())
                .count(),
            score: doc.score,
            verdict: doc.verdict.as_str(),
            flags,
            penalty: doc.penalty,
            translation_score: doc.translation_score,
            page_score: doc.page_score,
            html_kept_chars: doc.page.as_ref().map(|p| p.stats.kept_chars),
            html_left_out_chars: doc.page.as_ref().map(|p| p.stats.dropped_chars),
            html_left_out_blocks: doc.page.as_ref().map(|p| p.stats.dropped_blocks),
        }
    }
}

/// How the summary is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    /// Comma-separated, with a header row.
    Csv,
    /// One JSON object per document.
    Jsonl,
}

impl SummaryFormat {
    /// Guessed from the summary file's extension: `.jsonl`/`.json` → JSONL, else CSV.
    pub fn guess(path: &std::path::Path) -> SummaryFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json") => {
                SummaryFormat::Jsonl
            }
            _ => SummaryFormat::Csv,
        }
    }
}

enum SummaryOut<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

/// Writes one row per document ([`SUMMARY_HEADER`]), as CSV or JSONL.
pub struct SummaryWriter<W: Write> {
    out: SummaryOut<W>,
    safe: bool,
}

impl<W: Write> SummaryWriter<W> {
    /// A CSV summary writer (writes the header).
    pub fn new(out: W, safe: bool) -> io::Result<Self> {
        Self::with_format(out, safe, SummaryFormat::Csv)
    }

    /// A summary writer in the given format (CSV writes the header; JSONL has none, and its
    /// ids are not formula-guarded: JSON is not opened in a spreadsheet).
    pub fn with_format(out: W, safe: bool, format: SummaryFormat) -> io::Result<Self> {
        let out = match format {
            SummaryFormat::Csv => {
                let mut w = writer(out, b',');
                w.write_record(SUMMARY_HEADER).map_err(io_err)?;
                SummaryOut::Csv(Box::new(w))
            }
            SummaryFormat::Jsonl => SummaryOut::Jsonl(out),
        };
        Ok(SummaryWriter { out, safe })
    }

    /// Writes a document's row.
    pub fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        let row = SummaryRow::of(doc);
        let opt = |v: Option<usize>| v.map_or_else(String::new, |n| n.to_string());
        match &mut self.out {
            SummaryOut::Jsonl(w) => {
                serde_json::to_writer(&mut *w, &row)?;
                w.write_all(b"\n")
            }
            SummaryOut::Csv(w) => {
                let id = if self.safe && row.doc != "-" {
                    safe_cell(&row.doc).into_owned()
                } else {
                    row.doc.clone()
                };
                let id = id.replace('\0', NUL_SYMBOL);
                let fields = [
                    id,
                    row.lang.to_string(),
                    row.target.to_string(),
                    row.sentences.to_string(),
                    row.words.to_string(),
                    row.flagged.to_string(),
                    row.score.to_string(),
                    row.verdict.to_string(),
                    row.flags,
                    format_penalty(row.penalty),
                    row.translation_score.to_string(),
                    row.page_score.to_string(),
                    opt(row.html_kept_chars),
                    opt(row.html_left_out_chars),
                    opt(row.html_left_out_blocks),
                ];
                w.write_record(&fields).map_err(io_err)
            }
        }
    }

    /// Flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        match &mut self.out {
            SummaryOut::Csv(w) => w.flush(),
            SummaryOut::Jsonl(w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_formatters_write_them() {
        let mut values: Vec<f64> = (0..=100_000).map(|i| f64::from(i) / 100_000.0).collect();
        values.extend([
            0.125,
            0.375,
            0.625,
            0.875,
            0.005,
            0.995,
            1.0 - 1e-17,
            1e-300,
        ]);
        values.extend([-0.0, -0.5, 1.5, 2.0, f64::NAN, f64::INFINITY, 0.1 + 0.2]);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..100_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            values.push((seed >> 11) as f64 / (1u64 << 53) as f64);
        }
        for c in values {
            let mut buf = Vec::new();
            push_conf(&mut buf, c);
            assert_eq!(String::from_utf8(buf).unwrap(), format_conf(c), "{c:e}");
        }
        for p in [
            0.0,
            -0.0,
            1.0,
            5.0,
            25.0,
            31.0,
            1e15,
            -3.0,
            2.5,
            0.1,
            f64::NAN,
            1e300,
        ] {
            let mut buf = Vec::new();
            push_penalty(&mut buf, p);
            assert_eq!(String::from_utf8(buf).unwrap(), format_penalty(p), "{p:e}");
        }
        for n in [0u64, 7, 10, 99, 100, 12_345, u64::MAX] {
            let mut buf = Vec::new();
            push_u64(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
    }

    #[test]
    fn rows_are_encoded_like_the_csv_crate() {
        let fields = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\rhere",
            "tab\there",
            "\"",
            "=1+2",
            "-",
            "ünïcödé, “quotes”",
            "a longer field, with a comma, and more text",
        ];
        for tab in [false, true] {
            let mut want = writer(Vec::new(), if tab { b'\t' } else { b',' });
            want.write_record(fields).unwrap();
            let want = want.into_inner().unwrap();
            let mut w =
                CsvWriter::new(Vec::new(), tab, false, false, RowFilter::default()).unwrap();
            w.buf.clear();
            for (i, f) in fields.iter().enumerate() {
                w.field(i, f, false);
            }
            w.buf.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&w.buf),
                String::from_utf8_lossy(&want)
            );
        }
    }
}

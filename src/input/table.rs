//! CSV and TSV batches: one document per row, read with the `csv` crate, with malformed rows
//! (a stray delimiter, a broken quote) named by file and line instead of cut or dropped.

use super::{batch_doc, decode, skip_bom, InputError, InputOptions, Item};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

/// Keeps a copy of the bytes a reader hands out, so that a malformed row can be looked at as
/// it was written (the csv reader only gives the fields it made of it).
struct Tee<R> {
    inner: R,
    seen: Rc<RefCell<Vec<u8>>>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.borrow_mut().extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// What is wrong with the quotes of a CSV row, as written.
#[derive(Debug, PartialEq)]
enum QuoteProblem {
    /// The quote at this byte opens a field that never closes.
    Unclosed(usize),
    /// The quote at the first byte opens a field that the quote at the second byte closes with
    /// more text after it (a quote inside a quoted field must be written twice).
    Stray(usize, usize),
}

/// Checks the quoting of one raw CSV row (RFC 4180). A quote inside an unquoted field is
/// taken literally, as the csv reader takes it.
fn quote_problem(raw: &[u8], delimiter: u8) -> Option<QuoteProblem> {
    let mut i = 0;
    let mut field_start = true;
    while i < raw.len() {
        let c = raw[i];
        if field_start && c == b'"' {
            let open = i;
            i += 1;
            loop {
                let Some(k) = memchr::memchr(b'"', &raw[i..]) else {
                    return Some(QuoteProblem::Unclosed(open));
                };
                let q = i + k;
                match raw.get(q + 1) {
                    Some(b'"') => i = q + 2,
                    None | Some(b'\n') | Some(b'\r') => {
                        i = q + 1;
                        break;
                    }
                    Some(&d) if d == delimiter => {
                        i = q + 1;
                        break;
                    }
                    Some(_) => return Some(QuoteProblem::Stray(open, q)),
                }
            }
            field_start = false;
            continue;
        }
        field_start = c == delimiter || c == b'\n' || c == b'\r';
        i += 1;
    }
    None
}

/// What to do after a row.
enum Flow {
    /// Read the next row.
    Next,
    /// Stop reading this file; `emit`'s answer (false: stop everything).
    Stop(bool),
}

/// A CSV/TSV batch being read: its layout and options.
struct Table<'a> {
    name: &'a str,
    delimiter: u8,
    quoting: bool,
    /// Number of columns of the header.
    width: usize,
    text_col: usize,
    id_col: Option<usize>,
    source_col: Option<usize>,
    opts: &'a InputOptions,
}

impl Table<'_> {
    /// Turns one row (its fields, and its bytes as written) starting on `line` into a document,
    /// or says why not. `reread` rows are lines read again after a broken quote.
    fn row(
        &self,
        record: &csv::ByteRecord,
        raw: &[u8],
        line: usize,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> Flow {
        let origin = format!("{}:{line}", self.name);
        let fail = |message: String, emit: &mut dyn FnMut(Item) -> bool| {
            let go = emit(Item::Error(InputError::new(origin.clone(), message)));
            if !go || self.opts.strict {
                Flow::Stop(go)
            } else {
                Flow::Next
            }
        };
        if self.quoting && memchr::memchr(b'"', raw).is_some() {
            if let Some(p) = quote_problem(raw, self.delimiter) {
                let line_of = |at: usize| line + raw[..at].iter().filter(|&&b| b == b'\n').count();
                let body = raw.strip_suffix(b"\n").unwrap_or(raw);
                let body = body.strip_suffix(b"\r").unwrap_or(body);
                let last = line_of(body.len());
                let (open, what) = match p {
                    QuoteProblem::Unclosed(open) => (
                        open,
                        format!(
                            "the quote opened on line {} is never closed (it runs to the end, line {last})",
                            line_of(open)
                        ),
                    ),
                    QuoteProblem::Stray(open, close) => (
                        open,
                        format!(
                            "the quote opened on line {} is closed on line {} with text after it (a quote inside a quoted field is written twice)",
                            line_of(open),
                            line_of(close)
                        ),
                    ),
                };
                let open_line = line_of(open);
                if open_line == last || self.opts.strict {
                    return fail(format!("{what}; row not checked"), emit);
                }
                let flow = fail(
                    format!(
                        "{what}; row not checked, lines {}–{last} read again one row per line",
                        open_line + 1
                    ),
                    emit,
                );
                if let Flow::Stop(go) = flow {
                    return Flow::Stop(go);
                }
                // The lines the broken field swallowed, each read as a row of its own.
                let after = raw[open..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(raw.len(), |k| open + k + 1);
                let mut n = open_line;
                for piece in raw[after..].split_inclusive(|&b| b == b'\n') {
                    n += 1;
                    if piece.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let mut rdr = csv::ReaderBuilder::new()
                        .delimiter(self.delimiter)
                        .quoting(self.quoting)
                        .flexible(true)
                        .has_headers(false)
                        .from_reader(piece);
                    let mut rec = csv::ByteRecord::new();
                    if rdr.read_byte_record(&mut rec).unwrap_or(false) {
                        if let Flow::Stop(go) = self.row(&rec, piece, n, emit) {
                            return Flow::Stop(go);
                        }
                    }
                }
                return Flow::Next;
            }
        }
        let mut joined = None;
        if record.len() > self.width {
            let (n, w) = (record.len(), self.width);
            if self.text_col + 1 < w || self.opts.strict {
                return fail(
                    format!(
                        "{n} fields, the header has {w}: which field holds the extra {} is unknown; row not checked (quote such fields)",
                        if self.delimiter == b'\t' { "tab" } else { "comma" }
                    ),
                    emit,
                );
            }
            // The text is the last column: the rest of the row is the text, as written.
            let message = if self.delimiter == b'\t' {
                format!("{n} fields, the header has {w}: a tab in the text? the rest of the line is kept as the text")
            } else {
                format!("{n} fields, the header has {w}: an unquoted comma in the text? the rest of the row is kept as the text (quote the text to silence this)")
            };
            if !emit(Item::Warning(InputError::new(origin.clone(), message))) {
                return Flow::Stop(false);
            }
            let rest: Vec<&[u8]> = record.iter().skip(self.text_col).collect();
            joined = Some(rest.join(&self.delimiter));
        }
        let field = |i: usize, emit: &mut dyn FnMut(Item) -> bool| -> Option<String> {
            decode(&origin, record.get(i).unwrap_or_default().to_vec(), 0, emit)
        };
        let text = match joined {
            Some(t) => t,
            None => match record.get(self.text_col) {
                Some(t) => t.to_vec(),
                None => {
                    return fail(
                        format!("row has no {:?} field", self.opts.text_column),
                        emit,
                    )
                }
            },
        };
        let Some(text) = decode(&origin, text, 0, emit) else {
            return Flow::Stop(false);
        };
        let id = match self.id_col {
            Some(i) => match field(i, emit) {
                Some(s) if !s.is_empty() => s,
                Some(_) => origin.clone(),
                None => return Flow::Stop(false),
            },
            None => origin.clone(),
        };
        let source = match self.source_col {
            Some(i) => match field(i, emit) {
                Some(s) if !s.trim().is_empty() => Some(s),
                Some(_) => None,
                None => return Flow::Stop(false),
            },
            None => None,
        };
        if emit(Item::Doc(batch_doc(id, text, source, self.opts))) {
            Flow::Next
        } else {
            Flow::Stop(false)
        }
    }
}

/// The column names of a CSV/TSV header: lossy UTF-8, without a byte-order mark, trimmed
/// (shared by the batch input and `mtlint eval`'s labelled tables).
pub fn column_names(headers: &csv::ByteRecord) -> Vec<String> {
    headers
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect()
}

pub(super) fn read_table(
    name: &str,
    reader: impl Read,
    delimiter: u8,
    quoting: bool,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let tee = Tee {
        inner: skip_bom(reader),
        seen: Rc::clone(&seen),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(quoting)
        .flexible(true)
        .has_headers(true)
        .from_reader(tee);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return emit(Item::Error(InputError::new(
                name,
                format!("cannot read header: {e}"),
            )))
        }
    };
    let names = column_names(&headers);
    if names.iter().all(String::is_empty) {
        return emit(Item::Warning(InputError::new(name, "empty file, no rows")));
    }
    let find = |c: &str| names.iter().position(|n| n == c);
    let Some(text_col) = find(&opts.text_column) else {
        return emit(Item::Error(InputError::new(
            format!("{name}:1"),
            format!(
                "missing column {:?} (columns: {})",
                opts.text_column,
                names.join(", ")
            ),
        )));
    };
    let id_col = find(&opts.id_column);
    let source_col = match &opts.source_column {
        Some(c) => match find(c) {
            Some(i) => Some(i),
            None => {
                return emit(Item::Error(InputError::new(
                    format!("{name}:1"),
                    format!(
                        "missing source column {c:?} (columns: {})",
                        names.join(", ")
                    ),
                )))
            }
        },
        None => None,
    };
    let table = Table {
        name,
        delimiter,
        quoting,
        width: names.len(),
        text_col,
        id_col,
        source_col,
        opts,
    };
    // `seen[0]` is byte `consumed` of the stream; bytes before the current row are dropped
    // now and then, not after every row.
    let mut consumed = 0u64;
    let mut record = csv::ByteRecord::new();
    let mut row = 0usize;
    loop {
        row += 1;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => return true,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(row + 1, |p| p.line() as usize);
                if !emit(Item::Error(InputError::new(
                    format!("{name}:{line}"),
                    e.to_string(),
                ))) {
                    return false;
                }
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return true;
                }
                continue;
            }
        }
        let line = record.position().map_or(row + 1, |p| p.line() as usize);
        let start = record.position().map_or(consumed, csv::Position::byte);
        let end = rdr.position().byte();
        let flow = {
            let seen = seen.borrow();
            let at = |b: u64| {
                usize::try_from(b.saturating_sub(consumed)).map_or(0, |b| b.min(seen.len()))
            };
            table.row(
                &record,
                &seen[at(start)..at(end).max(at(start))],
                line,
                emit,
            )
        };
        if let Flow::Stop(go) = flow {
            return go;
        }
        if end - consumed > 1 << 16 {
            let mut seen = seen.borrow_mut();
            let k = usize::try_from(end - consumed).map_or(seen.len(), |k| k.min(seen.len()));
            seen.drain(..k);
            consumed = end;
        }
    }
}

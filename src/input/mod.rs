//! Inputs: files, directories (recursed), standard input, CSV/TSV (`table.rs`) and JSONL
//! batches, web pages and localization files, turned into documents one at a time so that memory is bounded by the largest document.

use crate::analyze::Document;
use crate::html::{self, Content};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
pub use table::column_names;
use table::read_table;

mod table;

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text: the whole file is one document.
    Text,
    /// CSV batch: one document per row.
    Csv,
    /// TSV batch (unquoted): one document per row.
    Tsv,
    /// JSON Lines batch: one document per line.
    Jsonl,
    /// XLIFF 1.2 or 2.x: one document per file, checked unit by unit.
    Xliff,
    /// gettext PO: one document per file, checked entry by entry.
    Po,
    /// TMX 1.4: one document per file, checked unit by unit.
    Tmx,
    /// A web page: its visible text (see `--html-content`).
    Html,
}

/// What a batch's text column or field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TextFormat {
    /// Plain text.
    #[default]
    Text,
    /// A web page's HTML, read as an `.html` file is.
    Html,
}

impl Format {
    /// The format a file's extension suggests (plain text for anything unknown).
    pub fn guess(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("csv") => Format::Csv,
            Some("tsv") | Some("tab") => Format::Tsv,
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            Some("xlf") | Some("xliff") => Format::Xliff,
            Some("po") => Format::Po,
            Some("tmx") => Format::Tmx,
            Some("html") | Some("htm") | Some("xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Column and field names for batch inputs.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Overrides the format guessed from the extension.
    pub format: Option<Format>,
    /// CSV/TSV column with the text.
    pub text_column: String,
    /// CSV/TSV column with the document id.
    pub id_column: String,
    /// CSV/TSV column with the source text (bilingual mode).
    pub source_column: Option<String>,
    /// JSONL field with the text.
    pub text_field: String,
    /// JSONL field with the id.
    pub id_field: String,
    /// JSONL field with the source text.
    pub source_field: Option<String>,
    /// A malformed CSV/TSV row stops its file with an error (by default: a warning or an error
    /// for that row, and the file goes on).
    pub strict: bool,
    /// Files that directory walks pass over with a note: this run's outputs.
    pub skip: Vec<FileId>,
    /// What the text column or field of a batch holds.
    pub text_format: TextFormat,
    /// Which text of a web page is checked.
    pub html_content: Content,
}

/// A file's identity: device and inode on unix (so hard links and symbolic links are the same
/// file), its canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

impl FileId {
    /// The identity of the file at `path` (symbolic links followed); `None` when it does not
    /// exist or cannot be looked at.
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileId::from_meta(&meta, path))
    }

    /// The identity of an open file.
    pub fn of_file(file: &std::fs::File, path: &Path) -> Option<FileId> {
        let meta = file.metadata().ok()?;
        Some(FileId::from_meta(&meta, path))
    }

    #[cfg(unix)]
    fn from_meta(meta: &std::fs::Metadata, _path: &Path) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId((meta.dev(), meta.ino()))
    }

    #[cfg(not(unix))]
    fn from_meta(_meta: &std::fs::Metadata, path: &Path) -> FileId {
        FileId(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: None,
            text_column: "text".into(),
            id_column: "id".into(),
            source_column: None,
            text_field: "text".into(),
            id_field: "id".into(),
            source_field: None,
            strict: false,
            skip: Vec::new(),
            text_format: TextFormat::Text,
            html_content: Content::Main,
        }
    }
}

/// A problem with an input, naming the file and, where it applies, the line or row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct InputError {
    /// `file` or `file:line`.
    pub origin: String,
    /// What went wrong.
    pub message: String,
}

impl InputError {
    pub(crate) fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            origin: origin.into(),
            message: message.into(),
        }
    }
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document to check.
    Doc(Document),
    /// The input (or a row of it) failed and was not checked.
    Error(InputError),
    /// The input was read, with a caveat (e.g. invalid UTF-8 replaced).
    Warning(InputError),
}

/// Reads every input in order and hands each item to `emit`; `emit` returns false to stop
/// early (e.g. a closed output pipe). `-` is standard input.
pub fn read_all(
    paths: &[PathBuf],
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    for p in paths {
        let go = if p.as_os_str() == "-" {
            read_stdin(opts, emit)
        } else if p.is_dir() {
            read_dir(p, opts, emit, &mut FileId::of(p).into_iter().collect())
        } else {
            read_file(p, opts, emit)
        };
        if !go {
            return false;
        }
    }
    true
}

fn read_stdin(opts: &InputOptions, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    if let Some(format) = opts.format {
        return read_stream("-", lock, format, opts, emit);
    }
    // Standard input has no extension: JSONL when its first non-blank line is a JSON object
    // (what `RDD.pipe` and Hadoop Streaming send), plain text otherwise. The lines read to
    // decide are handed on with the rest.
    let mut head = Vec::new();
    let format = loop {
        let start = head.len();
        match lock.read_until(b'\n', &mut head) {
            Ok(0) => break Format::Text,
            Ok(_) if head[start..].iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => break sniff_line(&head[start..]),
            Err(e) => return emit(Item::Error(InputError::new("-", e.to_string()))),
        }
    };
    read_stream(
        "-",
        std::io::Cursor::new(head).chain(lock),
        format,
        opts,
        emit,
    )
}

/// JSONL if `line` is a JSON object, else plain text.
fn sniff_line(line: &[u8]) -> Format {
    let is_object = line.trim_ascii_start().starts_with(b"{")
        && serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line).is_ok();
    if is_object {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// Reads a directory, recursively; `ancestors` are the directories being read (a directory
/// among them is a symbolic-link loop, not followed).
fn read_dir(
    dir: &Path,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
    ancestors: &mut Vec<FileId>,
) -> bool {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            return emit(Item::Error(InputError::new(
                dir.display().to_string(),
                e.to_string(),
            )))
        }
    };
    let mut paths = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(e) => {
                if !emit(Item::Error(InputError::new(
                    dir.display().to_string(),
                    e.to_string(),
                ))) {
                    return false;
                }
            }
        }
    }
    // Sorted, so that output is the same on every file system.
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let name = || p.display().to_string();
        let go = match std::fs::metadata(&p) {
            Err(e) => emit(Item::Error(InputError::new(name(), e.to_string()))),
            Ok(meta) if meta.is_dir() => {
                let id = FileId::from_meta(&meta, &p);
                if ancestors.contains(&id) {
                    emit(Item::Warning(InputError::new(
                        name(),
                        "a link back to a directory being read (a loop), not followed",
                    )))
                } else {
                    ancestors.push(id);
                    let go = read_dir(&p, opts, emit, ancestors);
                    ancestors.pop();
                    go
                }
            }
            Ok(meta) if meta.is_file() => {
                if opts.skip.contains(&FileId::from_meta(&meta, &p)) {
                    emit(Item::Warning(InputError::new(
                        name(),
                        "skipped: it is this run's output",
                    )))
                } else {
                    read_file(&p, opts, emit)
                }
            }
            // Opening a FIFO waits for a writer for ever; sockets and devices are no documents.
            Ok(meta) => emit(Item::Warning(InputError::new(
                name(),
                format!("skipped: {}, not a regular file", special_kind(&meta)),
            ))),
        };
        if !go {
            return false;
        }
    }
    true
}

/// What a file that is neither a regular file nor a directory is, for the note that skips it.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}

fn read_file(path: &Path, opts: &InputOptions, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return emit(Item::Error(InputError::new(name, e.to_string()))),
    };
    let format = opts.format.unwrap_or_else(|| Format::guess(path));
    read_stream(&name, file, format, opts, emit)
}

/// Reads one stream in the given format.
pub fn read_stream(
    name: &str,
    reader: impl Read,
    format: Format,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    match format {
        Format::Text => read_text(name, reader, emit),
        Format::Csv => read_table(name, reader, b',', true, opts, emit),
        Format::Tsv => read_table(name, reader, b'\t', false, opts, emit),
        Format::Jsonl => read_jsonl(name, reader, opts, emit),
        Format::Xliff | Format::Po | Format::Tmx => crate::l10n::read(name, reader, format, emit),
        Format::Html => read_html(name, reader, opts, emit),
    }
}

/// A batch row's document: its text read as HTML when `--text-format html` says so.
fn batch_doc(id: String, text: String, source: Option<String>, opts: &InputOptions) -> Document {
    match opts.text_format {
        TextFormat::Text => Document {
            id,
            text,
            source,
            units: None,
            page: None,
        },
        TextFormat::Html => {
            let page = html::read_str(&text, opts.html_content);
            Document {
                id,
                text: page.text,
                source,
                units: None,
                page: Some(Arc::new(page.layout)),
            }
        }
    }
}

/// A web page: one document, its text extracted (see [`crate::html`]).
fn read_html(
    name: &str,
    mut reader: impl Read,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return emit(Item::Error(InputError::new(name, e.to_string())));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return emit(Item::Warning(InputError::new(
            name,
            "empty file, no sentences",
        )));
    }
    let page = html::read(&bytes, opts.html_content);
    if page.had_errors
        && !emit(Item::Warning(InputError::new(
            name,
            format!(
                "invalid {} in the page, replaced with U+FFFD and flagged as encoding",
                page.encoding
            ),
        )))
    {
        return false;
    }
    if page.text.trim().is_empty()
        && !emit(Item::Warning(InputError::new(
            name,
            "web page with no visible text, no sentences",
        )))
    {
        return false;
    }
    emit(Item::Doc(Document {
        id: name.to_string(),
        text: page.text,
        source: None,
        units: None,
        page: Some(Arc::new(page.layout)),
    }))
}

/// Decodes bytes as UTF-8; invalid sequences become U+FFFD (which the `encoding` rule
/// flags) and a warning names the first bad line.
pub(crate) fn decode(
    name: &str,
    bytes: Vec<u8>,
    line_base: usize,
    emit: &mut dyn FnMut(Item) -> bool,
) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let valid =
                std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
            let line = line_base + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            let w = InputError::new(
                format!("{name}:{line}"),
                "invalid UTF-8, replaced with U+FFFD and flagged as encoding",
            );
            if !emit(Item::Warning(w)) {
                return None;
            }
            Some(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

fn read_text(name: &str, mut reader: impl Read, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return emit(Item::Error(InputError::new(name, e.to_string())));
    }
    if looks_binary(&bytes) {
        return emit(Item::Error(InputError::new(
            name,
            "binary file (contains NUL bytes), skipped",
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return emit(Item::Warning(InputError::new(
            name,
            "empty file, no sentences",
        )));
    }
    // A UTF-8 byte-order mark is not text.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match decode(name, bytes, 1, emit) {
        Some(text) => emit(Item::Doc(Document {
            id: name.to_string(),
            text,
            source: None,
            units: None,
            page: None,
        })),
        None => false,
    }
}

/// The UTF-8 byte-order mark, which Excel and Notepad put at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// A buffered reader past the byte-order mark, if the stream starts with one (it is not part
/// of the first column name, JSON line or word).
fn skip_bom<R: Read>(reader: R) -> BufReader<R> {
    let mut r = BufReader::with_capacity(1 << 16, reader);
    if r.fill_buf().is_ok_and(|b| b.starts_with(BOM)) {
        r.consume(BOM.len());
    }
    r
}

fn read_jsonl(
    name: &str,
    reader: impl Read,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut reader = skip_bom(reader);
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        buf.clear();
        line += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                return emit(Item::Error(InputError::new(
                    format!("{name}:{line}"),
                    e.to_string(),
                )))
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("{name}:{line}");
        let item = match parse_json_line(&buf, opts) {
            Ok((id, text, source)) => Item::Doc(batch_doc(
                id.unwrap_or_else(|| origin.clone()),
                text,
                source,
                opts,
            )),
            Err(m) => Item::Error(InputError::new(origin, m)),
        };
        if !emit(item) {
            return false;
        }
    }
}

type JsonDoc = (Option<String>, String, Option<String>);

fn parse_json_line(bytes: &[u8], opts: &InputOptions) -> Result<JsonDoc, String> {
    let v: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) if e.is_syntax() || e.is_eof() => {
            // Invalid UTF-8 inside strings: decode lossily and try again.
            let lossy = String::from_utf8_lossy(bytes);
            if matches!(lossy, std::borrow::Cow::Owned(_)) {
                serde_json::from_str(&lossy).map_err(|e| format!("malformed JSON: {e}"))?
            } else {
                return Err(format!("malformed JSON: {e}"));
            }
        }
        Err(e) => return Err(format!("malformed JSON: {e}")),
    };
    let obj = v.as_object().ok_or("not a JSON object")?;
    let text = match obj.get(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(format!("field {:?} is not a string", opts.text_field)),
        None => return Err(format!("missing field {:?}", opts.text_field)),
    };
    let id = match obj.get(&opts.id_field) {
        // An empty id falls back to `file:line`, as in CSV/TSV batches.
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let source = match &opts.source_field {
        Some(f) => match obj.get(f) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        },
        None => None,
    };
    Ok((id, text, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(name: &str, data: &[u8], format: Format, opts: &InputOptions) -> Vec<Item> {
        let mut out = Vec::new();
        read_stream(name, data, format, opts, &mut |i| {
            out.push(i);
            true
        });
        out
    }

    #[test]
    fn csv_rows_with_quotes_and_newlines() {
        let data = b"id,text\na,\"Line one.\nLine \"\"two\"\".\"\nb,Plain\n";
        let items = collect("x.csv", data, Format::Csv, &InputOptions::default());
        let docs: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                Item::Doc(d) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].text, "Line one.\nLine \"two\".");
        assert_eq!(docs[1].text, "Plain");
    }

    #[test]
    fn missing_column_names_file_and_columns() {
        let items = collect(
            "x.csv",
            b"id,body\n1,hi\n",
            Format::Csv,
            &InputOptions::default(),
        );
        match &items[0] {
            Item::Error(e) => {
                assert_eq!(e.origin, "x.csv:1");
                assert!(e.message.contains("\"text\"") && e.message.contains("body"));
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn jsonl_bad_line_does_not_stop_the_rest() {
        let data =
            b"{\"id\": 1, \"text\": \"One.\"}\n{broken\n\n{\"text\": \"Two.\"}\n{\"id\": \"x\"}\n";
        let items = collect("b.jsonl", data, Format::Jsonl, &InputOptions::default());
        assert_eq!(items.len(), 4);
        assert!(matches!(&items[0], Item::Doc(d) if d.id == "1" && d.text == "One."));
        assert!(matches!(&items[1], Item::Error(e) if e.origin == "b.jsonl:2"));
        assert!(matches!(&items[2], Item::Doc(d) if d.id == "b.jsonl:4"));
        assert!(matches!(&items[3], Item::Error(e) if e.message.contains("missing field")));
    }

    #[test]
    fn binary_empty_and_invalid_utf8_text() {
        let o = InputOptions::default();
        assert!(
            matches!(&collect("b", b"ab\0cd", Format::Text, &o)[0], Item::Error(e) if e.message.contains("binary"))
        );
        assert!(
            matches!(&collect("e", b"  \n", Format::Text, &o)[0], Item::Warning(e) if e.message.contains("empty"))
        );
        let items = collect("u", b"ok\nbad \xff here", Format::Text, &o);
        assert!(matches!(&items[0], Item::Warning(e) if e.origin == "u:2"));
        assert!(matches!(&items[1], Item::Doc(d) if d.text == "ok\nbad \u{fffd} here"));
    }

    #[test]
    fn a_json_object_line_is_jsonl_and_anything_else_text() {
        assert_eq!(
            sniff_line(b"{\"id\": 1, \"text\": \"One.\"}\n"),
            Format::Jsonl
        );
        assert_eq!(sniff_line(b"  {\"text\": \"x\"}\r\n"), Format::Jsonl);
        // Text that merely starts with a brace, a JSON array, a broken object: text.
        assert_eq!(
            sniff_line(b"{Editor's note} The talks went well.\n"),
            Format::Text
        );
        assert_eq!(sniff_line(b"[1, 2]\n"), Format::Text);
        assert_eq!(sniff_line(b"{\"text\": \"cut\n"), Format::Text);
        assert_eq!(sniff_line(b"The talks went well.\n"), Format::Text);
    }

    #[test]
    fn tsv_is_unquoted() {
        let items = collect(
            "t.tsv",
            b"id\ttext\n1\t\"Quoted\" words\n",
            Format::Tsv,
            &InputOptions::default(),
        );
        assert!(matches!(&items[0], Item::Doc(d) if d.text == "\"Quoted\" words"));
    }
}

//! Reading the labelled ("gold") table of `mtlint eval`: which columns to use, how cells are
//! parsed, and which rows are kept. Bad rows are reported (file:line) and skipped; a missing
//! column in the header stops the run.

use crate::analyze::ALL_CODES;
use std::collections::BTreeSet;
use std::io::Read;

/// Which columns to read and how.
#[derive(Debug, Clone, Default)]
pub struct GoldSpec {
    /// Field delimiter.
    pub delimiter: u8,
    /// RFC 4180 quoting on.
    pub quoting: bool,
    /// Column with the text.
    pub text: String,
    /// Expected codes: `Some(c)` = required column `c`; `None` = the column `expected` when the
    /// header has it.
    pub expected: Option<String>,
    /// Column with the human score.
    pub human: Option<String>,
    /// Column with the binary label.
    pub label: Option<String>,
    /// Columns whose values, together, name the document a row belongs to.
    pub doc: Vec<String>,
    /// Column whose values split the clean-row rates.
    pub origin: Option<String>,
    /// Column with a row id: `Some(c)` = required; `None` = `id` when the header has it.
    pub id: Option<String>,
    /// Column with the source text (bilingual mode).
    pub source: Option<String>,
    /// Column with annotated error spans (a JSON array of objects with `start`, `end`,
    /// `category`, optional `subcategory` and `side`).
    pub spans: Option<String>,
    /// Keep only rows where each column equals its value.
    pub filters: Vec<(String, String)>,
    /// Keep at most this many rows (after filtering).
    pub limit: Option<usize>,
}

/// The expected codes of a row: `Some(empty)` = clean (`-`); `None` = not labelled.
pub type Expected = Option<BTreeSet<String>>;

/// One usable row of the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldRow {
    /// Line of the file where the row starts (1-based; the header is line 1).
    pub line: usize,
    /// The row id, when there is an id column.
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// The source text (bilingual mode).
    pub source: Option<String>,
    /// Expected codes.
    pub expected: Expected,
    /// Human score as given (not yet oriented); `None` = empty cell.
    pub human: Option<f64>,
    /// Binary label; `None` = empty cell.
    pub label: Option<bool>,
    /// Document key (values of the document columns joined by U+001F).
    pub doc: Option<String>,
    /// Origin value.
    pub origin: Option<String>,
    /// Annotated error spans on the target side (`None` = no spans column or empty cell).
    pub spans: Option<Vec<Span>>,
}

/// An annotated error span in the row's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Start, in characters (Unicode code points).
    pub start: usize,
    /// End, in characters, exclusive.
    pub end: usize,
    /// `category` or `category/subcategory`.
    pub category: String,
}

/// Parses an annotated-spans cell: a JSON array of objects with `start`, `end` (code-point
/// offsets; spans whose offsets are null are left out), `category`, optional `subcategory`, and
/// optional `side` (spans on the `source` side are left out). Empty cell = not available.
pub fn parse_spans(cell: &str) -> Result<Option<Vec<Span>>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let v: serde_json::Value =
        serde_json::from_str(cell).map_err(|e| format!("error spans are not valid JSON: {e}"))?;
    let arr = v.as_array().ok_or("error spans are not a JSON array")?;
    let mut out = Vec::with_capacity(arr.len());
    for o in arr {
        let o = o.as_object().ok_or("an error span is not a JSON object")?;
        if o.get("side").and_then(|s| s.as_str()) == Some("source") {
            continue;
        }
        let pos = |k: &str| {
            o.get(k)
                .and_then(serde_json::Value::as_u64)
                .map(|v| v as usize)
        };
        let (Some(start), Some(end)) = (pos("start"), pos("end")) else {
            continue;
        };
        let text = |k: &str| o.get(k).and_then(|s| s.as_str()).unwrap_or("").trim();
        let category = match (text("category"), text("subcategory")) {
            (c, "") => c.to_string(),
            (c, sub) => format!("{c}/{sub}"),
        };
        out.push(Span {
            start,
            end: end.max(start),
            category,
        });
    }
    Ok(Some(out))
}

/// The rows of a table with what it had.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Usable rows in file order.
    pub rows: Vec<GoldRow>,
    /// Rows that were skipped, each as `file:line: message`.
    pub errors: Vec<String>,
    /// The table has an expected-codes column in use.
    pub has_expected: bool,
    /// The name of that column.
    pub expected_column: Option<String>,
}

/// The header lacks a column (or cannot be read): the run stops.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct HeaderError(pub String);

/// Parses a delimiter argument: `tab`, `\t`, `comma`, `semicolon`, `pipe` or one ASCII character.
pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        "pipe" => Ok(b'|'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(format!(
            "delimiter must be one ASCII character or tab/comma/semicolon/pipe, not {s:?}"
        )),
    }
}

/// Parses a `COLUMN=VALUE` filter.
pub fn parse_filter(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((c, v)) if !c.trim().is_empty() => Ok((c.trim().to_string(), v.to_string())),
        _ => Err(format!("filter must be COLUMN=VALUE, not {s:?}")),
    }
}

/// Parses an expected-codes cell: `-` = clean, empty = not labelled, else codes joined by `;`
/// (spaces and empty pieces ignored). Unknown codes are an error.
pub fn parse_expected(cell: &str) -> Result<Expected, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    if cell == "-" {
        return Ok(Some(BTreeSet::new()));
    }
    let mut set = BTreeSet::new();
    for c in cell
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "-")
    {
        if !ALL_CODES.contains(&c) {
            return Err(format!("unknown rule code {c:?} in the expected column"));
        }
        set.insert(c.to_string());
    }
    Ok(Some(set))
}

/// Parses a human score: empty = not available; otherwise a finite number.
pub fn parse_score(cell: &str) -> Result<Option<f64>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("human score {cell:?} is not a finite number")),
    }
}

/// Parses a binary label: `1`/`0`, `true`/`false`, `yes`/`no` (any case); empty = not available.
pub fn parse_label(cell: &str) -> Result<Option<bool>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "1.0" => Ok(Some(true)),
        "0" | "false" | "no" | "0.0" => Ok(Some(false)),
        _ => Err(format!("label {cell:?} is not 0/1, true/false or yes/no")),
    }
}

/// Reads a table. `name` is used in messages.
pub fn read(name: &str, reader: impl Read, spec: &GoldSpec) -> Result<Gold, HeaderError> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(spec.delimiter)
        .quoting(spec.quoting)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let headers = rdr
        .byte_headers()
        .map_err(|e| HeaderError(format!("{name}: cannot read the header: {e}")))?
        .clone();
    let names = crate::input::column_names(&headers);
    if names.iter().all(String::is_empty) {
        return Err(HeaderError(format!("{name}: empty file, no header")));
    }
    let find = |c: &str| names.iter().position(|n| n == c);
    let need = |c: &str, what: &str| -> Result<usize, HeaderError> {
        find(c).ok_or_else(|| {
            HeaderError(format!(
                "{name}:1: missing {what} column {c:?} (columns: {})",
                names.join(", ")
            ))
        })
    };
    let text_col = need(&spec.text, "text")?;
    let (expected_col, expected_name) = match &spec.expected {
        Some(c) => (Some(need(c, "expected")?), Some(c.clone())),
        None => match find("expected") {
            Some(i) => (Some(i), Some("expected".to_string())),
            None => (None, None),
        },
    };
    let id_col = match &spec.id {
        Some(c) => Some(need(c, "id")?),
        None => find("id"),
    };
    let opt = |c: &Option<String>, what: &str| -> Result<Option<usize>, HeaderError> {
        c.as_deref().map(|c| need(c, what)).transpose()
    };
    let human_col = opt(&spec.human, "human score")?;
    let label_col = opt(&spec.label, "label")?;
    let origin_col = opt(&spec.origin, "origin")?;
    let source_col = opt(&spec.source, "source")?;
    let spans_col = opt(&spec.spans, "error spans")?;
    let doc_cols = spec
        .doc
        .iter()
        .map(|c| need(c, "document"))
        .collect::<Result<Vec<_>, _>>()?;
    let filter_cols = spec
        .filters
        .iter()
        .map(|(c, v)| Ok((need(c, "filter")?, v.as_str())))
        .collect::<Result<Vec<_>, HeaderError>>()?;

    let mut gold = Gold {
        has_expected: expected_col.is_some(),
        expected_column: expected_name,
        ..Gold::default()
    };
    let mut record = csv::ByteRecord::new();
    let mut row = 1usize;
    loop {
        if spec.limit.is_some_and(|l| gold.rows.len() >= l) {
            break;
        }
        row += 1;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(row, |p| p.line() as usize);
                gold.errors.push(format!("{name}:{line}: {e}"));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(row, |p| p.line() as usize);
        match parse_row(
            &record,
            &names,
            line,
            &Cols {
                text: text_col,
                expected: expected_col,
                id: id_col,
                human: human_col,
                label: label_col,
                origin: origin_col,
                source: source_col,
                spans: spans_col,
                doc: &doc_cols,
                filters: &filter_cols,
            },
        ) {
            Ok(Some(r)) => gold.rows.push(r),
            Ok(None) => {}
            Err(m) => gold.errors.push(format!("{name}:{line}: {m}")),
        }
    }
    Ok(gold)
}

struct Cols<'a> {
    text: usize,
    expected: Option<usize>,
    id: Option<usize>,
    human: Option<usize>,
    label: Option<usize>,
    origin: Option<usize>,
    source: Option<usize>,
    spans: Option<usize>,
    doc: &'a [usize],
    filters: &'a [(usize, &'a str)],
}

/// One record → a row (`Ok(None)` = filtered out).
fn parse_row(
    record: &csv::ByteRecord,
    names: &[String],
    line: usize,
    c: &Cols<'_>,
) -> Result<Option<GoldRow>, String> {
    let cell = |i: usize| -> Result<&str, String> {
        let bytes = record.get(i).ok_or_else(|| {
            format!(
                "row has {} fields, no {:?} field (column {})",
                record.len(),
                names[i],
                i + 1
            )
        })?;
        std::str::from_utf8(bytes).map_err(|_| format!("invalid UTF-8 in column {:?}", names[i]))
    };
    for &(i, v) in c.filters {
        if cell(i)? != v {
            return Ok(None);
        }
    }
    let opt_cell = |i: Option<usize>| i.map(cell).transpose();
    let text = cell(c.text)?.to_string();
    let expected = match c.expected {
        Some(i) => parse_expected(cell(i)?)?,
        None => None,
    };
    let human = match c.human {
        Some(i) => parse_score(cell(i)?)?,
        None => None,
    };
    let label = match c.label {
        Some(i) => parse_label(cell(i)?)?,
        None => None,
    };
    let spans = match c.spans {
        Some(i) => parse_spans(cell(i)?)?,
        None => None,
    };
    let doc = if c.doc.is_empty() {
        None
    } else {
        let parts = c
            .doc
            .iter()
            .map(|&i| cell(i))
            .collect::<Result<Vec<_>, _>>()?;
        Some(parts.join("\u{1f}"))
    };
    Ok(Some(GoldRow {
        line,
        id: opt_cell(c.id)?.map(str::to_string),
        text,
        source: opt_cell(c.source)?
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string),
        expected,
        human,
        label,
        doc,
        origin: opt_cell(c.origin)?.map(str::to_string),
        spans,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> GoldSpec {
        GoldSpec {
            delimiter: b'\t',
            quoting: false,
            text: "text".into(),
            ..GoldSpec::default()
        }
    }

    #[test]
    fn cells() {
        assert_eq!(parse_expected("-"), Ok(Some(BTreeSet::new())));
        assert_eq!(parse_expected(" "), Ok(None));
        let both: BTreeSet<String> = ["name-variant", "foreign-spelling"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            parse_expected("name-variant; foreign-spelling;"),
            Ok(Some(both))
        );
        assert!(parse_expected("word-odrer").is_err());
        assert_eq!(parse_score("-3.5"), Ok(Some(-3.5)));
        assert_eq!(parse_score(""), Ok(None));
        assert!(parse_score("NaN").is_err());
        assert!(parse_score("abc").is_err());
        assert_eq!(parse_label("1"), Ok(Some(true)));
        assert_eq!(parse_label("False"), Ok(Some(false)));
        assert!(parse_label("2").is_err());
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert!(parse_delimiter("ab").is_err());
        assert_eq!(
            parse_filter("is_human=0"),
            Ok(("is_human".into(), "0".into()))
        );
        assert!(parse_filter("=0").is_err());
    }

    #[test]
    fn reads_rows_filters_and_reports_bad_ones() {
        let data = "doc\tsys\tis_human\tscore\ttext\n\
                    d1\tA\t0\t-1\t\"Quoted at the start\n\
                    d1\tB\t1\t0\tSecond row.\n\
                    d2\tA\t0\tzz\tBad number.\n\
                    d2\tA\n\
                    d2\tA\t0\t\tNo score.\n";
        let s = GoldSpec {
            doc: vec!["doc".into(), "sys".into()],
            human: Some("score".into()),
            label: Some("is_human".into()),
            ..spec()
        };
        let g = read("g.tsv", data.as_bytes(), &s).unwrap();
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.rows[0].text, "\"Quoted at the start");
        assert_eq!(g.rows[0].doc.as_deref(), Some("d1\u{1f}A"));
        assert_eq!(g.rows[0].human, Some(-1.0));
        assert_eq!(g.rows[1].label, Some(true));
        assert_eq!(g.rows[2].line, 6);
        assert_eq!(g.rows[2].human, None);
        assert!(!g.has_expected);
        assert_eq!(g.errors.len(), 2, "{:?}", g.errors);
        assert!(g.errors[0].starts_with("g.tsv:4: "), "{}", g.errors[0]);
        assert!(g.errors[1].starts_with("g.tsv:5: "), "{}", g.errors[1]);

        let f = GoldSpec {
            filters: vec![("is_human".into(), "0".into())],
            limit: Some(1),
            ..s.clone()
        };
        let g = read("g.tsv", data.as_bytes(), &f).unwrap();
        assert_eq!(g.rows.len(), 1);
        assert_eq!(g.rows[0].line, 2);
    }

    #[test]
    fn error_spans() {
        let cell = r#"[{"category":"Fluency/Grammar","severity":"minor","side":"target","start":4,"end":9},
            {"category":"Accuracy/Omission","side":"source","start":0,"end":3},
            {"category":"Linguistic_conventions","subcategory":"Spelling","start":null,"end":null},
            {"category":"Linguistic_conventions","subcategory":"Spelling","start":1,"end":2}]"#;
        let spans = parse_spans(cell).unwrap().unwrap();
        assert_eq!(
            spans,
            vec![
                Span {
                    start: 4,
                    end: 9,
                    category: "Fluency/Grammar".into()
                },
                Span {
                    start: 1,
                    end: 2,
                    category: "Linguistic_conventions/Spelling".into()
                },
            ]
        );
        assert_eq!(parse_spans("[]"), Ok(Some(Vec::new())));
        assert_eq!(parse_spans(""), Ok(None));
        assert!(parse_spans("{").is_err());
        assert!(parse_spans("{}").is_err());
    }

    #[test]
    fn missing_column_names_the_columns() {
        let s = GoldSpec {
            human: Some("mqm".into()),
            ..spec()
        };
        let e = read("g.tsv", "id\ttext\n1\tHello.\n".as_bytes(), &s).unwrap_err();
        assert!(
            e.0.contains("\"mqm\"") && e.0.contains("columns: id, text"),
            "{}",
            e.0
        );
        let e = read("g.tsv", "id\tbody\n".as_bytes(), &spec()).unwrap_err();
        assert!(e.0.contains("\"text\""), "{}", e.0);
    }

    #[test]
    fn expected_column_is_optional_unless_named() {
        let data = "id\texpected\ttext\nr1\t-\tFine.\nr2\tboilerplate\tSplit\n";
        let g = read("g.tsv", data.as_bytes(), &spec()).unwrap();
        assert!(g.has_expected);
        assert_eq!(g.rows[0].expected, Some(BTreeSet::new()));
        assert_eq!(g.rows[1].id.as_deref(), Some("r2"));
        let s = GoldSpec {
            expected: Some("gold".into()),
            ..spec()
        };
        assert!(read("g.tsv", data.as_bytes(), &s).is_err());
    }

    #[test]
    fn header_names_lose_byte_order_mark_and_spaces() {
        let data = "\u{feff}id\t text \nr1\tFine.\n";
        let g = read("g.tsv", data.as_bytes(), &spec()).unwrap();
        assert_eq!(g.rows.len(), 1);
        assert_eq!(g.rows[0].id.as_deref(), Some("r1"));
        assert_eq!(g.rows[0].text, "Fine.");
    }
}

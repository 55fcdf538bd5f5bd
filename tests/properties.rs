//! Property tests: on arbitrary text the analyzer does not panic, sentences tile the text on
//! character boundaries, offsets agree, findings lie inside their sentence, CSV and JSONL
//! parse back with one row per sentence, and output is deterministic.

use mtlint::output::{CsvWriter, JsonlWriter, ReportWriter, RowFilter, HEADER};
use mtlint::{DocReport, Document, Engine, Options};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::default_engine().expect("engine"))
}

fn engine_en() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(Options {
            target: Some("en"),
            ..Default::default()
        })
        .expect("engine")
    })
}

/// Pieces that stress segmentation, normalization and the rules.
const PIECES: &[&str] = &[
    "The talks went well",
    "the",
    "Mr.",
    "U.S.",
    "Nov. 9",
    "27.5",
    "3,8",
    ". ",
    ".",
    "!",
    "?",
    "…",
    "...",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "“Quoted,” he said.",
    "„Zitat“",
    "« guillemets »",
    "e\u{301}",
    "\u{301}",
    "\u{327}\u{301}",
    "Franc\u{327}ois",
    "FranÃ§ois",
    "â€“",
    "\u{fffd}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}",
    "Split",
    "View photo series",
    "© Jane Doe/dpa",
    "travelagriculture",
    "Warsaw.The",
    "Wladimir",
    "Moskau",
    "und",
    "Президент России.",
    "東京で会議が開かれた。",
    "مرحبا بالعالم",
    "\u{1100}\u{1161}\u{11a8}",
    "🇩🇪👍🏽",
    "=HYPERLINK(\"x\")",
    "+1",
    "-",
    "@",
    "McDonald's",
    "isn’t",
    "'",
    "’",
    "\"",
    "(",
    ")",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,12}",
        1 => "[a-z]{200,3000}",          // a long run without spaces
        1 => "[\\PC]{0,20}",             // any printable unicode
        1 => any::<String>().prop_map(|s| s.chars().take(30).collect()),
        1 => "[A-Z][a-z]{2,8}\\. ",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(fragment(), 0..60).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => proptest::collection::vec(any::<u8>(), 0..400)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn csv_bytes(r: &DocReport, tab: bool) -> Vec<u8> {
    let mut buf = Vec::new();
    {
        let mut w = CsvWriter::new(&mut buf, tab, false, true, RowFilter::default()).unwrap();
        w.write(r).unwrap();
        w.finish().unwrap();
    }
    buf
}

fn check_report(text: &str, r: &DocReport) -> Result<(), TestCaseError> {
    let mut prev_end = 0usize;
    for (k, s) in r.sentences.iter().enumerate() {
        prop_assert_eq!(s.index, k + 1);
        prop_assert!(s.start_byte < s.end_byte, "empty sentence {:?}", s);
        prop_assert!(s.end_byte <= text.len());
        prop_assert!(text.is_char_boundary(s.start_byte) && text.is_char_boundary(s.end_byte));
        prop_assert!(s.start_byte >= prev_end, "overlap at sentence {}", s.index);
        let gap = &text[prev_end..s.start_byte];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-space text dropped: {:?}",
            gap
        );
        let own = &text[s.start_byte..s.end_byte];
        prop_assert!(!own.starts_with(char::is_whitespace) && !own.ends_with(char::is_whitespace));
        prop_assert_eq!(s.start, text[..s.start_byte].chars().count());
        prop_assert_eq!(s.end, text[..s.end_byte].chars().count());
        prop_assert_eq!(s.line, 1 + text[..s.start_byte].matches('\n').count());
        prop_assert!(s.score <= 100);
        prop_assert!(!s.text.is_empty());
        for f in &s.findings {
            prop_assert!(f.start_byte <= f.end_byte);
            prop_assert!(
                s.start_byte <= f.start_byte && f.end_byte <= s.end_byte,
                "finding outside: {:?}",
                f
            );
            prop_assert!(text.is_char_boundary(f.start_byte) && text.is_char_boundary(f.end_byte));
            prop_assert_eq!(f.start, text[..f.start_byte].chars().count());
            prop_assert_eq!(f.end, text[..f.end_byte].chars().count());
        }
        prev_end = s.end_byte;
    }
    let tail = &text[prev_end..];
    prop_assert!(
        tail.chars().all(char::is_whitespace),
        "non-space text dropped at the end: {:?}",
        tail
    );
    prop_assert!(r.score <= 100);
    Ok(())
}

fn check_csv(r: &DocReport, tab: bool) -> Result<(), TestCaseError> {
    let bytes = csv_bytes(r, tab);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(if tab { b'\t' } else { b',' })
        .from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = rdr
        .records()
        .collect::<Result<_, _>>()
        .expect("CSV parses back");
    prop_assert_eq!(rows.len(), 1 + r.sentences.len());
    prop_assert_eq!(rows[0].iter().collect::<Vec<_>>(), HEADER.to_vec());
    for (row, s) in rows[1..].iter().zip(&r.sentences) {
        prop_assert_eq!(row.len(), 14);
        // The doc cell is guarded like the text ("=id" would run as a formula).
        if r.id.starts_with('=') {
            prop_assert_eq!(row[0].to_string(), format!("'{}", r.id));
        } else {
            prop_assert_eq!(row[0].to_string(), r.id.clone());
        }
        prop_assert_eq!(row[1].to_string(), s.index.to_string());
        prop_assert_eq!(row[3].to_string(), s.start.to_string());
        prop_assert_eq!(row[4].to_string(), s.end.to_string());
        // The text survives the round trip, with a leading ' when it looks like a formula and
        // NUL written as U+2400 (a raw NUL breaks the tools that read the CSV).
        let t = &row[13];
        prop_assert!(!t.contains('\0'));
        let text = s.text.replace('\0', "\u{2400}");
        let formula = s.text.starts_with(['\t', '\r'])
            || s.text.trim_start().starts_with([
                '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\u{fe66}',
                '\u{fe62}', '\u{fe63}', '\u{fe6b}',
            ]);
        if formula {
            prop_assert_eq!(t.to_string(), format!("'{text}"));
        } else {
            prop_assert_eq!(t.to_string(), text);
        }
    }
    Ok(())
}

fn check_jsonl(r: &DocReport) -> Result<(), TestCaseError> {
    let mut buf = Vec::new();
    {
        let mut w = JsonlWriter::new(&mut buf, RowFilter::default());
        w.write(r).unwrap();
        w.finish().unwrap();
    }
    let s = String::from_utf8(buf).expect("JSONL is UTF-8");
    let lines: Vec<&str> = s.lines().collect();
    prop_assert_eq!(lines.len(), r.sentences.len());
    for (l, sr) in lines.iter().zip(&r.sentences) {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSON line parses");
        prop_assert_eq!(v["text"].as_str(), Some(sr.text.as_str()));
        prop_assert_eq!(v["start_byte"].as_u64(), Some(sr.start_byte as u64));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn analyze_holds_its_invariants(t in text()) {
        let r = engine().analyze(&Document::new("doc", t.clone()));
        check_report(&t, &r)?;
        check_csv(&r, false)?;
        check_jsonl(&r)?;
        // Deterministic: the same input gives the same report and the same bytes.
        let again = engine().analyze(&Document::new("doc", t.clone()));
        prop_assert_eq!(&r, &again);
        prop_assert_eq!(csv_bytes(&r, false), csv_bytes(&again, false));
    }

    #[test]
    fn english_target_holds_its_invariants(t in text()) {
        let r = engine_en().analyze(&Document::new("=id", t.clone()));
        check_report(&t, &r)?;
        check_csv(&r, true)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Long inputs: long lines without punctuation or spaces, many short lines.
    #[test]
    fn long_inputs_are_tiled(unit in fragment(), n in 1usize..400, sep in proptest::sample::select(&["", " ", "\n", ". ", "\r\n\r\n"][..])) {
        let t = format!("{unit}{sep}").repeat(n);
        let r = engine().analyze(&Document::new("doc", t.clone()));
        check_report(&t, &r)?;
        check_csv(&r, false)?;
    }
}

#[test]
fn empty_and_blank_documents_have_no_sentences() {
    for t in ["", " ", "\n\n", "\r\n", "\u{a0}\u{3000}"] {
        let r = engine().analyze(&Document::new("d", t));
        assert!(r.sentences.is_empty(), "{t:?}");
        assert_eq!(r.score, 100);
    }
}

//! Deterministic edge cases for the analyzer and the batch readers (and the place for inputs
//! that fuzzing turns up: add each crash input here as a test).

use mtlint::input::{read_stream, Format, InputOptions, Item};
use mtlint::output::{CsvWriter, ReportWriter, RowFilter};
use mtlint::{Document, Engine};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::default_engine().expect("engine"))
}

/// Runs the analyzer and checks that the sentences tile the text and the CSV parses back.
fn check(text: &str) {
    let r = engine().analyze(&Document::new("doc", text));
    let mut prev = 0;
    for s in &r.sentences {
        assert!(prev <= s.start_byte && s.start_byte < s.end_byte && s.end_byte <= text.len());
        assert!(text.is_char_boundary(s.start_byte) && text.is_char_boundary(s.end_byte));
        assert!(
            text[prev..s.start_byte].chars().all(char::is_whitespace),
            "dropped {:?}",
            &text[prev..s.start_byte]
        );
        assert_eq!(s.start, text[..s.start_byte].chars().count());
        assert_eq!(s.end, text[..s.end_byte].chars().count());
        for f in &s.findings {
            assert!(
                s.start_byte <= f.start_byte
                    && f.start_byte <= f.end_byte
                    && f.end_byte <= s.end_byte
            );
        }
        prev = s.end_byte;
    }
    assert!(text[prev..].chars().all(char::is_whitespace));
    let mut buf = Vec::new();
    {
        let mut w = CsvWriter::new(&mut buf, false, false, true, RowFilter::default()).unwrap();
        w.write(&r).unwrap();
        w.finish().unwrap();
    }
    let n = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(buf.as_slice())
        .records()
        .map(|r| r.expect("CSV parses back").len())
        .inspect(|&len| assert_eq!(len, 14))
        .count();
    assert_eq!(n, r.sentences.len());
}

#[test]
fn long_runs_of_multibyte_characters_are_cut_on_char_boundaries() {
    check(&"é".repeat(3001));
    check(&"東".repeat(2001));
    check(&"🇩🇪".repeat(1000));
    check(&format!("a{}", "é".repeat(3000)));
    check(&format!("{} {}", "x".repeat(1999), "é".repeat(1500)));
}

#[test]
fn combining_marks_at_the_cut() {
    check(&"e\u{301}".repeat(1500));
    check(&format!("{}{}", "a".repeat(1999), "\u{301}".repeat(50)));
    check(&"\u{301}".repeat(1200));
    check(&"\u{1100}\u{1161}\u{11a8}".repeat(400));
}

#[test]
fn punctuation_storms() {
    check(&"a.".repeat(3000));
    check(&". ".repeat(2000));
    check(&"...".repeat(1000));
    check(&"…".repeat(1000));
    check(&"U.S. ".repeat(600));
    check(&"?!\"” ".repeat(500));
    check(&"Mr. ".repeat(700));
}

#[test]
fn odd_line_endings_and_spaces() {
    check("One.\rTwo.\rThree.");
    check("One.\r\n\r\nTwo.\n\r\nThree");
    check("One.\u{2028}Two.\u{2029}Three.\u{85}Four.");
    check("\u{feff}Byte order mark. Then\u{feff} text.");
    check("\u{a0}\u{3000}Spaces\u{a0}.\u{3000}Next.\u{a0}");
    check("\t\x0b\x0cTabs. And\x0bvertical.");
}

#[test]
fn control_and_replacement_characters() {
    check("Null\0byte. Escape\x1b[31m red.");
    check("\u{fffd}\u{fffd}. \u{fffd}");
    check("Zero\u{200b}width\u{200d}joiner. \u{202e}Reversed.");
}

#[test]
fn hard_wrapped_lines_in_long_paragraphs() {
    let line = "this line is long enough to be joined with the next one because it has no end";
    check(&format!("{line}\n").repeat(100));
    check(&format!("{line}\r\n").repeat(100));
}

fn read_all(data: &[u8], format: Format) -> Vec<Item> {
    let mut out = Vec::new();
    let opts = InputOptions {
        source_column: Some("source".into()),
        source_field: Some("source".into()),
        ..InputOptions::default()
    };
    read_stream("x", data, format, &opts, &mut |i| {
        out.push(i);
        true
    });
    out
}

#[test]
fn batch_readers_on_odd_input() {
    for format in [Format::Csv, Format::Tsv, Format::Jsonl] {
        for data in [
            &b""[..],
            b"\n\n\n",
            b"text,source\n",
            b"\xef\xbb\xbfid,text,source\n1,a,b\n",
            b"id,text,source\n1,\"unterminated\n",
            b"id,text,source\n1\n2,a,b,c,d\n",
            b"text\n\xff\xfe\n",
            b"{\"text\": 1}\n{\"text\": \"ok\", \"source\": null}\n[1,2]\nnull\n",
            b"{\"text\": \"\\ud800\"}\n",
            b"{\"text\": \"a\xff\"}\n",
            b"\0\0\0",
        ] {
            // No panic; every item names the input.
            for item in read_all(data, format) {
                match item {
                    Item::Doc(d) => assert!(!d.id.is_empty()),
                    Item::Error(e) | Item::Warning(e) => assert!(e.origin.starts_with('x')),
                }
            }
        }
    }
}

#[test]
fn csv_row_errors_name_the_line() {
    let items = read_all(b"id,text,source\n1,\"ok\",\n2,\"bad\"x\",\n", Format::Csv);
    assert!(items
        .iter()
        .any(|i| matches!(i, Item::Doc(d) if d.text == "ok")));
}

/// Found by `cargo fuzz run batch_readers`: an empty JSON id gave an empty `doc` cell (CSV
/// batches fall back to `file:line`).
#[test]
fn empty_jsonl_id_falls_back_to_file_and_line() {
    let items = read_all(
        b"{\"id\": \"\", \"text\": \"Some text.\"}\n{\"id\": \"\", \"text\": \"More.\"}\n",
        Format::Jsonl,
    );
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["x:1", "x:2"]);
    let items = read_all(b"id,text,source\n,Some text.,\n", Format::Csv);
    assert!(matches!(&items[0], Item::Doc(d) if d.id == "x:2"));
}

/// Found by proptest: a sentence cut at MAX_SENTENCE_BYTES before a run of two spaces ended
/// with a space.
#[test]
fn long_sentence_cut_before_a_run_of_spaces_is_trimmed() {
    for gap in ["  ", " \n ", "\u{a0} ", "   \t"] {
        let t = format!("{}{gap}{}", "a".repeat(1500), "b".repeat(1000));
        let r = engine().analyze(&Document::new("doc", t.as_str()));
        assert_eq!(r.sentences.len(), 2, "{gap:?}");
        for s in &r.sentences {
            assert_eq!(s.text, s.text.trim(), "{gap:?}");
        }
        check(&t);
    }
}

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
    let items = read_all(
        b"id,text,source\n1,\"ok\",\n2,\"bad\"x\",\n3,\"fine\",\n",
        Format::Csv,
    );
    let docs: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(docs, ["ok", "fine"], "{items:?}");
    // The malformed row is an error naming its file and line, not a silently mangled text.
    assert!(
        items.iter().any(
            |i| matches!(i, Item::Error(e) if e.origin == "x:3" && e.message.contains("quote"))
        ),
        "{items:?}"
    );
}

/// [`read_all`] with the default columns and fields (no source).
fn read_plain(data: &[u8], format: Format) -> Vec<Item> {
    let mut out = Vec::new();
    read_stream("x", data, format, &InputOptions::default(), &mut |i| {
        out.push(i);
        true
    });
    out
}

fn docs(items: &[Item]) -> Vec<(&str, &str)> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => Some((d.id.as_str(), d.text.as_str())),
            _ => None,
        })
        .collect()
}

fn problems(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Error(e) => Some(format!("error {}: {}", e.origin, e.message)),
            Item::Warning(e) => Some(format!("warning {}: {}", e.origin, e.message)),
            Item::Doc(_) => None,
        })
        .collect()
}

/// Issue 17, item 5: the byte-order mark glued itself to the first line's `{`.
#[test]
fn jsonl_bom_does_not_lose_the_first_document() {
    let items = read_plain(
        b"\xef\xbb\xbf{\"id\": \"1\", \"text\": \"First.\"}\n{\"id\": \"2\", \"text\": \"Second.\"}\n",
        Format::Jsonl,
    );
    assert_eq!(docs(&items), [("1", "First."), ("2", "Second.")]);
    assert!(problems(&items).is_empty(), "{:?}", problems(&items));
    // CSV with a quoted header, TSV, and text: the mark is not part of the first name or word.
    let items = read_plain(b"\xef\xbb\xbf\"id\",\"text\"\n1,One.\n", Format::Csv);
    assert_eq!(docs(&items), [("1", "One.")]);
    let items = read_plain(b"\xef\xbb\xbfid\ttext\n1\tOne.\n", Format::Tsv);
    assert_eq!(docs(&items), [("1", "One.")]);
    let items = read_plain(b"\xef\xbb\xbfOne.", Format::Text);
    assert_eq!(docs(&items), [("x", "One.")]);
}

/// Issue 17, item 6: the csv reader split the text at an unquoted comma and the rest was lost.
#[test]
fn csv_unquoted_comma_in_the_text_is_kept_with_a_warning() {
    let items = read_plain(b"id,text\n1,Hello, world, again.\n2,Fine.\n", Format::Csv);
    assert_eq!(
        docs(&items),
        [("1", "Hello, world, again."), ("2", "Fine.")]
    );
    let p = problems(&items);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("warning x:2:") && p[0].contains("4 fields"),
        "{p:?}"
    );
}

/// Issue 17, item 6: the TSV reader cut the text at a tab in it.
#[test]
fn tsv_tab_in_the_text_is_kept_with_a_warning() {
    let items = read_plain(b"id\ttext\n1\tBefore\tafter the tab.\n", Format::Tsv);
    assert_eq!(docs(&items), [("1", "Before\tafter the tab.")]);
    let p = problems(&items);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("warning x:2:") && p[0].contains("rest of the line"),
        "{p:?}"
    );
}

/// Issue 17, item 6: with the text not the last column, which field holds the stray comma is
/// unknowable: the row is an error, not a guess.
#[test]
fn extra_field_before_the_text_column_is_an_error_naming_the_line() {
    let items = read_plain(b"text,id,source\nA, B.,1,s\nC.,2,s\n", Format::Csv);
    assert_eq!(docs(&items), [("2", "C.")]);
    let p = problems(&items);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("error x:2:") && p[0].contains("4 fields"),
        "{p:?}"
    );
}

/// Issue 17, item 7: an unclosed quote swallowed every later row into one text.
#[test]
fn unclosed_csv_quote_is_an_error_naming_the_lines() {
    let items = read_plain(
        b"id,text\n1,First.\n2,\"Unclosed quote.\n3,Third.\n4,Fourth.\n",
        Format::Csv,
    );
    let p = problems(&items);
    assert!(
        p.iter()
            .any(|m| m.starts_with("error x:3:") && m.contains("quote") && m.contains("5")),
        "{p:?}"
    );
    // No text is swallowed silently: the rows after the broken one are read again.
    assert_eq!(
        docs(&items),
        [("1", "First."), ("3", "Third."), ("4", "Fourth.")]
    );
    // The same when a stray quote further on closes it.
    let items = read_plain(
        b"id,text\n1,\"Unclosed.\n2,Second.\n3,He said \"yes\" twice.\n",
        Format::Csv,
    );
    let p = problems(&items);
    assert!(
        p.iter()
            .any(|m| m.starts_with("error x:2:") && m.contains("line 4")),
        "{p:?}"
    );
    assert_eq!(
        docs(&items),
        [("2", "Second."), ("3", "He said \"yes\" twice.")]
    );
}

/// Found by `cargo fuzz run batch_readers`: an empty JSON id gave an empty `doc` cell (CSV
/// batches fall back to `file:line`).
#[test]
fn empty_jsonl_id_falls_back_to_file_and_line() {
    let items = read_plain(
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
    let items = read_plain(b"id,text,source\n,Some text.,\n", Format::Csv);
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

// ---- Issue 17: nothing lost, nothing hung, nothing overwritten. Each test below is named after
// what the hostile run showed; they drive the binary as a user would.

mod cli {
    use assert_cmd::Command;
    use std::fs;
    use std::path::Path;
    use std::process::Stdio;
    use std::time::Duration;

    /// A clean English paragraph long enough for its language to be recognized.
    pub const CLEAN: &str = "The city council approved the new budget on Monday after a long \
debate. The mayor said the plan would help families and small businesses in the coming year.";

    pub struct Out {
        pub code: i32,
        pub stdout: String,
        pub stderr: String,
    }

    pub fn mtlint(dir: &Path) -> Command {
        let mut c = Command::cargo_bin("mtlint").unwrap();
        c.current_dir(dir).timeout(Duration::from_secs(60));
        c
    }

    pub fn run(dir: &Path, args: &[&str]) -> Out {
        let o = mtlint(dir).args(args).output().unwrap();
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    pub fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(p, data).unwrap();
    }

    /// The `doc` column of each CSV row.
    pub fn doc_cells(csv_text: &str) -> Vec<String> {
        csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect()
    }

    pub fn cell(csv_text: &str, row: usize, col: &str) -> String {
        let mut r = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
        let i = r.headers().unwrap().iter().position(|h| h == col).unwrap();
        r.records().nth(row).unwrap().unwrap()[i].to_string()
    }

    #[test]
    fn output_onto_an_input_is_refused_and_the_input_kept() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", CLEAN);
        write(d.path(), "b.txt", CLEAN);
        fs::create_dir(d.path().join("sub")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("a.txt", d.path().join("link.txt")).unwrap();
        for args in [
            &["check", "a.txt", "-o", "a.txt"][..],
            &["check", "b.txt", "a.txt", "--output", "./a.txt"][..],
            &["check", "a.txt", "-o", "sub/../a.txt"][..],
            &[
                "check",
                "b.txt",
                "a.txt",
                "-o",
                "out.csv",
                "--summary",
                "a.txt",
            ][..],
            #[cfg(unix)]
            &["check", "link.txt", "-o", "a.txt"][..],
        ] {
            let o = run(d.path(), args);
            assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
            assert!(
                o.stderr.contains("a.txt") && o.stderr.contains("input"),
                "{args:?}: {}",
                o.stderr
            );
            assert_eq!(fs::read_to_string(d.path().join("a.txt")).unwrap(), CLEAN);
            assert!(
                !d.path().join("out.csv").exists(),
                "{args:?}: nothing opened"
            );
        }
        // A hard link is the same file under another name.
        #[cfg(unix)]
        {
            fs::hard_link(d.path().join("a.txt"), d.path().join("hard.csv")).unwrap();
            let o = run(d.path(), &["check", "a.txt", "-o", "hard.csv"]);
            assert_eq!(o.code, 2, "{}", o.stderr);
            assert!(o.stderr.contains("hard.csv") && o.stderr.contains("a.txt"));
            assert_eq!(fs::read_to_string(d.path().join("a.txt")).unwrap(), CLEAN);
        }
        // The report and the summary in one file would mix two tables.
        let o = run(
            d.path(),
            &["check", "a.txt", "-o", "r.csv", "--summary", "r.csv"],
        );
        assert_eq!(o.code, 2, "{}", o.stderr);
    }

    #[test]
    fn output_inside_an_input_directory_is_not_read_as_input() {
        let d = tempfile::tempdir().unwrap();
        // More documents than one batch, so that report rows reach the file before the walk
        // comes to it: the run read its own growing report and never ended.
        for i in 0..520 {
            write(d.path(), &format!("docs/a{i:03}.txt"), CLEAN);
        }
        let want: Vec<String> = (0..520)
            .flat_map(|i| [format!("docs/a{i:03}.txt"), format!("docs/a{i:03}.txt")])
            .collect();
        // Twice: the second run finds the first run's report in the directory.
        for _ in 0..2 {
            let o = run(
                d.path(),
                &[
                    "check",
                    "docs",
                    "-o",
                    "docs/report.csv",
                    "--summary",
                    "docs/sum.csv",
                ],
            );
            assert_eq!(o.code, 0, "{}", o.stderr);
            let report = fs::read_to_string(d.path().join("docs/report.csv")).unwrap();
            assert!(
                doc_cells(&report) == want,
                "the report was read as an input"
            );
            let sum = fs::read_to_string(d.path().join("docs/sum.csv")).unwrap();
            assert_eq!(doc_cells(&sum).len(), 520);
        }
    }

    #[cfg(unix)]
    #[test]
    fn fifo_in_a_directory_is_skipped_not_waited_on() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "dir/a.txt", CLEAN);
        let st = std::process::Command::new("mkfifo")
            .arg(d.path().join("dir/pipe.txt"))
            .status()
            .unwrap();
        assert!(st.success());
        let _sock = std::os::unix::net::UnixListener::bind(d.path().join("dir/sock.txt")).unwrap();
        let o = run(d.path(), &["check", "dir"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(doc_cells(&o.stdout), ["dir/a.txt", "dir/a.txt"]);
        assert!(o.stderr.contains("dir/pipe.txt"), "{}", o.stderr);
        assert!(o.stderr.contains("dir/sock.txt"), "{}", o.stderr);
        // Named on the command line, a pipe is read: that is how `<(…)` works.
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
            .current_dir(d.path())
            .args(["check", "dir/pipe.txt"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        fs::write(d.path().join("dir/pipe.txt"), CLEAN).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(doc_cells(&String::from_utf8(o.stdout).unwrap()).len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn directory_symlink_loop_is_not_followed() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "dir/a.txt", CLEAN);
        write(d.path(), "dir/sub/b.txt", CLEAN);
        std::os::unix::fs::symlink("..", d.path().join("dir/sub/up")).unwrap();
        std::os::unix::fs::symlink(".", d.path().join("dir/self")).unwrap();
        let o = run(d.path(), &["check", "dir"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(
            doc_cells(&o.stdout),
            ["dir/a.txt", "dir/a.txt", "dir/sub/b.txt", "dir/sub/b.txt"]
        );
        assert!(o.stderr.contains("dir/sub/up"), "{}", o.stderr);
        assert!(o.stderr.contains("dir/self"), "{}", o.stderr);
    }

    #[test]
    fn closed_stderr_neither_panics_nor_cuts_the_report() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", format!("{CLEAN}\n\n").repeat(50));
        write(d.path(), "empty.txt", "");
        let args = [
            "check",
            "missing.txt",
            "empty.txt",
            "a.txt",
            "-o",
            "out.csv",
        ];
        let want = run(d.path(), &args);
        assert_eq!(want.code, 2);
        let want = fs::read_to_string(d.path().join("out.csv")).unwrap();
        fs::remove_file(d.path().join("out.csv")).unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
            .current_dir(d.path())
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take()); // like `2>&1 | head -0`
        let status = child.wait().unwrap();
        assert_eq!(
            status.code(),
            Some(2),
            "an input failed: exit 2, no panic (101)"
        );
        assert_eq!(fs::read_to_string(d.path().join("out.csv")).unwrap(), want);
        assert_eq!(doc_cells(&want).len(), 100);
    }

    #[test]
    fn dash_output_means_standard_output() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", CLEAN);
        let o = run(d.path(), &["check", "a.txt", "-o", "-"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(doc_cells(&o.stdout), ["a.txt", "a.txt"]);
        let o = run(
            d.path(),
            &["check", "a.txt", "-o", "r.csv", "--summary", "-"],
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(o.stdout.starts_with("doc,lang,target,"), "{}", o.stdout);
        assert_eq!(doc_cells(&o.stdout), ["a.txt"]);
        assert!(!d.path().join("-").exists(), "a file named - was created");
        // Both tables on standard output would be one unreadable table.
        let o = run(d.path(), &["check", "a.txt", "--summary", "-"]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(!d.path().join("-").exists());
    }

    #[test]
    fn fullwidth_and_space_led_formulas_are_guarded() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "b.csv",
            "id,text\n\"  =cmd|' /C calc'!A0\",\u{ff1d}SUM(A1:A9) is a formula.\n\u{ff20}x,\u{fe62}1 as well.\n\u{ff0d}y,\u{ff0b}1 too.\n",
        );
        for fmt in ["csv", "tsv"] {
            let o = run(
                d.path(),
                &["check", "b.csv", "--format", fmt, "--summary", "s.csv"],
            );
            assert_eq!(o.code, 0, "{}", o.stderr);
            let out = if fmt == "tsv" {
                o.stdout.replace('\t', ",")
            } else {
                o.stdout.clone()
            };
            assert_eq!(cell(&out, 0, "doc"), "'  =cmd|' /C calc'!A0", "{fmt}");
            assert_eq!(cell(&out, 0, "text"), "'\u{ff1d}SUM(A1:A9) is a formula.");
            assert_eq!(cell(&out, 1, "doc"), "'\u{ff20}x");
            assert_eq!(cell(&out, 1, "text"), "'\u{fe62}1 as well.");
            assert_eq!(cell(&out, 2, "doc"), "'\u{ff0d}y");
            assert_eq!(cell(&out, 2, "text"), "'\u{ff0b}1 too.");
            let sum = fs::read_to_string(d.path().join("s.csv")).unwrap();
            assert_eq!(
                doc_cells(&sum),
                ["'  =cmd|' /C calc'!A0", "'\u{ff20}x", "'\u{ff0d}y"]
            );
        }
        // Plain text that merely contains the characters is left alone.
        write(d.path(), "c.csv", "id,text\nok,A \u{ff1d} B is fine.\n");
        let o = run(d.path(), &["check", "c.csv"]);
        assert_eq!(cell(&o.stdout, 0, "text"), "A \u{ff1d} B is fine.");
    }

    #[test]
    fn nul_bytes_are_not_written_into_csv_cells() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "b.jsonl",
            "{\"id\": \"a\\u0000b\", \"text\": \"Null\\u0000byte inside. Another sentence here.\"}\n",
        );
        for fmt in ["csv", "tsv"] {
            let o = mtlint(d.path())
                .args(["check", "b.jsonl", "--format", fmt, "--summary", "s.csv"])
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0));
            assert!(!o.stdout.contains(&0), "{fmt}: a NUL byte in the output");
            let out = String::from_utf8(o.stdout).unwrap().replace('\t', ",");
            assert_eq!(cell(&out, 0, "doc"), "a\u{2400}b");
            assert!(cell(&out, 0, "text").starts_with("Null\u{2400}byte"));
            let sum = fs::read(d.path().join("s.csv")).unwrap();
            assert!(!sum.contains(&0), "a NUL byte in the summary");
        }
    }

    #[test]
    fn excel_puts_a_bom_on_the_summary_too() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", CLEAN);
        let o = run(
            d.path(),
            &[
                "check",
                "a.txt",
                "--excel",
                "-o",
                "r.csv",
                "--summary",
                "s.csv",
            ],
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
        let s = fs::read_to_string(d.path().join("s.csv")).unwrap();
        assert!(s.starts_with("\u{feff}doc,lang,"), "{s:?}");
        let o = run(
            d.path(),
            &["check", "a.txt", "-o", "r.csv", "--summary", "s.csv"],
        );
        assert_eq!(o.code, 0);
        let s = fs::read_to_string(d.path().join("s.csv")).unwrap();
        assert!(s.starts_with("doc,lang,"), "{s:?}");
    }

    #[test]
    fn config_with_ok_below_review_is_rejected() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", CLEAN);
        for (bad, word) in [
            ("[scoring]\nok = 40\nreview = 60\n", "review"),
            ("[scoring]\nok = 120\n", "100"),
            ("[scoring]\nreview = -5\n", "100"),
        ] {
            write(d.path(), "bad.toml", bad);
            let o = run(d.path(), &["check", "a.txt", "--config", "bad.toml"]);
            assert_eq!(o.code, 2, "{bad}");
            assert!(
                o.stderr.contains("bad.toml") && o.stderr.contains(word),
                "{bad}: {}",
                o.stderr
            );
            assert_eq!(o.stdout, "", "{bad}");
        }
        write(d.path(), "good.toml", "[scoring]\nok = 95\nreview = 95\n");
        assert_eq!(
            run(d.path(), &["check", "a.txt", "--config", "good.toml"]).code,
            0
        );
    }

    #[test]
    fn fail_under_names_the_documents_below_it() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "good.txt", CLEAN);
        write(
            d.path(),
            "bad.txt",
            "Share\n\nView photo series\n\nRead more\n",
        );
        let o = run(
            d.path(),
            &[
                "check",
                "good.txt",
                "bad.txt",
                "--fail-under",
                "90",
                "--summary",
                "s.csv",
            ],
        );
        assert_eq!(o.code, 1, "{}", o.stderr);
        let sum = fs::read_to_string(d.path().join("s.csv")).unwrap();
        let score = cell(&sum, 1, "score");
        assert_eq!(cell(&sum, 1, "doc"), "bad.txt");
        let line = o
            .stderr
            .lines()
            .find(|l| l.contains("bad.txt"))
            .unwrap_or_else(|| panic!("{}", o.stderr));
        assert!(
            line.contains("--fail-under 90") && line.contains(&format!("score {score}")),
            "{line}"
        );
        assert!(!o.stderr.contains("good.txt"), "{}", o.stderr);
    }

    #[test]
    fn success_says_where_the_report_went() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", format!("{CLEAN}\n\nView photo series\n"));
        let o = run(d.path(), &["check", "a.txt", "-o", "report.csv"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(
            o.stderr.contains("report.csv")
                && o.stderr.contains("3 rows")
                && o.stderr.contains("1 flagged"),
            "{}",
            o.stderr
        );
        let o = run(d.path(), &["check", "a.txt", "-o", "report.csv", "--quiet"]);
        assert_eq!(o.stderr, "");
        let o = run(d.path(), &["check", "a.txt"]);
        assert_eq!(
            o.stderr, "",
            "the report on standard output speaks for itself"
        );
    }

    #[test]
    fn strict_stops_at_the_first_malformed_row() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "b.csv",
            format!("id,text\n1,{CLEAN}\n2,Unquoted, with a comma.\n3,{CLEAN}\n")
                .replace(". The", " and the"),
        );
        let o = run(d.path(), &["check", "b.csv"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(o.stderr.contains("b.csv:3"), "{}", o.stderr);
        assert_eq!(cell(&o.stdout, 1, "text"), "Unquoted, with a comma.");
        assert_eq!(doc_cells(&o.stdout), ["1", "2", "3"]);
        let o = run(d.path(), &["check", "b.csv", "--strict"]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(o.stderr.contains("b.csv:3"), "{}", o.stderr);
        assert_eq!(doc_cells(&o.stdout), ["1"]);
    }
}

//! Command-line integration tests: every option and exit code of `check`, `rules`, `explain`.
//! Expected values follow the specification (PRODUCT.md: "Command line", "The CSV",
//! "Reliability"), not the program's current output.

use assert_cmd::Command;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use tempfile::TempDir;

const HEADER: &str = "doc,sentence,line,start,end,lang,lang_confidence,score,penalty,verdict,flags,evidence,suggestions,text";
/// The rule codes, from the one registry (which a library test checks against the rules).
const CODES: &[&str] = &mtlint::analyze::ALL_CODES;

/// A clean English paragraph long enough for the language to be recognized.
const CLEAN: &str = "The city council approved the new budget on Monday after a long debate. \
The mayor said the plan would help families and small businesses in the coming year.";

fn mtlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.current_dir(dir);
    c
}

fn tmp() -> TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, data).unwrap();
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let o = mtlint(dir).args(args).output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).expect("output is UTF-8"),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Parses CSV output into header-keyed rows.
fn rows(csv_text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let h: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(h.join(","), HEADER.trim_start_matches('\u{feff}'));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), 14);
            h.iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn docs_in_order(csv_text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows(csv_text) {
        if out.last() != Some(&r["doc"]) {
            out.push(r["doc"].clone());
        }
    }
    out
}

#[test]
fn plain_file_rows_follow_the_csv_contract() {
    let d = tmp();
    write(
        d.path(),
        "a.txt",
        "Café owners met. They agreed.\nA third line\n",
    );
    let o = run(d.path(), &["check", "a.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.starts_with(HEADER), "{}", o.stdout);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 3);
    let want = [
        ("1", "1", "0", "16", "Café owners met."),
        ("2", "1", "17", "29", "They agreed."),
        ("3", "2", "30", "42", "A third line"),
    ];
    for (row, (n, line, start, end, text)) in r.iter().zip(want) {
        assert_eq!(row["doc"], "a.txt");
        assert_eq!(row["sentence"], n);
        assert_eq!(row["line"], line);
        assert_eq!(row["start"], start);
        assert_eq!(row["end"], end);
        assert_eq!(row["text"], text);
        assert!(matches!(
            row["verdict"].as_str(),
            "ok" | "review" | "reject"
        ));
        let score: u32 = row["score"].parse().unwrap();
        assert!(score <= 100);
        let conf: f64 = row["lang_confidence"].parse().unwrap();
        assert!((0.0..=1.0).contains(&conf));
    }
}

#[test]
fn clean_text_scores_100() {
    let d = tmp();
    write(d.path(), "clean.txt", CLEAN);
    let o = run(d.path(), &["check", "clean.txt"]);
    assert_eq!(o.code, 0);
    for r in rows(&o.stdout) {
        assert_eq!(r["score"], "100", "{r:?}");
        assert_eq!(r["penalty"].parse::<f64>().unwrap(), 0.0);
        assert_eq!(r["verdict"], "ok");
        assert_eq!(r["flags"], "");
        assert_eq!(r["evidence"], "");
        assert_eq!(r["lang"], "en");
    }
}

#[test]
fn bare_path_means_check() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let a = run(d.path(), &["a.txt"]);
    let b = run(d.path(), &["check", "a.txt"]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn directories_are_recursed_in_sorted_order() {
    let d = tmp();
    write(d.path(), "docs/b.txt", "Second file here.");
    write(d.path(), "docs/a.txt", "First file here.");
    write(d.path(), "docs/sub/c.md", "Third file here.");
    write(d.path(), "docs/z.txt", "Last file here.");
    let o = run(d.path(), &["check", "docs"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let docs = docs_in_order(&o.stdout);
    let names: Vec<String> = docs
        .iter()
        .map(|p| {
            Path::new(p)
                .strip_prefix("docs")
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "sub/c.md", "z.txt"]);
}

#[test]
fn stdin_dash_and_piped_input() {
    let d = tmp();
    for args in [&["check", "-"][..], &["-"][..], &["check"][..], &[][..]] {
        let o = mtlint(d.path())
            .args(args)
            .write_stdin(CLEAN)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let r = rows(&String::from_utf8(o.stdout).unwrap());
        assert_eq!(r.len(), 2, "{args:?}");
        assert!(r.iter().all(|r| r["doc"] == "-"));
    }
}

#[test]
fn csv_batch_with_id_text_and_source() {
    let d = tmp();
    write(
        d.path(),
        "b.csv",
        "id,text,source\n\
         a1,\"First row. It has two sentences.\",Erste Zeile.\n\
         a2,\"Quoted \"\"words\"\" and\na line break.\",\n\
         ,No id here.,\n",
    );
    let o = run(d.path(), &["check", "b.csv", "--source-column", "source"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = rows(&o.stdout);
    let docs: Vec<&str> = r.iter().map(|r| r["doc"].as_str()).collect();
    assert_eq!(docs[..3], ["a1", "a1", "a2"]);
    // Offsets and lines are within the row's text; the embedded line break is kept.
    assert_eq!(r[1]["start"], "11");
    assert_eq!(r[2]["start"], "0");
    assert_eq!(r[2]["line"], "1");
    let a2: Vec<&str> = r
        .iter()
        .filter(|r| r["doc"] == "a2")
        .map(|r| r["text"].as_str())
        .collect();
    assert_eq!(a2.join("\n"), "Quoted \"words\" and\na line break.");
    let last_a2 = r.iter().rposition(|r| r["doc"] == "a2").unwrap();
    assert_eq!(r[last_a2]["end"], "32");
    // A row without an id is still checked, under some non-empty name.
    let rest = &r[last_a2 + 1..];
    assert_eq!(rest.len(), 1);
    assert!(!rest[0]["doc"].is_empty());
    assert_eq!(rest[0]["text"], "No id here.");
}

#[test]
fn csv_text_and_id_columns_can_be_renamed() {
    let d = tmp();
    write(d.path(), "b.csv", "key,body\nk1,Hello there.\n");
    let o = run(
        d.path(),
        &[
            "check",
            "b.csv",
            "--text-column",
            "body",
            "--id-column",
            "key",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["doc"], "k1");
}

#[test]
fn missing_csv_column_is_an_error_naming_it() {
    let d = tmp();
    write(d.path(), "b.csv", "id,body\n1,Hello there.\n");
    write(d.path(), "ok.txt", "Still checked.");
    let o = run(d.path(), &["check", "b.csv", "ok.txt"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("b.csv"), "{}", o.stderr);
    assert!(o.stderr.contains("text"), "{}", o.stderr);
    assert_eq!(docs_in_order(&o.stdout), ["ok.txt"]);
}

#[test]
fn missing_source_column_is_an_error() {
    let d = tmp();
    write(d.path(), "b.csv", "id,text\n1,Hello there.\n");
    let o = run(d.path(), &["check", "b.csv", "--source-column", "orig"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("orig"), "{}", o.stderr);
}

#[test]
fn tsv_batch_is_unquoted() {
    let d = tmp();
    write(
        d.path(),
        "b.tsv",
        "id\ttext\nt1\t\"Quoted\" words stay.\nt2\tSecond row.\n",
    );
    let o = run(d.path(), &["check", "b.tsv"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0]["doc"], "t1");
    assert_eq!(r[0]["text"], "\"Quoted\" words stay.");
    assert_eq!(r[1]["doc"], "t2");
}

#[test]
fn jsonl_batch_with_a_malformed_line() {
    let d = tmp();
    write(
        d.path(),
        "b.jsonl",
        "{\"id\": \"j1\", \"text\": \"First document.\"}\n\
         {\"id\": \"j2\", \"text\": \"broken\n\
         {\"id\": 3, \"text\": \"Third document.\", \"source\": \"Drittes.\"}\n\
         \n\
         {\"text\": \"No id.\"}\n",
    );
    let o = run(d.path(), &["check", "b.jsonl", "--source-field", "source"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("b.jsonl:2"), "{}", o.stderr);
    let r = rows(&o.stdout);
    let docs: Vec<&str> = r.iter().map(|r| r["doc"].as_str()).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[..2], ["j1", "3"]);
    assert!(!docs[2].is_empty());
}

#[test]
fn jsonl_fields_can_be_renamed() {
    let d = tmp();
    write(
        d.path(),
        "b.jsonl",
        "{\"key\": \"k\", \"body\": \"Hello there.\"}\n",
    );
    let o = run(
        d.path(),
        &[
            "check",
            "b.jsonl",
            "--text-field",
            "body",
            "--id-field",
            "key",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(docs_in_order(&o.stdout), ["k"]);
    let o = run(d.path(), &["check", "b.jsonl"]);
    assert_eq!(o.code, 2, "missing text field is an error");
    assert!(o.stderr.contains("b.jsonl:1"), "{}", o.stderr);
}

#[test]
fn input_format_overrides_the_extension() {
    let d = tmp();
    write(
        d.path(),
        "data.dat",
        "{\"id\": \"x\", \"text\": \"From JSON.\"}\n",
    );
    let o = run(d.path(), &["check", "data.dat", "--input-format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["doc"], "x");
    assert_eq!(r[0]["text"], "From JSON.");
}

#[test]
fn binary_file_is_an_error_and_others_are_processed() {
    let d = tmp();
    write(d.path(), "in/a.txt", "Before the binary file.");
    write(d.path(), "in/b.bin", b"\x00\x01\x02ELF\x00\x00garbage\x00");
    write(d.path(), "in/c.txt", "After the binary file.");
    let o = run(d.path(), &["check", "in"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("b.bin"), "{}", o.stderr);
    assert!(o.stderr.to_lowercase().contains("binary"), "{}", o.stderr);
    let docs = docs_in_order(&o.stdout);
    assert_eq!(docs.len(), 2);
    assert!(docs[0].ends_with("a.txt") && docs[1].ends_with("c.txt"));
}

#[test]
fn empty_file_warns_and_exits_0() {
    let d = tmp();
    write(d.path(), "empty.txt", "");
    write(d.path(), "blank.txt", " \n\n");
    let o = run(d.path(), &["check", "empty.txt", "blank.txt"]);
    assert_eq!(o.code, 0);
    assert!(o.stderr.contains("empty.txt"), "{}", o.stderr);
    assert!(o.stderr.contains("blank.txt"), "{}", o.stderr);
    assert_eq!(o.stdout.trim_end(), HEADER);
}

#[test]
fn invalid_utf8_warns_with_line_and_keeps_the_text() {
    let d = tmp();
    write(
        d.path(),
        "bad.txt",
        b"Good first line.\nBad \xff\xfe byte here.\n",
    );
    let o = run(d.path(), &["check", "bad.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("bad.txt:2"), "{}", o.stderr);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 2);
    assert!(r[1]["text"].contains('\u{fffd}'), "{:?}", r[1]);
}

#[test]
fn invalid_utf8_is_flagged_encoding() {
    let d = tmp();
    write(
        d.path(),
        "bad.txt",
        b"The council met on Monday.\nThe mayor \xff\xfe said it went well.\n",
    );
    let o = run(d.path(), &["check", "bad.txt"]);
    let r = rows(&o.stdout);
    assert!(
        r[1]["flags"].split(';').any(|f| f == "encoding"),
        "{:?}",
        r[1]
    );
}

#[test]
fn one_5mb_line_without_newline_is_covered() {
    let d = tmp();
    let mut line = String::with_capacity(5_200_000);
    let words = [
        "council", "budget", "Monday", "approved", "the", "plan", "é", "river",
    ];
    let mut k = 0usize;
    while line.len() < 5_000_000 {
        line.push_str(words[k % words.len()]);
        line.push(' ');
        k += 7;
    }
    line.push_str("end");
    write(d.path(), "long.txt", &line);
    let o = run(d.path(), &["check", "long.txt", "--format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    // The sentences tile the text: gaps are white space only, nothing dropped.
    let chars: Vec<char> = line.chars().collect();
    let mut prev = 0usize;
    let mut n = 0;
    for l in o.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert!(prev <= s && s < e && e <= chars.len());
        assert!(chars[prev..s].iter().all(|c| c.is_whitespace()));
        let text: String = chars[s..e].iter().collect();
        assert_eq!(v["text"].as_str().unwrap(), text);
        prev = e;
        n += 1;
    }
    assert_eq!(prev, chars.len());
    assert!(n > 1, "a 5 MB line is cut into several sentences");
}

#[test]
fn unreadable_path_is_an_error_and_others_are_processed() {
    let d = tmp();
    write(d.path(), "a.txt", "First one.");
    write(d.path(), "c.txt", "Third one.");
    let o = run(d.path(), &["check", "a.txt", "does-not-exist.txt", "c.txt"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("does-not-exist.txt"), "{}", o.stderr);
    assert_eq!(docs_in_order(&o.stdout), ["a.txt", "c.txt"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_in_a_directory() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    write(d.path(), "in/a.txt", "First one.");
    write(d.path(), "in/b.txt", "Locked one.");
    write(d.path(), "in/c.txt", "Third one.");
    let locked = d.path().join("in/b.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading; a dangling symlink does.
        fs::remove_file(&locked).unwrap();
        std::os::unix::fs::symlink(d.path().join("nowhere"), &locked).unwrap();
    }
    let o = run(d.path(), &["check", "in"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("b.txt"), "{}", o.stderr);
    let docs = docs_in_order(&o.stdout);
    assert_eq!(docs.len(), 2);
    assert!(docs[0].ends_with("a.txt") && docs[1].ends_with("c.txt"));
}

#[test]
fn tsv_output() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let o = run(d.path(), &["check", "a.txt", "--format", "tsv"]);
    assert_eq!(o.code, 0);
    let mut lines = o.stdout.lines();
    assert_eq!(lines.next().unwrap(), HEADER.replace(',', "\t"));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(o.stdout.as_bytes());
    let recs: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 2);
    assert!(recs.iter().all(|r| r.len() == 14 && &r[0] == "a.txt"));
}

#[test]
fn jsonl_output_has_fields_findings_and_byte_offsets() {
    let d = tmp();
    write(d.path(), "a.txt", "Zoë arrived. She left.");
    let o = run(d.path(), &["check", "a.txt", "--format", "jsonl"]);
    assert_eq!(o.code, 0);
    let lines: Vec<serde_json::Value> = o
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for k in HEADER.split(',') {
        assert!(lines[0].get(k).is_some(), "missing {k}");
    }
    assert!(lines[0]["findings"].is_array());
    // "Zoë arrived." is 12 characters, 13 bytes.
    assert_eq!(lines[1]["start"], 13);
    assert_eq!(lines[1]["start_byte"], 14);
    assert_eq!(lines[1]["end"], 22);
    assert_eq!(lines[1]["end_byte"], 23);
}

#[test]
fn output_file() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let o = run(d.path(), &["check", "a.txt", "-o", "out.csv"]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stdout, "");
    let written = fs::read_to_string(d.path().join("out.csv")).unwrap();
    assert_eq!(rows(&written).len(), 2);
    let o = run(d.path(), &["check", "a.txt", "--output", "out2.csv"]);
    assert_eq!(o.code, 0);
    assert_eq!(
        fs::read_to_string(d.path().join("out2.csv")).unwrap(),
        written
    );
}

#[test]
fn output_to_an_impossible_path_is_an_error() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let o = run(d.path(), &["check", "a.txt", "-o", "no/such/dir/out.csv"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("out.csv"), "{}", o.stderr);
}

#[test]
fn summary_has_one_row_per_document() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    write(d.path(), "b.txt", "Just one sentence here.");
    let o = run(
        d.path(),
        &["check", "a.txt", "b.txt", "--summary", "sum.csv"],
    );
    assert_eq!(o.code, 0);
    let s = fs::read_to_string(d.path().join("sum.csv")).unwrap();
    let mut r = csv::Reader::from_reader(s.as_bytes());
    let h = r.headers().unwrap().clone();
    let doc_i = h.iter().position(|c| c == "doc").expect("doc column");
    let score_i = h.iter().position(|c| c == "score").expect("score column");
    let recs: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(&recs[0][doc_i], "a.txt");
    assert_eq!(&recs[1][doc_i], "b.txt");
    assert_eq!(&recs[0][score_i], "100");
}

#[test]
fn min_score_and_only_flagged_filter_rows() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    // Clean text: every row scores 100 and has no finding.
    let o = run(d.path(), &["check", "a.txt", "--only-flagged"]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stdout.trim_end(), HEADER);
    let o = run(d.path(), &["check", "a.txt", "--min-score", "100"]);
    assert_eq!(rows(&o.stdout).len(), 2);
    let o = run(d.path(), &["check", "a.txt", "--min-score", "0"]);
    assert_eq!(rows(&o.stdout).len(), 2);
}

const ARTIFACTS: &str = "The city council approved the new budget on Monday after a long debate.\n\
View photo series\n\
© Jane Doe/dpa\n\
The mayor said the plan would help families and small businesses in the coming year.\n";

#[test]
fn only_flagged_keeps_the_artifacts() {
    let d = tmp();
    write(d.path(), "a.txt", ARTIFACTS);
    let o = run(
        d.path(),
        &["check", "a.txt", "--only-flagged", "--target", "en"],
    );
    assert_eq!(o.code, 0);
    let r = rows(&o.stdout);
    let texts: Vec<&str> = r.iter().map(|r| r["text"].as_str()).collect();
    assert_eq!(texts, ["View photo series", "© Jane Doe/dpa"]);
    assert_eq!(r[0]["flags"], "boilerplate");
    assert_eq!(r[0]["penalty"].parse::<f64>().unwrap(), 5.0);
    assert_eq!(r[0]["score"], "80");
    assert_eq!(r[0]["verdict"], "review");
    assert!(
        r[0]["evidence"].starts_with("boilerplate: \""),
        "{:?}",
        r[0]
    );
    assert_eq!(r[1]["flags"], "credit");
    assert_eq!(r[1]["score"], "96");
    // --min-score 90 keeps the clean rows and the credit line (96), drops the boilerplate (80).
    let o = run(
        d.path(),
        &["check", "a.txt", "--min-score", "90", "--target", "en"],
    );
    let texts: Vec<String> = rows(&o.stdout)
        .into_iter()
        .map(|r| r["text"].clone())
        .collect();
    assert_eq!(texts.len(), 3);
    assert!(!texts.iter().any(|t| t == "View photo series"));
}

#[test]
fn fail_under_exit_codes() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    // A clean document scores 100: never below 100, always below 101.
    assert_eq!(
        run(d.path(), &["check", "a.txt", "--fail-under", "100"]).code,
        0
    );
    assert_eq!(
        run(d.path(), &["check", "a.txt", "--fail-under", "101"]).code,
        1
    );
    assert_eq!(
        run(d.path(), &["check", "a.txt", "--fail-under", "0"]).code,
        0
    );
    // An input failure wins over --fail-under: exit 2.
    assert_eq!(
        run(
            d.path(),
            &["check", "a.txt", "missing.txt", "--fail-under", "101"]
        )
        .code,
        2
    );
}

#[test]
fn fail_under_with_a_configured_boilerplate_phrase() {
    let d = tmp();
    write(d.path(), "cfg.toml", "boilerplate = [\"zzz chrome\"]\n");
    write(d.path(), "a.txt", "zzz chrome\n");
    write(d.path(), "clean.txt", CLEAN);
    let o = run(
        d.path(),
        &[
            "check",
            "a.txt",
            "--config",
            "cfg.toml",
            "--fail-under",
            "90",
            "--target",
            "en",
        ],
    );
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert!(rows(&o.stdout)[0]["flags"].contains("boilerplate"));
    let o = run(
        d.path(),
        &[
            "check",
            "clean.txt",
            "--config",
            "cfg.toml",
            "--fail-under",
            "90",
            "--target",
            "en",
        ],
    );
    assert_eq!(o.code, 0);
    // mtlint.toml in the working directory is read by default.
    write(d.path(), "mtlint.toml", "boilerplate = [\"zzz chrome\"]\n");
    let o = run(
        d.path(),
        &["check", "a.txt", "--fail-under", "90", "--target", "en"],
    );
    assert_eq!(o.code, 1);
}

#[test]
fn broken_config_is_a_usage_error() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    write(d.path(), "bad.toml", "no_such_key = 1\n");
    let o = run(d.path(), &["check", "a.txt", "--config", "bad.toml"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("bad.toml"), "{}", o.stderr);
    let o = run(d.path(), &["check", "a.txt", "--config", "missing.toml"]);
    assert_eq!(o.code, 2);
}

#[test]
fn boilerplate_and_credit_lines_are_flagged() {
    let d = tmp();
    write(d.path(), "a.txt", ARTIFACTS);
    let o = run(d.path(), &["check", "a.txt"]);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0]["flags"], "");
    assert_eq!(r[1]["flags"], "boilerplate");
    assert_eq!(r[2]["flags"], "credit");
    assert_eq!(r[3]["flags"], "");
    // --ignore and --only select rules.
    let o = run(d.path(), &["check", "a.txt", "--ignore", "boilerplate"]);
    assert_eq!(rows(&o.stdout)[1]["flags"], "");
    let o = run(d.path(), &["check", "a.txt", "--only", "boilerplate"]);
    let r = rows(&o.stdout);
    assert_eq!(r[1]["flags"], "boilerplate");
    assert_eq!(r[2]["flags"], "");
}

#[test]
fn excel_adds_a_bom() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let o = mtlint(d.path())
        .args(["check", "a.txt", "--excel"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.starts_with("\u{feff}doc,sentence,".as_bytes()));
    let plain = mtlint(d.path()).args(["check", "a.txt"]).output().unwrap();
    assert!(plain.stdout.starts_with(b"doc,sentence,"));
    assert_eq!(&o.stdout[3..], &plain.stdout[..]);
}

#[test]
fn formula_guard() {
    let d = tmp();
    write(
        d.path(),
        "f.txt",
        "=HYPERLINK(\"http://example.com\",\"x\")\n\n+1 is a number\n\n@home\n",
    );
    let o = run(d.path(), &["check", "f.txt"]);
    assert_eq!(o.code, 0);
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0]["text"], "'=HYPERLINK(\"http://example.com\",\"x\")");
    assert_eq!(r[1]["text"], "'+1 is a number");
    assert_eq!(r[2]["text"], "'@home");
    // The guard also covers the doc cell.
    let o = mtlint(d.path())
        .args(["check", "-"])
        .write_stdin("=1+1")
        .output()
        .unwrap();
    let r = rows(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(r[0]["text"], "'=1+1");
    let o = run(d.path(), &["check", "f.txt", "--no-formula-guard"]);
    assert_eq!(
        rows(&o.stdout)[0]["text"],
        "=HYPERLINK(\"http://example.com\",\"x\")"
    );
}

#[test]
fn jobs_do_not_change_the_output() {
    let d = tmp();
    for i in 0..60 {
        let mut t = String::new();
        for k in 0..(1 + i % 7) {
            t.push_str(&format!(
                "Document {i} sentence {k} talks about the budget. "
            ));
            if k % 3 == 2 {
                t.push_str("\n\nView photo series\n\n");
            }
        }
        write(d.path(), &format!("many/{i:03}.txt"), t);
    }
    write(
        d.path(),
        "many/batch.jsonl",
        (0..700)
            .map(|i| format!("{{\"id\":\"r{i}\",\"text\":\"Row {i} is here. It ends.\"}}\n"))
            .collect::<String>(),
    );
    let one = mtlint(d.path())
        .args(["check", "many", "--jobs", "1"])
        .output()
        .unwrap();
    let two = mtlint(d.path())
        .args(["check", "many", "--jobs", "2"])
        .output()
        .unwrap();
    let four = mtlint(d.path())
        .args(["check", "many", "-j", "4", "--format", "jsonl"])
        .output()
        .unwrap();
    let one_jsonl = mtlint(d.path())
        .args(["check", "many", "-j", "1", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    assert!(one.stdout.len() > 10_000);
    assert!(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ");
    assert!(
        four.stdout == one_jsonl.stdout,
        "--jobs 1 and --jobs 4 differ (jsonl)"
    );
}

#[test]
fn quiet_silences_warnings_but_not_errors() {
    let d = tmp();
    write(d.path(), "empty.txt", "");
    let o = run(d.path(), &["check", "empty.txt", "--quiet"]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stderr, "");
    let o = run(d.path(), &["check", "empty.txt", "-q", "missing.txt"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("missing.txt"));
    assert!(!o.stderr.contains("empty.txt"));
}

#[test]
fn unknown_codes_and_languages_are_usage_errors() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    for args in [
        &["check", "a.txt", "--only", "no-such-rule"][..],
        &["check", "a.txt", "--ignore", "boilerplate,nope"][..],
        &["check", "a.txt", "--target", "xx"][..],
        &["check", "a.txt", "--source", "klingon"][..],
        &["check", "a.txt", "--format", "xml"][..],
        &["check", "a.txt", "--no-such-flag"][..],
    ] {
        let o = run(d.path(), args);
        assert_eq!(o.code, 2, "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
        assert_eq!(o.stdout, "", "{args:?}");
    }
    let o = run(d.path(), &["check", "a.txt", "--only", "no-such-rule"]);
    assert!(o.stderr.contains("no-such-rule"), "{}", o.stderr);
    // Known codes are accepted.
    let o = run(
        d.path(),
        &[
            "check",
            "a.txt",
            "--only",
            "boilerplate,credit",
            "--target",
            "en",
            "--source",
            "de",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
}

#[test]
fn rules_lists_all_17_codes() {
    let d = tmp();
    let o = run(d.path(), &["rules"]);
    assert_eq!(o.code, 0);
    for c in CODES {
        assert!(
            o.stdout
                .lines()
                .any(|l| l.split_whitespace().next() == Some(c)),
            "{c} missing from `mtlint rules`"
        );
    }
    let sev = |c: &str| {
        o.stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(c))
            .and_then(|l| l.split_whitespace().nth(1))
            .map(str::to_string)
    };
    assert_eq!(sev("wrong-language").as_deref(), Some("critical"));
    assert_eq!(sev("source-copy").as_deref(), Some("critical"));
    assert_eq!(sev("credit").as_deref(), Some("minor"));
    assert_eq!(sev("capitalized-noun").as_deref(), Some("minor"));
    assert_eq!(sev("boilerplate").as_deref(), Some("major"));
    assert_eq!(sev("run-together").as_deref(), Some("major"));
}

#[test]
fn explain_known_and_unknown_codes() {
    let d = tmp();
    let o = run(d.path(), &["explain", "run-together"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("run-together"));
    for c in CODES {
        assert_eq!(run(d.path(), &["explain", c]).code, 0, "{c}");
    }
    let o = run(d.path(), &["explain", "nope"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("nope"));
}

#[test]
fn explain_has_the_sections() {
    let d = tmp();
    for c in CODES {
        let o = run(d.path(), &["explain", c]);
        assert!(o.stdout.contains("## What it does"), "{c}");
        assert!(o.stdout.contains("## Example"), "{c}");
        assert!(!o.stdout.contains("PLACEHOLDER"), "{c}");
    }
}

#[test]
fn closed_pipe_exits_quietly() {
    let d = tmp();
    let para = format!("{CLEAN}\n\n");
    write(d.path(), "big.txt", para.repeat(4000));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .current_dir(d.path())
        .arg("big.txt")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    out.read_exact(&mut first).unwrap();
    assert!(first.starts_with(b"doc,sentence"));
    drop(out); // like `| head -1`
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn help_and_version_exit_0() {
    let d = tmp();
    let o = run(d.path(), &["--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("check"));
    assert_eq!(run(d.path(), &["--version"]).code, 0);
    assert_eq!(run(d.path(), &["check", "--help"]).code, 0);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_not_a_silent_success() {
    let d = tmp();
    write(d.path(), "a.txt", format!("{CLEAN}\n\n").repeat(2000));
    let o = run(d.path(), &["check", "a.txt", "-o", "/dev/full"]);
    assert_eq!(o.code, 2);
    assert!(!o.stderr.is_empty());
}

/// Parses a summary CSV into header-keyed rows.
fn summary_rows(s: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(s.as_bytes());
    let h: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            h.iter()
                .cloned()
                .zip(rec.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn document_score_is_the_per_word_penalty_not_a_mean_of_sentences() {
    let d = tmp();
    // 4 sentences; one is page junk (boilerplate, major = 5). A mean of sentence scores would
    // stay high; MQM's per-word penalty over the tolerance (0.2) gives
    // 100 × (1 − (5 / words) / 0.2).
    write(d.path(), "a.txt", ARTIFACTS);
    let o = run(
        d.path(),
        &[
            "check",
            "a.txt",
            "--target",
            "en",
            "--summary",
            "sum.csv",
            "--format",
            "jsonl",
            "-o",
            "out.jsonl",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let rows = summary_rows(&fs::read_to_string(d.path().join("sum.csv")).unwrap());
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    let words: f64 = r["words"].parse().unwrap();
    let penalty: f64 = r["penalty"].parse().unwrap();
    // The penalty is the sum of the sentences' penalties.
    let jsonl = fs::read_to_string(d.path().join("out.jsonl")).unwrap();
    let sum: f64 = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["penalty"]
                .as_f64()
                .unwrap()
        })
        .sum();
    assert_eq!(penalty, sum);
    assert!(penalty >= 6.0, "boilerplate and credit found: {penalty}");
    let expect = |p: f64| {
        (100.0 * (1.0 - (p / words) / 0.2))
            .max(0.0)
            .round()
            .to_string()
    };
    assert_eq!(r["score"], expect(penalty));
    // Only page junk here: the translation is clean, the page is not.
    assert_eq!(r["translation_score"], "100");
    assert_eq!(r["page_score"], expect(penalty));
    assert_ne!(r["page_score"], "100");
}

#[test]
fn summary_in_jsonl_and_tolerance_from_the_config() {
    let d = tmp();
    write(d.path(), "a.txt", ARTIFACTS);
    write(d.path(), "strict.toml", "[scoring]\ntolerance = 0.1\n");
    let o = run(
        d.path(),
        &["check", "a.txt", "--target", "en", "--summary", "sum.jsonl"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let loose: serde_json::Value = serde_json::from_str(
        fs::read_to_string(d.path().join("sum.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    let o = run(
        d.path(),
        &[
            "check",
            "a.txt",
            "--target",
            "en",
            "--config",
            "strict.toml",
            "--summary",
            "s2.jsonl",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let strict: serde_json::Value = serde_json::from_str(
        fs::read_to_string(d.path().join("s2.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(loose["doc"], "a.txt");
    let words = loose["words"].as_f64().unwrap();
    let p = loose["penalty"].as_f64().unwrap();
    let at = |t: f64| (100.0 * (1.0 - (p / words) / t)).max(0.0).round();
    assert_eq!(loose["score"].as_f64().unwrap(), at(0.2));
    assert_eq!(strict["score"].as_f64().unwrap(), at(0.1));
    assert!(strict["score"].as_u64() < loose["score"].as_u64());
}

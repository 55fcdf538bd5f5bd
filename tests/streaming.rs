//! `mtlint check` as a filter in a pipeline (`RDD.pipe`, Hadoop Streaming, shell): JSONL on
//! standard input is recognised without `--input-format`, and the rows of the documents sent so
//! far come out before standard input is closed.

use assert_cmd::Command;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

const ONE: &str = "The government approved the budget on Friday.";
const TWO: &str = "Kyiv's mayor urged residents to stay in shelters. The sirens stopped at dawn.";

fn json_line(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({ "id": id, "text": text }))
}

fn run(args: &[&str], stdin: &str) -> (i32, Vec<serde_json::Value>, String) {
    let o = Command::cargo_bin("mtlint")
        .unwrap()
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let rows = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        o.status.code().unwrap(),
        rows,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn docs(rows: &[serde_json::Value]) -> Vec<&str> {
    rows.iter().map(|r| r["doc"].as_str().unwrap()).collect()
}

#[test]
fn stdin_jsonl_is_recognised_without_input_format() {
    let input = json_line("a", ONE) + &json_line("b", TWO);
    let (code, rows, err) = run(&["check", "--format", "jsonl"], &input);
    assert_eq!(code, 0, "{err}");
    assert_eq!(docs(&rows), ["a", "b", "b"]);
    assert_eq!(rows[0]["text"], ONE);
    // The same rows as when the format is given.
    let (_, given, _) = run(
        &["check", "--format", "jsonl", "--input-format", "jsonl"],
        &input,
    );
    assert_eq!(rows, given);
}

#[test]
fn blank_lines_before_the_first_object_are_skipped_and_counted() {
    let input = format!("\n  \n{}", json_line("", ONE));
    let (code, rows, err) = run(&["check", "--format", "jsonl"], &input);
    assert_eq!(code, 0, "{err}");
    // No id: the document is named by its line, counted from the first blank line.
    assert_eq!(docs(&rows), ["-:3"]);
}

#[test]
fn plain_text_on_stdin_stays_one_text_document() {
    // A first line that only looks like JSON keeps the whole input plain text.
    for input in [
        format!("{ONE}\n{TWO}\n"),
        format!("{{Editor's note}} {ONE}\n"),
        format!("{}{TWO}\n", &json_line("a", ONE)[..20]),
    ] {
        let (code, rows, err) = run(&["check", "--format", "jsonl"], &input);
        assert_eq!(code, 0, "{err}");
        assert!(!rows.is_empty(), "{input:?}");
        assert!(rows.iter().all(|r| r["doc"] == "-"), "{input:?}");
    }
}

#[test]
fn a_text_file_named_on_the_command_line_is_not_sniffed() {
    let d = tempfile::TempDir::new().unwrap();
    std::fs::write(d.path().join("notes.txt"), json_line("a", ONE)).unwrap();
    let (code, rows, err) = run(
        &[
            "check",
            "--format",
            "jsonl",
            d.path().join("notes.txt").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(rows[0]["doc"].as_str().unwrap().ends_with("notes.txt"));
}

#[test]
fn rows_come_out_before_stdin_is_closed() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["check", "--format", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let lines = std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            if tx.send(l.unwrap()).is_err() {
                break;
            }
        }
    });
    let next = |rx: &mpsc::Receiver<String>| -> serde_json::Value {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(l) => serde_json::from_str(&l).unwrap(),
            Err(e) => panic!("no row while standard input is open: {e}"),
        }
    };
    stdin.write_all(json_line("first", ONE).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let row = next(&rx);
    if row["doc"] != "first" {
        let _ = child.kill();
        panic!("unexpected row {row}");
    }
    stdin
        .write_all(json_line("second", TWO).as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    assert_eq!(next(&rx)["doc"], "second");
    assert_eq!(next(&rx)["doc"], "second");
    drop(stdin);
    let status = child.wait().unwrap();
    lines.join().unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(rx.try_recv().is_err(), "no row after the last document");
}

//! `mtlint eval` end to end: a small labelled table of our own sentences, written to a
//! temporary directory. The expectations hold whatever the rules find: the tool's score is
//! pinned to 100 with zero weights where a test needs it, and code counts are checked through
//! invariants (tp + fn = number of rows expecting the code).

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn mtlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.current_dir(dir);
    c
}

fn json(out: &[u8]) -> Value {
    let s = std::str::from_utf8(out).unwrap();
    assert_eq!(
        s.trim_end().lines().count(),
        1,
        "exactly one JSON object: {s}"
    );
    serde_json::from_str(s).unwrap()
}

/// Zero weights: every score is 100, whatever is found.
const FLAT: &str = "[scoring]\nminor = 0.0\nmajor = 0.0\ncritical = 0.0\n";

/// Rows ordered by length; `errors` grows with length; the two shortest are label 1.
const SCORED: &str = "\
id\tdoc\tsystem\tis_human\terrors\ttext
r1\td1\tA\t1\t0\tMarkets rallied.
r2\td1\tB\t1\t1\tThe bridge reopened.
r3\td1\tA\t0\t2\tThe mayor opened the new library.
r4\td2\tA\t0\t4\tVolunteers planted two hundred trees along the river on Saturday.
r5\td2\tA\t0\t\tThe school board voted to extend the lunch break by ten minutes next year.
r6\td1\tA\t0\t7\tOfficials said the harbour would stay closed while divers searched the water for the missing boat and its two passengers.
";

fn setup(table: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gold.tsv"), table).unwrap();
    std::fs::write(dir.path().join("flat.toml"), FLAT).unwrap();
    dir
}

#[test]
fn json_shape_correlation_and_auc() {
    let dir = setup(SCORED);
    let out = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--target",
            "en",
            "--config",
            "flat.toml",
            "--human-score",
            "errors",
            "--label",
            "is_human",
            "--doc-column",
            "doc,system",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    for key in [
        "rows",
        "per_code",
        "clean_flag_rate",
        "clean_major_rate",
        "correlation",
        "auc",
        "length_baseline",
        "partial_spearman",
        "binned_spearman",
        "auc_length_baseline",
        "clean_rate_per_code",
        "flag_share_per_code",
        "clean_by_origin",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}: {v}");
    }
    assert_eq!(v["rows"], 6);
    // Keys d1/A, d1/B, d2/A.
    assert_eq!(v["documents"], 3);
    // No expected column: no per-code table; every row counts as clean.
    assert_eq!(v["per_code"], Value::Null);
    assert_eq!(v["clean_rows"], 6);
    assert_eq!(v["clean_by_origin"], Value::Null);
    // One empty human score: n = 5. The tool's score is constant: its correlations are undefined.
    let c = &v["correlation"];
    assert_eq!(c["n"], 5);
    assert_eq!(c["spearman"], Value::Null);
    assert_eq!(c["pearson"], Value::Null);
    assert_eq!(c["kendall"], Value::Null);
    // Error counts are negated (lower is better); −words falls as errors rise: agreement +1.
    let b = &v["length_baseline"];
    assert_eq!(b["n"], 5);
    assert!((b["kendall"].as_f64().unwrap() - 1.0).abs() < 1e-9, "{b}");
    assert!((b["spearman"].as_f64().unwrap() - 1.0).abs() < 1e-9, "{b}");
    // Label 1 = the two shortest rows: length separates them perfectly; a flat score cannot.
    assert_eq!(v["auc_length_baseline"], 1.0);
    assert_eq!(v["auc"], 0.5);
    assert_eq!(v["label_counts"]["positive"], 2);
    assert_eq!(v["label_counts"]["negative"], 4);

    // Told that higher is better, the same length baseline disagrees perfectly.
    let out = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--config",
            "flat.toml",
            "--human-score",
            "errors",
            "--higher-is-better",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert!((v["length_baseline"]["kendall"].as_f64().unwrap() + 1.0).abs() < 1e-9);
    assert_eq!(v["auc"], Value::Null);
}

#[test]
fn filter_limit_and_determinism() {
    let dir = setup(SCORED);
    let run = |extra: &[&str]| {
        let mut args = vec!["eval", "gold.tsv", "--target", "en", "--format", "json"];
        args.extend_from_slice(extra);
        json(
            &mtlint(dir.path())
                .args(&args)
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    assert_eq!(run(&["--filter", "is_human=0"])["rows"], 4);
    assert_eq!(
        run(&["--filter", "is_human=0", "--filter", "doc=d2"])["rows"],
        2
    );
    assert_eq!(run(&["--filter", "is_human=0", "--limit", "3"])["rows"], 3);
    let one = run(&["--doc-column", "doc", "-j", "1", "--human-score", "errors"]);
    let two = run(&["--doc-column", "doc", "-j", "2", "--human-score", "errors"]);
    assert_eq!(one, two);
    assert_eq!(one["documents"], 2);
}

#[test]
fn missing_column_exits_2_and_lists_columns() {
    let dir = setup(SCORED);
    let a = mtlint(dir.path())
        .args(["eval", "gold.tsv", "--human-score", "mqm_score"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(err.contains("\"mqm_score\""), "{err}");
    assert!(
        err.contains("id, doc, system, is_human, errors, text"),
        "{err}"
    );
    mtlint(dir.path())
        .args(["eval", "gold.tsv", "--text-column", "mt_en"])
        .assert()
        .code(2);
    mtlint(dir.path())
        .args(["eval", "gold.tsv", "--filter", "lang=en"])
        .assert()
        .code(2);
}

#[test]
fn bad_rows_are_named_skipped_and_exit_2() {
    let table =
        "id\terrors\ttext\nr1\t1\tOne row.\nr2\tmany\tAnother row.\nr3\t3\tThe third row.\n";
    let dir = setup(table);
    let a = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--human-score",
            "errors",
            "--format",
            "json",
        ])
        .assert()
        .code(2);
    let out = a.get_output();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("gold.tsv:3:") && err.contains("\"many\""),
        "{err}"
    );
    let v = json(&out.stdout);
    assert_eq!(v["rows"], 2);
    assert_eq!(v["bad_rows"], 1);
    assert_eq!(v["correlation"]["n"], 2);
}

#[test]
fn expected_codes_counts_and_errors_file() {
    let table = "\
id\texpected\torigin\ttext
c1\t-\tnews\tThe council approved the budget on Tuesday.
c2\t-\twire\tHeavy rain is expected across the region this weekend.
b1\tboilerplate\tmt\tSplit
w1\tword-order\tmt\tOn Monday announced the minister a new plan.
";
    let dir = setup(table);
    let out = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--target",
            "en",
            "--only",
            "boilerplate",
            "--origin-column",
            "origin",
            "--errors",
            "errors.tsv",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["rows"], 4);
    assert_eq!(v["active_codes"], serde_json::json!(["boilerplate"]));
    let b = &v["per_code"]["boilerplate"];
    let (tp, fp, fn_) = (
        b["tp"].as_u64().unwrap(),
        b["fp"].as_u64().unwrap(),
        b["fn"].as_u64().unwrap(),
    );
    // One row expects boilerplate; the word-order row is left out (its rule did not run).
    assert_eq!(tp + fn_, 1);
    assert!(fp <= 2);
    // Only the codes of the rules that ran can appear.
    assert_eq!(v["per_code"].as_object().unwrap().len(), 1);
    assert_eq!(v["clean_rows"], 2);
    let by = v["clean_by_origin"].as_object().unwrap();
    assert_eq!(by.keys().collect::<Vec<_>>(), ["news", "wire"]);
    assert_eq!(by["news"]["rows"], 1);
    let any = &v["any"];
    assert_eq!(any["tp"].as_u64().unwrap() + any["fn"].as_u64().unwrap(), 1);
    // The errors file lists exactly the rows where expected and predicted differ.
    let errors = std::fs::read_to_string(dir.path().join("errors.tsv")).unwrap();
    let mut lines = errors.lines();
    assert_eq!(
        lines.next(),
        Some("line\tid\texpected\tpredicted\tscore\thuman\tlabel\tevidence\ttext")
    );
    assert_eq!(lines.count() as u64, fp + fn_);

    // With every rule left out, nothing is predicted: the expected row counts as missed only
    // for codes that ran, so the table is empty and no clean row is flagged.
    let all = "boilerplate,broken-clause,capitalized-noun,credit,encoding,foreign-spelling,name-mismatch,\
name-variant,number-mismatch,repetition,run-together,source-copy,truncated,typography,untranslated,\
word-order,wrong-language";
    let out = mtlint(dir.path())
        .args(["eval", "gold.tsv", "--ignore", all, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["per_code"], serde_json::json!({}));
    assert_eq!(v["clean_flag_rate"], 0.0);
    assert_eq!(v["any"]["tp"], 0);
    assert_eq!(v["any"]["fn"], 0);
}

#[test]
fn text_report_names_the_parts() {
    let dir = setup(SCORED);
    let out = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--config",
            "flat.toml",
            "--human-score",
            "errors",
            "--label",
            "is_human",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("6 rows"), "{s}");
    assert!(s.contains("lower is better: negated"), "{s}");
    assert!(s.contains("length baseline"), "{s}");
    assert!(s.contains("AUC length baseline (-words): 1.000"), "{s}");
}

#[test]
fn annotated_spans_are_read_and_counted() {
    let table = "\
id\tmqm\tspans\ttext
s1\t-1\t[{\"category\":\"Fluency/Grammar\",\"side\":\"target\",\"start\":4,\"end\":9},{\"category\":\"Accuracy/Omission\",\"side\":\"source\",\"start\":0,\"end\":2}]\tThe talks was long.
s2\t0\t[]\tThe talks were long.
s3\t-5\t{broken\tThe the talks.
s4\t0\t\tNo annotation here.
";
    let dir = setup(table);
    let a = mtlint(dir.path())
        .args([
            "eval",
            "gold.tsv",
            "--target",
            "en",
            "--spans-column",
            "spans",
            "--human-score",
            "mqm",
            "--higher-is-better",
            "--format",
            "json",
        ])
        .assert()
        .code(2);
    let out = a.get_output();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("gold.tsv:4:") && err.contains("JSON"), "{err}");
    let v = json(&out.stdout);
    assert_eq!(v["rows"], 3);
    let o = &v["span_overlap"];
    // s1 and s2 are annotated (s4's cell is empty); the source-side span is left out.
    assert_eq!(o["rows"], 2);
    assert_eq!(o["annotated_spans"], 1);
    assert_eq!(o["rows_without_spans"]["rows"], 1);
    let t = &o["total"];
    assert!(t["overlap_matching"].as_u64() <= t["overlap_any"].as_u64());
    assert!(t["overlap_any"].as_u64() <= t["findings"].as_u64());
}

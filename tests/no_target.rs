//! The command line without `--target`, as most users first run it: short and mixed-language
//! documents must get the language a reader sees (issue 17, item 8: "He met Wladimir Putin in
//! Moskau." was called Turkish at confidence 0.01 and scored 100). Every text here was written
//! for this test.

use assert_cmd::Command;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

struct Run {
    code: i32,
    /// Sentence rows, header-keyed.
    rows: Vec<HashMap<String, String>>,
    /// Summary rows, header-keyed.
    summary: Vec<HashMap<String, String>>,
    stderr: String,
}

fn table(text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
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

/// Checks `input` (a file named `name`) with `args` and no `--target`.
fn check(name: &str, input: &str, args: &[&str]) -> Run {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join(name), input).unwrap();
    let o = Command::cargo_bin("mtlint")
        .unwrap()
        .current_dir(d.path())
        .args(["check", name, "--summary", "s.csv"])
        .args(args)
        .output()
        .unwrap();
    let summary = fs::read_to_string(Path::new(d.path()).join("s.csv")).unwrap_or_default();
    Run {
        code: o.status.code().unwrap_or(-1),
        rows: table(&String::from_utf8(o.stdout).unwrap()),
        summary: if summary.is_empty() {
            Vec::new()
        } else {
            table(&summary)
        },
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn text(t: &str) -> Run {
    check("doc.txt", t, &[])
}

#[test]
fn english_one_liner_with_german_names_is_english_and_flagged() {
    for t in [
        "He met Wladimir Putin in Moskau.",
        "Putin flew to Moskau on Monday.",
        "She said Selenskyj would travel to Kiew.",
    ] {
        let r = text(t);
        assert_eq!(r.code, 0, "{t}: {}", r.stderr);
        assert_eq!(r.summary[0]["target"], "en", "{t}");
        assert_eq!(r.rows[0]["lang"], "en", "{t}");
        assert!(
            r.rows[0]["flags"].contains("foreign-spelling"),
            "{t}: {:?}",
            r.rows[0]
        );
        assert!(r.rows[0]["score"].parse::<u32>().unwrap() < 100, "{t}");
    }
}

#[test]
fn clean_english_one_liners_stay_clean() {
    for t in [
        "The talks went well.",
        "Wladimir Klitschko won the fight in Hamburg.",
        "He met Vladimir Putin in Moscow.",
        "Prices rose again in March.",
    ] {
        let r = text(t);
        assert_eq!(r.summary[0]["target"], "en", "{t}");
        assert_eq!(r.rows[0]["flags"], "", "{t}: {:?}", r.rows[0]);
        assert_eq!(r.rows[0]["score"], "100", "{t}");
    }
}

#[test]
fn short_documents_in_other_languages_keep_their_language() {
    for (t, lang) in [
        ("Der Kanzler reist nach Paris.", "de"),
        ("Wladimir Putin traf Olaf Scholz in Berlin.", "de"),
        ("Die Preise stiegen im März.", "de"),
        ("Le président est à Paris.", "fr"),
        ("Emmanuel Macron a rencontré Olaf Scholz.", "fr"),
        ("Les prix ont augmenté en mars.", "fr"),
        ("El presidente viajó a Madrid.", "es"),
        ("Pedro Sánchez visitó Berlín ayer.", "es"),
        ("Los precios subieron en marzo.", "es"),
    ] {
        let r = text(t);
        assert_eq!(r.code, 0, "{t}: {}", r.stderr);
        assert_eq!(r.summary[0]["target"], lang, "{t}");
        assert_eq!(r.rows[0]["lang"], lang, "{t}");
        // Judged as what it is: no sentence called another language, no German spelling of a
        // name called wrong in a German text.
        assert!(
            !r.rows[0]["flags"].contains("wrong-language"),
            "{t}: {:?}",
            r.rows[0]
        );
        assert!(
            !r.rows[0]["flags"].contains("foreign-spelling"),
            "{t}: {:?}",
            r.rows[0]
        );
        assert!(!r.stderr.contains("English"), "{t}: {}", r.stderr);
    }
}

#[test]
fn short_cyrillic_text_is_russian() {
    let r = text("Президент России прибыл в Берлин.");
    assert_eq!(r.summary[0]["lang"], "ru");
    assert_eq!(r.rows[0]["lang"], "ru");
}

#[test]
fn mixed_document_takes_the_language_of_most_of_its_sentences() {
    let r = text(
        "The minister arrived in Berlin on Monday. \
         She met the chancellor for two hours. \
         Der Kanzler sagte, die Gespräche seien gut verlaufen und man werde sich bald wieder treffen. \
         They will meet again in June.",
    );
    assert_eq!(r.summary[0]["target"], "en");
    let langs: Vec<&str> = r.rows.iter().map(|r| r["lang"].as_str()).collect();
    assert_eq!(langs, ["en", "en", "de", "en"]);
    assert!(
        r.rows[2]["flags"].contains("wrong-language"),
        "{:?}",
        r.rows[2]
    );
    for i in [0, 1, 3] {
        assert_eq!(r.rows[i]["flags"], "", "{:?}", r.rows[i]);
    }
    // And the other way round: a German text that quotes one English sentence.
    let r = text(
        "Der Minister kam am Montag in Berlin an. \
         Er traf die Kanzlerin für zwei Stunden. \
         The talks went very well and we will meet again soon, he said afterwards. \
         Sie wollen sich im Juni wieder treffen.",
    );
    assert_eq!(r.summary[0]["target"], "de");
    let langs: Vec<&str> = r.rows.iter().map(|r| r["lang"].as_str()).collect();
    assert_eq!(langs, ["de", "de", "en", "de"]);
}

#[test]
fn a_document_s_language_comes_from_all_its_sentences() {
    // Each line alone is too short to tell; together they are plainly German.
    let r = text(
        "Scholz in Paris.\nMacron in Berlin.\nDie Gespräche dauerten zwei Stunden und waren gut.\n",
    );
    assert_eq!(r.summary[0]["target"], "de");
    let langs: Vec<&str> = r.rows.iter().map(|r| r["lang"].as_str()).collect();
    assert_eq!(langs, ["de", "de", "de"]);
    assert!(!r.stderr.contains("English"), "{}", r.stderr);
}

#[test]
fn batch_rows_each_get_their_own_language() {
    let r = check(
        "b.jsonl",
        "{\"id\": \"en\", \"text\": \"He met Wladimir Putin in Moskau.\"}\n\
         {\"id\": \"de\", \"text\": \"Der Kanzler reist nach Paris.\"}\n\
         {\"id\": \"fr\", \"text\": \"Le président est à Paris.\"}\n\
         {\"id\": \"es\", \"text\": \"Los precios subieron en marzo.\"}\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for s in &r.summary {
        assert_eq!(s["target"], s["doc"], "{s:?}");
    }
    assert_eq!(r.summary.len(), 4);
}

#[test]
fn unknowable_short_text_is_checked_as_english_and_says_so() {
    let r = text("Olaf Scholz, Berlin.");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.summary[0]["target"], "en");
    assert!(
        r.stderr.contains("English") && r.stderr.contains("--target"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("doc.txt"), "{}", r.stderr);
    let r = check("doc.txt", "Olaf Scholz, Berlin.", &["--quiet"]);
    assert_eq!(r.stderr, "");
    // With a target there is nothing to guess and nothing to say.
    let r = check("doc.txt", "Olaf Scholz, Berlin.", &["--target", "de"]);
    assert_eq!(r.summary[0]["target"], "de");
    assert!(!r.stderr.contains("English"), "{}", r.stderr);
}

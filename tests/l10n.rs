//! Localization inputs (XLIFF 1.2 and 2.0, PO, TMX) and baselines, end to end through the
//! binary, on the samples written for them (`samples/l10n_*`). Expected targets and findings
//! are read off the sample files by hand, not copied from a run.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

struct Run {
    code: i32,
    rows: Vec<Value>,
    stderr: String,
}

fn run(args: &[&str], dir: &Path) -> Run {
    let out = Command::cargo_bin("mtlint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        rows: stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of each unit, in order.
fn by_unit(rows: &[Value]) -> BTreeMap<String, Vec<&Value>> {
    let mut m: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for r in rows {
        let unit = r["unit"].as_str().expect("every row names its unit");
        m.entry(unit.to_string()).or_default().push(r);
    }
    m
}

/// A unit's sentences joined by single spaces (how the samples' targets read, their line
/// breaks written as spaces).
fn unit_text(rows: &[&Value]) -> String {
    rows.iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn flags(rows: &[&Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        for f in r["flags"]
            .as_str()
            .unwrap()
            .split(';')
            .filter(|f| !f.is_empty())
        {
            if !out.iter().any(|o| o == f) {
                out.push(f.to_string());
            }
        }
    }
    out
}

const BILINGUAL: [&str; 3] = ["source-copy", "number-mismatch", "name-mismatch"];

/// Checks a sample: every expected unit's text, the bilingual codes only on the units named
/// for them, the listed clean units without any finding, the empty target reported.
fn check_sample(
    file: &str,
    targets: &[(&str, &str)],
    bilingual: &[(&str, &str)],
    clean: &[&str],
    empty: &str,
) {
    let r = run(&[sample(file).to_str().unwrap()], &here());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let units = by_unit(&r.rows);
    for (id, text) in targets {
        let rows = units
            .get(*id)
            .unwrap_or_else(|| panic!("{file}: no unit {id}"));
        assert_eq!(&unit_text(rows), text, "{file}: unit {id}");
    }
    for (id, rows) in &units {
        let f = flags(rows);
        for code in BILINGUAL {
            let expected = bilingual.iter().any(|(u, c)| u == id && *c == code);
            assert_eq!(
                f.iter().any(|x| x == code),
                expected,
                "{file}: unit {id} {code}: {f:?}"
            );
        }
    }
    for id in clean {
        assert_eq!(
            flags(&units[*id]),
            Vec::<String>::new(),
            "{file}: unit {id}"
        );
    }
    let e = &units[empty];
    assert_eq!(e.len(), 1, "{file}: the empty target is one row");
    assert_eq!(e[0]["text"], "");
    assert_eq!(e[0]["flags"], "untranslated");
    assert!(
        e[0]["findings"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("empty target"),
        "{:?}",
        e[0]
    );
    // Every row's offsets are into one text: sentences in order, never overlapping.
    let mut at = 0;
    for (i, row) in r.rows.iter().enumerate() {
        assert_eq!(row["sentence"], i + 1);
        let (s, e) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        assert!(at <= s && s <= e, "{file}: row {i}: {at} {s} {e}");
        assert_eq!(e - s, row["text"].as_str().unwrap().chars().count() as u64);
        at = e;
    }
}

#[test]
fn xliff_12_round_trips_and_bilingual_rules_fire_per_unit() {
    check_sample(
        "l10n_de_en.xlf",
        &[
            ("title", "Municipal utilities raise prices"),
            (
                "p1",
                "On Monday emphasized the mayor in Leipzig the importance of the new tariffs.",
            ),
            ("link", "Read also Split"),
            ("ph", "The tariffs apply from 1 January 2025."),
            ("number", "Around households in the region are affected."),
        ],
        &[
            ("copy", "source-copy"),
            ("number", "number-mismatch"),
            ("name", "name-mismatch"),
        ],
        &["title", "p3", "ph"],
        "empty",
    );
    // translate="no" units are not translations: not checked.
    let r = run(&[sample("l10n_de_en.xlf").to_str().unwrap()], &here());
    assert!(r.rows.iter().all(|row| row["unit"] != "brand"));
}

#[test]
fn xliff_20_round_trips_and_bilingual_rules_fire_per_unit() {
    check_sample(
        "l10n_fr_en.xliff",
        &[
            (
                "u1",
                "The storms hit the south of France on Saturday. More than 12,000 homes are without electricity.",
            ),
            ("placeholder", "Click {button} to learn more."),
            ("u3", "The government promised aid selon the needs."),
        ],
        &[
            ("copy", "source-copy"),
            ("number", "number-mismatch"),
            ("name", "name-mismatch"),
        ],
        &["u1", "placeholder", "clean"],
        "empty",
    );
}

#[test]
fn po_round_trips_with_plurals_and_bilingual_rules_fire_per_entry() {
    check_sample(
        "l10n_de_en.po",
        &[
            ("%d Kommentar[0]", "%d comment"),
            ("%d Kommentar[1]", "%d comments"),
            (
                "Der Bundestag stimmte mit 412 Stimmen für das Gesetz.\nDie Opposition lehnte es ab.",
                "The Bundestag voted for the law. The opposition rejected it.",
            ),
            (
                "headline|Kanzler Olaf Scholz reist am Mittwoch nach Paris.",
                "The chancellor travels to Paris on Wednesday.",
            ),
        ],
        &[
            ("Die Preise für Energie steigen weiter.", "source-copy"),
            (
                "Der Bundestag stimmte mit 412 Stimmen für das Gesetz.\nDie Opposition lehnte es ab.",
                "number-mismatch",
            ),
            (
                "headline|Kanzler Olaf Scholz reist am Mittwoch nach Paris.",
                "name-mismatch",
            ),
        ],
        &[
            "Artikel teilen",
            "%d Kommentar[0]",
            "%d Kommentar[1]",
            "Ein neuer Artikel von Wladimir Kaminer[0]",
            "Das Wetter bleibt am Wochenende sonnig.",
        ],
        "Ein neuer Artikel von Wladimir Kaminer[1]",
    );
    // The obsolete entry is not read.
    let r = run(&[sample("l10n_de_en.po").to_str().unwrap()], &here());
    assert!(r.rows.iter().all(|row| row["text"] != "Old message"));
}

#[test]
fn tmx_round_trips_and_bilingual_rules_fire_per_unit() {
    check_sample(
        "l10n_de_en.tmx",
        &[
            ("5", "The union called the offer insufficient."),
            ("2", "The strike should last hours, said a spokesman."),
        ],
        &[
            ("4", "source-copy"),
            ("2", "number-mismatch"),
            ("3", "name-mismatch"),
        ],
        &["1", "5", "8"],
        "7",
    );
}

#[test]
fn the_one_variant_tmx_unit_is_a_warning_naming_its_line() {
    let r = run(&[sample("l10n_de_en.tmx").to_str().unwrap()], &here());
    // <tu tuid="7"> is on line 30 of the sample.
    assert!(
        r.stderr
            .contains("l10n_de_en.tmx:30: translation unit \"7\" has only one variant"),
        "{}",
        r.stderr
    );
}

/// A temporary directory with files.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(d.path().join(name), text).unwrap();
    }
    d
}

const GOOD_XLF: &str = r#"<xliff version="1.2"><file source-language="de" target-language="en"><body>
<trans-unit id="a"><source>Der Rat tagte am Montag.</source><target>The council met on Monday.</target></trans-unit>
</body></file></xliff>"#;

#[test]
fn bad_xml_names_file_and_line_and_the_other_files_go_on() {
    let bad = "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"a\">\n<source>Eins</source>\n<target>One</source>\n</trans-unit></body></file></xliff>";
    let no_header = "msgid \"Ja\"\nmsgstr \"Yes\"\n";
    let d = dir_with(&[
        ("a_bad.xlf", bad),
        ("b_good.xlf", GOOD_XLF),
        ("c.po", no_header),
    ]);
    let r = run(&["a_bad.xlf", "b_good.xlf", "c.po"], d.path());
    assert_eq!(r.code, 2, "a failed input gives exit 2: {}", r.stderr);
    assert!(
        r.stderr.contains("a_bad.xlf:4: malformed XML"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("c.po:1: no header entry"), "{}", r.stderr);
    let docs: Vec<&str> = r.rows.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, vec!["b_good.xlf", "c.po"]);
    assert_eq!(r.rows[0]["text"], "The council met on Monday.");
    assert_eq!(r.rows[0]["flags"], "");
    assert_eq!(r.rows[1]["text"], "Yes");
}

#[test]
fn the_files_languages_count_unless_target_says_otherwise() {
    // The file says the target is German; its English sentence is then in the wrong language.
    let xlf = GOOD_XLF
        .replace(
            "source-language=\"de\" target-language=\"en\"",
            "source-language=\"fr\" target-language=\"de\"",
        )
        .replace(
            "The council met on Monday.",
            "The city council approved the new budget on Monday after a long debate.",
        );
    let d = dir_with(&[("m.xlf", &xlf)]);
    let r = run(&["m.xlf"], d.path());
    assert_eq!(r.rows[0]["flags"], "wrong-language", "{:?}", r.rows[0]);
    let r = run(&["m.xlf", "--target", "en"], d.path());
    assert_eq!(r.rows[0]["flags"], "", "{:?}", r.rows[0]);
}

#[test]
fn input_format_overrides_the_extension_and_csv_has_no_unit_column() {
    let d = dir_with(&[("units.xml", GOOD_XLF)]);
    let r = run(&["--input-format", "xliff", "units.xml"], d.path());
    assert_eq!(r.rows[0]["unit"], "a");
    let out = Command::cargo_bin("mtlint")
        .unwrap()
        .current_dir(d.path())
        .args(["check", "--input-format", "xliff", "units.xml"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("doc,sentence,line,start,end,lang,lang_confidence,score,penalty,verdict,flags,evidence,suggestions,text\n"));
    assert!(csv.contains("units.xml,1,1,0,26,en,"), "{csv}");
}

#[test]
fn a_baseline_hides_dismissed_findings_and_they_no_longer_count() {
    let xlf = sample("l10n_de_en.xlf");
    let d = tempfile::tempdir().unwrap();
    let before = run(&[xlf.to_str().unwrap()], d.path());
    let flagged = before.rows.iter().filter(|r| r["flags"] != "").count();
    assert!(flagged > 3);
    let w = run(
        &[xlf.to_str().unwrap(), "--write-baseline", "base.tsv"],
        d.path(),
    );
    assert_eq!(w.code, 0, "{}", w.stderr);
    let base = fs::read_to_string(d.path().join("base.tsv")).unwrap();
    assert!(base.starts_with("# mtlint baseline 1:"), "{base}");
    assert!(
        base.contains("source-copy\t")
            && base.contains("\tDie Verbraucherzentrale kritisierte die Erhöhung scharf.\n"),
        "{base}"
    );
    // Keep all but the word-order line: every other finding is dismissed.
    let kept: String = base
        .lines()
        .filter(|l| !l.starts_with("word-order\t"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(d.path().join("base.tsv"), kept).unwrap();
    let after = run(
        &[
            xlf.to_str().unwrap(),
            "--baseline",
            "base.tsv",
            "--summary",
            "s.csv",
        ],
        d.path(),
    );
    assert_eq!(after.code, 0, "{}", after.stderr);
    let still: Vec<(&str, &str)> = after
        .rows
        .iter()
        .filter(|r| r["flags"] != "")
        .map(|r| (r["unit"].as_str().unwrap(), r["flags"].as_str().unwrap()))
        .collect();
    assert_eq!(still, vec![("p1", "word-order")]);
    // Same rows, and a dismissed sentence scores as clean.
    assert_eq!(after.rows.len(), before.rows.len());
    let copy = after.rows.iter().find(|r| r["unit"] == "copy").unwrap();
    assert_eq!(copy["score"], 100);
    let summary = fs::read_to_string(d.path().join("s.csv")).unwrap();
    assert!(summary.lines().count() == 2, "{summary}");
    // A broken baseline is an error naming its line, before anything is checked.
    fs::write(
        d.path().join("bad.tsv"),
        "# x\nsource-copy\tnot-a-hash\tx\n",
    )
    .unwrap();
    let bad = run(&[xlf.to_str().unwrap(), "--baseline", "bad.tsv"], d.path());
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("bad.tsv:2:"), "{}", bad.stderr);
}

/// Real files from a permissively licensed project, not committed: run with
/// `MTLINT_REAL_L10N=DIR cargo test --test l10n -- --ignored`. Checked at the time of
/// writing on symfony/validator @370b9375 (MIT): `Resources/translations/validators.{de,fr,es}.xlf`.
/// Every unit's reported text must be its target, with no sentence lost.
#[test]
#[ignore = "needs MTLINT_REAL_L10N=DIR with real XLIFF/PO/TMX files"]
fn real_files_round_trip() {
    let dir = std::env::var("MTLINT_REAL_L10N").expect("set MTLINT_REAL_L10N to a directory");
    let engine = mtlint::Engine::default_engine().unwrap();
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let format = mtlint::input::Format::guess(&path);
        if !matches!(
            format,
            mtlint::input::Format::Xliff | mtlint::input::Format::Po | mtlint::input::Format::Tmx
        ) {
            continue;
        }
        let name = path.display().to_string();
        let mut docs = Vec::new();
        let file = fs::File::open(&path).unwrap();
        let opts = mtlint::input::InputOptions::default();
        mtlint::input::read_stream(&name, file, format, &opts, &mut |item| {
            match item {
                mtlint::input::Item::Doc(d) => docs.push(d),
                mtlint::input::Item::Error(e) => panic!("{e}"),
                mtlint::input::Item::Warning(w) => eprintln!("warning: {w}"),
            }
            true
        });
        assert_eq!(docs.len(), 1, "{name}");
        let report = engine.analyze(&docs[0]);
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        for u in docs[0].units.as_ref().unwrap() {
            let got: String = report
                .sentences
                .iter()
                .filter(|s| s.unit.as_deref() == Some(u.id.as_str()))
                .map(|s| s.text.as_str())
                .collect();
            use unicode_normalization::UnicodeNormalization;
            let want: String = u.target.nfc().collect();
            assert_eq!(squeeze(&got), squeeze(&want), "{name}: unit {}", u.id);
        }
        checked += 1;
    }
    assert!(checked > 0, "no XLIFF, PO or TMX file in {dir}");
}

#[test]
fn units_checked_in_parallel_give_the_same_output_for_any_jobs() {
    let files = [
        sample("l10n_de_en.xlf"),
        sample("l10n_fr_en.xliff"),
        sample("l10n_de_en.po"),
        sample("l10n_de_en.tmx"),
    ];
    let out = |jobs: &str| {
        Command::cargo_bin("mtlint")
            .unwrap()
            .args(["check", "--format", "jsonl", "--jobs", jobs])
            .args(&files)
            .output()
            .unwrap()
            .stdout
    };
    let one = out("1");
    assert!(one.len() > 1000);
    assert_eq!(one, out("4"));
}

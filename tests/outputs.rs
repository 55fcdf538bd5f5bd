//! The reviewer outputs: the XLSX workbook (opened with calamine and read as XML), the HTML
//! report (its file, and rendered in headless Chromium), the format guessed from `-o`, and the
//! progress bar (under a pseudo-terminal with `script`, and silent in a pipe).
//!
//! Expected values follow PRODUCT.md ("The CSV": `xlsx`, `html`; "Command line": progress):
//! the workbook is compared cell by cell with the CSV of the same run, not with itself.

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn mtlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("mtlint").unwrap();
    c.current_dir(dir);
    c
}

/// My own batch: findings of several codes, a clean row, cells that start like formulas
/// (`=`, `+`, `-`, `@`) in the text and in the id, and markup that must stay text.
const BATCH: &str = "id,text
n1,\"He met Wladimir Putin in Moskau on Tuesday. The the talks lasted two hours. Read more\"
=cmd|' /C calc'!A0,\"=SUM(1,2) was typed into the first cell of the sheet by the clerk.\"
n3,\"+1 more vote was counted in the northern district on Sunday evening.\"
n4,\"The council approved the new budget on Monday after a long debate in the town hall.\"
@n5,\"<script>document.title='PWNED'</script> The mayor said the plan would help families.\"
";

struct Run {
    dir: TempDir,
}

impl Run {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("batch.csv"), BATCH).unwrap();
        Run { dir }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Runs `mtlint batch.csv --target en ARGS`, expecting success.
    fn run(&self, args: &[&str]) {
        let out = mtlint(self.dir.path())
            .args(["batch.csv", "--target", "en"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    fn csv_rows(&self, name: &str) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(self.path(name))
            .unwrap();
        r.records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }
}

/// The text of one part of the workbook (an XLSX is a zip of XML files).
fn part(xlsx: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// A cell as the CSV writes it: numbers as the CSV formats them, text as it is.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => {
            // The CSV writes integers without a fraction and confidences with two decimals.
            if f.fract() == 0.0 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::Int(i) => i.to_string(),
        other => panic!("unexpected cell type {other:?}"),
    }
}

/// The CSV's value with its formula guard taken off (the workbook keeps the exact text).
fn unguard(csv: &str) -> &str {
    match csv.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => csv,
    }
}

const NUMBER_COLUMNS: [&str; 7] = [
    "sentence",
    "line",
    "start",
    "end",
    "lang_confidence",
    "score",
    "penalty",
];

#[test]
fn workbook_has_the_csv_columns_numbers_as_numbers_and_no_formula() {
    let run = Run::new();
    run.run(&["-o", "out.csv", "--summary", "summary.csv"]);
    // The format is guessed from the extension.
    run.run(&["-o", "out.xlsx"]);
    let xlsx = run.path("out.xlsx");
    assert_eq!(
        &fs::read(&xlsx).unwrap()[..2],
        b"PK",
        "a zip, not CSV renamed"
    );

    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), vec!["sentences", "summary"]);
    let csv = run.csv_rows("out.csv");
    let sheet = wb.worksheet_range("sentences").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(
        rows.len(),
        csv.len(),
        "one row per CSV row, header included"
    );
    let header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(header, csv[0]);
    let mut saw_formula_text = false;
    for (x, c) in rows.iter().zip(&csv).skip(1) {
        assert_eq!(x.len(), csv[0].len());
        for ((d, want), name) in x.iter().zip(c).zip(&csv[0]) {
            if NUMBER_COLUMNS.contains(&name.as_str()) {
                assert!(matches!(d, Data::Float(_)), "{name} is a number: {d:?}");
            } else {
                assert!(
                    matches!(d, Data::String(_) | Data::Empty),
                    "{name} is text: {d:?}"
                );
            }
            assert_eq!(cell_text(d), unguard(want), "column {name}");
            if let Data::String(s) = d {
                saw_formula_text |= s.starts_with("=SUM");
            }
        }
    }
    assert!(saw_formula_text, "the text starting with = is in the sheet");
    // Nothing is a formula: calamine finds none, and the XML has no <f> element.
    let formulas = wb.worksheet_formula("sentences").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cell"
    );
    let xml = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("<f>") && !xml.contains("<f "), "no formula");
    // Header frozen, autofilter over every row.
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "frozen header: {}",
        &xml[..600.min(xml.len())]
    );
    assert!(
        xml.contains(&format!(r#"<autoFilter ref="A1:N{}"/>"#, csv.len())),
        "autofilter over all rows"
    );

    // The summary sheet is the --summary CSV, numbers as numbers.
    let summary = run.csv_rows("summary.csv");
    let sheet = wb.worksheet_range("summary").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), summary.len());
    for (x, c) in rows.iter().zip(&summary) {
        let got: Vec<String> = x.iter().map(cell_text).collect();
        let want: Vec<&str> = c.iter().map(|s| unguard(s)).collect();
        assert_eq!(got, want);
    }
    assert!(
        matches!(rows[1][3], Data::Float(_)),
        "sentences is a number"
    );
    let xml2 = part(&xlsx, "xl/worksheets/sheet2.xml");
    // The summary sheet's filter spans every summary column (A to the last) and every row.
    let last = (b'A' + mtlint::output::SUMMARY_HEADER.len() as u8 - 1) as char;
    let filter = format!("<autoFilter ref=\"A1:{last}6\"/>");
    assert!(
        xml2.contains("state=\"frozen\"") && xml2.contains(&filter),
        "{filter}"
    );
}

/// The style index (`s`) of each cell in the XML's rows, by cell reference.
fn cell_styles(xml: &str) -> std::collections::HashMap<String, usize> {
    let re = regex::Regex::new(r#"<c r="([A-Z]+[0-9]+)"(?: s="([0-9]+)")?"#).unwrap();
    re.captures_iter(xml)
        .map(|c| {
            (
                c[1].to_string(),
                c.get(2).map_or(0, |s| s.as_str().parse().unwrap()),
            )
        })
        .collect()
}

/// The `<xf>` elements of `cellXfs`, in order.
fn cell_xfs(styles: &str) -> Vec<String> {
    let s = &styles[styles.find("<cellXfs").unwrap()..];
    let s = &s[..s.find("</cellXfs>").unwrap()];
    let re = regex::Regex::new(r"<xf [^>]*?(?:/>|>.*?</xf>)").unwrap();
    re.find_iter(s).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn workbook_verdicts_are_coloured_and_formula_like_text_is_quote_prefixed() {
    let run = Run::new();
    run.run(&["-o", "out.xlsx"]);
    let xlsx = run.path("out.xlsx");
    let xml = part(&xlsx, "xl/worksheets/sheet1.xml");
    let styles = part(&xlsx, "xl/styles.xml");
    let xfs = cell_xfs(&styles);
    let fills: Vec<&str> = {
        let s = &styles[styles.find("<fills").unwrap()..];
        let s = &s[..s.find("</fills>").unwrap()];
        s.split("<fill>").skip(1).collect()
    };
    let fill_of = |xf: usize| -> String {
        let re = regex::Regex::new(r#"fillId="([0-9]+)""#).unwrap();
        let id: usize = re.captures(&xfs[xf]).map_or(0, |c| c[1].parse().unwrap());
        fills[id].to_string()
    };
    let by_cell = cell_styles(&xml);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range("sentences").unwrap();
    let mut seen = std::collections::HashSet::new();
    for (i, row) in sheet.rows().enumerate().skip(1) {
        let verdict = cell_text(&row[9]);
        let fill = fill_of(by_cell[&format!("J{}", i + 1)]);
        let colour = match verdict.as_str() {
            "ok" => "C6EFCE",
            "review" => "FFEB9C",
            "reject" => "FFC7CE",
            v => panic!("verdict {v}"),
        };
        assert!(
            fill.contains(colour),
            "{verdict} cell filled {colour}: {fill}"
        );
        seen.insert(verdict);
        // Text that starts like a formula carries Excel's quote prefix; other text does not.
        let text = cell_text(&row[13]);
        let xf = &xfs[by_cell[&format!("N{}", i + 1)]];
        assert_eq!(
            xf.contains("quotePrefix=\"1\""),
            text.starts_with(['=', '+', '-', '@']),
            "{text}: {xf}"
        );
        let id = cell_text(&row[0]);
        let xf = &xfs[by_cell[&format!("A{}", i + 1)]];
        assert_eq!(
            xf.contains("quotePrefix=\"1\""),
            id.starts_with(['=', '+', '-', '@']),
            "{id}: {xf}"
        );
    }
    assert!(seen.len() >= 2, "several verdicts in the sample: {seen:?}");

    // --no-formula-guard: still strings (never formulas), without the prefix.
    run.run(&["-o", "plain.xlsx", "--no-formula-guard"]);
    let styles = part(&run.path("plain.xlsx"), "xl/styles.xml");
    assert!(!styles.contains("quotePrefix"));
    let xml = part(&run.path("plain.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("<f>") && xml.contains("=SUM(1,2) was typed"));
}

#[test]
fn workbook_to_a_pipe_is_written_and_filters_apply() {
    let run = Run::new();
    let out = mtlint(run.dir.path())
        .args([
            "batch.csv",
            "--target",
            "en",
            "--format",
            "xlsx",
            "--only-flagged",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(&out.stdout[..2], b"PK");
    fs::write(run.path("piped.xlsx"), &out.stdout).unwrap();
    run.run(&["--only-flagged", "-o", "flagged.csv"]);
    let mut wb: Xlsx<_> = open_workbook(run.path("piped.xlsx")).unwrap();
    let sheet = wb.worksheet_range("sentences").unwrap();
    assert_eq!(sheet.rows().count(), run.csv_rows("flagged.csv").len());
    // The summary keeps every document, as --summary does.
    assert_eq!(wb.worksheet_range("summary").unwrap().rows().count(), 6);
}

#[test]
fn output_format_is_guessed_from_the_extension_unless_given() {
    let run = Run::new();
    run.run(&["-o", "r.html"]);
    let html = fs::read_to_string(run.path("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    run.run(&["-o", "r.tsv"]);
    let tsv = fs::read_to_string(run.path("r.tsv")).unwrap();
    assert!(tsv.starts_with("doc\tsentence\tline\t"));
    run.run(&["-o", "r.jsonl"]);
    let first = fs::read_to_string(run.path("r.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(v["doc"], "n1");
    // An explicit --format wins; an unknown extension is CSV.
    run.run(&["-o", "r.html", "--format", "csv"]);
    assert!(fs::read_to_string(run.path("r.html"))
        .unwrap()
        .starts_with("doc,sentence,"));
    run.run(&["-o", "r.out"]);
    assert!(fs::read_to_string(run.path("r.out"))
        .unwrap()
        .starts_with("doc,sentence,"));
}

#[test]
fn html_report_escapes_the_input() {
    let run = Run::new();
    run.run(&["-o", "r.html"]);
    let html = fs::read_to_string(run.path("r.html")).unwrap();
    // Our one script and its data block, and the input's markup as text.
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(html.matches("<script type=\"application/json\"").count(), 1);
    assert_eq!(html.matches("<script").count(), 2);
    assert!(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
    assert!(html.contains(">=cmd|&#39; /C calc&#39;!A0<"));
    // The data block cannot be closed by the text: no `<` in it at all.
    let data = html
        .split("<script type=\"application/json\" id=\"details\">")
        .nth(1)
        .unwrap();
    let data = &data[..data.find("</script>").unwrap()];
    assert!(!data.contains('<'), "{data}");
    // No network: no URL the page could fetch, and a policy that forbids it.
    assert!(html.contains("default-src 'none'"));
    for bad in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// In a browser.

/// Headless Chromium, or `None` (the test then says it is skipped). Under CI a missing
/// browser fails the test: the CI script installs it.
fn chromium() -> Option<String> {
    let found = std::env::var("MTLINT_CHROMIUM")
        .ok()
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no chromium was found (apt-get install -y chromium)"
        );
        eprintln!("SKIPPED: no chromium on this machine (set CI to make this a failure)");
    }
    found
}

/// Runs the driver on a report; returns its facts.
fn render(report: &Path, screenshot: &Path) -> Option<serde_json::Value> {
    let browser = chromium()?;
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/driver.py");
    let out = std::process::Command::new("python3")
        .arg(driver)
        .arg(browser)
        .arg(report)
        .arg(screenshot)
        .output()
        .expect("python3 runs the browser driver");
    assert!(
        out.status.success(),
        "driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn html_report_renders_in_chromium_with_spans_codes_sorting_and_filters() {
    let run = Run::new();
    run.run(&["-o", "r.html"]);
    run.run(&["-o", "r.jsonl"]);
    let shot = run.path("shot.png");
    let Some(dom) = render(&run.path("r.html"), &shot) else {
        return;
    };
    // What the page should show, from the JSONL of the same run.
    let rows: Vec<serde_json::Value> = fs::read_to_string(run.path("r.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(dom["rows"], rows.len());
    let mut codes: Vec<String> = rows
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap().clone())
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 3, "the sample has several codes: {codes:?}");
    assert_eq!(strings(&dom["mark_codes"]), codes, "every code has a span");
    // The spans are the findings' matched text.
    let marks = strings(&dom["mark_texts"]);
    for m in ["Wladimir", "Moskau", "Read more"] {
        assert!(marks.iter().any(|t| t.contains(m)), "{m} in {marks:?}");
    }
    // Details show on hover and on keyboard focus, and not before.
    assert_eq!(dom["tips_hidden"], true);
    let hover = dom["hover_tip"].as_str().expect("a tooltip on hover");
    assert!(codes.iter().any(|c| hover.contains(c.as_str())), "{hover}");
    assert_eq!(dom["focus_tip"]["visible"], true, "{}", dom["focus_tip"]);
    let focus = dom["focus_tip"]["described"].as_str().unwrap();
    assert!(focus.contains(dom["focus_tip"]["codes"].as_str().unwrap()));
    assert!(focus.contains("→"), "the suggestion is shown: {focus}");
    // The input's markup is text, and nothing it holds ran.
    assert_eq!(dom["title"], "mtlint report");
    assert_eq!(dom["pwned"], false);
    assert_eq!(dom["scripts"], 1);
    assert_eq!(dom["data_blocks"], 1);
    assert_eq!(dom["images"], 0);
    let texts = strings(&dom["sentence_texts"]);
    assert!(texts
        .iter()
        .any(|t| t.contains("<script>document.title='PWNED'</script>")));
    // The controls and the documents come first, and the script ran.
    assert_eq!(dom["controls_first"], true);
    assert_eq!(dom["doc_rows"], 5);
    assert_eq!(dom["shown_text"], format!("{} sentences shown", rows.len()));
    // Sorting by score and back; filtering by code and by verdict.
    assert_eq!(dom["sorted_ascending"], true);
    assert_eq!(dom["sorted_descending"], true);
    assert_eq!(dom["back_to_input_order"], true);
    assert_eq!(dom["filter_code_rows"], dom["filter_code_expected"]);
    assert!(dom["filter_code_rows"].as_u64().unwrap() > 0);
    assert_eq!(dom["filter_code_ok"], true);
    assert_eq!(dom["filter_reject_ok"], true);
    let rejects = rows.iter().filter(|r| r["verdict"] == "reject").count();
    assert_eq!(dom["filter_reject_rows"], rejects);
    assert_eq!(dom["all_back"], rows.len());
    let png = fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot"
    );
    if let Ok(dir) = std::env::var("MTLINT_SCREENSHOT_DIR") {
        fs::copy(&shot, Path::new(&dir).join("report.png")).unwrap();
    }
}

/// Sentences written for this test (wire-style English, some with artifacts), cycled.
const SENTENCES: [&str; 8] = [
    "The city council approved the new budget on Monday after a long debate.",
    "He met Wladimir Putin in Moskau on Tuesday, officials said.",
    "The the committee will meet again next week to review the plan.",
    "Exports rose by 3,8 percent in the first quarter, the ministry said.",
    "Read more",
    "Rescue teams reached the village late on Sunday night.",
    "The minister said the talks with the unions had been constructive.",
    "Shares in the company fell sharply after the announcement.",
];

#[test]
fn html_report_of_ten_thousand_sentences_loads_sorts_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    // 1,000 documents of 10 sentences: 10,000 rows.
    let mut jsonl = String::new();
    for d in 0..1000 {
        let text: Vec<&str> = (0..10).map(|k| SENTENCES[(d + k) % 8]).collect();
        let text = text.join(" ").replace("Read more ", "Read more\n\n");
        jsonl.push_str(&serde_json::json!({"id": format!("doc{d}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    fs::write(dir.path().join("big.jsonl"), jsonl).unwrap();
    let out = mtlint(dir.path())
        .args(["big.jsonl", "--target", "en", "-o", "big.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let Some(dom) = render(&dir.path().join("big.html"), &dir.path().join("big.png")) else {
        return;
    };
    assert_eq!(dom["rows"], 10_000);
    assert_eq!(dom["doc_rows"], 1000);
    assert_eq!(dom["sorted_ascending"], true);
    assert_eq!(dom["sorted_descending"], true);
    assert_eq!(dom["back_to_input_order"], true);
    assert_eq!(dom["filter_code_ok"], true);
    assert_eq!(dom["filter_code_rows"], dom["filter_code_expected"]);
    // Timings are reported, not asserted (a loaded machine would fail a bound): see README.
    eprintln!(
        "10,000 sentences: load {} ms (wall {} ms), sort {} ms, filter {} ms",
        dom["load_ms"], dom["load_wall_ms"], dom["sort_ms"], dom["filter_ms"]
    );
}

// ---------------------------------------------------------------------------------------------
// Progress.

/// 1,000 documents, 1.5 MB of text: a large input (the bar's threshold is 1 MiB).
fn large_input(dir: &Path) -> u64 {
    let mut jsonl = String::new();
    for d in 0..1000 {
        let text: Vec<&str> = (0..25).map(|k| SENTENCES[(d + k) % 8]).collect();
        jsonl.push_str(
            &serde_json::json!({"id": format!("d{d}"), "text": text.join(" ")}).to_string(),
        );
        jsonl.push('\n');
    }
    fs::write(dir.join("large.jsonl"), &jsonl).unwrap();
    jsonl.len() as u64
}

/// Runs `mtlint ARGS` with standard error on a pseudo-terminal (util-linux `script`), standard
/// output to a file; returns what the terminal showed and the wall time. `None` without
/// `script` (then skipped, or failed under CI).
fn on_a_terminal(dir: &Path, args: &str) -> Option<(String, f64)> {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but `script` (util-linux) is missing"
        );
        eprintln!("SKIPPED: no `script` for a pseudo-terminal");
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    let cmd = format!("{} {args} > out.csv", bin.display());
    let start = std::time::Instant::now();
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(out.status.success(), "{out:?}");
    Some((String::from_utf8_lossy(&out.stdout).into_owned(), secs))
}

/// The `N MB/s` figures a terminal showed.
fn rates(screen: &str) -> Vec<f64> {
    let re = regex::Regex::new(r"([0-9]+\.[0-9]) MB/s").unwrap();
    re.captures_iter(screen)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

#[test]
fn progress_on_a_terminal_counts_every_document_at_a_true_rate() {
    // Issue 17, item 9: 1,000 documents were shown as 512, and the first rate was that of
    // reading (683 MB/s on a run at 9 MB/s).
    let dir = tempfile::tempdir().unwrap();
    let size = large_input(dir.path());
    let Some((screen, secs)) = on_a_terminal(dir.path(), "large.jsonl --target en") else {
        return;
    };
    assert!(
        screen.contains("1,000 documents · "),
        "the last line counts all 1,000 documents: {screen:?}"
    );
    assert!(!screen.contains("512 documents · 1.2 MB in"), "{screen:?}");
    assert!(screen.contains(" MB in "), "a final line: {screen:?}");
    // No rate shown may exceed what the whole run achieved by much: the text over the wall
    // time of the process (which includes start-up, so it is a lower bound of the true rate).
    let run_rate = size as f64 / 1e6 / secs;
    let shown = rates(&screen);
    assert!(!shown.is_empty(), "{screen:?}");
    for r in shown {
        assert!(
            r <= 4.0 * run_rate + 0.2,
            "a rate of {r} MB/s on a run at {run_rate:.2} MB/s: {screen:?}"
        );
    }
    assert!(fs::read_to_string(dir.path().join("out.csv"))
        .unwrap()
        .starts_with("doc,"));
}

#[test]
fn progress_is_silent_with_quiet_on_a_terminal_and_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    large_input(dir.path());
    if let Some((screen, _)) = on_a_terminal(dir.path(), "large.jsonl --target en --quiet") {
        assert!(!screen.contains("documents"), "{screen:?}");
        assert!(!screen.contains("MB/s"), "{screen:?}");
    }
    // Standard error a pipe: no progress at all, only the closing line that says where the
    // report went (issue 17).
    let out = mtlint(dir.path())
        .args(["large.jsonl", "--target", "en", "-o", "out.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("mtlint: wrote ") && lines[0].ends_with(" to out.csv"),
        "{err}"
    );
    assert!(!err.contains("MB/s") && !err.contains('\r'), "{err}");
    // With --quiet, not even that.
    let out = mtlint(dir.path())
        .args(["large.jsonl", "--target", "en", "-o", "out.csv", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn workbook_to_a_terminal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "The council met on Monday.\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    // Standard output itself on the terminal this time.
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{} a.txt --format xlsx", bin.display()),
            "/dev/null",
        ])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{screen}");
    assert!(screen.contains("not written to a terminal"), "{screen}");
    assert!(
        !screen.contains("PK"),
        "no binary on the terminal: {screen}"
    );
}

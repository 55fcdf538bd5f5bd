//! Web pages (PRODUCT.md, "Web pages"): the machine-translated page in `samples/` read in
//! `main` and `all` mode, HTML offsets in JSONL, pages in batches, the summary's page columns,
//! and clean pages that must stay clean.

use assert_cmd::Command;
use mtlint::html::Content;
use mtlint::input::{read_stream, Format, InputOptions, Item};
use mtlint::{DocReport, Document, Engine, Options};
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/mt_page_from_german.html")
}

fn read(path: &Path, format: Format, opts: &InputOptions) -> Vec<Document> {
    let mut docs = Vec::new();
    let data = std::fs::read(path).unwrap();
    read_stream("page", &data[..], format, opts, &mut |item| {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Error(e) => panic!("{e}"),
            Item::Warning(_) => {}
        }
        true
    });
    docs
}

fn check(content: Content) -> DocReport {
    let opts = InputOptions {
        html_content: content,
        ..InputOptions::default()
    };
    let docs = read(&sample(), Format::Html, &opts);
    assert_eq!(docs.len(), 1);
    let engine = Engine::new(Options {
        target: Some("en"),
        ..Options::default()
    })
    .unwrap();
    engine.analyze(&docs[0])
}

/// The sentence holding `needle` (exactly one must).
fn sentence<'a>(r: &'a DocReport, needle: &str) -> &'a mtlint::SentenceReport {
    let found: Vec<_> = r
        .sentences
        .iter()
        .filter(|s| s.text.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} in {:#?}",
        r.sentences.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
    found[0]
}

fn codes(s: &mtlint::SentenceReport) -> Vec<&'static str> {
    s.findings.iter().map(|f| f.code).collect()
}

/// Texts of the page around the article: navigation, header, cookie banner, sidebar, footer,
/// and an aside inside the article.
const PAGE_CHROME: [&str; 9] = [
    "We use cookies",
    "Accept all",
    "Economy",
    "Culture",
    "Most read",
    "Storm floods the old town",
    "Privacy policy",
    "All rights reserved",
    "Harbour expansion: council postpones",
];

#[test]
fn main_mode_leaves_out_navigation_footer_aside_and_cookie_banner() {
    let r = check(Content::Main);
    let all: String = r
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for t in PAGE_CHROME {
        assert!(
            !all.contains(t),
            "{t:?} is page chrome, yet in the main text:\n{all}"
        );
    }
    // Never visible, in no mode: scripts, styles, comments, hidden elements.
    for t in [
        "not text",
        "dataLayer",
        "Hidden newsletter",
        "Invisible tracking",
        "Written for",
    ] {
        assert!(!all.contains(t), "{t:?}");
    }
    // The article is there: headline, paragraphs, caption.
    for t in [
        "Harbour city and partner town sign agreement on closer cooperation",
        "Around forty pupils from both towns",
        "The regional government welcomed the step.",
        "The mayors at the signing in the town hall.",
    ] {
        assert!(all.contains(t), "{t:?} missing:\n{all}");
    }
    let page = r.page.as_ref().expect("a page layout");
    assert!(
        page.stats.dropped_chars > 200 && page.stats.dropped_blocks >= 10,
        "{:?}",
        page.stats
    );
}

#[test]
fn all_mode_marks_every_piece_of_page_chrome_boilerplate() {
    let r = check(Content::All);
    for t in PAGE_CHROME {
        let s = sentence(&r, t);
        assert!(codes(s).contains(&"boilerplate"), "{t:?}: {:?}", s.findings);
    }
    // The element is named where the page's place of the text is the evidence.
    let msg = |t: &str| -> String {
        let s = sentence(&r, t);
        s.findings
            .iter()
            .filter(|f| f.code == "boilerplate")
            .map(|f| f.message.clone())
            .collect()
    };
    assert!(
        msg("We use cookies").contains("div.cookie-consent"),
        "{}",
        msg("We use cookies")
    );
    assert!(msg("Storm floods the old town").contains("<aside>"));
    assert!(msg("Economy").contains("<header>"));
    assert!(msg("All rights reserved").contains("<footer>"));
    // The article's own text is not chrome.
    for t in [
        "Around forty pupils from both towns",
        "The regional government welcomed",
    ] {
        let s = sentence(&r, t);
        assert!(
            !codes(s).contains(&"boilerplate"),
            "{t:?}: {:?}",
            s.findings
        );
    }
}

#[test]
fn every_fused_link_pair_is_run_together_with_the_split() {
    for content in [Content::Main, Content::All] {
        let r = check(content);
        let s = sentence(&r, "Tourismeducation");
        let found: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.code == "run-together")
            .map(|f| (f.matched.as_str(), f.suggestion.as_deref()))
            .collect();
        assert!(
            found.contains(&("Tourismeducation", Some("Tourism education"))),
            "{found:?}"
        );
        assert!(
            found.contains(&("travelagriculture", Some("travel agriculture"))),
            "{found:?}"
        );
    }
}

#[test]
fn in_article_widgets_byline_and_credits_are_flagged_in_main_mode() {
    let r = check(Content::Main);
    for (t, code) in [
        ("Split", "boilerplate"),
        ("Tweet", "boilerplate"),
        ("Send by email", "boilerplate"),
        ("View photo series", "boilerplate"),
        ("From: Jonas Fehrmann", "boilerplate"),
        ("Comment", "boilerplate"),
        ("Karin Albers/dpa", "credit"),
        ("(jf/with material from dpa)", "credit"),
    ] {
        let hits: Vec<_> = r.sentences.iter().filter(|s| s.text.contains(t)).collect();
        assert!(!hits.is_empty(), "{t:?} missing");
        for s in hits {
            assert!(
                codes(s).contains(&code),
                "{t:?} should be {code}: {:?}",
                s.findings
            );
        }
    }
}

fn bin() -> Command {
    Command::cargo_bin("mtlint").unwrap()
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_html_offsets_point_at_each_sentence_in_the_page() {
    let page = std::fs::read_to_string(sample()).unwrap();
    let o = bin()
        .args(["check", "--format", "jsonl", "--html-content", "all"])
        .arg(sample())
        .output()
        .unwrap();
    let rows = jsonl(&o.stdout);
    assert!(rows.len() > 30);
    for r in &rows {
        let text = r["text"].as_str().unwrap();
        let (a, b) = (
            r["html_start"].as_u64().unwrap() as usize,
            r["html_end"].as_u64().unwrap() as usize,
        );
        assert!(a < b && b <= page.len(), "{r}");
        // The page at html_start holds the sentence's first word as written.
        let word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !word.is_empty() {
            assert!(
                page[a..].starts_with(&word),
                "{word:?} at {a}: {:?}",
                &page[a..a + 30]
            );
        }
    }
}

#[test]
fn batch_rows_holding_html_are_read_as_pages() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("pages.jsonl");
    let row = serde_json::json!({"id": "p1", "text":
        "<nav><a href='/'>Home page</a> <a href='/p'>Politics</a></nav><p>The plan covers <a>Energy policy</a><a>defence</a> and trade.</p>"});
    std::fs::write(&p, format!("{row}\n")).unwrap();
    let o = bin()
        .args([
            "check",
            "--format",
            "jsonl",
            "--text-format",
            "html",
            "--html-content",
            "all",
        ])
        .arg(&p)
        .output()
        .unwrap();
    let rows = jsonl(&o.stdout);
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Energy policydefence and trade.")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains('<')),
        "markup left in {texts:?}"
    );
    let nav = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("Politics"))
        .unwrap();
    assert!(
        nav["flags"].as_str().unwrap().contains("boilerplate"),
        "{nav}"
    );
    let fused = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("policydefence"))
        .unwrap();
    assert!(
        fused["suggestions"]
            .as_str()
            .unwrap()
            .contains("\"policy defence\""),
        "{fused}"
    );
    // Without the flag the same row is plain text: its markup is checked as words.
    let o = bin()
        .args(["check", "--format", "jsonl"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(jsonl(&o.stdout)
        .iter()
        .any(|r| r["text"].as_str().unwrap().contains("<nav>")));
}

#[test]
fn summary_counts_what_main_mode_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("plain.txt");
    std::fs::write(&txt, "The council met on Monday.\n").unwrap();
    let sum = dir.path().join("sum.csv");
    bin()
        .arg("check")
        .arg(sample())
        .arg(&txt)
        .arg("--summary")
        .arg(&sum)
        .arg("-o")
        .arg(dir.path().join("o.csv"))
        .assert()
        .success();
    let mut r = csv::Reader::from_path(&sum).unwrap();
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &h[h.len() - 3..],
        [
            "html_kept_chars",
            "html_left_out_chars",
            "html_left_out_blocks"
        ]
    );
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let n = h.len();
    let page: Vec<usize> = (n - 3..n).map(|i| recs[0][i].parse().unwrap()).collect();
    assert!(page[0] > 500 && page[1] > 200 && page[2] >= 10, "{page:?}");
    assert_eq!(
        (&recs[1][n - 3], &recs[1][n - 2], &recs[1][n - 1]),
        ("", "", "")
    );
}

/// Correct English in ordinary page markup: links, emphasis inside words, entities, lists.
const CLEAN_PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Budget</title></head>
<body><article><h1>Council approves the budget</h1>
<p>The city council approved the new budget on Monday after a long debate, the <a href="/m">mayor</a> said.</p>
<p>It funds <em>some</em>thing for everyone: schools, roads&nbsp;and parks, according to the <a href="/r">report</a>.</p>
<p><span class="dropcap">T</span>he finance committee will meet again in <a href="/c">March</a>; the vote was 7&ndash;2.</p>
<ul><li>Schools get more teachers.</li><li>Roads are repaired before winter.</li></ul>
</article></body></html>"#;

#[test]
fn a_clean_page_stays_clean() {
    let doc = {
        let page = mtlint::html::read_str(CLEAN_PAGE, Content::Main);
        Document {
            id: "clean".into(),
            text: page.text,
            source: None,
            units: None,
            page: Some(std::sync::Arc::new(page.layout)),
        }
    };
    assert!(doc.text.contains("something for everyone"), "{}", doc.text);
    assert!(
        doc.text.contains("Schools get more teachers.\n\nRoads"),
        "{}",
        doc.text
    );
    let engine = Engine::new(Options {
        target: Some("en"),
        ..Options::default()
    })
    .unwrap();
    let r = engine.analyze(&doc);
    for s in &r.sentences {
        assert!(s.findings.is_empty(), "{:?}: {:?}", s.text, s.findings);
    }
}

#[test]
fn text_format_html_is_documented_in_help() {
    let o = bin().args(["check", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        help.contains("--text-format") && help.contains("--html-content"),
        "{help}"
    );
}

fn analyze_html(html: &str) -> DocReport {
    let page = mtlint::html::read_str(html, Content::All);
    let doc = Document {
        id: "p".into(),
        text: page.text,
        source: None,
        units: None,
        page: Some(std::sync::Arc::new(page.layout)),
    };
    Engine::new(Options {
        target: Some("en"),
        ..Options::default()
    })
    .unwrap()
    .analyze(&doc)
}

#[test]
fn a_seam_between_two_links_is_reported_even_for_a_known_word() {
    // "homework" is an English word, which run-together otherwise keeps; two links that touch
    // are two texts all the same.
    let r = analyze_html("<p>Parents can read the <a href=\"/a\">home</a><a href=\"/b\">work</a> guide for pupils on the school website.</p>");
    let f: Vec<_> = r.sentences[0]
        .findings
        .iter()
        .map(|f| (f.code, f.matched.as_str(), f.suggestion.as_deref()))
        .collect();
    assert_eq!(f, [("run-together", "homework", Some("home work"))]);
    // The same text without markup is clean.
    let plain = Engine::new(Options {
        target: Some("en"),
        ..Options::default()
    })
    .unwrap()
    .analyze(&Document::new(
        "t",
        "Parents can read the homework guide for pupils on the school website.",
    ));
    assert!(plain.sentences[0].findings.is_empty());
}

//! Snapshots of what mtlint reports on every sample in `samples/`: each flagged sentence with
//! its codes, evidence and suggestions, and the document score. A behaviour change shows up in
//! review as a changed snapshot (`cargo insta review`).

use mtlint::input::{read_stream, Format, InputOptions, Item};
use mtlint::output::{evidence, flags, suggestions};
use mtlint::{Document, Engine, Options};
use std::fmt::Write;
use std::path::Path;

fn engine(target: &'static str) -> Engine {
    Engine::new(Options {
        target: Some(target),
        ..Options::default()
    })
    .expect("engine")
}

fn documents(path: &Path) -> Vec<Document> {
    let mut docs = Vec::new();
    let opts = InputOptions {
        source_column: Some("source".into()),
        source_field: Some("source".into()),
        ..InputOptions::default()
    };
    let file = std::fs::File::open(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    read_stream(name, file, Format::guess(path), &opts, &mut |item| {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Error(e) => panic!("sample {name} does not read: {e}"),
            Item::Warning(_) => {}
        }
        true
    });
    docs
}

fn render(engine: &Engine, path: &Path) -> String {
    let mut out = String::new();
    for doc in documents(path) {
        let r = engine.analyze(&doc);
        writeln!(
            out,
            "== {} (target {}, score {}, {}, {} sentences)",
            r.id,
            r.target,
            r.score,
            r.verdict.as_str(),
            r.sentences.len()
        )
        .unwrap();
        for s in r.sentences.iter().filter(|s| !s.findings.is_empty()) {
            writeln!(
                out,
                "{:>3} {:>3} {:<28} {}",
                s.index,
                s.score,
                flags(s),
                evidence(s)
            )
            .unwrap();
            let sug = suggestions(s);
            if !sug.is_empty() {
                writeln!(out, "{:>37}{}", "", sug).unwrap();
            }
        }
    }
    out
}

fn snapshot(file: &str, target: &'static str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(file);
    let text = render(&engine(target), &path);
    insta::assert_snapshot!(file.replace('.', "_"), text);
}

#[test]
fn mt_from_german() {
    snapshot("mt_from_german.txt", "en");
}

#[test]
fn mt_from_french() {
    snapshot("mt_from_french.txt", "en");
}

#[test]
fn clean_en() {
    snapshot("clean_en.txt", "en");
}

#[test]
fn clean_de() {
    snapshot("clean_de.txt", "de");
}

#[test]
fn clean_fr() {
    snapshot("clean_fr.txt", "fr");
}

#[test]
fn clean_es() {
    snapshot("clean_es.txt", "es");
}

#[test]
fn mt_en_to_de() {
    snapshot("mt_en_to_de.txt", "de");
}

#[test]
fn batch_csv() {
    snapshot("batch.csv", "en");
}

#[test]
fn batch_jsonl() {
    snapshot("batch.jsonl", "en");
}

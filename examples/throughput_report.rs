//! Prints the throughput of the floor and of the full pipeline as a markdown table, with
//! their ratio (the spec asks for ≥ 30% of the floor first, 50% in the end).
//!
//! ```text
//! cargo run --release --example throughput_report -- [MEGABYTES=5] [REPETITIONS=5]
//! ```
//!
//! Single thread, generated news-like English text (benches/support/newsgen.rs), medians of
//! the repetitions; the min–max spread is printed so that noise is visible. With
//! `MTLINT_GEN_JSONL=PATH` it writes the generated text as a JSONL batch instead.

#[path = "../benches/support/floor.rs"]
mod floor;
#[path = "../benches/support/newsgen.rs"]
mod newsgen;

use mtlint::output::{CsvWriter, ReportWriter, RowFilter};
use mtlint::{Document, Engine, Options};
use std::hint::black_box;
use std::time::Instant;

struct Row {
    name: &'static str,
    secs: Vec<f64>,
    sentences: usize,
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let docs: Vec<Document> =
        newsgen::documents(42, (mb * 1e6) as usize, newsgen::GenOptions::default())
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("doc{i}"), t))
            .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // MTLINT_GEN_JSONL=path writes the generated documents as a JSONL batch and stops (to
    // compare the outputs of two builds on the same text after an optimization).
    if let Ok(path) = std::env::var("MTLINT_GEN_JSONL") {
        let mut out = String::new();
        for d in &docs {
            let row = serde_json::json!({"id": d.id, "text": d.text});
            out.push_str(&row.to_string());
            out.push('\n');
        }
        std::fs::write(&path, out).expect("write the batch");
        eprintln!("wrote {} documents ({bytes} bytes) to {path}", docs.len());
        return;
    }

    let fl = floor::Floor::new();
    let none = Engine::new(Options {
        only: Some(vec![]),
        ..Default::default()
    })
    .expect("engine");
    let all = Engine::default_engine().expect("engine");

    // The passes are interleaved (floor, no rules, end to end, floor, …) so that a change in
    // the machine's load hits all of them alike and the ratio stays meaningful.
    let floor_pass = || {
        let mut acc = floor::FloorCount::default();
        for d in &docs {
            fl.run(&d.text, &mut acc);
        }
        acc.sentences
    };
    let none_pass = || {
        docs.iter()
            .map(|d| none.analyze(d).sentences.len())
            .sum::<usize>()
    };
    let all_pass = || {
        let mut buf: Vec<u8> = Vec::with_capacity(bytes * 2);
        let mut w =
            CsvWriter::new(&mut buf, false, false, true, RowFilter::default()).expect("csv");
        let mut n = 0;
        for d in &docs {
            let r = all.analyze(d);
            n += r.sentences.len();
            w.write(&r).expect("write");
        }
        w.finish().expect("flush");
        n
    };
    let passes: [(&'static str, &dyn Fn() -> usize); 3] = [
        ("floor (split + lower + 1 lookup/word)", &floor_pass),
        ("pipeline, no rules", &none_pass),
        ("end to end (all rules + CSV)", &all_pass),
    ];
    let mut rows: Vec<Row> = passes
        .iter()
        .map(|(name, f)| Row {
            name,
            secs: Vec::new(),
            sentences: f(), // warm-up (also loads lexicons lazily)
        })
        .collect();
    for _ in 0..reps {
        for (row, (_, f)) in rows.iter_mut().zip(&passes) {
            let t = Instant::now();
            row.sentences = black_box(f());
            row.secs.push(t.elapsed().as_secs_f64());
        }
    }

    println!(
        "{:.1} MB generated English news ({} documents, {} sentences in the floor's count), {} repetitions, single thread, {} rules\n",
        bytes as f64 / 1e6,
        docs.len(),
        rows[0].sentences,
        reps,
        all.rules().len()
    );
    println!("| pass | MB/s (median) | min–max MB/s | sentences/s | µs/sentence |");
    println!("|---|---:|---:|---:|---:|");
    for r in &rows {
        let m = median(&r.secs);
        let lo = r.secs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = r.secs.iter().copied().fold(0.0, f64::max);
        println!(
            "| {} | {:.1} | {:.1}–{:.1} | {:.0} | {:.2} |",
            r.name,
            bytes as f64 / 1e6 / m,
            bytes as f64 / 1e6 / hi,
            bytes as f64 / 1e6 / lo,
            r.sentences as f64 / m,
            m * 1e6 / r.sentences as f64
        );
    }
    let ratio = median(&rows[0].secs) / median(&rows[2].secs);
    println!(
        "\nend to end / floor = {:.0}% (target: ≥ 30% first, ≥ 50% in the end)",
        ratio * 100.0
    );
}

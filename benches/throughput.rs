//! Throughput benchmarks over generated news-like English text (bytes counted).
//!
//! Groups: `floor` (split + lower-case + one hash lookup per word: the spec's floor),
//! `segment`, `langid`, `pipeline_no_rules`, `rule/<code>` (one rule each: its cost is that
//! minus `pipeline_no_rules`), `end_to_end` (all rules + CSV into a Vec), and `samples`
//! (end to end over the project's own `samples/*.txt`).
//!
//! `cargo bench --bench throughput` runs everything (several minutes on 2 cores);
//! `cargo bench --bench throughput -- floor` or `-- end_to_end/1MB` runs a part.
//! Sizes: 100KB, 1MB, 5MB; the per-rule group uses 1MB only. Set `MTLINT_BENCH_SIZES=1MB`
//! (comma-separated: 100KB,1MB,5MB) to restrict the sizes of the other groups.

#[path = "support/floor.rs"]
mod floor;
#[path = "support/newsgen.rs"]
mod newsgen;

use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use mtlint::lang::LangId;
use mtlint::lexicon::Lexicons;
use mtlint::output::{CsvWriter, ReportWriter, RowFilter};
use mtlint::{Document, Engine, Options};
use std::time::Duration;

const SIZES: [(&str, usize); 3] = [("100KB", 100_000), ("1MB", 1_000_000), ("5MB", 5_000_000)];

fn sizes() -> Vec<(&'static str, usize)> {
    match std::env::var("MTLINT_BENCH_SIZES") {
        Ok(v) => SIZES
            .iter()
            .copied()
            .filter(|(n, _)| v.split(',').any(|x| x.trim() == *n))
            .collect(),
        Err(_) => SIZES.to_vec(),
    }
}

struct Corpus {
    docs: Vec<Document>,
    bytes: u64,
}

fn corpus(total: usize) -> Corpus {
    let docs: Vec<Document> = newsgen::documents(42, total, newsgen::GenOptions::default())
        .into_iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("doc{i}"), t))
        .collect();
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    Corpus { docs, bytes }
}

fn configure(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    total: usize,
) {
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(if total >= 5_000_000 { 4 } else { 2 }));
    g.sampling_mode(SamplingMode::Flat);
}

fn analyze_all(engine: &Engine, c: &Corpus) -> usize {
    c.docs
        .iter()
        .map(|d| engine.analyze(d).sentences.len())
        .sum()
}

fn bench_floor_segment_langid(c: &mut Criterion) {
    let fl = floor::Floor::new();
    let langid = LangId::new(Lexicons::builtin_shared());
    for (name, total) in sizes() {
        let cor = corpus(total);

        let mut g = c.benchmark_group("floor");
        configure(&mut g, total);
        g.throughput(Throughput::Bytes(cor.bytes));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut acc = floor::FloorCount::default();
                for d in &cor.docs {
                    fl.run(&d.text, &mut acc);
                }
                black_box(acc)
            })
        });
        g.finish();

        let mut g = c.benchmark_group("segment");
        configure(&mut g, total);
        g.throughput(Throughput::Bytes(cor.bytes));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                cor.docs
                    .iter()
                    .map(|d| fl.seg.split(&d.text).len())
                    .sum::<usize>()
            })
        });
        g.finish();

        // Language id as the engine runs it: once per document, then per sentence.
        let prepared: Vec<Vec<(String, Vec<mtlint::text::Word>)>> = cor
            .docs
            .iter()
            .map(|d| {
                fl.seg
                    .split(&d.text)
                    .iter()
                    .map(|s| {
                        let t = d.text[s.start..s.end].to_string();
                        let w = mtlint::text::words(&t);
                        (t, w)
                    })
                    .collect()
            })
            .collect();
        let mut g = c.benchmark_group("langid");
        configure(&mut g, total);
        g.throughput(Throughput::Bytes(cor.bytes));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for doc in &prepared {
                    let pairs: Vec<(&str, &[mtlint::text::Word])> = doc
                        .iter()
                        .map(|(t, w)| (t.as_str(), w.as_slice()))
                        .collect();
                    let g = langid.document(&pairs);
                    for (t, w) in doc {
                        if langid.sentence(t, w, g).detected {
                            n += 1;
                        }
                    }
                }
                black_box(n)
            })
        });
        g.finish();
    }
}

fn bench_pipeline(c: &mut Criterion) {
    let none = Engine::new(Options {
        only: Some(vec![]),
        ..Default::default()
    })
    .unwrap();
    assert!(none.rules().is_empty());
    let all = Engine::default_engine().unwrap();
    for (name, total) in sizes() {
        let cor = corpus(total);
        let mut g = c.benchmark_group("pipeline_no_rules");
        configure(&mut g, total);
        g.throughput(Throughput::Bytes(cor.bytes));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| analyze_all(&none, &cor))
        });
        g.finish();

        let mut g = c.benchmark_group("end_to_end");
        configure(&mut g, total);
        g.throughput(Throughput::Bytes(cor.bytes));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut buf: Vec<u8> = Vec::with_capacity(cor.bytes as usize * 2);
                let mut w =
                    CsvWriter::new(&mut buf, false, false, true, RowFilter::default()).unwrap();
                for d in &cor.docs {
                    w.write(&all.analyze(d)).unwrap();
                }
                w.finish().unwrap();
                drop(w);
                buf.len()
            })
        });
        g.finish();
    }
}

fn bench_rules(c: &mut Criterion) {
    let cor = corpus(1_000_000);
    let mut g = c.benchmark_group("rule");
    configure(&mut g, 1_000_000);
    g.throughput(Throughput::Bytes(cor.bytes));
    for code in mtlint::analyze::ALL_CODES {
        let engine = Engine::new(Options {
            only: Some(vec![code.to_string()]),
            ..Default::default()
        })
        .unwrap();
        g.bench_function(BenchmarkId::new(code, "1MB"), |b| {
            b.iter(|| analyze_all(&engine, &cor))
        });
    }
    g.finish();
}

fn bench_samples(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|t| Document::new(p.display().to_string(), t))
        })
        .collect();
    if docs.is_empty() {
        return;
    }
    let cor = Corpus {
        bytes: docs.iter().map(|d| d.text.len() as u64).sum(),
        docs,
    };
    let all = Engine::default_engine().unwrap();
    let mut g = c.benchmark_group("samples");
    configure(&mut g, 0);
    g.throughput(Throughput::Bytes(cor.bytes));
    g.bench_function("end_to_end", |b| b.iter(|| analyze_all(&all, &cor)));
    g.finish();
}

criterion_group!(
    benches,
    bench_floor_segment_langid,
    bench_pipeline,
    bench_rules,
    bench_samples
);
criterion_main!(benches);

//! Throughput benchmarks (placeholder until the benchmark suite lands).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let engine = mtlint::Engine::default_engine().unwrap();
    let doc = mtlint::Document::new("b", "The talks went well. Split\n");
    c.bench_function("tiny", |b| b.iter(|| engine.analyze(&doc)));
}

criterion_group!(benches, bench);
criterion_main!(benches);

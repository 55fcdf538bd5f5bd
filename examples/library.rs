//! mtlint as a library: build an [`Engine`] once, analyze documents (in parallel with rayon if
//! you like), read the per-sentence reports.
//!
//! ```text
//! cargo run --release --example library
//! ```

use mtlint::{Document, Engine, Options};
use rayon::prelude::*;

fn main() -> Result<(), mtlint::EngineError> {
    // Options mirror the command line: --target, --source, --only, --ignore, --config.
    let engine = Engine::new(Options {
        target: Some("en"),
        ignore: vec!["credit".into()],
        ..Options::default()
    })?;

    let mut bilingual = Document::new(
        "story-2",
        "The strike affected flights at Frankfurt Airport, the union said.",
    );
    bilingual.source =
        Some("Der Streik betraf 80 Prozent der Flüge am Frankfurter Flughafen.".into());
    let docs = vec![
        Document::new(
            "story-1",
            "Split\n\nIn Kiew sounded on Tuesday night again the sirens. The talks went well.",
        ),
        bilingual,
    ];

    // The engine is Sync: one engine serves every thread; each report depends only on its
    // document, so the order of the results is the order of the input.
    let reports: Vec<_> = docs.par_iter().map(|d| engine.analyze(d)).collect();

    for report in &reports {
        println!(
            "{}: language {}, score {} ({})",
            report.id,
            report.lang,
            report.score,
            report.verdict.as_str()
        );
        for s in &report.sentences {
            println!("  {:>3} {:>6}  {}", s.score, s.verdict.as_str(), s.text);
            for f in &s.findings {
                // An empty suggestion means: delete the matched text.
                let fix = f
                    .suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" -> {s:?}"));
                println!(
                    "        {} ({}) at {}..{}: {:?}{fix}: {}",
                    f.code,
                    f.severity.as_str(),
                    f.start,
                    f.end,
                    f.matched,
                    f.message
                );
            }
        }
    }
    Ok(())
}

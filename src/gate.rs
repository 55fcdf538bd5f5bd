//! Gates: the speed shortcuts a rule takes before (or inside) its logic, and the test that
//! proves they change nothing.
//!
//! A rule's [`Rule::may_fire`](crate::rules::Rule::may_fire) and its word-level shortcuts
//! (passed through [`open`]) may only skip work whose result would be "no finding": a gate
//! answers "maybe" or "certainly not", never "yes". The rule's `check` must therefore report
//! exactly the same with every gate open, which the test below asserts over the samples, the
//! test corpus and generated news. (It is the test that would have caught `run-together`
//! reporting "BackGround" once its word gate was taken away.)

/// True when work a gate guards must be done: `pass` (the gate's own test), or always while a
/// test has opened the gates. Outside tests this is `pass` itself.
#[inline(always)]
pub fn open(pass: bool) -> bool {
    pass || opened()
}

/// True while a test runs with every gate open (never outside tests).
#[cfg(not(test))]
#[inline(always)]
pub const fn opened() -> bool {
    false
}

#[cfg(test)]
thread_local! {
    /// Set by [`with_gates_open`] on the thread that analyzes.
    static OPENED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while a test runs with every gate open (never outside tests).
#[cfg(test)]
pub fn opened() -> bool {
    OPENED.with(std::cell::Cell::get)
}

/// Runs `f` with every gate open on this thread.
#[cfg(test)]
pub fn with_gates_open<T>(f: impl FnOnce() -> T) -> T {
    OPENED.with(|o| o.set(true));
    let r = f();
    OPENED.with(|o| o.set(false));
    r
}

/// The news generator of the benchmarks, for the gate test.
#[cfg(test)]
#[path = "../benches/support/newsgen.rs"]
mod newsgen;

#[cfg(test)]
mod tests {
    use super::newsgen;
    use crate::analyze::{Document, Engine, Options};

    /// Every finding of every sentence of `doc`, as one line each (code, span, message,
    /// suggestion), in the engine's order.
    fn findings(engine: &Engine, doc: &Document) -> Vec<String> {
        let report = engine.analyze(doc);
        let mut lines = Vec::new();
        for s in &report.sentences {
            for f in &s.findings {
                lines.push(format!(
                    "{} {} {}..{} {:?} {:?} {:?}",
                    doc.id, f.code, f.start, f.end, f.matched, f.message, f.suggestion
                ));
            }
        }
        lines
    }

    /// The documents the gates are checked on: the samples (one document per file), the
    /// test corpus (one per `doc` value) and generated news.
    fn documents() -> Vec<Document> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut docs = Vec::new();
        let mut samples: Vec<_> = std::fs::read_dir(format!("{root}/samples"))
            .expect("samples")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        samples.sort();
        for p in samples {
            let text = std::fs::read_to_string(&p).expect("sample");
            docs.push(Document::new(p.display().to_string(), text));
        }
        for lang in ["en", "de", "fr", "es"] {
            let path = format!("{root}/tests/corpus/{lang}.tsv");
            let tsv = std::fs::read_to_string(&path).expect("corpus");
            let mut lines = tsv.lines();
            let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
            let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
            let (doc_col, text_col) = (col("doc"), col("text"));
            let mut current: Option<(String, String)> = None;
            for line in lines {
                let cells: Vec<&str> = line.split('\t').collect();
                let (doc, text) = (cells[doc_col], cells[text_col]);
                match &mut current {
                    Some((id, body)) if id == doc => {
                        body.push('\n');
                        body.push_str(text);
                    }
                    _ => {
                        if let Some((id, body)) = current.take() {
                            docs.push(Document::new(id, body));
                        }
                        current = Some((doc.to_string(), text.to_string()));
                    }
                }
            }
            if let Some((id, body)) = current {
                docs.push(Document::new(id, body));
            }
        }
        // Words a gate has been seen to guard wrongly: "BackGround" is an English word
        // miscased, which `run-together`'s word gate (an English count) keeps away from the
        // camel-case check.
        docs.push(Document::new(
            "drift",
            "Back then the hall was new. The BackGround was dark.",
        ));
        let news = newsgen::documents(7, 80_000, newsgen::GenOptions::default());
        for (i, t) in news.into_iter().enumerate() {
            docs.push(Document::new(format!("news{i}"), t));
        }
        docs
    }

    #[test]
    fn every_rule_reports_the_same_with_its_gates_open() {
        let docs = documents();
        assert!(docs.len() > 50, "too few documents: {}", docs.len());
        for target in [Some("en"), Some("de"), Some("fr"), Some("es"), None] {
            let engine = Engine::new(Options {
                target,
                ..Options::default()
            })
            .expect("engine");
            let mut total = 0;
            for doc in &docs {
                let gated = findings(&engine, doc);
                let open = super::with_gates_open(|| findings(&engine, doc));
                assert_eq!(gated, open, "target {target:?}, document {}", doc.id);
                total += gated.len();
            }
            // (The documents are full of artifacts: a run that finds nothing tests nothing.)
            assert!(total > 0, "target {target:?}: no findings at all");
        }
    }

    #[test]
    fn gates_open_only_inside_with_gates_open() {
        assert!(!super::open(false));
        assert!(super::with_gates_open(|| super::open(false)));
        assert!(!super::opened());
    }
}

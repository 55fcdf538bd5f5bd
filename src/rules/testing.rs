//! Test helpers for rule files: run the whole pipeline on a text and look at one code.

use crate::analyze::{Document, Engine, Options};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// One engine per target language, built once for all tests (building is the slow part).
fn engine(target: &'static str) -> Arc<Engine> {
    static ENGINES: OnceLock<Mutex<HashMap<&'static str, Arc<Engine>>>> = OnceLock::new();
    let mut map = ENGINES.get_or_init(Default::default).lock().expect("lock");
    let engine = map.entry(target).or_insert_with(|| {
        let opts = Options {
            target: Some(target),
            ..Options::default()
        };
        Arc::new(Engine::new(opts).expect("engine"))
    });
    Arc::clone(engine)
}

/// Findings of `code` when `text` is checked with target `target`: `(matched, suggestion)`.
pub fn findings(code: &str, target: &'static str, text: &str) -> Vec<(String, Option<String>)> {
    let report = engine(target).analyze(&Document::new("test", text));
    report
        .sentences
        .iter()
        .flat_map(|s| s.findings.iter())
        .filter(|f| f.code == code)
        .map(|f| (f.matched.clone(), f.suggestion.clone()))
        .collect()
}

/// The matched texts of `code` in an English text.
pub fn matched(code: &str, text: &str) -> Vec<String> {
    findings(code, "en", text)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

/// Asserts that `code` finds nothing in any of the English `texts`, naming the first that fails.
pub fn assert_clean(code: &str, texts: &[&str]) {
    for t in texts {
        let f = findings(code, "en", t);
        assert!(f.is_empty(), "{code} fired on clean text {t:?}: {f:?}");
    }
}

/// Bilingual mode: `(matched, message)` of each finding of `code` when `tgt` (target language
/// `target`) is checked against its source `src`.
pub fn bilingual(code: &str, target: &'static str, src: &str, tgt: &str) -> Vec<(String, String)> {
    let mut d = Document::new("test", tgt);
    d.source = Some(src.to_string());
    engine(target)
        .analyze(&d)
        .sentences
        .iter()
        .flat_map(|s| s.findings.iter())
        .filter(|f| f.code == code)
        .map(|f| (f.matched.clone(), f.message.clone()))
        .collect()
}

/// `text` with about a third of its characters upper-cased (ASCII), chosen by a xorshift
/// generator whose state `seed` advances: the same seed gives the same casing.
pub fn mixed_case(text: &str, seed: &mut u64) -> String {
    text.chars()
        .map(|c| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            if *seed % 3 == 0 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

//! Bytes → lossy UTF-8 → `Engine::analyze` → CSV writer; checks the tiling invariants too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::output::{CsvWriter, ReportWriter, RowFilter};
use mtlint::{Document, Engine};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::default_engine().expect("engine"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let report = engine().analyze(&Document::new("fuzz", text.as_str()));
    let mut prev = 0;
    for s in &report.sentences {
        assert!(prev <= s.start_byte && s.start_byte < s.end_byte && s.end_byte <= text.len());
        assert!(text[prev..s.start_byte].chars().all(char::is_whitespace));
        for f in &s.findings {
            assert!(s.start_byte <= f.start_byte && f.start_byte <= f.end_byte && f.end_byte <= s.end_byte);
        }
        prev = s.end_byte;
    }
    assert!(text[prev..].chars().all(char::is_whitespace));
    let mut buf = Vec::new();
    let mut w = CsvWriter::new(&mut buf, false, false, true, RowFilter::default()).unwrap();
    w.write(&report).unwrap();
    w.finish().unwrap();
});

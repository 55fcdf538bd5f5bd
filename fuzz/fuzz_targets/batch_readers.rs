//! Bytes → `mtlint::input::read_stream` as CSV, TSV and JSONL: never a panic; every item is a
//! document, an error or a warning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::input::{read_stream, Format, InputOptions, Item};

fuzz_target!(|data: &[u8]| {
    let opts = InputOptions {
        source_column: Some("source".into()),
        source_field: Some("source".into()),
        ..InputOptions::default()
    };
    for format in [Format::Csv, Format::Tsv, Format::Jsonl, Format::Text] {
        for o in [&opts, &InputOptions::default()] {
            let mut n = 0usize;
            read_stream("fuzz", data, format, o, &mut |item| {
                match item {
                    Item::Doc(d) => assert!(!d.id.is_empty()),
                    Item::Error(e) | Item::Warning(e) => assert!(e.origin.starts_with("fuzz")),
                }
                n += 1;
                true
            });
        }
    }
});

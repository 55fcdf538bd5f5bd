//! Bytes → `mtlint::html::read` in both content modes: never a panic; the layout stays inside
//! the text and the page (offsets on character boundaries, seams and chrome in order), and the
//! text is bounded by the page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::html::{read, Content};

fuzz_target!(|data: &[u8]| {
    for content in [Content::Main, Content::All] {
        let page = read(data, content);
        let (text, l) = (&page.text, &page.layout);
        assert!(text.len() <= 3 * l.stats.html_bytes + 16);
        for s in &l.seams {
            assert!(text.is_char_boundary(s.at) && s.at < text.len());
        }
        for c in &l.chrome {
            assert!(c.range.start < c.range.end && c.range.end <= text.len());
            assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
        }
        for (i, _) in text.char_indices() {
            assert!(l.html_offset(i) <= l.stats.html_bytes);
        }
    }
});

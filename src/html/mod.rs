//! Web pages: the HTML reader. Decodes the page (BOM, `<meta charset>`, the http-equiv meta),
//! parses it as a browser does (html5ever through `dom_query`), and turns it into the text that
//! mtlint checks, with a [`Layout`] that remembers where each text came from: its byte offset
//! in the HTML, the *seams* where two inline elements touch without a space, and the page
//! chrome (navigation, footer, share widgets …) with the element named.
//!
//! `--html-content main` keeps the article only (`main_text.rs`, found by `dom_smoothie`, a port
//! of readability.js), `--html-content all` keeps every visible text and marks the chrome.

mod extract;
mod main_text;

use std::ops::Range;

pub use extract::{Kind, Run};

/// Which text of a page is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Content {
    /// The article only (title, headings, paragraphs, captions, quotes), as a readability
    /// extractor finds it; chrome inside the article is kept and marked.
    #[default]
    Main,
    /// Every visible text; the page's chrome is marked `boilerplate`.
    All,
}

/// A stretch of extracted text that is page chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chrome {
    /// Byte range in the extracted text.
    pub range: Range<usize>,
    /// What kind of chrome.
    pub kind: Kind,
    /// The element, as a reader would name it: `<nav>`, `div.share-buttons`, `footer`.
    pub element: String,
}

/// A place in the extracted text where markup joins two texts without a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seam {
    /// Byte offset in the text of the second text's first character.
    pub at: usize,
    /// One element ends and another begins there (`</a><a>`): two texts that the page shows
    /// apart. Otherwise a word only begins or ends inside markup (`<b>some</b>thing`).
    pub between: bool,
}

/// What the extraction kept and left out of a page (for the summary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageStats {
    /// Size of the page in bytes (as decoded to UTF-8).
    pub html_bytes: usize,
    /// Characters of visible text written.
    pub kept_chars: usize,
    /// Characters of visible text left out (`main` mode: everything outside the article).
    pub dropped_chars: usize,
    /// Blocks (paragraphs, list items, cells …) of visible text left out.
    pub dropped_blocks: usize,
}

/// Where the extracted text of a page came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// `(text byte, html byte)` pairs, sorted: from each pair on, text and HTML advance
    /// together until the next pair.
    anchors: Vec<(usize, usize)>,
    /// Where letters or digits of two inline elements' texts touch with no white space
    /// between them (`<a>Space travel</a><a>agriculture</a>`), in order.
    pub seams: Vec<Seam>,
    /// Page chrome in the text, in order.
    pub chrome: Vec<Chrome>,
    /// What was kept and left out.
    pub stats: PageStats,
    /// The content mode the page was read with.
    pub content: Content,
}

impl Layout {
    /// The byte offset in the (UTF-8) HTML of the text byte `pos`.
    pub fn html_offset(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t <= pos);
        match i.checked_sub(1).map(|k| self.anchors[k]) {
            Some((t, h)) => (h + (pos - t)).min(self.stats.html_bytes),
            None => 0,
        }
    }

    /// The seams inside `range` of the text.
    pub fn seams_in(&self, range: Range<usize>) -> &[Seam] {
        let a = self.seams.partition_point(|s| s.at < range.start);
        let b = self.seams.partition_point(|s| s.at < range.end);
        &self.seams[a..b]
    }
}

/// Adds a `boilerplate` finding (with `info`'s code and severity) for each piece of chrome
/// that a sentence overlaps, unless the sentence already has one there. `range` is the
/// sentence's byte range in the extracted text; `exact` says the sentence text is that range
/// unchanged (not re-normalized), so that spans can be relative to it; otherwise the finding
/// covers the whole sentence of `len` bytes.
pub fn chrome_findings(
    layout: &Layout,
    info: &crate::rules::RuleInfo,
    range: Range<usize>,
    exact: bool,
    len: usize,
    out: &mut Vec<crate::rules::Finding>,
) {
    let a = layout
        .chrome
        .partition_point(|c| c.range.end <= range.start);
    for c in layout.chrome[a..]
        .iter()
        .take_while(|c| c.range.start < range.end)
    {
        let span = if exact {
            c.range.start.max(range.start) - range.start..c.range.end.min(range.end) - range.start
        } else {
            0..len
        };
        let overlaps = out
            .iter()
            .any(|f| f.code == info.code && f.span.start < span.end && span.start < f.span.end);
        if !overlaps && !span.is_empty() {
            let msg = format!(
                "page chrome ({}): text of {} in the page, not of the article",
                c.kind.describe(),
                c.element
            );
            out.push(crate::rules::Finding::new(info, span, msg));
        }
    }
}

/// A page read: the text to check and its layout.
#[derive(Debug, Clone)]
pub struct Page {
    /// The extracted text: blocks separated by blank lines.
    pub text: String,
    /// Where it came from.
    pub layout: Layout,
    /// The encoding the page was decoded from (`UTF-8`, `windows-1252` …).
    pub encoding: &'static str,
    /// True when the bytes held sequences invalid in that encoding (replaced with U+FFFD).
    pub had_errors: bool,
}

/// Decodes a page: a BOM wins, then `<meta charset>` or the http-equiv meta in the first
/// 1024 bytes (as the HTML standard's prescan does), else UTF-8.
pub fn decode(bytes: &[u8]) -> (String, &'static encoding_rs::Encoding, bool) {
    let (enc, bom) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, n)) => (e, n),
        None => (sniff_meta(bytes).unwrap_or(encoding_rs::UTF_8), 0),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
    (text.into_owned(), enc, had_errors)
}

/// The encoding a page's meta declares, looked for in its first 1024 bytes.
fn sniff_meta(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&lower[at..], b"<meta") {
        let start = at + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        // `charset=` covers both `<meta charset="x">` and the http-equiv meta's
        // `content="text/html; charset=x"`.
        if let Some(k) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[k + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
                let rest = rest.strip_prefix(b"'").unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .collect();
                if let Some(e) = encoding_rs::Encoding::for_label(&label) {
                    // A page served as UTF-16 cannot declare itself in ASCII: the standard
                    // reads such a declaration as UTF-8.
                    return Some(
                        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                            encoding_rs::UTF_8
                        } else {
                            e
                        },
                    );
                }
            }
        }
        at = end.min(lower.len());
        if at >= lower.len() {
            break;
        }
    }
    None
}

/// Reads a page from its bytes.
pub fn read(bytes: &[u8], content: Content) -> Page {
    let (html, enc, had_errors) = decode(bytes);
    let mut page = read_str(&html, content);
    page.encoding = enc.name();
    page.had_errors = had_errors;
    page
}

/// Reads a page that is already text (a JSONL or CSV field holding HTML).
pub fn read_str(html: &str, content: Content) -> Page {
    let doc = dom_query::Document::from(html);
    let runs = extract::runs(&doc, html);
    let keep: Vec<bool> = match content {
        Content::All => vec![true; runs.len()],
        Content::Main => main_text::select(&doc, &runs),
    };
    let (text, mut layout) = extract::assemble(&runs, &keep);
    layout.stats.html_bytes = html.len();
    layout.content = content;
    Page {
        text,
        layout,
        encoding: "UTF-8",
        had_errors: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_from_bom_meta_and_http_equiv() {
        let (t, e, _) = decode(b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>");
        assert_eq!((e.name(), t.as_str()), ("UTF-8", "<p>caf\u{e9}</p>"));
        let (t, e, _) = decode(b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>");
        assert_eq!(e.name(), "windows-1252");
        assert!(t.ends_with("caf\u{e9}</p>"));
        let page = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"><p>\xCF\xF3\xF2\xE8\xED</p>";
        let (t, e, _) = decode(page);
        assert_eq!(e.name(), "windows-1251");
        assert!(t.contains("\u{41f}\u{443}\u{442}\u{438}\u{43d}"), "{t}");
        // No declaration: UTF-8, invalid bytes replaced and reported.
        let (t, e, bad) = decode(b"<p>caf\xE9</p>");
        assert_eq!((e.name(), bad), ("UTF-8", true));
        assert!(t.contains('\u{fffd}'));
    }

    #[test]
    fn html_offsets_point_into_the_page() {
        let html =
            "<html><body><p>Caf&eacute; &amp; bar opened.</p><p>Second one.</p></body></html>";
        let p = read_str(html, Content::All);
        assert_eq!(p.text, "Caf\u{e9} & bar opened.\n\nSecond one.");
        let at = |needle: &str| p.layout.html_offset(p.text.find(needle).unwrap());
        assert_eq!(&html[at("Caf")..at("Caf") + 3], "Caf");
        assert_eq!(&html[at("bar")..at("bar") + 3], "bar");
        assert_eq!(&html[at("Second")..at("Second") + 6], "Second");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Tag soup: fragments of markup, entities and text in any order.
    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<a href=x>".to_string()),
            Just("</a>".to_string()),
            Just("<nav>".to_string()),
            Just("<div class=\"share\">".to_string()),
            Just("</div>".to_string()),
            Just("<br>".to_string()),
            Just("<script>".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("&amp;".to_string()),
            Just("&#x1F600;".to_string()),
            Just("&bogus".to_string()),
            Just("<li>".to_string()),
            Just("<article>".to_string()),
            "[a-zA-Z \u{e9}\u{4e2d}.,\n]{0,12}",
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn layout_is_sane(html: &str, p: &Page) {
        assert!(p.text.len() <= 3 * html.len() + 16);
        for s in &p.layout.seams {
            assert!(s.at < p.text.len() && p.text.is_char_boundary(s.at));
        }
        for c in &p.layout.chrome {
            assert!(c.range.start < c.range.end && c.range.end <= p.text.len());
        }
        for (i, _) in p.text.char_indices() {
            assert!(p.layout.html_offset(i) <= html.len());
        }
    }

    proptest! {
        // Each case runs readability twice (debug build): fewer cases than the default.
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_tag_soup_reads_without_panic(html in soup()) {
            for content in [Content::Main, Content::All] {
                layout_is_sane(&html, &read_str(&html, content));
            }
        }

        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let p = read(&bytes, Content::All);
            layout_is_sane(&"x".repeat(p.layout.stats.html_bytes), &p);
        }
    }
}

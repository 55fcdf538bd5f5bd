//! The streaming XML reader XLIFF and TMX share (quick-xml over the file's text): events with
//! errors that name the file and line, and the text of a segment with its inline markup read
//! as the text it stands for.
//!
//! Inline markup, as both formats define it:
//! - elements that wrap text (`<g>`, `<pc>`, `<mrk>`, `<hi>`, and any element this reader does
//!   not know) give their content;
//! - elements whose content is native code (XLIFF 1.2 `<ph>`, `<bpt>`, `<ept>`, `<it>`, `<ut>`;
//!   TMX `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`) give nothing: their content is markup of the
//!   original format (`<b>`, `{\i}`), and a `<sub>` inside them is a separate text (an `alt`
//!   attribute), not part of the sentence;
//! - standalone placeholders (XLIFF 1.2 `<x/>` and `<ph>`, XLIFF 2 `<ph/>`) give their
//!   `equiv-text` (1.2) or `equiv` (2.x) when they have one, else nothing: that is the text a
//!   reader sees in their place, and source and target are read alike, so a placeholder never
//!   makes the two sides differ;
//!   An XLIFF 1.2 `<x ctype="lb"/>` is a line break;
//! - paired codes (`<bx/>`, `<ex/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) give nothing;
//! - XLIFF 2 `<cp hex="…"/>` gives its character.

use crate::input::InputError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

/// A pull reader over one file's text.
pub(crate) struct Xml<'a> {
    name: &'a str,
    src: &'a str,
    reader: Reader<&'a [u8]>,
    /// Open elements.
    depth: usize,
    /// Where the last event began, in bytes.
    at: usize,
    /// Line counting resumes from here (byte, line), so that finding lines stays linear.
    mark: (usize, usize),
}

impl<'a> Xml<'a> {
    /// A reader over `src`, the text of the file `name`.
    pub fn new(name: &'a str, src: &'a str) -> Self {
        Xml {
            name,
            src,
            reader: Reader::from_str(src),
            depth: 0,
            at: 0,
            mark: (0, 1),
        }
    }

    /// The 1-based line of a byte position.
    pub fn line_of(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.src.len());
        if pos < self.mark.0 {
            self.mark = (0, 1);
        }
        let (from, line) = self.mark;
        let line = line + memchr::memchr_iter(b'\n', &self.src.as_bytes()[from..pos]).count();
        self.mark = (pos, line);
        line
    }

    /// The line where the last event began.
    pub fn line(&mut self) -> usize {
        self.line_of(self.at)
    }

    /// `file:line` of the last event.
    pub fn origin(&mut self) -> String {
        let line = self.line();
        format!("{}:{line}", self.name)
    }

    /// An error at the last event.
    pub fn error(&mut self, message: impl Into<String>) -> InputError {
        let origin = self.origin();
        InputError::new(origin, message)
    }

    /// The next event; an end of file inside an element is an error.
    pub fn next(&mut self) -> Result<Event<'a>, InputError> {
        self.at = self.reader.buffer_position() as usize;
        match self.reader.read_event() {
            Ok(e) => {
                match &e {
                    Event::Start(_) => self.depth += 1,
                    Event::End(_) => self.depth = self.depth.saturating_sub(1),
                    Event::Eof if self.depth > 0 => {
                        return Err(self.error(format!(
                            "malformed XML: the file ends inside an element ({} still open)",
                            self.depth
                        )))
                    }
                    _ => {}
                }
                Ok(e)
            }
            Err(e) => {
                let line = self.line_of(self.reader.error_position() as usize);
                Err(InputError::new(
                    format!("{}:{line}", self.name),
                    format!("malformed XML: {e}"),
                ))
            }
        }
    }

    /// Skips the content of an element whose start tag was just read.
    pub fn skip(&mut self) -> Result<(), InputError> {
        let depth = self.depth;
        while self.depth >= depth {
            if let Event::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }

    /// The text of an element whose start tag was just read, up to its end tag, with inline
    /// markup read as the module documentation says.
    pub fn text(&mut self) -> Result<String, InputError> {
        let mut out = String::new();
        self.text_into(&mut out)?;
        Ok(out)
    }

    fn text_into(&mut self, out: &mut String) -> Result<(), InputError> {
        loop {
            match self.next()? {
                Event::Text(t) => match t.xml_content() {
                    Ok(s) => out.push_str(&s),
                    Err(e) => return Err(self.error(format!("malformed XML: {e}"))),
                },
                Event::CData(c) => match c.decode() {
                    Ok(s) => out.push_str(&s),
                    Err(e) => return Err(self.error(format!("malformed XML: {e}"))),
                },
                Event::GeneralRef(r) => self.reference(&r, out)?,
                Event::Start(s) => match local(&s) {
                    "ph" | "bpt" | "ept" | "it" | "ut" => {
                        if local(&s) == "ph" {
                            push_equiv(&s, out);
                        }
                        self.skip()?;
                    }
                    _ => self.text_into(out)?,
                },
                Event::Empty(s) => match local(&s) {
                    // XLIFF 1.2 `ctype="lb"`: a line break of the original.
                    "x" if attr(&s, "ctype").as_deref() == Some("lb") => out.push('\n'),
                    "x" | "ph" => push_equiv(&s, out),
                    "cp" => {
                        let c = attr(&s, "hex")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32);
                        match c {
                            Some(c) => out.push(c),
                            None => return Err(self.error("<cp> without a valid hex code point")),
                        }
                    }
                    _ => {}
                },
                Event::End(_) | Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
            }
        }
    }

    /// `&amp;`, `&#233;`: the character; an entity XML does not predefine stays as written.
    fn reference(&mut self, r: &BytesRef<'_>, out: &mut String) -> Result<(), InputError> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => out.push(c),
            Ok(None) => {
                let name = String::from_utf8_lossy(r);
                match quick_xml::escape::resolve_predefined_entity(&name) {
                    Some(s) => out.push_str(s),
                    None => {
                        out.push('&');
                        out.push_str(&name);
                        out.push(';');
                    }
                }
            }
            Err(e) => return Err(self.error(format!("malformed XML: {e}"))),
        }
        Ok(())
    }
}

/// An element's local name (`xliff:target` → `target`).
pub(crate) fn local<'b>(s: &'b BytesStart<'_>) -> &'b str {
    let name = s.local_name();
    // Names are UTF-8 here: the reader reads a `str`.
    std::str::from_utf8(name.into_inner()).unwrap_or("")
}

/// An attribute's unescaped value, by its full name (`xml:lang`).
pub(crate) fn attr(s: &BytesStart<'_>, name: &str) -> Option<String> {
    s.try_get_attribute(name).ok().flatten().and_then(|a| {
        // The reader reads a `str`, so the raw value is UTF-8; unescaped by hand because
        // `Attribute::unescape_value` is not there when quick-xml's `encoding` feature is
        // on (another crate of the build may turn it on).
        let raw = std::str::from_utf8(&a.value).ok()?;
        quick_xml::escape::unescape(raw)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// A placeholder's text equivalent (XLIFF 1.2 `equiv-text`, XLIFF 2 `equiv`).
fn push_equiv(s: &BytesStart<'_>, out: &mut String) {
    if let Some(e) = attr(s, "equiv-text").or_else(|| attr(s, "equiv")) {
        out.push_str(&e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(xml: &str) -> String {
        let mut x = Xml::new("t.xlf", xml);
        assert!(matches!(x.next().unwrap(), Event::Start(_)));
        x.text().unwrap()
    }

    #[test]
    fn inline_markup_reads_as_the_text_it_stands_for() {
        assert_eq!(
            text_of("<target>Click <g id='1'>Save</g> now.</target>"),
            "Click Save now."
        );
        // 1.2 <ph>: native code, not text; <x/> with equiv-text gives it, without nothing.
        assert_eq!(
            text_of("<target>A<ph id='1'>&lt;br/&gt;</ph>B<x id='2' equiv-text='{0}'/>C<x id='3'/>D</target>"),
            "AB{0}CD"
        );
        assert_eq!(
            text_of("<seg>It <bpt i='1'>&lt;b&gt;<sub>alt text</sub></bpt>works<ept i='1'>&lt;/b&gt;</ept>.</seg>"),
            "It works."
        );
        assert_eq!(
            text_of("<target><pc id='1'>Bold</pc> and <mrk id='m'>marked</mrk><ph id='2' equiv='%s'/><cp hex='00E9'/></target>"),
            "Bold and marked%sé"
        );
        assert_eq!(
            text_of("<target>Tom &amp; Jerry &#233;&#x41; <![CDATA[<raw>]]></target>"),
            "Tom & Jerry éA <raw>"
        );
    }

    #[test]
    fn bad_xml_names_the_line() {
        let mut x = Xml::new("bad.xlf", "<a>\n<b>\n</c>\n</a>");
        let err = loop {
            match x.next() {
                Ok(Event::Eof) => panic!("no error"),
                Ok(_) => {}
                Err(e) => break e,
            }
        };
        assert_eq!(err.origin, "bad.xlf:3", "{err}");
        assert!(err.message.contains("malformed XML"));
    }

    #[test]
    fn unclosed_element_at_the_end_is_an_error() {
        let mut x = Xml::new("cut.xlf", "<a>\n<b>text");
        let mut result = Ok(());
        for _ in 0..10 {
            match x.next() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        let e = result.expect_err("an error");
        assert!(e.origin.starts_with("cut.xlf:"), "{e}");
    }
}

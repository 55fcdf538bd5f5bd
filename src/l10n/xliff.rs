//! XLIFF 1.2 (`<file source-language target-language>`, `<trans-unit>` with `<source>` and
//! `<target>`) and XLIFF 2.x (`<xliff srcLang trgLang>`, `<unit>` of `<segment>`s and
//! `<ignorable>`s) read into translation units, with one reader: the two versions differ in
//! element names, which never collide.
//!
//! Left out on purpose: `<alt-trans>` (other candidates, not the translation), `<seg-source>`
//! (the same source, segmented), notes, headers, skeletons and `<bin-unit>`; units marked
//! `translate="no"` (not meant to be translated, so a target equal to the source there is no
//! error). A 2.x unit with some segments lacking a target is checked on the others, with a
//! warning naming its line. A 2.x unit's text is its segments and ignorables in order; an ignorable without a
//! target contributes its source to the target (it is not translatable).

use super::xml::{attr, local, Xml};
use super::{lang_code, Parsed, Unit};
use crate::input::InputError;
use quick_xml::events::Event;

/// Reads an XLIFF file.
pub(crate) fn parse(name: &str, text: &str) -> Result<Parsed, InputError> {
    let mut x = Xml::new(name, text);
    let mut p = Parsed::default();
    let (mut src, mut trg): (Option<String>, Option<String>) = (None, None);
    let mut root = true;
    loop {
        let ev = x.next()?;
        let (s, empty) = match ev {
            Event::Start(s) => (s, false),
            Event::Empty(s) => (s, true),
            Event::Eof => break,
            _ => continue,
        };
        let tag = local(&s).to_string();
        if root {
            root = false;
            if tag != "xliff" {
                return Err(x.error(format!(
                    "not an XLIFF file: the root element is <{tag}>, not <xliff>"
                )));
            }
        }
        match tag.as_str() {
            "xliff" => {
                src = attr(&s, "srcLang").or(src);
                trg = attr(&s, "trgLang").or(trg);
            }
            "file" => {
                src = attr(&s, "source-language").or(src);
                trg = attr(&s, "target-language").or(trg);
            }
            "trans-unit" | "unit" => {
                let line = x.line();
                let id = attr(&s, "id")
                    .filter(|i| !i.is_empty())
                    .unwrap_or_else(|| format!("line {line}"));
                let skip = attr(&s, "translate").as_deref() == Some("no");
                let (source, target, missing) = if empty {
                    (None, None, 0)
                } else if tag == "unit" {
                    unit_20(&mut x)?
                } else {
                    let (s, t) = unit_12(&mut x)?;
                    (s, t, 0)
                };
                if skip {
                    continue;
                }
                if missing > 0 && target.is_some() {
                    p.warn(
                        format!("{name}:{line}"),
                        format!("unit {id:?}: {missing} segment(s) without a target; the unit is checked without them"),
                    );
                }
                p.units.push(Unit {
                    id,
                    line,
                    source,
                    target: target.unwrap_or_default(),
                    target_lang: trg.as_deref().and_then(lang_code),
                    source_lang: src.as_deref().and_then(lang_code),
                });
            }
            "header" | "skeleton" | "bin-unit" | "notes" | "originalData" if !empty => x.skip()?,
            _ => {}
        }
    }
    if root {
        return Err(InputError::new(name, "not an XLIFF file: no root element"));
    }
    Ok(p)
}

type Pair = (Option<String>, Option<String>);

/// The `<source>` and `<target>` of a 1.2 `<trans-unit>` whose start tag was just read.
fn unit_12(x: &mut Xml<'_>) -> Result<Pair, InputError> {
    let (mut source, mut target) = (None, None);
    loop {
        match x.next()? {
            Event::Start(s) => match local(&s) {
                "source" => source = Some(x.text()?),
                "target" => target = Some(x.text()?),
                _ => x.skip()?,
            },
            Event::Empty(s) => match local(&s) {
                "source" => source = Some(String::new()),
                "target" => target = Some(String::new()),
                _ => {}
            },
            Event::End(_) | Event::Eof => return Ok((source, target)),
            _ => {}
        }
    }
}

/// The source and target of a 2.x `<unit>` whose start tag was just read (its segments and
/// ignorables joined in order), and how many of its segments have no target.
fn unit_20(x: &mut Xml<'_>) -> Result<(Option<String>, Option<String>, usize), InputError> {
    let (mut source, mut target) = (String::new(), String::new());
    let (mut any_source, mut any_target) = (false, false);
    let mut missing = 0;
    loop {
        match x.next()? {
            Event::Start(s) => match local(&s) {
                kind @ ("segment" | "ignorable") => {
                    let ignorable = kind == "ignorable";
                    let (s, t) = unit_12(x)?;
                    any_source |= s.is_some();
                    any_target |= t.is_some() && !ignorable;
                    missing += usize::from(t.is_none() && !ignorable);
                    let s = s.unwrap_or_default();
                    target.push_str(t.as_deref().unwrap_or(if ignorable { &s } else { "" }));
                    source.push_str(&s);
                }
                _ => x.skip()?,
            },
            Event::End(_) | Event::Eof => break,
            _ => {}
        }
    }
    Ok((
        any_source.then_some(source),
        any_target.then_some(target),
        missing,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff_12_units_languages_and_skipped_parts() {
        let f = r#"<?xml version="1.0"?>
<xliff version="1.2"><file source-language="de-DE" target-language="en-US" original="a">
<header><note>not text</note></header>
<body><group id="g">
<trans-unit id="t1"><source>Hallo <g id="1">Welt</g>.</source><seg-source><mrk mtype="seg">Hallo</mrk></seg-source>
<target state="translated">Hello <g id="1">world</g>.</target>
<alt-trans><target>Hi world.</target></alt-trans><note>n</note></trans-unit>
<trans-unit id="t2"><source>Leer</source></trans-unit>
<trans-unit id="t3" translate="no"><source>ACME</source><target>ACME</target></trans-unit>
</group></body></file></xliff>"#;
        let p = parse("a.xlf", f).unwrap();
        assert_eq!(p.units.len(), 2);
        let u = &p.units[0];
        assert_eq!((u.id.as_str(), u.line), ("t1", 5));
        assert_eq!(u.source.as_deref(), Some("Hallo Welt."));
        assert_eq!(u.target, "Hello world.");
        assert_eq!((u.source_lang, u.target_lang), (Some("de"), Some("en")));
        assert_eq!(p.units[1].target, "");
        assert_eq!(p.units[1].source.as_deref(), Some("Leer"));
    }

    #[test]
    fn xliff_2_segments_and_ignorables_join() {
        let f = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
<file id="f"><unit id="u1"><notes><note>x</note></notes>
<segment><source>Bonjour.</source><target>Hello.</target></segment>
<ignorable><source> </source></ignorable>
<segment><source>Merci <ph id="1" equiv="{name}"/>.</source><target>Thanks <ph id="1" equiv="{name}"/>.</target></segment>
</unit></file></xliff>"#;
        let p = parse("b.xliff", f).unwrap();
        assert_eq!(p.units.len(), 1);
        assert_eq!(p.units[0].target, "Hello. Thanks {name}.");
        assert_eq!(p.units[0].source.as_deref(), Some("Bonjour. Merci {name}."));
        assert_eq!(p.units[0].target_lang, Some("en"));
        assert_eq!(p.units[0].source_lang, Some("fr"));
        assert!(p.notes.is_empty());
    }

    #[test]
    fn xliff_2_segment_without_target_is_a_warning_naming_the_unit() {
        let f =
            "<xliff version=\"2.0\" srcLang=\"de\" trgLang=\"en\"><file id=\"f\">\n<unit id=\"u\">\
<segment><source>Eins.</source><target>One.</target></segment>\
<segment><source>Zwei.</source></segment></unit></file></xliff>";
        let p = parse("p.xlf", f).unwrap();
        assert_eq!(p.units[0].target, "One.");
        assert!(
            matches!(&p.notes[0], crate::input::Item::Warning(e) if e.origin == "p.xlf:2" && e.message.contains("1 segment")),
            "{:?}",
            p.notes
        );
    }

    #[test]
    fn not_xliff_and_bad_xml_are_errors_with_lines() {
        let e = parse("c.xlf", "<tmx>\n</tmx>").unwrap_err();
        assert!(e.message.contains("not an XLIFF"), "{e}");
        let e = parse(
            "d.xlf",
            "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit id=\"1\"><source>a</target>\n</body></file></xliff>",
        )
        .unwrap_err();
        assert_eq!(e.origin, "d.xlf:4", "{e}");
    }
}

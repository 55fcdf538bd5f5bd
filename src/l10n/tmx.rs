//! TMX 1.4 (`<header srclang>`, `<tu tuid>` of `<tuv xml:lang><seg>`) read into translation
//! units: the variant in the header's `srclang` is the source, every other variant a target (a
//! unit of its own; with several targets its id gets `:lang`).
//!
//! `srclang="*all*"` (any variant may be the source): the language of the first variant of the
//! first unit is taken as the source (TMX writers put the source first). A unit with one
//! variant is reported as a warning naming its line: in the source language it is a missing
//! target (an empty row with a finding), in another language a target checked without source.
//! Language tags match case-insensitively, else by their primary subtag (`en` and `en-GB`).

use super::xml::{attr, local, Xml};
use super::{lang_code, Parsed, Unit};
use crate::input::InputError;
use quick_xml::events::Event;

/// Reads a TMX file.
pub(crate) fn parse(name: &str, text: &str) -> Result<Parsed, InputError> {
    let mut x = Xml::new(name, text);
    let mut p = Parsed::default();
    let mut srclang: Option<String> = None;
    let mut root = true;
    let mut count = 0usize;
    loop {
        let (s, empty) = match x.next()? {
            Event::Start(s) => (s, false),
            Event::Empty(s) => (s, true),
            Event::Eof => break,
            _ => continue,
        };
        let tag = local(&s).to_string();
        if root {
            root = false;
            if tag != "tmx" {
                return Err(x.error(format!(
                    "not a TMX file: the root element is <{tag}>, not <tmx>"
                )));
            }
        }
        match tag.as_str() {
            "header" => {
                srclang = attr(&s, "srclang");
                if !empty {
                    x.skip()?;
                }
            }
            "tu" if !empty => {
                count += 1;
                let line = x.line();
                let id = attr(&s, "tuid")
                    .filter(|i| !i.is_empty())
                    .unwrap_or_else(|| format!("tu {count}"));
                let variants = variants(&mut x)?;
                if srclang.as_deref().is_none_or(|l| l == "*all*") {
                    // The first variant of the first unit names the source from now on.
                    srclang = variants.first().map(|v| v.0.clone());
                }
                let src = srclang.clone().unwrap_or_default();
                add_unit(&mut p, name, &id, line, &src, variants);
            }
            _ => {}
        }
    }
    if root {
        return Err(InputError::new(name, "not a TMX file: no root element"));
    }
    Ok(p)
}

/// The `(language, text)` of each `<tuv>` of a `<tu>` whose start tag was just read.
fn variants(x: &mut Xml<'_>) -> Result<Vec<(String, String)>, InputError> {
    let mut out = Vec::new();
    loop {
        match x.next()? {
            Event::Start(s) if local(&s) == "tuv" => {
                let lang = attr(&s, "xml:lang")
                    .or_else(|| attr(&s, "lang"))
                    .unwrap_or_default();
                let mut seg = None;
                loop {
                    match x.next()? {
                        Event::Start(s) if local(&s) == "seg" => seg = Some(x.text()?),
                        Event::Start(_) => x.skip()?,
                        Event::End(_) | Event::Eof => break,
                        _ => {}
                    }
                }
                out.push((lang, seg.unwrap_or_default()));
            }
            Event::Start(_) => x.skip()?,
            Event::End(_) | Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// True when two language tags name the same language.
fn same_lang(a: &str, b: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    a.eq_ignore_ascii_case(b) || (!a.is_empty() && primary(a) == primary(b))
}

fn add_unit(
    p: &mut Parsed,
    name: &str,
    id: &str,
    line: usize,
    srclang: &str,
    variants: Vec<(String, String)>,
) {
    let origin = format!("{name}:{line}");
    // The exact tag first, so that a memory with en-US and en-GB variants keeps its source.
    let src_at = variants
        .iter()
        .position(|v| v.0.eq_ignore_ascii_case(srclang))
        .or_else(|| variants.iter().position(|v| same_lang(&v.0, srclang)));
    let source = src_at.map(|i| variants[i].1.clone());
    let targets: Vec<&(String, String)> = variants
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != src_at)
        .map(|(_, v)| v)
        .collect();
    match (variants.len(), src_at) {
        (0, _) => {
            p.warn(origin, format!("translation unit {id:?} has no variant, skipped"));
            return;
        }
        (1, Some(_)) => p.warn(
            origin,
            format!(
                "translation unit {id:?} has only one variant ({srclang}): no target, reported as empty"
            ),
        ),
        (1, None) => p.warn(
            origin,
            format!(
                "translation unit {id:?} has only one variant ({}), none in the source language {srclang}: checked without source",
                variants[0].0
            ),
        ),
        (_, None) => p.warn(
            origin,
            format!("translation unit {id:?} has no variant in the source language {srclang}: checked without source"),
        ),
        _ => {}
    }
    if targets.is_empty() {
        p.units.push(Unit {
            id: id.to_string(),
            line,
            source,
            target: String::new(),
            target_lang: None,
            source_lang: lang_code(srclang),
        });
        return;
    }
    let several = targets.len() > 1;
    for (lang, text) in targets {
        p.units.push(Unit {
            id: if several {
                format!("{id}:{lang}")
            } else {
                id.to_string()
            },
            line,
            source: source.clone(),
            target: text.clone(),
            target_lang: lang_code(lang),
            source_lang: lang_code(srclang),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_is_the_header_srclang_and_the_other_variant_the_target() {
        let f = r#"<tmx version="1.4"><header srclang="de-DE" datatype="plaintext"/>
<body>
<tu tuid="1"><prop type="x">p</prop><tuv xml:lang="en-GB"><seg>The <hi>big</hi> house.</seg></tuv><tuv xml:lang="de-DE"><seg>Das große Haus.</seg></tuv></tu>
<tu tuid="2">
<tuv xml:lang="de-DE"><seg>Nur eine Seite.</seg></tuv>
</tu>
</body></tmx>"#;
        let p = parse("m.tmx", f).unwrap();
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.units[0].target, "The big house.");
        assert_eq!(p.units[0].source.as_deref(), Some("Das große Haus."));
        assert_eq!(p.units[0].target_lang, Some("en"));
        assert_eq!(p.units[0].source_lang, Some("de"));
        // One variant: a warning naming the unit's line, and an empty target that is kept.
        assert_eq!(p.units[1].target, "");
        let warned: Vec<String> = p
            .notes
            .iter()
            .map(|n| match n {
                crate::input::Item::Warning(e) => e.to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(warned.len(), 1);
        assert!(warned[0].starts_with("m.tmx:4: translation unit \"2\" has only one variant"));
    }

    #[test]
    fn all_means_the_first_variant_is_the_source() {
        let f = r#"<tmx version="1.4"><header srclang="*all*"/><body>
<tu><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Thanks.</seg></tuv><tuv xml:lang="fr"><seg>Merci.</seg></tuv></tu>
</body></tmx>"#;
        let p = parse("a.tmx", f).unwrap();
        let got: Vec<(&str, &str)> = p
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.target.as_str()))
            .collect();
        assert_eq!(got, vec![("tu 1", "Hello."), ("tu 2", "Thanks.")]);
        assert!(p.notes.is_empty());
    }
}

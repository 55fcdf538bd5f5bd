//! gettext PO files read into translation units: one per `msgstr` (a plural entry gives one
//! per `msgstr[N]`, the first against `msgid`, the others against `msgid_plural`), the target
//! language from the header's `Language`.
//!
//! Choices: fuzzy entries (`#, fuzzy`) are checked like the others — their text is a
//! translation a reviewer still has to read, and that is when mtlint helps; obsolete entries
//! (`#~`) are not read (they are commented out of the catalogue, as `msgfmt` treats them). A
//! file without a header entry (`msgid ""`) is read with a warning naming line 1, its language
//! then detected; a line that is not PO is an error naming its line, and the rest of the file
//! is still read. A unit's id is its `msgid`, prefixed by `msgctxt|` when it has a context and
//! suffixed by `[N]` for plural forms.

use super::{lang_code, Parsed, Unit};
use crate::input::{InputError, Item};

/// The entry being read.
#[derive(Default)]
struct Entry {
    line: usize,
    ctxt: Option<String>,
    id: Option<String>,
    plural: Option<String>,
    /// `(N, text)`; N is 0 for a plain `msgstr`.
    strs: Vec<(usize, String)>,
    obsolete: bool,
    /// A line of it was not PO (already reported): the entry is not checked.
    broken: bool,
}

/// Which string a continuation line (`"…"`) extends.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    Plural,
    Str,
}

/// Reads a PO file.
pub(crate) fn parse(name: &str, text: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut cur = Entry::default();
    let mut field = Field::None;
    let started = |e: &Entry| e.id.is_some() || e.ctxt.is_some() || !e.strs.is_empty();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        let err = |m: String| Item::Error(InputError::new(format!("{name}:{n}"), m));
        if line.is_empty() {
            let done = std::mem::take(&mut cur);
            if started(&done) {
                entries.push(done);
            }
            field = Field::None;
            continue;
        }
        if line.starts_with("#~") {
            // Obsolete lines make an entry of their own, dropped as a whole.
            if started(&cur) && !cur.obsolete {
                entries.push(std::mem::take(&mut cur));
            }
            cur.obsolete = true;
            field = Field::None;
            continue;
        }
        if line.starts_with('#') {
            // A comment after strings starts the next entry (entries need not be separated).
            if !cur.strs.is_empty() {
                entries.push(std::mem::take(&mut cur));
            }
            field = Field::None;
            continue;
        }
        if line.starts_with('"') {
            match (field, unquote(line)) {
                (Field::None, _) => p
                    .notes
                    .push(err("a string with no keyword before it".into())),
                (_, Err(m)) => p.notes.push(err(m)),
                (f, Ok(s)) => {
                    let target = match f {
                        Field::Ctxt => cur.ctxt.as_mut(),
                        Field::Id => cur.id.as_mut(),
                        Field::Plural => cur.plural.as_mut(),
                        _ => cur.strs.last_mut().map(|x| &mut x.1),
                    };
                    if let Some(t) = target {
                        t.push_str(&s);
                    }
                }
            }
            continue;
        }
        let (keyword, rest) = line.split_once([' ', '\t']).unwrap_or((line, ""));
        let value = match unquote(rest.trim()) {
            Ok(v) => v,
            Err(m) => {
                p.notes.push(err(format!("{keyword}: {m}")));
                cur.broken = true;
                field = Field::None;
                continue;
            }
        };
        if cur.obsolete || (matches!(keyword, "msgctxt" | "msgid") && !cur.strs.is_empty()) {
            entries.push(std::mem::take(&mut cur));
        }
        if !started(&cur) && !cur.broken {
            cur.line = n;
        }
        field = match keyword {
            "msgctxt" => {
                cur.ctxt = Some(value);
                Field::Ctxt
            }
            "msgid" => {
                cur.id = Some(value);
                Field::Id
            }
            "msgid_plural" => {
                cur.plural = Some(value);
                Field::Plural
            }
            "msgstr" => {
                cur.strs.push((0, value));
                Field::Str
            }
            k => match k
                .strip_prefix("msgstr[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|d| d.parse::<usize>().ok())
            {
                Some(idx) => {
                    cur.strs.push((idx, value));
                    Field::Str
                }
                None => {
                    p.notes.push(err(format!("unknown keyword {k:?}")));
                    Field::None
                }
            },
        };
    }
    if started(&cur) {
        entries.push(cur);
    }
    entries.retain(|e| !e.obsolete && !e.broken);

    let header = entries
        .iter()
        .position(|e| e.ctxt.is_none() && e.id.as_deref() == Some(""));
    let lang = match header {
        None => {
            p.warn(
                format!("{name}:1"),
                "no header entry (msgid \"\"): the target language is not declared, detected from the text",
            );
            None
        }
        Some(h) => {
            let value = header_field(entries[h].strs.first().map_or("", |s| &s.1), "Language");
            match value.as_deref().map(str::trim) {
                Some(l) if !l.is_empty() => {
                    let code = lang_code(l);
                    if code.is_none() {
                        p.warn(
                            format!("{name}:{}", entries[h].line),
                            format!("unknown Language {l:?} in the header, detected from the text"),
                        );
                    }
                    code
                }
                _ => {
                    p.warn(
                        format!("{name}:{}", entries[h].line),
                        "the header has no Language, detected from the text",
                    );
                    None
                }
            }
        }
    };
    for (k, e) in entries.into_iter().enumerate() {
        if Some(k) == header {
            continue;
        }
        let Some(msgid) = e.id else {
            p.notes.push(Item::Error(InputError::new(
                format!("{name}:{}", e.line),
                "entry without msgid, skipped",
            )));
            continue;
        };
        let base = match &e.ctxt {
            Some(c) => format!("{c}|{msgid}"),
            None => msgid.clone(),
        };
        let plural = e.plural.is_some();
        for (idx, target) in e.strs {
            let source = if idx == 0 {
                msgid.clone()
            } else {
                e.plural.clone().unwrap_or_else(|| msgid.clone())
            };
            p.units.push(Unit {
                id: if plural {
                    format!("{base}[{idx}]")
                } else {
                    base.clone()
                },
                line: e.line,
                source: Some(source),
                target,
                target_lang: lang,
                source_lang: None,
            });
        }
    }
    p
}

/// A field of the header (`Language: de\n`).
fn header_field(header: &str, key: &str) -> Option<String> {
    header.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().to_string())
    })
}

/// The content of a C string literal as PO writes it (`"a\"b\n"`).
fn unquote(s: &str) -> Result<String, String> {
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| format!("expected a quoted string, found {s:?}"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            return Err("unescaped quote inside a string".into());
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\u{7}'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('v') => out.push('\u{b}'),
            Some(c @ ('\\' | '"' | '\'' | '?')) => out.push(c),
            Some(d @ '0'..='7') => {
                let mut v = d.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(x) => {
                            v = v * 8 + x;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            Some('x') => {
                let mut v = 0u32;
                let mut digits = 0;
                while let Some(x) = chars.peek().and_then(|c| c.to_digit(16)) {
                    v = v * 16 + x;
                    digits += 1;
                    chars.next();
                }
                if digits == 0 {
                    return Err("\\x without hex digits".into());
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            Some(c) => return Err(format!("unknown escape \\{c}")),
            None => return Err("a string ends with a backslash".into()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# A translation.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: en_GB\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: src/a.c:1
#, fuzzy, c-format
msgctxt "menu"
msgid "Datei"
msgstr "File"

msgid "Eine Datei"
msgid_plural "%d Dateien"
msgstr[0] "One file"
msgstr[1] ""
"%d files\t"
"and \"more\""

#~ msgid "Alt"
#~ msgstr "Old"
msgid "Zeile\n"
"zwei"
msgstr ""
"Line\n"
"two \101\x42"
"#;

    #[test]
    fn entries_plurals_context_escapes_and_language() {
        let p = parse("de.po", PO);
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        let got: Vec<(&str, &str, &str, usize)> = p
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.source.as_deref().unwrap(),
                    u.target.as_str(),
                    u.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("menu|Datei", "Datei", "File", 10),
                ("Eine Datei[0]", "Eine Datei", "One file", 14),
                ("Eine Datei[1]", "%d Dateien", "%d files\tand \"more\"", 14),
                ("Zeile\nzwei", "Zeile\nzwei", "Line\ntwo AB", 23),
            ]
        );
        assert!(p.units.iter().all(|u| u.target_lang == Some("en")));
    }

    #[test]
    fn no_header_warns_on_line_1_and_bad_lines_name_their_line() {
        let p = parse(
            "x.po",
            "msgid \"Ja\"\nmsgstr \"Yes\"\n\nmsgid \"Nein\nmsgstr \"No\"\n",
        );
        let notes: Vec<String> = p.notes.iter().map(|n| format!("{n:?}")).collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            matches!(&p.notes[0], Item::Error(e) if e.origin == "x.po:4"),
            "{notes:?}"
        );
        assert!(
            matches!(&p.notes[1], Item::Warning(e) if e.origin == "x.po:1" && e.message.contains("no header")),
            "{notes:?}"
        );
        // The good entry before the bad line is still read; the broken entry is not.
        assert_eq!(p.units[0].target, "Yes");
        assert_eq!(p.units.len(), 1);
    }
}

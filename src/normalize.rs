//! Unicode NFC normalization of sentence text, with a map from normalized offsets back to
//! offsets in the input, so that every finding can be located in the original document.

use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC text of one sentence and, when normalization changed it, the offset map.
#[derive(Debug, Clone)]
pub struct Nfc<'a> {
    /// The normalized text (borrowed when the input was already NFC).
    pub text: Cow<'a, str>,
    /// `(normalized byte, original byte)` at the start of every normalization group, plus the
    /// end of both texts; `None` when the text is unchanged.
    map: Option<Vec<(usize, usize)>>,
}

/// True when every character is one that is NFC on its own and never composes with what
/// follows: below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers) or
/// U+2002–U+203F (spaces, dashes, quotation marks, ellipsis). Read from the UTF-8 lead bytes,
/// without decoding: most news sentences are settled here.
fn common_nfc(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            0xC2..=0xCB => i += 2,
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2).is_some_and(|&c| c >= 0x82) => {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

impl<'a> Nfc<'a> {
    /// Normalizes `s` to NFC. Text is normalized in groups (a starter and the combining marks
    /// after it), which equals whole-text NFC except for the rare compositions of two starters
    /// (conjoining Hangul jamo), kept as they are.
    pub fn new(s: &'a str) -> Self {
        if s.is_ascii() || common_nfc(s.as_bytes()) || is_nfc_quick(s.chars()) == IsNormalized::Yes
        {
            return Nfc {
                text: Cow::Borrowed(s),
                map: None,
            };
        }
        let mut out = String::with_capacity(s.len());
        let mut map = Vec::new();
        let mut group_start = 0;
        let flush = |from: usize, to: usize, out: &mut String, map: &mut Vec<(usize, usize)>| {
            if from < to {
                map.push((out.len(), from));
                out.extend(s[from..to].nfc());
            }
        };
        for (i, c) in s.char_indices() {
            if i > group_start && canonical_combining_class(c) == 0 {
                flush(group_start, i, &mut out, &mut map);
                group_start = i;
            }
        }
        flush(group_start, s.len(), &mut out, &mut map);
        map.push((out.len(), s.len()));
        if out == s {
            return Nfc {
                text: Cow::Borrowed(s),
                map: None,
            };
        }
        Nfc {
            text: Cow::Owned(out),
            map: Some(map),
        }
    }

    /// Maps a byte offset in the normalized text to a byte offset in the original text. An
    /// offset inside a composed group maps to the end of that group in the original.
    pub fn to_original(&self, offset: usize) -> usize {
        let Some(map) = &self.map else {
            return offset;
        };
        let idx = map.partition_point(|&(n, _)| n <= offset);
        if idx == 0 {
            return 0;
        }
        let (n, o) = map[idx - 1];
        if n == offset {
            o
        } else {
            map.get(idx).map_or(o, |&(_, next)| next)
        }
    }

    /// True when normalization changed the text.
    pub fn changed(&self) -> bool {
        self.map.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_fast_path_takes_only_characters_that_are_nfc_alone() {
        // Every character the fast path accepts is NFC by the crate's own tables and has
        // combining class 0 (so no sequence of them can compose or reorder).
        let accepted = (0u32..0x300)
            .chain(0x2002..0x2040)
            .filter_map(char::from_u32);
        for c in accepted {
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf);
            assert!(
                common_nfc(enc.as_bytes()),
                "{c:?} should take the fast path"
            );
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        // And it refuses its neighbours: combining marks, U+2000/U+2001 (singletons) and
        // anything from U+2040 on in that block.
        for c in [
            '\u{300}', '\u{2000}', '\u{2001}', '\u{2040}', '\u{2126}', 'ä',
        ] {
            let d: String = if c == 'ä' {
                "a\u{308}".into()
            } else {
                c.to_string()
            };
            assert!(!common_nfc(d.as_bytes()), "{d:?}");
        }
    }

    #[test]
    fn ascii_is_borrowed() {
        let n = Nfc::new("plain text");
        assert!(!n.changed());
        assert_eq!(n.to_original(5), 5);
    }

    #[test]
    fn decomposed_is_composed_and_offsets_map_back() {
        // "Franc\u{327}ois x": c + combining cedilla becomes ç.
        let s = "Franc\u{327}ois x";
        let n = Nfc::new(s);
        assert_eq!(n.text, "François x");
        assert!(n.changed());
        let x_norm = n.text.find('x').unwrap();
        let x_orig = s.find('x').unwrap();
        assert_eq!(n.to_original(x_norm), x_orig);
        assert_eq!(n.to_original(n.text.len()), s.len());
        // The start of "ç" maps to the start of "c".
        let c_norm = n.text.find('ç').unwrap();
        assert_eq!(n.to_original(c_norm), s.find('c').unwrap());
    }

    #[test]
    fn already_composed_is_borrowed() {
        let n = Nfc::new("François");
        assert!(!n.changed());
    }
}

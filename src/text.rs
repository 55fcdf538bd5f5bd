//! Words inside a sentence: the one tokenizer every rule shares, and small character helpers.

use std::ops::Range;

/// A word of a sentence: a maximal run of letters and digits, with apostrophes between letters
/// kept inside (`McDonald's`, `isn't`). Offsets are bytes into the sentence text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// True when every character is a letter (no digits).
    pub alpha: bool,
}

impl Word {
    /// The word's text inside `sentence`.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start..self.end]
    }

    /// The byte range of the word.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// True for the apostrophes that may join two parts of one word.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `s` into words. Hyphens, dots and slashes separate words; an apostrophe between two
/// letters does not.
pub fn words(s: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    words_into(s, &mut out);
    out
}

/// [`words`], appended to `out` (one buffer for the words of many sentences).
pub fn words_into(s: &str, out: &mut Vec<Word>) {
    let mut iter = s.char_indices().peekable();
    let mut cur: Option<(usize, bool)> = None;
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            match cur.as_mut() {
                Some((_, alpha)) => *alpha &= c.is_alphabetic(),
                None => cur = Some((i, c.is_alphabetic())),
            }
            continue;
        }
        if is_apostrophe(c) && cur.is_some() {
            let prev_letter = s[..i].chars().next_back().is_some_and(char::is_alphabetic);
            let next_letter = iter.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if prev_letter && next_letter {
                continue;
            }
        }
        // Combining marks (from decomposed input) stay inside the word.
        if cur.is_some() && !c.is_ascii() && is_mark(c) {
            continue;
        }
        if let Some((start, alpha)) = cur.take() {
            out.push(Word {
                start,
                end: i,
                alpha,
            });
        }
    }
    if let Some((start, alpha)) = cur {
        out.push(Word {
            start,
            end: s.len(),
            alpha,
        });
    }
}

/// True for combining marks (general categories Mn, Mc, Me), approximated by the
/// canonical combining class or the common combining blocks.
pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// The bit of English in a word's function-word languages
/// ([`crate::sentence::WordFacts::function`], [`crate::sentence::Sentence::function_mask`]): bit `k`
/// stands for [`crate::lexicon::LANGS`]`[k]`, and English is the first.
pub const EN_FUNCTION: u16 = 1;

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word starting at byte `start` of `text` starts with an upper-case letter
/// ([`is_capitalized`]): an ASCII first byte decides without decoding or slicing.
#[inline]
pub fn capital_at(text: &str, start: usize) -> bool {
    let b = text.as_bytes()[start];
    if b.is_ascii() {
        b.is_ascii_uppercase()
    } else {
        is_capitalized(&text[start..])
    }
}

/// True when the word has at least two letters and all its letters are upper case (`NATO`).
pub fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Lower-cases `w`, borrowing when it is already lower case (the common case).
pub fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    // Called for most words by several rules: ASCII words skip the Unicode case tables.
    match ascii_upper(w.as_bytes()) {
        Some(true) => std::borrow::Cow::Owned(w.to_ascii_lowercase()),
        Some(false) => std::borrow::Cow::Borrowed(w),
        None if w.chars().any(char::is_uppercase) => std::borrow::Cow::Owned(w.to_lowercase()),
        None => std::borrow::Cow::Borrowed(w),
    }
}

/// Appends [`lower`]`(w)` to `out`, without a temporary string (except for a capital sigma,
/// whose lower case depends on its place in the word).
pub fn lower_into(w: &str, out: &mut String) {
    let start = out.len();
    out.push_str(w);
    match ascii_upper(w.as_bytes()) {
        Some(true) => out[start..].make_ascii_lowercase(),
        Some(false) => {}
        None if w.chars().any(char::is_uppercase) => {
            out.truncate(start);
            if w.contains('Σ') {
                out.push_str(&w.to_lowercase());
            } else {
                // `str::to_lowercase` maps every other character on its own.
                out.extend(w.chars().flat_map(char::to_lowercase));
            }
        }
        None => {}
    }
}

/// For ASCII bytes, whether any of them is an upper-case letter; `None` when some byte is not
/// ASCII. One branch-free pass: words are short, and this runs for most words.
fn ascii_upper(b: &[u8]) -> Option<bool> {
    let (mut high, mut upper) = (0u8, false);
    for &c in b {
        high |= c;
        upper |= c.is_ascii_uppercase();
    }
    (high < 0x80).then_some(upper)
}

/// Calls `f` with the lower-case form of `w` (as [`lower`] gives it), without allocating for
/// short ASCII words: for hash lookups on the hot path.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if b.len() <= 32 {
        match ascii_upper(b) {
            Some(false) => return f(w),
            Some(true) => {}
            None => return f(&lower(w)),
        }
        let mut buf = [0u8; 32];
        let buf = &mut buf[..b.len()];
        buf.copy_from_slice(b);
        buf.make_ascii_lowercase();
        // Lower-cased ASCII is ASCII: always valid UTF-8.
        return f(std::str::from_utf8(buf).unwrap_or(w));
    }
    f(&lower(w))
}

/// Number of Unicode scalar values in `s` (what spreadsheets and Python count).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).iter().map(|w| w.text(s)).collect()
    }

    #[test]
    fn english_function_bit_is_the_first_language() {
        assert_eq!(crate::lexicon::LANGS[0], "en");
        assert_eq!(super::EN_FUNCTION, 1 << 0);
    }

    #[test]
    fn apostrophes_inside_words_stay() {
        assert_eq!(
            texts("McDonald's isn’t 'quoted' here."),
            vec!["McDonald's", "isn’t", "quoted", "here"]
        );
    }

    #[test]
    fn hyphens_and_dots_split() {
        assert_eq!(
            texts("ex-Soviet U.S. 27.5 Kassym-Jomart"),
            vec!["ex", "Soviet", "U", "S", "27", "5", "Kassym", "Jomart"]
        );
    }

    #[test]
    fn alpha_flag() {
        let w = words("abc a1");
        assert!(w[0].alpha);
        assert!(!w[1].alpha);
    }

    #[test]
    fn lower_into_appends_what_lower_gives() {
        let mut out = String::from("x");
        for w in [
            "Moskau",
            "plain",
            "ÉLAN",
            "İstanbul",
            "ΣΊΣΥΦΟΣ",
            "Straße",
            "ǅemal",
            "NATO",
        ] {
            let before = out.len();
            lower_into(w, &mut out);
            assert_eq!(&out[before..], lower(w), "{w}");
        }
    }

    #[test]
    fn caps_helpers() {
        assert!(is_all_caps("NATO"));
        assert!(!is_all_caps("A"));
        assert!(!is_all_caps("BioNTech"));
        assert!(is_capitalized("Élan"));
        assert_eq!(lower("Moskau"), "moskau");
        assert_eq!(with_lower("Moskau", str::to_string), "moskau");
        assert_eq!(with_lower("ÉLAN", str::to_string), "élan");
        assert_eq!(with_lower("plain", str::to_string), "plain");
    }
}

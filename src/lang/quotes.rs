//! The words a sentence is judged by: all of them, or those outside quotation marks (a quoted
//! title in another language does not make the sentence that language).

use super::LangId;
use crate::text::Word;

/// The words a sentence is judged by, each with its index in the sentence (for its facts):
/// all of them, or (`outside`) those outside quotation marks.
#[derive(Clone, Copy)]
pub(super) struct Judged<'a> {
    pub(super) text: &'a str,
    pub(super) words: &'a [Word],
    /// The words' facts and the lower-case text they point into, when given.
    pub(super) facts: Option<(&'a [crate::sentence::WordFacts], &'a str)>,
    pub(super) outside: bool,
    /// With `outside`, once found ([`inside_quotes`] of a sentence of at most 64 words): bit
    /// `i` set when word `i` is inside a quotation.
    pub(super) inside: Option<u64>,
}

impl<'a> Judged<'a> {
    /// The words with their indices.
    pub(super) fn iter(&self) -> Outside<'a> {
        Outside {
            text: self.text,
            words: self.words,
            next: 0,
            inside: match (self.outside, self.inside) {
                (false, _) => Some(0),
                (true, known) => known,
            },
            block: 0,
        }
    }

    /// The lower-case form of word `i` (`w`), as [`crate::text::lower`] gives it: from the
    /// facts, which hold it, when given.
    pub(super) fn lower(&self, i: usize, w: &Word) -> std::borrow::Cow<'a, str> {
        match self.facts {
            Some((f, lower)) => lower[f[i].lower_start..f[i].lower_end].into(),
            None => crate::text::lower(w.text(self.text)),
        }
    }

    /// [`LangId::function_mask`] of the lower-case form of word `i` (`w`): from the facts,
    /// which hold it, when given.
    pub(super) fn function(&self, id: &LangId, i: usize, w: &Word) -> u16 {
        match self.facts {
            Some((f, _)) => f[i].function,
            None => crate::text::with_lower(w.text(self.text), |l| id.function_mask(l)),
        }
    }
}

/// Iterator of [`Judged::iter`]: the words, less those inside a quotation.
#[derive(Clone)]
pub(super) struct Outside<'a> {
    text: &'a str,
    words: &'a [Word],
    /// Index of the next word.
    next: usize,
    /// Bit `i`: word `i` is left out; `None`: found 64 words at a time ([`inside_quotes`]).
    inside: Option<u64>,
    /// [`inside_quotes`] of the 64 words from `next` rounded down to a multiple of 64.
    block: u64,
}

impl<'a> Iterator for Outside<'a> {
    type Item = (usize, &'a Word);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let i = self.next;
            let w = self.words.get(i)?;
            self.next += 1;
            let left_out = match self.inside {
                Some(mask) => i < 64 && (mask >> i) & 1 != 0,
                None => {
                    if i % 64 == 0 {
                        let end = self.words.len().min(i + 64);
                        self.block = inside_quotes(self.text, &self.words[i..end]);
                    }
                    (self.block >> (i % 64)) & 1 != 0
                }
            };
            if !left_out {
                return Some((i, w));
            }
        }
    }
}

/// Bit `i` set when `words[i]` (at most 64 words) is inside a quotation of the text: opens
/// before it starts and closes after it ends.
pub(super) fn inside_quotes(text: &str, words: &[Word]) -> u64 {
    quote_spans(text).fold(0, |mask, (open, close)| {
        words.iter().enumerate().fold(mask, |m, (i, w)| {
            m | u64::from(open < w.start && w.end <= close) << i
        })
    })
}

/// The quotation marks of the text (« », „ “ ”, "), each with the byte offset where it
/// starts, in order. Found from their last bytes: `"`; 0xAB or 0xBB after the lead byte 0xC2
/// (U+00AB, U+00BB); 0x9C–0x9E after 0xE2 0x80 (U+201C–U+201E). A lead byte starts a
/// character and is followed by its own continuation bytes, so each test is exact.
pub(super) fn quote_marks(text: &str) -> impl Iterator<Item = (usize, char)> + Clone + '_ {
    let b = text.as_bytes();
    let last_byte = |c: u8| (c == b'"') | (c == 0xAB) | (c == 0xBB) | (c.wrapping_sub(0x9C) < 3);
    crate::matcher::byte_positions(b, last_byte).filter_map(move |i| match b[i] {
        b'"' => Some((i, '"')),
        0xAB if i >= 1 && b[i - 1] == 0xC2 => Some((i - 1, '«')),
        0xBB if i >= 1 && b[i - 1] == 0xC2 => Some((i - 1, '»')),
        0x9C if i >= 2 && b[i - 2..i] == [0xE2, 0x80] => Some((i - 2, '“')),
        0x9D if i >= 2 && b[i - 2..i] == [0xE2, 0x80] => Some((i - 2, '”')),
        0x9E if i >= 2 && b[i - 2..i] == [0xE2, 0x80] => Some((i - 2, '„')),
        _ => None,
    })
}

/// The quotations of the text: byte offsets of each opening mark and of the mark that closes
/// it, in order. A mark opens only outside a quotation; `»` closes `«`, `“` or `”` closes
/// `„`, `”` closes `“`, `"` closes `"`; a quotation left open is none.
pub(super) fn quote_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + Clone + '_ {
    let mut marks = quote_marks(text);
    std::iter::from_fn(move || {
        let (start, open) = marks.find(|&(_, c)| matches!(c, '«' | '„' | '“' | '"'))?;
        let closes = |c: char| match open {
            '«' => c == '»',
            '„' => c == '“' || c == '”',
            '“' => c == '”',
            _ => c == '"',
        };
        marks.find(|&(_, c)| closes(c)).map(|(end, _)| (start, end))
    })
}

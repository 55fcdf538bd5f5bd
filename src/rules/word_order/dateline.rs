//! Datelines ("Berlin – At the meeting …") and the gaps between words, for `word-order`: the
//! fronted phrase starts after a dateline, and some patterns need a gap other than one space.

use super::DATELINE_BYTES;
use crate::matcher::Bits;
use crate::sentence::Sentence;

/// The words after a gap other than one space (see [`odd_gaps`]), and whether the first 60
/// bytes have a stretch of three bytes or more before, between or after the words (where
/// [`dateline_end`] looks for a dash). For more than 64 words: no bits, and such a stretch
/// may be anywhere.
pub(super) fn gaps(s: &Sentence<'_>) -> (Option<Bits>, bool) {
    let Some(odd) = odd_gaps(s) else {
        return (None, true);
    };
    let head = s.text.len().min(DATELINE_BYTES);
    let (Some(first), Some(last)) = (s.words.first(), s.words.last()) else {
        return (Some(odd), head >= 3);
    };
    // (A stretch counts when it holds a byte of a dash, '-' or E2, as `has_dash_byte` asks.)
    let b = s.text.as_bytes();
    let dash = |from: usize, to: usize| {
        to >= from + 3 && b[from..to].iter().any(|&c| c == b'-' || c == 0xE2)
    };
    let stretch = dash(0, first.start.min(head)) || dash(last.end, head) || { odd }
        .any(|k| dash(s.words[k - 1].end, s.words[k].start.min(head)));
    (Some(odd), stretch)
}

/// The indices `k` (from 1) of the words after a gap other than one space, as bits; `None`
/// for sentences of more than 64 words.
pub(super) fn odd_gaps(s: &Sentence<'_>) -> Option<Bits> {
    if s.words.len() > 64 {
        return None;
    }
    let mut odd = 0u64;
    let bytes = s.text.as_bytes();
    for (k, pair) in s.words.windows(2).enumerate() {
        let (end, next) = (pair[0].end, pair[1].start);
        if next != end + 1 || bytes[end] != b' ' {
            odd |= 1 << (k + 1);
        }
    }
    Some(Bits(odd))
}

/// The byte offset where the clause starts after a dateline: one to four capitalized words (or
/// an agency in parentheses) and a dash, at the very start of the sentence.
pub(super) fn dateline_end(s: &Sentence<'_>) -> Option<usize> {
    // The dash lies in the first 60 bytes. (Cutting them back to a character boundary
    // changes nothing: a dash ends with a space, itself a boundary.)
    let head = &s.text.as_bytes()[..s.text.len().min(DATELINE_BYTES)];
    // Most sentences have no dash at all: their heads have no byte of '-' (2D) or of the
    // first byte of '–' and '—' (E2).
    if !has_dash_byte(head) {
        return None;
    }
    // A dash has no word characters: it lies in one stretch of text before, between or after
    // the words. The first of them (in order) holding a dash holds the first dash; stretches
    // shorter than a dash (3 bytes), most of them, are not searched.
    let mut dash = None;
    let mut from = 0;
    for k in 0..=s.words.len() {
        if from >= head.len() {
            break;
        }
        let to = s
            .words
            .get(k)
            .map_or(s.text.len(), |w| w.start)
            .min(head.len());
        if to >= from + 3 {
            if let Some((at, len)) = first_dash(&head[from..to]) {
                dash = Some((from + at, len));
                break;
            }
        }
        if let Some(w) = s.words.get(k) {
            from = w.end;
        }
    }
    let dash = dash?;
    // One to four words before it, all capitalized.
    let mut words = 0;
    for w in s.text[..dash.0]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == '(' || c == ')' || c == ','))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if words > 4 || !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    (words >= 1).then_some(dash.0 + dash.1)
}

/// True when `head` has a byte 2D ('-') or E2 (first byte of '–' and '—'), vectorized.
fn has_dash_byte(head: &[u8]) -> bool {
    crate::matcher::any_byte(head, |b| (b == b'-') | (b == 0xE2))
}

/// The first " – ", " — " or " - " in `head`: its offset and length.
fn first_dash(head: &[u8]) -> Option<(usize, usize)> {
    for k in 0..head.len() {
        if head[k] != b' ' {
            continue;
        }
        let rest = &head[k + 1..];
        if rest.starts_with(b"- ") {
            return Some((k, 3));
        }
        // – is E2 80 93, — is E2 80 94
        if rest.starts_with(b"\xE2\x80\x93 ") || rest.starts_with(b"\xE2\x80\x94 ") {
            return Some((k, 5));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn first_dash_is_the_earliest_of_the_three() {
        for t in [
            "Berlin – At the meeting",
            "Berlin (dpa) — In the",
            "A-B - c – d",
            "no dash here",
            "x –y — z",
            "x ’ - y",
            "ends with a dash –",
            "– starts",
        ] {
            let old = [" – ", " — ", " - "]
                .iter()
                .filter_map(|d| t.find(d).map(|i| (i, d.len())))
                .min();
            assert_eq!(super::first_dash(t.as_bytes()), old, "{t}");
        }
    }

    #[test]
    fn dash_bytes_are_found_anywhere() {
        for n in 0..40 {
            for (byte, found) in [(b'-', true), (0xE2, true), (b'a', false), (0xE3, false)] {
                for at in 0..n {
                    let mut v = vec![b'x'; n];
                    v[at] = byte;
                    assert_eq!(super::has_dash_byte(&v), found, "{n} {at} {byte}");
                }
            }
            assert!(!super::has_dash_byte(&vec![b'x'; n]));
        }
        // bytes next to the searched ones
        assert!(!super::has_dash_byte(&[
            0x2C,
            0x2E,
            0xE1,
            0xE3,
            0x2D ^ 0x80,
            0,
            0xFF,
            0x01
        ]));
    }
}

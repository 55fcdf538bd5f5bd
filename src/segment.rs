//! Sentence segmentation with byte offsets into the document. Every non-space character of the
//! input lies in exactly one sentence: the sentences tile the text, white space between them is
//! the only thing left out.

use std::collections::HashSet;

/// Longest sentence, in bytes, before it is cut at a space: keeps rules linear on pathological
/// input such as a 100 MB line without punctuation.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first non-space character.
    pub start: usize,
    /// Byte offset one past the last non-space character.
    pub end: usize,
    /// The sentence begins a line (after a line break or at the start of the text).
    pub line_start: bool,
    /// The sentence ends its line: a line break, the end of the text, or a paragraph follows.
    pub line_end: bool,
    /// A blank line or the end of the text follows the sentence.
    pub paragraph_end: bool,
}

impl Span {
    /// The sentence is a whole line by itself: a headline, a UI string, a caption line.
    pub fn standalone(&self) -> bool {
        self.line_start && self.line_end
    }
}

/// Splits documents into sentences. Built once from the abbreviation lexicons.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {
    /// Lower-case abbreviations without their final period (`nov`, `u.s`, `z.b`, `inc`).
    abbreviations: HashSet<String>,
    /// Abbreviations that always stand before a name (`mr`, `dr`, `gen`, `st`): never a break.
    titles: HashSet<String>,
    /// Lower-case words that commonly begin a sentence; after an abbreviation such a word
    /// marks a break ("in the U.S. The president …").
    starters: HashSet<String>,
    /// Lower-case month names: "14. February" / "9. November" (a German date) is no break.
    months: HashSet<String>,
}

impl Segmenter {
    /// A segmenter from abbreviation lists (with or without final periods, any case).
    pub fn new<'a>(
        abbreviations: impl IntoIterator<Item = &'a str>,
        titles: impl IntoIterator<Item = &'a str>,
        starters: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let norm = |s: &str| s.trim().trim_end_matches('.').to_lowercase();
        Segmenter {
            abbreviations: abbreviations.into_iter().map(norm).collect(),
            titles: titles.into_iter().map(norm).collect(),
            starters: starters.into_iter().map(norm).collect(),
            months: HashSet::new(),
        }
    }

    /// Adds month names: a day number, a period and a month name do not end a sentence.
    pub fn with_months<'a>(mut self, months: impl IntoIterator<Item = &'a str>) -> Self {
        self.months.extend(
            months
                .into_iter()
                .map(|m| m.trim().trim_end_matches('.').to_lowercase()),
        );
        self
    }

    /// Splits `text` into sentences.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (start, end, paragraph_end) in blocks(text) {
            let first = out.len();
            self.split_block(text, start, end, &mut out);
            if let Some(first) = out.get_mut(first) {
                first.line_start = true;
            }
            if let Some(last) = out.last_mut() {
                last.line_end = true;
                last.paragraph_end = paragraph_end;
            }
        }
        out
    }

    fn split_block(&self, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
        let block = &text[start..end];
        let bytes = block.as_bytes();
        let mut sent_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (is_term, len) = match b {
                b'.' | b'!' | b'?' => (true, 1),
                0xE2 if block[i..].starts_with('…') => (true, '…'.len_utf8()),
                _ => (false, 0),
            };
            if !is_term {
                i += 1;
                continue;
            }
            // Run of terminal punctuation and closing quotes/brackets.
            let mut j = i + len;
            while j < bytes.len() {
                let c = block[j..].chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']'
                ) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let ws_end = j + block[j..].len() - block[j..].trim_start().len();
            if ws_end == j || ws_end >= bytes.len() {
                i = j.max(i + 1);
                continue;
            }
            if self.is_break(block, i, b, ws_end) {
                push_trimmed(out, text, start + sent_start, start + j);
                sent_start = ws_end;
            }
            i = ws_end;
        }
        push_trimmed(out, text, start + sent_start, end);
    }

    /// Decides whether the terminal punctuation at `i` (first byte `b`) ends a sentence, given
    /// that the next sentence would start at `next`.
    fn is_break(&self, block: &str, i: usize, b: u8, next: usize) -> bool {
        let next_char = block[next..].chars().next().unwrap_or(' ');
        if next_char.is_lowercase() {
            return false;
        }
        if b != b'.' || block[..i].ends_with("..") || block[i..].starts_with("...") {
            return true;
        }
        // The token before the period: letters and inner dots back to a space or bracket.
        let before = &block[..i];
        let tok_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let tok = &before[tok_start..];
        if tok.is_empty() {
            return true;
        }
        let lower = tok.to_lowercase();
        if self.titles.contains(&lower) {
            return false;
        }
        let mut chars = tok.chars();
        let single_initial =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        let abbreviation =
            single_initial || tok.contains('.') || self.abbreviations.contains(&lower);
        if tok.len() <= 2 && tok.bytes().all(|b| b.is_ascii_digit()) && !self.months.is_empty() {
            let next_word: String = block[next..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if self.months.contains(&next_word) {
                return false;
            }
        }
        if !abbreviation {
            return true;
        }
        if next_char.is_ascii_digit() {
            return false;
        }
        if single_initial && next_char.is_uppercase() {
            return false;
        }
        let next_word: String = block[next..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        self.starters.contains(&next_word)
    }
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let s = start + (piece.len() - piece.trim_start().len());
    let e = start + piece.trim_end().len();
    if s >= e {
        return;
    }
    // Cut very long sentences at white space so that no rule sees unbounded input.
    let mut s = s;
    while e - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[s..cut];
        let at = window
            .rfind(char::is_whitespace)
            .filter(|&k| k > MAX_SENTENCE_BYTES / 2)
            .map_or(cut, |k| s + k);
        // `at` is the last space of the window: drop the rest of a run of spaces before it.
        out.push(span(s, s + text[s..at].trim_end().len()));
        let rest = &text[at..e];
        s = at + (rest.len() - rest.trim_start().len());
    }
    out.push(span(s, e));
}

fn span(start: usize, end: usize) -> Span {
    Span {
        start,
        end,
        line_start: false,
        line_end: false,
        paragraph_end: false,
    }
}

/// Splits the text into blocks: lines, or runs of lines that belong together because a long
/// line without final punctuation continues on a line that starts in lower case (hard-wrapped
/// text). Returns `(start, end, followed_by_blank_line_or_end)`.
fn blocks(text: &str) -> Vec<(usize, usize, bool)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push((pos, pos + content.len()));
        pos += line.len();
    }
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (k, &(s, e)) in lines.iter().enumerate() {
        let trimmed = text[s..e].trim();
        let next_blank = lines
            .get(k + 1)
            .is_none_or(|&(ns, ne)| text[ns..ne].trim().is_empty());
        if trimmed.is_empty() {
            if let Some((os, oe)) = open.take() {
                out.push((os, oe, true));
            }
            continue;
        }
        let (bs, _) = match open.take() {
            Some((os, oe)) if continues(&text[os..oe], trimmed) => (os, oe),
            Some((os, oe)) => {
                out.push((os, oe, false));
                (s, e)
            }
            None => (s, e),
        };
        if next_blank {
            out.push((bs, e, true));
        } else {
            open = Some((bs, e));
        }
    }
    if let Some((os, oe)) = open {
        out.push((os, oe, true));
    }
    out
}

/// A line continues the previous one when the previous is long, ends without sentence
/// punctuation, and the new one starts with a lower-case letter.
fn continues(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let ends_open = !prev.ends_with(['.', '!', '?', '…', ':', '"', '”', '»']);
    ends_open && prev.chars().count() >= 40 && next.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(
            ["Nov.", "U.S.", "Inc.", "a.m.", "z.B.", "Nr.", "etc."],
            ["Mr.", "Dr.", "St.", "Gen."],
            ["the", "he", "it", "but"],
        )
    }

    fn sents(t: &str) -> Vec<&str> {
        seg().split(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_break() {
        assert_eq!(
            sents("Mr. Smith met Gen. Miller at 9 a.m. on Nov. 9 in St. Petersburg. Then he left."),
            vec![
                "Mr. Smith met Gen. Miller at 9 a.m. on Nov. 9 in St. Petersburg.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn abbreviation_before_a_starter_breaks() {
        assert_eq!(
            sents("He lives in the U.S. The weather is fine. U.S. President Biden spoke."),
            vec![
                "He lives in the U.S.",
                "The weather is fine.",
                "U.S. President Biden spoke."
            ]
        );
    }

    #[test]
    fn decimals_ellipses_and_quotes() {
        assert_eq!(
            sents("Growth was 27.5 percent. “Will it last?” he asked. “No.” She left… Then"),
            vec![
                "Growth was 27.5 percent.",
                "“Will it last?” he asked.",
                "“No.”",
                "She left…",
                "Then"
            ]
        );
    }

    #[test]
    fn lines_without_punctuation_are_sentences() {
        let t = "Split\n\nView photo series\nComments\nHeadline here\nBody text.";
        assert_eq!(
            sents(t),
            vec![
                "Split",
                "View photo series",
                "Comments",
                "Headline here",
                "Body text."
            ]
        );
        let spans = seg().split(t);
        assert!(spans[0].standalone() && spans[0].paragraph_end);
        assert!(!spans[1].paragraph_end);
    }

    #[test]
    fn caption_credit_is_split() {
        assert_eq!(
            sents("The leaders meet in Astana, Thursday, Nov. 9, 2023. Credit: AP/Jane Doe"),
            vec![
                "The leaders meet in Astana, Thursday, Nov. 9, 2023.",
                "Credit: AP/Jane Doe"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "This is a long line that was wrapped by an editor at\nseventy columns. Next one.";
        assert_eq!(
            sents(t),
            vec![
                "This is a long line that was wrapped by an editor at\nseventy columns.",
                "Next one."
            ]
        );
    }

    #[test]
    fn missing_space_is_not_a_break() {
        assert_eq!(sents("In Warsaw.The talks"), vec!["In Warsaw.The talks"]);
    }

    #[test]
    fn very_long_input_is_cut() {
        let t = "word ".repeat(2000);
        let spans = seg().split(&t);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
        let t = "x".repeat(5000);
        let spans = seg().split(&t);
        assert_eq!(spans.iter().map(|s| s.end - s.start).sum::<usize>(), 5000);
    }

    #[test]
    fn day_number_before_a_month_is_no_break() {
        let s = seg().with_months(["February", "März"]);
        let t = "It starts on 14. February in Berlin. Then 3. März. 5. Then";
        let got: Vec<&str> = s.split(t).iter().map(|x| &t[x.start..x.end]).collect();
        assert_eq!(
            got,
            vec![
                "It starts on 14. February in Berlin.",
                "Then 3. März.",
                "5.",
                "Then"
            ]
        );
    }

    #[test]
    fn german_abbreviation() {
        assert_eq!(
            sents("Das gilt z.B. für Nr. 5. Dann"),
            vec!["Das gilt z.B. für Nr. 5.", "Dann"]
        );
    }
}

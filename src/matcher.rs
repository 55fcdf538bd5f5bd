//! Shared matching helpers: phrase lists compiled into one aho-corasick automaton, matched
//! case-insensitively at word boundaries. Rules that look phrases up use these, never a regex
//! per phrase.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// True when `range` of `text` neither starts nor ends inside a word.
pub fn at_word_boundaries(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.start..].chars().next();
    let last = text[..range.end].chars().next_back();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let starts_inside = inner(before) && inner(first);
    let ends_inside = inner(after) && inner(last);
    !starts_inside && !ends_inside
}

/// A list of phrases, each with a value, matched case-insensitively (ASCII letters; other
/// letters in the case the phrase gives, its lower-case and its capitalized form) at word
/// boundaries, leftmost-longest.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    ac: Option<AhoCorasick>,
    values: Vec<V>,
}

impl<V: Clone> PhraseSet<V> {
    /// Builds the set from `(phrase, value)` pairs. Empty phrases are skipped.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut pats: Vec<String> = Vec::new();
        let mut values = Vec::new();
        for (p, v) in pairs {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            let mut forms = vec![p.to_string()];
            if !p.is_ascii() {
                forms.push(p.to_lowercase());
                forms.push(capitalize(&p.to_lowercase()));
            }
            forms.sort();
            forms.dedup();
            for f in forms {
                pats.push(f);
                values.push(v.clone());
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .ok()
        };
        PhraseSet { ac, values }
    }

    /// Every match at word boundaries: `(range, value)`, left to right, not overlapping.
    pub fn find<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (Range<usize>, &'s V)> + 's {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .filter(move |m| at_word_boundaries(text, m.range()))
            .map(move |m| (m.range(), &self.values[m.pattern().as_usize()]))
    }

    /// The match covering the whole of `text` (trimmed of surrounding punctuation), if any.
    pub fn whole<'s>(&'s self, text: &'s str) -> Option<&'s V> {
        let t = text.trim_matches(|c: char| !c.is_alphanumeric());
        let off = text.find(t).unwrap_or(0);
        self.find(text)
            .find(|(r, _)| r.start == off && r.end == off + t.len())
            .map(|(_, v)| v)
    }

    /// True when the set has no phrases.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// A regex compiled on first use. Unicode-class regexes cost milliseconds to compile; a rule
/// whose cheap prefilter rarely passes should not pay that at start-up.
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    re: std::sync::OnceLock<Option<regex::Regex>>,
}

impl LazyRegex {
    /// Checks that `pattern` parses (cheap) and defers compiling it.
    pub fn new(pattern: String) -> Result<Self, regex::Error> {
        regex_syntax::Parser::new()
            .parse(&pattern)
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(LazyRegex {
            pattern,
            re: std::sync::OnceLock::new(),
        })
    }

    /// The compiled regex (`None` only if it exceeds the regex size limits).
    pub fn get(&self) -> Option<&regex::Regex> {
        self.re
            .get_or_init(|| regex::Regex::new(&self.pattern).ok())
            .as_ref()
    }
}

/// Upper-cases the first character.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries() {
        assert!(at_word_boundaries("a share b", 2..7));
        assert!(!at_word_boundaries("shares", 0..5));
        assert!(!at_word_boundaries("timeshare", 4..9));
    }

    #[test]
    fn phrases_match_case_insensitively_at_boundaries() {
        let set = PhraseSet::new([("read more", 1), ("Übersicht", 2)]);
        let t = "READ MORE here; übersicht; readmore; Read moreover";
        let found: Vec<_> = set.find(t).map(|(r, &v)| (&t[r], v)).collect();
        assert_eq!(found, vec![("READ MORE", 1), ("übersicht", 2)]);
        assert_eq!(set.whole("  Read more » "), Some(&1));
        assert_eq!(set.whole("Read more about it"), None);
    }
}

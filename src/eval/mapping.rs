//! Rows ↔ documents: rows that share a document key are joined (in file order, as paragraphs)
//! into one document so that document-level rules see the whole text; afterwards each sentence
//! of the report is mapped back to the row it came from.

use super::gold::GoldRow;
use crate::analyze::{Document, SentenceReport};
use crate::rules::Severity;
use crate::score::Scoring;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// The separator between the rows of one document: a paragraph break.
pub const ROW_SEPARATOR: &str = "\n\n";

/// What the tool said about one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowResult {
    /// Word-weighted mean of the row's sentence scores (100 without sentences).
    pub score: u32,
    /// Number of words in the row.
    pub words: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Distinct codes of the row's findings.
    pub codes: BTreeSet<&'static str>,
    /// Some finding is major or critical.
    pub major: bool,
    /// Each finding as `code: "matched"`.
    pub evidence: Vec<String>,
    /// Each finding as (code, start, end) in characters within the row's text.
    pub spans: Vec<(&'static str, usize, usize)>,
}

/// Groups row indices into documents: without keys every row is its own document; rows with
/// the same key form one document in file order. Groups are ordered by their first row.
pub fn group_rows(rows: &[GoldRow]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        match &r.doc {
            None => groups.push(vec![i]),
            Some(k) => match by_key.get(k.as_str()) {
                Some(&g) => groups[g].push(i),
                None => {
                    by_key.insert(k, groups.len());
                    groups.push(vec![i]);
                }
            },
        }
    }
    groups
}

/// Joins the texts (and sources) of a group's rows into one document; returns it with each
/// row's byte range in the document text.
pub fn build_document(rows: &[GoldRow], members: &[usize]) -> (Document, Vec<Range<usize>>) {
    let first = &rows[members[0]];
    let id = match (&first.doc, &first.id) {
        (Some(k), _) => k.replace('\u{1f}', "/"),
        (None, Some(id)) => id.clone(),
        (None, None) => format!("line {}", first.line),
    };
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(members.len());
    for (n, &i) in members.iter().enumerate() {
        if n > 0 {
            text.push_str(ROW_SEPARATOR);
        }
        let start = text.len();
        text.push_str(&rows[i].text);
        ranges.push(start..text.len());
    }
    let sources: Vec<&str> = members
        .iter()
        .filter_map(|&i| rows[i].source.as_deref())
        .collect();
    let source = (!sources.is_empty()).then(|| sources.join(ROW_SEPARATOR));
    (Document { id, text, source }, ranges)
}

/// The row whose byte range holds `pos` (the last one starting at or before it).
fn row_of(ranges: &[Range<usize>], pos: usize) -> usize {
    ranges.partition_point(|r| r.start <= pos).saturating_sub(1)
}

/// Maps the sentences of a document report back to its rows (`text` and `ranges` from
/// [`build_document`]): a sentence belongs to the row where it starts. A row's score is the
/// word-weighted mean of its sentences' scores (a segment compared with a human score of that segment), its codes the
/// union of its sentences' codes.
pub fn map_back(
    sentences: &[SentenceReport],
    text: &str,
    ranges: &[Range<usize>],
    scoring: &Scoring,
) -> Vec<RowResult> {
    let mut parts: Vec<Vec<&SentenceReport>> = vec![Vec::new(); ranges.len()];
    if ranges.is_empty() {
        return Vec::new();
    }
    for s in sentences {
        parts[row_of(ranges, s.start_byte)].push(s);
    }
    // Character offset of each row's start in the document.
    let mut char_starts = Vec::with_capacity(ranges.len());
    let (mut chars, mut bytes) = (0usize, 0usize);
    for r in ranges {
        chars += text.get(bytes..r.start).map_or(0, crate::text::char_len);
        bytes = r.start;
        char_starts.push(chars);
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(row, ss)| {
            let mut r = RowResult {
                score: scoring
                    .mean_sentence_score(ss.iter().map(|s| (s.score, s.words)))
                    .unwrap_or(100),
                words: ss.iter().map(|s| s.words).sum(),
                sentences: ss.len(),
                ..RowResult::default()
            };
            for f in ss.iter().flat_map(|s| &s.findings) {
                r.codes.insert(f.code);
                r.major |= f.severity >= Severity::Major;
                r.evidence.push(format!("{}: \"{}\"", f.code, f.matched));
                let base = char_starts[row];
                r.spans.push((
                    f.code,
                    f.start.saturating_sub(base),
                    f.end.saturating_sub(base),
                ));
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Engine, FindingReport};
    use crate::score::Verdict;

    fn row(line: usize, doc: Option<&str>, text: &str) -> GoldRow {
        GoldRow {
            line,
            text: text.into(),
            doc: doc.map(str::to_string),
            ..GoldRow::default()
        }
    }

    /// A sentence at `start_byte` whose findings cover its first character (ASCII text:
    /// characters = bytes).
    fn sentence(
        start_byte: usize,
        score: u32,
        words: usize,
        findings: &[(&'static str, Severity)],
    ) -> SentenceReport {
        SentenceReport {
            index: 1,
            line: 1,
            start: start_byte,
            end: start_byte + 1,
            start_byte,
            end_byte: start_byte + 1,
            lang: "en",
            lang_confidence: 1.0,
            score,
            penalty: 0.0,
            verdict: Verdict::Ok,
            findings: findings
                .iter()
                .map(|&(code, severity)| FindingReport {
                    code,
                    severity,
                    start: start_byte,
                    end: start_byte + 1,
                    start_byte: 0,
                    end_byte: 1,
                    matched: "x".into(),
                    message: String::new(),
                    suggestion: None,
                })
                .collect(),
            words,
            text: String::new(),
        }
    }

    #[test]
    fn groups_by_key_in_first_appearance_order() {
        let rows = vec![
            row(2, Some("a"), "1"),
            row(3, Some("b"), "2"),
            row(4, Some("a"), "3"),
            row(5, Some("c"), "4"),
        ];
        assert_eq!(group_rows(&rows), vec![vec![0, 2], vec![1], vec![3]]);
        let single = vec![row(2, None, "1"), row(3, None, "2")];
        assert_eq!(group_rows(&single), vec![vec![0], vec![1]]);
    }

    #[test]
    fn document_joins_rows_as_paragraphs() {
        let rows = vec![
            row(2, Some("d\u{1f}s"), "One."),
            row(3, Some("d\u{1f}s"), ""),
            row(4, Some("d\u{1f}s"), "Three."),
        ];
        let (doc, ranges) = build_document(&rows, &[0, 1, 2]);
        assert_eq!(doc.text, "One.\n\n\n\nThree.");
        assert_eq!(doc.id, "d/s");
        assert_eq!(ranges, vec![0..4, 6..6, 8..14]);
        assert_eq!(&doc.text[ranges[2].clone()], "Three.");
        assert_eq!(doc.source, None);
    }

    #[test]
    fn row_score_is_word_weighted_and_codes_are_united() {
        // Row 0 = bytes 0..20 (two sentences), row 1 = 22..30 (none), row 2 = 32..40 (one).
        let ranges = vec![0..20, 22..30, 32..40];
        let sentences = vec![
            sentence(0, 100, 3, &[]),
            sentence(
                10,
                0,
                1,
                &[
                    ("boilerplate", Severity::Minor),
                    ("credit", Severity::Minor),
                ],
            ),
            sentence(32, 80, 5, &[("boilerplate", Severity::Major)]),
        ];
        let text = "x".repeat(40);
        let rows = map_back(&sentences, &text, &ranges, &Scoring::default());
        assert_eq!(rows.len(), 3);
        // (100×3 + 0×1) / 4 = 75
        assert_eq!(rows[0].score, 75);
        assert_eq!(rows[0].words, 4);
        assert_eq!(rows[0].sentences, 2);
        assert_eq!(
            rows[0].codes.iter().copied().collect::<Vec<_>>(),
            ["boilerplate", "credit"]
        );
        assert!(!rows[0].major);
        assert_eq!(rows[0].evidence, ["boilerplate: \"x\"", "credit: \"x\""]);
        assert_eq!(
            rows[1],
            RowResult {
                score: 100,
                ..RowResult::default()
            }
        );
        assert_eq!(rows[0].spans, [("boilerplate", 10, 11), ("credit", 10, 11)]);
        assert_eq!(rows[2].score, 80);
        assert!(rows[2].major);
        assert_eq!(rows[2].spans, [("boilerplate", 0, 1)]);
    }

    #[test]
    fn finding_offsets_become_row_relative_characters() {
        let rows = vec![
            row(2, Some("d"), "Ünïcödé."),
            row(3, Some("d"), "Second line."),
        ];
        let (doc, ranges) = build_document(&rows, &[0, 1]);
        assert_eq!(ranges, vec![0..12, 14..26]);
        let mut s = sentence(14, 96, 2, &[("typography", Severity::Minor)]);
        // "Second" = document characters 10..16.
        s.findings[0].start = 10;
        s.findings[0].end = 16;
        let mapped = map_back(
            &[sentence(0, 100, 1, &[]), s],
            &doc.text,
            &ranges,
            &Scoring::default(),
        );
        assert_eq!(mapped[1].spans, [("typography", 0, 6)]);
        assert_eq!(mapped[0].spans, []);
    }

    #[test]
    fn real_engine_sentences_map_back_to_their_rows() {
        let rows = vec![
            row(
                2,
                Some("d"),
                "The first row has two sentences. Here is the second one.",
            ),
            row(3, Some("d"), "Second row."),
            row(4, Some("d"), "Third row, with five words."),
        ];
        let (doc, ranges) = build_document(&rows, &[0, 1, 2]);
        let engine = Engine::default_engine().unwrap();
        let report = engine.analyze(&doc);
        let mapped = map_back(&report.sentences, &doc.text, &ranges, engine.scoring());
        assert_eq!(
            mapped.iter().map(|r| r.sentences).collect::<Vec<_>>(),
            [2, 1, 1]
        );
        assert_eq!(
            mapped.iter().map(|r| r.words).collect::<Vec<_>>(),
            [11, 2, 5]
        );
        // The same row analyzed alone gives the same words and score.
        for (i, r) in rows.iter().enumerate() {
            let alone = engine.analyze(&Document::new("x", r.text.clone()));
            let words: usize = alone.sentences.iter().map(|s| s.words).sum();
            assert_eq!(words, mapped[i].words);
            assert_eq!(alone.score, mapped[i].score);
        }
    }
}

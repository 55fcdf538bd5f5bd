//! Scoring: findings → penalty → score → verdict, as pure functions of the configured weights.

use crate::rules::Severity;
use serde::{Deserialize, Serialize};

/// Weights and bands; MQM defaults (minor 1, major 5, critical 25; ok ≥ 90, review ≥ 50).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scoring {
    /// Weight of a minor finding.
    pub minor: f64,
    /// Weight of a major finding.
    pub major: f64,
    /// Weight of a critical finding.
    pub critical: f64,
    /// The penalty at which the score reaches 0.
    pub scale: f64,
    /// Lowest score with verdict `ok`.
    pub ok: f64,
    /// Lowest score with verdict `review`.
    pub review: f64,
    /// Document score: the penalty per word at which the score reaches 0 (MQM's per-word
    /// normalization; 0.2 = one major finding per 25 words).
    pub tolerance: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            minor: 1.0,
            major: 5.0,
            critical: 25.0,
            scale: 25.0,
            ok: 90.0,
            review: 50.0,
            tolerance: 0.2,
        }
    }
}

/// The verdict of a sentence or document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Publishable.
    Ok,
    /// An editor should look.
    Review,
    /// Needs rewriting.
    Reject,
}

impl Verdict {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Review => "review",
            Verdict::Reject => "reject",
        }
    }
}

impl Scoring {
    /// Weight of a severity.
    pub fn weight(&self, s: Severity) -> f64 {
        match s {
            Severity::Minor => self.minor,
            Severity::Major => self.major,
            Severity::Critical => self.critical,
        }
    }

    /// Sum of the weights of the severities.
    pub fn penalty(&self, severities: impl IntoIterator<Item = Severity>) -> f64 {
        severities
            .into_iter()
            .fold(0.0, |acc, s| acc + self.weight(s))
    }

    /// `round(100 × max(0, 1 − penalty / scale))`.
    pub fn score(&self, penalty: f64) -> u32 {
        let s = 100.0 * (1.0 - penalty / self.scale).max(0.0);
        s.round().clamp(0.0, 100.0) as u32
    }

    /// The band of a score.
    pub fn verdict(&self, score: f64) -> Verdict {
        if score >= self.ok {
            Verdict::Ok
        } else if score >= self.review {
            Verdict::Review
        } else {
            Verdict::Reject
        }
    }

    /// A document's score, MQM's per-word normalized penalty with a tolerance:
    /// `round(100 × max(0, 1 − (penalty / words) / tolerance))`. A document without words
    /// scores 100 when it has no penalty and 0 when it has one (nothing to dilute it).
    pub fn document_score(&self, penalty: f64, words: usize) -> u32 {
        if words == 0 {
            return if penalty > 0.0 { 0 } else { 100 };
        }
        let per_word = penalty / words as f64;
        let s = 100.0 * (1.0 - per_word / self.tolerance).max(0.0);
        s.round().clamp(0.0, 100.0) as u32
    }

    /// Word-weighted mean of sentence scores (`(score, words)`), rounded to a whole number;
    /// a sentence without words weighs 1. `None` without sentences. Used for the rows of
    /// `mtlint eval`, which are segments compared with a human's score of the segment.
    pub fn mean_sentence_score(
        &self,
        sentences: impl IntoIterator<Item = (u32, usize)>,
    ) -> Option<u32> {
        let (mut num, mut den) = (0.0, 0.0);
        for (score, words) in sentences {
            let w = words.max(1) as f64;
            num += f64::from(score) * w;
            den += w;
        }
        (den > 0.0).then(|| (num / den).round() as u32)
    }
}

/// A document's scores: overall, from translation errors only, from page junk only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocScores {
    /// Total penalty of all findings.
    pub penalty: f64,
    /// Words in the document.
    pub words: usize,
    /// [`Scoring::document_score`] over every finding.
    pub score: u32,
    /// The same over the findings that translation causes (every code but [`PAGE_CODES`]).
    pub translation_score: u32,
    /// The same over the page's junk ([`PAGE_CODES`]).
    pub page_score: u32,
}

impl Scoring {
    /// The document scores from its findings (`(code, severity)`) and its word count.
    pub fn document_scores<'a>(
        &self,
        findings: impl IntoIterator<Item = (&'a str, Severity)>,
        words: usize,
    ) -> DocScores {
        let (mut translation, mut page) = (0.0, 0.0);
        for (code, sev) in findings {
            if is_page_code(code) {
                page += self.weight(sev);
            } else {
                translation += self.weight(sev);
            }
        }
        DocScores {
            penalty: translation + page,
            words,
            score: self.document_score(translation + page, words),
            translation_score: self.document_score(translation, words),
            page_score: self.document_score(page, words),
        }
    }
}

/// Codes whose findings are page junk rather than translation errors: they make up a
/// document's `page_score`; every other code makes up its `translation_score`.
pub const PAGE_CODES: [&str; 4] = ["boilerplate", "credit", "truncated", "encoding"];

/// Whether a finding of this code counts towards the page score (else the translation score).
pub fn is_page_code(code: &str) -> bool {
    PAGE_CODES.contains(&code)
}

/// Formats a penalty without a trailing `.0` (`5`, `0.5`).
pub fn format_penalty(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{}", p as i64)
    } else {
        format!("{p}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Severity::*;

    #[test]
    fn spec_examples() {
        let s = Scoring::default();
        assert_eq!(s.penalty([Minor, Major]), 6.0);
        assert_eq!(s.score(0.0), 100);
        assert_eq!(s.score(1.0), 96);
        assert_eq!(s.score(5.0), 80);
        assert_eq!(s.score(6.0), 76);
        assert_eq!(s.score(25.0), 0);
        assert_eq!(s.score(40.0), 0);
        assert_eq!(s.verdict(90.0), Verdict::Ok);
        assert_eq!(s.verdict(89.0), Verdict::Review);
        assert_eq!(s.verdict(50.0), Verdict::Review);
        assert_eq!(s.verdict(49.0), Verdict::Reject);
    }

    #[test]
    fn mean_sentence_score_is_word_weighted() {
        let s = Scoring::default();
        // (100×3 + 0×1) / 4 = 75
        assert_eq!(s.mean_sentence_score([(100, 3), (0, 1)]), Some(75));
        assert_eq!(s.mean_sentence_score([]), None);
    }

    #[test]
    fn document_score_is_per_word_penalty_over_tolerance() {
        let s = Scoring::default();
        // One major finding (5) in 25 words: 0.2 per word = the tolerance → 0.
        assert_eq!(s.document_score(5.0, 25), 0);
        // One major finding in 100 words: 0.05 / 0.2 = 0.25 → 75.
        assert_eq!(s.document_score(5.0, 100), 75);
        // One minor finding in 2,000 words: 0.0005 / 0.2 → 99.75 → 100.
        assert_eq!(s.document_score(1.0, 2000), 100);
        assert_eq!(s.document_score(1.0, 300), 98);
        assert_eq!(s.document_score(0.0, 10), 100);
        assert_eq!(s.document_score(0.0, 0), 100);
        assert_eq!(s.document_score(25.0, 0), 0);
        // A few broken sentences are not diluted by many clean ones the way a mean is: 3 majors
        // in 300 words (10 sentences of 30) give 75, where the mean of sentence scores is 94.
        assert_eq!(s.document_score(15.0, 300), 75);
        let mean = s.mean_sentence_score((0..10).map(|i| (if i < 3 { 80 } else { 100 }, 30)));
        assert_eq!(mean, Some(94));
        let strict = Scoring {
            tolerance: 0.1,
            ..Scoring::default()
        };
        assert_eq!(strict.document_score(5.0, 100), 50);
    }

    #[test]
    fn document_scores_split_translation_and_page() {
        let s = Scoring::default();
        let d = s.document_scores(
            [
                ("boilerplate", Major),
                ("word-order", Major),
                ("credit", Minor),
            ],
            100,
        );
        assert_eq!(d.penalty, 11.0);
        assert_eq!(d.score, s.document_score(11.0, 100));
        assert_eq!(d.translation_score, 75);
        assert_eq!(d.page_score, s.document_score(6.0, 100));
        assert_eq!(d.page_score, 70);
    }

    #[test]
    fn page_codes_are_the_four_page_artifacts() {
        for c in ["boilerplate", "credit", "truncated", "encoding"] {
            assert!(is_page_code(c), "{c}");
        }
        for c in [
            "run-together",
            "word-order",
            "untranslated",
            "fluency",
            "source-copy",
        ] {
            assert!(!is_page_code(c), "{c}");
        }
    }

    #[test]
    fn penalty_format() {
        assert_eq!(format_penalty(5.0), "5");
        assert_eq!(format_penalty(0.5), "0.5");
    }
}

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

    /// Word-weighted mean of sentence scores (`(score, words)`), rounded to a whole number;
    /// a sentence without words weighs 1. `None` for an empty document.
    pub fn document_score(&self, sentences: impl IntoIterator<Item = (u32, usize)>) -> Option<u32> {
        let (mut num, mut den) = (0.0, 0.0);
        for (score, words) in sentences {
            let w = words.max(1) as f64;
            num += f64::from(score) * w;
            den += w;
        }
        (den > 0.0).then(|| (num / den).round() as u32)
    }
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
    fn document_score_is_word_weighted() {
        let s = Scoring::default();
        // (100×3 + 0×1) / 4 = 75
        assert_eq!(s.document_score([(100, 3), (0, 1)]), Some(75));
        assert_eq!(s.document_score([]), None);
    }

    #[test]
    fn penalty_format() {
        assert_eq!(format_penalty(5.0), "5");
        assert_eq!(format_penalty(0.5), "0.5");
    }
}

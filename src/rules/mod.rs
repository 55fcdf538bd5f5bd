//! The rule contract and the registry: the [`Rule`] trait, the plain [`Finding`] a rule
//! reports, what a rule is ([`RuleInfo`]), and the one list of every rule code.
//!
//! A rule never reads files, prints or detects languages itself: the sentence, the document,
//! its languages and the lexicons arrive through [`Sentence`] and [`Context`], which live in
//! [`crate::sentence`] with the rest of the pipeline's data.

pub mod boilerplate;
pub mod broken_clause;
pub mod capitalized_noun;
pub mod credit;
pub mod encoding;
pub mod foreign_spelling;
pub mod name_mismatch;
pub mod name_variant;
pub mod number_mismatch;
pub mod repetition;
pub mod run_together;
pub mod source_copy;
#[cfg(test)]
pub mod testing;
pub mod truncated;
pub mod typography;
pub mod untranslated;
pub mod word_order;
pub mod word_order_de;
pub mod wrong_language;

use crate::lexicon::{LexiconError, Lexicons};
use std::ops::Range;

// re-exported until the rule files import from the new home
pub use crate::sentence::{word_facts, Context, DocWords, Sentence, WordCounts, WordFacts};
// re-exported until the rule files import from the new home
pub use crate::translit;

/// How bad a finding is. Weights follow MQM (minor 1, major 5, critical 25) and can be changed
/// in the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A blemish: weight 1.
    Minor,
    /// A reader notices and is misled or amused: weight 5.
    Major,
    /// The sentence is unusable: weight 25.
    Critical,
}

impl Severity {
    /// The lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

/// One problem found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Byte range of the matched text in the sentence text.
    pub span: Range<usize>,
    /// The rule code (`run-together`).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, for a person.
    pub message: String,
    /// The replacement, when the rule knows one.
    pub suggestion: Option<String>,
    /// What the evidence column shows instead of the matched text, for a finding about
    /// something absent (a source number missing from the translation has an empty span).
    pub evidence: Option<String>,
}

impl Finding {
    /// A finding with the rule's default severity and no suggestion.
    pub fn new(info: &RuleInfo, span: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            span,
            code: info.code,
            severity: info.severity,
            message: message.into(),
            suggestion: None,
            evidence: None,
        }
    }

    /// Sets what the evidence column shows for an empty span (what is missing).
    pub fn with_evidence(mut self, e: impl Into<String>) -> Self {
        self.evidence = Some(e.into());
        self
    }

    /// Adds a suggestion.
    pub fn with_suggestion(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }

    /// Changes the severity.
    pub fn with_severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
}

/// A finding of a document-level check, attached to one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFinding {
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
    /// The finding; its span is in that sentence's text.
    pub finding: Finding,
}

/// What a rule is, for `mtlint rules` and `mtlint explain`.
#[derive(Debug)]
pub struct RuleInfo {
    /// The code, part of the interface.
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Target languages the rule can judge (ISO 639-1); `"*"` means any.
    pub targets: &'static [&'static str],
    /// One line: what it flags.
    pub summary: &'static str,
    /// Markdown: what it does, why it is bad, examples bad → good, what stays clean.
    pub explain: &'static str,
}

impl RuleInfo {
    /// True when the rule can judge text whose target language is `lang`.
    pub fn judges(&self, lang: &str) -> bool {
        self.targets.iter().any(|&t| t == "*" || t == lang)
    }
}

/// A check. One implementation per rule code, in its own file.
pub trait Rule: Send + Sync {
    /// What the rule is.
    fn info(&self) -> &'static RuleInfo;

    /// Checks one sentence.
    fn check(&self, _s: &Sentence<'_>, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    /// Checks the whole document (rules that compare sentences, such as name variants).
    fn check_document(&self, _cx: &Context<'_>, _out: &mut Vec<DocFinding>) {}
}

/// Every rule, alphabetically by code, built from the lexicons.
pub fn registry(lex: &Lexicons) -> Result<Vec<Box<dyn Rule>>, LexiconError> {
    // Built in parallel: some rules load word lists and filter tables, the others need not
    // wait for them (start-up time of a one-line check).
    use rayon::prelude::*;
    RULES.par_iter().map(|build| build(lex)).collect()
}

type Build = fn(&Lexicons) -> Result<Box<dyn Rule>, LexiconError>;

/// Every rule's constructor, alphabetically by code.
const RULES: [Build; 17] = [
    |lex| Ok(Box::new(boilerplate::Boilerplate::new(lex)?)),
    |lex| Ok(Box::new(broken_clause::BrokenClause::new(lex)?)),
    |lex| Ok(Box::new(capitalized_noun::CapitalizedNoun::new(lex)?)),
    |lex| Ok(Box::new(credit::Credit::new(lex)?)),
    |lex| Ok(Box::new(encoding::Encoding::new(lex)?)),
    |lex| Ok(Box::new(foreign_spelling::ForeignSpelling::new(lex)?)),
    |lex| Ok(Box::new(name_mismatch::NameMismatch::new(lex)?)),
    |lex| Ok(Box::new(name_variant::NameVariant::new(lex)?)),
    |lex| Ok(Box::new(number_mismatch::NumberMismatch::new(lex)?)),
    |lex| Ok(Box::new(repetition::Repetition::new(lex)?)),
    |lex| Ok(Box::new(run_together::RunTogether::new(lex)?)),
    |lex| Ok(Box::new(source_copy::SourceCopy::new(lex)?)),
    |lex| Ok(Box::new(truncated::Truncated::new(lex)?)),
    |lex| Ok(Box::new(typography::Typography::new(lex)?)),
    |lex| Ok(Box::new(untranslated::Untranslated::new(lex)?)),
    |lex| Ok(Box::new(word_order::WordOrder::new(lex)?)),
    |lex| Ok(Box::new(wrong_language::WrongLanguage::new(lex)?)),
];

/// Static descriptions of every rule code, including those without an implementation yet.
pub fn catalogue(lex: &Lexicons) -> Result<Vec<&'static RuleInfo>, LexiconError> {
    Ok(registry(lex)?.iter().map(|r| r.info()).collect())
}

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
pub mod wrong_language;

use crate::lexicon::{LexiconError, Lexicons};
use crate::sentence::{Context, Sentence};
use std::ops::Range;

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

    /// A cheap test before [`Rule::check`]: false only when `check` would certainly report
    /// nothing in the sentence. A speed shortcut, never part of the logic: `check` must report
    /// the same without it (the test in [`crate::gate`] runs every rule with its gates open).
    fn may_fire(&self, _s: &Sentence<'_>, _cx: &Context<'_>) -> bool {
        true
    }

    /// Checks one sentence.
    fn check(&self, _s: &Sentence<'_>, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    /// Checks the whole document (rules that compare sentences, such as name variants).
    fn check_document(&self, _cx: &Context<'_>, _out: &mut Vec<DocFinding>) {}
}

/// How a rule is built from the lexicons.
pub type Build = fn(&Lexicons) -> Result<Box<dyn Rule>, LexiconError>;

/// One rule of the registry: its code and its constructor.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The rule code; the rule's own [`RuleInfo::code`] is the same (a test checks).
    pub code: &'static str,
    /// Builds the rule.
    pub build: Build,
}

/// The registry: every rule, in the order of the specification's catalogue (PRODUCT.md,
/// "Rules"). The one list of rule codes: [`ALL_CODES`], [`registry`], `mtlint rules` and the
/// command-line tests derive from it. Adding a rule is one line here.
pub const RULES: [Entry; 17] = [
    entry("run-together", |lex| {
        Ok(Box::new(run_together::RunTogether::new(lex)?))
    }),
    entry("foreign-spelling", |lex| {
        Ok(Box::new(foreign_spelling::ForeignSpelling::new(lex)?))
    }),
    entry("name-variant", |lex| {
        Ok(Box::new(name_variant::NameVariant::new(lex)?))
    }),
    entry("word-order", |lex| {
        Ok(Box::new(word_order::WordOrder::new(lex)?))
    }),
    entry("broken-clause", |lex| {
        Ok(Box::new(broken_clause::BrokenClause::new(lex)?))
    }),
    entry("repetition", |lex| {
        Ok(Box::new(repetition::Repetition::new(lex)?))
    }),
    entry("capitalized-noun", |lex| {
        Ok(Box::new(capitalized_noun::CapitalizedNoun::new(lex)?))
    }),
    entry("untranslated", |lex| {
        Ok(Box::new(untranslated::Untranslated::new(lex)?))
    }),
    entry("wrong-language", |lex| {
        Ok(Box::new(wrong_language::WrongLanguage::new(lex)?))
    }),
    entry("boilerplate", |lex| {
        Ok(Box::new(boilerplate::Boilerplate::new(lex)?))
    }),
    entry("credit", |lex| Ok(Box::new(credit::Credit::new(lex)?))),
    entry("truncated", |lex| {
        Ok(Box::new(truncated::Truncated::new(lex)?))
    }),
    entry("typography", |lex| {
        Ok(Box::new(typography::Typography::new(lex)?))
    }),
    entry("encoding", |lex| {
        Ok(Box::new(encoding::Encoding::new(lex)?))
    }),
    entry("source-copy", |lex| {
        Ok(Box::new(source_copy::SourceCopy::new(lex)?))
    }),
    entry("number-mismatch", |lex| {
        Ok(Box::new(number_mismatch::NumberMismatch::new(lex)?))
    }),
    entry("name-mismatch", |lex| {
        Ok(Box::new(name_mismatch::NameMismatch::new(lex)?))
    }),
];

const fn entry(code: &'static str, build: Build) -> Entry {
    Entry { code, build }
}

/// Every rule code, in the order of [`RULES`] (for validating `--only`, `--ignore` and
/// configured severities, and for listing them in messages).
pub const ALL_CODES: [&str; RULES.len()] = {
    let mut codes = [""; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        codes[i] = RULES[i].code;
        i += 1;
    }
    codes
};

/// Every rule, alphabetically by code, built from the lexicons. (Alphabetical is the order
/// in which rules run and `mtlint rules` lists them.)
pub fn registry(lex: &Lexicons) -> Result<Vec<Box<dyn Rule>>, LexiconError> {
    // Built in parallel: some rules load word lists and filter tables, the others need not
    // wait for them (start-up time of a one-line check).
    use rayon::prelude::*;
    let mut entries = RULES;
    entries.sort_unstable_by_key(|e| e.code);
    entries.par_iter().map(|e| (e.build)(lex)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_builds_the_rule_of_its_code_and_codes_are_unique() {
        let lex = Lexicons::builtin();
        let built = registry(lex).unwrap();
        let mut want: Vec<&str> = ALL_CODES.to_vec();
        want.sort_unstable();
        want.dedup();
        assert_eq!(want.len(), RULES.len(), "a code is listed twice");
        let got: Vec<&str> = built.iter().map(|r| r.info().code).collect();
        assert_eq!(got, want);
        for e in RULES {
            assert_eq!((e.build)(lex).unwrap().info().code, e.code);
        }
    }
}

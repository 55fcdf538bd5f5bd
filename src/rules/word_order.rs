//! `word-order`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "word-order",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `word-order` rule.
#[derive(Debug)]
pub struct WordOrder;

impl WordOrder {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(WordOrder)
    }
}

impl Rule for WordOrder {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

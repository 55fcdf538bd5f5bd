//! `number-mismatch`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "number-mismatch",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `number-mismatch` rule.
#[derive(Debug)]
pub struct NumberMismatch;

impl NumberMismatch {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(NumberMismatch)
    }
}

impl Rule for NumberMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

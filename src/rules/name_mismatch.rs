//! `name-mismatch`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "name-mismatch",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `name-mismatch` rule.
#[derive(Debug)]
pub struct NameMismatch;

impl NameMismatch {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(NameMismatch)
    }
}

impl Rule for NameMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

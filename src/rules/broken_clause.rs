//! `broken-clause`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "broken-clause",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `broken-clause` rule.
#[derive(Debug)]
pub struct BrokenClause;

impl BrokenClause {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(BrokenClause)
    }
}

impl Rule for BrokenClause {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

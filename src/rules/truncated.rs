//! `truncated`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "truncated",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `truncated` rule.
#[derive(Debug)]
pub struct Truncated;

impl Truncated {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Truncated)
    }
}

impl Rule for Truncated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

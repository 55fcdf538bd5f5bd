//! `credit`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "credit",
    severity: Severity::Minor,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `credit` rule.
#[derive(Debug)]
pub struct Credit;

impl Credit {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Credit)
    }
}

impl Rule for Credit {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

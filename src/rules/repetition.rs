//! `repetition`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "repetition",
    severity: Severity::Minor,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `repetition` rule.
#[derive(Debug)]
pub struct Repetition;

impl Repetition {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Repetition)
    }
}

impl Rule for Repetition {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

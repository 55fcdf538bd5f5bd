//! `run-together`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "run-together",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `run-together` rule.
#[derive(Debug)]
pub struct RunTogether;

impl RunTogether {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(RunTogether)
    }
}

impl Rule for RunTogether {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

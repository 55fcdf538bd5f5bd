//! `boilerplate`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "boilerplate",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `boilerplate` rule.
#[derive(Debug)]
pub struct Boilerplate;

impl Boilerplate {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Boilerplate)
    }
}

impl Rule for Boilerplate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

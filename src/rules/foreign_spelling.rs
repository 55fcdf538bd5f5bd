//! `foreign-spelling`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "foreign-spelling",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `foreign-spelling` rule.
#[derive(Debug)]
pub struct ForeignSpelling;

impl ForeignSpelling {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(ForeignSpelling)
    }
}

impl Rule for ForeignSpelling {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

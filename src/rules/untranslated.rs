//! `untranslated`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "untranslated",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `untranslated` rule.
#[derive(Debug)]
pub struct Untranslated;

impl Untranslated {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Untranslated)
    }
}

impl Rule for Untranslated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

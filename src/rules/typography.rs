//! `typography`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "typography",
    severity: Severity::Minor,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `typography` rule.
#[derive(Debug)]
pub struct Typography;

impl Typography {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Typography)
    }
}

impl Rule for Typography {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

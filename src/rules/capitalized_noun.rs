//! `capitalized-noun`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "capitalized-noun",
    severity: Severity::Minor,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `capitalized-noun` rule.
#[derive(Debug)]
pub struct CapitalizedNoun;

impl CapitalizedNoun {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(CapitalizedNoun)
    }
}

impl Rule for CapitalizedNoun {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

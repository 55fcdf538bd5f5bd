//! `name-variant`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "name-variant",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `name-variant` rule.
#[derive(Debug)]
pub struct NameVariant;

impl NameVariant {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(NameVariant)
    }
}

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

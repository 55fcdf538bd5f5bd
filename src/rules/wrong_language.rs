//! `wrong-language`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "wrong-language",
    severity: Severity::Critical,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `wrong-language` rule.
#[derive(Debug)]
pub struct WrongLanguage;

impl WrongLanguage {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(WrongLanguage)
    }
}

impl Rule for WrongLanguage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

//! `encoding`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "encoding",
    severity: Severity::Major,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `encoding` rule.
#[derive(Debug)]
pub struct Encoding;

impl Encoding {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(Encoding)
    }
}

impl Rule for Encoding {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

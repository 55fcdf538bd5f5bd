//! `source-copy`: PLACEHOLDER — to be written.

use super::{Rule, RuleInfo, Severity};
use crate::lexicon::{LexiconError, Lexicons};

static INFO: RuleInfo = RuleInfo {
    code: "source-copy",
    severity: Severity::Critical,
    targets: &["en"],
    summary: "PLACEHOLDER",
    explain: "PLACEHOLDER",
};

/// The `source-copy` rule.
#[derive(Debug)]
pub struct SourceCopy;

impl SourceCopy {
    /// Builds the rule from the lexicons.
    pub fn new(_lex: &Lexicons) -> Result<Self, LexiconError> {
        Ok(SourceCopy)
    }
}

impl Rule for SourceCopy {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}

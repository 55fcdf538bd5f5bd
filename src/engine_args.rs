//! What `check` and `eval` share on the command line: the options that shape the engine
//! ([`EngineArgs`]) and the exit codes. A module of its own so that [`crate::cli`] and
//! [`crate::eval`] both depend on it and not on each other.

use crate::analyze::{Engine, Options};
use crate::config::Config;
use anyhow::{bail, Result};
use clap::Args;
use std::path::PathBuf;

/// Exit code: ran.
pub const EXIT_OK: i32 = 0;
/// Exit code: `--fail-under` crossed.
pub const EXIT_FAIL_UNDER: i32 = 1;
/// Exit code: usage error or at least one input failed.
pub const EXIT_ERROR: i32 = 2;

/// Options that shape the engine (shared by `check` and `eval`).
#[derive(Debug, Clone, Args, Default)]
pub struct EngineArgs {
    /// Expected language of the text (ISO 639-1); default: each document's dominant language.
    #[arg(long, value_name = "LANG")]
    pub target: Option<String>,
    /// Language the text was translated from, if known.
    #[arg(long, value_name = "LANG")]
    pub source: Option<String>,
    /// Only these rule codes (comma-separated).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub only: Option<Vec<String>>,
    /// Not these rule codes (comma-separated).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Configuration file (default: mtlint.toml in the working directory, if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory of lexicon files that extend or replace the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
}

impl EngineArgs {
    /// Builds the engine these options describe.
    pub fn engine(&self) -> Result<Engine> {
        let lang = |s: &Option<String>, what: &str| -> Result<Option<&'static str>> {
            match s {
                None => Ok(None),
                Some(v) => match crate::lang::parse(v) {
                    Some(l) => Ok(Some(l)),
                    None => bail!(
                        "unknown {what} language {v:?} (use an ISO 639-1 code such as en, de)"
                    ),
                },
            }
        };
        let config = match &self.config {
            Some(p) => Config::load(p)?,
            None => {
                let p = PathBuf::from("mtlint.toml");
                if p.is_file() {
                    Config::load(&p)?
                } else {
                    Config::default()
                }
            }
        };
        let opts = Options {
            target: lang(&self.target, "target")?,
            source: lang(&self.source, "source")?,
            only: self.only.clone(),
            ignore: self.ignore.clone(),
            config,
            lexicons: self.lexicons.clone(),
        };
        Ok(Engine::new(opts)?)
    }
}

//! The configuration file (`mtlint.toml`): weights and bands, allowed names and words, extra
//! boilerplate phrases, per-rule severity changes. Nothing here changes silently: unknown keys
//! are errors.

use crate::rules::Severity;
use crate::score::Scoring;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The parsed configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Weights and verdict bands.
    pub scoring: Scoring,
    /// Words and names that are never flagged (case-insensitive, matched against the whole
    /// matched text of a finding or any word in it).
    pub allow: Allow,
    /// Extra boilerplate phrases, matched like the built-in ones.
    pub boilerplate: Vec<String>,
    /// Severity per rule code, replacing the rule's own.
    pub severity: BTreeMap<String, Severity>,
}

/// Allow-lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Allow {
    /// Names spelled as the document should keep them (`Wladimir Klitschko`).
    pub names: Vec<String>,
    /// Words that are fine (`livestream`).
    pub words: Vec<String>,
}

/// A configuration file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Parsing failed (the message names line and column).
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What toml said.
        message: String,
    },
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            _ => Err(serde::de::Error::custom(format!(
                "unknown severity {s:?} (minor, major or critical)"
            ))),
        }
    }
}

impl Config {
    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(&text).map_err(|message| ConfigError::Parse {
            path: path.display().to_string(),
            message,
        })
    }

    /// Parses configuration text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let c: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        let s = &c.scoring;
        if s.scale.is_nan() || s.scale <= 0.0 || s.minor < 0.0 || s.major < 0.0 || s.critical < 0.0
        {
            return Err("scoring: scale must be positive and weights not negative".into());
        }
        if s.tolerance.is_nan() || s.tolerance <= 0.0 {
            return Err("scoring: tolerance must be positive".into());
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_sections() {
        let c = Config::parse(
            "boilerplate = [\"Subscribe now\"]\n[scoring]\nmajor = 4\nok = 95\n[allow]\nnames = [\"Wladimir Klitschko\"]\n[severity]\ncredit = \"major\"\n",
        )
        .unwrap();
        assert_eq!(c.scoring.major, 4.0);
        assert_eq!(c.scoring.minor, 1.0);
        assert_eq!(c.scoring.ok, 95.0);
        assert_eq!(c.allow.names, vec!["Wladimir Klitschko"]);
        assert_eq!(c.severity["credit"], Severity::Major);
        assert_eq!(c.boilerplate, vec!["Subscribe now"]);
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(Config::parse("[scoring]\nmajr = 4\n").is_err());
        assert!(Config::parse("[severity]\ncredit = \"huge\"\n").is_err());
        assert!(Config::parse("[scoring]\nscale = 0\n").is_err());
        assert!(Config::parse("[scoring]\ntolerance = 0\n").is_err());
        assert!(Config::parse("[scoring]\ntolerance = -0.1\n").is_err());
        let c = Config::parse("[scoring]\ntolerance = 0.1\n").unwrap();
        assert_eq!(c.scoring.tolerance, 0.1);
    }
}

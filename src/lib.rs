//! # mtlint
//!
//! Finds machine-translation artifacts in text and scores every sentence: words fused together,
//! source-language word order, foreign spellings of names, leaked web-page text, credits,
//! untranslated words, wrong-language sentences and more. It needs no source text.
//!
//! ```
//! use mtlint::{Document, Engine};
//! let engine = Engine::default_engine().unwrap();
//! let report = engine.analyze(&Document::new("doc", "Split\n\nThe talks went well."));
//! assert_eq!(report.sentences.len(), 2);
//! ```

pub mod align;
pub mod analyze;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod engine_args;
pub mod eval;
pub mod gate;
pub mod html;
pub mod input;
pub mod kernels;
pub mod l10n;
pub mod lang;
pub mod languages;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod output;
pub mod phrases;
pub mod progress;
pub mod rules;
pub mod score;
pub mod segment;
pub mod sentence;
pub mod text;
pub mod translit;

pub use analyze::{
    DocReport, Document, Engine, EngineError, FindingReport, Options, SentenceReport,
};
pub use config::Config;
pub use rules::{Finding, Rule, RuleInfo, Severity};
pub use score::{Scoring, Verdict};
pub use sentence::{Context, Sentence};
